import * as pulumi from "@pulumi/pulumi";
import { MultiEipEni } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";

export const multiEipEni: FuzzTarget = {
    name: "MultiEipEni",
    base: () => ({
        instance: {
            id: "i-bp1sites000000000000",
            region: "cn-hangzhou",
            instanceType: "ecs.g7.large",
            zoneId: "cn-hangzhou-h",
        },
        vSwitch: { id: "vsw-bp1web0000000000000", cidrBlock: "172.16.0.0/24", zoneId: "cn-hangzhou-h" },
        securityGroupIds: ["sg-bp1sites00000000000"],
        privateIps: ["172.16.0.57", "172.16.0.77", "172.16.0.78"],
        eip: { bandwidth: 5, internetChargeType: "PayByBandwidth" },
        tags: { env: "dev" },
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new MultiEipEni("fuzz", args as never, opts),
};
