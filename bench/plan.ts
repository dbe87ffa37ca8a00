/**
 * Times `topologies plan` as a user runs it (a fresh `node cli/bin.js` process, wall clock) for
 * every stack in `stacks/`, and for generated full-mesh CENs of 2, 5 and 10 regions, to show how
 * plan time grows with the resource count. A benchmark, not a test: it prints a table.
 *
 *   node -r ./cli/register.js bench/plan.ts [--runs N] [--no-diagram]
 *
 * The first run of each stack also fills the transpile cache; the table reports the median of
 * the runs after it. Beside each plan it reports its floor: a fresh Node.js process that only
 * loads @pulumi/pulumi and the provider SDKs the stack's resources come from, which no plan of
 * that stack can beat; "over floor" is what the plan itself costs.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { listStacks } from "../cli/stackConfig";

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
const extra = args.includes("--no-diagram") ? ["--no-diagram"] : [];
const benchDir = path.join(root, "out", "bench");

export interface Row {
    stack: string;
    resources: number;
    medianMs: number;
    minMs: number;
    inProcessMs: number;
    /** Of which the reachability verifier. */
    flowsMs: number;
    flows: number;
    /** The provider SDKs the stack's resources come from. */
    sdks: string[];
    /** Median wall clock of a process that only loads those SDKs. */
    floorMs: number;
}

/** The provider SDKs of the resource types a plan counted (`alicloud:vpc/network:Network` → `alicloud`). */
export function sdksOf(summary: Record<string, number>): string[] {
    const packages = Object.keys(summary).map(type => type.split(":")[0]);
    return [...new Set(packages.filter(p => p !== "pulumi" && p !== "topologies" && !p.includes(".")))].sort();
}

const floors = new Map<string, number>();

/** Median wall clock of a fresh process loading @pulumi/pulumi and `sdks` (after one warm-up run), per set. */
function floorOf(sdks: readonly string[]): number {
    const key = sdks.join(",");
    const known = floors.get(key);
    if (known !== undefined) return known;
    const script = ["@pulumi/pulumi", ...sdks.map(s => `@pulumi/${s}`)]
        .map(m => `require(${JSON.stringify(m)});`)
        .join("");
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
        const started = process.hrtime.bigint();
        const run = spawnSync(process.execPath, ["-e", script], { cwd: root });
        if (run.status !== 0) throw new Error(`loading ${key} failed: ${run.stderr}`);
        if (i > 0) samples.push(Number((process.hrtime.bigint() - started) / 1_000_000n));
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    floors.set(key, median);
    return median;
}

/** Runs one plan `runs + 1` times; the first (cache warm-up) is not counted. */
function time(stack: string, planArgs: string[]): Row {
    const samples: number[] = [];
    let resources = 0;
    let inProcessMs = 0;
    let flowsMs = 0;
    let flows = 0;
    let summaryOfLast: Record<string, number> = {};
    for (let i = 0; i <= runs; i++) {
        const started = process.hrtime.bigint();
        const run = spawnSync(
            process.execPath,
            [
                path.join(root, "cli", "bin.js"),
                "plan",
                "--stack",
                stack,
                "--json",
                "--out",
                path.join(benchDir, stack),
                ...extra,
                ...planArgs,
            ],
            { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 },
        );
        const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
        if (run.status !== 0)
            throw new Error(`plan of ${stack} failed (${run.status}):\n${run.stderr || run.stdout.slice(0, 2000)}`);
        const doc = JSON.parse(run.stdout) as {
            summary: Record<string, number>;
            elapsedMs: number;
            flowsMs: number;
            flows: unknown[];
        };
        resources = Object.values(doc.summary).reduce((a, b) => a + b, 0);
        summaryOfLast = doc.summary;
        inProcessMs = doc.elapsedMs;
        flowsMs = doc.flowsMs;
        flows = doc.flows.length;
        if (i > 0) samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    const sdks = sdksOf(summaryOfLast);
    return {
        stack,
        sdks,
        floorMs: floorOf(sdks),
        resources,
        medianMs: samples[Math.floor(samples.length / 2)],
        minMs: samples[0],
        inProcessMs,
        flowsMs,
        flows,
    };
}

/** One plan to time: the stack and the extra arguments of its command line. */
export interface Job {
    stack: string;
    args: string[];
}

/**
 * Times every job in turn, writing a progress line to `progress` as each one is done (the whole
 * run takes minutes: a line per stack shows it moving, on stderr, away from the table).
 */
export function timeAll(jobs: readonly Job[], timeOne: (job: Job) => Row, progress: (line: string) => void): Row[] {
    return jobs.map((job, i) => {
        const row = timeOne(job);
        progress(
            `bench: [${i + 1}/${jobs.length}] ${job.stack}: ${row.resources} resources, median ${(row.medianMs / 1000).toFixed(2)} s\n`,
        );
        return row;
    });
}

function main(): void {
    const stacksDir = path.join(benchDir, "stacks");
    fs.mkdirSync(stacksDir, { recursive: true });
    const jobs: Job[] = listStacks(path.join(root, "stacks")).map(stack => ({
        stack,
        args: ["--program", path.join(root, "stacks", "program")],
    }));
    for (const regions of [2, 5, 10]) {
        const stack = `cen-${regions}-regions`;
        fs.writeFileSync(path.join(stacksDir, `Pulumi.${stack}.yaml`), `config:\n  topologies:regions: ${regions}\n`);
        jobs.push({ stack, args: ["--program", path.join(root, "bench", "cenProgram"), "--stacks-dir", stacksDir] });
    }
    process.stderr.write(
        `bench: ${jobs.length} plans, ${runs + 1} runs each (the first fills the transpile cache and is not counted)\n`,
    );
    const rows = timeAll(
        jobs,
        job => time(job.stack, job.args),
        line => process.stderr.write(line),
    );
    const width = Math.max(...rows.map(r => r.stack.length), 5);
    console.log(
        `topologies plan, wall clock of a fresh process, median of ${runs} runs${extra.length ? " (no SVG)" : ""}; ${new Date().toISOString()}`,
    );
    console.log(
        `${"stack".padEnd(width)}  resources  median   min      floor    over floor  in-process  per resource  flows  verifier  SDKs`,
    );
    for (const r of rows) {
        console.log(
            `${r.stack.padEnd(width)}  ${String(r.resources).padStart(9)}  ${(r.medianMs / 1000).toFixed(2)} s   ${(r.minMs / 1000).toFixed(2)} s   ${(r.floorMs / 1000).toFixed(2)} s   ${((r.medianMs - r.floorMs) / 1000).toFixed(2)} s      ${(r.inProcessMs / 1000).toFixed(2)} s      ${(r.inProcessMs / r.resources).toFixed(1)} ms  ${String(r.flows).padStart(5)}  ${r.flowsMs} ms (${((100 * r.flowsMs) / r.medianMs).toFixed(1)} %)  ${r.sdks.join(", ")}`,
        );
    }
}

if (require.main === module) main();
