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
import { installEngine, recorder, settle, world } from "../../cli/engine";

export { world, recorder, settle, fakeId, World, RecordedResource, RecordedCall } from "../../cli/engine";
export { expectRejection, problemLines } from "./rejection";

installEngine();

/**
 * Resets the world, builds what `create` returns with the recorder attached, and waits for
 * every registration to finish. Pass the given options to the component under test.
 */
export async function build<T>(create: (opts: pulumi.ComponentResourceOptions) => T): Promise<T> {
    world.reset();
    const result = create({ transformations: [recorder] });
    await settle();
    return result;
}

/** Resolves an output (or plain value) for an assertion. */
export function valueOf<T>(value: pulumi.Input<T>): Promise<T> {
    return new Promise(resolve => pulumi.output(value).apply(v => { resolve(v as T); return v; }));
}

/** True when an output is marked secret. */
export function isSecretOutput(value: pulumi.Output<unknown>): Promise<boolean> {
    return (value as unknown as { isSecret: Promise<boolean> }).isSecret;
}
