import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { DeclaresFlows, IntendedFlow, flowTo } from "../flows";
import { checkIntegerInRange, checkOneOf, checkPort, checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { addressSlug, checkCidr, checkIp, cidrContains, firstOverlapping, ipInCidr, parseCidr } from "../net";
import { AUTONAMED, checkAutoname, stackScopedName } from "../naming";
import { newStackProvider, userProvider } from "../providers";
import {
    checkDeploymentPercents, checkEcsName, checkElbName, checkFargateSize, checkLogRetention, EcrImage, parseEcrImage,
} from "./fargate";
import {
    checkTwoTierVpcArgs, ExistingTwoTierVpcArgs, isExistingVpc, TwoTierVpc, TwoTierVpcArgs,
} from "./network";

/** The container every task runs. */
export interface ContainerArgs {
    /**
     * Image URI. Tutorial: `<account>.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx`. A plain
     * ECR URI is parsed to scope the execution role to its repository and to check that the
     * chosen egress can reach it.
     */
    image: pulumi.Input<string>;
    /**
     * ARN of the ECR repository the image comes from. Default: derived from `image`. Required when
     * `image` is an output (e.g. a repository's `repositoryUrl`), which cannot be parsed at plan time.
     */
    ecrRepositoryArn?: pulumi.Input<string>;
    /** Container name. Default: `app` (tutorial: `hello-nginx`). */
    name?: string;
    /** Port the container listens on, also the target group's port. Default: 80 (the tutorial's nginx). */
    port?: number;
    /** Environment variables. Default: none. Not for secrets: they show in the task definition. */
    environment?: Record<string, pulumi.Input<string>>;
}

/** One ECS service running the task definition behind the shared target group. */
export interface FargateServiceArgs {
    /**
     * ECS service name (tutorial: `publicIpOn`, `publicIpOn2`). Default: Pulumi's auto-name,
     * `<component name>-<key>-<7 random hex>`, unique in every account and new on replacement.
     */
    name?: string;
    /** Tasks to keep running. Default: 1 (as in the tutorial). */
    desiredCount?: number;
    /** Lower bound of running tasks during a deployment, in percent of `desiredCount`. Default: 100. */
    minimumHealthyPercent?: number;
    /** Upper bound of running tasks during a deployment, in percent of `desiredCount`. Default: 200. */
    maximumPercent?: number;
    /** Seconds ECS ignores failing ALB health checks of a new task, for slow starts. Default: 60. */
    healthCheckGracePeriodSeconds?: number;
    /** Roll back a deployment the circuit breaker stops. Default: true (the breaker itself is always on). */
    circuitBreakerRollback?: boolean;
    /**
     * Make `pulumi up` wait until the service is steady (its tasks running and healthy) and fail
     * when it is not, instead of reporting success while the circuit breaker rolls back tasks that
     * never became healthy. Default: true (the provider's default is false).
     */
    waitForSteadyState?: boolean;
    /**
     * How long `pulumi up` waits for a deployment of the service, e.g. `20m` or `1h`. Default:
     * `20m`, the provider's own create and update timeout.
     */
    deploymentTimeout?: string;
}

/**
 * A destination the tasks may send to besides the image registry and the log endpoint, e.g. the
 * application's database. Exactly one of `cidrBlock`, `prefixListId` and `securityGroupId`.
 */
export interface TaskEgressArgs {
    /** IPv4 block, e.g. a database subnet `10.1.20.0/24`. */
    cidrBlock?: string;
    /** Managed prefix list id, `pl-…`. */
    prefixListId?: pulumi.Input<string>;
    /** Security group of the destination, `sg-…` (e.g. the database's). */
    securityGroupId?: pulumi.Input<string>;
    /** `tcp` or `udp`. Default: `tcp`. */
    protocol?: "tcp" | "udp";
    /** Destination port, 1–65535. */
    port: number;
    /** Last port of a range starting at `port`. Default: `port`. */
    toPort?: number;
    /** Description of the rule. Default: the destination and port. */
    description?: string;
}

/** The target group's health check. */
export interface HealthCheckArgs {
    /** HTTP path, starting with `/`. Default: `/`. */
    path?: string;
    /** HTTP codes counted healthy, 200–499, e.g. `200` or `200-299`. Default: `200`. */
    matcher?: string;
    /** Seconds between checks, 5–300. Default: 30. */
    interval?: number;
    /** Seconds to wait for a reply, 2–120 and less than `interval`. Default: 5. */
    timeout?: number;
    /** Successes before a target is healthy, 2–10. Default: 3. */
    healthyThreshold?: number;
    /** Failures before a target is unhealthy, 2–10. Default: 3. */
    unhealthyThreshold?: number;
}

/** A static IP target registered next to the tasks (the tutorial also registered two EC2 private IPs). */
export interface ExtraTargetArgs {
    /** IPv4 address: inside the VPC, or a private address reached through peering/VPN. */
    ip: string;
    /** Port on the target. Default: the container port. */
    port?: number;
}

/** The network: a VPC created here, or an existing one. Region and provider come from the component. */
export type AlbFargateNetworkArgs = Omit<TwoTierVpcArgs, "region" | "provider"> | Omit<ExistingTwoTierVpcArgs, "region" | "provider">;

/** Arguments of {@link AlbFargateService}. */
export interface AlbFargateServiceArgs {
    /**
     * Region (tutorial: `ap-northeast-1`). Default: the stack's `aws:region` (or `AWS_REGION`),
     * as the default provider would use; one of the two must be set.
     */
    region?: string;
    /**
     * Provider for the region. Default: the `aws` provider in `opts.provider` / `opts.providers`
     * of this component (a parent's is not taken), else a new provider for `region` carrying the
     * stack's `aws:*` configuration (credentials, profile, assumed roles, default tags, account guards).
     */
    provider?: aws.Provider;
    /**
     * VPC with public subnets (ALB) and private subnets (tasks). Tutorial: `10.1.0.0/16`, public
     * and private subnets in `ap-northeast-1a` and `ap-northeast-1c` (private `10.1.3.0/24` in c).
     * Default egress: VPC endpoints.
     */
    network: AlbFargateNetworkArgs;
    /**
     * Give tasks public IPs. Default: false. The tutorial needed them only because its private
     * subnets had no way to reach ECR; with NAT or endpoints they are unnecessary exposure.
     */
    assignPublicIp?: boolean;
    /** ARN of an existing ECS cluster to run in. Default: a new cluster. */
    clusterArn?: pulumi.Input<string>;
    /**
     * Name of the new cluster (tutorial: `klein-cluster`). Default: Pulumi's auto-name,
     * `<component name>-cluster-<7 random hex>`, so stacks sharing an account never share a cluster.
     */
    clusterName?: string;
    /** The container. */
    container: ContainerArgs;
    /** Task CPU units (1024 = 1 vCPU). Default: 256. */
    cpu?: number;
    /** Task memory in MiB; must pair with `cpu` as Fargate requires. Default: 512. */
    memory?: number;
    /** CPU architecture of the image. Default: `X86_64`. */
    cpuArchitecture?: "X86_64" | "ARM64";
    /**
     * Task definition family (tutorial: `klein-task-A`). Default: `<component name>-<digest of
     * project and stack>`; the provider does not auto-name families, and stacks sharing one would
     * interleave their revisions.
     */
    family?: string;
    /** Days the container logs are kept. Default: 30. */
    logRetentionInDays?: number;
    /**
     * Name of the CloudWatch Logs group, e.g. `/ecs/klein` (1–512 letters, digits and `. - _ / #`).
     * Default: Pulumi's auto-name, `<component name>-logs-<7 random hex>`. An explicit name is
     * kept on replacement, so keep it unique per stack.
     */
    logGroupName?: string;
    /** IAM policy (JSON) for the application's own AWS calls. Default: none, the task role has no permissions. */
    taskRolePolicy?: pulumi.Input<string>;
    /** Services by key, all behind the same target group. Default: one service `web`. Tutorial: two. */
    services?: Record<string, FargateServiceArgs>;
    /**
     * ALB name, at most 32 letters, digits and hyphens. Default: Pulumi's auto-name,
     * `<component name>-alb-<7 random hex>`, which needs a component name of at most 20 characters.
     */
    loadBalancerName?: string;
    /**
     * Target group name, same rules. Default: Pulumi's auto-name, `<component name>-tg-<7 random
     * hex>` (component name at most 21 characters), new whenever the group is replaced (a new VPC
     * or port). An explicit name is kept, so a replacement must delete the old group first, which
     * AWS refuses while a listener forwards to it: set one only when something outside needs it.
     */
    targetGroupName?: string;
    /** IPv4 blocks allowed to reach the listeners. Default: `["0.0.0.0/0"]`, listener ports only. */
    allowedCidrs?: string[];
    /** ACM certificate ARN; adds an HTTPS listener on 443. Default: none, HTTP only (as in the tutorial). */
    certificateArn?: pulumi.Input<string>;
    /** TLS policy of the HTTPS listener. Default: `ELBSecurityPolicy-TLS13-1-2-2021-06`. */
    sslPolicy?: string;
    /** Answer HTTP with a redirect to HTTPS. Default: true when `certificateArn` is set. */
    redirectHttpToHttps?: boolean;
    /** Target group health check. Default: `GET /` expecting 200 every 30 s. */
    healthCheck?: HealthCheckArgs;
    /** Seconds the ALB drains a deregistered target, 0–3600. Default: 30 (AWS: 300), for faster deployments. */
    deregistrationDelay?: number;
    /** Static IP targets registered next to the tasks. Default: none. Their own security groups must admit the ALB. */
    extraTargets?: ExtraTargetArgs[];
    /**
     * Where else the tasks may send, by rule name (the name keys the rule, so editing one rule
     * replaces only it). Default: none; the tasks reach only ECR, S3 and CloudWatch Logs on 443.
     * With `vpcEndpoints` egress in a VPC created here, only destinations inside the VPC (or a
     * security group, or a prefix list) have a route.
     */
    taskEgress?: Record<string, TaskEgressArgs>;
    /** Tags on every resource that takes them. */
    tags?: Record<string, string>;
}

const TYPE = "topologies:aws:AlbFargateService";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/** Ranges AWS accepts for IP targets outside the target group's VPC. */
const OUTSIDE_VPC_TARGET_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

/** Everything the validation works out that the class needs. */
export interface CheckedAlbFargateService {
    region: string;
    containerPort: number;
    ecrImage?: EcrImage;
    /** Task definition family: given, or the component name scoped to the project and stack. */
    family: string;
    listenerPorts: number[];
    /** Extra targets with the AZ AWS needs: `all` for addresses outside the VPC. */
    extraTargets: Array<{ ip: string; port: number; availabilityZone?: string }>;
    /** Client blocks the listeners admit, canonical and distinct. */
    allowedCidrs: string[];
    /** Extra egress rules of the tasks, by name, with defaults filled in. */
    taskEgress: Array<{ key: string; protocol: "tcp" | "udp"; fromPort: number; toPort: number; cidrBlock?: string; prefixListId?: pulumi.Input<string>; securityGroupId?: pulumi.Input<string>; description: string }>;
}

/**
 * Checks every argument against AWS's rules and the tutorial's failure modes; pure, registers
 * nothing. Returns the resolved defaults the component uses.
 */
export function validateAlbFargateServiceArgs(name: string, args: AlbFargateServiceArgs): CheckedAlbFargateService {
    return validate(`${TYPE} '${name}'`, problems => checkArgs(problems, name, args));
}

function checkArgs(problems: Problems, name: string, args: AlbFargateServiceArgs): CheckedAlbFargateService {
    const network = args.network ?? ({} as AlbFargateNetworkArgs);
    // The VPC check resolves the region (args, else the stack's) and reads the stack's aws config.
    const vpc = checkTwoTierVpcArgs(problems, { ...network, region: args.region, provider: args.provider } as TwoTierVpcArgs | ExistingTwoTierVpcArgs,
        { name: `${name}-network`, prefix: "network.", regionPath: "region" });
    const region = vpc.region;
    const existing = isExistingVpc(network as TwoTierVpcArgs | ExistingTwoTierVpcArgs);
    const assignPublicIp = args.assignPublicIp ?? false;

    // An ALB takes one subnet per AZ, needs two AZs, and sends nothing to targets in an AZ it is not in.
    const albAzs = new Map<string, string>();
    for (const s of vpc.publicSubnets) {
        const first = albAzs.get(s.availabilityZone);
        if (first !== undefined) {
            problems.add(`network.publicSubnets.${s.key}`, `subnet '${s.key}' is in ${s.availabilityZone} like subnet '${first}'; an ALB takes one subnet per AZ.`,
                "Keep one public subnet per availability zone.");
        } else {
            albAzs.set(s.availabilityZone, s.key);
        }
    }
    if (albAzs.size < 2) {
        problems.add("network.publicSubnets", `the ALB needs subnets in at least two availability zones; got ${albAzs.size} (${[...albAzs.keys()].join(", ") || "none"}).`,
            "Add a public subnet in a second AZ, e.g. ap-northeast-1c next to ap-northeast-1a.");
    }
    if (albAzs.size > 0) {
        for (const s of vpc.privateSubnets) {
            if (!albAzs.has(s.availabilityZone)) {
                problems.add(`network.privateSubnets.${s.key}.availabilityZone`,
                    `tasks in ${s.availabilityZone} would get no traffic: the ALB has no subnet in that AZ.`,
                    `Add a public subnet in ${s.availabilityZone}, or move the private subnet to an ALB zone.`);
            }
        }
    }

    // The container image and how tasks reach it.
    const container = args.container ?? ({} as ContainerArgs);
    let ecrImage: EcrImage | undefined;
    const image = container.image;
    if (typeof image === "string") {
        ecrImage = parseEcrImage(image);
        if (image.trim() === "") problems.add("container.image", "the image is empty.", "Give the image URI, e.g. <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>.");
    } else if (image === undefined) {
        problems.add("container.image", "no image is given.", "Give the image URI, e.g. <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>.");
    } else if (container.ecrRepositoryArn === undefined) {
        problems.add("container.ecrRepositoryArn", "the image is an output, so its ECR repository cannot be worked out at plan time.",
            "Pass the repository's arn as ecrRepositoryArn so the execution role may pull from it.");
    }
    if (typeof container.ecrRepositoryArn === "string" && !/^arn:aws(-cn|-us-gov)?:ecr:[a-z0-9-]+:\d{12}:repository\/[a-z0-9][a-z0-9._/-]*$/.test(container.ecrRepositoryArn)) {
        problems.add("container.ecrRepositoryArn", `'${container.ecrRepositoryArn}' is not an ECR repository ARN.`,
            "Use arn:aws:ecr:<region>:<account>:repository/<name>.");
    }
    if (vpc.egress === "none" && !assignPublicIp) {
        problems.add("network.egress",
            "tasks in private subnets with no NAT gateway, no VPC endpoints and no public IP could not pull the image (ECR) or ship logs: they stay PENDING, as in the tutorial.",
            "Use egress 'vpcEndpoints' (ECR api/dkr, S3, Logs) or 'natGateway'; do not turn on public IPs for this.");
    }
    if (vpc.egress === "none" && assignPublicIp && !existing) {
        problems.add("assignPublicIp", "a public IP helps only in a subnet routed to an internet gateway, and the private subnets created here have none, so tasks could not pull the image.",
            "Use egress 'vpcEndpoints' or 'natGateway' and leave assignPublicIp off.");
    }
    if (vpc.egress === "vpcEndpoints" && !assignPublicIp && typeof image === "string" && image.trim() !== "") {
        if (!ecrImage && container.ecrRepositoryArn === undefined) {
            problems.add("container.image", `image '${image}' is not in ECR, and the VPC endpoints reach only ECR, S3 and CloudWatch Logs, so tasks could not pull it.`,
                "Push the image to ECR in this region, or use egress 'natGateway'.");
        } else if (ecrImage && region !== "" && ecrImage.region !== region) {
            problems.add("container.image", `image '${image}' is in ECR of ${ecrImage.region}, but the VPC endpoints reach only ECR of ${region}, so tasks could not pull it.`,
                `Replicate the repository to ${region}, or use egress 'natGateway'.`);
        }
    }
    const containerPort = container.port ?? 80;
    checkPort(problems, "container.port", containerPort);
    if (container.name !== undefined) checkEcsName(problems, "container.name", container.name, "container name");
    for (const key of Object.keys(container.environment ?? {})) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
            problems.add(`container.environment.${key}`, `'${key}' is not a portable environment variable name.`, "Use letters, digits and underscores, not starting with a digit.");
        }
    }

    // Task size, names, logs. Pulumi names everything it can (components/naming.ts); the task
    // family, which it does not, is scoped to the project and stack.
    checkFargateSize(problems, "cpu", "memory", args.cpu ?? 256, args.memory ?? 512);
    const family = args.family ?? stackScopedName(name);
    checkEcsName(problems, args.family !== undefined ? "family" : "name", family, "task definition family");
    if (args.clusterArn === undefined && args.clusterName === undefined) checkAutoname(problems, "name", "aws:ecs/cluster:Cluster", `${name}-cluster`, "clusterName");
    else if (args.clusterArn === undefined) checkEcsName(problems, "clusterName", args.clusterName!, "cluster name");
    else if (args.clusterName !== undefined) problems.add("clusterName", "clusterName names a new cluster, but clusterArn points to an existing one.", "Give one of the two.");
    checkLogRetention(problems, "logRetentionInDays", args.logRetentionInDays ?? 30);
    if (args.logGroupName === undefined) checkAutoname(problems, "name", LOG_GROUP, `${name}-logs`);
    else if (!(AUTONAMED[LOG_GROUP].pattern.test(args.logGroupName) && args.logGroupName.length <= 512)) {
        // CloudWatch Logs CreateLogGroup: the characters of naming.ts's rule, 1 to 512 of them (255 is only Pulumi's auto-name limit).
        problems.add("logGroupName", `'${args.logGroupName}' is not 1 to 512 letters, digits and . - _ / #.`, "Use a name such as /ecs/web.");
    }
    for (const role of ["execution", "task"]) {
        checkAutoname(problems, "name", "aws:iam/role:Role", `${name}-${role}-role`);
        checkAutoname(problems, "name", "aws:iam/rolePolicy:RolePolicy", `${name}-${role}-policy`);
    }
    for (const sg of ["alb-sg", "task-sg"]) checkAutoname(problems, "name", "aws:ec2/securityGroup:SecurityGroup", `${name}-${sg}`);

    // Services.
    const services = args.services ?? { web: {} };
    if (Object.keys(services).length === 0) problems.add("services", "no service is given.", "Add at least one service.");
    const serviceNames = new Map<string, string>();
    for (const [key, svc] of Object.entries(services)) {
        const path = `services.${key}`;
        if (svc.name === undefined) {
            checkAutoname(problems, path, "aws:ecs/service:Service", `${name}-${key}`, `${path}.name`);
        } else if (checkEcsName(problems, `${path}.name`, svc.name, "service name")) {
            const first = serviceNames.get(svc.name);
            if (first !== undefined) problems.add(`${path}.name`, `service name '${svc.name}' is used again (first at ${first}).`, "Give each service a distinct name.");
            else serviceNames.set(svc.name, path);
        }
        const desired = svc.desiredCount ?? 1;
        checkIntegerInRange(problems, `${path}.desiredCount`, desired, 0, 5000, "desired count");
        checkDeploymentPercents(problems, path, desired, svc.minimumHealthyPercent ?? 100, svc.maximumPercent ?? 200);
        checkIntegerInRange(problems, `${path}.healthCheckGracePeriodSeconds`, svc.healthCheckGracePeriodSeconds ?? 60, 0, 2147483647, "health check grace period");
    }

    // Load balancer and target group.
    if (args.loadBalancerName !== undefined) checkElbName(problems, "loadBalancerName", args.loadBalancerName, "load balancer");
    else checkAutoname(problems, "name", "aws:lb/loadBalancer:LoadBalancer", `${name}-alb`, "loadBalancerName");
    if (args.targetGroupName !== undefined) checkElbName(problems, "targetGroupName", args.targetGroupName, "target group");
    else checkAutoname(problems, "name", "aws:lb/targetGroup:TargetGroup", `${name}-tg`, "targetGroupName");

    const cidrs = args.allowedCidrs ?? ["0.0.0.0/0"];
    if (cidrs.length === 0) problems.add("allowedCidrs", "no client block is allowed, so nobody could reach the ALB.", "Allow at least one block, e.g. 0.0.0.0/0 for a public site.");
    const allowedCidrs: string[] = [];
    const allowed = cidrs.map((c, i) => ({ path: `allowedCidrs[${i}]`, block: checkCidr(problems, `allowedCidrs[${i}]`, c, 4) }));
    checkUnique(problems, allowed.filter(a => a.block).map(a => ({ path: a.path, key: a.block!.text })), "client block");
    for (const a of allowed) if (a.block && !allowedCidrs.includes(a.block.text)) allowedCidrs.push(a.block.text);

    const https = args.certificateArn !== undefined;
    if (typeof args.certificateArn === "string" && !/^arn:aws(-cn|-us-gov)?:(acm|iam):[a-z0-9-]*:\d{12}:(certificate|server-certificate)\/.+$/.test(args.certificateArn)) {
        problems.add("certificateArn", `'${args.certificateArn}' is not an ACM (or IAM server) certificate ARN.`, "Use arn:aws:acm:<region>:<account>:certificate/<id>.");
    }
    if (args.redirectHttpToHttps && !https) {
        problems.add("redirectHttpToHttps", "HTTP would redirect to an HTTPS listener that does not exist without certificateArn.", "Set certificateArn, or drop redirectHttpToHttps.");
    }
    if (args.sslPolicy !== undefined && !https) problems.add("sslPolicy", "sslPolicy applies to the HTTPS listener, which needs certificateArn.", "Set certificateArn, or drop sslPolicy.");

    const hc = args.healthCheck ?? {};
    if (hc.path !== undefined && !/^\/\S*$/.test(hc.path)) problems.add("healthCheck.path", `health check path '${hc.path}' does not start with '/'.`, "Use a path such as /health.");
    if (hc.matcher !== undefined && !matcherOk(hc.matcher)) {
        problems.add("healthCheck.matcher", `'${hc.matcher}' is not a list or range of HTTP codes from 200 to 499.`, "Use e.g. 200, 200,204 or 200-299.");
    }
    const interval = hc.interval ?? 30;
    const timeout = hc.timeout ?? 5;
    const intervalOk = checkIntegerInRange(problems, "healthCheck.interval", interval, 5, 300, "health check interval");
    const timeoutOk = checkIntegerInRange(problems, "healthCheck.timeout", timeout, 2, 120, "health check timeout");
    if (intervalOk && timeoutOk && timeout >= interval) {
        problems.add("healthCheck.timeout", `timeout ${timeout} s is not shorter than interval ${interval} s.`, "Make the timeout shorter than the interval.");
    }
    checkIntegerInRange(problems, "healthCheck.healthyThreshold", hc.healthyThreshold ?? 3, 2, 10, "healthy threshold");
    checkIntegerInRange(problems, "healthCheck.unhealthyThreshold", hc.unhealthyThreshold ?? 3, 2, 10, "unhealthy threshold");
    checkIntegerInRange(problems, "deregistrationDelay", args.deregistrationDelay ?? 30, 0, 3600, "deregistration delay");

    const extraTargets: CheckedAlbFargateService["extraTargets"] = [];
    (args.extraTargets ?? []).forEach((t, i) => {
        const path = `extraTargets[${i}]`;
        const port = t.port ?? containerPort;
        if (t.port !== undefined) checkPort(problems, `${path}.port`, t.port);
        const ip = checkIp(problems, `${path}.ip`, t.ip, 4);
        if (!ip || !vpc.cidrBlock) return;
        if (ipInCidr(ip, vpc.cidrBlock)) {
            extraTargets.push({ ip: ip.text, port });
        } else if (firstOverlapping(`${ip.text}/32`, OUTSIDE_VPC_TARGET_RANGES)) {
            extraTargets.push({ ip: ip.text, port, availabilityZone: "all" });
        } else {
            problems.add(`${path}.ip`, `${ip.text} is outside the VPC ${vpc.cidrBlock} and not a private address, which an IP target group cannot register.`,
                "Use an address inside the VPC, or a private (RFC 1918 / 100.64.0.0/10) address reached through peering or VPN.");
        }
    });
    const seenTargets = new Set<string>();
    extraTargets.forEach((t, i) => {
        const key = `${t.ip}:${t.port}`;
        if (seenTargets.has(key)) problems.add(`extraTargets[${i}]`, `target ${key} is listed twice.`, "List each target once.");
        seenTargets.add(key);
    });

    for (const [key, svc] of Object.entries(services)) {
        if (svc.deploymentTimeout !== undefined && !DURATION.test(svc.deploymentTimeout)) {
            problems.add(`services.${key}.deploymentTimeout`, `'${svc.deploymentTimeout}' is not a duration such as 20m or 1h30m.`, "Use hours, minutes and seconds, e.g. 30m.");
        }
    }
    const taskEgress = checkTaskEgress(problems, args.taskEgress ?? {}, vpc.cidrBlock, (vpc.egress === "vpcEndpoints" || vpc.egress === "none") && !existing && !assignPublicIp);

    const listenerPorts = https ? [80, 443] : [80];
    return { region, containerPort, ecrImage, family, listenerPorts, extraTargets, allowedCidrs, taskEgress };
}

/** A duration as Pulumi's custom timeouts take it: `20m`, `1h30m`, `90s`. */
const DURATION = /^(?=\d)(\d+h)?(\d+m)?(\d+s)?$/;

function checkTaskEgress(problems: Problems, rules: Record<string, TaskEgressArgs>, vpcCidr: string | undefined, endpointsOnly: boolean): CheckedAlbFargateService["taskEgress"] {
    const checked: CheckedAlbFargateService["taskEgress"] = [];
    for (const [key, rule] of Object.entries(rules)) {
        const path = `taskEgress.${key}`;
        if (!/^[A-Za-z0-9-]+$/.test(key)) problems.add(path, `rule name '${key}' is not letters, digits and hyphens.`, "Rename the rule; its name keys the resource.");
        const targets = (["cidrBlock", "prefixListId", "securityGroupId"] as const).filter(t => rule[t] !== undefined);
        if (targets.length !== 1) {
            problems.add(path, `a rule names exactly one destination, of cidrBlock, prefixListId and securityGroupId; got ${targets.length === 0 ? "none" : targets.join(" and ")}.`,
                "Keep one destination per rule; add a rule per destination.");
        }
        const protocol = rule.protocol ?? "tcp";
        checkOneOf(problems, `${path}.protocol`, protocol, ["tcp", "udp"], "protocol");
        const fromOk = checkPort(problems, `${path}.port`, rule.port);
        const toPort = rule.toPort ?? rule.port;
        if (rule.toPort !== undefined && checkPort(problems, `${path}.toPort`, rule.toPort) && fromOk && rule.toPort < rule.port) {
            problems.add(`${path}.toPort`, `the range ends at ${rule.toPort}, before it starts at ${rule.port}.`, "Give toPort at least port.");
        }
        let cidrBlock: string | undefined;
        if (rule.cidrBlock !== undefined) {
            const block = checkCidr(problems, `${path}.cidrBlock`, rule.cidrBlock, 4);
            cidrBlock = block?.text;
            if (block && block.prefix === 0) {
                problems.add(`${path}.cidrBlock`, "0.0.0.0/0 would let the tasks send anywhere on those ports.", "Name the destination's block, security group or prefix list.");
            } else if (block && endpointsOnly && vpcCidr && !cidrContains(parseCidr(vpcCidr)!, block)) {
                problems.add(`${path}.cidrBlock`, `${block.text} is outside the VPC ${vpcCidr}, and without a NAT gateway the private subnets have no route out of it.`,
                    "Use egress 'natGateway' to reach it, or a destination inside the VPC.");
            }
        }
        const destination = cidrBlock ?? (rule.prefixListId !== undefined ? "a prefix list" : "a security group");
        const ports = toPort === rule.port ? `${rule.port}` : `${rule.port}-${toPort}`;
        checked.push({
            key, protocol, fromPort: rule.port, toPort, cidrBlock, prefixListId: rule.prefixListId, securityGroupId: rule.securityGroupId,
            description: rule.description ?? `Tasks to ${destination} on ${protocol} ${ports}`,
        });
    }
    return checked;
}

function matcherOk(matcher: string): boolean {
    return matcher.split(",").every(part => {
        const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
        if (!m) return false;
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[2]);
        return lo >= 200 && hi <= 499 && lo <= hi;
    });
}

/**
 * Trust policy letting ECS tasks of this account (only) assume a role: the confused-deputy
 * guard. `sourceArnRegion` adds the `aws:SourceArn` condition AWS documents for task roles; the
 * execution role keeps the account condition only, since AWS documents no source ARN for the
 * agent's image pulls and log writes, and a wrong one would stop every task from starting.
 */
function ecsTasksTrustPolicy(accountId: pulumi.Input<string>, partition: pulumi.Input<string>, sourceArnRegion?: string): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Service: "ecs-tasks.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": accountId },
                ...(sourceArnRegion
                    ? { ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:${partition}:ecs:${sourceArnRegion}:${accountId}:*` } }
                    : {}),
            },
        }],
    });
}

/** AWS APIs a task calls on 443 before and while it runs: the image (ECR API, registry, layers in S3) and its logs. */
const ECR_SERVICES = ["ecr.api", "ecr.dkr", "s3"] as const;

/** The flows of {@link AlbFargateService}, per private (task) subnet. */
function fargateFlows(o: {
    network: TwoTierVpc; alb: pulumi.Resource; listenerPorts: readonly number[]; containerPort: number;
    albSg: pulumi.Output<string>; taskSg: pulumi.Output<string>; assignPublicIp: boolean; pullsFromEcr: boolean;
}): IntendedFlow[] {
    const { network } = o;
    const flows: IntendedFlow[] = o.listenerPorts.map(port => ({
        name: `internet → ALB :${port}`, from: flowTo.internet(), to: flowTo.loadBalancer(o.alb), protocol: "tcp", port, intent: "allow",
    }));
    for (const subnet of network.privateSubnets) {
        const tasks = flowTo.host({
            label: `tasks in ${subnet.name}`, address: subnet.cidrBlock, vpcId: network.vpcId, subnetId: subnet.id,
            securityGroupIds: [o.taskSg], publicIp: o.assignPublicIp,
        });
        for (const front of network.publicSubnets) {
            flows.push({
                name: `ALB in ${front.name} → tasks in ${subnet.name}:${o.containerPort}`, protocol: "tcp", port: o.containerPort, intent: "allow", to: tasks,
                from: flowTo.host({ label: `ALB in ${front.name}`, address: front.cidrBlock, vpcId: network.vpcId, subnetId: front.id, securityGroupIds: [o.albSg] }),
            });
        }
        for (const service of [...(o.pullsFromEcr ? ECR_SERVICES : []), "logs"]) {
            flows.push({ name: `tasks in ${subnet.name} → ${service} :443`, from: tasks, to: flowTo.awsService(service), protocol: "tcp", port: 443, intent: "allow" });
        }
        flows.push({ name: `internet → tasks in ${subnet.name}:${o.containerPort}`, from: flowTo.internet(), to: tasks, protocol: "tcp", port: o.containerPort, intent: "deny" });
    }
    return flows;
}

/**
 * An Application Load Balancer in front of ECS Fargate services whose tasks run in private
 * subnets with no public IP (S5). ECS registers each task's IP in an `ip` target group itself
 * (the tutorial typed them in by hand), tasks pull their image through VPC endpoints or a NAT
 * gateway (the tutorial turned public IPs on instead), the task security group admits the
 * container port only from the ALB's security group, and the execution role may pull only the
 * given repository and write only its own log group.
 */
export class AlbFargateService extends pulumi.ComponentResource implements DeclaresFlows {
    /** Region every resource of the service is in. */
    readonly region: string;
    /** The provider of that region (given, or created by the component). */
    readonly provider: aws.Provider;
    /** The network the service runs in. */
    readonly network: TwoTierVpc;
    /** DNS name of the ALB: point your record (CNAME or alias) at it. */
    readonly albDnsName: pulumi.Output<string>;
    /** ARN of the ALB. */
    readonly albArn: pulumi.Output<string>;
    /** ARN of the `ip` target group ECS registers the tasks in. */
    readonly targetGroupArn: pulumi.Output<string>;
    /** ARN of the ECS cluster (created, or the one given). */
    readonly clusterArn: pulumi.Output<string>;
    /** Name of the ECS cluster. */
    readonly clusterName: pulumi.Output<string>;
    /** ECS service names by key. */
    readonly serviceNames: Record<string, pulumi.Output<string>>;
    /** ARN (with revision) of the task definition the services run. */
    readonly taskDefinitionArn: pulumi.Output<string>;
    /** Security group of the ALB: admits the listener ports from `allowedCidrs` only. */
    readonly albSecurityGroupId: pulumi.Output<string>;
    /** Security group of the tasks: admits the container port from the ALB's group only. */
    readonly taskSecurityGroupId: pulumi.Output<string>;
    /** CloudWatch Logs group the containers write to. */
    readonly logGroupName: pulumi.Output<string>;
    /** ARN of the execution role (image pull and log writes only). */
    readonly executionRoleArn: pulumi.Output<string>;
    /** ARN of the task role the application runs as (empty unless `taskRolePolicy` is given). */
    readonly taskRoleArn: pulumi.Output<string>;
    /** Id of the VPC. */
    readonly vpcId: pulumi.Output<string>;
    /** Ids of the ALB's public subnets. */
    readonly publicSubnetIds: pulumi.Output<string>[];
    /** Ids of the tasks' private subnets. */
    readonly privateSubnetIds: pulumi.Output<string>[];
    /**
     * The traffic it exists for: the internet to each listener, the ALB to the tasks' port, the
     * tasks to ECR (api, dkr), S3 (image layers) and CloudWatch Logs on 443; the internet to a
     * task, blocked.
     */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: AlbFargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        const checked = validateAlbFargateServiceArgs(name, args);
        super(TYPE, name, {}, opts);
        this.region = checked.region;
        this.provider = args.provider ?? userProvider<aws.Provider>(opts, "aws")
            ?? newStackProvider("aws", `${name}-provider`, { region: this.region }, { parent: this });
        const childOpts = { parent: this, provider: this.provider };
        const tags = (suffix: string) => ({ ...args.tags, Name: `${name}-${suffix}` });
        const assignPublicIp = args.assignPublicIp ?? false;
        if (assignPublicIp) {
            pulumi.log.warn("assignPublicIp is on: every task gets a public IP. Tasks behind an ALB need none; prefer egress 'vpcEndpoints' or 'natGateway'.", this);
        }

        this.network = new TwoTierVpc(`${name}-network`, { ...args.network, region: this.region, provider: this.provider, tags: args.network.tags ?? args.tags } as TwoTierVpcArgs | ExistingTwoTierVpcArgs,
            { parent: this });
        this.vpcId = this.network.vpcId;
        this.publicSubnetIds = this.network.publicSubnets.map(s => s.id);
        this.privateSubnetIds = this.network.privateSubnets.map(s => s.id);
        const port = checked.containerPort;

        // Security groups: clients → ALB on the listener ports only; ALB → tasks on the container port only.
        const albSg = new aws.ec2.SecurityGroup(`${name}-alb-sg`, {
            vpcId: this.vpcId, description: `ALB of ${name}: listener ports from the allowed blocks`, tags: tags("alb-sg"),
        }, childOpts);
        const taskSg = new aws.ec2.SecurityGroup(`${name}-task-sg`, {
            // Stable: a new description replaces the group (EC2 cannot change one), so the port is not in
            // it, and a group made by an earlier release keeps its own text instead of being replaced.
            vpcId: this.vpcId, description: `Tasks of ${name}: the container port from the ALB only`, tags: tags("task-sg"),
        }, { ...childOpts, ignoreChanges: ["description"] });
        this.albSecurityGroupId = albSg.id;
        this.taskSecurityGroupId = taskSg.id;
        // Rules are named by what they admit, so reordering allowedCidrs replaces nothing; the alias
        // keeps the rules of releases that named them by position.
        checked.allowedCidrs.forEach((cidr, i) => {
            for (const listenerPort of checked.listenerPorts) {
                new aws.vpc.SecurityGroupIngressRule(`${name}-alb-in-${listenerPort}-${addressSlug(cidr)}`, {
                    securityGroupId: albSg.id, ipProtocol: "tcp", fromPort: listenerPort, toPort: listenerPort, cidrIpv4: cidr,
                    description: `Clients to the ALB on ${listenerPort}`,
                }, { ...childOpts, aliases: [{ name: `${name}-alb-in-${listenerPort}-${i}` }] });
            }
        });
        new aws.vpc.SecurityGroupEgressRule(`${name}-alb-to-tasks`, {
            securityGroupId: albSg.id, ipProtocol: "tcp", fromPort: port, toPort: port, referencedSecurityGroupId: taskSg.id,
            description: "ALB to the tasks",
        }, childOpts);
        checked.extraTargets.forEach((t, i) => {
            new aws.vpc.SecurityGroupEgressRule(`${name}-alb-to-extra-${addressSlug(t.ip)}-${t.port}`, {
                securityGroupId: albSg.id, ipProtocol: "tcp", fromPort: t.port, toPort: t.port, cidrIpv4: `${t.ip}/32`,
                description: `ALB to the static target ${t.ip}`,
            }, { ...childOpts, aliases: [{ name: `${name}-alb-to-extra-${i}` }] });
        });
        new aws.vpc.SecurityGroupIngressRule(`${name}-task-from-alb`, {
            securityGroupId: taskSg.id, ipProtocol: "tcp", fromPort: port, toPort: port, referencedSecurityGroupId: albSg.id,
            description: "Container port from the ALB only",
        }, childOpts);
        // HTTPS out is all an image pull and the log driver need (ECR, S3, CloudWatch Logs). With
        // endpoints only there is no internet path: the interface endpoints sit in the VPC block and
        // S3 is its prefix list, so that is all the tasks may reach. Through NAT, the services'
        // public addresses are not known in advance.
        const s3PrefixListId = this.network.s3PrefixListId;
        if (s3PrefixListId) {
            new aws.vpc.SecurityGroupEgressRule(`${name}-task-https-endpoints`, {
                securityGroupId: taskSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: this.network.cidrBlock,
                description: "HTTPS to the ECR and CloudWatch Logs endpoints",
            }, childOpts);
            new aws.vpc.SecurityGroupEgressRule(`${name}-task-https-s3`, {
                securityGroupId: taskSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: s3PrefixListId,
                description: "HTTPS to S3 (ECR image layers) through the gateway endpoint",
            }, childOpts);
        } else {
            new aws.vpc.SecurityGroupEgressRule(`${name}-task-https-out`, {
                securityGroupId: taskSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0",
                description: "HTTPS to ECR, S3 and CloudWatch Logs",
            }, childOpts);
        }

        for (const rule of checked.taskEgress) {
            new aws.vpc.SecurityGroupEgressRule(`${name}-task-egress-${rule.key}`, {
                securityGroupId: taskSg.id, ipProtocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort,
                cidrIpv4: rule.cidrBlock, prefixListId: rule.prefixListId, referencedSecurityGroupId: rule.securityGroupId,
                description: rule.description,
            }, childOpts);
        }

        // Logs and roles.
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
            name: args.logGroupName, retentionInDays: args.logRetentionInDays ?? 30, tags: tags("logs"),
        }, childOpts);
        this.logGroupName = logGroup.name;
        const invokeOpts = { parent: this, provider: this.provider };
        const account = aws.getCallerIdentityOutput({}, invokeOpts).accountId;
        const partition = aws.getPartitionOutput({}, invokeOpts).partition;
        const executionRole = new aws.iam.Role(`${name}-execution-role`, {
            assumeRolePolicy: ecsTasksTrustPolicy(account, partition), description: `Pulls the image and writes the logs of ${name}`, tags: args.tags,
        }, childOpts);
        const repositoryArn = args.container.ecrRepositoryArn ?? checked.ecrImage?.repositoryArn;
        const statements: unknown[] = [];
        if (repositoryArn !== undefined) {
            // GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
            statements.push({ Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" });
            statements.push({
                Sid: "EcrPull", Effect: "Allow",
                Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], Resource: repositoryArn,
            });
        }
        statements.push({
            Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*`,
        });
        const executionPolicy = new aws.iam.RolePolicy(`${name}-execution-policy`, {
            role: executionRole.id, policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements }),
        }, childOpts);
        const taskRole = new aws.iam.Role(`${name}-task-role`, {
            assumeRolePolicy: ecsTasksTrustPolicy(account, partition, this.region), description: `Application role of ${name}`, tags: args.tags,
        }, childOpts);
        if (args.taskRolePolicy !== undefined) {
            new aws.iam.RolePolicy(`${name}-task-policy`, { role: taskRole.id, policy: args.taskRolePolicy }, childOpts);
        }
        this.executionRoleArn = executionRole.arn;
        this.taskRoleArn = taskRole.arn;

        // Cluster and task definition.
        if (args.clusterArn !== undefined) {
            this.clusterArn = pulumi.output(args.clusterArn);
            this.clusterName = this.clusterArn.apply(arn => arn.split("/").pop()!);
        } else {
            const cluster = new aws.ecs.Cluster(`${name}-cluster`, { name: args.clusterName, tags: args.tags }, childOpts);
            this.clusterArn = cluster.arn;
            this.clusterName = cluster.name;
        }
        const containerName = args.container.name ?? "app";
        const taskDefinition = new aws.ecs.TaskDefinition(`${name}-task`, {
            family: checked.family,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: String(args.cpu ?? 256),
            memory: String(args.memory ?? 512),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: args.cpuArchitecture ?? "X86_64" },
            executionRoleArn: executionRole.arn,
            taskRoleArn: taskRole.arn,
            containerDefinitions: pulumi.jsonStringify([{
                name: containerName,
                image: args.container.image,
                essential: true,
                portMappings: [{ containerPort: port, protocol: "tcp" }],
                environment: Object.entries(args.container.environment ?? {}).map(([key, value]) => ({ name: key, value })),
                logConfiguration: {
                    logDriver: "awslogs",
                    options: { "awslogs-group": logGroup.name, "awslogs-region": this.region, "awslogs-stream-prefix": containerName },
                },
            }]),
            tags: args.tags,
        }, childOpts);
        this.taskDefinitionArn = taskDefinition.arn;

        // Load balancer.
        const alb = new aws.lb.LoadBalancer(`${name}-alb`, {
            name: args.loadBalancerName, loadBalancerType: "application", internal: false,
            subnets: this.publicSubnetIds, securityGroups: [albSg.id], dropInvalidHeaderFields: true, tags: args.tags,
        }, { ...childOpts, dependsOn: this.network.internetReady });
        const hc = args.healthCheck ?? {};
        const targetGroup = new aws.lb.TargetGroup(`${name}-tg`, {
            name: args.targetGroupName, targetType: "ip", protocol: "HTTP", port, vpcId: this.vpcId,
            deregistrationDelay: args.deregistrationDelay ?? 30,
            healthCheck: {
                enabled: true, protocol: "HTTP", port: "traffic-port", path: hc.path ?? "/", matcher: hc.matcher ?? "200",
                interval: hc.interval ?? 30, timeout: hc.timeout ?? 5,
                healthyThreshold: hc.healthyThreshold ?? 3, unhealthyThreshold: hc.unhealthyThreshold ?? 3,
            },
            tags: args.tags,
        }, childOpts);
        this.albArn = alb.arn;
        this.albDnsName = alb.dnsName;
        this.targetGroupArn = targetGroup.arn;
        const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];
        const redirect = args.redirectHttpToHttps ?? args.certificateArn !== undefined;
        const listeners = [new aws.lb.Listener(`${name}-http`, {
            loadBalancerArn: alb.arn, port: 80, protocol: "HTTP",
            defaultActions: redirect
                ? [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]
                : forward,
            tags: args.tags,
        }, childOpts)];
        if (args.certificateArn !== undefined) {
            listeners.push(new aws.lb.Listener(`${name}-https`, {
                loadBalancerArn: alb.arn, port: 443, protocol: "HTTPS", certificateArn: args.certificateArn,
                sslPolicy: args.sslPolicy ?? "ELBSecurityPolicy-TLS13-1-2-2021-06", defaultActions: forward, tags: args.tags,
            }, childOpts));
        }
        checked.extraTargets.forEach((t, i) => {
            new aws.lb.TargetGroupAttachment(`${name}-extra-${addressSlug(t.ip)}-${t.port}`, {
                targetGroupArn: targetGroup.arn, targetId: t.ip, port: t.port, availabilityZone: t.availabilityZone,
            }, { ...childOpts, aliases: [{ name: `${name}-extra-${i}` }] });
        });

        // Services: ECS registers each task's IP in the target group. ECS rejects a target group
        // not yet attached to a listener, and tasks started before the role's policy or the egress
        // exist fail to pull and trip the circuit breaker; hence the explicit dependencies.
        const dependsOn: pulumi.Resource[] = [...listeners, executionPolicy, ...this.network.egressReady];
        this.serviceNames = {};
        for (const [key, svc] of Object.entries(args.services ?? { web: {} })) {
            const service = new aws.ecs.Service(`${name}-${key}`, {
                name: svc.name,
                cluster: this.clusterArn,
                taskDefinition: taskDefinition.arn,
                launchType: "FARGATE",
                platformVersion: "LATEST",
                desiredCount: svc.desiredCount ?? 1,
                deploymentMinimumHealthyPercent: svc.minimumHealthyPercent ?? 100,
                deploymentMaximumPercent: svc.maximumPercent ?? 200,
                deploymentCircuitBreaker: { enable: true, rollback: svc.circuitBreakerRollback ?? true },
                healthCheckGracePeriodSeconds: svc.healthCheckGracePeriodSeconds ?? 60,
                networkConfiguration: { subnets: this.privateSubnetIds, securityGroups: [taskSg.id], assignPublicIp },
                loadBalancers: [{ targetGroupArn: targetGroup.arn, containerName, containerPort: port }],
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                // Without it `pulumi up` succeeds while tasks that never get healthy are rolled back.
                waitForSteadyState: svc.waitForSteadyState ?? true,
                tags: args.tags,
            }, { ...childOpts, dependsOn, customTimeouts: { create: svc.deploymentTimeout ?? "20m", update: svc.deploymentTimeout ?? "20m" } });
            this.serviceNames[key] = service.name;
        }

        this.intendedFlows = fargateFlows({
            network: this.network, alb, listenerPorts: checked.listenerPorts, containerPort: port, albSg: albSg.id, taskSg: taskSg.id,
            assignPublicIp, pullsFromEcr: checked.ecrImage !== undefined || args.container.ecrRepositoryArn !== undefined,
        });
        this.registerOutputs({
            albDnsName: this.albDnsName,
            albArn: this.albArn,
            targetGroupArn: this.targetGroupArn,
            clusterName: this.clusterName,
            serviceNames: this.serviceNames,
            taskDefinitionArn: this.taskDefinitionArn,
            albSecurityGroupId: this.albSecurityGroupId,
            taskSecurityGroupId: this.taskSecurityGroupId,
            logGroupName: this.logGroupName,
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
        });
    }
}
