/**
 * Builds the scene of a plan: a box per region, VPC, zone and subnet, an item per drawn resource
 * where {@link place} puts it, the global networks as bands with their peerings, and the edges.
 */
import { PlanGraph } from "../graph";
import { Containers } from "./containers";
import { drawEdges, MAX_EDGES_PER_CONNECTOR_TYPE } from "./edges";
import { backendItem, headerItem, resourceItem } from "./items";
import { kubernetesGroups, notes, TracedFlow, traceNames, traceNote } from "./notes";
import { place } from "./placement";
import { Item, Scene } from "./scene";

/** The scene of `graph`; `trace` outlines what one flow crosses. */
export function buildScene(graph: PlanGraph, title: string, trace?: TracedFlow): Scene {
    const p = place(graph);
    const traced = traceNames(graph, p, trace);
    const boxes = new Containers(graph, p);

    // Items, one per drawn resource (one per subnet it spans).
    const items = new Map<string, Item[]>();
    const subnetOfItem = new Map<string, string>();
    const put = (key: string, home: Parameters<Containers["put"]>[0], item: Item) => {
        items.set(key, [...(items.get(key) ?? []), item]);
        boxes.put(home, item);
    };
    for (const n of graph.nodes) {
        const home = p.home.get(n.key);
        if (p.role.get(n.key) !== "node" || home === undefined) continue;
        if (home.kind === "subnets" && home.subnets.length > 1) {
            for (const s of home.subnets) {
                const item = resourceItem(n, `${n.key}@${s}`, graph, p, home.subnets.length);
                subnetOfItem.set(item.id, s);
                put(n.key, { kind: "subnets", subnets: [s] }, item);
            }
        } else put(n.key, home, resourceItem(n, n.key, graph, p, 1));
    }
    for (const b of p.backends) put(b.id, b.home, backendItem(b));

    const drawn = drawEdges({ graph, p, items, subnetOfItem, hubs: new Set(boxes.hubs.keys()), traced });
    const { edges } = drawn;
    for (const { item, hub } of drawn.bandItems) (hub ? boxes.hubs.get(hub)! : boxes.global).children.push(item);

    const extra = notes(graph, p, drawn.connectorCounts, MAX_EDGES_PER_CONNECTOR_TYPE);
    for (const [region, entries] of extra.regions) boxes.region(region).box.footnote = entries;
    boxes.global.children.push(...extra.global);
    for (const group of kubernetesGroups(graph, p, items)) {
        const fromItem = group.from ? items.get(group.from)?.[0] : undefined;
        const subnet = fromItem ? subnetOfItem.get(fromItem.id) : undefined;
        const home = group.from ? p.home.get(group.from) : undefined;
        boxes.put(
            subnet ? { kind: "subnets", subnets: [subnet] } : (home ?? { kind: "region", region: group.region }),
            group.item,
        );
        if (fromItem)
            edges.push({
                id: `${fromItem.id}->${group.item.id}`,
                from: fromItem.id,
                to: group.item.id,
                style: "applies",
                crossRegion: false,
                arrow: false,
                names: [],
                traced: false,
            });
    }

    // The trace: the boxes naming a hop, the subnets it crosses, and the ends of a joint it takes.
    const all = [...items.values()].flat().concat(drawn.bandItems.map(b => b.item));
    for (const item of all) item.traced = item.names.some(n => traced.has(n));
    for (const box of boxes.subnets.values()) box.traced = box.names.some(n => traced.has(n));
    const byId = new Map(all.map(i => [i.id, i]));
    for (const e of edges)
        if (e.traced && e.style === "attach")
            for (const end of [e.from, e.to]) if (byId.has(end)) byId.get(end)!.traced = true;

    const hubRegions = boxes.finish(edges, new Set([...drawn.bandEnds.values()].flat()));
    const bands = [...boxes.hubs.values()];
    if (boxes.global.children.length > 0) bands.push(boxes.global);
    return {
        header: trace ? [headerItem(title), traceNote(trace)] : [headerItem(title)],
        bands,
        regions: [...boxes.regions.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r.box),
        hubRegions,
        bandEnds: drawn.bandEnds,
        edges,
    };
}
