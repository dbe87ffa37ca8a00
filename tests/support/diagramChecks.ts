/**
 * What a reader of a diagram would check at a glance, as assertions on the rendered SVG: no line
 * of text over another (titles included), no edge drawn across text, every label inside its box,
 * no two boxes on top of each other.
 */
import { inside, overlappingTexts, overlaps, edgesThroughTexts, SvgLayout } from "./svgLayout";

/** Points to CSS pixels, the unit a screen's size is given in. */
export const px = (points: number) => Math.round((points * 4) / 3);

/** Everything that would make the picture hard to read; empty when it reads cleanly. */
export function readingProblems(layout: SvgLayout): string[] {
    const problems = [
        ...overlappingTexts(layout).map(p => `text over text: ${p}`),
        ...edgesThroughTexts(layout).map(p => `edge across text: ${p}`),
    ];
    for (const t of layout.texts) {
        // Lines of a box's label are nodes named `text::<box>::<n>`; titles and notes have no box.
        const owner = /^text::(.*)::\d+$/.exec(t.node)?.[1];
        const box = owner === undefined ? undefined : layout.nodes.get(owner);
        if (box && !inside(t, box)) problems.push(`text outside its box: "${t.text}"`);
    }
    const boxes = [...layout.nodes].filter(([id]) => !id.startsWith("text::") && !id.startsWith("anchor::"));
    for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
            if (overlaps(boxes[i][1], boxes[j][1])) problems.push(`box over box: ${boxes[i][0]} / ${boxes[j][0]}`);
    return problems;
}

/** The drawn size of each region, in pixels. */
export function regionSizes(layout: SvgLayout): Map<string, { w: number; h: number }> {
    const sizes = new Map<string, { w: number; h: number }>();
    for (const [id, b] of layout.clusters)
        if (id.startsWith("cluster_region_"))
            sizes.set(id.slice("cluster_region_".length), { w: px(b.x1 - b.x0), h: px(b.y1 - b.y0) });
    return sizes;
}
