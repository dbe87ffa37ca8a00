import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../cli/topologies";

const FIXTURES = path.join(__dirname, "fixtures");
const PROGRAM = path.join(FIXTURES, "program");
const FIXTURE_STACK = fs.readFileSync(path.join(FIXTURES, "Pulumi.fixture.yaml"), "utf8");
/** What the mocks' kubeconfigs (a secret output of the fixture) contain, and the stack file's ciphertext. */
const SECRET_MARKERS = ["client-key-data", "TU9DSw==", "AAAAFIXTURECIPHERTEXTNEVERPRINTED"];

interface Run {
    code: number;
    out: string;
    err: string;
    dir: string;
}

/** Runs `topologies plan` on the fixture program, with `stackYaml` as the stack file when given. */
const temporaryDirs: string[] = [];
after(() => {
    for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function plan(args: string[], stackYaml?: string): Promise<Run> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-plan-"));
    temporaryDirs.push(dir);
    let stacksDir = FIXTURES;
    if (stackYaml !== undefined) {
        stacksDir = path.join(dir, "stacks");
        fs.mkdirSync(stacksDir);
        fs.writeFileSync(path.join(stacksDir, "Pulumi.test.yaml"), stackYaml);
    }
    let out = "";
    let err = "";
    const code = await main(
        ["plan", "--program", PROGRAM, "--stacks-dir", stacksDir, "--out", path.join(dir, "out"), ...args],
        {
            out: t => {
                out += t;
            },
            err: t => {
                err += t;
            },
        },
    );
    return { code, out, err, dir: path.join(dir, "out") };
}

describe("topologies plan", () => {
    let text: Run;
    let json: Run;
    before(async () => {
        text = await plan(["--stack", "fixture"]);
        json = await plan(["--stack", "fixture", "--json", "--no-diagram"]);
    });

    it("prints the tree: components with their children, types, regions and key arguments", () => {
        assert.equal(text.code, 0, text.err);
        const lines = text.out.split("\n");
        const at = lines.indexOf("front  (topologies:alicloud:RegionalVpc)");
        assert.ok(at >= 0, text.out);
        assert.deepEqual(lines.slice(at + 1, at + 5), [
            "├─ front-provider  (pulumi:providers:alicloud @cn-chengdu)  region=cn-chengdu",
            "├─ front-vpc  (alicloud:vpc/network:Network @cn-chengdu)  cidrBlock=172.16.0.0/12",
            "├─ front-vsw1  (alicloud:vpc/switch:Switch @cn-chengdu)  zoneId=cn-chengdu-a  cidrBlock=172.16.0.0/24",
            "└─ front-vsw2  (alicloud:vpc/switch:Switch @cn-chengdu)  zoneId=cn-chengdu-b  cidrBlock=172.16.6.0/24",
        ]);
        assert.match(
            text.out,
            /├─ front-sgp {2}\(alicloud:alb\/serverGroup:ServerGroup @cn-chengdu\) {2}serverGroupType=Ip {2}protocol=HTTP {2}servers\.serverIp=192\.168\.7\.\d+ {2}servers\.port=80 {2}servers\.weight=100/,
        );
        assert.match(
            text.out,
            /net-peer-cn-chengdu-cn-hangzhou {2}\(alicloud:cen\/transitRouterPeerAttachment:TransitRouterPeerAttachment @cn-chengdu\) {2}peerTransitRouterRegionId=cn-hangzhou {2}bandwidth=10 {2}bandwidthType=DataTransfer\n/,
        );
        assert.match(
            text.out,
            /Subscriptions and what pulumi destroy leaves:\n {2}mesh-cluster {2}\(alicloud:cs\/managedKubernetes:ManagedKubernetes\) {2}left-behind\n.*\n {6}destroy: refused while deletionProtection is on/,
        );
        assert.match(
            text.out,
            /└─ app-dr {2}\(kubernetes:networking\.istio\.io\/v1:DestinationRule @cn-chengdu\) {2}kind=DestinationRule {2}metadata\.namespace=app {2}metadata\.name=app/,
        );
    });

    it("prints the count per type and the total", () => {
        assert.match(text.out, /alicloud:vpc\/switch:Switch +4\n/);
        assert.match(text.out, /alicloud:cen\/transitRouter:TransitRouter +2\n/);
        assert.match(text.out, /topologies:alicloud:RegionalVpc +2\n/);
        assert.match(
            text.out,
            new RegExp(`total +${json.out && JSON.parse(json.out).tree ? countAll(JSON.parse(json.out).tree) : -1}\\n`),
        );
    });

    it("prints the critical path as a chain with its total", () => {
        assert.match(
            text.out,
            /Critical path \(longest chain of creations, ≈ 15m25s\):\n {2}\+0s +10s {2}front-vpc .*\n.*front-vsw\d .*\n.*10m {2}mesh-cluster .*\n.*5m {2}mesh-nodes .*\n.*5s {2}app-\w+ .*\n {2}total ≈ 15m25s/,
        );
    });

    it("prints the same plan as JSON", () => {
        assert.equal(json.code, 0, json.err);
        const doc = JSON.parse(json.out);
        assert.equal(doc.ok, true);
        assert.deepEqual(
            doc.tree.map((n: { name: string }) => n.name),
            ["front", "back", "net", "backend", "frontend", "mesh"],
        );
        const front = doc.tree[0];
        assert.equal(front.type, "topologies:alicloud:RegionalVpc");
        assert.deepEqual(front.children[2], {
            name: "front-vsw1",
            type: "alicloud:vpc/switch:Switch",
            region: "cn-chengdu",
            args: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
            children: [],
        });
        assert.equal(doc.summary["alicloud:vpc/switch:Switch"], 4);
        assert.equal(doc.summary["alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment"], 2);
        assert.equal(doc.summary["kubernetes:core/v1:Secret"], 1);
        assert.equal(
            countAll(doc.tree),
            Object.values(doc.summary as Record<string, number>).reduce((a, b) => a + b, 0),
        );
        assert.equal(doc.criticalPath.totalSeconds, 925);
        assert.equal(doc.outputs.frontVpcId.startsWith("vpc-"), true);
        // The connection is billed by data transfer: no subscription; the cluster's deletion protection (its default) stops destroy.
        assert.deepEqual(
            doc.costs.map((c: { name: string; kinds: string[] }) => `${c.name}: ${c.kinds}`),
            ["mesh-cluster: left-behind"],
        );
    });

    it("writes an SVG with the regions, VPCs, vSwitches and main resources", () => {
        // Graphviz writes '-' and repeated spaces as character references.
        const svg = fs
            .readFileSync(path.join(text.dir, "diagram.svg"), "utf8")
            .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
            .replace(/\u00a0/g, " ");
        assert.match(svg, /^<\?xml|^<svg/);
        for (const label of [
            "region cn-chengdu",
            "region cn-hangzhou",
            "VPC front-vpc  172.16.0.0/12",
            "VPC back-vpc  192.168.0.0/16",
            "front-vsw1",
            "192.168.7.0/24",
            "net-tr-cn-chengdu",
            "net-tr-cn-hangzhou",
            "PeerAttachment",
            // A peering names both of its ends.
            "cn-chengdu ↔ cn-hangzhou",
            "front-alb",
            "front-sgp",
            "backend-ecs",
            "mesh-cluster",
            "Kubernetes objects (3)",
            "net-cen",
        ]) {
            assert.ok(svg.includes(label), `the SVG lacks '${label}'`);
        }
        assert.ok(text.out.includes(path.join(text.dir, "diagram.svg")));
    });

    it("places resources in the VPC and vSwitch their inputs name, and joins attachments' ends", () => {
        const dot = fs.readFileSync(path.join(text.dir, "diagram.dot"), "utf8");
        const cluster = (name: string) => {
            const start = dot.indexOf(`subgraph "cluster_${name}"`);
            assert.ok(start >= 0, `no cluster ${name}`);
            let depth = 0;
            for (let i = dot.indexOf("{", start); i < dot.length; i++) {
                if (dot[i] === "{") depth++;
                if (dot[i] === "}" && --depth === 0) return dot.slice(start, i);
            }
            return "";
        };
        assert.ok(
            cluster("alicloud:vpc/switch:Switch::back-vsw4").includes(
                '"alicloud:ecs/instance:Instance::backend-ecs" [',
            ),
        );
        // A load balancer spanning two vSwitches has a node in each, as the cloud places it.
        for (const vsw of ["front-vsw1", "front-vsw2"])
            assert.ok(
                cluster(`alicloud:vpc/switch:Switch::${vsw}`).includes(
                    `"alicloud:alb/loadBalancer:LoadBalancer::front-alb@alicloud:vpc/switch:Switch::${vsw}" [`,
                ),
            );
        assert.ok(!cluster("region_cn-chengdu").includes("net-cen"), "the CEN instance is global");
        assert.ok(
            cluster("alicloud:cen/instance:Instance::net-cen").includes('"peering::'),
            "peerings are in its band",
        );
        for (const end of ["cn-chengdu", "cn-hangzhou"])
            assert.match(
                dot,
                new RegExp(
                    `"peering::[^"]*" -> "alicloud:cen/transitRouter:TransitRouter::net-tr-${end}" \\[[^\\]]*color="#d9480f:#ffffff:#d9480f"`,
                ),
            );
        assert.match(
            dot,
            /"alicloud:alb\/serverGroup:ServerGroup::front-sgp" -> "alicloud:ecs\/instance:Instance::backend-ecs" \[[^\]]*color="#d9480f"/,
        );
    });

    it("writes the Kubernetes and Istio objects as YAML, secrets redacted", () => {
        const yaml = fs.readFileSync(path.join(text.dir, "manifests", "mesh-k8s.yaml"), "utf8");
        assert.match(
            yaml,
            /apiVersion: networking\.istio\.io\/v1\nkind: DestinationRule\nmetadata:\n {2}name: app\n {2}namespace: app\nspec:\n {2}host: app\.app\.svc\.cluster\.local/,
        );
        assert.match(yaml, /kind: Secret\n[\s\S]*stringData: "\[secret\]"/);
        assert.equal(yaml.split("\n---\n").length, 3);
    });

    it("never prints or writes a secret", () => {
        const written = [text.dir, json.dir].flatMap(dir => listFiles(dir).map(f => fs.readFileSync(f, "utf8")));
        for (const content of [text.out, text.err, json.out, json.err, ...written]) {
            for (const marker of SECRET_MARKERS) assert.ok(!content.includes(marker), `'${marker}' leaked`);
        }
        assert.match(text.out, /kubeconfig: \[secret\]\n {2}apiToken: \[secret\]/);
    });

    it("prints every config problem with its YAML key path and exits 1, writing nothing", async () => {
        const bad = FIXTURE_STACK.replace("topologies:backendPort: 80", "topologies:backendPort: 70000").replace(
            / {4}back:[\s\S]*?(?= {2}topologies:backendPort)/,
            "",
        );
        const run = await plan(["--stack", "test"], bad);
        assert.equal(run.code, 1);
        assert.equal(run.out, "");
        const lines = run.err.trim().split("\n");
        assert.equal(lines[0], "error: stack config: 2 problems");
        assert.match(lines[1], /^ {2}topologies:vpcs\.back: is missing\. Fix: /);
        assert.match(lines[2], /^ {2}topologies:backendPort: .*70000/);
        assert.equal(fs.existsSync(run.dir), false);
    });

    it("prints a component's validation errors with their input paths and exits 1", async () => {
        const run = await plan(
            ["--stack", "test"],
            FIXTURE_STACK.replace("cidrBlock: 172.16.6.0/24", "cidrBlock: 172.16.0.128/25"),
        );
        assert.equal(run.code, 1);
        assert.match(
            run.err,
            /^error: topologies:alicloud:RegionalVpc 'front': 1 problem\n {2}vSwitches\.vsw\d\.cidrBlock: .*overlap/,
        );
    });

    it("prints errors as JSON with --json", async () => {
        const run = await plan(
            ["--stack", "test", "--json"],
            FIXTURE_STACK.replace("topologies:backendPort: 80", "topologies:backendPort: 0"),
        );
        assert.equal(run.code, 1);
        const doc = JSON.parse(run.out);
        assert.equal(doc.ok, false);
        assert.equal(doc.errors[0].problems[0].path, "topologies:backendPort");
    });

    it("reports a missing stack file with the directory looked in and the stacks there, and exits 1", async () => {
        const run = await plan(["--stack", "nope"]);
        assert.equal(run.code, 1);
        assert.ok(
            run.err.includes(
                `--stack: there is no Pulumi.nope.yaml in ${FIXTURES}. Fix: The stack files there are Pulumi.fixture.yaml: pass --stack fixture.`,
            ),
            run.err,
        );
    });

    it("reports YAML syntax errors and keys outside the project's namespace with their place", async () => {
        const syntax = await plan(["--stack", "test"], "config:\n  topologies:backendPort: [80\n");
        assert.equal(syntax.code, 1);
        assert.match(syntax.err, /line \d+: /);
        const namespace = await plan(["--stack", "test"], `${FIXTURE_STACK}  topology:extra: 1\n`);
        assert.equal(namespace.code, 1);
        assert.match(
            namespace.err,
            /topology:extra: is in namespace 'topology'.*Fix: Rename it to 'topologies:extra'\./,
        );
    });

    it("walks every declared flow: ✗ with the break and its fix, exit 1; --warn-flows makes it a warning", async () => {
        const program = path.join(FIXTURES, "brokenFlow");
        const run = async (extra: string[]) => {
            let out = "";
            let err = "";
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-flows-"));
            temporaryDirs.push(dir);
            const code = await main(
                [
                    "plan",
                    "--program",
                    program,
                    "--stacks-dir",
                    FIXTURES,
                    "--stack",
                    "fixture",
                    "--no-diagram",
                    "--out",
                    dir,
                    ...extra,
                ],
                {
                    out: t => {
                        out += t;
                    },
                    err: t => {
                        err += t;
                    },
                },
            );
            return { code, out, err };
        };
        const text = await run([]);
        assert.equal(text.code, 1);
        assert.match(text.out, /Flows \(.*\): 0 of 2 as intended/);
        assert.match(
            text.out,
            /✗ internet → admin :8080 {2}\[topologies:fixture:Site 'site'\]\n {6}breaks at address: admin port has no public address .*\n {6}fix: Give it a public IP or an EIP\./,
        );
        assert.match(text.out, /✗ blocked: internet → web server :22 .*\n {6}is open: site-server/);
        assert.match(text.err, /2 of 2 flows are broken: internet → admin :8080; internet → web server :22\n/);

        const json = await run(["--json"]);
        assert.equal(json.code, 1);
        const doc = JSON.parse(json.out);
        assert.equal(doc.ok, false);
        assert.deepEqual(
            doc.flows.map((f: Record<string, unknown>) => [f.from, f.to, f.protocol, f.port, f.intent, f.ok]),
            [
                ["the internet", "admin port", "tcp", 8080, "allow", false],
                ["the internet", "web server", "tcp", 22, "deny", false],
            ],
        );
        assert.equal(doc.flows[0].break.hop.kind, "address");
        assert.ok(Array.isArray(doc.flows[1].hops) && doc.flows[1].hops.length > 0);

        const warned = await run(["--warn-flows"]);
        assert.equal(warned.code, 0);
        assert.match(warned.err, /flows are broken: .* \(a warning: --warn-flows\)/);
    });

    it("draws the path of the flow --trace names, and names the flows when none matches", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-trace-"));
        temporaryDirs.push(dir);
        const args = [
            "plan",
            "--program",
            path.join(FIXTURES, "brokenFlow"),
            "--stacks-dir",
            FIXTURES,
            "--stack",
            "fixture",
            "--no-diagram",
            "--out",
            dir,
            "--warn-flows",
        ];
        const io = { out: () => undefined, err: () => undefined };
        assert.equal(await main([...args, "--trace", "web server"], io), 0);
        const dot = fs.readFileSync(path.join(dir, "diagram.dot"), "utf8");
        assert.match(dot, /"alicloud:ecs\/instance:Instance::site-server" \[[^\]]*color="#dc2626", penwidth=3\]/);
        assert.match(dot, /"text::trace::note::0" \[[^\]]*label="path of internet → web server :22 ✗ broken"/);
        assert.match(dot, /"text::trace::note::1" \[[^\]]*label="1\. site-server"/);
        assert.doesNotMatch(
            dot.replace(/.*site-server.*\n/g, ""),
            /color="#dc2626", penwidth=3\]/,
            "only the path is outlined",
        );
        let err = "";
        assert.equal(
            await main([...args, "--trace", "nope"], {
                out: () => undefined,
                err: t => {
                    err += t;
                },
            }),
            2,
        );
        assert.match(
            err,
            /--trace: no flow's name contains 'nope'; the flows are: internet → admin :8080; internet → web server :22/,
        );
    });

    it("prints what the components warn about, named by the component, in text and in JSON", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-warns-"));
        temporaryDirs.push(dir);
        const warns = path.join(dir, "program.js");
        fs.writeFileSync(
            warns,
            `const pulumi = require(${JSON.stringify(require.resolve("@pulumi/pulumi"))});\n` +
                "exports.loadStackConfig = raw => raw;\n" +
                "exports.buildStack = opts => {\n" +
                "    const c = new pulumi.ComponentResource('test:index:Thing', 'thing', {}, opts);\n" +
                "    pulumi.log.warn('run pulumi up from inside the VPC', c);\n" +
                "    pulumi.log.warn('run pulumi up from inside the VPC', c);\n" +
                "    return {};\n" +
                "};\n",
        );
        const run = async (...extra: string[]) => {
            let out = "";
            const args = ["plan", "--program", warns, "--stacks-dir", FIXTURES, "--stack", "fixture"];
            const code = await main([...args, "--out", path.join(dir, "out"), "--no-diagram", ...extra], {
                out: t => {
                    out += t;
                },
                err: () => undefined,
            });
            return { code, out };
        };
        const text = await run();
        assert.equal(text.code, 0);
        const lines = text.out.split("\n");
        const at = lines.indexOf("Warnings (pulumi up prints them too):");
        assert.ok(at > 0, text.out);
        // Each warning once per component.
        assert.deepEqual(lines.slice(at + 1, at + 3), ["  ⚠ thing: run pulumi up from inside the VPC", ""]);
        const json = await run("--json");
        assert.deepEqual(JSON.parse(json.out).warnings, [
            { message: "run pulumi up from inside the VPC", resource: "thing" },
        ]);
    });

    it("draws every flow's path on demand, one SVG per flow, and removes those of an earlier run", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-flows-"));
        temporaryDirs.push(dir);
        const args = ["plan", "--program", path.join(FIXTURES, "brokenFlow"), "--stacks-dir", FIXTURES];
        const io = { out: () => undefined, err: () => undefined };
        assert.equal(await main([...args, "--stack", "fixture", "--out", dir, "--warn-flows", "--flows"], io), 0);
        const flows = path.join(dir, "flows");
        assert.deepEqual(fs.readdirSync(flows), ["01-internet-admin-8080.svg", "02-internet-web-server-22.svg"]);
        const broken = fs.readFileSync(path.join(flows, "01-internet-admin-8080.svg"), "utf8");
        assert.match(broken, /path of internet → admin :8080 ✗ broken/);
        assert.match(broken, /stopped at: /);
        const open = fs.readFileSync(path.join(flows, "02-internet-web-server-22.svg"), "utf8");
        assert.match(
            open,
            /<title>alicloud:ecs\/instance:Instance::site&#45;server<\/title>\n<path fill="#fff4c2" stroke="#dc2626" stroke-width="3"/,
        );
        assert.equal(await main([...args, "--stack", "fixture", "--out", dir, "--warn-flows", "--no-diagram"], io), 0);
        assert.ok(!fs.existsSync(flows), "a run without --flows leaves no stale pictures");
    });

    it("exits 2 on a failure that is not a validation error, answering --json callers on stdout", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-buggy-"));
        temporaryDirs.push(dir);
        const buggy = path.join(dir, "program.js");
        fs.writeFileSync(
            buggy,
            "exports.loadStackConfig = raw => raw; exports.buildStack = () => { throw new Error('a bug in the program'); };\n",
        );
        let out = "";
        let err = "";
        const code = await main(
            [
                "plan",
                "--program",
                buggy,
                "--stacks-dir",
                FIXTURES,
                "--stack",
                "fixture",
                "--json",
                "--out",
                path.join(dir, "out"),
            ],
            {
                out: t => {
                    out += t;
                },
                err: t => {
                    err += t;
                },
            },
        );
        assert.equal(code, 2);
        assert.deepEqual(JSON.parse(out), { stack: "fixture", ok: false, failure: "a bug in the program" });
        assert.match(err, /not a validation error:\nError: a bug in the program/);
    });

    it("exits 2 with the usage on wrong arguments", async () => {
        let err = "";
        assert.equal(
            await main(["plan"], {
                out: () => undefined,
                err: t => {
                    err += t;
                },
            }),
            2,
        );
        assert.match(err, /--stack <name> is required[\s\S]*usage: topologies plan --stack <name>/);
        assert.equal(await main(["apply", "--stack", "x"], { out: () => undefined, err: () => undefined }), 2);
        assert.equal(
            await main(["plan", "--stack", "x", "--colour"], { out: () => undefined, err: () => undefined }),
            2,
        );
    });
});

function countAll(tree: Array<{ children: unknown[] }>): number {
    return tree.reduce((n, node) => n + 1 + countAll(node.children as Array<{ children: unknown[] }>), 0);
}

function listFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap(e => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("cli/register.js (the transpile cache of `npm run plan`)", () => {
    /** `node [nodeArgs] -r cli/register.js -e <script>` in `cwd`. */
    const withHook = (cwd: string, script: string, nodeArgs: string[] = []) =>
        spawnSync(
            process.execPath,
            [...nodeArgs, "-r", path.resolve(__dirname, "..", "cli", "register.js"), "-e", script],
            { cwd, encoding: "utf8" },
        );

    it("does not reuse a file's cached JavaScript after tsconfig.json changes", function () {
        this.timeout(30000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-register-"));
        temporaryDirs.push(dir);
        fs.writeFileSync(path.join(dir, "x.ts"), 'export const pick = (a?: string) => a ?? "b";\n');
        const emitted = (target: string): string => {
            fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target } }));
            const run = withHook(dir, "console.log(String(require('./x.ts').pick))");
            assert.equal(run.status, 0, run.stderr);
            return run.stdout;
        };
        assert.match(emitted("ES2020"), /\?\?/);
        // ES2019 has no `??`: a cache keyed by the source alone would hand back the ES2020 output.
        assert.doesNotMatch(emitted("ES2019"), /\?\?/);
    });

    it("compiles a file with the tsconfig.json nearest to it, its stack trace pointing at it despite an outDir", function () {
        this.timeout(30000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-register-"));
        temporaryDirs.push(dir);
        const project = path.join(dir, "project");
        fs.mkdirSync(path.join(project, "src"), { recursive: true });
        fs.writeFileSync(
            path.join(project, "tsconfig.json"),
            JSON.stringify({ compilerOptions: { target: "ES2019", outDir: "bin", rootDir: "." } }),
        );
        fs.writeFileSync(
            path.join(project, "src", "x.ts"),
            'export const pick = (a?: string) => a ?? "b";\nexport function fail(): never {\n    throw new Error("boom");\n}\n',
        );
        // Started from the directory above: the project's tsconfig.json still applies to its files.
        const run = withHook(dir, "const x = require('./project/src/x.ts'); console.log(String(x.pick)); x.fail()");
        assert.doesNotMatch(run.stdout, /\?\?/, "compiled for the project's ES2019");
        // With the outDir kept, the source map named ../../src/x.ts relative to bin/src/: one directory too high.
        assert.ok(run.stderr.includes(`(${path.join(fs.realpathSync(project), "src", "x.ts")}:3:11)`), run.stderr);
    });

    it("maps every frame of a transpiled file to its TypeScript line, as Node's own source maps do", function () {
        this.timeout(30000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-register-"));
        temporaryDirs.push(dir);
        // Types and an import the emit drops, so generated lines differ from the source's.
        fs.writeFileSync(
            path.join(dir, "deep.ts"),
            [
                'import type { Stats } from "node:fs";',
                "interface Shape {",
                "    size: number;",
                "}",
                "type Alias = Shape | Stats;",
                "export function outer(): string {",
                "    return inner({ size: 1 });",
                "}",
                "function inner(shape: Shape): string {",
                "    const unused: Alias | undefined = undefined;",
                '    return String(unused) + new Error("at " + shape.size).stack;',
                "}",
                "",
            ].join("\n"),
        );
        const stack = (nodeArgs: string[]): string[] => {
            const run = withHook(dir, "console.log(require('./deep.ts').outer())", nodeArgs);
            assert.equal(run.status, 0, run.stderr);
            return run.stdout.split("\n").filter(line => line.includes("deep.ts"));
        };
        const file = path.join(fs.realpathSync(dir), "deep.ts");
        const expected = [`    at inner (${file}:11:29)`, `    at Object.outer (${file}:7:12)`];
        assert.deepEqual(stack([]), expected);
        // Node's source maps, asked for, stay in charge and agree.
        assert.deepEqual(stack(["--enable-source-maps"]), expected);
    });
});
