/**
 * `pulumi-topologies/aws`: S5 (an ALB in front of Fargate tasks registered by IP) and the
 * two-tier VPC it runs in, their args, plans and checks, and the limits users write against.
 * Named exports only: the name and size checks the components share are internal.
 */
export * from "./albFargateService";
export * from "./network";
export {
    CPU_ARCHITECTURES,
    DEFAULT_SSL_POLICY,
    ELB_NAME_MAX,
    ELB_SSL_POLICIES,
    FARGATE_MEMORY_BY_CPU,
    LOG_RETENTION_DAYS,
} from "./fargate";
export type { CpuArchitecture } from "./fargate";
export type { ResolvedAwsRegion } from "./region";
export * from "../sharedTypes";
