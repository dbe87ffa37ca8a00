// A fuzz run in a worker thread (tests/fuzz/index.ts): so a component that loops forever stops
// only its thread, which the watchdog ends, and the run reports the input that did it. Runs the
// targets named in `workerData.targets` (components and stack files) one after the other, reporting each.
"use strict";
require("../../cli/register");
const { parentPort, workerData } = require("node:worker_threads");
const { installEngine } = require("../../cli/engine/index.ts");
const { fuzzTarget } = require("./runner.ts");
const { FUZZABLES } = require("./targets/index.ts");

async function main() {
    installEngine("fuzz");
    for (const name of workerData.targets) {
        const target = FUZZABLES.find(t => t.name === name);
        if (!target) throw new Error(`no fuzz target '${name}': use one of ${FUZZABLES.map(t => t.name).join(", ")}`);
        parentPort.postMessage({ type: "start", target: name });
        const report = await fuzzTarget(target, workerData.runs, workerData.seed, what =>
            parentPort.postMessage({ type: "try", what }),
        );
        parentPort.postMessage({ type: "report", report });
    }
    parentPort.postMessage({ type: "done" });
}

main().catch(e => parentPort.postMessage({ type: "error", error: e instanceof Error ? e.stack : String(e) }));
