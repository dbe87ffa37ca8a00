/** S5: an AWS ALB in front of ECS Fargate tasks registered by IP, the tasks in private subnets. */
import { z } from "zod";
import {
    AlbFargateService,
    CONTAINER_INSIGHTS_MODES,
    FARGATE_CAPACITY_PROVIDERS,
} from "../../components/aws/albFargateService";
import { ALB_IP_ADDRESS_TYPES } from "../../components/aws/albFargateService/edgeArgs";
import {
    containerRuntimeFields,
    containerSecretsShape,
    sidecarFields,
} from "../../components/aws/albFargateService/shape";
import { EGRESS_MODES } from "../../components/aws/network";
import { reportedAt } from "../builder";
import { cidr, port } from "../schema";
import { defineTopology } from "../topology";

const subnet = z.strictObject({ availabilityZone: z.string(), cidrBlock: cidr });

/** A target-tracking policy (AlbFargateService `TargetTrackingArgs`). */
const targetTracking = z.strictObject({
    target: z.number(),
    scaleInCooldown: z.number().int().optional(),
    scaleOutCooldown: z.number().int().optional(),
});

/** Application Auto Scaling of a service's task count (AlbFargateService `services.<key>.autoscaling`). */
const autoscaling = z.strictObject({
    minCapacity: z.number().int(),
    maxCapacity: z.number().int(),
    cpuUtilization: targetTracking.optional(),
    memoryUtilization: targetTracking.optional(),
    requestsPerTarget: targetTracking.optional(),
    schedules: z
        .array(
            z.strictObject({
                schedule: z.string(),
                minCapacity: z.number().int().optional(),
                maxCapacity: z.number().int().optional(),
                timezone: z.string().optional(),
            }),
        )
        .optional(),
});

/** A capacity provider strategy entry (AlbFargateService `services.<key>.capacityProviders`). */
const capacityProvider = z.strictObject({
    capacityProvider: z.enum(FARGATE_CAPACITY_PROVIDERS),
    weight: z.number().int(),
    base: z.number().int().optional(),
});

/** A target group health check (AlbFargateService `healthCheck`). */
const healthCheck = z.strictObject({
    path: z.string().optional(),
    matcher: z.string().optional(),
    interval: z.number().int().optional(),
    timeout: z.number().int().optional(),
});

/** A service's listener rule and own target group (AlbFargateService `services.<key>.routing`). */
const routing = z.strictObject({
    hosts: z.array(z.string()).optional(),
    paths: z.array(z.string()).optional(),
    priority: z.number().int().optional(),
    healthCheck: healthCheck.optional(),
});

const schema = z.strictObject({
    region: z.string(),
    network: z.strictObject({
        cidrBlock: cidr,
        publicSubnets: z.record(z.string(), subnet),
        privateSubnets: z.record(z.string(), subnet),
        /** How the tasks reach AWS APIs and the internet (TwoTierVpc `egress`; `provided` is for existing VPCs only). */
        egress: z.enum(EGRESS_MODES.filter(mode => mode !== "provided")).optional(),
        /** More interface endpoints by service suffix (`sqs`, `sts`), with `egress: vpcEndpoints` (TwoTierVpc `interfaceEndpoints`). */
        interfaceEndpoints: z.array(z.string()).optional(),
        /** IPv6 blocks on the VPC and its subnets, ::/0 from the public tier (TwoTierVpc `ipv6`), for a dualstack ALB. */
        ipv6: z.boolean().optional(),
    }),
    container: z.strictObject({
        image: z.string(),
        ecrRepositoryArn: z.string().optional(),
        name: z.string().optional(),
        port: port.optional(),
        environment: z.record(z.string(), z.string()).optional(),
        /** Secret variables by name, from SSM parameters or Secrets Manager secrets by ARN (AlbFargateService `container.secrets`). */
        secrets: containerSecretsShape.optional(),
        /** The customer-managed KMS key of the secrets (AlbFargateService `container.secretsKmsKeyArn`). */
        secretsKmsKeyArn: z.string().optional(),
        // cpu, memory, memoryReservation, command, entryPoint, healthCheck, dependsOn: as every container's.
        ...containerRuntimeFields,
    }),
    cpu: z.number().int().optional(),
    memory: z.number().int().optional(),
    /** Fargate platform version (AlbFargateService `platformVersion`): `LATEST` or e.g. `1.4.0`. */
    platformVersion: z.string().optional(),
    /** ECS Exec on every service (AlbFargateService `enableExecuteCommand`); needs platform 1.4.0+. */
    enableExecuteCommand: z.boolean().optional(),
    /** CloudWatch Container Insights of the cluster (AlbFargateService `containerInsights`). Default: the account's. */
    containerInsights: z.enum(CONTAINER_INSIGHTS_MODES).optional(),
    /** Ephemeral storage per task, 21–200 GiB (AlbFargateService `ephemeralStorageGiB`). Default: Fargate's 20 GiB. */
    ephemeralStorageGiB: z.number().int().optional(),
    logRetentionInDays: z.number().int().optional(),
    logGroupName: z.string().optional(),
    services: z
        .record(
            z.string(),
            z.strictObject({
                desiredCount: z.number().int().optional(),
                minimumHealthyPercent: z.number().int().optional(),
                maximumPercent: z.number().int().optional(),
                healthCheckGracePeriodSeconds: z.number().int().optional(),
                waitForSteadyState: z.boolean().optional(),
                deploymentTimeout: z.string().optional(),
                autoscaling: autoscaling.optional(),
                capacityProviders: z.array(capacityProvider).optional(),
                /** Route hosts and/or paths to this service's own target group (AlbFargateService `routing`). */
                routing: routing.optional(),
            }),
        )
        .optional(),
    /** Where else the tasks may send (AlbFargateService `taskEgress`), by rule name. */
    taskEgress: z
        .record(
            z.string(),
            z.strictObject({
                cidrBlock: cidr.optional(),
                prefixListId: z.string().optional(),
                securityGroupId: z.string().optional(),
                protocol: z.enum(["tcp", "udp"]).optional(),
                port,
                toPort: port.optional(),
                description: z.string().optional(),
            }),
        )
        .optional(),
    // After taskEgress: the multi-language enum of their common protocols keeps taskEgress's name.
    /** More containers in the task beside `container` (AlbFargateService `sidecars`). */
    sidecars: z
        .array(
            z.strictObject({
                ...sidecarFields,
                image: z.string(),
                ecrRepositoryArn: z.string().optional(),
                environment: z.record(z.string(), z.string()).optional(),
            }),
        )
        .optional(),
    /** IAM policy (JSON text) of the task role, for the containers' own AWS calls (AlbFargateService `taskRolePolicy`). */
    taskRolePolicy: z.string().optional(),
    allowedCidrs: z.array(cidr).optional(),
    /** ARN of your ACM certificate for the HTTPS listener on 443; HTTP on 80 then redirects to it. */
    certificateArn: z.string().optional(),
    /** An ACM certificate made here and validated by DNS in Route 53 (AlbFargateService `certificate`), instead of certificateArn. */
    certificate: z
        .strictObject({
            domainName: z.string().optional(),
            subjectAlternativeNames: z.array(z.string()).optional(),
            hostedZoneId: z.string().optional(),
            zoneName: z.string().optional(),
        })
        .optional(),
    /** A Route 53 alias record for the ALB (AlbFargateService `dns`). */
    dns: z
        .strictObject({
            hostedZoneId: z.string(),
            zoneName: z.string().optional(),
            recordName: z.string(),
            evaluateTargetHealth: z.boolean().optional(),
            allowOverwrite: z.boolean().optional(),
            routedHosts: z.boolean().optional(),
        })
        .optional(),
    /** The ALB's access logs in S3, a bucket given or created here (AlbFargateService `accessLogs`). */
    accessLogs: z
        .strictObject({
            bucket: z.string().optional(),
            bucketRegion: z.string().optional(),
            prefix: z.string().optional(),
            forceDestroy: z.boolean().optional(),
            expireAfterDays: z.number().int().optional(),
        })
        .optional(),
    /** An internal ALB in the private subnets (AlbFargateService `internal`). Default: internet-facing. */
    internal: z.boolean().optional(),
    /** `ipv4` or `dualstack` (AlbFargateService `ipAddressType`; dualstack needs network.ipv6). */
    ipAddressType: z.enum(ALB_IP_ADDRESS_TYPES).optional(),
    /** Seconds, 1–4000 (AlbFargateService `idleTimeout`). Default: 60. */
    idleTimeout: z.number().int().optional(),
    /** Drop invalid HTTP header fields (AlbFargateService `dropInvalidHeaderFields`). Default: true. */
    dropInvalidHeaderFields: z.boolean().optional(),
    /** TLS policy of the HTTPS listener (AlbFargateService `sslPolicy`). */
    sslPolicy: z.string().optional(),
    /** `false`: HTTP on 80 forwards beside HTTPS instead of redirecting to it. */
    redirectHttpToHttps: z.boolean().optional(),
    /** The ALB's and the log group's deletion protection (AlbFargateService `deletionProtection`). Default: the stack's `protect`. */
    deletionProtection: z.boolean().optional(),
    healthCheck: healthCheck.optional(),
    deregistrationDelay: z.number().int().optional(),
    extraTargets: z.array(z.strictObject({ ip: z.string(), port: port.optional() })).optional(),
});

export const fargate = defineTopology({
    key: "fargate",
    title: "S5: an AWS ALB in front of ECS Fargate tasks registered by IP, tasks in private subnets",
    schema,
    vpcs: () => [],
    blocks: s => [{ path: ["network", "cidrBlock"], name: "S5 AWS VPC", text: s.network.cidrBlock }],
    // The ALB is internet-facing: HTTP on 80 must only redirect, to HTTPS on 443 with a certificate
    // (given by ARN, or made here).
    plainHttpListeners: s => {
        if (s.internal) return [];
        if (s.certificateArn === undefined && s.certificate === undefined) {
            return [
                {
                    path: ["certificateArn"],
                    what: "S5's ALB (HTTP on 80, no HTTPS listener)",
                    fix: "Set certificateArn to the ARN of your ACM certificate in the section's region, or certificate (with dns) to have one made; HTTP on 80 then redirects to HTTPS on 443.",
                },
            ];
        }
        return s.redirectHttpToHttps === false
            ? [
                  {
                      path: ["redirectHttpToHttps"],
                      what: "S5's ALB (HTTP on 80 forwarding to the tasks beside HTTPS)",
                      fix: "Drop redirectHttpToHttps: HTTP on 80 then redirects to HTTPS.",
                  },
              ]
            : [];
    },
    build(b, s) {
        const s5 = reportedAt(
            ["fargate"],
            () =>
                new AlbFargateService(
                    b.named("s5"),
                    { ...s, deletionProtection: s.deletionProtection ?? b.deletionProtection, tags: b.tags },
                    b.opts,
                ),
        );
        return {
            s5AlbDnsName: s5.dnsName,
            s5Url: s5.url,
            s5TargetGroupArn: s5.targetGroupArn,
            s5ClusterName: s5.clusterName,
            s5ServiceNames: s5.serviceNames,
        };
    },
});
