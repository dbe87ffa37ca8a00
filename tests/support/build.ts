/**
 * The compiled package for the packed-package spec: the build `npm run typecheck` emitted, when
 * no source changed since (its stamp is newer than every file under components/, cli/ and
 * policy/, and than tsconfig.json), else a fresh compile of the package alone. Either way the
 * result has the layout of dist/ that `npm run build` (scripts/build.js) writes: components/,
 * cli/ and policy/ with their .js and .d.ts files, cli/register.js, and the policy pack's
 * PulumiPolicy.yaml and package.json. Unlike the published
 * build, its declarations keep what is marked `@internal`: the API report (tests/support/apiReport.ts)
 * needs them to find a public signature that names one.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BUILD_DIR, STAMP } from "./buildPaths.json";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS script, shared with `npm run build`
const { copyScripts, packagePolicy } = require("../../scripts/build.js") as {
    copyScripts(dist: string): void;
    packagePolicy(dist: string): void;
};

const repo = path.resolve(__dirname, "..", "..");

function newestMtime(target: string): number {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map(entry => newestMtime(path.join(target, entry))));
}

function typecheckBuildIsCurrent(): boolean {
    const stamp = path.join(repo, STAMP);
    if (!fs.existsSync(stamp)) return false;
    const sources = ["components", "cli", "policy", "tsconfig.json", "tsconfig.build.json"].map(p =>
        newestMtime(path.join(repo, p)),
    );
    return fs.statSync(stamp).mtimeMs >= Math.max(...sources);
}

/** Writes the package's dist/ (compiled components/, cli/ and policy/, and what scripts/build.js adds) into `dir`. */
export function compiledPackage(dir: string): void {
    if (typecheckBuildIsCurrent()) {
        for (const part of ["components", "cli", "policy"])
            fs.cpSync(path.join(repo, BUILD_DIR, part), path.join(dir, part), { recursive: true });
    } else {
        const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
        execFileSync(
            process.execPath,
            [tsc, "-p", "tsconfig.build.json", "--stripInternal", "false", "--outDir", dir],
            { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
        );
    }
    copyScripts(dir);
    packagePolicy(dir);
}
