/**
 * The command line of `topologies`: its commands (`plan`, `help`, `version`), the options of
 * `plan`, and the usage texts, with a did-you-mean for a misspelt command or option.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { closestSpelling } from "../components/checks";

/** Parsed options of `topologies plan`; every path is absolute. */
export interface PlanOptions {
    /** Stack name as `pulumi.getStack()` answers it (the last part of `org/project/stack`). */
    stack: string;
    /** Where the command runs as if started there (`--cwd`): the project's directory or one below it. */
    cwd: string;
    json: boolean;
    /** Also write the JSON document to this file. */
    jsonFile?: string;
    /** Output directory. Default: `<cwd>/out/<stack>`. */
    out: string;
    /** A stack program module (`loadStackConfig` + `buildStack`). Default: none, the project's Pulumi program. */
    program?: string;
    /** Directory of the `Pulumi.<stack>.yaml` files. Default: the project's (`stackConfigDir`), or the stack program's directory. */
    stacksDir?: string;
    /** Write the SVG (the slowest step). Default: true. */
    diagram: boolean;
    /** Report a broken flow as a warning and exit 0. Default: false (exit 1). */
    warnFlows: boolean;
    /** Draw the path of the first flow whose name contains this text. Default: none. */
    trace?: string;
    /** Also draw each flow's path, one SVG per flow under `<out>/flows/`. Default: false. */
    flows: boolean;
}

/** What the command line asks for. */
export type Command =
    | { readonly kind: "help"; readonly text: string }
    | { readonly kind: "version" }
    | { readonly kind: "plan"; readonly options: PlanOptions };

/** Wrong usage: exit code 2, with the usage of `usage` (the command's, or the general one). */
export class UsageError extends Error {
    constructor(
        message: string,
        readonly usage: string = USAGE,
    ) {
        super(message);
    }
}

const EXIT_CODES = `Exit codes:
  0  planned (or help, version printed)
  1  the config or a component rejected its input, or a flow is broken (unless --warn-flows)
  2  wrong usage, or a failure that is not a validation error (printed with its stack trace)`;

/** `topologies --help`. */
export const USAGE = `usage: topologies <command> [options]

Plans Pulumi programs offline: a mocked cloud, no credentials, no Pulumi CLI, no network.

Commands:
  plan       plan a stack: its resource tree, flows, diagram, costs and outputs
  help       print this help, or a command's: topologies help plan
  version    print the version of pulumi-topologies

Options:
  -h, --help     print this help
  --version      print the version

${EXIT_CODES}`;

/** `topologies plan --help`. */
export const PLAN_USAGE = `usage: topologies plan --stack <name> [--cwd <dir>] [--json] [--json-file <path>] [--out <dir>]
                       [--no-diagram] [--warn-flows] [--trace <flow>] [--flows] [--program <module> [--stacks-dir <dir>]]

Runs the Pulumi program of the project (Pulumi.yaml in --cwd or above: its main, TypeScript or
JavaScript, as it is) with the stack's config (Pulumi.<stack>.yaml; secure: values become secrets
shown as [secret]) offline, and prints the resource tree, the count per type, the deployment's
critical path, the flows every component declares (each walked through the planned routes and
security groups), the subscriptions and what pulumi destroy leaves, warnings about resources
without their parent, and the stack outputs; writes <out>/diagram.svg, <out>/diagram.dot and
<out>/manifests/*.yaml (and removes those of an earlier run it does not write again).

  --stack <name>        stack to plan: reads Pulumi.<name>.yaml from the project's stackConfigDir
  -C, --cwd <dir>       run as if started in <dir> (default: the current directory)
  --json                print the plan (or the errors) as one JSON document on stdout; the
                        program's own console output goes to stderr. Through npm, keep npm's
                        banner off stdout: npm run -s plan -- --json
  --json-file <path>    also write that JSON document to <path>
  --out <dir>           where files go (default out/<stack>)
  --no-diagram          skip the SVG (the DOT file is still written)
  --warn-flows          a flow that is broken (an intended flow unreachable, a blocked flow open)
                        is a warning, not exit code 1
  --trace <flow>        outline on the diagram the resources the first flow whose name contains
                        <flow> crosses, listing every hop (routes and rules are not drawn)
  --flows               also write <out>/flows/<n>-<flow>.svg: the diagram with each flow's path
  --program <module>    run a stack program instead, a module exporting loadStackConfig(raw)
                        and buildStack(config, opts) (this repository's: stacks/program)
  --stacks-dir <dir>    where the stack files are (default: the project's, or the stack
                        program's directory)
  -h, --help            print this help

${EXIT_CODES}`;

const FLAGS = ["--json", "--no-diagram", "--warn-flows", "--flows"];
const VALUED = ["--stack", "--cwd", "--json-file", "--out", "--program", "--stacks-dir", "--trace"];
const ALIASES: Record<string, string> = { "-C": "--cwd" };
const HELP = ["-h", "--help"];
const COMMANDS = ["plan", "help", "version"];

/** Parses the whole command line; throws a {@link UsageError} on anything unexpected. */
export function parseCommand(argv: readonly string[], cwd = process.cwd()): Command {
    const [command, ...rest] = argv;
    if (command === undefined) throw new UsageError("no command given");
    if (HELP.includes(command)) return { kind: "help", text: USAGE };
    if (command === "--version" || command === "version") return { kind: "version" };
    if (command === "help") {
        if (rest.length === 0) return { kind: "help", text: USAGE };
        if (rest[0] === "plan") return { kind: "help", text: PLAN_USAGE };
        throw new UsageError(`no help on '${rest[0]}'${didYouMean(rest[0], COMMANDS)}`);
    }
    if (command !== "plan") throw new UsageError(`unknown command '${command}'${didYouMean(command, COMMANDS)}`);
    if (rest.some(arg => HELP.includes(arg))) return { kind: "help", text: PLAN_USAGE };
    return { kind: "plan", options: parsePlanArgs(rest, cwd) };
}

function didYouMean(word: string, known: readonly string[]): string {
    const guess = closestSpelling(word, known);
    return guess ? `; did you mean '${guess}'?` : "";
}

/** Parses the arguments after `plan`. */
function parsePlanArgs(args: readonly string[], invoked: string): PlanOptions {
    const values: Record<string, string> = {};
    const flags = new Set<string>();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const [written, inline] = arg.includes("=")
            ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
            : [arg, undefined];
        const flag = ALIASES[written] ?? written;
        if (FLAGS.includes(flag)) flags.add(flag);
        else if (VALUED.includes(flag)) {
            const value = inline ?? args[++i];
            if (value === undefined || value.startsWith("--"))
                throw new UsageError(`${written} needs a value`, PLAN_USAGE);
            values[flag] = value;
        } else
            throw new UsageError(
                `unknown option '${arg}'${didYouMean(written, [...FLAGS, ...VALUED, ...HELP])}`,
                PLAN_USAGE,
            );
    }
    if (!values["--stack"]) throw new UsageError("--stack <name> is required", PLAN_USAGE);
    const cwd = path.resolve(invoked, values["--cwd"] ?? ".");
    if (!fs.existsSync(cwd) || !fs.statSync(cwd).isDirectory())
        throw new UsageError(`--cwd: ${cwd} is not a directory`, PLAN_USAGE);
    const at = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
    // `pulumi` takes `org/project/stack`; the stack file and getStack() use the stack's own name.
    const stack = values["--stack"].split("/").pop()!;
    return {
        stack,
        cwd,
        json: flags.has("--json"),
        jsonFile: at(values["--json-file"]),
        out: at(values["--out"]) ?? path.join(cwd, "out", stack),
        program: at(values["--program"]),
        stacksDir: at(values["--stacks-dir"]),
        diagram: !flags.has("--no-diagram"),
        warnFlows: flags.has("--warn-flows"),
        flows: flags.has("--flows"),
        trace: values["--trace"],
    };
}

/** The version of the installed pulumi-topologies: its package.json, found above this file (cli/ or dist/cli/). */
export function packageVersion(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            const json = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (json.name === "pulumi-topologies" && json.version) return json.version;
        }
        if (path.dirname(dir) === dir) throw new Error("the package.json of pulumi-topologies was not found");
    }
}
