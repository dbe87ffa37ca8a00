// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { alicloud } from "../../components";

// S1: an ALB in cn-chengdu serving ECS1 (192.168.7.10, port 80) in cn-hangzhou over CEN.
const albVpc = new alicloud.RegionalVpc("vpc1", {
    region: "cn-chengdu",
    cidrBlock: "172.16.0.0/12",
    vSwitches: {
        vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
        vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
    },
});
const backendVpc = new alicloud.RegionalVpc("vpc2", {
    region: "cn-hangzhou",
    cidrBlock: "192.168.0.0/16",
    vSwitches: {
        vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
        vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
    },
});

// Also creates the CEN (pass `cen` to join an existing one), an IP server group with the
// backend as a remote IP, an HTTP listener on 80, routes both ways, and ingress to the
// backend's group only from the ALB's vSwitches.
const app = new alicloud.CrossRegionAlbBackend("app", {
    albVpc,
    backendVpc,
    backends: { ecs1: { ipv4Address: "192.168.7.10", securityGroup: "backend" } },
    securityGroups: { backend: "sg-bp1backend000000000" },
});

export const albDnsName = app.dnsName;
