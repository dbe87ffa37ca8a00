/**
 * `pulumi-topologies/alicloud`: the Alibaba Cloud components (S1–S4 and what they build on), their
 * args, plans and checks, and the facts users write against (regions, editions, limits). Each
 * component folder's index names its public symbols; single-file modules are named here. The
 * helpers the components share (lookups, name, id, tag and DNS checks, renderers' parts) are
 * internal, so they can change without a breaking release. See api/ for the report.
 */
export * as istio from "./istio";
export { CEN_PACKAGE_AREAS, CROSS_REGION_ALB_REGIONS, REGIONS, REGION_ZONES } from "./regions";
export type { GeographicArea } from "./regions";
export * from "./vpc";
export * from "./multiEipEni";
export { GUEST_OS, renderEnisGuestScript, renderGuestScript } from "./guestRouting";
export type { GuestEniArgs, GuestEnisArgs, GuestOs, GuestRoutingArgs } from "./guestRouting";
export { CONFIRMED_INSTANCE_TYPES, INSTANCE_TYPE_LIMITS } from "./instanceTypes";
export type { InstanceTypeLimits } from "./instanceTypes";
export * from "./cen";
export * from "./crossRegionAlb";
export * from "./ack";
export type { ApiServerAccessPlan, ApiServerAclEntry, PublicApiServerArgs } from "./apiServerAccess";
export * from "./mesh";
export * from "./meshLocality";
export * from "./bookinfo";
export * from "./albCommon";
export * from "./dualStackAlb";
export * from "../sharedTypes";
