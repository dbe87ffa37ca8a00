#!/usr/bin/env node
/**
 * `npm test`: the type check and the lint (ESLint, then Prettier's check) side by side, then the
 * specs. tsc runs on one core for most of the suite's first quarter; the lint fits on the other
 * core in the same time, so it adds no wall time. The specs need the type check's build (the
 * packed-package and API report specs read it), so they start after it.
 *
 * Each step's output is printed whole when it ends, so the two never interleave. A failed type
 * check stops the run (its build is what the specs would test); a failed lint does not, so one
 * run shows both the lint findings and the specs' results. The exit code is non-zero if any step
 * failed.
 */
"use strict";
const { spawn } = require("node:child_process");

/** Colour for the buffered steps when we print to a terminal, as they would use on their own. */
const env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: "1" } : process.env;

/**
 * `npm run <script>`, through the npm that runs us (npm_execpath) so it works wherever npm does.
 * Resolves with its exit code, its output (unless inherited) and how long it took.
 */
function npmRun(script, { inherit = false } = {}) {
    const npm = process.env.npm_execpath;
    const args = ["run", ...(inherit ? [] : ["--silent"]), script];
    const options = { env, stdio: inherit ? "inherit" : "pipe" };
    const child = npm
        ? spawn(process.execPath, [npm, ...args], options)
        : spawn("npm", args, { ...options, shell: process.platform === "win32" });
    const output = [];
    child.stdout?.on("data", chunk => output.push(chunk));
    child.stderr?.on("data", chunk => output.push(chunk));
    const started = Date.now();
    return new Promise(resolve => {
        child.on("close", code => {
            resolve({ script, code: code ?? 1, output: Buffer.concat(output), seconds: (Date.now() - started) / 1000 });
        });
    });
}

function report({ script, code, output, seconds }) {
    process.stdout.write(output);
    process.stdout.write(`${code === 0 ? "✔" : "✘"} ${script} (${seconds.toFixed(1)} s)\n`);
}

async function main() {
    const failed = [];
    // Both start now; each is reported as it ends, the type check first.
    for (const step of [npmRun("typecheck"), npmRun("lint")]) {
        const result = await step;
        report(result);
        if (result.code !== 0) failed.push(result.script);
    }
    if (failed.includes("typecheck")) {
        process.stderr.write("\nnpm test failed: typecheck (the specs did not run)\n");
        return 1;
    }
    const unit = await npmRun("test:unit", { inherit: true });
    if (unit.code !== 0) failed.push(unit.script);
    if (failed.length > 0) process.stderr.write(`\nnpm test failed: ${failed.join(", ")}\n`);
    return failed.length > 0 ? 1 : 0;
}

main().then(code => process.exit(code));
