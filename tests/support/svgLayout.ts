/**
 * Reads back what a rendered diagram shows, from the SVG text Graphviz wrote: the box of every
 * cluster and node, every line of text, and every edge's path. Coordinates are the SVG's own
 * (points, y growing downwards); text boxes are measured as the diagram measures them (the
 * widest common font), so an overlap found here is one a viewer would see.
 */
import { textWidth } from "../../cli/diagram/text";

export interface Box {
    readonly x0: number;
    readonly y0: number;
    readonly x1: number;
    readonly y1: number;
}

export interface SvgText extends Box {
    readonly text: string;
    /** Title of the Graphviz node the text belongs to (`text::<owner>::<line>`). */
    readonly node: string;
}

export interface SvgLayout {
    /** Width and height in points, as the SVG declares them. */
    readonly width: number;
    readonly height: number;
    /** Clusters and nodes by their title (the DOT id). */
    readonly clusters: ReadonlyMap<string, Box>;
    readonly nodes: ReadonlyMap<string, Box>;
    readonly texts: readonly SvgText[];
    /** Each edge's path as points (the ends and control points of its segments). */
    readonly edges: ReadonlyArray<{ readonly title: string; readonly points: ReadonlyArray<[number, number]> }>;
}

function unescape(text: string): string {
    return (
        text
            .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
            .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, "&")
            // Graphviz keeps runs of spaces as no-break spaces.
            .replace(/\u00a0/g, " ")
    );
}

function numbers(text: string): number[] {
    return (text.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

function bounds(values: number[]): Box {
    const xs = values.filter((_, i) => i % 2 === 0);
    const ys = values.filter((_, i) => i % 2 === 1);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Parses an SVG written by `renderSvg`. */
export function parseSvg(svg: string): SvgLayout {
    const size = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg);
    const clusters = new Map<string, Box>();
    const nodes = new Map<string, Box>();
    const texts: SvgText[] = [];
    const edges: Array<{ title: string; points: Array<[number, number]> }> = [];
    for (const group of svg.split(/<g id="/).slice(1)) {
        const kind = /^[^"]*" class="(\w+)"/.exec(group)?.[1];
        const title = unescape(/<title>([^<]*)<\/title>/.exec(group)?.[1] ?? "");
        const shape = /<(?:path|polygon)[^>]*(?: d="([^"]*)"| points="([^"]*)")/.exec(group);
        const coords = shape ? numbers(shape[1] ?? shape[2]) : [];
        if (kind === "cluster" && coords.length > 0) clusters.set(title, bounds(coords));
        else if (kind === "edge" && coords.length > 0) {
            const points: Array<[number, number]> = [];
            for (let i = 0; i + 1 < coords.length; i += 2) points.push([coords[i], coords[i + 1]]);
            edges.push({ title, points });
        } else if (kind === "node") {
            if (coords.length > 0) nodes.set(title, bounds(coords));
            for (const t of group.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
                const attrs = t[1];
                const x = Number(/ x="([^"]+)"/.exec(attrs)![1]);
                const y = Number(/ y="([^"]+)"/.exec(attrs)![1]);
                const fontSize = Number(/font-size="([^"]+)"/.exec(attrs)![1]);
                const bold = attrs.includes('font-weight="bold"');
                const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? "start";
                const text = unescape(t[2]);
                const w = textWidth(text, fontSize, bold);
                const x0 = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
                // A line's ink: from the ascender above the baseline to the descender below it.
                texts.push({ text, node: title, x0, x1: x0 + w, y0: y - fontSize * 0.78, y1: y + fontSize * 0.22 });
            }
        }
    }
    return { width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), clusters, nodes, texts, edges };
}

export function overlaps(a: Box, b: Box, margin = 0): boolean {
    return a.x0 < b.x1 - margin && b.x0 < a.x1 - margin && a.y0 < b.y1 - margin && b.y0 < a.y1 - margin;
}

export function inside(inner: Box, outer: Box): boolean {
    return inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;
}

/** Every pair of text lines that overlap, as `"a" / "b"` (empty when the picture reads cleanly). */
export function overlappingTexts(layout: SvgLayout): string[] {
    const found: string[] = [];
    const t = [...layout.texts].sort((a, b) => a.x0 - b.x0);
    for (let i = 0; i < t.length; i++) {
        for (let j = i + 1; j < t.length && t[j].x0 < t[i].x1; j++) {
            if (overlaps(t[i], t[j])) found.push(`"${t[i].text}" / "${t[j].text}"`);
        }
    }
    return found;
}

/** Whether the segment from a to b passes through the box. */
function segmentHits(a: [number, number], b: [number, number], box: Box): boolean {
    const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 2));
    for (let i = 0; i <= steps; i++) {
        const x = a[0] + ((b[0] - a[0]) * i) / steps;
        const y = a[1] + ((b[1] - a[1]) * i) / steps;
        if (x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1) return true;
    }
    return false;
}

/** Whether the edge's path passes through the box. */
export function edgeCrosses(edge: SvgLayout["edges"][number], box: Box): boolean {
    return edge.points.some((p, i) => i > 0 && segmentHits(edge.points[i - 1], p, box));
}

/** Every edge drawn across a text line, as `edge / "text"`. */
export function edgesThroughTexts(layout: SvgLayout): string[] {
    const found: string[] = [];
    for (const e of layout.edges) {
        for (const t of layout.texts) {
            // An edge's own label hides the line under its white ground.
            if (t.node.startsWith("text::label::")) continue;
            // The ink of a line: a little inside its measured box.
            const ink = { x0: t.x0 + 1, x1: t.x1 - 1, y0: t.y0 + 2, y1: t.y1 - 1 };
            if (e.points.some((p, i) => i > 0 && segmentHits(e.points[i - 1], p, ink))) {
                found.push(`${e.title} / "${t.text}"`);
                break;
            }
        }
    }
    return found;
}
