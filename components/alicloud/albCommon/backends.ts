/** The fields every backend of an ALB component has, checked once for all of them. */
import * as pulumi from "@pulumi/pulumi";
import { checkIntegerInRange, checkKnownName, checkPort } from "../../checks";
import { Problems } from "../../errors";
import { ALB_SERVER_WEIGHT, AlbBackendCommonArgs } from "./args";
import { AlbBackendCommonPlan } from "./plan";

/**
 * Checks a backend's port, weight, description and security group at `path` (e.g.
 * `backends.ecs1`) and returns them with their defaults: `defaultPort`, weight 100.
 */
export function checkAlbBackendCommon(
    problems: Problems,
    path: string,
    key: string,
    backend: AlbBackendCommonArgs,
    defaultPort: number,
    securityGroups: Readonly<Record<string, pulumi.Input<string>>>,
): AlbBackendCommonPlan {
    const port = backend.port ?? defaultPort;
    if (backend.port !== undefined) checkPort(problems, `${path}.port`, backend.port);
    const weight = backend.weight ?? ALB_SERVER_WEIGHT.default;
    if (backend.weight !== undefined) {
        checkIntegerInRange(
            problems,
            `${path}.weight`,
            backend.weight,
            ALB_SERVER_WEIGHT.min,
            ALB_SERVER_WEIGHT.max,
            "weight",
        );
    }
    const { description, securityGroup } = backend;
    if (
        description !== undefined &&
        (description.length < 2 || description.length > 256 || /^https?:\/\//.test(description))
    ) {
        problems.add(
            `${path}.description`,
            `description '${description}' is not 2 to 256 characters, or starts with http:// or https://.`,
            "Shorten or reword the description.",
        );
    }
    if (securityGroup !== undefined) {
        checkKnownName(
            problems,
            `${path}.securityGroup`,
            securityGroup,
            Object.keys(securityGroups),
            "security group",
            "a key of securityGroups",
        );
    }
    return { key, port, weight, description, securityGroup };
}
