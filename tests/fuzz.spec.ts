/**
 * The bounded fuzz run of `npm test`: every component under fuzz (tests/fuzz/targets) and every
 * shipped stack file through the plan (tests/fuzz/stackFiles.ts), a few mutations each from a
 * fixed seed, so the suite stays fast and deterministic. `npm run fuzz` runs the long one with a
 * fresh seed. A failure prints the fuzz table and the shrunk counter-example of each target that
 * crashed, hung, failed late or built nonsense.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { fuzzInWorker, renderFailures, renderTable } from "./fuzz";
import * as aws from "../components/sdk/aws";
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError } from "../components/errors";
import { FAILURES, FuzzTarget, runTry } from "./fuzz/runner";
// The self-test runs here, on the offline engine this import installs (the bounded run has its own, in a worker).
import "./mocks";
import { FUZZABLES } from "./fuzz/targets";
import { stackFuzzable } from "./fuzz/stackFiles";
import { restartEngine } from "../cli/engine";

/** Tries per target: enough to meet each class of mutation over the runs of a week, small enough for the 60 s budget. */
const RUNS = 3;
const SEED = 20261202;
/**
 * Every component and the tutorial stacks. dev and prod are built of the tutorial stacks'
 * sections and take the longest to plan (a second or more a try): `npm run fuzz` covers them.
 */
const BOUNDED = FUZZABLES.map(t => t.name).filter(name => name !== "stack:dev" && name !== "stack:prod");

describe("fuzz (bounded)", function () {
    this.timeout(120_000);

    it(`no component or tutorial stack crashes, hangs, fails late or builds nonsense (${RUNS} tries each, seed ${SEED})`, async () => {
        const reports = await fuzzInWorker(BOUNDED, RUNS, SEED);
        assert.deepEqual(
            reports.map(r => r.target),
            BOUNDED,
            "every target reports",
        );
        const failing = reports.filter(r => r.failures.length > 0 || FAILURES.some(o => r.counts[o] > 0));
        assert.equal(failing.length, 0, `\n${renderTable(reports)}\n\n${renderFailures(failing)}`);
    });

    it("tells a crash, a late rejection and nonsense from a clear refusal (the harness itself)", async () => {
        class Probe extends pulumi.ComponentResource {
            constructor(name: string, args: { mode: string }, opts?: pulumi.ComponentResourceOptions) {
                if (args.mode === "refuse")
                    throw new TopologyValidationError("probe", [{ path: "mode", message: "no" }]);
                if (args.mode === "crash") (args as unknown as { x: { y: number } }).x.y = 1;
                super("test:probe:Probe", name, {}, opts);
                if (args.mode === "late")
                    throw new TopologyValidationError("probe", [{ path: "mode", message: "too late" }]);
                new aws.ec2.Vpc(
                    `${name}-vpc`,
                    { cidrBlock: args.mode === "nonsense" ? "10.0.0.0/NaN" : "10.0.0.0/16" },
                    { parent: this },
                );
            }
        }
        const outcomes: string[] = [];
        for (const mode of ["refuse", "crash", "late", "nonsense", "ok"]) {
            const probe: FuzzTarget = {
                name: "Probe",
                base: () => ({ mode }),
                create: (args, opts) => new Probe("p", args as { mode: string }, opts),
            };
            outcomes.push((await runTry(probe, undefined)).outcome);
        }
        assert.deepEqual(outcomes, ["refused", "crashed", "late", "nonsense", "built"]);
    });

    it("tells every outcome of a stack file's plan apart (the stack-file runner itself)", async () => {
        const probe = stackFuzzable("probe", {
            stacksDir: path.join(__dirname, "fixtures", "fuzzStack"),
            hangMs: 500,
        });
        const outcomes: string[] = [];
        const modes = [
            "refuse",
            "unclear",
            "crash",
            "crash later",
            "late",
            "leak",
            "hang",
            "nonsense",
            " padded ",
            "ok",
        ];
        for (const mode of modes) {
            const result = await probe.tryWith({ kind: "set", path: ["mode"], value: mode, label: mode });
            outcomes.push(result.outcome);
        }
        assert.deepEqual(outcomes, [
            "refused",
            "nonsense",
            "crashed",
            "crashed",
            "late",
            "late",
            "hung",
            "nonsense",
            "nonsense",
            "built",
        ]);
        // A stack file cannot write an Output, NaN or undefined: such mutations are not tried.
        assert.equal(probe.accepts!({ kind: "set", path: ["mode"], value: NaN, label: "NaN" }), false);
        assert.equal(
            probe.accepts!({ kind: "set", path: ["mode"], value: pulumi.output("x"), label: "Output" }),
            false,
        );
        assert.equal(probe.accepts!({ kind: "set", path: ["mode"], value: { a: [1, "x"] }, label: "{}" }), true);
        // Back to the engine the other specs of this process were started with.
        restartEngine();
    });
});
