/**
 * Shape checks: what a component's args must look like before its rules run (types, required
 * fields, enumerations, whole numbers, unknown keys), for callers TypeScript does not protect:
 * JavaScript, YAML stack files, other languages. One schema library (zod, as the stack config
 * uses) and one translation of its findings into {@link Problems}: each with the input's path,
 * the value found and a fix, never a `TypeError` later on.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { closestSpelling } from "./checks";
import { Problems, ValidationProblem, joinPath } from "./errors";

/** A value as a message quotes it: strings in quotes (so padding and control characters show), NaN and Infinity by name. */
export function describeValue(value: unknown): string {
    if (value === undefined) return "missing";
    if (value === null) return "null";
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
    if (typeof value === "function") return "a function";
    if (typeof value === "symbol") return String(value);
    if (pulumi.Output.isInstance(value)) return "an Output";
    if (value instanceof Promise) return "a Promise";
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = Object.prototype.toString.call(value);
    }
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The path of a zod issue in the components' notation: `backends[0].port`, `vSwitches.vsw1`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
    return path.reduce<string>(
        (at, key) => (typeof key === "number" ? `${at}[${key}]` : joinPath(at, String(key))),
        "",
    );
}

/** The value at `path` inside `root`, own properties only. */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
    let value = root;
    for (const key of path) {
        if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
        value = (value as Record<PropertyKey, unknown>)[key];
    }
    return value;
}

interface SchemaDef {
    readonly type: string;
    readonly shape?: Record<string, z.ZodType>;
    readonly innerType?: z.ZodType;
    readonly element?: z.ZodType;
    readonly valueType?: z.ZodType;
    readonly options?: readonly z.ZodType[];
    readonly in?: z.ZodType;
    readonly discriminator?: string;
}

function defOf(schema: z.ZodType): SchemaDef {
    return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The schemas a wrapper (optional, default, pipe) stands for, and with `unions` each member of a union. */
function unwrapped(schema: z.ZodType, unions = true): z.ZodType[] {
    const def = defOf(schema);
    if (def.innerType) return unwrapped(def.innerType, unions);
    if (def.type === "pipe" && def.in) return unwrapped(def.in, unions);
    if (unions && def.type === "union" && def.options) return def.options.flatMap(o => unwrapped(o));
    return [schema];
}

/** The schemas describing the value at `path` (several under a union), as written: not unwrapped. */
function schemasAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType[] {
    let found: z.ZodType[] = [schema];
    for (const key of path) {
        // Unwrap what does not change the shape, then step into the next key.
        found = found
            .flatMap(s => unwrapped(s))
            .flatMap(s => {
                const def = defOf(s);
                if (def.type === "object" && def.shape && typeof key === "string" && Object.hasOwn(def.shape, key))
                    return [def.shape[key]];
                if (def.type === "array" && def.element) return [def.element];
                if (def.type === "record" && def.valueType) return [def.valueType];
                return [];
            });
    }
    return found;
}

/**
 * The keys an object schema at `path` accepts, to suggest the one a misspelt key meant. Under a
 * union, those of the member sharing the most keys with `value` (the form the caller wrote).
 */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>, value: unknown): string[] {
    const members = schemasAt(schema, path)
        .flatMap(s => unwrapped(s))
        .map(s => Object.keys(defOf(s).shape ?? {}));
    const written = value !== null && typeof value === "object" ? Object.keys(value) : [];
    const shared = (keys: string[]) => keys.filter(k => written.includes(k)).length;
    return members.reduce((best, keys) => (shared(keys) > shared(best) ? keys : best), members[0] ?? []);
}

/**
 * Which union member a value comes closest to: the one that knows the most of the keys written
 * (the form the caller meant, even with every value in it wrong), then the fewest issues; a
 * mismatch of the whole value (another type, or not the member's literal: a list where
 * `"full-mesh" | Peering[]` takes the word or a list) counting as worse than anything inside it.
 */
function closestBranch(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>): number {
    const wholeMismatch = (i: z.core.$ZodIssue) =>
        i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value");
    const unknownKeys = (issues: readonly z.core.$ZodIssue[]) =>
        issues.reduce((n, i) => (i.code === "unrecognized_keys" && i.path.length === 0 ? n + i.keys.length : n), 0);
    const cost = (issues: readonly z.core.$ZodIssue[]) =>
        issues.some(wholeMismatch) ? Infinity : unknownKeys(issues) * 1_000_000 + issues.length;
    return branches.reduce((best, issues, i) => (cost(issues) < cost(branches[best]) ? i : best), 0);
}

/**
 * The outermost plain union (not a discriminated one, whose discriminator already picks the
 * member) on the way to an issue's path, with its path. zod reports the issues of a union's only
 * member that did not abort as if there were no union: for `{ bandwidth, internetChargeType:
 * "PayByTraffic" }` against `NewPackage | { packageId }`, the enum mismatch aborts the first
 * member, so zod reports "packageId is required" and two unknown keys of the second.
 */
function unionOnTheWay(
    schema: z.ZodType,
    path: ReadonlyArray<PropertyKey>,
): { path: ReadonlyArray<PropertyKey>; union: z.ZodType } | undefined {
    for (let n = 0; n <= path.length; n++) {
        const at = path.slice(0, n);
        const union = schemasAt(schema, at)
            .flatMap(s => unwrapped(s, false))
            .find(s => defOf(s).type === "union" && defOf(s).discriminator === undefined);
        if (union) return { path: at, union };
    }
    return undefined;
}

/** The problems of the value at a union's path, judged against the member it comes closest to. */
function closestMemberProblems(value: unknown, at: { path: ReadonlyArray<PropertyKey>; union: z.ZodType }) {
    const found = valueAt(value, at.path);
    const members = defOf(at.union).options ?? [];
    const branches = members.map(m => {
        const parsed = m.safeParse(found);
        return parsed.success ? [] : parsed.error.issues;
    });
    const index = closestBranch(branches);
    return shapeProblems(branches[index], found, members[index]).map(p => ({
        ...p,
        path: joinPath(issuePath(at.path), p.path),
    }));
}

/**
 * The problems of a value that fits no member of a union (a vSwitch by id, or of a RegionalVpc by
 * name): those of the member it comes closest to, with that member's keys to suggest from.
 */
function unionProblems(
    issue: z.core.$ZodIssue & { code: "invalid_union" },
    value: unknown,
    schema: z.ZodType,
): ValidationProblem[] {
    const path = issuePath(issue.path);
    const found = valueAt(value, issue.path);
    const union = schemasAt(schema, issue.path)
        .flatMap(s => unwrapped(s, false))
        .find(s => defOf(s).type === "union");
    const index = closestBranch(issue.errors);
    const member = union === undefined ? undefined : defOf(union).options?.[index];
    // A discriminated union whose discriminator matches no member: the values it takes.
    const discriminatorValues = (issue as { options?: readonly unknown[] }).options;
    if (issue.errors.length === 0 && discriminatorValues !== undefined) {
        const choices = discriminatorValues.map(v => JSON.stringify(v)).join(", ");
        return [{ path, message: `${describeValue(found)} is not accepted.`, fix: `Use one of: ${choices}.` }];
    }
    if (member === undefined || issue.errors.length === 0) {
        return [
            { path, message: `${describeValue(found)}: ${issue.message}.`, fix: "See this input's documentation." },
        ];
    }
    return shapeProblems(issue.errors[index], found, member).map(p => ({ ...p, path: joinPath(path, p.path) }));
}

/** A fix attached to a custom issue by the schemas below (`params: { fix }`). */
function customFix(issue: z.core.$ZodIssue): string | undefined {
    return issue.code === "custom" ? (issue.params as { fix?: string } | undefined)?.fix : undefined;
}

/**
 * The problems of a failed parse: one per zod issue, and one per unknown key (with the closest
 * accepted key), each at its input's path inside `value`.
 */
export function shapeProblems(
    issues: readonly z.core.$ZodIssue[],
    value: unknown,
    schema: z.ZodType,
): ValidationProblem[] {
    const problems: ValidationProblem[] = [];
    const unionsJudged = new Set<string>();
    for (const issue of issues) {
        const union = issue.code === "invalid_union" ? undefined : unionOnTheWay(schema, issue.path);
        if (union) {
            // Every issue under that union is judged again, once, against the member meant.
            const at = issuePath(union.path);
            if (!unionsJudged.has(at)) {
                unionsJudged.add(at);
                problems.push(...closestMemberProblems(value, union));
            }
            continue;
        }
        const path = issuePath(issue.path);
        const found = valueAt(value, issue.path);
        switch (issue.code) {
            case "invalid_union":
                problems.push(...unionProblems(issue, value, schema));
                break;
            case "unrecognized_keys": {
                const known = keysAt(schema, issue.path, found);
                for (const key of issue.keys) {
                    // Never the key itself (a key of another member of a union).
                    const others = known.filter(k => k !== key);
                    const guess = closestSpelling(key, others);
                    problems.push({
                        path: joinPath(path, key),
                        message: `'${key}' is not an input here.`,
                        fix: guess
                            ? `Did you mean '${guess}'?`
                            : `Remove it; the inputs here are: ${others.join(", ")}.`,
                    });
                }
                break;
            }
            case "invalid_key": {
                // A map key users chose (a vSwitch or tag name): quote the key, not the value under it.
                const key = issue.path[issue.path.length - 1];
                for (const inner of issue.issues) {
                    problems.push({
                        path,
                        message: `the key ${describeValue(String(key))} ${inner.message}.`,
                        fix: customFix(inner) ?? "Rename the key.",
                    });
                }
                break;
            }
            case "invalid_type": {
                // zod's names for a number that must be whole and for a map by name.
                const expected =
                    issue.expected === "int" ? "whole number" : issue.expected === "record" ? "object" : issue.expected;
                problems.push(
                    found === undefined
                        ? { path, message: `is required (expected ${expected}).`, fix: "Add it." }
                        : {
                              path,
                              message: `expected ${expected}, got ${describeValue(found)}.`,
                              fix: `Write ${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected} here.`,
                          },
                );
                break;
            }
            case "invalid_value":
                problems.push({
                    path,
                    message: `${describeValue(found)} is not accepted.`,
                    fix: `Use one of: ${issue.values.map(v => JSON.stringify(v)).join(", ")}.`,
                });
                break;
            case "too_small":
            case "too_big":
                problems.push({
                    path,
                    message: `${describeValue(found)}: ${issue.message}.`,
                    fix: customFix(issue) ?? "Use a value within the limit.",
                });
                break;
            default:
                problems.push({
                    path,
                    message: `${describeValue(found)}: ${issue.message}.`,
                    fix: customFix(issue) ?? "See this input's documentation.",
                });
        }
    }
    return problems;
}

/**
 * Checks `value` against `schema`, recording every shape problem; true when it fits. A component
 * runs it first and its rules only on a value that fits, so no rule meets a `null` or a string
 * where it expects a list.
 */
export function checkShape<T>(problems: Problems, schema: z.ZodType<T>, value: unknown): value is T {
    const parsed = schema.safeParse(value);
    const found = parsed.success ? [] : shapeProblems(parsed.error.issues, value, schema);
    // zod passes over an own `__proto__` key of a map (JSON and YAML make one) without checking
    // its value, which the component's rules would then meet unchecked.
    const reported = new Set(found.map(p => p.path));
    for (const path of protoKeyPaths(value)) {
        if (!reported.has(path)) {
            found.push({ path, message: "'__proto__' is not accepted as a name.", fix: "Rename it." });
        }
    }
    for (const p of found) problems.add(p.path, p.message, p.fix);
    return found.length === 0;
}

/** The paths of every own `__proto__` key in the plain objects and arrays of `value`. */
function protoKeyPaths(value: unknown, at: ReadonlyArray<PropertyKey> = [], seen = new Set<object>()): string[] {
    if (value === null || typeof value !== "object" || seen.has(value)) return [];
    const proto = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return [];
    seen.add(value);
    const here = Object.hasOwn(value, "__proto__") ? [issuePath([...at, "__proto__"])] : [];
    return [
        ...here,
        ...Object.entries(value).flatMap(([key, item]) =>
            protoKeyPaths(item, [...at, Array.isArray(value) ? Number(key) : key], seen),
        ),
    ];
}

/** True for a value only known at deployment: an Output or a Promise, checked when it resolves. */
export function isLate(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * A `pulumi.Input<T>`: a plain value that must fit `plain` now, or an Output/Promise the
 * component checks when it resolves (see `checkedWhenKnown`).
 */
export function input<T>(plain: z.ZodType<T>): z.ZodType<pulumi.Input<T>> {
    return z.custom<pulumi.Input<T>>().superRefine((value, ctx) => {
        if (isLate(value)) return;
        const parsed = plain.safeParse(value);
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as never);
    });
}

/** A string a user names something by: non-empty, no surrounding blanks or control characters. */
export const text = z.string().superRefine((value, ctx) => {
    if (value.length === 0)
        ctx.addIssue({ code: "custom", message: "is empty", params: { fix: "Give a value, or leave the input out." } });
    else if (value.trim() !== value)
        ctx.addIssue({
            code: "custom",
            message: "has leading or trailing blanks",
            params: { fix: "Remove the blanks." },
        });
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(value))
        ctx.addIssue({ code: "custom", message: "contains a control character", params: { fix: "Remove it." } });
});

/**
 * A whole number from `min` to `max` (NaN, Infinity, fractions and numbers out of range refused),
 * for counts, indexes and limits whose range the args' TSDoc states.
 */
export function wholeNumber(min: number, max: number): z.ZodType<number> {
    return z.number().superRefine((value, ctx) => {
        if (Number.isInteger(value) && value >= min && value <= max) return;
        ctx.addIssue({
            code: "custom",
            message: `is not a whole number from ${min} to ${max}`,
            params: { fix: `Use a whole number from ${min} to ${max}.` },
        });
    });
}

/** An instance of a component class (a RegionalVpc, a CenTransitNetwork), not a description of one. */
export function instanceOf<T>(ctor: abstract new (...args: never[]) => T, what: string): z.ZodType<T> {
    const article = /^[AEIOU]/i.test(what) ? "an" : "a";
    return z.custom<T>(value => value instanceof ctor, {
        message: `is not ${article} ${what}`,
        params: { fix: `Pass the ${what} object itself (the component, not its args or id).` },
    });
}

/**
 * A provider of the package `pkg` (`providerOf(alicloud.Provider, "alicloud")`), recognised as
 * Pulumi recognises it, by its type token (`Provider.isInstance`) rather than `instanceof`: a
 * program whose own copy of the package differs from this package's passes providers of another
 * class.
 */
export function providerOf<T>(cls: { isInstance(value: unknown): value is T }, pkg: string): z.ZodType<T> {
    return z.custom<T>(value => cls.isInstance(value), {
        message: `is not a provider of the ${pkg} package`,
        params: { fix: `Pass a provider resource (new ${pkg}.Provider(...)), or leave the input out.` },
    });
}

/** True when `A` and `B` are assignable both ways (the same type for every caller). */
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The same type and the same keys (an optional field left out of one side still differs). */
type SameArgs<A, B> = SameType<A, B> extends true ? SameType<keyof A, keyof B> : false;

/**
 * Declares the shape schema of an args interface `T`, so the two cannot drift: the type check
 * fails unless the schema's parsed type and `T` are assignable both ways and have the same keys
 * (a field added to the interface and not to the schema, or typed differently, is a compile
 * error at the schema). Nested objects are compared by assignability.
 *
 * ```ts
 * const SHAPE = argsShape<RegionalVpcArgs>()(z.strictObject({ region: text, ... }));
 * ```
 */
export function argsShape<T>() {
    return <S extends z.ZodType>(
        schema: S &
            (SameArgs<z.output<S>, T> extends true ? unknown : { "the schema does not match the args type": T }),
    ): z.ZodType<T> => schema as unknown as z.ZodType<T>;
}
