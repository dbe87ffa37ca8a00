import * as assert from "node:assert/strict";
import { AlbFargateService, FargateServiceArgs } from "../components/aws/albFargateService";
import { build, valueOf, world } from "./mocks";
import { assertProblem, problemsOf } from "./support/fargateProblems";
import { AlbFargateServiceOnNetworkArgs, seed004Service } from "./support/tutorials";

const CLUSTER_ARN = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/shared";

/** Seed 004's service with one service `web` as given. */
function withWeb(
    web: FargateServiceArgs,
    more: Partial<AlbFargateServiceOnNetworkArgs> = {},
): AlbFargateServiceOnNetworkArgs {
    return { ...seed004Service(), services: { web }, ...more };
}

const cpu60 = { minCapacity: 2, maxCapacity: 6, cpuUtilization: { target: 60 } };

describe("AlbFargateService: autoscaling", () => {
    it("registers the service as a scalable target with target-tracking policies and schedules", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withWeb({
                        desiredCount: 3,
                        autoscaling: {
                            minCapacity: 2,
                            maxCapacity: 6,
                            cpuUtilization: { target: 60, scaleInCooldown: 300, scaleOutCooldown: 60 },
                            memoryUtilization: { target: 75 },
                            requestsPerTarget: { target: 1000 },
                            schedules: [
                                { schedule: "cron(0 22 ? * MON-FRI *)", minCapacity: 0, maxCapacity: 2 },
                                { schedule: "cron(0 7 ? * MON-FRI *)", minCapacity: 2, timezone: "Asia/Tokyo" },
                            ],
                        },
                    }),
                    opts,
                ),
        );
        const service = world.named("s5-web");
        const cluster = world.named("s5-cluster");
        const target = world.named("s5-web-scaling");
        assert.equal(target.type, "aws:appautoscaling/target:Target");
        assert.deepEqual(
            [target.inputs.serviceNamespace, target.inputs.scalableDimension, target.inputs.resourceId],
            ["ecs", "ecs:service:DesiredCount", `service/${cluster.state.name}/${service.state.name}`],
        );
        assert.deepEqual([target.inputs.minCapacity, target.inputs.maxCapacity], [2, 6]);
        assert.equal(target.provider, service.provider, "the service's provider");
        assert.equal(target.parent, "s5");

        // The service starts at its desired count and leaves it to the scaling afterwards.
        assert.equal(service.inputs.desiredCount, 3);
        assert.deepEqual(service.ignoreChanges, ["desiredCount"]);

        const policies = world.ofType("aws:appautoscaling/policy:Policy");
        assert.deepEqual(
            policies.map(p => p.name),
            ["s5-web-cpu", "s5-web-memory", "s5-web-requests"],
        );
        const tg = world.named("s5-tg");
        const alb = world.named("s5-alb");
        const metrics = policies.map(p => {
            assert.equal(p.inputs.policyType, "TargetTrackingScaling");
            assert.equal(p.inputs.resourceId, target.inputs.resourceId);
            assert.equal(p.inputs.scalableDimension, "ecs:service:DesiredCount");
            assert.equal(p.inputs.serviceNamespace, "ecs");
            assert.match(String(p.inputs.name), new RegExp(`^${p.name}-[0-9a-f]{7}$`), "auto-named");
            const config = p.inputs.targetTrackingScalingPolicyConfiguration;
            return [
                config.predefinedMetricSpecification.predefinedMetricType,
                config.predefinedMetricSpecification.resourceLabel,
                config.targetValue,
                config.scaleInCooldown,
                config.scaleOutCooldown,
            ];
        });
        assert.deepEqual(metrics, [
            ["ECSServiceAverageCPUUtilization", undefined, 60, 300, 60],
            ["ECSServiceAverageMemoryUtilization", undefined, 75, undefined, undefined],
            ["ALBRequestCountPerTarget", `${alb.state.arnSuffix}/${tg.state.arnSuffix}`, 1000, undefined, undefined],
        ]);
        assert.match(String(metrics[2][1]), /^app\/[^/]+\/[0-9a-f]+\/targetgroup\/[^/]+\/[0-9a-f]+$/);

        const schedules = world.ofType("aws:appautoscaling/scheduledAction:ScheduledAction");
        assert.deepEqual(
            schedules.map(s => [s.name, s.inputs.schedule, s.inputs.timezone, s.inputs.scalableTargetAction]),
            [
                ["s5-web-schedule-0", "cron(0 22 ? * MON-FRI *)", undefined, { minCapacity: 0, maxCapacity: 2 }],
                ["s5-web-schedule-1", "cron(0 7 ? * MON-FRI *)", "Asia/Tokyo", { minCapacity: 2 }],
            ],
        );
        for (const s of schedules) assert.equal(s.inputs.resourceId, target.inputs.resourceId);
    });

    it("starts at minCapacity when desiredCount is left out, and builds nothing for a service without it", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    { ...seed004Service(), services: { web: { autoscaling: cpu60 }, batch: {} } },
                    opts,
                ),
        );
        assert.equal(world.named("s5-web").inputs.desiredCount, 2);
        assert.equal(world.named("s5-batch").inputs.desiredCount, 1);
        assert.equal(world.named("s5-batch").ignoreChanges, undefined, "a fixed count is the plan's");
        assert.deepEqual(
            world.ofType("aws:appautoscaling/target:Target").map(t => t.name),
            ["s5-web-scaling"],
        );
        assert.equal(world.ofType("aws:appautoscaling/scheduledAction:ScheduledAction").length, 0);
    });

    it("refuses bounds that do not hold the desired count", async () => {
        await assertProblem(
            withWeb({ autoscaling: { ...cpu60, minCapacity: 7 } }),
            "services.web.autoscaling.minCapacity",
            /minCapacity 7 is above maxCapacity 6/,
        );
        await assertProblem(
            withWeb({ desiredCount: 8, autoscaling: cpu60 }),
            "services.web.desiredCount",
            /desiredCount 8 is outside autoscaling's 2 to 6/,
        );
        await assertProblem(
            withWeb({ desiredCount: 1, autoscaling: cpu60 }),
            "services.web.desiredCount",
            /outside autoscaling's 2 to 6/,
        );
        await assertProblem(
            withWeb({ autoscaling: { ...cpu60, minCapacity: -1 } }),
            "services.web.autoscaling.minCapacity",
            /-1 is not a whole number from 0 to 5000/,
        );
        await assertProblem(
            withWeb({ autoscaling: { ...cpu60, minCapacity: 0, maxCapacity: 0 } }),
            "services.web.autoscaling.maxCapacity",
            /0 is not a whole number from 1 to 5000/,
        );
        await assertProblem(
            withWeb({ autoscaling: { ...cpu60, maxCapacity: 5001 } }),
            "services.web.autoscaling.maxCapacity",
            /5001 is not a whole number from 1 to 5000/,
        );
    });

    it("refuses autoscaling with neither a policy nor a schedule", async () => {
        await assertProblem(
            withWeb({ autoscaling: { minCapacity: 1, maxCapacity: 3 } }),
            "services.web.autoscaling",
            /neither a policy nor a schedule/,
        );
    });

    it("refuses targets out of range and cooldowns that are not whole seconds", async () => {
        const problems = await problemsOf(
            withWeb({
                autoscaling: {
                    minCapacity: 1,
                    maxCapacity: 3,
                    cpuUtilization: { target: 0 },
                    memoryUtilization: { target: 101, scaleInCooldown: -5 },
                    requestsPerTarget: { target: -10, scaleOutCooldown: 0 },
                },
            }),
        );
        const at = "services.web.autoscaling";
        assert.deepEqual(
            problems.map(p => p.path),
            [
                `${at}.cpuUtilization.target`,
                `${at}.memoryUtilization.target`,
                `${at}.memoryUtilization.scaleInCooldown`,
                `${at}.requestsPerTarget.target`,
            ],
        );
        assert.match(problems[0].message, /target 0 is not a percent above 0 and at most 100/);
        assert.match(problems[1].message, /target 101 is not a percent/);
        assert.match(problems[2].message, /-5 is not a whole number from 0/);
        assert.match(problems[3].message, /-10 is not a positive number of requests/);
        // A fraction of a second is the shape's to refuse, before the rules.
        await assertProblem(
            withWeb({ autoscaling: { ...cpu60, cpuUtilization: { target: 60, scaleOutCooldown: 1.5 } } }),
            `${at}.cpuUtilization.scaleOutCooldown`,
            /./,
        );
    });

    it("refuses schedule expressions of no supported form, empty actions and bad time zones", async () => {
        const at = "services.web.autoscaling.schedules";
        const schedules = [
            { schedule: "0 9 * * *", minCapacity: 1 },
            { schedule: "cron(0 9 * * *)", minCapacity: 1 },
            { schedule: "rate(0 minutes)", minCapacity: 1 },
            { schedule: "at(2030-13-01T09:00:00)", minCapacity: 1 },
            { schedule: "rate(5 minutes)" },
            { schedule: "rate(1 day)", minCapacity: 4, maxCapacity: 2 },
            { schedule: "at(2030-01-31T09:00:00)", maxCapacity: 2, timezone: "Tokyo time" },
        ];
        const problems = await problemsOf(withWeb({ autoscaling: { minCapacity: 1, maxCapacity: 3, schedules } }));
        assert.deepEqual(
            problems.map(p => p.path),
            [
                `${at}[0].schedule`,
                `${at}[1].schedule`,
                `${at}[2].schedule`,
                `${at}[3].schedule`,
                `${at}[4]`,
                `${at}[5].minCapacity`,
                `${at}[6].timezone`,
            ],
        );
        assert.match(problems[0].message, /is not an at\(\.\.\.\), rate\(\.\.\.\) or cron\(\.\.\.\) expression/);
        assert.match(problems[4].message, /neither minCapacity nor maxCapacity/);
        assert.match(problems[5].message, /minCapacity 4 is above maxCapacity 2/);
        assert.match(problems[6].message, /not the name of an IANA time zone/);
    });

    it("gives an untyped caller problems, not a TypeError", async () => {
        await assertProblem(
            withWeb({ autoscaling: { minCapacity: "2", maxCapacity: 6, cpuUtilization: {} } as never }),
            "services.web.autoscaling.minCapacity",
            /./,
        );
        await assertProblem(
            withWeb({ capacityProviders: [{ capacityProvider: "EC2", weight: 1 }] } as never),
            "services.web.capacityProviders[0].capacityProvider",
            /./,
        );
    });
});

describe("AlbFargateService: capacity providers and platform version", () => {
    it("runs a service on its strategy, with no launch type, in a cluster that has the providers", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    {
                        ...seed004Service(),
                        platformVersion: "1.4.0",
                        services: {
                            web: {
                                capacityProviders: [
                                    { capacityProvider: "FARGATE", weight: 1, base: 2 },
                                    { capacityProvider: "FARGATE_SPOT", weight: 3 },
                                ],
                            },
                            batch: {},
                        },
                    },
                    opts,
                ),
        );
        const web = world.named("s5-web");
        assert.equal(web.inputs.launchType, undefined, "CreateService refuses a launch type beside a strategy");
        assert.deepEqual(web.inputs.capacityProviderStrategies, [
            { capacityProvider: "FARGATE", weight: 1, base: 2 },
            { capacityProvider: "FARGATE_SPOT", weight: 3 },
        ]);
        assert.equal(web.inputs.forceNewDeployment, true);
        assert.equal(web.inputs.platformVersion, "1.4.0");
        const providers = world.named("s5-capacity-providers");
        assert.equal(providers.type, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders");
        assert.equal(providers.inputs.clusterName, world.named("s5-cluster").state.name);
        assert.deepEqual(providers.inputs.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
        assert.equal(providers.provider, web.provider);
        assert.ok(web.dependsOn.includes("s5-capacity-providers"), "the providers are associated first");

        const batch = world.named("s5-batch");
        assert.equal(batch.inputs.launchType, "FARGATE");
        assert.equal(batch.inputs.capacityProviderStrategies, undefined);
        assert.equal(batch.inputs.platformVersion, "1.4.0");
        assert.ok(!batch.dependsOn.includes("s5-capacity-providers"));
    });

    it("associates nothing without a strategy, and warns that an existing cluster must have the providers", async () => {
        await build(opts => new AlbFargateService("s5", seed004Service(), opts));
        assert.equal(world.ofType("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").length, 0);
        assert.equal(world.named("s5-web").inputs.platformVersion, "LATEST");
        assert.equal(world.warnings.length, 0);

        const svc = await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withWeb(
                        { capacityProviders: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] },
                        { clusterArn: CLUSTER_ARN },
                    ),
                    opts,
                ),
        );
        assert.equal(await valueOf(svc.clusterArn), CLUSTER_ARN);
        assert.equal(world.ofType("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").length, 0);
        assert.equal(world.named("s5-web").inputs.cluster, CLUSTER_ARN);
        assert.equal(world.warnings.length, 1);
        assert.equal(world.warnings[0].resource, "s5");
        assert.match(world.warnings[0].message, /use FARGATE_SPOT: the existing cluster \(clusterArn\) must have them/);
    });

    it("refuses weights, bases and duplicates ECS refuses", async () => {
        const at = "services.web.capacityProviders";
        const problems = await problemsOf(
            withWeb({
                capacityProviders: [
                    { capacityProvider: "FARGATE", weight: 0, base: 100001 },
                    { capacityProvider: "FARGATE", weight: 0, base: 1 },
                ],
            }),
        );
        assert.deepEqual(
            problems.map(p => p.path),
            [`${at}[0].base`, `${at}[1].base`, at, `${at}[1].capacityProvider`],
        );
        assert.match(problems[0].message, /base 100001 is not a whole number from 0 to 100000/);
        assert.match(problems[1].message, /only one capacity provider of a strategy may have a base/);
        assert.match(problems[2].message, /no capacity provider has a weight above 0/);
        assert.match(problems[3].message, /capacity provider 'FARGATE' is used again/);

        await assertProblem(
            withWeb({ capacityProviders: [{ capacityProvider: "FARGATE", weight: 1001 }] }),
            `${at}[0].weight`,
            /weight 1001 is not a whole number from 0 to 1000/,
        );
        await assertProblem(withWeb({ capacityProviders: [] }), at, /has no capacity provider/);
    });

    it("refuses FARGATE_SPOT for ARM64 images and platform versions before 1.3.0", async () => {
        const spot = { capacityProviders: [{ capacityProvider: "FARGATE_SPOT" as const, weight: 1 }] };
        const at = "services.web.capacityProviders[0].capacityProvider";
        await assertProblem(withWeb(spot, { cpuArchitecture: "ARM64" }), at, /FARGATE_SPOT runs only X86_64 tasks/);
        await assertProblem(withWeb(spot, { platformVersion: "1.2.0" }), at, /needs platform version 1.3.0 or later/);
    });

    it("refuses a platform version that is neither LATEST nor a version number", async () => {
        await assertProblem(
            { ...seed004Service(), platformVersion: "latest" },
            "platformVersion",
            /"latest" is not a Fargate platform version/,
        );
        await assertProblem({ ...seed004Service(), platformVersion: "1.4" }, "platformVersion", /not a Fargate/);
    });
});
