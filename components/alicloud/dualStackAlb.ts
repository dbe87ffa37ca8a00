import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { checkIntegerInRange, checkOneOf, checkUnique, checkedWhenKnown } from "../checks";
import { Problems, validate } from "../errors";
import { DeclaresFlows, IntendedFlow, flowTo } from "../flows";
import { checkCidr, checkIp, ipInCidr } from "../net";
import { userProvider } from "../providers";
import {
    ALB_EDITIONS, AlbDnsArgs, AlbEdition, AlbHealthCheckArgs, AlbListenerArgs, albCnameRecord, albHealthCheckConfig, albHealthCheckPort, checkAlbDns,
    checkAlbHealthCheck, checkAlbListener, albListenerPort, checkAlbVSwitches, createForwardingListener,
} from "./albCommon";
import { checkAlibabaName } from "./names";
import { RegionalVpc, VSwitchInfo } from "./vpc";

/** Public IPv6 bandwidth for one IPv6 backend, so it is reachable from the Internet directly. */
export interface Ipv6InternetBandwidthArgs {
    /**
     * Id of the backend's IPv6 address instance (`ipv6-…`), not the address itself;
     * `alicloud.vpc.getIpv6Addresses({ associatedInstanceId })` finds it.
     */
    ipv6AddressId: pulumi.Input<string>;
    /** Mbit/s, 1–5000 (PayByTraffic is further capped by the IPv6 gateway's edition). */
    bandwidth: number;
    /** `PayByBandwidth` or `PayByTraffic`. Default: `PayByBandwidth`. */
    internetChargeType?: "PayByBandwidth" | "PayByTraffic";
}

/** What every backend has, whichever address family the ALB reaches it by. */
export interface DualStackAlbBackendCommon {
    /** ECS instance id, `i-…`. */
    instanceId: pulumi.Input<string>;
    /** Name of the instance's vSwitch in the VPC's `vSwitches` map. */
    vSwitch: string;
    /** Port the backend serves on, 1–65535. Default: 80 (tutorial). */
    port?: number;
    /** Weight, 0–100; 0 sends it no traffic. Default: 100 (tutorial). */
    weight?: number;
    /**
     * Key in `securityGroups` of the instance's security group: the component opens the backend
     * port to the ALB there (and ICMPv6 for IPv6 backends). Default: no rules are added.
     */
    securityGroup?: string;
    /** Description shown on the server, 2–256 characters. Default: none. */
    description?: string;
}

/** A backend reached over IPv4 (tutorial: ECS01). */
export interface DualStackAlbIpv4Backend extends DualStackAlbBackendCommon {
    /** The instance's private IPv4 address, inside its vSwitch block. */
    ipv4Address: pulumi.Input<string>;
    /** Not for an IPv4 backend. */
    ipv6Address?: never;
    /** Not for an IPv4 backend: public IPv6 bandwidth needs an IPv6 address. */
    ipv6InternetBandwidth?: never;
}

/** A backend reached over IPv6 (tutorial: ECS02); needs an IPv6 vSwitch and server group. */
export interface DualStackAlbIpv6Backend extends DualStackAlbBackendCommon {
    /** The instance's IPv6 address. */
    ipv6Address: pulumi.Input<string>;
    /** Not for an IPv6 backend. */
    ipv4Address?: never;
    /** Give the address public IPv6 bandwidth. Default: none (reachable through the ALB only). */
    ipv6InternetBandwidth?: Ipv6InternetBandwidthArgs;
}

/** One ECS backend, with the address family the ALB uses to reach it. */
export type DualStackAlbBackend = DualStackAlbIpv4Backend | DualStackAlbIpv6Backend;

/** Security-group rules that let the ALB reach the backends. */
export interface BackendIngressArgs {
    /**
     * IPv4 blocks allowed to the IPv4 backends' ports. Default: the ALB vSwitches' blocks (where
     * ALBs upgraded since 2025 connect from) and 100.64.0.0/10 (where older ALBs connect from).
     */
    ipv4Sources?: string[];
    /**
     * IPv6 blocks allowed to the IPv6 backends' ports. Default: the IPv6 /64 of each ALB vSwitch,
     * which holds the ALB's IPv6 local addresses; required when the VPC was described with
     * `fromExisting` (its vSwitches' IPv6 blocks are not known).
     */
    ipv6Sources?: string[];
    /**
     * IPv6 blocks allowed all ICMPv6 to IPv6 backends (neighbour discovery, path-MTU discovery,
     * ping). Default: `["::/0"]` (tutorial); `[]` adds no ICMPv6 rule.
     */
    icmpv6Sources?: string[];
    /** Priority of the rules, 1 (first) to 100. Default: 1 (tutorial). */
    priority?: number;
}

/** An Alibaba Cloud DNS CNAME record pointing a name at the ALB (the shared {@link AlbDnsArgs}). */
export type DualStackAlbDnsArgs = AlbDnsArgs;

/** Arguments of a {@link DualStackAlb}. */
export interface DualStackAlbArgs {
    /**
     * The VPC, with IPv6 on (`enableIpv6: true`, which also creates the IPv6 gateway) and
     * `ipv6CidrBlockMask` on each ALB vSwitch for a dual-stack ALB. Tutorial: VPC1 in cn-shanghai
     * with vSwitch 1 in zone E and vSwitch 2 in zone G. Its provider is the children's, unless an
     * `alicloud` provider is given in the component's own `opts.provider` / `opts.providers` (a parent's is not taken).
     */
    vpc: RegionalVpc;
    /** Names of the vSwitches the ALB sits in, one per zone, at least two zones. Default: every vSwitch of the VPC. */
    albVSwitches?: string[];
    /** `DualStack` or `IPv4`. Default: `DualStack` (tutorial). */
    ipVersion?: "DualStack" | "IPv4";
    /** Network type of the IPv4 address: `Internet` or `Intranet`. Default: `Internet` (tutorial). */
    addressType?: "Internet" | "Intranet";
    /**
     * Network type of the IPv6 address, dual-stack only: `Internet` or `Intranet`. Default:
     * `Internet`; the tutorial switches it from private to public after creation, this sets it at
     * creation. A public IPv6 address needs the VPC's IPv6 gateway.
     */
    ipv6AddressType?: "Internet" | "Intranet";
    /** `Basic`, `Standard` or `StandardWithWaf`. Default: `Standard` (tutorial). */
    edition?: AlbEdition;
    /** ALB name, 2–128 letters, digits, `.`, `_`, `-`, starting with a letter. Default: the component name. */
    loadBalancerName?: string;
    /** Server group name, same rules. Default: `<component name>-servers`. */
    serverGroupName?: string;
    /**
     * Let the server group hold IPv6 backends. Only a dual-stack ALB may use such a group.
     * Default: true on a dual-stack ALB (tutorial), false on an IPv4 one.
     */
    serverGroupIpv6Enabled?: boolean;
    /** `Wrr` (weighted round robin), `Wlc` or `Sch`. Default: `Wrr` (tutorial). */
    scheduler?: "Wrr" | "Wlc" | "Sch";
    /** Health check of the server group. Default: on, HTTP `/` (tutorial: on). */
    healthCheck?: AlbHealthCheckArgs;
    /** Backends by name (tutorial: ECS01 by IPv4, ECS02 by IPv6). May be empty. */
    backends: Record<string, DualStackAlbBackend>;
    /** The listener. Default: HTTP on 80 (tutorial). */
    listener?: AlbListenerArgs;
    /** The backends' security groups by name (`sg-…` ids), for backends' `securityGroup`. Default: none. */
    securityGroups?: Record<string, pulumi.Input<string>>;
    /** Sources of the security-group rules. Default: see {@link BackendIngressArgs}. */
    backendIngress?: BackendIngressArgs;
    /**
     * IPv6 gateway of a VPC described with `fromExisting`, for `ipv6InternetBandwidth`. Default:
     * the gateway the RegionalVpc created.
     */
    ipv6GatewayId?: pulumi.Input<string>;
    /** CNAME record for the ALB's DNS name. Default: none (tutorial: `@` of the domain). */
    dns?: DualStackAlbDnsArgs;
    /**
     * Create the service-linked role AliyunServiceRoleForAlb, without which no ALB can be created.
     * It exists once per account (the console offers to create it with the first ALB), and
     * creating it again fails, so this is off by default and the role is kept when the stack is
     * destroyed. Default: false, the role must exist.
     */
    createServiceLinkedRole?: boolean;
    /** Tags on the ALB and the server group. */
    tags?: Record<string, string>;
}

const TYPE = "topologies:alicloud:DualStackAlb";

/** Default IPv4 source for older (non-upgraded) ALBs, which reach backends from this block. */
export const ALB_LEGACY_SOURCE_BLOCK = "100.64.0.0/10";

/** One port rule or ICMPv6 rule the component adds to a backend security group. */
export interface BackendIngressRule {
    /** Key of the group in `securityGroups`. */
    readonly securityGroup: string;
    /** Address family of the source. */
    readonly family: 4 | 6;
    /** `tcp` for a backend port, `icmpv6` for all ICMPv6. */
    readonly protocol: "tcp" | "icmpv6";
    /** The backend (or health-check) port, for `tcp`. */
    readonly port?: number;
    /** Source block; undefined for the IPv6 /64 of `albVSwitch` (assigned by the cloud). */
    readonly source?: string;
    /** The ALB vSwitch whose IPv6 /64 is the source, when `source` is undefined. */
    readonly albVSwitch?: string;
}

/** What validation settles for the class: defaults applied and the rules to create. */
export interface DualStackAlbPlan {
    /** True for a dual-stack ALB, false for IPv4. */
    readonly dualStack: boolean;
    /** Whether the server group has IPv6 enabled. */
    readonly serverGroupIpv6: boolean;
    /** Names of the ALB's vSwitches, one per zone. */
    readonly albVSwitches: readonly string[];
    /** Security-group rules to create, without repeats. */
    readonly rules: readonly BackendIngressRule[];
}

/** A backend's address: of its family, and (IPv4) inside its vSwitch. */
function checkBackendAddress(problems: Problems, path: string, text: string, family: 4 | 6, vSwitch: string, vsw: VSwitchInfo | undefined): void {
    const field = family === 4 ? "ipv4Address" : "ipv6Address";
    const ip = checkIp(problems, `${path}.${field}`, text, family);
    if (family === 4 && ip && vsw && !ipInCidr(ip, vsw.cidrBlock)) {
        problems.add(`${path}.${field}`, `${text} is not inside vSwitch '${vSwitch}' ${vsw.cidrBlock}.`,
            "Give the instance's private address, or the vSwitch it sits in.");
    }
}

function isIpv6Backend(b: DualStackAlbBackend): b is DualStackAlbIpv6Backend {
    return b.ipv6Address !== undefined;
}

/**
 * The flows of {@link DualStackAlb}: the internet to the listener over each public family, each
 * ALB vSwitch to each backend over its family (the ALB fetches from its vSwitch addresses,
 * seed 002), and the internet to a backend without its own public IPv6 bandwidth, blocked.
 */
function dualStackFlows(args: DualStackAlbArgs, plan: DualStackAlbPlan, alb: pulumi.Resource): IntendedFlow[] {
    const port = albListenerPort(args.listener);
    const flows: IntendedFlow[] = [];
    if ((args.addressType ?? "Internet") === "Internet") {
        flows.push({ name: `internet → ALB :${port} over IPv4`, from: flowTo.internet(), to: flowTo.loadBalancer(alb), protocol: "tcp", port, ipVersion: 4, intent: "allow" });
    }
    if (plan.dualStack && (args.ipv6AddressType ?? "Internet") === "Internet") {
        flows.push({ name: `internet → ALB :${port} over IPv6`, from: flowTo.internet(), to: flowTo.loadBalancer(alb), protocol: "tcp", port, ipVersion: 6, intent: "allow" });
    }
    const vpc = args.vpc;
    for (const [key, b] of Object.entries(args.backends ?? {})) {
        const v6 = isIpv6Backend(b);
        const backendPort = b.port ?? 80;
        const backend = flowTo.host({
            label: `${key} (IPv${v6 ? 6 : 4})`, address: v6 ? b.ipv6Address : b.ipv4Address, vpcId: vpc.vpcId,
            subnetId: vpc.vSwitches[b.vSwitch]?.id,
            securityGroupIds: b.securityGroup !== undefined && args.securityGroups?.[b.securityGroup] !== undefined ? [args.securityGroups[b.securityGroup]] : undefined,
        });
        for (const name of plan.albVSwitches) {
            const vsw = vpc.vSwitches[name];
            const source = v6 ? vsw.ipv6CidrBlock : vsw.cidrBlock;
            if (source === undefined) continue;
            flows.push({
                name: `ALB in ${name} → ${key}:${backendPort}`, protocol: "tcp", port: backendPort, ipVersion: v6 ? 6 : 4, intent: "allow", to: backend,
                from: flowTo.host({ label: `ALB in ${name}`, address: source, vpcId: vpc.vpcId, subnetId: vsw.id }),
            });
        }
        if (!(v6 && b.ipv6InternetBandwidth)) {
            flows.push({ name: `internet → ${key}:${backendPort}`, from: flowTo.internet(), to: backend, protocol: "tcp", port: backendPort, ipVersion: v6 ? 6 : 4, intent: "deny" });
        }
    }
    return flows;
}

/**
 * Checks the arguments of a {@link DualStackAlb} and returns the plan. Pure: it registers
 * nothing, so it runs (and is tested) on its own, before anything is created.
 */
export function validateDualStackAlbArgs(name: string, args: DualStackAlbArgs): DualStackAlbPlan {
    return validate(`${TYPE} '${name}'`, problems => checkArgs(problems, name, args));
}

function checkArgs(problems: Problems, name: string, args: DualStackAlbArgs): DualStackAlbPlan {
    const ipVersion = args.ipVersion ?? "DualStack";
    checkOneOf(problems, "ipVersion", ipVersion, ["DualStack", "IPv4"], "IP version");
    const dualStack = ipVersion === "DualStack";
    checkOneOf(problems, "addressType", args.addressType ?? "Internet", ["Internet", "Intranet"], "address type");
    if (args.ipv6AddressType !== undefined) {
        checkOneOf(problems, "ipv6AddressType", args.ipv6AddressType, ["Internet", "Intranet"], "IPv6 address type");
        if (!dualStack) {
            problems.add("ipv6AddressType", `an IPv4 ALB has no IPv6 address to make '${args.ipv6AddressType}'.`,
                "Drop ipv6AddressType, or set ipVersion: DualStack.");
        }
    }
    checkOneOf(problems, "edition", args.edition ?? "Standard", ALB_EDITIONS, "ALB edition");
    checkOneOf(problems, "scheduler", args.scheduler ?? "Wrr", ["Wrr", "Wlc", "Sch"], "scheduler");
    checkAlibabaName(problems, "loadBalancerName", args.loadBalancerName ?? name, "alb", "ALB",
        args.loadBalancerName === undefined ? "The ALB takes the component's name: set loadBalancerName, e.g. web-alb." : undefined);
    checkAlibabaName(problems, "serverGroupName", args.serverGroupName ?? `${name}-servers`, "alb", "server group",
        args.serverGroupName === undefined ? "The server group is named after the component: set serverGroupName, e.g. web-servers." : undefined);
    const serverGroupIpv6 = args.serverGroupIpv6Enabled ?? dualStack;
    if (serverGroupIpv6 && !dualStack) {
        problems.add("serverGroupIpv6Enabled", "an IPv6-enabled server group can be used only by listeners of a dual-stack ALB, and this ALB is IPv4.",
            "Set ipVersion: DualStack, or serverGroupIpv6Enabled: false.");
    }
    checkAlbHealthCheck(problems, "healthCheck", args.healthCheck);
    checkAlbListener(problems, "listener", args.listener);

    const vpc = args.vpc;
    if (!(vpc instanceof RegionalVpc)) {
        problems.add("vpc", "no RegionalVpc is given.", "Pass a RegionalVpc, created here or described with RegionalVpc.fromExisting.");
        return { dualStack, serverGroupIpv6, albVSwitches: [], rules: [] };
    }
    if (dualStack && !vpc.ipv6Enabled) {
        problems.add("vpc", `a dual-stack ALB needs a VPC with IPv6, and VPC '${pulumi.resourceName(vpc)}' has none.`,
            "Create the RegionalVpc with enableIpv6: true, or set ipVersion: IPv4.");
    }

    const backends = Object.entries(args.backends ?? {});
    const perVSwitch: Record<string, number> = {};
    for (const [, b] of backends) perVSwitch[b.vSwitch] = (perVSwitch[b.vSwitch] ?? 0) + 1;

    const albVSwitches = args.albVSwitches ?? Object.keys(vpc.vSwitches);
    const placed = checkAlbVSwitches(problems, "albVSwitches", albVSwitches, vpc.vSwitches, perVSwitch);
    if (dualStack) {
        for (const vsw of placed) {
            if (!vsw.ipv6Enabled) {
                problems.add(`albVSwitches[${albVSwitches.indexOf(vsw.name)}]`,
                    `vSwitch '${vsw.name}' in zone ${vsw.zoneId} has no IPv6; a dual-stack ALB needs an IPv6-enabled vSwitch in each of its zones.`,
                    "Set ipv6CidrBlockMask on the vSwitch, or set ipVersion: IPv4.");
            }
        }
    }

    const securityGroups = args.securityGroups ?? {};
    const gatewayKnown = args.ipv6GatewayId !== undefined || vpc.ipv6GatewayId !== undefined;
    for (const [key, b] of backends) {
        const path = `backends.${key}`;
        const vsw = vpc.vSwitches[b.vSwitch];
        if (!vsw) {
            problems.add(`${path}.vSwitch`, `vSwitch '${b.vSwitch}' is not a vSwitch of the VPC.`,
                `Use one of: ${Object.keys(vpc.vSwitches).join(", ")}.`);
        }
        const hasV4 = b.ipv4Address !== undefined;
        const hasV6 = b.ipv6Address !== undefined;
        if (hasV4 === hasV6) {
            problems.add(path, `backend '${key}' gives ${hasV4 ? "both an IPv4 and an IPv6 address" : "no address"}; the ALB reaches a backend by exactly one.`,
                "Set either ipv4Address or ipv6Address.");
        } else if (hasV4) {
            // An address known only at deployment is checked with the same rule when it resolves (the constructor).
            if (typeof b.ipv4Address === "string") checkBackendAddress(problems, path, b.ipv4Address, 4, b.vSwitch, vsw);
        } else {
            if (typeof b.ipv6Address === "string") checkBackendAddress(problems, path, b.ipv6Address, 6, b.vSwitch, vsw);
            if (vsw && !vsw.ipv6Enabled) {
                problems.add(`${path}.ipv6Address`, `backend '${key}' is reached by IPv6 but its vSwitch '${b.vSwitch}' has no IPv6.`,
                    "Enable IPv6 on the vSwitch (ipv6CidrBlockMask), or reach the backend by its IPv4 address.");
            }
            if (!serverGroupIpv6) {
                problems.add(`${path}.ipv6Address`, `backend '${key}' is reached by IPv6 but the server group has IPv6 disabled.`,
                    dualStack ? "Drop serverGroupIpv6Enabled: false." : "Use a dual-stack ALB (ipVersion: DualStack), or reach the backend by IPv4.");
            }
        }
        if (b.port !== undefined) checkIntegerInRange(problems, `${path}.port`, b.port, 1, 65535, "port");
        if (b.weight !== undefined) checkIntegerInRange(problems, `${path}.weight`, b.weight, 0, 100, "weight");
        if (b.description !== undefined && (b.description.length < 2 || b.description.length > 256 || /^https?:\/\//.test(b.description))) {
            problems.add(`${path}.description`, `description '${b.description}' is not 2 to 256 characters, or starts with http:// or https://.`,
                "Shorten or reword the description.");
        }
        if (b.securityGroup !== undefined && !(b.securityGroup in securityGroups)) {
            problems.add(`${path}.securityGroup`, `security group '${b.securityGroup}' is not in securityGroups.`,
                `Add it to securityGroups, or use one of: ${Object.keys(securityGroups).join(", ") || "(none given)"}.`);
        }
        const bw = (b as DualStackAlbIpv6Backend).ipv6InternetBandwidth;
        if (bw !== undefined) {
            if (hasV4) {
                problems.add(`${path}.ipv6InternetBandwidth`, `backend '${key}' is reached by IPv4; IPv6 Internet bandwidth needs an IPv6 address.`,
                    "Drop ipv6InternetBandwidth, or reach the backend by IPv6.");
            }
            checkIntegerInRange(problems, `${path}.ipv6InternetBandwidth.bandwidth`, bw.bandwidth, 1, 5000, "IPv6 Internet bandwidth (Mbit/s)");
            if (bw.internetChargeType !== undefined) {
                checkOneOf(problems, `${path}.ipv6InternetBandwidth.internetChargeType`, bw.internetChargeType, ["PayByBandwidth", "PayByTraffic"], "charge type");
            }
            if (!gatewayKnown) {
                problems.add(`${path}.ipv6InternetBandwidth`, "IPv6 Internet bandwidth needs the VPC's IPv6 gateway, and none is known.",
                    "Set ipv6GatewayId, or create the RegionalVpc with enableIpv6: true.");
            }
        }
    }
    checkUnique(problems, backends.filter(([, b]) => typeof b.instanceId === "string")
        .map(([key, b]) => ({ path: `backends.${key}.instanceId`, key: `${b.instanceId}:${b.port ?? 80}` })), "instance and port");

    const rules = planIngress(problems, args, placed, vpc);

    checkAlbDns(problems, "dns", args.dns);
    return { dualStack, serverGroupIpv6, albVSwitches, rules };
}

/**
 * The rules each named security group needs: every distinct backend port (and a fixed
 * health-check port) from the ALB's sources of the backends' family, and all ICMPv6 for groups
 * with IPv6 backends. Ports are only ever the backends' own: never all ports.
 */
function planIngress(problems: Problems, args: DualStackAlbArgs, albVSwitches: readonly VSwitchInfo[], vpc: RegionalVpc): BackendIngressRule[] {
    const ingress = args.backendIngress ?? {};
    if (ingress.priority !== undefined) checkIntegerInRange(problems, "backendIngress.priority", ingress.priority, 1, 100, "rule priority");
    const sourcesOf = (field: "ipv4Sources" | "ipv6Sources" | "icmpv6Sources", family: 4 | 6): string[] | undefined =>
        ingress[field]?.filter((s, i) => checkCidr(problems, `backendIngress.${field}[${i}]`, s, family) !== undefined);
    const ipv4 = sourcesOf("ipv4Sources", 4) ?? [...albVSwitches.map(v => v.cidrBlock), ALB_LEGACY_SOURCE_BLOCK];
    // The ALB reaches IPv6 backends from addresses in its own vSwitches' /64s, nothing wider.
    const given = sourcesOf("ipv6Sources", 6);
    const ipv6: Array<{ source?: string; albVSwitch?: string }> = given?.map(source => ({ source }))
        ?? albVSwitches.map(v => ({ albVSwitch: v.name }));
    const icmpv6 = sourcesOf("icmpv6Sources", 6) ?? ["::/0"];
    const healthPort = albHealthCheckPort(args.healthCheck);

    const rules = new Map<string, BackendIngressRule>();
    const add = (rule: BackendIngressRule) => rules.set(`${rule.securityGroup}|${rule.protocol}|${rule.port}|${rule.source ?? rule.albVSwitch}`, rule);
    let needsVSwitchIpv6 = false;
    for (const b of Object.values(args.backends ?? {})) {
        if (b.securityGroup === undefined || !(b.securityGroup in (args.securityGroups ?? {}))) continue;
        const family = isIpv6Backend(b) ? 6 : 4;
        const ports = new Set([b.port ?? 80, ...(healthPort ? [healthPort] : [])]);
        for (const port of ports) {
            for (const from of family === 4 ? ipv4.map(source => ({ source, albVSwitch: undefined })) : ipv6) {
                if (from.albVSwitch !== undefined) needsVSwitchIpv6 = true;
                add({ securityGroup: b.securityGroup, family, protocol: "tcp", port, ...from });
            }
        }
        if (family === 6) {
            for (const source of icmpv6) add({ securityGroup: b.securityGroup, family: 6, protocol: "icmpv6", source });
        }
    }
    if (needsVSwitchIpv6 && albVSwitches.some(v => vpc.vSwitches[v.name]?.ipv6CidrBlock === undefined) && vpc.vpc === undefined) {
        problems.add("backendIngress.ipv6Sources", "IPv6 backends have security groups, but the IPv6 blocks of an existing VPC's ALB vSwitches are not known to allow the ALB from.",
            "Set backendIngress.ipv6Sources to the ALB vSwitches' IPv6 blocks.");
    }
    return [...rules.values()];
}

/** A readable, stable piece of a child name for a rule's source. */
function sourceSlug(rule: BackendIngressRule): string {
    return rule.source === undefined ? `${rule.albVSwitch}-ipv6` : rule.source.replace(/[^0-9A-Za-z]+/g, "_").replace(/^_|_$/g, "") || "any";
}

/**
 * An Application Load Balancer serving IPv4 and IPv6 clients, with ECS backends reached over
 * IPv4 or IPv6 (Alibaba Cloud tutorial "dual-stack server group"): the ALB across two or more
 * zones, a server group of ECS instances (IPv6-enabled on a dual-stack ALB), a forwarding
 * listener, the security-group rules that let the ALB reach the backends, optional public IPv6
 * bandwidth for IPv6 backends and an optional DNS CNAME.
 *
 * Prerequisite: the service-linked role AliyunServiceRoleForAlb must exist in the account (or set
 * `createServiceLinkedRole`). It cannot be checked before registration: the only way to look it
 * up is the `ram.getRoles` data source, which needs the cloud and runs after the component has
 * been registered.
 *
 * Everything is checked before anything is registered: every ALB zone has an IPv6 vSwitch (dual
 * stack), two or more zones, 8 free addresses per ALB vSwitch, IPv6 backends only in IPv6
 * vSwitches and only with an IPv6 server group on a dual-stack ALB, and domain and host syntax.
 */
export class DualStackAlb extends pulumi.ComponentResource implements DeclaresFlows {
    /** ALB id. */
    readonly loadBalancerId: pulumi.Output<string>;
    /** ALB DNS name, the target of CNAME records. */
    readonly dnsName: pulumi.Output<string>;
    /** Public or private IPv4 addresses of the ALB, one or more per zone, as the provider reports them. */
    readonly ipv4Addresses: pulumi.Output<string[]>;
    /** IPv6 addresses of the ALB (dual stack only). */
    readonly ipv6Addresses: pulumi.Output<string[]>;
    /** Server group id. */
    readonly serverGroupId: pulumi.Output<string>;
    /** Listener id. */
    readonly listenerId: pulumi.Output<string>;
    /** The traffic it exists for: the internet to the listener, the ALB to each backend; the internet to a backend, blocked. */
    readonly intendedFlows: readonly IntendedFlow[];
    /** Id of the DNS record, when `dns` is given. */
    readonly dnsRecordId?: pulumi.Output<string>;
    /** The name the DNS record serves, e.g. `example.com` or `www.example.com`, when `dns` is given. */
    readonly fqdn?: string;

    constructor(name: string, args: DualStackAlbArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateDualStackAlbArgs(name, args);
        super(TYPE, name, {}, opts);
        const vpc = args.vpc;
        const childOpts = { parent: this, provider: userProvider<alicloud.Provider>(opts, "alicloud") ?? vpc.provider };

        const role = args.createServiceLinkedRole
            ? new alicloud.resourcemanager.ServiceLinkedRole(`${name}-alb-role`, { serviceName: "alb.aliyuncs.com" },
                { ...childOpts, retainOnDelete: true })
            : undefined;
        const ipv6Public = plan.dualStack && (args.ipv6AddressType ?? "Internet") === "Internet";
        const alb = new alicloud.alb.LoadBalancer(`${name}-alb`, {
            loadBalancerName: args.loadBalancerName ?? name,
            vpcId: vpc.vpcId,
            addressType: args.addressType ?? "Internet",
            addressIpVersion: plan.dualStack ? "DualStack" : "IPv4",
            ipv6AddressType: plan.dualStack ? args.ipv6AddressType ?? "Internet" : undefined,
            loadBalancerEdition: args.edition ?? "Standard",
            // ALB is sold pay-as-you-go only.
            loadBalancerBillingConfig: { payType: "PayAsYouGo" },
            zoneMappings: plan.albVSwitches.map(key => ({ zoneId: vpc.vSwitches[key].zoneId, vswitchId: vpc.vSwitches[key].id })),
            tags: args.tags,
        }, {
            ...childOpts,
            // A public IPv6 address routes through the VPC's IPv6 gateway, which nothing in the
            // ALB's inputs refers to; the role must exist before any ALB is created.
            dependsOn: [...(role ? [role] : []), ...(ipv6Public ? [vpc] : [])],
        });

        const serverGroup = new alicloud.alb.ServerGroup(`${name}-servers`, {
            serverGroupName: args.serverGroupName ?? `${name}-servers`,
            serverGroupType: "Instance",
            vpcId: vpc.vpcId,
            protocol: "HTTP",
            scheduler: args.scheduler ?? "Wrr",
            ipv6Enabled: plan.serverGroupIpv6,
            healthCheckConfig: albHealthCheckConfig(args.healthCheck),
            servers: Object.entries(args.backends ?? {}).map(([key, b]) => ({
                serverType: "Ecs",
                serverId: b.instanceId,
                // Checked when known, so a wrong address stops the server group before it is created.
                serverIp: checkedWhenKnown(isIpv6Backend(b) ? b.ipv6Address : b.ipv4Address, `${TYPE} '${name}'`, (p, text) =>
                    checkBackendAddress(p, `backends.${key}`, text, isIpv6Backend(b) ? 6 : 4, b.vSwitch, vpc.vSwitches[b.vSwitch])),
                port: b.port ?? 80,
                // Always explicit: the provider's default weight 0 gives a server no traffic.
                weight: b.weight ?? 100,
                description: b.description,
            })),
            tags: args.tags,
        }, childOpts);

        const listener = createForwardingListener(`${name}-listener`, alb.id, serverGroup.id, args.listener, childOpts);

        const securityGroups = args.securityGroups ?? {};
        const priority = args.backendIngress?.priority ?? 1;
        for (const rule of plan.rules) {
            const what = rule.protocol === "tcp" ? `tcp${rule.port}` : "icmpv6";
            const source = rule.source ?? vpc.vSwitches[rule.albVSwitch!].ipv6CidrBlock!;
            new alicloud.ecs.SecurityGroupRule(`${name}-${rule.securityGroup}-${what}-${sourceSlug(rule)}`, {
                securityGroupId: securityGroups[rule.securityGroup],
                type: "ingress",
                policy: "accept",
                // VPC security groups take intranet rules; the provider's default is internet.
                nicType: "intranet",
                ipProtocol: rule.protocol,
                portRange: rule.protocol === "tcp" ? `${rule.port}/${rule.port}` : "-1/-1",
                cidrIp: rule.family === 4 ? source : undefined,
                ipv6CidrIp: rule.family === 6 ? source : undefined,
                priority,
                description: `${name}: ${rule.protocol === "tcp" ? `ALB to backend port ${rule.port}` : "ICMPv6 to IPv6 backends"}`,
            }, childOpts);
        }

        for (const [key, b] of Object.entries(args.backends ?? {})) {
            if (!isIpv6Backend(b) || !b.ipv6InternetBandwidth) continue;
            new alicloud.vpc.Ipv6InternetBandwidth(`${name}-${key}-ipv6bw`, {
                ipv6AddressId: b.ipv6InternetBandwidth.ipv6AddressId,
                ipv6GatewayId: (args.ipv6GatewayId ?? vpc.ipv6GatewayId)!,
                bandwidth: b.ipv6InternetBandwidth.bandwidth,
                internetChargeType: b.ipv6InternetBandwidth.internetChargeType ?? "PayByBandwidth",
            }, childOpts);
        }

        if (args.dns) {
            const record = albCnameRecord(name, args.dns, alb.dnsName, childOpts);
            this.fqdn = record.fqdn;
            this.dnsRecordId = record.recordId;
        }

        this.intendedFlows = dualStackFlows(args, plan, alb);
        const addresses = (pick: (a: { address: string; ipv6Address: string }) => string) =>
            alb.zoneMappings.apply(zones => (zones ?? []).flatMap(z => (z.loadBalancerAddresses ?? []).map(pick)).filter(a => !!a));
        this.loadBalancerId = alb.id;
        this.dnsName = alb.dnsName;
        this.ipv4Addresses = addresses(a => a.address);
        this.ipv6Addresses = addresses(a => a.ipv6Address);
        this.serverGroupId = serverGroup.id;
        this.listenerId = listener.id;

        this.registerOutputs({
            loadBalancerId: this.loadBalancerId,
            dnsName: this.dnsName,
            ipv4Addresses: this.ipv4Addresses,
            ipv6Addresses: this.ipv6Addresses,
            serverGroupId: this.serverGroupId,
            listenerId: this.listenerId,
            dnsRecordId: this.dnsRecordId,
            fqdn: this.fqdn,
        });
    }
}
