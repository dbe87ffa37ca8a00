/**
 * `topologies plan` on a user's Pulumi program as it is (issue 22 item 4): a project in a
 * temporary directory, its Pulumi.yaml, stack file and program, planned like the repository's
 * stacks; warnings for resources that lost their parent; where a missing stack file was looked
 * for; stack traces through a tsconfig with an `outDir`.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as s3 from "@pulumi/aws/s3";
import { main } from "../cli/topologies";
import { build, world } from "./mocks";
import { removeTempProjects, Run, tempProject } from "./support/tempProject";

after(removeTempProjects);

async function plan(args: string[]): Promise<Run> {
    let out = "";
    let err = "";
    const code = await main(["plan", ...args], {
        out: t => {
            out += t;
        },
        err: t => {
            err += t;
        },
    });
    return { code, out, err };
}

const PROJECT = `name: shop
runtime:
  name: nodejs
  options:
    typescript: true
config:
  subnetCount:
    type: integer
    default: 2
`;

const STACK = `config:
  aws:region: ap-northeast-1
  shop:cidrBlock: 10.1.0.0/16
  shop:dbPassword:
    secure: v1:AAAASHOPCIPHERTEXTNEVERPRINTED
`;

/** A program as Pulumi's templates write one: a component of this package beside a plain resource. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { aws as topologies } from "pulumi-topologies";

const config = new pulumi.Config();
const net = new topologies.TwoTierVpc("shop", {
    cidrBlock: config.require("cidrBlock"),
    publicSubnets: { pub1a: { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" } },
    privateSubnets: { priv1a: { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" } },
    egress: "none",
});
const web = new aws.ec2.SecurityGroup("web", { vpcId: net.vpcId, description: "web servers" });

export const vpcId = net.vpcId;
export const webGroupId = web.id;
export const subnetCount = config.requireNumber("subnetCount");
export const dbPassword = config.requireSecret("dbPassword");
export const where = \`\${pulumi.getProject()}/\${pulumi.getStack()}\`;
`;

describe("topologies plan of a Pulumi program", () => {
    let dir: string;
    let text: Run;
    let json: Run;
    before(async () => {
        dir = tempProject({
            "Pulumi.yaml": PROJECT,
            "Pulumi.dev.yaml": STACK,
            "index.ts": PROGRAM,
            "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", outDir: "bin" } }),
        });
        text = await plan(["--cwd", dir, "--stack", "dev"]);
        json = await plan(["--cwd", dir, "--stack", "dev", "--json", "--no-diagram", "--out", path.join(dir, "j")]);
    });

    it("runs the project's index.ts as it is and prints the tree, with the default provider's region", () => {
        assert.equal(text.code, 0, text.err);
        const lines = text.out.split("\n");
        const at = lines.indexOf("shop  (topologies:aws:TwoTierVpc)");
        assert.ok(at >= 0, text.out);
        assert.deepEqual(lines.slice(at + 1, at + 3), [
            "├─ shop-provider  (pulumi:providers:aws @ap-northeast-1)  region=ap-northeast-1",
            "├─ shop-vpc  (aws:ec2/vpc:Vpc @ap-northeast-1)  cidrBlock=10.1.0.0/16",
        ]);
        // The plain resource sits at the root, registered with the default provider of aws:region.
        assert.ok(lines.includes("web  (aws:ec2/securityGroup:SecurityGroup @ap-northeast-1)"), text.out);
        assert.match(text.out, /topologies:aws:TwoTierVpc +1\n/);
        assert.equal(text.err, "", "no warning: the program passes nothing it should");
    });

    it("reads the stack file and the project's defaults; secure values are secrets shown as [secret]", () => {
        assert.equal(json.code, 0, json.err);
        const doc = JSON.parse(json.out);
        assert.equal(doc.ok, true);
        assert.match(doc.outputs.vpcId, /^vpc-/);
        assert.match(doc.outputs.webGroupId, /^sg-/);
        assert.equal(doc.outputs.subnetCount, 2, "the project-level default");
        assert.equal(doc.outputs.dbPassword, "[secret]");
        assert.equal(doc.outputs.where, "shop/dev");
        assert.deepEqual(doc.treeWarnings, []);
        for (const run of [text, json]) assert.ok(!`${run.out}${run.err}`.includes("SHOPCIPHERTEXT"));
        assert.match(text.out, /dbPassword: \[secret\]/);
    });

    it("writes the same diagram and JSON as for the repository's stacks", () => {
        const doc = JSON.parse(json.out);
        assert.deepEqual(
            doc.tree.map((n: { name: string }) => n.name),
            ["shop", "web"],
        );
        assert.equal(doc.summary["aws:ec2/subnet:Subnet"], 2);
        // Graphviz writes '-' as a character reference.
        const svg = fs
            .readFileSync(path.join(dir, "out", "dev", "diagram.svg"), "utf8")
            .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
        assert.ok(svg.includes("shop-vpc"), "the diagram draws the program's VPC");
        assert.ok(!fs.existsSync(path.join(dir, "j", "diagram.svg")), "--no-diagram");
    });

    it("leaves no stack resource behind: what is built next in the process is recorded once, at the root", async () => {
        await build(opts => new s3.Bucket("after", {}, opts));
        assert.deepEqual(
            world.resources.map(r => [r.name, r.parent]),
            [["after", undefined]],
        );
    });

    it("runs Pulumi.yaml's main from its stackConfigDir, calling an exported async function", async () => {
        const js = tempProject({
            "Pulumi.yaml": "name: jsdemo\nruntime: nodejs\nmain: src/main.js\nstackConfigDir: config\n",
            "config/Pulumi.staging.yaml": "config:\n  jsdemo:name: blue\n  aws:region: eu-west-1\n",
            "src/main.js": [
                'const pulumi = require("@pulumi/pulumi");',
                'const aws = require("@pulumi/aws");',
                "module.exports = async () => {",
                '    const bucket = new aws.s3.Bucket(new pulumi.Config().require("name"));',
                "    return { bucket: bucket.id, cwd: process.cwd() };",
                "};",
            ].join("\n"),
        });
        const run = await plan(["--cwd", path.join(js, "src"), "--stack", "staging", "--json", "--no-diagram"]);
        assert.equal(run.code, 0, run.err);
        const doc = JSON.parse(run.out);
        assert.deepEqual(doc.tree, [
            { name: "blue", type: "aws:s3/bucket:Bucket", region: "eu-west-1", args: {}, children: [] },
        ]);
        // A bucket's id is its name, auto-named from the logical name as the provider does.
        assert.match(doc.outputs.bucket, /^blue-[0-9a-f]{7}$/);
        // The host runs the program in the project's directory, wherever the command was started.
        assert.equal(doc.outputs.cwd, js);
        assert.notEqual(process.cwd(), js, "and returns");
    });

    it("imports an ES module program (package.json type: module)", async () => {
        const esm = tempProject({
            "package.json": JSON.stringify({ name: "esm-demo", type: "module" }),
            "Pulumi.yaml": "name: esm\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n",
            "index.js": [
                'import aws from "@pulumi/aws";',
                'const queue = new aws.sqs.Queue("jobs");',
                "export const queueId = queue.id;",
            ].join("\n"),
        });
        const run = await plan(["--cwd", esm, "--stack", "dev", "--json", "--no-diagram"]);
        assert.equal(run.code, 0, run.err);
        assert.deepEqual(
            JSON.parse(run.out).tree.map((n: { name: string; region: string }) => `${n.name} @${n.region}`),
            ["jobs @us-east-1"],
        );
    });

    it("warns about resources created inside a component without { parent: this }, naming the component", async () => {
        const site = tempProject({
            "Pulumi.yaml": "name: site\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n",
            "index.ts": [
                'import * as pulumi from "@pulumi/pulumi";',
                'import * as aws from "@pulumi/aws";',
                "class Site extends pulumi.ComponentResource {",
                "    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {",
                '        super("site:index:Site", name, {}, opts);',
                '        new aws.s3.Bucket(name + "-assets", {}, { parent: this });',
                '        new aws.s3.Bucket(name + "-logs");',
                "        this.registerOutputs({});",
                "    }",
                "}",
                'new Site("www");',
                'new aws.s3.Bucket("www-archive");',
            ].join("\n"),
        });
        const run = await plan(["--cwd", site, "--stack", "dev", "--json", "--no-diagram"]);
        assert.equal(run.code, 0, "a warning, not an error");
        const doc = JSON.parse(run.out);
        // www-archive is at the root on purpose (created outside the component): no warning for it.
        assert.deepEqual(
            doc.treeWarnings.map((w: { resources: string[] }) => w.resources),
            [["www-logs"]],
        );
        assert.match(doc.treeWarnings[0].message, /created inside component 'www' \(site:index:Site, class Site\)/);
        assert.match(doc.treeWarnings[0].fix, /Pass \{ parent: this \}/);
        assert.match(run.err, /^warning: 1 resource was created inside component 'www'.*\n {2}Fix: /);
    });

    it("warns about resources a stack program created without the options buildStack was given", async () => {
        const dir = tempProject({
            "program.js": [
                'const aws = require("@pulumi/aws");',
                "exports.loadStackConfig = raw => raw;",
                "exports.buildStack = (config, opts) => {",
                '    new aws.s3.Bucket("kept", {}, opts);',
                '    new aws.s3.Bucket("lost");',
                "    return {};",
                "};",
            ].join("\n"),
            "Pulumi.dev.yaml": "config: {}\n",
        });
        // --cwd: the program, its stack files beside it and the outputs are all found from there.
        const run = await plan(["--cwd", dir, "--program", "program.js", "--stack", "dev", "--json", "--no-diagram"]);
        assert.equal(run.code, 0, run.err);
        const warnings = JSON.parse(run.out).treeWarnings;
        assert.deepEqual(
            warnings.map((w: { resources: string[] }) => w.resources),
            [["lost"]],
        );
        assert.match(warnings[0].message, /1 of 2 resources were created without the options buildStack was given/);
    });

    it("reports a missing stack file with the directory it looked in and the stack files there", async () => {
        const dir = tempProject(
            {
                "Pulumi.yaml": "name: p\nruntime: nodejs\nstackConfigDir: config\n",
                "config/Pulumi.staging.yaml": "config: {}\n",
            },
            { linkSdk: false },
        );
        const run = await plan(["--cwd", dir, "--stack", "stagin"]);
        assert.equal(run.code, 1);
        assert.equal(
            run.err,
            `error: stack 'stagin': 1 problem\n  --stack: there is no Pulumi.stagin.yaml in ${path.join(dir, "config")}. Fix: Did you mean --stack staging? The stack files there are Pulumi.staging.yaml: pass --stack staging.\n`,
        );
        fs.rmSync(path.join(dir, "config", "Pulumi.staging.yaml"));
        const none = await plan(["--cwd", dir, "--stack", "prod"]);
        assert.match(
            none.err,
            new RegExp(
                `Fix: There is no stack file there: create Pulumi\\.prod\\.yaml in ${path.join(dir, "config").replace(/[\\\\.]/g, "\\$&")} `,
            ),
        );
        const elsewhere = tempProject({}, { linkSdk: false });
        const noProject = await plan(["--cwd", elsewhere, "--stack", "dev"]);
        assert.equal(noProject.code, 2);
        assert.match(
            noProject.err,
            new RegExp(`there is no Pulumi\\.yaml in .*${path.basename(elsewhere)} or above it`),
        );
    });

    it("refuses a provider setting its provider does not have, with the closest name", async () => {
        const dir = tempProject(
            {
                "Pulumi.yaml": "name: p\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  aws:regoin: us-east-1\n  p:anything: 1\n  other:key: 2\n",
            },
            { linkSdk: false },
        );
        const run = await plan(["--cwd", dir, "--stack", "dev"]);
        assert.equal(run.code, 1);
        assert.match(
            run.err,
            /1 problem\n {2}aws:regoin: 'regoin' is not a setting of the aws provider: .* Fix: Did you mean 'aws:region'\?\n$/,
        );
    });

    it("points a failure's stack trace at the program's source, whatever the tsconfig's outDir", async () => {
        const dir = tempProject({
            "Pulumi.yaml": "name: p\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config: {}\n",
            "tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "bin", rootDir: ".", target: "ES2022" } }),
            "src/index.ts": 'export function fail(): never {\n    throw new Error("boom");\n}\n',
            "index.ts": 'import { fail } from "./src";\n\nfail();\n',
        });
        const run = await plan(["--cwd", dir, "--stack", "dev", "--no-diagram"]);
        assert.equal(run.code, 2);
        assert.match(run.err, /not a validation error:\nError: boom\n/);
        assert.ok(run.err.includes(`${path.join(dir, "src", "index.ts")}:2:11`), run.err);
    });

    it("refuses a program that would load another copy of @pulumi/pulumi, saying where to install", async () => {
        const dir = tempProject(
            {
                "Pulumi.yaml": "name: p\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config: {}\n",
                "index.js": "",
                "node_modules/@pulumi/pulumi/package.json": JSON.stringify({ name: "@pulumi/pulumi", main: "x.js" }),
                "node_modules/@pulumi/pulumi/x.js": "",
            },
            { linkSdk: false },
        );
        const run = await plan(["--cwd", dir, "--stack", "dev"]);
        assert.equal(run.code, 2);
        assert.match(
            run.err,
            /the program loads @pulumi\/pulumi from .*: the offline engine would not reach the program\. Install pulumi-topologies in the project/,
        );
    });
});
