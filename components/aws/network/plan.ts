/**
 * The plan of a {@link TwoTierVpc}: its arguments checked, with every default resolved once, and
 * what a host that creates the VPC as its child settles for it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { Problems } from "../../errors";
import { ResolvedAwsRegion } from "../region";
import { EgressMode } from "./args";

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
    /** Subnet id, `subnet-…`: checked, or an Output checked when it resolves. */
    readonly id: pulumi.Input<string>;
}

/** What every {@link TwoTierVpcPlan} holds. */
export interface VpcPlanCommon {
    /** Region: given, else the stack's. */
    readonly region: string;
    /** How the private subnets reach ECR, S3 and CloudWatch Logs; default `vpcEndpoints`. */
    readonly egress: EgressMode;
    /**
     * Interface endpoints the VPC creates, by service suffix: `ecr.api`, `ecr.dkr`, `logs` and
     * the `interfaceEndpoints` given, in that order; none without `vpcEndpoints`.
     */
    readonly createdInterfaceEndpoints: readonly string[];
    /** Canonical VPC block; empty when it failed its check. */
    readonly cidrBlock: string;
    /** IPv6 blocks on the VPC and its subnets (created, or described); default false. */
    readonly ipv6: boolean;
    /** The provider given (args, else `opts`); undefined when the VPC makes its own for `region`. */
    readonly provider?: aws.Provider;
    /** Tags on every resource created: given, else the host's; none by default. */
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
    /** VPC id, `vpc-…`: checked, or an Output checked when it resolves. */
    readonly vpcId: pulumi.Input<string>;
    /** Public subnets (ALB side), in input order. */
    readonly publicSubnets: readonly ExistingSubnetPlan[];
    /** Private subnets (task side), in input order. */
    readonly privateSubnets: readonly ExistingSubnetPlan[];
    /** Route tables of the private subnets, for the S3 gateway endpoint, checked as the ids are; none by default. */
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
    /** The host's tags, for a VPC given none of its own. */
    readonly tags?: Readonly<Record<string, string>>;
}

/** Where {@link checkTwoTierVpcArgs} checks a VPC: on its own (with its `opts`), or for a host. */
export interface TwoTierVpcCheckContext {
    /** The VPC's own resource options: an `aws` provider there is used, so none is created. */
    readonly opts?: pulumi.ComponentResourceOptions;
    /**
     * The component that creates the VPC as its child, when there is one. The args are then a
     * host's ({@link HostedTwoTierVpcArgs}: no region, no provider), and ids given as Outputs
     * are left to the child, which checks them when they resolve.
     */
    readonly host?: TwoTierVpcHost;
}
