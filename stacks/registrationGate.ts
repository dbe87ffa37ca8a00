/**
 * Holds back every registration of a stack until the whole stack has been checked, so a
 * component rejecting its input in the last section cannot leave the first half-created.
 *
 * Why this works, in one pass and in the program's own process: a Pulumi resource's constructor
 * only *starts* its registration. The RegisterResource request goes to the engine once its
 * explicit dependencies have resolved (`gatherExplicitDependencies(opts.dependsOn)` in
 * @pulumi/pulumi runtime/resource.js `prepareResource`, which awaits a promise given as
 * `dependsOn`), and a child's request waits for its parent's URN, which exists only once the
 * parent is registered. So a promise in the `dependsOn` of every top-level component holds back
 * the whole tree under it. The stack is built (every component checks its input in its
 * constructor, synchronously), and only when no section was rejected does the gate open.
 *
 * When a section is rejected the gate never opens: the program ends with the validation error
 * and the held registrations are dropped with the process (nothing keeps the event loop alive
 * for them; the Node.js host skips its shutdown handshake after an error). An opened gate
 * resolves to no resources, so it adds no dependency to the state and no diff.
 *
 * Values known only during the deployment (an Output checked when it resolves) are outside the
 * gate by nature: their components hold back the resources that take them instead.
 *
 * What must not wait behind the gate: `pulumi.log` messages. The SDK sends them one after the
 * other, and one attached to a resource waits for that resource's URN, so a message attached to
 * a held resource would hold back every later one, the program's error included (the run would
 * fail without a word). Components log without a resource (an ESLint rule enforces it).
 */
import * as pulumi from "@pulumi/pulumi";

export class RegistrationGate {
    private release!: () => void;
    private readonly opened = new Promise<pulumi.Resource[]>(resolve => {
        this.release = () => resolve([]);
    });

    /** `opts` whose registrations wait for {@link open}; the caller's own `dependsOn` is kept. */
    hold<O extends pulumi.ResourceOptions>(opts: O): O {
        const own = opts.dependsOn;
        const dependsOn: pulumi.Input<pulumi.Resource[]> =
            own === undefined
                ? this.opened
                : // The SDK resolves nested inputs (a promise of a list of inputs) the same way.
                  (this.opened.then(() => own) as pulumi.Input<pulumi.Resource[]>);
        return { ...opts, dependsOn };
    }

    /** Lets the held registrations go to the engine: call once the whole stack was checked. */
    open(): void {
        this.release();
    }
}
