/**
 * Shape pieces every AWS component shares: the tags it puts on resources, the provider it takes,
 * and the EC2 ids and ARNs it is given, checked for the form AWS gives them.
 */
import * as aws from "../sdk/aws";
import { z } from "zod";
import { Problems } from "../errors";
import { describeValue, instanceOf } from "../shape";

/**
 * Characters of a tag key or value: letters, digits and spaces, and `_ . : / = + - @` (AWS
 * tagging rules, e.g. the ECS API's `Tag`: keys 1 to 128 characters, values 0 to 256, at most
 * 50 tags per resource, no `aws:` prefix, which AWS reserves).
 */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Longest tag key AWS accepts. */
const TAG_KEY_MAX = 128;

/** Longest tag value AWS accepts. */
const TAG_VALUE_MAX = 256;

/** Tags a resource takes (50) less the `Name` tag the components add to EC2 resources. */
export const AWS_USER_TAGS_MAX = 49;

/** The problem with a tag key or value, if any. */
function tagTextProblem(text: string, max: number): string | undefined {
    if (text.length > max) return `has ${text.length} characters; AWS allows at most ${max}`;
    // Blanks AWS would keep but nobody sees: a tag that differs from the intended one by a space.
    if (text.trim() !== text) return "has leading or trailing blanks";
    if (!TAG_CHARACTERS.test(text)) return "has characters other than letters, digits, spaces and _ . : / = + - @";
    if (text.toLowerCase().startsWith("aws:")) return "starts with 'aws:', which AWS reserves";
    return undefined;
}

const tagKey = z.string().superRefine((key, ctx) => {
    if (key === "toString") {
        // Pulumi's runtime writes each resource input as text (`${value}`, runtime/rpc.ts
        // safeToString), which throws for a map whose own `toString` is no function.
        ctx.addIssue({
            code: "custom",
            message: "cannot be carried: Pulumi reads a map's 'toString' as how to print it",
            params: { fix: "Rename the tag." },
        });
        return;
    }
    const problem = key === "" ? "is empty" : tagTextProblem(key, TAG_KEY_MAX);
    if (problem) ctx.addIssue({ code: "custom", message: problem, params: { fix: "Use a key AWS accepts." } });
});

const tagValue = z.string().superRefine((value, ctx) => {
    const problem = tagTextProblem(value, TAG_VALUE_MAX);
    if (problem) ctx.addIssue({ code: "custom", message: problem, params: { fix: "Use a value AWS accepts." } });
});

/** Tags by key, as AWS accepts them, at most {@link AWS_USER_TAGS_MAX}. */
export const awsTags = z.record(tagKey, tagValue).superRefine((tags, ctx) => {
    const count = Object.keys(tags).length;
    if (count > AWS_USER_TAGS_MAX) {
        ctx.addIssue({
            code: "custom",
            message: `has ${count} tags; AWS allows 50 per resource, one of them the Name tag added here`,
            params: { fix: `Keep at most ${AWS_USER_TAGS_MAX} tags.` },
        });
    }
});

/** An `aws.Provider` instance. */
export const awsProvider = instanceOf(aws.Provider, "aws.Provider");

/** The EC2 ids the components take, by their prefix. */
const EC2_ID_KINDS = {
    vpc: "VPC",
    subnet: "subnet",
    rtb: "route table",
    sg: "security group",
    pl: "prefix list",
} as const;

/** The prefix of an EC2 id: `vpc`, `subnet`, `rtb`, `sg`, `pl`. */
export type Ec2IdPrefix = keyof typeof EC2_ID_KINDS;

/**
 * Checks an EC2 id: its resource type's prefix, a hyphen, and 8 or 17 lowercase letters and
 * digits (EC2 User Guide, "Resource IDs": 8 characters for resources made before 2016, 17
 * since). A subnet id where a VPC id belongs, or a name instead of an id, fails here instead of
 * at deployment.
 */
export function checkEc2Id(problems: Problems, path: string, id: string, prefix: Ec2IdPrefix): boolean {
    if (new RegExp(`^${prefix}-(?:[0-9a-z]{8}|[0-9a-z]{17})$`).test(id)) return true;
    const what = EC2_ID_KINDS[prefix];
    problems.add(
        path,
        `${describeValue(id)} is not a ${what} id.`,
        `Give the ${what}'s id: ${prefix}- and 17 (or, ` +
            `for old ones, 8) letters and digits, e.g. ${prefix}-0123456789abcdef0.`,
    );
    return false;
}

/** Partitions of ARNs the components accept: commercial, China and GovCloud (US). */
const PARTITION = "aws(?:-cn|-us-gov)?";

/**
 * ARN forms the components take, each `arn:<partition>:<service>:<region>:<account>:<resource>`
 * (AWS General Reference, "Amazon Resource Names"): what a message calls it, its pattern, and an
 * example for the fix.
 */
export const ARNS = {
    certificate: {
        what: "an ACM (or IAM server) certificate ARN",
        pattern: new RegExp(`^arn:${PARTITION}:(acm|iam):[a-z0-9-]*:\\d{12}:(certificate|server-certificate)/\\S+$`),
        example: "arn:aws:acm:<region>:<account>:certificate/<id>",
    },
    ecsCluster: {
        what: "an ECS cluster ARN",
        pattern: new RegExp(`^arn:${PARTITION}:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255}$`),
        example: "arn:aws:ecs:<region>:<account>:cluster/<name>",
    },
    ecrRepository: {
        what: "an ECR repository ARN",
        pattern: new RegExp(`^arn:${PARTITION}:ecr:[a-z0-9-]+:\\d{12}:repository/[a-z0-9][a-z0-9._/-]*$`),
        example: "arn:aws:ecr:<region>:<account>:repository/<name>",
    },
    ssmParameter: {
        what: "an SSM parameter ARN",
        // Parameter names: letters, digits and _ . - /, the ARN without the name's leading slash
        // (Systems Manager User Guide, "Parameter Store" naming constraints).
        pattern: new RegExp(`^arn:${PARTITION}:ssm:[a-z0-9-]+:\\d{12}:parameter/[A-Za-z0-9_.-][A-Za-z0-9_./-]*$`),
        example: "arn:aws:ssm:<region>:<account>:parameter/<name>",
    },
    secret: {
        what: "a full Secrets Manager secret ARN",
        // A name of letters, digits and /_+=.@-, then the hyphen and 6 characters Secrets Manager
        // appends (Secrets Manager User Guide, "Find secrets ... ARN": a partial ARN without them
        // matches no IAM resource but a wildcard).
        pattern: new RegExp(
            `^arn:${PARTITION}:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$`,
        ),
        example: "arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>, as the console shows it",
    },
    kmsKey: {
        what: "a KMS key ARN",
        // A key ARN, not an alias's: kms:Decrypt is granted on keys (KMS Developer Guide, "Key ARN").
        pattern: new RegExp(`^arn:${PARTITION}:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+$`),
        example: "arn:aws:kms:<region>:<account>:key/<key id>",
    },
} as const;

/** The region of an ARN of {@link ARNS}' forms (its fourth field). */
export function arnRegion(arn: string): string {
    return arn.split(":")[3] ?? "";
}

/** Checks that `arn` has the form of `kind`. */
export function checkArn(problems: Problems, path: string, arn: string, kind: keyof typeof ARNS): boolean {
    const { what, pattern, example } = ARNS[kind];
    if (pattern.test(arn)) return true;
    problems.add(path, `${describeValue(arn)} is not ${what}.`, `Use ${example}.`);
    return false;
}
