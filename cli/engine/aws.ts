/**
 * Outputs shaped like the real AWS provider's: `vpc-…`/`subnet-…`/`sg-…` ids, ARNs for every
 * resource that has one, the ALB's DNS name and the names ECS and CloudWatch echo back.
 */
import type { MockContext, MockOutputs } from "./alicloud";
import { fakeId } from "./ids";

const ACCOUNT = "123456789012";

function arn(service: string, region: string, resource: string): string {
    return `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
}

type Rule = (ctx: MockContext) => MockOutputs;

/**
 * Resource types whose id is a plain prefixed id, with which of `arn`, `ownerId` and `vpcId` the
 * real resource outputs (a NAT gateway has no ARN, a route no owner): the mocks answer no more.
 */
const PREFIXED: Record<string, [prefix: string, outputs: ReadonlyArray<"arn" | "ownerId" | "vpcId">]> = {
    "aws:ec2/vpc:Vpc": ["vpc", ["arn", "ownerId"]],
    "aws:ec2/subnet:Subnet": ["subnet", ["arn", "ownerId", "vpcId"]],
    "aws:ec2/securityGroup:SecurityGroup": ["sg", ["arn", "ownerId", "vpcId"]],
    "aws:ec2/internetGateway:InternetGateway": ["igw", ["arn", "ownerId", "vpcId"]],
    "aws:ec2/natGateway:NatGateway": ["nat", ["vpcId"]],
    "aws:ec2/eip:Eip": ["eipalloc", ["arn"]],
    "aws:ec2/routeTable:RouteTable": ["rtb", ["arn", "ownerId", "vpcId"]],
    "aws:ec2/routeTableAssociation:RouteTableAssociation": ["rtbassoc", []],
    "aws:ec2/route:Route": ["r-rtb", []],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["sgr", ["arn"]],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["sgr", ["arn"]],
};

export const awsRules: Record<string, Rule> = {
    "pulumi:providers:aws": ({ name }) => ({ id: `provider-${name}` }),
    ...Object.fromEntries(Object.entries(PREFIXED).map(([type, [prefix, outputs]]) => [type, ({ name, region, inputs }: MockContext) => {
        const id = fakeId(prefix, name);
        const all = { arn: arn("ec2", region, `${prefix}/${id}`), ownerId: ACCOUNT, vpcId: inputs.vpcId };
        return { id, state: Object.fromEntries(outputs.map(key => [key, all[key]])) };
    }])),
    "aws:ec2/vpcEndpoint:VpcEndpoint": ({ name, inputs, region }) => {
        const id = fakeId("vpce", name);
        // A gateway endpoint (S3, DynamoDB) is reached through its service's managed prefix list.
        const prefixListId = inputs.vpcEndpointType === "Gateway" ? fakeId("pl", String(inputs.serviceName)).replace("-mock", "-") : undefined;
        return { id, state: { arn: arn("ec2", region, `vpc-endpoint/${id}`), ownerId: ACCOUNT, vpcId: inputs.vpcId, prefixListId } };
    },
    "aws:lb/loadBalancer:LoadBalancer": ({ name, inputs, region }) => {
        const lbName = inputs.name ?? name.slice(0, 32);
        const lbArn = arn("elasticloadbalancing", region, `loadbalancer/app/${lbName}/${fakeId("", name).slice(5)}`);
        return { id: lbArn, state: { arn: lbArn, arnSuffix: lbArn.split(":loadbalancer/")[1], dnsName: `${lbName}-${parseInt(fakeId("", name).slice(-6), 16)}.${region}.elb.amazonaws.com`, zoneId: "Z14GRHDCWA56QT" } };
    },
    "aws:lb/targetGroup:TargetGroup": ({ name, inputs, region }) => {
        const tgName = inputs.name ?? name.slice(0, 32);
        const tgArn = arn("elasticloadbalancing", region, `targetgroup/${tgName}/${fakeId("", name).slice(5)}`);
        return { id: tgArn, state: { arn: tgArn, arnSuffix: tgArn.split(":")[5] } };
    },
    "aws:lb/listener:Listener": ({ name, region }) => {
        const id = arn("elasticloadbalancing", region, `listener/app/${name}/${fakeId("", name).slice(5)}`);
        return { id, state: { arn: id } };
    },
    "aws:lb/targetGroupAttachment:TargetGroupAttachment": ({ name }) => ({ id: fakeId("tga", name) }),
    "aws:ecs/cluster:Cluster": ({ name, inputs, region }) => {
        const clusterName = inputs.name ?? name;
        const id = arn("ecs", region, `cluster/${clusterName}`);
        return { id, state: { arn: id, name: clusterName } };
    },
    "aws:ecs/taskDefinition:TaskDefinition": ({ name, inputs, region }) => {
        const family = inputs.family ?? name;
        const id = family;
        return { id, state: { arn: arn("ecs", region, `task-definition/${family}:1`), revision: 1, arnWithoutRevision: arn("ecs", region, `task-definition/${family}`) } };
    },
    "aws:ecs/service:Service": ({ name, inputs, region }) => {
        const serviceName = inputs.name ?? name;
        const id = arn("ecs", region, `service/${serviceName}`);
        return { id, state: { name: serviceName } };
    },
    "aws:cloudwatch/logGroup:LogGroup": ({ name, inputs, region }) => {
        const groupName = inputs.name ?? name;
        return { id: groupName, state: { name: groupName, arn: arn("logs", region, `log-group:${groupName}`) } };
    },
    "aws:iam/role:Role": ({ name, inputs }) => {
        const roleName = inputs.name ?? name;
        return { id: roleName, state: { name: roleName, arn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, uniqueId: fakeId("AROA", name) } };
    },
    "aws:iam/rolePolicy:RolePolicy": ({ name, inputs }) => ({ id: `${inputs.role}:${inputs.name ?? name}` }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ({ name, inputs }) => ({ id: `${inputs.role}-${fakeId("", name).slice(5)}` }),
    "aws:ecr/repository:Repository": ({ name, inputs, region }) => {
        const repoName = inputs.name ?? name;
        return { id: repoName, state: { arn: arn("ecr", region, `repository/${repoName}`), repositoryUrl: `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${repoName}` } };
    },
};

/** Answers for the AWS data sources the components call. */
export const awsCalls: Record<string, (inputs: Record<string, any>) => Record<string, any>> = {
    "aws:index/getRegion:getRegion": inputs => ({ id: inputs.region ?? "ap-northeast-1", name: inputs.region ?? "ap-northeast-1", region: inputs.region ?? "ap-northeast-1" }),
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({ id: ACCOUNT, accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/mock`, userId: "AIDAMOCK" }),
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com" }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
        id: "ap-northeast-1", names: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"], zoneIds: ["apne1-az4", "apne1-az1", "apne1-az2"],
    }),
};
