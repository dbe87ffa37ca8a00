/**
 * MeshLocalityPolicy: a DestinationRule with Istio locality failover or distribution across a
 * mesh's regions. The folder reads args → shape → checks → the rendered traffic policy → the
 * class; this index is its public surface.
 */
export type {
    DistributionLocalityPolicy,
    FailoverLocalityPolicy,
    LocalityDistribution,
    LocalityFailover,
    LocalityMesh,
    LocalityPolicy,
    MeshLocalityPolicyArgs,
    MeshLocalityPolicyPlan,
} from "./args";
export { ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION } from "./version";
export { checkMeshLocalityPolicyArgs, validateMeshLocalityPolicyArgs } from "./check";
export { MeshLocalityPolicy } from "./policy";
