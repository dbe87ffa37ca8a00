/**
 * Reads the Alibaba Cloud resources of a planned stack into the network model. The rules of the
 * cloud that the model encodes, each with its source:
 * - A VPC's system route table holds a system route for every vSwitch block (IPv4 and IPv6);
 *   custom entries (`vpc.RouteEntry`) add destinations with a next hop. VPC documentation,
 *   "Route table overview".
 * - A transit-router VPC attachment made through the API writes no route into the VPC:
 *   `autoPublishRouteEnabled` defaults to false (provider docs of
 *   `alicloud_cen_transit_router_vpc_attachment`). Only `vpc.RouteEntry`s send traffic to it.
 * - Propagating a VPC attachment to a transit-router route table teaches the table the VPC's
 *   system routes (the vSwitch blocks), never its custom routes (next hop an instance, as
 *   ACK Flannel's per-node Pod routes are) and never 100.64.0.0/10. CEN documentation, "Route
 *   learning" and "Advertise routes to a transit router".
 * - Traffic entering a transit router through an attachment is looked up in the route table the
 *   attachment is associated with; an attachment with no association forwards nothing. CEN
 *   documentation, "Associated forwarding".
 * - Across an inter-region connection with "automatically advertise routes to the peer region"
 *   on (`autoPublishRouteEnabled`, false by default in the API), "the routes in the route table of
 *   the transit router in the current region are automatically advertised to the route table of
 *   the peer transit router ... the route tables associated with the inter-region connection"
 *   (CEN documentation, "Create and manage an inter-region connection"): static entries and
 *   learned VPC routes alike, one hop (what a table learned over a connection is not passed on).
 *   The model applies it in both directions of the connection; that the flag of the one
 *   attachment resource covers both is not confirmed.
 */
import type { World } from "../engine";
import { cidrContains } from "../../components/net";
import {
    asBlock,
    blocksOf,
    Hop,
    hopOf,
    LoadBalancerFront,
    NetworkModel,
    Route,
    RouteTarget,
    RuleProtocol,
    securityGroupOf,
    strings,
} from "./model";

const RESERVED_FOR_SERVICES = "100.64.0.0/10";

function portRange(text: unknown): [number, number] {
    const [from, to] = String(text ?? "-1/-1")
        .split("/")
        .map(Number);
    return from === -1 || !Number.isFinite(from) ? [1, 65535] : [from, Number.isFinite(to) ? to : from];
}

function vpcTarget(type: unknown, id: unknown): RouteTarget {
    if (type === "Attachment" && typeof id === "string") return { kind: "attachment", id };
    return { kind: "other", what: `${String(type ?? "Instance")} ${String(id ?? "")}`.trim() };
}

/** Adds the Alibaba Cloud part of `world` to `model`. */
export function readAlicloud(world: World, model: NetworkModel): void {
    const of = (type: string) => world.resources.filter(r => r.type === `alicloud:${type}`);
    const propagations: Array<{ tableId: string; attachmentId: string; hop: Hop }> = [];
    const routerOfTable = new Map<string, string>();

    for (const r of of("vpc/network:Network")) {
        const tableId = String(r.state.routeTableId ?? `${r.id}-system`);
        model.networks.set(r.id, {
            id: r.id,
            name: r.name,
            cloud: "alicloud",
            region: world.regionOf(r),
            cidrs: blocksOf(r.inputs.cidrBlock, r.state.ipv6CidrBlock),
            subnets: [],
            defaultRouteTableId: tableId,
        });
        model.routeTables.set(tableId, { id: tableId, label: `VPC ${r.name} system route table`, routes: [] });
    }
    for (const r of of("vpc/switch:Switch")) {
        const network = model.networks.get(String(r.inputs.vpcId));
        const cidrs = blocksOf(r.inputs.cidrBlock, r.state.ipv6CidrBlock);
        const subnet = {
            id: r.id,
            name: r.name,
            networkId: String(r.inputs.vpcId),
            cidrs,
            routeTableId: network?.defaultRouteTableId,
            zone: r.inputs.zoneId,
        };
        model.subnets.set(r.id, subnet);
        if (!network) continue;
        network.subnets.push(subnet);
        const table = model.routeTables.get(network.defaultRouteTableId!)!;
        for (const cidr of cidrs) {
            table.routes.push({
                destination: cidr,
                target: { kind: "local" },
                hop: hopOf(r, "route", `system route ${cidr} of vSwitch ${r.name}`),
            });
        }
    }
    for (const r of of("vpc/ipv6Gateway:Ipv6Gateway")) {
        const network = model.networks.get(String(r.inputs.vpcId));
        if (network)
            network.internetGateway = { id: r.id, hop: hopOf(r, "gateway", `IPv6 gateway of VPC ${network.name}`) };
    }
    for (const r of of("vpc/routeEntry:RouteEntry")) {
        const table = model.routeTables.get(String(r.inputs.routeTableId));
        const destination = asBlock(String(r.inputs.destinationCidrblock ?? ""));
        if (!table || !destination) continue;
        table.routes.push({
            destination,
            target: vpcTarget(r.inputs.nexthopType, r.inputs.nexthopId),
            hop: hopOf(r, "route", `${table.label}: ${destination} → ${r.inputs.nexthopType} ${r.inputs.nexthopId}`),
        });
    }

    for (const r of of("cen/transitRouter:TransitRouter")) {
        const id = String(r.state.transitRouterId ?? r.id);
        const systemTables = world.calls
            .filter(
                c =>
                    c.token === "alicloud:cen/getTransitRouterRouteTables:getTransitRouterRouteTables" &&
                    c.inputs.transitRouterId === id,
            )
            .flatMap(c =>
                (c.outputs?.tables ?? []).map(
                    (t: { transitRouterRouteTableId: string }) => t.transitRouterRouteTableId,
                ),
            );
        const custom = of("cen/transitRouterRouteTable:TransitRouterRouteTable")
            .filter(t => t.inputs.transitRouterId === id)
            .map(t => String(t.state.transitRouterRouteTableId));
        const tableIds = [...new Set([...systemTables, ...custom])];
        model.routers.set(id, { id, region: world.regionOf(r), tableIds, associations: new Map() });
        tableIds.forEach((tableId, i) => {
            routerOfTable.set(tableId, id);
            model.routeTables.set(tableId, {
                id: tableId,
                label: `transit router ${r.name} ${i < systemTables.length ? "system" : "custom"} route table`,
                routes: [],
            });
        });
    }
    for (const r of of("cen/transitRouterVpcAttachment:TransitRouterVpcAttachment")) {
        const id = String(r.state.transitRouterAttachmentId);
        model.attachments.set(id, {
            id,
            kind: "vpc",
            routerIds: [String(r.inputs.transitRouterId)],
            networkId: String(r.inputs.vpcId),
            hop: hopOf(r, "attachment", `VPC attachment ${id}`),
        });
    }
    for (const r of of("cen/transitRouterPeerAttachment:TransitRouterPeerAttachment")) {
        const id = String(r.state.transitRouterAttachmentId);
        model.attachments.set(id, {
            id,
            kind: "peer",
            routerIds: [String(r.inputs.transitRouterId), String(r.inputs.peerTransitRouterId)],
            bandwidthMbps:
                r.inputs.bandwidthType === "BandwidthPackage" && !r.inputs.cenBandwidthPackageId
                    ? 0
                    : Number(r.inputs.bandwidth ?? 0),
            advertises: r.inputs.autoPublishRouteEnabled === true,
            hop: hopOf(r, "peering", `inter-region connection ${id} (${r.inputs.bandwidth ?? 0} Mbit/s)`),
        });
    }
    for (const r of of("cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation")) {
        const tableId = String(r.inputs.transitRouterRouteTableId);
        const router = model.routers.get(routerOfTable.get(tableId) ?? "");
        const attachmentId = String(r.inputs.transitRouterAttachmentId);
        router?.associations.set(attachmentId, {
            tableId,
            hop: hopOf(r, "association", `${attachmentId} looks up ${model.routeTables.get(tableId)?.label}`),
        });
    }
    for (const r of of("cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation")) {
        propagations.push({
            tableId: String(r.inputs.transitRouterRouteTableId),
            attachmentId: String(r.inputs.transitRouterAttachmentId),
            hop: hopOf(r, "propagation", ""),
        });
    }
    for (const r of of("cen/transitRouterRouteEntry:TransitRouterRouteEntry")) {
        const table = model.routeTables.get(String(r.inputs.transitRouterRouteTableId));
        const destination = asBlock(String(r.inputs.transitRouterRouteEntryDestinationCidrBlock ?? ""));
        if (!table || !destination) continue;
        const target: RouteTarget =
            r.inputs.transitRouterRouteEntryNextHopType === "BlackHole"
                ? { kind: "blackhole" }
                : { kind: "attachment", id: String(r.inputs.transitRouterRouteEntryNextHopId) };
        table.routes.push({
            destination,
            target,
            hop: hopOf(
                r,
                "route",
                `${table.label}: static ${destination} → ${r.inputs.transitRouterRouteEntryNextHopId ?? "blackhole"}`,
            ),
        });
    }
    learnPropagatedRoutes(model, propagations);

    for (const r of of("ecs/securityGroup:SecurityGroup")) securityGroupOf(model, "alicloud", r.id, true);
    for (const r of of("ecs/securityGroupRule:SecurityGroupRule")) {
        // In a VPC group nic_type makes no difference: the cloud stores every rule as intranet
        // (provider docs of `alicloud_security_group_rule`), so every rule applies.
        const group = securityGroupOf(model, "alicloud", String(r.inputs.securityGroupId), false);
        const [fromPort, toPort] = portRange(r.inputs.portRange);
        const peer = r.inputs.sourceSecurityGroupId
            ? { securityGroupId: String(r.inputs.sourceSecurityGroupId) }
            : { cidr: asBlock(String(r.inputs.cidrIp ?? r.inputs.ipv6CidrIp ?? "")) ?? "0.0.0.0/32" };
        const protocol = String(r.inputs.ipProtocol ?? "all") as RuleProtocol;
        group.rules.push({
            direction: r.inputs.type === "egress" ? "egress" : "ingress",
            protocol,
            fromPort,
            toPort,
            peer,
            policy: r.inputs.policy === "drop" ? "drop" : "accept",
            priority: Number(r.inputs.priority ?? 1),
            hop: hopOf(
                r,
                "rule",
                `${group.id} ${r.inputs.type} ${r.inputs.policy ?? "accept"} ${protocol} ${r.inputs.portRange} ${"cidr" in peer ? peer.cidr : peer.securityGroupId} (priority ${r.inputs.priority ?? 1})`,
            ),
        });
    }

    for (const r of of("ecs/instance:Instance")) {
        model.interfaces.set(r.id, {
            id: r.id,
            name: r.name,
            subnetId: r.inputs.vswitchId,
            addresses: [r.state.privateIp, ...strings(r.state.ipv6Addresses)].filter(
                (a): a is string => typeof a === "string" && a !== "",
            ),
            securityGroupIds: strings(
                r.inputs.securityGroups ?? (r.inputs.securityGroupId ? [r.inputs.securityGroupId] : []),
            ),
            publicIp: r.state.publicIp || undefined,
            hop: hopOf(r, "interface", `instance ${r.name}`),
        });
    }
    for (const r of of("ecs/ecsNetworkInterface:EcsNetworkInterface")) {
        model.interfaces.set(r.id, {
            id: r.id,
            name: r.name,
            subnetId: r.inputs.vswitchId,
            addresses: [r.state.primaryIpAddress, ...strings(r.state.privateIpAddresses)].filter(
                (a): a is string => typeof a === "string",
            ),
            securityGroupIds: strings(r.inputs.securityGroupIds),
            hop: hopOf(r, "interface", `network interface ${r.name}`),
        });
    }
    for (const r of of("ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment")) {
        const eni = model.interfaces.get(String(r.inputs.networkInterfaceId));
        if (eni) eni.attachment = hopOf(r, "attachment", `${eni.name} attached to ${r.inputs.instanceId}`);
    }
    for (const r of of("ecs/eipAddress:EipAddress")) {
        const id = String(r.state.allocationId ?? r.id);
        model.elasticIps.set(`${r.type}::${r.name}`, {
            key: `${r.type}::${r.name}`,
            id,
            hop: hopOf(r, "address", `EIP ${r.state.ipAddress ?? id}`),
        });
    }
    for (const r of of("ecs/eipAssociation:EipAssociation")) {
        const eip = [...model.elasticIps.values()].find(e => e.id === r.inputs.allocationId);
        // Only NAT mode maps the public address to a private one the interface keeps (EIP docs, "Associate an EIP with a secondary ENI").
        if (!eip || (r.inputs.mode ?? "NAT") !== "NAT") continue;
        const iface = model.interfaces.get(String(r.inputs.instanceId));
        const privateIp = String(r.inputs.privateIpAddress ?? iface?.addresses[0] ?? "");
        eip.binding = {
            privateIp,
            interfaceId: String(r.inputs.instanceId),
            hop: hopOf(r, "association", `${eip.id} → ${privateIp} on ${r.inputs.instanceId} (NAT mode)`),
        };
    }

    for (const r of of("alb/loadBalancer:LoadBalancer")) {
        const key = `${r.type}::${r.name}`;
        const zones: Array<{ vswitchId?: string }> = Array.isArray(r.inputs.zoneMappings) ? r.inputs.zoneMappings : [];
        model.loadBalancers.set(key, {
            key,
            id: r.id,
            name: r.name,
            networkId: String(r.inputs.vpcId),
            subnetIds: zones.map(z => String(z.vswitchId)),
            internetIpv4: r.inputs.addressType === "Internet",
            internetIpv6: r.inputs.addressIpVersion === "DualStack" && r.inputs.ipv6AddressType === "Internet",
            securityGroupIds: strings(r.inputs.securityGroupIds),
            listeners: new Map(),
            acls: new Map(),
            hop: hopOf(
                r,
                "listener",
                `ALB ${r.name} (${r.inputs.addressType}${r.inputs.addressIpVersion === "DualStack" ? `, IPv6 ${r.inputs.ipv6AddressType}` : ""})`,
            ),
        });
    }
    const listenerPorts = new Map<string, { lb: LoadBalancerFront; port: number }>();
    for (const r of of("alb/listener:Listener")) {
        const lb = [...model.loadBalancers.values()].find(l => l.id === r.inputs.loadBalancerId);
        const port = Number(r.inputs.listenerPort);
        lb?.listeners.set(
            port,
            hopOf(r, "listener", `${r.inputs.listenerProtocol ?? "HTTP"} listener on ${r.inputs.listenerPort}`),
        );
        if (lb) listenerPorts.set(r.id, { lb, port });
    }
    // Access control lists: their entries (one attachment each, or several), and where each is attached.
    const aclEntries = new Map<string, string[]>();
    for (const r of of("alb/aclEntryAttachment:AclEntryAttachment")) {
        const given: Array<{ entry?: unknown }> = Array.isArray(r.inputs.entries) ? r.inputs.entries : [];
        const id = String(r.inputs.aclId);
        aclEntries.set(id, [...(aclEntries.get(id) ?? []), ...given.map(e => String(e.entry))]);
    }
    for (const r of of("alb/listenerAclAttachment:ListenerAclAttachment")) {
        const at = listenerPorts.get(String(r.inputs.listenerId));
        const type = r.inputs.aclType === "Black" ? "Black" : "White";
        const entries = aclEntries.get(String(r.inputs.aclId)) ?? [];
        at?.lb.acls.set(at.port, {
            type,
            entries,
            hop: hopOf(
                r,
                "acl",
                `${type === "White" ? "allow" : "deny"} list on the listener on ${at.port}: ${entries.join(", ") || "no entries"}`,
            ),
        });
    }
}

/** Fills the transit-router tables with what their propagations teach them (see the file's comment). */
function learnPropagatedRoutes(
    model: NetworkModel,
    propagations: Array<{ tableId: string; attachmentId: string; hop: Hop }>,
): void {
    for (const p of propagations) {
        const attachment = model.attachments.get(p.attachmentId);
        const table = model.routeTables.get(p.tableId);
        if (!attachment || !table) continue;
        // A connection's routes arrive by advertisement (below), not by this propagation.
        if (attachment.kind === "peer") continue;
        const network = model.networks.get(attachment.networkId ?? "");
        for (const cidr of network?.subnets.flatMap(s => s.cidrs) ?? []) {
            if (cidrContains(RESERVED_FOR_SERVICES, cidr)) continue;
            table.routes.push(
                learned(cidr, attachment.id, {
                    ...p.hop,
                    detail: `${table.label} learns ${cidr} from VPC ${network!.name} (propagation)`,
                }),
            );
        }
    }
    // One hop only: routes a table learned from a connection are not passed on again.
    const snapshot = new Map(
        [...model.routeTables].map(([id, t]) => [id, t.routes.filter(r => !isPeerLearned(model, r))]),
    );
    for (const attachment of model.attachments.values()) {
        if (attachment.kind !== "peer" || !attachment.advertises) continue;
        // The connection's own router (`transitRouterId`) advertises to its peer, as documented;
        // the peer advertising back under the same flag is assumed.
        for (const [from, to] of [attachment.routerIds, [...attachment.routerIds].reverse()]) {
            const documented = from === attachment.routerIds[0];
            const source = model.routers.get(from)?.associations.get(attachment.id);
            const target = model.routers.get(to)?.associations.get(attachment.id);
            if (!source || !target) continue;
            const table = model.routeTables.get(target.tableId)!;
            for (const route of snapshot.get(source.tableId) ?? []) {
                if (route.target.kind !== "attachment") continue;
                table.routes.push(
                    learned(route.destination, attachment.id, {
                        ...attachment.hop,
                        detail: `${table.label} learns ${route.destination} over ${attachment.id} (advertised by the peer region's router${documented ? "" : "; that the connection's flag covers this direction is not confirmed"})`,
                        ...(documented ? {} : { confirmed: false }),
                    }),
                );
            }
        }
    }
}

function learned(destination: string, attachmentId: string, hop: Hop): Route {
    return { destination, target: { kind: "attachment", id: attachmentId }, hop, learned: true };
}

function isPeerLearned(model: NetworkModel, route: Route): boolean {
    return (
        route.learned === true &&
        route.target.kind === "attachment" &&
        model.attachments.get(route.target.id)?.kind === "peer"
    );
}
