/**
 * Runs a target's fuzz in a worker thread with a watchdog, and renders the fuzz table.
 * `npm test` runs a bounded budget (tests/fuzz.spec.ts); `npm run fuzz` a long one.
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { FuzzReport, OUTCOMES, Outcome } from "./runner";

/** A try that has not finished in this long is a hang, even one the engine could not time out (a loop). */
const WATCHDOG_MS = 15_000;

/**
 * Fuzzes each of `targets` for `runs` tries from `seed`, one after the other in one worker
 * thread (the modules load once). A try that never returns is reported as hung for its target,
 * and the run ends there: the thread is stopped.
 */
export function fuzzInWorker(
    targets: readonly string[],
    runs: number,
    seed: number,
    progress: (target: string) => void = () => undefined,
): Promise<FuzzReport[]> {
    const worker = new Worker(path.join(__dirname, "worker.js"), { workerData: { targets, runs, seed } });
    const reports: FuzzReport[] = [];
    return new Promise((resolve, reject) => {
        let current = "(before the first target)";
        let last = "(before the first try)";
        let tried = 0;
        let timer: NodeJS.Timeout;
        const end = (e?: Error) => {
            clearTimeout(timer);
            void worker.terminate();
            if (e) reject(e);
            else resolve(reports);
        };
        const hung = () => {
            const counts = Object.fromEntries(OUTCOMES.map(o => [o, 0])) as Record<Outcome, number>;
            counts.hung = 1;
            reports.push({
                target: current,
                counts,
                seed,
                failures: [
                    {
                        mutation: last,
                        result: {
                            outcome: "hung",
                            detail: `no answer in ${WATCHDOG_MS / 1000} s after ${tried} tries`,
                        },
                    },
                ],
            });
            end();
        };
        const watch = () => {
            clearTimeout(timer);
            timer = setTimeout(hung, WATCHDOG_MS);
        };
        watch();
        worker.on(
            "message",
            (message: { type: string; target?: string; what?: string; report?: FuzzReport; error?: string }) => {
                watch();
                switch (message.type) {
                    case "start":
                        current = message.target!;
                        tried = 0;
                        progress(current);
                        break;
                    case "try":
                        last = message.what!;
                        tried++;
                        break;
                    case "report":
                        reports.push(message.report!);
                        break;
                    case "done":
                        end();
                        break;
                    default:
                        end(new Error(message.error));
                }
            },
        );
        worker.on("error", e => end(e));
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

/** The fuzz table, one row per component or stack file, as Markdown. */
export function renderTable(reports: readonly FuzzReport[]): string {
    const header = `| target | ${COLUMNS.map(([name]) => name).join(" | ")} |`;
    const rule = `|---|${COLUMNS.map(() => "---:").join("|")}|`;
    const rows = reports.map(r => `| ${r.target} | ${COLUMNS.map(([, value]) => value(r)).join(" | ")} |`);
    return [header, rule, ...rows].join("\n");
}

/** Each failing report's counter-example, for a failure message. */
export function renderFailures(reports: readonly FuzzReport[]): string {
    return reports
        .flatMap(r =>
            r.failures.map(
                f => `${r.target} (seed ${r.seed}): ${f.mutation} → ${f.result.outcome}: ${f.result.detail}`,
            ),
        )
        .join("\n");
}
