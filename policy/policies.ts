/**
 * Stack-wide rules that no single component can see: they look across every resource of a
 * stack, including ones users add beside the components. Pure functions over the resources the
 * engine hands a policy pack, so they are unit-tested with sample resources.
 */
import type { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { findOverlaps, parseCidr, NamedCidr } from "../components/net";
// The argument shapes only (no resources): the pack runs without the components' providers.
import { ALB_SERVER_WEIGHT } from "../components/alicloud/albCommon/args";

/** The part of a policy resource these rules read. */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: PolicyResource["props"];
    /** Resources this one depends on (including through its inputs). */
    dependencies?: ReadonlyArray<{ urn: string }>;
}

/** Configuration of the pack; every field has a default. */
export interface TopologiesPolicyConfig {
    /** Stacks that must protect clusters from deletion. Default: `["prod"]`. */
    productionStacks?: string[];
}

const WORLD = new Set(["0.0.0.0/0", "::/0"]);

/** Stack name from a URN, `urn:pulumi:<stack>::<project>::…`. */
export function stackOfUrn(urn: string): string {
    return urn.split("::")[0].split(":").pop() ?? "";
}

/**
 * Reads a property that may be unknown during a preview. The engine hands a stack policy proxies
 * that throw on an unknown value, and one throw turns the whole policy into an advisory "can't run
 * during preview" for every resource of the stack; reading through this skips only that value.
 */
function known<T, F = undefined>(read: () => T, fallback?: F): T | F {
    try {
        return read();
    } catch (e) {
        if ((e as object | undefined)?.constructor?.name === "UnknownValueError") return fallback as F;
        throw e;
    }
}

/** A property value as the engine hands it over: any shape, as the SDK types `props`. */
type PropertyValue = PolicyResource["props"][string];

/** The known elements of a list property (none when the list itself is unknown). */
function knownItems(read: () => unknown): PropertyValue[] {
    const list = known(read);
    if (!Array.isArray(list)) return [];
    const items: PropertyValue[] = [];
    for (let i = 0; i < list.length; i++) {
        const item = known(() => list[i]);
        if (item !== undefined) items.push(item);
    }
    return items;
}

/** Ports served by load-balancer listeners anywhere in the stack. */
function listenerPorts(resources: readonly StackResource[]): Set<number> {
    const ports = new Set<number>();
    for (const r of resources) {
        const port =
            r.type === "alicloud:alb/listener:Listener"
                ? known(() => r.props.listenerPort)
                : r.type === "aws:lb/listener:Listener"
                  ? known(() => r.props.port)
                  : undefined;
        if (typeof port === "number") ports.add(port);
    }
    return ports;
}

/**
 * Security groups (by URN) of network interfaces that answer on their own public addresses: an
 * ENI that an EIP is associated with (S2's sites). Found through dependencies, since ids are
 * unknown in a preview: association → ENI → security group.
 */
/** The widest range a public server may open to the world, and the ports it may never open. */
const PUBLIC_SERVICE_RANGE = 16;
const ADMIN_PORTS = [22, 3389];

function publicInterfaceGroups(resources: readonly StackResource[]): Set<string> {
    const byUrn = new Map(resources.map(r => [r.urn, r]));
    const groups = new Set<string>();
    for (const association of resources.filter(
        r => r.type === "alicloud:ecs/eipAssociation:EipAssociation" && known(() => r.props.mode ?? "NAT") === "NAT",
    )) {
        for (const eni of (association.dependencies ?? []).map(d => byUrn.get(d.urn))) {
            if (eni?.type !== "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface") continue;
            for (const group of eni.dependencies ?? []) {
                if (byUrn.get(group.urn)?.type === "alicloud:ecs/securityGroup:SecurityGroup") groups.add(group.urn);
            }
        }
    }
    return groups;
}

/**
 * A world-open ingress rule, normalised across providers: the port range it opens, "all" for
 * every protocol and port, or the name of a portless protocol (GRE, ESP…) it opens.
 */
interface WorldIngress {
    resource: StackResource;
    source: string;
    ports: { from: number; to: number } | "all" | { protocol: string };
}

/**
 * ICMP opens no port, and ICMPv6 from anywhere is what IPv6 needs to work at all (Packet Too Big
 * for path MTU discovery, RFC 4890; S3 opens it from ::/0), so neither is world exposure here.
 * AWS names protocols by name or IANA number; "-1" (and "all" on the legacy rule) is everything.
 */
const ICMP = new Set(["icmp", "icmpv6", "1", "58"]);
const PORTED = new Set(["tcp", "udp", "6", "17"]);

function scopeOf(
    protocol: unknown,
    portRange: () => { from: number; to: number } | "all" | undefined,
): WorldIngress["ports"] | undefined {
    const name = String(protocol).toLowerCase();
    if (name === "-1" || name === "all") return "all";
    if (ICMP.has(name)) return undefined;
    return PORTED.has(name) ? portRange() : { protocol: name };
}

function parsePortRange(text: unknown): { from: number; to: number } | "all" {
    const match = /^(-?\d+)\/(-?\d+)$/.exec(String(text ?? ""));
    if (!match || Number(match[1]) < 1) return "all";
    return { from: Number(match[1]), to: Number(match[2]) };
}

/** AWS ports; unknown (or missing) bounds leave nothing to judge, so the rule is skipped. */
function awsPorts(from: unknown, to: unknown): { from: number; to: number } | undefined {
    return typeof from === "number" && typeof to === "number" ? { from, to } : undefined;
}

function worldSource(candidates: unknown[]): string | undefined {
    return candidates.find((s): s is string => typeof s === "string" && WORLD.has(s));
}

function worldIngress(r: StackResource): WorldIngress[] {
    const p = r.props;
    const rule = (source: string | undefined, ports: WorldIngress["ports"] | undefined): WorldIngress[] =>
        source && ports ? [{ resource: r, source, ports }] : [];
    if (r.type === "alicloud:ecs/securityGroupRule:SecurityGroupRule") {
        if (known(() => p.type) !== "ingress" || known(() => p.policy ?? "accept") !== "accept") return [];
        const source = worldSource([known(() => p.cidrIp), known(() => p.ipv6CidrIp)]);
        return rule(
            source,
            known(() => scopeOf(p.ipProtocol, () => parsePortRange(p.portRange))),
        );
    }
    if (r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
        const source = worldSource([known(() => p.cidrIpv4), known(() => p.cidrIpv6)]);
        return rule(
            source,
            known(() => scopeOf(p.ipProtocol, () => awsPorts(p.fromPort, p.toPort))),
        );
    }
    if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule") {
        if (known(() => p.type) !== "ingress") return [];
        const source = worldSource([...knownItems(() => p.cidrBlocks), ...knownItems(() => p.ipv6CidrBlocks)]);
        return rule(
            source,
            known(() => scopeOf(p.protocol, () => awsPorts(p.fromPort, p.toPort))),
        );
    }
    if (r.type === "aws:ec2/securityGroup:SecurityGroup") {
        return knownItems(() => p.ingress).flatMap((inline: PropertyValue) => {
            const source = worldSource([
                ...knownItems(() => inline.cidrBlocks),
                ...knownItems(() => inline.ipv6CidrBlocks),
            ]);
            return rule(
                source,
                known(() => scopeOf(inline.protocol, () => awsPorts(inline.fromPort, inline.toPort))),
            );
        });
    }
    return [];
}

/**
 * No ingress from 0.0.0.0/0 or ::/0, except on ports a load-balancer listener serves, or on ports
 * of a group whose network interface answers on its own EIPs.
 */
export function checkWorldIngress(resources: readonly StackResource[], report: ReportViolation): void {
    const allowed = listenerPorts(resources);
    const publicGroups = publicInterfaceGroups(resources);
    for (const rule of resources.flatMap(worldIngress)) {
        // A server on its own EIPs is public by design: a few service ports may be open, never
        // a wide range nor the remote-administration ports.
        const onPublicInterface = (rule.resource.dependencies ?? []).some(d => publicGroups.has(d.urn));
        if (rule.ports === "all") {
            report(
                `${rule.resource.name} opens every port to ${rule.source}; open only the listener ports.`,
                rule.resource.urn,
            );
            continue;
        }
        if ("protocol" in rule.ports) {
            report(
                `${rule.resource.name} opens protocol ${rule.ports.protocol} to ${rule.source}; open only the listener ports.`,
                rule.resource.urn,
            );
            continue;
        }
        const { from, to } = rule.ports;
        if (onPublicInterface && to - from < PUBLIC_SERVICE_RANGE && !ADMIN_PORTS.some(p => p >= from && p <= to))
            continue;
        const ports = Array.from({ length: Math.max(0, Math.min(to - from + 1, 65536)) }, (_, i) => from + i);
        const extra = ports.filter(port => !allowed.has(port));
        if (extra.length > 0) {
            const range = from === to ? `port ${from}` : `ports ${from}-${to}`;
            report(
                `${rule.resource.name} opens ${range} to ${rule.source}, but no load-balancer listener serves ${extra.length === 1 ? `port ${extra[0]}` : `${extra.length} of them`}; restrict the source or the ports.`,
                rule.resource.urn,
            );
        }
    }
}

/** No public IP on Fargate tasks, nor on ECS instances that serve as ALB backends. */
export function checkPublicBackends(resources: readonly StackResource[], report: ReportViolation): void {
    // A policy sees outputs without the resource id, and server ids are unknown in a preview, so a
    // backend is recognised by the server group's dependency on the instance (through serverId).
    const backends = new Set<string>();
    for (const r of resources.filter(x => x.type === "alicloud:alb/serverGroup:ServerGroup")) {
        for (const dependency of r.dependencies ?? []) backends.add(dependency.urn);
    }
    for (const r of resources) {
        if (
            r.type === "aws:ecs/service:Service" &&
            known(() => r.props.networkConfiguration?.assignPublicIp) === true
        ) {
            report(
                `${r.name} gives its Fargate tasks public IPs; run them in private subnets with VPC endpoints or a NAT gateway.`,
                r.urn,
            );
        }
        if (
            r.type === "alicloud:ecs/instance:Instance" &&
            backends.has(r.urn) &&
            known(() => r.props.internetMaxBandwidthOut ?? 0, 0) > 0
        ) {
            report(`${r.name} is an ALB backend with a public IP; backends are reached through the ALB only.`, r.urn);
        }
    }
}

/**
 * Every ALB server carries traffic: a zero (or missing) weight silently takes a server out, and
 * the API refuses a weight above 100. The same range the ALB components accept (ALB_SERVER_WEIGHT).
 */
export function checkServerWeights(resources: readonly StackResource[], report: ReportViolation): void {
    const UNKNOWN = Symbol("unknown");
    const { min, max } = ALB_SERVER_WEIGHT;
    for (const r of resources.filter(x => x.type === "alicloud:alb/serverGroup:ServerGroup")) {
        knownItems(() => r.props.servers).forEach((server: PropertyValue, i: number) => {
            const weight = known(() => server.weight, UNKNOWN);
            if (weight === UNKNOWN || (Number.isInteger(weight) && weight >= min && weight <= max)) return;
            const label = known(() => server.serverIp) ?? known(() => server.serverId) ?? "id known after apply";
            const why = typeof weight === "number" && weight > 0 ? "which ALB refuses" : "so it gets no traffic";
            report(
                `${r.name} server ${i} (${label}) has weight ${weight ?? "unset"}, ${why}; set a weight from ${min} to ${max}.`,
                r.urn,
            );
        });
    }
}

/** Clusters in production stacks are protected from deletion. */
export function checkClusterProtection(
    resources: readonly StackResource[],
    report: ReportViolation,
    config: TopologiesPolicyConfig = {},
): void {
    const production = new Set(config.productionStacks ?? ["prod"]);
    for (const r of resources.filter(x => x.type === "alicloud:cs/managedKubernetes:ManagedKubernetes")) {
        // An unknown flag is judged when it is known, at the update.
        if (production.has(stackOfUrn(r.urn)) && known(() => r.props.deletionProtection, true) !== true) {
            report(
                `${r.name} is a cluster in production stack '${stackOfUrn(r.urn)}' without deletion protection; set deletionProtection: true.`,
                r.urn,
            );
        }
    }
}

/** No two VPCs of a stack overlap, across clouds: they may be peered or joined later. */
export function checkVpcOverlaps(resources: readonly StackResource[], report: ReportViolation): void {
    const blocks: Array<NamedCidr & { urn: string }> = [];
    for (const r of resources) {
        const isVpc = r.type === "alicloud:vpc/network:Network" || r.type === "aws:ec2/vpc:Vpc";
        const cidrBlock = isVpc ? known(() => r.props.cidrBlock) : undefined;
        if (typeof cidrBlock !== "string") continue;
        try {
            blocks.push({ name: r.name, cidr: parseCidr(cidrBlock), urn: r.urn });
        } catch {
            // A malformed block is the component's or the provider's error to report, not this rule's.
        }
    }
    for (const [a, b] of findOverlaps(blocks)) {
        report(
            `VPC ${b.name} ${b.cidr.text} overlaps VPC ${a.name} ${a.cidr.text}; give every VPC of the stack a disjoint block.`,
            b.urn,
        );
    }
}

/** The pack's policies, each a stack validation over all resources. */
export const policies: StackValidationPolicy[] = [
    {
        name: "no-world-ingress-except-listeners",
        description:
            "No security group ingress from 0.0.0.0/0 or ::/0 except on load-balancer listener ports and on the ports of a server answering on its own EIPs.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkWorldIngress(args.resources, report),
    },
    {
        name: "no-public-ip-on-backends",
        description: "No public IP on Fargate tasks or on ECS instances behind an ALB.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkPublicBackends(args.resources, report),
    },
    {
        name: "alb-server-weight-set",
        description: "Every ALB server group member has a weight from 1 to 100.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkServerWeights(args.resources, report),
    },
    {
        name: "cluster-deletion-protection-in-prod",
        description: "ACK clusters in production stacks have deletion protection on.",
        enforcementLevel: "mandatory",
        configSchema: { properties: { productionStacks: { type: "array", items: { type: "string" } } } },
        validateStack: (args, report) =>
            checkClusterProtection(args.resources, report, args.getConfig<TopologiesPolicyConfig>()),
    },
    {
        name: "no-vpc-cidr-overlap",
        description: "No two VPCs of a stack have overlapping CIDR blocks.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkVpcOverlaps(args.resources, report),
    },
];
