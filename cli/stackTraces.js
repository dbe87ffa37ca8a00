// Stack traces that point at the TypeScript lines of the files cli/register.js transpiles, at a
// fraction of the cost of Node's own source maps.
//
// Node's source maps (`process.setSourceMapsEnabled(true)`) read and parse the .js.map file of
// every module that names one when it loads, the Pulumi SDKs' thousands included, and map every
// frame of every stack trace through URL conversions. The Pulumi runtime captures a stack for
// each promise it makes (`debuggablePromise`) and each resource it registers, so a plan spent a
// sixth of its time there, and the suite's specs more than a quarter. Here only the files the
// hook compiled are mapped, their maps decoded on the first frame that needs one, each frame
// with one lookup; other frames read as V8 writes them.
"use strict";

/** File → its inline source map (base64), as the transpiler wrote it; decoded on first use. */
const inlineMaps = new Map();
/** File → per generated line, its segments as [generated column, source line, source column]. */
const decoded = new Map();

const INLINE_MAP = "//# sourceMappingURL=data:application/json;base64,";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** Remembers the inline source map at the end of `javascript`, the transpiled `file`. */
function rememberSourceMap(file, javascript) {
    const at = javascript.lastIndexOf(INLINE_MAP);
    if (at < 0) return;
    const end = javascript.indexOf("\n", at);
    inlineMaps.set(file, javascript.slice(at + INLINE_MAP.length, end < 0 ? undefined : end).trim());
    decoded.delete(file);
}

/** The Base64 VLQ values of one segment of a source map's `mappings`. */
function vlqValues(segment) {
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
        const digit = DIGIT.get(char);
        if (digit === undefined) return [];
        value += (digit & 31) << shift;
        if (digit & 32) {
            shift += 5;
            continue;
        }
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
    }
    return values;
}

/** The decoded mappings of `file` (the transpiler writes one source per map), or null. */
function mappingsOf(file) {
    if (decoded.has(file)) return decoded.get(file);
    let lines = null;
    try {
        const { mappings } = JSON.parse(Buffer.from(inlineMaps.get(file), "base64").toString("utf8"));
        let sourceLine = 0;
        let sourceColumn = 0;
        lines = mappings.split(";").map(line => {
            let column = 0;
            const segments = [];
            for (const segment of line.split(",")) {
                const values = vlqValues(segment);
                if (values.length === 0) continue;
                column += values[0];
                if (values.length < 4) continue;
                sourceLine += values[2];
                sourceColumn += values[3];
                segments.push([column, sourceLine, sourceColumn]);
            }
            return segments;
        });
    } catch {
        // An unreadable map leaves the file's frames as V8 writes them.
    }
    decoded.set(file, lines);
    return lines;
}

/** 1-based generated line and column → 1-based source [line, column], or null. */
function sourcePosition(file, line, column) {
    const segments = mappingsOf(file)?.[line - 1];
    if (!segments || segments.length === 0) return null;
    // The last segment starting at or before the column (the first, for a column before them all).
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (segments[middle][0] <= column - 1) low = middle;
        else high = middle - 1;
    }
    const [, sourceLine, sourceColumn] = segments[low];
    return [sourceLine + 1, sourceColumn + 1];
}

/** One frame as V8 writes it, with a transpiled file's position mapped to its source. */
function frameText(callSite) {
    const text = callSite.toString();
    const file = callSite.getFileName();
    if (!file || !inlineMaps.has(file)) return text;
    const line = callSite.getLineNumber();
    const column = callSite.getColumnNumber();
    const mapped = line == null || column == null ? null : sourcePosition(file, line, column);
    if (!mapped) return text;
    const generated = `${file}:${line}:${column}`;
    const at = text.lastIndexOf(generated);
    if (at < 0) return text;
    return `${text.slice(0, at)}${file}:${mapped[0]}:${mapped[1]}${text.slice(at + generated.length)}`;
}

/** `Error.prepareStackTrace`: V8's format (header, then one "    at" line per frame), mapped. */
function prepareStackTrace(error, callSites) {
    let header;
    try {
        header = Error.prototype.toString.call(error);
    } catch {
        header = "<error>";
    }
    let stack = header;
    for (const callSite of callSites) stack += `\n    at ${frameText(callSite)}`;
    return stack;
}

/**
 * Maps stack traces from now on, unless Node maps them already (`--enable-source-maps`, or
 * NODE_OPTIONS with it), which then keeps doing so for every file, ours included (the
 * transpiled JavaScript keeps its inline map), or another hook installed its own formatter.
 * Node 20 and later set `Error.prepareStackTrace` to their own default, which is replaced.
 */
function installStackTraces() {
    if (process.sourceMapsEnabled) return;
    const current = Error.prepareStackTrace;
    if (current && current !== prepareStackTrace && current.name !== "ErrorPrepareStackTrace") return;
    Error.prepareStackTrace = prepareStackTrace;
}

module.exports = { installStackTraces, rememberSourceMap, prepareStackTrace };
