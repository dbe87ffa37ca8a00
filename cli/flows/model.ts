/**
 * The network model the reachability verifier walks: networks (VPCs) with their subnets, route
 * tables with their entries, transit routers and the attachments between them, security groups
 * with their rules, and the public front ends (load balancers, EIPs, gateways). Both clouds are
 * read into this one shape (./alicloud, ./aws); the walk (./walk) knows no provider types.
 *
 * Every fact that gets a packet through names the resource that made it (a {@link Hop}), so a
 * break can be reported at the hop that is missing.
 */
import { Cidr, cidrContains, parseCidr, parseIp } from "../../components/net";

/** What carried a packet one step, or stopped it. */
export interface Hop {
    /** Kind of hop: `route`, `association`, `propagation`, `peering`, `attachment`, `rule`, `endpoint`, `gateway`, `listener`, `address`, … */
    readonly kind: string;
    /** Logical name of the resource that makes the hop (empty for what the cloud does itself). */
    readonly resource: string;
    /** Pulumi type of that resource. */
    readonly type?: string;
    /** What happened, e.g. `192.168.7.0/24 → tr-attach-…`. */
    readonly detail: string;
    /** False when the rule behind this hop is not confirmed by the cloud's documentation. */
    readonly confirmed?: boolean;
}

/** Where a route sends a packet. */
export type RouteTarget =
    | { readonly kind: "local" }
    | { readonly kind: "attachment"; readonly id: string }
    | { readonly kind: "internetGateway"; readonly id: string }
    | { readonly kind: "natGateway"; readonly id: string }
    | { readonly kind: "gatewayEndpoint"; readonly id: string; readonly service: string }
    | { readonly kind: "blackhole" }
    | { readonly kind: "other"; readonly what: string };

/** One entry of a route table. */
export interface Route {
    /** Destination block (canonical), or a prefix list id (`pl-…`) for gateway endpoints. */
    readonly destination: string;
    readonly target: RouteTarget;
    /** The resource that wrote (or taught) the entry. */
    readonly hop: Hop;
    /** Static entries win over learned ones of the same length. */
    readonly learned?: boolean;
}

/** A route table: a VPC's, or a transit router's. */
export interface RouteTable {
    readonly id: string;
    /** How the report names it, e.g. `VPC vpc2 system route table`. */
    readonly label: string;
    readonly routes: Route[];
}

/** A subnet (vSwitch) and the table routing what leaves it. */
export interface Subnet {
    readonly id: string;
    readonly name: string;
    readonly networkId: string;
    /** IPv4 block, and the IPv6 block when it has one. */
    readonly cidrs: string[];
    /** Route table of the subnet: the VPC's system table on Alibaba Cloud; the associated one on AWS. */
    routeTableId?: string;
    /** The association that gave it that table (AWS). */
    routeTableHop?: Hop;
    readonly zone?: string;
}

/** A VPC. */
export interface Network {
    readonly id: string;
    readonly name: string;
    readonly cloud: "alicloud" | "aws";
    readonly region?: string;
    readonly cidrs: string[];
    readonly subnets: Subnet[];
    /** Table of subnets without an association (the VPC's main or system table). */
    readonly defaultRouteTableId?: string;
    /** Internet gateway attached (AWS), IPv6 gateway (Alibaba Cloud). */
    internetGateway?: { readonly id: string; readonly hop: Hop };
}

/** An attachment joining a transit router to a VPC, or two transit routers. */
export interface TransitAttachment {
    readonly id: string;
    readonly kind: "vpc" | "peer";
    /** The transit routers it joins (one for a VPC attachment, two for a peering). */
    readonly routerIds: string[];
    /** The VPC (VPC attachments). */
    readonly networkId?: string;
    /** Bandwidth of an inter-region connection (Mbit/s). */
    readonly bandwidthMbps?: number;
    /** Inter-region connections: the routers advertise their routes to each other (`autoPublishRouteEnabled`). */
    readonly advertises?: boolean;
    readonly hop: Hop;
}

/** A transit router. */
export interface TransitRouter {
    readonly id: string;
    readonly region?: string;
    /** Its route tables (the system one first). */
    readonly tableIds: string[];
    /** Attachment id → table the attachment is associated with (what its traffic is looked up in). */
    readonly associations: Map<string, { readonly tableId: string; readonly hop: Hop }>;
}

/** Protocol of a rule; `all` matches every protocol. */
export type RuleProtocol = "all" | "tcp" | "udp" | "icmp" | "icmpv6";

/** One security-group rule. */
export interface SecurityRule {
    readonly direction: "ingress" | "egress";
    readonly protocol: RuleProtocol;
    readonly fromPort: number;
    readonly toPort: number;
    /** The other side: a block, another group, or a prefix list. */
    readonly peer: { readonly cidr: string } | { readonly securityGroupId: string } | { readonly prefixListId: string };
    readonly policy: "accept" | "drop";
    /** Alibaba Cloud: 1 (first) to 100; AWS rules have none. */
    readonly priority: number;
    readonly hop: Hop;
}

/** A security group. */
export interface SecurityGroup {
    readonly id: string;
    readonly cloud: "alicloud" | "aws";
    /** False for a group the stack only refers to: it may have rules the plan cannot see. */
    readonly known: boolean;
    readonly rules: SecurityRule[];
}

/** A load balancer's public or private front end. */
export interface LoadBalancerFront {
    readonly key: string;
    /** Cloud id (`alb-…`, an ARN on AWS): what listeners name. */
    readonly id: string;
    readonly name: string;
    readonly networkId: string;
    readonly subnetIds: string[];
    /** Reachable from the internet over IPv4, IPv6. */
    readonly internetIpv4: boolean;
    readonly internetIpv6: boolean;
    readonly securityGroupIds: string[];
    /** Listener port → the listener resource. */
    readonly listeners: Map<number, Hop>;
    /** Listener port → the access control list attached to that listener (Alibaba Cloud ALB). */
    readonly acls: Map<number, ListenerAcl>;
    readonly hop: Hop;
}

/**
 * An access control list on a listener: `White` admits only clients inside an entry, `Black`
 * refuses those inside one (ALB's `ListenerAclAttachment` `aclType`).
 */
export interface ListenerAcl {
    readonly type: "White" | "Black";
    /** The blocks of its entry attachments. */
    readonly entries: string[];
    /** The attachment to the listener. */
    readonly hop: Hop;
}

/** A public address in NAT mode bound to a private address. */
export interface ElasticIp {
    readonly key: string;
    readonly id: string;
    readonly hop: Hop;
    /** The binding: private address, network interface and its attachment to an instance. */
    binding?: { readonly privateIp: string; readonly interfaceId: string; readonly hop: Hop };
}

/** A network interface (ENI) or instance with its private addresses and groups. */
export interface Interface {
    readonly id: string;
    readonly name: string;
    readonly subnetId?: string;
    readonly addresses: string[];
    readonly securityGroupIds: string[];
    /** Public address of its own (an instance bought with bandwidth). */
    readonly publicIp?: string;
    /** The attachment of a secondary ENI to its instance. */
    attachment?: Hop;
    readonly hop: Hop;
}

/** A NAT gateway (AWS): the subnet it sits in and whether it has a public address. */
export interface NatGateway {
    readonly id: string;
    readonly subnetId: string;
    readonly publicIp: boolean;
    readonly hop: Hop;
}

/** An AWS interface or gateway endpoint. */
export interface ServiceEndpoint {
    readonly id: string;
    readonly networkId: string;
    /** The service suffix, e.g. `ecr.api`. */
    readonly service: string;
    readonly type: "Interface" | "Gateway";
    readonly subnetIds: string[];
    readonly securityGroupIds: string[];
    readonly privateDns: boolean;
    /** Gateway endpoints: the service's prefix list. */
    readonly prefixListId?: string;
    readonly hop: Hop;
}

/** Everything the walk reads. */
export interface NetworkModel {
    readonly networks: Map<string, Network>;
    readonly subnets: Map<string, Subnet>;
    readonly routeTables: Map<string, RouteTable>;
    readonly routers: Map<string, TransitRouter>;
    readonly attachments: Map<string, TransitAttachment>;
    readonly securityGroups: Map<string, SecurityGroup>;
    readonly loadBalancers: Map<string, LoadBalancerFront>;
    readonly elasticIps: Map<string, ElasticIp>;
    readonly interfaces: Map<string, Interface>;
    readonly natGateways: Map<string, NatGateway>;
    readonly endpoints: ServiceEndpoint[];
}

export function emptyModel(): NetworkModel {
    return {
        networks: new Map(),
        subnets: new Map(),
        routeTables: new Map(),
        routers: new Map(),
        attachments: new Map(),
        securityGroups: new Map(),
        loadBalancers: new Map(),
        elasticIps: new Map(),
        interfaces: new Map(),
        natGateways: new Map(),
        endpoints: [],
    };
}

/** The block of an address or block text: `10.0.0.5` → `10.0.0.5/32`; undefined when it is neither. */
export function asBlock(text: string): string | undefined {
    try {
        if (text.includes("/")) return parseCidr(text).text;
        const ip = parseIp(text);
        return `${ip.text}/${ip.family === 4 ? 32 : 128}`;
    } catch {
        return undefined;
    }
}

/** Parsed blocks: a walk compares the same few dozen blocks thousands of times. */
const parsedBlocks = new Map<string, Cidr>();

/** The parsed form of a canonical block, parsed once per process. */
export function parsed(block: string): Cidr {
    let found = parsedBlocks.get(block);
    if (!found) {
        found = parseCidr(block);
        parsedBlocks.set(block, found);
    }
    return found;
}

/** The hop a recorded resource makes. */
export function hopOf(
    r: { readonly name: string; readonly type: string },
    kind: string,
    detail: string,
    confirmed = true,
): Hop {
    return { kind, resource: r.name, type: r.type, detail, ...(confirmed ? {} : { confirmed: false }) };
}

/** The non-empty strings of a list input (ids, blocks); none when it is not a list. */
export function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v !== "") : [];
}

/** The address of a single-address block (`10.0.0.5/32` → `10.0.0.5`); a wider block stays as it is. */
export function addressOf(block: string): string {
    return block.replace(/\/(32|128)$/, "");
}

/** The network interface (ENI or instance) holding the address of `block`, if the plan has one. */
export function interfaceHolding(model: NetworkModel, block: string): Interface | undefined {
    const address = addressOf(block);
    return [...model.interfaces.values()].find(i => i.addresses.includes(address));
}

/** The blocks among the values (a VPC's IPv4 and IPv6 blocks, say), canonical; what is not a block is left out. */
export function blocksOf(...values: unknown[]): string[] {
    return values
        .filter((v): v is string => typeof v === "string" && v !== "")
        .map(asBlock)
        .filter((c): c is string => c !== undefined);
}

/**
 * The model's group of that id, made on first sight: `known` when the stack builds it, unknown
 * when only a rule refers to it (an existing group, which may hold rules the plan cannot see).
 */
export function securityGroupOf(
    model: NetworkModel,
    cloud: SecurityGroup["cloud"],
    id: string,
    known: boolean,
): SecurityGroup {
    let group = model.securityGroups.get(id);
    if (!group || (known && !group.known)) {
        group = { id, cloud, known, rules: group?.rules ?? [] };
        model.securityGroups.set(id, group);
    }
    return group;
}

/** IP version of a block. */
export function familyOf(block: string): 4 | 6 {
    return block.includes(":") ? 6 : 4;
}

/**
 * Longest-prefix match: the entry whose destination holds the whole of `block` with the longest
 * prefix; at equal length a static entry before a learned one, then the first written (the order
 * between a static and a learned entry of one destination is assumed, not confirmed; a static
 * entry and an advertised one for the same block would meet there). Prefix-list destinations are
 * matched by the caller.
 */
export function longestPrefixMatch(routes: readonly Route[], block: string): Route | undefined {
    let best: Route | undefined;
    let bestPrefix = -1;
    const wanted = parsed(block);
    for (const route of routes) {
        if (!route.destination.includes("/")) continue;
        const destination = parsed(route.destination);
        if (!cidrContains(destination, wanted)) continue;
        const prefix = destination.prefix;
        if (prefix > bestPrefix || (prefix === bestPrefix && best?.learned && !route.learned)) {
            best = route;
            bestPrefix = prefix;
        }
    }
    return best;
}
