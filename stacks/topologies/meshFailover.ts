/** S4: ACK clusters in several regions in one ASM mesh, with Istio locality failover or distribution. */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ACK_CLUSTER_SPECS, ACK_NETWORK_PLUGINS, AckCluster } from "../../components/alicloud/ack";
import { Bookinfo } from "../../components/alicloud/bookinfo";
import { ISTIO_MTLS_MODES } from "../../components/alicloud/istio";
import { ServiceMesh } from "../../components/alicloud/mesh";
import { RegionalVpc } from "../../components/alicloud/vpc";
import { Builder, reportedAt } from "../builder";
import { bandwidthPackage, cidr, vpc } from "../schema";
import { defineTopology } from "../topology";

/**
 * Public access to a control plane's API server (`publicApiServer` of AckCluster and ServiceMesh):
 * the IPv4 blocks allowed, or `false`/absent for a private API server (the default, prod's).
 */
const publicApiServer = z.union([z.literal(false), z.strictObject({ allowedSources: z.array(cidr) })]);

const ackCluster = z.strictObject({
    vpc,
    vSwitches: z.array(z.string()),
    networkPlugin: z.enum(ACK_NETWORK_PLUGINS).optional(),
    podCidr: cidr.optional(),
    podVSwitches: z.array(z.string()).optional(),
    serviceCidr: cidr,
    clusterSpec: z.enum(ACK_CLUSTER_SPECS).optional(),
    kubernetesVersion: z.string().optional(),
    deletionProtection: z.boolean().optional(),
    publicApiServer: publicApiServer.optional(),
    nodePool: z.strictObject({
        instanceTypes: z.array(z.string()),
        desiredSize: z.number().int().optional(),
        systemDiskCategory: z.string().optional(),
        systemDiskSize: z.number().int().optional(),
        keyName: z.string().optional(),
    }),
});

/**
 * Outlier detection of the reviews DestinationRule (MeshLocalityPolicy `outlierDetection`), checked
 * against Istio's ranges. Default: the tutorial's (consecutive5xxErrors 1, interval 1s, baseEjectionTime 1m).
 */
const outlierDetection = z.strictObject({
    consecutive5xxErrors: z.number().int().optional(),
    consecutiveGatewayErrors: z.number().int().optional(),
    consecutiveLocalOriginFailures: z.number().int().optional(),
    splitExternalLocalOriginErrors: z.boolean().optional(),
    interval: z.string().optional(),
    baseEjectionTime: z.string().optional(),
    maxEjectionPercent: z.number().int().optional(),
    minHealthPercent: z.number().int().optional(),
});

const schema = z.strictObject({
    clusters: z.record(z.string(), ackCluster),
    mesh: z.strictObject({
        vpc,
        vSwitch: z.string(),
        edition: z.enum(["Default", "Pro"]).optional(),
        version: z.string().optional(),
        publicApiServer: publicApiServer.optional(),
        /** Clusters (keys of `clusters`) the ingress gateway is deployed to (ServiceMesh `ingressGatewayClusters`). */
        ingressGatewayClusters: z.array(z.string()).optional(),
        /** Mesh-wide mutual TLS (ServiceMesh `mtls`): STRICT (the default), PERMISSIVE or DISABLE. */
        mtls: z.enum(ISTIO_MTLS_MODES).optional(),
        /**
         * What the mesh reports (ServiceMesh `observability`): sidecar access logs to SLS, tracing and its
         * sampling percentage, Prometheus metrics, the Kiali topology. Default: ASM's own (off).
         */
        observability: z
            .strictObject({
                accessLog: z.strictObject({ enabled: z.boolean(), project: z.string().optional() }).optional(),
                tracing: z.strictObject({ enabled: z.boolean(), sampleRate: z.number().optional() }).optional(),
                telemetry: z.boolean().optional(),
                kiali: z.boolean().optional(),
            })
            .optional(),
        peerBandwidthMbps: z.number().optional(),
        bandwidthPackage: bandwidthPackage.optional(),
        bandwidthPackages: z.array(bandwidthPackage).optional(),
    }),
    locality: z.discriminatedUnion("mode", [
        z.strictObject({
            mode: z.literal("failover"),
            failover: z.array(z.strictObject({ from: z.string(), to: z.string() })),
            outlierDetection: outlierDetection.optional(),
        }),
        z.strictObject({
            mode: z.literal("distribution"),
            distribute: z.array(z.strictObject({ from: z.string(), to: z.record(z.string(), z.number()) })),
            outlierDetection: outlierDetection.optional(),
        }),
    ]),
    /** Cluster name → the reviews versions it runs (the tutorial: v1 in one region, v2 in the other). */
    reviewsVersions: z.record(z.string(), z.array(z.enum(["v1", "v2", "v3"]))).optional(),
    /** Registry of the Bookinfo images, e.g. an ACR mirror (mainland-China regions cannot count on Docker Hub). */
    bookinfoImageRegistry: z.string().optional(),
});

type MeshFailoverConfig = z.infer<typeof schema>;

/** Each cluster's VPC and the mesh's, by CEN member name, created once through the builder. */
function vpcsByMember(b: Builder, s: MeshFailoverConfig): Record<string, RegionalVpc> {
    const members: Record<string, RegionalVpc> = {};
    for (const [key, cluster] of Object.entries(s.clusters)) {
        members[`s4-${key}`] = b.vpc(`s4-${key}-net`, ["meshFailover", "clusters", key, "vpc"], cluster.vpc);
    }
    members["s4-mesh"] = b.vpc("s4-mesh-net", ["meshFailover", "mesh", "vpc"], s.mesh.vpc);
    return members;
}

export const meshFailover = defineTopology({
    key: "meshFailover",
    title: "S4: ACK clusters in two regions in one ASM mesh, with locality failover and distribution",
    schema,
    vpcs: s => [
        ...Object.entries(s.clusters).map(([key, cluster]) => ({
            path: ["clusters", key, "vpc"],
            name: `S4 cluster '${key}' VPC`,
            vpc: cluster.vpc,
        })),
        { path: ["mesh", "vpc"], name: "S4 mesh VPC", vpc: s.mesh.vpc },
    ],
    blocks: s =>
        Object.entries(s.clusters).flatMap(([key, cluster]) => [
            ...(cluster.podCidr
                ? [{ path: ["clusters", key, "podCidr"], name: `S4 cluster '${key}' Pod CIDR`, text: cluster.podCidr }]
                : []),
            {
                path: ["clusters", key, "serviceCidr"],
                name: `S4 cluster '${key}' Service CIDR`,
                text: cluster.serviceCidr,
            },
        ]),
    sharedCenMembers: (b, s) => vpcsByMember(b, s),
    build(b, s) {
        const vpcs = vpcsByMember(b, s);
        const clusters = Object.fromEntries(
            Object.entries(s.clusters).map(([key, c]) => {
                const section = ["meshFailover", "clusters", key];
                const { vpc: _vpc, ...options } = c;
                const cluster = reportedAt(
                    section,
                    () =>
                        new AckCluster(
                            b.named(`s4-${key}`),
                            {
                                ...options,
                                vpc: vpcs[`s4-${key}`],
                                deletionProtection: options.deletionProtection ?? b.deletionProtection,
                                tags: b.tags,
                            },
                            b.opts,
                        ),
                );
                return [key, cluster];
            }),
        );
        const {
            vpc: _meshVpc,
            vSwitch,
            peerBandwidthMbps,
            bandwidthPackage,
            bandwidthPackages,
            ...meshOptions
        } = s.mesh;
        const mesh = reportedAt(
            ["meshFailover", "mesh"],
            () =>
                new ServiceMesh(
                    b.named("s4-mesh"),
                    {
                        ...meshOptions,
                        vpc: vpcs["s4-mesh"],
                        vSwitch,
                        clusters,
                        cen: b.sharedCen,
                        cenOptions: b.sharedCen
                            ? undefined
                            : { peerBandwidthMbps, bandwidthPackage, bandwidthPackages },
                        tags: b.tags,
                    },
                    b.opts,
                ),
            [
                [/^clusters\b/, () => ["meshFailover", "clusters"]],
                [/^cen\b/, () => ["network"]],
                [/^cenOptions\b/, () => ["meshFailover", "mesh"]],
            ],
        );
        reportedAt(
            ["meshFailover"],
            () =>
                new Bookinfo(
                    b.named("s4-bookinfo"),
                    {
                        clusters: Object.fromEntries(
                            Object.entries(clusters).map(([key, cluster]) => [
                                key,
                                {
                                    provider: cluster.provider,
                                    reviewsVersions: s.reviewsVersions?.[key],
                                },
                            ]),
                        ),
                        mesh,
                        reviewsLocality: s.locality,
                        imageRegistry: s.bookinfoImageRegistry,
                    },
                    b.opts,
                ),
            [
                [/^clusters\.([^.]+)\.reviewsVersions/, m => ["meshFailover", "reviewsVersions", m[1]]],
                [/^reviewsLocality/, () => ["meshFailover", "locality"]],
                [/^imageRegistry/, () => ["meshFailover", "bookinfoImageRegistry"]],
            ],
        );
        return {
            s4MeshId: mesh.meshId,
            s4MeshKubeconfig: mesh.kubeconfig,
            s4ClusterIds: Object.fromEntries(Object.entries(clusters).map(([key, c]) => [key, c.clusterId])),
            s4Kubeconfigs: pulumi.secret(
                pulumi.all(Object.fromEntries(Object.entries(clusters).map(([key, c]) => [key, c.kubeconfig]))),
            ),
        };
    },
});
