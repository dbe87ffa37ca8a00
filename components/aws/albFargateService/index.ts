/** {@link AlbFargateService} (S5): the component, its arguments, plan and checks. */
export type {
    AlbFargateNetworkArgs,
    AlbFargateServiceArgs,
    ContainerArgs,
    ContainerSecretArgs,
    ExtraTargetArgs,
    FargateServiceArgs,
    HealthCheckArgs,
    TaskEgressArgs,
} from "./args";
export { TASK_EGRESS_PROTOCOLS } from "./args";
export { checkAlbFargateServiceArgs, validateAlbFargateServiceArgs } from "./check";
export { AlbFargateService } from "./component";
export type {
    AlbFargateNetworkPlan,
    AlbFargateServicePlan,
    ClusterPlan,
    ContainerPlan,
    ExtraTargetPlan,
    LoadBalancerPlan,
    SecretsPlan,
    ServicePlan,
    TargetGroupPlan,
    TaskEgressPlan,
    TaskPlan,
} from "./plan";
