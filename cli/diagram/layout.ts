/**
 * Sizes and places nested boxes: each box lays its children out in rows or columns (wrapping
 * after `wrap`), under its title, with gaps wide enough for edges to run between siblings.
 * Items on a box's border (gateways) straddle it; the parent leaves room for their overhang.
 */
import { Box, Item } from "./scene";
import { blockSize, textWidth, wrapEntries } from "./text";

/** Inner padding and the gap between children, per kind of box. */
const SPACING: Record<Box["role"], { pad: number; gap: number }> = {
    global: { pad: 12, gap: 24 },
    hub: { pad: 12, gap: 24 },
    region: { pad: 14, gap: 28 },
    vpc: { pad: 12, gap: 24 },
    zone: { pad: 6, gap: 16 },
    subnet: { pad: 8, gap: 32 },
    stack: { pad: 0, gap: 28 },
};
const ITEM_PAD_X = 10;
const ITEM_PAD_Y = 6;
/** Room between a title and what follows it, and between a title and a straddling gateway. */
const TITLE_GAP = 8;
const TOP_GAP = 24;
const FOOTNOTE_SIZE = 8;
const FOOTNOTE_COLOUR = "#888888";

type Node = Box | Item;

const outerH = (n: Node) => n.h + (n.kind === "box" ? (n.overTop ?? 0) + (n.overBottom ?? 0) : 0);

function measureItem(item: Item): void {
    if (item.spacer) {
        item.w = 0;
        item.h = 0;
        return;
    }
    const { w, h } = blockSize(item.lines);
    item.w = Math.ceil(Math.max(40, w + 2 * ITEM_PAD_X + (item.shape === "note" ? 8 : 0)));
    item.h = Math.ceil(h + 2 * ITEM_PAD_Y);
}

/** Splits a box's children into its lines: at most `wrap` children and `maxLine` long each. */
function splitLines(box: Box, gap: number): Node[][] {
    const out: Node[][] = [];
    const size = (n: Node) => (box.dir === "row" ? n.w : outerH(n));
    let length = 0;
    for (const n of box.children) {
        const last = out[out.length - 1];
        const fits =
            last !== undefined &&
            (box.wrap === undefined || last.length < box.wrap) &&
            (box.maxLine === undefined || length + gap + size(n) <= box.maxLine);
        if (fits) {
            last.push(n);
            length += gap + size(n);
        } else {
            out.push([n]);
            length = size(n);
        }
    }
    return out;
}

interface Frame {
    pad: number;
    gap: number;
    titleW: number;
    titleRowH: number;
    bottomPad: number;
    contentW: number;
    contentH: number;
}
const frames = new WeakMap<Box, Frame>();

/** Lines of children: their width and height along and across the box's direction. */
function lineSizes(box: Box, gap: number): Array<{ nodes: Node[]; along: number; across: number }> {
    return splitLines(box, gap).map(nodes => {
        const along =
            box.dir === "row"
                ? nodes.reduce((s, n) => s + n.w, 0) + gap * (nodes.length - 1)
                : nodes.reduce((s, n) => s + outerH(n), 0) + gap * (nodes.length - 1);
        const across = Math.max(0, ...nodes.map(n => (box.dir === "row" ? outerH(n) : n.w)));
        return { nodes, along, across };
    });
}

/** Computes the size of `box` from its already measured children. */
function sizeBox(box: Box): void {
    const { pad, gap } = SPACING[box.role];
    const lines = lineSizes(box, gap);
    const sumAcross = lines.reduce((s, l) => s + l.across, 0) + gap * Math.max(0, lines.length - 1);
    const maxAlong = Math.max(0, ...lines.map(l => l.along));
    const contentW = box.dir === "row" ? maxAlong : sumAcross;
    const contentH = box.dir === "row" ? sumAcross : maxAlong;
    const title = blockSize(box.title);
    const topH = Math.max(0, ...box.top.map(i => i.h));
    const topW = box.top.reduce((s, i) => s + i.w, 0) + 16 * Math.max(0, box.top.length - 1);
    const bottomH = Math.max(0, ...box.bottom.map(i => i.h));
    const bottomW = box.bottom.reduce((s, i) => s + i.w, 0) + 16 * Math.max(0, box.bottom.length - 1);
    const titleRowH = Math.max(
        box.title.length > 0 ? title.h + TITLE_GAP : 0,
        box.top.length > 0 ? topH / 2 + TITLE_GAP : 0,
    );
    const bottomPad = Math.max(pad, box.bottom.length > 0 ? bottomH / 2 + TITLE_GAP : 0);
    const widestEntry = Math.max(0, ...(box.footnote ?? []).map(e => textWidth(e, FOOTNOTE_SIZE)));
    box.w = Math.ceil(
        Math.max(contentW, title.w + (box.top.length > 0 ? TOP_GAP + topW : 0), bottomW, widestEntry) + 2 * pad,
    );
    box.footnoteLines = box.footnote
        ? wrapEntries(box.footnote, FOOTNOTE_SIZE, box.w - 2 * pad, FOOTNOTE_COLOUR)
        : undefined;
    const footnoteH = box.footnoteLines ? TITLE_GAP + blockSize(box.footnoteLines).h : 0;
    frames.set(box, { pad, gap, titleW: title.w, titleRowH, bottomPad, contentW, contentH });
    box.h = Math.ceil(pad + titleRowH + contentH + footnoteH + bottomPad);
    box.overTop = topH / 2;
    box.overBottom = bottomH / 2;
}

/** Measures `box` and everything in it (sizes only). */
export function measure(box: Box): void {
    for (const item of [...box.top, ...box.bottom]) measureItem(item);
    for (const child of box.children) {
        if (child.kind === "box") measure(child);
        else measureItem(child);
    }
    if (box.alignSlots) {
        // Zones side by side: the n-th subnet of every zone (same tier) gets one height.
        const zones = box.children.filter((c): c is Box => c.kind === "box");
        const slots = Math.max(0, ...zones.map(z => z.children.length));
        for (let i = 0; i < slots; i++) {
            const h = Math.max(0, ...zones.map(z => z.children[i]?.h ?? 0));
            for (const z of zones) if (z.children[i]) z.children[i].h = h;
        }
        for (const z of zones) sizeBox(z);
    }
    if (box.role === "zone") {
        // The subnets of a zone take its whole width.
        sizeBox(box);
        const inner = frames.get(box)!.contentW;
        for (const c of box.children) c.w = c.kind === "box" || !c.spacer ? inner : 0;
    }
    sizeBox(box);
}

/** Places `box` with its top-left corner (of its border) at x, y, and everything in it. */
export function placeBox(box: Box, x: number, y: number): void {
    const f = frames.get(box)!;
    box.x = x;
    box.y = y;
    box.titleRect =
        box.title.length > 0
            ? { x: x + f.pad, y: y + f.pad, w: Math.ceil(f.titleW), h: Math.ceil(blockSize(box.title).h) }
            : undefined;
    box.footnoteRect = box.footnoteLines
        ? {
              x: x + f.pad,
              y: y + f.pad + f.titleRowH + f.contentH + TITLE_GAP,
              w: box.w - 2 * f.pad,
              h: Math.ceil(blockSize(box.footnoteLines).h),
          }
        : undefined;
    let right = x + box.w - f.pad;
    for (const item of [...box.top].reverse()) {
        item.x = right - item.w;
        item.y = y - item.h / 2;
        right = item.x - 16;
    }
    let left = x + f.pad;
    for (const item of box.bottom) {
        item.x = left;
        item.y = y + box.h - item.h / 2;
        left += item.w + 16;
    }
    const cx = x + f.pad;
    const cy = y + f.pad + f.titleRowH;
    let across = 0;
    for (const line of lineSizes(box, f.gap)) {
        if (box.dir === "row") {
            let along = cx + (box.w - 2 * f.pad - line.along) / 2;
            for (const n of line.nodes) {
                // Boxes side by side share their top; items their middle, so a line between two runs straight.
                const dy = n.kind === "box" ? (n.overTop ?? 0) : (line.across - n.h) / 2;
                placeNode(n, along, cy + across + dy);
                along += n.w + f.gap;
            }
        } else {
            let along = cy;
            for (const n of line.nodes) {
                placeNode(n, cx + across, along + (n.kind === "box" ? (n.overTop ?? 0) : 0));
                along += outerH(n) + f.gap;
            }
        }
        across += line.across + f.gap;
    }
}

function placeNode(n: Node, x: number, y: number): void {
    if (n.kind === "box") placeBox(n, x, y);
    else {
        n.x = x;
        n.y = y;
    }
}

/** Moves a placed box and everything in it. */
export function shift(box: Box, dx: number, dy: number): void {
    placeBox(box, box.x + dx, box.y + dy);
}
