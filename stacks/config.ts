/**
 * The stack configuration: one optional section per topology, keyed as in the stack files
 * (`topologies:crossRegionAlb`, …). The schema checks the shape (keys, types, required fields)
 * and reports YAML key paths; the components then check the meaning (CIDRs, zones, limits), and
 * their problems are reported under the same key paths (see `configPath`).
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { Problems, TopologyValidationError, ValidationProblem } from "../components/errors";
import { ACK_CLUSTER_SPECS, ACK_NETWORK_PLUGINS } from "../components/alicloud/ack";
import { ALB_EDITIONS, ALB_HEALTH_CHECK_PROTOCOLS, ALB_LISTENER_PROTOCOLS } from "../components/alicloud/albCommon";
import { GUEST_OS } from "../components/alicloud/guestRouting";
import { EIP_INTERNET_CHARGE_TYPES, EIP_ISPS, EIP_PAYMENT_TYPES } from "../components/alicloud/multiEipEni";
import { validateRegionalVpcArgs } from "../components/alicloud/vpc";
import { CEN_PACKAGE_AREAS } from "../components/alicloud/regions";
import { checkCidr, PlacedCidr, checkNoOverlaps } from "../components/net";

const port = z.number().int();
const cidr = z.string();

const vSwitch = z.strictObject({
    zoneId: z.string(),
    cidrBlock: cidr,
    ipv6CidrBlockMask: z.number().int().optional(),
});

/** A VPC to create: the args of `alicloud.RegionalVpc` less the provider. */
const vpc = z.strictObject({
    region: z.string(),
    cidrBlock: cidr,
    vSwitches: z.record(z.string(), vSwitch),
    enableIpv6: z.boolean().optional(),
    vpcName: z.string().optional(),
});

/** Demo ECS servers running nginx, as the tutorials set them up by hand. */
const servers = z.strictObject({
    instanceType: z.string(),
    /** A pinned public image id. Default: the newest public image whose name matches `imageNameRegex`, when the server is created. */
    imageId: z.string().optional(),
    /** Name pattern of the public image to take the newest of. Default: Alibaba Cloud Linux 3, x86_64 (`^aliyun_3_x64_20G_alibase_`). */
    imageNameRegex: z.string().optional(),
    systemDiskCategory: z.string().optional(),
    /** Server name → the vSwitch it sits in, and whether it gets an IPv6 address. */
    instances: z.record(z.string(), z.strictObject({ vSwitch: z.string(), ipv6: z.boolean().optional() })),
});

/** The health check of either ALB (S1, S3): `AlbHealthCheckArgs`. */
const healthCheck = z.strictObject({
    enabled: z.boolean().optional(),
    protocol: z.enum(ALB_HEALTH_CHECK_PROTOCOLS).optional(),
    path: z.string().optional(),
    codes: z.array(z.string()).optional(),
    interval: z.number().optional(),
    timeout: z.number().optional(),
    healthyThreshold: z.number().optional(),
    unhealthyThreshold: z.number().optional(),
    port: z.number().optional(),
});

const geographicArea = z.enum(CEN_PACKAGE_AREAS);

/** A CEN bandwidth package (CenBandwidthPackageArgs); without one, connections are billed by data transfer. */
const bandwidthPackage = z.strictObject({
    bandwidthMbps: z.number(),
    areas: z.tuple([geographicArea, geographicArea]).optional(),
    paymentType: z.enum(["PrePaid", "PostPaid"]).optional(),
    period: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(6), z.literal(12)]).optional(),
    autoRenew: z.boolean().optional(),
});

/** A key of 0.1 that was renamed: refused at its own path, saying what to write instead. */
function renamedKey(message: string, fix: string) {
    return z.custom<never>(() => false, { message, params: { fix } }).optional();
}

/** The listener of an ALB section (AlbListenerArgs, without a certificate: the stacks serve HTTP). */
const albListener = z.strictObject({ protocol: z.enum(ALB_LISTENER_PROTOCOLS).optional(), port: port.optional() });

/** S1: ALB in one region, ECS backends in another, over CEN. */
const crossRegionAlb = z.strictObject({
    albVpc: vpc,
    backendVpc: vpc,
    servers,
    albVSwitches: z.array(z.string()).optional(),
    backendVSwitches: z.array(z.string()).optional(),
    edition: z.enum(ALB_EDITIONS).optional(),
    addressType: z.enum(["Internet", "Intranet"]).optional(),
    listener: albListener.optional(),
    loadBalancerEdition: renamedKey("loadBalancerEdition was renamed to edition", "Write edition: Standard instead."),
    listenerProtocol: renamedKey("listenerProtocol moved into listener", "Write listener: { protocol: HTTP } instead."),
    listenerPort: renamedKey("listenerPort moved into listener", "Write listener: { port: 80 } instead."),
    backendPort: port.optional(),
    weight: z.number().int().optional(),
    scheduler: z.enum(["Wrr", "Wlc", "Sch"]).optional(),
    healthCheck: healthCheck.optional(),
    stickySession: z.boolean().optional(),
    backToOrigin: z.discriminatedUnion("mode", [
        z.strictObject({ mode: z.literal("vswitch") }),
        z.strictObject({ mode: z.literal("legacy"), cidrBlocks: z.array(cidr) }),
    ]).optional(),
    /** The CNAME clients use (ALBs created since 2025 do not answer on their own DNS name). */
    dns: z.strictObject({ domainName: z.string(), rr: z.string().optional(), ttl: z.number().int().optional() }).optional(),
    cenOptions: z.strictObject({
        cenInstanceName: z.string().optional(),
        peerBandwidthMbps: z.number().optional(),
        bandwidthPackage: bandwidthPackage.optional(),
    }).optional(),
});

/** S2: several EIPs on one ECS instance through a secondary ENI in NAT mode. */
const multiEip = z.strictObject({
    vpc,
    servers,
    /** Which of `servers.instances` gets the ENI. */
    server: z.string(),
    publicIpCount: z.number().int().optional(),
    privateIps: z.array(z.string()).optional(),
    eip: z.strictObject({
        bandwidth: z.number().optional(),
        internetChargeType: z.enum(EIP_INTERNET_CHARGE_TYPES).optional(),
        paymentType: z.enum(EIP_PAYMENT_TYPES).optional(),
        isp: z.enum(EIP_ISPS).optional(),
    }).optional(),
    eipQuota: z.number().int().optional(),
    /** How the server's OS configures its network (MultiEipEni `guestOs`): match the servers' image. */
    guestOs: z.enum(GUEST_OS).optional(),
    /** Run the guest script through Cloud Assistant (MultiEipEni `configureGuest`). */
    configureGuest: z.boolean().optional(),
});

/** S3: dual-stack ALB with IPv4 and IPv6 backends and a DNS record. */
const dualStackAlb = z.strictObject({
    vpc,
    servers,
    albVSwitches: z.array(z.string()).optional(),
    edition: z.enum(ALB_EDITIONS).optional(),
    /** Server name → the address family the ALB reaches it by. */
    backends: z.record(z.string(), z.strictObject({ family: z.enum(["ipv4", "ipv6"]), port: port.optional(), weight: z.number().int().optional() })),
    listener: albListener.optional(),
    healthCheck: healthCheck.optional(),
    dns: z.strictObject({ domainName: z.string(), rr: z.string().optional(), ttl: z.number().int().optional() }).optional(),
});

const ackCluster = z.strictObject({
    vpc,
    vSwitches: z.array(z.string()),
    networkPlugin: z.enum(ACK_NETWORK_PLUGINS).optional(),
    podCidr: cidr.optional(),
    podVSwitches: z.array(z.string()).optional(),
    serviceCidr: cidr,
    clusterSpec: z.enum(ACK_CLUSTER_SPECS).optional(),
    kubernetesVersion: z.string().optional(),
    deletionProtection: z.boolean().optional(),
    nodePool: z.strictObject({
        instanceTypes: z.array(z.string()),
        desiredSize: z.number().int().optional(),
        systemDiskCategory: z.string().optional(),
        systemDiskSize: z.number().int().optional(),
        keyName: z.string().optional(),
    }),
});

/** S4: ACK clusters in several regions in one ASM mesh, with locality failover or distribution. */
const meshFailover = z.strictObject({
    clusters: z.record(z.string(), ackCluster),
    mesh: z.strictObject({
        vpc,
        vSwitch: z.string(),
        edition: z.enum(["Default", "Pro"]).optional(),
        version: z.string().optional(),
        /** Clusters (keys of `clusters`) the ingress gateway is deployed to (ServiceMesh `ingressGatewayClusters`). */
        ingressGatewayClusters: z.array(z.string()).optional(),
        peerBandwidthMbps: z.number().optional(),
        bandwidthPackage: bandwidthPackage.optional(),
        bandwidthPackages: z.array(bandwidthPackage).optional(),
    }),
    locality: z.discriminatedUnion("mode", [
        z.strictObject({ mode: z.literal("failover"), failover: z.array(z.strictObject({ from: z.string(), to: z.string() })) }),
        z.strictObject({ mode: z.literal("distribution"), distribute: z.array(z.strictObject({ from: z.string(), to: z.record(z.string(), z.number()) })) }),
    ]),
    /** Cluster name → the reviews versions it runs (the tutorial: v1 in one region, v2 in the other). */
    reviewsVersions: z.record(z.string(), z.array(z.enum(["v1", "v2", "v3"]))).optional(),
    /** Registry of the Bookinfo images, e.g. an ACR mirror (mainland-China regions cannot count on Docker Hub). */
    bookinfoImageRegistry: z.string().optional(),
});

const subnet = z.strictObject({ availabilityZone: z.string(), cidrBlock: cidr });

/** S5: AWS ALB in front of Fargate tasks registered by IP. */
const fargate = z.strictObject({
    region: z.string(),
    network: z.strictObject({
        cidrBlock: cidr,
        publicSubnets: z.record(z.string(), subnet),
        privateSubnets: z.record(z.string(), subnet),
        egress: z.enum(["vpcEndpoints", "natGateway", "natGatewayPerAz", "none"]).optional(),
    }),
    container: z.strictObject({
        image: z.string(),
        ecrRepositoryArn: z.string().optional(),
        name: z.string().optional(),
        port: port.optional(),
        environment: z.record(z.string(), z.string()).optional(),
    }),
    cpu: z.number().int().optional(),
    memory: z.number().int().optional(),
    logRetentionInDays: z.number().int().optional(),
    logGroupName: z.string().optional(),
    services: z.record(z.string(), z.strictObject({
        desiredCount: z.number().int().optional(),
        minimumHealthyPercent: z.number().int().optional(),
        maximumPercent: z.number().int().optional(),
        healthCheckGracePeriodSeconds: z.number().int().optional(),
        waitForSteadyState: z.boolean().optional(),
        deploymentTimeout: z.string().optional(),
    })).optional(),
    /** Where else the tasks may send (AlbFargateService `taskEgress`), by rule name. */
    taskEgress: z.record(z.string(), z.strictObject({
        cidrBlock: cidr.optional(),
        prefixListId: z.string().optional(),
        securityGroupId: z.string().optional(),
        protocol: z.enum(["tcp", "udp"]).optional(),
        port,
        toPort: port.optional(),
        description: z.string().optional(),
    })).optional(),
    allowedCidrs: z.array(cidr).optional(),
    certificateArn: z.string().optional(),
    healthCheck: z.strictObject({
        path: z.string().optional(),
        matcher: z.string().optional(),
        interval: z.number().int().optional(),
        timeout: z.number().int().optional(),
    }).optional(),
    deregistrationDelay: z.number().int().optional(),
    extraTargets: z.array(z.strictObject({ ip: z.string(), port: port.optional() })).optional(),
});

/**
 * One CEN shared by the S1 and S4 topologies of an environment (instead of one each): both
 * VPCs of S1 and every VPC of S4 become members, full mesh between their regions.
 */
const network = z.strictObject({
    cenInstanceName: z.string().optional(),
    peerBandwidthMbps: z.number().optional(),
    bandwidthPackage: bandwidthPackage.optional(),
    bandwidthPackages: z.array(bandwidthPackage).optional(),
});

/** The whole stack config; every section optional, at least one required. */
export const stackConfigSchema = z.strictObject({
    /** `dev`, `prod`, or `tutorial` for the stacks that reproduce one tutorial. */
    environment: z.enum(["dev", "prod", "tutorial"]).default("tutorial"),
    /** Tags on every taggable resource. */
    tags: z.record(z.string(), z.string()).optional(),
    /** Protect stateful and slow resources from accidental deletion (prod). */
    protect: z.boolean().default(false),
    /**
     * Login password of the demo ECS servers. Set it as a secret
     * (`pulumi config set --secret serverPassword`), never in clear in a stack file.
     */
    serverPassword: z.custom<pulumi.Input<string>>(v => typeof v === "string" || pulumi.Output.isInstance(v), "expected a string").optional(),
    network: network.optional(),
    crossRegionAlb: crossRegionAlb.optional(),
    multiEip: multiEip.optional(),
    dualStackAlb: dualStackAlb.optional(),
    meshFailover: meshFailover.optional(),
    fargate: fargate.optional(),
});

/** The checked stack config. */
export type StackConfig = z.infer<typeof stackConfigSchema>;
export type VpcConfig = z.infer<typeof vpc>;
export type ServersConfig = z.infer<typeof servers>;

const SECTIONS = ["crossRegionAlb", "multiEip", "dualStackAlb", "meshFailover", "fargate"] as const;

/** The YAML key path of a config path, e.g. `["crossRegionAlb", "albVpc"]` → `topologies:crossRegionAlb.albVpc`. */
export function configPath(path: ReadonlyArray<PropertyKey>): string {
    const [head, ...rest] = path.map(String);
    return `topologies:${head ?? ""}${rest.map(p => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("")}`;
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
    return path.reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined), raw);
}

function describe(value: unknown): string {
    if (value === undefined) return "missing";
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A fix for each kind of shape problem zod reports. */
function fixFor(issue: z.core.$ZodIssue, raw: unknown): string {
    switch (issue.code) {
        case "unrecognized_keys":
            return `Remove ${issue.keys.map(k => `'${k}'`).join(", ")} or check the spelling.`;
        case "invalid_type":
            return valueAt(raw, issue.path) === undefined ? "Add this key." : `Write a ${issue.expected} here.`;
        case "invalid_value":
            return `Use one of: ${issue.values.map(v => JSON.stringify(v)).join(", ")}.`;
        case "invalid_union":
            return "Check the 'mode' key and the keys that mode takes.";
        case "custom":
            return typeof issue.params?.fix === "string" ? issue.params.fix : "See the schema in stacks/config.ts.";
        default:
            return "See the schema in stacks/config.ts.";
    }
}

/**
 * Checks the raw config (keys without the `topologies:` namespace). Throws one
 * {@link TopologyValidationError} listing every shape problem with its YAML key path, the bad
 * value and a fix, then every overlap in the stack's CIDR plan.
 */
export function loadStackConfig(raw: Record<string, unknown>): StackConfig {
    const parsed = stackConfigSchema.safeParse(raw);
    if (!parsed.success) {
        const problems: ValidationProblem[] = parsed.error.issues.map(issue => ({
            path: configPath(issue.path),
            message: `${issue.message} (value: ${describe(valueAt(raw, issue.path))}).`,
            fix: fixFor(issue, raw),
        }));
        throw new TopologyValidationError("stack config", problems);
    }
    const config = parsed.data;
    const problems = new Problems();
    if (!SECTIONS.some(s => config[s] !== undefined)) {
        problems.add("topologies:", "the stack builds no topology.", `Add at least one of: ${SECTIONS.map(s => `topologies:${s}`).join(", ")}.`);
    }
    checkVpcs(problems, config);
    checkReferences(problems, config);
    if (config.network && !config.crossRegionAlb && !config.meshFailover) {
        problems.add("topologies:network", "a shared CEN is configured but no topology uses one.",
            "Remove topologies:network, or add topologies:crossRegionAlb or topologies:meshFailover.");
    }
    checkCidrPlan(problems, config);
    problems.throwIfAny("stack config");
    return config;
}

/** Names that point at other keys of the config: servers' vSwitches, the S2 server, S3 backends. */
function checkReferences(problems: Problems, config: StackConfig): void {
    const serversIn = (section: string, servers: ServersConfig, vpcKey: string, vpcConfig: VpcConfig) => {
        for (const [key, server] of Object.entries(servers.instances)) {
            // Own keys only: a vSwitch named `constructor` is not one of the VPC's.
            if (!Object.hasOwn(vpcConfig.vSwitches, server.vSwitch)) {
                problems.add(configPath([section, "servers", "instances", key, "vSwitch"]), `server '${key}' names vSwitch '${server.vSwitch}', which ${vpcKey} does not have.`,
                    `Use one of: ${Object.keys(vpcConfig.vSwitches).join(", ")}.`);
            }
        }
    };
    if (config.crossRegionAlb) serversIn("crossRegionAlb", config.crossRegionAlb.servers, "backendVpc", config.crossRegionAlb.backendVpc);
    if (config.multiEip) {
        serversIn("multiEip", config.multiEip.servers, "vpc", config.multiEip.vpc);
        if (!Object.hasOwn(config.multiEip.servers.instances, config.multiEip.server)) {
            problems.add(configPath(["multiEip", "server"]), `'${config.multiEip.server}' is not one of servers.instances.`,
                `Use one of: ${Object.keys(config.multiEip.servers.instances).join(", ")}.`);
        }
    }
    if (config.dualStackAlb) {
        const { servers, backends, vpc: vpcConfig } = config.dualStackAlb;
        serversIn("dualStackAlb", servers, "vpc", vpcConfig);
        for (const [key, backend] of Object.entries(backends)) {
            const server = Object.hasOwn(servers.instances, key) ? servers.instances[key] : undefined;
            if (!server) {
                problems.add(configPath(["dualStackAlb", "backends", key]), `'${key}' is not one of servers.instances.`,
                    `Name a server: ${Object.keys(servers.instances).join(", ")}.`);
            } else if (backend.family === "ipv6" && !server.ipv6) {
                problems.add(configPath(["dualStackAlb", "backends", key, "family"]), `backend '${key}' is reached by IPv6 but its server has no IPv6 address.`,
                    `Set ipv6: true on servers.instances.${key}.`);
            }
        }
    }
}

/** Every Alibaba Cloud VPC the config describes, with its key path and a name for messages. */
export function vpcConfigs(config: StackConfig): Array<{ path: string[]; name: string; vpc: VpcConfig }> {
    const vpcs: Array<{ path: string[]; name: string; vpc: VpcConfig }> = [];
    if (config.crossRegionAlb) {
        vpcs.push({ path: ["crossRegionAlb", "albVpc"], name: "S1 ALB VPC", vpc: config.crossRegionAlb.albVpc });
        vpcs.push({ path: ["crossRegionAlb", "backendVpc"], name: "S1 backend VPC", vpc: config.crossRegionAlb.backendVpc });
    }
    if (config.multiEip) vpcs.push({ path: ["multiEip", "vpc"], name: "S2 VPC", vpc: config.multiEip.vpc });
    if (config.dualStackAlb) vpcs.push({ path: ["dualStackAlb", "vpc"], name: "S3 VPC", vpc: config.dualStackAlb.vpc });
    if (config.meshFailover) {
        for (const [key, cluster] of Object.entries(config.meshFailover.clusters)) {
            vpcs.push({ path: ["meshFailover", "clusters", key, "vpc"], name: `S4 cluster '${key}' VPC`, vpc: cluster.vpc });
        }
        vpcs.push({ path: ["meshFailover", "mesh", "vpc"], name: "S4 mesh VPC", vpc: config.meshFailover.mesh.vpc });
    }
    return vpcs;
}

/**
 * Every VPC, Pod and Service block of the stack, across topologies and clouds, must be disjoint:
 * they share one account and may share one CEN, and a later peering must not be ruled out.
 * vSwitch blocks sit inside their VPCs, which `checkVpcs` checks.
 */
export function cidrPlan(config: StackConfig): Array<{ name: string; path: string; text: string }> {
    const blocks = vpcConfigs(config).map(v => ({ name: v.name, path: configPath([...v.path, "cidrBlock"]), text: v.vpc.cidrBlock }));
    for (const [key, cluster] of Object.entries(config.meshFailover?.clusters ?? {})) {
        const at = ["meshFailover", "clusters", key];
        if (cluster.podCidr) blocks.push({ name: `S4 cluster '${key}' Pod CIDR`, path: configPath([...at, "podCidr"]), text: cluster.podCidr });
        blocks.push({ name: `S4 cluster '${key}' Service CIDR`, path: configPath([...at, "serviceCidr"]), text: cluster.serviceCidr });
    }
    if (config.fargate) blocks.push({ name: "S5 AWS VPC", path: configPath(["fargate", "network", "cidrBlock"]), text: config.fargate.network.cidrBlock });
    return blocks;
}

/**
 * Runs RegionalVpc's own checks on every VPC of the config, so all their problems (region,
 * zones, blocks) are reported together, under their key paths, before any section is built.
 */
function checkVpcs(problems: Problems, config: StackConfig): void {
    for (const { path, vpc } of vpcConfigs(config)) {
        try {
            validateRegionalVpcArgs(path.join("."), vpc);
        } catch (e) {
            if (!(e instanceof TopologyValidationError)) throw e;
            for (const p of e.problems) problems.add(`${configPath(path)}.${p.path}`, p.message, p.fix);
        }
    }
}

function checkCidrPlan(problems: Problems, config: StackConfig): void {
    const placed: PlacedCidr[] = [];
    for (const block of cidrPlan(config)) {
        // A malformed block is reported here once; the component would report it again with less context.
        const parsed = checkCidr(problems, block.path, block.text);
        if (parsed) placed.push({ name: block.name, cidr: parsed, path: block.path });
    }
    checkNoOverlaps(problems, placed, "Give every VPC, Pod and Service block of the stack its own range.");
}
