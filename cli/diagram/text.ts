/**
 * Text as the picture measures it. The layout places every box itself, so it must know how wide
 * a line will be drawn: the widths below are DejaVu Sans's advance widths (em fractions, from
 * the font's metrics), the widest of the fonts viewers substitute for Helvetica (Arial, Liberation
 * Sans and Helvetica itself are narrower), so a label sized here fits wherever it is shown.
 */

/** Advance widths in em of the printable ASCII characters, space (32) to tilde (126). */
const ASCII_EM = [
    0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337, 0.636,
    0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1.0, 0.684,
    0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787,
    0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635,
    0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411,
    0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
];
/** Arrows, ×, … and letters outside ASCII: as wide as the widest common glyphs. */
const OTHER_EM = 0.84;
/** DejaVu Sans Bold against Book, on average. */
const BOLD_FACTOR = 1.1;

/** Line height as a multiple of the font size (Graphviz's own spacing). */
export const LINE_HEIGHT = 1.2;

/** Width in points of `text` drawn at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
    let em = 0;
    for (const ch of text) {
        const code = ch.codePointAt(0)!;
        em += code >= 32 && code <= 126 ? ASCII_EM[code - 32] : OTHER_EM;
    }
    return em * size * (bold ? BOLD_FACTOR : 1);
}

/** One line of a label. */
export interface Line {
    readonly text: string;
    readonly size: number;
    readonly bold?: boolean;
    /** Text colour; default black. */
    readonly colour?: string;
}

/** Width and height of a block of lines, without margins. */
export function blockSize(lines: readonly Line[]): { w: number; h: number } {
    return {
        w: Math.max(0, ...lines.map(l => textWidth(l.text, l.size, l.bold))),
        h: lines.reduce((sum, l) => sum + l.size * LINE_HEIGHT, 0),
    };
}

/**
 * Entries joined into lines no wider than `width` (an entry wider than that gets a line of its
 * own), in the note's grey.
 */
export function wrapEntries(entries: readonly string[], size: number, width: number, colour: string): Line[] {
    const SEPARATOR = "  ·  ";
    const lines: string[] = [];
    for (const entry of entries) {
        const last = lines[lines.length - 1];
        const joined = last === undefined ? entry : `${last}${SEPARATOR}${entry}`;
        if (last !== undefined && textWidth(joined, size) <= width) lines[lines.length - 1] = joined;
        else lines.push(entry);
    }
    return lines.map(text => ({ text, size, colour }));
}

/** Shortens a line to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A Graphviz id or string literal. */
export function quote(text: string): string {
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
