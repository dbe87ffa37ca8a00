/**
 * Stack-wide rules that no single component can see: they look across every resource of a
 * stack, including ones users add beside the components. Pure functions over the resources the
 * engine hands a policy pack, so they are unit-tested with sample resources.
 */
import type { ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { findOverlaps, parseCidr, NamedCidr } from "../components/net";

/** The part of a policy resource these rules read. */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
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

/** Ports served by load-balancer listeners anywhere in the stack. */
function listenerPorts(resources: readonly StackResource[]): Set<number> {
    const ports = new Set<number>();
    for (const r of resources) {
        if (r.type === "alicloud:alb/listener:Listener" && typeof r.props.listenerPort === "number") ports.add(r.props.listenerPort);
        if (r.type === "aws:lb/listener:Listener" && typeof r.props.port === "number") ports.add(r.props.port);
    }
    return ports;
}

/** A world-open ingress rule, normalised across providers: the port range it opens, or "all". */
interface WorldIngress {
    resource: StackResource;
    source: string;
    ports: { from: number; to: number } | "all";
}

function parsePortRange(text: unknown): { from: number; to: number } | "all" {
    const match = /^(-?\d+)\/(-?\d+)$/.exec(String(text ?? ""));
    if (!match || Number(match[1]) < 1) return "all";
    return { from: Number(match[1]), to: Number(match[2]) };
}

function worldIngress(r: StackResource): WorldIngress[] {
    const p = r.props;
    if (r.type === "alicloud:ecs/securityGroupRule:SecurityGroupRule" && p.type === "ingress" && (p.policy ?? "accept") === "accept") {
        const source = [p.cidrIp, p.ipv6CidrIp].find(s => WORLD.has(s));
        if (!source) return [];
        return [{ resource: r, source, ports: p.ipProtocol === "all" ? "all" : parsePortRange(p.portRange) }];
    }
    if (r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
        const source = [p.cidrIpv4, p.cidrIpv6].find(s => WORLD.has(s));
        if (!source) return [];
        return [{ resource: r, source, ports: p.ipProtocol === "-1" ? "all" : { from: p.fromPort, to: p.toPort } }];
    }
    if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule" && p.type === "ingress") {
        const source = [...(p.cidrBlocks ?? []), ...(p.ipv6CidrBlocks ?? [])].find((s: string) => WORLD.has(s));
        if (!source) return [];
        return [{ resource: r, source, ports: p.protocol === "-1" || p.protocol === "all" ? "all" : { from: p.fromPort, to: p.toPort } }];
    }
    if (r.type === "aws:ec2/securityGroup:SecurityGroup") {
        return (p.ingress ?? []).flatMap((rule: any) => {
            const source = [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])].find((s: string) => WORLD.has(s));
            if (!source) return [];
            return [{ resource: r, source, ports: rule.protocol === "-1" ? "all" : { from: rule.fromPort, to: rule.toPort } }];
        });
    }
    return [];
}

/** No ingress from 0.0.0.0/0 or ::/0, except on ports a load-balancer listener serves. */
export function checkWorldIngress(resources: readonly StackResource[], report: ReportViolation): void {
    const allowed = listenerPorts(resources);
    for (const rule of resources.flatMap(worldIngress)) {
        if (rule.ports === "all") {
            report(`${rule.resource.name} opens every port to ${rule.source}; open only the listener ports.`, rule.resource.urn);
            continue;
        }
        const { from, to } = rule.ports;
        const ports = Array.from({ length: Math.max(0, Math.min(to - from + 1, 65536)) }, (_, i) => from + i);
        const extra = ports.filter(port => !allowed.has(port));
        if (extra.length > 0) {
            const range = from === to ? `port ${from}` : `ports ${from}-${to}`;
            report(`${rule.resource.name} opens ${range} to ${rule.source}, but no load-balancer listener serves ${extra.length === 1 ? `port ${extra[0]}` : `${extra.length} of them`}; restrict the source or the ports.`, rule.resource.urn);
        }
    }
}

/** No public IP on Fargate tasks, nor on ECS instances that serve as ALB backends. */
export function checkPublicBackends(resources: readonly StackResource[], report: ReportViolation): void {
    // Server ids are unknown during a preview, so a backend is also recognised by the server
    // group's dependency on the instance.
    const backends = new Set<string>();
    for (const r of resources.filter(x => x.type === "alicloud:alb/serverGroup:ServerGroup")) {
        for (const server of r.props.servers ?? []) if (server.serverId) backends.add(server.serverId);
        for (const dependency of r.dependencies ?? []) backends.add(dependency.urn);
    }
    for (const r of resources) {
        if (r.type === "aws:ecs/service:Service" && r.props.networkConfiguration?.assignPublicIp === true) {
            report(`${r.name} gives its Fargate tasks public IPs; run them in private subnets with VPC endpoints or a NAT gateway.`, r.urn);
        }
        if (r.type === "alicloud:ecs/instance:Instance" && (r.props.internetMaxBandwidthOut ?? 0) > 0 && (backends.has(r.urn) || backends.has(r.props.id))) {
            report(`${r.name} is an ALB backend with a public IP; backends are reached through the ALB only.`, r.urn);
        }
    }
}

/** Every ALB server carries traffic: a zero (or missing) weight silently takes a server out. */
export function checkServerWeights(resources: readonly StackResource[], report: ReportViolation): void {
    for (const r of resources.filter(x => x.type === "alicloud:alb/serverGroup:ServerGroup")) {
        (r.props.servers ?? []).forEach((server: any, i: number) => {
            if (!(typeof server.weight === "number" && server.weight > 0)) {
                report(`${r.name} server ${i} (${server.serverIp ?? server.serverId}) has weight ${server.weight ?? "unset"}, so it gets no traffic; set a weight from 1 to 100.`, r.urn);
            }
        });
    }
}

/** Clusters in production stacks are protected from deletion. */
export function checkClusterProtection(resources: readonly StackResource[], report: ReportViolation, config: TopologiesPolicyConfig = {}): void {
    const production = new Set(config.productionStacks ?? ["prod"]);
    for (const r of resources.filter(x => x.type === "alicloud:cs/managedKubernetes:ManagedKubernetes")) {
        if (production.has(stackOfUrn(r.urn)) && r.props.deletionProtection !== true) {
            report(`${r.name} is a cluster in production stack '${stackOfUrn(r.urn)}' without deletion protection; set deletionProtection: true.`, r.urn);
        }
    }
}

/** No two VPCs of a stack overlap, across clouds: they may be peered or joined later. */
export function checkVpcOverlaps(resources: readonly StackResource[], report: ReportViolation): void {
    const blocks: Array<NamedCidr & { urn: string }> = [];
    for (const r of resources) {
        const isVpc = r.type === "alicloud:vpc/network:Network" || r.type === "aws:ec2/vpc:Vpc";
        if (!isVpc || typeof r.props.cidrBlock !== "string") continue;
        try {
            blocks.push({ name: r.name, cidr: parseCidr(r.props.cidrBlock), urn: r.urn });
        } catch {
            // A malformed block is the component's or the provider's error to report, not this rule's.
        }
    }
    for (const [a, b] of findOverlaps(blocks)) {
        report(`VPC ${b.name} ${b.cidr.text} overlaps VPC ${a.name} ${a.cidr.text}; give every VPC of the stack a disjoint block.`, b.urn);
    }
}

/** The pack's policies, each a stack validation over all resources. */
export const policies: StackValidationPolicy[] = [
    {
        name: "no-world-ingress-except-listeners",
        description: "No security group ingress from 0.0.0.0/0 or ::/0 except on load-balancer listener ports.",
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
        description: "Every ALB server group member has a weight above zero.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkServerWeights(args.resources, report),
    },
    {
        name: "cluster-deletion-protection-in-prod",
        description: "ACK clusters in production stacks have deletion protection on.",
        enforcementLevel: "mandatory",
        configSchema: { properties: { productionStacks: { type: "array", items: { type: "string" } } } },
        validateStack: (args, report) => checkClusterProtection(args.resources, report, args.getConfig<TopologiesPolicyConfig>()),
    },
    {
        name: "no-vpc-cidr-overlap",
        description: "No two VPCs of a stack have overlapping CIDR blocks.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkVpcOverlaps(args.resources, report),
    },
];
