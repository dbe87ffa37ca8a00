/** The fields every backend of an ALB component has, checked once for all of them. */
import * as pulumi from "@pulumi/pulumi";
import { checkKnownName } from "../../checks";
import { Problems } from "../../errors";
import { ALB_SERVER_WEIGHT, AlbBackendCommonArgs } from "./args";
import { AlbBackendCommonPlan } from "./plan";

/**
 * Checks the description and security group of a backend at `path` (e.g. `backends.ecs1`) that
 * fits its shape (port and weight ranges: albCommon/shape.ts) and returns its common fields with
 * their defaults: `defaultPort`, weight 100.
 */
export function checkAlbBackendCommon(
    problems: Problems,
    path: string,
    key: string,
    backend: AlbBackendCommonArgs,
    defaultPort: number,
    securityGroups: Readonly<Record<string, pulumi.Input<string>>>,
): AlbBackendCommonPlan {
    const { description, securityGroup } = backend;
    const describes = (d: string) => d.length >= 2 && d.length <= 256 && !/^https?:\/\//.test(d);
    if (description !== undefined && !describes(description)) {
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
    return {
        key,
        port: backend.port ?? defaultPort,
        weight: backend.weight ?? ALB_SERVER_WEIGHT.default,
        description,
        securityGroup,
    };
}

/**
 * A component's own backends and every extra server group's, for its flows: a backend in several
 * groups (the same `identity` and port) once. A backend whose identity is not known yet (an
 * Output) is kept: it cannot be compared.
 */
export function everyGroupBackend<B extends { readonly port: number }>(
    own: readonly B[],
    groups: Readonly<Record<string, readonly B[]>>,
    identity: (b: B) => unknown,
): B[] {
    const seen = new Set<string>();
    return [...own, ...Object.values(groups).flat()].filter(b => {
        const id = identity(b);
        if (typeof id !== "string") return true;
        const key = `${id}:${b.port}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}
