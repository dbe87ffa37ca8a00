/**
 * Ingress rules of every security-group resource type of both providers, normalised into grants:
 * one source block admitted to one scope (a port range of a transport, every protocol, or a
 * portless protocol) on one security group.
 *
 * The property names are the providers' (node_modules/@pulumi/{alicloud,aws} .d.ts) and their
 * Terraform sources:
 * - `alicloud:ecs/securityGroupRule` (alicloud_security_group_rule): `type` ingress|egress,
 *   `policy` accept|drop (default accept), `ipProtocol` tcp|udp|icmp|icmpv6|gre|all, `portRange`
 *   `from/to` (default `-1/-1`), sources `cidrIp`, `ipv6CidrIp`, `prefixListId` (or a source
 *   group), `nicType` internet|intranet (both admit traffic), `securityGroupId`
 *   (aliyun/terraform-provider-alicloud alicloud/resource_alicloud_security_group_rule.go).
 *   `alicloud:ecs/securityGroup` has no inline rules in @pulumi/alicloud 3.108.
 * - `aws:vpc/securityGroupIngressRule` (aws_vpc_security_group_ingress_rule): `ipProtocol`,
 *   `fromPort`/`toPort`, exactly one of `cidrIpv4`, `cidrIpv6`, `prefixListId`,
 *   `referencedSecurityGroupId`; `securityGroupId` (hashicorp/terraform-provider-aws
 *   internal/service/ec2/vpc_security_group_ingress_rule.go).
 * - `aws:ec2/securityGroupRule` (aws_security_group_rule): `type`, `protocol`, `fromPort`/`toPort`,
 *   `cidrBlocks`, `ipv6CidrBlocks`, `prefixListIds`, `self`, `sourceSecurityGroupId`.
 * - `aws:ec2/securityGroup` and `aws:ec2/defaultSecurityGroup`: inline `ingress[]` with the same
 *   fields as the legacy rule; the default group shares the group's rule schema
 *   (`securityGroupRuleSetNestedBlock`, internal/service/ec2/vpc_default_security_group.go).
 * A source group (`sourceSecurityGroupId`, `referencedSecurityGroupId`, `self`) admits members of
 * a group, never the internet, so it grants nothing here. Network ACLs are no security group:
 * they only narrow what a group admits, so they are not read.
 */
import { Block, parseBlock } from "./cidr";
import { asNumber, knownItems, known, knownStrings, PropertyValue, StackIndex, StackResource } from "./resources";

/** Types whose resources are security groups, and whose URN is the group's key. */
export const SECURITY_GROUP_TYPES: ReadonlySet<string> = new Set([
    "alicloud:ecs/securityGroup:SecurityGroup",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
]);

/** Prefix lists of the stack, whose entries a rule admits when it names the list as its source. */
const PREFIX_LIST_TYPES: ReadonlySet<string> = new Set([
    "aws:ec2/managedPrefixList:ManagedPrefixList",
    "alicloud:vpc/prefixList:PrefixList",
]);
const PREFIX_LIST_ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";

/** What a grant opens. */
export type Scope =
    | { kind: "all" }
    | { kind: "ports"; transport: "tcp" | "udp"; from: number; to: number }
    | { kind: "protocol"; protocol: string };

/** One source block admitted to one scope on the security groups `groups`. */
export interface Grant {
    /** The rule, or the group whose inline rule it is. */
    readonly resource: StackResource;
    /** Position of the resource in the stack, to report in a stable order. */
    readonly order: number;
    /**
     * Keys of the group the rule is on (see {@link StackIndex.pointsAt}): one, several when a
     * preview leaves it open which of a few it is, or none when it cannot be told at all.
     */
    readonly groups: readonly string[];
    readonly block: Block;
    readonly scope: Scope;
}

/** IANA numbers AWS accepts in place of names, for the protocols worth naming. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
    "6": "tcp",
    "17": "udp",
    "1": "icmp",
    "58": "icmpv6",
    "47": "gre",
    "50": "esp",
    "51": "ah",
    "132": "sctp",
};

/**
 * The scope of a protocol and its ports. AWS: "-1" is every protocol, and a protocol other than
 * TCP, UDP, ICMP or ICMPv6 opens all its ports (EC2 API, IpPermission.IpProtocol); Alibaba Cloud:
 * "all" is every protocol and `gre` has no ports. ICMP opens no port, and ICMPv6 from anywhere is
 * what IPv6 needs to work at all (Packet Too Big for path MTU discovery, RFC 4890; S3 opens it from
 * ::/0), so neither is world exposure here. An unknown protocol or port is judged once known.
 */
function scopeOf(protocol: unknown, ports: () => { from: number; to: number } | undefined): Scope | undefined {
    if (typeof protocol !== "string" && typeof protocol !== "number") return undefined;
    const raw = String(protocol).trim().toLowerCase();
    const name = PROTOCOL_NAMES[raw] ?? raw;
    if (name === "-1" || name === "all") return { kind: "all" };
    if (name === "icmp" || name === "icmpv6" || name === "") return undefined;
    if (name !== "tcp" && name !== "udp") return { kind: "protocol", protocol: name };
    const range = ports();
    return range && { kind: "ports", transport: name, ...range };
}

/** Alibaba Cloud `from/to`; a TCP or UDP rule without a usable range is read as every port. */
function alicloudPorts(text: unknown): { from: number; to: number } {
    const match = typeof text === "string" ? /^\s*(-?\d+)\s*\/\s*(-?\d+)\s*$/.exec(text) : null;
    const [from, to] = match ? [Number(match[1]), Number(match[2])] : [-1, -1];
    return from < 1 || to < from ? { from: 1, to: 65535 } : { from, to: Math.min(to, 65535) };
}

/** AWS bounds; an unknown or missing bound leaves nothing to judge, so the rule waits. */
function awsPorts(from: unknown, to: unknown): { from: number; to: number } | undefined {
    const [f, t] = [asNumber(from), asNumber(to)];
    if (f === undefined || t === undefined) return undefined;
    // -1 (or 0 to 65535) is every port.
    return f < 0 || t < 0 ? { from: 0, to: 65535 } : { from: f, to: Math.min(t, 65535) };
}

/** The blocks of the prefix lists of the stack that `property` of `r` names. */
function prefixListBlocks(stack: StackIndex, r: StackResource, property: string): unknown[] {
    if (knownStrings(() => r.props[property]).length === 0 && !r.propertyDependencies?.[property]?.length) return [];
    const lists = new Set(
        stack
            .pointsAt(r, property, PREFIX_LIST_TYPES)
            .filter(k => PREFIX_LIST_TYPES.has(stack.resource(k)?.type ?? "")),
    );
    const cidrs: unknown[] = [];
    for (const list of lists) {
        const resource = stack.resource(list)!;
        const entries = [...knownItems(() => resource.props.entries), ...knownItems(() => resource.props.entrys)];
        cidrs.push(...entries.map(e => known(() => e.cidr)));
    }
    for (const entry of stack.resources.filter(e => e.type === PREFIX_LIST_ENTRY)) {
        if (stack.pointsAt(entry, "prefixListId", PREFIX_LIST_TYPES).some(k => lists.has(k)))
            cidrs.push(known(() => entry.props.cidr));
    }
    return cidrs;
}

/** The source blocks among `values`; anything but a string that reads as a block is ignored. */
function blocksOf(values: unknown[]): Block[] {
    return values.map(parseBlock).filter((b): b is Block => b !== undefined);
}

function grants(r: StackResource, order: number, groups: string[], blocks: Block[], scope: Scope | undefined): Grant[] {
    return scope ? blocks.map(block => ({ resource: r, order, groups, block, scope })) : [];
}

/** A legacy AWS rule shape: the standalone rule or one inline `ingress` entry. */
function awsLegacyGrants(
    stack: StackIndex,
    r: StackResource,
    order: number,
    groups: string[],
    rule: PropertyValue,
    inline: boolean,
): Grant[] {
    const at = (key: string) => known(() => rule[key]);
    const blocks = blocksOf([
        ...knownItems(() => rule.cidrBlocks),
        ...knownItems(() => rule.ipv6CidrBlocks),
        // Prefix lists of an inline rule are followed through the group's own dependencies.
        ...(inline ? [] : prefixListBlocks(stack, r, "prefixListIds")),
    ]);
    return grants(
        r,
        order,
        groups,
        blocks,
        known(() => scopeOf(at("protocol"), () => awsPorts(at("fromPort"), at("toPort")))),
    );
}

/** Every world-judgeable grant of one resource (none for types that are no ingress rule). */
export function grantsOf(stack: StackIndex, r: StackResource, order: number): Grant[] {
    const p = r.props;
    const text = (read: () => unknown) => {
        const v = known(read);
        return typeof v === "string" ? v.trim().toLowerCase() : v;
    };
    switch (r.type) {
        case "alicloud:ecs/securityGroupRule:SecurityGroupRule": {
            if (text(() => p.type) !== "ingress" || (text(() => p.policy) ?? "accept") !== "accept") return [];
            const blocks = blocksOf([
                known(() => p.cidrIp),
                known(() => p.ipv6CidrIp),
                ...prefixListBlocks(stack, r, "prefixListId"),
            ]);
            const scope = known(() => scopeOf(p.ipProtocol, () => alicloudPorts(p.portRange ?? "-1/-1")));
            return grants(r, order, stack.pointsAt(r, "securityGroupId", SECURITY_GROUP_TYPES), blocks, scope);
        }
        case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
            const blocks = blocksOf([
                known(() => p.cidrIpv4),
                known(() => p.cidrIpv6),
                ...prefixListBlocks(stack, r, "prefixListId"),
            ]);
            const scope = known(() => scopeOf(p.ipProtocol, () => awsPorts(p.fromPort, p.toPort)));
            return grants(r, order, stack.pointsAt(r, "securityGroupId", SECURITY_GROUP_TYPES), blocks, scope);
        }
        case "aws:ec2/securityGroupRule:SecurityGroupRule": {
            if (text(() => p.type) !== "ingress") return [];
            const groups = stack.pointsAt(r, "securityGroupId", SECURITY_GROUP_TYPES);
            return awsLegacyGrants(stack, r, order, groups, p, false);
        }
        case "aws:ec2/securityGroup:SecurityGroup":
        case "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": {
            // An inline rule is on the group itself.
            const inline = knownItems(() => p.ingress);
            return inline.flatMap(rule => [
                ...awsLegacyGrants(stack, r, order, [r.urn], rule, true),
                ...inlinePrefixListGrants(stack, r, order, rule),
            ]);
        }
        default:
            return [];
    }
}

/** Inline rules naming a prefix list of the stack: the group depends on the list. */
function inlinePrefixListGrants(stack: StackIndex, r: StackResource, order: number, rule: PropertyValue): Grant[] {
    const named = knownStrings(() => rule.prefixListIds);
    if (named.length === 0) return [];
    const lists = stack.resources.filter(
        l =>
            PREFIX_LIST_TYPES.has(l.type) &&
            (named.some(id => stack.keyOfId(id) === l.urn) || (r.dependencies ?? []).some(d => d.urn === l.urn)),
    );
    const cidrs = lists.flatMap(l => knownItems(() => l.props.entries).map(e => known(() => e.cidr)));
    const scope = known(() => scopeOf(rule.protocol, () => awsPorts(rule.fromPort, rule.toPort)));
    return grants(r, order, [r.urn], blocksOf(cidrs), scope);
}
