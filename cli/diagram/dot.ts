/**
 * The placed and routed scene as DOT with every position given (`layout=nop2`): Graphviz only
 * draws it, so the SVG shows exactly the geometry the layout checked. Clusters nest as the boxes
 * do, so the DOT still says which subnet, VPC and region each resource is in.
 */
import { Layout } from "./arrange";
import { TRACE_COLOUR } from "./notes";
import { Box, Edge, Item, Rect, Scene } from "./scene";
import { Line, LINE_HEIGHT, quote, textWidth } from "./text";

const ARROW = 7;

export function emitDot(scene: Scene, layout: Layout, title: string): string {
    const H = layout.height;
    const f = (n: number) => (Math.round(n * 10) / 10).toString();
    const pt = (x: number, y: number) => `${f(x)},${f(H - y)}`;
    const inches = (n: number) => (Math.round((n / 72) * 10000) / 10000).toString();
    const lines: string[] = [
        `digraph ${quote(title)} {`,
        `  graph [layout=nop2, notranslate=true, bb="0,0,${f(layout.width)},${f(H)}", pad=0.25, outputorder=edgesfirst, fontname="Helvetica"];`,
        '  node [shape=box, style="rounded,filled", fixedsize=true, fontname="Helvetica", margin=0, penwidth=1];',
        '  edge [fontname="Helvetica", color="#666666", arrowsize=0.7];',
    ];
    const nodeAt = (id: string, r: Rect, attrs: string[], indent: string) =>
        lines.push(
            `${indent}${quote(id)} [pos="${pt(r.x + r.w / 2, r.y + r.h / 2)}!", width=${inches(r.w)}, height=${inches(r.h)}, ${attrs.join(", ")}];`,
        );
    // Each line is a node of its own, centred (or, for a title, started) where the layout
    // measured it: Graphviz anchors multi-font labels at their start, which a viewer's wider
    // substitute font would push out of the box; a one-font line keeps its anchor in any font.
    const texts = (owner: string, text: readonly Line[], r: Rect, align: "centre" | "left", indent: string) => {
        const total = text.reduce((sum, l) => sum + l.size * LINE_HEIGHT, 0);
        let y = align === "left" ? r.y : r.y + (r.h - total) / 2;
        text.forEach((l, n) => {
            const w = textWidth(l.text, l.size, l.bold);
            const h = l.size * LINE_HEIGHT;
            // `\l` ends a left-justified line: the text starts at the node's left edge.
            const label = align === "left" ? `${quote(l.text).slice(0, -1)}\\l"` : quote(l.text);
            const attrs = [
                `label=${label}`,
                "shape=plaintext",
                'style=""',
                `fontsize=${l.size}`,
                ...(l.bold ? ['fontname="Helvetica-Bold"'] : []),
                ...(l.colour ? [`fontcolor="${l.colour}"`] : []),
            ];
            // The node is wider than its text (and invisible): a Graphviz measuring with other
            // fonts would otherwise warn that the label does not fit.
            const slack = w * 0.05 + 4;
            const x = align === "left" ? r.x : r.x + (r.w - w - slack) / 2;
            nodeAt(`text::${owner}::${n}`, { x, y, w: w + slack, h }, attrs, indent);
            y += h;
        });
    };
    const item = (i: Item, indent: string) => {
        if (i.spacer) return;
        const outline = i.traced ? [`color="${TRACE_COLOUR}"`, "penwidth=3"] : [];
        const style =
            i.shape === "plain"
                ? ["shape=plaintext", 'style=""']
                : [
                      `shape=${i.shape}`,
                      `style="${i.shape === "note" ? "filled" : "rounded,filled"}${i.dashed ? ",dashed" : ""}"`,
                      `fillcolor="${i.fill}"`,
                  ];
        if (i.shape !== "plain") nodeAt(i.id, i, ['label=""', ...style, ...outline], indent);
        texts(
            i.id,
            i.lines,
            i.shape === "note" ? { ...i, w: i.w - 8 } : i,
            i.shape === "plain" && i.id.startsWith("title::") ? "left" : "centre",
            indent,
        );
    };
    const anchors = new Set(scene.edges.flatMap(e => [e.from, e.to]).filter(id => id.startsWith("cluster_")));
    const box = (b: Box, indent: string) => {
        const inner = b.role === "stack" ? indent : `${indent}  `;
        if (b.role !== "stack") {
            const style = ["rounded", ...(b.fill ? ["filled"] : []), ...(b.dashed ? ["dashed"] : [])].join(",");
            lines.push(`${indent}subgraph ${quote(b.id)} {`);
            lines.push(
                `${inner}graph [bb="${f(b.x)},${f(H - b.y - b.h)},${f(b.x + b.w)},${f(H - b.y)}", label="", style="${style}", fillcolor="${b.fill ?? "none"}", color="${b.traced ? TRACE_COLOUR : (b.stroke ?? "#999999")}", penwidth=${b.traced ? 3 : 1}];`,
            );
            if (b.titleRect) texts(`title::${b.id}`, b.title, b.titleRect, "left", inner);
            if (b.footnoteRect && b.footnoteLines)
                texts(`footnote::${b.id}`, b.footnoteLines, b.footnoteRect, "left", inner);
            if (anchors.has(b.id))
                nodeAt(`anchor::${b.id}`, { x: b.x, y: b.y, w: 0, h: 0 }, ["shape=point", "style=invis"], inner);
        }
        for (const i of [...b.top, ...b.bottom]) item(i, inner);
        for (const c of b.children) {
            if (c.kind === "box") box(c, inner);
            else item(c, inner);
        }
        if (b.role !== "stack") lines.push(`${indent}}`);
    };
    for (const h of scene.header) item(h, "  ");
    for (const b of [...scene.bands, ...scene.regions]) box(b, "  ");
    for (const e of scene.edges) edge(e);
    lines.push("}");
    return lines.join("\n");

    function edge(e: Edge): void {
        const points = e.points;
        if (!points || points.length < 2) return;
        const id = (k: string) => quote(k.startsWith("cluster_") ? `anchor::${k}` : k);
        let body = points;
        let head = "";
        const [tx, ty] = points[points.length - 1];
        const [px, py] = points[points.length - 2];
        const length = Math.hypot(tx - px, ty - py);
        const arrow = e.arrow && length > ARROW + 1;
        if (arrow) {
            const k = (length - ARROW) / length;
            body = [...points.slice(0, -1), [px + (tx - px) * k, py + (ty - py) * k]];
            head = `e,${pt(tx, ty)} `;
        }
        const spline = [pt(...body[0])];
        for (let i = 1; i < body.length; i++) {
            const [ax, ay] = body[i - 1];
            const [bx, by] = body[i];
            spline.push(
                pt(ax + (bx - ax) / 3, ay + (by - ay) / 3),
                pt(ax + (2 * (bx - ax)) / 3, ay + (2 * (by - ay)) / 3),
                pt(bx, by),
            );
        }
        const orange = "#d9480f";
        const attrs = [`pos="${head}${spline.join(" ")}"`, `arrowhead=${arrow ? "normal" : "none"}`];
        if (e.traced) attrs.push(`color="${TRACE_COLOUR}"`, "penwidth=3");
        else if (e.style === "attach") {
            const c = e.crossRegion ? orange : "#555555";
            attrs.push(`color="${c}:#ffffff:${c}"`, "penwidth=1.5");
        } else if (e.style === "cross") attrs.push(`color="${orange}"`, "penwidth=2");
        else if (e.style === "vpc") attrs.push('color="#93c5fd"', "style=dashed", "penwidth=1.5");
        else if (e.style === "applies") attrs.push("style=dotted");
        lines.push(`  ${id(e.from)} -> ${id(e.to)} [${attrs.join(", ")}];`);
        if (e.label && e.labelRect) {
            nodeAt(
                `label::${e.id}`,
                e.labelRect,
                ['label=""', "shape=box", 'style="filled"', 'fillcolor="#ffffff"', 'color="#ffffff"'],
                "  ",
            );
            texts(`label::${e.id}`, e.label, e.labelRect, "centre", "  ");
        }
    }
}
