/**
 * The pull-request workflow cannot run here, so its shape is checked: valid YAML, only actions
 * we know by name and major version, every stack planned, the policy pack on every preview, and
 * the package scripts it calls exist.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";
import { parse } from "yaml";
import { listStacks } from "../cli/stackConfig";

const root = path.resolve(__dirname, "..");
const workflow = parse(fs.readFileSync(path.join(root, ".github", "workflows", "pull-request.yml"), "utf8"));
const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** Actions the workflow may use: published, maintained, pinned to a major version. */
const KNOWN_ACTIONS = new Set([
    "actions/checkout@v4",
    "actions/setup-node@v4",
    "actions/upload-artifact@v4",
    "pulumi/actions@v6",
    "aws-actions/configure-aws-credentials@v4",
]);

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
const steps = (job: string): Step[] => workflow.jobs[job].steps;

describe("pull-request workflow", () => {
    it("runs on pull requests with the jobs test, plan and preview", () => {
        assert.ok("pull_request" in workflow.on);
        assert.deepEqual(Object.keys(workflow.jobs), ["test", "plan", "preview"]);
    });

    it("uses only known actions, each pinned to a major version", () => {
        const used = Object.keys(workflow.jobs).flatMap(job =>
            steps(job)
                .map(s => s.uses)
                .filter((u): u is string => !!u),
        );
        assert.ok(used.length > 0);
        for (const action of used) assert.ok(KNOWN_ACTIONS.has(action), `unknown action ${action}`);
    });

    it("tests with the README's command on the oldest Node of each major engines allows, and plans every stack offline", () => {
        assert.ok(steps("test").some(s => s.run === "npm test"));
        const lowest = String(packageJson.engines.node)
            .split("||")
            .map(range => semver.minVersion(range.trim())!.version);
        assert.deepEqual(lowest, ["20.19.0", "22.12.0"]);
        for (const version of lowest) assert.ok(workflow.jobs.test.strategy.matrix.node.includes(version), version);
        assert.equal(
            steps("test").find(s => s.uses === "actions/setup-node@v4")!.with!["node-version"],
            "$" + "{{ matrix.node }}",
        );
        assert.deepEqual([...workflow.jobs.plan.strategy.matrix.stack].sort(), listStacks(path.join(root, "stacks")));
        assert.ok(steps("plan").some(s => s.run?.includes("npm run --silent plan -- --stack")));
        assert.ok(packageJson.scripts.plan, "the plan script the workflow calls exists");
    });

    it("previews every stack with the policy pack, only where credentials exist", () => {
        const previewed = workflow.jobs.preview.strategy.matrix.include.map((i: { stack: string }) => i.stack).sort();
        assert.deepEqual(previewed, listStacks(path.join(root, "stacks")));
        const preview = steps("preview").find(s => s.uses === "pulumi/actions@v6")!;
        assert.equal(preview.with?.command, "preview");
        assert.equal(preview.with?.policyPacks, "policy");
        assert.ok(fs.existsSync(path.join(root, "policy", "PulumiPolicy.yaml")));
        assert.match(String((preview as { if?: string }).if), /steps\.credentials\.outputs\.ready == 'true'/);
    });
});
