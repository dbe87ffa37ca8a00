/**
 * Runs the policy pack over sample resources, shaped as the engine hands them to a stack policy:
 * a type, name and URN, the outputs as `props`, the resources each depends on and, per top-level
 * property, the resources that property's value came from (`propertyDependencies`). The specs
 * call the pack only through its `policies` list, as the pack server does.
 */
import { policies } from "../../policy/policies";

/** A resource as a stack policy sees it (the part the pack reads). */
export interface SampleResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
    dependencies: Array<{ urn: string }>;
    propertyDependencies: Record<string, Array<{ urn: string }>>;
}

/** One violation: the policy that reported it, its message, and the URN it names. */
export interface Violation {
    policy: string;
    message: string;
    urn?: string;
}

let counter = 0;

/**
 * A sample resource in stack `stack`. `refs` names, per property, the resources its value came
 * from; they become the property's dependencies and the resource's dependencies, as the engine
 * records them when a program passes one resource's output to another.
 */
export function sample(
    type: string,
    props: Record<string, any>,
    refs: Record<string, SampleResource[]> = {},
    stack = "dev",
): SampleResource {
    const name = `r${++counter}`;
    const propertyDependencies = Object.fromEntries(
        Object.entries(refs).map(([key, targets]) => [key, targets.map(t => ({ urn: t.urn }))]),
    );
    const dependencies = [...new Set(Object.values(refs).flatMap(targets => targets.map(t => t.urn)))].map(urn => ({
        urn,
    }));
    return {
        type,
        name,
        urn: `urn:pulumi:${stack}::topologies::${type}::${name}`,
        props,
        dependencies,
        propertyDependencies,
    };
}

/**
 * @pulumi/policy's own proxy over `props`, which throws on the unknown sentinels, as a preview
 * hands over values known only after apply (internal to the package, hence the require).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- not in the package's exports map
export const proxy = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T>(props: T): T;
    unknownStringValue: string;
    unknownNumberValue: string;
    unknownBooleanValue: string;
};

/** The resource as a preview hands it over: props behind the unknown-checking proxy. */
export function previewed<T extends { props: Record<string, any> }>(r: T): T {
    return { ...r, props: proxy.unknownCheckingProxy(r.props) };
}

/** Every violation the pack's policies report on `resources`, in policy order. */
export function runPack(
    resources: ReadonlyArray<Omit<SampleResource, "propertyDependencies"> & Partial<SampleResource>>,
    config: Record<string, unknown> = {},
): Violation[] {
    const found: Violation[] = [];
    for (const policy of policies) {
        if (!("validateStack" in policy)) continue;
        const args = { resources, getConfig: () => config };
        policy.validateStack(args as never, (message: string, urn?: string) => {
            found.push({ policy: policy.name, message, urn });
        });
    }
    return found;
}

/** The names of the policies that reported something, once each. */
export function policiesHit(violations: readonly Violation[]): string[] {
    return [...new Set(violations.map(v => v.policy))];
}
