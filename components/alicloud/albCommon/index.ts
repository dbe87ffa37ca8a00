/**
 * What the ALB components (CrossRegionAlbBackend, DualStackAlb) share, as users see it: the
 * argument shapes, their allowed values and the plan types. The checks and resource helpers the
 * components run (`check.ts`, `create.ts`, `ingress.ts`, …) are internal.
 */
export {
    ALB_ADDRESS_TYPES,
    ALB_DEFAULT_TLS_POLICY,
    ALB_EDITIONS,
    ALB_HEALTH_CHECK_PROTOCOLS,
    ALB_HTTP_REDIRECT_PORT,
    ALB_LEGACY_BACK_TO_ORIGIN_RANGE,
    ALB_LISTENER_PROTOCOLS,
    ALB_SCHEDULERS,
    ALB_SERVER_WEIGHT,
    ALB_TLS_POLICIES,
    HTTP_HEALTHY_CODES,
} from "./args";
export type {
    AlbAddressType,
    AlbBackendCommonArgs,
    AlbCommonArgs,
    AlbDnsArgs,
    AlbEdition,
    AlbHealthCheckArgs,
    AlbListenerArgs,
    AlbListenerProtocol,
    AlbScheduler,
    AlbTlsPolicy,
} from "./args";
export type {
    AlbBackendCommonPlan,
    AlbCommonPlan,
    AlbDnsPlan,
    AlbHealthCheckPlan,
    AlbIngressRule,
    AlbListenerPlan,
} from "./plan";
export { ALB_DEFAULT_LISTENER_PORT } from "./listener";
export { BACK_TO_ORIGIN_MODES, WIDEST_BACK_TO_ORIGIN_PREFIX } from "./backToOrigin";
export type { BackToOriginArgs, BackToOriginPlan } from "./backToOrigin";
export { ALB_MAX_ZONES, ALB_MIN_FREE_ADDRESSES, VSWITCH_RESERVED_IPV4 } from "./placement";
export { ALB_DEFAULT_SERVER_GROUP, ALB_RULE_LIMITS, ALB_RULE_PRIORITY, ALB_RULE_WEIGHT } from "./routingArgs";
export type { AlbRuleArgs, AlbRuleTargetArgs, AlbServerGroupArgs } from "./routingArgs";
export type { AlbRulePlan, AlbServerGroupCommonPlan } from "./routing";
export { ALB_ACL_LIMITS, ALB_ACL_MODES, ALB_MODIFICATION_PROTECTION_STATUSES } from "./operationsArgs";
export type { AlbAccessLogArgs, AlbAclArgs, AlbModificationProtectionArgs } from "./operationsArgs";
export { ALB_DEFAULT_ACCESS_LOGSTORE } from "./operations";
export type { AlbAccessLogPlan, AlbAclPlan, AlbModificationProtectionPlan } from "./operations";
