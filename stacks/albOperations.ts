/**
 * The stack-config pieces of the ALB operations both Alibaba Cloud ALB sections (S1, S3) take
 * (albCommon's `acl`, `accessLog`, `modificationProtection`, `rules`): shapes and types only, the
 * components check the meaning. Enumerations come from the components, so the config cannot
 * drift from the args it feeds.
 */
import { z } from "zod";
import { ALB_ACL_MODES, ALB_MODIFICATION_PROTECTION_STATUSES } from "../components/alicloud/albCommon";
import { text } from "../components/shape";

/** An ACL on the section's listeners (`AlbAclArgs`): `allow` or `deny` the listed CIDR blocks. */
export const albAcl = z.strictObject({
    mode: z.enum(ALB_ACL_MODES),
    entries: z.array(z.string()),
    aclName: text.optional(),
});

/** Access logs to Log Service (`AlbAccessLogArgs`): existing names, or `create: true`. */
export const albAccessLog = z.strictObject({
    create: z.boolean().optional(),
    project: text.optional(),
    logstore: text.optional(),
    retentionDays: z.number().int().optional(),
});

/** The console's modification protection of the ALB (`AlbModificationProtectionArgs`). */
export const albModificationProtection = z.strictObject({
    status: z.enum(ALB_MODIFICATION_PROTECTION_STATUSES),
    reason: z.string().optional(),
});

/** One server group a rule forwards to (`AlbRuleTargetArgs`). */
export const albRuleTarget = z.strictObject({ serverGroup: text, weight: z.number().int().optional() });

/** A forwarding rule (`AlbRuleArgs`), by name in `rules`. */
export const albRule = z.strictObject({
    priority: z.number().int(),
    hosts: z.array(z.string()).optional(),
    paths: z.array(z.string()).optional(),
    forward: z.array(albRuleTarget),
});

/** The operations fields of an ALB section, spread into its schema. */
export const ALB_OPERATIONS_FIELDS = {
    acl: albAcl.optional(),
    accessLog: albAccessLog.optional(),
    modificationProtection: albModificationProtection.optional(),
    rules: z.record(z.string(), albRule).optional(),
};
