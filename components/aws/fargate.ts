/**
 * Pure AWS tables and checks the ALB + Fargate component relies on: the Fargate CPU/memory
 * pairs, Elastic Load Balancing and ECS name rules, ECR image URIs and the ECS deployment
 * arithmetic. No resource is registered here.
 */
import { checkIntegerInRange, closestSpelling } from "../checks";
import { Problems } from "../errors";
import { AUTONAMED } from "../naming";

/** Memory sizes (MiB) Fargate accepts for each CPU size (CPU units, 1024 = 1 vCPU), Linux tasks. */
export const FARGATE_MEMORY_BY_CPU: Readonly<Record<number, readonly number[]>> = {
    256: [512, 1024, 2048],
    512: steps(1024, 4096, 1024),
    1024: steps(2048, 8192, 1024),
    2048: steps(4096, 16384, 1024),
    4096: steps(8192, 30720, 1024),
    8192: steps(16384, 61440, 4096),
    16384: steps(32768, 122880, 8192),
};

function steps(from: number, to: number, step: number): number[] {
    const out: number[] = [];
    for (let m = from; m <= to; m += step) out.push(m);
    return out;
}

/** Describes the memory range of one CPU size for a message, e.g. `2048–8192 MiB in 1024 steps`. */
function describeMemory(cpu: number): string {
    const sizes = FARGATE_MEMORY_BY_CPU[cpu];
    if (sizes.length <= 3) return `${sizes.join(", ")} MiB`;
    return `${sizes[0]}–${sizes[sizes.length - 1]} MiB in ${sizes[1] - sizes[0]} MiB steps`;
}

/** Checks that `cpu`/`memory` is a task size Fargate runs; records the problem at the memory (or cpu) path. */
export function checkFargateSize(
    problems: Problems,
    cpuPath: string,
    memoryPath: string,
    cpu: number,
    memory: number,
): boolean {
    const sizes = FARGATE_MEMORY_BY_CPU[cpu];
    if (!sizes) {
        problems.add(
            cpuPath,
            `Fargate has no task size with ${cpu} CPU units.`,
            `Use one of ${Object.keys(FARGATE_MEMORY_BY_CPU).join(", ")} (1024 units = 1 vCPU).`,
        );
        return false;
    }
    if (!sizes.includes(memory)) {
        problems.add(
            memoryPath,
            `Fargate does not run ${cpu} CPU units with ${memory} MiB of memory.`,
            `With cpu ${cpu} use ${describeMemory(cpu)}.`,
        );
        return false;
    }
    return true;
}

/**
 * CPU architectures a Fargate task runs on (`runtimePlatform.cpuArchitecture` of the provider's
 * `TaskDefinitionRuntimePlatform`: "Must be set to either `X86_64` or `ARM64`").
 */
export const CPU_ARCHITECTURES = ["X86_64", "ARM64"] as const;

/** A CPU architecture of {@link CPU_ARCHITECTURES}. */
export type CpuArchitecture = (typeof CPU_ARCHITECTURES)[number];

/**
 * The predefined security policies of an ALB's HTTPS listener; ALBs take no custom ones. The
 * list is the `SslPolicy` enumeration of the AWS CDK (aws/aws-cdk,
 * packages/aws-cdk-lib/aws-elasticloadbalancingv2/lib/shared/enums.ts, which cites the Elastic
 * Load Balancing guide, "Security policies for your Application Load Balancer"), with
 * `ELBSecurityPolicy-2015-05`, which the guide lists as identical to `ELBSecurityPolicy-2016-08`
 * (awsdocs/elb-application-load-balancers-user-guide, create-https-listener.md). AWS adds
 * policies now and then: a name missing here is an addition to this list.
 */
export const ELB_SSL_POLICIES: readonly string[] = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
    "ELBSecurityPolicy-FS-1-2-2019-08",
    "ELBSecurityPolicy-FS-1-1-2019-08",
    "ELBSecurityPolicy-FS-2018-06",
    "ELBSecurityPolicy-TLS-1-2-2017-01",
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-TLS-1-0-2015-04",
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-2015-05",
];

/** The TLS policy of an HTTPS listener this package makes when none is given: TLS 1.3 and 1.2, AWS's recommendation. */
export const DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Checks an HTTPS listener's TLS policy: one of {@link ELB_SSL_POLICIES}, with the closest spelling on a typo. */
export function checkSslPolicy(problems: Problems, path: string, policy: string): boolean {
    if (ELB_SSL_POLICIES.includes(policy)) return true;
    const guess = closestSpelling(policy, ELB_SSL_POLICIES);
    // The whole list would bury the fix: name the closest policy, or the default.
    problems.add(
        path,
        `'${policy}' is not a predefined security policy of Elastic Load Balancing.`,
        guess ? `Did you mean '${guess}'?` : `Use one of ELB_SSL_POLICIES, e.g. ${DEFAULT_SSL_POLICY} (the default).`,
    );
    return false;
}

/** Longest name an ALB or target group may have (the limit the auto-name rules carry, ../naming.ts). */
export const ELB_NAME_MAX = AUTONAMED["aws:lb/loadBalancer:LoadBalancer"].maxLength;

/** ECS cluster, service and family names: the ECS rule of ../naming.ts. */
const ECS_NAME = AUTONAMED["aws:ecs/cluster:Cluster"];

/**
 * Checks an ALB or target group name: 1–32 letters, digits and hyphens, no hyphen at either end;
 * an ALB name may also not start with `internal-`, which AWS reserves for internal ALB DNS names.
 */
export function checkElbName(
    problems: Problems,
    path: string,
    name: string,
    what: "load balancer" | "target group",
): boolean {
    const before = problems.list.length;
    if (name.length === 0 || name.length > ELB_NAME_MAX) {
        problems.add(
            path,
            `${what} name '${name}' has ${name.length} characters; AWS allows 1 to ${ELB_NAME_MAX}.`,
            "Shorten it, or leave it out to let Pulumi name it.",
        );
    }
    if (!/^[A-Za-z0-9-]*$/.test(name)) {
        problems.add(
            path,
            `${what} name '${name}' has characters other than letters, digits and hyphens.`,
            "Use only letters, digits and hyphens.",
        );
    }
    if (name.startsWith("-") || name.endsWith("-")) {
        problems.add(
            path,
            `${what} name '${name}' starts or ends with a hyphen.`,
            "Remove the leading or trailing hyphen.",
        );
    }
    if (what === "load balancer" && name.toLowerCase().startsWith("internal-")) {
        problems.add(
            path,
            `load balancer name '${name}' starts with 'internal-', which AWS reserves.`,
            "Choose another prefix.",
        );
    }
    return problems.list.length === before;
}

/**
 * Checks an ECS cluster, service or task family name: 1–255 letters, digits, hyphens and
 * underscores.
 */
export function checkEcsName(problems: Problems, path: string, name: string, what: string): boolean {
    if (ECS_NAME.pattern.test(name) && name.length <= ECS_NAME.maxLength) return true;
    problems.add(
        path,
        `${what} '${name}' is not 1 to ${ECS_NAME.maxLength} letters, digits, hyphens or underscores.`,
        "Use only letters, digits, hyphens and underscores.",
    );
    return false;
}

/** An ECR image reference split into the parts IAM and VPC endpoints care about. */
export interface EcrImage {
    /** Account that owns the repository. */
    readonly accountId: string;
    /** Region of the registry. */
    readonly region: string;
    /** `aws` or `aws-cn`. */
    readonly partition: string;
    /** Repository name, without tag or digest. */
    readonly repository: string;
    /** ARN of the repository, the resource the execution role may pull from. */
    readonly repositoryArn: string;
}

const ECR_IMAGE =
    /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/([a-z0-9][a-z0-9._/-]*?)(?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})?$/;

/** Parses an ECR image URI (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag|@digest]`); undefined for any other registry. */
export function parseEcrImage(image: string): EcrImage | undefined {
    const m = ECR_IMAGE.exec(image);
    if (!m) return undefined;
    const [, accountId, region, cn, repository] = m;
    const partition = cn ? "aws-cn" : "aws";
    return {
        accountId,
        region,
        partition,
        repository,
        repositoryArn: `arn:${partition}:ecr:${region}:${accountId}:repository/${repository}`,
    };
}

/** Retention periods (days) CloudWatch Logs accepts; 0 keeps events forever. */
export const LOG_RETENTION_DAYS: readonly number[] = [
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Checks a log group retention. */
export function checkLogRetention(problems: Problems, path: string, days: number): boolean {
    if (LOG_RETENTION_DAYS.includes(days)) return true;
    problems.add(
        path,
        `CloudWatch Logs has no retention of ${days} days.`,
        `Use one of ${LOG_RETENTION_DAYS.join(", ")} (0 = never expire).`,
    );
    return false;
}

/**
 * Checks the rolling-deployment percents of a service with `desiredCount` tasks: minimum 0–100,
 * maximum at least 100, and room for ECS to start or stop at least one task, otherwise every
 * deployment stalls (e.g. 1 task with 100/100 or 100/150: ECS may neither stop the old task nor
 * start a second one).
 */
export function checkDeploymentPercents(
    problems: Problems,
    path: string,
    desiredCount: number,
    minPercent: number,
    maxPercent: number,
): void {
    const minOk = checkIntegerInRange(
        problems,
        `${path}.minimumHealthyPercent`,
        minPercent,
        0,
        100,
        "minimum healthy percent",
    );
    const maxOk = checkIntegerInRange(problems, `${path}.maximumPercent`, maxPercent, 100, 2000, "maximum percent");
    if (!minOk || !maxOk || !Number.isInteger(desiredCount) || desiredCount <= 0) return;
    const running = Math.floor((desiredCount * maxPercent) / 100);
    const healthy = Math.ceil((desiredCount * minPercent) / 100);
    if (running <= healthy) {
        problems.add(
            `${path}.maximumPercent`,
            `with ${desiredCount} task(s), maximum ${maxPercent}% allows ${running} running and minimum ${minPercent}% keeps ${healthy} healthy, so a deployment can neither start a new task nor stop an old one.`,
            "Raise maximumPercent (200 is the ECS default) or lower minimumHealthyPercent.",
        );
    }
}

/** A name every shell and runtime takes for an environment variable (`environment` and `secrets` keys). */
export const PORTABLE_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
