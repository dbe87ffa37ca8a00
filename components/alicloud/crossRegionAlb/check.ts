/** Every S1 rule, checked before anything is registered; the result is the constructor's whole plan. */
import * as pulumi from "@pulumi/pulumi";
import { RemovedField, checkOneOf, checkPort, checkRemovedFields, quotedValue } from "../../checks";
import { Problems, validate } from "../../errors";
import { checkRegionalProviders } from "../../providers";
import { checkAlbCommonArgs } from "../albCommon/check";
import { CROSS_REGION_ALB_REGIONS } from "../regions";
import { RegionalVpc } from "../vpc";
import { CROSS_REGION_ALB_TYPE, CrossRegionAlbBackendArgs, CrossRegionAlbPlan } from "./args";
import { checkBackToOrigin, checkBackends, planBackToOriginRules } from "./checkBackends";
import { checkNetwork } from "./checkNetwork";

/** Fields of 0.1 that the ALB components now share under other names. */
const REMOVED_FIELDS: readonly RemovedField[] = [
    { field: "loadBalancerEdition", became: "renamed to edition", instead: v => `edition: ${quotedValue(v)}` },
    {
        field: "listenerProtocol",
        became: "moved into listener",
        instead: v => `listener: { protocol: ${quotedValue(v)} }`,
    },
    { field: "listenerPort", became: "moved into listener", instead: v => `listener: { port: ${quotedValue(v)} }` },
    {
        field: "certificateId",
        became: "moved into listener",
        instead: () => 'listener: { protocol: "HTTPS", certificateId: … }',
    },
    {
        field: "backendSecurityGroupId",
        became: "replaced by securityGroups, a group per backend",
        instead: () => 'securityGroups: { servers: "sg-…" } and securityGroup: "servers" on each backend',
    },
];

/** Checks every S1 rule and returns the plan. Pure: registers nothing. */
export function validateCrossRegionAlbBackendArgs(
    name: string,
    args: CrossRegionAlbBackendArgs,
    opts?: pulumi.ComponentResourceOptions,
): CrossRegionAlbPlan {
    return validate(`${CROSS_REGION_ALB_TYPE} '${name}'`, problems => {
        const plan = checkCrossRegionAlbBackendArgs(problems, name, args);
        checkRegionalProviders(problems, opts, [args.albVpc?.region, args.backendVpc?.region]);
        return plan;
    });
}

/**
 * The checks of {@link validateCrossRegionAlbBackendArgs}, recording into `problems`, so a caller
 * that creates the component can report its problems with its own. Returns the complete plan,
 * every default applied.
 */
export function checkCrossRegionAlbBackendArgs(
    problems: Problems,
    name: string,
    args: CrossRegionAlbBackendArgs,
): CrossRegionAlbPlan {
    checkRemovedFields(problems, args, REMOVED_FIELDS);
    if (Array.isArray(args.backends)) {
        problems.add(
            "backends",
            "backends is a record by backend name now, not a list, and each backend's ip is its ipv4Address.",
            'Write backends: { ecs1: { ipv4Address: "192.168.7.10" } }.',
        );
    }
    const { albVpc, backendVpc } = args;
    checkRegions(problems, albVpc, backendVpc);

    // The ALB: the same placement, names, listener and health-check rules as every ALB of this library.
    const alb = { vpc: albVpc, ...checkAlbCommonArgs(problems, name, args, albVpc, { serverGroupName: `${name}-ip` }) };
    const backendProtocol = args.backendProtocol ?? "HTTP";
    checkOneOf(problems, "backendProtocol", backendProtocol, ["HTTP", "HTTPS"], "backend protocol");

    const backendPort = args.backendPort ?? 80;
    checkPort(problems, "backendPort", backendPort);
    const { backends, routed } = Array.isArray(args.backends)
        ? { backends: [], routed: [] }
        : checkBackends(problems, args, alb, backendPort);
    const backToOrigin = checkBackToOrigin(problems, args.backToOrigin, alb.albVSwitches);
    checkRouteTables(problems, args);

    const routes = {
        backendCidrs: routed.map(v => v.cidrBlock),
        backToOriginCidrs: backToOrigin.cidrs,
        legacy: backToOrigin.legacy,
    };
    return {
        ...alb,
        backendVpc,
        backendProtocol,
        stickySession: args.stickySession ?? false,
        backends,
        ...routes,
        rules: planBackToOriginRules(name, backends, routes.backToOriginCidrs, alb),
        network: checkNetwork(problems, name, args, routes),
    };
}

/** Two regions, both offering ALB backends in another region, and two VPCs. */
function checkRegions(problems: Problems, albVpc: RegionalVpc, backendVpc: RegionalVpc): void {
    for (const [path, vpc] of [
        ["albVpc", albVpc],
        ["backendVpc", backendVpc],
    ] as const) {
        if (!CROSS_REGION_ALB_REGIONS.includes(vpc.region)) {
            problems.add(
                `${path}.region`,
                `region '${vpc.region}' does not support ALB backends in another region.`,
                `Use one of: ${CROSS_REGION_ALB_REGIONS.join(", ")}.`,
            );
        }
    }
    if (albVpc.region === backendVpc.region) {
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
}

/** Only the system route tables carry ALB-to-backend traffic. */
function checkRouteTables(problems: Problems, args: CrossRegionAlbBackendArgs): void {
    const given = [
        ["albRouteTableId", args.albRouteTableId, args.albVpc],
        ["backendRouteTableId", args.backendRouteTableId, args.backendVpc],
    ] as const;
    for (const [path, id, vpc] of given) {
        const isSystemTable = id === vpc.routeTableId || (typeof id === "string" && id === vpc.knownRouteTableId);
        if (id !== undefined && !isSystemTable) {
            problems.add(
                path,
                "only the VPC's system route table carries traffic between an ALB and cross-region backends; " +
                    "custom route tables are unsupported.",
                `Leave ${path} out: the component writes to the system route table of the VPC ` +
                    "(RegionalVpc.routeTableId).",
            );
        }
    }
}
