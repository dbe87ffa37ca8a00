/**
 * Runs a target's fuzz in a worker thread with a watchdog, and renders the fuzz table.
 * `npm test` runs a bounded budget (tests/fuzz.spec.ts); `npm run fuzz` a long one.
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { FuzzReport, OUTCOMES, Outcome } from "./runner";

/** A try that has not finished in this long is a hang, even one the engine could not time out (a loop). */
const WATCHDOG_MS = 15_000;

/** Fuzzes `target` for `runs` tries from `seed` in a worker thread; a try that never returns is reported as hung. */
export function fuzzInWorker(target: string, runs: number, seed: number): Promise<FuzzReport> {
    const worker = new Worker(path.join(__dirname, "worker.js"), { workerData: { target, runs, seed } });
    return new Promise((resolve, reject) => {
        let last = "(before the first try)";
        let tried = 0;
        let timer: NodeJS.Timeout;
        const hung = () => {
            void worker.terminate();
            const counts = Object.fromEntries(OUTCOMES.map(o => [o, 0])) as Record<Outcome, number>;
            counts.hung = 1;
            resolve({ target, counts, seed, failures: [{ mutation: last, result: { outcome: "hung", detail: `no answer in ${WATCHDOG_MS / 1000} s after ${tried} tries` } }] });
        };
        const watch = () => {
            clearTimeout(timer);
            timer = setTimeout(hung, WATCHDOG_MS);
        };
        watch();
        worker.on("message", (message: { type: string; what?: string; report?: FuzzReport; error?: string }) => {
            if (message.type === "try") {
                last = message.what!;
                tried++;
                watch();
                return;
            }
            clearTimeout(timer);
            void worker.terminate();
            if (message.type === "report") resolve(message.report!);
            else reject(new Error(message.error));
        });
        worker.on("error", e => {
            clearTimeout(timer);
            reject(e);
        });
    });
}

const COLUMNS: ReadonlyArray<[string, (r: FuzzReport) => number]> = [
    ["tried", r => OUTCOMES.reduce((sum, o) => sum + r.counts[o], 0)],
    ["refused clearly", r => r.counts.refused],
    ["built legitimately", r => r.counts.built],
    ["crashed", r => r.counts.crashed],
    ["hung", r => r.counts.hung],
    ["late", r => r.counts.late],
    ["nonsense", r => r.counts.nonsense],
];

/** The fuzz table, one row per component, as Markdown. */
export function renderTable(reports: readonly FuzzReport[]): string {
    const header = `| component | ${COLUMNS.map(([name]) => name).join(" | ")} |`;
    const rule = `|---|${COLUMNS.map(() => "---:").join("|")}|`;
    const rows = reports.map(r => `| ${r.target} | ${COLUMNS.map(([, value]) => value(r)).join(" | ")} |`);
    return [header, rule, ...rows].join("\n");
}

/** Each failing report's counter-example, for a failure message. */
export function renderFailures(reports: readonly FuzzReport[]): string {
    return reports.flatMap(r => r.failures.map(f => `${r.target} (seed ${r.seed}): ${f.mutation} → ${f.result.outcome}: ${f.result.detail}`)).join("\n");
}
