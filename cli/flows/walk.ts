/**
 * Walks one flow through the network model: the sender's egress rules, each route table on the
 * way (VPC, transit routers, inter-region connections, gateways, endpoints), the receiver's
 * ingress rules, and the route back for the replies. Returns every hop that carried the packet,
 * or stops at the first that does not, with how to fix it.
 */
import { cidrContains } from "../../components/net";
import type { FlowProtocol } from "../../components/flows";
import { familyOf, Hop, longestPrefixMatch, NetworkModel, parsed, Subnet } from "./model";
import { verdict } from "./securityGroups";

/** A resolved place a packet starts from or arrives at. */
export interface Place {
    readonly label: string;
    /** Address block (an address is a /32 or /128). */
    readonly block: string;
    readonly networkId?: string;
    readonly subnetId?: string;
    readonly securityGroupIds: readonly string[];
    /** How the cloud delivers the block inside its VPC when no subnet holds it (a Flannel Pod CIDR). */
    readonly deliveredBy?: string;
    /** Has a public address of its own. */
    readonly publicIp?: boolean;
}

/** The packet. */
export interface Packet {
    readonly protocol: FlowProtocol;
    readonly port?: number;
}

/** Where the walk stopped, and what would let it through. */
export interface Break {
    readonly hop: Hop;
    readonly fix: string;
    /**
     * True when the walk stopped at something the plan does not hold (a VPC described with
     * fromExisting, a value that never resolved), not at something that blocks the packet.
     */
    readonly unverifiable?: boolean;
}

/** The outcome of one walk. */
export interface Walk {
    readonly hops: Hop[];
    readonly failure?: Break;
}

/** The longest chain of tables a packet may cross before the walk calls it a loop. */
const MAX_TABLES = 12;

class Stop extends Error {
    constructor(readonly failure: Break) {
        super(failure.hop.detail);
    }
}

export function stop(kind: string, detail: string, fix: string, resource = ""): never {
    throw new Stop({ hop: { kind, resource, detail }, fix });
}

/** Ends the walk where the plan holds too little to go on: the flow is unverified, not broken or blocked. */
export function cannotCheck(detail: string, fix: string): never {
    throw new Stop({ hop: { kind: "model", resource: "", detail }, fix, unverifiable: true });
}

/** Ends the walk at a break found by a nested walk. */
export function fail(failure: Break): never {
    throw new Stop(failure);
}

export function subnetOf(
    model: NetworkModel,
    place: Pick<Place, "networkId" | "subnetId" | "block">,
): Subnet | undefined {
    if (place.subnetId) return model.subnets.get(place.subnetId);
    const network = model.networks.get(place.networkId ?? "");
    return network?.subnets.find(s =>
        s.cidrs.some(c => familyOf(c) === familyOf(place.block) && cidrContains(parsed(c), parsed(place.block))),
    );
}

/**
 * Routes `block` from `from` to the network of `to`, recording hops; throws a {@link Stop} at
 * the first table without a usable route.
 */
function route(model: NetworkModel, hops: Hop[], from: Place, to: Place, direction: string): void {
    const origin = model.networks.get(from.networkId ?? "");
    if (!origin)
        cannotCheck(
            `${direction}: ${from.label} is in VPC ${from.networkId ?? "(none)"}, which this plan does not build`,
            "Check the flow by hand, or plan the VPC in this stack.",
        );
    const arrive = (networkId: string, via: string) => {
        if (networkId !== to.networkId) {
            stop(
                "route",
                `${direction}: ${via} delivers ${to.block} into VPC ${model.networks.get(networkId)?.name ?? networkId}, but ${to.label} is in ${model.networks.get(to.networkId ?? "")?.name ?? to.networkId}`,
                "Point the route at the attachment of the destination's VPC.",
            );
        }
        deliver(model, hops, to, direction);
    };
    if (origin.id === to.networkId) return deliver(model, hops, to, direction);

    const subnet = subnetOf(model, from);
    if (subnet?.routeTableHop) hops.push(subnet.routeTableHop);
    let tableId = subnet?.routeTableId ?? origin.defaultRouteTableId;
    let routerId: string | undefined;
    for (let i = 0; i < MAX_TABLES; i++) {
        const table = model.routeTables.get(tableId ?? "");
        if (!table)
            stop("route", `${direction}: no route table for ${from.label}`, "Plan the route table in this stack.");
        const entry = longestPrefixMatch(table.routes, to.block);
        if (!entry) {
            stop(
                "route",
                `${direction}: ${table.label} has no route to ${to.block} (${to.label})`,
                routerId
                    ? `Propagate the destination VPC's attachment to this table, add a static entry for ${to.block}, or turn on route advertisement on the inter-region connection.`
                    : `Add a route entry for ${to.block} in ${table.label} with the transit-router attachment as next hop (CenTransitNetwork vpcRoutes).`,
            );
        }
        hops.push(entry.hop);
        const target = entry.target;
        if (target.kind === "local") return arrive(routerId ? "" : origin.id, table.label);
        if (target.kind !== "attachment") {
            stop(
                "route",
                `${direction}: ${table.label} sends ${to.block} to ${target.kind === "other" ? target.what : target.kind}, which does not lead to ${to.label}`,
                "Route the destination through the transit router.",
                entry.hop.resource,
            );
        }
        const attachment = model.attachments.get(target.id);
        if (!attachment)
            cannotCheck(
                `${direction}: next hop ${target.id} is not an attachment of this plan`,
                "Check the flow by hand, or plan the CEN in this stack.",
            );
        if (routerId !== undefined && !attachment.routerIds.includes(routerId)) {
            stop(
                "route",
                `${direction}: ${table.label} sends ${to.block} to ${attachment.id}, which is not on this transit router`,
                "Point the entry at an attachment of this router.",
                entry.hop.resource,
            );
        }
        if (routerId === undefined) {
            // From a VPC into its transit router: the attachment must be this VPC's, and associated.
            if (attachment.networkId !== origin.id)
                stop(
                    "attachment",
                    `${direction}: ${attachment.id} attaches another VPC than ${origin.name}`,
                    "Use the attachment of this VPC.",
                    entry.hop.resource,
                );
            hops.push(attachment.hop);
            routerId = attachment.routerIds[0];
            tableId = associatedTable(model, hops, routerId, attachment.id, direction);
            continue;
        }
        if (attachment.kind === "vpc") {
            hops.push(attachment.hop);
            return arrive(attachment.networkId ?? "", attachment.id);
        }
        // Across an inter-region connection to the other router.
        if (!(attachment.bandwidthMbps && attachment.bandwidthMbps > 0)) {
            stop(
                "peering",
                `${direction}: inter-region connection ${attachment.id} has no bandwidth`,
                "Allocate bandwidth to the connection from a bandwidth package bound to the CEN.",
                attachment.hop.resource,
            );
        }
        hops.push(attachment.hop);
        routerId = attachment.routerIds.find(id => id !== routerId)!;
        tableId = associatedTable(model, hops, routerId, attachment.id, direction);
    }
    stop(
        "route",
        `${direction}: the routes loop (more than ${MAX_TABLES} tables)`,
        "Remove the route that sends the block back.",
    );
}

function associatedTable(
    model: NetworkModel,
    hops: Hop[],
    routerId: string,
    attachmentId: string,
    direction: string,
): string {
    const association = model.routers.get(routerId)?.associations.get(attachmentId);
    if (!association) {
        stop(
            "association",
            `${direction}: ${attachmentId} is associated with no route table of transit router ${routerId}, so it forwards nothing`,
            "Associate the attachment with the transit router's route table (TransitRouterRouteTableAssociation).",
        );
    }
    hops.push(association.hop);
    return association.tableId;
}

/** Inside the destination's VPC: a system route of its vSwitch, or the runtime routes of a Pod CIDR. */
function deliver(model: NetworkModel, hops: Hop[], to: Place, direction: string): void {
    if (to.deliveredBy) {
        hops.push({
            kind: "route",
            resource: "",
            detail: `${direction}: ${to.block} is delivered inside its VPC by ${to.deliveredBy}`,
            confirmed: false,
        });
        return;
    }
    const subnet = subnetOf(model, to);
    if (!subnet)
        stop(
            "route",
            `${direction}: ${to.block} (${to.label}) is in no subnet of its VPC`,
            "Give the address a subnet of the VPC.",
        );
    if (!subnet.cidrs.some(c => familyOf(c) === familyOf(to.block) && cidrContains(parsed(c), parsed(to.block)))) {
        // IPv6 blocks are assigned by the cloud at deployment: an address the plan did not place
        // in the mocked /64 (a given, existing one) cannot be judged against it.
        if (familyOf(to.block) === 6) {
            hops.push({
                kind: "route",
                resource: "",
                detail: `${direction}: ${to.block} in ${subnet.name} (IPv6 blocks are assigned at deployment)`,
                confirmed: false,
            });
            return;
        }
        stop(
            "route",
            `${direction}: ${to.block} (${to.label}) is outside ${subnet.name}'s blocks ${subnet.cidrs.join(", ")}`,
            "Use an address inside the subnet.",
        );
    }
}

/** Applies the security groups of `at` to the packet; records an unconfirmed verdict, throws on a drop. */
export function checkRules(
    model: NetworkModel,
    hops: Hop[],
    unconfirmed: string[],
    direction: "ingress" | "egress",
    at: Place,
    peer: Place,
    packet: Packet,
    fix: string,
): void {
    const result = verdict(model, at.securityGroupIds, direction, {
        protocol: packet.protocol,
        port: packet.port,
        peer: peer.block,
        peerGroupIds: peer.securityGroupIds,
    });
    if (!result) return;
    if (result.admitted) {
        hops.push(result.hop);
        return;
    }
    if (result.unconfirmed) {
        hops.push({
            ...result.hop,
            confirmed: false,
            detail: `${result.hop.detail} (the group is not in this plan and may have other rules)`,
        });
        unconfirmed.push(`${direction} of ${at.label} depends on rules outside this plan`);
        return;
    }
    throw new Stop({ hop: result.hop, fix });
}

function portText(packet: Packet): string {
    return packet.port === undefined ? packet.protocol : `${packet.protocol} ${packet.port}`;
}

/** Host to host: egress, there, ingress, and back. */
export function walkBetween(model: NetworkModel, from: Place, to: Place, packet: Packet, unconfirmed: string[]): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        checkRules(
            model,
            hops,
            unconfirmed,
            "egress",
            from,
            to,
            packet,
            `Allow egress ${portText(packet)} to ${to.block} in ${from.label}'s security group.`,
        );
        route(model, hops, from, to, "there");
        checkRules(
            model,
            hops,
            unconfirmed,
            "ingress",
            to,
            from,
            packet,
            `Allow ingress ${portText(packet)} from ${from.block} in ${to.label}'s security group.`,
        );
        route(model, hops, to, from, "back");
    });
}

/** Runs `body`, turning a {@link Stop} into the walk's failure. */
export function attempt(hops: Hop[], body: () => void): Walk {
    try {
        body();
        return { hops };
    } catch (e) {
        if (e instanceof Stop) return { hops, failure: e.failure };
        throw e;
    }
}

/** The internet as a place: every address of the family, or the clients of `block` on it. */
export function internetPlace(version: 4 | 6, block?: string): Place {
    if (block !== undefined) return { label: `the internet (${block})`, block, securityGroupIds: [] };
    return { label: "the internet", block: version === 6 ? "::/0" : "0.0.0.0/0", securityGroupIds: [] };
}
