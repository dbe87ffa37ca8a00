/**
 * CrossRegionAlbBackend (S1): an ALB in one region serving backends in another over a CEN. The
 * folder reads args → checks (backends and back-to-origin, the network) → flows → the class;
 * this index is its public surface.
 */
export type {
    CrossRegionAlbBackendArgs,
    CrossRegionAlbPlan,
    CrossRegionBackendArgs,
    CrossRegionBackendPlan,
    CrossRegionBackendRegionArgs,
    CrossRegionBackendRegionPlan,
    CrossRegionCenArgs,
    CrossRegionNetworkPlan,
} from "./args";
export { BACKEND_REGION_WEIGHT, BACKEND_REGIONS_RULE_PRIORITY, CROSS_REGION_BACKEND_PROTOCOLS } from "./args";
export { checkCrossRegionAlbBackendArgs, validateCrossRegionAlbBackendArgs } from "./check";
export { REMOTE_IP_RANGES } from "./checkBackends";
export { CrossRegionAlbBackend } from "./component";
