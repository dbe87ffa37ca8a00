/**
 * Routes the edges as orthogonal lines on a grid, around every box and title (never through
 * them), preferring the gaps between containers to crossing one that neither end is in, and
 * spreading edges that would run on top of each other. A label goes where the line runs free of
 * everything else; edges are routed one at a time, so a placed label is an obstacle to the rest.
 */
import { Layout } from "./arrange";
import { Box, Edge, Item, Rect } from "./scene";
import { blockSize } from "./text";

const CELL = 8;
/** Room kept free around boxes and titles. */
const CLEARANCE = 3;
const COST_FOREIGN = 8;
const COST_SHARED = 4;
const COST_TURN = 5;
const COST_OFF_CENTRE = 4;
const LABEL_PAD = 3;
/** Above 1 the search looks less far aside for a cheaper path: much faster, lines barely longer. */
const HEURISTIC_WEIGHT = 1.3;

const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

export function route(layout: Layout, edges: Edge[]): void {
    const cols = Math.ceil(layout.width / CELL) + 1;
    const rows = Math.ceil(layout.height / CELL) + 1;
    const size = cols * rows;
    const blocked = new Uint8Array(size);
    const usage = new Uint8Array(size);
    const owner = new Int32Array(size).fill(-1);
    const cellsOf = (r: Rect, grow: number, visit: (c: number) => void) => {
        const x0 = Math.max(0, Math.floor((r.x - grow) / CELL));
        const x1 = Math.min(cols - 1, Math.floor((r.x + r.w + grow) / CELL));
        const y0 = Math.max(0, Math.floor((r.y - grow) / CELL));
        const y1 = Math.min(rows - 1, Math.floor((r.y + r.h + grow) / CELL));
        for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) visit(y * cols + x);
    };
    const centreIn = (c: number, r: Rect, grow: number) => {
        const x = (c % cols) * CELL + CELL / 2;
        const y = Math.floor(c / cols) * CELL + CELL / 2;
        return x >= r.x - grow && x <= r.x + r.w + grow && y >= r.y - grow && y <= r.y + r.h + grow;
    };
    const block = (r: Rect, grow: number) =>
        cellsOf(r, grow, c => {
            if (centreIn(c, r, grow)) blocked[c] = 1;
        });

    const boxIndex = new Map(layout.boxes.map((b, i) => [b.id, i]));
    layout.boxes.forEach((b, i) =>
        cellsOf(b, 0, c => {
            if (centreIn(c, b, 0)) owner[c] = i;
        }),
    );
    const drawnItems = layout.items.filter(i => !i.spacer);
    for (const item of drawnItems) block(item, CLEARANCE);
    for (const b of layout.boxes) for (const text of [b.titleRect, b.footnoteRect]) if (text) block(text, CLEARANCE);

    const byId = new Map<string, Item | Box>([
        ...drawnItems.map(i => [i.id, i] as const),
        ...layout.boxes.map(b => [b.id, b] as const),
    ]);
    const ancestors = (id: string): Set<number> => {
        const found = new Set<number>();
        const own = boxIndex.get(id);
        if (own !== undefined) found.add(own);
        for (let p = layout.parent.get(id); p; p = layout.parent.get(p.id)) {
            const i = boxIndex.get(p.id);
            if (i !== undefined) found.add(i);
        }
        return found;
    };

    // Scratch state of the search, stamped per edge instead of cleared.
    const states = size * 4;
    const cost = new Float64Array(states);
    const seen = new Int32Array(states);
    const from = new Int32Array(states);
    const target = new Int32Array(size);
    const arrival = new Float32Array(size);
    const start = new Int32Array(size);
    let stamp = 0;
    const allowed = new Uint8Array(layout.boxes.length);

    // The cells around a box, corners left out, so every line meets its box square on; the
    // second argument grows towards the ends of a side, so lines meet a box near the middle.
    const ring = (r: Rect, visit: (c: number, offCentre: number) => void) =>
        cellsOf(r, CLEARANCE + CELL, c => {
            const x = (c % cols) * CELL + CELL / 2;
            const y = Math.floor(c / cols) * CELL + CELL / 2;
            const beside = y >= r.y && y <= r.y + r.h;
            const over = x >= r.x && x <= r.x + r.w;
            if (!(beside || over) || centreIn(c, r, CLEARANCE) || blocked[c]) return;
            const off = beside
                ? Math.abs(y - r.y - r.h / 2) / (r.h / 2 || 1)
                : Math.abs(x - r.x - r.w / 2) / (r.w / 2 || 1);
            visit(c, COST_OFF_CENTRE * off);
        });

    const order = [...edges].sort((a, b) => weight(a) - weight(b) || span(a, byId) - span(b, byId));
    for (const edge of order) {
        const a = byId.get(edge.from);
        const b = byId.get(edge.to);
        if (!a || !b) continue;
        stamp++;
        allowed.fill(0);
        for (const i of [...ancestors(a.id), ...ancestors(b.id)]) allowed[i] = 1;
        const heap = new Heap();
        const bx0 = b.x - CLEARANCE - CELL;
        const bx1 = b.x + b.w + CLEARANCE + CELL;
        const by0 = b.y - CLEARANCE - CELL;
        const by1 = b.y + b.h + CLEARANCE + CELL;
        const h = (c: number) => {
            const x = (c % cols) * CELL;
            const y = Math.floor(c / cols) * CELL;
            return (HEURISTIC_WEIGHT * (Math.max(0, bx0 - x, x - bx1) + Math.max(0, by0 - y, y - by1))) / CELL;
        };
        ring(b, (c, off) => {
            target[c] = stamp;
            arrival[c] = off;
        });
        ring(a, (c, off) => {
            start[c] = stamp;
            for (let d = 0; d < 4; d++) {
                const s = c * 4 + d;
                seen[s] = stamp;
                cost[s] = off;
                from[s] = -1;
                heap.push(s, off + h(c));
            }
        });
        let end = -1;
        while (heap.size > 0) {
            const s = heap.pop();
            const c = s >> 2;
            if (target[c] === stamp) {
                end = s;
                break;
            }
            const d0 = s & 3;
            const x = c % cols;
            const y = (c - x) / cols;
            for (let d = 0; d < 4; d++) {
                if (d === (d0 + 2) % 4) continue;
                const nx = x + DX[d];
                const ny = y + DY[d];
                if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
                const n = ny * cols + nx;
                if (blocked[n] || start[n] === stamp) continue;
                const o = owner[n];
                const step =
                    1 +
                    (o >= 0 && !allowed[o] ? COST_FOREIGN : 0) +
                    usage[n] * COST_SHARED +
                    (d === d0 ? 0 : COST_TURN) +
                    (target[n] === stamp ? arrival[n] : 0);
                const ns = n * 4 + d;
                const g = cost[s] + step;
                if (seen[ns] === stamp && cost[ns] <= g) continue;
                seen[ns] = stamp;
                cost[ns] = g;
                from[ns] = s;
                heap.push(ns, g + h(n));
            }
        }
        const cells: number[] = [];
        for (let s = end; s >= 0; s = from[s]) cells.push(s >> 2);
        cells.reverse();
        if (cells.length === 0) {
            edge.points = [centreOf(a), centreOf(b)];
            continue;
        }
        for (const c of cells) if (usage[c] < 200) usage[c]++;
        // Where a line meets its box is taken: the next line to that box arrives beside it.
        for (const c of [...cells.slice(0, 2), ...cells.slice(-2)]) usage[c] = Math.min(200, usage[c] + 8);
        const centres = cells.map(
            c => [(c % cols) * CELL + CELL / 2, Math.floor(c / cols) * CELL + CELL / 2] as [number, number],
        );
        edge.points = simplify([onBorder(a, centres[0]), ...centres, onBorder(b, centres[centres.length - 1])]);
        if (edge.label) {
            edge.labelRect = placeLabel(edge, centres, (r: Rect) => {
                let free = true;
                cellsOf(r, LABEL_PAD, c => {
                    if (blocked[c] || (usage[c] > 0 && !cells.includes(c))) free = false;
                });
                return free;
            });
            if (edge.labelRect) block(edge.labelRect, LABEL_PAD);
        }
    }
}

/** Joints first (they are few and matter most), then the trace, then short edges before long ones. */
function weight(e: Edge): number {
    if (e.style === "attach") return 0;
    if (e.traced) return 1;
    return 2;
}

function span(e: Edge, byId: Map<string, Rect>): number {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    return a && b ? Math.abs(a.x - b.x) + Math.abs(a.y - b.y) : 0;
}

function centreOf(r: Rect): [number, number] {
    return [r.x + r.w / 2, r.y + r.h / 2];
}

/** Where the line from the grid cell at `p` meets the border of `r`, straight across. */
function onBorder(r: Rect, p: [number, number]): [number, number] {
    const [x, y] = p;
    const cx = Math.min(Math.max(x, r.x + 2), r.x + r.w - 2);
    const cy = Math.min(Math.max(y, r.y + 2), r.y + r.h - 2);
    if (y < r.y) return [cx, r.y];
    if (y > r.y + r.h) return [cx, r.y + r.h];
    if (x < r.x) return [r.x, cy];
    return [r.x + r.w, cy];
}

/** Drops the points in the middle of straight runs. */
function simplify(points: Array<[number, number]>): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const p of points) {
        const n = out.length;
        if (n > 0 && out[n - 1][0] === p[0] && out[n - 1][1] === p[1]) continue;
        if (n >= 2) {
            const [ax, ay] = out[n - 2];
            const [bx, by] = out[n - 1];
            if ((ax === bx && bx === p[0]) || (ay === by && by === p[1])) out[n - 1] = p;
            else out.push(p);
        } else out.push(p);
    }
    return out;
}

/** A spot along the line, from its middle outwards, where the label covers nothing else. */
function placeLabel(edge: Edge, centres: Array<[number, number]>, free: (r: Rect) => boolean): Rect | undefined {
    const { w, h } = blockSize(edge.label!);
    const lw = Math.ceil(w + 6);
    const lh = Math.ceil(h + 2);
    const mid = Math.floor(centres.length / 2);
    for (let k = 0; k < centres.length; k++) {
        const i = mid + (k % 2 === 0 ? k / 2 : -(k + 1) / 2);
        if (i < 0 || i >= centres.length) continue;
        const [x, y] = centres[i];
        for (const [ox, oy] of [
            [0, 0],
            [lw / 2 + 4, 0],
            [-lw / 2 - 4, 0],
            [0, lh / 2 + 4],
            [0, -lh / 2 - 4],
        ]) {
            const r = { x: x + ox - lw / 2, y: y + oy - lh / 2, w: lw, h: lh };
            if (free(r)) return r;
        }
    }
    return undefined;
}

/** A binary min-heap of search states by priority. */
class Heap {
    private readonly keys: number[] = [];
    private readonly prios: number[] = [];
    get size(): number {
        return this.keys.length;
    }
    push(key: number, prio: number): void {
        const keys = this.keys;
        const prios = this.prios;
        let i = keys.length;
        keys.push(key);
        prios.push(prio);
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (prios[p] <= prio) break;
            keys[i] = keys[p];
            prios[i] = prios[p];
            i = p;
        }
        keys[i] = key;
        prios[i] = prio;
    }
    pop(): number {
        const keys = this.keys;
        const prios = this.prios;
        const top = keys[0];
        const lastKey = keys.pop()!;
        const lastPrio = prios.pop()!;
        const n = keys.length;
        if (n > 0) {
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                if (l >= n) break;
                const r = l + 1;
                const c = r < n && prios[r] < prios[l] ? r : l;
                if (prios[c] >= lastPrio) break;
                keys[i] = keys[c];
                prios[i] = prios[c];
                i = c;
            }
            keys[i] = lastKey;
            prios[i] = lastPrio;
        }
        return top;
    }
}
