import * as pulumi from "@pulumi/pulumi";
import { RegionalVpc } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";

export const regionalVpc: FuzzTarget = {
    name: "RegionalVpc",
    base: () => ({
        region: "cn-chengdu",
        cidrBlock: "172.16.0.0/12",
        vSwitches: {
            vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
            vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24", ipv6CidrBlockMask: 1 },
        },
        enableIpv6: true,
        tags: { env: "dev" },
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new RegionalVpc("fuzz", args as never, opts),
};
