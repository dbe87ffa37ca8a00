/**
 * The conventions of a command line (issue 22 item 5): help and version, JSON that a pipe can
 * parse, no stale outputs, did-you-mean for misspelt commands, options and config keys, and a
 * progress line per stack from the benchmark.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Job, Row, sdksOf, timeAll } from "../bench/plan";
import { main, PLAN_USAGE, USAGE } from "../cli/topologies";
import { removeTempProjects, Run, tempProject } from "./support/tempProject";

after(removeTempProjects);

const repo = path.resolve(__dirname, "..");
const FIXTURES = path.join(__dirname, "fixtures");
const FIXTURE_STACK = fs.readFileSync(path.join(FIXTURES, "Pulumi.fixture.yaml"), "utf8");

async function run(args: string[]): Promise<Run> {
    let out = "";
    let err = "";
    const code = await main(args, {
        out: t => {
            out += t;
        },
        err: t => {
            err += t;
        },
    });
    return { code, out, err };
}

/** A project whose program writes to the console (as programs do) when `chatty`. */
function chattyProject(chatty = false): string {
    return tempProject({
        "Pulumi.yaml": "name: chatty\nruntime: nodejs\n",
        "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n",
        "index.js": [
            'const aws = require("@pulumi/aws");',
            chatty ? 'console.log("creating the queue");' : "",
            'exports.queueId = new aws.sqs.Queue("jobs").id;',
        ].join("\n"),
    });
}

describe("topologies command line", () => {
    it("prints the usage on --help, -h and help, and the plan's on plan --help, plan -h and help plan; exit 0", async () => {
        for (const args of [["--help"], ["-h"], ["help"]]) {
            const r = await run(args);
            assert.deepEqual([r.code, r.out, r.err], [0, `${USAGE}\n`, ""], args.join(" "));
        }
        for (const args of [
            ["plan", "--help"],
            ["plan", "-h"],
            ["help", "plan"],
            ["plan", "--stack", "x", "--help"],
        ]) {
            const r = await run(args);
            assert.deepEqual([r.code, r.out, r.err], [0, `${PLAN_USAGE}\n`, ""], args.join(" "));
        }
        for (const usage of [USAGE, PLAN_USAGE]) {
            assert.match(usage, /Exit codes:\n {2}0 {2}planned.*\n {2}1 {2}.*\n {2}2 {2}wrong usage/);
        }
        assert.match(PLAN_USAGE, /npm run -s plan -- --json/);
    });

    it("prints the package's version on --version and version", async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8"));
        for (const args of [["--version"], ["version"]]) {
            assert.deepEqual(await run(args), { code: 0, out: `${version}\n`, err: "" });
        }
    });

    it("exits 2 on a misspelt command or option, saying which was meant", async () => {
        const command = await run(["paln", "--stack", "dev"]);
        assert.equal(command.code, 2);
        assert.match(
            command.err,
            /^topologies: unknown command 'paln'; did you mean 'plan'\?\n\nusage: topologies <command>/,
        );
        const option = await run(["plan", "--stack", "dev", "--no-diagrams"]);
        assert.equal(option.code, 2);
        assert.match(
            option.err,
            /unknown option '--no-diagrams'; did you mean '--no-diagram'\?\n\nusage: topologies plan/,
        );
        assert.equal((await run([])).code, 2);
    });

    it("keeps stdout one JSON document under --json, the program's console output going to stderr", function () {
        this.timeout(30_000);
        const dir = chattyProject(true);
        // The real process (the bin entry), so the stream handling is the one users get.
        const cli = spawnSync(
            process.execPath,
            [path.join(repo, "cli", "bin.js"), "plan", "--stack", "dev", "--json", "--no-diagram"],
            { cwd: dir, encoding: "utf8" },
        );
        assert.equal(cli.status, 0, cli.stderr);
        assert.equal(JSON.parse(cli.stdout).outputs.queueId.startsWith("queue-"), true);
        assert.match(cli.stderr, /creating the queue/);
    });

    it("writes the JSON document to --json-file beside the text on stdout", async () => {
        const dir = chattyProject();
        const file = path.join(dir, "reports", "plan.json");
        const r = await run([
            "plan",
            "--cwd",
            dir,
            "--stack",
            "dev",
            "--no-diagram",
            "--json-file",
            "reports/plan.json",
        ]);
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /^Plan of stack 'dev'/);
        const doc = JSON.parse(fs.readFileSync(file, "utf8"));
        assert.deepEqual([doc.ok, doc.tree[0].name], [true, "jobs"]);
        // A failed plan writes its errors there too.
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:regoin: us-east-1\n");
        const failed = await run(["plan", "--cwd", dir, "--stack", "dev", "--json-file", file]);
        assert.equal(failed.code, 1);
        assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).errors[0].problems[0].path, "aws:regoin");
        // So does a failure that is not a validation error.
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
        fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("a bug");\n');
        const broken = await run(["plan", "--cwd", dir, "--stack", "dev", "--json-file", file]);
        assert.equal(broken.code, 2);
        assert.deepEqual(JSON.parse(fs.readFileSync(file, "utf8")), { stack: "dev", ok: false, failure: "a bug" });
    });

    it("removes outputs of an earlier plan it does not write again: the SVG under --no-diagram, everything on failure", async () => {
        const dir = chattyProject();
        const out = path.join(dir, "out", "dev");
        assert.equal((await run(["plan", "--cwd", dir, "--stack", "dev"])).code, 0);
        assert.ok(fs.existsSync(path.join(out, "diagram.svg")));
        fs.writeFileSync(path.join(out, "notes.txt"), "mine");
        assert.equal((await run(["plan", "--cwd", dir, "--stack", "dev", "--no-diagram"])).code, 0);
        assert.deepEqual(fs.readdirSync(out).sort(), ["diagram.dot", "notes.txt"]);
        fs.writeFileSync(
            path.join(dir, "index.js"),
            'throw new (require("pulumi-topologies").TopologyValidationError)("x", []);\n',
        );
        assert.equal((await run(["plan", "--cwd", dir, "--stack", "dev"])).code, 1);
        assert.deepEqual(fs.readdirSync(out), ["notes.txt"], "a file the plan did not write stays");
    });

    it("suggests the namespace meant for a key of a stack program's stack file", async () => {
        const dir = tempProject({ "Pulumi.test.yaml": `${FIXTURE_STACK}  alicloude:profile: x\n` }, { linkSdk: false });
        const r = await run([
            "plan",
            "--cwd",
            dir,
            "--program",
            path.join(FIXTURES, "program"),
            "--stacks-dir",
            ".",
            "--stack",
            "test",
        ]);
        assert.equal(r.code, 1);
        assert.match(
            r.err,
            /alicloude:profile: is in namespace 'alicloude', neither the project's \('topologies'\) nor a provider's \(aws, alicloud, kubernetes\)\. Fix: Did you mean 'alicloud:profile'\?/,
        );
    });

    it("npm run bench sets each plan beside its floor: the SDKs its resources come from", () => {
        assert.deepEqual(
            sdksOf({
                "alicloud:vpc/network:Network": 2,
                "kubernetes:core/v1:Namespace": 1,
                "topologies:alicloud:RegionalVpc": 2,
                "pulumi:providers:alicloud": 2,
                "aws:ec2/vpc:Vpc": 1,
            }),
            ["alicloud", "aws", "kubernetes"],
        );
    });

    it("npm run bench writes a progress line per stack to stderr", () => {
        const jobs: Job[] = ["a", "b", "c"].map(stack => ({ stack, args: [] }));
        const lines: string[] = [];
        const row = (stack: string): Row => ({
            stack,
            resources: 10,
            medianMs: 1500,
            minMs: 1400,
            inProcessMs: 900,
            flowsMs: 5,
            flows: 2,
            sdks: ["alicloud"],
            floorMs: 600,
        });
        const rows = timeAll(
            jobs,
            job => {
                lines.push(`timing ${job.stack}`);
                return row(job.stack);
            },
            line => lines.push(line),
        );
        assert.equal(rows.length, 3);
        assert.deepEqual(lines, [
            "timing a",
            "bench: [1/3] a: 10 resources, median 1.50 s\n",
            "timing b",
            "bench: [2/3] b: 10 resources, median 1.50 s\n",
            "timing c",
            "bench: [3/3] c: 10 resources, median 1.50 s\n",
        ]);
        assert.match(
            fs.readFileSync(path.join(repo, "bench", "plan.ts"), "utf8"),
            /line => process\.stderr\.write\(line\)/,
        );
    });
});
