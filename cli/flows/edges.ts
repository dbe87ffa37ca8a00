/**
 * Walks that start or end outside a VPC: the internet to a load balancer's listener, to an EIP
 * in NAT mode, or to a host with a public address; and a host to an AWS service API through an
 * endpoint, a NAT gateway or an internet gateway. Host-to-host walks are ./walk's.
 */
import { cidrContains } from "../../components/net";
import { addressOf, Hop, interfaceHolding, NetworkModel, Route } from "./model";
import { verdict } from "./securityGroups";
import {
    attempt,
    cannotCheck,
    checkRules,
    fail,
    internetPlace,
    Packet,
    Place,
    stop,
    subnetOf,
    Walk,
    walkBetween,
} from "./walk";

/**
 * Internet (every address, or the clients of `internetBlock`) or a place inside a VPC (`from`) to
 * a load balancer's listener: public address of the family, gateway routes (AWS), rules, listener,
 * and the listener's access control list.
 */
export function toLoadBalancer(
    model: NetworkModel,
    key: string,
    version: 4 | 6,
    port: number | undefined,
    notes: string[],
    from?: Place,
    internetBlock?: string,
): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const lb = model.loadBalancers.get(key);
        if (!lb)
            cannotCheck(
                `load balancer ${key} is not in this plan`,
                "Declare the flow on a load balancer the stack builds.",
            );
        const network = model.networks.get(lb.networkId);
        if (!network)
            cannotCheck(
                `${lb.name} is in subnets this plan does not build`,
                "Check the flow by hand, or plan the VPC in this stack.",
            );
        if (!from) {
            const open = version === 6 ? lb.internetIpv6 : lb.internetIpv4;
            if (!open) {
                stop(
                    "address",
                    `${lb.name} has no public IPv${version} address`,
                    version === 6
                        ? "Make the load balancer dual-stack with a public IPv6 address (ipv6AddressType Internet)."
                        : "Make the load balancer internet-facing.",
                    lb.hop.resource,
                );
            }
            hops.push(lb.hop);
            if (network.cloud === "aws" || version === 6) {
                if (!network.internetGateway) {
                    stop(
                        "gateway",
                        `VPC ${network.name} has no ${version === 6 && network.cloud === "alicloud" ? "IPv6" : "internet"} gateway`,
                        "Attach a gateway to the VPC.",
                    );
                }
                hops.push(network.internetGateway.hop);
            }
            const gateway = network.internetGateway;
            if (network.cloud === "aws" && gateway) {
                for (const subnetId of lb.subnetIds) {
                    const subnet = model.subnets.get(subnetId);
                    const table = model.routeTables.get(subnet?.routeTableId ?? "");
                    const entry = table && defaultRoute(table.routes, version);
                    if (!entry || entry.target.kind !== "internetGateway" || entry.target.id !== gateway.id) {
                        stop(
                            "route",
                            `subnet ${subnet?.name ?? subnetId} of ${lb.name} has no default route to the internet gateway`,
                            "Route 0.0.0.0/0 of the load balancer's subnets to the VPC's internet gateway.",
                            subnet?.routeTableHop?.resource ?? "",
                        );
                    }
                    if (subnet?.routeTableHop) hops.push(subnet.routeTableHop);
                    hops.push(entry.hop);
                }
            }
        }
        const peer = from ?? internetPlace(version, internetBlock);
        checkRules(
            model,
            hops,
            notes,
            "ingress",
            { label: lb.name, block: "", securityGroupIds: lb.securityGroupIds },
            peer,
            { protocol: "tcp", port },
            `Allow ingress tcp ${port} from ${peer.block} in ${lb.name}'s security group.`,
        );
        const listener = port === undefined ? undefined : lb.listeners.get(port);
        if (!listener)
            stop(
                "listener",
                `${lb.name} has no listener on port ${port}`,
                `Add a listener on ${port}.`,
                lb.hop.resource,
            );
        hops.push(listener);
        const acl = lb.acls.get(port!);
        if (acl) {
            // Every address of the peer must be admitted: inside an entry of an allow list, in none of a deny list's.
            const listed = acl.entries.some(entry => cidrContains(entry, peer.block));
            if (acl.type === "White" && !listed)
                stop(
                    "acl",
                    `${peer.block} is not inside an entry of the allow list on ${lb.name}'s listener on ${port} (${acl.entries.join(", ") || "no entries"})`,
                    `Add ${peer.block} to the access control list, or declare the flow from a block it lists.`,
                    acl.hop.resource,
                );
            if (acl.type === "Black" && listed)
                stop(
                    "acl",
                    `${peer.block} is inside an entry of the deny list on ${lb.name}'s listener on ${port}`,
                    `Remove the entry holding ${peer.block} from the access control list.`,
                    acl.hop.resource,
                );
            hops.push(acl.hop);
        }
    });
}

/** The default route of a table (AWS public subnets), if it has one. */
function defaultRoute(routes: readonly Route[], version: 4 | 6): Route | undefined {
    return routes.find(r => r.destination === (version === 6 ? "::/0" : "0.0.0.0/0"));
}

/** Internet to an EIP in NAT mode: the binding, the interface and its attachment, the interface's rules. */
export function toElasticIp(
    model: NetworkModel,
    key: string,
    packet: Packet,
    notes: string[],
    internetBlock?: string,
): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const eip = model.elasticIps.get(key);
        if (!eip) cannotCheck(`EIP ${key} is not in this plan`, "Declare the flow on an EIP the stack builds.");
        hops.push(eip.hop);
        if (!eip.binding)
            stop(
                "association",
                `EIP ${eip.id} is bound to nothing in NAT mode`,
                "Associate the EIP with a private IP of the ENI in NAT mode.",
                eip.hop.resource,
            );
        hops.push(eip.binding.hop);
        const iface = model.interfaces.get(eip.binding.interfaceId);
        if (!iface)
            cannotCheck(
                `the EIP's network interface ${eip.binding.interfaceId} is not in this plan`,
                "Check the flow by hand.",
            );
        if (!iface.addresses.includes(eip.binding.privateIp)) {
            stop(
                "association",
                `${eip.binding.privateIp} is not an address of ${iface.name}`,
                "Bind the EIP to one of the ENI's private IPs.",
                eip.binding.hop.resource,
            );
        }
        hops.push(iface.hop);
        if (!iface.attachment)
            stop(
                "attachment",
                `${iface.name} is attached to no instance`,
                "Attach the ENI to the instance.",
                iface.hop.resource,
            );
        hops.push(iface.attachment);
        const client = internetPlace(4, internetBlock);
        checkRules(
            model,
            hops,
            notes,
            "ingress",
            { label: iface.name, block: `${eip.binding.privateIp}/32`, securityGroupIds: iface.securityGroupIds },
            client,
            packet,
            `Allow ingress ${packet.protocol}${packet.port ? ` ${packet.port}` : ""} from ${client.block} in the ENI's security group.`,
        );
        notes.push(
            `replies from ${eip.binding.privateIp} leave by the ENI only with the guest's policy routes (guestScript)`,
        );
    });
}

/**
 * Internet to a host: it needs a public address (its own, or an EIP bound to it). An instance's
 * public IP and EIPs are IPv4; an IPv6 address is public only with IPv6 internet bandwidth, which
 * the model does not read, so an IPv6 host counts as public only when its flow says so.
 */
export function toHost(
    model: NetworkModel,
    place: Place,
    packet: Packet,
    version: 4 | 6,
    notes: string[],
    internetBlock?: string,
): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const address = addressOf(place.block);
        const owner = version === 4 ? interfaceHolding(model, place.block) : undefined;
        const eip =
            version === 4 ? [...model.elasticIps.values()].find(e => e.binding?.privateIp === address) : undefined;
        if (!(place.publicIp || owner?.publicIp || eip)) {
            stop(
                "address",
                `${place.label} has no public address (no public IP, no EIP bound to ${address})`,
                "Give it a public IP or an EIP.",
            );
        }
        hops.push(
            eip?.hop ?? owner?.hop ?? { kind: "address", resource: "", detail: `${place.label} has a public IP` },
        );
        const network = model.networks.get(place.networkId ?? "");
        if (network?.cloud === "aws") {
            const table = model.routeTables.get(subnetOf(model, place)?.routeTableId ?? "");
            const entry = table && defaultRoute(table.routes, 4);
            if (!entry || entry.target.kind !== "internetGateway")
                stop(
                    "route",
                    `${place.label}'s subnet has no default route to an internet gateway`,
                    "Route 0.0.0.0/0 to the internet gateway.",
                );
            hops.push(entry.hop);
        }
        checkRules(
            model,
            hops,
            notes,
            "ingress",
            place,
            internetPlace(version, internetBlock),
            packet,
            `Allow ingress from the internet in ${place.label}'s security group.`,
        );
    });
}

/** A host in an AWS VPC to a service API: interface endpoint, gateway endpoint, NAT gateway or internet gateway. */
export function toAwsService(
    model: NetworkModel,
    from: Place,
    service: string,
    port: number | undefined,
    notes: string[],
): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const packet = { protocol: "tcp" as const, port };
        const endpoints = model.endpoints.filter(e => e.networkId === from.networkId && e.service === service);
        const subnet = subnetOf(model, from);
        const table = model.routeTables.get(subnet?.routeTableId ?? "");
        const iface = endpoints.find(e => e.type === "Interface");
        if (iface) {
            hops.push(iface.hop);
            if (!iface.privateDns)
                stop(
                    "endpoint",
                    `the ${service} endpoint has private DNS off, so the service's name resolves to its public address`,
                    "Set privateDnsEnabled on the endpoint.",
                    iface.hop.resource,
                );
            const where = model.subnets.get(
                iface.subnetIds.find(id => model.subnets.get(id)?.zone === subnet?.zone) ?? iface.subnetIds[0] ?? "",
            );
            if (!where)
                stop(
                    "endpoint",
                    `the ${service} endpoint has no subnet`,
                    "Place the endpoint in the tasks' subnets.",
                    iface.hop.resource,
                );
            const place: Place = {
                label: `${service} endpoint`,
                block: where.cidrs[0],
                networkId: where.networkId,
                subnetId: where.id,
                securityGroupIds: iface.securityGroupIds,
            };
            const walk = walkBetween(model, from, place, packet, notes);
            hops.push(...walk.hops);
            if (walk.failure) fail(walk.failure);
            return;
        }
        const gateway = endpoints.find(e => e.type === "Gateway");
        const viaGateway =
            gateway && table?.routes.find(r => r.target.kind === "gatewayEndpoint" && r.target.id === gateway.id);
        if (gateway && viaGateway) {
            if (subnet?.routeTableHop) hops.push(subnet.routeTableHop);
            hops.push(viaGateway.hop);
            checkPrefixList(model, hops, notes, from, gateway.prefixListId, port);
            return;
        }
        // The public endpoint of the service.
        checkRules(
            model,
            hops,
            notes,
            "egress",
            from,
            internetPlace(4),
            packet,
            `Allow egress tcp ${port} to 0.0.0.0/0 (or add a VPC endpoint for ${service}).`,
        );
        const entry = table && defaultRoute(table.routes, 4);
        if (!entry) {
            stop(
                "route",
                `${from.label}'s ${table?.label ?? "route table"} has no endpoint for ${service} and no default route`,
                `Add a VPC endpoint for ${service}, or a NAT gateway route.`,
                subnet?.routeTableHop?.resource ?? "",
            );
        }
        if (subnet?.routeTableHop) hops.push(subnet.routeTableHop);
        hops.push(entry.hop);
        if (entry.target.kind === "natGateway") {
            const nat = model.natGateways.get(entry.target.id);
            if (!nat?.publicIp)
                stop(
                    "gateway",
                    `NAT gateway ${entry.target.id} has no public address`,
                    "Give the NAT gateway an Elastic IP.",
                );
            hops.push(nat.hop);
            const natTable = model.routeTables.get(model.subnets.get(nat.subnetId)?.routeTableId ?? "");
            const out = natTable && defaultRoute(natTable.routes, 4);
            if (!out || out.target.kind !== "internetGateway")
                stop(
                    "route",
                    `the NAT gateway's subnet has no default route to the internet gateway`,
                    "Put the NAT gateway in a public subnet.",
                );
            hops.push(out.hop);
            return;
        }
        if (entry.target.kind === "internetGateway") {
            if (!from.publicIp)
                stop(
                    "address",
                    `${from.label} has no public IP, so the internet gateway drops its traffic`,
                    "Use VPC endpoints or a NAT gateway, or assign a public IP.",
                );
            return;
        }
        stop(
            "route",
            `${from.label}'s default route leads to ${entry.target.kind}, not out of the VPC`,
            "Route 0.0.0.0/0 to a NAT gateway.",
            entry.hop.resource,
        );
    });
}

/** Egress of a host to a gateway endpoint's service: a rule naming the prefix list, or a block covering every address. */
function checkPrefixList(
    model: NetworkModel,
    hops: Hop[],
    notes: string[],
    from: Place,
    prefixListId: string | undefined,
    port: number | undefined,
): void {
    const result = verdict(model, from.securityGroupIds, "egress", {
        protocol: "tcp",
        port,
        peer: "0.0.0.0/0",
        peerGroupIds: [],
        peerPrefixListId: prefixListId,
    });
    if (!result) return;
    if (result.admitted) {
        hops.push(result.hop);
    } else if (result.unconfirmed) {
        notes.push(`egress of ${from.label} depends on rules outside this plan`);
    } else {
        stop("rule", result.hop.detail, `Allow egress tcp ${port} to the service's prefix list ${prefixListId}.`);
    }
}
