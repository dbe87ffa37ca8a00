/**
 * The shape of an {@link AlbFargateService}'s args, checked before its rules: types, required
 * fields, enumerations, whole numbers and unknown keys. Ranges, tables and names are the rules'
 * (they say more than a shape can); the network's shape is the {@link TwoTierVpc}'s own.
 */
import { z } from "zod";
import { argsShape, input, text } from "../../shape";
import { CPU_ARCHITECTURES } from "../fargate";
import { TwoTierVpc } from "../network";
import { awsProvider, awsTags } from "../shape";
import { ALB_IP_ADDRESS_TYPES } from "./edgeArgs";
import {
    AlbFargateNetworkArgs,
    AlbFargateServiceArgs,
    CONTAINER_INSIGHTS_MODES,
    FARGATE_CAPACITY_PROVIDERS,
    TASK_EGRESS_PROTOCOLS,
} from "./args";
import { CONTAINER_DEPENDENCY_CONDITIONS, SIDECAR_PORT_PROTOCOLS } from "./containerArgs";

/** A whole number (finite, safe); its range is a rule's. */
const whole = z.number().int();

/**
 * Container secrets by variable name (`container.secrets`): plain strings, since the ARNs scope the
 * execution role's policy and pick the endpoints before registration. The stack schema
 * (stacks/topologies/fargate.ts) takes the same shape.
 */
export const containerSecretsShape = z.record(
    z.string(),
    z.strictObject({
        ssmParameterArn: z.string().optional(),
        secretArn: z.string().optional(),
        jsonKey: z.string().optional(),
        versionStage: z.string().optional(),
        versionId: z.string().optional(),
    }),
);

/** A container's health check (`healthCheck` of `container` and of each sidecar). */
export const containerHealthCheckShape = z.strictObject({
    command: z.array(z.string()),
    interval: whole.optional(),
    timeout: whole.optional(),
    retries: whole.optional(),
    startPeriod: whole.optional(),
});

/** One entry of a container's `dependsOn`. */
export const containerDependencyShape = z.strictObject({
    containerName: z.string(),
    condition: z.enum(CONTAINER_DEPENDENCY_CONDITIONS),
});

/**
 * What every container of the task takes (`container`, `sidecars[i]`), plain data: the stack
 * schema (stacks/topologies/fargate.ts) takes the same fields. Ranges and the rules across
 * containers are the checks' (checkRuntime.ts, checkSidecars.ts).
 */
export const containerRuntimeFields = {
    cpu: whole.optional(),
    memory: whole.optional(),
    memoryReservation: whole.optional(),
    command: z.array(z.string()).optional(),
    entryPoint: z.array(z.string()).optional(),
    healthCheck: containerHealthCheckShape.optional(),
    dependsOn: z.array(containerDependencyShape).optional(),
};

/** A sidecar's own fields besides its image, plain data as {@link containerRuntimeFields}. */
export const sidecarFields = {
    ...containerRuntimeFields,
    name: z.string(),
    essential: z.boolean().optional(),
    portMappings: z
        .array(z.strictObject({ containerPort: whole, protocol: z.enum(SIDECAR_PORT_PROTOCOLS).optional() }))
        .optional(),
    secrets: containerSecretsShape.optional(),
    secretsKmsKeyArn: z.string().optional(),
};

const sidecar = z.strictObject({
    ...sidecarFields,
    image: input(text),
    ecrRepositoryArn: input(text).optional(),
    environment: z.record(z.string(), input(z.string())).optional(),
});

const container = z.strictObject({
    ...containerRuntimeFields,
    image: input(text),
    ecrRepositoryArn: input(text).optional(),
    name: text.optional(),
    port: whole.optional(),
    // Names are the rules' (portable variable names); values go to the container as they are.
    environment: z.record(z.string(), input(z.string())).optional(),
    secrets: containerSecretsShape.optional(),
    secretsKmsKeyArn: z.string().optional(),
});

const targetTracking = z.strictObject({
    target: z.number(),
    scaleInCooldown: whole.optional(),
    scaleOutCooldown: whole.optional(),
});

const autoscaling = z.strictObject({
    minCapacity: whole,
    maxCapacity: whole,
    cpuUtilization: targetTracking.optional(),
    memoryUtilization: targetTracking.optional(),
    requestsPerTarget: targetTracking.optional(),
    schedules: z
        .array(
            z.strictObject({
                schedule: text,
                minCapacity: whole.optional(),
                maxCapacity: whole.optional(),
                timezone: text.optional(),
            }),
        )
        .optional(),
});

const capacityProvider = z.strictObject({
    capacityProvider: z.enum(FARGATE_CAPACITY_PROVIDERS),
    weight: whole,
    base: whole.optional(),
});

const healthCheck = z.strictObject({
    path: text.optional(),
    matcher: text.optional(),
    interval: whole.optional(),
    timeout: whole.optional(),
    healthyThreshold: whole.optional(),
    unhealthyThreshold: whole.optional(),
});

/** A service's listener rule; the values' rules (characters, lengths, counts) are checkRouting's. */
const routing = z.strictObject({
    hosts: z.array(z.string()).optional(),
    paths: z.array(z.string()).optional(),
    priority: whole.optional(),
    healthCheck: healthCheck.optional(),
});

const service = z.strictObject({
    name: text.optional(),
    desiredCount: whole.optional(),
    minimumHealthyPercent: whole.optional(),
    maximumPercent: whole.optional(),
    healthCheckGracePeriodSeconds: whole.optional(),
    circuitBreakerRollback: z.boolean().optional(),
    waitForSteadyState: z.boolean().optional(),
    deploymentTimeout: text.optional(),
    autoscaling: autoscaling.optional(),
    capacityProviders: z.array(capacityProvider).optional(),
    routing: routing.optional(),
});

const taskEgress = z.strictObject({
    cidrBlock: z.string().optional(),
    prefixListId: input(text).optional(),
    securityGroupId: input(text).optional(),
    protocol: z.enum(TASK_EGRESS_PROTOCOLS).optional(),
    port: whole,
    toPort: whole.optional(),
    description: text.optional(),
});

/** A plain object: the args of a VPC for the service to create, whose shape the VPC's check reads. */
function isPlainObject(value: unknown): boolean {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

/** A {@link TwoTierVpc}, or the args of one: those are checked by the VPC's own shape, under `network`. */
const network = z.custom<AlbFargateNetworkArgs | TwoTierVpc>().superRefine((value, ctx) => {
    if (value === undefined) {
        ctx.addIssue({ code: "invalid_type", expected: "object", input: value });
    } else if (!(value instanceof TwoTierVpc) && !isPlainObject(value)) {
        ctx.addIssue({
            code: "custom",
            message: "is neither a TwoTierVpc nor the args of one",
            params: { fix: "Pass a TwoTierVpc, or the args of the VPC the service is to create." },
        });
    }
});

/** The shape of {@link AlbFargateServiceArgs}. */
export const ALB_FARGATE_SERVICE_SHAPE = argsShape<AlbFargateServiceArgs>()(
    z.strictObject({
        region: text.optional(),
        provider: awsProvider.optional(),
        network,
        assignPublicIp: z.boolean().optional(),
        clusterArn: input(text).optional(),
        clusterName: text.optional(),
        platformVersion: text.optional(),
        enableExecuteCommand: z.boolean().optional(),
        containerInsights: z.enum(CONTAINER_INSIGHTS_MODES).optional(),
        ephemeralStorageGiB: whole.optional(),
        container,
        sidecars: z.array(sidecar).optional(),
        cpu: whole.optional(),
        memory: whole.optional(),
        cpuArchitecture: z.enum(CPU_ARCHITECTURES).optional(),
        family: text.optional(),
        logRetentionInDays: whole.optional(),
        logGroupName: text.optional(),
        // JSON text, pretty-printed or not: newlines are no control characters here; checkPolicyDocument reads it.
        taskRolePolicy: input(z.string()).optional(),
        services: z.record(text, service).optional(),
        loadBalancerName: text.optional(),
        targetGroupName: text.optional(),
        allowedCidrs: z.array(z.string()).optional(),
        internal: z.boolean().optional(),
        ipAddressType: z.enum(ALB_IP_ADDRESS_TYPES).optional(),
        idleTimeout: whole.optional(),
        dropInvalidHeaderFields: z.boolean().optional(),
        certificateArn: input(text).optional(),
        certificate: z
            .strictObject({
                domainName: text.optional(),
                subjectAlternativeNames: z.array(z.string()).optional(),
                hostedZoneId: input(text).optional(),
                zoneName: text.optional(),
            })
            .optional(),
        dns: z
            .strictObject({
                hostedZoneId: input(text),
                zoneName: text.optional(),
                recordName: text,
                evaluateTargetHealth: z.boolean().optional(),
                allowOverwrite: z.boolean().optional(),
                routedHosts: z.boolean().optional(),
            })
            .optional(),
        accessLogs: z
            .strictObject({
                bucket: input(text).optional(),
                bucketRegion: text.optional(),
                prefix: z.string().optional(),
                forceDestroy: z.boolean().optional(),
                expireAfterDays: whole.optional(),
            })
            .optional(),
        sslPolicy: text.optional(),
        redirectHttpToHttps: z.boolean().optional(),
        deletionProtection: z.boolean().optional(),
        healthCheck: healthCheck.optional(),
        deregistrationDelay: whole.optional(),
        extraTargets: z.array(z.strictObject({ ip: z.string(), port: whole.optional() })).optional(),
        taskEgress: z.record(z.string(), taskEgress).optional(),
        tags: awsTags.optional(),
    }),
);
