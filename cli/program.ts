/**
 * Runs a Pulumi program as it is, offline, the way the Pulumi Node.js host runs it
 * (@pulumi/pulumi cmd/run/run.js): in the project's directory, inside the stack resource
 * (`runInPulumiStack`), requiring the module (importing it when the package is an ES module); a
 * module that exports a function is called and awaited, and the exports are the stack outputs.
 * The recorder is a stack transformation, so it sees every resource whether or not the program
 * passes options (`registerStackTransformation`; its successor `registerResourceTransform` needs
 * the engine's transform callbacks, which the mocks do not offer, and hands over no resource).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { forgetStackResource, installEngine, recorder, world } from "./engine";
import { collect, PlanResult, ProgramError, StackOutputs } from "./plan";
import type { PulumiProject } from "./project";
import type { ProviderConfig } from "./stackConfig";

/** `import()` as it is: TypeScript's CommonJS output would turn it into `require`. */
const dynamicImport = new Function("specifier", "return import(specifier)") as (s: string) => Promise<unknown>;

/**
 * Plans the program of `project` as stack `stack`, with `config` (every key, as the engine hands
 * it to a program). Throws a {@link ProgramError} when the program cannot be planned here, and
 * any failure that is not a validation error.
 */
export async function runProgram(project: PulumiProject, stack: string, config: ProviderConfig): Promise<PlanResult> {
    checkSameSdk(project.dir);
    if (project.esm && /\.[cm]?ts$/.test(project.main)) {
        throw new ProgramError(
            `${project.main} is TypeScript in an ES module package ("type": "module"), which needs ts-node's ESM loader; topologies plan transpiles CommonJS only. Compile the program (tsc) and point main in ${project.file} at the JavaScript.`,
        );
    }
    installEngine(stack, project.name);
    pulumi.runtime.setAllConfig(config.values, [...config.secretKeys]);
    world.reset();
    const cwd = process.cwd();
    const loaded = new Set(Object.keys(require.cache));
    // The host runs the program in the project's directory: files it reads are relative to it.
    process.chdir(project.dir);
    try {
        // Loaded here, it caches in the project's node_modules and transpiles with its compiler.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        if (project.typescript && !require.extensions[".ts"]) require("./register");
        return await collect(() => runInStack(project), stack, project.name);
    } finally {
        process.chdir(cwd);
        forgetStackResource();
        forgetProgramModules(loaded);
    }
}

/** This package's own code (cli/ and components/, beside this file's directory), loaded once per process. */
const OWN_CODE = ["cli", "components"].map(dir => path.join(path.dirname(__dirname), dir) + path.sep);

/**
 * Drops from the module cache what the program loaded of its own (not packages, not this
 * package's code), so a next plan in this process runs it afresh, as the next `pulumi up` would
 * in a new process. An ES module cannot be dropped: {@link load} imports its entry afresh instead.
 */
function forgetProgramModules(before: ReadonlySet<string>): void {
    for (const file of Object.keys(require.cache)) {
        if (before.has(file) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        if (OWN_CODE.some(dir => file.startsWith(dir))) continue;
        delete require.cache[file];
    }
}

/** Counts ES module imports, so each plan in a process evaluates the entry module again. */
let imports = 0;

/** Starts the program inside the stack resource; resolves with its exports once they are known. */
function runInStack(project: PulumiProject): Promise<StackOutputs> {
    return new Promise<StackOutputs>((resolve, reject) => {
        const stackOutputs = pulumi.runtime.runInPulumiStack(async () => {
            try {
                pulumi.runtime.registerStackTransformation(recorder);
                const loaded = await load(project);
                const exported = (loaded instanceof Function ? await loaded() : loaded) as StackOutputs;
                resolve(exported);
                return exported;
            } catch (e) {
                // Reported through `reject`; the stack itself ends without outputs rather than
                // leaving rejected promises of its own unhandled.
                reject(e);
                return undefined;
            }
        });
        stackOutputs.catch(() => undefined);
    });
}

async function load(project: PulumiProject): Promise<unknown> {
    if (project.esm) {
        const url = `${pathToFileURL(project.main).href}${++imports > 1 ? `?plan=${imports}` : ""}`;
        const namespace = (await dynamicImport(url)) as Record<string, unknown>;
        // The host's rule: a default export is the program, unless there are named exports too.
        if (Object.getOwnPropertyDescriptor(namespace, "default") !== undefined) {
            if (Object.keys(namespace).length !== 1)
                throw new ProgramError(
                    `${project.main} has a default export and named exports; the Pulumi host refuses both at once.`,
                );
            return namespace.default;
        }
        return namespace;
    }
    // A directory ends with a separator, so Node loads its index, not a file of the same name beside it.
    const isDirectory = fs.existsSync(project.main) && fs.statSync(project.main).isDirectory();
    const target = isDirectory ? `${project.main}${path.sep}` : project.main;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(target);
    } catch (e) {
        const error = e as NodeJS.ErrnoException;
        // Only the program itself missing; a module it requires that is missing is the program's failure.
        if (error.code === "MODULE_NOT_FOUND" && String(error.message).includes(`'${target}'`))
            throw new ProgramError(
                `no program at ${project.main}: create ${isDirectory ? "index.ts or index.js there" : "it"}, or set main in ${project.file}.`,
            );
        throw e;
    }
}

/**
 * The offline engine is installed into this process's @pulumi/pulumi; a program loading another
 * copy would talk to no engine at all. That happens when the CLI runs from outside the project
 * (a global install, npx of another version).
 */
function checkSameSdk(dir: string): void {
    let theirs: string;
    try {
        theirs = fs.realpathSync(require.resolve("@pulumi/pulumi", { paths: [dir] }));
    } catch {
        return; // A program without the SDK fails on its own import, with Node's message.
    }
    const ours = fs.realpathSync(require.resolve("@pulumi/pulumi"));
    if (theirs !== ours) {
        throw new ProgramError(
            `the program loads @pulumi/pulumi from ${path.dirname(theirs)}, topologies plan from ${path.dirname(ours)}: the offline engine would not reach the program. Install pulumi-topologies in the project (npm install --save-dev pulumi-topologies) and run npx topologies plan there.`,
        );
    }
}
