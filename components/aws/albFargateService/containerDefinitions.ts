/**
 * The task definition's `containerDefinitions`: the main container (essential, the ALB's target,
 * first) and the sidecars, each logging to the service's log group under its own stream prefix.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ContainerImagePlan, SidecarPlan } from "./containerPlan";
import type { AlbFargateServicePlan } from "./plan";

/** Every container of the task, the main one first. */
export function taskContainers(plan: AlbFargateServicePlan): readonly ContainerImagePlan[] {
    return [plan.container, ...plan.sidecars];
}

/** The JSON of the task definition's containers; unset fields are left out, as before sidecars. */
export function containerDefinitions(
    plan: AlbFargateServicePlan,
    logGroupName: pulumi.Input<string>,
): pulumi.Output<string> {
    const { container, sidecars } = plan;
    const main = definition(plan, container, logGroupName, {
        essential: true,
        portMappings: [{ containerPort: container.port, protocol: "tcp" }],
    });
    return pulumi.jsonStringify([main, ...sidecars.map(s => sidecar(plan, s, logGroupName))]);
}

function sidecar(plan: AlbFargateServicePlan, s: SidecarPlan, logGroupName: pulumi.Input<string>): object {
    return definition(plan, s, logGroupName, {
        essential: s.essential,
        portMappings: s.portMappings.length > 0 ? s.portMappings.map(p => ({ ...p })) : undefined,
    });
}

/** One container definition (ECS API ContainerDefinition field names). */
function definition(
    plan: AlbFargateServicePlan,
    c: ContainerImagePlan,
    logGroupName: pulumi.Input<string>,
    own: { essential: boolean; portMappings?: object[] },
): object {
    return {
        name: c.name,
        image: c.image,
        essential: own.essential,
        cpu: c.cpu,
        memory: c.memory,
        memoryReservation: c.memoryReservation,
        portMappings: own.portMappings,
        entryPoint: c.entryPoint,
        command: c.command,
        environment: c.environment,
        // ARNs only: ECS reads the values when a task starts; absent without secrets.
        secrets: c.secrets.variables.length > 0 ? c.secrets.variables : undefined,
        // Interval, timeout and retries always sent: ECS fills in its defaults and returns them,
        // and a definition without them would show a diff (a new revision) on every update
        // (terraform-aws-modules/terraform-aws-ecs#148).
        healthCheck: c.healthCheck && { ...c.healthCheck },
        dependsOn: c.dependsOn.length > 0 ? c.dependsOn.map(d => ({ ...d })) : undefined,
        logConfiguration: {
            logDriver: "awslogs",
            options: {
                "awslogs-group": logGroupName,
                "awslogs-region": plan.region,
                // Streams `<prefix>/<container name>/<task id>`: each container's apart in the one group.
                "awslogs-stream-prefix": c.name,
            },
        },
    };
}
