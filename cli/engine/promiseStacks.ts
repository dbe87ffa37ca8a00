/**
 * The Pulumi runtime stores a stack trace on every promise it makes (`debuggablePromise` in
 * @pulumi/pulumi runtime/debuggable.js: `new Error().stack`), a hundred thousand and more per
 * plan of a large stack, and reads it for one thing only: the leaked-promise report it prints
 * with PULUMI_DEBUG_PROMISE_LEAKS set. Capturing those stacks cost a third of the CPU time of a
 * plan on the offline engine (and of the specs). Here the runtime's own `debuggablePromise` still
 * runs (the leak detector keeps every promise it tracks, the exit check still fails a program
 * that leaks), only with no frames captured, unless PULUMI_DEBUG_PROMISE_LEAKS asks for them.
 */

/** Marks the wrapper, so that it is installed once per runtime. */
const WRAPPED = Symbol("topologies.promiseStacksSkipped");

type DebuggablePromise = ((p: Promise<unknown>, ctx: unknown) => Promise<unknown>) & { [WRAPPED]?: true };

/** Makes the runtime's promise bookkeeping capture no stack trace (see the header). Safe to call again. */
export function skipPromiseStacks(
    env: NodeJS.ProcessEnv = process.env,
    // Internal to the SDK (no typings), hence the guard below: an SDK without it is left as it is.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise?: DebuggablePromise },
): void {
    if (env.PULUMI_DEBUG_PROMISE_LEAKS) return;
    const original = debuggable.debuggablePromise;
    if (typeof original !== "function" || original[WRAPPED]) return;
    // The SDK's modules call it through this exports object (`debuggable_1.debuggablePromise(...)`).
    debuggable.debuggablePromise = Object.assign(
        (p: Promise<unknown>, ctx: unknown) => {
            const limit = Error.stackTraceLimit;
            Error.stackTraceLimit = 0;
            try {
                return original(p, ctx);
            } finally {
                Error.stackTraceLimit = limit;
            }
        },
        { [WRAPPED]: true as const },
    );
}
