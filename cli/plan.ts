/**
 * Runs a program offline and turns what the mocked engine recorded into a {@link PlanGraph}:
 * a stack program (`--program`: its config is checked by its `loadStackConfig`, then `buildStack`
 * registers everything), or, through {@link collect}, a Pulumi program as it is (./program).
 * Validation errors (the config's or any component's) are collected, not thrown, so the caller
 * can print all of them.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError, ValidationProblem } from "../components/errors";
import { RecordedWarning, installEngine, recorder, restartEngine, settle, world } from "./engine";
import { buildGraph, isSecretValue, PlanGraph } from "./graph";
import { NO_PROVIDER_CONFIG, ProviderConfig } from "./stackConfig";

/**
 * The contract of a stack program module, which `topologies plan --program <module>` runs (this
 * repository's `stacks/program.ts` is one): the config is checked before anything is built, and
 * the plan hands the program the options that record the tree. A plain Pulumi program needs none
 * of this: `topologies plan` runs it as it is.
 */
export interface StackProgram {
    /** Checks the raw config (keys without namespace); throws a `TopologyValidationError` with YAML key paths. */
    loadStackConfig(raw: Record<string, unknown>): unknown;
    /** Builds the stack's components, passing `opts` to each; returns the stack outputs. */
    buildStack(config: unknown, opts: pulumi.ComponentResourceOptions): Record<string, pulumi.Input<unknown>>;
}

/** A program module that cannot be loaded or does not meet the {@link StackProgram} contract. */
export class ProgramError extends Error {}

/**
 * Loads a stack program module (TypeScript or JavaScript). A TypeScript program is transpiled on
 * load by ./register, unless a hook (ts-node, the repository's bin.js) is already in place.
 */
export function loadProgram(module: string): StackProgram {
    const file = path.resolve(module);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (!require.extensions[".ts"]) require("./register");
    let loaded: Partial<StackProgram>;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = require(file) as Partial<StackProgram>;
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String((e as Error).message).includes(file)) {
            throw new ProgramError(`no stack program at ${module}`);
        }
        throw e;
    }
    if (typeof loaded.buildStack !== "function" || typeof loaded.loadStackConfig !== "function") {
        throw new ProgramError(`${module} must export buildStack(config, opts) and loadStackConfig(raw)`);
    }
    return loaded as StackProgram;
}

/** One validation error: who rejected what. */
export interface PlanError {
    /** The config or component that rejected its input, e.g. `topologies:alicloud:RegionalVpc 'vpc1'`. */
    readonly source: string;
    readonly problems: readonly ValidationProblem[];
}

/** The outcome of a plan. */
export type PlanResult =
    | {
          readonly ok: true;
          readonly graph: PlanGraph;
          readonly outputs: Record<string, unknown>;
          /** What the components warned about (`pulumi.log.warn`), each once, as `pulumi up` would print them. */
          readonly warnings: readonly RecordedWarning[];
      }
    | { readonly ok: false; readonly errors: readonly PlanError[] };

/** How long the plan keeps collecting late validation errors after the first one. */
const LATE_ERRORS_GRACE_MS = 200;

/** A plan takes seconds; one that has not finished in this long waits for something that never comes. */
export const PLAN_TIMEOUT_MS = 60_000;

/** The plan did not finish in time: a registration or an output never resolves. */
export class PlanTimeoutError extends Error {
    constructor(readonly timeoutMs: number) {
        super(
            `the plan did not finish in ${timeoutMs / 1000} s: a registration or a stack output never resolves ` +
                "(an output built from a promise that never settles, or a cycle of dependencies).",
        );
        this.name = "PlanTimeoutError";
    }
}

/** Stack outputs print this way when they are secret. */
export const SECRET_OUTPUT = "[secret]";

/**
 * Plans one stack (named `stack` for `pulumi.getStack()` and URNs). Throws only on a failure that
 * is not a validation error (a bug in the program or a component, also one raised later in an
 * output's callback), or a {@link PlanTimeoutError} after `timeoutMs`; the caller reports either
 * as such. Either way the listener it installs is gone when it returns or throws.
 */
export async function runPlan(
    program: StackProgram,
    raw: Record<string, unknown>,
    stack = "plan",
    providerConfig: ProviderConfig = NO_PROVIDER_CONFIG,
    project = "topologies",
    timeoutMs = PLAN_TIMEOUT_MS,
): Promise<PlanResult> {
    installEngine(stack, project);
    // As `pulumi up` would: the stack's provider settings, and nothing left from an earlier plan.
    pulumi.runtime.setAllConfig(providerConfig.values, [...providerConfig.secretKeys]);
    world.reset();
    let config: unknown;
    try {
        config = program.loadStackConfig(raw);
    } catch (e) {
        return failure(e);
    }
    return collect(async () => program.buildStack(config, { transformations: [recorder] }), stack, project, timeoutMs);
}

/** The stack outputs a program returns (or a promise of them, for a program that is one async function). */
export type StackOutputs = Record<string, pulumi.Input<unknown>>;

/**
 * Runs `start` (which builds the stack and returns its outputs) and waits for every registration
 * it started; the plan of what was registered, or every validation error. Throws only on a
 * failure that is not a validation error (also one raised later in an output's callback), or a
 * {@link PlanTimeoutError} after `timeoutMs`; either way its listener is gone when it returns.
 */
export async function collect(
    start: () => Promise<StackOutputs>,
    stack: string,
    project: string,
    timeoutMs = PLAN_TIMEOUT_MS,
): Promise<PlanResult> {
    // Validation inside outputs' callbacks (a value known only at deployment, checked when it
    // resolves) surfaces as a rejected registration: catch it too. The resources waiting on that
    // registration never settle under the mocks, so the first such error ends the wait (after a
    // moment for the others), rather than the plan hanging without a word. Any other failure
    // there (a bug in a callback) is kept, and thrown once the wait is over.
    const asyncErrors: PlanError[] = [];
    const failed: { crash?: { error: unknown } } = {};
    const throwIfCrashed = () => {
        if (failed.crash) throw failed.crash.error;
    };
    let rejected!: () => void;
    const firstRejection = new Promise<void>(resolve => {
        rejected = resolve;
    });
    const onRejection = (e: unknown) => {
        if (e instanceof TopologyValidationError) {
            const error = asError(e);
            if (!asyncErrors.some(known => JSON.stringify(known) === JSON.stringify(error))) asyncErrors.push(error);
        } else {
            failed.crash ??= { error: e };
        }
        rejected();
    };
    const lateErrors = () =>
        firstRejection.then(() => new Promise(resolve => setTimeout(resolve, LATE_ERRORS_GRACE_MS)));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof TIMED_OUT>(
        resolve => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)),
    );
    process.on("unhandledRejection", onRejection);
    try {
        let exported: StackOutputs | typeof STOPPED | typeof TIMED_OUT;
        try {
            // A program that awaits a value a refused registration never delivers would wait forever.
            exported = await Promise.race([start(), lateErrors().then((): typeof STOPPED => STOPPED), deadline]);
        } catch (e) {
            // The stack program held every registration back and never let it go (stacks/registrationGate.ts):
            // waiting for them would wait forever. Once they have reached the gate (a turn of the event
            // loop), start the runtime afresh for the next run, forgetting them.
            await new Promise(resolve => setImmediate(resolve));
            restartEngine(stack, project);
            return failure(e);
        }
        const waited =
            exported === STOPPED || exported === TIMED_OUT
                ? exported
                : await Promise.race([settle(), lateErrors(), deadline]);
        // A registration refused on the last turn (one nothing else waits for, such as a security
        // group rule taking an Output that failed its check) is reported as unhandled only after
        // the settled RPCs: give it that moment, or the plan would end ok without it.
        await new Promise(resolve => setImmediate(resolve));
        if (failed.crash || asyncErrors.length > 0 || waited === STOPPED || waited === TIMED_OUT) {
            // The stopped registrations would keep every later wait for settled RPCs (the next
            // build or plan in this process) waiting forever: start the runtime afresh.
            restartEngine(stack, project);
            throwIfCrashed();
            if (asyncErrors.length > 0 || waited === STOPPED) return { ok: false, errors: asyncErrors };
            throw new PlanTimeoutError(timeoutMs);
        }
        const outputsOf = exported as StackOutputs;
        let outputs: Record<string, unknown> | typeof TIMED_OUT;
        try {
            // A program's exports are its outputs (the host's rule); a module exporting nothing, or not an object, has none.
            outputs = await Promise.race([
                resolveOutputs(outputsOf !== null && typeof outputsOf === "object" ? outputsOf : {}),
                deadline,
            ]);
        } catch (e) {
            // A stack output checked when it resolves (checkedWhenKnown) is refused like any input.
            const refused = failure(e);
            return refused.ok ? refused : { ok: false, errors: [...asyncErrors, ...refused.errors] };
        }
        if (outputs === TIMED_OUT) {
            restartEngine(stack, project);
            throw new PlanTimeoutError(timeoutMs);
        }
        throwIfCrashed();
        if (asyncErrors.length > 0) return { ok: false, errors: asyncErrors };
        return { ok: true, graph: buildGraph(world), outputs, warnings: distinct(world.warnings) };
    } finally {
        clearTimeout(timer);
        process.off("unhandledRejection", onRejection);
    }
}

/** What the wait for a program's outputs ends with when a late validation error stopped it. */
const STOPPED: unique symbol = Symbol("stopped");
/** What a wait ends with at the plan's deadline. */
const TIMED_OUT: unique symbol = Symbol("timed out");

/** Each warning once per resource, in the order they were logged. */
function distinct(warnings: readonly RecordedWarning[]): RecordedWarning[] {
    const seen = new Set<string>();
    return warnings.filter(w => {
        const key = `${w.resource ?? ""}\n${w.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

function failure(e: unknown): PlanResult {
    if (e instanceof TopologyValidationError) return { ok: false, errors: [asError(e)] };
    throw e;
}

function asError(e: TopologyValidationError): PlanError {
    return { source: e.component, problems: e.problems };
}

/** Resolves every stack output, replacing secret ones (at any depth) by a marker. */
async function resolveOutputs(exported: Record<string, pulumi.Input<unknown>>): Promise<Record<string, unknown>> {
    const entries = await Promise.all(
        // A function the module exports beside its outputs (a helper) is no output.
        Object.entries(exported)
            .filter(([, value]) => typeof value !== "function")
            .map(async ([key, value]) => {
                const out = pulumi.output(value) as pulumi.Output<unknown>;
                const internals = out as unknown as { isSecret: Promise<boolean>; promise(): Promise<unknown> };
                const [secret, resolved] = await Promise.all([internals.isSecret, internals.promise()]);
                return [key, secret ? SECRET_OUTPUT : scrub(resolved)] as const;
            }),
    );
    return Object.fromEntries(entries);
}

function scrub(value: unknown): unknown {
    if (isSecretValue(value)) return SECRET_OUTPUT;
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
        return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrub(v)]));
    }
    return pulumi.Resource.isInstance(value) ? pulumi.resourceName(value) : value;
}
