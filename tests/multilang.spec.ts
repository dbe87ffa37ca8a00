/**
 * The multi-language package (provider/): the args generated from the stack schemas, the schema
 * Pulumi's analyzer infers from them (a committed snapshot, so a change of the API other
 * languages see shows in review), and each component built through the component provider's
 * `construct`, as `pulumi up` of a Python or YAML program would, under the offline engine.
 *
 * Record an intended schema change with `UPDATE_SCHEMA_SNAPSHOT=1 npm test` and commit it.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { build, world } from "./mocks";
import { readStackConfig } from "../cli/stackConfig";
import { urnsOf } from "./support/urns";
import { ARGS_FILE, generateArgs } from "../provider/generate";
import * as multilang from "../provider/index";
import { PLUGIN } from "../provider/plugin";
import { MULTILANG_TOPOLOGIES } from "../provider/topologies";

const REPO = path.resolve(__dirname, "..");
const SCHEMA_FILE = path.join(__dirname, "snapshots", "multilang", "schema.json");
/** The tutorial stack of each section. */
const TUTORIAL_STACKS: Record<string, string> = {
    crossRegionAlb: "cross-region-alb",
    multiEip: "multi-eip",
    dualStackAlb: "dual-stack-alb",
    meshFailover: "mesh-failover",
    fargate: "fargate",
};

interface SchemaProperty {
    description?: string;
    type?: string;
    $ref?: string;
    plain?: boolean;
}
interface PackageSchema {
    name: string;
    version: string;
    resources: Record<
        string,
        {
            inputProperties: Record<string, SchemaProperty>;
            requiredInputs: string[];
            properties: Record<string, SchemaProperty>;
        }
    >;
    types: Record<string, { properties?: Record<string, SchemaProperty>; enum?: unknown[] }>;
}

function provider(): ComponentProvider {
    return new ComponentProvider({ ...PLUGIN, components: getPulumiComponents(multilang) });
}

/** The section of a tutorial stack file, and its stack-wide tags, as a program would pass them. */
function tutorialArgs(key: string): Record<string, unknown> {
    const { raw } = readStackConfig(path.join(REPO, "stacks"), TUTORIAL_STACKS[key], "topologies");
    return { ...(raw[key] as Record<string, unknown>), ...(raw.tags ? { tags: raw.tags } : {}) };
}

/** Constructs `component` through the provider, as the engine does for another language's program. */
async function construct(
    component: string,
    name: string,
    args: Record<string, unknown>,
): Promise<{ state: Record<string, unknown> } | { error: unknown }> {
    const p = provider();
    let result: { state: Record<string, unknown> } | { error: unknown } = { error: undefined };
    await build(async opts => {
        try {
            const constructed = await p.construct(name, `topologies:index:${component}`, args, opts);
            result = { state: constructed.state as Record<string, unknown> };
        } catch (error) {
            result = { error };
        }
    });
    return result;
}

describe("multi-language components (provider/)", function () {
    this.timeout(60000);
    let schema: PackageSchema;

    before(async () => {
        schema = JSON.parse(await provider().getSchema()) as PackageSchema;
    });

    it("takes its args from the stack schemas: provider/args.ts is what `npm run multilang` writes, every field documented", () => {
        const { text, missingDocs } = generateArgs();
        assert.deepEqual(missingDocs, [], "add these to provider/docs.ts");
        assert.equal(fs.readFileSync(ARGS_FILE, "utf8"), text, "provider/args.ts is stale: run npm run multilang");
    });

    it("infers the committed package schema (tests/snapshots/multilang/schema.json)", () => {
        const text = `${JSON.stringify(schema, null, 2)}\n`;
        if (process.env.UPDATE_SCHEMA_SNAPSHOT || !fs.existsSync(SCHEMA_FILE)) {
            fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
            fs.writeFileSync(SCHEMA_FILE, text);
        }
        assert.equal(
            text,
            fs.readFileSync(SCHEMA_FILE, "utf8"),
            "the multi-language API changed: review it, then run UPDATE_SCHEMA_SNAPSHOT=1 npm test",
        );
    });

    it("serves one component per topology and the environment, as package `topologies` at the npm package's version", () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
        assert.equal(schema.name, "topologies");
        assert.equal(schema.version, version);
        assert.deepEqual(Object.keys(schema.resources).sort(), [
            "topologies:index:CrossRegionAlb",
            "topologies:index:DualStackAlb",
            "topologies:index:Environment",
            "topologies:index:Fargate",
            "topologies:index:MeshFailover",
            "topologies:index:MultiEip",
        ]);
    });

    it("documents and types every input, output and type field; every input is plain but the password", () => {
        const undocumented: string[] = [];
        const check = (where: string, props: Record<string, SchemaProperty>) => {
            for (const [key, p] of Object.entries(props)) {
                if (!p.description) undocumented.push(`${where}.${key}`);
                assert.ok(p.type || p.$ref, `${where}.${key} has no type`);
            }
        };
        for (const [token, r] of Object.entries(schema.resources)) {
            check(`${token} input`, r.inputProperties);
            check(`${token} output`, r.properties);
            for (const [key, p] of Object.entries(r.inputProperties))
                assert.equal(p.plain === true, key !== "serverPassword", `${token}.${key} plain`);
        }
        for (const [token, t] of Object.entries(schema.types)) if (t.properties) check(token, t.properties);
        assert.deepEqual(undocumented, []);
    });

    it("requires what the stack schema requires: S1's VPCs and servers, nothing stack-wide", () => {
        assert.deepEqual(schema.resources["topologies:index:CrossRegionAlb"].requiredInputs, [
            "albVpc",
            "backendVpc",
            "servers",
        ]);
        assert.deepEqual(schema.resources["topologies:index:Environment"].requiredInputs, []);
    });

    for (const entry of MULTILANG_TOPOLOGIES) {
        it(`constructs ${entry.component} from the ${TUTORIAL_STACKS[entry.key]} stack's section: the stack's resources, under it, named after it`, async () => {
            const stack = TUTORIAL_STACKS[entry.key];
            const result = await construct(entry.component, "t1", tutorialArgs(entry.key));
            assert.ok("state" in result, String("error" in result ? result.error : ""));
            // The stack's URNs (its snapshot) with the component on top and its name before every
            // name (and inside the names derived from others, as a CEN's from its members').
            const urns = urnsOf(world, stack).urns;
            const wrapper = `topologies:index:${entry.component}`;
            assert.ok(urns.includes(`urn:pulumi:${stack}::topologies::${wrapper}::t1`));
            const inner = urns.filter(u => !u.endsWith(`::${wrapper}::t1`));
            for (const urn of inner) {
                assert.ok(urn.includes(`::topologies::${wrapper}$`), `${urn} is not under the component`);
                assert.ok(/::t1-[^:]+$/.test(urn), `${urn} is not named after the component`);
            }
            const asInStack = inner.map(u => u.replace(`${wrapper}$`, "").replace(/t1-/g, "")).sort();
            const recorded = fs
                .readFileSync(path.join(__dirname, "snapshots", "urns", `${stack}.txt`), "utf8")
                .split("\n")
                .filter(Boolean);
            assert.deepEqual(asInStack, recorded);
            // Outputs: the section's stack outputs without their `s<N>` prefix, all resolved.
            const outputs = Object.keys(result.state).sort();
            assert.ok(outputs.length > 0);
            for (const key of outputs) {
                const value = await (
                    pulumi.output(result.state[key]) as unknown as { promise(): Promise<unknown> }
                ).promise();
                assert.notEqual(value, undefined, `${entry.component}.${key}`);
            }
            assert.deepEqual(
                outputs,
                Object.keys(schema.resources[`topologies:index:${entry.component}`].properties).sort(),
            );
        });
    }

    it("reports a bad input at the args' own paths, per property as the engine prints them, and registers nothing", async () => {
        const args = tutorialArgs("crossRegionAlb");
        const albVpc = args.albVpc as { cidrBlock: string };
        const servers = args.servers as { instances: Record<string, { vSwitch: string }> };
        const [first] = Object.keys(servers.instances);
        const result = await construct("CrossRegionAlb", "bad", {
            ...args,
            albVpc: { ...albVpc, cidrBlock: "172.16.0.0/33" },
            servers: { ...servers, instances: { ...servers.instances, [first]: { vSwitch: "nowhere" } } },
        });
        assert.ok("error" in result);
        assert.ok(pulumi.InputPropertiesError.isInstance(result.error), String(result.error));
        const paths = result.error.errors.map(e => e.propertyPath).sort();
        assert.deepEqual(paths, ["albVpc.cidrBlock", `servers.instances.${first}.vSwitch`]);
        // The reason carries the fix, as the component's own error does.
        const vSwitch = result.error.errors.find(e => e.propertyPath.endsWith(".vSwitch"))!;
        assert.match(vSwitch.reason, /'nowhere'.* Fix: /);
        assert.match(result.error.message, /^topologies:index:CrossRegionAlb 'bad': 2 problems/);
        assert.deepEqual(
            world.resources.filter(r => r.registered),
            [],
        );
    });

    it("refuses an output of another resource in an input that must be known, naming the input", async () => {
        const args = tutorialArgs("dualStackAlb");
        const result = await construct("DualStackAlb", "late", {
            ...args,
            edition: pulumi.output("Standard"),
        });
        assert.ok("error" in result && pulumi.InputPropertiesError.isInstance(result.error), String(result));
        assert.deepEqual(
            result.error.errors.map(e => e.propertyPath),
            ["edition"],
        );
    });

    it("holds the same topology twice in one program, each under its own names", async () => {
        const p = provider();
        const args = tutorialArgs("fargate");
        await build(async opts => {
            await Promise.all([
                p.construct("blue", "topologies:index:Fargate", args, opts),
                p.construct("green", "topologies:index:Fargate", args, opts),
            ]);
        });
        const urns = urnsOf(world, "test").urns;
        assert.equal(new Set(urns).size, urns.length, "no URN twice");
        assert.ok(urns.some(u => u.endsWith("::blue-s5")));
        assert.ok(urns.some(u => u.endsWith("::green-s5")));
    });

    it("builds the README's YAML program: its S1 properties are valid args of its type", async () => {
        const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
        const block = /<!-- multilang-example: (\w+) -->\n```yaml\n([\s\S]*?)```/.exec(readme);
        assert.ok(block, "the README's multi-language YAML example is marked");
        const program = parse(block[2]) as {
            resources: Record<string, { type: string; properties: Record<string, unknown> }>;
        };
        const [resource] = Object.values(program.resources);
        assert.equal(resource.type, `topologies:index:${block[1]}`);
        const result = await construct(block[1], "s1", resource.properties);
        assert.ok("state" in result, String("error" in result ? result.error : ""));
        assert.equal(world.ofType("alicloud:alb/loadBalancer:LoadBalancer").length, 1);
    });

    it("builds several sections over one shared CEN as an Environment, with a stack's outputs", async () => {
        // The shared CEN replaces S1's own, and with it S1's options for one.
        const { cenOptions: _own, tags: _tags, ...crossRegionAlb } = tutorialArgs("crossRegionAlb");
        const result = await construct("Environment", "env", { network: {}, crossRegionAlb });
        assert.ok("state" in result, String("error" in result ? result.error : ""));
        const outputs = await (
            pulumi.output(result.state.outputs) as unknown as { promise(): Promise<object> }
        ).promise();
        assert.ok("cenId" in outputs && "s1AlbDnsName" in outputs, JSON.stringify(Object.keys(outputs)));
        assert.equal(world.ofType("topologies:alicloud:CenTransitNetwork").length, 1);
        assert.ok(world.named("env-env-cen"));
    });
});
