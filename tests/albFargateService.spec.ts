import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../components/sdk/aws";
import {
    AlbFargateService,
    AlbFargateServiceArgs,
    checkAlbFargateServiceArgs,
    validateAlbFargateServiceArgs,
} from "../components/aws/albFargateService";
import { checkFargateSize, FARGATE_MEMORY_BY_CPU, parseEcrImage } from "../components/aws/fargate";
import { TwoTierVpc } from "../components/aws/network";
import { Problems } from "../components/errors";
import { build, valueOf, world } from "./mocks";
import { AlbFargateServiceOnNetworkArgs, seed004Network, seed004Service } from "./support/tutorials";
import { expectRejection, expectRejectionWhenKnown } from "./mocks/rejection";

const IMAGE = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx:latest";
const REPO_ARN = "arn:aws:ecr:ap-northeast-1:123456789012:repository/hello-nginx";

/** Seed 004: Tokyo, public and private subnets in AZ a and c (private 10.1.3.0/24 in c), nginx from ECR on 80, two services. */
const tutorial = (): AlbFargateServiceOnNetworkArgs => ({
    region: "ap-northeast-1",
    network: seed004Network(),
    clusterName: "klein-cluster",
    family: "klein-task-A",
    container: { name: "hello-nginx", image: IMAGE, port: 80 },
    services: { on1: { name: "publicIpOn" }, on2: { name: "publicIpOn2" } },
});

/** An existing VPC, as the tutorial's `vpc-elb-ec2` would be described. */
const existingNetwork = () => ({
    vpcId: "vpc-0abc0000",
    cidrBlock: "10.1.0.0/16",
    publicSubnets: {
        pub1a: { id: "subnet-pub1a000", availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" },
        pub1c: { id: "subnet-pub1c000", availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.2.0/24" },
    },
    privateSubnets: {
        priv1a: { id: "subnet-priv1a00", availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" },
        priv1c: { id: "subnet-priv1c00", availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.3.0/24" },
    },
    privateRouteTableIds: ["rtb-priv0000"],
});

/** Builds with bad args and returns the problems, asserting nothing was registered. */
async function rejection(args: AlbFargateServiceArgs, name = "bad") {
    const error = await expectRejection(
        `topologies:aws:AlbFargateService '${name}'`,
        opts => new AlbFargateService(name, args, opts),
    );
    return error.problems;
}

/** Asserts the rejection has a problem at `path` whose message matches `message`. */
async function assertProblem(args: AlbFargateServiceArgs, path: string, message: RegExp) {
    const problems = await rejection(args);
    assert.ok(
        problems.some(p => p.path === path && message.test(p.message)),
        `expected a problem at ${path} matching ${message}; got ${JSON.stringify(problems, null, 1)}`,
    );
}

function with_(mutate: (a: AlbFargateServiceOnNetworkArgs) => void): AlbFargateServiceOnNetworkArgs {
    const args = tutorial();
    mutate(args);
    return args;
}

const ingressRules = () => world.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
const egressRules = () => world.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");

describe("AlbFargateService: the tutorial's shape (seed 004)", () => {
    it("builds VPC, endpoints, ALB, ip target group and two services with load balancer blocks", async () => {
        const svc = await build(opts => new AlbFargateService("klein", tutorial(), opts));
        assert.deepEqual(world.countByType(), {
            "topologies:aws:AlbFargateService": 1,
            "topologies:aws:TwoTierVpc": 1,
            "pulumi:providers:aws": 1,
            "aws:ec2/vpc:Vpc": 1,
            "aws:ec2/internetGateway:InternetGateway": 1,
            "aws:ec2/subnet:Subnet": 4,
            "aws:ec2/routeTable:RouteTable": 2,
            "aws:ec2/route:Route": 1,
            "aws:ec2/routeTableAssociation:RouteTableAssociation": 4,
            "aws:ec2/securityGroup:SecurityGroup": 3,
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 3,
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 3,
            "aws:ec2/vpcEndpoint:VpcEndpoint": 4,
            "aws:cloudwatch/logGroup:LogGroup": 1,
            "aws:iam/role:Role": 2,
            "aws:iam/rolePolicy:RolePolicy": 1,
            "aws:ecs/cluster:Cluster": 1,
            "aws:ecs/taskDefinition:TaskDefinition": 1,
            "aws:lb/loadBalancer:LoadBalancer": 1,
            "aws:lb/targetGroup:TargetGroup": 1,
            "aws:lb/listener:Listener": 1,
            "aws:ecs/service:Service": 2,
        });
        // Every cloud resource uses the one Tokyo provider, under the component or its network.
        assert.equal(world.named("klein-provider").inputs.region, "ap-northeast-1");
        for (const r of world.resources.filter(r => r.custom && !r.type.startsWith("pulumi:providers:"))) {
            assert.equal(world.regionOf(r), "ap-northeast-1", `${r.name} region`);
            assert.ok(r.parent === "klein" || r.parent === "klein-network", `${r.name} parent ${r.parent}`);
        }
        assert.equal(world.named("klein-network").parent, "klein");

        const vpc = world.named("klein-network-vpc");
        assert.deepEqual(
            [vpc.inputs.cidrBlock, vpc.inputs.enableDnsSupport, vpc.inputs.enableDnsHostnames],
            ["10.1.0.0/16", true, true],
        );
        const private1c = world.named("klein-network-klein-private-1c");
        assert.deepEqual(
            [private1c.inputs.cidrBlock, private1c.inputs.availabilityZone, private1c.inputs.vpcId],
            ["10.1.3.0/24", "ap-northeast-1c", vpc.id],
        );
        assert.equal(private1c.inputs.mapPublicIpOnLaunch, false);
        assert.equal(world.named("klein-network-public-default").inputs.gatewayId, world.named("klein-network-igw").id);
        assert.equal(world.ofType("ec2/natGateway:NatGateway").length, 0);

        // Egress without public IPs: ECR api/dkr and Logs interface endpoints in both private subnets, S3 gateway on their route table.
        const privateIds = [world.named("klein-network-klein-private-1a").id, private1c.id];
        for (const service of ["ecr.api", "ecr.dkr", "logs"]) {
            const ep = world.named(`klein-network-${service.replace(".", "-")}`);
            assert.equal(ep.inputs.serviceName, `com.amazonaws.ap-northeast-1.${service}`);
            assert.equal(ep.inputs.vpcEndpointType, "Interface");
            assert.equal(ep.inputs.privateDnsEnabled, true);
            assert.deepEqual(ep.inputs.subnetIds, privateIds);
            assert.deepEqual(ep.inputs.securityGroupIds, [world.named("klein-network-endpoints-sg").id]);
        }
        const s3 = world.named("klein-network-s3");
        assert.deepEqual(
            [s3.inputs.serviceName, s3.inputs.vpcEndpointType, s3.inputs.routeTableIds],
            ["com.amazonaws.ap-northeast-1.s3", "Gateway", [world.named("klein-network-private-rt").id]],
        );
        assert.equal(
            world.named("klein-network-klein-private-1c-rta").inputs.routeTableId,
            world.named("klein-network-private-rt").id,
        );

        // ALB in both public subnets; target group of type ip.
        const alb = world.named("klein-alb");
        assert.deepEqual(alb.inputs.subnets, [
            world.named("klein-network-klein-public-1a").id,
            world.named("klein-network-klein-public-1c").id,
        ]);
        assert.deepEqual(alb.inputs.securityGroups, [world.named("klein-alb-sg").id]);
        assert.equal(alb.inputs.loadBalancerType, "application");
        const tg = world.named("klein-tg");
        assert.deepEqual(
            [tg.inputs.targetType, tg.inputs.protocol, tg.inputs.port, tg.inputs.vpcId, tg.inputs.deregistrationDelay],
            ["ip", "HTTP", 80, vpc.id, 30],
        );
        assert.deepEqual(tg.inputs.healthCheck, {
            enabled: true,
            protocol: "HTTP",
            port: "traffic-port",
            path: "/",
            matcher: "200",
            interval: 30,
            timeout: 5,
            healthyThreshold: 3,
            unhealthyThreshold: 3,
        });
        const http = world.named("klein-http");
        assert.deepEqual([http.inputs.port, http.inputs.protocol, http.inputs.loadBalancerArn], [80, "HTTP", alb.id]);
        assert.deepEqual(http.inputs.defaultActions, [{ type: "forward", targetGroupArn: tg.state.arn }]);
        assert.equal(
            world.ofType("lb/targetGroupAttachment:TargetGroupAttachment").length,
            0,
            "ECS registers the task IPs, nobody types them in",
        );

        // Two services: load balancer block, private subnets, task SG, no public IP, circuit breaker with rollback.
        const task = world.named("klein-task");
        for (const [key, serviceName] of [
            ["on1", "publicIpOn"],
            ["on2", "publicIpOn2"],
        ]) {
            const s = world.named(`klein-${key}`);
            assert.equal(s.inputs.name, serviceName);
            assert.equal(s.inputs.cluster, world.named("klein-cluster").state.arn);
            assert.equal(s.inputs.taskDefinition, task.state.arn);
            assert.equal(s.inputs.launchType, "FARGATE");
            assert.equal(s.inputs.desiredCount, 1);
            assert.deepEqual(s.inputs.loadBalancers, [
                { targetGroupArn: tg.state.arn, containerName: "hello-nginx", containerPort: 80 },
            ]);
            assert.deepEqual(s.inputs.networkConfiguration, {
                subnets: privateIds,
                securityGroups: [world.named("klein-task-sg").id],
                assignPublicIp: false,
            });
            assert.deepEqual(s.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
            assert.deepEqual(
                [
                    s.inputs.deploymentMinimumHealthyPercent,
                    s.inputs.deploymentMaximumPercent,
                    s.inputs.healthCheckGracePeriodSeconds,
                ],
                [100, 200, 60],
            );
            // ECS refuses a target group with no listener; tasks need the pull permission and the endpoints first.
            assert.deepEqual([...s.dependsOn].sort(), [
                "klein-execution-policy",
                "klein-http",
                "klein-network-ecr-api",
                "klein-network-ecr-dkr",
                "klein-network-logs",
                "klein-network-s3",
            ]);
        }

        // Task definition: Fargate, awsvpc, 256/512, nginx on 80, awslogs to the log group.
        assert.deepEqual(
            [
                task.inputs.family,
                task.inputs.cpu,
                task.inputs.memory,
                task.inputs.networkMode,
                task.inputs.requiresCompatibilities,
            ],
            ["klein-task-A", "256", "512", "awsvpc", ["FARGATE"]],
        );
        assert.equal(task.inputs.executionRoleArn, world.named("klein-execution-role").state.arn);
        assert.equal(task.inputs.taskRoleArn, world.named("klein-task-role").state.arn);
        const [container] = JSON.parse(task.inputs.containerDefinitions);
        assert.deepEqual(container, {
            name: "hello-nginx",
            image: IMAGE,
            essential: true,
            portMappings: [{ containerPort: 80, protocol: "tcp" }],
            environment: [],
            logConfiguration: {
                logDriver: "awslogs",
                options: {
                    "awslogs-group": world.named("klein-logs").inputs.name,
                    "awslogs-region": "ap-northeast-1",
                    "awslogs-stream-prefix": "hello-nginx",
                },
            },
        });
        // Pulumi names the log group, as it does the cluster, the ALB and the target group (the tutorial names the cluster itself).
        const logs = world.named("klein-logs");
        assert.match(logs.inputs.name, /^klein-logs-[0-9a-f]{7}$/);
        assert.equal(logs.inputs.retentionInDays, 30);
        assert.match(world.named("klein-alb").inputs.name, /^klein-alb-[0-9a-f]{7}$/);
        assert.match(world.named("klein-tg").inputs.name, /^klein-tg-[0-9a-f]{7}$/);
        assert.equal(world.named("klein-cluster").inputs.name, "klein-cluster");

        // Outputs.
        assert.equal(await valueOf(svc.dnsName), alb.state.dnsName);
        assert.equal(await valueOf(svc.albDnsName), alb.state.dnsName, "the deprecated alias names the same ALB");
        assert.equal(await valueOf(svc.albArn), alb.state.arn);
        assert.equal(await valueOf(svc.targetGroupArn), tg.state.arn);
        assert.equal(await valueOf(svc.clusterName), "klein-cluster");
        assert.deepEqual(await valueOf(pulumi.all(svc.serviceNames)), { on1: "publicIpOn", on2: "publicIpOn2" });
        assert.equal(await valueOf(svc.taskDefinitionArn), task.state.arn);
        assert.equal(await valueOf(svc.logGroupName), logs.inputs.name);
        assert.equal(await valueOf(svc.albSecurityGroupId), world.named("klein-alb-sg").id);
        assert.equal(await valueOf(svc.taskSecurityGroupId), world.named("klein-task-sg").id);
        assert.equal(await valueOf(svc.vpcId), vpc.id);
        assert.deepEqual(await valueOf(pulumi.all(svc.privateSubnetIds)), privateIds);
        assert.equal((await valueOf(pulumi.all(svc.publicSubnetIds))).length, 2);
    });

    it("admits the container port to tasks only from the ALB security group", async () => {
        await build(opts => new AlbFargateService("klein", tutorial(), opts));
        const albSg = world.named("klein-alb-sg").id;
        const taskSg = world.named("klein-task-sg").id;
        const toTasks = ingressRules().filter(r => r.inputs.securityGroupId === taskSg);
        assert.deepEqual(
            toTasks.map(r => [
                r.inputs.ipProtocol,
                r.inputs.fromPort,
                r.inputs.toPort,
                r.inputs.referencedSecurityGroupId,
                r.inputs.cidrIpv4,
            ]),
            [["tcp", 80, 80, albSg, undefined]],
        );
        const fromAlb = egressRules().filter(r => r.inputs.securityGroupId === albSg);
        assert.deepEqual(
            fromAlb.map(r => [r.inputs.fromPort, r.inputs.referencedSecurityGroupId]),
            [[80, taskSg]],
        );
        const toAlb = ingressRules().filter(r => r.inputs.securityGroupId === albSg);
        assert.deepEqual(
            toAlb.map(r => [r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4]),
            [["tcp", 80, 80, "0.0.0.0/0"]],
        );
        // The endpoints admit HTTPS from the VPC only.
        const toEndpoints = ingressRules().filter(
            r => r.inputs.securityGroupId === world.named("klein-network-endpoints-sg").id,
        );
        assert.deepEqual(
            toEndpoints.map(r => [r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4]),
            [[443, 443, "10.1.0.0/16"]],
        );
        // With endpoints only, tasks reach HTTPS in the VPC (the endpoints) and S3's prefix list: nothing else.
        const fromTasks = egressRules().filter(r => r.inputs.securityGroupId === taskSg);
        const s3 = world.named("klein-network-s3");
        assert.ok(s3.state.prefixListId?.startsWith("pl-"));
        assert.deepEqual(
            fromTasks.map(r => [r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4, r.inputs.prefixListId]),
            [
                [443, 443, "10.1.0.0/16", undefined],
                [443, 443, undefined, s3.state.prefixListId],
            ],
        );
    });

    it("lets tasks out on HTTPS to anywhere when they pull through a NAT gateway", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.network.egress = "natGateway";
                    }),
                    opts,
                ),
        );
        const fromTasks = egressRules().filter(r => r.inputs.securityGroupId === world.named("klein-task-sg").id);
        assert.deepEqual(
            fromTasks.map(r => [r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4]),
            [["tcp", 443, 443, "0.0.0.0/0"]],
        );
    });

    for (const [label, mutate] of [
        ["tutorial", () => undefined],
        [
            "HTTPS, NAT per AZ, extra targets, custom CIDRs",
            (a: AlbFargateServiceOnNetworkArgs) => {
                a.certificateArn = "arn:aws:acm:ap-northeast-1:123456789012:certificate/abc";
                a.network.egress = "natGatewayPerAz";
                a.extraTargets = [{ ip: "10.1.1.10" }, { ip: "10.2.0.5", port: 8080 }];
                a.allowedCidrs = ["203.0.113.0/24", "0.0.0.0/0"];
            },
        ],
    ] as Array<[string, (a: AlbFargateServiceOnNetworkArgs) => void]>) {
        it(`opens no security group to the world on all ports and gives no task a public IP (${label})`, async () => {
            await build(opts => new AlbFargateService("klein", with_(mutate), opts));
            for (const sg of world.ofType("ec2/securityGroup:SecurityGroup")) {
                assert.equal(sg.inputs.ingress, undefined, `${sg.name} has no inline ingress`);
                assert.equal(sg.inputs.egress, undefined, `${sg.name} has no inline egress`);
            }
            for (const rule of ingressRules()) {
                const world_ = rule.inputs.cidrIpv4 === "0.0.0.0/0" || rule.inputs.cidrIpv6 === "::/0";
                assert.notEqual(rule.inputs.ipProtocol, "-1", `${rule.name} allows all protocols`);
                assert.ok(
                    Number.isInteger(rule.inputs.fromPort) && rule.inputs.fromPort === rule.inputs.toPort,
                    `${rule.name} opens a port range`,
                );
                if (world_)
                    assert.ok(
                        [80, 443].includes(rule.inputs.fromPort),
                        `${rule.name} opens ${rule.inputs.fromPort} to the world`,
                    );
            }
            for (const s of world.ofType("ecs/service:Service"))
                assert.equal(s.inputs.networkConfiguration.assignPublicIp, false, s.name);
        });
    }

    it("lets the execution role pull only the image's repository and write only its log group", async () => {
        await build(opts => new AlbFargateService("klein", tutorial(), opts));
        const policy = world.named("klein-execution-policy");
        assert.equal(policy.inputs.role, world.named("klein-execution-role").id);
        const doc = JSON.parse(policy.inputs.policy);
        const logArn = world.named("klein-logs").state.arn;
        assert.deepEqual(doc.Statement, [
            { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            {
                Sid: "EcrPull",
                Effect: "Allow",
                Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                Resource: REPO_ARN,
            },
            {
                Sid: "Logs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${logArn}:log-stream:*`,
            },
        ]);
        assert.equal(
            world.ofType("iam/rolePolicyAttachment:RolePolicyAttachment").length,
            0,
            "no broad managed policy",
        );
        for (const role of ["klein-execution-role", "klein-task-role"]) {
            const r = world.named(role);
            assert.equal(r.inputs.managedPolicyArns, undefined);
            const trust = JSON.parse(r.inputs.assumeRolePolicy);
            assert.deepEqual(trust.Statement[0].Principal, { Service: "ecs-tasks.amazonaws.com" });
            assert.deepEqual(trust.Statement[0].Condition.StringEquals, { "aws:SourceAccount": "123456789012" });
        }
        // Only the task role names the source ECS ARN; the execution role trusts the account alone.
        const conditions = (role: string) =>
            JSON.parse(world.named(role).inputs.assumeRolePolicy).Statement[0].Condition;
        assert.deepEqual(conditions("klein-task-role").ArnLike, {
            "aws:SourceArn": "arn:aws:ecs:ap-northeast-1:123456789012:*",
        });
        assert.equal(conditions("klein-execution-role").ArnLike, undefined);
        // The task role is separate and empty by default.
        assert.equal(
            world.ofType("iam/rolePolicy:RolePolicy").filter(p => p.inputs.role === world.named("klein-task-role").id)
                .length,
            0,
        );
    });

    it("gives the task role the application's policy when one is given", async () => {
        const appPolicy = JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }],
        });
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.taskRolePolicy = appPolicy;
                    }),
                    opts,
                ),
        );
        const p = world.named("klein-task-policy");
        assert.deepEqual([p.inputs.role, p.inputs.policy], [world.named("klein-task-role").id, appPolicy]);
    });

    it("refuses a task policy allowing every action, and warns of a whole service's actions or NotAction", async () => {
        const policy = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
        const refused = await rejection(
            with_(a => {
                a.taskRolePolicy = policy(
                    // A Deny narrows what is granted, whatever it names.
                    { Effect: "Deny", Action: "*", Resource: "*" },
                    { Effect: "Allow", Action: ["s3:GetObject", "*:*"], Resource: "arn:aws:s3:::b/*" },
                    { Effect: "Allow", Action: "*", Resource: "*" },
                );
            }),
        );
        assert.deepEqual(refused, [
            {
                path: "taskRolePolicy",
                message: 'statement 1 allows every action of every AWS service ("*"): full administrative privileges.',
                fix: "List the actions the application calls, e.g. s3:GetObject on its bucket (AWS: apply least-privilege permissions).",
            },
            {
                path: "taskRolePolicy",
                message: 'statement 2 allows every action of every AWS service ("*"): full administrative privileges.',
                fix: "List the actions the application calls, e.g. s3:GetObject on its bucket (AWS: apply least-privilege permissions).",
            },
        ]);
        const warned = policy(
            { Effect: "Allow", Action: ["s3:Get*", "S3:*"], Resource: "arn:aws:s3:::b/*" },
            { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
        );
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.taskRolePolicy = pulumi.output(warned);
                    }),
                    opts,
                ),
        );
        assert.equal(world.named("klein-task-policy").inputs.policy, warned);
        assert.deepEqual(world.warnings, [
            {
                resource: "klein",
                message:
                    "taskRolePolicy statement 0 allows every action of a service (S3:*); list the actions the application " +
                    "calls, or a prefix such as s3:Get* (AWS Security Hub IAM.21).",
            },
            {
                resource: "klein",
                message:
                    "taskRolePolicy statement 1 allows every action but those in NotAction (iam:*); list the actions the " +
                    "application calls instead (IAM: apply least-privilege permissions).",
            },
        ]);
        // Refused when it resolves too, before the policy is created.
        const error = await expectRejectionWhenKnown(
            "topologies:aws:AlbFargateService 'klein'",
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.taskRolePolicy = pulumi.output(policy({ Effect: "Allow", Action: "*", Resource: "*" }));
                    }),
                    opts,
                ),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["taskRolePolicy"],
        );
        assert.equal(world.named("klein-task-policy").id, "", "the policy was never created");
    });

    it("refuses a component name whose auto-generated names would not fit, with every limit at once", async () => {
        const long = "my-very-long-platform-team-service-name-prod";
        const problems = await rejection(tutorial(), long);
        assert.deepEqual(
            problems.map(p => [p.path, /its limit is (\d+)/.exec(p.message)?.[1]]),
            [
                ["name", "64"],
                ["name", "32"],
                ["name", "32"],
            ],
        );
        assert.match(problems[1].fix!, /Shorten the name by 24 characters, or set loadBalancerName/);
    });
});

describe("AlbFargateService: options", () => {
    it("uses one NAT gateway for all private subnets instead of endpoints", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.network.egress = "natGateway";
                    }),
                    opts,
                ),
        );
        assert.equal(world.ofType("ec2/vpcEndpoint:VpcEndpoint").length, 0);
        const nat = world.named("klein-network-nat");
        assert.deepEqual(
            [nat.inputs.subnetId, nat.inputs.allocationId, nat.inputs.connectivityType],
            [world.named("klein-network-klein-public-1a").id, world.named("klein-network-nat-eip").id, "public"],
        );
        assert.deepEqual(nat.dependsOn, ["klein-network-igw"]);
        assert.equal(world.named("klein-network-nat-eip").inputs.domain, "vpc");
        const route = world.named("klein-network-private-rt-default");
        assert.deepEqual(
            [route.inputs.routeTableId, route.inputs.destinationCidrBlock, route.inputs.natGatewayId],
            [world.named("klein-network-private-rt").id, "0.0.0.0/0", nat.id],
        );
        assert.ok(world.named("klein-on1").dependsOn.includes("klein-network-private-rt-default"));
    });

    it("puts a NAT gateway and route table in each task AZ with natGatewayPerAz", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.network.egress = "natGatewayPerAz";
                    }),
                    opts,
                ),
        );
        for (const az of ["ap-northeast-1a", "ap-northeast-1c"]) {
            const nat = world.named(`klein-network-nat-${az}`);
            assert.equal(nat.inputs.subnetId, world.named(`klein-network-klein-public-1${az.slice(-1)}`).id);
            const rt = world.named(`klein-network-private-rt-${az}`);
            assert.equal(world.named(`klein-network-private-rt-${az}-default`).inputs.natGatewayId, nat.id);
            assert.equal(world.named(`klein-network-klein-private-1${az.slice(-1)}-rta`).inputs.routeTableId, rt.id);
        }
        assert.equal(world.ofType("ec2/natGateway:NatGateway").length, 2);
    });

    it("adds an HTTPS listener with the certificate and redirects HTTP to it", async () => {
        const cert = "arn:aws:acm:ap-northeast-1:123456789012:certificate/abc";
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.certificateArn = cert;
                    }),
                    opts,
                ),
        );
        const https = world.named("klein-https");
        assert.deepEqual(
            [https.inputs.port, https.inputs.protocol, https.inputs.certificateArn, https.inputs.sslPolicy],
            [443, "HTTPS", cert, "ELBSecurityPolicy-TLS13-1-2-2021-06"],
        );
        assert.deepEqual(https.inputs.defaultActions, [
            { type: "forward", targetGroupArn: world.named("klein-tg").state.arn },
        ]);
        assert.deepEqual(world.named("klein-http").inputs.defaultActions, [
            { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
        const albSg = world.named("klein-alb-sg").id;
        assert.deepEqual(
            ingressRules()
                .filter(r => r.inputs.securityGroupId === albSg)
                .map(r => r.inputs.fromPort),
            [80, 443],
        );
        assert.ok(world.named("klein-on1").dependsOn.includes("klein-https"));
    });

    it("registers extra static IP targets (the tutorial's EC2s) and lets the ALB reach them", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.extraTargets = [{ ip: "10.1.1.10" }, { ip: "10.1.1.11" }, { ip: "192.168.5.5", port: 8080 }];
                    }),
                    opts,
                ),
        );
        const tgArn = world.named("klein-tg").state.arn;
        assert.deepEqual(
            world
                .ofType("lb/targetGroupAttachment:TargetGroupAttachment")
                .map(t => [t.inputs.targetGroupArn, t.inputs.targetId, t.inputs.port, t.inputs.availabilityZone]),
            [
                [tgArn, "10.1.1.10", 80, undefined],
                [tgArn, "10.1.1.11", 80, undefined],
                [tgArn, "192.168.5.5", 8080, "all"],
            ],
        );
        const albSg = world.named("klein-alb-sg").id;
        assert.deepEqual(
            egressRules()
                .filter(r => r.inputs.cidrIpv4 && r.inputs.securityGroupId === albSg)
                .map(r => [r.inputs.cidrIpv4, r.inputs.fromPort]),
            [
                ["10.1.1.10/32", 80],
                ["10.1.1.11/32", 80],
                ["192.168.5.5/32", 8080],
            ],
        );
    });

    it("builds on an existing VPC and cluster: endpoints only, on the given route tables", async () => {
        const clusterArn = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/klein-cluster";
        const svc = await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.network = existingNetwork();
                        a.clusterArn = clusterArn;
                        delete a.clusterName;
                    }),
                    opts,
                ),
        );
        for (const type of [
            "ec2/vpc:Vpc",
            "ec2/subnet:Subnet",
            "ec2/internetGateway:InternetGateway",
            "ec2/routeTable:RouteTable",
            "ecs/cluster:Cluster",
        ]) {
            assert.equal(world.ofType(type).length, 0, type);
        }
        assert.deepEqual(world.named("klein-network-s3").inputs.routeTableIds, ["rtb-priv0000"]);
        assert.deepEqual(world.named("klein-network-ecr-dkr").inputs.subnetIds, ["subnet-priv1a00", "subnet-priv1c00"]);
        assert.equal(world.named("klein-network-ecr-dkr").inputs.vpcId, "vpc-0abc0000");
        assert.deepEqual(world.named("klein-alb").inputs.subnets, ["subnet-pub1a000", "subnet-pub1c000"]);
        assert.equal(world.named("klein-on1").inputs.cluster, clusterArn);
        assert.equal(await valueOf(svc.clusterName), "klein-cluster");
        assert.equal(await valueOf(svc.vpcId), "vpc-0abc0000");
    });

    it("gives tasks public IPs only when asked, with a warning", async () => {
        const warnings: string[] = [];
        const warn = pulumi.log.warn;
        (pulumi.log as { warn: typeof warn }).warn = async (msg: string) => {
            warnings.push(msg);
        };
        try {
            await build(
                opts =>
                    new AlbFargateService(
                        "klein",
                        with_(a => {
                            a.network = { ...existingNetwork(), egress: "none" };
                            a.assignPublicIp = true;
                        }),
                        opts,
                    ),
            );
        } finally {
            (pulumi.log as { warn: typeof warn }).warn = warn;
        }
        assert.equal(world.named("klein-on1").inputs.networkConfiguration.assignPublicIp, true);
        assert.equal(world.ofType("ec2/vpcEndpoint:VpcEndpoint").length, 0);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], /^topologies:aws:AlbFargateService 'klein': assignPublicIp is on/);
    });

    it("applies service, task and target group settings", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.cpu = 1024;
                        a.memory = 3072;
                        a.cpuArchitecture = "ARM64";
                        a.logRetentionInDays = 7;
                        a.container.environment = { GREETING: "hello" };
                        a.services = {
                            web: {
                                desiredCount: 4,
                                minimumHealthyPercent: 50,
                                maximumPercent: 150,
                                healthCheckGracePeriodSeconds: 120,
                                circuitBreakerRollback: false,
                            },
                        };
                        a.healthCheck = {
                            path: "/health",
                            matcher: "200-299",
                            interval: 10,
                            timeout: 4,
                            healthyThreshold: 2,
                            unhealthyThreshold: 5,
                        };
                        a.deregistrationDelay = 0;
                    }),
                    opts,
                ),
        );
        const task = world.named("klein-task");
        assert.deepEqual(
            [task.inputs.cpu, task.inputs.memory, task.inputs.runtimePlatform],
            ["1024", "3072", { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" }],
        );
        assert.deepEqual(JSON.parse(task.inputs.containerDefinitions)[0].environment, [
            { name: "GREETING", value: "hello" },
        ]);
        assert.equal(world.named("klein-logs").inputs.retentionInDays, 7);
        const s = world.named("klein-web");
        assert.deepEqual(
            [
                s.inputs.name,
                s.inputs.desiredCount,
                s.inputs.deploymentMinimumHealthyPercent,
                s.inputs.deploymentMaximumPercent,
                s.inputs.healthCheckGracePeriodSeconds,
            ],
            [s.state.name, 4, 50, 150, 120],
        );
        assert.match(s.inputs.name, /^klein-web-[0-9a-f]{7}$/);
        assert.deepEqual(s.inputs.deploymentCircuitBreaker, { enable: true, rollback: false });
        const tg = world.named("klein-tg");
        assert.deepEqual(
            [
                tg.inputs.healthCheck.path,
                tg.inputs.healthCheck.matcher,
                tg.inputs.healthCheck.interval,
                tg.inputs.healthCheck.timeout,
                tg.inputs.deregistrationDelay,
            ],
            ["/health", "200-299", 10, 4, 0],
        );
    });
});

describe("AlbFargateService: checks before anything is registered", () => {
    const cases: Array<[string, (a: AlbFargateServiceOnNetworkArgs) => void, string, RegExp]> = [
        [
            "ALB subnets in one AZ",
            a => {
                (a.network.publicSubnets as Record<string, { availabilityZone: string }>)[
                    "klein-public-1c"
                ].availabilityZone = "ap-northeast-1a";
            },
            "network.publicSubnets",
            /at least two availability zones; got 1 \(ap-northeast-1a\)/,
        ],
        [
            "two ALB subnets in one AZ",
            a => {
                (a.network.publicSubnets as Record<string, unknown>)["extra-1a"] = {
                    availabilityZone: "ap-northeast-1a",
                    cidrBlock: "10.1.4.0/24",
                };
            },
            "network.publicSubnets.extra-1a",
            /an ALB takes one subnet per AZ/,
        ],
        [
            "tasks in an AZ the ALB is not in",
            a => {
                (a.network.privateSubnets as Record<string, unknown>)["klein-private-1d"] = {
                    availabilityZone: "ap-northeast-1d",
                    cidrBlock: "10.1.5.0/24",
                };
            },
            "network.privateSubnets.klein-private-1d.availabilityZone",
            /ap-northeast-1d would get no traffic/,
        ],
        [
            "task subnet outside the VPC",
            a => {
                (a.network.privateSubnets as Record<string, { cidrBlock: string }>)["klein-private-1c"].cidrBlock =
                    "10.2.3.0/24";
            },
            "network.privateSubnets.klein-private-1c.cidrBlock",
            /subnet 'klein-private-1c' 10\.2\.3\.0\/24 is not inside the VPC block 10\.1\.0\.0\/16/,
        ],
        [
            "existing task subnet outside the VPC",
            a => {
                const n = existingNetwork();
                n.privateSubnets.priv1c.cidrBlock = "172.31.3.0/24";
                a.network = n;
            },
            "network.privateSubnets.priv1c.cidrBlock",
            /172\.31\.3\.0\/24 is not inside the VPC block/,
        ],
        [
            "overlapping subnets",
            a => {
                (a.network.privateSubnets as Record<string, { cidrBlock: string }>)["klein-private-1c"].cidrBlock =
                    "10.1.0.0/25";
            },
            "network.privateSubnets.klein-private-1c.cidrBlock",
            /subnet 'klein-private-1c' 10\.1\.0\.0\/25 overlaps subnet 'klein-public-1a' 10\.1\.0\.0\/24/,
        ],
        [
            "subnet with host bits",
            a => {
                (a.network.privateSubnets as Record<string, { cidrBlock: string }>)["klein-private-1c"].cidrBlock =
                    "10.1.3.1/24";
            },
            "network.privateSubnets.klein-private-1c.cidrBlock",
            /did you mean 10\.1\.3\.0\/24/,
        ],
        [
            "subnet /29 too small",
            a => {
                (a.network.privateSubnets as Record<string, { cidrBlock: string }>)["klein-private-1c"].cidrBlock =
                    "10.1.3.0/29";
            },
            "network.privateSubnets.klein-private-1c.cidrBlock",
            /is \/29; AWS accepts \/16 to \/28/,
        ],
        [
            "VPC /8 too big",
            a => {
                a.network.cidrBlock = "10.0.0.0/8";
            },
            "network.cidrBlock",
            /VPC block 10\.0\.0\.0\/8 is \/8; AWS accepts \/16 to \/28/,
        ],
        [
            "AZ of another region",
            a => {
                (a.network.privateSubnets as Record<string, { availabilityZone: string }>)[
                    "klein-private-1c"
                ].availabilityZone = "us-east-1c";
            },
            "network.privateSubnets.klein-private-1c.availabilityZone",
            /'us-east-1c' is not an availability zone of ap-northeast-1/,
        ],
        [
            "bad region",
            a => {
                a.region = "tokyo";
            },
            "region",
            /'tokyo' is not an AWS region name/,
        ],
        [
            "no private subnet",
            a => {
                a.network.privateSubnets = {};
            },
            "network.privateSubnets",
            /no private subnet/,
        ],
        [
            "same subnet name in both tiers",
            a => {
                (a.network.privateSubnets as Record<string, unknown>)["klein-public-1a"] = {
                    availabilityZone: "ap-northeast-1a",
                    cidrBlock: "10.1.6.0/24",
                };
            },
            "network.privateSubnets.klein-public-1a",
            /subnet name 'klein-public-1a' is used again/,
        ],
        [
            "NAT per AZ without a public subnet in a task AZ",
            a => {
                a.network.egress = "natGatewayPerAz";
                (a.network.publicSubnets as Record<string, unknown>)["klein-public-1d"] = {
                    availabilityZone: "ap-northeast-1d",
                    cidrBlock: "10.1.7.0/24",
                };
                (a.network.privateSubnets as Record<string, unknown>)["klein-private-1d"] = {
                    availabilityZone: "ap-northeast-1d",
                    cidrBlock: "10.1.8.0/24",
                };
                delete (a.network.publicSubnets as Record<string, unknown>)["klein-public-1a"];
            },
            "network.privateSubnets.klein-private-1a.availabilityZone",
            /ap-northeast-1a has no public subnet/,
        ],
        [
            "NAT in an existing VPC",
            a => {
                a.network = { ...existingNetwork(), egress: "natGateway" };
            },
            "network.egress",
            /only in a VPC it creates/,
        ],
        [
            "endpoints in an existing VPC without route tables",
            a => {
                const n = existingNetwork();
                delete (n as { privateRouteTableIds?: string[] }).privateRouteTableIds;
                a.network = n;
            },
            "network.privateRouteTableIds",
            /S3 gateway endpoint/,
        ],
        [
            "'provided' egress for a created VPC",
            a => {
                a.network.egress = "provided";
            },
            "network.egress",
            /this VPC is created here/,
        ],
        [
            "the tutorial's failure: private subnets, no NAT, no endpoints, no public IP",
            a => {
                a.network = { ...existingNetwork(), egress: "none" };
            },
            "network.egress",
            /no NAT gateway, no VPC endpoints and no public IP could not pull the image/,
        ],
        [
            "public IP in created private subnets with no egress",
            a => {
                a.network.egress = "none";
                a.assignPublicIp = true;
            },
            "assignPublicIp",
            /private subnets created here have none, so tasks could not pull the image/,
        ],
        [
            "non-ECR image behind endpoints",
            a => {
                a.container.image = "nginx:1.27";
            },
            "container.image",
            /'nginx:1\.27' is not in ECR, and the VPC endpoints reach only ECR/,
        ],
        [
            "ECR image of another region behind endpoints",
            a => {
                a.container.image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/hello-nginx";
            },
            "container.image",
            /is in ECR of us-east-1, but the VPC endpoints reach only ECR of ap-northeast-1/,
        ],
        [
            "image output without repository ARN",
            a => {
                a.container.image = pulumi.output(IMAGE);
            },
            "container.ecrRepositoryArn",
            /cannot be worked out at plan time/,
        ],
        [
            "malformed repository ARN",
            a => {
                a.container.ecrRepositoryArn = "hello-nginx";
            },
            "container.ecrRepositoryArn",
            /"hello-nginx" is not an ECR repository ARN/,
        ],
        [
            "container port 0",
            a => {
                a.container.port = 0;
            },
            "container.port",
            /port 0 is not a whole number from 1 to 65535/,
        ],
        [
            "container port 70000",
            a => {
                a.container.port = 70000;
            },
            "container.port",
            /port 70000 is not a whole number from 1 to 65535/,
        ],
        [
            "bad environment name",
            a => {
                a.container.environment = { "1BAD-NAME": "x" };
            },
            "container.environment.1BAD-NAME",
            /not a portable environment variable name/,
        ],
        [
            "bad container name",
            a => {
                a.container.name = "hello nginx";
            },
            "container.name",
            /container name 'hello nginx'/,
        ],
        [
            "CPU size Fargate lacks",
            a => {
                a.cpu = 300;
            },
            "cpu",
            /no task size with 300 CPU units/,
        ],
        [
            "memory that does not pair with the CPU",
            a => {
                a.cpu = 256;
                a.memory = 4096;
            },
            "memory",
            /does not run 256 CPU units with 4096 MiB.*/,
        ],
        [
            "bad family",
            a => {
                a.family = "klein task A";
            },
            "family",
            /task definition family 'klein task A'/,
        ],
        [
            "bad cluster name",
            a => {
                a.clusterName = "klein/cluster";
            },
            "clusterName",
            /cluster name 'klein\/cluster'/,
        ],
        [
            "cluster name and ARN",
            a => {
                a.clusterArn = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/x";
            },
            "clusterName",
            /clusterArn points to an existing one/,
        ],
        [
            "log retention CloudWatch lacks",
            a => {
                a.logRetentionInDays = 10;
            },
            "logRetentionInDays",
            /no retention of 10 days/,
        ],
        [
            "no services",
            a => {
                a.services = {};
            },
            "services",
            /no service is given/,
        ],
        [
            "negative desired count",
            a => {
                a.services!.on1.desiredCount = -1;
            },
            "services.on1.desiredCount",
            /desired count -1 is not a whole number from 0 to 5000/,
        ],
        [
            "fractional desired count",
            a => {
                a.services!.on1.desiredCount = 1.5;
            },
            "services.on1.desiredCount",
            /expected whole number, got 1\.5/,
        ],
        [
            "minimum healthy percent over 100",
            a => {
                a.services!.on1.minimumHealthyPercent = 120;
            },
            "services.on1.minimumHealthyPercent",
            /minimum healthy percent 120/,
        ],
        [
            "maximum percent under 100",
            a => {
                a.services!.on1.maximumPercent = 90;
            },
            "services.on1.maximumPercent",
            /maximum percent 90/,
        ],
        [
            "percents that stall a deployment",
            a => {
                a.services!.on1.maximumPercent = 150;
            },
            "services.on1.maximumPercent",
            /with 1 task\(s\), maximum 150% allows 1 running and minimum 100% keeps 1 healthy/,
        ],
        [
            "negative grace period",
            a => {
                a.services!.on1.healthCheckGracePeriodSeconds = -5;
            },
            "services.on1.healthCheckGracePeriodSeconds",
            /grace period -5/,
        ],
        [
            "duplicate service names",
            a => {
                a.services!.on2.name = "publicIpOn";
            },
            "services.on2.name",
            /'publicIpOn' is used again/,
        ],
        [
            "bad service name",
            a => {
                a.services!.on2.name = "public ip on";
            },
            "services.on2.name",
            /service name 'public ip on'/,
        ],
        [
            "ALB name too long",
            a => {
                a.loadBalancerName = "klein-alb-by-ip-for-the-tokyo-region";
            },
            "loadBalancerName",
            /has 36 characters; AWS allows 1 to 32/,
        ],
        [
            "ALB name with underscore",
            a => {
                a.loadBalancerName = "klein_alb";
            },
            "loadBalancerName",
            /characters other than letters, digits and hyphens/,
        ],
        [
            "ALB name starting with internal-",
            a => {
                a.loadBalancerName = "internal-klein";
            },
            "loadBalancerName",
            /reserves/,
        ],
        [
            "target group name with trailing hyphen",
            a => {
                a.targetGroupName = "klein-alb-tg-by-ip-";
            },
            "targetGroupName",
            /starts or ends with a hyphen/,
        ],
        [
            "target group name with a leading hyphen",
            a => {
                a.targetGroupName = "-PublicServices";
            },
            "targetGroupName",
            /starts or ends with a hyphen/,
        ],
        [
            "IPv6 client block on an IPv4 ALB",
            a => {
                a.allowedCidrs = ["::/0"];
            },
            "allowedCidrs[0]",
            /IPv6 block where an IPv4 block is expected/,
        ],
        [
            "no client blocks",
            a => {
                a.allowedCidrs = [];
            },
            "allowedCidrs",
            /nobody could reach the ALB/,
        ],
        [
            "malformed certificate ARN",
            a => {
                a.certificateArn = "my-cert";
            },
            "certificateArn",
            /"my-cert" is not an ACM/,
        ],
        [
            "redirect without certificate",
            a => {
                a.redirectHttpToHttps = true;
            },
            "redirectHttpToHttps",
            /HTTPS listener that does not exist/,
        ],
        [
            "TLS policy without certificate",
            a => {
                a.sslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";
            },
            "sslPolicy",
            /needs certificateArn/,
        ],
        [
            "health check path without slash",
            a => {
                a.healthCheck = { path: "health" };
            },
            "healthCheck.path",
            /does not start with '\/'/,
        ],
        [
            "health check matcher out of range",
            a => {
                a.healthCheck = { matcher: "200-599" };
            },
            "healthCheck.matcher",
            /from 200 to 499/,
        ],
        [
            "health check interval too short",
            a => {
                a.healthCheck = { interval: 3 };
            },
            "healthCheck.interval",
            /interval 3 is not a whole number from 5 to 300/,
        ],
        [
            "health check timeout not below interval",
            a => {
                a.healthCheck = { interval: 10, timeout: 10 };
            },
            "healthCheck.timeout",
            /timeout 10 s is not shorter than interval 10 s/,
        ],
        [
            "health check threshold 1",
            a => {
                a.healthCheck = { healthyThreshold: 1 };
            },
            "healthCheck.healthyThreshold",
            /healthy threshold 1/,
        ],
        [
            "health check unhealthy threshold 11",
            a => {
                a.healthCheck = { unhealthyThreshold: 11 };
            },
            "healthCheck.unhealthyThreshold",
            /unhealthy threshold 11/,
        ],
        [
            "deregistration delay too long",
            a => {
                a.deregistrationDelay = 4000;
            },
            "deregistrationDelay",
            /deregistration delay 4000 is not a whole number from 0 to 3600/,
        ],
        [
            "extra target that is not an address",
            a => {
                a.extraTargets = [{ ip: "10.1.1" }];
            },
            "extraTargets[0].ip",
            /not an IPv4 or IPv6 address/,
        ],
        [
            "extra target public and outside the VPC",
            a => {
                a.extraTargets = [{ ip: "8.8.8.8" }];
            },
            "extraTargets[0].ip",
            /outside the VPC 10\.1\.0\.0\/16 and not a private address/,
        ],
        [
            "extra target port",
            a => {
                a.extraTargets = [{ ip: "10.1.1.10", port: 0 }];
            },
            "extraTargets[0].port",
            /port 0/,
        ],
        [
            "duplicate extra target",
            a => {
                a.extraTargets = [{ ip: "10.1.1.10" }, { ip: "10.1.1.10", port: 80 }];
            },
            "extraTargets[1]",
            /10\.1\.1\.10:80 is listed twice/,
        ],
    ];
    for (const [label, mutate, path, message] of cases) {
        it(`rejects ${label}`, async () => assertProblem(with_(mutate), path, message));
    }

    it("reports every problem of one call at once", async () => {
        const problems = await rejection(
            with_(a => {
                a.cpu = 256;
                a.memory = 3000;
                a.container.port = 0;
                a.loadBalancerName = "x".repeat(40);
                a.network.egress = "none";
            }),
        );
        assert.deepEqual(problems.map(p => p.path).sort(), [
            "container.port",
            "loadBalancerName",
            "memory",
            "network.egress",
        ]);
    });

    it("accepts the tutorial's arguments in the pure validator and resolves the defaults", () => {
        const plan = validateAlbFargateServiceArgs("klein", tutorial());
        assert.deepEqual(
            [plan.region, plan.container.port, plan.task.family, plan.loadBalancer.listenerPorts],
            ["ap-northeast-1", 80, "klein-task-A", [80]],
        );
        assert.equal(plan.container.ecrRepositoryArn, REPO_ARN);
    });

    it("resolves every default once, in the plan the constructor builds from", () => {
        const plan = validateAlbFargateServiceArgs("klein", seed004Service());
        const { task, ...rest } = plan;
        assert.match(task.family, /^klein-[0-9a-f]{8}$/, "the family is scoped to the project and stack");
        assert.deepEqual(
            { ...task, family: "scoped" },
            {
                family: "scoped",
                cpu: 256,
                memory: 512,
                cpuArchitecture: "X86_64",
                taskRolePolicy: undefined,
                logGroupName: undefined,
                logRetentionInDays: 30,
                ephemeralStorageGiB: undefined,
            },
        );
        assert.deepEqual(rest, {
            region: "ap-northeast-1",
            provider: undefined,
            assignPublicIp: false,
            deletionProtection: false,
            tags: undefined,
            network: { childArgs: { ...seed004Network(), region: "ap-northeast-1", tags: undefined } },
            container: {
                name: "app",
                image: IMAGE,
                port: 80,
                environment: [],
                ecrRepositoryArn: REPO_ARN,
                secrets: { variables: [], parameterArns: [], secretArns: [], kmsKeyArn: undefined },
                cpu: undefined,
                memory: undefined,
                memoryReservation: undefined,
                command: undefined,
                entryPoint: undefined,
                healthCheck: undefined,
                dependsOn: [],
            },
            sidecars: [],
            cluster: { name: undefined, capacityProviders: [], containerInsights: undefined },
            platformVersion: "LATEST",
            enableExecuteCommand: false,
            services: [
                {
                    key: "web",
                    name: undefined,
                    desiredCount: 1,
                    minimumHealthyPercent: 100,
                    maximumPercent: 200,
                    healthCheckGracePeriodSeconds: 60,
                    circuitBreakerRollback: true,
                    waitForSteadyState: true,
                    deploymentTimeout: "20m",
                    autoscaling: undefined,
                    capacityProviders: undefined,
                },
            ],
            loadBalancer: {
                name: undefined,
                allowedCidrs: ["0.0.0.0/0"],
                listenerPorts: [80],
                https: undefined,
                redirectHttpToHttps: false,
            },
            targetGroup: {
                name: undefined,
                deregistrationDelay: 30,
                extraTargets: [],
                healthCheck: {
                    path: "/",
                    matcher: "200",
                    interval: 30,
                    timeout: 5,
                    healthyThreshold: 3,
                    unhealthyThreshold: 3,
                },
            },
            taskEgress: [],
            edge: {
                dns: undefined,
                certificate: undefined,
                accessLogs: undefined,
                alb: { internal: false, ipAddressType: "ipv4", idleTimeout: 60, dropInvalidHeaderFields: true },
            },
        });
        const cert = "arn:aws:acm:ap-northeast-1:123456789012:certificate/abc";
        const https = validateAlbFargateServiceArgs("klein", {
            ...seed004Service(),
            certificateArn: cert,
        }).loadBalancer;
        assert.deepEqual(
            [https.listenerPorts, https.https, https.redirectHttpToHttps],
            [[80, 443], { certificateArn: cert, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }, true],
        );
    });

    it("checks the network with TwoTierVpc's own check, its problems under network and its region and name at the service's", () => {
        const problems = new Problems();
        const { network, ...args } = seed004Service();
        checkAlbFargateServiceArgs(problems, "klein", {
            ...args,
            region: "tokyo",
            network: { ...network, cidrBlock: "10.1.0.0/24" },
        });
        assert.deepEqual(
            problems.list.map(p => p.path),
            [
                "region",
                "network.publicSubnets.klein-public-1c.cidrBlock",
                "network.privateSubnets.klein-private-1a.cidrBlock",
                "network.privateSubnets.klein-private-1c.cidrBlock",
                "container.image",
            ],
        );
        // The VPC is named after the service, so the endpoints' group name that does not fit is the service's name.
        const long = validateProblems("n".repeat(240));
        assert.ok(
            long.some(p => p.path === "name" && /n-network-endpoints-sg-' plus 7 random characters/.test(p.message)),
            JSON.stringify(long),
        );
        assert.ok(!long.some(p => p.path.startsWith("network.")), JSON.stringify(long));
    });
});

/** The problems `checkAlbFargateServiceArgs` records for the seed 004 service named `name`. */
function validateProblems(name: string) {
    const problems = new Problems();
    checkAlbFargateServiceArgs(problems, name, seed004Service());
    return problems.list;
}

describe("fargate: AWS tables and name rules", () => {
    it("accepts exactly the Fargate CPU/memory pairs", () => {
        const expected: Record<number, [number, number, number]> = {
            512: [1024, 4096, 1024],
            1024: [2048, 8192, 1024],
            2048: [4096, 16384, 1024],
            4096: [8192, 30720, 1024],
            8192: [16384, 61440, 4096],
            16384: [32768, 122880, 8192],
        };
        assert.deepEqual(FARGATE_MEMORY_BY_CPU[256], [512, 1024, 2048]);
        for (const [cpu, [from, to, step]] of Object.entries(expected)) {
            const sizes = FARGATE_MEMORY_BY_CPU[Number(cpu)];
            assert.equal(sizes[0], from);
            assert.equal(sizes[sizes.length - 1], to);
            assert.ok(
                sizes.every((m, i) => i === 0 || m - sizes[i - 1] === step),
                `cpu ${cpu} steps`,
            );
        }
        const ok = (cpu: number, memory: number) => checkFargateSize(new Problems(), "cpu", "memory", cpu, memory);
        for (const [cpu, sizes] of Object.entries(FARGATE_MEMORY_BY_CPU)) {
            for (const m of sizes) assert.ok(ok(Number(cpu), m), `${cpu}/${m}`);
            assert.ok(!ok(Number(cpu), sizes[0] - 512), `${cpu}/${sizes[0] - 512}`);
            assert.ok(!ok(Number(cpu), sizes[sizes.length - 1] + 1024), `${cpu}/below-max+`);
        }
        assert.ok(ok(8192, 20480) && !ok(8192, 18432), "8192 takes 4096 steps only");
        assert.ok(!ok(16384, 36864), "16384 takes 8192 steps only");
        const problems = new Problems();
        checkFargateSize(problems, "cpu", "memory", 4096, 32768);
        assert.deepEqual(problems.list[0], {
            path: "memory",
            message: "Fargate does not run 4096 CPU units with 32768 MiB of memory.",
            fix: "With cpu 4096 use 8192–30720 MiB in 1024 MiB steps.",
        });
    });

    it("parses ECR image URIs and ignores other registries", () => {
        assert.deepEqual(parseEcrImage(IMAGE), {
            accountId: "123456789012",
            region: "ap-northeast-1",
            partition: "aws",
            repository: "hello-nginx",
            repositoryArn: REPO_ARN,
        });
        assert.equal(
            parseEcrImage("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/team/app@sha256:" + "a".repeat(64))
                ?.repositoryArn,
            "arn:aws-cn:ecr:cn-north-1:123456789012:repository/team/app",
        );
        assert.equal(parseEcrImage("nginx:latest"), undefined);
        assert.equal(parseEcrImage("public.ecr.aws/nginx/nginx:1.27"), undefined);
    });
});

describe("AlbFargateService: what a real deployment needs", () => {
    it("creates the internet-facing ALB only after the internet gateway and the public route (AWS refuses it before)", async () => {
        await build(opts => new AlbFargateService("klein", tutorial(), opts));
        const dependsOn = world.named("klein-alb").dependsOn;
        for (const needed of [
            "klein-network-igw",
            "klein-network-public-default",
            "klein-network-klein-public-1a-rta",
            "klein-network-klein-public-1c-rta",
        ]) {
            assert.ok(dependsOn.includes(needed), `the ALB waits for ${needed}: ${dependsOn.join(", ")}`);
        }
    });

    it("waits for a steady service by default, within 20 minutes, and both are settable", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.services = { web: {}, batch: { waitForSteadyState: false, deploymentTimeout: "1h30m" } };
                    }),
                    opts,
                ),
        );
        const web = world.named("klein-web");
        assert.equal(web.inputs.waitForSteadyState, true);
        assert.deepEqual(web.customTimeouts, { create: "20m", update: "20m" });
        const batch = world.named("klein-batch");
        assert.equal(batch.inputs.waitForSteadyState, false);
        assert.deepEqual(batch.customTimeouts, { create: "1h30m", update: "1h30m" });
        await assertProblem(
            with_(a => {
                a.services = { web: { deploymentTimeout: "20 minutes" } };
            }),
            "services.web.deploymentTimeout",
            /not a duration/,
        );
    });

    it("lets the tasks reach the destinations listed in taskEgress, one rule per name", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.taskEgress = {
                            db: { cidrBlock: "10.1.20.0/24", port: 5432 },
                            cache: { securityGroupId: "sg-cache000", port: 6379, description: "Redis" },
                            dns: { prefixListId: "pl-dns00000", protocol: "udp", port: 53, toPort: 54 },
                        };
                    }),
                    opts,
                ),
        );
        const rule = (key: string) => world.named(`klein-task-egress-${key}`).inputs;
        const taskSg = world.named("klein-task-sg").id;
        assert.deepEqual(
            [
                rule("db").securityGroupId,
                rule("db").ipProtocol,
                rule("db").fromPort,
                rule("db").cidrIpv4,
                rule("db").description,
            ],
            [taskSg, "tcp", 5432, "10.1.20.0/24", "Tasks to 10.1.20.0/24 on tcp 5432"],
        );
        assert.deepEqual(
            [rule("cache").referencedSecurityGroupId, rule("cache").description],
            ["sg-cache000", "Redis"],
        );
        assert.deepEqual(
            [rule("dns").prefixListId, rule("dns").ipProtocol, rule("dns").fromPort, rule("dns").toPort],
            ["pl-dns00000", "udp", 53, 54],
        );
    });

    it("refuses a task egress rule with no or two destinations, everywhere, a reversed range, or a block endpoints cannot route", async () => {
        const problems = await rejection(
            with_(a => {
                a.taskEgress = {
                    none: { port: 443 },
                    two: { cidrBlock: "10.1.20.0/24", securityGroupId: "sg-00000001", port: 443 },
                    world: { cidrBlock: "0.0.0.0/0", port: 443 },
                    reversed: { cidrBlock: "10.1.20.0/24", port: 9000, toPort: 8000 },
                    outside: { cidrBlock: "172.31.0.0/16", port: 5432 },
                };
            }),
        );
        assert.deepEqual(
            problems.map(p => p.path),
            [
                "taskEgress.none",
                "taskEgress.two",
                "taskEgress.world.cidrBlock",
                "taskEgress.reversed.toPort",
                "taskEgress.outside.cidrBlock",
            ],
        );
        assert.match(
            problems[4].message,
            /outside the VPC 10\.1\.0\.0\/16, and without a NAT gateway the private subnets have no route/,
        );
    });

    it("names the ALB's ingress rules by the block they admit, so reordering allowedCidrs replaces nothing; old positional names are aliased", async () => {
        const names = async (cidrs: string[]) => {
            await build(
                opts =>
                    new AlbFargateService(
                        "klein",
                        with_(a => {
                            a.allowedCidrs = cidrs;
                        }),
                        opts,
                    ),
            );
            return world
                .ofType("vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter(r => r.name.startsWith("klein-alb-in-"))
                .map(r => [r.name, r.inputs.cidrIpv4, r.aliases]);
        };
        const first = await names(["203.0.113.0/24", "198.51.100.0/24"]);
        assert.deepEqual(first, [
            ["klein-alb-in-80-203-0-113-0-24", "203.0.113.0/24", [{ name: "klein-alb-in-80-0", type: undefined }]],
            ["klein-alb-in-80-198-51-100-0-24", "198.51.100.0/24", [{ name: "klein-alb-in-80-1", type: undefined }]],
        ]);
        const reordered = await names(["198.51.100.0/24", "203.0.113.0/24"]);
        assert.deepEqual(reordered.map(r => r[0]).sort(), first.map(r => r[0]).sort());
        await assertProblem(
            with_(a => {
                a.allowedCidrs = ["203.0.113.0/24", "203.0.113.0/24"];
            }),
            "allowedCidrs[1]",
            /client block '203\.0\.113\.0\/24' is used again/,
        );
    });

    it("takes an explicit log group name, checked against CloudWatch's rule", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.logGroupName = "/ecs/klein";
                    }),
                    opts,
                ),
        );
        assert.equal(world.named("klein-logs").inputs.name, "/ecs/klein");
        await assertProblem(
            with_(a => {
                a.logGroupName = "/ecs/klein web";
            }),
            "logGroupName",
            /is not 1 to 512 letters, digits and/,
        );
    });

    it("keeps the task group's description when the container port changes (a new description would replace the group)", async () => {
        await build(opts => new AlbFargateService("klein", tutorial(), opts));
        const before = world.named("klein-task-sg").inputs.description;
        await build(
            opts =>
                new AlbFargateService(
                    "klein",
                    with_(a => {
                        a.container.port = 8080;
                    }),
                    opts,
                ),
        );
        assert.equal(world.named("klein-task-sg").inputs.description, before);
        assert.doesNotMatch(before, /\d/);
    });
});

describe("AlbFargateService: on a TwoTierVpc it is given", () => {
    /** The seed 004 service on `network`, with no region of its own. */
    const onVpc = (network: TwoTierVpc, more: Partial<AlbFargateServiceArgs> = {}): AlbFargateServiceArgs => {
        const { region: _region, ...service } = seed004Service();
        return { ...service, network, ...more };
    };
    const tokyoVpc = (opts: pulumi.ComponentResourceOptions, name = "shared") =>
        new TwoTierVpc(name, { ...seed004Network(), region: "ap-northeast-1" }, opts);
    const own = (prefix: string) =>
        world.resources.filter(r => r.custom && r.parent === prefix && !r.type.startsWith("pulumi:providers:"));

    it("runs in that VPC and creates no network of its own", async () => {
        let vpc!: TwoTierVpc;
        const svc = await build(opts => {
            vpc = tokyoVpc(opts);
            return new AlbFargateService("klein", onVpc(vpc), opts);
        });
        assert.equal(svc.network, vpc);
        assert.equal(svc.region, "ap-northeast-1", "the service takes its VPC's region");
        assert.deepEqual(
            world.ofType("topologies:aws:TwoTierVpc").map(r => r.name),
            ["shared"],
        );
        assert.equal(world.resources.filter(r => r.name.startsWith("klein-network")).length, 0);
        assert.deepEqual(
            world.ofType("ec2/vpc:Vpc").map(r => r.name),
            ["shared-vpc"],
        );
        const vpcId = world.named("shared-vpc").id;
        assert.deepEqual(world.named("klein-alb").inputs.subnets, [
            world.named("shared-klein-public-1a").id,
            world.named("shared-klein-public-1c").id,
        ]);
        assert.deepEqual(
            [world.named("klein-alb-sg").inputs.vpcId, world.named("klein-tg").inputs.vpcId],
            [vpcId, vpcId],
        );
        assert.ok(
            world.named("klein-alb").dependsOn.includes("shared-igw"),
            "the ALB still waits for the VPC's internet gateway",
        );
        assert.deepEqual([...world.named("klein-web").dependsOn].sort(), [
            "klein-execution-policy",
            "klein-http",
            "shared-ecr-api",
            "shared-ecr-dkr",
            "shared-logs",
            "shared-s3",
        ]);
        assert.deepEqual(world.named("klein-web").inputs.networkConfiguration.subnets, [
            world.named("shared-klein-private-1a").id,
            world.named("shared-klein-private-1c").id,
        ]);
        assert.ok(own("klein").length > 15);
        assert.ok(own("shared").length > 15);
        assert.equal(await valueOf(svc.vpcId), vpcId);
    });

    it("uses the VPC's provider unless it is given one", async () => {
        await build(opts => new AlbFargateService("klein", onVpc(tokyoVpc(opts)), opts));
        assert.deepEqual(
            world.ofType("pulumi:providers:aws").map(p => p.name),
            ["shared-provider"],
        );
        for (const r of own("klein")) assert.equal(r.provider, "shared-provider", r.name);
        for (const call of world.calls) assert.equal(call.provider, "shared-provider", call.token);

        await build(opts => {
            const vpc = tokyoVpc(opts);
            return new AlbFargateService("klein", onVpc(vpc), {
                ...opts,
                provider: new aws.Provider("mine", { region: "ap-northeast-1" }),
            });
        });
        for (const r of own("klein")) assert.equal(r.provider, "mine", r.name);
        for (const r of own("shared")) assert.equal(r.provider, "shared-provider", r.name);

        await build(opts => {
            const vpc = tokyoVpc(opts);
            return new AlbFargateService(
                "klein",
                onVpc(vpc, { provider: new aws.Provider("given", { region: "ap-northeast-1" }) }),
                opts,
            );
        });
        for (const r of own("klein")) assert.equal(r.provider, "given", r.name);
        assert.equal(world.resources.filter(r => r.name === "klein-provider").length, 0);
    });

    it("refuses a region other than its VPC's, before registering anything of its own", async () => {
        const error = await expectRejection(
            "topologies:aws:AlbFargateService 'klein'",
            opts => new AlbFargateService("klein", onVpc(tokyoVpc(opts), { region: "us-east-1" }), opts),
            r => r.name.startsWith("klein"),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["region"],
        );
        assert.match(
            error.problems[0].message,
            /the service is in us-east-1, but its network is a VPC in ap-northeast-1/,
        );
        assert.match(error.problems[0].fix!, /Leave region out/);
        await build(opts => new AlbFargateService("klein", onVpc(tokyoVpc(opts), { region: "ap-northeast-1" }), opts));
    });

    it("checks what the service needs of the VPC: ALB zones, and egress for a VPC the TwoTierVpc created", async () => {
        let error = await expectRejection(
            "topologies:aws:AlbFargateService 'klein'",
            opts => {
                const vpc = TwoTierVpc.fromExisting(
                    "shared",
                    {
                        region: "ap-northeast-1",
                        vpcId: "vpc-00000001",
                        cidrBlock: "10.1.0.0/16",
                        privateRouteTableIds: ["rtb-00000001"],
                        publicSubnets: {
                            pub1a: {
                                id: "subnet-0000000a",
                                availabilityZone: "ap-northeast-1a",
                                cidrBlock: "10.1.0.0/24",
                            },
                        },
                        privateSubnets: {
                            priv1a: {
                                id: "subnet-0000000b",
                                availabilityZone: "ap-northeast-1a",
                                cidrBlock: "10.1.1.0/24",
                            },
                        },
                    },
                    opts,
                );
                return new AlbFargateService("klein", onVpc(vpc), opts);
            },
            r => r.name.startsWith("klein"),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["network.publicSubnets"],
        );

        const noEgress = (opts: pulumi.ComponentResourceOptions) =>
            new TwoTierVpc("shared", { ...seed004Network(), region: "ap-northeast-1", egress: "none" }, opts);
        error = await expectRejection(
            "topologies:aws:AlbFargateService 'klein'",
            opts => new AlbFargateService("klein", onVpc(noEgress(opts), { assignPublicIp: true }), opts),
            r => r.name.startsWith("klein"),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["assignPublicIp"],
            "the private subnets the TwoTierVpc created have no way out",
        );
    });
});

describe("AlbFargateService: outputs", () => {
    it("registers the ALB's DNS name as dnsName, like every ALB component", async () => {
        const registered: Array<Record<string, unknown>> = [];
        const proto = pulumi.ComponentResource.prototype as unknown as {
            registerOutputs(o: Record<string, unknown>): void;
        };
        const original = proto.registerOutputs;
        proto.registerOutputs = function (this: pulumi.ComponentResource, outputs: Record<string, unknown>) {
            if (this instanceof AlbFargateService) registered.push(outputs);
            return original.call(this, outputs);
        };
        try {
            await build(opts => new AlbFargateService("klein", tutorial(), opts));
        } finally {
            proto.registerOutputs = original;
        }
        // The SDK registers a component's (empty) outputs once itself; the component's own call carries them.
        const outputs = registered.filter(o => o !== undefined && Object.keys(o).length > 0);
        assert.equal(outputs.length, 1);
        assert.equal(
            await valueOf(outputs[0].dnsName as pulumi.Output<string>),
            world.named("klein-alb").state.dnsName,
        );
        assert.equal(outputs[0].albDnsName, undefined, "the deprecated alias is a property only");
    });
});

describe("AlbFargateService: args from untyped callers", () => {
    const CERT = "arn:aws:acm:ap-northeast-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100";
    const BAD_REPO_ARN = "arn:aws:ecr:ap-northeast-1:123456789012:repo/x";
    const KLEIN = "topologies:aws:AlbFargateService 'klein'";
    /** The seed 004 service with `more` (any values, as an untyped caller passes them). */
    const service = (more: Record<string, unknown>) => ({ ...seed004Service(), ...more }) as AlbFargateServiceArgs;
    /** The `path: message` lines of the seed 004 service with `more`, refused before registering anything. */
    const refusal = async (more: Record<string, unknown>) =>
        (await rejection(service(more))).map(p => `${p.path}: ${p.message}`);

    it("refuses args of the wrong shape, the network's too, in one round, never a TypeError", async () => {
        assert.deepEqual(
            (await rejection(null as never)).map(p => p.message),
            ["expected object, got null."],
        );
        assert.deepEqual(await refusal({ network: "vpc-0123456789abcdef0" }), [
            'network: "vpc-0123456789abcdef0": is neither a TwoTierVpc nor the args of one.',
        ]);
        const network = { ...seed004Network(), publicSubnets: { "": null } };
        assert.deepEqual(await refusal({ container: undefined, cpu: "256", network }), [
            "container: is required (expected object).",
            'cpu: expected number, got "256".',
            'network.publicSubnets: the key "" is empty.',
        ]);
        // The service settles the VPC's region and provider: the network takes neither.
        assert.deepEqual(await refusal({ network: { ...seed004Network(), region: "ap-northeast-1" } }), [
            "network.region: 'region' is not an input here.",
        ]);
    });

    it("makes no HTTPS listener of a certificateArn that is no ARN (false, empty)", async () => {
        assert.deepEqual(await refusal({ certificateArn: false }), ["certificateArn: expected string, got false."]);
        assert.deepEqual(await refusal({ certificateArn: "" }), ['certificateArn: "": is empty.']);
    });

    it("checks the TLS policy against the predefined ELB policies, with the closest one on a typo", async () => {
        const problems = await rejection(
            service({ certificateArn: CERT, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-6" }),
        );
        assert.deepEqual(
            problems.map(p => [p.path, p.message, p.fix]),
            [
                [
                    "sslPolicy",
                    "'ELBSecurityPolicy-TLS13-1-2-2021-6' is not a predefined security policy of Elastic Load Balancing.",
                    "Did you mean 'ELBSecurityPolicy-TLS13-1-2-2021-06'?",
                ],
            ],
        );
        assert.match(
            (await rejection(service({ certificateArn: CERT, sslPolicy: "strict" })))[0].fix!,
            /e\.g\. ELBSecurityPolicy-TLS13-1-2-2021-06 \(the default\)/,
        );
        const sslPolicy = "ELBSecurityPolicy-FS-1-2-Res-2020-10";
        await build(opts => new AlbFargateService("klein", service({ certificateArn: CERT, sslPolicy }), opts));
        assert.equal(world.named("klein-https").inputs.sslPolicy, sslPolicy);
    });

    it("turns on the cloud's deletion protection of the ALB and the log group when asked, and says off otherwise", async () => {
        await build(opts => new AlbFargateService("klein", service({ deletionProtection: true }), opts));
        assert.deepEqual(
            [
                world.named("klein-alb").inputs.enableDeletionProtection,
                world.named("klein-logs").inputs.deletionProtectionEnabled,
            ],
            [true, true],
        );
        await build(opts => new AlbFargateService("klein", service({}), opts));
        // Sent as false: the log group's is turned off only by an explicit false (the provider's docs).
        assert.deepEqual(
            [
                world.named("klein-alb").inputs.enableDeletionProtection,
                world.named("klein-logs").inputs.deletionProtectionEnabled,
            ],
            [false, false],
        );
        assert.deepEqual(await refusal({ deletionProtection: "yes" }), [
            'deletionProtection: expected boolean, got "yes".',
        ]);
    });

    it("takes the CPU architectures Fargate runs, and no other spelling", async () => {
        assert.deepEqual(await refusal({ cpuArchitecture: "arm64" }), ['cpuArchitecture: "arm64" is not accepted.']);
        await build(opts => new AlbFargateService("klein", service({ cpuArchitecture: "ARM64" }), opts));
        assert.deepEqual(world.named("klein-task").inputs.runtimePlatform, {
            operatingSystemFamily: "LINUX",
            cpuArchitecture: "ARM64",
        });
    });

    it("refuses empty and misshapen ids and ARNs: cluster, repository, security group, prefix list", async () => {
        const dns = { prefixListId: "sg-0123456789abcdef0", port: 53, protocol: "udp" };
        const container = { image: IMAGE, ecrRepositoryArn: BAD_REPO_ARN };
        assert.deepEqual(
            await refusal({ clusterArn: "", container, taskEgress: { db: { securityGroupId: "", port: 5432 }, dns } }),
            ['clusterArn: "": is empty.', 'taskEgress.db.securityGroupId: "": is empty.'],
        );
        assert.deepEqual(await refusal({ clusterArn: "klein-cluster", container, taskEgress: { dns } }), [
            `container.ecrRepositoryArn: "${BAD_REPO_ARN}" is not an ECR repository ARN.`,
            'clusterArn: "klein-cluster" is not an ECS cluster ARN.',
            'taskEgress.dns.prefixListId: "sg-0123456789abcdef0" is not a prefix list id.',
        ]);
    });

    it("refuses a task policy that is no JSON object, and a rule description EC2 would refuse", async () => {
        const db = { cidrBlock: "10.1.20.0/24", port: 5432, description: "Postgres <primary>" };
        assert.deepEqual(await refusal({ taskRolePolicy: "[]", taskEgress: { db } }), [
            "taskRolePolicy: the policy is JSON but not an object.",
            "taskEgress.db.description: 'Postgres <primary>' is not up to 255 letters, digits, spaces and " +
                "._-:/()#,@[]+=&;{}!$*.",
        ]);
        assert.match((await refusal({ taskRolePolicy: "{Version" }))[0], /^taskRolePolicy: the policy is not JSON: /);
    });

    it("checks a certificate, security group or image given as an Output when it resolves, before what takes it", async () => {
        let error = await expectRejectionWhenKnown(
            KLEIN,
            opts => new AlbFargateService("klein", service({ certificateArn: pulumi.output("my-cert") }), opts),
        );
        assert.deepEqual(
            error.problems.map(p => [p.path, p.message]),
            [["certificateArn", '"my-cert" is not an ACM (or IAM server) certificate ARN.']],
        );
        assert.equal(world.named("klein-https").id, "", "the HTTPS listener was never created");

        const taskEgress = { db: { securityGroupId: pulumi.output("sg-x"), port: 5432 } };
        error = await expectRejectionWhenKnown(
            KLEIN,
            opts => new AlbFargateService("klein", service({ taskEgress }), opts),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["taskEgress.db.securityGroupId"],
            "a nested input keeps its path",
        );
        assert.equal(world.named("klein-task-egress-db").id, "");

        const container = { image: pulumi.output(" "), ecrRepositoryArn: REPO_ARN };
        error = await expectRejectionWhenKnown(
            KLEIN,
            opts => new AlbFargateService("klein", service({ container }), opts),
        );
        assert.deepEqual(
            error.problems.map(p => [p.path, p.message]),
            [["container.image", '" " is not an image URI.']],
        );
    });

    it("checks the ids of an existing VPC it creates the component for; the VPC checks them when they resolve", async () => {
        assert.deepEqual(await refusal({ network: { ...existingNetwork(), vpcId: "vpc-0abc" } }), [
            'network.vpcId: "vpc-0abc" is not a VPC id.',
        ]);
        const network = { ...existingNetwork(), vpcId: pulumi.output("vpc-0abc") };
        const error = await expectRejectionWhenKnown(
            "topologies:aws:TwoTierVpc 'klein-network'",
            opts => new AlbFargateService("klein", service({ network }), opts),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["vpcId"],
            "reported once, by the VPC whose resources take it",
        );
    });
});
