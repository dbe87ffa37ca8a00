// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { alicloud } from "../../components";

// S3: a dual-stack ALB in zones E and G of cn-shanghai, reaching ECS01 by IPv4 and ECS02 by
// IPv6, with a CNAME at the apex of example.com.
const vpc = new alicloud.RegionalVpc("web", {
    region: "cn-shanghai",
    cidrBlock: "192.168.0.0/16",
    enableIpv6: true,
    vSwitches: {
        vsw1: { zoneId: "cn-shanghai-e", cidrBlock: "192.168.1.0/24", ipv6CidrBlockMask: 1 },
        vsw2: { zoneId: "cn-shanghai-g", cidrBlock: "192.168.2.0/24", ipv6CidrBlockMask: 2 },
    },
});

const alb = new alicloud.DualStackAlb("web", {
    vpc,
    backends: {
        ecs01: { instanceId: "i-uf6ecs0100000000000", vSwitch: "vsw1", ipv4Address: "192.168.1.10", securityGroup: "web" },
        ecs02: { instanceId: "i-uf6ecs0200000000000", vSwitch: "vsw2", ipv6Address: "2408:4005:3a0:4301::10", securityGroup: "web" },
    },
    securityGroups: { web: "sg-uf6web000000000000" },
    dns: { domainName: "example.com", rr: "@" },
});

export const albDnsName = alb.dnsName;
export const albIpv6Addresses = alb.ipv6Addresses;
