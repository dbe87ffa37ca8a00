#!/usr/bin/env node
/**
 * `topologies plan --stack <name> [--json] [--out <dir>]`: runs a stack program offline under the
 * mocks and prints its resource tree, per-type counts, the deployment's critical path and the
 * stack outputs, or every validation error; it writes the topology diagram (SVG and DOT) and the
 * Kubernetes/Istio manifests to the output directory.
 *
 * Exit codes: 0 planned; 1 the config or a component rejected its input; 2 wrong usage or a
 * failure that is not a validation error (a bug, reported with its stack trace).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TopologyValidationError } from "../components/errors";
import { CriticalPath, criticalPath, formatDuration, renderCriticalPath } from "./criticalPath";
import { renderSvg, toDot, TracedFlow } from "./diagram";
import { world } from "./engine";
import { CostItem, costItems, renderCosts } from "./costs";
import { FlowResult, hopResources, renderFlows, verifyFlows } from "./flows";
import { manifestsOf } from "./manifests";
import { loadProgram, PlanError, ProgramError, runPlan, StackProgram } from "./plan";
import { projectName, readStackConfig, StackConfig } from "./stackConfig";
import { renderSummary, renderTree, summaryOf, treeOf } from "./tree";

/** Where the command writes; tests pass collectors. */
export interface Io {
    out(text: string): void;
    err(text: string): void;
}

/** Parsed options of `topologies plan`. */
export interface PlanOptions {
    stack: string;
    json: boolean;
    /** Output directory. Default: `out/<stack>`. */
    out: string;
    /** Stack program module. Default: `stacks/program`. */
    program: string;
    /** Directory of the `Pulumi.<stack>.yaml` files. Default: the program's directory. */
    stacksDir: string;
    /** Write the SVG (the slowest step). Default: true. */
    diagram: boolean;
    /** Report a broken flow as a warning and exit 0. Default: false (exit 1). */
    warnFlows: boolean;
    /** Draw the path of the first flow whose name contains this text. Default: none. */
    trace?: string;
    /** Also draw each flow's path, one SVG per flow under `<out>/flows/`. Default: false. */
    flows: boolean;
}

export const USAGE = `usage: topologies plan --stack <name> [--json] [--out <dir>] [--program <module>] [--stacks-dir <dir>] [--no-diagram] [--warn-flows] [--trace <flow>] [--flows]

Runs the stack program offline (mocked cloud, no credentials, no Pulumi CLI) and prints the
resource tree, the count per type, the deployment's critical path, the flows every component
declares (each walked through the planned routes and security groups), the subscriptions and what
pulumi destroy leaves, and the stack outputs; writes <out>/diagram.svg, <out>/diagram.dot and
<out>/manifests/*.yaml.

  --stack <name>       stack to plan: reads <stacks-dir>/Pulumi.<name>.yaml
  --json               print the plan (or the errors) as one JSON document
  --out <dir>          where files go (default out/<stack>)
  --program <module>   stack program exporting loadStackConfig and buildStack (default stacks/program)
  --stacks-dir <dir>   where the stack files are (default: the program's directory)
  --no-diagram         skip the SVG (the DOT file is still written)
  --warn-flows         a flow that is broken (an intended flow unreachable, a blocked flow open)
                       is a warning, not exit code 1
  --trace <flow>       outline on the diagram the resources the first flow whose name contains
                       <flow> crosses, listing every hop (routes and rules are not drawn)
  --flows              also write <out>/flows/<n>-<flow>.svg: the diagram with each flow's path

Exit codes: 0 planned, 1 validation or config errors or a broken flow, 2 usage error or internal failure.`;

class UsageError extends Error {}

function loadProgramOrUsage(module: string): StackProgram {
    try {
        return loadProgram(module);
    } catch (e) {
        throw e instanceof ProgramError ? new UsageError(e.message) : e;
    }
}

/** Parses `plan …` arguments; throws a usage error on anything unexpected. */
export function parseArgs(argv: readonly string[]): PlanOptions {
    const [command, ...rest] = argv;
    if (command !== "plan")
        throw new UsageError(command === undefined ? "no command given" : `unknown command '${command}'`);
    const values: Record<string, string> = {};
    const flags = new Set<string>();
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const [flag, inline] = arg.includes("=")
            ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
            : [arg, undefined];
        if (flag === "--json" || flag === "--no-diagram" || flag === "--warn-flows" || flag === "--flows")
            flags.add(flag);
        else if (["--stack", "--out", "--program", "--stacks-dir", "--trace"].includes(flag)) {
            const value = inline ?? rest[++i];
            if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
            values[flag] = value;
        } else throw new UsageError(`unknown option '${arg}'`);
    }
    if (!values["--stack"]) throw new UsageError("--stack <name> is required");
    const program = values["--program"] ?? path.join("stacks", "program");
    return {
        stack: values["--stack"],
        json: flags.has("--json"),
        out: values["--out"] ?? path.join("out", values["--stack"]),
        program,
        stacksDir: values["--stacks-dir"] ?? path.dirname(program),
        diagram: !flags.has("--no-diagram"),
        warnFlows: flags.has("--warn-flows"),
        trace: values["--trace"],
        flows: flags.has("--flows"),
    };
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
    let options: PlanOptions;
    try {
        options = parseArgs(argv);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        io.err(`topologies: ${e.message}\n\n${USAGE}\n`);
        return 2;
    }
    const started = process.hrtime.bigint();
    const fail = (errors: readonly PlanError[]): number => {
        if (options.json) io.out(`${JSON.stringify({ stack: options.stack, ok: false, errors }, null, 2)}\n`);
        else io.err(`${renderErrors(errors)}\n`);
        return 1;
    };
    try {
        let stackConfig: StackConfig;
        const project = projectName(options.stacksDir);
        try {
            stackConfig = readStackConfig(options.stacksDir, options.stack, project);
        } catch (e) {
            if (e instanceof TopologyValidationError) return fail([{ source: e.component, problems: e.problems }]);
            throw e;
        }
        const result = await runPlan(
            loadProgramOrUsage(options.program),
            stackConfig.raw,
            options.stack,
            stackConfig.providerConfig,
            project,
        );
        if (!result.ok) return fail(result.errors);
        const verifying = process.hrtime.bigint();
        const flows = await verifyFlows(world);
        const flowsMs = Math.round(Number(process.hrtime.bigint() - verifying) / 1e6);

        const tree = treeOf(result.graph);
        const summary = summaryOf(result.graph);
        const costs = costItems(world.resources);
        const path_ = criticalPath(result.graph);
        const files = await writeFiles(options, result.graph, traceOf(options.trace, flows), flows);
        const elapsedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
        const broken = flows.filter(f => !f.ok);
        const flowsOk = broken.length === 0 || options.warnFlows;
        if (options.json) {
            io.out(
                `${JSON.stringify({ stack: options.stack, ok: flowsOk, tree, summary, criticalPath: path_, flows, costs, outputs: result.outputs, files, elapsedMs, flowsMs }, null, 2)}\n`,
            );
        } else {
            io.out(renderText(options.stack, tree, summary, path_, flows, costs, result.outputs, files, elapsedMs));
        }
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
        // --json callers (CI summaries) parse stdout: give them the failure there too.
        if (options.json) io.out(`${JSON.stringify({ stack: options.stack, ok: false, failure })}\n`);
        io.err(
            `topologies: the plan failed with an error that is not a validation error:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
        );
        return 2;
    }
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
    const dot = toDot(graph, `stack ${options.stack}`, trace);
    write(path.join(options.out, "diagram.dot"), dot);
    if (options.diagram) write(path.join(options.out, "diagram.svg"), await renderSvg(dot));
    // One picture per flow; those of a previous run (other flows, other names) would mislead.
    const flowsDir = path.join(options.out, "flows");
    fs.rmSync(flowsDir, { recursive: true, force: true });
    if (options.flows && options.diagram) {
        for (const [i, flow] of flows.entries()) {
            const slug = flow.name
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, "-")
                .replace(/^-|-$/g, "")
                .slice(0, 60);
            const svg = await renderSvg(toDot(graph, `stack ${options.stack}`, tracedFlow(flow)));
            write(path.join(flowsDir, `${String(i + 1).padStart(2, "0")}-${slug}.svg`), svg);
        }
    }
    const manifestsDir = path.join(options.out, "manifests");
    // Stale manifests of a cluster the stack no longer has would mislead; start afresh.
    fs.rmSync(manifestsDir, { recursive: true, force: true });
    for (const m of manifestsOf(graph)) write(path.join(manifestsDir, m.file), m.yaml);
    return written;
}

/** A multi-line output (a rendered script) as its first line and its length; `--json` has it whole. */
function oneLine(text: string): string {
    const lines = text.split("\n");
    return lines.length > 1 ? `${lines[0]} … (${lines.length} lines; --json prints it whole)` : text;
}

function renderText(
    stack: string,
    tree: ReturnType<typeof treeOf>,
    summary: Record<string, number>,
    path_: CriticalPath,
    flows: readonly FlowResult[],
    costs: readonly CostItem[],
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

if (require.main === module) {
    main(process.argv.slice(2), { out: t => process.stdout.write(t), err: t => process.stderr.write(t) })
        // The mocked runtime keeps handles open; leave once the output is flushed.
        .then(code => process.stdout.write("", () => process.exit(code)));
}
