/**
 * The observability settings of a {@link ServiceMesh}, sent as the ASM instance's `meshConfig`
 * (provider `servicemesh.ServiceMesh.meshConfig`, node_modules/@pulumi/alicloud/types/input.d.ts
 * `ServiceMeshMeshConfig`; terraform-provider-alicloud resource_alicloud_service_mesh_service_mesh.go,
 * which sends them as CreateServiceMesh's AccessLogEnabled, AccessLogProject, Tracing,
 * TraceSampling, Telemetry and KialiEnabled): sidecar access logs to Simple Log Service, tracing
 * with its sampling percentage, Prometheus metrics, and the Kiali mesh topology. Pure: the args,
 * their shape, their rules and what they render.
 */
import * as alicloud from "../../sdk/alicloud";
import { z } from "zod";
import { Problems } from "../../errors";
import { argsShape, text } from "../../shape";
import { SLS_PROJECT } from "../names";

/** Sidecar access logs collected to Simple Log Service (SLS). */
export interface MeshAccessLogArgs {
    /**
     * Collect the access logs: `meshConfig.accessLog.enabled` (the proxies write them) and, on,
     * `sidecarEnabled` and `gatewayEnabled`, which the provider documents as collecting the
     * sidecars' and gateways' access logs to SLS (input.d.ts `ServiceMeshMeshConfigAccessLog`,
     * v1.223.1+); that `enabled` alone ships nothing to SLS is our reading, unconfirmed. Required.
     */
    enabled: boolean;
    /**
     * The SLS project the logs go to (`meshConfig.accessLog.project`): 3 to 63 lowercase letters,
     * digits and hyphens, starting and ending with a letter or digit. Only with `enabled`. Checked
     * before registration. Default: the project ASM creates for the mesh.
     */
    project?: string;
}

/** Tracing (Managed Service for OpenTelemetry, formerly Tracing Analysis). */
export interface MeshTracingArgs {
    /** Report traces (`meshConfig.tracing`). Required. */
    enabled: boolean;
    /**
     * Percentage of requests traced (`meshConfig.pilot.traceSampling`, CreateServiceMesh
     * `TraceSampling`, "The sampling percentage of tracing analysis"): a number from 0 to 100,
     * fractions allowed (a float in the provider, not validated there; Istio's "Configure trace
     * sampling": "in the range of 0.0 to 100.0 with a precision of 0.01"). Only with `enabled`.
     * Checked before registration. Default: ASM's, which its API reference does not state (100 is
     * only its example; upstream Istio's default is 1 %).
     */
    sampleRate?: number;
}

/** What the mesh reports about its traffic. Each setting left out is not sent: ASM keeps its own. */
export interface MeshObservabilityArgs {
    /** Sidecar access logs to SLS. Checked before registration. Default: not sent (ASM's default, off). */
    accessLog?: MeshAccessLogArgs;
    /** Tracing and its sampling percentage. Checked before registration. Default: not sent (ASM's default, off). */
    tracing?: MeshTracingArgs;
    /**
     * Collect Prometheus metrics (`meshConfig.telemetry`; Alibaba Cloud recommends Managed Service
     * for Prometheus). Checked before registration: a boolean. Default: not sent (ASM's default, off).
     */
    telemetry?: boolean;
    /**
     * The Kiali mesh topology (`meshConfig.kiali.enabled`), which draws from the mesh's Prometheus
     * metrics: `true` needs `telemetry: true` ("you must first open the collection Prometheus …
     * when the configuration update is false, the system automatically set this value to false",
     * terraform-provider-alicloud website/docs/r/service_mesh_service_mesh.html.markdown,
     * `mesh_config-kiali.enabled`; without it ASM turns Kiali off and every update shows a diff).
     * Checked before registration. Default: not sent (ASM's default, off).
     */
    kiali?: boolean;
}

/** The shape of {@link MeshObservabilityArgs}; the ranges and the pairings are the rules'. */
export const MESH_OBSERVABILITY_SHAPE = argsShape<MeshObservabilityArgs>()(
    z.strictObject({
        accessLog: z.strictObject({ enabled: z.boolean(), project: text.optional() }).optional(),
        tracing: z.strictObject({ enabled: z.boolean(), sampleRate: z.number().optional() }).optional(),
        telemetry: z.boolean().optional(),
        kiali: z.boolean().optional(),
    }),
);

/** The ASM instance's `meshConfig`: locality load balancing on (what the mesh is for), then what `observability` sets. */
export type MeshConfigPlan = alicloud.types.input.servicemesh.ServiceMeshMeshConfig;

/**
 * Checks `observability` (its shape is the mesh's; `problems` is scoped by the caller at
 * `observability`) and returns the `meshConfig` to send.
 */
export function checkObservability(
    problems: Problems,
    observability: MeshObservabilityArgs | undefined,
): MeshConfigPlan {
    const o = observability ?? {};
    const config: MeshConfigPlan = { enableLocalityLb: true };
    if (o.accessLog) {
        const { enabled, project } = o.accessLog;
        if (project !== undefined && !enabled) {
            problems.add(
                "accessLog.project",
                "a log project is given but the access logs are off (enabled: false).",
                "Set enabled: true, or drop project.",
            );
        } else if (project !== undefined && !SLS_PROJECT.test(project)) {
            problems.add(
                "accessLog.project",
                `'${project}' is not a Simple Log Service project name: 3 to 63 lowercase letters, digits and hyphens, ` +
                    "starting and ending with a letter or digit.",
                "Use the name of an SLS project in the mesh's region, e.g. asm-access-logs.",
            );
        }
        config.accessLog = {
            enabled,
            ...(enabled && { sidecarEnabled: true, gatewayEnabled: true }),
            ...(project !== undefined && { project }),
        };
    }
    if (o.tracing) {
        const { enabled, sampleRate } = o.tracing;
        if (sampleRate !== undefined && !enabled) {
            problems.add(
                "tracing.sampleRate",
                "a sampling percentage is given but tracing is off (enabled: false).",
                "Set enabled: true, or drop sampleRate.",
            );
        } else if (sampleRate !== undefined && !(Number.isFinite(sampleRate) && sampleRate >= 0 && sampleRate <= 100)) {
            problems.add(
                "tracing.sampleRate",
                `${sampleRate} is not a sampling percentage from 0 to 100.`,
                "Trace a share of the requests from 0 to 100 percent, e.g. 1 for production traffic.",
            );
        }
        config.tracing = enabled;
        if (sampleRate !== undefined) config.pilot = { traceSampling: sampleRate };
    }
    if (o.telemetry !== undefined) config.telemetry = o.telemetry;
    if (o.kiali === true && o.telemetry !== true) {
        problems.add(
            "kiali",
            "Kiali draws from the mesh's Prometheus metrics, and without telemetry ASM turns it back off (a diff on every update).",
            "Set telemetry: true beside kiali: true, or drop kiali.",
        );
    }
    if (o.kiali !== undefined) config.kiali = { enabled: o.kiali };
    return config;
}
