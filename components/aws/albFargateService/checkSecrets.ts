/**
 * The container's secrets: SSM parameters and Secrets Manager secrets by ARN, what ECS's
 * `valueFrom` makes of them, and the VPC endpoints tasks without a way out need to read them.
 * Only ARNs flow through here; no value is ever read.
 */
import { Problems } from "../../errors";
import { describeValue } from "../../shape";
import { PORTABLE_VARIABLE } from "../fargate";
import { arnRegion, checkArn } from "../shape";
import { ContainerSecretArgs } from "./args";
import type { VpcFacts } from "./checkNetwork";
import { SecretsPlan } from "./plan";

/** The secret fields that only a Secrets Manager secret takes. */
const SECRET_ONLY = ["jsonKey", "versionStage", "versionId"] as const;

/** What the secrets check needs of the container and its VPC. */
export interface SecretsContext {
    /** Names already set in `environment`. */
    readonly environment: readonly string[];
    readonly vpc: VpcFacts;
    readonly assignPublicIp: boolean;
}

/**
 * Checks `secrets` and `secretsKmsKeyArn` (`problems` scoped to the container) and returns the
 * plan: the task definition's variables and the ARNs the execution role may read.
 */
export function checkSecrets(
    problems: Problems,
    secrets: Record<string, ContainerSecretArgs>,
    kmsKeyArn: string | undefined,
    context: SecretsContext,
): SecretsPlan {
    const variables: { name: string; valueFrom: string }[] = [];
    const parameterArns = new Set<string>();
    const secretArns = new Set<string>();
    for (const [key, secret] of Object.entries(secrets)) {
        const path = `secrets.${key}`;
        if (!PORTABLE_VARIABLE.test(key)) {
            problems.add(
                path,
                `'${key}' is not a portable environment variable name.`,
                "Use letters, digits and underscores, not starting with a digit.",
            );
        }
        if (context.environment.includes(key)) {
            // ECS would get the name twice in one container; which value wins is not documented.
            problems.add(
                path,
                `'${key}' is set in environment too, so the container would get two values for it.`,
                `Remove ${key} from environment, or give the secret another name.`,
            );
        }
        const valueFrom = checkSecret(problems, path, secret, context);
        if (valueFrom === undefined) continue;
        variables.push({ name: key, valueFrom: valueFrom.valueFrom });
        (valueFrom.kind === "ssm" ? parameterArns : secretArns).add(valueFrom.arn);
    }
    if (kmsKeyArn !== undefined) {
        if (checkArn(problems, "secretsKmsKeyArn", kmsKeyArn, "kmsKey")) {
            checkReachable(problems, "secretsKmsKeyArn", kmsKeyArn, "KMS", context);
        }
        if (Object.keys(secrets).length === 0) {
            problems.add(
                "secretsKmsKeyArn",
                "a key is given, but there are no secrets for it to decrypt.",
                "Add the secrets it encrypts, or leave secretsKmsKeyArn out.",
            );
        }
    }
    return { variables, parameterArns: [...parameterArns], secretArns: [...secretArns], kmsKeyArn };
}

/** One secret: exactly one source, its options, and its `valueFrom`. Undefined when it has a problem. */
function checkSecret(
    problems: Problems,
    path: string,
    secret: ContainerSecretArgs,
    context: SecretsContext,
): { kind: "ssm" | "secretsmanager"; arn: string; valueFrom: string } | undefined {
    const { ssmParameterArn, secretArn } = secret;
    if ((ssmParameterArn === undefined) === (secretArn === undefined)) {
        const got = ssmParameterArn === undefined ? "neither" : "both";
        problems.add(
            path,
            `a secret comes from exactly one of ssmParameterArn and secretArn; got ${got}.`,
            "Give the ARN of the SSM parameter or of the Secrets Manager secret.",
        );
        return undefined;
    }
    if (ssmParameterArn !== undefined) {
        for (const field of SECRET_ONLY.filter(f => secret[f] !== undefined)) {
            problems.add(
                `${path}.${field}`,
                `${field} selects part of a Secrets Manager secret; an SSM parameter has none.`,
                `Leave ${field} out, or use a Secrets Manager secret (secretArn).`,
            );
        }
        if (!checkArn(problems, `${path}.ssmParameterArn`, ssmParameterArn, "ssmParameter")) return undefined;
        checkReachable(problems, `${path}.ssmParameterArn`, ssmParameterArn, "SSM Parameter Store", context);
        // ECS takes the parameter's full ARN as valueFrom, in any region (Amazon ECS Developer Guide,
        // "Pass Systems Manager parameters through Amazon ECS environment variables": the full ARN
        // is required for a parameter in another Region).
        return { kind: "ssm", arn: ssmParameterArn, valueFrom: ssmParameterArn };
    }
    const arn = secretArn!;
    const arnOk = checkSecretArn(problems, `${path}.secretArn`, arn);
    if (arnOk) checkReachable(problems, `${path}.secretArn`, arn, "Secrets Manager", context);
    let optionsOk = true;
    for (const field of SECRET_ONLY) {
        const value = secret[field];
        // Each option is a field of valueFrom, separated by colons, so none may hold one (or be empty).
        if (value !== undefined && !/^[^\s:]+$/.test(value)) {
            optionsOk = false;
            problems.add(
                `${path}.${field}`,
                `${describeValue(value)} is not a ${field}: it must be non-empty, without colons or blanks.`,
                `Give the ${field} as Secrets Manager shows it.`,
            );
        }
    }
    if (secret.versionStage !== undefined && secret.versionId !== undefined) {
        optionsOk = false;
        // Amazon ECS Developer Guide, "Pass Secrets Manager secrets through Amazon ECS environment
        // variables": a version is chosen by its staging label or by its id, not both (recalled
        // from the guide's valueFrom description; the excerpts at hand did not quote it).
        problems.add(
            `${path}.versionId`,
            "a version is chosen by versionStage or by versionId, not both.",
            "Keep one of versionStage and versionId.",
        );
    }
    if (!arnOk || !optionsOk) return undefined;
    return { kind: "secretsmanager", arn, valueFrom: secretValueFrom(arn, secret) };
}

/**
 * ECS's `valueFrom` for a Secrets Manager secret: the secret's ARN, or, to pick a JSON key or a
 * version, `<arn>:<json-key>:<version-stage>:<version-id>` with the unused fields empty (Amazon
 * ECS Developer Guide, "Pass Secrets Manager secrets through Amazon ECS environment variables";
 * a key or version needs Fargate platform version 1.4.0 or later, which LATEST is).
 */
export function secretValueFrom(arn: string, secret: Pick<ContainerSecretArgs, (typeof SECRET_ONLY)[number]>): string {
    const { jsonKey, versionStage, versionId } = secret;
    if (jsonKey === undefined && versionStage === undefined && versionId === undefined) return arn;
    return `${arn}:${jsonKey ?? ""}:${versionStage ?? ""}:${versionId ?? ""}`;
}

/** A full secret ARN; one with a JSON key or version appended is told to give those apart. */
function checkSecretArn(problems: Problems, path: string, arn: string): boolean {
    const parts = arn.split(":");
    if (parts.length > 7 && parts[5] === "secret") {
        problems.add(
            path,
            `${describeValue(arn)} carries more than the secret's ARN (a JSON key or version?).`,
            "Give the secret's ARN alone, and the key or version as jsonKey, versionStage or versionId.",
        );
        return false;
    }
    return checkArn(problems, path, arn, "secret");
}

/**
 * A secret (or key) the tasks must reach: with VPC endpoints only, those of the VPC's region,
 * since "VPC endpoints currently don't support cross-Region requests" (Amazon ECS Developer Guide,
 * "Amazon ECS interface VPC endpoints"). Through NAT or a public IP any region will do.
 */
function checkReachable(problems: Problems, path: string, arn: string, service: string, context: SecretsContext): void {
    const { vpc, assignPublicIp } = context;
    if (vpc.egress !== "vpcEndpoints" || assignPublicIp || vpc.region === "") return;
    const region = arnRegion(arn);
    if (region !== vpc.region) {
        problems.add(
            path,
            `${describeValue(arn)} is in ${region}, but the VPC endpoints reach ${service} of ${vpc.region} only, ` +
                "so tasks could not read it.",
            `Replicate it to ${vpc.region}, or use egress 'natGateway'.`,
        );
    }
}

/**
 * The interface endpoints (service suffixes) tasks need to read the secrets of `plans` (one per
 * container of the task); with ECS Exec's, `taskEndpointNeeds` (checkNetwork.ts) makes them one list.
 */
export function secretEndpoints(plans: readonly SecretsPlan[]): string[] {
    const needed: string[] = [];
    if (plans.some(plan => plan.parameterArns.length > 0)) needed.push("ssm");
    if (plans.some(plan => plan.secretArns.length > 0)) needed.push("secretsmanager");
    // Parameter Store and Secrets Manager call KMS themselves to decrypt, so ECS's own fetch may
    // not need the kms endpoint (unconfirmed); it is added so no KMS call from the VPC lacks a path.
    if (plans.some(plan => plan.kmsKeyArn !== undefined)) needed.push("kms");
    return needed;
}
