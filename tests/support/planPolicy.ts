/**
 * The policy pack over a planned stack, its resources handed over as the engine hands them to a
 * stack policy: the inputs as props, the dependencies, and per property the resources its value
 * came from (found in the plan graph by the values they produced, as the graph finds references).
 *
 * `firstPreview` shows the stack as a first `pulumi preview` does, before anything exists: every
 * value that came from another resource's output is unknown (the policy proxy throws on it), so
 * the pack can only follow the property dependencies.
 */
import type { PlanResult } from "../../cli/plan";
import { previewed, proxy, runPack, SampleResource } from "./policyPack";

/** `value` with every string that another resource produced replaced by the unknown sentinel. */
function unknownOutputs(value: unknown, isOutput: (s: string) => boolean): unknown {
    if (typeof value === "string") return isOutput(value) ? proxy.unknownStringValue : value;
    if (Array.isArray(value)) return value.map(v => unknownOutputs(v, isOutput));
    if (value !== null && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownOutputs(v, isOutput)]));
    return value;
}

/** What the pack reports on a planned stack, as `policy: message` lines. */
export function planPolicyViolations(
    stack: string,
    result: PlanResult,
    options: { firstPreview?: boolean; without?: (type: string) => boolean } = {},
) {
    if (!result.ok) return [];
    const { graph } = result;
    const urn = (key: string) => {
        const n = graph.byKey.get(key)!;
        return `urn:pulumi:${stack}::topologies::${n.type}::${n.name}`;
    };
    const resources: SampleResource[] = graph.nodes
        .filter(n => n.custom && !options.without?.(n.type))
        .map(n => {
            const inputs = n.inputs as Record<string, any>;
            const propertyDependencies = Object.fromEntries(
                Object.entries(inputs).map(([k, v]) => [
                    k,
                    graph
                        .referencesIn(v)
                        .filter(ref => ref !== n.key)
                        .map(ref => ({ urn: urn(ref) })),
                ]),
            );
            const resource: SampleResource = {
                type: n.type,
                name: n.name,
                urn: urn(n.key),
                props: options.firstPreview
                    ? (unknownOutputs(inputs, s => graph.referencesIn(s).some(ref => ref !== n.key)) as Record<
                          string,
                          any
                      >)
                    : inputs,
                dependencies: [...n.references, ...n.dependsOn]
                    .filter(k => graph.byKey.has(k))
                    .map(k => ({ urn: urn(k) })),
                propertyDependencies,
            };
            return options.firstPreview ? previewed(resource) : resource;
        });
    return runPack(resources).map(v => `${v.policy}: ${v.message}`);
}
