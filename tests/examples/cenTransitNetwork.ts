// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { alicloud } from "../../components";

const chengdu = new alicloud.RegionalVpc("chengdu", {
    region: "cn-chengdu",
    cidrBlock: "172.16.0.0/12",
    vSwitches: {
        vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
        vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
    },
});
const hangzhou = new alicloud.RegionalVpc("hangzhou", {
    region: "cn-hangzhou",
    cidrBlock: "192.168.0.0/16",
    vSwitches: {
        vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
        vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
    },
});

// One Enterprise transit router per region, a VPC attachment per member, an inter-region
// connection of up to 10 Mbit/s billed by data transfer, and a route from chengdu to vsw4.
const network = new alicloud.CenTransitNetwork("backbone", {
    members: { chengdu: { vpc: chengdu }, hangzhou: { vpc: hangzhou } },
    peerBandwidthMbps: 10,
    vpcRoutes: [{ member: "chengdu", destinationCidrBlock: "192.168.7.0/24" }],
});

export const cenId = network.cenId;
export const transitRouterIds = Object.values(network.transitRouters).map(tr => tr.transitRouterId);
// The connection between two regions, in either order.
export const peeringId = network.peerAttachmentId("cn-hangzhou", "cn-chengdu");
