/**
 * The resource tree (component → children, in registration order) with each resource's type,
 * name, region and key arguments, and the count of resources per type; as text for a terminal
 * and as plain data for `--json`.
 */
import { PlanGraph, PlanNode } from "./graph";
import { keyArgs } from "./keyArgs";

/** One resource of the tree, as `--json` prints it. */
export interface TreeNode {
    readonly name: string;
    readonly type: string;
    /** Region of the resource's provider, when it has one. */
    readonly region?: string;
    /** The key arguments, printable (secrets redacted). */
    readonly args: Record<string, string>;
    /** Names of explicit `dependsOn` targets. */
    readonly dependsOn?: string[];
    readonly children: TreeNode[];
}

/** The tree of `graph`, roots first. */
export function treeOf(graph: PlanGraph): TreeNode[] {
    const toTree = (node: PlanNode): TreeNode => ({
        name: node.name,
        type: node.type,
        ...(node.region !== undefined ? { region: node.region } : {}),
        args: keyArgs(node.type, node.inputs),
        ...(node.dependsOn.length > 0 ? { dependsOn: node.dependsOn.map(k => graph.byKey.get(k)!.name) } : {}),
        children: node.children.map(k => toTree(graph.byKey.get(k)!)),
    });
    return graph.roots.map(k => toTree(graph.byKey.get(k)!));
}

/** Count of resources per type token, sorted by type; components included. */
export function summaryOf(graph: PlanGraph): Record<string, number> {
    const counts = new Map<string, number>();
    for (const n of graph.nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
    return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** The tree as indented text, one resource a line. */
export function renderTree(roots: readonly TreeNode[]): string {
    const lines: string[] = [];
    const walk = (node: TreeNode, prefix: string, branch: string, last: boolean) => {
        const args = Object.entries(node.args)
            .map(([k, v]) => `${k}=${v}`)
            .join("  ");
        const region = node.region ? ` @${node.region}` : "";
        const deps = node.dependsOn ? `  dependsOn=${node.dependsOn.join(",")}` : "";
        lines.push(`${prefix}${branch}${node.name}  (${node.type}${region})${args ? `  ${args}` : ""}${deps}`);
        const childPrefix = branch === "" ? prefix : prefix + (last ? "   " : "│  ");
        node.children.forEach((c, i) =>
            walk(c, childPrefix, i === node.children.length - 1 ? "└─ " : "├─ ", i === node.children.length - 1),
        );
    };
    for (const root of roots) walk(root, "", "", true);
    return lines.join("\n");
}

/** The per-type counts as an aligned table with a total of custom resources and components. */
export function renderSummary(summary: Record<string, number>): string {
    const width = Math.max(...Object.keys(summary).map(t => t.length), 4);
    const rows = Object.entries(summary).map(([type, n]) => `  ${type.padEnd(width)}  ${String(n).padStart(4)}`);
    const total = Object.values(summary).reduce((a, b) => a + b, 0);
    return [...rows, `  ${"total".padEnd(width)}  ${String(total).padStart(4)}`].join("\n");
}
