/**
 * Runs a component on mutated inputs under the offline engine and sorts each outcome into the
 * classes the fuzz table counts. Only the first three are acceptable:
 * - refused: a TopologyValidationError before anything of the component was registered (or, for
 *   a value given as an Output, when it resolved, before the resources taking it were created);
 * - built: registered, and no resource input carries nonsense;
 * - crashed: any other error (a TypeError, an internal failure);
 * - hung: the registrations did not settle in time;
 * - late: a validation error after the component had registered resources;
 * - nonsense: built, but a resource input carries NaN, Infinity, a function, `[object Object]`,
 *   `undefined`, an empty object in a list, or the bad value itself (a padded string, a fraction).
 */
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";
import { TopologyValidationError } from "../../components/errors";
import { recorder, restartEngine, settle, world } from "../../cli/engine";
import { Mutation, applyMutation, argPaths, describeMutation, markerOf, mutationsOf } from "./mutations";

/**
 * Anything under fuzz: its valid input, one try of it with a mutation applied, and what a random
 * value may be (a component takes anything an untyped caller has; a stack file only JSON).
 */
export interface Fuzzable {
    readonly name: string;
    /** The valid input the mutations start from. */
    baseArgs(): Promise<unknown>;
    /** Builds from the input with `mutation` applied (none: the valid input) and classifies what happened. */
    tryWith(mutation: Mutation | undefined): Promise<TryResult>;
    /** Whether a catalogue mutation can be written in this input at all. Default: every one. */
    accepts?(mutation: Mutation): boolean;
    /** Random values for a random path. Default: anything. */
    readonly randomValues?: fc.Arbitrary<unknown>;
}

/** A component under fuzz: how to make a valid input (and what it needs, e.g. a VPC) and how to build it. */
export interface FuzzTarget {
    readonly name: string;
    /** Makes the valid base args; may register prerequisites with `opts` (they are not the component's). */
    base(opts: pulumi.ComponentResourceOptions): unknown;
    /** Builds the component from (mutated) args. */
    create(args: unknown, opts: pulumi.ComponentResourceOptions): unknown;
}

export const OUTCOMES = ["refused", "built", "crashed", "hung", "late", "nonsense"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The classes a run must never see. */
export const FAILURES: readonly Outcome[] = ["crashed", "hung", "late", "nonsense"];

export interface TryResult {
    readonly outcome: Outcome;
    /** What happened, for a failure message. */
    readonly detail: string;
}

/** How long a try's registrations may take before it counts as hung. */
const HANG_MS = 3000;

/** An error's name and the first line of its message, for a try's detail. */
export function firstLine(e: unknown): string {
    return e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : String(e);
}

/** Nonsense a resource input must never carry, whatever the component. */
export function nonsenseIn(value: unknown, marker: unknown, at: string): string | undefined {
    if (typeof value === "number" && !Number.isFinite(value)) return `${at} = ${value}`;
    if (typeof value === "function") return `${at} is a function`;
    if (typeof value === "string") {
        if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(value)) return `${at} = ${JSON.stringify(value)}`;
        if (typeof marker === "string" && value.includes(marker))
            return `${at} = ${JSON.stringify(value)} carries the bad value`;
        return undefined;
    }
    if (typeof value === "number" && value === marker) return `${at} = ${value}, the bad value`;
    if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) {
            if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length === 0)
                return `${at}[${i}] is {}`;
            const found = nonsenseIn(item, marker, `${at}[${i}]`);
            if (found) return found;
        }
        return undefined;
    }
    if (value !== null && typeof value === "object") {
        for (const [key, item] of Object.entries(value)) {
            const found = nonsenseIn(item, marker, `${at}.${key}`);
            if (found) return found;
        }
    }
    return undefined;
}

/** Builds `target` with `mutation` applied and classifies what happened. */
export async function runTry(target: FuzzTarget, mutation: Mutation | undefined): Promise<TryResult> {
    world.reset();
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => void rejections.push(e);
    process.on("unhandledRejection", onRejection);
    let thrown: unknown;
    let before: number | undefined;
    let hung: boolean | undefined;
    try {
        const opts: pulumi.ComponentResourceOptions = { transformations: [recorder] };
        const args = target.base(opts);
        before = world.resources.length;
        try {
            target.create(mutation ? applyMutation(args, mutation) : args, opts);
        } catch (e) {
            thrown = e;
        }
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<"hung">(resolve => (timer = setTimeout(() => resolve("hung"), HANG_MS)));
        const settled = await Promise.race([
            settle().then(
                () => "settled" as const,
                (e: unknown) => {
                    rejections.push(e);
                    return "settled" as const;
                },
            ),
            timeout,
        ]);
        clearTimeout(timer);
        // A moment for rejections raised on the last turn.
        await new Promise(resolve => setImmediate(resolve));
        hung = settled === "hung";
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    const own = world.resources.slice(before ?? 0);
    if (hung || rejections.length > 0) restartEngine();
    if (thrown instanceof TopologyValidationError) {
        return own.length === 0
            ? { outcome: "refused", detail: thrown.problems.map(p => p.path).join(", ") }
            : { outcome: "late", detail: `${firstLine(thrown)} after ${own.length} registrations` };
    }
    if (thrown !== undefined) return { outcome: "crashed", detail: firstLine(thrown) };
    const other = rejections.find(e => !(e instanceof TopologyValidationError));
    if (other !== undefined) return { outcome: "crashed", detail: `later: ${firstLine(other)}` };
    if (rejections.length > 0) {
        // A value given as an Output is checked when it resolves: refused then, if nothing took it before.
        const late = mutation?.kind === "set" && pulumi.Output.isInstance(mutation.value);
        return late
            ? { outcome: "refused", detail: `when known: ${firstLine(rejections[0])}` }
            : { outcome: "late", detail: firstLine(rejections[0]) };
    }
    if (hung) return { outcome: "hung", detail: `registrations did not settle in ${HANG_MS} ms` };
    const marker = mutation ? markerOf(mutation) : undefined;
    for (const resource of own) {
        const found = nonsenseIn(resource.inputs, marker, `${resource.type} '${resource.name}'`);
        if (found) return { outcome: "nonsense", detail: found };
    }
    return { outcome: "built", detail: `${own.length} resources` };
}

/** One component's row of the fuzz table, with a shrunk counter-example for each failing class. */
export interface FuzzReport {
    readonly target: string;
    readonly counts: Record<Outcome, number>;
    readonly failures: ReadonlyArray<{ readonly mutation: string; readonly result: TryResult }>;
    readonly seed: number;
}

/** A component as a {@link Fuzzable}: its base args are made once to list the mutations (prerequisites are built and thrown away). */
export function componentFuzzable(target: FuzzTarget): Fuzzable {
    return {
        name: target.name,
        async baseArgs() {
            world.reset();
            const args = target.base({ transformations: [recorder] });
            await settle();
            return args;
        },
        tryWith: mutation => runTry(target, mutation),
    };
}

/** Mutations of `args` as fast-check draws them: the catalogue of bad values (3 in 4) or a random value at a random path. */
function mutationArbitrary(args: unknown, fuzzable: Fuzzable): fc.Arbitrary<Mutation> {
    const catalogue = mutationsOf(args).filter(m => fuzzable.accepts?.(m) ?? true);
    const paths = argPaths(args);
    const values = fuzzable.randomValues ?? fc.anything({ withNullPrototype: true, withBigInt: true });
    const random = fc.tuple(fc.nat({ max: paths.length - 1 }), values).map(([i, value]): Mutation => ({
        kind: "set",
        path: paths[i],
        value,
        label: `random ${describeRandom(value)}`,
    }));
    return fc.oneof(
        { weight: 3, arbitrary: fc.nat({ max: catalogue.length - 1 }).map(i => catalogue[i]) },
        { weight: 1, arbitrary: random },
    );
}

/**
 * Tries `runs` mutations of `target`'s base input, drawn from `seed`, and counts each outcome. If
 * any failed, fast-check searches again from the same seed and shrinks the first failure to the
 * smallest mutation that still fails (the counter-example of the report). `onTry` is told each
 * mutation before it runs (the hang watchdog's clue).
 */
export async function fuzzTarget(
    target: Fuzzable,
    runs: number,
    seed: number,
    onTry: (what: string) => void = () => undefined,
): Promise<FuzzReport> {
    const counts = Object.fromEntries(OUTCOMES.map(o => [o, 0])) as Record<Outcome, number>;
    const failures: Array<{ mutation: string; result: TryResult }> = [];
    const args = await target.baseArgs();
    const baseline = await target.tryWith(undefined);
    if (baseline.outcome !== "built") {
        return {
            target: target.name,
            counts,
            failures: [{ mutation: "(the valid base args)", result: baseline }],
            seed,
        };
    }
    const arbitrary = mutationArbitrary(args, target);
    for (const m of fc.sample(arbitrary, { numRuns: runs, seed })) {
        onTry(describeMutation(m));
        counts[(await target.tryWith(m)).outcome]++;
    }
    if (FAILURES.some(o => counts[o] > 0)) {
        const found = await fc.check(
            fc.asyncProperty(arbitrary, async m => {
                onTry(describeMutation(m));
                return !FAILURES.includes((await target.tryWith(m)).outcome);
            }),
            { numRuns: runs, seed },
        );
        if (found.failed && found.counterexample) {
            const [m] = found.counterexample;
            failures.push({ mutation: describeMutation(m), result: await target.tryWith(m) });
        }
    }
    return { target: target.name, counts, failures, seed };
}

function describeRandom(value: unknown): string {
    try {
        const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
        return text === undefined ? String(value) : text.slice(0, 40);
    } catch {
        return typeof value;
    }
}
