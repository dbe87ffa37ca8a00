/**
 * The components under fuzz, each with the valid input it starts from (the README examples'
 * numbers) and what it needs built first. Names are the fuzz table's rows.
 */
import * as pulumi from "@pulumi/pulumi";
import { MultiEipEni, RegionalVpc } from "../../components/alicloud";
import { AlbFargateService, TwoTierVpc } from "../../components/aws";
import { FuzzTarget } from "./runner";

type Opts = pulumi.ComponentResourceOptions;

const awsNetwork = () => ({
    cidrBlock: "10.1.0.0/16",
    publicSubnets: {
        "public-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" },
        "public-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.2.0/24" },
    },
    privateSubnets: {
        "private-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" },
        "private-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.3.0/24" },
    },
    egress: "vpcEndpoints",
});

export const TARGETS: readonly FuzzTarget[] = [
    {
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
        create: (args, opts: Opts) => new RegionalVpc("fuzz", args as never, opts),
    },
    {
        name: "MultiEipEni",
        base: () => ({
            instance: { id: "i-bp1sites000000000000", region: "cn-hangzhou", instanceType: "ecs.g7.large", zoneId: "cn-hangzhou-h" },
            vSwitch: { id: "vsw-bp1web0000000000000", cidrBlock: "172.16.0.0/24", zoneId: "cn-hangzhou-h" },
            securityGroupIds: ["sg-bp1sites00000000000"],
            privateIps: ["172.16.0.57", "172.16.0.77", "172.16.0.78"],
            eip: { bandwidth: 5, internetChargeType: "PayByBandwidth" },
            tags: { env: "dev" },
        }),
        create: (args, opts: Opts) => new MultiEipEni("fuzz", args as never, opts),
    },
    {
        name: "TwoTierVpc",
        base: () => ({ region: "ap-northeast-1", ...awsNetwork(), tags: { env: "dev" } }),
        create: (args, opts: Opts) => new TwoTierVpc("fuzz", args as never, opts),
    },
    {
        name: "AlbFargateService",
        base: () => ({
            region: "ap-northeast-1",
            network: awsNetwork(),
            container: { name: "hello-nginx", image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx:latest", port: 80 },
            cpu: 256,
            memory: 512,
            services: { "service-1": { desiredCount: 1 }, "service-2": { desiredCount: 1 } },
            allowedCidrs: ["203.0.113.0/24"],
            tags: { env: "dev" },
        }),
        create: (args, opts: Opts) => new AlbFargateService("fuzz", args as never, opts),
    },
];
