/**
 * DualStackAlb (S3): an ALB serving IPv4 and IPv6 clients, with ECS backends by either family.
 * The folder reads args → checks (backends, security-group rules) → flows → the class; this
 * index is its public surface.
 */
export type {
    BackendIngressArgs,
    DualStackAlbArgs,
    DualStackAlbBackend,
    DualStackAlbBackendCommon,
    DualStackAlbDnsArgs,
    DualStackAlbIpv4Backend,
    DualStackAlbIpv6Backend,
    DualStackAlbPlan,
    DualStackBackendPlan,
    Ipv6InternetBandwidthArgs,
} from "./args";
export { DUAL_STACK_IP_VERSIONS, IPV6_BANDWIDTH_CHARGE_TYPES } from "./args";
export { checkDualStackAlbArgs, validateDualStackAlbArgs } from "./check";
export { DualStackAlb } from "./component";
