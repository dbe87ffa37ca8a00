/** The containers: their images and how the tasks reach them, the main one's port and name, their environment. */
import { checkInput, checkPort } from "../../checks";
import { Problems } from "../../errors";
import { describeValue, isLate, text } from "../../shape";
import { checkEcsName, parseEcrImage, PORTABLE_VARIABLE } from "../fargate";
import { checkArn } from "../shape";
import { ContainerArgs } from "./args";
import { VpcFacts } from "./checkNetwork";
import { checkContainerRuntime } from "./checkRuntime";
import { checkSecrets } from "./checkSecrets";
import type { ContainerRuntimeArgs } from "./containerArgs";
import type { ContainerImagePlan } from "./containerPlan";
import { ContainerPlan } from "./plan";

const IMAGE_FIX = "Give the image URI, e.g. <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>.";

/** What the image rule needs to know of the service: where the tasks pull from, and how. */
interface PullPath {
    readonly vpc: VpcFacts;
    readonly assignPublicIp: boolean;
    /** True when the repository's ARN is given, so the image need not be a parsable ECR URI. */
    readonly repositoryGiven: boolean;
}

/**
 * Checks the main container (`problems` scoped to `container`) for the VPC of the service. An
 * image or repository ARN given as an Output is checked when it resolves, as `component`.
 */
export function checkContainer(
    problems: Problems,
    container: ContainerArgs,
    vpc: VpcFacts,
    assignPublicIp: boolean,
    component: string,
): ContainerPlan {
    const port = container.port ?? 80;
    checkPort(problems, "port", port);
    const name = container.name ?? "app";
    if (container.name !== undefined) checkEcsName(problems, "name", container.name, "container name");
    return { ...checkContainerImage(problems, container, vpc, assignPublicIp, component), name, port };
}

/** The fields of a container that {@link checkContainerImage} reads: the main container's and a sidecar's. */
type ImageFields = Pick<
    ContainerArgs,
    "image" | "ecrRepositoryArn" | "environment" | "secrets" | "secretsKmsKeyArn" | keyof ContainerRuntimeArgs
>;

/**
 * What every container of the task is checked for alike, the main one and a sidecar
 * (`problems` scoped to it): its image and how the tasks pull it, its environment and secrets,
 * and its runtime settings (checkRuntime.ts).
 */
export function checkContainerImage(
    problems: Problems,
    container: ImageFields,
    vpc: VpcFacts,
    assignPublicIp: boolean,
    component: string,
): Omit<ContainerImagePlan, "name"> {
    const { ecrRepositoryArn } = container;
    if (isLate(container.image) && ecrRepositoryArn === undefined) {
        problems.add(
            "ecrRepositoryArn",
            "the image is an output, so its ECR repository cannot be worked out at plan time.",
            "Pass the repository's arn as ecrRepositoryArn so the execution role may pull from it.",
        );
    }
    const pull: PullPath = { vpc, assignPublicIp, repositoryGiven: ecrRepositoryArn !== undefined };
    const image = checkInput(problems, "image", container.image, component, (p, at, v) => checkImage(p, at, v, pull));
    const repositoryArn =
        ecrRepositoryArn === undefined
            ? undefined
            : checkInput(problems, "ecrRepositoryArn", ecrRepositoryArn, component, (p, at, arn) =>
                  checkArn(p, at, arn, "ecrRepository"),
              );
    const parsed = typeof image === "string" ? parseEcrImage(image) : undefined;
    const environment = Object.entries(container.environment ?? {}).map(([key, value]) => ({ name: key, value }));
    for (const { name: key } of environment) {
        if (!PORTABLE_VARIABLE.test(key)) {
            problems.add(
                `environment.${key}`,
                `'${key}' is not a portable environment variable name.`,
                "Use letters, digits and underscores, not starting with a digit.",
            );
        }
    }
    const secrets = checkSecrets(problems, container.secrets ?? {}, container.secretsKmsKeyArn, {
        environment: environment.map(e => e.name),
        vpc,
        assignPublicIp,
    });
    return {
        ...checkContainerRuntime(problems, container),
        image,
        environment,
        ecrRepositoryArn: repositoryArn ?? parsed?.repositoryArn,
        secrets,
    };
}

/**
 * Checks an image URI, and that the tasks can pull it: the VPC endpoints reach ECR of the VPC's
 * region only, so any other registry has no path.
 */
function checkImage(problems: Problems, path: string, image: string, pull: PullPath): void {
    if (!text.safeParse(image).success) {
        problems.add(path, `${describeValue(image)} is not an image URI.`, IMAGE_FIX);
        return;
    }
    const { vpc, assignPublicIp, repositoryGiven } = pull;
    if (vpc.egress !== "vpcEndpoints" || assignPublicIp) return;
    const ecrImage = parseEcrImage(image);
    if (!ecrImage && !repositoryGiven) {
        problems.add(
            path,
            `image '${image}' is not in ECR, and the VPC endpoints reach only ECR, S3 and CloudWatch Logs, ` +
                "so tasks could not pull it.",
            "Push the image to ECR in this region, or use egress 'natGateway'.",
        );
    } else if (ecrImage && vpc.region !== "" && ecrImage.region !== vpc.region) {
        problems.add(
            path,
            `image '${image}' is in ECR of ${ecrImage.region}, but the VPC endpoints reach only ECR of ` +
                `${vpc.region}, so tasks could not pull it.`,
            `Replicate the repository to ${vpc.region}, or use egress 'natGateway'.`,
        );
    }
}
