/**
 * The shapes of {@link TwoTierVpc}: its arguments (a VPC to create, or one that exists,
 * described) and the subnets it hands to the components that build on it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";

/**
 * How tasks in the private subnets reach ECR, S3 and CloudWatch Logs without public IPs.
 * - `vpcEndpoints`: interface endpoints for `ecr.api`, `ecr.dkr` and `logs` plus the S3 gateway
 *   endpoint (ECR keeps image layers in S3). No internet path at all; images must come from ECR
 *   in the VPC's region.
 * - `natGateway`: one NAT gateway (in the first public subnet) for every private subnet.
 * - `natGatewayPerAz`: one NAT gateway per private subnet AZ, so one AZ's outage does not cut the
 *   others off.
 * - `provided`: an existing VPC whose private subnets already route to a NAT or endpoints.
 * - `none`: no egress; tasks can only pull images if they get public IPs in subnets routed to an
 *   internet gateway (the tutorial's workaround).
 */
export type EgressMode = "vpcEndpoints" | "natGateway" | "natGatewayPerAz" | "provided" | "none";

/** Every {@link EgressMode}, for configuration schemas and messages. */
export const EGRESS_MODES: readonly EgressMode[] = [
    "vpcEndpoints",
    "natGateway",
    "natGatewayPerAz",
    "provided",
    "none",
];

/** A subnet to create. */
export interface SubnetArgs {
    /** Availability zone name in the VPC's region, e.g. `ap-northeast-1c`. Checked before registration. */
    availabilityZone: string;
    /**
     * IPv4 block, /16 to /28, inside the VPC block and disjoint from every other subnet, e.g.
     * `10.1.3.0/24`. Checked before registration.
     */
    cidrBlock: string;
}

/** A VPC with public and private subnets created by {@link TwoTierVpc}. */
export interface TwoTierVpcArgs {
    /**
     * Region (tutorial: `ap-northeast-1`, Tokyo). Default: the stack's `aws:region` (or
     * `AWS_REGION`), as the default provider would use; one of the two must be set. Checked
     * before registration.
     */
    region?: string;
    /** VPC IPv4 block, /16 to /28. Tutorial: `10.1.0.0/16`. Checked before registration. */
    cidrBlock: string;
    /**
     * Public subnets by name, routed to an internet gateway: the ALB (and NAT gateways) live here.
     * Tutorial: `klein-public-1a`, `klein-public-1c`. A name is non-empty text without blanks or
     * control characters; it names the subnet's resources.
     */
    publicSubnets: Record<string, SubnetArgs>;
    /**
     * Private subnets by name, with no route to the internet gateway: the tasks live here.
     * Tutorial: `klein-private-1a`, `klein-private-1c` (`10.1.3.0/24` in `ap-northeast-1c`).
     * Names as for `publicSubnets`.
     */
    privateSubnets: Record<string, SubnetArgs>;
    /** How the private subnets reach ECR, S3 and CloudWatch Logs. Default: `vpcEndpoints`. */
    egress?: EgressMode;
    /**
     * IPv6 as well: the VPC gets an Amazon-provided /56, each subnet a /64 of it (public subnets
     * the /64s from index 0, private ones from index 128, in input order), and the public route
     * table `::/0` to the internet gateway; the private tier gets no IPv6 route out. Needed by a
     * `dualstack` ALB. Default: false, IPv4 only.
     */
    ipv6?: boolean;
    /**
     * Further interface endpoints, by service name suffix (the part after
     * `com.amazonaws.<region>.`): e.g. `ssm`, `secretsmanager` and `kms` for container secrets,
     * `ssmmessages` for ECS Exec. Lower-case letters, digits, hyphens and dots, each once, none of
     * the three always created (`ecr.api`, `ecr.dkr`, `logs`); only with `egress: "vpcEndpoints"`.
     * Same subnets, security group (HTTPS from the VPC) and private DNS as those. An
     * `AlbFargateService` adds those its tasks need to a VPC it creates. Each one bills per hour
     * in every zone it is placed in, plus per GB processed ("billed for each hour that your VPC
     * endpoint remains provisioned in each Availability Zone": AWS PrivateLink pricing,
     * https://aws.amazon.com/privatelink/pricing/); `pulumi destroy` deletes it. Default: none.
     */
    interfaceEndpoints?: string[];
    /**
     * Provider for the region. Default: the `aws` provider in `opts.provider` / `opts.providers`
     * of this component (a parent's is not taken), else a new provider for `region` carrying the
     * stack's `aws:*` configuration (credentials, profile, assumed roles, default tags, account guards).
     */
    provider?: aws.Provider;
    /**
     * Tags on every resource that takes them, as AWS accepts them (keys 1 to 128 characters,
     * values up to 256, at most 49 besides the `Name` tag added here). Default: none.
     */
    tags?: Record<string, string>;
}

/** A subnet that already exists. */
export interface ExistingSubnetArgs {
    /**
     * Subnet id, `subnet-…`, used once across both tiers. Checked before registration; an Output
     * is checked when it resolves.
     */
    id: pulumi.Input<string>;
    /** Availability zone name of the subnet, e.g. `ap-northeast-1a`. Checked before registration. */
    availabilityZone: string;
    /** IPv4 block of the subnet, as in the console; checked before registration to lie inside the VPC. */
    cidrBlock: string;
}

/** A VPC that already exists, described so the component can check and build on it (`TwoTierVpc.fromExisting`). */
export interface ExistingTwoTierVpcArgs {
    /**
     * Region of the VPC. Default: the stack's `aws:region` (or `AWS_REGION`); one of the two must
     * be set. Checked before registration.
     */
    region?: string;
    /**
     * VPC id, `vpc-…`. Interface endpoints need `enableDnsSupport` and `enableDnsHostnames` on it.
     * Checked before registration; an Output is checked when it resolves.
     */
    vpcId: pulumi.Input<string>;
    /** VPC IPv4 block, as in the console. Checked before registration. */
    cidrBlock: string;
    /** Subnets for the ALB (routed to an internet gateway), by name (as for `TwoTierVpcArgs`). */
    publicSubnets: Record<string, ExistingSubnetArgs>;
    /** Subnets for the tasks, by name (as for `TwoTierVpcArgs`). */
    privateSubnets: Record<string, ExistingSubnetArgs>;
    /**
     * Route tables of the private subnets, `rtb-…`, each once; the S3 gateway endpoint is added
     * to them. Required with `egress: "vpcEndpoints"`. Default: none. Checked before registration;
     * an Output is checked when it resolves.
     */
    privateRouteTableIds?: pulumi.Input<string>[];
    /**
     * How the private subnets reach ECR, S3 and CloudWatch Logs: `vpcEndpoints` (created here),
     * `provided` (the VPC already has a NAT or the endpoints) or `none`. Default: `vpcEndpoints`.
     */
    egress?: EgressMode;
    /**
     * True when the VPC and its subnets have IPv6 blocks (and the public subnets a `::/0` route
     * to the internet gateway), as a `dualstack` ALB needs: described, not checked. Default: false.
     */
    ipv6?: boolean;
    /**
     * Further interface endpoints, by service name suffix (the part after
     * `com.amazonaws.<region>.`): e.g. `ssm`, `secretsmanager` and `kms` for container secrets,
     * `ssmmessages` for ECS Exec. Lower-case letters, digits, hyphens and dots, each once, none of
     * the three always created (`ecr.api`, `ecr.dkr`, `logs`); only with `egress: "vpcEndpoints"`.
     * Same subnets, security group (HTTPS from the VPC) and private DNS as those. An
     * `AlbFargateService` adds those its tasks need to a VPC it creates. Each one bills per hour
     * in every zone it is placed in, plus per GB processed ("billed for each hour that your VPC
     * endpoint remains provisioned in each Availability Zone": AWS PrivateLink pricing,
     * https://aws.amazon.com/privatelink/pricing/); `pulumi destroy` deletes it. Default: none.
     */
    interfaceEndpoints?: string[];
    /**
     * Provider for the region. Default: the `aws` provider in `opts.provider` / `opts.providers`
     * of this component (a parent's is not taken), else a new provider for `region` carrying the
     * stack's `aws:*` configuration (credentials, profile, assumed roles, default tags, account guards).
     */
    provider?: aws.Provider;
    /** Tags on every resource created here, as for `TwoTierVpcArgs`. Default: none. */
    tags?: Record<string, string>;
}

/**
 * The args of a VPC that another component (a host, e.g. `AlbFargateService`) creates as its
 * child: a VPC to create or an existing one described, with the host's region and provider.
 */
export type HostedTwoTierVpcArgs =
    Omit<TwoTierVpcArgs, "region" | "provider"> | Omit<ExistingTwoTierVpcArgs, "region" | "provider">;

/** A subnet as other components see it. */
export interface SubnetInfo {
    /** The subnet's key in `publicSubnets`/`privateSubnets`. */
    readonly name: string;
    /** Subnet id, `subnet-…`. */
    readonly id: pulumi.Output<string>;
    /** Availability zone name. */
    readonly availabilityZone: string;
    /** Canonical IPv4 block. */
    readonly cidrBlock: string;
}
