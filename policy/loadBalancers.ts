/**
 * Which ports each security group may open to the world because a load balancer it is attached
 * to listens on them. A listener exempts its port only on the groups of its own load balancer:
 * the tasks', the backends' and a cluster's groups are never exempt because some balancer of the
 * stack listens on the same port.
 *
 * Load balancers and their groups (node_modules/@pulumi/{aws,alicloud} .d.ts):
 * - `aws:lb/loadBalancer`, `aws:alb/loadBalancer`: `securityGroups`; listeners `aws:lb/listener`,
 *   `aws:alb/listener` with `port`, `protocol` and `loadBalancerArn`.
 * - `aws:elb/loadBalancer` (classic): `securityGroups` and inline `listeners[].lbPort`.
 * - `alicloud:nlb/loadBalancer`: `securityGroupIds`; `alicloud:nlb/listener` with `listenerPort`
 *   (0 with `startPort`/`endPort` for a port range), `listenerProtocol`, `loadBalancerId`.
 * - `alicloud:alb/loadBalancer` has no group argument; a group joins it through
 *   `alicloud:alb/loadBalancerSecurityGroupAttachment` (`loadBalancerId`, `securityGroupId`:
 *   LoadBalancerJoinSecurityGroup, aliyun/terraform-provider-alicloud
 *   alicloud/resource_alicloud_alb_load_balancer_security_group_attachment.go), as for NLB with
 *   `alicloud:nlb/loadBalancerSecurityGroupAttachment`; `alicloud:alb/listener` has
 *   `listenerPort`, `listenerProtocol` (HTTP, HTTPS or QUIC, which runs over UDP) and
 *   `loadBalancerId`.
 */
import { SECURITY_GROUP_TYPES } from "./ingress";
import { asNumber, field, known, knownItems, StackIndex, StackResource } from "./resources";

/** An inclusive port range. */
export interface PortRange {
    readonly from: number;
    readonly to: number;
}

/** Ports a group may open to the world, per transport. */
export interface ListenerPorts {
    tcp: PortRange[];
    udp: PortRange[];
}

const LOAD_BALANCER_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws:elb/loadBalancer:LoadBalancer",
    "alicloud:alb/loadBalancer:LoadBalancer",
    "alicloud:nlb/loadBalancer:LoadBalancer",
]);

/** Where a load balancer type names its groups. */
const GROUPS_PROPERTY: Readonly<Record<string, string>> = {
    "aws:lb/loadBalancer:LoadBalancer": "securityGroups",
    "aws:alb/loadBalancer:LoadBalancer": "securityGroups",
    "aws:elb/loadBalancer:LoadBalancer": "securityGroups",
    "alicloud:nlb/loadBalancer:LoadBalancer": "securityGroupIds",
};

const ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
    "alicloud:alb/loadBalancerSecurityGroupAttachment:LoadBalancerSecurityGroupAttachment",
    "alicloud:nlb/loadBalancerSecurityGroupAttachment:LoadBalancerSecurityGroupAttachment",
]);

/** A listener: the load balancer it belongs to (as keys), its port range and transports. */
interface Listener {
    balancers: string[];
    range: PortRange | undefined;
    transports: Array<"tcp" | "udp">;
}

/** AWS: UDP and TCP_UDP listeners (NLB) take UDP; every other protocol is over TCP. */
function awsTransports(protocol: unknown): Array<"tcp" | "udp"> {
    const p = typeof protocol === "string" ? protocol.trim().toUpperCase() : "";
    return p === "UDP" ? ["udp"] : p === "TCP_UDP" ? ["tcp", "udp"] : ["tcp"];
}

/** Alibaba Cloud: NLB UDP and ALB QUIC listeners take UDP. */
function alicloudTransports(protocol: unknown): Array<"tcp" | "udp"> {
    const p = typeof protocol === "string" ? protocol.trim().toUpperCase() : "";
    return p === "UDP" || p === "QUIC" ? ["udp"] : ["tcp"];
}

function single(port: unknown): PortRange | undefined {
    const n = asNumber(port);
    return n !== undefined && n > 0 ? { from: n, to: n } : undefined;
}

function listenersOf(stack: StackIndex, r: StackResource): Listener[] {
    const p = r.props;
    switch (r.type) {
        case "aws:lb/listener:Listener":
        case "aws:alb/listener:Listener":
            return [
                {
                    balancers: stack.pointsAt(r, "loadBalancerArn", LOAD_BALANCER_TYPES),
                    range: single(known(() => p.port)),
                    transports: awsTransports(known(() => p.protocol)),
                },
            ];
        case "aws:elb/loadBalancer:LoadBalancer":
            return knownItems(() => p.listeners).map(l => ({
                balancers: [r.urn],
                range: single(field(l, "lbPort")),
                transports: ["tcp" as const],
            }));
        case "alicloud:alb/listener:Listener":
        case "alicloud:nlb/listener:Listener": {
            const port = asNumber(known(() => p.listenerPort));
            const [start, end] = [asNumber(known(() => p.startPort)), asNumber(known(() => p.endPort))];
            // An NLB listener on port 0 listens on startPort to endPort.
            const range =
                port === 0 && start !== undefined && end !== undefined && start <= end
                    ? { from: start, to: end }
                    : single(port);
            return [
                {
                    balancers: stack.pointsAt(r, "loadBalancerId", LOAD_BALANCER_TYPES),
                    range,
                    transports: alicloudTransports(known(() => p.listenerProtocol)),
                },
            ];
        }
        default:
            return [];
    }
}

/** The groups of each load balancer of the stack, by the balancer's key. */
function groupsOfBalancers(stack: StackIndex): Map<string, Set<string>> {
    const groups = new Map<string, Set<string>>();
    const add = (balancer: string, group: string) => {
        if (!groups.has(balancer)) groups.set(balancer, new Set());
        groups.get(balancer)!.add(group);
    };
    for (const r of stack.resources) {
        const property = GROUPS_PROPERTY[r.type];
        if (property) for (const g of stack.pointsAt(r, property, SECURITY_GROUP_TYPES)) add(r.urn, g);
        if (ATTACHMENT_TYPES.has(r.type)) {
            for (const balancer of stack.pointsAt(r, "loadBalancerId", LOAD_BALANCER_TYPES))
                for (const g of stack.pointsAt(r, "securityGroupId", SECURITY_GROUP_TYPES)) add(balancer, g);
        }
    }
    return groups;
}

/**
 * The ports each group (by key) may open to the world: those its load balancers listen on. A
 * listener whose port or load balancer cannot be told yet exempts nothing (see checkWorldIngress).
 */
export function listenerPortsByGroup(stack: StackIndex): Map<string, ListenerPorts> {
    const groupsOf = groupsOfBalancers(stack);
    const ports = new Map<string, ListenerPorts>();
    for (const r of stack.resources) {
        for (const listener of listenersOf(stack, r)) {
            if (!listener.range) continue;
            for (const balancer of listener.balancers) {
                for (const group of groupsOf.get(balancer) ?? []) {
                    if (!ports.has(group)) ports.set(group, { tcp: [], udp: [] });
                    for (const t of listener.transports) ports.get(group)![t].push(listener.range);
                }
            }
        }
    }
    return ports;
}

/** The parts of `range` that none of `allowed` covers. */
export function uncovered(range: PortRange, allowed: readonly PortRange[]): PortRange[] {
    let rest: PortRange[] = [range];
    for (const a of allowed) {
        rest = rest.flatMap(r => {
            if (a.to < r.from || a.from > r.to) return [r];
            const parts: PortRange[] = [];
            if (a.from > r.from) parts.push({ from: r.from, to: a.from - 1 });
            if (a.to < r.to) parts.push({ from: a.to + 1, to: r.to });
            return parts;
        });
    }
    return rest;
}
