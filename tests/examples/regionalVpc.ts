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

// A VPC that already exists: nothing is created but the region's provider; the description
// is checked like a new VPC's, and other components build on it the same way.
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
export const legacyRegion = legacy.region;
