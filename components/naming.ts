/**
 * Physical names that never collide in a shared account. Components leave a resource's name to
 * Pulumi wherever the provider auto-names it, and check before registering that the name Pulumi
 * will make fits the cloud's rules; the offline engine (cli/engine) makes the same names, so the
 * plan shows real ones. Where the provider does not auto-name, a name is scoped to the project
 * and stack ({@link stackScopedName}).
 *
 * Pulumi's auto-name is `<logical name>-<7 random hex characters>` (pulumi-terraform-bridge
 * `info/autonaming.go`, `AutoName`: `Randlen: 7`, separator `-`). One that does not fit is an
 * error at deploy time, never cut short (pulumi `sdk/go/common/resource/resource_id.go`,
 * `NewUniqueName`: "name '…' plus 7 random chars is longer than maximum length …"). A replaced
 * resource gets a new suffix, because the engine checks the replacement again without the old
 * inputs (pulumi `pkg/resource/deploy/step_generator.go`: "If we are going to perform a
 * replacement, we need to recompute the default values"), so create-before-delete never meets
 * its own name.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "./errors";

/** What Pulumi appends to a logical name: `-` and 7 hex characters. */
export const AUTONAME_SUFFIX_LENGTH = 8;

/** The rules a resource type's auto-generated name must meet. */
export interface AutonameRule {
    /** The input Pulumi fills in. */
    readonly property: string;
    /** Longest name: the smaller of Pulumi's auto-name limit and the cloud's. */
    readonly maxLength: number;
    /** Characters (and shape) the cloud accepts, for the whole generated name. */
    readonly pattern: RegExp;
    /** The same rule in words, for messages. */
    readonly allowed: string;
    /** What the resource is called in messages. */
    readonly kind: string;
    /** The provider lower-cases the logical name before it appends the suffix. */
    readonly lowerCase?: boolean;
}

const ELB = {
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
    allowed: "letters, digits and hyphens, not starting or ending with a hyphen",
};
const ECS = { pattern: /^[A-Za-z0-9_-]+$/, allowed: "letters, digits, hyphens and underscores" };
const IAM = { pattern: /^[\w+=,.@-]+$/, allowed: "letters, digits and + = , . @ _ -" };

/**
 * The resource types components leave to Pulumi's auto-naming, with the cloud's limits.
 * pulumi-aws `provider/autonaming.go` auto-names every `name` input up to 255 characters, with
 * `AutoName("name", 32, "-")` for target groups and `AutoName("name", 64, "-")` for IAM roles
 * (`aliases.go`, `resource_overrides.go`); the Terraform validators bound the rest: an ALB name
 * is at most 32 characters (`validName`), an IAM inline policy name 128
 * (`validIamResourceName(iamPolicyMaxNameLength)`), an ACK cluster name 1–63
 * (`resource_alicloud_cs_managed_kubernetes.go`: `StringLenBetween(1, 63)`; pulumi-alicloud
 * `SetAutonaming(255, "-")` reaches it because its `name` is not deprecated). ECS names: "Up to 255
 * letters (uppercase and lowercase), numbers, underscores, and hyphens" (ECS CreateCluster /
 * CreateService API). Log group names: `[.\-_/#A-Za-z0-9]+` (CloudWatch Logs CreateLogGroup).
 * Security group names: letters, digits, spaces and `._-:/()#,@[]+=&;{}!$*`, not `sg-…` (EC2
 * CreateSecurityGroup).
 */
export const AUTONAMED: Readonly<Record<string, AutonameRule>> = {
    "aws:ecs/cluster:Cluster": { property: "name", maxLength: 255, ...ECS, kind: "ECS cluster" },
    "aws:ecs/service:Service": { property: "name", maxLength: 255, ...ECS, kind: "ECS service" },
    // PutScalingPolicy `PolicyName`: 1 to 256 printable characters; PutScheduledAction
    // `ScheduledActionName`: 1 to 256, no control characters, `:`, `/` or `|`, no leading or
    // trailing spaces (Application Auto Scaling API, as recalled: not confirmed against the
    // reference in this change). 255 is Pulumi's auto-name limit.
    "aws:appautoscaling/policy:Policy": {
        property: "name",
        maxLength: 255,
        pattern: /^[\x20-\x7e]+$/,
        allowed: "printable characters",
        kind: "scaling policy",
    },
    "aws:appautoscaling/scheduledAction:ScheduledAction": {
        property: "name",
        maxLength: 255,
        pattern: /^(?! )[^\p{Cc}:/|]+(?<! )$/u,
        allowed: "characters other than control characters, ':', '/' and '|', not starting or ending with a space",
        kind: "scheduled action",
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        property: "name",
        maxLength: 255,
        pattern: /^[.\-_/#A-Za-z0-9]+$/,
        allowed: "letters, digits and . - _ / #",
        kind: "log group",
    },
    // AWS keeps `internal-` for the DNS names of internal load balancers.
    "aws:lb/loadBalancer:LoadBalancer": {
        property: "name",
        maxLength: 32,
        pattern: /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/i,
        allowed: `${ELB.allowed}, not starting with internal-`,
        kind: "load balancer",
    },
    "aws:lb/targetGroup:TargetGroup": { property: "name", maxLength: 32, ...ELB, kind: "target group" },
    // S3 general purpose bucket names: 3 to 63 lower-case letters, digits, dots and hyphens,
    // starting and ending with a letter or digit (Amazon S3 User Guide, "General purpose bucket
    // naming rules"). pulumi-aws auto-names `bucket` from the lower-cased logical name, up to 63
    // (provider/resources.go, `aws_s3_bucket`: `AutoNameTransform("bucket", 63, strings.ToLower)`);
    // a bucket name given explicitly is sent as it is.
    "aws:s3/bucket:Bucket": {
        property: "bucket",
        maxLength: 63,
        pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
        allowed: "lower-case letters, digits, dots and hyphens",
        kind: "S3 bucket",
        lowerCase: true,
    },
    "aws:iam/role:Role": { property: "name", maxLength: 64, ...IAM, kind: "IAM role" },
    "aws:iam/rolePolicy:RolePolicy": { property: "name", maxLength: 128, ...IAM, kind: "IAM role policy" },
    "aws:ec2/securityGroup:SecurityGroup": {
        property: "name",
        maxLength: 255,
        pattern: /^(?!sg-)[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
        allowed: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-",
        kind: "security group",
    },
    // CLB access control lists (an API server's allowlist): the name's rules are unconfirmed for CLB
    // (the documented ACL names of ALB and SAG take 2-128 letters, digits, `.`, `_`, `-`, starting
    // with a letter); this keeps to those and to 80 characters, the shorter limit CLB is reported
    // to take.
    "alicloud:slb/acl:Acl": {
        property: "name",
        maxLength: 80,
        pattern: /^[A-Za-z][A-Za-z0-9._-]*$/,
        allowed: "letters, digits, '.', '_' and '-', starting with a letter",
        kind: "SLB access control list",
    },
    "alicloud:cs/managedKubernetes:ManagedKubernetes": {
        property: "name",
        maxLength: 63,
        pattern: /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5-]*$/,
        allowed: "letters, digits, Chinese characters and hyphens, not starting with a hyphen",
        kind: "ACK cluster",
    },
};

/**
 * The auto-name of `logicalName` with the random part `random` (7 hex characters), lower-cased
 * first where the provider does (`rule.lowerCase`).
 */
export function autoname(logicalName: string, random: string, rule?: AutonameRule): string {
    return `${rule?.lowerCase ? logicalName.toLowerCase() : logicalName}-${random}`;
}

/** Fixes a caller words for what its users change (which inputs make the name), instead of the generic ones. */
export interface AutonameFixes {
    /** When the name is `over` characters too long. */
    readonly tooLong?: (over: number) => string;
    /** When it has a character the cloud refuses. */
    readonly badCharacters?: string;
}

/**
 * Checks that the name Pulumi will generate for a `type` resource named `logicalName` fits the
 * cloud's rules; records a problem at `path` otherwise, naming the limit. `instead` names the
 * input that sets the name explicitly, when there is one.
 */
export function checkAutoname(
    problems: Problems,
    path: string,
    type: string,
    logicalName: string,
    instead?: string,
    fixes: AutonameFixes = {},
): boolean {
    const rule = AUTONAMED[type];
    const length = logicalName.length + AUTONAME_SUFFIX_LENGTH;
    const or = instead ? `, or set ${instead}` : "";
    let ok = true;
    if (length > rule.maxLength) {
        problems.add(
            path,
            `the ${rule.kind} would be named '${logicalName}-' plus 7 random characters, ${length} characters; its limit is ${rule.maxLength}.`,
            fixes.tooLong?.(length - rule.maxLength) ??
                `Shorten the name by ${length - rule.maxLength} characters${or}.`,
        );
        ok = false;
    }
    if (!rule.pattern.test(autoname(logicalName, "abcdef0", rule))) {
        problems.add(
            path,
            `the ${rule.kind} would be named '${autoname(logicalName, "…", rule)}', but its name may have only ${rule.allowed}.`,
            fixes.badCharacters ?? `Rename it${or}.`,
        );
        ok = false;
    }
    return ok;
}

/** A short stable hex digest of `text` (FNV-1a, 32 bit). */
export function digest(text: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
}

/**
 * `<name>-<digest of project and stack>`: for names the provider does not auto-name and the cloud
 * wants unique (an ECS task family, an ASM instance), so stacks and projects sharing an account
 * never meet. Stable across updates; a resource named this way that could be replaced in place of
 * itself is replaced delete-first (see its component).
 */
export function stackScopedName(name: string): string {
    return `${name}-${digest(`${pulumi.getProject()}/${pulumi.getStack()}`)}`;
}
