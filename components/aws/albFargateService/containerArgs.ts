/**
 * What every container of the task takes, the main one and its sidecars alike: its size, what it
 * runs, its health check and the containers it waits for; and the sidecars themselves.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ContainerSecretArgs } from "./args";

/** The conditions of a container dependency (ECS API, ContainerDependency). */
export const CONTAINER_DEPENDENCY_CONDITIONS = ["START", "COMPLETE", "SUCCESS", "HEALTHY"] as const;

/**
 * `START` (the other container has started), `COMPLETE` (it has exited), `SUCCESS` (it has exited
 * with status 0) or `HEALTHY` (its health check has passed, at task start only).
 */
export type ContainerDependencyCondition = (typeof CONTAINER_DEPENDENCY_CONDITIONS)[number];

/** A container this one waits for before it starts. */
export interface ContainerDependencyArgs {
    /** The other container's name: the main container's or a sidecar's of this task. */
    containerName: string;
    /**
     * What it waits for. `COMPLETE` and `SUCCESS` only of a container that is not essential (one
     * that runs and exits, such as an init step); `HEALTHY` only of one with a `healthCheck`.
     */
    condition: ContainerDependencyCondition;
}

/**
 * A container's own health check, run by the ECS agent inside the container (not the ALB's
 * target group check). A task whose essential container turns unhealthy is replaced.
 */
export interface ContainerHealthCheckArgs {
    /**
     * The command: `["CMD", "<executable>", "<arg>", …]` runs it directly,
     * `["CMD-SHELL", "<shell command>"]` in the container's default shell, e.g.
     * `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]`. Exit status 0 is healthy.
     */
    command: string[];
    /** Seconds between checks, 5–300. Default: 30 (ECS's). */
    interval?: number;
    /** Seconds a check may take before it counts as failed, 2–60. Default: 5 (ECS's). */
    timeout?: number;
    /** Failed checks in a row before the container is unhealthy, 1–10. Default: 3 (ECS's). */
    retries?: number;
    /** Seconds after start when failed checks do not count yet, 0–300. Default: none (ECS's: off). */
    startPeriod?: number;
}

/**
 * The settings every container of the task takes: its share of the task's CPU and memory, what it
 * runs, its health check and the containers it waits for. The shares of all containers together
 * must fit the task's `cpu` and `memory`.
 */
export interface ContainerRuntimeArgs {
    /** CPU units reserved for the container (1024 = 1 vCPU), 0 or more. Default: none; containers share what is left. */
    cpu?: number;
    /** Hard memory limit in MiB, at least 6: the container is killed above it. Default: none, the task's memory. */
    memory?: number;
    /** Memory in MiB reserved for the container (a soft limit), at least 6 and below `memory`. Default: none. */
    memoryReservation?: number;
    /** Replaces the image's `CMD`, e.g. `["--config=/etc/app.yaml"]`. Default: the image's. */
    command?: string[];
    /** Replaces the image's `ENTRYPOINT`. Default: the image's. */
    entryPoint?: string[];
    /** The container's health check. Default: none (the image's own `HEALTHCHECK` is not run by ECS). */
    healthCheck?: ContainerHealthCheckArgs;
    /** Containers of the task this one waits for, each named once. Default: none. */
    dependsOn?: ContainerDependencyArgs[];
}

/** The protocols of a sidecar's port mapping. */
export const SIDECAR_PORT_PROTOCOLS = ["tcp", "udp"] as const;

/**
 * A port a sidecar listens on. The task's containers share one network namespace (`awsvpc`), so
 * the main container reaches it on `localhost`; the task security group does not open it.
 */
export interface SidecarPortMappingArgs {
    /** Port, 1–65535, unused by the task's other containers. */
    containerPort: number;
    /** `tcp` or `udp`. Default: `tcp`. */
    protocol?: (typeof SIDECAR_PORT_PROTOCOLS)[number];
}

/**
 * An extra container of the task beside the main one (awsx's `containers`): a collector, a proxy,
 * an init step. It is never the ALB's target. It logs to the service's log group under its own
 * stream prefix (its name), and its image and secrets are granted to the execution role exactly
 * as the main container's are.
 */
export interface SidecarArgs extends ContainerRuntimeArgs {
    /** Container name, 1 to 255 letters, digits, hyphens and underscores, unique in the task. */
    name: string;
    /**
     * Image URI, e.g. `public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3`. With
     * `vpcEndpoints` egress (and no public IPs) only ECR of the VPC's region is reachable, as for
     * the main container. Checked before registration; an Output is checked when it resolves.
     */
    image: pulumi.Input<string>;
    /** ARN of the ECR repository of the image. Default: derived from `image` (none outside ECR). */
    ecrRepositoryArn?: pulumi.Input<string>;
    /**
     * Whether the task stops when this container stops. Default: false, unlike ECS's (true): a
     * helper that fails (a telemetry collector) should not take the service's traffic down with
     * it, and a container other containers wait to `COMPLETE` or `SUCCESS` must not be essential.
     * Set true for a sidecar the main container cannot work without (a proxy in the request path).
     */
    essential?: boolean;
    /** Ports it listens on. Default: none. */
    portMappings?: SidecarPortMappingArgs[];
    /** Environment variables, as the main container's `environment`. Default: none. */
    environment?: Record<string, pulumi.Input<string>>;
    /** Secret variables, as the main container's `secrets`; the execution role may read exactly these. Default: none. */
    secrets?: Record<string, ContainerSecretArgs>;
    /** The customer-managed KMS key of its secrets, as the main container's `secretsKmsKeyArn`. Default: none. */
    secretsKmsKeyArn?: string;
}
