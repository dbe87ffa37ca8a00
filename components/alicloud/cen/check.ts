/** The validation of a {@link CenTransitNetwork}: every rule, checked before anything is registered, and its plan. */
import * as pulumi from "@pulumi/pulumi";
import { Problems, validate } from "../../errors";
import { checkRegionalProviders } from "../../providers";
import { CenTransitNetworkArgs } from "./args";
import { checkBandwidth } from "./checkBandwidth";
import { cenNamePath, checkMembers, checkNetworkNames } from "./checkMembers";
import { checkTransitRouterRoutes, checkVpcRoutes } from "./checkRoutes";
import { CenTransitNetworkPlan } from "./plan";

/** The type token of {@link CenTransitNetwork}. */
export const CEN_TRANSIT_NETWORK_TYPE = "topologies:alicloud:CenTransitNetwork";

/**
 * Checks a network description against every rule before anything is registered and returns
 * the resolved plan. Pure: it registers nothing.
 */
export function validateCenTransitNetworkArgs(
    name: string, args: CenTransitNetworkArgs, opts?: pulumi.ComponentResourceOptions,
): CenTransitNetworkPlan {
    return validate(`${CEN_TRANSIT_NETWORK_TYPE} '${name}'`, problems => {
        const plan = checkCenTransitNetworkArgs(problems, name, args);
        checkRegionalProviders(problems, opts, plan.regions);
        return plan;
    });
}

/**
 * The checks of {@link validateCenTransitNetworkArgs}, recording into `problems` instead of
 * throwing, so a component that creates a network reports the network's problems together with
 * its own (through a {@link Problems.under} or {@link Problems.routed} scope) before it registers
 * anything. Returns the plan with every default resolved.
 */
export function checkCenTransitNetworkArgs(
    problems: Problems, name: string, args: CenTransitNetworkArgs,
): CenTransitNetworkPlan {
    const { members, regions } = checkMembers(problems, args, name);
    const { cenInstanceName, transitRouterNames } = checkNetworkNames(problems, args, name, regions);
    const { peerings, packages } = checkBandwidth(problems, args, regions, cenInstanceName, cenNamePath(args));
    const vpcRoutes = checkVpcRoutes(problems, args.vpcRoutes ?? [], members);
    const transitRouterRoutes = checkTransitRouterRoutes(problems, args.transitRouterRoutes ?? [], members, regions);
    return {
        cenInstanceName, members, regions, transitRouterNames, peerings, packages, vpcRoutes, transitRouterRoutes,
        tags: args.tags,
    };
}
