/**
 * The plan of an {@link AlbFargateService}: its arguments checked, with every default resolved
 * once, here. The constructor builds from the plan alone.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import type { ContainerInsightsMode, FargateCapacityProvider } from "./args";
import type { ExistingTwoTierVpcArgs, TwoTierVpc, TwoTierVpcArgs } from "../network";
import type { ContainerImagePlan, SidecarPlan } from "./containerPlan";
import type { EdgePlan } from "./checkEdge";

/**
 * The VPC the service runs in: the {@link TwoTierVpc} given, or the args of the one the service
 * creates as its child `<name>-network` (region and tags filled in; the provider is the service's).
 */
export type AlbFargateNetworkPlan =
    | { readonly vpc: TwoTierVpc; readonly childArgs?: undefined }
    | { readonly vpc?: undefined; readonly childArgs: TwoTierVpcArgs | ExistingTwoTierVpcArgs };

/** The main container, defaulted: always essential, the ALB's target. */
export interface ContainerPlan extends ContainerImagePlan {
    /** Container name; default `app`. */
    readonly name: string;
    /** Port the container listens on, also the target group's; default 80. */
    readonly port: number;
}

/** The container's secrets: its variables, and exactly what the execution role may read for them. */
export interface SecretsPlan {
    /** The task definition's `secrets`, in input order: the variable and ECS's `valueFrom`. */
    readonly variables: ReadonlyArray<{ readonly name: string; readonly valueFrom: string }>;
    /** SSM parameter ARNs, each once, in input order. */
    readonly parameterArns: readonly string[];
    /** Secrets Manager secret ARNs (without JSON key or version), each once, in input order. */
    readonly secretArns: readonly string[];
    /** The customer-managed key, when given. */
    readonly kmsKeyArn?: string;
}

/** The task definition, its roles and its logs, defaulted. */
export interface TaskPlan {
    /** Task definition family: given, or the component name scoped to the project and stack. */
    readonly family: string;
    /** CPU units; default 256. */
    readonly cpu: number;
    /** Memory in MiB; default 512. */
    readonly memory: number;
    /** Default `X86_64`. */
    readonly cpuArchitecture: "X86_64" | "ARM64";
    /** The application's own policy; none by default. */
    readonly taskRolePolicy?: pulumi.Input<string>;
    /** Log group name; undefined: Pulumi's auto-name. */
    readonly logGroupName?: string;
    /** Days the logs are kept; default 30. */
    readonly logRetentionInDays: number;
    /** Ephemeral storage in GiB, 21–200; undefined: Fargate's 20 GiB. */
    readonly ephemeralStorageGiB?: number;
}

/**
 * The ECS cluster: an existing one by ARN, or a new one (auto-named unless `name` is set), and
 * the capacity providers the services' strategies use (none: every service uses the launch type),
 * which a new cluster gets associated.
 */
export type ClusterPlan = (
    | { readonly arn: pulumi.Input<string>; readonly name?: undefined }
    | { readonly arn?: undefined; readonly name?: string }
) & {
    readonly capacityProviders: readonly FargateCapacityProvider[];
    /** The `containerInsights` setting of a cluster made here; undefined: the account's default. */
    readonly containerInsights?: ContainerInsightsMode;
};

/** A target-tracking policy, its metric resolved. */
export interface TargetTrackingPlan {
    /** Which policy: `cpu`, `memory` or `requests`, which names the resource. */
    readonly key: "cpu" | "memory" | "requests";
    /** The predefined metric of Application Auto Scaling. */
    readonly metric:
        "ECSServiceAverageCPUUtilization" | "ECSServiceAverageMemoryUtilization" | "ALBRequestCountPerTarget";
    readonly target: number;
    /** Undefined: Application Auto Scaling's default. */
    readonly scaleInCooldown?: number;
    readonly scaleOutCooldown?: number;
}

/** A scheduled action. */
export interface ScalingSchedulePlan {
    readonly schedule: string;
    readonly minCapacity?: number;
    readonly maxCapacity?: number;
    /** Undefined: UTC. */
    readonly timezone?: string;
}

/** A service's Application Auto Scaling. */
export interface AutoscalingPlan {
    readonly minCapacity: number;
    readonly maxCapacity: number;
    /** In the order CPU, memory, requests; only those given. */
    readonly policies: readonly TargetTrackingPlan[];
    /** In input order; none by default. */
    readonly schedules: readonly ScalingSchedulePlan[];
}

/** One entry of a capacity provider strategy. */
export interface CapacityProviderPlan {
    readonly capacityProvider: FargateCapacityProvider;
    readonly weight: number;
    readonly base?: number;
}

/** A routed service's listener rule and target group, defaulted. */
export interface RoutingPlan {
    /** Rule priority, 1–50000; a lone routed service's default 10 × its position. */
    readonly priority: number;
    /** Host-header values, as given; none: any host. */
    readonly hosts: readonly string[];
    /** Path-pattern values, as given; none: any path. */
    readonly paths: readonly string[];
    /** Its target group's health check: the component's, with the service's fields over it. */
    readonly healthCheck: TargetGroupPlan["healthCheck"];
}

/** One ECS service, defaulted. */
export interface ServicePlan {
    /** Its key in `services`, which names the resource. */
    readonly key: string;
    /** ECS service name; undefined: Pulumi's auto-name. */
    readonly name?: string;
    /** Default 1. */
    readonly desiredCount: number;
    /** Default 100. */
    readonly minimumHealthyPercent: number;
    /** Default 200. */
    readonly maximumPercent: number;
    /** Default 60. */
    readonly healthCheckGracePeriodSeconds: number;
    /** Default true. */
    readonly circuitBreakerRollback: boolean;
    /** Default true. */
    readonly waitForSteadyState: boolean;
    /** Create and update timeout; default `20m`. */
    readonly deploymentTimeout: string;
    /** Application Auto Scaling of the task count; none by default. */
    readonly autoscaling?: AutoscalingPlan;
    /** Capacity provider strategy; undefined: the `FARGATE` launch type. */
    readonly capacityProviders?: readonly CapacityProviderPlan[];
    /** Its own target group and listener rule; undefined: the shared target group. */
    readonly routing?: RoutingPlan;
}

/** The ALB and its listeners, defaulted. */
export interface LoadBalancerPlan {
    /** ALB name; undefined: Pulumi's auto-name. */
    readonly name?: string;
    /** Client blocks the listeners admit, canonical and distinct; default `0.0.0.0/0`. */
    readonly allowedCidrs: readonly string[];
    /** 80, and 443 with a certificate. */
    readonly listenerPorts: readonly number[];
    /**
     * The HTTPS listener, with `certificateArn` or `certificate`; TLS policy default
     * `ELBSecurityPolicy-TLS13-1-2-2021-06`. `certificateArn` undefined: the certificate made here.
     */
    readonly https?: { readonly certificateArn?: pulumi.Input<string>; readonly sslPolicy: string };
    /** Whether HTTP answers with a redirect to HTTPS; default: when there is a certificate. */
    readonly redirectHttpToHttps: boolean;
}

/** A static IP target, with the AZ AWS needs: `all` for an address outside the VPC. */
export interface ExtraTargetPlan {
    readonly ip: string;
    /** Default: the container port. */
    readonly port: number;
    readonly availabilityZone?: "all";
}

/** The target group, defaulted. */
export interface TargetGroupPlan {
    /** Target group name; undefined: Pulumi's auto-name. */
    readonly name?: string;
    /** Seconds; default 30. */
    readonly deregistrationDelay: number;
    /** Default `GET /` expecting 200, every 30 s, timeout 5 s, 3 successes or failures. */
    readonly healthCheck: {
        readonly path: string;
        readonly matcher: string;
        readonly interval: number;
        readonly timeout: number;
        readonly healthyThreshold: number;
        readonly unhealthyThreshold: number;
    };
    /** Static IP targets next to the tasks; none by default. */
    readonly extraTargets: readonly ExtraTargetPlan[];
}

/** One extra egress rule of the tasks, defaulted. */
export interface TaskEgressPlan {
    /** Its name in `taskEgress`, which names the resource. */
    readonly key: string;
    /** Default `tcp`. */
    readonly protocol: "tcp" | "udp";
    readonly fromPort: number;
    /** Default: `fromPort`. */
    readonly toPort: number;
    /** Canonical block, when the destination is one. */
    readonly cidrBlock?: string;
    readonly prefixListId?: pulumi.Input<string>;
    readonly securityGroupId?: pulumi.Input<string>;
    /** Default: the destination and ports. */
    readonly description: string;
}

/**
 * Everything {@link AlbFargateService} builds from. A plan from a check that recorded problems is
 * for a caller's further checks only: a field whose input failed holds the input as given.
 */
export interface AlbFargateServicePlan {
    /** Region: given, else the VPC's (a `TwoTierVpc`), else the stack's. */
    readonly region: string;
    /** The provider given (args, `opts`, else the given VPC's); undefined when the service makes one for `region`. */
    readonly provider?: aws.Provider;
    readonly network: AlbFargateNetworkPlan;
    /** Default false. */
    readonly assignPublicIp: boolean;
    /** Tags on every resource that takes them; none by default. */
    readonly tags?: Readonly<Record<string, string>>;
    readonly container: ContainerPlan;
    /** The task's other containers, in input order; none by default. */
    readonly sidecars: readonly SidecarPlan[];
    readonly task: TaskPlan;
    readonly cluster: ClusterPlan;
    /** Fargate platform version of the services; default `LATEST`. */
    readonly platformVersion: string;
    /** ECS Exec on every service, with the task role's `ssmmessages` permissions; default false. */
    readonly enableExecuteCommand: boolean;
    /** Default: one service, `web`. */
    readonly services: readonly ServicePlan[];
    readonly loadBalancer: LoadBalancerPlan;
    readonly targetGroup: TargetGroupPlan;
    /** None by default. */
    readonly taskEgress: readonly TaskEgressPlan[];
    /** The cloud's deletion protection of the ALB and the log group; default false. */
    readonly deletionProtection: boolean;
    /** The Route 53 record and the certificate made here; none by default. */
    readonly edge: EdgePlan;
}
