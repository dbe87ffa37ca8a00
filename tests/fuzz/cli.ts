/**
 * `npm run fuzz [-- --runs N] [--seed S] [component | stack:<name> ...]`: the long fuzz run over
 * every component and every shipped stack file, printing the fuzz table and each failure's
 * shrunk counter-example; exit 1 when anything crashed, hung, failed late or built nonsense.
 */
import { fuzzInWorker, renderFailures, renderTable } from "./index";
import { FAILURES } from "./runner";
import { FUZZABLES } from "./targets";

async function main(argv: string[]): Promise<number> {
    const option = (name: string) => {
        const i = argv.indexOf(name);
        return i < 0 ? undefined : argv.splice(i, 2)[1];
    };
    const runs = Number(option("--runs") ?? 300);
    const seed = Number(option("--seed") ?? Date.now() % 2 ** 31);
    const names = argv.length > 0 ? argv : FUZZABLES.map(t => t.name);
    const reports = await fuzzInWorker(names, runs, seed, name =>
        process.stderr.write(`fuzzing ${name} (${runs} tries, seed ${seed})…\n`),
    );
    process.stdout.write(`${renderTable(reports)}\n`);
    const failures = renderFailures(reports);
    if (failures) process.stdout.write(`\nCounter-examples:\n${failures}\n`);
    return reports.some(r => FAILURES.some(o => r.counts[o] > 0) || r.failures.length > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
    code => process.exit(code),
    e => {
        process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
        process.exit(2);
    },
);
