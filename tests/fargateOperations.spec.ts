import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AlbFargateService, AlbFargateServiceArgs } from "../components/aws/albFargateService";
import { EXEC_STATEMENT } from "../components/aws/albFargateService/iam";
import { policyWildcards } from "../components/aws/iamPolicy";
import { TwoTierVpc } from "../components/aws/network";
import { build, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { assertProblem, problemsOf } from "./support/fargateProblems";
import { AlbFargateServiceOnNetworkArgs, seed004Network, seed004Service } from "./support/tutorials";

const CLUSTER_ARN = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/shared";
const EXEC_ACTIONS = [
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
];

const withOps = (more: Partial<AlbFargateServiceOnNetworkArgs>): AlbFargateServiceOnNetworkArgs => ({
    ...seed004Service(),
    ...more,
});

const endpointServices = () =>
    world
        .ofType("aws:ec2/vpcEndpoint:VpcEndpoint")
        .filter(e => e.inputs.vpcEndpointType === "Interface")
        .map(e => e.inputs.serviceName as string);

describe("AlbFargateService: ECS Exec", () => {
    it("turns exec on for every service, grants the task role the ssmmessages channels and adds their endpoint", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withOps({ enableExecuteCommand: true, services: { web: {}, api: {} } }),
                    opts,
                ),
        );
        for (const key of ["s5-web", "s5-api"]) {
            const service = world.named(key);
            assert.equal(service.inputs.enableExecuteCommand, true);
            assert.ok(service.dependsOn.includes("s5-exec-policy"), `${key} waits for the exec permissions`);
        }
        const policy = world.named("s5-exec-policy");
        assert.equal(policy.type, "aws:iam/rolePolicy:RolePolicy");
        assert.equal(policy.inputs.role, world.named("s5-task-role").id, "the TASK role, not the execution role");
        assert.equal(policy.provider, world.named("s5-web").provider);
        assert.equal(policy.parent, "s5");
        const document = JSON.parse(policy.inputs.policy as string);
        assert.deepEqual(document.Statement, [
            { Sid: "EcsExec", Effect: "Allow", Action: EXEC_ACTIONS, Resource: "*" },
        ]);
        // The execution role gets nothing of it.
        assert.doesNotMatch(world.named("s5-execution-policy").inputs.policy as string, /ssmmessages/);
        // The component's own wildcard check neither refuses nor warns about the statement.
        assert.deepEqual(policyWildcards(document, "exec"), { everyAction: [], warnings: [] });
        assert.deepEqual(EXEC_STATEMENT.Action, EXEC_ACTIONS);

        assert.deepEqual(endpointServices(), [
            "com.amazonaws.ap-northeast-1.ecr.api",
            "com.amazonaws.ap-northeast-1.ecr.dkr",
            "com.amazonaws.ap-northeast-1.logs",
            "com.amazonaws.ap-northeast-1.ssmmessages",
        ]);
        const ssm = world.named("s5-network-ssmmessages");
        assert.equal(ssm.inputs.privateDnsEnabled, true);
        assert.deepEqual(ssm.inputs.securityGroupIds, [world.named("s5-network-endpoints-sg").id]);
        assert.ok(world.named("s5-web").dependsOn.includes("s5-network-ssmmessages"), "tasks start after it");
        assert.equal(world.warnings.length, 0);
    });

    it("is off by default: no exec, no policy, no endpoint", async () => {
        await build(opts => new AlbFargateService("s5", seed004Service(), opts));
        assert.equal(world.named("s5-web").inputs.enableExecuteCommand, undefined);
        assert.equal(world.resources.filter(r => r.name === "s5-exec-policy").length, 0);
        assert.equal(endpointServices().length, 3);
    });

    it("adds no endpoint with NAT egress", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withOps({ enableExecuteCommand: true, network: { ...seed004Network(), egress: "natGateway" } }),
                    opts,
                ),
        );
        assert.equal(world.named("s5-web").inputs.enableExecuteCommand, true);
        assert.equal(endpointServices().length, 0);
    });

    it("refuses exec on a platform version before 1.4.0", async () => {
        await assertProblem(
            withOps({ enableExecuteCommand: true, platformVersion: "1.3.0" }),
            "enableExecuteCommand",
            /needs Fargate platform version 1\.4\.0 or later; platformVersion is 1\.3\.0/,
        );
        await build(
            opts =>
                new AlbFargateService("s5", withOps({ enableExecuteCommand: true, platformVersion: "1.4.0" }), opts),
        );
        assert.equal(world.named("s5-web").inputs.platformVersion, "1.4.0");
    });

    it("refuses exec on a given endpoints-only VPC without ssmmessages, and runs on one that has it", async () => {
        const onVpc = (network: TwoTierVpc): AlbFargateServiceArgs => {
            const { region: _region, ...service } = seed004Service();
            return { ...service, network, enableExecuteCommand: true };
        };
        const problems = await expectRejection(
            "topologies:aws:AlbFargateService 'bad'",
            (opts: pulumi.ComponentResourceOptions) => {
                const vpc = new TwoTierVpc("shared", { ...seed004Network(), region: "ap-northeast-1" }, opts);
                return new AlbFargateService("bad", onVpc(vpc), opts);
            },
            r => r.name.startsWith("bad"),
        );
        assert.deepEqual(
            problems.problems.map(p => [p.path, p.message, p.fix]),
            [
                [
                    "network",
                    "the tasks reach ssmmessages (ECS Exec) through VPC endpoints, which the TwoTierVpc given has not, " +
                        "and its private subnets have no other way out.",
                    'Create the VPC with interfaceEndpoints: ["ssmmessages"].',
                ],
            ],
        );
        await build(opts => {
            const vpc = new TwoTierVpc(
                "shared",
                { ...seed004Network(), region: "ap-northeast-1", interfaceEndpoints: ["ssmmessages"] },
                opts,
            );
            return new AlbFargateService("s5", onVpc(vpc), opts);
        });
        assert.equal(world.named("s5-web").inputs.enableExecuteCommand, true);
        assert.equal(endpointServices().filter(s => s.endsWith(".ssmmessages")).length, 1);
    });
});

describe("AlbFargateService: the endpoints its tasks need, in one list", () => {
    const PARAM = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/web/db-host";
    const withSecretsAndExec = (network: AlbFargateServiceArgs["network"]): AlbFargateServiceArgs => {
        const { region: _region, ...service } = seed004Service();
        return {
            ...service,
            network,
            enableExecuteCommand: true,
            container: { ...service.container, secrets: { DB_HOST: { ssmParameterArn: PARAM } } },
        };
    };

    it("adds the secrets' and exec's endpoints to a VPC it creates, after those asked for", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    {
                        ...withSecretsAndExec({ ...seed004Network(), interfaceEndpoints: ["sts"] }),
                        region: "ap-northeast-1",
                    },
                    opts,
                ),
        );
        assert.deepEqual(
            endpointServices().map(s => s.replace("com.amazonaws.ap-northeast-1.", "")),
            ["ecr.api", "ecr.dkr", "logs", "sts", "ssm", "ssmmessages"],
        );
    });

    it("names every missing one of a TwoTierVpc given in one problem, and takes one that has them", async () => {
        const tokyo = { ...seed004Network(), region: "ap-northeast-1" };
        const error = await expectRejection(
            "topologies:aws:AlbFargateService 'bad'",
            opts => new AlbFargateService("bad", withSecretsAndExec(new TwoTierVpc("shared", tokyo, opts)), opts),
            r => r.name.startsWith("bad"),
        );
        assert.deepEqual(
            error.problems.map(p => [p.path, p.message, p.fix]),
            [
                [
                    "network",
                    "the tasks reach ssm (container secrets), ssmmessages (ECS Exec) through VPC endpoints, which the " +
                        "TwoTierVpc given has not, and its private subnets have no other way out.",
                    'Create the VPC with interfaceEndpoints: ["ssm", "ssmmessages"].',
                ],
            ],
        );
        await build(opts => {
            const vpc = new TwoTierVpc("shared", { ...tokyo, interfaceEndpoints: ["ssmmessages", "ssm"] }, opts);
            assert.deepEqual(vpc.createdInterfaceEndpoints, ["ecr.api", "ecr.dkr", "logs", "ssmmessages", "ssm"]);
            return new AlbFargateService("s5", withSecretsAndExec(vpc), opts);
        });
        assert.equal(endpointServices().length, 5, "the VPC's own, none added");
    });
});

describe("TwoTierVpc: further interface endpoints", () => {
    const tokyo = { ...seed004Network(), region: "ap-northeast-1" };
    it("refuses bad, duplicate and built-in suffixes, and any with NAT egress", async () => {
        const error = await expectRejection(
            "topologies:aws:TwoTierVpc 'net'",
            opts =>
                new TwoTierVpc(
                    "net",
                    { ...tokyo, interfaceEndpoints: ["SSM Messages", "logs", "ssmmessages", "ssmmessages"] },
                    opts,
                ),
        );
        const at = (path: string) => error.problems.filter(p => p.path === path).map(p => p.message);
        assert.match(at("interfaceEndpoints[0]")[0], /is not an endpoint service suffix/);
        assert.match(at("interfaceEndpoints[1]")[0], /always created/);
        assert.equal(at("interfaceEndpoints[2]").length, 0);
        assert.match(at("interfaceEndpoints[3]")[0], /listed twice/);
        const nat = await expectRejection(
            "topologies:aws:TwoTierVpc 'net'",
            opts =>
                new TwoTierVpc("net", { ...tokyo, egress: "natGateway", interfaceEndpoints: ["ssmmessages"] }, opts),
        );
        assert.ok(
            nat.problems.some(
                p => p.path === "interfaceEndpoints" && /only with egress 'vpcEndpoints'/.test(p.message),
            ),
        );
    });
});

describe("AlbFargateService: Container Insights", () => {
    for (const value of ["enabled", "enhanced", "disabled"] as const) {
        it(`sets containerInsights ${value} on the cluster it creates`, async () => {
            await build(opts => new AlbFargateService("s5", withOps({ containerInsights: value }), opts));
            assert.deepEqual(world.named("s5-cluster").inputs.settings, [{ name: "containerInsights", value }]);
        });
    }

    it("leaves the account's default without it", async () => {
        await build(opts => new AlbFargateService("s5", seed004Service(), opts));
        assert.equal(world.named("s5-cluster").inputs.settings, undefined);
    });

    it("refuses it with an existing cluster, and a value ECS does not take", async () => {
        await assertProblem(
            withOps({ containerInsights: "enabled", clusterArn: CLUSTER_ARN }),
            "containerInsights",
            /clusterArn points to an existing one/,
        );
        await assertProblem(withOps({ containerInsights: "on" as never }), "containerInsights", /./);
    });
});

describe("AlbFargateService: ephemeral storage", () => {
    it("sizes the task's ephemeral storage", async () => {
        await build(opts => new AlbFargateService("s5", withOps({ ephemeralStorageGiB: 50 }), opts));
        assert.deepEqual(world.named("s5-task").inputs.ephemeralStorage, { sizeInGib: 50 });
    });

    it("leaves Fargate's 20 GiB without it", async () => {
        await build(opts => new AlbFargateService("s5", seed004Service(), opts));
        assert.equal(world.named("s5-task").inputs.ephemeralStorage, undefined);
    });

    it("refuses sizes outside 21-200 GiB, fractions, and platform versions before 1.4.0", async () => {
        for (const size of [20, 201]) {
            await assertProblem(
                withOps({ ephemeralStorageGiB: size }),
                "ephemeralStorageGiB",
                /not a whole number from 21 to 200/,
            );
        }
        await assertProblem(withOps({ ephemeralStorageGiB: 21.5 }), "ephemeralStorageGiB", /./);
        await assertProblem(
            withOps({ ephemeralStorageGiB: 30, platformVersion: "1.3.0" }),
            "ephemeralStorageGiB",
            /needs Fargate platform version 1\.4\.0 or later/,
        );
    });

    it("gives an untyped caller problems, not a TypeError", async () => {
        const problems = await problemsOf({
            ...seed004Service(),
            enableExecuteCommand: "yes",
            ephemeralStorageGiB: "50",
            containerInsights: 1,
        });
        assert.deepEqual(problems.map(p => p.path).sort(), [
            "containerInsights",
            "enableExecuteCommand",
            "ephemeralStorageGiB",
        ]);
    });
});
