/**
 * The service's place: its region and provider, and the VPC it runs in (the args of one it
 * creates, checked by {@link checkTwoTierVpcArgs} under `network`, or a {@link TwoTierVpc} given),
 * with what an ALB and tasks without public IPs need of that VPC.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { Problems } from "../../errors";
import { checkStackProviderConfig, userProvider } from "../../providers";
import { checkShape } from "../../shape";
import { EgressMode, ExistingTwoTierVpcArgs, TwoTierVpc, TwoTierVpcArgs } from "../network";
import { checkTwoTierVpcArgs } from "../network/check";
import { EXEC_INTERFACE_ENDPOINT } from "../network/endpoints";
import { twoTierVpcShape } from "../network/shape";
import { checkAwsRegion, ResolvedAwsRegion } from "../region";
import { AlbFargateNetworkArgs, AlbFargateServiceArgs } from "./args";
import { secretEndpoints } from "./checkSecrets";
import { AlbFargateNetworkPlan, SecretsPlan } from "./plan";

/** What the service's checks read of its VPC, alike for a VPC it creates and a {@link TwoTierVpc} given. */
export interface VpcFacts {
    readonly region: string;
    readonly egress: EgressMode;
    /**
     * Services of the VPC's interface endpoints (with `vpcEndpoints` egress), by suffix: those a
     * {@link TwoTierVpc} given created, or those one created here would create as asked (before
     * {@link placeTaskEndpoints} adds what the tasks need).
     */
    readonly createdInterfaceEndpoints: readonly string[];
    /** Canonical VPC block; empty when it failed its check. */
    readonly cidrBlock: string;
    /** True for an existing VPC, whose routes are its owner's. */
    readonly existing: boolean;
    /** True when the VPC and its subnets have IPv6 blocks. */
    readonly ipv6: boolean;
    readonly publicSubnets: ReadonlyArray<{ readonly name: string; readonly availabilityZone: string }>;
    readonly privateSubnets: ReadonlyArray<{ readonly name: string; readonly availabilityZone: string }>;
}

/** The service's region, provider and VPC. */
export interface CheckedPlacement {
    readonly region: ResolvedAwsRegion;
    readonly provider?: aws.Provider;
    readonly network: AlbFargateNetworkPlan;
    readonly vpc: VpcFacts;
}

/**
 * Checks the shape of the args of a VPC the service is to create (`network` when it is no
 * {@link TwoTierVpc}), with the VPC's own shape, at `network`; true when they have it, or when
 * `network` is a TwoTierVpc (or not an object, which the service's own shape reports).
 */
export function checkNetworkShape(problems: Problems, network: unknown): boolean {
    if (network instanceof TwoTierVpc || network === null || typeof network !== "object") return true;
    return checkShape(problems.under("network"), twoTierVpcShape(network, true), network);
}

/**
 * Checks the region, provider and VPC of the service, then that the VPC can carry it: ALB
 * subnets in two AZs or more, one per AZ, covering every task AZ, and a way for the tasks to
 * pull their image. Undefined when the args of a VPC to create lack its shape (recorded).
 */
export function checkPlacement(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    assignPublicIp: boolean,
    opts: pulumi.ComponentResourceOptions | undefined,
): CheckedPlacement | undefined {
    const placement =
        args.network instanceof TwoTierVpc
            ? placeInGivenVpc(problems, args.network, args, opts)
            : placeInChildVpc(problems, name, args, opts);
    if (!placement) return undefined;
    checkAlbSubnets(problems.under("network"), placement.vpc, args.internal ?? false);
    checkImageEgress(problems, placement.vpc, assignPublicIp);
    return placement;
}

/** A VPC the service creates as `<name>-network`: checked with the VPC's own check, its problems under `network`. */
function placeInChildVpc(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    opts: pulumi.ComponentResourceOptions | undefined,
): CheckedPlacement | undefined {
    const region = checkAwsRegion(problems, "region", args.region);
    const provider = args.provider ?? userProvider<aws.Provider>(opts, "aws");
    if (provider === undefined) checkStackProviderConfig(problems, "aws");
    const network = args.network as AlbFargateNetworkArgs;
    const host = { region, nameProblems: problems, tags: args.tags };
    const vpc = checkTwoTierVpcArgs(problems.under("network"), `${name}-network`, network, { host });
    if (!vpc) return undefined;
    const childArgs = { ...network, region: vpc.region, tags: vpc.tags } as TwoTierVpcArgs | ExistingTwoTierVpcArgs;
    return { region, provider, network: { childArgs }, vpc };
}

/** A {@link TwoTierVpc} given: its region is the service's, and its provider unless the service has its own. */
function placeInGivenVpc(
    problems: Problems,
    vpc: TwoTierVpc,
    args: AlbFargateServiceArgs,
    opts: pulumi.ComponentResourceOptions | undefined,
): CheckedPlacement {
    let region: ResolvedAwsRegion = { region: vpc.region, valid: true };
    if (args.region !== undefined) {
        region = checkAwsRegion(problems, "region", args.region);
        if (region.valid && region.region !== vpc.region) {
            problems.add(
                "region",
                `the service is in ${region.region}, but its network is a VPC in ${vpc.region}; ` +
                    "an ALB, its targets and the tasks must be in their VPC's region.",
                `Leave region out to run in the VPC's region, or give a TwoTierVpc of ${region.region}.`,
            );
        }
    }
    const provider = args.provider ?? userProvider<aws.Provider>(opts, "aws") ?? vpc.provider;
    return { region, provider, network: { vpc }, vpc };
}

/**
 * An ALB takes one subnet per AZ, needs two AZs, and sends nothing to targets in an AZ it is not
 * in. An internet-facing ALB takes the public subnets, an `internal` one the private subnets
 * (where the tasks are, so every task AZ is one of its own).
 */
function checkAlbSubnets(problems: Problems, vpc: VpcFacts, internal: boolean): void {
    const tier = internal ? "privateSubnets" : "publicSubnets";
    const albAzs = new Map<string, string>();
    for (const s of vpc[tier]) {
        const first = albAzs.get(s.availabilityZone);
        if (first !== undefined) {
            problems.add(
                `${tier}.${s.name}`,
                `subnet '${s.name}' is in ${s.availabilityZone} like subnet '${first}'; ` +
                    `an ${internal ? "internal " : ""}ALB takes one subnet per AZ.`,
                `Keep one ${internal ? "private" : "public"} subnet per availability zone.`,
            );
        } else {
            albAzs.set(s.availabilityZone, s.name);
        }
    }
    if (albAzs.size < 2) {
        const zones = [...albAzs.keys()].join(", ") || "none";
        problems.add(
            tier,
            `the ${internal ? "internal " : ""}ALB needs subnets in at least two availability zones; got ${albAzs.size} (${zones}).`,
            `Add a ${internal ? "private" : "public"} subnet in a second AZ, e.g. ap-northeast-1c next to ap-northeast-1a.`,
        );
    }
    if (albAzs.size === 0 || internal) return;
    for (const s of vpc.privateSubnets) {
        if (!albAzs.has(s.availabilityZone)) {
            problems.add(
                `privateSubnets.${s.name}.availabilityZone`,
                `tasks in ${s.availabilityZone} would get no traffic: the ALB has no subnet in that AZ.`,
                `Add a public subnet in ${s.availabilityZone}, or move the private subnet to an ALB zone.`,
            );
        }
    }
}

/** Tasks with no egress pull their image only through a public IP, in subnets routed to an internet gateway. */
function checkImageEgress(problems: Problems, vpc: VpcFacts, assignPublicIp: boolean): void {
    if (vpc.egress !== "none") return;
    if (!assignPublicIp) {
        problems.add(
            "network.egress",
            "tasks in private subnets with no NAT gateway, no VPC endpoints and no public IP could not pull " +
                "the image (ECR) or ship logs: they stay PENDING, as in the tutorial.",
            "Use egress 'vpcEndpoints' (ECR api/dkr, S3, Logs) or 'natGateway'; do not turn on public IPs for this.",
        );
    } else if (!vpc.existing) {
        problems.add(
            "assignPublicIp",
            "a public IP helps only in a subnet routed to an internet gateway, and the private subnets created " +
                "here have none, so tasks could not pull the image.",
            "Use egress 'vpcEndpoints' or 'natGateway' and leave assignPublicIp off.",
        );
    }
}

/** An interface endpoint the tasks need, and what needs it (for the message). */
export interface TaskEndpointNeed {
    /** Service suffix, as in `interfaceEndpoints`. */
    readonly service: string;
    /** What calls it, e.g. `container secrets` or `ECS Exec`. */
    readonly usedBy: string;
}

/**
 * Every interface endpoint the tasks need beside ECR's and CloudWatch Logs', in one list: the
 * secrets' of every container of the task (`secrets`, one plan per container) (`ssm`, `secretsmanager`, `kms`, see {@link secretEndpoints}) and ECS
 * Exec's (`ssmmessages`, the agent's control and data channels, see
 * {@link EXEC_INTERFACE_ENDPOINT}).
 */
export function taskEndpointNeeds(secrets: readonly SecretsPlan[], enableExecuteCommand: boolean): TaskEndpointNeed[] {
    const needs = secretEndpoints(secrets).map(service => ({ service, usedBy: "container secrets" }));
    if (enableExecuteCommand) needs.push({ service: EXEC_INTERFACE_ENDPOINT, usedBy: "ECS Exec" });
    return needs;
}

/**
 * The endpoints the tasks need (`needs`, from {@link taskEndpointNeeds}), in the VPC: added to
 * the `interfaceEndpoints` of one created here, and required of a {@link TwoTierVpc} given with
 * `vpcEndpoints` egress, since its endpoints are its own (one per service in a VPC: a second with
 * private DNS would clash). Tasks with public IPs reach the services through the internet
 * gateway; `provided` egress is the VPC owner's to give a way to them, as for ECR. Returns the
 * network plan, with the endpoints added.
 */
export function placeTaskEndpoints(
    problems: Problems,
    placement: CheckedPlacement,
    needs: readonly TaskEndpointNeed[],
    assignPublicIp: boolean,
): AlbFargateNetworkPlan {
    const { network, vpc } = placement;
    if (vpc.egress !== "vpcEndpoints") return network;
    const missing = needs.filter(n => !vpc.createdInterfaceEndpoints.includes(n.service));
    if (missing.length === 0) return network;
    if (network.childArgs) {
        const given = network.childArgs.interfaceEndpoints ?? [];
        const interfaceEndpoints = [...given, ...missing.map(n => n.service).filter(s => !given.includes(s))];
        return { childArgs: { ...network.childArgs, interfaceEndpoints } };
    }
    if (!assignPublicIp) {
        const list = missing.map(n => `${n.service} (${n.usedBy})`).join(", ");
        problems.add(
            "network",
            `the tasks reach ${list} through VPC endpoints, which the TwoTierVpc given has not, ` +
                "and its private subnets have no other way out.",
            `Create the VPC with interfaceEndpoints: [${missing.map(n => `"${n.service}"`).join(", ")}].`,
        );
    }
    return network;
}
