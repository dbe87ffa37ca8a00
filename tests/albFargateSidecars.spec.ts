import * as assert from "node:assert/strict";
import { AlbFargateService, AlbFargateServiceArgs, SidecarArgs } from "../components/aws/albFargateService";
import { build, world } from "./mocks";
import { problemsOf } from "./support/fargateProblems";
import { seed004Service } from "./support/tutorials";

const OTEL = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";
const AGENT = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/agent:1.0";
const AGENT_REPO = "arn:aws:ecr:ap-northeast-1:123456789012:repository/agent";
const APP_REPO = "arn:aws:ecr:ap-northeast-1:123456789012:repository/hello-nginx";
const PARAM = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/otel/config";
const SECRET = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:web/db-AbCdEf";
const AGENT_SECRET = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:agent/key-AbCdEf";
const KEY = "arn:aws:kms:ap-northeast-1:123456789012:key/0f0e0d0c-0b0a-0908-0706-050403020100";

const CHECK = ["CMD", "/healthcheck"];

/** The seed 004 service with NAT egress (any registry reachable), `sidecars` and `more` top-level args. */
function withSidecars(sidecars: SidecarArgs[], more: Partial<AlbFargateServiceArgs> = {}): AlbFargateServiceArgs {
    const args = seed004Service();
    return {
        ...args,
        network: { ...args.network, egress: "natGateway" },
        cpu: 512,
        memory: 1024,
        ...more,
        sidecars,
    } as AlbFargateServiceArgs;
}

const definitions = (name: string) => JSON.parse(world.named(`${name}-task`).inputs.containerDefinitions);
const executionStatements = (name: string) =>
    JSON.parse(world.named(`${name}-execution-policy`).inputs.policy).Statement as { Sid: string }[];
const lines = async (args: unknown) => (await problemsOf(args)).map(p => `${p.path}: ${p.message}`);

describe("AlbFargateService: sidecars", () => {
    it("writes every container's definition: essential, health check with ECS's defaults, dependsOn, own log streams", async () => {
        const args = withSidecars([
            {
                name: "otel",
                image: OTEL,
                cpu: 128,
                memoryReservation: 256,
                command: ["--config=/etc/ecs/ecs-default-config.yaml"],
                portMappings: [{ containerPort: 4317 }, { containerPort: 4318, protocol: "tcp" }],
                healthCheck: { command: CHECK, startPeriod: 10 },
            },
            {
                name: "init",
                image: AGENT,
                entryPoint: ["/bin/sh", "-c"],
                command: ["cp /seed/* /data"],
                memory: 64,
                environment: { MODE: "seed" },
            },
        ]);
        args.container = {
            ...args.container,
            cpu: 256,
            memory: 512,
            memoryReservation: 384,
            healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 10, retries: 2 },
            dependsOn: [
                { containerName: "otel", condition: "HEALTHY" },
                { containerName: "init", condition: "SUCCESS" },
            ],
        };
        await build(opts => new AlbFargateService("s5", args, opts));
        const group = world.named("s5-logs").inputs.name;
        const logs = (prefix: string) => ({
            logDriver: "awslogs",
            options: { "awslogs-group": group, "awslogs-region": "ap-northeast-1", "awslogs-stream-prefix": prefix },
        });
        assert.deepEqual(definitions("s5"), [
            {
                name: "app",
                image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx:latest",
                essential: true,
                cpu: 256,
                memory: 512,
                memoryReservation: 384,
                portMappings: [{ containerPort: 80, protocol: "tcp" }],
                environment: [],
                healthCheck: {
                    command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
                    interval: 10,
                    timeout: 5,
                    retries: 2,
                },
                dependsOn: [
                    { containerName: "otel", condition: "HEALTHY" },
                    { containerName: "init", condition: "SUCCESS" },
                ],
                logConfiguration: logs("app"),
            },
            {
                name: "otel",
                image: OTEL,
                essential: false,
                cpu: 128,
                memoryReservation: 256,
                portMappings: [
                    { containerPort: 4317, protocol: "tcp" },
                    { containerPort: 4318, protocol: "tcp" },
                ],
                command: ["--config=/etc/ecs/ecs-default-config.yaml"],
                environment: [],
                healthCheck: { command: CHECK, interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
                logConfiguration: logs("otel"),
            },
            {
                name: "init",
                image: AGENT,
                essential: false,
                memory: 64,
                entryPoint: ["/bin/sh", "-c"],
                command: ["cp /seed/* /data"],
                environment: [{ name: "MODE", value: "seed" }],
                logConfiguration: logs("init"),
            },
        ]);
        // Only the main container is the target; the task security group opens only its port.
        const service = world.named("s5-web");
        assert.deepEqual(
            service.inputs.loadBalancers.map((l: { containerName: string }) => l.containerName),
            ["app"],
        );
        const ingress = world
            .ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .filter(r => r.inputs.securityGroupId === world.named("s5-task-sg").id);
        assert.deepEqual([...new Set(ingress.map(r => r.inputs.fromPort))], [80]);
    });

    it("keeps the task definition of a service without sidecars as it was", async () => {
        await build(opts => new AlbFargateService("s5", seed004Service(), opts));
        assert.deepEqual(Object.keys(definitions("s5")[0]), [
            "name",
            "image",
            "essential",
            "portMappings",
            "environment",
            "logConfiguration",
        ]);
        assert.equal(definitions("s5").length, 1);
    });

    it("grants a sidecar's image and secrets to the execution role exactly as the main container's", async () => {
        const args = withSidecars([
            {
                name: "agent",
                image: AGENT,
                essential: true,
                secrets: { CONFIG: { ssmParameterArn: PARAM }, KEY: { secretArn: AGENT_SECRET, jsonKey: "k" } },
                secretsKmsKeyArn: KEY,
            },
            // The same secret as the main container's: read once.
            { name: "shadow", image: OTEL, secrets: { DB: { secretArn: SECRET } } },
        ]);
        args.container = { ...args.container, secrets: { DB_PASSWORD: { secretArn: SECRET, jsonKey: "password" } } };
        await build(opts => new AlbFargateService("s5", args, opts));
        const statements = executionStatements("s5");
        assert.deepEqual(statements, [
            { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            {
                Sid: "EcrPull",
                Effect: "Allow",
                Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                // The public ECR image needs no grant.
                Resource: [APP_REPO, AGENT_REPO],
            },
            {
                Sid: "Logs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${world.named("s5-logs").state.arn}:log-stream:*`,
            },
            { Sid: "SsmParameters", Effect: "Allow", Action: "ssm:GetParameters", Resource: [PARAM] },
            {
                Sid: "Secrets",
                Effect: "Allow",
                Action: "secretsmanager:GetSecretValue",
                Resource: [SECRET, AGENT_SECRET],
            },
            { Sid: "SecretsKey", Effect: "Allow", Action: "kms:Decrypt", Resource: KEY },
        ]);
        assert.deepEqual(definitions("s5")[1].secrets, [
            { name: "CONFIG", valueFrom: PARAM },
            { name: "KEY", valueFrom: `${AGENT_SECRET}:k::` },
        ]);
        assert.equal(definitions("s5")[1].essential, true);
    });

    it("adds the endpoints a sidecar's secrets need to a VPC it creates with VPC endpoints", async () => {
        const args = seed004Service();
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    {
                        ...args,
                        sidecars: [{ name: "agent", image: AGENT, secrets: { K: { ssmParameterArn: PARAM } } }],
                    },
                    opts,
                ),
        );
        const endpoints = world
            .ofType("aws:ec2/vpcEndpoint:VpcEndpoint")
            .map(e => String(e.inputs.serviceName).replace("com.amazonaws.ap-northeast-1.", ""))
            .sort();
        assert.deepEqual(endpoints, ["ecr.api", "ecr.dkr", "logs", "s3", "ssm"]);
    });

    it("takes a pretty-printed taskRolePolicy (a sidecar's permissions), newlines and all", async () => {
        const policy = JSON.stringify(
            {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: ["xray:PutTraceSegments"], Resource: "*" }],
            },
            null,
            2,
        );
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withSidecars([{ name: "otel", image: OTEL }], { taskRolePolicy: policy }),
                    opts,
                ),
        );
        assert.equal(world.named("s5-task-policy").inputs.policy, policy);
    });

    describe("refuses, at the input's path", () => {
        it("a container name used twice, the main container's included", async () => {
            const problems = await lines(
                withSidecars([
                    { name: "app", image: OTEL },
                    { name: "otel", image: OTEL },
                    { name: "otel", image: OTEL, portMappings: [{ containerPort: 9000 }] },
                ]),
            );
            assert.ok(
                problems.includes("sidecars[0].name: container name 'app' is used again (first at container.name)."),
            );
            assert.ok(
                problems.includes("sidecars[2].name: container name 'otel' is used again (first at sidecars[1].name)."),
            );
        });

        it("a dependency on an unknown container, on itself, twice, or in a cycle", async () => {
            const problems = await lines(
                withSidecars([
                    { name: "a", image: OTEL, dependsOn: [{ containerName: "b", condition: "START" }] },
                    {
                        name: "b",
                        image: OTEL,
                        dependsOn: [
                            { containerName: "c", condition: "START" },
                            { containerName: "b", condition: "START" },
                        ],
                    },
                    {
                        name: "c",
                        image: OTEL,
                        dependsOn: [
                            { containerName: "a", condition: "START" },
                            { containerName: "otle", condition: "START" },
                            { containerName: "a", condition: "START" },
                        ],
                    },
                ]),
            );
            assert.ok(
                problems.includes("sidecars[1].dependsOn[1].containerName: container 'b' cannot wait for itself."),
            );
            assert.ok(
                problems.includes(
                    "sidecars[2].dependsOn[1].containerName: container 'otle' is not a container of the task.",
                ),
            );
            assert.ok(
                problems.includes(
                    "sidecars[2].dependsOn[2].containerName: dependency 'a' is used again (first at sidecars[2].dependsOn[0].containerName).",
                ),
            );
            const cycles = problems.filter(p => p.includes("in a cycle"));
            assert.deepEqual(cycles, [
                "sidecars[2].dependsOn[0].containerName: the containers wait for each other in a cycle (a → b → c → a), so none of them could start.",
            ]);
        });

        it("HEALTHY of a container without a health check, COMPLETE or SUCCESS of an essential one", async () => {
            const args = withSidecars([
                { name: "otel", image: OTEL, dependsOn: [{ containerName: "app", condition: "SUCCESS" }] },
                { name: "proxy", image: OTEL, essential: true },
            ]);
            args.container = {
                ...args.container,
                dependsOn: [
                    { containerName: "otel", condition: "HEALTHY" },
                    { containerName: "proxy", condition: "COMPLETE" },
                ],
            };
            const problems = await lines(args);
            for (const expected of [
                "container.dependsOn[0].condition: HEALTHY waits for the health check of 'otel', which has none.",
                "container.dependsOn[1].condition: COMPLETE waits for 'proxy' to exit, but it is essential: its exit stops the task.",
                "sidecars[0].dependsOn[0].condition: SUCCESS waits for 'app' to exit, but it is essential: its exit stops the task.",
            ]) {
                assert.ok(problems.includes(expected), `${expected}\n${problems.join("\n")}`);
            }
        });

        it("a health check out of ECS's ranges, or without CMD or CMD-SHELL", async () => {
            const args = withSidecars([
                {
                    name: "otel",
                    image: OTEL,
                    healthCheck: {
                        command: ["curl", "localhost"],
                        interval: 4,
                        timeout: 61,
                        retries: 11,
                        startPeriod: 301,
                    },
                },
                {
                    name: "b",
                    image: OTEL,
                    healthCheck: { command: ["CMD-SHELL"], interval: 300, timeout: 2, retries: 1 },
                },
            ]);
            args.container = { ...args.container, healthCheck: { command: CHECK, retries: 0, startPeriod: 0 } };
            const problems = await problemsOf(args);
            assert.deepEqual(
                problems.map(p => p.path),
                [
                    "container.healthCheck.retries",
                    "sidecars[0].healthCheck.command",
                    "sidecars[0].healthCheck.interval",
                    "sidecars[0].healthCheck.timeout",
                    "sidecars[0].healthCheck.retries",
                    "sidecars[0].healthCheck.startPeriod",
                    "sidecars[1].healthCheck.command",
                ],
            );
            assert.match(problems[2].message, /health check interval \(s\) 4 is not a whole number from 5 to 300/);
            assert.match(problems[3].message, /from 2 to 60/);
            assert.match(problems[4].message, /from 1 to 10/);
            assert.match(problems[5].message, /from 0 to 300/);
            assert.ok(problems.every(p => p.fix));
        });

        it("reservations over the task size, a limit above it, a reservation not below the limit", async () => {
            const args = withSidecars(
                [
                    { name: "otel", image: OTEL, cpu: 256, memoryReservation: 512 },
                    { name: "b", image: OTEL, memory: 2048, memoryReservation: 2048 },
                ],
                { cpu: 256, memory: 512 },
            );
            args.container = { ...args.container, cpu: 128, memory: 256 };
            const problems = await lines(args);
            for (const expected of [
                "sidecars[1].memoryReservation: the reservation of 2048 MiB is not below the container's memory limit of 2048 MiB.",
                "cpu: the containers reserve 384 CPU units together (app 128, otel 256), more than the task's 256.",
                "memory: the containers reserve 2816 MiB together (app 256, otel 512, b 2048), more than the task's 512 MiB.",
                "sidecars[1].memory: the container's limit of 2048 MiB is above the task's 512 MiB.",
            ]) {
                assert.ok(problems.includes(expected), `${expected}\n${problems.join("\n")}`);
            }
        });

        it("accepts reservations that add up to the task size exactly", async () => {
            const args = withSidecars([{ name: "otel", image: OTEL, cpu: 256, memoryReservation: 512 }]);
            args.container = { ...args.container, cpu: 256, memoryReservation: 512 };
            await build(opts => new AlbFargateService("s5", args, opts));
            assert.equal(definitions("s5").length, 2);
        });

        it("a port two containers listen on, and a sidecar image the VPC endpoints cannot reach", async () => {
            const args = seed004Service();
            const problems = await lines({
                ...args,
                sidecars: [{ name: "otel", image: OTEL, portMappings: [{ containerPort: 80 }, { containerPort: 0 }] }],
            });
            assert.ok(
                problems.includes(
                    "sidecars[0].portMappings[0].containerPort: port '80/tcp' is used again (first at container.port).",
                ),
                problems.join("\n"),
            );
            assert.ok(problems.some(p => p.startsWith("sidecars[0].portMappings[1].containerPort: port 0 is not")));
            assert.ok(problems.some(p => p.startsWith("sidecars[0].image: image 'public.ecr.aws/")));
        });

        it("dependsOn before platform version 1.3.0", async () => {
            const otel: SidecarArgs = {
                name: "otel",
                image: OTEL,
                dependsOn: [{ containerName: "app", condition: "START" }],
            };
            assert.deepEqual(await lines(withSidecars([otel], { platformVersion: "1.2.0" })), [
                "platformVersion: container dependencies (dependsOn) need Fargate platform version 1.3.0 or later; platformVersion is 1.2.0.",
            ]);
            await build(opts => new AlbFargateService("s5", withSidecars([otel], { platformVersion: "1.3.0" }), opts));
        });

        it("untyped sidecars with the wrong shape, with paths and no TypeError", async () => {
            const problems = await problemsOf({
                ...seed004Service(),
                sidecars: [
                    { image: OTEL },
                    {
                        name: "x",
                        image: OTEL,
                        dependsOn: [{ containerName: "app", condition: "READY" }],
                        essentail: false,
                    },
                ],
            });
            const paths = problems.map(p => p.path);
            for (const path of ["sidecars[0].name", "sidecars[1].dependsOn[0].condition", "sidecars[1].essentail"]) {
                assert.ok(paths.includes(path), `${path} in ${paths.join(", ")}`);
            }
        });
    });
});
