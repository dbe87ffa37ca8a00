/**
 * Application Auto Scaling of a service's task count: the scalable target, its target-tracking
 * policies and scheduled actions.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { AutoscalingPlan } from "./plan";
import type { ScalingTargets } from "./service";

/**
 * Registers `service` as a scalable target (namespace `ecs`, dimension `ecs:service:DesiredCount`,
 * resource id `service/<cluster name>/<service name>`: Application Auto Scaling API,
 * RegisterScalableTarget `ResourceId`) and adds the plan's policies and schedules to it. The
 * policies and schedules take the target's outputs, so they wait for its registration.
 */
export function createAutoscaling(
    logicalName: string,
    plan: AutoscalingPlan,
    targets: ScalingTargets,
    service: aws.ecs.Service,
    opts: pulumi.CustomResourceOptions,
): aws.appautoscaling.Target {
    const target = new aws.appautoscaling.Target(
        `${logicalName}-scaling`,
        {
            serviceNamespace: "ecs",
            scalableDimension: "ecs:service:DesiredCount",
            resourceId: pulumi.interpolate`service/${targets.cluster.name}/${service.name}`,
            minCapacity: plan.minCapacity,
            maxCapacity: plan.maxCapacity,
        },
        opts,
    );
    const scalable = {
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
    };
    for (const policy of plan.policies) {
        new aws.appautoscaling.Policy(
            `${logicalName}-${policy.key}`,
            {
                ...scalable,
                policyType: "TargetTrackingScaling",
                targetTrackingScalingPolicyConfiguration: {
                    targetValue: policy.target,
                    scaleInCooldown: policy.scaleInCooldown,
                    scaleOutCooldown: policy.scaleOutCooldown,
                    predefinedMetricSpecification: {
                        predefinedMetricType: policy.metric,
                        // Only the request count names a resource: the ALB's and the target group's ARN
                        // suffixes, `app/<lb name>/<lb id>/targetgroup/<tg name>/<tg id>`
                        // (PredefinedMetricSpecification `ResourceLabel`).
                        resourceLabel: policy.key === "requests" ? targets.requestCountLabel : undefined,
                    },
                },
            },
            opts,
        );
    }
    plan.schedules.forEach((schedule, i) => {
        new aws.appautoscaling.ScheduledAction(
            `${logicalName}-schedule-${i}`,
            {
                ...scalable,
                schedule: schedule.schedule,
                timezone: schedule.timezone,
                scalableTargetAction: { minCapacity: schedule.minCapacity, maxCapacity: schedule.maxCapacity },
            },
            opts,
        );
    });
    return target;
}
