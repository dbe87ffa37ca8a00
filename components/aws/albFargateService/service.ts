/**
 * What runs: the ECS cluster (made here, or the one given), the Fargate task definition, and the
 * services that keep its tasks running in the private subnets, registered in the target group.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import type { TwoTierVpc } from "../network";
import { containerDefinitions } from "./containerDefinitions";
import { TaskIdentity } from "./iam";
import { createAutoscaling } from "./scaling";
import { AlbFargateServicePlan } from "./plan";

/** The cluster the services run in. */
export interface ServiceCluster {
    /** The cluster made here; undefined with `clusterArn`. */
    readonly cluster?: aws.ecs.Cluster;
    readonly arn: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    /** What a service's capacity provider strategy needs first: the providers' association with a cluster made here. */
    readonly ready: pulumi.Resource[];
}

/**
 * Creates the cluster of the plan, or takes the existing one by ARN. A new cluster gets the
 * Fargate capacity providers the services' strategies name: ECS takes in a strategy only
 * "capacity providers that are already associated with a cluster" (ECS API reference,
 * CapacityProviderStrategyItem; PutClusterCapacityProviders associates them). An existing
 * cluster's providers are its owner's: the component warns that it must have them.
 */
export function createCluster(
    name: string,
    plan: AlbFargateServicePlan,
    opts: pulumi.CustomResourceOptions,
): ServiceCluster {
    if (plan.cluster.arn !== undefined) {
        const arn = pulumi.output(plan.cluster.arn);
        return { arn, name: arn.apply(a => a.split("/").pop()!), ready: [] };
    }
    // Valid `containerInsights` values: `enhanced`, `enabled`, `disabled` (@pulumi/aws ecs
    // ClusterSetting). Not set: the account's default, and no change to a cluster made before.
    const insights = plan.cluster.containerInsights;
    const cluster = new aws.ecs.Cluster(
        `${name}-cluster`,
        {
            name: plan.cluster.name,
            ...(insights ? { settings: [{ name: "containerInsights", value: insights }] } : {}),
            tags: plan.tags,
        },
        opts,
    );
    const ready: pulumi.Resource[] = [];
    if (plan.cluster.capacityProviders.length > 0) {
        ready.push(
            new aws.ecs.ClusterCapacityProviders(
                `${name}-capacity-providers`,
                { clusterName: cluster.name, capacityProviders: [...plan.cluster.capacityProviders] },
                opts,
            ),
        );
    }
    return { cluster, arn: cluster.arn, name: cluster.name, ready };
}

/** Creates the Fargate task definition: the main container and its sidecars (containerDefinitions.ts), their logs to the log group. */
export function createTaskDefinition(
    name: string,
    plan: AlbFargateServicePlan,
    identity: TaskIdentity,
    opts: pulumi.CustomResourceOptions,
): aws.ecs.TaskDefinition {
    const { task } = plan;
    return new aws.ecs.TaskDefinition(
        `${name}-task`,
        {
            family: task.family,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: String(task.cpu),
            memory: String(task.memory),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: task.cpuArchitecture },
            ...(task.ephemeralStorageGiB !== undefined
                ? { ephemeralStorage: { sizeInGib: task.ephemeralStorageGiB } }
                : {}),
            executionRoleArn: identity.executionRole.arn,
            taskRoleArn: identity.taskRole.arn,
            containerDefinitions: containerDefinitions(plan, identity.logGroup.name),
            tags: plan.tags,
        },
        opts,
    );
}

/** What a service's scaling policies name: its cluster, and the requests of its target group. */
export interface ScalingTargets {
    readonly cluster: ServiceCluster;
    /** `<ALB ARN suffix>/<target group ARN suffix>`: what `ALBRequestCountPerTarget` counts the requests of. */
    readonly requestCountLabel: pulumi.Output<string>;
}

/** The target group a service registers in, and what attaches it to a listener. */
export interface ServiceTargetGroup {
    readonly targetGroup: aws.lb.TargetGroup;
    /** Its listener rules, for a routed service (the listeners themselves are in `dependsOn`). */
    readonly attachedBy: pulumi.Resource[];
}

/** What the services run and register in, and what must exist before their first task starts. */
export interface ServiceTargets {
    readonly cluster: ServiceCluster;
    readonly taskDefinition: aws.ecs.TaskDefinition;
    /** By service key. */
    readonly targetGroups: Readonly<Record<string, ServiceTargetGroup>>;
    /** The ALB's ARN suffix, the first half of each service's request count label. */
    readonly albArnSuffix: pulumi.Output<string>;
    readonly taskSecurityGroupId: pulumi.Output<string>;
    /**
     * ECS rejects a target group not yet attached to a listener, and tasks started before the
     * execution role's policy or the egress exist fail to pull and trip the circuit breaker.
     */
    readonly dependsOn: pulumi.Resource[];
}

/**
 * Creates the ECS services by key; ECS registers each task's IP in the service's target group
 * (the shared one, or its own when routed). Returns them by key. A service with autoscaling gets its scalable target, policies and schedules, and
 * ignores changes to `desiredCount`: Application Auto Scaling sets the count, and a deployment
 * that sent the planned one again would undo the scaling (scale a busy service in) on every
 * `pulumi up`.
 */
export function createServices(
    name: string,
    plan: AlbFargateServicePlan,
    network: TwoTierVpc,
    targets: ServiceTargets,
    opts: pulumi.CustomResourceOptions,
): Record<string, aws.ecs.Service> {
    const services: Record<string, aws.ecs.Service> = {};
    for (const svc of plan.services) {
        const { targetGroup, attachedBy } = targets.targetGroups[svc.key];
        // A strategy and a launch type are exclusive: CreateService refuses both ("If a
        // capacityProviderStrategy is specified, the launchType parameter must be omitted"), and the
        // provider has them conflict. Changing a strategy needs forceNewDeployment (provider docs).
        const placement = svc.capacityProviders
            ? {
                  capacityProviderStrategies: svc.capacityProviders.map(p => ({ ...p })),
                  forceNewDeployment: true,
              }
            : { launchType: "FARGATE" };
        const service = new aws.ecs.Service(
            `${name}-${svc.key}`,
            {
                name: svc.name,
                cluster: targets.cluster.arn,
                taskDefinition: targets.taskDefinition.arn,
                ...placement,
                platformVersion: plan.platformVersion,
                desiredCount: svc.desiredCount,
                deploymentMinimumHealthyPercent: svc.minimumHealthyPercent,
                deploymentMaximumPercent: svc.maximumPercent,
                deploymentCircuitBreaker: { enable: true, rollback: svc.circuitBreakerRollback },
                healthCheckGracePeriodSeconds: svc.healthCheckGracePeriodSeconds,
                networkConfiguration: {
                    subnets: network.privateSubnets.map(s => s.id),
                    securityGroups: [targets.taskSecurityGroupId],
                    assignPublicIp: plan.assignPublicIp,
                },
                loadBalancers: [
                    {
                        targetGroupArn: targetGroup.arn,
                        containerName: plan.container.name,
                        containerPort: plan.container.port,
                    },
                ],
                // ECS Exec; the task role's ssmmessages permissions come with it (iam.ts).
                ...(plan.enableExecuteCommand ? { enableExecuteCommand: true } : {}),
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                // Without it `pulumi up` succeeds while tasks that never get healthy are rolled back.
                waitForSteadyState: svc.waitForSteadyState,
                tags: plan.tags,
            },
            {
                ...opts,
                dependsOn: [
                    ...targets.dependsOn,
                    ...attachedBy,
                    ...(svc.capacityProviders ? targets.cluster.ready : []),
                ],
                customTimeouts: { create: svc.deploymentTimeout, update: svc.deploymentTimeout },
                ignoreChanges: svc.autoscaling ? ["desiredCount"] : [],
            },
        );
        services[svc.key] = service;
        if (svc.autoscaling) {
            const requestCountLabel = pulumi.interpolate`${targets.albArnSuffix}/${targetGroup.arnSuffix}`;
            createAutoscaling(
                `${name}-${svc.key}`,
                svc.autoscaling,
                { cluster: targets.cluster, requestCountLabel },
                service,
                opts,
            );
        }
    }
    return services;
}
