/** {@link AlbFargateService} (S5): the component, its arguments, plan and checks. */
export type {
    AlbFargateNetworkArgs,
    AlbFargateServiceArgs,
    AutoscalingArgs,
    CapacityProviderArgs,
    ContainerArgs,
    ContainerInsightsMode,
    ContainerSecretArgs,
    ExtraTargetArgs,
    FargateCapacityProvider,
    FargateServiceArgs,
    HealthCheckArgs,
    ScalingScheduleArgs,
    ServiceRoutingArgs,
    TargetTrackingArgs,
    TaskEgressArgs,
} from "./args";
export { CONTAINER_INSIGHTS_MODES, FARGATE_CAPACITY_PROVIDERS, TASK_EGRESS_PROTOCOLS } from "./args";
export type {
    ContainerDependencyArgs,
    ContainerDependencyCondition,
    ContainerHealthCheckArgs,
    ContainerRuntimeArgs,
    SidecarArgs,
    SidecarPortMappingArgs,
} from "./containerArgs";
export { CONTAINER_DEPENDENCY_CONDITIONS, SIDECAR_PORT_PROTOCOLS } from "./containerArgs";
export type { ContainerHealthCheckPlan, ContainerImagePlan, ContainerRuntimePlan, SidecarPlan } from "./containerPlan";
export { checkAlbFargateServiceArgs, validateAlbFargateServiceArgs } from "./check";
export type {
    AlbFargateListeners,
    AlbFargateRoles,
    AlbFargateSecurityGroups,
    AlbFargateTargetGroups,
} from "./children";
export { AlbFargateService } from "./component";
export type {
    AlbFargateNetworkPlan,
    AlbFargateServicePlan,
    AutoscalingPlan,
    CapacityProviderPlan,
    ClusterPlan,
    ContainerPlan,
    ExtraTargetPlan,
    LoadBalancerPlan,
    RoutingPlan,
    ScalingSchedulePlan,
    SecretsPlan,
    ServicePlan,
    TargetGroupPlan,
    TargetTrackingPlan,
    TaskEgressPlan,
    TaskPlan,
} from "./plan";
