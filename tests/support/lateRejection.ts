/**
 * A value given as an Output is checked when it resolves (`checkedWhenKnown`): the test helper
 * for that case, waiting for the TopologyValidationError it raises.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError } from "../../components/errors";
import { RecordedResource, recorder, restartEngine, settle, world } from "../../cli/engine";

/**
 * Builds what `create` makes (with the recorder's options) and waits for the
 * TopologyValidationError a late value raises when it resolves; returns it with the resources
 * registered by then. The registrations that waited for the value never settle, so the offline
 * engine is restarted before this returns.
 */
export async function lateRejection(
    create: (opts: pulumi.ComponentResourceOptions) => unknown,
    timeoutMs = 5000,
): Promise<{ error: TopologyValidationError; registered: readonly RecordedResource[] }> {
    world.reset();
    let stopWaiting = (): void => undefined;
    const rejected = new Promise<unknown>(resolve => {
        const timer = setTimeout(() => resolve(new Error(`no late rejection in ${timeoutMs} ms`)), timeoutMs);
        process.on("unhandledRejection", resolve);
        stopWaiting = () => {
            clearTimeout(timer);
            process.off("unhandledRejection", resolve);
        };
    });
    try {
        create({ transformations: [recorder] });
        // The registrations may settle before the late value's rejection is reported: wait for it.
        const error = await Promise.race([
            settle().then(
                () => rejected,
                (e: unknown) => e,
            ),
            rejected,
        ]);
        assert.ok(
            error instanceof TopologyValidationError,
            `expected a TopologyValidationError when the value resolved, got ${error}`,
        );
        return { error, registered: [...world.resources] };
    } finally {
        stopWaiting();
        restartEngine();
    }
}
