/**
 * What the fuzz harness does to a valid input: one change at a time, at any path of the args
 * (a field replaced by a bad value, a field removed, a map key renamed, an unknown key added),
 * as fast-check arbitraries so a failure shrinks to the smallest change that shows it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";

/** A path into the args: object keys and array indexes. */
export type ArgPath = ReadonlyArray<string | number>;

/** One change to the args. */
export type Mutation =
    | { readonly kind: "set"; readonly path: ArgPath; readonly value: unknown; readonly label: string }
    | { readonly kind: "delete"; readonly path: ArgPath }
    | { readonly kind: "renameKey"; readonly path: ArgPath; readonly to: string }
    | { readonly kind: "addKey"; readonly path: ArgPath; readonly key: string; readonly value: unknown };

/** Values no input of a component should take as they are. */
const BAD_VALUES: ReadonlyArray<readonly [string, unknown]> = [
    ["null", null],
    ["undefined", undefined],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["-1", -1],
    ["0", 0],
    ["1.5", 1.5],
    ["1e21", 1e21],
    ["2^53", 2 ** 53],
    ["true", true],
    ["false", false],
    ['""', ""],
    ['" "', " "],
    ['"\\u0000"', "\u0000"],
    ['"toString"', "toString"],
    ['"constructor"', "constructor"],
    ['"80"', "80"],
    ["[]", []],
    ["[null]", [null]],
    ["{}", {}],
    ['{"a":1}', { a: 1 }],
];

/** Keys a map or an object should never take at face value. */
export const BAD_KEYS: readonly string[] = ["constructor", "toString", "__proto__", "hasOwnProperty", "", " a", "a.b"];

/** True for a value the walk does not enter or change: class instances, Outputs, resources. */
function isOpaque(value: unknown): boolean {
    if (value === null || typeof value !== "object") return false;
    if (Array.isArray(value)) return false;
    if (pulumi.Output.isInstance(value) || pulumi.Resource.isInstance(value)) return true;
    const proto = Object.getPrototypeOf(value);
    return proto !== Object.prototype && proto !== null;
}

/** Every path of `args` a mutation can target, parents before children. */
export function argPaths(args: unknown, at: ArgPath = []): ArgPath[] {
    if (args === null || typeof args !== "object" || isOpaque(args)) return [];
    const entries: Array<[string | number, unknown]> = Array.isArray(args)
        ? args.map((v, i) => [i, v])
        : Object.entries(args);
    return entries.flatMap(([key, value]) => [[...at, key], ...argPaths(value, [...at, key])]);
}

/** The paths of plain objects inside `args` (the args themselves included): where keys are renamed or added. */
function objectPaths(args: unknown): ArgPath[] {
    const valueAt = (path: ArgPath) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], args);
    return [[], ...argPaths(args)].filter(path => {
        const value = valueAt(path);
        return value !== null && typeof value === "object" && !Array.isArray(value) && !isOpaque(value);
    });
}

/** Bad values shaped after the original one: padded strings, fractional or huge numbers, repeated items. */
function nearMisses(original: unknown): Array<readonly [string, unknown]> {
    if (typeof original === "string") {
        return [
            [`padded ${JSON.stringify(original)}`, ` ${original} `],
            [`${JSON.stringify(original)} with a control character`, `${original}\u0007`],
            [`${JSON.stringify(original)} as an Output`, pulumi.output(` ${original} `)],
            ["a number", 7],
        ];
    }
    if (typeof original === "number") {
        return [
            [`${original} + 0.5`, original + 0.5],
            [`-${original}`, -original],
            [`${original} × 1e6`, original * 1e6],
            [`"${original}"`, String(original)],
        ];
    }
    if (Array.isArray(original)) {
        return original.length > 0
            ? [
                  ["the first item twice", [original[0], original[0]]],
                  ["a string", "x"],
              ]
            : [["a string", "x"]];
    }
    if (original !== null && typeof original === "object")
        return [
            ["an array", [original]],
            ["a string", "x"],
        ];
    return [];
}

/** Every mutation of `args`, to draw from: a finite catalogue, so a run can also try them all. */
export function mutationsOf(args: unknown): Mutation[] {
    const valueAt = (path: ArgPath) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], args);
    const mutations: Mutation[] = [];
    for (const path of argPaths(args)) {
        for (const [label, value] of [...BAD_VALUES, ...nearMisses(valueAt(path))])
            mutations.push({ kind: "set", path, value, label });
        mutations.push({ kind: "delete", path });
    }
    for (const path of objectPaths(args)) {
        for (const key of BAD_KEYS) {
            if (path.length > 0) mutations.push({ kind: "renameKey", path, to: key });
            mutations.push({ kind: "addKey", path, key, value: "x" });
        }
    }
    return mutations;
}

/** A fast-check arbitrary of one mutation of `args`, shrinking towards the first in the catalogue. */
export function mutationArbitrary(args: unknown): fc.Arbitrary<Mutation> {
    const all = mutationsOf(args);
    return fc.nat({ max: all.length - 1 }).map(i => all[i]);
}

/** A deep copy of plain data; class instances, Outputs and resources are shared, not copied. */
function copy<T>(value: T): T {
    if (value === null || typeof value !== "object" || isOpaque(value)) return value;
    if (Array.isArray(value)) return value.map(copy) as T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
}

/** `args` with `mutation` applied; the original is left as it was. */
export function applyMutation<T>(args: T, mutation: Mutation): T {
    const result = copy(args);
    const parentPath = mutation.kind === "addKey" ? mutation.path : mutation.path.slice(0, -1);
    const parent = parentPath.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], result) as Record<
        string | number,
        unknown
    >;
    const last = mutation.path[mutation.path.length - 1];
    switch (mutation.kind) {
        case "set":
            parent[last] = mutation.value;
            break;
        case "delete":
            if (Array.isArray(parent)) parent.splice(Number(last), 1);
            else delete parent[last];
            break;
        case "renameKey": {
            const value = parent[last];
            delete parent[last];
            // defineProperty: `__proto__` becomes an own key, as JSON.parse makes it, not the prototype.
            Object.defineProperty(parent, mutation.to, { value, enumerable: true, writable: true, configurable: true });
            break;
        }
        case "addKey":
            Object.defineProperty(parent, mutation.key, {
                value: mutation.value,
                enumerable: true,
                writable: true,
                configurable: true,
            });
            break;
    }
    return result;
}

/** How a failure message names a mutation. */
export function describeMutation(mutation: Mutation): string {
    const at =
        mutation.path
            .map(k => (typeof k === "number" ? `[${k}]` : `.${k}`))
            .join("")
            .replace(/^\./, "") || "(the args)";
    switch (mutation.kind) {
        case "set":
            return `${at} = ${mutation.label}`;
        case "delete":
            return `${at} removed`;
        case "renameKey":
            return `${at} renamed to ${JSON.stringify(mutation.to)}`;
        case "addKey":
            return `${at} given an extra key ${JSON.stringify(mutation.key)}`;
    }
}

/** The value a mutation puts in, when it is one a built resource must never carry as it is. */
export function markerOf(mutation: Mutation): unknown {
    if (mutation.kind !== "set") return undefined;
    const value = mutation.value;
    // Blank or control-character strings: a component must refuse or trim them, never pass them on.
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    if (typeof value === "string" && value.trim() !== "" && (value !== value.trim() || /[\u0000-\u001f]/.test(value)))
        return value;
    // Numbers no count, port, size or limit takes.
    if (
        typeof value === "number" &&
        (!Number.isFinite(value) || !Number.isInteger(value) || value >= 1e21 || value < 0)
    )
        return value;
    return undefined;
}
