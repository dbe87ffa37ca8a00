/**
 * The arguments of {@link AlbFargateService}, every field with its default (and the tutorial's
 * value where it has one).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import type { CpuArchitecture } from "../fargate";
import type { HostedTwoTierVpcArgs, TwoTierVpc } from "../network";
import type { ContainerRuntimeArgs, SidecarArgs } from "./containerArgs";
import type { AlbAccessLogsArgs, AlbCertificateArgs, AlbDnsArgs, AlbIpAddressType } from "./edgeArgs";

/**
 * Where a container secret comes from, by ARN: exactly one of `ssmParameterArn` and `secretArn`.
 * ECS reads the value when a task starts, with the execution role (Amazon ECS Developer Guide,
 * "Pass sensitive data to an Amazon ECS container"); the component never reads it.
 */
export interface ContainerSecretArgs {
    /**
     * ARN of an SSM Parameter Store parameter (String or SecureString),
     * `arn:aws:ssm:<region>:<account>:parameter/<name>`.
     */
    ssmParameterArn?: string;
    /**
     * Full ARN of a Secrets Manager secret, with the 6 characters Secrets Manager appends to its
     * name: `arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf`.
     */
    secretArn?: string;
    /** With `secretArn`: the key of the JSON secret whose value the variable gets. Default: the whole secret. */
    jsonKey?: string;
    /** With `secretArn`: the staging label of the version, e.g. `AWSPREVIOUS`. Default: `AWSCURRENT`. Not with `versionId`. */
    versionStage?: string;
    /** With `secretArn`: the id of the version to read. Default: the version of `versionStage`. Not with `versionStage`. */
    versionId?: string;
}

/**
 * The main container every task runs, the one the ALB sends to. Its `cpu`, `memory`, `command`,
 * `entryPoint`, `healthCheck` and `dependsOn` are those of every container ({@link ContainerRuntimeArgs}).
 */
export interface ContainerArgs extends ContainerRuntimeArgs {
    /**
     * Image URI. Tutorial: `<account>.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx`. A plain
     * ECR URI is parsed to scope the execution role to its repository and to check that the
     * chosen egress can reach it. Checked before registration; an Output is checked when it
     * resolves.
     */
    image: pulumi.Input<string>;
    /**
     * ARN of the ECR repository the image comes from. Default: derived from `image`. Required when
     * `image` is an output (e.g. a repository's `repositoryUrl`), which cannot be parsed at plan
     * time. Checked before registration; an Output is checked when it resolves.
     */
    ecrRepositoryArn?: pulumi.Input<string>;
    /** Container name, 1 to 255 letters, digits, hyphens and underscores. Default: `app` (tutorial: `hello-nginx`). */
    name?: string;
    /** Port the container listens on, 1–65535, also the target group's port. Default: 80 (the tutorial's nginx). */
    port?: number;
    /**
     * Environment variables, by portable name (letters, digits, underscores). Default: none. Not
     * for secrets: they show in the task definition. Values are not checked: the container gets
     * them as they are.
     */
    environment?: Record<string, pulumi.Input<string>>;
    /**
     * Secret environment variables, by portable name (not also in `environment`): each from an SSM
     * parameter or a Secrets Manager secret, by ARN. Default: none. The task definition holds only
     * the ARNs; the execution role may read exactly these (`ssm:GetParameters`,
     * `secretsmanager:GetSecretValue`), and with `vpcEndpoints` egress the VPC created here gets
     * the `ssm` and `secretsmanager` endpoints they need (a {@link TwoTierVpc} given must have them).
     */
    secrets?: Record<string, ContainerSecretArgs>;
    /**
     * ARN of the customer-managed KMS key that encrypts the secrets, `arn:aws:kms:<region>:<account>:key/<id>`:
     * the execution role may `kms:Decrypt` with it, and with `vpcEndpoints` egress the VPC gets a
     * `kms` endpoint. Default: none (AWS-managed keys need no grant). Only with `secrets`.
     */
    secretsKmsKeyArn?: string;
}

/** The values of an ECS cluster's `containerInsights` setting. */
export const CONTAINER_INSIGHTS_MODES = ["enabled", "enhanced", "disabled"] as const;

/** `enabled`, `enhanced` (task- and container-level metrics as well) or `disabled`. */
export type ContainerInsightsMode = (typeof CONTAINER_INSIGHTS_MODES)[number];

/** The Fargate capacity providers a service's strategy takes. */
export const FARGATE_CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

/** `FARGATE` (on-demand) or `FARGATE_SPOT` (spare capacity, interrupted with two minutes' warning). */
export type FargateCapacityProvider = (typeof FARGATE_CAPACITY_PROVIDERS)[number];

/** One entry of a service's capacity provider strategy. */
export interface CapacityProviderArgs {
    /** `FARGATE` or `FARGATE_SPOT`. */
    capacityProvider: FargateCapacityProvider;
    /**
     * Relative share of the tasks launched beyond `base`, 0–1000; at least one entry of the
     * strategy needs a weight above 0.
     */
    weight: number;
    /**
     * Tasks, 0–100000, that run on this provider before the weights apply; only one entry may
     * have one. Default: none (ECS counts 0).
     */
    base?: number;
}

/** A target-tracking policy: Application Auto Scaling adds or removes tasks to keep a metric at `target`. */
export interface TargetTrackingArgs {
    /**
     * The value to hold the metric at: a percent above 0 and at most 100 for CPU and memory
     * utilization, a positive number of requests per task per minute for `requestsPerTarget`.
     */
    target: number;
    /** Seconds after a scale-in before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services. */
    scaleInCooldown?: number;
    /** Seconds after a scale-out before the next one may start, a whole number 0 or more. Default: Application Auto Scaling's for ECS services. */
    scaleOutCooldown?: number;
}

/** A scheduled change of the service's scaling bounds (Application Auto Scaling scheduled action). */
export interface ScalingScheduleArgs {
    /**
     * When: `at(yyyy-mm-ddThh:mm:ss)` once, `rate(<n> <minute|minutes|hour|hours|day|days>)`, or
     * `cron(<minutes> <hours> <day of month> <month> <day of week> <year>)`.
     */
    schedule: string;
    /** New lowest task count, 0–5000. Default: unchanged (give this or `maxCapacity`, or both). */
    minCapacity?: number;
    /** New highest task count, 0–5000. Default: unchanged. */
    maxCapacity?: number;
    /** IANA time zone of `at` and `cron` expressions, e.g. `Asia/Tokyo`. Default: `UTC`. */
    timezone?: string;
}

/**
 * Application Auto Scaling of a service's task count: its bounds, target-tracking policies and
 * scheduled actions. At least one policy or schedule.
 */
export interface AutoscalingArgs {
    /** Fewest tasks, 0–5000, at most `desiredCount`. */
    minCapacity: number;
    /** Most tasks, 1–5000, at least `desiredCount`. */
    maxCapacity: number;
    /** Track the service's average CPU utilization (`ECSServiceAverageCPUUtilization`). Default: none. */
    cpuUtilization?: TargetTrackingArgs;
    /** Track the service's average memory utilization (`ECSServiceAverageMemoryUtilization`). Default: none. */
    memoryUtilization?: TargetTrackingArgs;
    /** Track the ALB's requests per task in the target group (`ALBRequestCountPerTarget`). Default: none. */
    requestsPerTarget?: TargetTrackingArgs;
    /** Scheduled changes of `minCapacity` and `maxCapacity`. Default: none. */
    schedules?: ScalingScheduleArgs[];
}

/**
 * Where the ALB sends a service's requests: a listener rule on the serving listener(s) matching
 * `hosts` and/or `paths` (both: a request must match one of each), forwarding to the service's
 * own target group. At least one host or path; at most 3 of each and 5 in all (AWS: "up to three
 * match evaluations per condition", "up to five match evaluations per rule"), and at most 5
 * wildcards (`*`, `?`) in all.
 */
export interface ServiceRoutingArgs {
    /**
     * Host names (the `host-header` condition), e.g. `api.example.com` or `*.example.com`: up to
     * 128 letters, digits, `-`, `.`, `*` and `?`, with at least one `.` and only letters after the
     * last. Compared case-insensitively. With a `certificate` created here, each host without a
     * wildcard must be one of its names (TLS clients of another host would fail). Default: any host.
     */
    hosts?: string[];
    /**
     * Path patterns (the `path-pattern` condition), e.g. `/api/*`: up to 128 characters, starting
     * with `/` or `*`, of letters, digits, `_ - . $ / ~ " ' @ : + &`, `*` (0 or more characters)
     * and `?` (exactly one). Case-sensitive; compared with the path only, not the query string.
     * Default: any path.
     */
    paths?: string[];
    /**
     * Priority of the rule on each serving listener, 1–50000, unique among the services (lower
     * is evaluated first). Required when more than one service is routed; a lone routed service
     * defaults to 10 × its position in `services`.
     *
     * AWS refuses a priority another rule of the listener still holds, and an update changes one
     * rule at a time: to swap two rules' priorities, move one to a free priority first, in its own
     * update; a removed service's priority is free for another rule in the next update, not in
     * the one that removes it (Pulumi deletes last).
     */
    priority?: number;
    /**
     * Health check of the service's target group. Default: the component's `healthCheck`, field
     * by field (each field given here replaces the component's).
     */
    healthCheck?: HealthCheckArgs;
}

/**
 * One ECS service running the task definition: behind the shared target group (the listeners'
 * default), or behind its own one when it has `routing`.
 */
export interface FargateServiceArgs {
    /**
     * ECS service name (tutorial: `publicIpOn`, `publicIpOn2`). Default: Pulumi's auto-name,
     * `<component name>-<key>-<7 random hex>`, unique in every account and new on replacement.
     */
    name?: string;
    /** Tasks to keep running, 0–5000. Default: 1 (as in the tutorial). */
    desiredCount?: number;
    /** Lower bound of running tasks during a deployment, in percent of `desiredCount`. Default: 100. */
    minimumHealthyPercent?: number;
    /** Upper bound of running tasks during a deployment, in percent of `desiredCount`. Default: 200. */
    maximumPercent?: number;
    /** Seconds ECS ignores failing ALB health checks of a new task, for slow starts, 0 or more. Default: 60. */
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
    /**
     * Scale the task count with Application Auto Scaling. Default: none, `desiredCount` tasks.
     * With it, `desiredCount` is only the count the service starts with: later deployments leave
     * the count alone (the service ignores changes to it), so a `pulumi up` never resets what
     * the scaling set.
     */
    autoscaling?: AutoscalingArgs;
    /**
     * Capacity provider strategy, e.g. a `base` on `FARGATE` and the rest mostly on
     * `FARGATE_SPOT`. Default: none, the `FARGATE` launch type. A cluster created here gets the
     * providers the services use; an existing cluster (`clusterArn`) must have them already.
     */
    capacityProviders?: CapacityProviderArgs[];
    /**
     * Route requests by host and/or path to this service: it gets its own `ip` target group
     * (auto-named `<component name>-<key>-tg-<7 random hex>`, so component name and key take at
     * most 20 characters together with their hyphen) and a forward rule on the serving listener
     * (HTTPS when there is a certificate; HTTP too when it does not redirect). Default: none,
     * the service registers in the shared target group the listeners forward to by default.
     * When every service is routed, the listeners answer requests no rule matches with a fixed
     * 404, and there is no shared target group (`extraTargets` and `targetGroupName` are then
     * refused).
     */
    routing?: ServiceRoutingArgs;
}

/** Protocols a {@link TaskEgressArgs} rule takes. */
export const TASK_EGRESS_PROTOCOLS = ["tcp", "udp"] as const;

/**
 * A destination the tasks may send to besides the image registry and the log endpoint, e.g. the
 * application's database. Exactly one of `cidrBlock`, `prefixListId` and `securityGroupId`.
 */
export interface TaskEgressArgs {
    /** IPv4 block, e.g. a database subnet `10.1.20.0/24`. */
    cidrBlock?: string;
    /** Managed prefix list id, `pl-…`. Checked before registration; an Output is checked when it resolves. */
    prefixListId?: pulumi.Input<string>;
    /**
     * Security group of the destination, `sg-…` (e.g. the database's). Checked before
     * registration; an Output is checked when it resolves.
     */
    securityGroupId?: pulumi.Input<string>;
    /** `tcp` or `udp`. Default: `tcp`. */
    protocol?: (typeof TASK_EGRESS_PROTOCOLS)[number];
    /** Destination port, 1–65535. */
    port: number;
    /** Last port of a range starting at `port`. Default: `port`. */
    toPort?: number;
    /**
     * Description of the rule, up to 255 letters, digits, spaces and `._-:/()#,@[]+=&;{}!$*` (EC2's
     * rule descriptions). Default: the destination and port.
     */
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

/**
 * The args of the VPC the service creates as its child `<name>-network` (a {@link TwoTierVpc}):
 * a VPC to create, or an existing one described. Its region and provider are the service's.
 */
export type AlbFargateNetworkArgs = HostedTwoTierVpcArgs;

/** Arguments of {@link AlbFargateService}. */
export interface AlbFargateServiceArgs {
    /**
     * Region (tutorial: `ap-northeast-1`). Default: the region of `network` when it is a
     * {@link TwoTierVpc} (a region given must then be the VPC's), else the stack's `aws:region`
     * (or `AWS_REGION`), as the default provider would use; one of the two must be set.
     */
    region?: string;
    /**
     * Provider for the region. Default: the `aws` provider in `opts.provider` / `opts.providers`
     * of this component (a parent's is not taken), else the provider of `network` when it is a
     * {@link TwoTierVpc}, else a new provider for `region` carrying the stack's `aws:*`
     * configuration (credentials, profile, assumed roles, default tags, account guards).
     */
    provider?: aws.Provider;
    /**
     * The VPC the service runs in, with public subnets (ALB) and private subnets (tasks): a
     * {@link TwoTierVpc} you made (shared with other services, say), or the args of one the
     * service creates as its child `<name>-network`, in its region and with its provider and tags
     * (the network's own `tags`, when given, instead; the args take no `region` or `provider`,
     * which are the service's). Checked before registration, by the VPC's own checks at
     * `network.*`. Tutorial: `10.1.0.0/16`, public and private
     * subnets in `ap-northeast-1a` and `ap-northeast-1c` (private `10.1.3.0/24` in c). Default
     * egress: VPC endpoints.
     */
    network: AlbFargateNetworkArgs | TwoTierVpc;
    /**
     * Give tasks public IPs. Default: false. The tutorial needed them only because its private
     * subnets had no way to reach ECR; with NAT or endpoints they are unnecessary exposure.
     */
    assignPublicIp?: boolean;
    /**
     * ARN of an existing ECS cluster to run in. Default: a new cluster. Checked before
     * registration; an Output is checked when it resolves.
     */
    clusterArn?: pulumi.Input<string>;
    /**
     * Name of the new cluster (tutorial: `klein-cluster`). Default: Pulumi's auto-name,
     * `<component name>-cluster-<7 random hex>`, so stacks sharing an account never share a cluster.
     */
    clusterName?: string;
    /**
     * Fargate platform version of the services' tasks: `LATEST` or a version such as `1.4.0`.
     * Default: `LATEST`.
     */
    platformVersion?: string;
    /**
     * ECS Exec: let operators run commands in the running containers (`aws ecs execute-command`)
     * through Systems Manager Session Manager, with no inbound port. Default: false. For the whole
     * component, not per service: the permission it needs is the task role's, and every service
     * runs the one task definition with that role. When on, every service gets
     * `enableExecuteCommand`, the task role gets the four `ssmmessages` channel actions (and
     * nothing else), and a VPC created here with `vpcEndpoints` egress gets the `ssmmessages`
     * interface endpoint (a {@link TwoTierVpc} given must list it in its `interfaceEndpoints`).
     * Needs platform version 1.4.0 or later (or `LATEST`).
     */
    enableExecuteCommand?: boolean;
    /**
     * CloudWatch Container Insights of the cluster created here: `enabled`, `enhanced` (adds
     * task- and container-level metrics) or `disabled`. Default: not set, so the cluster takes
     * the account's `containerInsights` setting (disabled unless the account turned it on).
     * Refused with `clusterArn`: an existing cluster's settings are its owner's.
     */
    containerInsights?: ContainerInsightsMode;
    /**
     * Ephemeral storage of each task in GiB, 21–200. Default: not set, Fargate's 20 GiB. Needs
     * platform version 1.4.0 or later (or `LATEST`).
     */
    ephemeralStorageGiB?: number;
    /** The main container, the ALB's target. Always essential. */
    container: ContainerArgs;
    /**
     * Extra containers of the task beside `container` (a collector, a proxy, an init step), in
     * the task definition of every service (the services share one). Default: none. Names are
     * unique in the task; `dependsOn` names containers of the task, with no cycle; the CPU and
     * memory the containers reserve together fit the task's `cpu` and `memory`. Only `container`
     * is the ALB's target.
     */
    sidecars?: SidecarArgs[];
    /** Task CPU units (1024 = 1 vCPU). Default: 256. */
    cpu?: number;
    /** Task memory in MiB; must pair with `cpu` as Fargate requires. Default: 512. */
    memory?: number;
    /** CPU architecture of the image, `X86_64` or `ARM64`. Default: `X86_64`. */
    cpuArchitecture?: CpuArchitecture;
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
    /**
     * IAM policy (a JSON object) for the application's own AWS calls. Default: none, the task role
     * has no permissions. Checked to be a JSON object before registration; an Output is checked
     * when it resolves. An Allow of every action (`"*"`, `"*:*"`: full administrative privileges)
     * is refused, and an Allow of a whole service (`"s3:*"`) or a `NotAction` is warned about in
     * the plan: AWS's least-privilege controls (Control Tower CT.IAM.PR.1 and CT.IAM.PR.5, Security
     * Hub IAM.21; see components/aws/iamPolicy.ts). IAM checks the rest of what it grants.
     */
    taskRolePolicy?: pulumi.Input<string>;
    /**
     * Services by key (the key names the service's resource), behind the shared target group, or
     * each behind its own when it has `routing`. Default: one service `web`. Tutorial: two.
     */
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
    /**
     * IPv4 blocks allowed to reach the listeners. Default: `["0.0.0.0/0"]`, listener ports only.
     * A `dualstack` internet-facing ALB also admits IPv6 clients (`::/0`) when `0.0.0.0/0` is
     * among them.
     */
    allowedCidrs?: string[];
    /**
     * An internal ALB, in the private subnets (with the tasks), with private addresses only and
     * no way in from the internet; clients reach it from the VPC or networks joined to it.
     * Changing it replaces the ALB (the scheme is fixed at creation: `internal` is ForceNew in
     * terraform-provider-aws internal/service/elbv2/load_balancer.go): a new DNS name, and with
     * `deletionProtection` the old ALB's deletion fails until that is turned off in an update first.
     * Default: false, internet-facing in the public subnets.
     */
    internal?: boolean;
    /**
     * `ipv4`, or `dualstack` for IPv4 and IPv6 clients, which needs a VPC with IPv6 (`network.ipv6`,
     * or a {@link TwoTierVpc} with it); `dns` then writes an `AAAA` record beside the `A`. The
     * targets stay IPv4. Default: `ipv4`.
     */
    ipAddressType?: AlbIpAddressType;
    /**
     * Seconds a connection may stay idle before the ALB closes it, 1–4000 (ELB's
     * `idle_timeout.timeout_seconds`). Default: 60, AWS's.
     */
    idleTimeout?: number;
    /**
     * Drop HTTP header fields whose names are not valid (`routing.http.drop_invalid_header_fields.enabled`)
     * instead of passing them to the tasks. Default: true (AWS's is false), against request
     * smuggling through malformed headers.
     */
    dropInvalidHeaderFields?: boolean;
    /**
     * ACM (or IAM server) certificate ARN; adds an HTTPS listener on 443. Default: none, HTTP only
     * (as in the tutorial). Not with `certificate`. Checked before registration; an Output is
     * checked when it resolves.
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * An ACM certificate made here and validated by DNS in a Route 53 zone (by default the
     * `dns` record's name and zone), for an HTTPS listener on 443 as with `certificateArn`,
     * which it replaces: not with it. The listener takes it once ACM has issued it. Default: none.
     */
    certificate?: AlbCertificateArgs;
    /**
     * A Route 53 alias record (`A`, and `AAAA` when dual-stack) for the ALB, in a zone you have;
     * the component's `fqdn` and `url` outputs name it. Default: none, clients use `dnsName`.
     */
    dns?: AlbDnsArgs;
    /**
     * ALB access logs in S3: into a bucket you name (in the service's region, with a policy
     * letting ELB write), or into a bucket created here with the region's log delivery policy
     * (kept on `pulumi destroy` while it holds logs, unless `forceDestroy`). Default: none, no
     * access logs.
     */
    accessLogs?: AlbAccessLogsArgs;
    /**
     * TLS policy of the HTTPS listener, one of the predefined policies of Elastic Load Balancing
     * (`ELB_SSL_POLICIES`). Default: `ELBSecurityPolicy-TLS13-1-2-2021-06`.
     */
    sslPolicy?: string;
    /**
     * Answer HTTP on 80 with a 301 redirect to HTTPS on 443, so nothing is served in plain text.
     * `false` with a certificate: HTTP forwards to the tasks beside HTTPS. Refused without
     * `certificateArn` or `certificate`. Default: true with either; the counterpart of the Alibaba
     * ALB components' `listener.redirectHttpToHttps`.
     */
    redirectHttpToHttps?: boolean;
    /**
     * Turn on the cloud's deletion protection of what holds state or an address clients use: the
     * ALB (`aws.lb.LoadBalancer.enableDeletionProtection`; AWS refuses to delete it until the
     * attribute is off, Elastic Load Balancing "Deletion protection") and the log group
     * (`aws.cloudwatch.LogGroup.deletionProtectionEnabled`: its logs are not deleted with it).
     * Both are always sent, so turning them off takes effect (the provider's docs: switching the
     * log group's to false needs an explicit false). Default: false (the tutorial's); on for
     * production.
     */
    deletionProtection?: boolean;
    /**
     * Health check of the shared target group, and the defaults of each routed service's.
     * Default: `GET /` expecting 200 every 30 s.
     */
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
    /**
     * Tags on every resource that takes them, as AWS accepts them (keys 1 to 128 characters,
     * values up to 256, at most 49). Default: none.
     */
    tags?: Record<string, string>;
}
