/**
 * The shipped stack files under fuzz, through what `topologies plan` runs (`runPlan` over the
 * stack program): each try mutates one value of the stack's `topologies:*` config as a stack
 * file could write it (plain JSON: what the Pulumi CLI hands the program), plans it, and sorts
 * the outcome into the fuzz table's classes, as the command's exit code would tell them:
 * - refused (exit 1): every problem has a path and a message, and nothing reached the engine;
 * - built (exit 0): planned, and no registered resource input carries nonsense;
 * - crashed (exit 2): the plan failed other than with a validation error;
 * - hung: no answer in time;
 * - late: refused after resources were registered (a plain stack value is checked before);
 * - nonsense: planned with nonsense in a resource input, or refused without saying where or why.
 */
import * as path from "node:path";
import * as fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { world } from "../../cli/engine";
import { loadProgram, PlanResult, PlanTimeoutError, runPlan, StackProgram } from "../../cli/plan";
import { configText, readStackConfig, StackConfig } from "../../cli/stackConfig";
import { configValue, setConfigKey } from "../../cli/configValue";
import { Mutation, applyMutation, markerOf } from "./mutations";
import { Fuzzable, TryResult, firstLine, nonsenseIn } from "./runner";

const STACKS_DIR = path.resolve(__dirname, "..", "..", "stacks");

/** Where the stack files and their program are, and how long a plan may take. Default: the shipped ones. */
export interface StackFuzzOptions {
    readonly stacksDir?: string;
    /** The stack program module. Default: `<stacksDir>/program`. */
    readonly program?: string;
    /** A plan takes well under a second; one without an answer in this long is stuck. Default: 8 s. */
    readonly hangMs?: number;
}

/**
 * Keys whose value is checked against the cloud's answer to a lookup, which comes only during
 * the deployment (the demo servers' image: `getImages` for the name and the instance type), so
 * a refusal of them after other resources were registered is in time, not late.
 */
const CHECKED_AGAINST_THE_CLOUD = /\.servers\.(imageNameRegex|instanceType)$/;

/** A problem says where: a config key (`<namespace>:<key>`), or `config`, the stack's config as a whole. */
const CONFIG_KEY = /^(?:[a-z][a-zA-Z0-9-]*:[^\s]|config$)/;

/** Shipped stacks, smallest plan first: the bounded run takes the first few. */
export const STACK_FILES = [
    "multi-eip",
    "dual-stack-alb",
    "cross-region-alb",
    "fargate",
    "mesh-failover",
    "dev",
    "prod",
] as const;

/** True for a value a stack file can hold: what JSON can say (YAML's `.nan` and `.inf` do not survive the CLI's JSON). */
function isStackValue(value: unknown): boolean {
    if (value === null || typeof value === "string" || typeof value === "boolean") return true;
    if (typeof value === "number") return Number.isFinite(value);
    if (Array.isArray(value)) return value.every(isStackValue);
    if (typeof value === "object" && !pulumi.Output.isInstance(value))
        return Object.values(value as object).every(isStackValue);
    return false;
}

/**
 * The mutated config as a deployment hands it to the program (stacks/index.ts): the Pulumi CLI
 * gives each key's value as text (a string as it is, anything else as JSON), which the program
 * reads back with the same `configValue`, each key an own property (`__proto__` included).
 */
function asDelivered(raw: Record<string, unknown>): Record<string, unknown> {
    const delivered: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
        setConfigKey(delivered, key, configValue(configText(value)));
    }
    return delivered;
}

/** Plans the stack file `config` with `mutation` applied and classifies the outcome. */
async function planTry(
    config: StackConfig,
    program: StackProgram,
    mutation: Mutation | undefined,
    hangMs: number,
): Promise<TryResult> {
    const raw = asDelivered(mutation ? applyMutation(config.raw, mutation) : config.raw);
    let result: PlanResult;
    try {
        // The plan's own deadline: on it, the plan removes its listener and restarts the engine.
        result = await runPlan(program, raw, config.stack, config.providerConfig, undefined, hangMs);
    } catch (e) {
        if (e instanceof PlanTimeoutError) return { outcome: "hung", detail: `no plan in ${hangMs / 1000} s` };
        return { outcome: "crashed", detail: firstLine(e) };
    }
    const registered = world.resources.filter(r => r.registered);
    if (!result.ok) {
        const problems = result.errors.flatMap(e => e.problems);
        const unclear = problems.find(p => !CONFIG_KEY.test(p.path) || !p.message);
        if (problems.length === 0 || unclear)
            return { outcome: "nonsense", detail: `refused without a key or message: ${JSON.stringify(unclear)}` };
        if (registered.length > 0 && !problems.every(p => CHECKED_AGAINST_THE_CLOUD.test(p.path)))
            return { outcome: "late", detail: `${problems[0].path} refused after ${registered.length} registrations` };
        return { outcome: "refused", detail: problems.map(p => p.path).join(", ") };
    }
    // What reached the engine: registrations, data-source lookups and the stack outputs.
    const marker = mutation ? markerOf(mutation) : undefined;
    const seen: Array<[string, unknown]> = [
        ...registered.map((r): [string, unknown] => [`${r.type} '${r.name}'`, r.inputs]),
        ...world.calls.map((c): [string, unknown] => [`lookup ${c.token}`, c.inputs]),
        ["the stack outputs", result.outputs],
    ];
    for (const [at, value] of seen) {
        const found = nonsenseIn(value, marker, at);
        if (found) return { outcome: "nonsense", detail: found };
    }
    return { outcome: "built", detail: `${registered.length} resources` };
}

/** A shipped stack file as a {@link Fuzzable}; its row in the fuzz table is `stack:<name>`. */
export function stackFuzzable(
    stack: string,
    { stacksDir = STACKS_DIR, program = path.join(stacksDir, "program"), hangMs = 8000 }: StackFuzzOptions = {},
): Fuzzable {
    // Read and loaded on the first try, once for every try after it.
    let loaded: { config: StackConfig; program: StackProgram } | undefined;
    const load = () =>
        (loaded ??= { config: readStackConfig(stacksDir, stack, "topologies"), program: loadProgram(program) });
    return {
        name: `stack:${stack}`,
        baseArgs: async () => load().config.raw,
        tryWith: mutation => planTry(load().config, load().program, mutation, hangMs),
        accepts: mutation => {
            // A config key is `topologies:<key>`: an empty key cannot be written.
            const key = mutation.kind === "renameKey" ? mutation.to : mutation.kind === "addKey" ? mutation.key : "x";
            const topLevel = mutation.kind === "addKey" ? mutation.path.length === 0 : mutation.path.length === 1;
            if (topLevel && key === "") return false;
            return mutation.kind !== "set" || isStackValue(mutation.value);
        },
        randomValues: fc.jsonValue(),
    };
}
