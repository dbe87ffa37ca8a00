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
    return { arn: cluster.arn, name: cluster.name, ready };
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

/** What the services run and register in, and what must exist before their first task starts. */
export interface ServiceTargets {
    readonly cluster: ServiceCluster;
    readonly taskDefinition: aws.ecs.TaskDefinition;
    readonly targetGroup: aws.lb.TargetGroup;
    readonly taskSecurityGroupId: pulumi.Output<string>;
    /** `<ALB ARN suffix>/<target group ARN suffix>`: what `ALBRequestCountPerTarget` counts the requests of. */
    readonly requestCountLabel: pulumi.Output<string>;
    /**
     * ECS rejects a target group not yet attached to a listener, and tasks started before the
     * execution role's policy or the egress exist fail to pull and trip the circuit breaker.
     */
    readonly dependsOn: pulumi.Resource[];
}

/**
 * Creates the ECS services by key; ECS registers each task's IP in the target group. Returns
 * their names. A service with autoscaling gets its scalable target, policies and schedules, and
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
): Record<string, pulumi.Output<string>> {
    const names: Record<string, pulumi.Output<string>> = {};
    for (const svc of plan.services) {
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
                        targetGroupArn: targets.targetGroup.arn,
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
                dependsOn: [...targets.dependsOn, ...(svc.capacityProviders ? targets.cluster.ready : [])],
                customTimeouts: { create: svc.deploymentTimeout, update: svc.deploymentTimeout },
                ignoreChanges: svc.autoscaling ? ["desiredCount"] : [],
            },
        );
        names[svc.key] = service.name;
        if (svc.autoscaling) {
            createAutoscaling(`${name}-${svc.key}`, svc.autoscaling, targets, service, opts);
        }
    }
    return names;
}
