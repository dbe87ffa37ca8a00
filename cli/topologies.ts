#!/usr/bin/env node
/**
 * `topologies plan --stack <name> [--cwd <dir>] [--json] …`: runs a Pulumi program offline under
 * the mocks (the project's program as it is, or a stack program with `--program`) and prints its
 * resource tree, per-type counts, the deployment's critical path and the stack outputs, or every
 * validation error; it writes the topology diagram (SVG and DOT) and the Kubernetes/Istio
 * manifests to the output directory. `topologies help`, `--help`, `--version`: see ./args.
 *
 * Exit codes: 0 planned; 1 the config or a component rejected its input, or a flow is broken;
 * 2 wrong usage or a failure that is not a validation error (a bug, reported with its stack trace).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TopologyValidationError } from "../components/errors";
import { parseCommand, PlanOptions, packageVersion, UsageError } from "./args";
import { CriticalPath, criticalPath, formatDuration, renderCriticalPath } from "./criticalPath";
import { renderSvg, toDot, TracedFlow } from "./diagram";
import { RecordedWarning, world } from "./engine";
import { CostItem, costItems, renderCosts } from "./costs";
import { FlowResult, hopResources, renderFlows, verifyFlows } from "./flows";
import { manifestsOf } from "./manifests";
import { loadProgram, PlanError, PlanResult, ProgramError, runPlan, StackProgram } from "./plan";
import { runProgram } from "./program";
import { NoProjectError, readProject } from "./project";
import { projectName, readStackConfig } from "./stackConfig";
import { renderSummary, renderTree, summaryOf, treeOf } from "./tree";
import { parentWarnings, PlanWarning } from "./warnings";

export { PLAN_USAGE, USAGE } from "./args";
export type { PlanOptions } from "./args";

/** Where the command writes; tests pass collectors. */
export interface Io {
    out(text: string): void;
    err(text: string): void;
}

function loadProgramOrUsage(module: string): StackProgram {
    try {
        return loadProgram(module);
    } catch (e) {
        throw e instanceof ProgramError ? new UsageError(e.message, "") : e;
    }
}

function renderErrors(errors: readonly PlanError[]): string {
    return errors
        .map(e => {
            const count = e.problems.length === 1 ? "1 problem" : `${e.problems.length} problems`;
            const lines = e.problems.map(p => `  ${p.path}: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`);
            return [`error: ${e.source}: ${count}`, ...lines].join("\n");
        })
        .join("\n");
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
    try {
        const command = parseCommand(argv);
        if (command.kind === "help") {
            io.out(`${command.text}\n`);
            return 0;
        }
        if (command.kind === "version") {
            io.out(`${packageVersion()}\n`);
            return 0;
        }
        return await plan(command.options, io);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        io.err(`topologies: ${e.message}\n${e.usage ? `\n${e.usage}\n` : ""}`);
        return 2;
    }
}

/** Plans the stack the options name; returns the exit code. */
async function plan(options: PlanOptions, io: Io): Promise<number> {
    const started = process.hrtime.bigint();
    const invoked = process.cwd();
    const emit = (doc: Record<string, unknown>) => {
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        if (options.json) io.out(text);
        if (options.jsonFile) {
            fs.mkdirSync(path.dirname(options.jsonFile), { recursive: true });
            fs.writeFileSync(options.jsonFile, text);
        }
    };
    const fail = (errors: readonly PlanError[]): number => {
        // What an earlier plan wrote would pass for this stack's diagram.
        removeOutputs(options.out);
        emit({ stack: options.stack, ok: false, errors });
        if (!options.json) io.err(`${renderErrors(errors)}\n`);
        return 1;
    };
    try {
        let result: PlanResult;
        try {
            // --json promises one document on stdout: the program's console output goes to stderr.
            result = await withStdoutOnStderr(options.json, () => start(options));
        } catch (e) {
            if (e instanceof TopologyValidationError) return fail([{ source: e.component, problems: e.problems }]);
            throw e;
        }
        if (!result.ok) return fail(result.errors);
        // The program's own tree: resources whose parent it forgot (the components' warnings are result.warnings).
        const treeWarnings = parentWarnings(world);
        const verifying = process.hrtime.bigint();
        const flows = await verifyFlows(world);
        const flowsMs = Math.round(Number(process.hrtime.bigint() - verifying) / 1e6);

        const tree = treeOf(result.graph);
        const summary = summaryOf(result.graph);
        const costs = costItems(world.resources);
        const path_ = criticalPath(result.graph);
        const files = (await writeFiles(options, result.graph, traceOf(options.trace, flows), flows)).map(f =>
            shown(f, invoked),
        );
        const elapsedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
        const broken = flows.filter(f => !f.ok);
        const flowsOk = broken.length === 0 || options.warnFlows;
        if (options.json || options.jsonFile) {
            emit({
                stack: options.stack,
                ok: flowsOk,
                tree,
                summary,
                criticalPath: path_,
                flows,
                costs,
                warnings: result.warnings,
                treeWarnings,
                outputs: result.outputs,
                files,
                elapsedMs,
                flowsMs,
            });
        }
        if (!options.json) {
            io.out(
                renderText(
                    options.stack,
                    tree,
                    summary,
                    path_,
                    flows,
                    costs,
                    result.warnings,
                    result.outputs,
                    files,
                    elapsedMs,
                ),
            );
        }
        for (const w of treeWarnings) io.err(renderTreeWarning(w));
        if (broken.length > 0) {
            io.err(
                `topologies: ${broken.length} of ${flows.length} flows are broken: ${broken.map(f => f.name).join("; ")}${options.warnFlows ? " (a warning: --warn-flows)" : ""}\n`,
            );
        }
        return flowsOk ? 0 : 1;
    } catch (e) {
        if (e instanceof UsageError) {
            io.err(`topologies: ${e.message}\n`);
            return 2;
        }
        const failure = e instanceof Error ? e.message : String(e);
        // --json callers (CI summaries) parse stdout (or the --json-file): give them the failure there too.
        emit({ stack: options.stack, ok: false, failure });
        io.err(
            `topologies: the plan failed with an error that is not a validation error:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
        );
        return 2;
    }
}

/**
 * Reads the stack's config and runs the program: the stack program `--program` names, or the
 * Pulumi program of the project in `--cwd` (or above it).
 */
async function start(options: PlanOptions): Promise<PlanResult> {
    if (options.program !== undefined) {
        const stacksDir = options.stacksDir ?? path.dirname(options.program);
        const project = projectName(stacksDir);
        const config = readStackConfig(stacksDir, options.stack, project, { resolveFrom: [stacksDir] });
        return runPlan(loadProgramOrUsage(options.program), config.raw, options.stack, config.providerConfig, project);
    }
    let project: ReturnType<typeof readProject>;
    try {
        project = readProject(options.cwd);
    } catch (e) {
        throw e instanceof NoProjectError ? new UsageError(e.message, "") : e;
    }
    const config = readStackConfig(options.stacksDir ?? project.stacksDir, options.stack, project.name, {
        anyNamespace: true,
        defaults: project.config,
        resolveFrom: [project.dir],
    });
    try {
        return await runProgram(project, options.stack, config.allConfig);
    } catch (e) {
        throw e instanceof ProgramError ? new UsageError(e.message, "") : e;
    }
}

/** Runs `run` with anything written to stdout (console.log of the program) sent to stderr, when `redirect`. */
async function withStdoutOnStderr<T>(redirect: boolean, run: () => Promise<T>): Promise<T> {
    if (!redirect) return run();
    const write = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    try {
        return await run();
    } finally {
        process.stdout.write = write;
    }
}

/** A written file as the user reads it: relative to where the command was started when inside it. */
function shown(file: string, invoked: string): string {
    const relative = path.relative(invoked, file);
    return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** A warning about the program's tree, on stderr. */
function renderTreeWarning(w: PlanWarning): string {
    return `warning: ${w.message}\n  Fix: ${w.fix}\n`;
}

/** The flow `--trace` names, as the diagram draws it; a usage error naming the flows when none matches. */
function traceOf(text: string | undefined, flows: readonly FlowResult[]): TracedFlow | undefined {
    if (text === undefined) return undefined;
    const flow = flows.find(f => f.name.includes(text));
    if (!flow)
        throw new UsageError(
            `--trace: no flow's name contains '${text}'; the flows are: ${flows.map(f => f.name).join("; ") || "(none)"}`,
        );
    return tracedFlow(flow);
}

function tracedFlow(flow: FlowResult): TracedFlow {
    return {
        name: flow.name,
        resources: hopResources(flow.hops),
        ok: flow.ok,
        stoppedAt: flow.break
            ? `${flow.break.hop.resource || flow.break.hop.kind}: ${flow.break.hop.detail}`
            : undefined,
    };
}

async function writeFiles(
    options: PlanOptions,
    graph: Parameters<typeof toDot>[0],
    trace?: TracedFlow,
    flows: readonly FlowResult[] = [],
): Promise<string[]> {
    fs.mkdirSync(options.out, { recursive: true });
    const written: string[] = [];
    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        written.push(file);
    };
    // Outputs of an earlier run that this one does not write (the SVG under --no-diagram, the
    // manifests of a cluster the stack no longer has) would pass for this plan's: start afresh.
    removeOutputs(options.out);
    const dot = toDot(graph, `stack ${options.stack}`, trace);
    write(path.join(options.out, "diagram.dot"), dot);
    if (options.diagram) write(path.join(options.out, "diagram.svg"), await renderSvg(dot));
    // One picture per flow (--flows), each with the flow's path outlined.
    if (options.flows && options.diagram) {
        for (const [i, flow] of flows.entries()) {
            const slug = flow.name
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, "-")
                .replace(/^-|-$/g, "")
                .slice(0, 60);
            const svg = await renderSvg(toDot(graph, `stack ${options.stack}`, tracedFlow(flow)));
            write(path.join(options.out, OUTPUTS.flows, `${String(i + 1).padStart(2, "0")}-${slug}.svg`), svg);
        }
    }
    for (const m of manifestsOf(graph)) write(path.join(options.out, OUTPUTS.manifests, m.file), m.yaml);
    return written;
}

/** What the plan writes into the output directory; nothing else there is touched. */
const OUTPUTS = { svg: "diagram.svg", dot: "diagram.dot", manifests: "manifests", flows: "flows" } as const;

/** Removes what an earlier plan wrote to `out` (only the plan's own files: `--out` may be any directory). */
function removeOutputs(out: string): void {
    for (const name of Object.values(OUTPUTS)) fs.rmSync(path.join(out, name), { recursive: true, force: true });
}

/** A multi-line output (a rendered script) as its first line and its length; `--json` has it whole. */
function oneLine(text: string): string {
    const lines = text.split("\n");
    return lines.length > 1 ? `${lines[0]} … (${lines.length} lines; --json prints it whole)` : text;
}

/** One warning, named by the resource it is about. */
function renderWarning(w: RecordedWarning): string {
    return `  ⚠ ${w.resource ? `${w.resource}: ` : ""}${w.message}`;
}

function renderText(
    stack: string,
    tree: ReturnType<typeof treeOf>,
    summary: Record<string, number>,
    path_: CriticalPath,
    flows: readonly FlowResult[],
    costs: readonly CostItem[],
    warnings: readonly RecordedWarning[],
    outputs: Record<string, unknown>,
    files: string[],
    elapsedMs: number,
): string {
    const outputLines = Object.entries(outputs).map(
        ([k, v]) => `  ${k}: ${typeof v === "string" ? oneLine(v) : JSON.stringify(v)}`,
    );
    return [
        `Plan of stack '${stack}' (offline, mocked cloud)`,
        "",
        renderTree(tree),
        "",
        "Resources per type:",
        renderSummary(summary),
        "",
        `Critical path (longest chain of creations, ≈ ${formatDuration(path_.totalSeconds)}):`,
        renderCriticalPath(path_),
        "",
        `Flows (✓ as intended, ✓? rests on an unconfirmed rule, ? cannot be checked offline, ✗ broken): ${flows.filter(f => f.ok && f.verified).length} of ${flows.length} as intended`,
        renderFlows(flows),
        "",
        "Subscriptions and what pulumi destroy leaves:",
        renderCosts(costs),
        "",
        "Warnings (pulumi up prints them too):",
        ...(warnings.length > 0 ? warnings.map(renderWarning) : ["  (none)"]),
        "",
        "Outputs:",
        ...(outputLines.length > 0 ? outputLines : ["  (none)"]),
        "",
        "Wrote:",
        ...files.map(f => `  ${f}`),
        "",
        `Planned in ${(elapsedMs / 1000).toFixed(2)} s.`,
        "",
    ].join("\n");
}

/**
 * Runs the command on this process's arguments and exits with its code (the `bin` entry). Output
 * goes through the stdout stream's own `write`, taken now: under `--json` the program's
 * console output is sent to stderr while it runs, and the document must still reach stdout.
 */
export function run(): void {
    const write = process.stdout.write.bind(process.stdout);
    main(process.argv.slice(2), { out: t => write(t), err: t => process.stderr.write(t) })
        // The mocked runtime keeps handles open; leave once the output is flushed.
        .then(code => write("", () => process.exit(code)));
}

if (require.main === module) run();
