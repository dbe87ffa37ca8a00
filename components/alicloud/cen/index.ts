/**
 * CenTransitNetwork: a Cloud Enterprise Network with one transit router per region. The folder
 * reads args → plan → checks (members and attachments, peerings and bandwidth packages, routes)
 * → the route chains → the class; this index is its public surface.
 */
export type {
    CenAttachmentInfo,
    CenBandwidthPackageArgs,
    CenMemberArgs,
    CenPackageArea,
    CenPeeringArgs,
    CenTransitNetworkArgs,
    CenTransitRouterInfo,
    CenTransitRouterRouteArgs,
    CenVpcRouteArgs,
} from "./args";
export {
    CEN_BANDWIDTH_PACKAGE_PAYMENT_TYPES,
    CEN_BANDWIDTH_PACKAGE_PERIODS,
    CEN_PEERING_BANDWIDTH_TYPES,
    DEFAULT_PEER_BANDWIDTH_MBPS,
    MAX_BANDWIDTH_MBPS,
    MIN_BANDWIDTH_PACKAGE_MBPS,
} from "./args";
export type {
    CenBandwidthPackagePlan,
    CenMemberPlan,
    CenPeeringPlan,
    CenTransitNetworkPlan,
    CenTransitRouterRoutePlan,
    CenVpcRoutePlan,
} from "./plan";
export { checkCenTransitNetworkArgs, validateCenTransitNetworkArgs } from "./check";
export { CenTransitNetwork } from "./network";
