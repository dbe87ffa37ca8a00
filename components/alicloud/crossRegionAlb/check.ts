/** Every S1 rule, checked before anything is registered; the result is the constructor's whole plan. */
import * as pulumi from "@pulumi/pulumi";
import { RemovedField, checkRemovedFields, quotedValue } from "../../checks";
import { Problems, validate } from "../../errors";
import { checkRegionalProviders } from "../../providers";
import { checkShape } from "../../shape";
import { checkAlbCommonArgs } from "../albCommon/check";
import {
    CROSS_REGION_ALB_TYPE,
    CrossRegionAlbBackendArgs,
    CrossRegionAlbPlan,
    CrossRegionBackendRegionPlan,
} from "./args";
import { checkBackToOrigin } from "../albCommon/backToOrigin";
import { checkBackends, planBackToOriginRules } from "./checkBackends";
import { checkBackendRegions, checkRegions } from "./checkRegions";
import { checkNetwork } from "./checkNetwork";
import { CROSS_REGION_ALB_SHAPE } from "./shape";

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
    const plan = validate(`${CROSS_REGION_ALB_TYPE} '${name}'`, problems => {
        const checked = checkCrossRegionAlbBackendArgs(problems, name, args);
        if (checked) {
            const regions = [
                checked.vpc.region,
                checked.backendVpc.region,
                ...checked.backendRegions.map(r => r.vpc.region),
            ];
            checkRegionalProviders(problems, opts, regions);
        }
        return checked;
    });
    // No plan comes back only when the args did not fit their shape, and validate threw those problems.
    return plan!;
}

/**
 * The checks of {@link validateCrossRegionAlbBackendArgs}, recording into `problems`, so a caller
 * that creates the component can report its problems with its own. Returns the complete plan,
 * every default applied (meaningful only when no problem was recorded), or undefined when the
 * args do not fit their shape (`CROSS_REGION_ALB_SHAPE`): then only the shape's problems are
 * recorded, all of them, and no rule runs on values of the wrong type.
 */
export function checkCrossRegionAlbBackendArgs(
    problems: Problems,
    name: string,
    args: CrossRegionAlbBackendArgs,
): CrossRegionAlbPlan | undefined {
    const fitting = fittingArgs(problems, args);
    return fitting === undefined ? undefined : planOf(problems, name, fitting);
}

/** The S1 rules on args that fit their shape, and the plan. */
function planOf(problems: Problems, name: string, args: CrossRegionAlbBackendArgs): CrossRegionAlbPlan {
    const { albVpc, backendVpc } = args;
    const distinctRegions = checkRegions(problems, args);

    // The ALB: the same placement, names, listener and health-check rules as every ALB of this library.
    // Rules may forward to a further region's group, by the region's key.
    const regionKeys = Object.keys(args.backendRegions ?? {});
    const alb = {
        vpc: albVpc,
        ...checkAlbCommonArgs(problems, name, args, albVpc, {
            serverGroupName: `${name}-ip`,
            ruleGroups: regionKeys.length > 0 ? { keys: regionKeys, of: "backendRegions" } : undefined,
        }),
    };
    const backendPort = args.backendPort ?? 80;
    const { backends, serverGroupBackends, routed } = checkBackends(
        problems,
        albVpc,
        {
            at: "",
            vpc: backendVpc,
            backends: args.backends,
            serverGroups: args.serverGroups,
            backendVSwitches: args.backendVSwitches,
            backendPort,
        },
        alb,
    );
    const backToOrigin = checkBackToOrigin(problems, args.backToOrigin, alb.albVSwitches);
    checkRouteTables(problems, args);
    const primaryBackends = [...backends, ...Object.values(serverGroupBackends).flat()];
    const { regions, backendWeight } = checkBackendRegions(
        problems,
        name,
        args,
        alb,
        { backends: primaryBackends },
        backToOrigin.cidrs,
    );

    const routes = {
        backendCidrs: routed.map(v => v.cidrBlock),
        backToOriginCidrs: backToOrigin.cidrs,
        legacy: backToOrigin.legacy,
        regions,
    };
    return {
        ...alb,
        backendVpc,
        backendProtocol: args.backendProtocol ?? "HTTP",
        stickySession: args.stickySession ?? false,
        backends,
        serverGroupBackends,
        backendCidrs: routes.backendCidrs,
        backToOriginCidrs: routes.backToOriginCidrs,
        legacy: routes.legacy,
        rules: planBackToOriginRules(name, primaryBackends, routes.backToOriginCidrs, alb, groupsOf(regions)),
        network: checkNetwork(problems, name, args, routes, distinctRegions),
        backendRegions: regions,
        backendWeight,
    };
}

/** The security groups the backends of `regions` use. */
function groupsOf(regions: readonly CrossRegionBackendRegionPlan[]): Set<string> {
    return new Set(
        regions.flatMap(r => r.backends.flatMap(b => (b.securityGroup === undefined ? [] : [b.securityGroup]))),
    );
}

/**
 * The args without the fields of 0.1, when they fit their shape; undefined (with every problem
 * recorded) when not. A removed field, or backends as 0.1's list, is reported with what to write
 * instead rather than as an unknown key or a wrong type.
 */
function fittingArgs(problems: Problems, args: unknown): CrossRegionAlbBackendArgs | undefined {
    if (args === null || typeof args !== "object" || Array.isArray(args)) {
        checkShape(problems, CROSS_REGION_ALB_SHAPE, args);
        return undefined;
    }
    const before = problems.count;
    checkRemovedFields(problems, args, REMOVED_FIELDS);
    const removed = new Set(REMOVED_FIELDS.map(f => f.field));
    const rest: Record<string, unknown> = Object.fromEntries(Object.entries(args).filter(([key]) => !removed.has(key)));
    if (Array.isArray(rest.backends)) {
        problems.add(
            "backends",
            "backends is a record by backend name now, not a list, and each backend's ip is its ipv4Address.",
            'Write backends: { ecs1: { ipv4Address: "192.168.7.10" } }.',
        );
        rest.backends = {};
    }
    return checkShape(problems, CROSS_REGION_ALB_SHAPE, rest) && problems.count === before ? rest : undefined;
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
