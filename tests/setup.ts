/**
 * Loaded by mocha before the specs (.mocharc.js). The Pulumi runtime captures a stack trace
 * for every promise it makes (`debuggablePromise`). Under ts-node's source-map support, stack
 * formatting was two thirds of the suite's time at Node's default depth of 10 frames (the
 * repository's hook maps frames more cheaply: cli/stackTraces.js). Three frames still point a
 * failed assertion at its spec line, and keep the captures cheap whatever hook loads the specs.
 * (The offline engine now has the runtime capture no frames for its promises at all, unless
 * PULUMI_DEBUG_PROMISE_LEAKS is set: cli/engine/promiseStacks.ts. The limit still bounds the
 * stacks of every other error a spec makes.)
 */
Error.stackTraceLimit = 3;
