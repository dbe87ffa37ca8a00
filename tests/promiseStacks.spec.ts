/**
 * The offline engine's cheap promise bookkeeping (cli/engine/promiseStacks.ts): the runtime's
 * promises carry no captured frames, its leak detector still sees every one of them, and
 * PULUMI_DEBUG_PROMISE_LEAKS keeps the frames.
 */
import * as assert from "node:assert/strict";
import { installEngine } from "../cli/engine";
import { skipPromiseStacks } from "../cli/engine/promiseStacks";

interface Debuggable {
    debuggablePromise(p: Promise<unknown>, ctx: unknown): Promise<unknown>;
    leakedPromises(): [Set<Promise<unknown>>, string];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal to the SDK, no typings
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;

/** The stack the runtime stored on the promise it tracks (the one it hands back wraps it). */
function tracked(ctx: string): { stack: string; leaked: boolean } {
    const pending = new Promise<never>(() => undefined);
    void debuggable.debuggablePromise(pending, ctx);
    const [leaks] = debuggable.leakedPromises();
    return {
        stack: (pending as unknown as { _debugStackTrace: string })._debugStackTrace,
        leaked: leaks.has(pending),
    };
}

describe("the runtime's promise stacks under the offline engine", () => {
    it("captures no frames for the promises the runtime makes, yet its leak detector still tracks them", () => {
        installEngine();
        const quiet = tracked("quiet");
        assert.equal(quiet.stack, "Error", "no frames under the engine");
        assert.equal(quiet.leaked, true, "the leak detector still tracks the promise");
        // Installing again wraps once; the frame limit is restored after each capture.
        skipPromiseStacks();
        assert.equal(tracked("again").stack, "Error");
        assert.ok(Error.stackTraceLimit > 0);
        assert.match(new Error("here").stack ?? "", /\n {4}at /, "other errors keep their frames");
    });

    it("wraps the SDK's function once, and not at all with PULUMI_DEBUG_PROMISE_LEAKS set", () => {
        const sdk = () => ({
            debuggablePromise: (p: Promise<unknown>) => Object.assign(p, { stack: new Error().stack }),
        });
        const stackOf = (module: ReturnType<typeof sdk>) => module.debuggablePromise(Promise.resolve()).stack ?? "";
        const debugging = sdk();
        const own = debugging.debuggablePromise;
        skipPromiseStacks({ PULUMI_DEBUG_PROMISE_LEAKS: "1" }, debugging);
        assert.equal(debugging.debuggablePromise, own);
        assert.match(stackOf(debugging), /\n {4}at /);
        const quiet = sdk();
        skipPromiseStacks({}, quiet);
        const wrapped = quiet.debuggablePromise;
        assert.equal(stackOf(quiet), "Error");
        skipPromiseStacks({}, quiet);
        assert.equal(quiet.debuggablePromise, wrapped, "installed once");
    });
});
