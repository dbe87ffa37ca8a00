/**
 * What every container of the task takes, checked for one container (`problems` scoped to it):
 * its CPU and memory shares, command and entry point, and health check. Rules across containers
 * (names, dependencies, ports, the task size) are checkSidecars.ts's.
 */
import { checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { describeValue } from "../../shape";
import type { ContainerHealthCheckArgs, ContainerRuntimeArgs } from "./containerArgs";
import type { ContainerHealthCheckPlan, ContainerRuntimePlan } from "./containerPlan";

/**
 * The ECS API's ContainerDefinition HealthCheck ranges and defaults: interval "between 5 and 300
 * seconds" (default 30), timeout "between 2 and 60 seconds" (default 5), retries "between 1 and
 * 10" (default 3), startPeriod "between 0 and 300 seconds" (off by default). Sources: the ECS API
 * reference, HealthCheck, as the AWS CDK (aws-cdk-lib aws_ecs HealthCheck) and Pulumi awsx
 * (TaskDefinitionHealthCheck) quote it.
 */
export const CONTAINER_HEALTH_CHECK = {
    interval: { min: 5, max: 300, default: 30 },
    timeout: { min: 2, max: 60, default: 5 },
    retries: { min: 1, max: 10, default: 3 },
    startPeriod: { min: 0, max: 300 },
} as const;

/**
 * "The Docker 20.10.0 or later daemon reserves a minimum of 6 MiB of memory for a container. So,
 * don't specify less than 6 MiB of memory for your containers" (ECS API, ContainerDefinition memory).
 */
export const CONTAINER_MEMORY_MIN = 6;

/** Checks the runtime settings of one container and returns them, ECS's health check defaults written out. */
export function checkContainerRuntime(problems: Problems, container: ContainerRuntimeArgs): ContainerRuntimePlan {
    const { cpu, memory, memoryReservation } = container;
    // Upper bounds: the largest Fargate task (16 vCPU, 120 GiB); the task's own size is checked
    // against the sum in checkSidecars.ts.
    if (cpu !== undefined) checkIntegerInRange(problems, "cpu", cpu, 0, 16384, "container CPU units");
    const memoryOk =
        memory === undefined ||
        checkIntegerInRange(problems, "memory", memory, CONTAINER_MEMORY_MIN, 122880, "memory (MiB)");
    const reservationOk =
        memoryReservation === undefined ||
        checkIntegerInRange(
            problems,
            "memoryReservation",
            memoryReservation,
            CONTAINER_MEMORY_MIN,
            122880,
            "memory reservation (MiB)",
        );
    // "If you specify both a container-level memory and memoryReservation value, memory must be
    // greater than memoryReservation" (ECS API, ContainerDefinition memory).
    if (
        memoryOk &&
        reservationOk &&
        memory !== undefined &&
        memoryReservation !== undefined &&
        memoryReservation >= memory
    ) {
        problems.add(
            "memoryReservation",
            `the reservation of ${memoryReservation} MiB is not below the container's memory limit of ${memory} MiB.`,
            "Lower memoryReservation below memory, or give only one of the two.",
        );
    }
    checkArgv(problems, "command", container.command);
    checkArgv(problems, "entryPoint", container.entryPoint);
    const healthCheck = container.healthCheck && checkHealthCheck(problems, "healthCheck", container.healthCheck);
    // Which containers they name, each once, with no cycle: checkSidecars.ts, across the task.
    const dependsOn = (container.dependsOn ?? []).map(d => ({
        containerName: d.containerName,
        condition: d.condition,
    }));
    return {
        cpu,
        memory,
        memoryReservation,
        command: container.command,
        entryPoint: container.entryPoint,
        healthCheck,
        dependsOn,
    };
}

/** A command or entry point: at least one word, none of them empty. */
function checkArgv(problems: Problems, path: string, argv: readonly string[] | undefined): void {
    if (argv === undefined) return;
    if (argv.length === 0) {
        problems.add(path, `${path} is empty.`, `Give at least one word, or leave ${path} out to keep the image's.`);
    }
    argv.forEach((word, i) => {
        if (word.length === 0) problems.add(`${path}[${i}]`, "the word is empty.", "Remove it, or give the word.");
    });
}

/** A health check: its command's form (CMD or CMD-SHELL and a command) and ECS's ranges. */
function checkHealthCheck(problems: Problems, path: string, check: ContainerHealthCheckArgs): ContainerHealthCheckPlan {
    const [kind, ...rest] = check.command;
    // "The string array must start with CMD to execute the command arguments directly, or
    // CMD-SHELL to run the command with the container's default shell" (aws-cdk-lib aws_ecs
    // HealthCheck command, after the ECS API's HealthCheck). (NONE, which turns an image's check
    // off, is Docker's; ECS does not run image checks anyway.)
    if (kind !== "CMD" && kind !== "CMD-SHELL") {
        problems.add(
            `${path}.command`,
            `${describeValue(kind)} does not start a health check command: it must be CMD or CMD-SHELL.`,
            'Write e.g. ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] or ["CMD", "/bin/check"].',
        );
    } else if (rest.length === 0 || rest.some(word => word.trim() === "")) {
        problems.add(
            `${path}.command`,
            `${kind} is followed by no command (or an empty word).`,
            `Give the command after ${kind}, e.g. ["${kind}", "${kind === "CMD" ? "/bin/check" : "curl -f http://localhost/ || exit 1"}"].`,
        );
    }
    const { interval, timeout, retries, startPeriod } = CONTAINER_HEALTH_CHECK;
    const plan = {
        command: check.command,
        interval: check.interval ?? interval.default,
        timeout: check.timeout ?? timeout.default,
        retries: check.retries ?? retries.default,
        startPeriod: check.startPeriod,
    };
    checkIntegerInRange(
        problems,
        `${path}.interval`,
        plan.interval,
        interval.min,
        interval.max,
        "health check interval (s)",
    );
    checkIntegerInRange(
        problems,
        `${path}.timeout`,
        plan.timeout,
        timeout.min,
        timeout.max,
        "health check timeout (s)",
    );
    checkIntegerInRange(problems, `${path}.retries`, plan.retries, retries.min, retries.max, "health check retries");
    if (plan.startPeriod !== undefined) {
        checkIntegerInRange(
            problems,
            `${path}.startPeriod`,
            plan.startPeriod,
            startPeriod.min,
            startPeriod.max,
            "health check start period (s)",
        );
    }
    return plan;
}
