/** The boxes of single resources: their label lines, colour and order. */
import { PlanGraph, PlanNode, shortType } from "../graph";
import { keyArgs } from "../keyArgs";
import { AddressBackend, Placement } from "./placement";
import { fillOf, isDetail, rankOf } from "./roles";
import { Item, newItem } from "./scene";
import { clip, Line } from "./text";

const MAX_ARG_LINES = 3;
export const MAX_LINE = 48;
export const GREY = "#555555";

const LEGEND =
    "arrow: refers to   orange: crosses regions   dashed blue: refers to another VPC's network   double line: attachment or peering   dotted: applies to";

/**
 * A resource: its name, type and key arguments, what it uses (security groups, roles: listed,
 * not drawn as arrows) and, for one box of several, how many subnets it spans.
 */
export function resourceItem(n: PlanNode, id: string, graph: PlanGraph, p: Placement, spans: number): Item {
    const inSubnet = p.home.get(n.key)?.kind === "subnets";
    const args = Object.entries(keyArgs(n.type, n.inputs))
        .filter(([k]) => !(inSubnet && /zone/i.test(k)))
        .slice(0, MAX_ARG_LINES)
        .map(([k, v]) => clip(`${k.split(".").pop()}: ${v}`, MAX_LINE));
    const uses = [...new Set(n.references)]
        .map(k => graph.byKey.get(k)!)
        .filter(t => p.role.get(t.key) === "node" && isDetail(t.type))
        .map(t => t.name);
    const lines: Line[] = [
        { text: n.name, size: 10, bold: true },
        { text: shortType(n.type), size: 9, colour: GREY },
        ...args.map(text => ({ text, size: 9 })),
        ...(uses.length > 0 ? [{ text: clip(`uses ${uses.join(", ")}`, MAX_LINE), size: 9, colour: GREY }] : []),
        ...(spans > 1 ? [{ text: `one of ${spans} subnets it spans`, size: 8, colour: GREY }] : []),
    ];
    return newItem({ id, names: [n.name], lines, fill: fillOf(n.type), rank: rankOf(n.type) });
}

/** A backend known only by its address, drawn dashed: nothing in the plan creates it. */
export function backendItem(b: AddressBackend): Item {
    return newItem({
        id: b.id,
        names: [b.address],
        lines: [
            { text: b.address, size: 10, bold: true },
            { text: "backend by address", size: 9, colour: GREY },
            { text: "not a resource of this plan", size: 9, colour: GREY },
        ],
        fill: "#fffbea",
        dashed: true,
        rank: 3,
    });
}

/** A peering between two regions' routers, named by both ends. */
export function peeringItem(c: PlanNode, ends: readonly string[]): Item {
    const bandwidth = c.inputs.bandwidth;
    return newItem({
        id: `peering::${c.key}`,
        names: [c.name],
        lines: [
            { text: ends.join(" ↔ "), size: 10, bold: true },
            {
                text: `${shortType(c.type).replace(/^TransitRouter/, "")}${bandwidth !== undefined ? ` · ${String(bandwidth)} Mbps` : ""}`,
                size: 9,
            },
            { text: clip(c.name, MAX_LINE), size: 8, colour: GREY },
        ],
        fill: "#fde2c4",
        rank: 2,
    });
}

/** The title and the legend. */
export function headerItem(title: string): Item {
    return newItem({
        id: "title::header",
        names: [],
        lines: [
            { text: title, size: 20, bold: true },
            { text: LEGEND, size: 10, colour: GREY },
        ],
        fill: "none",
        shape: "plain",
    });
}
