/**
 * The tutorials' networks, shared by the specs that rebuild them. Functions return fresh
 * objects, so a spec may change its copy without touching another's.
 */
import type { RegionalVpcArgs } from "../../components/alicloud/vpc";
import type { AlbFargateNetworkArgs, AlbFargateServiceArgs } from "../../components/aws/albFargateService";
import type { TwoTierVpcArgs } from "../../components/aws/network";

/** Seed 000, VPC1: the ALB's VPC in cn-chengdu, VSW1 in zone A and VSW2 in zone B. */
export function seed000Vpc1(): RegionalVpcArgs {
    return {
        region: "cn-chengdu",
        cidrBlock: "172.16.0.0/12",
        vSwitches: {
            vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
            vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
        },
    };
}

/** Seed 000, VPC2: the backends' VPC in cn-hangzhou, VSW3 in zone H, VSW4 (ECS1's, 192.168.7.0/24) in zone I. */
export function seed000Vpc2(): RegionalVpcArgs {
    return {
        region: "cn-hangzhou",
        cidrBlock: "192.168.0.0/16",
        vSwitches: {
            vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
            vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
        },
    };
}

/** Seed 004: the Tokyo VPC, public and private subnets in AZ a and c (the private one in c is 10.1.3.0/24). */
export function seed004Network(): TwoTierVpcArgs {
    return {
        cidrBlock: "10.1.0.0/16",
        publicSubnets: {
            "klein-public-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" },
            "klein-public-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.2.0/24" },
        },
        privateSubnets: {
            "klein-private-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" },
            "klein-private-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.3.0/24" },
        },
    };
}

/** S5's args with the network described, not a `TwoTierVpc`: what a spec may change field by field. */
export type AlbFargateServiceOnNetworkArgs = Omit<AlbFargateServiceArgs, "network"> & {
    network: AlbFargateNetworkArgs;
};

/** Seed 004's service with every name and option left to the component: nginx from ECR in Tokyo. */
export function seed004Service(): AlbFargateServiceOnNetworkArgs {
    return {
        region: "ap-northeast-1",
        network: seed004Network(),
        container: { image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx:latest" },
    };
}
