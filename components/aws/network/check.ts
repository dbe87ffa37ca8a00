/**
 * Validation of a {@link TwoTierVpc}'s arguments: pure, registers nothing, and returns the plan
 * the class builds from, every default resolved.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { checkUnique } from "../../checks";
import { Problems, validate } from "../../errors";
import { Cidr, checkCidr, checkNoOverlaps, cidrContains, PlacedCidr } from "../../net";
import { checkAutoname } from "../../naming";
import { checkStackProviderConfig, userProvider } from "../../providers";
import { checkAwsRegion, isZoneOf, ResolvedAwsRegion } from "../region";
import {
    EGRESS_MODES, EgressMode, ExistingSubnetArgs, ExistingTwoTierVpcArgs, SubnetArgs, TwoTierVpcArgs,
} from "./args";
import type { TwoTierVpc } from "./twoTierVpc";

/** Type token of {@link TwoTierVpc}. */
export const TWO_TIER_VPC_TYPE = "topologies:aws:TwoTierVpc";

/** A subnet of the plan. */
export interface SubnetPlan {
    /** Its key in `publicSubnets` / `privateSubnets`. */
    readonly name: string;
    /** Availability zone name. */
    readonly availabilityZone: string;
    /** Canonical IPv4 block. */
    readonly cidrBlock: string;
}

/** A subnet of an existing VPC in the plan. */
export interface ExistingSubnetPlan extends SubnetPlan {
    /** Subnet id, `subnet-…`. */
    readonly id: pulumi.Input<string>;
}

/** What every {@link TwoTierVpcPlan} holds. */
interface VpcPlanCommon {
    /** Region: given, else the stack's. */
    readonly region: string;
    /** How the private subnets reach ECR, S3 and CloudWatch Logs; default `vpcEndpoints`. */
    readonly egress: EgressMode;
    /** Canonical VPC block; empty when it failed its check. */
    readonly cidrBlock: string;
    /** The provider given (args, else `opts`); undefined when the VPC makes its own for `region`. */
    readonly provider?: aws.Provider;
    /** Tags on every resource created; none by default. */
    readonly tags?: Readonly<Record<string, string>>;
}

/** The plan of a VPC created here. */
export interface NewTwoTierVpcPlan extends VpcPlanCommon {
    readonly existing: false;
    /** Public subnets (ALB side), in input order. */
    readonly publicSubnets: readonly SubnetPlan[];
    /** Private subnets (task side), in input order. */
    readonly privateSubnets: readonly SubnetPlan[];
}

/** The plan of an existing VPC, described with {@link TwoTierVpc.fromExisting}. */
export interface ExistingTwoTierVpcPlan extends VpcPlanCommon {
    readonly existing: true;
    /** VPC id, `vpc-…`. */
    readonly vpcId: pulumi.Input<string>;
    /** Public subnets (ALB side), in input order. */
    readonly publicSubnets: readonly ExistingSubnetPlan[];
    /** Private subnets (task side), in input order. */
    readonly privateSubnets: readonly ExistingSubnetPlan[];
    /** Route tables of the private subnets, for the S3 gateway endpoint; none by default. */
    readonly privateRouteTableIds: readonly pulumi.Input<string>[];
}

/**
 * Everything {@link TwoTierVpc} builds from, checked and defaulted. A plan from a check that
 * recorded problems is for a caller's further checks only: the VPC block is empty when it failed
 * its check, and other fields whose input failed hold it as given (the region is empty if none is).
 */
export type TwoTierVpcPlan = NewTwoTierVpcPlan | ExistingTwoTierVpcPlan;

/**
 * A component that creates the VPC as its child (`AlbFargateService`): it settles the VPC's
 * region and provider and reports them at its own paths, so the VPC's check does not.
 */
export interface TwoTierVpcHost {
    /** The host's region, already resolved and checked. */
    readonly region: ResolvedAwsRegion;
    /**
     * The host's own problems, not scoped to the VPC's args. The VPC is named after its host
     * (`<host>-network`), so a name Pulumi derives from it that does not fit is a problem with
     * the host's `name`.
     */
    readonly nameProblems: Problems;
}

/** Where {@link checkTwoTierVpcArgs} checks a VPC: on its own (with its `opts`), or for a host. */
export interface TwoTierVpcCheckContext {
    /** The VPC's own resource options: an `aws` provider there is used, so none is created. */
    readonly opts?: pulumi.ComponentResourceOptions;
    /** The component that creates the VPC as its child, when there is one. */
    readonly host?: TwoTierVpcHost;
}

/** True for the description of an existing VPC (it names its `vpcId`). */
export function isExistingVpc(args: TwoTierVpcArgs | ExistingTwoTierVpcArgs): args is ExistingTwoTierVpcArgs {
    return "vpcId" in args;
}

/**
 * Checks a VPC description, created or existing, and returns its plan. On its own it also
 * resolves and checks its region (at `region`) and the stack's provider settings; a host passes
 * `problems.under("network")` and {@link TwoTierVpcCheckContext.host}, so the VPC's problems land
 * at the host's paths (`network.publicSubnets.a`) and the region stays at the host's `region`.
 */
export function checkTwoTierVpcArgs(problems: Problems, name: string, args: TwoTierVpcArgs | ExistingTwoTierVpcArgs,
    context: TwoTierVpcCheckContext = {}): TwoTierVpcPlan {
    const { host } = context;
    const region = host?.region ?? checkAwsRegion(problems, "region", args.region);
    const provider = args.provider ?? (host ? undefined : userProvider<aws.Provider>(context.opts, "aws"));
    // A host creates the provider the VPC gets, and checks the stack's settings for it.
    if (!host && provider === undefined) checkStackProviderConfig(problems, "aws");
    const existing = isExistingVpc(args);
    const egress = args.egress ?? "vpcEndpoints";
    if (!(EGRESS_MODES as readonly string[]).includes(egress)) {
        problems.add("egress", `egress '${egress}' is not supported.`, `Use one of: ${EGRESS_MODES.join(", ")}.`);
    }
    if (egress === "vpcEndpoints") {
        const nameProblems = host?.nameProblems ?? problems;
        checkAutoname(nameProblems, "name", "aws:ec2/securityGroup:SecurityGroup", `${name}-endpoints-sg`);
    }

    const vpc = checkCidr(problems, "cidrBlock", args.cidrBlock, 4);
    if (vpc && !existing && (vpc.prefix < 16 || vpc.prefix > 28)) {
        problems.add("cidrBlock", `VPC block ${vpc.text} is /${vpc.prefix}; AWS accepts /16 to /28.`,
            "Choose a VPC mask from /16 to /28.");
    }
    const { publicSubnets, privateSubnets } = checkSubnets(problems, args, vpc, region);
    const common = { region: region.region, egress, cidrBlock: vpc?.text ?? "", provider, tags: args.tags };
    if (isExistingVpc(args)) {
        checkExistingEgress(problems, egress, args);
        return {
            ...common, existing: true, vpcId: args.vpcId, privateRouteTableIds: args.privateRouteTableIds ?? [],
            publicSubnets: withIds(publicSubnets, args.publicSubnets),
            privateSubnets: withIds(privateSubnets, args.privateSubnets),
        };
    }
    checkNewEgress(problems, egress, publicSubnets, privateSubnets);
    return { ...common, existing: false, publicSubnets, privateSubnets };
}

/** Checks a VPC description on its own; pure. */
export function validateTwoTierVpcArgs(name: string, args: TwoTierVpcArgs | ExistingTwoTierVpcArgs,
    opts?: pulumi.ComponentResourceOptions): TwoTierVpcPlan {
    return validate(`${TWO_TIER_VPC_TYPE} '${name}'`, problems => checkTwoTierVpcArgs(problems, name, args, { opts }));
}

/** Checks both tiers: zones of the region, blocks inside the VPC and disjoint, names unique, a private subnet. */
function checkSubnets(problems: Problems, args: TwoTierVpcArgs | ExistingTwoTierVpcArgs, vpc: Cidr | undefined,
    region: ResolvedAwsRegion): { publicSubnets: SubnetPlan[]; privateSubnets: SubnetPlan[] } {
    const existing = isExistingVpc(args);
    const placed: PlacedCidr[] = [];
    const tier = (key: "publicSubnets" | "privateSubnets"): SubnetPlan[] => {
        const subnets: Record<string, SubnetArgs> = args[key] ?? {};
        return Object.entries(subnets).map(([name, subnet]) => {
            const path = `${key}.${name}`;
            if (region.valid && !isZoneOf(subnet.availabilityZone, region.region)) {
                problems.add(`${path}.availabilityZone`,
                    `'${subnet.availabilityZone}' is not an availability zone of ${region.region}.`,
                    `Use a zone name such as ${region.region}a.`);
            }
            const block = checkCidr(problems, `${path}.cidrBlock`, subnet.cidrBlock, 4);
            if (block && !existing && (block.prefix < 16 || block.prefix > 28)) {
                problems.add(`${path}.cidrBlock`,
                    `subnet block ${block.text} is /${block.prefix}; AWS accepts /16 to /28.`,
                    "Choose a subnet mask from /16 to /28.");
            }
            if (block && vpc && !cidrContains(vpc, block)) {
                problems.add(`${path}.cidrBlock`,
                    `subnet '${name}' ${block.text} is not inside the VPC block ${vpc.text}.`,
                    `Use a subnet of this VPC: its block must lie inside ${vpc.text}.`);
            }
            if (block) placed.push({ name: `subnet '${name}'`, cidr: block, path: `${path}.cidrBlock` });
            return { name, availabilityZone: subnet.availabilityZone, cidrBlock: block?.text ?? subnet.cidrBlock };
        });
    };
    const publicSubnets = tier("publicSubnets");
    const privateSubnets = tier("privateSubnets");
    checkNoOverlaps(problems, placed, "Give every subnet of a VPC a disjoint block.");
    checkUnique(problems, [...publicSubnets.map(s => ({ path: `publicSubnets.${s.name}`, key: s.name })),
        ...privateSubnets.map(s => ({ path: `privateSubnets.${s.name}`, key: s.name }))], "subnet name");
    if (privateSubnets.length === 0) {
        problems.add("privateSubnets", "no private subnet is given for the tasks.", "Add at least one private subnet.");
    }
    return { publicSubnets, privateSubnets };
}

/** The egress an existing VPC can take: no NAT made here, and route tables for the S3 gateway endpoint. */
function checkExistingEgress(problems: Problems, egress: EgressMode, args: ExistingTwoTierVpcArgs): void {
    if (egress === "natGateway" || egress === "natGatewayPerAz") {
        problems.add("egress",
            `egress '${egress}' creates NAT gateways and routes, which this component does only in a VPC it creates.`,
            "Use 'provided' if the VPC already has a NAT gateway, or 'vpcEndpoints'.");
    }
    if (egress === "vpcEndpoints" && (args.privateRouteTableIds ?? []).length === 0) {
        problems.add("privateRouteTableIds",
            "egress 'vpcEndpoints' needs the private subnets' route tables for the S3 gateway endpoint, " +
            "which carries ECR's image layers.",
            "List the route tables of the private subnets.");
    }
}

/** The egress a VPC created here can take: not `provided`, public subnets for the ALB and NATs, a NAT per task AZ. */
function checkNewEgress(problems: Problems, egress: EgressMode, publicSubnets: readonly SubnetPlan[],
    privateSubnets: readonly SubnetPlan[]): void {
    if (egress === "provided") {
        problems.add("egress",
            "egress 'provided' means an existing VPC already has a way out, but this VPC is created here.",
            "Use 'vpcEndpoints', 'natGateway' or 'natGatewayPerAz'.");
    }
    if (publicSubnets.length === 0) {
        problems.add("publicSubnets", "no public subnet is given.",
            "Add public subnets for the ALB (and NAT gateways).");
    }
    if (egress !== "natGatewayPerAz") return;
    const publicAzs = new Set(publicSubnets.map(s => s.availabilityZone));
    for (const s of privateSubnets) {
        if (!publicAzs.has(s.availabilityZone)) {
            problems.add(`privateSubnets.${s.name}.availabilityZone`,
                "egress 'natGatewayPerAz' puts a NAT gateway in a public subnet of each task AZ, " +
                `but ${s.availabilityZone} has no public subnet.`,
                `Add a public subnet in ${s.availabilityZone}, or use egress 'natGateway'.`);
        }
    }
}

/** The checked subnets of an existing VPC with the ids they were given. */
function withIds(subnets: readonly SubnetPlan[], given: Record<string, ExistingSubnetArgs>): ExistingSubnetPlan[] {
    return subnets.map(s => ({ ...s, id: given[s.name].id }));
}
