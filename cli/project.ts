/**
 * A Pulumi project as the Pulumi CLI and its Node.js host find it: `Pulumi.yaml` in the directory
 * or the nearest one above, the program its `main` names (or the package's entry point, or the
 * directory's index), where its stack files are (`stackConfigDir`), and its project-level config.
 * Sources: the project file reference, https://www.pulumi.com/docs/iac/concepts/projects/project-file/
 * (name, runtime and its `typescript` option, main, stackConfigDir, config); the host's entry
 * point rules, @pulumi/pulumi cmd/run/run.js (`main` or ".", then package.json `exports` /
 * `main`, then the directory; `type: module` imports instead of requiring).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Problems } from "../components/errors";
import { readYamlFile } from "./stackConfig";

/** A project to plan. */
export interface PulumiProject {
    /** The directory of `Pulumi.yaml`, where the program runs (the host's working directory). */
    readonly dir: string;
    /** Path of `Pulumi.yaml`. */
    readonly file: string;
    /** `name`: the project's config namespace and what `pulumi.getProject()` answers. */
    readonly name: string;
    /** `runtime.options.typescript` (default true): whether `.ts` files are transpiled on load. */
    readonly typescript: boolean;
    /** The module to load: a file, or a directory Node resolves (its package.json `main`, its index). */
    readonly main: string;
    /** The package is an ES module (`"type": "module"`): the host imports it instead of requiring it. */
    readonly esm: boolean;
    /** Where the `Pulumi.<stack>.yaml` files are (`stackConfigDir`, default the project's directory). */
    readonly stacksDir: string;
    /** Project-level config values, `namespace:key` → value: the defaults of every stack. */
    readonly config: Readonly<Record<string, unknown>>;
}

/** No `Pulumi.yaml` in the directory or above: the command was run in the wrong place. */
export class NoProjectError extends Error {}

/** `Pulumi.yaml` (or `.yml`) in `dir` or the nearest directory above that has one. */
export function findProjectFile(dir: string): string | undefined {
    for (let at = path.resolve(dir); ; at = path.dirname(at)) {
        const file = ["Pulumi.yaml", "Pulumi.yml"].map(f => path.join(at, f)).find(f => fs.existsSync(f));
        if (file) return file;
        if (path.dirname(at) === at) return undefined;
    }
}

/**
 * Reads the project `dir` belongs to. Throws a {@link NoProjectError} when there is none, and a
 * {@link TopologyValidationError} naming the file for a project file it cannot plan.
 */
export function readProject(dir: string): PulumiProject {
    const file = findProjectFile(dir);
    if (!file) {
        throw new NoProjectError(
            `there is no Pulumi.yaml in ${path.resolve(dir)} or above it. Run topologies plan in a Pulumi project's directory, or pass --cwd <project directory> (or --program <module> for a stack program).`,
        );
    }
    const projectDir = path.dirname(file);
    const source = `project (${file})`;
    const body = readYamlFile(file, source);
    const problems = new Problems();
    const name = typeof body.name === "string" && body.name !== "" ? body.name : undefined;
    if (!name) problems.add("name", "is missing.", "Name the project: 'name: <project>'.");
    const runtime = body.runtime;
    const runtimeName =
        typeof runtime === "object" && runtime !== null ? (runtime as { name?: unknown }).name : runtime;
    const options = (
        typeof runtime === "object" && runtime !== null ? (runtime as { options?: unknown }).options : {}
    ) as Record<string, unknown> | undefined;
    if (runtimeName !== "nodejs") {
        problems.add(
            "runtime",
            `is ${JSON.stringify(runtimeName)}: topologies plan runs Node.js programs (TypeScript or JavaScript) only.`,
            "Plan a project whose runtime is nodejs.",
        );
    }
    const stacksDir = path.resolve(projectDir, typeof body.stackConfigDir === "string" ? body.stackConfigDir : ".");
    const pkg = packageOf(projectDir);
    const esm = pkg?.json.type === "module";
    let main = path.resolve(projectDir, typeof body.main === "string" ? body.main : ".");
    if (typeof body.main === "string" && !fs.existsSync(main)) {
        problems.add("main", `names ${main}, which does not exist.`, "Point main at the program's file or directory.");
    } else if (typeof body.main !== "string" && pkg) {
        main = packageEntry(pkg.dir, pkg.json) ?? main;
    }
    problems.throwIfAny(source);
    return {
        dir: projectDir,
        file,
        name: name!,
        typescript: options?.typescript !== false,
        main: esm ? esmEntry(main) : main,
        esm,
        stacksDir,
        config: projectConfig(body.config, name!),
    };
}

/** The nearest package.json at or above `dir`, as the host finds the program's package. */
function packageOf(dir: string): { dir: string; json: Record<string, unknown> } | undefined {
    for (let at = dir; ; at = path.dirname(at)) {
        const file = path.join(at, "package.json");
        if (fs.existsSync(file)) {
            try {
                return { dir: at, json: JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown> };
            } catch {
                return undefined;
            }
        }
        if (path.dirname(at) === at) return undefined;
    }
}

/** The entry point package.json declares (`exports`, then `main`), as the host reads it without a `main` in Pulumi.yaml. */
function packageEntry(dir: string, json: Record<string, unknown>): string | undefined {
    const exports = json.exports;
    let entry: unknown;
    if (typeof exports === "string") entry = exports;
    else if (typeof exports === "object" && exports !== null) {
        const root = (exports as Record<string, unknown>)["."];
        entry =
            typeof root === "string"
                ? root
                : typeof root === "object" && root !== null
                  ? ((root as Record<string, unknown>).default ??
                    (root as Record<string, unknown>).require ??
                    (root as Record<string, unknown>).import)
                  : undefined;
    } else entry = json.main;
    return typeof entry === "string" ? path.resolve(dir, entry) : undefined;
}

/** An ES module's entry: a directory's index, in the host's order (index.js, .mjs, .ts, .mts). */
function esmEntry(main: string): string {
    if (!fs.existsSync(main) || !fs.statSync(main).isDirectory()) return main;
    const index = ["index.js", "index.mjs", "index.ts", "index.mts"].find(f => fs.existsSync(path.join(main, f)));
    return index ? path.join(main, index) : main;
}

/**
 * Project-level config (Pulumi ≥ 3.44): a key of the project (`vmCount`) or any namespace
 * (`aws:region`) with its value; an object is a declaration whose `value` (or `default`) is the
 * value (so an object value is written under `value:`). Stack files override these.
 * Source: https://www.pulumi.com/blog/project-config-mvp/ and the project file reference.
 */
function projectConfig(config: unknown, project: string): Record<string, unknown> {
    if (typeof config !== "object" || config === null || Array.isArray(config)) return {};
    const values: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(config as Record<string, unknown>)) {
        const full = key.includes(":") ? key : `${project}:${key}`;
        if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
            const declared = entry as Record<string, unknown>;
            if ("value" in declared) values[full] = declared.value;
            else if ("default" in declared) values[full] = declared.default;
        } else values[full] = entry;
    }
    return values;
}
