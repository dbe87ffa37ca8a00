/**
 * S1's regions: the ALB's, `backendVpc`'s and those of `backendRegions`, each supported and each
 * its own; then each further region's backends, routes, rules, server group and weight.
 */
import { Problems } from "../../errors";
import { AlbCommonPlan } from "../albCommon";
import { checkAlbKeys } from "../albCommon/check";
import { ALB_RULE_LIMITS } from "../albCommon/routingArgs";
import { checkAlibabaName } from "../names";
import { CROSS_REGION_ALB_REGIONS } from "../regions";
import { RegionalVpc } from "../vpc";
import {
    BACKEND_REGION_WEIGHT,
    CrossRegionAlbBackendArgs,
    CrossRegionBackendPlan,
    CrossRegionBackendRegionPlan,
} from "./args";
import { checkBackends, planBackToOriginRules } from "./checkBackends";

/**
 * Every region supported, the backends in regions other than the ALB's, one VPC per region. A
 * backend region equal to the ALB's is refused: its VPC would be a second VPC in the ALB's region
 * on the CEN, which the pattern forbids ("ALBs in different VPCs of one region may not share a
 * transit router", seed 000), and servers in the ALB's own VPC are no IP-type backends ("An
 * IP-type backend may not be in the same VPC as the ALB"); a server group in the same region needs
 * no CEN at all. Returns whether every region is distinct (the network's own checks would only
 * repeat a duplicate).
 */
export function checkRegions(problems: Problems, args: CrossRegionAlbBackendArgs): boolean {
    const { albVpc, backendVpc } = args;
    const vpcs: Array<readonly [path: string, vpc: RegionalVpc]> = [
        ["albVpc", albVpc],
        ["backendVpc", backendVpc],
        ...Object.entries(args.backendRegions ?? {}).map(([key, r]) => [`backendRegions.${key}.vpc`, r.vpc] as const),
    ];
    for (const [path, vpc] of vpcs) {
        // The list is the tutorial's (seed 000, 2024); the cloud may have added regions since: unconfirmed.
        if (!CROSS_REGION_ALB_REGIONS.includes(vpc.region)) {
            problems.add(
                `${path}.region`,
                `region '${vpc.region}' does not support ALB backends in another region.`,
                `Use one of: ${CROSS_REGION_ALB_REGIONS.join(", ")}.`,
            );
        }
    }
    let distinct = true;
    if (albVpc.region === backendVpc.region) {
        distinct = false;
        problems.add(
            "backendVpc.region",
            `the ALB and the backends are both in ${albVpc.region}; this pattern joins two regions.`,
            "Put the backends in another region, or use an ALB server group in the same region without CEN.",
        );
    }
    if (albVpc === backendVpc) {
        problems.add(
            "backendVpc",
            "the backend VPC is the ALB's VPC; an IP-type backend may not share the VPC of the ALB.",
            "Use a VPC in another region.",
        );
    }
    const firstIn = new Map<string, string>([[backendVpc.region, "backendVpc"]]);
    for (const [path, vpc] of vpcs.slice(2)) {
        if (vpc.region === albVpc.region) {
            distinct = false;
            problems.add(
                `${path}.region`,
                `this backend region is the ALB's own (${albVpc.region}). A second VPC in the ALB's region may not ` +
                    "share its transit router to reach the ALB (one VPC per region per CEN), and servers in the ALB's " +
                    "VPC are no IP-type backends.",
                "Put these backends in a region of their own, or serve same-region servers with another ALB server group.",
            );
            continue;
        }
        const first = firstIn.get(vpc.region);
        if (first !== undefined) {
            distinct = false;
            problems.add(
                `${path}.region`,
                `${vpc.region} is a backend region already (${first}); one CEN carries one VPC per region in this pattern.`,
                `Put these backends in ${first}, or in another region.`,
            );
        } else {
            firstIn.set(vpc.region, path);
        }
    }
    return distinct;
}

/** What the plan of `backendVpc`'s backends shares with the other regions' checks. */
interface PrimaryRegion {
    readonly backends: readonly CrossRegionBackendPlan[];
}

/** Each of `backendRegions`, checked as `backendVpc`'s backends are, and the weights. */
export function checkBackendRegions(
    problems: Problems,
    name: string,
    args: CrossRegionAlbBackendArgs,
    alb: AlbCommonPlan,
    primary: PrimaryRegion,
    backToOriginCidrs: readonly string[],
): { regions: CrossRegionBackendRegionPlan[]; backendWeight: number } {
    const entries = Object.entries(args.backendRegions ?? {});
    const backendWeight = args.backendWeight ?? BACKEND_REGION_WEIGHT.default;
    if (entries.length === 0) {
        if (args.backendWeight !== undefined) {
            problems.add(
                "backendWeight",
                "with one backend region there is no weighted rule: every request goes to backendVpc's servers.",
                "Drop backendWeight, or add backendRegions.",
            );
        }
        return { regions: [], backendWeight };
    }
    checkAlbKeys(problems, "backendRegions", args.backendRegions ?? {}, "backend region");
    // Both name a server group `<name>-sgp-<key>` (and `<serverGroupName>-<key>`).
    for (const [key] of entries) {
        if (Object.hasOwn(args.serverGroups ?? {}, key)) {
            problems.add(
                `backendRegions.${key}`,
                `'${key}' is also a key of serverGroups: both would make the server group ${name}-sgp-${key}.`,
                "Rename the backend region or the server group.",
            );
        }
    }
    // The weighted rule forwards to backendVpc's group and one per region, in one action.
    if (entries.length + 1 > ALB_RULE_LIMITS.forwardGroups) {
        problems.add(
            "backendRegions",
            `${entries.length} backend regions and backendVpc make ${entries.length + 1} server groups in the weighted ` +
                `rule's one forward action, which takes at most ${ALB_RULE_LIMITS.forwardGroups} (unconfirmed limit, see albCommon/routingArgs.ts).`,
            `Use at most ${ALB_RULE_LIMITS.forwardGroups - 1} backend regions.`,
        );
    }
    const defaultPort = args.backendPort ?? 80;
    const regions = entries.map(([key, r]): CrossRegionBackendRegionPlan => {
        const at = `backendRegions.${key}`;
        const { backends, routed } = checkBackends(
            problems,
            args.albVpc,
            {
                at,
                vpc: r.vpc,
                backends: r.backends,
                backendVSwitches: r.backendVSwitches,
                backendPort: r.backendPort ?? defaultPort,
            },
            alb,
        );
        const serverGroupName = `${alb.serverGroupName}-${key}`;
        checkAlibabaName(
            problems,
            at,
            serverGroupName,
            "alb",
            "server group",
            "Shorten serverGroupName or the region's key.",
        );
        return {
            key,
            vpc: r.vpc,
            backends,
            backendCidrs: routed.map(v => v.cidrBlock),
            rules: planBackToOriginRules(name, backends, backToOriginCidrs, alb),
            serverGroupName,
            weight: r.backendWeight ?? BACKEND_REGION_WEIGHT.default,
        };
    });
    if (backendWeight === 0 && regions.every(r => r.weight === 0)) {
        problems.add(
            "backendWeight",
            "every backend region weighs 0, so the weighted rule forwards no request anywhere.",
            "Give at least one region (backendWeight or a region's backendWeight) a weight above 0.",
        );
    }
    checkGroupsPerRegion(problems, [
        { at: "", backends: primary.backends },
        ...regions.map(r => ({ at: `backendRegions.${r.key}`, backends: r.backends })),
    ]);
    return { regions, backendWeight };
}

/** A security group lives in one region: backends of two regions cannot share it. */
function checkGroupsPerRegion(
    problems: Problems,
    regions: ReadonlyArray<{ at: string; backends: readonly CrossRegionBackendPlan[] }>,
): void {
    const regionOf = new Map<string, string>();
    for (const { at, backends } of regions) {
        for (const b of backends) {
            if (b.securityGroup === undefined) continue;
            const first = regionOf.get(b.securityGroup);
            const path = `${at ? `${at}.` : ""}backends.${b.key}.securityGroup`;
            if (first === undefined) {
                regionOf.set(b.securityGroup, at);
            } else if (first !== at) {
                problems.add(
                    path,
                    `security group '${b.securityGroup}' serves backends of ${first || "backendVpc"} already; ` +
                        "a security group belongs to one region's VPC.",
                    "Give this region's backends a security group of their own VPC in securityGroups.",
                );
            }
        }
    }
}
