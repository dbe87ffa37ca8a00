/**
 * `pulumi-topologies/testing`: the offline engine and the reachability verifier, for unit tests
 * of your own programs under Pulumi's mocks.
 *
 * ```ts
 * import { build, verifyFlows, world } from "pulumi-topologies/testing";
 *
 * await build(opts => new aws.AlbFargateService("web", args, opts));
 * const broken = (await verifyFlows(world)).filter(f => !f.ok);
 * assert.deepEqual(broken, []);
 * ```
 *
 * Importing it points the Pulumi runtime of the process at the offline engine (`setMocks`), as
 * project `topologies`, stack `test`. `StackProgram` is the contract of a module that
 * `topologies plan --program <module>` runs (a plain Pulumi program needs none).
 */
import * as pulumi from "@pulumi/pulumi";
import { installEngine, recorder, settle, world } from "./engine";

export { installEngine, recorder, settle, world, fakeId, World } from "./engine";
export type { RecordedResource, RecordedCall, RecordedWarning, PropertyBag } from "./engine";
export { verifyFlows, networkModel, declaredFlows, renderFlows } from "./flows";
export type { FlowResult, Hop } from "./flows";
export * from "../components/sharedTypes";
export type { StackProgram } from "./plan";

installEngine();

/**
 * Resets the recorded world, builds what `create` returns with the recorder attached, and waits
 * for every registration to settle. Pass the given options to each top-level component.
 */
export async function build<T>(create: (opts: pulumi.ComponentResourceOptions) => T): Promise<T> {
    world.reset();
    const result = create({ transformations: [recorder] });
    await settle();
    return result;
}
