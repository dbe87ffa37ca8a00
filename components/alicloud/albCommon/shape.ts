/**
 * The shapes of the arguments every ALB component takes (see components/shape.ts): the type,
 * form and range of each field, checked before the rules for callers TypeScript does not protect
 * (JavaScript, YAML, other languages). A component's own shape spreads {@link ALB_COMMON_FIELDS}
 * and {@link ALB_BACKEND_COMMON_FIELDS} into its strict objects.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { checkedWhenKnown } from "../../checks";
import { argsShape, checkShape, input, text, wholeNumber } from "../../shape";
import {
    ALB_ADDRESS_TYPES,
    ALB_EDITIONS,
    ALB_HEALTH_CHECK_PROTOCOLS,
    ALB_LISTENER_PROTOCOLS,
    ALB_SCHEDULERS,
    ALB_SERVER_WEIGHT,
    ALB_TLS_POLICIES,
    AlbDnsArgs,
    AlbHealthCheckArgs,
    AlbListenerArgs,
} from "./args";
import { BACK_TO_ORIGIN_MODES, BackToOriginArgs } from "./backToOrigin";
import {
    ALB_ACL_MODES,
    ALB_MODIFICATION_PROTECTION_STATUSES,
    AlbAccessLogArgs,
    AlbAclArgs,
    AlbModificationProtectionArgs,
} from "./operationsArgs";
import { ALB_RULE_PRIORITY, ALB_RULE_WEIGHT, AlbRuleArgs, AlbRuleTargetArgs, AlbServerGroupArgs } from "./routingArgs";

/**
 * An Alibaba Cloud resource id of the form `<prefix>-` and letters and digits, so a name, an
 * empty string or a padded id is refused before it reaches the provider.
 */
function alibabaId(prefix: string, what: string): z.ZodType<string> {
    const form = new RegExp(`^${prefix}-[0-9a-z]+$`, "i");
    return z.string().superRefine((value, ctx) => {
        if (form.test(value)) return;
        ctx.addIssue({
            code: "custom",
            message: `is not ${what} (${prefix}- and letters and digits)`,
            params: { fix: `Give the ${what.replace(/^an? /, "")} itself, e.g. ${prefix}-bp1…, not its name.` },
        });
    });
}

/**
 * An ECS instance id, `i-…` (the provider's examples: `i-uf6j91r34rnwawoo****`,
 * node_modules/@pulumi/alicloud/types/output.d.ts).
 */
export const ECS_INSTANCE_ID = alibabaId("i", "an ECS instance id");

/**
 * A security group id, `sg-…` (the provider's examples: `sg-zxcvj0lasdf102350asdf9a`,
 * node_modules/@pulumi/alicloud/ecs/launchTemplate.d.ts).
 */
export const SECURITY_GROUP_ID = alibabaId("sg", "a security group id");

/** A TCP port, 1–65535. */
export const PORT = wholeNumber(1, 65535);

/** {@link AlbListenerArgs}. */
export const ALB_LISTENER_SHAPE = argsShape<AlbListenerArgs>()(
    z.strictObject({
        protocol: z.enum(ALB_LISTENER_PROTOCOLS).optional(),
        port: PORT.optional(),
        certificateId: input(text).optional(),
        sslPolicy: z.enum(ALB_TLS_POLICIES).optional(),
        redirectHttpToHttps: z.boolean().optional(),
    }),
);

/**
 * {@link AlbHealthCheckArgs}: the ranges hold whether or not the check is enabled, so a value
 * is never kept for later that the provider would refuse.
 */
export const ALB_HEALTH_CHECK_SHAPE = argsShape<AlbHealthCheckArgs>()(
    z.strictObject({
        enabled: z.boolean().optional(),
        protocol: z.enum(ALB_HEALTH_CHECK_PROTOCOLS).optional(),
        // Its syntax is a rule of its own (healthCheck.ts), with a message that says which.
        path: z.string().optional(),
        codes: z.array(text).optional(),
        interval: wholeNumber(1, 50).optional(),
        timeout: wholeNumber(1, 300).optional(),
        healthyThreshold: wholeNumber(2, 10).optional(),
        unhealthyThreshold: wholeNumber(2, 10).optional(),
        port: wholeNumber(0, 65535).optional(),
    }),
);

/** {@link AlbDnsArgs}; the domain's and the host's syntax are rules of their own (dnsNames.ts). */
export const ALB_DNS_SHAPE = argsShape<AlbDnsArgs>()(
    z.strictObject({
        domainName: z.string(),
        rr: z.string().optional(),
        ttl: wholeNumber(1, 86400).optional(),
    }),
);

/**
 * {@link BackToOriginArgs}: both modes in one object, so a misspelt key is told the key it meant
 * and a mode the blocks it takes or refuses (a rule: checkBackToOrigin); a union would say only
 * "Invalid input".
 */
export const BACK_TO_ORIGIN_SHAPE = argsShape<{ mode: BackToOriginArgs["mode"]; cidrBlocks?: string[] }>()(
    z.strictObject({ mode: z.enum(BACK_TO_ORIGIN_MODES), cidrBlocks: z.array(z.string()).optional() }),
) as z.ZodType<BackToOriginArgs>;

const RULE_TARGET = argsShape<AlbRuleTargetArgs>()(
    z.strictObject({
        serverGroup: text,
        weight: wholeNumber(ALB_RULE_WEIGHT.min, ALB_RULE_WEIGHT.max).optional(),
    }),
);

/** {@link AlbRuleArgs}: the hosts' and paths' form, the reserved priority and the groups are rules (routing.ts). */
export const ALB_RULE_SHAPE = argsShape<AlbRuleArgs>()(
    z.strictObject({
        priority: wholeNumber(ALB_RULE_PRIORITY.min, ALB_RULE_PRIORITY.max),
        hosts: z.array(z.string()).optional(),
        paths: z.array(z.string()).optional(),
        forward: z.array(RULE_TARGET),
    }),
);

/** {@link AlbServerGroupArgs} with backends of `backend`'s shape, for a component's `serverGroups`. */
export function albServerGroupsShape<B>(backend: z.ZodType<B>): z.ZodType<Record<string, AlbServerGroupArgs<B>>> {
    // Keys are checked by a rule (checkAlbKeys): zod passes a `__proto__` key of a record unchecked.
    return z.record(
        z.string(),
        z.strictObject({
            backends: z.record(z.string(), backend),
            serverGroupName: text.optional(),
            scheduler: z.enum(ALB_SCHEDULERS).optional(),
        }),
    ) as z.ZodType<Record<string, AlbServerGroupArgs<B>>>;
}

/** {@link AlbAclArgs}: the entries' form is a rule (operations.ts), which says what is wrong with each. */
export const ALB_ACL_SHAPE = argsShape<AlbAclArgs>()(
    z.strictObject({
        mode: z.enum(ALB_ACL_MODES),
        entries: z.array(z.string()),
        aclName: text.optional(),
    }),
);

/** {@link AlbAccessLogArgs}: which fields go with `create`, and the names' form, are rules (operations.ts). */
export const ALB_ACCESS_LOG_SHAPE = argsShape<AlbAccessLogArgs>()(
    z.strictObject({
        create: z.boolean().optional(),
        project: input(z.string()).optional(),
        logstore: input(z.string()).optional(),
        retentionDays: wholeNumber(1, 3650).optional(),
    }),
);

/** {@link AlbModificationProtectionArgs}; the reason's form is a rule (operations.ts). */
export const ALB_MODIFICATION_PROTECTION_SHAPE = argsShape<AlbModificationProtectionArgs>()(
    z.strictObject({
        status: z.enum(ALB_MODIFICATION_PROTECTION_STATUSES),
        reason: z.string().optional(),
    }),
);

/** The fields of {@link AlbCommonArgs}, for a component's strict object. */
export const ALB_COMMON_FIELDS = {
    albVSwitches: z.array(text).optional(),
    edition: z.enum(ALB_EDITIONS).optional(),
    addressType: z.enum(ALB_ADDRESS_TYPES).optional(),
    loadBalancerName: text.optional(),
    serverGroupName: text.optional(),
    scheduler: z.enum(ALB_SCHEDULERS).optional(),
    healthCheck: ALB_HEALTH_CHECK_SHAPE.optional(),
    listener: ALB_LISTENER_SHAPE.optional(),
    deletionProtection: z.boolean().optional(),
    modificationProtection: ALB_MODIFICATION_PROTECTION_SHAPE.optional(),
    acl: ALB_ACL_SHAPE.optional(),
    accessLog: ALB_ACCESS_LOG_SHAPE.optional(),
    backToOrigin: BACK_TO_ORIGIN_SHAPE.optional(),
    // Keys are checked by a rule (checkAlbKeys): zod passes a `__proto__` key of a record unchecked.
    securityGroups: z.record(z.string(), input(SECURITY_GROUP_ID)).optional(),
    dns: ALB_DNS_SHAPE.optional(),
    // Keys are checked by a rule (checkAlbKeys).
    rules: z.record(z.string(), ALB_RULE_SHAPE).optional(),
    tags: z.record(z.string(), z.string()).optional(),
};

/** The fields of {@link AlbBackendCommonArgs}, for a component's backend object. */
export const ALB_BACKEND_COMMON_FIELDS = {
    port: PORT.optional(),
    weight: wholeNumber(ALB_SERVER_WEIGHT.min, ALB_SERVER_WEIGHT.max).optional(),
    description: text.optional(),
    securityGroup: text.optional(),
};

/**
 * `value` as a resource takes it: a plain string as it is (checked before registration), an
 * Output checked against `schema` when it resolves, its problem at `path`, so the resources taking
 * it fail before they are created.
 *
 * @param component how the error names the component, e.g. `topologies:alicloud:DualStackAlb 'web'`.
 */
export function fitsWhenKnown(
    value: pulumi.Input<string>,
    component: string,
    path: string,
    schema: z.ZodType<string>,
): pulumi.Output<string> {
    return checkedWhenKnown(value, component, (problems, known) => {
        checkShape(problems.under(path), schema, known);
    });
}
