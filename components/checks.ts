/**
 * Value checks shared by every component. Each records a problem and returns whether the value
 * passed, so callers can keep checking the rest of the input.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems, validate } from "./errors";

/** Checks that `value` is a whole number in [min, max]. */
export function checkIntegerInRange(problems: Problems, path: string, value: number, min: number, max: number, what: string): boolean {
    if (Number.isInteger(value) && value >= min && value <= max) return true;
    problems.add(path, `${what} ${value} is not a whole number from ${min} to ${max}.`, `Use a value from ${min} to ${max}.`);
    return false;
}

/** Checks a TCP/UDP port. */
export function checkPort(problems: Problems, path: string, port: number): boolean {
    return checkIntegerInRange(problems, path, port, 1, 65535, "port");
}

/** Checks that `value` is one of `allowed`. */
export function checkOneOf<T extends string>(problems: Problems, path: string, value: string, allowed: readonly T[], what: string): value is T {
    if ((allowed as readonly string[]).includes(value)) return true;
    problems.add(path, `${what} '${value}' is not supported.`, `Use one of: ${allowed.join(", ")}.`);
    return false;
}

/** Records a problem for every name that appears more than once, at the path of each repeat. */
export function checkUnique(problems: Problems, items: ReadonlyArray<{ path: string; key: string }>, what: string): void {
    const seen = new Map<string, string>();
    for (const { path, key } of items) {
        const first = seen.get(key);
        if (first !== undefined) {
            problems.add(path, `${what} '${key}' is used again (first at ${first}).`, `Give each ${what} a distinct value.`);
        } else {
            seen.set(key, path);
        }
    }
}

/**
 * A value only known at deployment (an Output), checked with the same rules as a plain one when
 * it resolves: a failure rejects the value with a TopologyValidationError naming `component`, so
 * every resource taking it fails before it is created, and the plan and the pre-flight print
 * the problem. A plain value (already checked before registration) passes as it is.
 */
export function checkedWhenKnown(value: pulumi.Input<string>, component: string, check: (problems: Problems, value: string) => void): pulumi.Output<string> {
    if (typeof value === "string") return pulumi.output(value);
    return pulumi.output(value).apply(known => {
        validate(component, problems => check(problems, known));
        return known;
    });
}

/**
 * A record with no prototype, for maps looked up by names users write: `record["constructor"]`
 * is then undefined, not Object's constructor, so a vSwitch named `constructor` or `toString` is
 * "not a vSwitch of the VPC" rather than a function passed on as one.
 */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
    return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}
