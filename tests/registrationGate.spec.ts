/**
 * The registration gate (stacks/registrationGate.ts) on the offline engine: resources built with
 * held options reach the engine only once the gate opens, whatever ends the build otherwise.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { settle, world } from "./mocks";
import { restartEngine } from "../cli/engine";
import { RegistrationGate } from "../stacks/registrationGate";

class Thing extends pulumi.CustomResource {
    constructor(name: string, opts: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, {}, opts);
    }
}

class Box extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("topologies:test:Box", name, {}, opts);
        new Thing(`${name}-thing`, { parent: this });
        this.registerOutputs({});
    }
}

const registered = () => world.resources.filter(r => r.registered).map(r => r.name);
const moment = () => new Promise(resolve => setTimeout(resolve, 100));

describe("RegistrationGate", () => {
    beforeEach(() => world.reset());

    it("holds a component and its children until it opens, then lets them all go", async () => {
        const gate = new RegistrationGate();
        new Box("held", gate.hold({}));
        await moment();
        assert.deepEqual(registered(), []);
        gate.open();
        await settle();
        assert.deepEqual(registered().sort(), ["held", "held-thing"]);
    });

    it("keeps the caller's own dependsOn, after the gate", async () => {
        const first = new Box("first", {});
        await settle();
        const gate = new RegistrationGate();
        const held = gate.hold({ dependsOn: [first] });
        assert.ok(held.dependsOn instanceof Promise);
        gate.open();
        assert.deepEqual(await held.dependsOn, [first]);
    });

    it("registers nothing when the build fails some other way before the gate opens", async () => {
        const gate = new RegistrationGate();
        const build = () => {
            new Box("half", gate.hold({}));
            throw new TypeError("a bug in a builder");
        };
        assert.throws(build, /a bug in a builder/);
        await moment();
        assert.deepEqual(registered(), []);
        // The held registrations never settle: a fresh runtime for the specs after this one.
        restartEngine();
    });
});
