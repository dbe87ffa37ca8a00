/**
 * The picture before geometry: boxes (regions, VPCs, zones, subnets, the band of a global
 * network) nesting items (one per drawn resource, or per subnet a resource spans), and the
 * edges between them. The layout fills in positions and sizes; the router, the edges' paths.
 */
import type { Line } from "./text";

export interface Rect {
    x: number;
    y: number;
    w: number;
    h: number;
}

/** A box in the picture: a resource, a backend known by address, a note. */
export interface Item extends Rect {
    readonly kind: "item";
    /** The Graphviz node id. */
    readonly id: string;
    /** Names of the resources it stands for (a trace outlines the items naming a hop). */
    readonly names: readonly string[];
    readonly lines: readonly Line[];
    readonly fill: string;
    readonly shape: "box" | "note" | "plain";
    /** Order among siblings. */
    readonly rank: number;
    traced: boolean;
    /** Drawn with a dashed outline (a backend outside the plan). */
    readonly dashed?: boolean;
    /** Stretched to its line in a row, or invisible (a spacer keeping subnets of one tier in line). */
    readonly spacer?: boolean;
}

export type BoxRole = "hub" | "global" | "region" | "vpc" | "zone" | "subnet" | "stack";

/** A container: drawn as a Graphviz cluster, except `stack` (an invisible row or column). */
export interface Box extends Rect {
    readonly kind: "box";
    readonly id: string;
    readonly role: BoxRole;
    readonly names: readonly string[];
    readonly title: readonly Line[];
    /** Children side by side (`row`) or one above the other; the layout may turn a region's. */
    dir: "row" | "column";
    /** Children per row (or column) before the next one starts. */
    wrap?: number;
    /** The longest a line of children may be (a row's width, a column's height) before the next one starts. */
    maxLine?: number;
    /** Children of one tier are given one height across the columns of this row (zones of a VPC). */
    readonly alignSlots?: boolean;
    readonly children: Array<Box | Item>;
    /** Items drawn across the top or bottom border (gateways). */
    readonly top: Item[];
    readonly bottom: Item[];
    readonly fill?: string;
    readonly stroke?: string;
    readonly dashed?: boolean;
    traced: boolean;
    /**
     * A note along the box's bottom, its entries wrapped to the box's width (a region's count of
     * what is not drawn): a line or two there, where a column of it beside the resources was as
     * tall as a row of subnets.
     */
    footnote?: readonly string[];
    /** Set by the layout: where the title is drawn. */
    titleRect?: Rect;
    /** Set by the layout: the footnote's lines and where they are drawn. */
    footnoteLines?: readonly Line[];
    footnoteRect?: Rect;
    /** Set by the layout: how far straddling items reach above and below the border. */
    overTop?: number;
    overBottom?: number;
}

export type EdgeStyle = "ref" | "cross" | "vpc" | "attach" | "applies";

export interface Edge {
    readonly id: string;
    /** Ids of the items or boxes it joins. */
    readonly from: string;
    readonly to: string;
    readonly style: EdgeStyle;
    /** Crosses regions (drawn thicker, orange). */
    readonly crossRegion: boolean;
    readonly label?: readonly Line[];
    readonly arrow: boolean;
    readonly names: readonly string[];
    traced: boolean;
    /** Set by the router. */
    points?: Array<[number, number]>;
    labelRect?: Rect;
}

export interface Scene {
    /** Title, legend and the trace's note, above everything. */
    readonly header: Item[];
    /** The global networks (with the peerings between their routers) and other global resources. */
    readonly bands: Box[];
    readonly regions: Box[];
    /** Regions with a router in a band: drawn next to the band, the router on the side facing it. */
    readonly hubRegions: ReadonlySet<string>;
    /** For each band item that joins regions (a peering): the ids of the items it joins. */
    readonly bandEnds: ReadonlyMap<string, readonly string[]>;
    readonly edges: Edge[];
}

export function newItem(
    fields: Pick<Item, "id" | "names" | "lines" | "fill"> & Partial<Pick<Item, "shape" | "rank" | "dashed" | "spacer">>,
): Item {
    return { kind: "item", shape: "box", rank: 4, traced: false, x: 0, y: 0, w: 0, h: 0, ...fields };
}

export function newBox(
    fields: Pick<Box, "id" | "role" | "dir"> &
        Partial<
            Pick<
                Box,
                | "names"
                | "title"
                | "wrap"
                | "alignSlots"
                | "children"
                | "top"
                | "bottom"
                | "fill"
                | "stroke"
                | "dashed"
                | "footnote"
            >
        >,
): Box {
    return {
        kind: "box",
        names: [],
        title: [],
        children: [],
        top: [],
        bottom: [],
        traced: false,
        x: 0,
        y: 0,
        w: 0,
        h: 0,
        ...fields,
    };
}

/** Every item and box under `box`, itself included. */
export function* walk(box: Box): Generator<Box | Item> {
    yield box;
    for (const item of [...box.top, ...box.bottom]) yield item;
    for (const child of box.children) {
        if (child.kind === "box") yield* walk(child);
        else yield child;
    }
}
