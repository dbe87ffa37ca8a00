import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "@pulumi/kubernetes";
import { checkIntegerInRange, checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { checkRegion } from "./regions";
import {
    ConnectionPool, DestinationRule, OutlierDetection, Subset, TrafficPolicy, applyMeshObject, checkMeshObject, destinationRule,
} from "./istio/objects";

/** Geolocation failover: when a region's endpoints are ejected, traffic for it goes to `to`. */
export interface LocalityFailover {
    /** Region whose clients fail over, e.g. `cn-shanghai`. */
    from: string;
    /** Region that takes the traffic, e.g. `cn-hangzhou`. */
    to: string;
}

/** Failover mode (tutorial: cn-shanghai → cn-hangzhou and cn-hangzhou → cn-shanghai). */
export interface FailoverLocalityPolicy {
    /** Discriminant: fail over between regions when a region's endpoints are ejected. */
    mode: "failover";
    /** One pair per failing region; each region at most once as `from`. */
    failover: LocalityFailover[];
    /**
     * Ejects failing endpoints so failover can happen at all; Istio ignores locality failover
     * without it, hence required. Default: the tutorial's consecutive5xxErrors 1, interval 1s,
     * baseEjectionTime 1m.
     */
    outlierDetection?: OutlierDetection;
}

/** Weighted distribution of the traffic of clients in `from` across regions. */
export interface LocalityDistribution {
    /** Region of the clients, e.g. `cn-hangzhou`. */
    from: string;
    /** Percentage per target region, whole numbers adding up to 100, e.g. `{ "cn-hangzhou": 90, "cn-shanghai": 10 }`. */
    to: Record<string, number>;
}

/** Distribution mode (tutorial: from cn-hangzhou, 10% to cn-shanghai). Needs ASM ≥ 1.22.6.66. */
export interface DistributionLocalityPolicy {
    /** Discriminant: split traffic from a region across regions by percentage (ASM ≥ 1.22.6.66). */
    mode: "distribution";
    /** One entry per client region; each region at most once as `from`. */
    distribute: LocalityDistribution[];
    /**
     * Lets the sidecars tell healthy endpoints from failing ones; Istio requires it for weighted
     * distribution as for failover, hence required. Default: the tutorial's consecutive5xxErrors 1,
     * interval 1s, baseEjectionTime 1m (the rule its failover step left on reviews).
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
     * What objects applied to the mesh, and workloads meant to get its sidecar, wait for: the ASM
     * instance (whose creation adds the member clusters and their sidecar injector) and its
     * ingress gateway. Default: nothing to wait for.
     */
    readonly ready?: readonly pulumi.Resource[];
}

/** Arguments of a {@link MeshLocalityPolicy}. */
export interface MeshLocalityPolicyArgs {
    /** The mesh to apply the DestinationRule to. */
    mesh: LocalityMesh;
    /** Service host, e.g. `reviews`. */
    host: string;
    /** DestinationRule name. Default: `host`. */
    ruleName?: string;
    /** Namespace of the DestinationRule. Default: `default`, where Bookinfo runs. */
    namespace?: string;
    /** Subsets to keep on the rule (a host has one DestinationRule). Default: none. */
    subsets?: Subset[];
    /** The locality behaviour. */
    policy: LocalityPolicy;
    /** Connection pool. Default: the tutorial's http.maxRequestsPerConnection 1; `false` leaves it out. */
    connectionPool?: ConnectionPool | false;
}

const TYPE = "topologies:alicloud:MeshLocalityPolicy";

/** The first ASM version with cross-region traffic distribution. */
export const ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION = "1.22.6.66";

/** Parses an ASM version such as `1.22.6.66` or `v1.22.6.71-g8ce85c40-aliyun` into its numbers. */
export function parseAsmVersion(version: string): number[] | undefined {
    const m = /^v?(\d+(?:\.\d+){1,3})(?:-[0-9A-Za-z.-]+)?$/.exec(String(version).trim());
    return m ? m[1].split(".").map(Number) : undefined;
}

/** Compares two parsed versions number by number (missing parts count as 0): <0, 0 or >0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}

/** The tutorial's outlier detection: eject an endpoint for 1m after one 5xx, checked every 1s. */
export function tutorialOutlierDetection(): OutlierDetection {
    return { consecutive5xxErrors: 1, interval: "1s", baseEjectionTime: "1m" };
}

/** The tutorial's connection pool: one request per connection, so each request is re-balanced. */
export function tutorialConnectionPool(): ConnectionPool {
    return { http: { maxRequestsPerConnection: 1 } };
}

const DURATION = /^(\d+(\.\d+)?(h|m|s|ms))+$/;

function checkDuration(problems: Problems, path: string, value: string | undefined): void {
    if (value !== undefined && !DURATION.test(value)) {
        problems.add(path, `'${value}' is not an Istio duration.`, "Write it like 1s, 500ms or 1m.");
    }
}

function checkMeshRegion(problems: Problems, path: string, region: string, mesh: LocalityMesh): boolean {
    if (!checkRegion(problems, path, region)) return false;
    if (!mesh.regions.includes(region)) {
        problems.add(path, `region '${region}' has no cluster in the mesh (its clusters are in ${mesh.regions.join(", ")}).`,
            "Name a region of one of the mesh's clusters.");
        return false;
    }
    return true;
}

/** Renders the traffic policy of a locality policy (no checks). */
export function localityTrafficPolicy(policy: LocalityPolicy, connectionPool?: ConnectionPool | false): TrafficPolicy {
    const pool = connectionPool === undefined ? tutorialConnectionPool() : connectionPool || undefined;
    const outlier = policy.outlierDetection ?? tutorialOutlierDetection();
    const localityLbSetting = policy.mode === "failover"
        ? { enabled: true, failover: policy.failover.map(f => ({ from: f.from, to: f.to })) }
        : {
            enabled: true,
            // Istio localities are region/zone/subzone; a region with every zone is `region/*`.
            distribute: policy.distribute.map(d => ({
                from: `${d.from}/*`,
                to: Object.fromEntries(Object.entries(d.to).map(([region, weight]) => [`${region}/*`, weight])),
            })),
        };
    return {
        ...(pool ? { connectionPool: pool } : {}),
        outlierDetection: outlier,
        loadBalancer: { localityLbSetting },
    };
}

function checkPolicy(problems: Problems, args: MeshLocalityPolicyArgs): void {
    const policy = args.policy;
    const mesh = args.mesh;
    if (policy.mode === "failover") {
        const both = policy as unknown as { distribute?: unknown };
        if (both.distribute !== undefined) {
            problems.add("policy.distribute", "failover and distribution are exclusive modes; the policy sets both.",
                "Drop distribute, or use mode 'distribution' without failover.");
        }
        if (!policy.failover || policy.failover.length === 0) {
            problems.add("policy.failover", "failover mode needs at least one from → to pair.",
                "Add e.g. { from: 'cn-shanghai', to: 'cn-hangzhou' }.");
        }
        (policy.failover ?? []).forEach((f, i) => {
            const fromOk = checkMeshRegion(problems, `policy.failover[${i}].from`, f.from, mesh);
            const toOk = checkMeshRegion(problems, `policy.failover[${i}].to`, f.to, mesh);
            if (fromOk && toOk && f.from === f.to) {
                problems.add(`policy.failover[${i}].to`, `region '${f.from}' fails over to itself.`,
                    "Name another region of the mesh.");
            }
        });
        checkUnique(problems, (policy.failover ?? []).map((f, i) => ({ path: `policy.failover[${i}].from`, key: f.from })), "failover source region");
    } else if (policy.mode === "distribution") {
        const both = policy as unknown as { failover?: unknown };
        if (both.failover !== undefined) {
            problems.add("policy.failover", "failover and distribution are exclusive modes; the policy sets both.",
                "Drop failover, or use mode 'failover' without distribute.");
        }
        if (!policy.distribute || policy.distribute.length === 0) {
            problems.add("policy.distribute", "distribution mode needs at least one source region.",
                "Add e.g. { from: 'cn-hangzhou', to: { 'cn-hangzhou': 90, 'cn-shanghai': 10 } }.");
        }
        (policy.distribute ?? []).forEach((d, i) => {
            const path = `policy.distribute[${i}]`;
            checkMeshRegion(problems, `${path}.from`, d.from, mesh);
            const entries = Object.entries(d.to ?? {});
            let sum = 0;
            for (const [region, weight] of entries) {
                checkMeshRegion(problems, `${path}.to.${region}`, region, mesh);
                // Istio refuses a 0 share: "locality weight must be in range [1, 100]" (istio pkg/config/validation, validateLocalityLbSetting).
                if (weight === 0) {
                    problems.add(`${path}.to.${region}`, `a share of 0% for '${region}' is refused by Istio ("locality weight must be in range [1, 100]").`,
                        `Leave ${region} out of 'to' to send it nothing.`);
                } else if (checkIntegerInRange(problems, `${path}.to.${region}`, weight, 1, 100, "percentage")) {
                    sum += weight;
                }
            }
            if (entries.length === 0 || sum !== 100) {
                problems.add(`${path}.to`, `the percentages from '${d.from}' add up to ${sum}, not 100.`,
                    "Give every target region a share so that they sum to 100, e.g. 90 and 10.");
            }
        });
        checkUnique(problems, (policy.distribute ?? []).map((d, i) => ({ path: `policy.distribute[${i}].from`, key: d.from })), "distribution source region");
        if (mesh.version !== undefined) {
            const version = parseAsmVersion(mesh.version);
            const min = parseAsmVersion(ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION)!;
            if (version && compareVersions(version, min) < 0) {
                problems.add("mesh.version", `ASM ${mesh.version} has no cross-region traffic distribution; it needs ${ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION} or later.`,
                    `Upgrade the mesh to ${ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION} or later, or use failover mode.`);
            }
        }
    } else {
        problems.add("policy.mode", `mode '${(policy as { mode: string }).mode}' is not supported.`,
            "Use 'failover' or 'distribution'.");
        return;
    }
    const outlier = policy.outlierDetection as unknown;
    if (outlier === false || outlier === null || (typeof outlier === "object" && Object.keys(outlier as object).length === 0)) {
        const why = policy.mode === "failover"
            ? "without it no endpoint is ejected and Istio never fails over"
            : "Istio requires it for weighted distribution, so the sidecars know which endpoints are unhealthy";
        problems.add("policy.outlierDetection", `${policy.mode} needs outlier detection: ${why}.`,
            "Leave outlierDetection unset for the tutorial's default (consecutive5xxErrors 1, interval 1s, baseEjectionTime 1m).");
    } else if (policy.outlierDetection) {
        checkDuration(problems, "policy.outlierDetection.interval", policy.outlierDetection.interval);
        checkDuration(problems, "policy.outlierDetection.baseEjectionTime", policy.outlierDetection.baseEjectionTime);
    }
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

/**
 * Checks a locality policy and returns the DestinationRule it renders, itself checked against
 * the Istio schema. Pure: registers nothing.
 */
export function validateMeshLocalityPolicyArgs(name: string, args: MeshLocalityPolicyArgs): MeshLocalityPolicyPlan {
    const plan = validate(`${TYPE} '${name}'`, problems => checkMeshLocalityPolicyArgs(problems, args));
    // No problem was recorded, so the rule was rendered.
    return plan!;
}

/**
 * The checks of {@link validateMeshLocalityPolicyArgs}, recording into `problems`, so a component
 * applying a policy (Bookinfo) reports its problems with its own, through a
 * {@link Problems.under} or {@link Problems.routed} scope. Returns the plan; undefined when a
 * problem with the policy leaves no rule to render.
 */
export function checkMeshLocalityPolicyArgs(
    problems: Problems, args: MeshLocalityPolicyArgs,
): MeshLocalityPolicyPlan | undefined {
    const before = problems.count;
    if (!args.host) problems.add("host", "no service host is given.", "Set host to the service's name, e.g. reviews.");
    checkPolicy(problems, args);
    if (problems.count > before) return undefined;
    const rule = destinationRule(args.ruleName ?? args.host, {
        host: args.host,
        subsets: args.subsets,
        trafficPolicy: localityTrafficPolicy(args.policy, args.connectionPool),
    }, args.namespace ?? "default");
    checkMeshObject(problems, "destinationRule", rule);
    return { destinationRule: rule, provider: args.mesh.provider, dependsOn: [...(args.mesh.ready ?? [])] };
}

/**
 * A service's DestinationRule with Istio locality load balancing across the mesh's regions:
 * geolocation failover (`from` → `to` pairs, with outlier detection, required and defaulted) or
 * weighted distribution (percentages per region adding up to 100, ASM ≥ 1.22.6.66). Applied
 * through the mesh's Kubernetes provider.
 */
export class MeshLocalityPolicy extends pulumi.ComponentResource {
    /** The rendered, schema-checked DestinationRule. */
    readonly destinationRule: DestinationRule;
    /** The applied custom resource. */
    readonly resource: kubernetes.apiextensions.CustomResource;

    constructor(name: string, args: MeshLocalityPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateMeshLocalityPolicyArgs(name, args);
        super(TYPE, name, {}, opts);
        this.destinationRule = plan.destinationRule;
        this.resource = applyMeshObject(`${name}-dr`, plan.destinationRule,
            { parent: this, provider: plan.provider, dependsOn: [...plan.dependsOn] });
        this.registerOutputs({ destinationRule: plan.destinationRule });
    }
}
