/**
 * Outputs shaped like the real Alibaba Cloud provider's: ids in its styles (composite ids where
 * Terraform uses them, e.g. `cen-…:tr-…` for a transit router), and the computed attributes the
 * components read (route table ids, DNS names, private IPs, kubeconfigs).
 */
import { addressAt, cidrSize } from "../../components/net";
import { fakeId } from "./ids";
import { PropertyBag, World } from "./world";

/** What an output rule sees of the resource being created. */
export interface MockContext {
    readonly name: string;
    readonly inputs: PropertyBag;
    /** Region of the resource's provider (default `cn-hangzhou`). */
    readonly region: string;
    readonly world: World;
}

/** The id and extra outputs of one resource. */
export interface MockOutputs {
    readonly id: string;
    readonly state?: PropertyBag;
}

type Rule = (ctx: MockContext) => MockOutputs;

/** Hands out the next private address in a vSwitch/subnet, from .10 on (.1 in tiny blocks), as DHCP would. */
export function nextAddressIn(world: World, subnetId: string | undefined, fallback: string): string {
    const block = subnetId ? world.subnetBlocks.get(subnetId) : undefined;
    if (!block) return fallback;
    const used = world.subnetUsage.get(subnetId!) ?? 0;
    world.subnetUsage.set(subnetId!, used + 1);
    // Small blocks (/28, /29) have no room to start at .10: start at .1 there. The last three
    // addresses are reserved, as in a real vSwitch.
    const size = cidrSize(block);
    const first = size >= 32n ? 10n : 1n;
    return addressAt(block, Number(first + (BigInt(used) % (size - first - 3n))));
}

function fakePublicIp(name: string): string {
    const n = parseInt(fakeId("x", name).slice(-4), 16);
    return `47.96.${(n >> 8) & 0xff}.${n & 0xff}`;
}

const KUBECONFIG = (cluster: string, server: string) =>
    [
        "apiVersion: v1",
        "kind: Config",
        `clusters:\n- cluster:\n    server: ${server}\n    certificate-authority-data: TU9DSw==\n  name: ${cluster}`,
        `contexts:\n- context:\n    cluster: ${cluster}\n    user: ${cluster}-admin\n  name: ${cluster}`,
        `current-context: ${cluster}`,
        `users:\n- name: ${cluster}-admin\n  user:\n    client-certificate-data: TU9DSw==\n    client-key-data: TU9DSw==`,
    ].join("\n");

export const alicloudRules: Record<string, Rule> = {
    "pulumi:providers:alicloud": ({ name }) => ({ id: `provider-${name}` }),
    "alicloud:vpc/network:Network": ({ name, inputs }) => ({
        id: fakeId("vpc", name),
        state: {
            routeTableId: fakeId("vtb", name),
            routerId: fakeId("vrt", name),
            ipv6CidrBlock: inputs.enableIpv6 ? "2408:4005:3a0:6c00::/56" : undefined,
        },
    }),
    "alicloud:vpc/switch:Switch": ({ name, inputs, world }) => {
        const id = fakeId("vsw", name);
        if (inputs.cidrBlock) world.subnetBlocks.set(id, inputs.cidrBlock);
        const mask = inputs.ipv6CidrBlockMask;
        const ipv6CidrBlock =
            inputs.enableIpv6 && mask !== undefined
                ? `2408:4005:3a0:6c${mask.toString(16).padStart(2, "0")}::/64`
                : undefined;
        if (ipv6CidrBlock) world.subnetBlocks.set(`${id}#ipv6`, ipv6CidrBlock);
        return { id, state: { ipv6CidrBlock } };
    },
    "alicloud:vpc/ipv6Gateway:Ipv6Gateway": ({ name }) => ({
        id: fakeId("ipv6gw", name),
        state: { ipv6GatewayId: fakeId("ipv6gw", name) },
    }),
    "alicloud:vpc/routeEntry:RouteEntry": ({ inputs }) => ({
        id: `${inputs.routeTableId}:vrt-mock:${inputs.destinationCidrblock}:${inputs.nexthopType}:${inputs.nexthopId}`,
    }),
    "alicloud:cen/instance:Instance": ({ name }) => ({ id: fakeId("cen", name) }),
    "alicloud:cen/bandwidthPackage:BandwidthPackage": ({ name }) => ({ id: fakeId("cenbwp", name) }),
    // The attachment's id is the package's (resource_alicloud_cen_bandwidth_package_attachment.go: d.SetId(bwpId)).
    "alicloud:cen/bandwidthPackageAttachment:BandwidthPackageAttachment": ({ inputs }) => ({
        id: inputs.bandwidthPackageId,
    }),
    "alicloud:cen/transitRouter:TransitRouter": ({ name, inputs, region }) => {
        const trId = fakeId("tr", name);
        return {
            id: `${inputs.cenId}:${trId}`,
            state: { transitRouterId: trId, type: "Enterprise", regionId: region, status: "Active" },
        };
    },
    "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": ({ name, inputs, region }) => {
        const attachmentId = fakeId("tr-attach", name);
        return {
            id: `${inputs.cenId}:${attachmentId}`,
            state: { transitRouterAttachmentId: attachmentId, regionId: region, status: "Attached" },
        };
    },
    "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": ({ name, inputs, region }) => {
        const attachmentId = fakeId("tr-attach", name);
        return {
            id: `${inputs.cenId}:${attachmentId}`,
            state: { transitRouterAttachmentId: attachmentId, regionId: region, status: "Attached" },
        };
    },
    "alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable": ({ name, inputs }) => {
        const tableId = fakeId("vtb", name);
        return {
            id: `${inputs.transitRouterId}:${tableId}`,
            state: { transitRouterRouteTableId: tableId, transitRouterRouteTableType: "Custom" },
        };
    },
    // `<attachment>:<route table>` (resource_alicloud_cen_transit_router_route_table_propagation.go:
    // d.SetId(fmt.Sprint(request["TransitRouterAttachmentId"], ":", request["TransitRouterRouteTableId"])); the association's import format is the same).
    "alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation": ({ inputs }) => ({
        id: `${inputs.transitRouterAttachmentId}:${inputs.transitRouterRouteTableId}`,
    }),
    "alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation": ({ inputs }) => ({
        id: `${inputs.transitRouterAttachmentId}:${inputs.transitRouterRouteTableId}`,
    }),
    "alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry": ({ name, inputs }) => ({
        id: `${inputs.transitRouterRouteTableId}:${fakeId("rte", name)}`,
        state: { transitRouterRouteEntryId: fakeId("rte", name), status: "Active" },
    }),
    "alicloud:alb/loadBalancer:LoadBalancer": ({ name, inputs, region, world }) => {
        const id = fakeId("alb", name);
        // Like the provider: each zone reports its addresses (public IPv4 for Internet ALBs, an
        // IPv6 address for dual-stack ones) and the local addresses the ALB takes in the vSwitch.
        const zoneMappings = (inputs.zoneMappings ?? []).map((z: PropertyBag, i: number) => {
            const intranet = nextAddressIn(world, z.vswitchId, `192.168.${i}.10`);
            const locals = [
                nextAddressIn(world, z.vswitchId, `192.168.${i}.11`),
                nextAddressIn(world, z.vswitchId, `192.168.${i}.12`),
            ];
            const ipv6 = inputs.addressIpVersion === "DualStack" ? `2408:4005:3a0:6c0${i}::a1b` : "";
            const address = inputs.addressType === "Internet" ? fakePublicIp(`${name}-${z.zoneId}`) : intranet;
            return {
                ...z,
                address,
                intranetAddress: intranet,
                ipv6Address: ipv6,
                loadBalancerAddresses: [
                    {
                        address,
                        intranetAddress: intranet,
                        ipv6Address: ipv6,
                        ipv4LocalAddresses: locals,
                        ipv6LocalAddresses: [],
                    },
                ],
            };
        });
        return { id, state: { dnsName: `${id}.${region}.alb.aliyuncsslb.com`, status: "Active", zoneMappings } };
    },
    "alicloud:alb/serverGroup:ServerGroup": ({ name }) => ({ id: fakeId("sgp", name) }),
    "alicloud:alb/listener:Listener": ({ name }) => ({ id: fakeId("lsn", name) }),
    // Forwarding rule ids are `rule-…` (the ALB API's CreateRule examples; unconfirmed, the provider's docs give none).
    "alicloud:alb/rule:Rule": ({ name }) => ({ id: fakeId("rule", name) }),
    "alicloud:ecs/securityGroup:SecurityGroup": ({ name }) => ({ id: fakeId("sg", name) }),
    "alicloud:ecs/securityGroupRule:SecurityGroupRule": ({ name, inputs }) => ({
        // The id splits on ':', so an IPv6 block's colons are written as '_' (which character the
        // provider uses is unconfirmed here; the point is that the id keeps eight parts).
        id: `${inputs.securityGroupId}:${inputs.type}:${inputs.ipProtocol}:${inputs.portRange}:${inputs.nicType ?? "intranet"}:${inputs.cidrIp ?? (inputs.ipv6CidrIp !== undefined ? String(inputs.ipv6CidrIp).replace(/:/g, "_") : inputs.sourceSecurityGroupId)}:${inputs.policy ?? "accept"}:${inputs.priority ?? 1}`,
        state: { securityGroupRuleId: fakeId("sgr", name) },
    }),
    "alicloud:ecs/instance:Instance": ({ name, inputs, world }) => {
        const privateIp = inputs.privateIp ?? nextAddressIn(world, inputs.vswitchId, "192.168.0.10");
        const ipv6Count = inputs.ipv6AddressCount ?? 0;
        return {
            id: fakeId("i", name),
            state: {
                privateIp,
                primaryIpAddress: privateIp,
                publicIp: inputs.internetMaxBandwidthOut > 0 ? fakePublicIp(name) : "",
                // Inside the vSwitch's IPv6 /64, as the cloud assigns them.
                ipv6Addresses:
                    inputs.ipv6Addresses ??
                    Array.from({ length: ipv6Count }, (_, i) =>
                        addressAt(
                            world.subnetBlocks.get(`${inputs.vswitchId}#ipv6`) ?? "2408:4005:3a0:6c00::/64",
                            0x10 + i,
                        ),
                    ),
                status: "Running",
            },
        };
    },
    "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface": ({ name, inputs, world }) => {
        const primary = inputs.primaryIpAddress ?? nextAddressIn(world, inputs.vswitchId, "192.168.0.20");
        const allocated: string[] =
            inputs.privateIpAddresses ??
            Array.from({ length: inputs.secondaryPrivateIpAddressCount ?? 0 }, (_, i) =>
                nextAddressIn(world, inputs.vswitchId, `192.168.0.${30 + i}`),
            );
        // The provider keeps the secondaries (primary excluded) as a set: they come back in hash
        // order, not allocation order. Reversed here so no component relies on the order.
        const secondaries = [...allocated].reverse();
        return {
            id: fakeId("eni", name),
            state: {
                primaryIpAddress: primary,
                privateIp: primary,
                privateIpAddresses: secondaries,
                privateIps: secondaries,
                secondaryPrivateIpAddressCount: secondaries.length,
                status: "Available",
            },
        };
    },
    "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment": ({ inputs }) => ({
        id: `${inputs.networkInterfaceId}:${inputs.instanceId}`,
    }),
    "alicloud:ecs/eipAddress:EipAddress": ({ name }) => ({
        id: fakeId("eip", name),
        state: { allocationId: fakeId("eip", name), ipAddress: fakePublicIp(name), status: "Available" },
    }),
    "alicloud:vpc/commonBandwithPackage:CommonBandwithPackage": ({ name }) => ({
        id: fakeId("cbwp", name),
        state: { status: "Available" },
    }),
    // The attachment's id is `<package id>:<EIP id>` (resource_alicloud_common_bandwidth_package_attachment.go).
    "alicloud:vpc/commonBandwithPackageAttachment:CommonBandwithPackageAttachment": ({ inputs }) => ({
        id: `${inputs.bandwidthPackageId}:${inputs.instanceId}`,
        state: { status: "BINDED" },
    }),
    "alicloud:ecs/eipAssociation:EipAssociation": ({ inputs }) => ({
        id: `${inputs.allocationId}:${inputs.instanceId}`,
    }),
    "alicloud:ecs/command:Command": ({ name }) => ({ id: fakeId("c", name) }),
    // An invocation id, `t-…`, finished as a run of a good script would be.
    "alicloud:ecs/ecsInvocation:EcsInvocation": ({ name }) => ({ id: fakeId("t", name), state: { status: "Success" } }),
    "alicloud:cs/managedKubernetes:ManagedKubernetes": ({ name, inputs, region }) => {
        const id = `c${fakeId("", name).slice(1)}`;
        return {
            id,
            state: {
                securityGroupId: fakeId("sg", `${name}-controlplane`),
                // The API server's CLB, internal; a public endpoint is an EIP on it (ACK documentation).
                slbId: fakeId("lb", `${name}-apiserver`),
                connections: {
                    apiServerInternet: inputs.slbInternetEnabled ? `https://${id}.${region}.cs.aliyuncs.com:6443` : "",
                    apiServerIntranet: "https://192.168.0.1:6443",
                },
            },
        };
    },
    // An SLB access control list, `acl-…`, and its entries, `<acl id>:<entry>` as the provider sets them.
    "alicloud:slb/acl:Acl": ({ name }) => ({ id: fakeId("acl", name) }),
    "alicloud:slb/aclEntryAttachment:AclEntryAttachment": ({ inputs }) => ({ id: `${inputs.aclId}:${inputs.entry}` }),
    "alicloud:cs/nodePool:NodePool": ({ name, inputs }) => ({
        id: `${inputs.clusterId}:${fakeId("np", name)}`,
        state: { nodePoolId: fakeId("np", name) },
    }),
    "alicloud:servicemesh/serviceMesh:ServiceMesh": ({ name, inputs, region }) => {
        const id = `${fakeId("", name).slice(1)}`;
        return {
            id,
            state: {
                kubeconfig: KUBECONFIG(`asm-${id}`, `https://${id}.${region}.asm.aliyuncs.com:6443`),
                status: "running",
                loadBalancer: { ...inputs.loadBalancer, apiServerLoadbalancerId: fakeId("lb", `${name}-apiserver`) },
            },
        };
    },
    "alicloud:vpc/ipv6InternetBandwidth:Ipv6InternetBandwidth": ({ name }) => ({
        id: fakeId("ipv6bw", name),
        state: { status: "Normal" },
    }),
    "alicloud:resourcemanager/serviceLinkedRole:ServiceLinkedRole": ({ inputs }) => {
        const roleName = `AliyunServiceRoleFor${String(inputs.serviceName)
            .split(".")[0]
            .replace(/^./, c => c.toUpperCase())}`;
        return {
            id: `${inputs.serviceName}:${roleName}`,
            state: {
                roleName,
                roleId: fakeId("", roleName).slice(1),
                arn: `acs:ram::1234567890:role/aliyunservicerolefor${roleName.slice(20).toLowerCase()}`,
            },
        };
    },
    "alicloud:dns/alidnsRecord:AlidnsRecord": ({ name }) => ({ id: `${parseInt(fakeId("", name).slice(-8), 16)}` }),
};

/** Public image names, newest of each kind first, as `ecs.getImages` with `owners: system` finds them. */
const PUBLIC_IMAGES = [
    "aliyun_3_x64_20G_alibase_20261115.vhd",
    "aliyun_3_x64_20G_alibase_20260920.vhd",
    "aliyun_2_1903_x64_20G_alibase_20260810.vhd",
    "ubuntu_24_04_x64_20G_alibase_20261020.vhd",
];

/** Answers for the Alibaba Cloud data sources the components call. */
export const alicloudCalls: Record<string, (inputs: PropertyBag, world: World) => PropertyBag> = {
    "alicloud:cen/getTransitRouterRouteTables:getTransitRouterRouteTables": inputs => {
        const tableId = fakeId("vtb", `${inputs.transitRouterId}-system`);
        return {
            id: inputs.transitRouterId,
            transitRouterId: inputs.transitRouterId,
            ids: [tableId],
            names: ["system"],
            tables: [
                {
                    id: tableId,
                    transitRouterRouteTableId: tableId,
                    transitRouterRouteTableName: "system",
                    transitRouterRouteTableDescription: "",
                    transitRouterRouteTableType: "System",
                    status: "Active",
                },
            ],
        };
    },
    "alicloud:cen/getTransitRouterAvailableResources:getTransitRouterAvailableResources": () => ({
        id: "available",
        resources: [{ masterZones: [], slaveZones: [], availableZones: [], supportMultiCast: false }],
    }),
    // The newest public image whose name matches, from a small catalogue of public images as the
    // data source answers with mostRecent: one image, or none for a pattern nothing matches.
    "alicloud:ecs/getImages:getImages": inputs => {
        const pattern = new RegExp(String(inputs.nameRegex ?? ""));
        const found = PUBLIC_IMAGES.filter(image => pattern.test(image)).slice(0, inputs.mostRecent ? 1 : undefined);
        return {
            id: "images",
            ids: found,
            names: found,
            mostRecent: inputs.mostRecent,
            nameRegex: inputs.nameRegex,
            owners: inputs.owners,
            images: found.map(id => ({
                id,
                imageId: id,
                name: id,
                osType: "linux",
                architecture: "x86_64",
                status: "Available",
                imageOwnerAlias: "system",
                platform: "Aliyun",
            })),
        };
    },
    // The versions ASM offers, as DescribeVersions answers them: full build strings.
    "alicloud:servicemesh/getVersions:getVersions": inputs => {
        const versions = [
            "v1.22.6.66-g9a1b2c3d-aliyun",
            "v1.22.6.71-g8ce85c40-aliyun",
            "v1.24.6.55-g0f1e2d3c-aliyun",
            "v1.25.4.20-g1234abcd-aliyun",
        ];
        const edition = inputs.edition ?? "Pro";
        return {
            id: edition,
            edition,
            ids: versions.map(v => `${edition}:${v}`),
            versions: versions.map(version => ({ id: `${edition}:${version}`, edition, version })),
        };
    },
    "alicloud:cs/getClusterCredential:getClusterCredential": inputs => ({
        id: inputs.clusterId,
        clusterId: inputs.clusterId,
        clusterName: inputs.clusterId,
        kubeConfig: KUBECONFIG(inputs.clusterId, `https://${inputs.clusterId}.cs.aliyuncs.com:6443`),
        certificateAuthority: { clusterCert: "TU9DSw==", clientCert: "TU9DSw==", clientKey: "TU9DSw==" },
    }),
};
