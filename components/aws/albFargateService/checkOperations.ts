/**
 * Operations of the service: ECS Exec, the cluster's Container Insights and the tasks' ephemeral
 * storage, checked against the platform version, the cluster and the VPC they need.
 */
import { checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { checkAutoname } from "../../naming";
import { AlbFargateServiceArgs, ContainerInsightsMode } from "./args";
import { isBefore } from "./checkScaling";

/** What the operations add to the plan. */
export interface OperationsPlan {
    readonly enableExecuteCommand: boolean;
    readonly containerInsights?: ContainerInsightsMode;
    readonly ephemeralStorageGiB?: number;
}

/**
 * Checks `enableExecuteCommand`, `containerInsights` and `ephemeralStorageGiB`. `platformVersion`
 * is the checked (or defaulted) one. The `ssmmessages` endpoint ECS Exec needs is placed with the
 * other task endpoints (`taskEndpointNeeds`, `placeTaskEndpoints` in checkNetwork.ts).
 */
export function checkOperations(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    platformVersion: string,
): OperationsPlan {
    const enableExecuteCommand = args.enableExecuteCommand ?? false;
    if (enableExecuteCommand) {
        // ECS Exec on Fargate came with platform version 1.4.0 (AWS What's New, 2021-03-19, "AWS
        // Fargate updates platform version 1.4.0 to be the latest version", which lists ECS Exec
        // among its features); earlier versions do not have it. LATEST is 1.4.0 or newer.
        if (isBefore(platformVersion, 1, 4)) {
            problems.add(
                "enableExecuteCommand",
                `ECS Exec needs Fargate platform version 1.4.0 or later; platformVersion is ${platformVersion}.`,
                "Set platformVersion to LATEST or 1.4.0, or leave ECS Exec off.",
            );
        }
        checkAutoname(problems, "name", "aws:iam/rolePolicy:RolePolicy", `${name}-exec-policy`);
    }
    if (args.containerInsights !== undefined && args.clusterArn !== undefined) {
        problems.add(
            "containerInsights",
            "containerInsights is a setting of the cluster created here, but clusterArn points to an existing one, " +
                "whose settings are its owner's.",
            "Drop containerInsights, and set it on the existing cluster (aws ecs update-cluster-settings).",
        );
    }
    const ephemeralStorageGiB = args.ephemeralStorageGiB;
    if (ephemeralStorageGiB !== undefined) {
        // TaskDefinition `ephemeralStorage.sizeInGib`: "The minimum supported value is `21` GiB and
        // the maximum supported value is `200` GiB" (@pulumi/aws ecs TaskDefinitionEphemeralStorage;
        // ECS API EphemeralStorage), "only supported for tasks hosted on Fargate using Linux
        // platform version 1.4.0 or later" (CloudFormation AWS::ECS::TaskDefinition EphemeralStorage).
        checkIntegerInRange(problems, "ephemeralStorageGiB", ephemeralStorageGiB, 21, 200, "ephemeral storage (GiB)");
        if (isBefore(platformVersion, 1, 4)) {
            problems.add(
                "ephemeralStorageGiB",
                `ephemeral storage above 20 GiB needs Fargate platform version 1.4.0 or later; platformVersion is ${platformVersion}.`,
                "Set platformVersion to LATEST or 1.4.0, or drop ephemeralStorageGiB.",
            );
        }
    }
    return { enableExecuteCommand, containerInsights: args.containerInsights, ephemeralStorageGiB };
}
