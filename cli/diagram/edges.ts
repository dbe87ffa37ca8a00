/**
 * The edges: references between drawn resources (arrows; to another VPC's network, dashed),
 * backends known by address, and connectors (attachments, associations) as double lines between
 * their ends; a peering of two regions' routers becomes a box in its network's band, joined to
 * both routers.
 */
import { PlanGraph, shortType, typeTail } from "../graph";
import { keyArgs } from "../keyArgs";
import { MAX_LINE, peeringItem } from "./items";
import { Placement, vpcOfHome } from "./placement";
import { CONNECTOR_ENDS, isDetail, PEERING } from "./roles";
import { Edge, EdgeStyle, Item } from "./scene";
import { clip, Line } from "./text";

/** Past this many connectors of one type (a 10-region full mesh has 45 peerings) they are counted instead. */
export const MAX_EDGES_PER_CONNECTOR_TYPE = 12;

export interface Drawn {
    readonly graph: PlanGraph;
    readonly p: Placement;
    /** The boxes of each resource (several for one spanning subnets), by key. */
    readonly items: ReadonlyMap<string, Item[]>;
    /** The subnet each box of a spanning resource is in. */
    readonly subnetOfItem: ReadonlyMap<string, string>;
    readonly hubs: ReadonlySet<string>;
    /** Names the trace crosses. */
    readonly traced: ReadonlySet<string>;
}

export interface Edges {
    readonly edges: Edge[];
    /** Peerings, each with the global network whose band it goes in. */
    readonly bandItems: Array<{ item: Item; hub?: string }>;
    /** For each peering box: the ids of the routers it joins. */
    readonly bandEnds: Map<string, string[]>;
    readonly connectorCounts: Map<string, number>;
}

export function drawEdges(d: Drawn): Edges {
    const { graph, p, items, hubs, traced } = d;
    const node = (k: string) => graph.byKey.get(k)!;
    const out: Edges = { edges: [], bandItems: [], bandEnds: new Map(), connectorCounts: new Map() };
    const endId = (k: string): string | undefined =>
        p.role.get(k) === "vpc" || p.role.get(k) === "subnet" ? `cluster_${k}` : items.get(k)?.[0]?.id;
    const regionOfEnd = (k: string): string | undefined => {
        const backend = p.backends.find(b => b.id === k);
        if (!backend) return p.regionOf(k);
        const vpc = vpcOfHome(backend.home, p.subnets);
        return vpc ? p.regionOf(vpc) : backend.home.kind === "region" ? backend.home.region : undefined;
    };
    const crossing = (a: string, b: string) => {
        const ra = regionOfEnd(a);
        const rb = regionOfEnd(b);
        return ra !== undefined && rb !== undefined && ra !== rb;
    };
    const add = (from: string, to: string, style: EdgeStyle, names: string[], extra: Partial<Edge> = {}) => {
        out.edges.push({
            id: `${from}->${to}#${out.edges.length}`,
            from,
            to,
            style,
            crossRegion: false,
            arrow: style === "ref" || style === "cross",
            names,
            // A joint is on the path when the trace names it; a reference when both its ends are.
            traced:
                style === "attach"
                    ? names.some(n => traced.has(n))
                    : names.length > 0 && names.every(n => traced.has(n)),
            ...extra,
        });
    };

    // References; the boxes of two resources spanning subnets pair up zone by zone.
    const zoneOf = (id: string) => p.subnets.get(d.subnetOfItem.get(id) ?? "")?.zone;
    const pairs = (a: Item[], b: Item[]): Array<[Item, Item]> =>
        a.flatMap(x =>
            b
                .filter(y => a.length === 1 || b.length === 1 || zoneOf(y.id) === zoneOf(x.id))
                .map(y => [x, y] as [Item, Item]),
        );
    for (const n of graph.nodes) {
        const from = items.get(n.key);
        if (p.role.get(n.key) !== "node" || !from) continue;
        const ownVpc = vpcOfHome(p.home.get(n.key), p.subnets);
        for (const t of new Set(n.references)) {
            const role = p.role.get(t);
            if (t === n.key || hubs.has(t)) continue;
            if (role === "node") {
                const to = items.get(t);
                if (!to || isDetail(node(t).type)) continue;
                const cross = crossing(n.key, t);
                for (const [x, y] of pairs(from, to))
                    add(x.id, y.id, cross ? "cross" : "ref", [n.name, node(t).name], { crossRegion: cross });
            } else if (role === "vpc" || role === "subnet") {
                if ((role === "vpc" ? t : p.subnets.get(t)?.vpc) === ownVpc) continue;
                add(from[0].id, `cluster_${t}`, "vpc", [n.name], { crossRegion: crossing(n.key, t) });
            }
        }
    }
    for (const b of p.backends) {
        for (const holder of b.holders) {
            // A connector holding the address (a target group attachment) joins it to its other end.
            const source =
                p.role.get(holder) === "connector"
                    ? node(holder)
                          .references.map(endId)
                          .find(id => id !== undefined && !id.startsWith("cluster_"))
                    : endId(holder);
            if (source) add(source, b.id, crossing(holder, b.id) ? "cross" : "ref", [node(holder).name, b.address]);
        }
    }

    const counts = out.connectorCounts;
    for (const n of graph.nodes)
        if (p.role.get(n.key) === "connector") counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
    const drawnEnd = (k: string) => endId(k) !== undefined && !hubs.has(k);
    for (const c of graph.nodes) {
        if (p.role.get(c.key) !== "connector" || (counts.get(c.type) ?? 0) > MAX_EDGES_PER_CONNECTOR_TYPE) continue;
        const fields = CONNECTOR_ENDS[typeTail(c.type)];
        let ends = fields
            ? fields
                  .map(f => graph.referencesIn(c.inputs[f]).find(drawnEnd))
                  .filter((k): k is string => k !== undefined)
            : [...new Set(c.references.filter(drawnEnd))];
        // A connector naming a VPC and its subnets joins the VPC.
        ends = ends.filter(k => !(p.role.get(k) === "subnet" && ends.includes(p.subnets.get(k)?.vpc ?? "")));
        if (ends.length < 2) continue;
        if (PEERING.test(c.type)) {
            const hub = c.references.find(r => hubs.has(r)) ?? (hubs.size === 1 ? [...hubs][0] : undefined);
            const item = peeringItem(
                c,
                ends.map(k => p.regionOf(k) ?? node(k).name),
            );
            out.bandItems.push({ item, hub });
            out.bandEnds.set(item.id, ends.map(endId) as string[]);
            for (const end of ends) add(item.id, endId(end)!, "attach", [c.name], { crossRegion: true });
            continue;
        }
        const args = Object.entries(keyArgs(c.type, c.inputs))
            .filter(([k]) => !/zone|payment|instanceType/i.test(k))
            .map(([k, v]) => `${k.split(".").pop()}=${v}`);
        // A double line into a VPC is its attachment: the legend says so, a label would only repeat it.
        const label: Line[] | undefined = ends.some(k => p.role.get(k) === "vpc")
            ? undefined
            : [shortType(c.type).replace(/^(TransitRouter|Ecs)/, ""), ...args.slice(0, 1)].map(text => ({
                  text: clip(text, MAX_LINE),
                  size: 8,
              }));
        // The end that is a box goes last: the line leaves the item and stops at the box's border.
        const [first, ...rest] = [...ends].sort(
            (x, y) => Number(p.role.get(x) === "vpc") - Number(p.role.get(y) === "vpc"),
        );
        for (const other of rest)
            add(endId(first)!, endId(other)!, "attach", [c.name], { crossRegion: crossing(first, other), label });
    }
    return out;
}
