// A fuzz run in a worker thread (tests/fuzz/index.ts): so a component that loops forever stops
// only its thread, which the watchdog ends, and the run reports the input that did it.
"use strict";
require("../../cli/register");
const { parentPort, workerData } = require("node:worker_threads");
const { installEngine } = require("../../cli/engine/index.ts");
const { fuzzTarget } = require("./runner.ts");
const { TARGETS } = require("./targets/index.ts");

installEngine("fuzz");
const target = TARGETS.find(t => t.name === workerData.target);
fuzzTarget(target, workerData.runs, workerData.seed, what => parentPort.postMessage({ type: "try", what })).then(
    report => parentPort.postMessage({ type: "report", report }),
    e => parentPort.postMessage({ type: "error", error: e instanceof Error ? e.stack : String(e) }),
);
