/**
 * The offline engine: `pulumi.runtime.setMocks` answering with outputs shaped like the real
 * providers' (./alicloud, ./aws), and a recorder of each resource's parent, provider, `dependsOn`
 * and aliases (which `setMocks` alone never sees). The plan and check commands run stacks on it;
 * the tests run components on it (tests/mocks).
 */
import * as pulumi from "@pulumi/pulumi";
import { AUTONAME_SUFFIX_LENGTH, AUTONAMED, autoname } from "../../components/naming";
import { alicloudCalls, alicloudRules, MockContext, MockOutputs } from "./alicloud";
import { awsCalls, awsRules } from "./aws";
import { randomRules } from "./random";
import { fakeId, seededDigest } from "./ids";
import { skipPromiseStacks } from "./promiseStacks";
import { PropertyBag, World } from "./world";
import { parseWarning } from "../../components/warnings";

export { World, RecordedResource, RecordedCall, RecordedWarning, PropertyBag } from "./world";
export { fakeId } from "./ids";
export type { MockContext, MockOutputs } from "./alicloud";

/** The graph recorded by the current run; reset it before each build. */
export const world = new World();

const rules: Record<string, (ctx: MockContext) => MockOutputs> = { ...alicloudRules, ...awsRules, ...randomRules };
const calls: Record<string, (inputs: PropertyBag, world: World) => PropertyBag> = { ...alicloudCalls, ...awsCalls };

/** Logical name of a provider from its reference, `urn:…::name::id`. */
function providerName(reference: string | undefined): string | undefined {
    if (!reference) return undefined;
    const parts = reference.split("::");
    return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

/** The region the stack configures for the default provider of `type`'s package (`aws:region`), if any. */
function configuredRegion(type: string): string | undefined {
    return pulumi.runtime.allConfig()[`${type.split(":")[0]}:region`];
}

/** The region of a default provider the stack configures none for: the tutorials'. */
function fallbackRegion(type: string): string {
    return type.startsWith("aws:") ? "ap-northeast-1" : "cn-hangzhou";
}

/**
 * The inputs with the name Pulumi's provider would generate where the component left it out
 * (components/naming.ts): `<logical name>-<7 hex>`, the hex drawn from the world's naming seed,
 * the stack and the resource, so a plan is stable and two stacks differ. A name over the cloud's
 * limit fails here as it would in the provider's check.
 */
function withAutoname(type: string, name: string, inputs: PropertyBag): PropertyBag {
    const rule = AUTONAMED[type];
    if (!rule || inputs[rule.property] !== undefined) return inputs;
    const random = seededDigest(world, `${type}::${name}`)
        .toString("hex")
        .slice(0, AUTONAME_SUFFIX_LENGTH - 1);
    const value = autoname(name, random, rule);
    if (value.length > rule.maxLength) {
        throw new Error(
            `could not make instance of '${type}': name '${name}-' plus ${random.length} random chars is longer than maximum length ${rule.maxLength}`,
        );
    }
    return { ...inputs, [rule.property]: value };
}

/** The root component a Pulumi program runs in (`runInPulumiStack`): the stack itself, not part of the plan. */
const STACK_TYPE = "pulumi:pulumi:Stack";

const mocks: pulumi.runtime.Mocks = {
    newResource(mockArgs: pulumi.runtime.MockResourceArgs): { id: string; state: PropertyBag } {
        if (mockArgs.type === STACK_TYPE) return { id: "", state: mockArgs.inputs };
        const args = { ...mockArgs, inputs: withAutoname(mockArgs.type, mockArgs.name, mockArgs.inputs) };
        const provider = providerName(args.provider);
        if (args.type.startsWith("pulumi:providers:") && args.inputs.region) {
            world.providerRegions.set(args.name, args.inputs.region);
        }
        // The stack's `<pkg>:region` is read once per resource: it serves the default provider's region and the record.
        const configured = configuredRegion(args.type);
        const region = (provider && world.providerRegions.get(provider)) ?? configured ?? fallbackRegion(args.type);
        const rule = rules[args.type];
        const outputs = rule
            ? rule({ name: args.name, inputs: args.inputs, region, world })
            : { id: args.custom === false ? "" : fakeId(args.type.split(":").pop()!.toLowerCase(), args.name) };
        const state = { ...args.inputs, ...outputs.state };
        const entry = world.entry(args.type, args.name);
        entry.registered = true;
        entry.inputs = args.inputs;
        entry.state = state;
        entry.id = outputs.id;
        entry.custom = args.custom !== false;
        if (provider) entry.provider = provider;
        else if (entry.custom && configured) entry.defaultRegion = configured;
        return { id: outputs.id, state };
    },
    call(args: pulumi.runtime.MockCallArgs): PropertyBag {
        const answer = calls[args.token];
        if (!answer)
            throw new Error(`the offline engine has no answer for data source ${args.token}; add one to cli/engine`);
        const outputs = answer(args.inputs, world);
        world.calls.push({ token: args.token, inputs: args.inputs, provider: providerName(args.provider), outputs });
        return outputs;
    },
};

/**
 * Points the Pulumi runtime of this process at the offline engine, as project `project` and
 * stack `stack` (what `pulumi.getProject()` / `getStack()` answer, URNs and stack-scoped names
 * carry). Safe to call again.
 */
export function installEngine(stack = "test", project = "topologies"): void {
    pulumi.runtime.setMocks(mocks, project, stack, false);
    recordWarnings();
    skipPromiseStacks();
}

/** Marks the `pulumi.log.warn` that records into the world, so it is installed once. */
const RECORDS = Symbol("topologies.recordsWarnings");

/**
 * Under mocks the SDK prints a warning to stderr (`warning: [runtime] …`), where neither the plan
 * nor a test can read it: record it in the world instead, as `pulumi up` would show it in its
 * diagnostics (a component's warning names the component).
 */
function recordWarnings(): void {
    const log = pulumi.log as { warn: typeof pulumi.log.warn & { [RECORDS]?: true } };
    if (log.warn[RECORDS]) return;
    // Components name themselves in the text (components/warnings.ts) and attach no resource.
    const record = async (text: string, resource?: pulumi.Resource): Promise<void> => {
        const { subject, message } = parseWarning(text);
        world.warnings.push({ message, resource: resource ? pulumi.resourceName(resource) : subject });
    };
    log.warn = Object.assign(record, { [RECORDS]: true as const });
}

/**
 * Forgets the stack resource a Pulumi program ran in (`runInPulumiStack` leaves it set for the
 * process, until the next `setMocks`): resources built afterwards would take it as their parent
 * and run its transformations, the recorder among them, a second time. (`setStackResource` is
 * internal to the SDK, hence the guard.)
 */
export function forgetStackResource(): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as { setStackResource?: (r: undefined) => void };
    state.setStackResource?.(undefined);
}

/**
 * Starts the offline runtime afresh after a run that ended on purpose with registrations still
 * pending (a late validation error stopped them; a fuzz try timed out): they never settle, so
 * every later wait for settled RPCs would wait forever, and the SDK should not report them as
 * leaked promises when the process exits. (`leakedPromises` empties the SDK's list; it is
 * internal, hence the guard.)
 */
export function restartEngine(stack = "test", project = "topologies"): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { leakedPromises?: () => unknown };
    debuggable.leakedPromises?.();
    installEngine(stack, project);
}

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

/**
 * What the real engine refuses at registration, refused here too, so a plan cannot pass what
 * `pulumi up` would stop: a second resource with one URN (qualified type and name: "Duplicate
 * resource URN"), and a provider that is not a provider resource. (The SDK itself refuses a
 * parent that is not a resource.)
 */
function refuseWhatTheEngineRefuses(type: string, name: string, opts: pulumi.ResourceOptions): void {
    const provider = (opts as pulumi.CustomResourceOptions).provider;
    if (provider !== undefined && !pulumi.ProviderResource.isInstance(provider)) {
        throw new Error(
            `resource ${type} '${name}' has a provider that is not a provider resource: ${String(provider)}`,
        );
    }
    const parentQualified = opts.parent
        ? (world.qualifiedTypes.get(resourceKey(opts.parent)) ?? pulumi.resourceType(opts.parent))
        : undefined;
    const qualified =
        parentQualified && !pulumi.resourceType(opts.parent!).startsWith("pulumi:pulumi:Stack")
            ? `${parentQualified}$${type}`
            : type;
    const urn = `${qualified}::${name}`;
    if (world.urns.has(urn))
        throw new Error(
            `Duplicate resource URN '${urn}': the engine refuses a second resource of this type and name under this parent.`,
        );
    world.urns.add(urn);
    world.qualifiedTypes.set(`${type}::${name}`, qualified);
}

/** Records parent, provider and explicit dependencies of every resource below the component. */
export const recorder: pulumi.ResourceTransformation = ({ resource, type, name, opts }) => {
    refuseWhatTheEngineRefuses(type, name, opts);
    const entry = world.entry(type, name);
    // Non-enumerable: the graph, snapshots and JSON never walk into the live object.
    Object.defineProperty(entry, "resource", {
        value: resource,
        enumerable: false,
        configurable: true,
        writable: true,
    });
    if (opts.parent) {
        entry.parent = pulumi.resourceName(opts.parent);
        entry.parentKey = resourceKey(opts.parent);
    } else {
        const enclosing = enclosingConstructors(resource);
        if (enclosing.length > 0) entry.constructedIn = enclosing;
    }
    const provider = (opts as pulumi.CustomResourceOptions).provider;
    if (provider) entry.provider = pulumi.resourceName(provider);
    if (opts.protect !== undefined) entry.protect = opts.protect;
    if (opts.retainOnDelete !== undefined) entry.retainOnDelete = opts.retainOnDelete;
    if (opts.ignoreChanges?.length) entry.ignoreChanges = [...opts.ignoreChanges];
    const deleteBeforeReplace = (opts as pulumi.CustomResourceOptions).deleteBeforeReplace;
    if (deleteBeforeReplace !== undefined) entry.deleteBeforeReplace = deleteBeforeReplace;
    entry.dependsOn = resourceNames(opts.dependsOn);
    entry.dependsOnKeys = resources(opts.dependsOn).map(resourceKey);
    const timeouts = (opts as pulumi.CustomResourceOptions).customTimeouts;
    if (timeouts) entry.customTimeouts = { ...timeouts };
    if (opts.aliases?.length) {
        entry.aliases = opts.aliases.map(a =>
            typeof a === "string"
                ? a
                : {
                      name: (a as pulumi.Alias).name as string | undefined,
                      type: (a as pulumi.Alias).type as string | undefined,
                  },
        );
    }
    return undefined;
};

/**
 * The classes whose constructors are running while `resource` is constructed, innermost first,
 * less the resource's own class chain: for a resource without a parent, the components it was
 * created inside (a child that forgot `{ parent: this }`). Read from the V8 call sites, which name
 * the function of each `new` on the stack.
 */
function enclosingConstructors(resource: pulumi.Resource): string[] {
    const own = new Set<string>();
    for (
        let proto = Object.getPrototypeOf(resource);
        proto && proto !== Object.prototype;
        proto = Object.getPrototypeOf(proto)
    )
        own.add((proto as { constructor: { name: string } }).constructor.name);
    const limit = Error.stackTraceLimit;
    const prepare = Error.prepareStackTrace;
    const holder: { stack?: NodeJS.CallSite[] } = {};
    let sites: NodeJS.CallSite[];
    try {
        Error.stackTraceLimit = 100;
        Error.prepareStackTrace = (_error, callSites) => callSites;
        Error.captureStackTrace(holder, enclosingConstructors);
        // Read now: V8 formats the stack on first access, with the preparer in place then.
        sites = holder.stack ?? [];
    } finally {
        Error.prepareStackTrace = prepare;
        Error.stackTraceLimit = limit;
    }
    const names = sites.filter(s => s.isConstructor()).map(s => s.getFunctionName() ?? "");
    return names.filter(n => n !== "" && !own.has(n));
}

/** Waits until every registration and output started so far has settled. */
export async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}
