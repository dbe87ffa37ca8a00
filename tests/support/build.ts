/**
 * The compiled package for the packed-package spec: the build `npm run typecheck` emitted, when
 * no source changed since (its stamp is newer than every file under components/ and cli/, and
 * than tsconfig.json), else a fresh compile of the package alone. Either way the result has the
 * layout of dist/: components/ and cli/ with their .js and .d.ts files. Unlike the published
 * build, its declarations keep what is marked `@internal`: the API report (tests/support/apiReport.ts)
 * needs them to find a public signature that names one.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BUILD_DIR, STAMP } from "./buildPaths.json";

const repo = path.resolve(__dirname, "..", "..");

function newestMtime(target: string): number {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map(entry => newestMtime(path.join(target, entry))));
}

function typecheckBuildIsCurrent(): boolean {
    const stamp = path.join(repo, STAMP);
    if (!fs.existsSync(stamp)) return false;
    const sources = ["components", "cli", "tsconfig.json", "tsconfig.build.json"].map(p =>
        newestMtime(path.join(repo, p)),
    );
    return fs.statSync(stamp).mtimeMs >= Math.max(...sources);
}

/** Writes the package's compiled components/ and cli/ into `dir` (which becomes the package's dist/). */
export function compiledPackage(dir: string): void {
    if (typecheckBuildIsCurrent()) {
        for (const part of ["components", "cli"])
            fs.cpSync(path.join(repo, BUILD_DIR, part), path.join(dir, part), { recursive: true });
        // Plain JavaScript that tsconfig.json does not compile (tsconfig.build.json copies it with allowJs).
        fs.copyFileSync(path.join(repo, "cli", "register.js"), path.join(dir, "cli", "register.js"));
        return;
    }
    const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--stripInternal", "false", "--outDir", dir], {
        cwd: repo,
        stdio: ["ignore", "pipe", "pipe"],
    });
}
