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

/** Resolves an output (or plain value) for an assertion. */
export function valueOf<T>(value: pulumi.Input<T>): Promise<T> {
    return new Promise(resolve =>
        pulumi.output(value).apply(v => {
            resolve(v as T);
            return v;
        }),
    );
}

/** True when an output is marked secret. */
export function isSecretOutput(value: pulumi.Output<unknown>): Promise<boolean> {
    return (value as unknown as { isSecret: Promise<boolean> }).isSecret;
}
