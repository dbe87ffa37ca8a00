/**
 * Releases: the tag-triggered publish workflow cannot run here, so its shape is checked (the
 * trigger, the OIDC permission provenance needs, the README's test command before publishing),
 * and its gate, scripts/checkRelease.js, is tested on changelogs of each kind, including this
 * repository's own, whose format it must keep.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";
import { parse } from "yaml";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script the workflow runs before npm test
const { changelogSections, distTag, releaseProblems } = require("../scripts/checkRelease.js") as {
    changelogSections(changelog: string): Map<string, string[]>;
    distTag(version: string): string;
    releaseProblems(args: { tag: string; packageJson: object; lock: object; changelog: string }): string[];
};

const root = path.resolve(__dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const packageJson = JSON.parse(read("package.json"));

/** A GitHub Actions expression as the workflow writes it, `${{ … }}`. */
const expression = (text: string) => "$" + `{{ ${text} }}`;

type Step = { uses?: string; run?: string; id?: string; with?: Record<string, unknown>; env?: Record<string, string> };

describe("the release workflow", () => {
    const workflow = parse(read(".github/workflows/release.yml"));
    const steps: Step[] = workflow.jobs.publish.steps;
    const runs = steps.map(s => s.run).filter((r): r is string => r !== undefined);

    it("runs on version tags only, with the OIDC token npm signs provenance with", () => {
        assert.deepEqual(workflow.on, { push: { tags: ["v*"] } });
        assert.deepEqual(workflow.permissions, { contents: "read", "id-token": "write" });
        assert.deepEqual(Object.keys(workflow.jobs), ["publish"]);
    });

    it("installs from the lock file on a supported Node, checks the release, runs the README's test command, then publishes", () => {
        assert.deepEqual(
            steps.filter(s => s.uses).map(s => s.uses),
            ["actions/checkout@v4", "actions/setup-node@v4"],
        );
        const node = steps.find(s => s.uses === "actions/setup-node@v4")!.with!;
        assert.ok(semver.intersects(`${node["node-version"]}.x`, packageJson.engines.node), "Node within engines");
        assert.equal(node["registry-url"], "https://registry.npmjs.org");
        // README's first block: install, then the test command CI runs.
        const firstBlock = /```sh\n([\s\S]*?)```/.exec(read("README.md"))![1];
        const testCommand = firstBlock
            .split("\n")
            .map(line => line.replace(/#.*$/, "").trim())
            .find(line => line.startsWith("npm test"));
        assert.deepEqual(runs, [
            "npm ci",
            'node scripts/checkRelease.js "$GITHUB_REF_NAME"',
            testCommand,
            `npm publish --provenance --access public --tag "${expression("steps.check.outputs.dist-tag")}"`,
        ]);
        assert.equal(steps.find(s => s.run?.startsWith("node scripts/checkRelease.js"))!.id, "check");
        assert.equal(
            steps.find(s => s.run?.startsWith("npm publish"))!.env!.NODE_AUTH_TOKEN,
            expression("secrets.NPM_TOKEN"),
        );
        assert.equal(packageJson.scripts.prepack, "npm run build", "npm publish builds dist/ first");
    });

    it("README.md's install from a packed tarball names the tarball npm pack writes", () => {
        const tarballs = [...read("README.md").matchAll(/pulumi-topologies-(\S+?)\.tgz/g)].map(m => m[1]);
        assert.ok(tarballs.length >= 2, "README.md installs from a tarball");
        for (const version of tarballs)
            assert.equal(version, packageJson.version, "update README.md's Install section");
    });
});

describe("the release check", () => {
    const lockAt = (version: string) => ({ version, packages: { "": { version } } });
    const CHANGELOG = [
        "# Changelog",
        "",
        "## Unreleased",
        "",
        "### Added",
        "",
        "## 0.2.0 - 2026-12-01",
        "",
        "### Added",
        "- `topologies plan` for any program.",
        "",
        "## 0.1.0",
        "",
        "First version.",
        "",
    ].join("\n");
    const check = (tag: string, version: string, changelog = CHANGELOG, lock = lockAt(version)) =>
        releaseProblems({ tag, packageJson: { version }, lock, changelog });

    it("passes a tag that is package.json's version, with its changelog section and nothing unreleased", () => {
        assert.deepEqual(check("v0.2.0", "0.2.0"), []);
        assert.deepEqual(check("v0.1.0", "0.1.0"), []);
        assert.equal(distTag("0.2.0"), "latest");
        assert.equal(distTag("0.3.0-rc.1"), "next");
    });

    it("refuses a tag, lock file or changelog that does not match the version", () => {
        assert.deepEqual(check("v0.2.1", "0.2.0", CHANGELOG, lockAt("0.1.0")), [
            "tag 'v0.2.1' is not package.json's version v0.2.0. Tag the commit that sets the version (npm version <version> --no-git-tag-version), as v<version>.",
            "package-lock.json is at 0.1.0, not 0.2.0. Run npm install and commit package-lock.json.",
        ]);
        assert.deepEqual(check("v0.3.0", "0.3.0"), [
            "CHANGELOG.md has no section '## 0.3.0'. Move the Unreleased entries under '## 0.3.0' (a date may follow: '## 0.3.0 - YYYY-MM-DD').",
        ]);
        assert.deepEqual(check("0.2.0", "0.2.0"), [
            "tag '0.2.0' is not package.json's version v0.2.0. Tag the commit that sets the version (npm version <version> --no-git-tag-version), as v<version>.",
        ]);
        assert.deepEqual(check("vnext", "next"), [
            "package.json's version 'next' is not a semver version.",
            "CHANGELOG.md has no section '## next'. Move the Unreleased entries under '## next' (a date may follow: '## next - YYYY-MM-DD').",
        ]);
    });

    it("refuses an empty version section and entries left under Unreleased", () => {
        const empty = CHANGELOG.replace("- `topologies plan` for any program.\n", "");
        assert.deepEqual(check("v0.2.0", "0.2.0", empty), [
            "CHANGELOG.md's section '## 0.2.0 - 2026-12-01' lists nothing. Write what the release changes.",
        ]);
        const pending = CHANGELOG.replace(
            "## Unreleased\n\n### Added\n",
            "## Unreleased\n\n### Added\n- A new flag.\n",
        );
        assert.deepEqual(check("v0.2.0", "0.2.0", pending), [
            "CHANGELOG.md still lists entries under '## Unreleased'. Move them under '## 0.2.0' or leave them out of this release's commit.",
        ]);
    });

    it("keeps this repository's CHANGELOG.md in its format: Unreleased first, then released versions, newest first", () => {
        const headings = [...changelogSections(read("CHANGELOG.md")).keys()];
        assert.equal(headings[0], "Unreleased");
        const versions = headings.slice(1).map(h => /^(\S+)( - \d{4}-\d{2}-\d{2})?$/.exec(h)?.[1]);
        for (const version of versions) assert.ok(semver.valid(version ?? ""), `'## ${version}' is not a version`);
        assert.deepEqual(
            versions,
            [...versions].sort((a, b) => semver.rcompare(a!, b!)),
        );
        assert.ok(versions.includes(packageJson.version), `CHANGELOG.md has the section of ${packageJson.version}`);
    });
});
