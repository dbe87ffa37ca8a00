/**
 * The stack program: builds the topologies a stack's config names, each through its entry in
 * stacks/topologies/. `stacks/index.ts` runs it under `pulumi up`; `topologies plan` runs it
 * offline under the mocks. Both pass `opts` to every top-level component (the plan's recorder
 * rides on them), held back by a {@link RegistrationGate} until the whole stack was checked.
 */
import * as pulumi from "@pulumi/pulumi";
import { Builder, Outputs } from "./builder";
import { StackConfig, configuredTopologies } from "./config";
import { buildSharedNetwork } from "./network";
import { RegistrationGate } from "./registrationGate";

export { loadStackConfig } from "./config";

/**
 * Builds every topology the config names and returns the stack outputs. Every section is built
 * even when an earlier one is rejected, so one run reports all of the stack's problems; nothing
 * reaches the engine unless no section was rejected (and the build did not fail otherwise).
 * `namePrefix` goes before every top-level name (see {@link Builder.named}); the stacks use none.
 */
export function buildStack(config: unknown, opts: pulumi.ComponentResourceOptions, namePrefix = ""): Outputs {
    const stack = config as StackConfig;
    const gate = new RegistrationGate();
    const builder = new Builder(stack, gate.hold(opts), namePrefix);
    const configured = configuredTopologies(stack);
    const sections = Object.fromEntries(configured.map(c => [c.topology.key, c.section]));
    let outputs: Outputs = stack.network
        ? builder.section(() => buildSharedNetwork(builder, stack.network!, sections))
        : {};
    for (const { topology, section } of configured) {
        outputs = { ...outputs, ...builder.section(() => topology.build(builder, section)) };
    }
    builder.throwIfAny();
    gate.open();
    return outputs;
}
