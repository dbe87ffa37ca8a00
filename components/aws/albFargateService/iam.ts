/**
 * The log group and the two roles of the tasks: the execution role, which may pull only the
 * image's repository and write only this log group, and the task role the application runs as,
 * empty unless the service is given a policy for it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { policyWarnings } from "../iamPolicy";
import type { Tagger } from "../network/tiers";
import { AlbFargateServicePlan, SecretsPlan } from "./plan";
import { warnAbout } from "../../warnings";
import { ALB_FARGATE_SERVICE_TYPE } from "./check";
import { taskContainers } from "./containerDefinitions";

/** What the task definition and the services need of the logs and roles. */
export interface TaskIdentity {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly executionRole: aws.iam.Role;
    /** The execution role's permissions: a task started before they exist cannot pull its image. */
    readonly executionPolicy: aws.iam.RolePolicy;
    readonly taskRole: aws.iam.Role;
    /** The task role's ECS Exec permissions, with `enableExecuteCommand`. */
    readonly execPolicy?: aws.iam.RolePolicy;
}

/** Creates the log group and both roles; `invokeOpts` are for the account and partition lookups. */
export function createTaskIdentity(
    name: string,
    plan: AlbFargateServicePlan,
    tags: Tagger,
    opts: pulumi.CustomResourceOptions,
    invokeOpts: pulumi.InvokeOutputOptions,
): TaskIdentity {
    const logGroup = new aws.cloudwatch.LogGroup(
        `${name}-logs`,
        {
            name: plan.task.logGroupName,
            retentionInDays: plan.task.logRetentionInDays,
            deletionProtectionEnabled: plan.deletionProtection,
            tags: tags("logs"),
        },
        opts,
    );
    const account = aws.getCallerIdentityOutput({}, invokeOpts).accountId;
    const partition = aws.getPartitionOutput({}, invokeOpts).partition;
    const executionRole = new aws.iam.Role(
        `${name}-execution-role`,
        {
            assumeRolePolicy: ecsTasksTrustPolicy(account, partition),
            description: `Pulls the image and writes the logs of ${name}`,
            tags: plan.tags,
        },
        opts,
    );
    const executionPolicy = new aws.iam.RolePolicy(
        `${name}-execution-policy`,
        {
            role: executionRole.id,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [
                    ...executionStatements(
                        taskContainers(plan).map(c => c.ecrRepositoryArn),
                        logGroup.arn,
                    ),
                    ...secretStatements(taskContainers(plan).map(c => c.secrets)),
                ],
            }),
        },
        opts,
    );
    const taskRole = new aws.iam.Role(
        `${name}-task-role`,
        {
            assumeRolePolicy: ecsTasksTrustPolicy(account, partition, plan.region),
            description: `Application role of ${name}`,
            tags: plan.tags,
        },
        opts,
    );
    if (plan.task.taskRolePolicy !== undefined) {
        // Checked before (or, an Output, when it resolves); a whole service's actions are allowed, with a warning.
        const policy = pulumi.output(plan.task.taskRolePolicy).apply(text => {
            for (const warning of policyWarnings(text, "taskRolePolicy"))
                warnAbout(opts.parent ?? `${ALB_FARGATE_SERVICE_TYPE} '${name}'`, warning);
            return text;
        });
        new aws.iam.RolePolicy(`${name}-task-policy`, { role: taskRole.id, policy }, opts);
    }
    // Before any task starts: a task started without it cannot open the exec channels.
    const execPolicy = plan.enableExecuteCommand
        ? new aws.iam.RolePolicy(
              `${name}-exec-policy`,
              { role: taskRole.id, policy: JSON.stringify({ Version: "2012-10-17", Statement: [EXEC_STATEMENT] }) },
              opts,
          )
        : undefined;
    return { logGroup, executionRole, executionPolicy, taskRole, execPolicy };
}

/**
 * What ECS Exec needs of the task role: the SSM agent in the task creates and opens its control
 * and data channels. The four actions and `Resource: "*"` are the policy of the ECS developer
 * guide, "Using Amazon ECS Exec for debugging" (docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html,
 * as quoted in aws/containers-roadmap#1668). `"*"` is required: the Service Authorization
 * Reference for `ssmmessages` (list_ssmmessages.html) names no resource type for any of them, and
 * "if there is no value for this column, you must specify all resources ("*")". The actions are
 * listed, not `ssmmessages:*`, so the component's wildcard check (iamPolicy.ts, which refuses
 * only `"*"` actions and warns about a whole service) has nothing to say about this statement.
 */
export const EXEC_STATEMENT = {
    Sid: "EcsExec",
    Effect: "Allow",
    Action: [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
    ],
    Resource: "*",
} as const;

/**
 * The execution role's statements: log in to ECR and pull from the repositories of the task's
 * images (those in ECR: the main container's first, each once), write the logs.
 */
function executionStatements(
    repositoryArns: ReadonlyArray<pulumi.Input<string> | undefined>,
    logGroupArn: pulumi.Output<string>,
): unknown[] {
    const statements: unknown[] = [];
    const repositories = distinct(repositoryArns.filter(arn => arn !== undefined));
    if (repositories.length > 0) {
        // GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
        statements.push({ Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" });
        statements.push({
            Sid: "EcrPull",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            // One repository as a string, as before sidecars, so an existing policy does not change.
            Resource: repositories.length === 1 ? repositories[0] : repositories,
        });
    }
    statements.push({
        Sid: "Logs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: pulumi.interpolate`${logGroupArn}:log-stream:*`,
    });
    return statements;
}

/**
 * The execution role's statements for the secrets of the task's containers (`plans`, the main
 * container's first, then each sidecar's): exactly the parameters and secrets given, each once,
 * and the keys when given (Amazon ECS Developer Guide, "Amazon ECS task execution IAM role",
 * "Secrets Manager or Systems Manager permissions": `ssm:GetParameters`,
 * `secretsmanager:GetSecretValue`, and `kms:Decrypt` only for a customer-managed key). A sidecar's
 * secrets are granted exactly as the main container's, in the same statements. None without
 * secrets, so the policy of a service without them stays as it was.
 */
function secretStatements(plans: readonly SecretsPlan[]): unknown[] {
    const secrets = {
        parameterArns: distinct(plans.flatMap(p => p.parameterArns)),
        secretArns: distinct(plans.flatMap(p => p.secretArns)),
        kmsKeyArns: distinct(plans.flatMap(p => (p.kmsKeyArn === undefined ? [] : [p.kmsKeyArn]))),
    };
    const statements: unknown[] = [];
    if (secrets.parameterArns.length > 0) {
        statements.push({
            Sid: "SsmParameters",
            Effect: "Allow",
            Action: "ssm:GetParameters",
            Resource: [...secrets.parameterArns],
        });
    }
    if (secrets.secretArns.length > 0) {
        statements.push({
            Sid: "Secrets",
            Effect: "Allow",
            Action: "secretsmanager:GetSecretValue",
            Resource: [...secrets.secretArns],
        });
    }
    if (secrets.kmsKeyArns.length > 0) {
        const keys = secrets.kmsKeyArns;
        statements.push({
            Sid: "SecretsKey",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: keys.length === 1 ? keys[0] : keys,
        });
    }
    return statements;
}

/** Each value once, in order of first appearance (Outputs, which cannot be compared, all kept). */
function distinct<T>(values: readonly T[]): T[] {
    return values.filter((v, i) => typeof v !== "string" || values.indexOf(v) === i);
}

/**
 * Trust policy letting ECS tasks of this account (only) assume a role: the confused-deputy
 * guard. `sourceArnRegion` adds the `aws:SourceArn` condition AWS documents for task roles; the
 * execution role keeps the account condition only, since AWS documents no source ARN for the
 * agent's image pulls and log writes, and a wrong one would stop every task from starting.
 */
function ecsTasksTrustPolicy(
    accountId: pulumi.Input<string>,
    partition: pulumi.Input<string>,
    sourceArnRegion?: string,
): pulumi.Output<string> {
    const sourceArn = sourceArnRegion && pulumi.interpolate`arn:${partition}:ecs:${sourceArnRegion}:${accountId}:*`;
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "ecs-tasks.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ...(sourceArn ? { ArnLike: { "aws:SourceArn": sourceArn } } : {}),
                },
            },
        ],
    });
}
