/**
 * Outputs shaped like the real AWS provider's: `vpc-…`/`subnet-…`/`sg-…` ids, ARNs for every
 * resource that has one, the ALB's DNS name and the names ECS and CloudWatch echo back.
 */
import type { MockContext, MockOutputs } from "./alicloud";
import { createHash } from "node:crypto";
import { acmValidationName, canonicalDnsName } from "../../components/aws/dnsNames";
import { fakeEc2Id, fakeId } from "./ids";
import type { PropertyBag } from "./world";

const ACCOUNT = "123456789012";

function arn(service: string, region: string, resource: string): string {
    return `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
}

/** A stable 16-hex-digit suffix, as ELB ends its load balancer, target group and listener ARNs. */
function elbSuffix(name: string): string {
    return createHash("sha256").update(name).digest("hex").slice(0, 16);
}

/**
 * The hosted zone of each region's ALBs, which an alias record must name (AWS General Reference,
 * "Elastic Load Balancing endpoints and quotas", Application Load Balancers column).
 */
const ALB_HOSTED_ZONES: Readonly<Record<string, string>> = {
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-east-2": "Z3AADJGX6KTTL2",
    "us-west-1": "Z368ELLRRE2KJ0",
    "us-west-2": "Z1H1FL5HABSF5",
    "ap-northeast-1": "Z14GRHDCWA56QT",
    "ap-northeast-2": "ZWKZPGTI48KDX",
    "ap-northeast-3": "Z5LXEXXYW11ES",
    "ap-south-1": "ZP97RAFLXTNZK",
    "ap-southeast-1": "Z1LMS91P8CMLE5",
    "ap-southeast-2": "Z1GM3OXH4ZPM65",
    "ca-central-1": "ZQSVJUPU6J1EY",
    "eu-central-1": "Z215JYRZR1TBD5",
    "eu-west-1": "Z32O12XQLNTSW2",
    "eu-west-2": "ZHURV8PSTC4K8",
    "eu-west-3": "Z3Q77PNBQS71R4",
    "eu-north-1": "Z23TAZ7KKBBOAO",
    "sa-east-1": "Z2P70J7HTTTPLU",
};

type Rule = (ctx: MockContext) => MockOutputs;

/** A stable UUID-shaped id, as ACM ends its certificate ARNs. */
function uuidOf(name: string): string {
    const h = createHash("sha256").update(name).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Resource types whose id is a plain prefixed id, the resource type their ARN names (EC2 ARNs
 * spell it out: `security-group/sg-…`, `internet-gateway/igw-…`, `elastic-ip/eipalloc-…`), and
 * which of `arn`, `ownerId` and `vpcId` the real resource outputs (a NAT gateway has no ARN, a
 * route no owner): the mocks answer no more.
 */
const PREFIXED: Record<string, [prefix: string, arnType: string, outputs: ReadonlyArray<"arn" | "ownerId" | "vpcId">]> =
    {
        "aws:ec2/vpc:Vpc": ["vpc", "vpc", ["arn", "ownerId"]],
        "aws:ec2/subnet:Subnet": ["subnet", "subnet", ["arn", "ownerId", "vpcId"]],
        "aws:ec2/securityGroup:SecurityGroup": ["sg", "security-group", ["arn", "ownerId", "vpcId"]],
        "aws:ec2/internetGateway:InternetGateway": ["igw", "internet-gateway", ["arn", "ownerId", "vpcId"]],
        "aws:ec2/natGateway:NatGateway": ["nat", "natgateway", ["vpcId"]],
        "aws:ec2/eip:Eip": ["eipalloc", "elastic-ip", ["arn"]],
        "aws:ec2/routeTable:RouteTable": ["rtb", "route-table", ["arn", "ownerId", "vpcId"]],
        "aws:ec2/routeTableAssociation:RouteTableAssociation": ["rtbassoc", "", []],
        "aws:ec2/route:Route": ["r-rtb", "", []],
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["sgr", "security-group-rule", ["arn"]],
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["sgr", "security-group-rule", ["arn"]],
    };

export const awsRules: Record<string, Rule> = {
    "pulumi:providers:aws": ({ name }) => ({ id: `provider-${name}` }),
    ...Object.fromEntries(
        Object.entries(PREFIXED).map(([type, [prefix, arnType, outputs]]) => [
            type,
            ({ name, region, inputs }: MockContext) => {
                const id = fakeEc2Id(prefix, name);
                const all = { arn: arn("ec2", region, `${arnType}/${id}`), ownerId: ACCOUNT, vpcId: inputs.vpcId };
                const state: Record<string, unknown> = Object.fromEntries(outputs.map(key => [key, all[key]]));
                // An EIP answers its address, which a NAT gateway's egress and a DNS record use.
                if (type === "aws:ec2/eip:Eip") state.publicIp = `203.0.113.${(parseInt(id.slice(-2), 16) % 254) + 1}`;
                // A VPC asked for an Amazon-provided IPv6 block answers a /56 of Amazon's 2406:da00::/24.
                if (type === "aws:ec2/vpc:Vpc" && inputs.assignGeneratedIpv6CidrBlock) {
                    state.ipv6CidrBlock = `2406:da14:${id.slice(-8, -4)}:${id.slice(-2)}00::/56`;
                }
                return { id, state };
            },
        ]),
    ),
    "aws:ec2/vpcEndpoint:VpcEndpoint": ({ name, inputs, region }) => {
        const id = fakeEc2Id("vpce", name);
        // A gateway endpoint (S3, DynamoDB) is reached through its service's managed prefix list.
        const prefixListId =
            inputs.vpcEndpointType === "Gateway"
                ? fakeId("pl", String(inputs.serviceName)).replace("-mock", "-")
                : undefined;
        return {
            id,
            state: {
                arn: arn("ec2", region, `vpc-endpoint/${id}`),
                ownerId: ACCOUNT,
                vpcId: inputs.vpcId,
                prefixListId,
            },
        };
    },
    "aws:lb/loadBalancer:LoadBalancer": ({ name, inputs, region }) => {
        const lbName = inputs.name ?? name.slice(0, 32);
        const lbArn = arn("elasticloadbalancing", region, `loadbalancer/app/${lbName}/${elbSuffix(name)}`);
        return {
            id: lbArn,
            state: {
                arn: lbArn,
                arnSuffix: lbArn.split(":loadbalancer/")[1],
                dnsName: `${lbName}-${parseInt(fakeId("", name).slice(-6), 16)}.${region}.elb.amazonaws.com`,
                zoneId: ALB_HOSTED_ZONES[region] ?? "ZUNKNOWNREGION",
            },
        };
    },
    "aws:lb/targetGroup:TargetGroup": ({ name, inputs, region }) => {
        const tgName = inputs.name ?? name.slice(0, 32);
        const tgArn = arn("elasticloadbalancing", region, `targetgroup/${tgName}/${elbSuffix(name)}`);
        return { id: tgArn, state: { arn: tgArn, arnSuffix: tgArn.split(":")[5] } };
    },
    // listener/app/<load balancer name>/<load balancer id>/<listener id>
    "aws:lb/listener:Listener": ({ name, inputs, region }) => {
        const lb =
            String(inputs.loadBalancerArn ?? "").split(":loadbalancer/app/")[1] ?? `${name}/${elbSuffix(`${name}-lb`)}`;
        const id = arn("elasticloadbalancing", region, `listener/app/${lb}/${elbSuffix(name)}`);
        return { id, state: { arn: id } };
    },
    // listener-rule/app/<load balancer name>/<load balancer id>/<listener id>/<rule id>
    "aws:lb/listenerRule:ListenerRule": ({ name, inputs, region }) => {
        const listener =
            String(inputs.listenerArn ?? "").split(":listener/")[1] ??
            `app/${name}/${elbSuffix(`${name}-lb`)}/${elbSuffix(`${name}-listener`)}`;
        const id = arn("elasticloadbalancing", region, `listener-rule/${listener}/${elbSuffix(name)}`);
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
        return {
            id,
            state: {
                arn: arn("ecs", region, `task-definition/${family}:1`),
                revision: 1,
                arnWithoutRevision: arn("ecs", region, `task-definition/${family}`),
            },
        };
    },
    // The id and ARN name the cluster: service/<cluster>/<service> (the import format is cluster-name/service-name).
    "aws:ecs/service:Service": ({ name, inputs, region }) => {
        const serviceName = inputs.name ?? name;
        const cluster = String(inputs.cluster ?? "default")
            .split("/")
            .pop();
        const id = arn("ecs", region, `service/${cluster}/${serviceName}`);
        return { id, state: { name: serviceName, arn: id } };
    },
    // The association's id is the cluster's name.
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": ({ inputs }) => ({
        id: String(inputs.clusterName),
    }),
    // A scalable target's id is its resource id (`service/<cluster>/<service>`); it has an ARN of its own.
    "aws:appautoscaling/target:Target": ({ name, inputs, region }) => ({
        id: String(inputs.resourceId),
        state: { arn: arn("application-autoscaling", region, `scalable-target/${fakeId("", name).slice(-20)}`) },
    }),
    "aws:appautoscaling/policy:Policy": ({ name, inputs, region }) => {
        const policyName = inputs.name ?? name;
        const id = arn(
            "autoscaling",
            region,
            `scalingPolicy:${fakeId("", name).slice(-12)}:resource/${inputs.resourceId}:policyName/${policyName}`,
        );
        return { id: policyName, state: { arn: id, name: policyName } };
    },
    "aws:appautoscaling/scheduledAction:ScheduledAction": ({ name, inputs, region }) => {
        const actionName = inputs.name ?? name;
        const id = arn(
            "autoscaling",
            region,
            `scheduledAction:${fakeId("", name).slice(-12)}:resource/${inputs.resourceId}:scheduledActionName/${actionName}`,
        );
        return { id, state: { arn: id, name: actionName } };
    },
    "aws:cloudwatch/logGroup:LogGroup": ({ name, inputs, region }) => {
        const groupName = inputs.name ?? name;
        return { id: groupName, state: { name: groupName, arn: arn("logs", region, `log-group:${groupName}`) } };
    },
    "aws:iam/role:Role": ({ name, inputs }) => {
        const roleName = inputs.name ?? name;
        return {
            id: roleName,
            state: { name: roleName, arn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, uniqueId: fakeId("AROA", name) },
        };
    },
    "aws:iam/rolePolicy:RolePolicy": ({ name, inputs }) => ({ id: `${inputs.role}:${inputs.name ?? name}` }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ({ name, inputs }) => ({
        id: `${inputs.role}-${fakeId("", name).slice(5)}`,
    }),
    // ACM answers one validation CNAME per name, the same for a wildcard and its base name, with the
    // trailing dots Route 53 names carry; the certificate's id is its ARN.
    "aws:acm/certificate:Certificate": ({ name, inputs, region }) => {
        const id = arn("acm", region, `certificate/${uuidOf(name)}`);
        const names = [inputs.domainName, ...(inputs.subjectAlternativeNames ?? [])].map(String);
        const domainValidationOptions = [...new Set(names)].map(domainName => {
            const base = acmValidationName(domainName);
            const token = createHash("sha256").update(`${id}|${base}`).digest("hex");
            return {
                domainName,
                resourceRecordName: `_${token.slice(0, 32)}.${base}.`,
                resourceRecordType: "CNAME",
                resourceRecordValue: `_${token.slice(32)}.${token.slice(0, 10)}.acm-validations.aws.`,
            };
        });
        return { id, state: { arn: id, domainValidationOptions, status: "PENDING_VALIDATION" } };
    },
    // The validation's id is the time ACM issued the certificate; it echoes the certificate's ARN.
    "aws:acm/certificateValidation:CertificateValidation": ({ inputs }) => ({
        id: "2026-01-01 00:00:00 +0000 UTC",
        state: { certificateArn: inputs.certificateArn },
    }),
    // A record's id is <zone>_<name>_<type>; its fqdn the name in lower case without the trailing dot.
    "aws:route53/record:Record": ({ inputs }) => {
        const fqdn = canonicalDnsName(String(inputs.name));
        return { id: `${inputs.zoneId}_${fqdn}_${inputs.type}`, state: { fqdn } };
    },
    // A bucket's id is its name (auto-named into `bucket`); it reports its region and ARN.
    "aws:s3/bucket:Bucket": ({ name, inputs, region }) => {
        const bucket = String(inputs.bucket ?? name);
        return {
            id: bucket,
            state: {
                bucket,
                arn: `arn:aws:s3:::${bucket}`,
                region,
                bucketDomainName: `${bucket}.s3.amazonaws.com`,
                bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`,
            },
        };
    },
    // The bucket's settings are known by the bucket's name.
    ...Object.fromEntries(
        [
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        ].map(type => [type, ({ inputs }: MockContext) => ({ id: String(inputs.bucket) })]),
    ),
    "aws:ecr/repository:Repository": ({ name, inputs, region }) => {
        const repoName = inputs.name ?? name;
        return {
            id: repoName,
            state: {
                arn: arn("ecr", region, `repository/${repoName}`),
                repositoryUrl: `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${repoName}`,
            },
        };
    },
};

/** Answers for the AWS data sources the components call. */
export const awsCalls: Record<string, (inputs: PropertyBag) => PropertyBag> = {
    "aws:index/getRegion:getRegion": inputs => ({
        id: inputs.region ?? "ap-northeast-1",
        name: inputs.region ?? "ap-northeast-1",
        region: inputs.region ?? "ap-northeast-1",
    }),
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({
        id: ACCOUNT,
        accountId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:user/mock`,
        userId: "AIDAMOCK",
    }),
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com" }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
        id: "ap-northeast-1",
        names: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
        zoneIds: ["apne1-az4", "apne1-az1", "apne1-az2"],
    }),
};
