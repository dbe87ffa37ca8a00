/** The validation of a {@link MeshLocalityPolicy}: every rule, before anything is registered, and its plan. */
import { checkIntegerInRange, checkUnique } from "../../checks";
import { Problems, validate } from "../../errors";
import { checkShape } from "../../shape";
import { checkNamespace, checkObjectName, checkServiceHost } from "../istio/names";
import { OutlierDetection, checkMeshObject, destinationRule } from "../istio/objects";
import { checkRegion } from "../regions";
import {
    DistributionLocalityPolicy,
    FailoverLocalityPolicy,
    LocalityMesh,
    MeshLocalityPolicyArgs,
    MeshLocalityPolicyPlan,
} from "./args";
import { Locality, checkLocality, checkNoOverlap } from "./locality";
import { checkOutlierDetection } from "./outlier";
import { localityTrafficPolicy } from "./render";
import { MESH_LOCALITY_POLICY_SHAPE } from "./shape";
import { ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION, compareVersions, parseAsmVersion } from "./version";

/** The type token of {@link MeshLocalityPolicy}. */
export const MESH_LOCALITY_POLICY_TYPE = "topologies:alicloud:MeshLocalityPolicy";

function checkMeshRegion(problems: Problems, path: string, region: string, mesh: LocalityMesh): boolean {
    if (!checkRegion(problems, path, region)) return false;
    if (!mesh.regions.includes(region)) {
        problems.add(
            path,
            `region '${region}' has no cluster in the mesh (its clusters are in ${mesh.regions.join(", ")}).`,
            "Name a region of one of the mesh's clusters.",
        );
        return false;
    }
    return true;
}

/**
 * A failover region: a region of the mesh, and not a zone-level locality, which Istio's failover
 * refuses (ValidateLocalityLbSetting: "locality lb failover only specify region", "locality lb
 * failover region should not contain '*' wildcard").
 */
function checkFailoverRegion(problems: Problems, path: string, region: string, mesh: LocalityMesh): boolean {
    if (region.includes("/") || region.includes("*")) {
        problems.add(
            path,
            `'${region}' is not a region; Istio's failover names regions only ("locality lb failover only specify region", ` +
                "no '*'). Within a region Istio already prefers the client's zone, then the region's other zones, before " +
                "failing over.",
            `Name the region (${region.split("/")[0]}), or use mode 'distribution' to weight zones.`,
        );
        return false;
    }
    return checkMeshRegion(problems, path, region, mesh);
}

function checkFailover(problems: Problems, policy: FailoverLocalityPolicy, mesh: LocalityMesh): void {
    if (policy.failover.length === 0) {
        problems.add(
            "policy.failover",
            "failover mode needs at least one from → to pair.",
            "Add e.g. { from: 'cn-shanghai', to: 'cn-hangzhou' }.",
        );
    }
    policy.failover.forEach((f, i) => {
        const fromOk = checkFailoverRegion(problems, `policy.failover[${i}].from`, f.from, mesh);
        const toOk = checkFailoverRegion(problems, `policy.failover[${i}].to`, f.to, mesh);
        if (fromOk && toOk && f.from === f.to) {
            problems.add(
                `policy.failover[${i}].to`,
                `region '${f.from}' fails over to itself.`,
                "Name another region of the mesh.",
            );
        }
    });
    checkUnique(
        problems,
        policy.failover.map((f, i) => ({ path: `policy.failover[${i}].from`, key: f.from })),
        "failover source region",
    );
    if (policy.outlierDetection !== undefined && !ejects(policy.outlierDetection)) {
        problems.add(
            "policy.outlierDetection.consecutive5xxErrors",
            'consecutive5xxErrors 0 turns off ejection on 5xx errors (Istio: "can be disabled by setting the value to ' +
                '0"), and no other error count is set to eject, so no endpoint is ever ejected and failover never happens.',
            "Eject after one or more 5xx errors (the tutorial's consecutive5xxErrors: 1), or set consecutiveGatewayErrors.",
        );
    }
}

/**
 * Whether outlier detection ejects anything, by Istio's OutlierDetection (istio/api
 * networking/v1alpha3/destination_rule.proto): `consecutive5xxErrors` "defaults to 5 but can be
 * disabled by setting the value to 0"; `consecutiveGatewayErrors` "is disabled by default or when
 * set to the value 0"; `consecutiveLocalOriginFailures` (default 5) "takes effect only when
 * split_external_local_origin_errors is set to true"; the deprecated `consecutiveErrors` counts
 * gateway errors.
 */
function ejects(outlier: OutlierDetection): boolean {
    const on = (count: number | undefined, byDefault: number) => (count ?? byDefault) > 0;
    return (
        on(outlier.consecutive5xxErrors, 5) ||
        on(outlier.consecutiveGatewayErrors, 0) ||
        on(outlier.consecutiveErrors, 0) ||
        (outlier.splitExternalLocalOriginErrors === true && on(outlier.consecutiveLocalOriginFailures, 5))
    );
}

function checkDistribution(problems: Problems, policy: DistributionLocalityPolicy, mesh: LocalityMesh): void {
    if (policy.distribute.length === 0) {
        problems.add(
            "policy.distribute",
            "distribution mode needs at least one source region.",
            "Add e.g. { from: 'cn-hangzhou', to: { 'cn-hangzhou': 90, 'cn-shanghai': 10 } }.",
        );
    }
    const region = (found: Problems, path: string, text: string) => checkMeshRegion(found, path, text, mesh);
    const sources: Array<{ path: string; text: string; locality: Locality }> = [];
    policy.distribute.forEach((d, i) => {
        const path = `policy.distribute[${i}]`;
        const from = checkLocality(problems, `${path}.from`, d.from, mesh, region);
        if (from) sources.push({ path: `${path}.from`, text: d.from, locality: from });
        const entries = Object.entries(d.to);
        const targets: Array<{ path: string; text: string; locality: Locality }> = [];
        let sum = 0;
        for (const [to, weight] of entries) {
            const at = `${path}.to.${to}`;
            const locality = checkLocality(problems, at, to, mesh, region);
            if (locality) targets.push({ path: at, text: to, locality });
            // Istio refuses a 0 share: "locality weight must be in range [1, 100]" (istio pkg/config/validation, validateLocalityLbSetting).
            if (weight === 0) {
                problems.add(
                    at,
                    `a share of 0% for '${to}' is refused by Istio ("locality weight must be in range [1, 100]").`,
                    `Leave ${to} out of 'to' to send it nothing.`,
                );
            } else if (checkIntegerInRange(problems, at, weight, 1, 100, "percentage")) {
                sum += weight;
            }
        }
        if (entries.length === 0 || sum !== 100) {
            problems.add(
                `${path}.to`,
                `the percentages from '${d.from}' add up to ${sum}, not 100.`,
                "Give every target region a share so that they sum to 100, e.g. 90 and 10.",
            );
        }
        checkNoOverlap(problems, targets, "target locality");
    });
    checkNoOverlap(problems, sources, "distribution source locality");
    if (mesh.version !== undefined) {
        const version = parseAsmVersion(mesh.version);
        const min = parseAsmVersion(ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION)!;
        if (version && compareVersions(version, min) < 0) {
            problems.add(
                "mesh.version",
                `ASM ${mesh.version} has no cross-region traffic distribution; it needs ` +
                    `${ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION} or later.`,
                `Upgrade the mesh to ${ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION} or later, or use failover mode.`,
            );
        }
    }
}

function checkPolicy(problems: Problems, args: MeshLocalityPolicyArgs): void {
    const policy = args.policy;
    if (policy.mode === "failover") checkFailover(problems, policy, args.mesh);
    else checkDistribution(problems, policy, args.mesh);
    const outlier = policy.outlierDetection;
    if (outlier !== undefined) checkOutlierDetection(problems, "policy.outlierDetection", outlier);
    if (outlier !== undefined && Object.keys(outlier).length === 0) {
        const why =
            policy.mode === "failover"
                ? "without it no endpoint is ejected and Istio never fails over"
                : "Istio requires it for weighted distribution, so the sidecars know which endpoints are unhealthy";
        problems.add(
            "policy.outlierDetection",
            `${policy.mode} needs outlier detection: ${why}.`,
            "Leave outlierDetection unset for the tutorial's default (consecutive5xxErrors 1, interval 1s, " +
                "baseEjectionTime 1m).",
        );
    }
}

/** The rule's names: the host, its own name (the host by default), its namespace; subsets each once. */
function checkNames(problems: Problems, args: MeshLocalityPolicyArgs): void {
    const hostOk = checkServiceHost(problems, "host", args.host);
    if (args.ruleName !== undefined) {
        checkObjectName(problems, "ruleName", args.ruleName, "rule name");
    } else if (hostOk) {
        checkObjectName(
            problems,
            "ruleName",
            args.host,
            "the rule's name (its host by default)",
            "Set ruleName: the host is not a Kubernetes object name.",
        );
    }
    if (args.namespace !== undefined) checkNamespace(problems, "namespace", args.namespace);
    checkUnique(
        problems,
        (args.subsets ?? []).map((s, i) => ({ path: `subsets[${i}].name`, key: s.name })),
        "subset name",
    );
}

/**
 * Checks a locality policy and returns the DestinationRule it renders, itself checked against
 * the Istio schema. Pure: registers nothing.
 */
export function validateMeshLocalityPolicyArgs(name: string, args: MeshLocalityPolicyArgs): MeshLocalityPolicyPlan {
    const plan = validate(`${MESH_LOCALITY_POLICY_TYPE} '${name}'`, problems =>
        checkMeshLocalityPolicyArgs(problems, args),
    );
    // No problem was recorded, so the rule was rendered.
    return plan!;
}

/**
 * The checks of {@link validateMeshLocalityPolicyArgs}, recording into `problems`, so a component
 * applying a policy (Bookinfo) reports its problems with its own, through a
 * {@link Problems.under} or {@link Problems.routed} scope: the args' shape first, the rules only
 * on args that fit it. Returns the plan; undefined when a problem with the policy leaves no rule
 * to render.
 */
export function checkMeshLocalityPolicyArgs(
    problems: Problems,
    args: MeshLocalityPolicyArgs,
): MeshLocalityPolicyPlan | undefined {
    if (!checkShape(problems, MESH_LOCALITY_POLICY_SHAPE, args)) return undefined;
    const before = problems.count;
    checkNames(problems, args);
    checkPolicy(problems, args);
    if (problems.count > before) return undefined;
    const rule = destinationRule(
        args.ruleName ?? args.host,
        {
            host: args.host,
            subsets: args.subsets,
            trafficPolicy: localityTrafficPolicy(args.policy, args.connectionPool),
        },
        args.namespace ?? "default",
    );
    checkMeshObject(problems, "destinationRule", rule);
    return { destinationRule: rule, provider: args.mesh.provider, dependsOn: [...(args.mesh.ready ?? [])] };
}
