/**
 * Uses the package the way a platform team does: `npm pack`, installed into a fresh Pulumi
 * program outside the repository, type-checked against the emitted `.d.ts` and run under the
 * consumer's own mocks. Offline: the consumer's other dependencies are linked from this
 * repository's node_modules, so the program sees one copy of @pulumi/pulumi, as npm would give it.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compiledPackage } from "./support/build";

const repo = path.resolve(__dirname, "..");
const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");

const CONSUMER_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError, net } from "pulumi-topologies";
import { RegionalVpc } from "pulumi-topologies/alicloud";

const registered: string[] = [];
pulumi.runtime.setMocks({
    newResource: args => { registered.push(args.type + " " + args.name); return { id: args.name + "-id", state: args.inputs }; },
    call: args => args.inputs,
}, "consumer", "test", false);

// The consumer's own names, region and CIDRs: nothing from the tutorials.
const edge = new RegionalVpc("edge", {
    region: "eu-central-1",
    cidrBlock: "10.40.0.0/16",
    vSwitches: { web1: { zoneId: "eu-central-1a", cidrBlock: "10.40.1.0/24" }, web2: { zoneId: "eu-central-1b", cidrBlock: "10.40.2.0/24" } },
});
const mask: number = net.parseCidr("10.40.1.0/24").prefix;

let rejected = "";
try {
    new RegionalVpc("bad", { region: "eu-central-1", cidrBlock: "10.40.0.0/16", vSwitches: { x: { zoneId: "eu-central-1a", cidrBlock: "10.41.0.0/24" } } });
} catch (e) {
    if (e instanceof TopologyValidationError) rejected = e.problems[0].path;
}

edge.vpcId.apply(async id => {
    await new Promise(resolve => setTimeout(resolve, 50));
    console.log(JSON.stringify({ id, mask, rejected, registered: registered.sort() }));
});
`;

/** A consumer's unit test of its own flows, through the `testing` subpath. */
const CONSUMER_FLOW_TEST = `
import { alicloud, flowTo } from "pulumi-topologies";
import { build, verifyFlows, world } from "pulumi-topologies/testing";

(async () => {
    const vpc = await build(opts => new alicloud.RegionalVpc("shop", {
        region: "eu-central-1", cidrBlock: "10.60.0.0/16",
        vSwitches: { a: { zoneId: "eu-central-1a", cidrBlock: "10.60.1.0/24" }, b: { zoneId: "eu-central-1b", cidrBlock: "10.60.2.0/24" } },
    }, opts));
    const host = (label: string, address: string) => flowTo.host({ label, address, vpcId: vpc.vpcId });
    const results = await verifyFlows(world, [
        { name: "a → b", from: host("a", "10.60.1.5"), to: host("b", "10.60.2.5"), protocol: "tcp", port: 443, intent: "allow" },
    ]);
    console.log(JSON.stringify(results.map(r => [r.name, r.ok])));
})();
`;

/** A stack program in the consumer's project, for the installed `topologies plan`. */
const CONSUMER_STACK_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { alicloud, validate } from "pulumi-topologies";

export function loadStackConfig(raw: Record<string, unknown>) {
    return validate("consumer config", problems => {
        if (typeof raw.cidr !== "string") problems.add("consumer:cidr", "is missing.", "Set consumer:cidr.");
        return { cidr: raw.cidr as string };
    });
}

export function buildStack(config: { cidr: string }, opts: pulumi.ComponentResourceOptions) {
    const vpc = new alicloud.RegionalVpc("shop", {
        region: "ap-southeast-1",
        cidrBlock: config.cidr,
        vSwitches: { a: { zoneId: "ap-southeast-1a", cidrBlock: "10.50.1.0/24" } },
    }, opts);
    return { vpcId: vpc.vpcId };
}
`;

function run(command: string, args: string[], cwd: string): string {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function packageJsonOf(modules: string): { bin: Record<string, string> } {
    return JSON.parse(fs.readFileSync(path.join(modules, "pulumi-topologies", "package.json"), "utf8"));
}

describe("the packed package in a fresh consumer program", function () {
    this.timeout(90_000);
    let work: string;

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-consumer-"));
    });

    after(() => {
        fs.rmSync(work, { recursive: true, force: true });
    });

    it("packs, installs, type-checks against the emitted .d.ts and runs", () => {
        // Pack a copy whose dist/ is a current build, so the test never depends on a stale dist/.
        const staging = path.join(work, "staging");
        fs.mkdirSync(staging);
        for (const file of ["package.json", "README.md", "LICENSE"])
            fs.copyFileSync(path.join(repo, file), path.join(staging, file));
        compiledPackage(path.join(staging, "dist"));
        const packed = JSON.parse(
            run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], staging),
        )[0];
        const packedFiles: string[] = packed.files.map((f: { path: string }) => f.path);
        assert.ok(packedFiles.includes("dist/components/index.d.ts"));
        assert.ok(packedFiles.includes("dist/components/alicloud/index.js"));
        assert.ok(packedFiles.includes("dist/cli/topologies.js"), "the topologies command ships compiled");
        assert.ok(
            !packedFiles.some(f => f.startsWith("tests/") || f.startsWith("stacks/") || f.endsWith(".spec.js")),
            "only the library ships",
        );

        const consumer = path.join(work, "consumer");
        const modules = path.join(consumer, "node_modules");
        fs.mkdirSync(path.join(modules, "pulumi-topologies"), { recursive: true });
        run(
            "tar",
            [
                "-xzf",
                path.join(work, packed.filename),
                "-C",
                path.join(modules, "pulumi-topologies"),
                "--strip-components=1",
            ],
            work,
        );
        for (const entry of fs.readdirSync(path.join(repo, "node_modules"))) {
            if (entry.startsWith(".")) continue;
            fs.symlinkSync(path.join(repo, "node_modules", entry), path.join(modules, entry));
        }
        fs.writeFileSync(
            path.join(consumer, "package.json"),
            JSON.stringify({ name: "consumer", version: "1.0.0", main: "bin/index.js" }),
        );
        fs.writeFileSync(path.join(consumer, "Pulumi.yaml"), "name: consumer\nruntime: nodejs\n");
        fs.writeFileSync(
            path.join(consumer, "tsconfig.json"),
            JSON.stringify({
                compilerOptions: {
                    strict: true,
                    target: "ES2022",
                    module: "commonjs",
                    moduleResolution: "node",
                    outDir: "bin",
                    types: ["node"],
                    skipLibCheck: true,
                    esModuleInterop: true,
                },
                files: ["index.ts", "flows.ts"],
            }),
        );
        fs.writeFileSync(path.join(consumer, "index.ts"), CONSUMER_PROGRAM);
        fs.writeFileSync(path.join(consumer, "flows.ts"), CONSUMER_FLOW_TEST);

        run(process.execPath, [tsc, "-p", "."], consumer);
        const output = JSON.parse(run(process.execPath, ["bin/index.js"], consumer).trim().split("\n").pop()!);
        assert.equal(output.id, "edge-vpc-id");
        assert.equal(output.mask, 24);
        assert.equal(output.rejected, "vSwitches.x.cidrBlock");
        // The verifier, from the testing subpath, in the consumer's own test.
        assert.deepEqual(JSON.parse(run(process.execPath, ["bin/flows.js"], consumer).trim().split("\n").pop()!), [
            ["a → b", true],
        ]);
        // The installed command plans the consumer's own stack program offline.
        fs.writeFileSync(path.join(consumer, "program.ts"), CONSUMER_STACK_PROGRAM);
        fs.writeFileSync(path.join(consumer, "Pulumi.shop.yaml"), "config:\n  consumer:cidr: 10.50.0.0/16\n");
        const plan = run(
            process.execPath,
            [
                path.join(modules, "pulumi-topologies", packageJsonOf(modules).bin.topologies),
                "plan",
                "--stack",
                "shop",
                "--program",
                "program.ts",
                "--stacks-dir",
                ".",
                "--no-diagram",
            ],
            consumer,
        );
        assert.match(plan, /shop-a {2}\(alicloud:vpc\/switch:Switch @ap-southeast-1\)/);
        assert.match(plan, /vpcId: vpc-/);

        assert.deepEqual(output.registered, [
            "alicloud:vpc/network:Network edge-vpc",
            "alicloud:vpc/switch:Switch edge-web1",
            "alicloud:vpc/switch:Switch edge-web2",
            "pulumi:providers:alicloud edge-provider",
            "topologies:alicloud:RegionalVpc edge",
        ]);
    });
});
