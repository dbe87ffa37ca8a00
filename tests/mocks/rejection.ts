/**
 * The two shapes every validation test takes, written once: a component refused during a build
 * (and nothing of it registered), and a pure `validate…` function refusing its input.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError } from "../../components/errors";
import { build, world } from "./index";
import { RecordedResource, recorder, restartEngine } from "../../cli/engine";

/**
 * Builds what `create` makes with the recorder's options, expecting `component` (as the error
 * names it, e.g. `topologies:alicloud:RegionalVpc 'bad'`) to throw a TopologyValidationError;
 * asserts that no resource `own` selects was registered, and returns the error.
 *
 * `create` may first make what the component needs (VPCs, a network): checking the error's
 * component keeps a rejection of those from passing for the component's own. `own` defaults to
 * every resource; narrow it when `create` registers prerequisites.
 */
export async function expectRejection(
    component: string,
    create: (opts: pulumi.ComponentResourceOptions) => unknown,
    own: (r: RecordedResource) => boolean = () => true,
): Promise<TopologyValidationError> {
    let error: unknown;
    await build(opts => {
        try {
            create(opts);
        } catch (e) {
            error = e;
        }
    });
    assert.ok(error instanceof TopologyValidationError, `expected a TopologyValidationError, got ${error}`);
    assert.equal(error.component, component, error.message);
    assert.deepEqual(
        world.resources.filter(own).map(r => `${r.type} ${r.name}`),
        [],
        "nothing of the component may be registered when validation fails",
    );
    return error;
}

/** The problems, as `path: message` lines, of a call that must throw a TopologyValidationError. */
export function problemLines(f: () => unknown): string[] {
    try {
        f();
    } catch (e) {
        assert.ok(e instanceof TopologyValidationError, String(e));
        return e.problems.map(p => `${p.path}: ${p.message}`);
    }
    assert.fail("expected a TopologyValidationError");
}

/**
 * Builds what `create` makes, expecting a value given as an Output to be refused when it
 * resolves: returns the TopologyValidationError naming `component` that the registrations taking
 * the value fail with. Such a build never settles (the failed registrations leave promises
 * behind), so this waits for the error (at most `waitMs`) and then restarts the engine; the
 * recorded world is kept for assertions (a resource the engine never created has the empty `id`).
 */
export async function expectRejectionWhenKnown(
    component: string,
    create: (opts: pulumi.ComponentResourceOptions) => unknown,
    waitMs = 3000,
): Promise<TopologyValidationError> {
    world.reset();
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => void rejections.push(e);
    process.on("unhandledRejection", onRejection);
    const refused = () => rejections.find((e): e is TopologyValidationError => e instanceof TopologyValidationError);
    try {
        create({ transformations: [recorder] });
        const deadline = Date.now() + waitMs;
        while (!refused() && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 10));
    } finally {
        process.off("unhandledRejection", onRejection);
        restartEngine();
    }
    const error = refused();
    assert.ok(
        error,
        `expected a TopologyValidationError when the value resolved, got ${rejections.map(String).join("; ") || "none"}`,
    );
    assert.equal(error.component, component, error.message);
    return error;
}
