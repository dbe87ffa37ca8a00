/**
 * No ingress from the whole internet, except on ports a load balancer attached to the same
 * security group listens on, and on a few service ports of a server answering on its own EIPs.
 *
 * World-open is judged by address coverage, per security group, address family and port: rules
 * of a group are additive (a group admits what any of its accept rules admits), so 0.0.0.0/1 on
 * one rule and 128.0.0.0/1 on another open that port to every IPv4 address, like 0.0.0.0/0 on
 * one rule. Rules on different groups are not combined, even when one instance carries both
 * groups; drop rules are not subtracted (an accept from the world is one priority change away).
 *
 * When the group of a rule cannot be told (a preview where its id is unknown and the engine
 * recorded no dependency to follow), the rule gets no listener exemption: the pack fails closed.
 * It is the mandatory gate of every pull request, so a false alarm is seen before anything is
 * created and is fixed by passing the group resource's id (which the engine follows); an
 * advisory would let a world-open port through to the cloud unseen.
 */
import { Family, isWorld, worldCover } from "./cidr";
import { Grant, grantsOf, Scope } from "./ingress";
import { listenerPortsByGroup, ListenerPorts, PortRange, uncovered } from "./loadBalancers";
import { known, StackIndex, StackResource } from "./resources";
import type { ReportViolation } from "@pulumi/policy";

/** The widest range a server on its own EIPs may open to the world, and the ports it may never open. */
const PUBLIC_SERVICE_RANGE = 16;
const ADMIN_PORTS = [22, 3389];

const ENI_TYPE = "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface";
const ENI_TYPES: ReadonlySet<string> = new Set([ENI_TYPE]);
const SECURITY_GROUP_TYPES_FOR_ENI: ReadonlySet<string> = new Set(["alicloud:ecs/securityGroup:SecurityGroup"]);

/**
 * Groups (by key) of network interfaces that answer on their own public addresses: an ENI that
 * an EIP is associated with in NAT mode (S2's sites), followed association → ENI → its groups.
 */
function publicInterfaceGroups(stack: StackIndex): Set<string> {
    const groups = new Set<string>();
    for (const association of stack.resources) {
        if (association.type !== "alicloud:ecs/eipAssociation:EipAssociation") continue;
        if (known(() => association.props.mode ?? "NAT") !== "NAT") continue;
        for (const key of stack.pointsAt(association, "instanceId", ENI_TYPES)) {
            const eni = stack.resource(key);
            if (eni?.type !== ENI_TYPE) continue;
            for (const property of ["securityGroupIds", "securityGroups"])
                for (const g of stack.pointsAt(eni, property, SECURITY_GROUP_TYPES_FOR_ENI)) groups.add(g);
        }
    }
    return groups;
}

/** One finding: who opens what to which source. */
interface Finding {
    order: number;
    grants: Grant[];
    message: string;
}

function who(grants: readonly Grant[]): string {
    const names = [...new Set(grants.map(g => g.resource.name))];
    if (names.length === 1) return `${names[0]} opens`;
    return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} together open`;
}

function sourceOf(grants: readonly Grant[], family: Family): string {
    const world = grants.find(g => isWorld(g.block));
    if (world) return world.block.text;
    const blocks = [...new Set(grants.map(g => g.block.text))];
    return `the whole IPv${family} internet (${blocks.join(" + ")})`;
}

function rangeText(r: PortRange): string {
    return r.from === r.to ? `port ${r.from}` : `ports ${r.from}-${r.to}`;
}

/** Everything one group may open: its listener ports, and whether it is on a public interface. */
interface GroupAllowance {
    listeners: ListenerPorts;
    publicInterface: boolean;
    /** False when the rule's group could not be told: nothing is exempt. */
    decided: boolean;
}

/** The ports of `range` that the allowance does not cover, for one transport. */
function notAllowed(range: PortRange, transport: "tcp" | "udp", allowance: GroupAllowance): PortRange[] {
    if (!allowance.decided) return [range];
    // A server on its own EIPs is public by design: a few service ports may be open, never a
    // wide range nor the remote-administration ports.
    if (
        allowance.publicInterface &&
        range.to - range.from < PUBLIC_SERVICE_RANGE &&
        !ADMIN_PORTS.some(p => p >= range.from && p <= range.to)
    )
        return [];
    return uncovered(range, allowance.listeners[transport]);
}

/** Findings on one group and family, from its grants (all of one group). */
function judge(grants: Grant[], family: Family, allowance: GroupAllowance): Finding[] {
    const findings: Finding[] = [];
    const add = (found: Grant[], message: string) =>
        findings.push({ order: Math.min(...found.map(g => g.order)), grants: found, message });
    // Fail closed, and say why: the rule's group is not one the pack can follow.
    const undecided = allowance.decided ? "" : " (its security group cannot be matched to a load balancer)";

    const allCover = worldCover(
        grants.filter(g => g.scope.kind === "all"),
        family,
    );
    if (allCover) {
        add(allCover, `${who(allCover)} every port to ${sourceOf(allCover, family)}; open only the listener ports.`);
        // What else the group opens is still reported, each rule once: not again through these.
        grants = grants.filter(g => !allCover.includes(g));
    }
    for (const transport of ["tcp", "udp"] as const) {
        for (const { range, cover } of worldOpenRanges(grants, family, transport)) {
            const extra = notAllowed(range, transport, allowance);
            if (extra.length === 0) continue;
            const count = extra.reduce((n, r) => n + r.to - r.from + 1, 0);
            const served = extra.length === 1 ? rangeText(extra[0]) : `${count} of them`;
            add(
                cover,
                `${who(cover)} ${rangeText(range)}${transport === "udp" ? " (UDP)" : ""} to ${sourceOf(cover, family)}, but no load balancer this security group is attached to listens on ${served}${undecided}; restrict the source or the ports.`,
            );
        }
    }
    const protocols = new Set(grants.flatMap(g => (g.scope.kind === "protocol" ? [g.scope.protocol] : [])));
    for (const protocol of protocols) {
        const cover = worldCover(
            grants.filter(
                g => g.scope.kind === "all" || (g.scope.kind === "protocol" && g.scope.protocol === protocol),
            ),
            family,
        );
        if (cover)
            add(
                cover,
                `${who(cover)} protocol ${protocol} to ${sourceOf(cover, family)}; open only the listener ports.`,
            );
    }
    return findings;
}

function portsOf(scope: Scope, transport: "tcp" | "udp"): PortRange | undefined {
    if (scope.kind === "all") return { from: 0, to: 65535 };
    return scope.kind === "ports" && scope.transport === transport ? scope : undefined;
}

/**
 * The maximal port ranges of a transport that the grants together open to every address of the
 * family, each with the fewest grants that cover it. A rule whose own block is the whole family
 * is judged on its own range (the message names it alone); the others are combined per port.
 */
function worldOpenRanges(
    grants: Grant[],
    family: Family,
    transport: "tcp" | "udp",
): Array<{ range: PortRange; cover: Grant[] }> {
    const ported = grants
        .map(g => ({ grant: g, ports: portsOf(g.scope, transport) }))
        .filter(
            (x): x is { grant: Grant; ports: PortRange } => x.ports !== undefined && x.grant.block.family === family,
        );
    const found: Array<{ range: PortRange; cover: Grant[] }> = [];
    for (const x of ported) if (isWorld(x.grant.block)) found.push({ range: x.ports, cover: [x.grant] });
    const partial = ported.filter(x => !isWorld(x.grant.block));
    const bounds = [...new Set(partial.flatMap(x => [x.ports.from, x.ports.to + 1]))].sort((a, b) => a - b);
    let open: { range: PortRange; cover: Grant[] } | undefined;
    for (let i = 0; i + 1 < bounds.length; i++) {
        const range = { from: bounds[i], to: bounds[i + 1] - 1 };
        const here = partial.filter(x => x.ports.from <= range.from && x.ports.to >= range.to).map(x => x.grant);
        const cover = worldCover(here, family);
        const same = open && cover && open.range.to + 1 === range.from && sameGrants(open.cover, cover);
        if (same) open!.range = { from: open!.range.from, to: range.to };
        else {
            if (open) found.push(open);
            open = cover ? { range, cover } : undefined;
        }
    }
    if (open) found.push(open);
    return found;
}

function sameGrants(a: readonly Grant[], b: readonly Grant[]): boolean {
    return a.length === b.length && a.every((g, i) => g === b[i]);
}

/**
 * Reports world-open ingress: per security group (rules whose group cannot be told stand alone),
 * per family, per port. See the module comment for what is exempt.
 */
export function checkWorldIngress(resources: readonly StackResource[], report: ReportViolation): void {
    const stack = new StackIndex(resources);
    const listeners = listenerPortsByGroup(stack);
    const publicGroups = publicInterfaceGroups(stack);
    const pools = new Map<string, Grant[]>();
    for (const grant of resources.flatMap((r, i) => grantsOf(stack, r, i))) {
        // A rule that may be on one of a few groups counts on each; one on no known group stands alone.
        for (const key of grant.groups.length > 0 ? grant.groups : [`rule:${grant.resource.urn}`]) {
            if (!pools.has(key)) pools.set(key, []);
            pools.get(key)!.push(grant);
        }
    }
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const [key, grants] of pools) {
        const allowance: GroupAllowance = {
            listeners: listeners.get(key) ?? { tcp: [], udp: [] },
            publicInterface: publicGroups.has(key),
            decided: !key.startsWith("rule:"),
        };
        for (const family of [4, 6] as const) {
            for (const f of judge(grants, family, allowance)) {
                // A rule counted on several candidate groups is reported once per finding.
                if (reported.has(f.message)) continue;
                reported.add(f.message);
                findings.push(f);
            }
        }
    }
    findings.sort((a, b) => a.order - b.order);
    // Named on the earliest of the rules that make it.
    for (const f of findings) report(f.message, f.grants.find(g => g.order === f.order)!.resource.urn);
}
