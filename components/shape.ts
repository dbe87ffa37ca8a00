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
    return path.reduce<string>((at, key) => (typeof key === "number" ? `${at}[${key}]` : joinPath(at, String(key))), "");
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
}

function defOf(schema: z.ZodType): SchemaDef {
    return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The schemas a wrapper (optional, default, pipe, union) stands for. */
function unwrapped(schema: z.ZodType): z.ZodType[] {
    const def = defOf(schema);
    if (def.innerType) return unwrapped(def.innerType);
    if (def.type === "pipe" && def.in) return unwrapped(def.in);
    if (def.type === "union" && def.options) return def.options.flatMap(unwrapped);
    return [schema];
}

/** The keys an object schema at `path` accepts, to suggest the one a misspelt key meant. */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
    let found: z.ZodType[] = [schema];
    for (let i = 0; i <= path.length; i++) {
        // Unwrap what does not change the shape, then step into the next key.
        found = found.flatMap(unwrapped);
        if (i === path.length) break;
        const key = path[i];
        found = found.flatMap(s => {
            const def = defOf(s);
            if (def.type === "object" && def.shape && typeof key === "string" && Object.hasOwn(def.shape, key)) return [def.shape[key]];
            if (def.type === "array" && def.element) return [def.element];
            if (def.type === "record" && def.valueType) return [def.valueType];
            return [];
        });
    }
    return [...new Set(found.flatMap(s => Object.keys(defOf(s).shape ?? {})))];
}

/** A fix attached to a custom issue by the schemas below (`params: { fix }`). */
function customFix(issue: z.core.$ZodIssue): string | undefined {
    return issue.code === "custom" ? (issue.params as { fix?: string } | undefined)?.fix : undefined;
}

/**
 * The problems of a failed parse: one per zod issue, and one per unknown key (with the closest
 * accepted key), each at its input's path inside `value`.
 */
export function shapeProblems(issues: readonly z.core.$ZodIssue[], value: unknown, schema: z.ZodType): ValidationProblem[] {
    const problems: ValidationProblem[] = [];
    for (const issue of issues) {
        const path = issuePath(issue.path);
        const found = valueAt(value, issue.path);
        switch (issue.code) {
            case "unrecognized_keys": {
                const known = keysAt(schema, issue.path);
                for (const key of issue.keys) {
                    const guess = closestSpelling(key, known);
                    problems.push({
                        path: joinPath(path, key),
                        message: `'${key}' is not an input here.`,
                        fix: guess ? `Did you mean '${guess}'?` : `Remove it; the inputs here are: ${known.join(", ")}.`,
                    });
                }
                break;
            }
            case "invalid_type":
                problems.push(found === undefined
                    ? { path, message: `is required (expected ${issue.expected}).`, fix: "Add it." }
                    : { path, message: `expected ${issue.expected}, got ${describeValue(found)}.`, fix: `Write a ${issue.expected} here.` });
                break;
            case "invalid_value":
                problems.push({ path, message: `${describeValue(found)} is not accepted.`, fix: `Use one of: ${issue.values.map(v => JSON.stringify(v)).join(", ")}.` });
                break;
            case "too_small":
            case "too_big":
                problems.push({ path, message: `${describeValue(found)}: ${issue.message}.`, fix: customFix(issue) ?? "Use a value within the limit." });
                break;
            default:
                problems.push({ path, message: `${describeValue(found)}: ${issue.message}.`, fix: customFix(issue) ?? "See this input's documentation." });
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
    if (parsed.success) return true;
    for (const p of shapeProblems(parsed.error.issues, value, schema)) problems.add(p.path, p.message, p.fix);
    return false;
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
    if (value.length === 0) ctx.addIssue({ code: "custom", message: "is empty", params: { fix: "Give a value, or leave the input out." } });
    else if (value.trim() !== value) ctx.addIssue({ code: "custom", message: "has leading or trailing blanks", params: { fix: "Remove the blanks." } });
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(value)) ctx.addIssue({ code: "custom", message: "contains a control character", params: { fix: "Remove it." } });
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
    return z.custom<T>(value => value instanceof ctor, {
        message: `is not a ${what}`,
        params: { fix: `Pass the ${what} object itself (the component, not its args or id).` },
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
    return <S extends z.ZodType>(schema: S & (SameArgs<z.output<S>, T> extends true ? unknown : { "the schema does not match the args type": T })): z.ZodType<T> =>
        schema as unknown as z.ZodType<T>;
}
