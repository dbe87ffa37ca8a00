import * as pulumi from "@pulumi/pulumi";
import { RegionalVpc } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";

/**
 * `RegionalVpc.fromExisting`, from the README's legacy VPC. It registers only the region's
 * provider, so what the fuzz watches is that nothing bad is taken as a description: ids, blocks
 * and zones are passed to every component that builds on the VPC.
 */
export const existingRegionalVpc: FuzzTarget = {
    name: "RegionalVpc.fromExisting",
    base: () => ({
        region: "cn-hangzhou",
        vpcId: "vpc-bp1legacy0000000000",
        routeTableId: "vtb-bp1legacy0000000000",
        cidrBlock: "192.168.0.0/16",
        vSwitches: {
            app: { id: "vsw-bp1legacy0000000000", zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
            web: {
                id: "vsw-bp1web0000000000000",
                zoneId: "cn-hangzhou-h",
                cidrBlock: "192.168.8.0/24",
                ipv6Enabled: false,
            },
        },
        ipv6Enabled: false,
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => RegionalVpc.fromExisting("fuzz", args as never, opts),
};
