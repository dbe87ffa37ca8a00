/** The checks every ALB component runs on the arguments they share, returning their plan. */
import { checkOneOf } from "../../checks";
import { Problems } from "../../errors";
import { checkAlibabaName } from "../names";
import { RegionalVpc } from "../vpc";
import { ALB_ADDRESS_TYPES, ALB_EDITIONS, ALB_SCHEDULERS, AlbCommonArgs } from "./args";
import { checkAlbDns } from "./dns";
import { checkAlbHealthCheck } from "./healthCheck";
import { checkAlbListener } from "./listener";
import { checkAlbVSwitches } from "./placement";
import { AlbCommonPlan } from "./plan";

/** What the component decides for the shared arguments. */
export interface AlbCommonDefaults {
    /** The server group's name when `serverGroupName` is not given. */
    readonly serverGroupName: string;
    /** Addresses the component's own resources take in each ALB vSwitch (by name), besides the ALB's. */
    readonly usedAddresses?: Readonly<Record<string, number>>;
}

/**
 * Checks the arguments every ALB component shares (placement, edition, address type, names,
 * scheduler, health check, listener, DNS record) and returns them with their defaults.
 * `vpc` is the ALB's VPC; undefined when the caller found none (its problem is the caller's).
 */
export function checkAlbCommonArgs(
    problems: Problems,
    name: string,
    args: AlbCommonArgs,
    vpc: RegionalVpc | undefined,
    defaults: AlbCommonDefaults,
): Omit<AlbCommonPlan, "vpc"> {
    const albVSwitches = vpc
        ? checkAlbVSwitches(problems, "albVSwitches", vpc, args.albVSwitches, defaults.usedAddresses)
        : [];
    const edition = args.edition ?? "Standard";
    checkOneOf(problems, "edition", edition, ALB_EDITIONS, "ALB edition");
    const addressType = args.addressType ?? "Internet";
    checkOneOf(problems, "addressType", addressType, ALB_ADDRESS_TYPES, "address type");
    const loadBalancerName = args.loadBalancerName ?? name;
    checkAlibabaName(
        problems,
        "loadBalancerName",
        loadBalancerName,
        "alb",
        "ALB",
        args.loadBalancerName === undefined
            ? "The ALB takes the component's name: set loadBalancerName, e.g. web-alb."
            : undefined,
    );
    const serverGroupName = args.serverGroupName ?? defaults.serverGroupName;
    checkAlibabaName(
        problems,
        "serverGroupName",
        serverGroupName,
        "alb",
        "server group",
        args.serverGroupName === undefined
            ? "The server group is named after the component: set serverGroupName, e.g. web-servers."
            : undefined,
    );
    const scheduler = args.scheduler ?? "Wrr";
    checkOneOf(problems, "scheduler", scheduler, ALB_SCHEDULERS, "scheduler");
    return {
        albVSwitches,
        edition,
        addressType,
        loadBalancerName,
        serverGroupName,
        scheduler,
        healthCheck: checkAlbHealthCheck(problems, "healthCheck", args.healthCheck),
        listener: checkAlbListener(problems, "listener", args.listener),
        securityGroups: args.securityGroups ?? {},
        dns: checkAlbDns(problems, "dns", args.dns),
        tags: args.tags,
    };
}
