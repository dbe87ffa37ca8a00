/**
 * The VPC {@link TwoTierVpc} creates: the VPC and its internet gateway, the public tier routed
 * to the gateway, the private tier with its route tables and, for NAT egress, NAT gateways.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { addressAt, parseCidr } from "../../net";
import { SubnetInfo } from "./args";
import { NewTwoTierVpcPlan, SubnetPlan } from "./plan";

/** The first /64 of the VPC's /56 a private subnet takes: public subnets take 0 up, private ones 128 up. */
const PRIVATE_IPV6_BASE = 128;

/**
 * The `index`th /64 of a VPC's IPv6 block (an Amazon-provided /56: 256 of them; EC2 takes a /64
 * per subnet, "IPv6 CIDR blocks for subnets", Amazon VPC User Guide).
 */
export function ipv6Subnet64(vpcBlock: string, index: number): string {
    const block = parseCidr(vpcBlock, 6);
    return `${addressAt(block, BigInt(index) << 64n)}/64`;
}

/** Tags of a resource: the plan's, with a `Name` made from the component name and `suffix`. */
export type Tagger = (suffix: string) => Record<string, string>;

/** What {@link createTiers} built, as {@link TwoTierVpc} publishes it. */
export interface CreatedTiers {
    readonly vpcId: pulumi.Output<string>;
    readonly publicSubnets: SubnetInfo[];
    readonly privateSubnets: SubnetInfo[];
    /** The internet gateway, the public default route and the public subnets' associations. */
    readonly internetReady: pulumi.Resource[];
    /** The private default routes through NAT gateways (none without NAT egress). */
    readonly natRoutes: pulumi.Resource[];
    readonly privateRouteTableIds: pulumi.Output<string>[];
    readonly natGatewayIds: pulumi.Output<string>[];
}

/** Creates the VPC of `plan` with both tiers. */
export function createTiers(
    name: string,
    plan: NewTwoTierVpcPlan,
    tags: Tagger,
    opts: pulumi.CustomResourceOptions,
): CreatedTiers {
    // DNS hostnames and support let the interface endpoints' private DNS names resolve.
    const vpc = new aws.ec2.Vpc(
        `${name}-vpc`,
        {
            cidrBlock: plan.cidrBlock,
            enableDnsSupport: true,
            enableDnsHostnames: true,
            assignGeneratedIpv6CidrBlock: plan.ipv6 ? true : undefined,
            tags: tags("vpc"),
        },
        opts,
    );
    const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tags("igw") }, opts);
    const subnet = (s: SubnetPlan, ipv6Index: number): SubnetInfo => {
        const created = new aws.ec2.Subnet(
            `${name}-${s.name}`,
            {
                vpcId: vpc.id,
                availabilityZone: s.availabilityZone,
                cidrBlock: s.cidrBlock,
                ipv6CidrBlock: plan.ipv6 ? vpc.ipv6CidrBlock.apply(b => ipv6Subnet64(b, ipv6Index)) : undefined,
                mapPublicIpOnLaunch: false,
                tags: tags(s.name),
            },
            opts,
        );
        return { name: s.name, id: created.id, availabilityZone: s.availabilityZone, cidrBlock: s.cidrBlock };
    };
    const publicSubnets = plan.publicSubnets.map((s, i) => subnet(s, i));
    const privateSubnets = plan.privateSubnets.map((s, i) => subnet(s, PRIVATE_IPV6_BASE + i));

    const publicRt = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: vpc.id, tags: tags("public-rt") }, opts);
    const publicDefault = new aws.ec2.Route(
        `${name}-public-default`,
        {
            routeTableId: publicRt.id,
            destinationCidrBlock: "0.0.0.0/0",
            gatewayId: igw.id,
        },
        opts,
    );
    const internetReady: pulumi.Resource[] = [igw, publicDefault];
    if (plan.ipv6) {
        internetReady.push(
            new aws.ec2.Route(
                `${name}-public-default-ipv6`,
                { routeTableId: publicRt.id, destinationIpv6CidrBlock: "::/0", gatewayId: igw.id },
                opts,
            ),
        );
    }
    for (const s of publicSubnets) {
        internetReady.push(
            new aws.ec2.RouteTableAssociation(
                `${name}-${s.name}-rta`,
                {
                    routeTableId: publicRt.id,
                    subnetId: s.id,
                },
                opts,
            ),
        );
    }
    const privateTier = createPrivateRouting(name, plan, vpc.id, igw, { publicSubnets, privateSubnets }, tags, opts);
    return { vpcId: vpc.id, publicSubnets, privateSubnets, internetReady, ...privateTier };
}

type PrivateRouting = Pick<CreatedTiers, "natRoutes" | "privateRouteTableIds" | "natGatewayIds">;

/**
 * One private route table per AZ when each AZ has its own NAT gateway, otherwise one for all
 * private subnets; with NAT egress, each table's default route goes to its NAT gateway.
 */
function createPrivateRouting(
    name: string,
    plan: NewTwoTierVpcPlan,
    vpcId: pulumi.Output<string>,
    igw: aws.ec2.InternetGateway,
    subnets: { publicSubnets: readonly SubnetInfo[]; privateSubnets: readonly SubnetInfo[] },
    tags: Tagger,
    opts: pulumi.CustomResourceOptions,
): PrivateRouting {
    const { publicSubnets, privateSubnets } = subnets;
    const perAz = plan.egress === "natGatewayPerAz";
    const groups = perAz
        ? [...new Set(privateSubnets.map(s => s.availabilityZone))].map(az => ({
              suffix: `private-rt-${az}`,
              az,
              subnets: privateSubnets.filter(s => s.availabilityZone === az),
          }))
        : [{ suffix: "private-rt", az: undefined as string | undefined, subnets: [...privateSubnets] }];
    const routed: PrivateRouting = { natRoutes: [], privateRouteTableIds: [], natGatewayIds: [] };
    for (const group of groups) {
        const rt = new aws.ec2.RouteTable(`${name}-${group.suffix}`, { vpcId, tags: tags(group.suffix) }, opts);
        routed.privateRouteTableIds.push(rt.id);
        for (const s of group.subnets) {
            new aws.ec2.RouteTableAssociation(`${name}-${s.name}-rta`, { routeTableId: rt.id, subnetId: s.id }, opts);
        }
        if (plan.egress !== "natGateway" && !perAz) continue;
        const home = perAz ? publicSubnets.find(p => p.availabilityZone === group.az)! : publicSubnets[0];
        const suffix = perAz ? `nat-${group.az}` : "nat";
        const eip = new aws.ec2.Eip(`${name}-${suffix}-eip`, { domain: "vpc", tags: tags(`${suffix}-eip`) }, opts);
        // A NAT gateway cannot forward until the VPC has its internet gateway.
        const nat = new aws.ec2.NatGateway(
            `${name}-${suffix}`,
            {
                allocationId: eip.id,
                subnetId: home.id,
                connectivityType: "public",
                tags: tags(suffix),
            },
            { ...opts, dependsOn: [igw] },
        );
        routed.natGatewayIds.push(nat.id);
        routed.natRoutes.push(
            new aws.ec2.Route(
                `${name}-${group.suffix}-default`,
                {
                    routeTableId: rt.id,
                    destinationCidrBlock: "0.0.0.0/0",
                    natGatewayId: nat.id,
                },
                opts,
            ),
        );
    }
    return routed;
}
