/**
 * What runs: the ECS cluster (made here, or the one given), the Fargate task definition, and the
 * services that keep its tasks running in the private subnets, registered in the target group.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import type { TwoTierVpc } from "../network";
import { TaskIdentity } from "./iam";
import { AlbFargateServicePlan } from "./plan";

/** The cluster the services run in. */
export interface ServiceCluster {
    readonly arn: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
}

/** Creates the cluster of the plan, or takes the existing one by ARN. */
export function createCluster(
    name: string,
    plan: AlbFargateServicePlan,
    opts: pulumi.CustomResourceOptions,
): ServiceCluster {
    if (plan.cluster.arn !== undefined) {
        const arn = pulumi.output(plan.cluster.arn);
        return { arn, name: arn.apply(a => a.split("/").pop()!) };
    }
    const cluster = new aws.ecs.Cluster(`${name}-cluster`, { name: plan.cluster.name, tags: plan.tags }, opts);
    return { arn: cluster.arn, name: cluster.name };
}

/** Creates the Fargate task definition: one container, its port, its logs to the log group. */
export function createTaskDefinition(
    name: string,
    plan: AlbFargateServicePlan,
    identity: TaskIdentity,
    opts: pulumi.CustomResourceOptions,
): aws.ecs.TaskDefinition {
    const { container, task } = plan;
    return new aws.ecs.TaskDefinition(
        `${name}-task`,
        {
            family: task.family,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: String(task.cpu),
            memory: String(task.memory),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: task.cpuArchitecture },
            executionRoleArn: identity.executionRole.arn,
            taskRoleArn: identity.taskRole.arn,
            containerDefinitions: pulumi.jsonStringify([
                {
                    name: container.name,
                    image: container.image,
                    essential: true,
                    portMappings: [{ containerPort: container.port, protocol: "tcp" }],
                    environment: container.environment,
                    // ARNs only: ECS reads the values when a task starts; absent without secrets.
                    secrets: container.secrets.variables.length > 0 ? container.secrets.variables : undefined,
                    logConfiguration: {
                        logDriver: "awslogs",
                        options: {
                            "awslogs-group": identity.logGroup.name,
                            "awslogs-region": plan.region,
                            "awslogs-stream-prefix": container.name,
                        },
                    },
                },
            ]),
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
    /**
     * ECS rejects a target group not yet attached to a listener, and tasks started before the
     * execution role's policy or the egress exist fail to pull and trip the circuit breaker.
     */
    readonly dependsOn: pulumi.Resource[];
}

/** Creates the ECS services by key; ECS registers each task's IP in the target group. Returns their names. */
export function createServices(
    name: string,
    plan: AlbFargateServicePlan,
    network: TwoTierVpc,
    targets: ServiceTargets,
    opts: pulumi.CustomResourceOptions,
): Record<string, pulumi.Output<string>> {
    const names: Record<string, pulumi.Output<string>> = {};
    for (const svc of plan.services) {
        const service = new aws.ecs.Service(
            `${name}-${svc.key}`,
            {
                name: svc.name,
                cluster: targets.cluster.arn,
                taskDefinition: targets.taskDefinition.arn,
                launchType: "FARGATE",
                platformVersion: "LATEST",
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
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                // Without it `pulumi up` succeeds while tasks that never get healthy are rolled back.
                waitForSteadyState: svc.waitForSteadyState,
                tags: plan.tags,
            },
            {
                ...opts,
                dependsOn: targets.dependsOn,
                customTimeouts: { create: svc.deploymentTimeout, update: svc.deploymentTimeout },
            },
        );
        names[svc.key] = service.name;
    }
    return names;
}
