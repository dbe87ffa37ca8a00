/**
 * The stack-config pieces of the ALB operations both Alibaba Cloud ALB sections (S1, S3) take
 * (albCommon's `acl`, `accessLog`, `modificationProtection`, `rules`): shapes and types only, the
 * components check the meaning. Enumerations come from the components, so the config cannot
 * drift from the args it feeds.
 */
import { z } from "zod";
import { ALB_ACL_SHAPE, ALB_MODIFICATION_PROTECTION_SHAPE } from "../components/alicloud/albCommon/shape";
import { text } from "../components/shape";

/** An ACL on the section's listeners (`AlbAclArgs`): the component's own shape. */
export const albAcl = ALB_ACL_SHAPE;

/** Access logs to Log Service (`AlbAccessLogArgs`): existing names, or `create: true`. */
export const albAccessLog = z.strictObject({
    create: z.boolean().optional(),
    project: text.optional(),
    logstore: text.optional(),
    retentionDays: z.number().int().optional(),
});

/** The console's modification protection of the ALB (`AlbModificationProtectionArgs`): the component's own shape. */
export const albModificationProtection = ALB_MODIFICATION_PROTECTION_SHAPE;

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
