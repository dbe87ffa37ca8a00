// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { alicloud } from "../../components";

// A new VPC with two vSwitches in cn-chengdu (the cross-region ALB tutorial's VPC1).
const edge = new alicloud.RegionalVpc("edge", {
    region: "cn-chengdu",
    cidrBlock: "172.16.0.0/12",
    vSwitches: {
        vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
        vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
    },
    tags: { env: "dev" },
});

// A VPC that already exists: only the region's provider is created. The description is still
// checked (region, zones, blocks inside the VPC and disjoint), and components take it as a network.
const legacy = alicloud.RegionalVpc.fromExisting("legacy", {
    region: "cn-hangzhou",
    vpcId: "vpc-bp1legacy0000000000",
    routeTableId: "vtb-bp1legacy0000000000",
    cidrBlock: "192.168.0.0/16",
    vSwitches: {
        app: { id: "vsw-bp1legacy0000000000", zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
    },
});

export const edgeVpcId = edge.vpcId;
export const edgeVSwitchIds = [edge.vSwitches.vsw1.id, edge.vSwitches.vsw2.id];
export const legacyAppVSwitchId = legacy.vSwitches.app.id;
