/** The S2 specs' shared fixture: the tutorial's instance and vSwitch given by id, and the child types they count. */
import { MultiEipEniArgs } from "../../components/alicloud/multiEipEni";

export const ENI = "ecs/ecsNetworkInterface:EcsNetworkInterface";
export const ATTACHMENT = "ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment";
export const EIP = "ecs/eipAddress:EipAddress";
export const ASSOCIATION = "ecs/eipAssociation:EipAssociation";

/** The tutorial's shape on a vSwitch given by id: an ecs.g7.large instance in Hangzhou (3 ENIs, 6 private IPv4 each). */
export function byId(overrides: Partial<MultiEipEniArgs> = {}): MultiEipEniArgs {
    return {
        instance: { id: "i-tutorial", region: "cn-hangzhou", instanceType: "ecs.g7.large", zoneId: "cn-hangzhou-h" },
        vSwitch: { id: "vsw-tutorial", cidrBlock: "172.16.0.0/24", zoneId: "cn-hangzhou-h" },
        securityGroupIds: ["sg-tutorial"],
        ...overrides,
    };
}
