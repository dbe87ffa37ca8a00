import * as pulumi from "@pulumi/pulumi";
import { CrossRegionAlbBackend, RegionalVpc } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";

/** S1 as the README shows it (tests/examples/crossRegionAlbBackend.ts), its two VPCs built first. */
export const crossRegionAlbBackend: FuzzTarget = {
    name: "CrossRegionAlbBackend",
    base: (opts: pulumi.ComponentResourceOptions) => ({
        albVpc: new RegionalVpc(
            "vpc1",
            {
                region: "cn-chengdu",
                cidrBlock: "172.16.0.0/12",
                vSwitches: {
                    vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
                    vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
                },
            },
            opts,
        ),
        backendVpc: new RegionalVpc(
            "vpc2",
            {
                region: "cn-hangzhou",
                cidrBlock: "192.168.0.0/16",
                vSwitches: {
                    vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
                    vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
                },
            },
            opts,
        ),
        backends: { ecs1: { ipv4Address: "192.168.7.10", securityGroup: "backend" } },
        securityGroups: { backend: "sg-bp1backend000000000" },
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new CrossRegionAlbBackend("fuzz", args as never, opts),
};
