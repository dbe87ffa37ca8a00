import * as pulumi from "@pulumi/pulumi";
import { DualStackAlb, RegionalVpc } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";

/** S3 as the README shows it (tests/examples/dualStackAlb.ts), its VPC built first. */
export const dualStackAlb: FuzzTarget = {
    name: "DualStackAlb",
    base: (opts: pulumi.ComponentResourceOptions) => ({
        vpc: new RegionalVpc(
            "web",
            {
                region: "cn-shanghai",
                cidrBlock: "192.168.0.0/16",
                enableIpv6: true,
                vSwitches: {
                    vsw1: { zoneId: "cn-shanghai-e", cidrBlock: "192.168.1.0/24", ipv6CidrBlockMask: 1 },
                    vsw2: { zoneId: "cn-shanghai-g", cidrBlock: "192.168.2.0/24", ipv6CidrBlockMask: 2 },
                },
            },
            opts,
        ),
        backends: {
            ecs01: {
                instanceId: "i-uf6ecs0100000000000",
                vSwitch: "vsw1",
                ipv4Address: "192.168.1.10",
                securityGroup: "web",
            },
            ecs02: {
                instanceId: "i-uf6ecs0200000000000",
                vSwitch: "vsw2",
                ipv6Address: "2408:4005:3a0:4301::10",
                securityGroup: "web",
            },
        },
        securityGroups: { web: "sg-uf6web000000000000" },
        dns: { domainName: "example.com", rr: "@" },
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new DualStackAlb("fuzz", args as never, opts),
};
