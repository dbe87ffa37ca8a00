/**
 * The Kubernetes and Istio objects a stack applies, as the YAML `kubectl apply` would take: one
 * file per Kubernetes provider (that is, per cluster or mesh), objects in registration order.
 * Secret values (a `Secret`'s data from a secure config value, say) are written as `[secret]`.
 */
import { stringify } from "yaml";
import { isSecretValue, PlanGraph, PlanNode } from "./graph";
import { REDACTED } from "./keyArgs";

/** One manifest file: the provider it targets and its YAML. */
export interface ManifestFile {
    /** File name, from the provider's name, e.g. `mesh-k8s.yaml`. */
    readonly file: string;
    readonly yaml: string;
    /** How many objects it holds. */
    readonly count: number;
}

function isKubernetesObject(node: PlanNode): boolean {
    return node.custom && node.type.startsWith("kubernetes:") && !node.type.startsWith("kubernetes:providers");
}

/** The manifests of every Kubernetes object in the graph, grouped by provider; empty when none. */
export function manifestsOf(graph: PlanGraph): ManifestFile[] {
    const groups = new Map<string, PlanNode[]>();
    for (const node of graph.nodes.filter(isKubernetesObject)) {
        const provider = node.provider ? graph.byKey.get(node.provider)!.name : "default";
        groups.set(provider, [...(groups.get(provider) ?? []), node]);
    }
    return [...groups].map(([provider, nodes]) => ({
        file: `${provider.replace(/[^A-Za-z0-9._-]/g, "_")}.yaml`,
        count: nodes.length,
        yaml: nodes
            .map(n => `# ${n.type} '${n.name}'\n${stringify(redact(manifest(n)), { lineWidth: 0 })}`)
            .join("---\n"),
    }));
}

/** The object as applied: `apiVersion` and `kind` first, then the rest of its inputs. */
function manifest(node: PlanNode): Record<string, unknown> {
    const { apiVersion, kind, metadata, ...rest } = node.inputs;
    return { apiVersion, kind, metadata, ...rest };
}

function redact(value: unknown): unknown {
    if (isSecretValue(value)) return REDACTED;
    if (Array.isArray(value)) return value.map(redact);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
                .filter(([, v]) => v !== undefined && v !== null)
                .map(([k, v]) => [k, redact(v)]),
        );
    }
    return value;
}
