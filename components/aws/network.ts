import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { checkCidr, checkNoOverlaps, cidrContains, normaliseCidr, PlacedCidr } from "../net";
import { checkAutoname } from "../naming";
import { checkStackProviderConfig, newStackProvider, stackAwsRegion, userProvider } from "../providers";

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

export const EGRESS_MODES: readonly EgressMode[] = ["vpcEndpoints", "natGateway", "natGatewayPerAz", "provided", "none"];

/** A subnet to create. */
export interface SubnetArgs {
    /** Availability zone name in the VPC's region, e.g. `ap-northeast-1c`. */
    availabilityZone: string;
    /** IPv4 block, /16 to /28, inside the VPC block and disjoint from every other subnet, e.g. `10.1.3.0/24`. */
    cidrBlock: string;
}

/** A VPC with public and private subnets created by {@link TwoTierVpc}. */
export interface TwoTierVpcArgs {
    /**
     * Region (tutorial: `ap-northeast-1`, Tokyo). Default: the stack's `aws:region` (or
     * `AWS_REGION`), as the default provider would use; one of the two must be set.
     */
    region?: string;
    /** VPC IPv4 block, /16 to /28. Tutorial: `10.1.0.0/16`. */
    cidrBlock: string;
    /**
     * Public subnets by name, routed to an internet gateway: the ALB (and NAT gateways) live here.
     * Tutorial: `klein-public-1a`, `klein-public-1c`.
     */
    publicSubnets: Record<string, SubnetArgs>;
    /**
     * Private subnets by name, with no route to the internet gateway: the tasks live here.
     * Tutorial: `klein-private-1a`, `klein-private-1c` (`10.1.3.0/24` in `ap-northeast-1c`).
     */
    privateSubnets: Record<string, SubnetArgs>;
    /** How the private subnets reach ECR, S3 and CloudWatch Logs. Default: `vpcEndpoints`. */
    egress?: EgressMode;
    /**
     * Provider for the region. Default: the `aws` provider in `opts.provider` / `opts.providers`
     * of this component (a parent's is not taken), else a new provider for `region` carrying the
     * stack's `aws:*` configuration (credentials, profile, assumed roles, default tags, account guards).
     */
    provider?: aws.Provider;
    /** Tags on every resource that takes them. */
    tags?: Record<string, string>;
}

/** A subnet that already exists. */
export interface ExistingSubnetArgs {
    /** Subnet id, `subnet-…`. */
    id: pulumi.Input<string>;
    /** Availability zone name of the subnet, e.g. `ap-northeast-1a`. */
    availabilityZone: string;
    /** IPv4 block of the subnet, as in the console; checked to lie inside the VPC. */
    cidrBlock: string;
}

/** A VPC that already exists, described so the component can check and build on it. */
export interface ExistingTwoTierVpcArgs {
    /** Region of the VPC. Default: the stack's `aws:region` (or `AWS_REGION`); one of the two must be set. */
    region?: string;
    /** VPC id, `vpc-…`. Interface endpoints need `enableDnsSupport` and `enableDnsHostnames` on it. */
    vpcId: pulumi.Input<string>;
    /** VPC IPv4 block, as in the console. */
    cidrBlock: string;
    /** Subnets for the ALB (routed to an internet gateway), by name. */
    publicSubnets: Record<string, ExistingSubnetArgs>;
    /** Subnets for the tasks, by name. */
    privateSubnets: Record<string, ExistingSubnetArgs>;
    /**
     * Route tables of the private subnets; the S3 gateway endpoint is added to them. Required
     * with `egress: "vpcEndpoints"`.
     */
    privateRouteTableIds?: pulumi.Input<string>[];
    /**
     * How the private subnets reach ECR, S3 and CloudWatch Logs: `vpcEndpoints` (created here),
     * `provided` (the VPC already has a NAT or the endpoints) or `none`. Default: `vpcEndpoints`.
     */
    egress?: EgressMode;
    /**
     * Provider for the region. Default: the `aws` provider in `opts.provider` / `opts.providers`
     * of this component (a parent's is not taken), else a new provider for `region` carrying the
     * stack's `aws:*` configuration (credentials, profile, assumed roles, default tags, account guards).
     */
    provider?: aws.Provider;
    /** Tags on every resource created here. */
    tags?: Record<string, string>;
}

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

const TYPE = "topologies:aws:TwoTierVpc";


export function isExistingVpc(args: TwoTierVpcArgs | ExistingTwoTierVpcArgs): args is ExistingTwoTierVpcArgs {
    return "vpcId" in args;
}

/**
 * Service name of a regional endpoint in the commercial partition. (Some China-region services
 * use a `cn.com.amazonaws` prefix; those regions are not handled yet.)
 */
export function endpointServiceName(region: string, service: string): string {
    return `com.amazonaws.${region}.${service}`;
}

/** Interface endpoints a Fargate task (platform 1.4+) needs to pull from ECR and log to CloudWatch. */
export const INTERFACE_ENDPOINTS: readonly string[] = ["ecr.api", "ecr.dkr", "logs"];

/** What the validation learned, for callers that check more (e.g. the ALB's AZ rules). */
export interface CheckedVpc {
    /** Region, defaulted. */
    region: string;
    /** Egress mode, defaulted. */
    egress: EgressMode;
    /** Canonical VPC block, when it parsed. */
    cidrBlock?: string;
    /** Public subnets (ALB side) by key and AZ, in input order. */
    publicSubnets: Array<{ key: string; availabilityZone: string }>;
    /** Private subnets (task side) by key and AZ, in input order. */
    privateSubnets: Array<{ key: string; availabilityZone: string }>;
}

/** Where {@link checkTwoTierVpcArgs} reports, for a component that embeds the VPC. */
export interface TwoTierVpcCheckPaths {
    /** The VPC component's name: the security group Pulumi names after it must fit AWS's rules. */
    readonly name: string;
    /** Prefix of every problem's path, e.g. `network.`. Default: none. */
    readonly prefix?: string;
    /** Path of the region's problems. Default: `<prefix>region`. */
    readonly regionPath?: string;
}

/**
 * Checks a VPC description, created or existing, recording problems under `prefix` (e.g.
 * `network.`), so a component embedding the VPC reports them with its own paths.
 */
export function checkTwoTierVpcArgs(problems: Problems, args: TwoTierVpcArgs | ExistingTwoTierVpcArgs, where: TwoTierVpcCheckPaths): CheckedVpc {
    const { prefix = "", regionPath = `${prefix}region` } = where;
    const existing = isExistingVpc(args);
    const region = args.region ?? stackAwsRegion() ?? "";
    const regionOk = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/.test(region);
    if (region === "") {
        problems.add(regionPath, "no region is given, and the stack sets no aws:region.",
            "Set region (the tutorial's is ap-northeast-1), or run 'pulumi config set aws:region <region>'.");
    } else if (!regionOk) {
        problems.add(regionPath, `'${region}' is not an AWS region name.`, "Use a region such as ap-northeast-1.");
    }
    if (args.provider === undefined) checkStackProviderConfig(problems, "aws");
    const egress = args.egress ?? "vpcEndpoints";
    if (!(EGRESS_MODES as readonly string[]).includes(egress)) {
        problems.add(`${prefix}egress`, `egress '${egress}' is not supported.`, `Use one of: ${EGRESS_MODES.join(", ")}.`);
    }
    if (egress === "vpcEndpoints") checkAutoname(problems, "name", "aws:ec2/securityGroup:SecurityGroup", `${where.name}-endpoints-sg`);

    const vpc = checkCidr(problems, `${prefix}cidrBlock`, args.cidrBlock, 4);
    if (vpc && !existing && (vpc.prefix < 16 || vpc.prefix > 28)) {
        problems.add(`${prefix}cidrBlock`, `VPC block ${vpc.text} is /${vpc.prefix}; AWS accepts /16 to /28.`, "Choose a VPC mask from /16 to /28.");
    }

    const placed: PlacedCidr[] = [];
    const tiers = { publicSubnets: args.publicSubnets ?? {}, privateSubnets: args.privateSubnets ?? {} };
    const seen: CheckedVpc = { region, egress, cidrBlock: vpc?.text, publicSubnets: [], privateSubnets: [] };
    for (const [tier, subnets] of Object.entries(tiers) as Array<[keyof typeof tiers, Record<string, SubnetArgs>]>) {
        for (const [key, subnet] of Object.entries(subnets)) {
            const path = `${prefix}${tier}.${key}`;
            if (regionOk && !new RegExp(`^${region}[a-z]$`).test(subnet.availabilityZone ?? "")) {
                problems.add(`${path}.availabilityZone`, `'${subnet.availabilityZone}' is not an availability zone of ${region}.`,
                    `Use a zone name such as ${region}a.`);
            }
            seen[tier].push({ key, availabilityZone: subnet.availabilityZone });
            const block = checkCidr(problems, `${path}.cidrBlock`, subnet.cidrBlock, 4);
            if (!block) continue;
            if (!existing && (block.prefix < 16 || block.prefix > 28)) {
                problems.add(`${path}.cidrBlock`, `subnet block ${block.text} is /${block.prefix}; AWS accepts /16 to /28.`,
                    "Choose a subnet mask from /16 to /28.");
            }
            if (vpc && !cidrContains(vpc, block)) {
                problems.add(`${path}.cidrBlock`, `subnet '${key}' ${block.text} is not inside the VPC block ${vpc.text}.`,
                    `Use a subnet of this VPC: its block must lie inside ${vpc.text}.`);
            }
            placed.push({ name: `subnet '${key}'`, cidr: block, path: `${path}.cidrBlock` });
        }
    }
    checkNoOverlaps(problems, placed, "Give every subnet of a VPC a disjoint block.");
    checkUnique(problems, [...seen.publicSubnets.map(s => ({ path: `${prefix}publicSubnets.${s.key}`, key: s.key })),
        ...seen.privateSubnets.map(s => ({ path: `${prefix}privateSubnets.${s.key}`, key: s.key }))], "subnet name");
    if (seen.privateSubnets.length === 0) {
        problems.add(`${prefix}privateSubnets`, "no private subnet is given for the tasks.", "Add at least one private subnet.");
    }

    if (existing) {
        if (egress === "natGateway" || egress === "natGatewayPerAz") {
            problems.add(`${prefix}egress`, `egress '${egress}' creates NAT gateways and routes, which this component does only in a VPC it creates.`,
                "Use 'provided' if the VPC already has a NAT gateway, or 'vpcEndpoints'.");
        }
        if (egress === "vpcEndpoints" && (args.privateRouteTableIds ?? []).length === 0) {
            problems.add(`${prefix}privateRouteTableIds`, "egress 'vpcEndpoints' needs the private subnets' route tables for the S3 gateway endpoint, which carries ECR's image layers.",
                "List the route tables of the private subnets.");
        }
    } else {
        if (egress === "provided") {
            problems.add(`${prefix}egress`, "egress 'provided' means an existing VPC already has a way out, but this VPC is created here.",
                "Use 'vpcEndpoints', 'natGateway' or 'natGatewayPerAz'.");
        }
        if (seen.publicSubnets.length === 0) {
            problems.add(`${prefix}publicSubnets`, "no public subnet is given.", "Add public subnets for the ALB (and NAT gateways).");
        }
        if (egress === "natGatewayPerAz") {
            const publicAzs = new Set(seen.publicSubnets.map(s => s.availabilityZone));
            for (const s of seen.privateSubnets) {
                if (!publicAzs.has(s.availabilityZone)) {
                    problems.add(`${prefix}privateSubnets.${s.key}.availabilityZone`,
                        `egress 'natGatewayPerAz' puts a NAT gateway in a public subnet of each task AZ, but ${s.availabilityZone} has no public subnet.`,
                        `Add a public subnet in ${s.availabilityZone}, or use egress 'natGateway'.`);
                }
            }
        }
    }
    return seen;
}

/** Checks a VPC description on its own; pure. */
export function validateTwoTierVpcArgs(name: string, args: TwoTierVpcArgs | ExistingTwoTierVpcArgs): CheckedVpc {
    return validate(`${TYPE} '${name}'`, problems => checkTwoTierVpcArgs(problems, args, { name }));
}

/** Keys of `subnets` with the first subnet of each AZ, in input order. */
function firstPerAz(subnets: readonly SubnetInfo[]): SubnetInfo[] {
    const byAz = new Map<string, SubnetInfo>();
    for (const s of subnets) if (!byAz.has(s.availabilityZone)) byAz.set(s.availabilityZone, s);
    return [...byAz.values()];
}

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
    static fromExisting(name: string, args: ExistingTwoTierVpcArgs, opts?: pulumi.ComponentResourceOptions): TwoTierVpc {
        return new TwoTierVpc(name, args, opts);
    }

    constructor(name: string, args: TwoTierVpcArgs | ExistingTwoTierVpcArgs, opts?: pulumi.ComponentResourceOptions) {
        const checked = validateTwoTierVpcArgs(name, args);
        super(TYPE, name, {}, opts);
        this.region = checked.region;
        this.egress = checked.egress;
        this.cidrBlock = checked.cidrBlock!;
        this.provider = args.provider ?? userProvider<aws.Provider>(opts, "aws")
            ?? newStackProvider("aws", `${name}-provider`, { region: this.region }, { parent: this });
        const childOpts = { parent: this, provider: this.provider };
        const tags = (suffix: string) => ({ ...args.tags, Name: `${name}-${suffix}` });

        let routeTableIds: pulumi.Input<string>[];
        if (isExistingVpc(args)) {
            this.vpcId = pulumi.output(args.vpcId);
            const info = (subnets: Record<string, ExistingSubnetArgs>) => Object.entries(subnets).map(([key, s]) => ({
                name: key, id: pulumi.output(s.id), availabilityZone: s.availabilityZone, cidrBlock: normaliseCidr(s.cidrBlock),
            }));
            this.publicSubnets = info(args.publicSubnets);
            this.privateSubnets = info(args.privateSubnets);
            routeTableIds = args.privateRouteTableIds ?? [];
        } else {
            // DNS hostnames and support let the interface endpoints' private DNS names resolve.
            const vpc = new aws.ec2.Vpc(`${name}-vpc`, {
                cidrBlock: this.cidrBlock, enableDnsSupport: true, enableDnsHostnames: true, tags: tags("vpc"),
            }, childOpts);
            this.vpcId = vpc.id;
            const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tags("igw") }, childOpts);
            const subnet = (key: string, s: SubnetArgs) => {
                const created = new aws.ec2.Subnet(`${name}-${key}`, {
                    vpcId: vpc.id, availabilityZone: s.availabilityZone, cidrBlock: s.cidrBlock,
                    mapPublicIpOnLaunch: false, tags: tags(key),
                }, childOpts);
                return { name: key, id: created.id, availabilityZone: s.availabilityZone, cidrBlock: s.cidrBlock };
            };
            this.publicSubnets = Object.entries(args.publicSubnets).map(([key, s]) => subnet(key, s));
            this.privateSubnets = Object.entries(args.privateSubnets).map(([key, s]) => subnet(key, s));

            const publicRt = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: vpc.id, tags: tags("public-rt") }, childOpts);
            const publicDefault = new aws.ec2.Route(`${name}-public-default`, { routeTableId: publicRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id }, childOpts);
            this.internetReady.push(igw, publicDefault);
            for (const s of this.publicSubnets) {
                this.internetReady.push(new aws.ec2.RouteTableAssociation(`${name}-${s.name}-rta`, { routeTableId: publicRt.id, subnetId: s.id }, childOpts));
            }

            // One private route table per AZ when each AZ has its own NAT; otherwise one for all.
            const perAz = this.egress === "natGatewayPerAz";
            const groups = perAz
                ? [...new Set(this.privateSubnets.map(s => s.availabilityZone))].map(az => ({ suffix: `private-rt-${az}`, az, subnets: this.privateSubnets.filter(s => s.availabilityZone === az) }))
                : [{ suffix: "private-rt", az: undefined as string | undefined, subnets: [...this.privateSubnets] }];
            routeTableIds = [];
            for (const group of groups) {
                const rt = new aws.ec2.RouteTable(`${name}-${group.suffix}`, { vpcId: vpc.id, tags: tags(group.suffix) }, childOpts);
                routeTableIds.push(rt.id);
                this.privateRouteTableIds.push(rt.id);
                for (const s of group.subnets) {
                    new aws.ec2.RouteTableAssociation(`${name}-${s.name}-rta`, { routeTableId: rt.id, subnetId: s.id }, childOpts);
                }
                if (this.egress === "natGateway" || perAz) {
                    const home = perAz ? this.publicSubnets.find(p => p.availabilityZone === group.az)! : this.publicSubnets[0];
                    const suffix = perAz ? `nat-${group.az}` : "nat";
                    const eip = new aws.ec2.Eip(`${name}-${suffix}-eip`, { domain: "vpc", tags: tags(`${suffix}-eip`) }, childOpts);
                    // A NAT gateway cannot forward until the VPC has its internet gateway.
                    const nat = new aws.ec2.NatGateway(`${name}-${suffix}`, {
                        allocationId: eip.id, subnetId: home.id, connectivityType: "public", tags: tags(suffix),
                    }, { ...childOpts, dependsOn: [igw] });
                    this.natGatewayIds.push(nat.id);
                    this.egressReady.push(new aws.ec2.Route(`${name}-${group.suffix}-default`, {
                        routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id,
                    }, childOpts));
                }
            }
        }

        if (this.egress === "vpcEndpoints") {
            const sg = new aws.ec2.SecurityGroup(`${name}-endpoints-sg`, {
                vpcId: this.vpcId, description: `HTTPS from ${this.cidrBlock} to the ECR and CloudWatch Logs endpoints`, tags: tags("endpoints-sg"),
            }, childOpts);
            this.endpointSecurityGroupId = sg.id;
            new aws.vpc.SecurityGroupIngressRule(`${name}-endpoints-https`, {
                securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: this.cidrBlock,
                description: "HTTPS from inside the VPC",
            }, childOpts);
            // An interface endpoint takes at most one subnet per AZ.
            const endpointSubnets = firstPerAz(this.privateSubnets).map(s => s.id);
            for (const service of INTERFACE_ENDPOINTS) {
                this.egressReady.push(new aws.ec2.VpcEndpoint(`${name}-${service.replace(".", "-")}`, {
                    vpcId: this.vpcId, serviceName: endpointServiceName(this.region, service), vpcEndpointType: "Interface",
                    subnetIds: endpointSubnets, securityGroupIds: [sg.id], privateDnsEnabled: true, tags: tags(service.replace(".", "-")),
                }, childOpts));
            }
            const s3 = new aws.ec2.VpcEndpoint(`${name}-s3`, {
                vpcId: this.vpcId, serviceName: endpointServiceName(this.region, "s3"), vpcEndpointType: "Gateway",
                routeTableIds, tags: tags("s3"),
            }, childOpts);
            this.egressReady.push(s3);
            this.s3PrefixListId = s3.prefixListId;
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
