// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { alicloud } from "../../components";

// S2: three public IPs on one ECS instance, through a secondary ENI whose three private IPs
// are each bound to an EIP in NAT mode. The instance and its vSwitch already exist.
const sites = new alicloud.MultiEipEni("sites", {
    instance: { id: "i-bp1sites000000000000", region: "cn-hangzhou", instanceType: "ecs.g7.large", zoneId: "cn-hangzhou-h" },
    vSwitch: { id: "vsw-bp1web0000000000000", cidrBlock: "172.16.0.0/24", zoneId: "cn-hangzhou-h" },
    securityGroupIds: ["sg-bp1sites00000000000"],
    privateIps: ["172.16.0.57", "172.16.0.77", "172.16.0.78"],
    eip: { bandwidth: 5, internetChargeType: "PayByBandwidth" },
});

export const publicIps = sites.publicIps;
// The eth1 aliases and policy routes to run on the instance (e.g. from cloud-init).
export const guestScript = sites.guestScript;
