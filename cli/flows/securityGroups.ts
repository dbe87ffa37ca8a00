/**
 * Security-group decisions, one function per cloud's semantics. Both are stateful: a reply to an
 * admitted connection is admitted, so a flow checks egress at the sender and ingress at the
 * receiver only.
 */
import { cidrContains } from "../../components/net";
import { Hop, NetworkModel, parsed, RuleProtocol, SecurityGroup, SecurityRule } from "./model";

/** What the packet looks like to a rule. */
export interface Packet {
    readonly protocol: Exclude<RuleProtocol, "all">;
    readonly port?: number;
    /** The other side's block (source for ingress, destination for egress). */
    readonly peer: string;
    /** The other side's groups (a rule may name a group instead of a block). */
    readonly peerGroupIds: readonly string[];
    /** Prefix list the other side is in (an AWS service reached through a gateway endpoint). */
    readonly peerPrefixListId?: string;
}

/** The verdict of the groups of one interface on one packet. */
export interface Verdict {
    readonly admitted: boolean;
    /** The rule that decided, or a description of the default that did. */
    readonly hop: Hop;
    /** True when a group the plan cannot see may hold a rule that changes the verdict. */
    readonly unconfirmed?: boolean;
}

function matches(rule: SecurityRule, direction: SecurityRule["direction"], packet: Packet): boolean {
    if (rule.direction !== direction) return false;
    if (rule.protocol !== "all" && rule.protocol !== packet.protocol) return false;
    if (packet.port !== undefined && rule.protocol !== "all" && (rule.protocol === "tcp" || rule.protocol === "udp")) {
        if (packet.port < rule.fromPort || packet.port > rule.toPort) return false;
    }
    const peer = rule.peer;
    if ("cidr" in peer)
        return (
            peer.cidr.includes(":") === packet.peer.includes(":") &&
            cidrContains(parsed(peer.cidr), parsed(packet.peer))
        );
    if ("securityGroupId" in peer) return packet.peerGroupIds.includes(peer.securityGroupId);
    return packet.peerPrefixListId !== undefined && peer.prefixListId === packet.peerPrefixListId;
}

function describe(packet: Packet): string {
    return `${packet.protocol}${packet.port !== undefined ? `:${packet.port}` : ""} ${packet.peer}`;
}

/**
 * Alibaba Cloud (basic security groups): the rules of all the interface's groups are sorted by
 * priority (1 first, 100 last); at one priority a drop rule comes before an accept rule; the
 * first rule that matches decides (ECS API docs, AuthorizeSecurityGroup: "A smaller value
 * indicates a higher priority ... drop rules take precedence"). With no match, a basic group
 * accepts what comes from an interface of the same group and every outbound packet, and drops
 * the rest ("Basic security groups allow inbound internal traffic from instances in the same
 * group and allow all outbound traffic by default", ECS docs, "Security group rules").
 */
function alicloudVerdict(
    groups: readonly SecurityGroup[],
    direction: SecurityRule["direction"],
    packet: Packet,
): Verdict {
    const rules = groups
        .flatMap(g => g.rules)
        .filter(r => matches(r, direction, packet))
        .sort((a, b) => a.priority - b.priority || (a.policy === b.policy ? 0 : a.policy === "drop" ? -1 : 1));
    const unknown = groups.some(g => !g.known);
    const first = rules[0];
    if (first)
        return { admitted: first.policy === "accept", hop: first.hop, unconfirmed: unknown && first.policy === "drop" };
    const sameGroup = direction === "ingress" && groups.some(g => packet.peerGroupIds.includes(g.id));
    if (sameGroup)
        return {
            admitted: true,
            hop: {
                kind: "rule",
                resource: "",
                detail: `${describe(packet)} comes from the same basic security group, which admits it by default`,
            },
        };
    const admitted = direction === "egress";
    return {
        admitted,
        hop: {
            kind: "rule",
            resource: "",
            detail: admitted
                ? `no ${direction} rule of ${groups.map(g => g.id).join(", ")} matches ${describe(packet)}: outbound is accepted by default`
                : `no ingress rule of ${groups.map(g => g.id).join(", ")} admits ${describe(packet)}`,
        },
        unconfirmed: !admitted && unknown,
    };
}

/**
 * AWS: rules only allow; a packet is admitted when any rule of any of the interface's groups
 * matches, and dropped otherwise (EC2 User Guide, "Security group rules"). A group created by
 * Terraform (and so Pulumi) has no egress rule: the provider removes AWS's default allow-all
 * (registry docs of `aws_security_group`).
 */
function awsVerdict(groups: readonly SecurityGroup[], direction: SecurityRule["direction"], packet: Packet): Verdict {
    const rule = groups.flatMap(g => g.rules).find(r => matches(r, direction, packet));
    if (rule) return { admitted: true, hop: rule.hop };
    return {
        admitted: false,
        hop: {
            kind: "rule",
            resource: "",
            detail: `no ${direction} rule of ${groups.map(g => g.id).join(", ")} allows ${describe(packet)}`,
        },
        unconfirmed: groups.some(g => !g.known),
    };
}

/** The verdict of the interface's groups. An interface without groups is not filtered. */
export function verdict(
    model: NetworkModel,
    groupIds: readonly string[],
    direction: SecurityRule["direction"],
    packet: Packet,
): Verdict | undefined {
    if (groupIds.length === 0) return undefined;
    const groups = groupIds.map(
        id => model.securityGroups.get(id) ?? { id, cloud: guessCloud(id), known: false, rules: [] },
    );
    return groups[0].cloud === "aws"
        ? awsVerdict(groups, direction, packet)
        : alicloudVerdict(groups, direction, packet);
}

/** A group the plan never saw: AWS ids are `sg-` plus 8 or 17 hex digits, Alibaba Cloud's are longer and alphanumeric. */
function guessCloud(id: string): "aws" | "alicloud" {
    return /^sg-[0-9a-f]{8}([0-9a-f]{9})?$/.test(id) ? "aws" : "alicloud";
}
