/** The container: its image and how the tasks reach it, its port, name and environment. */
import { checkPort } from "../../checks";
import { Problems } from "../../errors";
import { checkEcsName, parseEcrImage } from "../fargate";
import { ContainerArgs } from "./args";
import { VpcFacts } from "./checkNetwork";
import { ContainerPlan } from "./plan";

const ECR_REPOSITORY_ARN = /^arn:aws(-cn|-us-gov)?:ecr:[a-z0-9-]+:\d{12}:repository\/[a-z0-9][a-z0-9._/-]*$/;

const IMAGE_FIX = "Give the image URI, e.g. <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>.";

/** A name every shell and runtime takes for an environment variable. */
const PORTABLE_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks the container (`problems` scoped to `container`) for the VPC of the service. */
export function checkContainer(problems: Problems, container: ContainerArgs, vpc: VpcFacts,
    assignPublicIp: boolean): ContainerPlan {
    const { image, ecrRepositoryArn } = container;
    const ecrImage = typeof image === "string" ? parseEcrImage(image) : undefined;
    if (typeof image === "string") {
        if (image.trim() === "") problems.add("image", "the image is empty.", IMAGE_FIX);
    } else if (image === undefined) {
        problems.add("image", "no image is given.", IMAGE_FIX);
    } else if (ecrRepositoryArn === undefined) {
        problems.add("ecrRepositoryArn",
            "the image is an output, so its ECR repository cannot be worked out at plan time.",
            "Pass the repository's arn as ecrRepositoryArn so the execution role may pull from it.");
    }
    if (typeof ecrRepositoryArn === "string" && !ECR_REPOSITORY_ARN.test(ecrRepositoryArn)) {
        problems.add("ecrRepositoryArn", `'${ecrRepositoryArn}' is not an ECR repository ARN.`,
            "Use arn:aws:ecr:<region>:<account>:repository/<name>.");
    }
    // The endpoints reach ECR of the VPC's region only: any other registry has no path.
    const region = vpc.region;
    if (vpc.egress === "vpcEndpoints" && !assignPublicIp && typeof image === "string" && image.trim() !== "") {
        if (!ecrImage && ecrRepositoryArn === undefined) {
            problems.add("image",
                `image '${image}' is not in ECR, and the VPC endpoints reach only ECR, S3 and CloudWatch Logs, ` +
                "so tasks could not pull it.",
                "Push the image to ECR in this region, or use egress 'natGateway'.");
        } else if (ecrImage && region !== "" && ecrImage.region !== region) {
            problems.add("image",
                `image '${image}' is in ECR of ${ecrImage.region}, but the VPC endpoints reach only ECR of ` +
                `${region}, so tasks could not pull it.`,
                `Replicate the repository to ${region}, or use egress 'natGateway'.`);
        }
    }
    const port = container.port ?? 80;
    checkPort(problems, "port", port);
    const name = container.name ?? "app";
    if (container.name !== undefined) checkEcsName(problems, "name", container.name, "container name");
    const environment = Object.entries(container.environment ?? {}).map(([key, value]) => ({ name: key, value }));
    for (const { name: key } of environment) {
        if (!PORTABLE_VARIABLE.test(key)) {
            problems.add(`environment.${key}`, `'${key}' is not a portable environment variable name.`,
                "Use letters, digits and underscores, not starting with a digit.");
        }
    }
    return { name, image, port, environment, ecrRepositoryArn: ecrRepositoryArn ?? ecrImage?.repositoryArn };
}
