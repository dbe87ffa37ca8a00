/**
 * The declared public API (api/*.api.md, see tests/support/apiReport.ts): the committed reports
 * match the package's public surface, and internals stay out of it.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { API_DIR, ApiReports, apiReports, currentApiReports, entryPoints, writeApiReports } from "./support/apiReport";

/** The lines only one side has, each side's up to `max`: enough to see what changed. */
function lineChanges(before: string, after: string, max = 15): string {
    const count = (text: string) =>
        text.split("\n").reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
    const only = (a: string, b: string, sign: string) => {
        const other = count(b);
        return a
            .split("\n")
            .filter(l => {
                const n = other.get(l) ?? 0;
                if (n > 0) other.set(l, n - 1);
                return n === 0;
            })
            .slice(0, max)
            .map(l => `${sign} ${l}`);
    };
    return [...only(before, after, "-"), ...only(after, before, "+")].join("\n");
}

describe("the declared public API (api/*.api.md)", function () {
    // A stale build is compiled afresh first (tests/support/build.ts).
    this.timeout(120_000);

    it("has a report for each entry point of package.json exports, and each is current", () => {
        const reports = currentApiReports();
        assert.deepEqual(
            [...reports.keys()],
            entryPoints().map(e => e.report),
        );
        if (process.env.UPDATE_API_REPORT) {
            writeApiReports(reports);
            return;
        }
        const committed = fs.existsSync(API_DIR) ? fs.readdirSync(API_DIR).filter(f => f.endsWith(".api.md")) : [];
        const stale = [...reports].filter(
            ([file, text]) => !committed.includes(file) || fs.readFileSync(path.join(API_DIR, file), "utf8") !== text,
        );
        const gone = committed.filter(file => !reports.has(file));
        assert.ok(
            stale.length === 0 && gone.length === 0,
            [
                "The public API changed: review the change, then record it with `npm run api-report` (or UPDATE_API_REPORT=1 npm test) and commit api/.",
                ...stale.map(
                    ([file, text]) =>
                        `api/${file}:\n${lineChanges(committed.includes(file) ? fs.readFileSync(path.join(API_DIR, file), "utf8") : "", text)}`,
                ),
                ...gone.map(file => `api/${file}: no such entry point any more`),
            ].join("\n"),
        );
    });

    describe("keeps internals out", () => {
        // One fixture package with two entry points, analysed once: a public surface with an
        // internal declaration beside it, and one whose public signature names an internal type.
        let result: ApiReports;

        before(() => {
            const dist = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-api-fixture-"));
            try {
                fs.writeFileSync(path.join(dist, "package.json"), JSON.stringify({ name: "x", version: "1.0.0" }));
                fs.writeFileSync(
                    path.join(dist, "hides.d.ts"),
                    [
                        "/** Shown. */",
                        "export declare function shown(): void;",
                        "/** @internal */",
                        "export declare function hidden(): void;",
                        "",
                    ].join("\n"),
                );
                fs.writeFileSync(
                    path.join(dist, "leaks.d.ts"),
                    [
                        "/** @internal */",
                        "export interface Plan { readonly x: number }",
                        "/** Public. */",
                        "export declare function leak(): Plan;",
                        "",
                    ].join("\n"),
                );
                result = apiReports(
                    dist,
                    [
                        { report: "hides.api.md", importPath: "x/hides", declarations: "hides.d.ts" },
                        { report: "leaks.api.md", importPath: "x/leaks", declarations: "leaks.d.ts" },
                    ],
                    path.join(dist, "package.json"),
                );
            } finally {
                fs.rmSync(dist, { recursive: true, force: true });
            }
        });

        it("leaves a declaration marked @internal out of the report", () => {
            const report = result.reports.get("hides.api.md")!;
            assert.match(report, /export function shown\(\): void;/);
            assert.doesNotMatch(report, /hidden/);
        });

        it("refuses a public signature that names an internal type (the published .d.ts would lack it)", () => {
            assert.equal(result.errors.length, 1, result.errors.join("\n"));
            assert.match(
                result.errors[0],
                /^x\/leaks: \(ae-incompatible-release-tags\) The symbol "leak" .* references "Plan" which is marked as @internal/,
            );
        });
    });
});
