/** The plan of every container of the task (main and sidecars) and of the sidecars, defaulted. */
import * as pulumi from "@pulumi/pulumi";
import type { ContainerDependencyCondition } from "./containerArgs";
import type { SecretsPlan } from "./plan";

/** A container health check, ECS's defaults written out (so the provider sees no diff when ECS fills them in). */
export interface ContainerHealthCheckPlan {
    readonly command: readonly string[];
    /** Default 30. */
    readonly interval: number;
    /** Default 5. */
    readonly timeout: number;
    /** Default 3. */
    readonly retries: number;
    /** Undefined: off. */
    readonly startPeriod?: number;
}

/** What every container of the task has, the main one and its sidecars alike. */
export interface ContainerRuntimePlan {
    /** Undefined: no reservation. */
    readonly cpu?: number;
    readonly memory?: number;
    readonly memoryReservation?: number;
    readonly command?: readonly string[];
    readonly entryPoint?: readonly string[];
    readonly healthCheck?: ContainerHealthCheckPlan;
    /** In input order; none by default. */
    readonly dependsOn: ReadonlyArray<{
        readonly containerName: string;
        readonly condition: ContainerDependencyCondition;
    }>;
}

/** What every container of the task runs and reads, the main one and its sidecars alike. */
export interface ContainerImagePlan extends ContainerRuntimePlan {
    readonly name: string;
    readonly image: pulumi.Input<string>;
    /** Environment variables, in input order; none by default. */
    readonly environment: ReadonlyArray<{ readonly name: string; readonly value: pulumi.Input<string> }>;
    /** The ECR repository the execution role may pull from: given, or parsed from `image`; none elsewhere. */
    readonly ecrRepositoryArn?: pulumi.Input<string>;
    /** Secret variables and what the execution role may read for them; none by default. */
    readonly secrets: SecretsPlan;
}

/** A sidecar, defaulted. */
export interface SidecarPlan extends ContainerImagePlan {
    /** Default false. */
    readonly essential: boolean;
    /** In input order, protocol default `tcp`; none by default. */
    readonly portMappings: ReadonlyArray<{ readonly containerPort: number; readonly protocol: "tcp" | "udp" }>;
}
