/**
 * Reads the AWS resources of a planned stack into the network model. The rules it encodes:
 * - Every route table of a VPC has the local route of the VPC's blocks; a subnet without an
 *   explicit association uses the VPC's main table, which has only the local route unless the
 *   plan writes to it (VPC User Guide, "Route tables").
 * - A gateway endpoint adds a route to its service's prefix list in each table it names
 *   (VPC User Guide, "Gateway endpoints").
 * - An internet gateway carries traffic only for a VPC it is attached to (`vpcId`), and only for
 *   an interface with a public address: an internet-facing load balancer, a task with
 *   `assignPublicIp`, or a NAT gateway with an Elastic IP.
 */
import type { PropertyBag, RecordedResource, World } from "../engine";
import {
    asBlock,
    blocksOf,
    hopOf,
    NetworkModel,
    Route,
    RouteTarget,
    RuleProtocol,
    securityGroupOf,
    SecurityRule,
    strings,
} from "./model";

/** `com.amazonaws.ap-northeast-1.ecr.api` → `ecr.api`. */
export function endpointService(serviceName: string): string {
    return serviceName.split(".").slice(3).join(".");
}

function mainTableId(vpcId: string): string {
    return `${vpcId}:main`;
}

function target(inputs: PropertyBag): RouteTarget {
    if (typeof inputs.gatewayId === "string" && inputs.gatewayId.startsWith("igw-"))
        return { kind: "internetGateway", id: inputs.gatewayId };
    if (typeof inputs.natGatewayId === "string") return { kind: "natGateway", id: inputs.natGatewayId };
    const other = [
        "transitGatewayId",
        "vpcPeeringConnectionId",
        "networkInterfaceId",
        "vpcEndpointId",
        "gatewayId",
        "egressOnlyGatewayId",
    ].find(k => typeof inputs[k] === "string");
    return other ? { kind: "other", what: `${other} ${inputs[other]}` } : { kind: "blackhole" };
}

/** AWS names protocols by name or IANA number; -1 is every protocol. */
const PROTOCOL_NUMBERS: Record<string, RuleProtocol> = {
    "-1": "all",
    all: "all",
    "6": "tcp",
    "17": "udp",
    "1": "icmp",
    "58": "icmpv6",
};

function rule(r: RecordedResource, direction: SecurityRule["direction"], group: string): SecurityRule {
    const i = r.inputs;
    const protocol = PROTOCOL_NUMBERS[String(i.ipProtocol)] ?? (String(i.ipProtocol) as RuleProtocol);
    const peer = i.referencedSecurityGroupId
        ? { securityGroupId: String(i.referencedSecurityGroupId) }
        : i.prefixListId
          ? { prefixListId: String(i.prefixListId) }
          : { cidr: asBlock(String(i.cidrIpv4 ?? i.cidrIpv6 ?? "")) ?? "0.0.0.0/32" };
    const peerText = "cidr" in peer ? peer.cidr : "securityGroupId" in peer ? peer.securityGroupId : peer.prefixListId;
    return {
        direction,
        protocol,
        fromPort: protocol === "all" ? 0 : Number(i.fromPort ?? 0),
        toPort: protocol === "all" ? 65535 : Number(i.toPort ?? 65535),
        peer,
        policy: "accept",
        priority: 0,
        hop: hopOf(
            r,
            "rule",
            `${group} ${direction} ${protocol} ${i.fromPort ?? ""}-${i.toPort ?? ""} ${direction === "ingress" ? "from" : "to"} ${peerText}`,
        ),
    };
}

/** Adds the AWS part of `world` to `model`. */
export function readAws(world: World, model: NetworkModel): void {
    const of = (type: string) => world.resources.filter(r => r.type === `aws:${type}`);
    for (const r of of("ec2/vpc:Vpc")) {
        const cidrs = blocksOf(r.inputs.cidrBlock);
        model.networks.set(r.id, {
            id: r.id,
            name: r.name,
            cloud: "aws",
            region: world.regionOf(r),
            cidrs,
            subnets: [],
            defaultRouteTableId: mainTableId(r.id),
        });
        model.routeTables.set(mainTableId(r.id), {
            id: mainTableId(r.id),
            label: `main route table of VPC ${r.name}`,
            routes: cidrs.map(c => ({
                destination: c,
                target: { kind: "local" },
                hop: hopOf(r, "route", `local route ${c}`),
            })),
        });
    }
    for (const r of of("ec2/subnet:Subnet")) {
        const subnet = {
            id: r.id,
            name: r.name,
            networkId: String(r.inputs.vpcId),
            zone: r.inputs.availabilityZone,
            cidrs: blocksOf(r.inputs.cidrBlock),
            routeTableId: mainTableId(String(r.inputs.vpcId)),
        };
        model.subnets.set(r.id, subnet);
        model.networks.get(subnet.networkId)?.subnets.push(subnet);
    }
    for (const r of of("ec2/internetGateway:InternetGateway")) {
        const network = model.networks.get(String(r.inputs.vpcId));
        if (network)
            network.internetGateway = {
                id: r.id,
                hop: hopOf(r, "gateway", `internet gateway ${r.id} attached to VPC ${network.name}`),
            };
    }
    for (const r of of("ec2/routeTable:RouteTable")) {
        const network = model.networks.get(String(r.inputs.vpcId));
        const routes: Route[] = (network?.cidrs ?? []).map(c => ({
            destination: c,
            target: { kind: "local" },
            hop: hopOf(r, "route", `local route ${c}`),
        }));
        for (const inline of Array.isArray(r.inputs.routes) ? r.inputs.routes : []) {
            const destination = asBlock(String(inline.cidrBlock ?? inline.ipv6CidrBlock ?? ""));
            if (destination)
                routes.push({
                    destination,
                    target: target(inline),
                    hop: hopOf(r, "route", `inline route ${destination}`),
                });
        }
        model.routeTables.set(r.id, { id: r.id, label: `route table ${r.name}`, routes });
    }
    for (const r of of("ec2/route:Route")) {
        const table = model.routeTables.get(String(r.inputs.routeTableId));
        const destination = asBlock(String(r.inputs.destinationCidrBlock ?? r.inputs.destinationIpv6CidrBlock ?? ""));
        if (!table || !destination) continue;
        const t = target(r.inputs);
        table.routes.push({
            destination,
            target: t,
            hop: hopOf(r, "route", `${table.label}: ${destination} → ${"id" in t ? t.id : t.kind}`),
        });
    }
    for (const r of of("ec2/routeTableAssociation:RouteTableAssociation")) {
        const subnet = model.subnets.get(String(r.inputs.subnetId));
        if (!subnet) continue;
        subnet.routeTableId = String(r.inputs.routeTableId);
        subnet.routeTableHop = hopOf(
            r,
            "association",
            `subnet ${subnet.name} uses ${model.routeTables.get(subnet.routeTableId)?.label ?? subnet.routeTableId}`,
        );
    }
    for (const r of of("ec2/natGateway:NatGateway")) {
        model.natGateways.set(r.id, {
            id: r.id,
            subnetId: String(r.inputs.subnetId),
            publicIp: r.inputs.connectivityType !== "private" && typeof r.inputs.allocationId === "string",
            hop: hopOf(r, "gateway", `NAT gateway ${r.name}`),
        });
    }
    for (const r of of("ec2/vpcEndpoint:VpcEndpoint")) {
        const type = r.inputs.vpcEndpointType === "Gateway" ? "Gateway" : "Interface";
        const endpoint = {
            id: r.id,
            networkId: String(r.inputs.vpcId),
            service: endpointService(String(r.inputs.serviceName ?? "")),
            type,
            subnetIds: strings(r.inputs.subnetIds),
            securityGroupIds: strings(r.inputs.securityGroupIds),
            privateDns: r.inputs.privateDnsEnabled === true,
            prefixListId: r.state.prefixListId,
            hop: hopOf(
                r,
                "endpoint",
                `${type.toLowerCase()} endpoint for ${r.inputs.serviceName}${type === "Interface" ? (r.inputs.privateDnsEnabled ? " (private DNS)" : " (no private DNS)") : ""}`,
            ),
        } as const;
        model.endpoints.push(endpoint);
        if (type !== "Gateway" || !endpoint.prefixListId) continue;
        for (const tableId of strings(r.inputs.routeTableIds)) {
            model.routeTables.get(tableId)?.routes.push({
                destination: endpoint.prefixListId,
                target: { kind: "gatewayEndpoint", id: r.id, service: endpoint.service },
                hop: {
                    ...endpoint.hop,
                    kind: "route",
                    detail: `${model.routeTables.get(tableId)!.label}: ${endpoint.prefixListId} → ${r.id}`,
                },
            });
        }
    }
    for (const r of of("ec2/securityGroup:SecurityGroup")) {
        const group = securityGroupOf(model, "aws", r.id, true);
        for (const [direction, list] of [
            ["ingress", r.inputs.ingress],
            ["egress", r.inputs.egress],
        ] as const) {
            for (const inline of Array.isArray(list) ? list : []) {
                for (const cidr of [...strings(inline.cidrBlocks), ...strings(inline.ipv6CidrBlocks)]) {
                    group.rules.push(
                        rule(
                            { ...r, inputs: { ...inline, cidrIpv4: cidr, ipProtocol: inline.protocol } },
                            direction,
                            r.id,
                        ),
                    );
                }
                for (const sg of strings(inline.securityGroups)) {
                    group.rules.push(
                        rule(
                            { ...r, inputs: { ...inline, referencedSecurityGroupId: sg, ipProtocol: inline.protocol } },
                            direction,
                            r.id,
                        ),
                    );
                }
            }
        }
    }
    for (const [type, direction] of [
        ["vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ingress"],
        ["vpc/securityGroupEgressRule:SecurityGroupEgressRule", "egress"],
    ] as const) {
        for (const r of of(type)) {
            const id = String(r.inputs.securityGroupId);
            securityGroupOf(model, "aws", id, false).rules.push(rule(r, direction, id));
        }
    }
    // The older rule resource: one rule per resource, `type` ingress or egress, blocks in lists.
    for (const r of of("ec2/securityGroupRule:SecurityGroupRule")) {
        const id = String(r.inputs.securityGroupId);
        const group = securityGroupOf(model, "aws", id, false);
        const direction = r.inputs.type === "egress" ? "egress" : "ingress";
        const peers = [
            ...strings(r.inputs.cidrBlocks).map(c => ({ cidrIpv4: c })),
            ...strings(r.inputs.ipv6CidrBlocks).map(c => ({ cidrIpv6: c })),
            ...strings(r.inputs.prefixListIds).map(p => ({ prefixListId: p })),
            ...(typeof r.inputs.sourceSecurityGroupId === "string"
                ? [{ referencedSecurityGroupId: r.inputs.sourceSecurityGroupId }]
                : []),
        ];
        for (const peer of peers)
            group.rules.push(
                rule({ ...r, inputs: { ...r.inputs, ...peer, ipProtocol: r.inputs.protocol } }, direction, id),
            );
    }
    for (const r of of("lb/loadBalancer:LoadBalancer")) {
        const key = `${r.type}::${r.name}`;
        const subnetIds = strings(r.inputs.subnets);
        model.loadBalancers.set(key, {
            key,
            id: r.id,
            name: r.name,
            networkId: model.subnets.get(subnetIds[0] ?? "")?.networkId ?? "",
            subnetIds,
            internetIpv4: r.inputs.internal !== true,
            internetIpv6: r.inputs.internal !== true && r.inputs.ipAddressType === "dualstack",
            securityGroupIds: strings(r.inputs.securityGroups),
            listeners: new Map(),
            acls: new Map(),
            hop: hopOf(r, "listener", `ALB ${r.name} (${r.inputs.internal ? "internal" : "internet-facing"})`),
        });
    }
    for (const r of of("lb/listener:Listener")) {
        const lb = [...model.loadBalancers.values()].find(l => l.id === r.inputs.loadBalancerArn);
        lb?.listeners.set(
            Number(r.inputs.port),
            hopOf(r, "listener", `${r.inputs.protocol ?? "HTTP"} listener on ${r.inputs.port}`),
        );
    }
}
