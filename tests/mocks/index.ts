/**
 * The offline engine every spec uses: `pulumi.runtime.setMocks` answering with provider-shaped
 * outputs (see ./alicloud and ./aws), and a recorder that captures each resource's parent,
 * provider and `dependsOn` (which `setMocks` alone never sees).
 *
 * Usage in a spec:
 * ```ts
 * const vpc = await build(opts => new RegionalVpc("vpc1", args, opts));
 * expect(world.ofType("vpc/switch:Switch")).to.have.length(2);
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloudCalls, alicloudRules, MockContext, MockOutputs } from "./alicloud";
import { awsCalls, awsRules } from "./aws";
import { fakeId } from "./ids";
import { World } from "./world";

export { World, RecordedResource, RecordedCall } from "./world";
export { fakeId } from "./ids";

/** The graph recorded by the current test; `build` resets it. */
export const world = new World();

const rules: Record<string, (ctx: MockContext) => MockOutputs> = { ...alicloudRules, ...awsRules };
const calls: Record<string, (inputs: Record<string, any>, world: World) => Record<string, any>> = { ...alicloudCalls, ...awsCalls };

/** Logical name of a provider from its reference, `urn:…::name::id`. */
function providerName(reference: string | undefined): string | undefined {
    if (!reference) return undefined;
    const parts = reference.split("::");
    return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

function defaultRegion(type: string): string {
    return type.startsWith("aws:") ? "ap-northeast-1" : "cn-hangzhou";
}

pulumi.runtime.setMocks({
    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, any> } {
        const provider = providerName(args.provider);
        if (args.type.startsWith("pulumi:providers:") && args.inputs.region) {
            world.providerRegions.set(args.name, args.inputs.region);
        }
        const region = (provider && world.providerRegions.get(provider)) ?? defaultRegion(args.type);
        const rule = rules[args.type];
        const outputs = rule
            ? rule({ name: args.name, inputs: args.inputs, region, world })
            : { id: args.custom === false ? "" : fakeId(args.type.split(":").pop()!.toLowerCase(), args.name) };
        const state = { ...args.inputs, ...outputs.state };
        const entry = world.entry(args.type, args.name);
        entry.inputs = args.inputs;
        entry.state = state;
        entry.id = outputs.id;
        entry.custom = args.custom !== false;
        if (provider) entry.provider = provider;
        return { id: outputs.id, state };
    },
    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        world.calls.push({ token: args.token, inputs: args.inputs, provider: providerName(args.provider) });
        const answer = calls[args.token];
        if (!answer) throw new Error(`the mocks have no answer for data source ${args.token}; add one to tests/mocks`);
        return answer(args.inputs, world);
    },
}, "topologies", "test", false);

function resources(value: unknown): pulumi.Resource[] {
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return items.filter(pulumi.Resource.isInstance);
}

function resourceNames(value: unknown): string[] {
    return resources(value).map(r => pulumi.resourceName(r));
}

/** `type::name`, unique where names alone are not (a component and its child may share a name). */
function resourceKey(resource: pulumi.Resource): string {
    return `${pulumi.resourceType(resource)}::${pulumi.resourceName(resource)}`;
}

/** Records parent, provider and explicit dependencies of every resource below the component. */
export const recorder: pulumi.ResourceTransformation = ({ type, name, opts }) => {
    const entry = world.entry(type, name);
    if (opts.parent) {
        entry.parent = pulumi.resourceName(opts.parent);
        entry.parentKey = resourceKey(opts.parent);
    }
    const provider = (opts as pulumi.CustomResourceOptions).provider;
    if (provider) entry.provider = pulumi.resourceName(provider);
    entry.dependsOn = resourceNames(opts.dependsOn);
    entry.dependsOnKeys = resources(opts.dependsOn).map(resourceKey);
    if (opts.aliases?.length) {
        entry.aliases = opts.aliases.map(a => (typeof a === "string" ? a : { name: (a as pulumi.Alias).name as string | undefined, type: (a as pulumi.Alias).type as string | undefined }));
    }
    return undefined;
};

/** Waits until every registration and output started so far has settled. */
export async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/**
 * Resets the world, builds what `create` returns with the recorder attached, and waits for
 * every registration to finish. Pass the given options to the component under test.
 */
export async function build<T>(create: (opts: pulumi.ComponentResourceOptions) => T): Promise<T> {
    world.reset();
    const result = create({ transformations: [recorder] });
    await settle();
    return result;
}

/** Resolves an output (or plain value) for an assertion. */
export function valueOf<T>(value: pulumi.Input<T>): Promise<T> {
    return new Promise(resolve => pulumi.output(value).apply(v => { resolve(v as T); return v; }));
}

/** True when an output is marked secret. */
export function isSecretOutput(value: pulumi.Output<unknown>): Promise<boolean> {
    return (value as unknown as { isSecret: Promise<boolean> }).isSecret;
}
