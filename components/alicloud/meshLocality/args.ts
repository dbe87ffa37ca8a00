/**
 * What a user writes to describe a {@link MeshLocalityPolicy}, what it needs of the mesh, and the
 * plan its validation resolves.
 */
import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "../../sdk/kubernetes";
import { ConnectionPool, DestinationRule, OutlierDetection, Subset } from "../istio/objects";

/** Geolocation failover: when a region's endpoints are ejected, traffic for it goes to `to`. */
export interface LocalityFailover {
    /**
     * Region whose clients fail over, e.g. `cn-shanghai`. A region of the mesh; not a zone: Istio's
     * failover names regions only, and within a region it already prefers the client's own zone,
     * then the region's other zones, before failing over (Istio, "Locality failover"). Checked
     * before registration.
     */
    from: string;
    /** Region that takes the traffic, e.g. `cn-hangzhou`. Another region of the mesh, not a zone. Checked before registration. */
    to: string;
}

/** Failover mode (tutorial: cn-shanghai → cn-hangzhou and cn-hangzhou → cn-shanghai). */
export interface FailoverLocalityPolicy {
    /** Discriminant: fail over between regions when a region's endpoints are ejected. */
    mode: "failover";
    /** One pair per failing region; each region at most once as `from`. Checked before registration. */
    failover: LocalityFailover[];
    /** Not in failover mode: Istio takes one of failover and distribution on a rule. Refused before registration. */
    distribute?: never;
    /**
     * Ejects failing endpoints so failover can happen at all; Istio ignores locality failover
     * without it ("outlier detection policy must be provided for failover"), hence required, and
     * refused when it ejects nothing (`consecutive5xxErrors: 0` with no other error count). Istio's
     * ranges: counts 0–4294967295, `maxEjectionPercent` and `minHealthPercent` 0–100, durations
     * (`interval`, `baseEjectionTime`) whole milliseconds of at least 1ms,
     * `consecutiveLocalOriginFailures` only with `splitExternalLocalOriginErrors`. Default: the
     * tutorial's consecutive5xxErrors 1, interval 1s, baseEjectionTime 1m. Checked before registration.
     */
    outlierDetection?: OutlierDetection;
}

/** Weighted distribution of the traffic of clients in `from` across regions. */
export interface LocalityDistribution {
    /**
     * Locality of the clients: a region of the mesh (`cn-hangzhou`, or `cn-hangzhou/*`), a zone of
     * it (`cn-hangzhou/cn-hangzhou-h`, one the mesh's cluster nodes are in when the mesh knows
     * them), or a subzone (`cn-hangzhou/cn-hangzhou-h/rack1`, the topology.istio.io/subzone label).
     * The `from` localities of a policy must not overlap (a region and one of its zones). Checked
     * before registration.
     */
    from: string;
    /**
     * Percentage per target locality (written as `from` is), whole numbers from 1 to 100 adding up
     * to 100, no two localities overlapping, e.g. `{ "cn-hangzhou": 90, "cn-shanghai": 10 }` or
     * `{ "cn-hangzhou/cn-hangzhou-h": 80, "cn-hangzhou/cn-hangzhou-i": 20 }`. Checked before registration.
     */
    to: Record<string, number>;
}

/** Distribution mode (tutorial: from cn-hangzhou, 10% to cn-shanghai). Needs ASM ≥ 1.22.6.66. */
export interface DistributionLocalityPolicy {
    /** Discriminant: split traffic from a region across regions by percentage (ASM ≥ 1.22.6.66). */
    mode: "distribution";
    /** One entry per client region; each region at most once as `from`. Checked before registration. */
    distribute: LocalityDistribution[];
    /** Not in distribution mode: Istio takes one of failover and distribution on a rule. Refused before registration. */
    failover?: never;
    /**
     * Lets the sidecars tell healthy endpoints from failing ones; Istio requires it for weighted
     * distribution as for failover, hence required. Default: the tutorial's consecutive5xxErrors 1,
     * interval 1s, baseEjectionTime 1m (the rule its failover step left on reviews). Checked
     * before registration.
     */
    outlierDetection?: OutlierDetection;
}

/** Failover or distribution: Istio accepts only one of them on a DestinationRule. */
export type LocalityPolicy = FailoverLocalityPolicy | DistributionLocalityPolicy;

/** What a locality policy needs of the mesh; {@link ServiceMesh} provides it. */
export interface LocalityMesh {
    /** Provider for the mesh control plane, through which Istio objects are applied. */
    readonly provider: kubernetes.Provider;
    /** ASM version, when pinned; undefined means the newest at creation. */
    readonly version?: string;
    /** Regions of the mesh's member clusters. */
    readonly regions: readonly string[];
    /**
     * Zones the member clusters' nodes are in, by region: a zone-level locality must name one of
     * them. Default: not known (a zone is checked against its region only).
     */
    readonly zones?: Readonly<Record<string, readonly string[]>>;
    /**
     * What objects applied to the mesh, and workloads meant to get its sidecar, wait for: the ASM
     * instance (whose creation adds the member clusters and their sidecar injector) and its
     * ingress gateway. Default: nothing to wait for.
     */
    readonly ready?: readonly pulumi.Resource[];
}

/** Arguments of a {@link MeshLocalityPolicy}. */
export interface MeshLocalityPolicyArgs {
    /**
     * The mesh to apply the DestinationRule to: a {@link ServiceMesh}, or any object with its
     * provider, regions, version and what to wait for. Checked before registration.
     */
    mesh: LocalityMesh;
    /**
     * Service host, e.g. `reviews` or `reviews.default.svc.cluster.local` (a leading `*.` allowed).
     * Checked before registration.
     */
    host: string;
    /** DestinationRule name, a Kubernetes object name. Default: `host`. Checked before registration. */
    ruleName?: string;
    /** Namespace of the DestinationRule. Default: `default`, where Bookinfo runs. Checked before registration. */
    namespace?: string;
    /**
     * Subsets to keep on the rule (a host has one DestinationRule), each named once. Default:
     * none. Checked before registration (a subset's own traffic policy against Istio's schema).
     */
    subsets?: Subset[];
    /** The locality behaviour. Checked before registration. */
    policy: LocalityPolicy;
    /**
     * Connection pool. Default: the tutorial's http.maxRequestsPerConnection 1; `false` leaves it
     * out. Checked before registration.
     */
    connectionPool?: ConnectionPool | false;
}

/** What validation hands to the constructor of a {@link MeshLocalityPolicy}. */
export interface MeshLocalityPolicyPlan {
    /** The rendered, schema-checked DestinationRule, defaults resolved (name, namespace, pool, outlier detection). */
    readonly destinationRule: DestinationRule;
    /** Provider of the mesh control plane, through which the rule is applied. */
    readonly provider: kubernetes.Provider;
    /** What the rule waits for: the mesh's {@link LocalityMesh.ready}. */
    readonly dependsOn: readonly pulumi.Resource[];
}
