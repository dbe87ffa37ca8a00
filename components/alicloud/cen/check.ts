/** The validation of a {@link CenTransitNetwork}: every rule, checked before anything is registered, and its plan. */
import * as pulumi from "@pulumi/pulumi";
import { Problems, validate } from "../../errors";
import { checkRegionalProviders } from "../../providers";
import { checkShape } from "../../shape";
import { plainTags } from "../tags";
import { CenTransitNetworkArgs } from "./args";
import { checkBandwidth } from "./checkBandwidth";
import { cenNamePath, checkMembers, checkNetworkNames } from "./checkMembers";
import { checkTransitRouterRoutes, checkVpcRoutes } from "./checkRoutes";
import { CenTransitNetworkPlan } from "./plan";
import { CEN_TRANSIT_NETWORK_SHAPE } from "./shape";

/** The type token of {@link CenTransitNetwork}. */
export const CEN_TRANSIT_NETWORK_TYPE = "topologies:alicloud:CenTransitNetwork";

/**
 * Checks a network description against every rule before anything is registered and returns
 * the resolved plan. Pure: it registers nothing.
 */
export function validateCenTransitNetworkArgs(
    name: string,
    args: CenTransitNetworkArgs,
    opts?: pulumi.ComponentResourceOptions,
): CenTransitNetworkPlan {
    const plan = validate(`${CEN_TRANSIT_NETWORK_TYPE} '${name}'`, problems => {
        const plan = checkCenTransitNetworkArgs(problems, name, args);
        if (plan) checkRegionalProviders(problems, opts, plan.regions);
        return plan;
    });
    // No problem was recorded, so the args fit their shape and the plan is complete.
    return plan!;
}

/**
 * The checks of {@link validateCenTransitNetworkArgs}, recording into `problems` instead of
 * throwing, so a component that creates a network reports the network's problems together with
 * its own (through a {@link Problems.under} or {@link Problems.routed} scope) before it registers
 * anything. The args' shape is checked first (types, enumerations, whole numbers, unknown keys),
 * for callers TypeScript does not protect, and the rules only on args that fit it. Returns the
 * plan with every default resolved; undefined when the args do not fit their shape.
 */
export function checkCenTransitNetworkArgs(
    problems: Problems,
    name: string,
    args: CenTransitNetworkArgs,
): CenTransitNetworkPlan | undefined {
    if (!checkShape(problems, CEN_TRANSIT_NETWORK_SHAPE, args)) return undefined;
    const component = `${CEN_TRANSIT_NETWORK_TYPE} '${name}'`;
    const { members, regions } = checkMembers(problems, args, name);
    const { cenInstanceName, transitRouterNames } = checkNetworkNames(problems, args, name, regions);
    const { peerings, packages } = checkBandwidth(problems, args, {
        regions,
        cenInstanceName,
        namePath: cenNamePath(args),
        component,
    });
    const vpcRoutes = checkVpcRoutes(problems, args.vpcRoutes ?? [], members);
    const transitRouterRoutes = checkTransitRouterRoutes(problems, args.transitRouterRoutes ?? [], members, regions);
    return {
        cenInstanceName,
        members,
        regions,
        transitRouterNames,
        peerings,
        packages,
        vpcRoutes,
        transitRouterRoutes,
        tags: plainTags(args.tags),
    };
}
