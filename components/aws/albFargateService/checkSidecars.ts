/**
 * The task's containers together: the sidecars (each checked as the main container is), their
 * names, the dependencies between them, their ports and the CPU and memory they reserve of the
 * task. The main container is the ALB's target and always essential.
 */
import { checkKnownName, checkPort, checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { checkEcsName } from "../fargate";
import type { VpcFacts } from "./checkNetwork";
import { checkContainerImage } from "./checkContainer";
import { isBefore } from "./checkScaling";
import type { SidecarArgs } from "./containerArgs";
import type { ContainerImagePlan, SidecarPlan } from "./containerPlan";
import type { ContainerPlan, TaskPlan } from "./plan";

/** Checks each sidecar (at `sidecars[i]`) as the main container is checked, and its own fields. */
export function checkSidecars(
    problems: Problems,
    sidecars: readonly SidecarArgs[],
    vpc: VpcFacts,
    assignPublicIp: boolean,
    component: string,
): SidecarPlan[] {
    return sidecars.map((sidecar, i) => {
        const at = problems.under(`sidecars[${i}]`);
        checkEcsName(at, "name", sidecar.name, "container name");
        const portMappings = (sidecar.portMappings ?? []).map(p => ({
            containerPort: p.containerPort,
            protocol: p.protocol ?? "tcp",
        }));
        portMappings.forEach((p, j) => checkPort(at, `portMappings[${j}].containerPort`, p.containerPort));
        return {
            ...checkContainerImage(at, sidecar, vpc, assignPublicIp, component),
            name: sidecar.name,
            essential: sidecar.essential ?? false,
            portMappings,
        };
    });
}

/** A container of the task with the path of its args. */
interface Placed {
    readonly path: string;
    readonly plan: ContainerImagePlan;
    readonly essential: boolean;
}

/**
 * The rules across the task's containers: unique names, dependencies on containers of the task
 * that can meet their condition and form no cycle, distinct ports, and reservations that fit the
 * task size. `platformVersion` is the checked (or defaulted) one.
 */
export function checkTaskContainers(
    problems: Problems,
    main: ContainerPlan,
    sidecars: readonly SidecarPlan[],
    task: Pick<TaskPlan, "cpu" | "memory">,
    platformVersion: string,
): void {
    const containers: Placed[] = [
        { path: "container", plan: main, essential: true },
        ...sidecars.map((plan, i) => ({ path: `sidecars[${i}]`, plan, essential: plan.essential })),
    ];
    // Names key dependsOn, the load balancer's containerName and the log streams, so each is
    // used once (that RegisterTaskDefinition itself refuses a repeated name is unconfirmed).
    checkUnique(
        problems,
        containers.map(c => ({ path: `${c.path}.name`, key: c.plan.name })),
        "container name",
    );
    checkDependencies(problems, containers);
    if (containers.some(c => c.plan.dependsOn.length > 0) && isBefore(platformVersion, 1, 3)) {
        // "For tasks that use the Fargate launch type, the task or service requires the following
        // platforms: Linux platform version 1.3.0 or later" (ECS API reference, ContainerDependency;
        // CloudFormation AWS::ECS::TaskDefinition ContainerDependency says the same).
        problems.add(
            "platformVersion",
            `container dependencies (dependsOn) need Fargate platform version 1.3.0 or later; platformVersion is ${platformVersion}.`,
            "Set platformVersion to LATEST or 1.4.0, or drop dependsOn.",
        );
    }
    checkPorts(problems, main, sidecars);
    checkReservations(problems, containers, task);
}

/**
 * Each dependency names another container of the task and a condition it can meet, ECS API
 * ContainerDependency: COMPLETE and SUCCESS "can't be set on an essential container"; HEALTHY
 * "requires that the dependent container has health checks configured". And no cycle: no
 * container of one could ever start.
 */
function checkDependencies(problems: Problems, containers: readonly Placed[]): void {
    const byName = new Map(containers.map(c => [c.plan.name, c]));
    const names = [...byName.keys()];
    for (const { path, plan } of containers) {
        checkUnique(
            problems,
            plan.dependsOn.map((d, i) => ({ path: `${path}.dependsOn[${i}].containerName`, key: d.containerName })),
            "dependency",
        );
        plan.dependsOn.forEach(({ containerName, condition }, i) => {
            const at = `${path}.dependsOn[${i}]`;
            if (containerName === plan.name) {
                problems.add(
                    `${at}.containerName`,
                    `container '${plan.name}' cannot wait for itself.`,
                    "Name another container of the task.",
                );
                return;
            }
            const others = names.filter(n => n !== plan.name);
            if (
                !checkKnownName(
                    problems,
                    `${at}.containerName`,
                    containerName,
                    others,
                    "container",
                    "a container of the task",
                )
            ) {
                return;
            }
            const target = byName.get(containerName)!;
            if ((condition === "COMPLETE" || condition === "SUCCESS") && target.essential) {
                problems.add(
                    `${at}.condition`,
                    `${condition} waits for '${containerName}' to exit, but it is essential: its exit stops the task.`,
                    target.path === "container"
                        ? "Wait for the main container with START or HEALTHY."
                        : `Set essential: false on ${target.path}, or use START or HEALTHY.`,
                );
            }
            if (condition === "HEALTHY" && target.plan.healthCheck === undefined) {
                problems.add(
                    `${at}.condition`,
                    `HEALTHY waits for the health check of '${containerName}', which has none.`,
                    `Give ${target.path} a healthCheck, or use START.`,
                );
            }
        });
    }
    // Depth-first search; a dependency back to a container on the current path closes a cycle,
    // reported once, at that dependency.
    const state = new Map<string, "open" | "done">();
    const trail: string[] = [];
    const visit = (name: string): void => {
        state.set(name, "open");
        trail.push(name);
        const container = byName.get(name)!;
        const followed = new Set<string>();
        container.plan.dependsOn.forEach(({ containerName }, i) => {
            // Itself, unknown, or named twice: reported above.
            if (containerName === name || !byName.has(containerName) || followed.has(containerName)) return;
            followed.add(containerName);
            const seen = state.get(containerName);
            if (seen === "open") {
                const cycle = [...trail.slice(trail.indexOf(containerName)), containerName];
                problems.add(
                    `${container.path}.dependsOn[${i}].containerName`,
                    `the containers wait for each other in a cycle (${cycle.join(" → ")}), so none of them could start.`,
                    "Remove one of these dependencies.",
                );
            } else if (seen === undefined) {
                visit(containerName);
            }
        });
        trail.pop();
        state.set(name, "done");
    };
    for (const name of names) if (!state.has(name)) visit(name);
}

/**
 * The task's containers share one network namespace (`awsvpc` network mode: "containers that
 * belong to the same task can communicate over the localhost interface", ECS developer guide,
 * "Amazon ECS task networking options for Fargate"), so two of them cannot listen on one port
 * and protocol. (That ECS refuses such a task definition at registration is unconfirmed; the
 * second container would fail to bind either way.)
 */
function checkPorts(problems: Problems, main: ContainerPlan, sidecars: readonly SidecarPlan[]): void {
    checkUnique(
        problems,
        [
            { path: "container.port", key: `${main.port}/tcp` },
            ...sidecars.flatMap((s, i) =>
                s.portMappings.map((p, j) => ({
                    path: `sidecars[${i}].portMappings[${j}].containerPort`,
                    key: `${p.containerPort}/${p.protocol}`,
                })),
            ),
        ],
        "port",
    );
}

/**
 * What the containers reserve fits the task: "the total amount of CPU reserved for all containers
 * within a task be lower than the task-level cpu value", and "the total amount of memory reserved
 * for all containers within a task must be lower than the task memory value", a container's
 * reservation being its `memoryReservation`, else its `memory` (ECS developer guide, "Task
 * definition parameters", container cpu and memory; "Choosing Fargate task sizes": "The resource
 * limits must be greater than or equal to any reservations that you declared", so a sum equal to
 * the task size fits). No container's hard limit may exceed the task's memory either.
 */
function checkReservations(
    problems: Problems,
    containers: readonly Placed[],
    task: Pick<TaskPlan, "cpu" | "memory">,
): void {
    const cpus = containers.filter(c => c.plan.cpu !== undefined);
    const cpu = cpus.reduce((sum, c) => sum + c.plan.cpu!, 0);
    if (cpu > task.cpu) {
        const parts = cpus.map(c => `${c.plan.name} ${c.plan.cpu}`).join(", ");
        problems.add(
            "cpu",
            `the containers reserve ${cpu} CPU units together (${parts}), more than the task's ${task.cpu}.`,
            "Raise the task's cpu (and memory to match), or lower the containers' cpu.",
        );
    }
    const reserving = containers.filter(c => (c.plan.memoryReservation ?? c.plan.memory) !== undefined);
    const memory = reserving.reduce((sum, c) => sum + (c.plan.memoryReservation ?? c.plan.memory)!, 0);
    if (memory > task.memory) {
        const parts = reserving.map(c => `${c.plan.name} ${c.plan.memoryReservation ?? c.plan.memory}`).join(", ");
        problems.add(
            "memory",
            `the containers reserve ${memory} MiB together (${parts}), more than the task's ${task.memory} MiB.`,
            "Raise the task's memory, or lower the containers' memoryReservation (or memory).",
        );
    }
    for (const { path, plan } of containers) {
        if (plan.memory !== undefined && plan.memory > task.memory) {
            problems.add(
                `${path}.memory`,
                `the container's limit of ${plan.memory} MiB is above the task's ${task.memory} MiB.`,
                "Lower it to the task's memory or less, or raise the task's memory.",
            );
        }
    }
}
