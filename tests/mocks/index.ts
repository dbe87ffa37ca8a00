/**
 * The offline engine for specs: installed on import, plus helpers to build a component and read
 * its outputs. The engine itself (outputs shaped like the providers', the recorder) lives in
 * cli/engine, which the plan command shares.
 *
 * Usage in a spec:
 * ```ts
 * const vpc = await build(opts => new RegionalVpc("vpc1", args, opts));
 * assert.equal(world.ofType("vpc/switch:Switch").length, 2);
 * ```
 */
import * as pulumi from "@pulumi/pulumi";

export { build, world, recorder, settle, fakeId, World, RecordedResource, RecordedCall } from "../../cli/testing";
export { expectRejection, problemLines } from "./rejection";

/**
 * Resolves an output (or plain value) for an assertion. Through the output's own promise, which
 * rejects when the output does: a value refused when it resolves fails the test at once, with
 * its error, instead of a time-out (an `apply` callback never runs on a rejected output).
 */
export function valueOf<T>(value: pulumi.Input<T>): Promise<T> {
    return (pulumi.output(value) as unknown as { promise(): Promise<T> }).promise();
}

/** True when an output is marked secret. */
export function isSecretOutput(value: pulumi.Output<unknown>): Promise<boolean> {
    return (value as unknown as { isSecret: Promise<boolean> }).isSecret;
}
