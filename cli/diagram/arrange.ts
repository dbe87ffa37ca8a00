/**
 * The whole picture: the title, then the regions as a grid. Regions whose routers peer across a
 * global network sit in two rows on either side of its band, each with its router on the side
 * facing the band, so a peering is a short line from the band to each end and never crosses
 * another region's VPCs. The other regions follow in rows of at most a screen's width.
 */
import { measure, placeBox } from "./layout";
import { Box, Item, Scene, walk } from "./scene";
import { blockSize } from "./text";

const MARGIN = 20;
const ROW_GAP = 48;
const REGION_GAP = 48;
/** A screen's drawing area in points (1,920 × 1,000 px): regions are shaped to fit it. */
export const SCREEN = { w: 1440, h: 750 };
/** Rows of regions not on a global network wrap at this width. */
const MAX_ROW_WIDTH = SCREEN.w;

export interface Layout {
    readonly width: number;
    readonly height: number;
    readonly items: readonly Item[];
    /** Every drawn box (clusters), outermost first. */
    readonly boxes: readonly Box[];
    /** The box each item or box sits in; undefined at the top level. */
    readonly parent: ReadonlyMap<string, Box | undefined>;
}

const rowWidth = (row: readonly Box[]) => row.reduce((s, b) => s + b.w, 0) + REGION_GAP * Math.max(0, row.length - 1);
const outer = (b: Box) => b.h + (b.overTop ?? 0) + (b.overBottom ?? 0);

/** Splits regions into rows no wider than `max` (a region wider than that gets a row of its own). */
function rows(regions: readonly Box[], max: number): Box[][] {
    const out: Box[][] = [];
    for (const r of regions) {
        const last = out[out.length - 1];
        if (last && rowWidth([...last, r]) <= max) last.push(r);
        else out.push([r]);
    }
    return out;
}

/**
 * A region as close to a screen's shape as its contents allow: the resources in each subnet side
 * by side or one above the other, the VPCs in one row or wrapped into several, and the region's
 * own resources in a row above the VPCs (as wide as they are, or as a screen) or, off a global
 * network, in columns beside them; of these, the shape that needs the least zoom to show the
 * region whole on a screen. A region on a band keeps its resources in a row above or below the
 * VPCs, where its router faces the band.
 */
function fitRegion(region: Box, onBand: boolean): void {
    const stack = (prefix: string) =>
        region.children.find(c => c.kind === "box" && c.id.startsWith(prefix)) as Box | undefined;
    const vpcs = stack("stack::vpcs::");
    const items = stack("stack::items::");
    const subnets = [...walk(region)].filter((b): b is Box => b.kind === "box" && b.role === "subnet");
    const zoom = () => Math.max(region.w / SCREEN.w, region.h / SCREEN.h);
    type Items = "above, VPCs' width" | "above, screen's width" | "beside";
    type Shape = { perSubnet: number; k: number; items: Items };
    const apply = (shape: Shape) => {
        for (const s of subnets) s.wrap = shape.perSubnet;
        if (vpcs) {
            vpcs.wrap = shape.k;
            measure(vpcs);
        }
        const beside = shape.items === "beside";
        region.dir = beside ? "row" : "column";
        if (items) {
            items.dir = beside ? "column" : "row";
            items.maxLine = beside ? vpcs!.h : shape.items === "above, VPCs' width" && vpcs ? vpcs.w : SCREEN.w;
        }
        measure(region);
    };
    const placements: Items[] = ["above, VPCs' width", "above, screen's width"];
    if (!onBand && items && vpcs) placements.push("beside");
    let best: { shape: Shape; zoom: number } | undefined;
    // Side by side in their subnets first, then one above the other; all VPCs in a row first.
    for (const perSubnet of [2, 1])
        for (let k = vpcs?.children.length ?? 1; k >= 1; k--)
            for (const placement of placements) {
                const shape = { perSubnet, k, items: placement };
                apply(shape);
                if (!best || zoom() < best.zoom - 0.01) best = { shape, zoom: zoom() };
            }
    apply(best!.shape);
}

export function arrange(scene: Scene): Layout {
    for (const r of scene.regions) fitRegion(r, scene.hubRegions.has(r.id));
    for (const b of scene.bands) measure(b);
    for (const item of scene.header) {
        const { w, h } = blockSize(item.lines);
        item.w = Math.ceil(w + (item.shape === "note" ? 28 : 0));
        item.h = Math.ceil(h + (item.shape === "note" ? 12 : 0));
    }

    // Regions on a band: the widest first, each to the lighter side; one region goes below it.
    const hubRegions = scene.regions.filter(r => scene.hubRegions.has(r.id));
    const above: Box[] = [];
    const below: Box[] = [];
    for (const r of [...hubRegions].sort((a, b) => b.w - a.w || a.id.localeCompare(b.id))) {
        (hubRegions.length > 1 && rowWidth(above) <= rowWidth(below) ? above : below).push(r);
    }
    const byName = (a: Box, b: Box) => a.id.localeCompare(b.id);
    above.sort(byName);
    below.sort(byName);
    // Above the band the router's row comes last, at the bottom, facing the band, and the VPCs
    // attached to it in the row next to it.
    for (const r of above) {
        r.children.reverse();
        for (const c of r.children) if (c.kind === "box" && c.id.startsWith("stack::vpcs::")) c.children.reverse();
        measure(r);
    }
    const others = rows(
        scene.regions.filter(r => !scene.hubRegions.has(r.id)),
        Math.max(MAX_ROW_WIDTH, rowWidth(above), rowWidth(below)),
    );
    const bandWidth = (b: Box) => b.w;
    const width = Math.max(
        rowWidth(above),
        rowWidth(below),
        ...others.map(rowWidth),
        ...scene.bands.map(bandWidth),
        ...scene.header.map(i => i.w),
    );

    let y = MARGIN;
    for (const item of scene.header) {
        item.x = MARGIN;
        item.y = y;
        y += item.h + 12;
    }
    y += 12;
    const placeRow = (row: readonly Box[], alignBottom: boolean) => {
        if (row.length === 0) return;
        const h = Math.max(...row.map(outer));
        let x = MARGIN + (width - rowWidth(row)) / 2;
        for (const r of row) {
            placeBox(r, x, y + (alignBottom ? h - outer(r) : 0) + (r.overTop ?? 0));
            x += r.w + REGION_GAP;
        }
        y += h + ROW_GAP;
    };
    const bandsAt = () => {
        const top = y;
        y += scene.bands.reduce((s, b) => s + b.h + ROW_GAP, 0);
        return top;
    };
    placeRow(above, true);
    const bandTop = bandsAt();
    placeRow(below, false);
    for (const row of others) placeRow(row, false);

    let by = bandTop;
    for (const band of scene.bands) {
        band.w = width;
        placeBox(band, MARGIN, by);
        spreadBand(band, scene);
        by += band.h + ROW_GAP;
    }

    const items: Item[] = [...scene.header];
    const boxes: Box[] = [];
    const parent = new Map<string, Box | undefined>();
    for (const top of [...scene.bands, ...scene.regions]) {
        parent.set(top.id, undefined);
        for (const node of walk(top)) {
            if (node.kind === "item") items.push(node);
            else {
                if (node.role !== "stack") boxes.push(node);
                for (const c of [...node.children, ...node.top, ...node.bottom]) parent.set(c.id, node);
            }
        }
    }
    return { width: width + 2 * MARGIN, height: y - ROW_GAP + MARGIN, items, boxes, parent };
}

/**
 * Puts each peering of a band between the routers it joins (they are placed by then), the other
 * items of the band on its left, without overlaps.
 */
function spreadBand(band: Box, scene: Scene): void {
    const items = band.children.filter((c): c is Item => c.kind === "item");
    const pad = 12;
    const gap = 24;
    const fixed = items.filter(i => !scene.bandEnds.has(i.id));
    const moving = items.filter(i => scene.bandEnds.has(i.id));
    let left = band.x + pad;
    for (const i of fixed) {
        i.x = left;
        left += i.w + gap;
    }
    const placed = new Map(scene.regions.flatMap(r => [...walk(r)]).map(n => [n.id, n]));
    const centre = (id: string) => {
        const found = placed.get(id);
        return found ? found.x + found.w / 2 : band.x + band.w / 2;
    };
    const desired = new Map(
        moving.map(i => [
            i.id,
            scene.bandEnds.get(i.id)!.reduce((s, e) => s + centre(e), 0) / scene.bandEnds.get(i.id)!.length,
        ]),
    );
    moving.sort((a, b) => desired.get(a.id)! - desired.get(b.id)!);
    for (const i of moving) {
        i.x = Math.max(desired.get(i.id)! - i.w / 2, left);
        left = i.x + i.w + gap;
    }
    let right = band.x + band.w - pad;
    for (const i of [...moving].reverse()) {
        if (i.x + i.w > right) i.x = right - i.w;
        right = i.x - gap;
    }
}
