import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { checkIntegerInRange, checkOneOf, checkPort, checkedWhenKnown } from "../checks";
import { Problems, validate } from "../errors";
import { DeclaresFlows, IntendedFlow, flowTo } from "../flows";
import { Cidr, IpAddress, PlacedCidr, addressSlug, checkCidr, checkIp, checkNoOverlaps, cidrContains, ipInCidr } from "../net";
import { checkRegionalProviders } from "../providers";
import {
    ALB_EDITIONS, AlbDnsArgs, AlbEdition, AlbHealthCheckArgs, AlbListenerArgs, albCnameRecord, albHealthCheckConfig, albHealthCheckPort, checkAlbDns,
    checkAlbHealthCheck, checkAlbListener, albListenerPort, checkAlbVSwitches, createForwardingListener,
} from "./albCommon";
import { CenBandwidthPackageArgs, CenTransitNetwork, CenTransitNetworkArgs, checkCenTransitNetworkArgs } from "./cen";
import { checkAlibabaName } from "./names";
import { CROSS_REGION_ALB_REGIONS } from "./regions";
import { RegionalVpc, VSwitchInfo } from "./vpc";

/** One backend server, addressed by IP through the server group's remote-IP feature. */
export interface CrossRegionBackendArgs {
    /**
     * Private IPv4 address of the server in the backend VPC, e.g. ECS1's private IP. A plain
     * string is checked before anything is registered; an output (e.g. `instance.privateIp`) is
     * checked with the same rules once it is known, failing the deployment before the server
     * group is written.
     */
    ip: pulumi.Input<string>;
    /** Port the application listens on, 1–65535. Default: `backendPort` (tutorial: 80). */
    port?: number;
    /** Weight 1–100. Always sent: the provider's default of 0 sends the server no traffic. Default: 100, the console's default. */
    weight?: number;
    /**
     * Remote IP: lets the IP server group reach addresses outside its own VPC. A cross-region
     * backend is always outside the ALB's VPC, so `false` is rejected. Default: true.
     */
    remoteIpEnabled?: boolean;
    /** Description of the server in the console, 2–256 characters. Default: none. */
    description?: string;
}

/**
 * How the ALB fetches from its backends ("back-to-origin"). ALBs created since 2025 use
 * addresses of their own vSwitches; older ALBs use 100.64.0.0/10 blocks listed on the instance's
 * details page ("Back-to-origin routes").
 */
export type BackToOriginArgs =
    | { mode: "vswitch" }
    | {
        mode: "legacy";
        /**
         * The blocks the console lists for the ALB, each inside 100.64.0.0/10 and /24 or smaller
         * (the tutorial's six are /25 and /26). They are routed back through the CEN and are the
         * only sources the backend security group admits.
         */
        cidrBlocks: string[];
    };

/** Options of the CEN the component creates when it does not join one. */
export interface CrossRegionCenArgs {
    /** Name of the CEN instance. Default: the component's name. */
    cenInstanceName?: string;
    /** Bandwidth of the inter-region connection, Mbit/s. Default: 10. */
    peerBandwidthMbps?: number;
    /**
     * The bandwidth plan the connection draws from (the tutorial buys one). Default: none; the
     * connection is billed by the data it carries, up to `peerBandwidthMbps`.
     */
    bandwidthPackage?: CenBandwidthPackageArgs;
    /** vSwitches (names in the ALB VPC) of the ALB VPC's attachment. Default: the first vSwitch of each zone (tutorial: VSW1+VSW2). */
    albAttachmentVSwitches?: string[];
    /** vSwitches (names in the backend VPC) of the backend VPC's attachment. Default: the first vSwitch of each zone (tutorial: VSW3+VSW4). */
    backendAttachmentVSwitches?: string[];
}

/** Arguments of a {@link CrossRegionAlbBackend}. */
export interface CrossRegionAlbBackendArgs {
    /** VPC of the ALB (tutorial: VPC1 in cn-chengdu, 172.16.0.0/12). */
    albVpc: RegionalVpc;
    /** vSwitches (names in `albVpc`) the ALB uses, two or more zones, one each. Default: the first vSwitch of each zone (tutorial: VSW1 zone A, VSW2 zone B). */
    albVSwitches?: string[];
    /** ALB edition. Default: `Standard` (the tutorial's). */
    loadBalancerEdition?: AlbEdition;
    /** `Internet` (public) or `Intranet`. Default: `Internet` (the tutorial's). */
    addressType?: "Internet" | "Intranet";
    /** Listener protocol. Default: `HTTP` (the tutorial's). */
    listenerProtocol?: "HTTP" | "HTTPS";
    /** Listener port, 1–65535. Default: 80 (the tutorial's). */
    listenerPort?: number;
    /** Server certificate id: required with `HTTPS`, refused with `HTTP`. Default: none (the tutorial's HTTP listener). */
    certificateId?: pulumi.Input<string>;
    /** Protocol from the ALB to the backends. Default: `HTTP` (the tutorial's). */
    backendProtocol?: "HTTP" | "HTTPS";
    /** Scheduler: `Wrr` weighted round robin, `Wlc` weighted least connections, `Sch` source-IP hash. Default: `Wrr` (the tutorial's). */
    scheduler?: "Wrr" | "Wlc" | "Sch";
    /** Health check of the server group, as for a DualStackAlb. Default: on, HTTP `/` (the tutorial keeps it on). */
    healthCheck?: AlbHealthCheckArgs;
    /** Session persistence (insert cookie). Default: false (the tutorial's). */
    stickySession?: boolean;

    /** VPC of the backends, in another region (tutorial: VPC2 in cn-hangzhou, 192.168.0.0/16). */
    backendVpc: RegionalVpc;
    /** The backend servers, at least one (tutorial: ECS1 on port 80, default weight). */
    backends: CrossRegionBackendArgs[];
    /** Default port of the backends, 1–65535. Default: 80 (the tutorial's). */
    backendPort?: number;
    /**
     * vSwitches (names in `backendVpc`) whose blocks the ALB VPC routes to the transit router.
     * Default: those holding the backends' plain-string IPs (tutorial: VSW4, 192.168.7.0/24);
     * all of the backend VPC's vSwitches when an IP is only known after deployment.
     */
    backendVSwitches?: string[];
    /**
     * Security group of the backends. It gets one ingress rule per back-to-origin block and
     * backend port, and nothing wider. Default: no rule (manage the group yourself).
     */
    backendSecurityGroupId?: pulumi.Input<string>;

    /** Back-to-origin mode. Default: `{ mode: "vswitch" }`, how ALBs created since 2025 fetch. */
    backToOrigin?: BackToOriginArgs;

    /**
     * A network to join instead of creating one: both VPCs must be members of it, each the only
     * member in its region, with a connection between the two regions. The component then adds
     * its route entries through the network's `addVpcRoutes`/`addTransitRouterRoutes`, which
     * continue the network's per-table write chains. Default: create a network for the two VPCs.
     */
    cen?: CenTransitNetwork;
    /** Options of the network the component creates; not allowed together with `cen`. Default: each option's own default. */
    cenOptions?: CrossRegionCenArgs;

    /** Route table the ALB VPC routes through. Only its system route table is supported: leave this out. Default: `albVpc.routeTableId`, the system route table. */
    albRouteTableId?: pulumi.Input<string>;
    /** Route table the backend VPC routes through. Only its system route table is supported: leave this out. Default: `backendVpc.routeTableId`, the system route table. */
    backendRouteTableId?: pulumi.Input<string>;

    /**
     * A CNAME record in Alibaba Cloud DNS pointing a name at the ALB, the name clients use: ALBs
     * created since 2025 do not answer on their own DNS name. Default: none (point your own
     * record at `dnsName`).
     */
    dns?: AlbDnsArgs;

    /** Tags on every taggable resource. Default: none. */
    tags?: Record<string, string>;
}

const TYPE = "topologies:alicloud:CrossRegionAlbBackend";

/** Where the listener's fields sit among the args: flat, not under a `listener` object. */
const LISTENER_FIELDS: Record<keyof AlbListenerArgs, string> = { protocol: "listenerProtocol", port: "listenerPort", certificateId: "certificateId" };

/** The listener the flat args describe; port 80 whatever the protocol, as the tutorial's. */
function listenerOf(args: CrossRegionAlbBackendArgs): AlbListenerArgs {
    return { protocol: args.listenerProtocol, port: args.listenerPort ?? 80, certificateId: args.certificateId };
}

/** Ranges a remote-IP backend may use (seed 000, step 1). */
export const REMOTE_IP_RANGES: readonly string[] = ["10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"];
/** Where legacy back-to-origin blocks live. */
export const LEGACY_BACK_TO_ORIGIN_RANGE = "100.64.0.0/10";
/** Widest back-to-origin block accepted: the console lists /25 and /26 blocks. */
const WIDEST_BACK_TO_ORIGIN_PREFIX = 24;

/** What validation hands to the constructor. */
export interface CrossRegionAlbPlan {
    readonly albVSwitches: VSwitchInfo[];
    readonly backendCidrs: string[];
    readonly backToOriginCidrs: string[];
    readonly legacy: boolean;
    readonly backendPorts: number[];
    /** Member names of the two VPCs on the network. */
    readonly albMember: string;
    readonly backendMember: string;
}

function firstPerZone(vpc: RegionalVpc): VSwitchInfo[] {
    const byZone = new Map<string, VSwitchInfo>();
    for (const v of Object.values(vpc.vSwitches)) if (!byZone.has(v.zoneId)) byZone.set(v.zoneId, v);
    return [...byZone.values()];
}

function pickVSwitches(problems: Problems, path: string, vpc: RegionalVpc, names: string[] | undefined, which: string): VSwitchInfo[] {
    if (names === undefined) return firstPerZone(vpc);
    const found: VSwitchInfo[] = [];
    names.forEach((n, i) => {
        const v = vpc.vSwitches[n];
        if (v) found.push(v);
        else problems.add(`${path}[${i}]`, `'${n}' is not a vSwitch of the ${which} VPC.`, `Use one of: ${Object.keys(vpc.vSwitches).join(", ")}.`);
    });
    return found;
}

/**
 * Checks one backend address against the S1 rules; used before registering for plain strings
 * and once known for outputs.
 */
function checkBackendIp(problems: Problems, path: string, text: string, remoteIp: boolean, albVpc: RegionalVpc, backendVpc: RegionalVpc): IpAddress | undefined {
    const ip = checkIp(problems, path, text, 4);
    if (!ip) return undefined;
    if (!remoteIp) {
        problems.add(path, `without remote IP an IP server group reaches only addresses in its own VPC (${albVpc.cidrBlock}), and a cross-region backend ${ip.text} is not there.`,
            "Leave remoteIpEnabled on (the default) for cross-region backends.");
    }
    if (!REMOTE_IP_RANGES.some(r => ipInCidr(ip, r))) {
        problems.add(path, `backend ${ip.text} is not a private address; remote IP accepts only ${REMOTE_IP_RANGES.join(", ")}.`,
            "Use the server's private IP; cross-region backends must be internal.");
    }
    if (ipInCidr(ip, albVpc.cidrBlock)) {
        problems.add(path, `backend ${ip.text} is inside the ALB's own VPC ${albVpc.cidrBlock}; an IP-type backend may not share the VPC of the ALB.`,
            `Use a server in the backend VPC ${backendVpc.cidrBlock}, or an Instance-type server group for same-VPC servers.`);
    } else if (!ipInCidr(ip, backendVpc.cidrBlock)) {
        problems.add(path, `backend ${ip.text} is outside the backend VPC ${backendVpc.cidrBlock}, the only network this component routes to.`,
            `Use a server in ${backendVpc.cidrBlock}.`);
    }
    return ip;
}

/** Checks every S1 rule before anything is registered and returns the plan. Pure: registers nothing. */
export function validateCrossRegionAlbBackendArgs(name: string, args: CrossRegionAlbBackendArgs, opts?: pulumi.ComponentResourceOptions): CrossRegionAlbPlan {
    return validate(`${TYPE} '${name}'`, problems => {
        const plan = checkArgs(problems, name, args);
        checkRegionalProviders(problems, opts, [args.albVpc?.region, args.backendVpc?.region]);
        return plan;
    });
}

function checkArgs(problems: Problems, name: string, args: CrossRegionAlbBackendArgs): CrossRegionAlbPlan {
    const { albVpc, backendVpc } = args;
    // The ALB takes the component's name, the server group `<name>-ip` (names.ts).
    checkAlibabaName(problems, "name", name, "alb", "ALB", "The ALB takes the component's name: rename the component (letters first).");
    checkAlibabaName(problems, "name", `${name}-ip`, "alb", "server group", "Shorten the component name.");
    for (const [path, vpc] of [["albVpc", albVpc], ["backendVpc", backendVpc]] as const) {
        if (!CROSS_REGION_ALB_REGIONS.includes(vpc.region)) {
            problems.add(`${path}.region`, `region '${vpc.region}' does not support ALB backends in another region.`,
                `Use one of: ${CROSS_REGION_ALB_REGIONS.join(", ")}.`);
        }
    }
    const sameRegion = albVpc.region === backendVpc.region;
    if (sameRegion) {
        problems.add("backendVpc.region", `the ALB and the backends are both in ${albVpc.region}; this pattern joins two regions.`,
            "Put the backends in another region, or use an ALB server group in the same region without CEN.");
    }
    if (albVpc === backendVpc) {
        problems.add("backendVpc", "the backend VPC is the ALB's VPC; an IP-type backend may not share the VPC of the ALB.", "Use a VPC in another region.");
    }

    // ALB side: the same placement, listener and health-check rules as every ALB of this library.
    const albVSwitches = checkAlbVSwitches(problems, "albVSwitches", args.albVSwitches ?? firstPerZone(albVpc).map(v => v.name), albVpc.vSwitches);
    checkOneOf(problems, "loadBalancerEdition", args.loadBalancerEdition ?? "Standard", ALB_EDITIONS, "ALB edition");
    checkOneOf(problems, "addressType", args.addressType ?? "Internet", ["Internet", "Intranet"], "address type");
    checkAlbListener(problems, field => LISTENER_FIELDS[field], listenerOf(args));
    checkOneOf(problems, "backendProtocol", args.backendProtocol ?? "HTTP", ["HTTP", "HTTPS"], "backend protocol");
    checkOneOf(problems, "scheduler", args.scheduler ?? "Wrr", ["Wrr", "Wlc", "Sch"], "scheduler");
    checkAlbHealthCheck(problems, "healthCheck", args.healthCheck);
    checkAlbDns(problems, "dns", args.dns);

    // Backends.
    const backendPort = args.backendPort ?? 80;
    checkPort(problems, "backendPort", backendPort);
    const backends = args.backends ?? [];
    if (backends.length === 0) {
        problems.add("backends", "no backend server is given.", "Add at least one backend with its private IP.");
    }
    const knownIps: Array<{ ip: IpAddress; index: number }> = [];
    const ports = new Set<number>([]);
    backends.forEach((b, i) => {
        const path = `backends[${i}]`;
        if (typeof b.ip === "string") {
            const ip = checkBackendIp(problems, `${path}.ip`, b.ip, b.remoteIpEnabled ?? true, albVpc, backendVpc);
            if (ip) knownIps.push({ ip, index: i });
        }
        if (checkPort(problems, `${path}.port`, b.port ?? backendPort)) ports.add(b.port ?? backendPort);
        checkIntegerInRange(problems, `${path}.weight`, b.weight ?? 100, 1, 100, "weight");
    });
    // A health check on a fixed port probes it from the back-to-origin blocks too.
    const healthPort = albHealthCheckPort(args.healthCheck);
    if (healthPort !== undefined && backends.length > 0) ports.add(healthPort);

    // Routes to the backends, from the ALB VPC.
    let routed: VSwitchInfo[];
    if (args.backendVSwitches !== undefined) {
        routed = pickVSwitches(problems, "backendVSwitches", backendVpc, args.backendVSwitches, "backend");
    } else if (backends.every(b => typeof b.ip === "string")) {
        routed = Object.values(backendVpc.vSwitches).filter(v => knownIps.some(k => ipInCidr(k.ip, v.cidrBlock)));
    } else {
        routed = Object.values(backendVpc.vSwitches);
    }
    knownIps.forEach(({ ip, index }) => {
        if (ipInCidr(ip, backendVpc.cidrBlock) && !routed.some(v => ipInCidr(ip, v.cidrBlock))) {
            problems.add(`backends[${index}].ip`, `backend ${ip.text} is in none of the routed backend vSwitches (${routed.map(v => `${v.name} ${v.cidrBlock}`).join(", ") || "none"}), so the ALB VPC has no route to it.`,
                "Add the backend's vSwitch to backendVSwitches, or leave backendVSwitches out.");
        }
    });

    // Back-to-origin.
    const mode = args.backToOrigin ?? { mode: "vswitch" as const };
    let backToOrigin: string[] = [];
    if (mode.mode === "legacy") {
        if ((mode.cidrBlocks ?? []).length === 0) {
            problems.add("backToOrigin.cidrBlocks", "legacy back-to-origin needs the blocks shown on the ALB's details page.",
                "Copy every block listed under 'Back-to-origin routes' of the ALB, or use mode 'vswitch' for ALBs created since 2025.");
        }
        const placed: PlacedCidr[] = [];
        (mode.cidrBlocks ?? []).forEach((text, i) => {
            const path = `backToOrigin.cidrBlocks[${i}]`;
            const block: Cidr | undefined = checkCidr(problems, path, text, 4);
            if (!block) return;
            if (!cidrContains(LEGACY_BACK_TO_ORIGIN_RANGE, block)) {
                problems.add(path, `back-to-origin block ${block.text} is not inside ${LEGACY_BACK_TO_ORIGIN_RANGE}, where legacy ALBs fetch from.`,
                    "Copy the blocks from the ALB's 'Back-to-origin routes', or use mode 'vswitch' for ALBs created since 2025.");
            } else if (block.prefix < WIDEST_BACK_TO_ORIGIN_PREFIX) {
                problems.add(path, `back-to-origin block ${block.text} is wider than /${WIDEST_BACK_TO_ORIGIN_PREFIX}; it would open the backend port to addresses that are not this ALB's (the console lists /25 and /26 blocks).`,
                    "List the exact blocks the ALB's details page shows.");
            }
            placed.push({ name: `back-to-origin block ${i}`, cidr: block, path });
            backToOrigin.push(block.text);
        });
        checkNoOverlaps(problems, placed, "List each back-to-origin block once.");
    } else if (mode.mode === "vswitch") {
        backToOrigin = albVSwitches.map(v => v.cidrBlock);
    } else {
        problems.add("backToOrigin.mode", `back-to-origin mode '${(mode as { mode: string }).mode}' is not supported.`, "Use 'vswitch' (ALBs since 2025) or 'legacy'.");
    }

    // Only the system route tables carry ALB-to-backend traffic.
    for (const [path, given, vpc] of [["albRouteTableId", args.albRouteTableId, albVpc], ["backendRouteTableId", args.backendRouteTableId, backendVpc]] as const) {
        const isSystemTable = given === vpc.routeTableId || (typeof given === "string" && given === vpc.knownRouteTableId);
        if (given !== undefined && !isSystemTable) {
            problems.add(path, "only the VPC's system route table carries traffic between an ALB and cross-region backends; custom route tables are unsupported.",
                `Leave ${path} out: the component writes to the system route table of the VPC (RegionalVpc.routeTableId).`);
        }
    }

    // The network.
    let albMember = "alb";
    let backendMember = "backend";
    if (args.cen !== undefined) {
        if (args.cenOptions !== undefined) {
            problems.add("cenOptions", "cenOptions configure a network this component creates, but cen joins an existing one.", "Drop cenOptions, or drop cen.");
        }
        const members = Object.entries(args.cen.members);
        const find = (vpc: RegionalVpc, path: string, which: string) => {
            const found = members.find(([, m]) => m.vpc === vpc)?.[0];
            if (found === undefined) {
                problems.add(path, `the ${which} VPC is not a member of the joined network.`, `Add it to the CenTransitNetwork's members.`);
            }
            for (const [other, m] of members) {
                if (other !== found && m.region === vpc.region && m.vpc !== vpc) {
                    problems.add(path, `the joined network has another VPC (member '${other}') in ${vpc.region}. Per CEN, the cross-region ALB pattern allows one VPC per region: ALBs in different VPCs of one region may not share a transit router to reach backends in another region.`,
                        "Join a network where this is the region's only VPC, or let the component create its own network.");
                }
            }
            return found ?? which;
        };
        albMember = find(albVpc, "albVpc", "ALB");
        backendMember = find(backendVpc, "backendVpc", "backend");
        const ids = args.cen.peerAttachmentIds;
        if (!sameRegion && !ids[`${albVpc.region}:${backendVpc.region}`] && !ids[`${backendVpc.region}:${albVpc.region}`]) {
            problems.add("cen", `the joined network has no inter-region connection between ${albVpc.region} and ${backendVpc.region}.`,
                "Add that region pair to the network's peerings.");
        }
    } else if (!sameRegion) {
        // The network's own rules (CIDR overlaps, attachment zones, bandwidth) are S1 rules too; report them with ours,
        // at the inputs of this component they come from.
        const network = new Problems();
        checkCenTransitNetworkArgs(network, cenArgs(name, args, { albMember, backendMember, backendCidrs: [], backToOriginCidrs: [], legacy: false }), `${name}-cen`);
        for (const p of network.list) problems.add(callerPath(p.path), callerPath(p.message), p.fix && callerPath(p.fix));
    }

    return {
        albVSwitches,
        backendCidrs: routed.map(v => v.cidrBlock),
        backToOriginCidrs: backToOrigin,
        legacy: mode.mode === "legacy",
        backendPorts: [...ports],
        albMember,
        backendMember,
    };
}

/** Where the network's args come from among this component's: network path → caller path, for every path cenArgs fills from the caller. */
const NETWORK_PATHS: ReadonlyArray<[RegExp, string]> = [
    [/\bmembers\.alb\.vpc\b/g, "albVpc"],
    [/\bmembers\.backend\.vpc\b/g, "backendVpc"],
    [/\bmembers\.alb\.attachmentVSwitches\b/g, "cenOptions.albAttachmentVSwitches"],
    [/\bmembers\.backend\.attachmentVSwitches\b/g, "cenOptions.backendAttachmentVSwitches"],
    [/(?<![.\w])(peerBandwidthMbps|bandwidthPackage)\b/g, "cenOptions.$1"],
];

/** Rewrites the network's input paths in a problem's text to this component's input paths. */
function callerPath(text: string): string {
    return NETWORK_PATHS.reduce((t, [from, to]) => t.replace(from, to), text);
}

/** The network this component creates, carrying the component's own routes so each table's write chain stays in one place. */
function cenArgs(name: string, args: CrossRegionAlbBackendArgs,
    plan: Pick<CrossRegionAlbPlan, "albMember" | "backendMember" | "backendCidrs" | "backToOriginCidrs" | "legacy">): CenTransitNetworkArgs {
    const o = args.cenOptions ?? {};
    return {
        members: {
            [plan.albMember]: { vpc: args.albVpc, attachmentVSwitches: o.albAttachmentVSwitches },
            [plan.backendMember]: { vpc: args.backendVpc, attachmentVSwitches: o.backendAttachmentVSwitches },
        },
        cenInstanceName: o.cenInstanceName ?? name,
        peerBandwidthMbps: o.peerBandwidthMbps,
        bandwidthPackage: o.bandwidthPackage,
        vpcRoutes: [
            ...plan.backendCidrs.map(c => ({ member: plan.albMember, destinationCidrBlock: c })),
            ...plan.backToOriginCidrs.map(c => ({ member: plan.backendMember, destinationCidrBlock: c })),
        ],
        transitRouterRoutes: plan.legacy
            ? plan.backToOriginCidrs.map(c => ({ region: args.albVpc.region, destinationCidrBlock: c, nextHopMember: plan.albMember }))
            : [],
        tags: args.tags,
    };
}

/** The flows of {@link CrossRegionAlbBackend}, from its resolved plan. */
function crossRegionFlows(args: CrossRegionAlbBackendArgs, plan: CrossRegionAlbPlan, alb: pulumi.Resource, backendPort: number): IntendedFlow[] {
    const listenerPort = albListenerPort(listenerOf(args));
    const flows: IntendedFlow[] = [];
    if ((args.addressType ?? "Internet") === "Internet") {
        flows.push({ name: `internet → ALB :${listenerPort}`, from: flowTo.internet(), to: flowTo.loadBalancer(alb), protocol: "tcp", port: listenerPort, intent: "allow" });
    }
    const groups = args.backendSecurityGroupId === undefined ? undefined : [args.backendSecurityGroupId];
    args.backends.forEach(b => {
        const port = b.port ?? backendPort;
        // The address may be an Output (an instance's private IP): the names then resolve with it.
        const label = pulumi.output(b.ip);
        const backend = flowTo.host({ label: pulumi.interpolate`backend ${label}`, address: b.ip, vpcId: args.backendVpc.vpcId, securityGroupIds: groups });
        for (const cidr of plan.backToOriginCidrs) {
            flows.push({
                name: pulumi.interpolate`ALB back-to-origin ${cidr} → ${label}:${port}`,
                from: flowTo.host({
                    label: `ALB back-to-origin ${cidr}`, address: cidr, vpcId: args.albVpc.vpcId,
                    // Legacy blocks belong to the ALB's service network, which the cloud joins to the VPC.
                    deliveredBy: plan.legacy ? "the ALB's service network (legacy back-to-origin blocks)" : undefined,
                }),
                to: backend, protocol: "tcp", port, intent: "allow",
            });
        }
        flows.push({ name: pulumi.interpolate`internet → ${label}:${port}`, from: flowTo.internet(), to: backend, protocol: "tcp", port, intent: "deny" });
    });
    return flows;
}

/**
 * An Application Load Balancer in one region serving backends in another region over a Cloud
 * Enterprise Network (seed 000, scenario S1): the ALB on two or more zones, an IP server group
 * with remote IP, a listener forwarding to it, the two VPCs on one CEN with an inter-region
 * connection, the routes both ways through the system route tables (and, for legacy ALBs, the
 * transit-router routes of the back-to-origin blocks), and the backend security-group rule that
 * admits only the back-to-origin blocks on the backend ports.
 */
export class CrossRegionAlbBackend extends pulumi.ComponentResource implements DeclaresFlows {
    /** ALB id, `alb-…`. */
    readonly loadBalancerId: pulumi.Output<string>;
    /** ALB DNS name, what a CNAME points at (ALBs created since 2025 do not answer on it themselves). */
    readonly dnsName: pulumi.Output<string>;
    /** Id of the DNS record, when `dns` is given. */
    readonly dnsRecordId?: pulumi.Output<string>;
    /** The name clients use, e.g. `www.example.com`, when `dns` is given. */
    readonly fqdn?: string;
    /** Server group id, `sgp-…`. */
    readonly serverGroupId: pulumi.Output<string>;
    /** Listener id. */
    readonly listenerId: pulumi.Output<string>;
    /** The network carrying the traffic, created here or joined. */
    readonly cen: CenTransitNetwork;
    /** The blocks the ALB fetches from, routed back and admitted by the security group. */
    readonly backToOriginCidrs: readonly string[];
    /**
     * Ids of the route entries this pattern needs: ALB VPC and backend VPC entries (the provider's
     * `vtb-…:vrt-…:cidr:Attachment:tr-attach-…` ids), then the transit-router entries (`rte-…`).
     */
    readonly routeEntryIds: pulumi.Output<string>[];
    /**
     * The traffic this pattern exists for: the internet to the listener (Internet ALBs), each
     * back-to-origin block to each backend port and back; and the internet to a backend, blocked.
     */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: CrossRegionAlbBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateCrossRegionAlbBackendArgs(name, args, opts);
        super(TYPE, name, {}, opts);
        const { albVpc, backendVpc } = args;
        const albOpts = { parent: this, provider: albVpc.provider };
        this.backToOriginCidrs = plan.backToOriginCidrs;

        if (args.cen === undefined) {
            this.cen = new CenTransitNetwork(`${name}-cen`, cenArgs(name, args, plan), { parent: this });
            this.routeEntryIds = [...Object.values(this.cen.vpcRouteEntryIds), ...Object.values(this.cen.transitRouterRouteEntryIds)];
        } else {
            this.cen = args.cen;
            // A VPC route entry has no id of its own but the resource id; a transit-router entry has its `rte-…` id.
            this.routeEntryIds = [
                ...this.cen.addVpcRoutes(name, plan.albMember, plan.backendCidrs, this).map(e => e.id),
                ...this.cen.addVpcRoutes(name, plan.backendMember, plan.backToOriginCidrs, this).map(e => e.id),
                ...(plan.legacy ? this.cen.addTransitRouterRoutes(name, albVpc.region, plan.albMember, plan.backToOriginCidrs, this) : [])
                    .map(e => e.transitRouterRouteEntryId),
            ];
        }

        const alb = new alicloud.alb.LoadBalancer(`${name}-alb`, {
            loadBalancerName: name,
            vpcId: albVpc.vpcId,
            addressType: args.addressType ?? "Internet",
            loadBalancerEdition: args.loadBalancerEdition ?? "Standard",
            loadBalancerBillingConfig: { payType: "PayAsYouGo" },
            zoneMappings: plan.albVSwitches.map(v => ({ zoneId: v.zoneId, vswitchId: v.id })),
            tags: args.tags,
        }, albOpts);

        const backendPort = args.backendPort ?? 80;
        const group = new alicloud.alb.ServerGroup(`${name}-sgp`, {
            serverGroupName: `${name}-ip`,
            serverGroupType: "Ip",
            vpcId: albVpc.vpcId,
            protocol: args.backendProtocol ?? "HTTP",
            scheduler: args.scheduler ?? "Wrr",
            healthCheckConfig: albHealthCheckConfig(args.healthCheck),
            stickySessionConfig: args.stickySession ? { stickySessionEnabled: true, stickySessionType: "Insert" } : { stickySessionEnabled: false },
            servers: args.backends.map((b, i) => {
                // Outputs are checked with the same rules once known; plain strings were checked above.
                const ip = checkedWhenKnown(b.ip, `${TYPE} '${name}'`, (p, text) => {
                    checkBackendIp(p, `backends[${i}].ip`, text, b.remoteIpEnabled ?? true, albVpc, backendVpc);
                });
                return {
                    serverId: ip,
                    serverIp: ip,
                    serverType: "Ip",
                    port: b.port ?? backendPort,
                    weight: b.weight ?? 100,
                    remoteIpEnabled: true,
                    description: b.description,
                };
            }),
            tags: args.tags,
        }, albOpts);

        const listener = createForwardingListener(`${name}-listener`, alb.id, group.id, listenerOf(args), { ...albOpts, dependsOn: [group] }, args.tags);

        if (args.backendSecurityGroupId !== undefined) {
            for (const port of plan.backendPorts) {
                for (const cidr of plan.backToOriginCidrs) {
                    new alicloud.ecs.SecurityGroupRule(`${name}-ingress-${port}-${addressSlug(cidr)}`, {
                        securityGroupId: args.backendSecurityGroupId,
                        type: "ingress",
                        ipProtocol: "tcp",
                        portRange: `${port}/${port}`,
                        cidrIp: cidr,
                        nicType: "intranet",
                        policy: "accept",
                        description: `ALB ${name} back-to-origin`,
                    }, { parent: this, provider: backendVpc.provider });
                }
            }
        }

        if (args.dns) {
            // The record is global; any region's endpoint writes it.
            const record = albCnameRecord(name, args.dns, alb.dnsName, albOpts);
            this.fqdn = record.fqdn;
            this.dnsRecordId = record.recordId;
        }

        this.intendedFlows = crossRegionFlows(args, plan, alb, backendPort);
        this.loadBalancerId = alb.id;
        this.dnsName = alb.dnsName;
        this.serverGroupId = group.id;
        this.listenerId = listener.id;
        this.registerOutputs({
            loadBalancerId: this.loadBalancerId,
            dnsName: this.dnsName,
            serverGroupId: this.serverGroupId,
            listenerId: this.listenerId,
            cenId: this.cen.cenId,
            backToOriginCidrs: this.backToOriginCidrs,
            routeEntryIds: this.routeEntryIds,
            dnsRecordId: this.dnsRecordId,
            fqdn: this.fqdn,
        });
    }
}
