/**
 * The Pulumi program itself (stacks/index.ts), run as `pulumi up` would run it but on the
 * offline engine: config read from the runtime, the secret password reaching the servers, a bad
 * stack refused before anything is registered, and the stack outputs.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { readStackConfig } from "../cli/stackConfig";

const root = path.resolve(__dirname, "..");

function devDualStack(): Record<string, unknown> {
    return readStackConfig(path.join(root, "stacks"), "dev", "topologies").raw.dualStackAlb as Record<string, unknown>;
}

/** Pulumi's wire marker of a secret value (`specialSigKey` / `specialSecretSig` in the SDK). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";

function runEntry(stack: string, env: Record<string, string> = {}) {
    const run = spawnSync(process.execPath, ["-r", "./cli/register.js", "tests/fixtures/runEntry.ts", stack], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, ...env },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the Pulumi program (stacks/index.ts)", function () {
    this.timeout(60_000);

    it("reads the stack's config from the runtime and exports the outputs, with the password as a secret", () => {
        const run = runEntry("multi-eip");
        assert.equal(run.status, 0, run.stderr);
        const result = JSON.parse(run.stdout.trim().split("\n").pop()!);
        assert.equal(result.types["alicloud:ecs/eipAddress:EipAddress"], 3);
        assert.deepEqual(result.outputs.s2PrivateIps, ["172.16.0.57", "172.16.0.77", "172.16.0.78"]);
        // The engine sees the password wrapped as a secret (Pulumi's secret signature), never plain.
        assert.deepEqual(result.passwords, [{ [SECRET_SIG]: SECRET_VALUE_SIG, value: "s3cret-Passw0rd" }]);
    });

    it("refuses a key stored as a secret that the program would read in plain text", () => {
        const run = runEntry("multi-eip", {
            ENTRY_SECRET_KEYS: JSON.stringify(["topologies:multiEip"]),
        });
        assert.equal(run.status, 1, run.stderr);
        const result = JSON.parse(run.stdout.trim().split("\n").pop()!);
        assert.match(
            result.error,
            /topologies:multiEip: is stored as a secret, but the program reads this key as plain configuration/,
        );
        assert.deepEqual(result.types, {}, "nothing may be registered");
    });

    it("registers nothing when a late component rejects its input (the registration gate)", () => {
        // Valid config shape, but the S3 component (built after S1's VPCs and CEN) rejects the port.
        // The other topologies are left out: they add time, not coverage.
        const run = runEntry("dev", {
            ENTRY_OVERRIDE: JSON.stringify({
                fargate: null,
                meshFailover: null,
                multiEip: null,
                dualStackAlb: { ...devDualStack(), listener: { port: 0 } },
            }),
        });
        assert.equal(run.status, 1, run.stderr);
        const result = JSON.parse(run.stdout.trim().split("\n").pop()!);
        assert.match(result.error, /topologies:dualStackAlb\.listener\.port/);
        assert.deepEqual(result.types, {}, "nothing may be registered");
    });
});
