import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { newStackProvider } from "../../providers";
import { EgressMode, ExistingTwoTierVpcArgs, SubnetInfo, TwoTierVpcArgs } from "./args";
import { TWO_TIER_VPC_TYPE, validateTwoTierVpcArgs } from "./check";
import { ExistingSubnetPlan } from "./plan";
import { createEndpoints } from "./endpoints";
import { createTiers, Tagger } from "./tiers";

/**
 * A VPC in two tiers: public subnets routed to an internet gateway (for the ALB and NAT
 * gateways) and private subnets with no route to it (for the tasks), plus the egress that lets
 * tasks pull images and ship logs without public IPs. Created here, or described with
 * {@link TwoTierVpc.fromExisting}, in which case only the egress endpoints are added.
 */
export class TwoTierVpc extends pulumi.ComponentResource {
    /** Region of the VPC. */
    readonly region: string;
    /** The provider every resource in this VPC must use. */
    readonly provider: aws.Provider;
    /** Canonical VPC block. */
    readonly cidrBlock: string;
    /** Id of the VPC. */
    readonly vpcId: pulumi.Output<string>;
    /** The public subnets (for the ALB), in the order given. */
    readonly publicSubnets: readonly SubnetInfo[];
    /** The private subnets (for the tasks), in the order given. */
    readonly privateSubnets: readonly SubnetInfo[];
    /** How tasks in the private subnets reach ECR, S3 and CloudWatch Logs. */
    readonly egress: EgressMode;
    /** True when the VPC and its subnets have IPv6 blocks (the `ipv6` input). */
    readonly ipv6: boolean;
    /**
     * True when the VPC was described with {@link TwoTierVpc.fromExisting}: its subnets and
     * routes are the owner's. False when it was created here, so its private subnets are known
     * to have no route to the internet gateway.
     */
    readonly existing: boolean;
    /**
     * What must exist before a task can pull its image (endpoints, NAT routes); services should
     * depend on it so their first tasks do not fail and trip the circuit breaker.
     */
    readonly egressReady: pulumi.Resource[] = [];
    /**
     * What must exist before an internet-facing load balancer in the public subnets: the attached
     * internet gateway and the public route. AWS refuses an internet-facing ALB in a VPC without
     * an attached gateway (CreateLoadBalancer: `InvalidSubnet` … "VPC … has no internet
     * gateway"), a race Terraform and CloudFormation users meet when nothing orders the two.
     * Empty for an existing VPC, which has them already.
     */
    readonly internetReady: pulumi.Resource[] = [];
    /**
     * Services of the interface endpoints this component created, by service suffix: `ecr.api`,
     * `ecr.dkr`, `logs` and those asked for in the `interfaceEndpoints` input, in that order;
     * empty when it created none (egress other than `vpcEndpoints`). Named apart from the input,
     * which lists only the further ones.
     */
    readonly createdInterfaceEndpoints: readonly string[];
    /** Security group of the interface endpoints, when created. */
    readonly endpointSecurityGroupId?: pulumi.Output<string>;
    /**
     * Managed prefix list of S3 in the region, when this component created the S3 gateway
     * endpoint: with endpoints only, tasks need HTTPS to the VPC block and to this list, nothing else.
     */
    readonly s3PrefixListId?: pulumi.Output<string>;
    /** Ids of the private route tables this component created. */
    readonly privateRouteTableIds: pulumi.Output<string>[] = [];
    /** Ids of the NAT gateways this component created (none with VPC endpoints). */
    readonly natGatewayIds: pulumi.Output<string>[] = [];

    /** Describes a VPC that already exists; registers only the egress endpoints (and a provider). */
    static fromExisting(
        name: string,
        args: ExistingTwoTierVpcArgs,
        opts?: pulumi.ComponentResourceOptions,
    ): TwoTierVpc {
        return new TwoTierVpc(name, args, opts);
    }

    constructor(name: string, args: TwoTierVpcArgs | ExistingTwoTierVpcArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateTwoTierVpcArgs(name, args, opts);
        super(TWO_TIER_VPC_TYPE, name, {}, opts);
        this.region = plan.region;
        this.egress = plan.egress;
        this.ipv6 = plan.ipv6;
        this.createdInterfaceEndpoints = plan.createdInterfaceEndpoints;
        this.cidrBlock = plan.cidrBlock;
        this.existing = plan.existing;
        // A provider is made only when none was given.
        this.provider =
            plan.provider ?? newStackProvider("aws", `${name}-provider`, { region: this.region }, { parent: this });
        const childOpts = { parent: this, provider: this.provider };
        const tags: Tagger = suffix => ({ ...plan.tags, Name: `${name}-${suffix}` });

        let routeTableIds: readonly pulumi.Input<string>[];
        if (plan.existing) {
            this.vpcId = pulumi.output(plan.vpcId);
            this.publicSubnets = plan.publicSubnets.map(existingSubnet);
            this.privateSubnets = plan.privateSubnets.map(existingSubnet);
            routeTableIds = plan.privateRouteTableIds;
        } else {
            const tiers = createTiers(name, plan, tags, childOpts);
            this.vpcId = tiers.vpcId;
            this.publicSubnets = tiers.publicSubnets;
            this.privateSubnets = tiers.privateSubnets;
            this.internetReady.push(...tiers.internetReady);
            this.egressReady.push(...tiers.natRoutes);
            this.privateRouteTableIds.push(...tiers.privateRouteTableIds);
            this.natGatewayIds.push(...tiers.natGatewayIds);
            routeTableIds = tiers.privateRouteTableIds;
        }

        if (this.egress === "vpcEndpoints") {
            const endpoints = createEndpoints(
                name,
                {
                    region: this.region,
                    interfaceEndpoints: this.createdInterfaceEndpoints,
                    vpcId: this.vpcId,
                    cidrBlock: this.cidrBlock,
                    privateSubnets: this.privateSubnets,
                    routeTableIds,
                },
                tags,
                childOpts,
            );
            this.endpointSecurityGroupId = endpoints.securityGroupId;
            this.s3PrefixListId = endpoints.s3PrefixListId;
            this.egressReady.push(...endpoints.ready);
        }

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnets.map(s => s.id),
            privateSubnetIds: this.privateSubnets.map(s => s.id),
            privateRouteTableIds: this.privateRouteTableIds,
            natGatewayIds: this.natGatewayIds,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            s3PrefixListId: this.s3PrefixListId,
        });
    }
}

/** A subnet of an existing VPC as other components see it. */
function existingSubnet(s: ExistingSubnetPlan): SubnetInfo {
    return { name: s.name, id: pulumi.output(s.id), availabilityZone: s.availabilityZone, cidrBlock: s.cidrBlock };
}
