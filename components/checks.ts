/**
 * Value checks shared by every component. Each records a problem and returns whether the value
 * passed, so callers can keep checking the rest of the input.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems, validate } from "./errors";

/** Checks that `value` is a whole number in [min, max]. */
export function checkIntegerInRange(
    problems: Problems,
    path: string,
    value: number,
    min: number,
    max: number,
    what: string,
): boolean {
    if (Number.isInteger(value) && value >= min && value <= max) return true;
    problems.add(
        path,
        `${what} ${value} is not a whole number from ${min} to ${max}.`,
        `Use a value from ${min} to ${max}.`,
    );
    return false;
}

/** Checks a TCP/UDP port. */
export function checkPort(problems: Problems, path: string, port: number): boolean {
    return checkIntegerInRange(problems, path, port, 1, 65535, "port");
}

/** Checks that `value` is one of `allowed`. */
export function checkOneOf<T extends string>(
    problems: Problems,
    path: string,
    value: string,
    allowed: readonly T[],
    what: string,
): value is T {
    if ((allowed as readonly string[]).includes(value)) return true;
    problems.add(path, `${what} '${value}' is not supported.`, `Use one of: ${allowed.join(", ")}.`);
    return false;
}

/** Levenshtein distance: how many one-character edits turn `a` into `b`. */
function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}

/** The candidate closest in spelling to `value`, within three edits, to suggest on a typo. */
export function closestSpelling(value: string, candidates: Iterable<string>): string | undefined {
    let best: string | undefined;
    let bestDistance = 4;
    for (const candidate of candidates) {
        const d = editDistance(value, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

/**
 * Checks that `name` is one of the `known` names of something the caller declared (a vSwitch of
 * a VPC, a member of a network, a security group of the component), with one wording everywhere:
 * "<what> 'x' is not <where>." and the closest spelling or the names to use. Only own names
 * count, so `constructor` or `toString` is never found.
 *
 * @param what what the name names, e.g. `vSwitch`.
 * @param where where it was looked for, e.g. `a vSwitch of VPC 'vpc1'`.
 */
export function checkKnownName(
    problems: Problems,
    path: string,
    name: string,
    known: readonly string[],
    what: string,
    where: string,
): boolean {
    if (known.includes(name)) return true;
    const guess = closestSpelling(String(name), known);
    const choices = known.length === 0 ? `There is none yet: declare one first.` : `Use one of: ${known.join(", ")}.`;
    problems.add(
        path,
        `${what} '${name}' is not ${where}.`,
        guess === undefined ? choices : `Did you mean '${guess}'? ${choices}`,
    );
    return false;
}

/** Records a problem for every name that appears more than once, at the path of each repeat. */
export function checkUnique(
    problems: Problems,
    items: ReadonlyArray<{ path: string; key: string }>,
    what: string,
): void {
    const seen = new Map<string, string>();
    for (const { path, key } of items) {
        const first = seen.get(key);
        if (first !== undefined) {
            problems.add(
                path,
                `${what} '${key}' is used again (first at ${first}).`,
                `Give each ${what} a distinct value.`,
            );
        } else {
            seen.set(key, path);
        }
    }
}

/**
 * A value only known at deployment (an Output), checked with the same rules as a plain one when
 * it resolves: a failure rejects the value with a TopologyValidationError naming `component`, so
 * every resource taking it fails before it is created, and the plan and `pulumi up` print
 * the problem. A plain value (already checked before registration) passes as it is.
 */
export function checkedWhenKnown(
    value: pulumi.Input<string>,
    component: string,
    check: (problems: Problems, value: string) => void,
): pulumi.Output<string> {
    if (typeof value === "string") return pulumi.output(value);
    return pulumi.output(value).apply(known => {
        validate(component, problems => check(problems, known));
        return known;
    });
}

/**
 * Checks a `pulumi.Input<string>` with `check`: a plain value now, in `problems`; an Output when
 * it resolves ({@link checkedWhenKnown}), at the same input path (`problems.placed(path)`), so a
 * nested scope's prefix is kept. Returns what the resources take: the plain value as it is, or
 * the checked Output.
 */
export function checkInput(
    problems: Problems,
    path: string,
    value: pulumi.Input<string>,
    component: string,
    check: (problems: Problems, path: string, value: string) => void,
): pulumi.Input<string> {
    if (typeof value === "string") {
        check(problems, path, value);
        return value;
    }
    const at = problems.placed(path);
    return checkedWhenKnown(value, component, (late, known) => check(late, at, known));
}

/**
 * A record with no prototype, for maps looked up by names users write: `record["constructor"]`
 * is then undefined, not Object's constructor, so a vSwitch named `constructor` or `toString` is
 * "not a vSwitch of the VPC" rather than a function passed on as one.
 */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
    return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}

/** A field of an earlier release that a caller without types may still pass, and what became of it. */
export interface RemovedField {
    /** The field's name among the args, e.g. `loadBalancerEdition`. */
    readonly field: string;
    /** What became of it, e.g. `renamed to edition`. */
    readonly became: string;
    /** What to write instead, from the value passed, e.g. `edition: "Standard"`. */
    readonly instead: (value: unknown) => string;
}

/**
 * Records a problem at each removed field `args` still carries: JavaScript and YAML callers have
 * no type checker to stop them, and a setting silently ignored would deploy something else.
 */
export function checkRemovedFields(problems: Problems, args: object, removed: readonly RemovedField[]): void {
    for (const { field, became, instead } of removed) {
        const value = (args as Record<string, unknown>)[field];
        if (!Object.hasOwn(args, field) || value === undefined) continue;
        problems.add(field, `${field} was ${became}; it is not read any more.`, `Write ${instead(value)} instead.`);
    }
}

/** A value as a fix quotes it: strings and numbers as written, anything else (an Output) as `…`. */
export function quotedValue(value: unknown): string {
    if (typeof value === "string") return JSON.stringify(value);
    return typeof value === "number" || typeof value === "boolean" ? String(value) : "…";
}
