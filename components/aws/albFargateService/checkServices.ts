/** The ECS services: names, counts, the deployment's percents, grace period and timeout. */
import { checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { checkAutoname } from "../../naming";
import { checkDeploymentPercents, checkEcsName, CpuArchitecture } from "../fargate";
import { FargateServiceArgs } from "./args";
import { checkAutoscaling, checkCapacityProviders } from "./checkScaling";
import { ServicePlan } from "./plan";

/** A duration as Pulumi's custom timeouts take it: `20m`, `1h30m`, `90s`. */
const DURATION = /^(?=\d)(\d+h)?(\d+m)?(\d+s)?$/;

/** What the services' checks need of the task: the capacity providers it can run on depend on them. */
export interface ServiceContext {
    readonly cpuArchitecture: CpuArchitecture;
    readonly platformVersion: string;
}

/** Checks the services by key (at `services.<key>`, the paths their auto-name messages name). */
export function checkServices(
    problems: Problems,
    name: string,
    services: Record<string, FargateServiceArgs>,
    context: ServiceContext,
): ServicePlan[] {
    if (Object.keys(services).length === 0) {
        problems.add("services", "no service is given.", "Add at least one service.");
    }
    const pathOfName = new Map<string, string>();
    return Object.entries(services).map(([key, svc]) => {
        const path = `services.${key}`;
        if (svc.name === undefined) {
            checkAutoname(problems, path, "aws:ecs/service:Service", `${name}-${key}`, `${path}.name`);
        } else if (checkEcsName(problems, `${path}.name`, svc.name, "service name")) {
            const first = pathOfName.get(svc.name);
            if (first !== undefined) {
                problems.add(
                    `${path}.name`,
                    `service name '${svc.name}' is used again (first at ${first}).`,
                    "Give each service a distinct name.",
                );
            } else {
                pathOfName.set(svc.name, path);
            }
        }
        const scaling = svc.autoscaling;
        // With autoscaling the service starts at its minimum (at least one task, within the maximum).
        const desiredCount =
            svc.desiredCount ??
            (scaling ? Math.min(Math.max(scaling.minCapacity, 1), Math.max(scaling.maxCapacity, 1)) : 1);
        const planned: ServicePlan = {
            key,
            name: svc.name,
            desiredCount,
            minimumHealthyPercent: svc.minimumHealthyPercent ?? 100,
            maximumPercent: svc.maximumPercent ?? 200,
            healthCheckGracePeriodSeconds: svc.healthCheckGracePeriodSeconds ?? 60,
            circuitBreakerRollback: svc.circuitBreakerRollback ?? true,
            waitForSteadyState: svc.waitForSteadyState ?? true,
            // The provider's own create and update timeout.
            deploymentTimeout: svc.deploymentTimeout ?? "20m",
            autoscaling: scaling && checkAutoscaling(problems, path, `${name}-${key}`, scaling, desiredCount),
            capacityProviders:
                svc.capacityProviders &&
                checkCapacityProviders(
                    problems,
                    `${path}.capacityProviders`,
                    svc.capacityProviders,
                    context.cpuArchitecture,
                    context.platformVersion,
                ),
        };
        checkIntegerInRange(problems, `${path}.desiredCount`, planned.desiredCount, 0, 5000, "desired count");
        checkDeploymentPercents(
            problems,
            path,
            planned.desiredCount,
            planned.minimumHealthyPercent,
            planned.maximumPercent,
        );
        checkIntegerInRange(
            problems,
            `${path}.healthCheckGracePeriodSeconds`,
            planned.healthCheckGracePeriodSeconds,
            0,
            2147483647,
            "health check grace period",
        );
        if (!DURATION.test(planned.deploymentTimeout)) {
            problems.add(
                `${path}.deploymentTimeout`,
                `'${planned.deploymentTimeout}' is not a duration such as 20m or 1h30m.`,
                "Use hours, minutes and seconds, e.g. 30m.",
            );
        }
        return planned;
    });
}
