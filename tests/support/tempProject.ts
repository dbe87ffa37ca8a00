/**
 * A Pulumi project in a temporary directory, as a user has one: the files given (Pulumi.yaml,
 * a stack file, the program) and a node_modules where `@pulumi/*` are this repository's
 * packages (linked, so the program and the plan share one SDK, as an installed
 * pulumi-topologies does through its peer dependency) and `pulumi-topologies` is this
 * repository's source. A spec removes them with `after(removeTempProjects)`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const repo = path.resolve(__dirname, "..", "..");
const made: string[] = [];

/** Removes the projects made so far: a spec's `after(removeTempProjects)`. */
export function removeTempProjects(): void {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Creates the project (`files`: relative path → content) and returns its directory. */
export function tempProject(files: Record<string, string>, options: { linkSdk?: boolean } = {}): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "topologies-project-")));
    made.push(dir);
    const modules = path.join(dir, "node_modules");
    if (options.linkSdk !== false) {
        fs.mkdirSync(modules, { recursive: true });
        // "junction": a directory link that needs no privilege on Windows; a plain symlink elsewhere.
        fs.symlinkSync(path.join(repo, "node_modules", "@pulumi"), path.join(modules, "@pulumi"), "junction");
        const shim = path.join(modules, "pulumi-topologies");
        fs.mkdirSync(shim);
        fs.writeFileSync(
            path.join(shim, "package.json"),
            JSON.stringify({ name: "pulumi-topologies", main: "index.js" }),
        );
        fs.writeFileSync(
            path.join(shim, "index.js"),
            `module.exports = require(${JSON.stringify(path.join(repo, "components"))});\n`,
        );
    }
    for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
    }
    return dir;
}

/** The output of one in-process run of the command. */
export interface Run {
    code: number;
    out: string;
    err: string;
}
