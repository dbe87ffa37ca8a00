/**
 * AckCluster: an ACK managed cluster with its node pool and Kubernetes provider. The folder reads
 * args and plan → checks → the class; this index is its public surface.
 */
export type {
    AckClusterArgs,
    AckClusterAddressing,
    AckClusterNetwork,
    AckClusterPlan,
    AckNetworkPlugin,
    AckNodePoolArgs,
    AckNodePoolPlan,
} from "./args";
export { ACK_CLUSTER_SPECS, ACK_NETWORK_PLUGINS } from "./args";
export { ACK_CONTROL_PLANE_RANGE, checkAckClusterArgs, validateAckClusterArgs } from "./check";
export { AckCluster } from "./cluster";
