/**
 * The shape of a {@link MeshLocalityPolicyArgs}: what each input must look like before the
 * policy's rules run, for callers TypeScript does not protect. Tied to the args interfaces by
 * `argsShape`; the Istio fields mirror the DestinationRule types of @kubernetes-models/istio.
 */
import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "../../sdk/kubernetes";
import { z } from "zod";
import { argsShape, providerOf, text, wholeNumber } from "../../shape";
import { isLabelKey, isLabelValue } from "../istio/names";
import { ConnectionPool, OutlierDetection, Subset } from "../istio/objects";
import { LocalityMesh, LocalityPolicy, MeshLocalityPolicyArgs } from "./args";

/** An Istio duration, e.g. `1s`, `500ms` or `1h30m` (the API's format: "1h/1m/1s/1ms"). */
const DURATION = /^(\d+(\.\d+)?(h|m|s|ms))+$/;

/** A duration of an Istio object. */
const duration = text.superRefine((value, ctx) => {
    if (!DURATION.test(value)) {
        ctx.addIssue({
            code: "custom",
            message: "is not an Istio duration",
            params: { fix: "Write it like 1s, 500ms or 1m." },
        });
    }
});

/** The unsigned 32-bit counts of outlier detection (`google.protobuf.UInt32Value` in Istio's API). */
const count = wholeNumber(0, 4294967295);
/** The signed 32-bit limits of a connection pool (`int32`). */
const limit = wholeNumber(0, 2147483647);
/** A percentage of hosts. */
const percent = wholeNumber(0, 100);

/** Outlier detection, as Istio's DestinationRule takes it (networking/v1alpha3 `OutlierDetection`). */
export const OUTLIER_DETECTION_SHAPE = argsShape<OutlierDetection>()(
    z.strictObject({
        baseEjectionTime: duration.optional(),
        consecutive5xxErrors: count.optional(),
        consecutiveErrors: count.optional(),
        consecutiveGatewayErrors: count.optional(),
        consecutiveLocalOriginFailures: count.optional(),
        interval: duration.optional(),
        maxEjectionPercent: percent.optional(),
        minHealthPercent: percent.optional(),
        splitExternalLocalOriginErrors: z.boolean().optional(),
    }),
);

/** A connection pool, as Istio's DestinationRule takes it (`ConnectionPoolSettings`). */
const CONNECTION_POOL_SHAPE = argsShape<ConnectionPool>()(
    z.strictObject({
        http: z
            .strictObject({
                h2UpgradePolicy: z.enum(["DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"]).optional(),
                http1MaxPendingRequests: limit.optional(),
                http2MaxRequests: limit.optional(),
                idleTimeout: duration.optional(),
                maxConcurrentStreams: limit.optional(),
                maxRequestsPerConnection: limit.optional(),
                maxRetries: limit.optional(),
                useClientProtocol: z.boolean().optional(),
            })
            .optional(),
        tcp: z
            .strictObject({
                connectTimeout: duration.optional(),
                idleTimeout: duration.optional(),
                maxConnectionDuration: duration.optional(),
                maxConnections: limit.optional(),
                tcpKeepalive: z
                    .strictObject({
                        interval: duration.optional(),
                        probes: count.optional(),
                        time: duration.optional(),
                    })
                    .optional(),
            })
            .optional(),
    }),
);

/** A plain object (not null, a list or a class instance), whose fields Istio's schema checks. */
function plainObject<T>(what: string): z.ZodType<T> {
    return z.custom<T>(
        value =>
            value !== null &&
            typeof value === "object" &&
            !Array.isArray(value) &&
            [Object.prototype, null].includes(Object.getPrototypeOf(value)),
        {
            message: `is not ${what}`,
            params: { fix: `Write ${what} here.` },
        },
    );
}

/** Kubernetes labels, each key and value as Kubernetes takes them. */
const LABELS = z.record(z.string(), z.string()).superRefine((labels, ctx) => {
    for (const [key, value] of Object.entries(labels)) {
        if (!isLabelKey(key)) {
            ctx.addIssue({
                code: "custom",
                path: [key],
                message: `${JSON.stringify(key)} is not a Kubernetes label key`,
                params: { fix: "Use letters, digits, '-', '_' and '.', at most 63, e.g. version." },
            });
        } else if (!isLabelValue(value)) {
            ctx.addIssue({
                code: "custom",
                path: [key],
                message: "is not a Kubernetes label value",
                params: {
                    fix: "Use letters, digits, '-', '_' and '.', at most 63, starting and ending with a letter or digit.",
                },
            });
        }
    }
});

/** A subset kept on the rule: its name, labels, and its own traffic policy (checked against Istio's schema). */
const SUBSET_SHAPE = argsShape<Subset>()(
    z.strictObject({
        name: text,
        labels: LABELS.optional(),
        trafficPolicy: plainObject<NonNullable<Subset["trafficPolicy"]>>("a traffic policy (an object)").optional(),
    }),
);

/**
 * Refuses the field of the other mode: Istio takes one of failover and distribution on a rule.
 * (In the types a `never`, so a TypeScript caller cannot write it at all.)
 */
function otherMode(field: "failover" | "distribute", mode: "failover" | "distribution") {
    const other = mode === "failover" ? "distribution" : "failover";
    return z
        .custom<never>(() => false, {
            message: "failover and distribution are exclusive modes; the policy sets both",
            params: {
                fix: `Drop ${field}, or use mode '${other}' without ${mode === "failover" ? "failover" : "distribute"}.`,
            },
        })
        .optional();
}

/** A locality policy: failover or distribution, told apart by `mode` (also the shape of Bookinfo's `reviewsLocality`). */
export const LOCALITY_POLICY_SHAPE = argsShape<LocalityPolicy>()(
    z.discriminatedUnion("mode", [
        z.strictObject({
            mode: z.literal("failover"),
            failover: z.array(z.strictObject({ from: text, to: text })),
            distribute: otherMode("distribute", "failover"),
            outlierDetection: OUTLIER_DETECTION_SHAPE.optional(),
        }),
        z.strictObject({
            mode: z.literal("distribution"),
            distribute: z.array(z.strictObject({ from: text, to: z.record(text, z.number()) })),
            failover: otherMode("failover", "distribution"),
            outlierDetection: OUTLIER_DETECTION_SHAPE.optional(),
        }),
    ]),
);

/** A Kubernetes provider (a cluster's or the mesh control plane's), told as Pulumi tells it. */
export const KUBERNETES_PROVIDER = providerOf(kubernetes.Provider, "kubernetes");

/**
 * The mesh, as a locality policy reads it: any object with these fields (a ServiceMesh has
 * more), so not strict.
 */
export const LOCALITY_MESH_SHAPE = argsShape<LocalityMesh>()(
    z
        .object({
            provider: KUBERNETES_PROVIDER,
            version: text.optional(),
            regions: z.array(text).readonly(),
            zones: z.record(text, z.array(text).readonly()).readonly().optional(),
            ready: z
                .array(
                    z.custom<pulumi.Resource>(pulumi.Resource.isInstance, {
                        message: "is not a resource",
                        params: { fix: "List the resources objects applied to the mesh wait for." },
                    }),
                )
                .readonly()
                .optional(),
        })
        .readonly(),
);

/** The shape of {@link MeshLocalityPolicyArgs}. Names and the host are strings here; the rules check their form. */
export const MESH_LOCALITY_POLICY_SHAPE = argsShape<MeshLocalityPolicyArgs>()(
    z.strictObject({
        mesh: LOCALITY_MESH_SHAPE,
        host: text,
        ruleName: text.optional(),
        namespace: text.optional(),
        subsets: z.array(SUBSET_SHAPE).optional(),
        policy: LOCALITY_POLICY_SHAPE,
        connectionPool: z.union([CONNECTION_POOL_SHAPE, z.literal(false)]).optional(),
    }),
);
