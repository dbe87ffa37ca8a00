// The pre-flight's worker thread (stacks/preflight.ts): runs `topologies check` on the stack in a
// thread of the deploying process. A thread has its own module registry, so the @pulumi/pulumi it
// loads, and the offline engine installed into it, are separate from the real runtime the main
// thread deploys with. Plain JavaScript so the thread can start before the TypeScript hook.
"use strict";
require("../cli/register");
const { parentPort, workerData } = require("node:worker_threads");
const { check } = require("../cli/check.ts");

check(workerData.input, workerData.program, workerData.stack).then(
    answer => parentPort.postMessage(answer),
    e =>
        parentPort.postMessage({
            code: 2,
            output: JSON.stringify({ ok: false, failure: e instanceof Error ? e.stack : String(e) }),
        }),
);
