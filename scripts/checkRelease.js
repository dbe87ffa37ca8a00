#!/usr/bin/env node
/**
 * `node scripts/checkRelease.js <tag>`: the release workflow's gate (.github/workflows/release.yml),
 * run before anything is published. The tag must be `v` + package.json's version (a semver
 * version), package-lock.json must carry the same version, and CHANGELOG.md must have that
 * version's section with entries and nothing left under `## Unreleased` (an entry there would
 * ship without being listed under the version). Prints every problem and exits 1; otherwise
 * writes the npm dist-tag to $GITHUB_OUTPUT (`next` for a prerelease such as 1.2.0-rc.1, so it
 * does not become `latest`).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const semver = require("semver");

/** The lines of each `## ` section of a Keep a Changelog file, by heading (`Unreleased`, `0.2.0 - 2026-12-01`). */
function changelogSections(changelog) {
    const sections = new Map();
    let current;
    for (const line of changelog.replace(/\r\n/g, "\n").split("\n")) {
        const heading = /^## (.+?)\s*$/.exec(line);
        if (heading) sections.set((current = heading[1]), []);
        else if (current !== undefined) sections.get(current).push(line);
    }
    return sections;
}

/** Whether a section lists anything: a line other than blank and `### ` subheadings. */
function hasEntries(lines) {
    return lines.some(line => line.trim() !== "" && !line.startsWith("### "));
}

/** The problems that stop the release of `tag`, as "what is wrong. How to fix it." lines. */
function releaseProblems({ tag, packageJson, lock, changelog }) {
    const problems = [];
    const version = packageJson.version;
    if (!semver.valid(version)) problems.push(`package.json's version '${version}' is not a semver version.`);
    if (tag !== `v${version}`) {
        problems.push(
            `tag '${tag}' is not package.json's version v${version}. Tag the commit that sets the version (npm version <version> --no-git-tag-version), as v<version>.`,
        );
    }
    if (lock.version !== version || lock.packages?.[""]?.version !== version) {
        problems.push(
            `package-lock.json is at ${lock.version}, not ${version}. Run npm install and commit package-lock.json.`,
        );
    }
    const sections = changelogSections(changelog);
    const headings = [...sections.keys()];
    const released = headings.find(h => h === version || h.startsWith(`${version} - `) || h === `[${version}]`);
    if (!released) {
        problems.push(
            `CHANGELOG.md has no section '## ${version}'. Move the Unreleased entries under '## ${version}' (a date may follow: '## ${version} - YYYY-MM-DD').`,
        );
    } else if (!hasEntries(sections.get(released))) {
        problems.push(`CHANGELOG.md's section '## ${released}' lists nothing. Write what the release changes.`);
    }
    const unreleased = headings.find(h => /^\[?unreleased\]?$/i.test(h));
    if (unreleased && hasEntries(sections.get(unreleased))) {
        problems.push(
            `CHANGELOG.md still lists entries under '## ${unreleased}'. Move them under '## ${version}' or leave them out of this release's commit.`,
        );
    }
    return problems;
}

/** The npm dist-tag a version is published under. */
function distTag(version) {
    return semver.prerelease(version) ? "next" : "latest";
}

function main(tag) {
    const root = path.resolve(__dirname, "..");
    const read = file => fs.readFileSync(path.join(root, file), "utf8");
    const packageJson = JSON.parse(read("package.json"));
    const problems = releaseProblems({
        tag: tag ?? "",
        packageJson,
        lock: JSON.parse(read("package-lock.json")),
        changelog: read("CHANGELOG.md"),
    });
    if (problems.length > 0) {
        for (const problem of problems) process.stderr.write(`release check: ${problem}\n`);
        return 1;
    }
    const tagName = distTag(packageJson.version);
    if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, `dist-tag=${tagName}\n`);
    process.stdout.write(
        `release check: ${tag} is pulumi-topologies@${packageJson.version} (npm dist-tag ${tagName}).\n`,
    );
    return 0;
}

if (require.main === module) process.exitCode = main(process.argv[2]);

module.exports = { changelogSections, distTag, releaseProblems };
