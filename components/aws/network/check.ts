/**
 * Validation of a {@link TwoTierVpc}'s arguments: pure, registers nothing, and returns the plan
 * the class builds from, every default resolved. The shape of the args is checked first; the
 * rules run only on args that have it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { Problems, validate } from "../../errors";
import { checkCidr } from "../../net";
import { checkAutoname } from "../../naming";
import { checkStackProviderConfig, userProvider } from "../../providers";
import { checkShape } from "../../shape";
import { checkAwsRegion } from "../region";
import { ExistingTwoTierVpcArgs, HostedTwoTierVpcArgs, TwoTierVpcArgs } from "./args";
import { checkExistingEgress, checkNewEgress } from "./checkEgress";
import { checkExistingSubnets, checkId, checkNewSubnets, IdChecks } from "./checkSubnets";
import { TwoTierVpcCheckContext, TwoTierVpcPlan } from "./plan";
import { describesExistingVpc, twoTierVpcShape } from "./shape";
import { INTERFACE_ENDPOINT_SERVICE, INTERFACE_ENDPOINTS } from "./endpoints";

/** Type token of {@link TwoTierVpc}. */
export const TWO_TIER_VPC_TYPE = "topologies:aws:TwoTierVpc";

/** True for the description of an existing VPC (it names its `vpcId`). */
export function isExistingVpc(
    args: TwoTierVpcArgs | ExistingTwoTierVpcArgs | HostedTwoTierVpcArgs,
): args is ExistingTwoTierVpcArgs | Omit<ExistingTwoTierVpcArgs, "region" | "provider"> {
    return describesExistingVpc(args);
}

/**
 * Checks a VPC description, created or existing, and returns its plan, or undefined when the
 * args do not have a VPC description's shape (the problems recorded say why). On its own it
 * also resolves and checks its region (at `region`) and the stack's provider settings; a host
 * passes `problems.under("network")`, its own args for the VPC ({@link HostedTwoTierVpcArgs})
 * and {@link TwoTierVpcCheckContext.host}, so the VPC's problems land at the host's paths
 * (`network.publicSubnets.a`) and the region stays at the host's `region`.
 */
export function checkTwoTierVpcArgs(
    problems: Problems,
    name: string,
    args: TwoTierVpcArgs | ExistingTwoTierVpcArgs | HostedTwoTierVpcArgs,
    context: TwoTierVpcCheckContext = {},
): TwoTierVpcPlan | undefined {
    const { host } = context;
    if (!checkShape(problems, twoTierVpcShape(args, host !== undefined), args)) return undefined;
    // Only a VPC on its own has a region and provider of its args: a host settles both.
    const own = host ? undefined : (args as TwoTierVpcArgs | ExistingTwoTierVpcArgs);
    const region = host?.region ?? checkAwsRegion(problems, "region", own?.region);
    const provider = own?.provider ?? (host ? undefined : userProvider<aws.Provider>(context.opts, "aws"));
    // A host creates the provider the VPC gets, and checks the stack's settings for it.
    if (!host && provider === undefined) checkStackProviderConfig(problems, "aws");
    const egress = args.egress ?? "vpcEndpoints";
    if (egress === "vpcEndpoints") {
        const nameProblems = host?.nameProblems ?? problems;
        checkAutoname(nameProblems, "name", "aws:ec2/securityGroup:SecurityGroup", `${name}-endpoints-sg`);
    }

    const existing = isExistingVpc(args);
    const vpc = checkCidr(problems, "cidrBlock", args.cidrBlock, 4);
    if (vpc && !existing && (vpc.prefix < 16 || vpc.prefix > 28)) {
        problems.add(
            "cidrBlock",
            `VPC block ${vpc.text} is /${vpc.prefix}; AWS accepts /16 to /28.`,
            "Choose a VPC mask from /16 to /28.",
        );
    }
    const createdInterfaceEndpoints = checkInterfaceEndpoints(problems, egress, args.interfaceEndpoints);
    const common = {
        region: region.region,
        egress,
        createdInterfaceEndpoints,
        cidrBlock: vpc?.text ?? "",
        ipv6: args.ipv6 ?? false,
        provider,
        tags: args.tags ?? host?.tags,
    };
    if (isExistingVpc(args)) {
        const ids: IdChecks = { component: `${TWO_TIER_VPC_TYPE} '${name}'`, late: host === undefined };
        const vpcId = checkId(problems, "vpcId", args.vpcId, "vpc", ids);
        const subnets = checkExistingSubnets(problems, args, vpc, region, ids);
        const privateRouteTableIds = checkExistingEgress(problems, egress, args.privateRouteTableIds ?? [], ids);
        return { ...common, existing: true, vpcId, privateRouteTableIds, ...subnets };
    }
    const subnets = checkNewSubnets(problems, args, vpc, region);
    checkNewEgress(problems, egress, subnets.publicSubnets, subnets.privateSubnets);
    return { ...common, existing: false, ...subnets };
}

/** Checks a VPC description on its own; pure. */
export function validateTwoTierVpcArgs(
    name: string,
    args: TwoTierVpcArgs | ExistingTwoTierVpcArgs,
    opts?: pulumi.ComponentResourceOptions,
): TwoTierVpcPlan {
    // A check that returns no plan has recorded why, so validate throws before this returns it.
    return validate(`${TWO_TIER_VPC_TYPE} '${name}'`, problems => checkTwoTierVpcArgs(problems, name, args, { opts }))!;
}

/**
 * The interface endpoints to create: the three every Fargate task needs and the further ones
 * given, which only egress `vpcEndpoints` creates. Each a service suffix, each once.
 */
function checkInterfaceEndpoints(
    problems: Problems,
    egress: string,
    given: readonly string[] | undefined,
): readonly string[] {
    if (egress !== "vpcEndpoints") {
        if (given !== undefined && given.length > 0) {
            problems.add(
                "interfaceEndpoints",
                `interface endpoints are created only with egress 'vpcEndpoints'; egress is '${egress}'.`,
                "Drop interfaceEndpoints, or use egress 'vpcEndpoints'.",
            );
        }
        return [];
    }
    const all = [...INTERFACE_ENDPOINTS];
    (given ?? []).forEach((service, i) => {
        const at = `interfaceEndpoints[${i}]`;
        if (!INTERFACE_ENDPOINT_SERVICE.test(service)) {
            problems.add(
                at,
                `'${service}' is not an endpoint service suffix (lower-case letters, digits, hyphens, dots).`,
                "Give the part after com.amazonaws.<region>., e.g. ssmmessages.",
            );
        } else if (all.includes(service)) {
            problems.add(
                at,
                INTERFACE_ENDPOINTS.includes(service)
                    ? `'${service}' is always created with egress 'vpcEndpoints'.`
                    : `'${service}' is listed twice.`,
                "List each further endpoint once, and none of ecr.api, ecr.dkr and logs.",
            );
        } else {
            all.push(service);
        }
    });
    return all;
}
