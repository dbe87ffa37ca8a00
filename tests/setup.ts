/**
 * Loaded by mocha before the specs (.mocharc.js). The Pulumi runtime captures a stack trace
 * for every promise it makes (`debuggablePromise`), and ts-node's source-map support makes each
 * capture expensive: with Node's default depth of 10 frames, stack formatting was two thirds of
 * the suite's time. Three frames still point a failed assertion at its spec line.
 */
Error.stackTraceLimit = 3;
