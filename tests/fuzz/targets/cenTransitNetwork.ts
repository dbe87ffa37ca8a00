import * as pulumi from "@pulumi/pulumi";
import { CenTransitNetwork, RegionalVpc } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";

/**
 * The README example (tests/examples/cenTransitNetwork.ts), with a transit-router route and a
 * PrePaid bandwidth package of the connection's 10 Mbit/s, so every kind of input is mutated.
 */
export const cenTransitNetwork: FuzzTarget = {
    name: "CenTransitNetwork",
    base: opts => {
        const chengdu = new RegionalVpc(
            "chengdu",
            {
                region: "cn-chengdu",
                cidrBlock: "172.16.0.0/12",
                vSwitches: {
                    vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
                    vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
                },
            },
            opts,
        );
        const hangzhou = new RegionalVpc(
            "hangzhou",
            {
                region: "cn-hangzhou",
                cidrBlock: "192.168.0.0/16",
                vSwitches: {
                    vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
                    vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
                },
            },
            opts,
        );
        return {
            members: { chengdu: { vpc: chengdu, attachmentVSwitches: ["vsw1", "vsw2"] }, hangzhou: { vpc: hangzhou } },
            peerBandwidthMbps: 10,
            bandwidthPackage: { bandwidthMbps: 10, paymentType: "PrePaid", period: 1, autoRenew: true },
            vpcRoutes: [{ member: "chengdu", destinationCidrBlock: "192.168.7.0/24" }],
            transitRouterRoutes: [
                { region: "cn-hangzhou", destinationCidrBlock: "10.0.0.0/16", nextHopMember: "hangzhou" },
            ],
            tags: { env: "dev" },
        };
    },
    create: (args, opts: pulumi.ComponentResourceOptions) => new CenTransitNetwork("fuzz", args as never, opts),
};
