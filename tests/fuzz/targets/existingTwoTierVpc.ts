import * as pulumi from "@pulumi/pulumi";
import { TwoTierVpc } from "../../../components/aws";
import { FuzzTarget } from "../runner";

/** The README example's S5 VPC (`10.1.0.0/16`, subnets in ap-northeast-1a and 1c), described as one that exists. */
export const existingTwoTierVpc: FuzzTarget = {
    name: "ExistingTwoTierVpc",
    base: () => ({
        region: "ap-northeast-1",
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.1.0.0/16",
        publicSubnets: {
            "public-1a": {
                id: "subnet-0a000000000000001",
                availabilityZone: "ap-northeast-1a",
                cidrBlock: "10.1.0.0/24",
            },
            "public-1c": {
                id: "subnet-0c000000000000001",
                availabilityZone: "ap-northeast-1c",
                cidrBlock: "10.1.2.0/24",
            },
        },
        privateSubnets: {
            "private-1a": {
                id: "subnet-0a000000000000002",
                availabilityZone: "ap-northeast-1a",
                cidrBlock: "10.1.1.0/24",
            },
            "private-1c": {
                id: "subnet-0c000000000000002",
                availabilityZone: "ap-northeast-1c",
                cidrBlock: "10.1.3.0/24",
            },
        },
        privateRouteTableIds: ["rtb-0123456789abcdef0"],
        egress: "vpcEndpoints",
        tags: { env: "dev" },
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => TwoTierVpc.fromExisting("fuzz", args as never, opts),
};
