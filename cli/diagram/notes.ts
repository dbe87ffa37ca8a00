/**
 * The picture's notes: Kubernetes objects grouped per cluster, what is counted but not drawn,
 * and the path of a traced flow.
 */
import { PlanGraph, shortType } from "../graph";
import { keyArgs } from "../keyArgs";
import { Placement } from "./placement";
import { HUB } from "./roles";
import { Item, newItem } from "./scene";
import { clip, Line } from "./text";

/** A flow to draw on the picture: its name, and the resources its hops name, in order. */
export interface TracedFlow {
    readonly name: string;
    readonly resources: readonly string[];
    /** Whether it is as intended; the note says so. Default: not stated. */
    readonly ok?: boolean;
    /** Where it stopped, for a broken or blocked flow. */
    readonly stoppedAt?: string;
}

export const TRACE_COLOUR = "#dc2626";
const GREY = "#888888";
const MAX_OBJECT_LINES = 6;

/** One box per Kubernetes provider: its objects, beside what its kubeconfig came from. */
export function kubernetesGroups(
    graph: PlanGraph,
    p: Placement,
    items: ReadonlyMap<string, Item[]>,
): Array<{ item: Item; from?: string; region?: string }> {
    const groups = new Map<string, typeof graph.nodes>();
    for (const n of graph.nodes) {
        if (p.role.get(n.key) !== "kubernetes") continue;
        const group = n.provider ?? `kubernetes::${n.region ?? "default"}`;
        groups.set(group, [...(groups.get(group) ?? []), n]);
    }
    return [...groups].map(([providerKey, objects]) => {
        const provider = graph.byKey.get(providerKey);
        const from = provider
            ? [...provider.references, ...provider.dependsOn].find(k => p.role.get(k) === "node" && items.has(k))
            : undefined;
        const lines: Line[] = objects.slice(0, MAX_OBJECT_LINES).map(o => ({
            text: clip(
                `${String(o.inputs.kind ?? shortType(o.type))} ${String((o.inputs.metadata as { name?: string } | undefined)?.name ?? o.name)}`,
                48,
            ),
            size: 9,
        }));
        if (objects.length > MAX_OBJECT_LINES)
            lines.push({ text: `… ${objects.length - MAX_OBJECT_LINES} more`, size: 9, colour: GREY });
        return {
            item: newItem({
                id: `k8s::${providerKey}`,
                names: objects.map(o => o.name),
                lines: [{ text: `Kubernetes objects (${objects.length})`, size: 10, bold: true }, ...lines],
                fill: "#e6dcf5",
                shape: "note",
                rank: 5,
            }),
            from,
            region: objects[0].region ?? provider?.region,
        };
    });
}

/**
 * What is counted, not drawn: per region (the entries of its footnote), and globally (notes in
 * the global band, with connectors too many to draw).
 */
export function notes(
    graph: PlanGraph,
    p: Placement,
    connectorCounts: ReadonlyMap<string, number>,
    maxPerType: number,
): { regions: Map<string, string[]>; global: Item[] } {
    const hidden = new Map<string, Map<string, number>>();
    for (const n of graph.nodes) {
        if (p.role.get(n.key) !== "hidden" || !n.custom || n.type.startsWith("pulumi:providers:")) continue;
        const region = p.regionOf(n.key) ?? "";
        const counts = hidden.get(region) ?? new Map<string, number>();
        counts.set(shortType(n.type), (counts.get(shortType(n.type)) ?? 0) + 1);
        hidden.set(region, counts);
    }
    const note = (id: string, heading: string, lines: string[]) =>
        newItem({
            id,
            names: [],
            lines: [{ text: heading, size: 8, colour: GREY }, ...lines.map(text => ({ text, size: 8, colour: GREY }))],
            fill: "none",
            shape: "plain",
            rank: 9,
        });
    const regions = new Map<string, string[]>();
    const global: Item[] = [];
    for (const [region, counts] of hidden) {
        const entries = [...counts].map(([t, c]) => `${c} × ${t}`);
        if (region) regions.set(region, [`not drawn: ${entries[0]}`, ...entries.slice(1)]);
        else global.push(note("hidden::global", "not drawn:", entries));
    }
    const summarised = [...connectorCounts].filter(([, count]) => count > maxPerType);
    if (summarised.length > 0) {
        const lines = summarised.map(([type, count]) => {
            const sample = graph.nodes.find(n => n.type === type)!;
            const args = Object.entries(keyArgs(type, sample.inputs))
                .filter(([k]) => !/zone|region/i.test(k))
                .map(([k, v]) => `${k}=${v}`)
                .join(" ");
            return clip(`${count} × ${shortType(type)}${args ? ` (e.g. ${args})` : ""}`, 80);
        });
        global.push(note("summary::connectors", "not drawn, too many to read:", lines));
    }
    return { regions, global };
}

/**
 * Names a trace outlines: the hops it names, and for hops that are not drawn (a rule, a route),
 * what they belong to (the security group, the gateway, the subnet).
 */
export function traceNames(graph: PlanGraph, p: Placement, trace?: TracedFlow): Set<string> {
    const names = new Set(trace?.resources ?? []);
    for (const n of graph.nodes) {
        if (!names.has(n.name) || p.role.get(n.key) !== "hidden") continue;
        for (const r of n.references) {
            const role = p.role.get(r);
            const target = graph.byKey.get(r)!;
            if ((role === "node" || role === "subnet") && !HUB.test(target.type)) names.add(target.name);
        }
    }
    return names;
}

/** The note listing every hop of the traced flow (routes and rules are not drawn). */
export function traceNote(trace: TracedFlow): Item {
    const verdict = trace.ok === undefined ? "" : trace.ok ? " ✓ as intended" : " ✗ broken";
    return newItem({
        id: "trace::note",
        names: [],
        lines: [
            { text: `path of ${trace.name}${verdict}`, size: 10, bold: true, colour: TRACE_COLOUR },
            ...trace.resources.map((r, i) => ({ text: `${i + 1}. ${r}`, size: 9 })),
            ...(trace.stoppedAt ? [{ text: clip(`stopped at: ${trace.stoppedAt}`, 90), size: 9 }] : []),
        ],
        fill: "#fee2e2",
        shape: "note",
    });
}
