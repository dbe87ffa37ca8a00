/** S4 in production: the mesh's observability settings (ServiceMesh `observability` → the ASM instance's meshConfig). */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { readStackConfig } from "../cli/stackConfig";
import { buildStack, loadStackConfig } from "../stacks/program";
import { ServiceMesh, ServiceMeshArgs, validateServiceMeshArgs } from "../components/alicloud/mesh";
import { build, world } from "./mocks";
import { problemLines } from "./mocks/rejection";
import { meshTutorial, meshTutorialArgs } from "./support/meshTutorial";

const MESH = "servicemesh/serviceMesh:ServiceMesh";

/** The meshConfig the ASM instance is created with, for `observability`. */
async function meshConfigOf(observability?: ServiceMeshArgs["observability"]): Promise<unknown> {
    await build(opts => {
        const t = meshTutorial(opts);
        return new ServiceMesh("asm", meshTutorialArgs(t, observability ? { observability } : {}), opts);
    });
    const [mesh] = world.ofType(MESH);
    return mesh.inputs.meshConfig;
}

/** The problems of `observability` (untyped, as other languages pass it), as `path: message` lines. */
async function problemsOf(observability: unknown): Promise<string[]> {
    let lines: string[] = [];
    await build(opts => {
        const t = meshTutorial(opts);
        lines = problemLines(() =>
            validateServiceMeshArgs(
                "asm",
                meshTutorialArgs(t, { observability: observability as ServiceMeshArgs["observability"] }),
            ),
        );
        return t.meshVpc;
    });
    return lines;
}

describe("ServiceMesh observability (meshConfig)", () => {
    it("sends locality load balancing alone when observability is absent, as before", async () => {
        assert.deepEqual(await meshConfigOf(), { enableLocalityLb: true });
    });

    it("sends access logs with their SLS project, tracing with its sampling percentage, telemetry and Kiali", async () => {
        assert.deepEqual(
            await meshConfigOf({
                accessLog: { enabled: true, project: "prod-mesh-logs" },
                tracing: { enabled: true, sampleRate: 2.5 },
                telemetry: true,
                kiali: true,
            }),
            {
                enableLocalityLb: true,
                accessLog: { enabled: true, sidecarEnabled: true, gatewayEnabled: true, project: "prod-mesh-logs" },
                tracing: true,
                pilot: { traceSampling: 2.5 },
                telemetry: true,
                kiali: { enabled: true },
            },
        );
    });

    it("sends each setting off as given, and leaves out what is not given", async () => {
        assert.deepEqual(await meshConfigOf({ accessLog: { enabled: false }, tracing: { enabled: false } }), {
            enableLocalityLb: true,
            accessLog: { enabled: false },
            tracing: false,
        });
        assert.deepEqual(await meshConfigOf({ telemetry: false, kiali: false }), {
            enableLocalityLb: true,
            telemetry: false,
            kiali: { enabled: false },
        });
        assert.deepEqual(await meshConfigOf({ tracing: { enabled: true, sampleRate: 0 } }), {
            enableLocalityLb: true,
            tracing: true,
            pilot: { traceSampling: 0 },
        });
    });

    it("refuses a sampling percentage outside 0–100, or with tracing off, at its path", async () => {
        assert.deepEqual(await problemsOf({ tracing: { enabled: true, sampleRate: 100.5 } }), [
            "observability.tracing.sampleRate: 100.5 is not a sampling percentage from 0 to 100.",
        ]);
        assert.deepEqual(await problemsOf({ tracing: { enabled: true, sampleRate: -1 } }), [
            "observability.tracing.sampleRate: -1 is not a sampling percentage from 0 to 100.",
        ]);
        assert.deepEqual(await problemsOf({ tracing: { enabled: false, sampleRate: 10 } }), [
            "observability.tracing.sampleRate: a sampling percentage is given but tracing is off (enabled: false).",
        ]);
    });

    it("refuses Kiali without telemetry, which ASM would turn back off", async () => {
        assert.deepEqual(await problemsOf({ kiali: true }), [
            "observability.kiali: Kiali draws from the mesh's Prometheus metrics, and without telemetry ASM turns it back off (a diff on every update).",
        ]);
        assert.deepEqual(await problemsOf({ kiali: true, telemetry: false }).then(p => p.length), 1);
    });

    it("refuses an SLS project that is not one, or with the access logs off, at its path", async () => {
        assert.deepEqual(await problemsOf({ accessLog: { enabled: true, project: "Prod_Logs" } }), [
            "observability.accessLog.project: 'Prod_Logs' is not a Simple Log Service project name: 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
        ]);
        assert.equal((await problemsOf({ accessLog: { enabled: true, project: "ab" } })).length, 1);
        assert.equal((await problemsOf({ accessLog: { enabled: true, project: "logs-" } })).length, 1);
        assert.deepEqual(await problemsOf({ accessLog: { enabled: false, project: "logs" } }), [
            "observability.accessLog.project: a log project is given but the access logs are off (enabled: false).",
        ]);
    });

    it("refuses mistyped or unknown settings from untyped callers at their paths, never with a TypeError", async () => {
        const lines = await problemsOf({
            accessLog: { project: "logs" },
            tracing: { enabled: "yes" },
            telemetry: 1,
            kiali: "on",
            prometheus: true,
        });
        assert.deepEqual(
            lines.map(l => l.split(":")[0]),
            [
                "observability.accessLog.enabled",
                "observability.tracing.enabled",
                "observability.telemetry",
                "observability.kiali",
                "observability.prometheus",
            ],
        );
    });
});

describe("the prod stack's mesh", function () {
    this.timeout(30_000);

    it("turns access logs, tracing (1%), telemetry and Kiali on", async () => {
        const raw = readStackConfig(path.resolve(__dirname, "..", "stacks"), "prod", "topologies").raw;
        await build(opts => buildStack(loadStackConfig(raw), opts));
        const meshes = world.ofType(MESH);
        assert.equal(meshes.length, 1);
        assert.deepEqual(meshes[0].inputs.meshConfig, {
            enableLocalityLb: true,
            accessLog: { enabled: true, sidecarEnabled: true, gatewayEnabled: true },
            tracing: true,
            pilot: { traceSampling: 1 },
            telemetry: true,
            kiali: { enabled: true },
        });
    });
});
