/**
 * Uses the package the way a platform team does: `npm pack`, installed into a fresh Pulumi
 * program outside the repository, type-checked against the emitted `.d.ts` under every module
 * resolution, run under the consumer's own mocks, planned with the installed command, and its
 * policy pack found where npm puts it. Offline: the consumer's other dependencies are linked from
 * this repository's node_modules, so the program sees one copy of @pulumi/pulumi, as npm would
 * give it.
 */
import * as assert from "node:assert/strict";
import { ChildProcess, execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { compiledPackage } from "./support/build";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, also run as a process
const { checkConsumer, RESOLUTIONS } = require("./support/consumerTypes.js") as {
    checkConsumer(args: {
        dir: string;
        rootNames: string[];
        ownPackage?: string;
        options?: Record<string, unknown>;
        resolutionOnly?: string[];
        ts?: typeof ts;
    }): TypeCheckResult["report"];
    RESOLUTIONS: Record<string, { module: string; moduleResolution: string }>;
};

const repo = path.resolve(__dirname, "..");
const rootPackage = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8"));

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

/**
 * An ES module program importing the root's members by name: Node reads them from the CommonJS
 * root with its lexer, which must see the lazily loaded namespaces (components/root.ts).
 */
const CONSUMER_ESM_PROGRAM = `
import { alicloud, aws, net, TopologyValidationError } from "pulumi-topologies";
console.log(JSON.stringify([typeof alicloud.RegionalVpc, typeof aws.AlbFargateService, net.parseCidr("10.0.0.0/8").prefix, typeof TopologyValidationError]));
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

/**
 * Every typed entry point of the packed package.json, imported, with the types a consumer
 * names most: the Istio objects (the package's own types) and the policy rules.
 */
function entryPointsProgram(exportsField: Record<string, unknown>): string {
    const typed = Object.entries(exportsField).filter(([, target]) => typeof target === "object");
    const imports = typed.map(
        ([subpath], i) => `import * as entry${i} from "pulumi-topologies${subpath === "." ? "" : subpath.slice(1)}";`,
    );
    return `${imports.join("\n")}
import type { StackValidationPolicy } from "@pulumi/policy";
import { alicloud } from "pulumi-topologies";
import { policies } from "pulumi-topologies/policy";

const rule: alicloud.istio.DestinationRule = alicloud.istio.destinationRule("reviews", {
    host: "reviews",
    subsets: [{ name: "v1", labels: { version: "v1" } }],
    trafficPolicy: { outlierDetection: { consecutive5xxErrors: 1, interval: "1s" } },
});
const rules: StackValidationPolicy[] = policies;
export const used = [rule, rules, ${typed.map((_, i) => `entry${i}`).join(", ")}];
`;
}

/**
 * tsc's diagnostics that are @pulumi/policy's own, not this package's: its index.d.ts re-exports
 * two members its proxy.d.ts does not declare (1.21.0), so every program importing
 * @pulumi/policy without `skipLibCheck` gets them, with or without this package. The policy
 * rules would avoid loading that file by importing their types from "@pulumi/policy/policy".
 */
const POLICY_SDK_DIAGNOSTIC =
    /^node_modules\/@pulumi\/policy\/index\.d\.ts\(\d+,\d+\): TS2305 Module '"\.\/proxy"' has no exported member '(unknownCheckingProxy|UnknownValueError)'\.$/;

/** What `npm pack` must ship: the manifest, the docs, and for every module of the package its JavaScript and declarations. */
function expectedFiles(): string[] {
    const walk = (dir: string): string[] =>
        fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap(entry => {
            const relative = `${dir}/${entry.name}`;
            return entry.isDirectory() ? walk(relative) : [relative];
        });
    const modules = ["components", "cli", "policy"]
        .flatMap(walk)
        .filter(file => file.endsWith(".ts") && !file.endsWith(".d.ts"));
    return [
        "package.json",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        ...modules.flatMap(file => [`dist/${file.replace(/\.ts$/, ".js")}`, `dist/${file.replace(/\.ts$/, ".d.ts")}`]),
        // The require hook `topologies plan` loads a TypeScript program with, and its stack traces (plain JavaScript).
        "dist/cli/register.js",
        "dist/cli/stackTraces.js",
        // The policy pack's directory, runnable where npm installs it.
        "dist/policy/PulumiPolicy.yaml",
        "dist/policy/package.json",
    ].sort();
}

function run(command: string, args: string[], cwd: string): string {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The type check of tests/support/consumerTypes.js in its own process (it holds a gigabyte), alongside the other steps. */
function startTypeCheck(consumer: string, files: string[]): { child: ChildProcess; result: Promise<TypeCheckResult> } {
    let child!: ChildProcess;
    const result = new Promise<TypeCheckResult>((resolve, reject) => {
        child = execFile(
            process.execPath,
            // A young generation of 64 MB (V8's default: 16): the compiler's short-lived nodes die
            // there instead of being copied out, which cuts the check's CPU time by a tenth.
            ["--max-semi-space-size=64", path.join(__dirname, "support", "consumerTypes.js"), consumer, ...files],
            { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
            (error, stdout, stderr) =>
                error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
        );
    });
    return { child, result };
}

interface TypeCheckResult {
    report: Record<string, { diagnostics: string[]; checked: number; resolved: number }>;
    cpuSeconds: number;
}

describe("the packed package in a fresh consumer program", function () {
    this.timeout(90_000);
    let work: string;
    let consumer: string;
    let modules: string;
    let packedFiles: string[];
    let packedManifest: typeof rootPackage;
    let typeCheck: ReturnType<typeof startTypeCheck> | undefined;

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-consumer-"));
        // Pack a copy whose dist/ is a current build, so the test never depends on a stale dist/.
        const staging = path.join(work, "staging");
        fs.mkdirSync(staging);
        for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md"])
            fs.copyFileSync(path.join(repo, file), path.join(staging, file));
        compiledPackage(path.join(staging, "dist"));
        const packed = JSON.parse(
            run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], staging),
        )[0];
        packedFiles = packed.files.map((f: { path: string }) => f.path).sort();

        consumer = path.join(work, "consumer");
        modules = path.join(consumer, "node_modules");
        const installed = path.join(modules, "pulumi-topologies");
        fs.mkdirSync(installed, { recursive: true });
        run("tar", ["-xzf", path.join(work, packed.filename), "-C", installed, "--strip-components=1"], work);
        packedManifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
        for (const entry of fs.readdirSync(path.join(repo, "node_modules"))) {
            if (entry.startsWith(".")) continue;
            fs.symlinkSync(path.join(repo, "node_modules", entry), path.join(modules, entry));
        }
        fs.writeFileSync(
            path.join(consumer, "package.json"),
            JSON.stringify({ name: "consumer", version: "1.0.0", main: "bin/index.js" }),
        );
        fs.writeFileSync(path.join(consumer, "Pulumi.yaml"), "name: consumer\nruntime: nodejs\n");
        const sources: Record<string, string> = {
            "index.ts": CONSUMER_PROGRAM,
            "flows.ts": CONSUMER_FLOW_TEST,
            "program.ts": CONSUMER_STACK_PROGRAM,
            "entries.ts": entryPointsProgram(packedManifest.exports),
        };
        for (const [file, text] of Object.entries(sources)) fs.writeFileSync(path.join(consumer, file), text);
        typeCheck = startTypeCheck(consumer, Object.keys(sources));
        // The JavaScript the consumer runs: its own files, transpiled (the type check is the other process's).
        fs.mkdirSync(path.join(consumer, "bin"));
        for (const file of ["index.ts", "flows.ts"]) {
            const { outputText } = ts.transpileModule(sources[file], {
                compilerOptions: {
                    module: ts.ModuleKind.CommonJS,
                    target: ts.ScriptTarget.ES2022,
                    esModuleInterop: true,
                },
            });
            fs.writeFileSync(path.join(consumer, "bin", file.replace(/\.ts$/, ".js")), outputText);
        }
        fs.writeFileSync(path.join(consumer, "bin", "esm.mjs"), CONSUMER_ESM_PROGRAM);
    });

    after(() => {
        typeCheck?.child.kill();
        fs.rmSync(work, { recursive: true, force: true });
    });

    it("ships exactly what a consumer needs: the JavaScript and declarations of every module, the docs, the policy pack", () => {
        const expected = expectedFiles();
        assert.deepEqual(
            {
                missing: expected.filter(f => !packedFiles.includes(f)),
                unexpected: packedFiles.filter(f => !expected.includes(f)),
            },
            { missing: [], unexpected: [] },
        );
    });

    it("points main, types, every export, typesVersions entry and the bin at a packed file", () => {
        const targets = [
            packedManifest.main,
            packedManifest.types,
            ...Object.values(packedManifest.exports).flatMap(t =>
                typeof t === "string" ? [t] : Object.values(t as object),
            ),
            ...Object.values(packedManifest.typesVersions["*"]).flat(),
            ...Object.values(packedManifest.bin),
        ].map(target => path.posix.normalize(String(target)));
        for (const target of targets) assert.ok(packedFiles.includes(target), `${target} is not in the package`);
        assert.deepEqual(Object.keys(packedManifest.bin), ["topologies"]);
        const bin = fs.readFileSync(path.join(modules, "pulumi-topologies", packedManifest.bin.topologies), "utf8");
        assert.ok(bin.startsWith("#!/usr/bin/env node\n"), "the topologies command starts with its shebang");
        assert.deepEqual(
            Object.keys(packedManifest.typesVersions["*"]).sort(),
            Object.keys(packedManifest.exports)
                .filter(subpath => subpath !== "." && typeof packedManifest.exports[subpath] === "object")
                .map(subpath => subpath.slice(2))
                .sort(),
            "moduleResolution node reads the subpaths' types from typesVersions",
        );
    });

    it("runs the consumer's program and its own flow test under its mocks", () => {
        const output = JSON.parse(run(process.execPath, ["bin/index.js"], consumer).trim().split("\n").pop()!);
        assert.equal(output.id, "edge-vpc-id");
        assert.equal(output.mask, 24);
        assert.equal(output.rejected, "vSwitches.x.cidrBlock");
        assert.deepEqual(output.registered, [
            "alicloud:vpc/network:Network edge-vpc",
            "alicloud:vpc/switch:Switch edge-web1",
            "alicloud:vpc/switch:Switch edge-web2",
            "pulumi:providers:alicloud edge-provider",
            "topologies:alicloud:RegionalVpc edge",
        ]);
        // The root's members by name from an ES module, the cloud namespaces loaded on first use.
        assert.deepEqual(JSON.parse(run(process.execPath, ["bin/esm.mjs"], consumer).trim()), [
            "function",
            "function",
            8,
            "function",
        ]);
        // The verifier, from the testing subpath, in the consumer's own test.
        assert.deepEqual(JSON.parse(run(process.execPath, ["bin/flows.js"], consumer).trim().split("\n").pop()!), [
            ["a → b", true],
        ]);
    });

    it("plans the consumer's own stack program offline with the installed command", () => {
        fs.writeFileSync(path.join(consumer, "Pulumi.shop.yaml"), "config:\n  consumer:cidr: 10.50.0.0/16\n");
        const plan = run(
            process.execPath,
            [
                path.join(modules, "pulumi-topologies", packedManifest.bin.topologies),
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
    });

    it("installs the policy pack as a directory Pulumi can run, whose dependencies the package declares", () => {
        const pack = path.join(modules, "pulumi-topologies", "dist", "policy");
        // Resolved as from the consumer's program (a `paths` option would let this repository's own name win).
        const consumerRequire = createRequire(path.join(consumer, "index.js"));
        const yamlPath = consumerRequire.resolve("pulumi-topologies/policy/PulumiPolicy.yaml");
        assert.equal(path.dirname(yamlPath), pack, "the exported PulumiPolicy.yaml locates the pack");
        // The source pack's manifest, run as the JavaScript it was compiled to (no TypeScript at run time).
        const installedYaml = fs.readFileSync(yamlPath, "utf8");
        assert.match(installedYaml, /^\s*typescript: false$/m);
        assert.equal(
            installedYaml.replace("typescript: false", "typescript: true"),
            fs.readFileSync(path.join(repo, "policy", "PulumiPolicy.yaml"), "utf8"),
        );
        // `pulumi preview --policy-pack <dir>` requires the directory (its package.json main)
        // through @pulumi/pulumi's run-policy-pack, both resolved from the pack.
        const manifest = JSON.parse(fs.readFileSync(path.join(pack, "package.json"), "utf8"));
        assert.equal(manifest.version, rootPackage.version);
        assert.equal(consumerRequire.resolve(pack), path.join(pack, "index.js"));
        const packRequire = createRequire(path.join(pack, "index.js"));
        for (const needed of ["@pulumi/policy", "@pulumi/pulumi/cmd/run-policy-pack"])
            assert.ok(packRequire.resolve(needed), needed);
        const declared = { ...rootPackage.dependencies, ...rootPackage.peerDependencies };
        for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }))
            assert.ok(dependency in declared, `the pack needs ${dependency}: add it to the package's dependencies`);
        assert.ok("@pulumi/policy" in rootPackage.peerDependencies, "the pack's SDK is an (optional) peer dependency");
        // The rules, for a pack of the consumer's own, from the installed copy.
        const { policies } = consumerRequire("pulumi-topologies/policy");
        assert.ok(Array.isArray(policies) && policies.length > 0);
        assert.ok(policies.every((p: { name?: unknown }) => typeof p.name === "string"));
    });

    it("type-checks under moduleResolution node, node16, nodenext and bundler, strict, without skipLibCheck", async () => {
        const { report } = await typeCheck!.result;
        assert.deepEqual(Object.keys(report), Object.keys(RESOLUTIONS));
        for (const [resolution, { diagnostics, checked, resolved }] of Object.entries(report)) {
            assert.deepEqual(
                diagnostics.filter(d => !POLICY_SDK_DIAGNOSTIC.test(d)),
                [],
                `moduleResolution ${resolution}`,
            );
            // The package's declarations and the consumer's files checked in full, the whole graph for resolution.
            assert.ok(checked > 80 && resolved > checked, `${resolution}: ${checked} of ${resolved} files checked`);
        }
    });
});

describe("npm's prepare script", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain Node build script
    const { preparing } = require("../scripts/build.js") as { preparing(env: NodeJS.ProcessEnv): boolean };

    it("builds dist/ when npm installs the package from git into a project, not in this checkout's own install", () => {
        assert.equal(rootPackage.scripts.prepare, "node scripts/build.js --prepare");
        assert.equal(preparing({ INIT_CWD: "/home/me/my-program" }), true);
        assert.equal(preparing({ INIT_CWD: repo }), false);
        assert.equal(preparing({ INIT_CWD: `${repo}/` }), false);
        assert.equal(preparing({}), false, "run by hand, not by npm");
    });
});

describe("the consumer's type check", () => {
    it("finds a dependency's types that do not resolve and an ES module imported from CommonJS, in every file", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-typecheck-"));
        try {
            const write = (file: string, text: string) => {
                fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
                fs.writeFileSync(path.join(dir, file), text);
            };
            // The package under test imports an ES module's types; a resolution-only SDK imports a missing package.
            write("node_modules/lib/package.json", JSON.stringify({ name: "lib", types: "index.d.ts" }));
            write(
                "node_modules/lib/index.d.ts",
                'import type { A } from "esm-only";\nexport declare const a: A;\nexport { b } from "sdk";\n',
            );
            write(
                "node_modules/esm-only/package.json",
                JSON.stringify({
                    name: "esm-only",
                    type: "module",
                    exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } },
                }),
            );
            write("node_modules/esm-only/dist/index.d.ts", "export interface A { x: number }\n");
            write("node_modules/sdk/package.json", JSON.stringify({ name: "sdk", types: "index.d.ts" }));
            write(
                "node_modules/sdk/index.d.ts",
                'import type { Gone } from "not-installed";\nexport declare const b: number;\nexport declare const c: Gone;\n',
            );
            write("index.ts", 'import { a, b } from "lib";\nexport const sum: number = a.x + b;\n');
            const report = checkConsumer({
                dir,
                rootNames: ["index.ts"],
                ownPackage: "lib",
                options: { types: [], lib: ["es2022"] },
                resolutionOnly: ["sdk"],
                ts,
            });
            const missing =
                "node_modules/sdk/index.d.ts(1,27): TS2307 Cannot find module 'not-installed' or its corresponding type declarations.";
            assert.deepEqual(
                Object.fromEntries(
                    Object.entries(report).map(([resolution, r]) => [
                        resolution,
                        // Less tsc's hint, which names the temporary directory.
                        r.diagnostics.map(d => d.replace(/\.\s+There are types at .*$/, ".")),
                    ]),
                ),
                {
                    node: [
                        "node_modules/lib/index.d.ts(1,24): TS2307 Cannot find module 'esm-only' or its corresponding type declarations.",
                        missing,
                    ],
                    node16: [
                        "node_modules/lib/index.d.ts(1,24): TS1541 Type-only import of an ECMAScript module from a CommonJS module must have a 'resolution-mode' attribute.",
                        missing,
                    ],
                    nodenext: [missing],
                    bundler: [missing],
                },
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
