/**
 * `pulumi-topologies/alicloud`: the Alibaba Cloud components (S1–S4 and what they build on), their
 * args, plans and checks, and the facts users write against (regions, editions, limits). Named
 * exports only: the helpers the components share (lookups, name and DNS checks, renderers'
 * parts) are internal, so they can change without a breaking release. See api/ for the report.
 */
export * as istio from "./istio";
export { CEN_PACKAGE_AREAS, CROSS_REGION_ALB_REGIONS, REGIONS, REGION_ZONES } from "./regions";
export type { GeographicArea } from "./regions";
export {
    RESERVED_VPC_RANGES,
    RegionalVpc,
    checkExistingRegionalVpcArgs,
    checkRegionalVpcArgs,
    validateExistingRegionalVpcArgs,
    validateRegionalVpcArgs,
} from "./vpc";
export type {
    CreatedRegionalVpcPlan,
    ExistingRegionalVpcArgs,
    ExistingRegionalVpcPlan,
    ExistingVSwitchArgs,
    PlannedExistingVSwitch,
    PlannedVSwitch,
    RegionalVpcArgs,
    RegionalVpcPlan,
    VSwitchArgs,
    VSwitchInfo,
} from "./vpc";
export * from "./multiEipEni";
export { GUEST_OS, renderGuestScript } from "./guestRouting";
export type { GuestOs, GuestRoutingArgs } from "./guestRouting";
export { CONFIRMED_INSTANCE_TYPES, INSTANCE_TYPE_LIMITS } from "./instanceTypes";
export type { InstanceTypeLimits } from "./instanceTypes";
export * from "./cen";
export * from "./crossRegionAlb";
export * from "./ack";
export * from "./mesh";
export {
    ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION,
    MeshLocalityPolicy,
    checkMeshLocalityPolicyArgs,
    validateMeshLocalityPolicyArgs,
} from "./meshLocality";
export type {
    DistributionLocalityPolicy,
    FailoverLocalityPolicy,
    LocalityDistribution,
    LocalityFailover,
    LocalityMesh,
    LocalityPolicy,
    MeshLocalityPolicyArgs,
    MeshLocalityPolicyPlan,
} from "./meshLocality";
export {
    BOOKINFO_IMAGE_REGISTRY,
    BOOKINFO_IMAGE_TAG,
    Bookinfo,
    REVIEWS_VERSIONS,
    checkBookinfoArgs,
    validateBookinfoArgs,
} from "./bookinfo";
export type { BookinfoArgs, BookinfoClusterArgs, BookinfoClusterPlan, BookinfoPlan, ReviewsVersion } from "./bookinfo";
export * from "./albCommon";
export * from "./dualStackAlb";
