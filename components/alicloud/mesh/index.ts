/**
 * ServiceMesh: an ASM mesh over ACK clusters in several regions, joined by a CEN. The folder
 * reads args → plan → checks (the mesh's own, the CEN it joins or builds) → routes, flows and the
 * ASM version lookup → the class; this index is its public surface.
 */
export type { MeshCenArgs, ServiceMeshArgs } from "./args";
export type { MeshAccessLogArgs, MeshConfigPlan, MeshObservabilityArgs, MeshTracingArgs } from "./observability";
export { ACK_API_SERVER_PORT, ASM_EDITIONS, ASM_MESH_SPECS, ASM_PILOT_PORT } from "./args";
export type { BuiltMeshCen, JoinedMeshCen, ServiceMeshPlan } from "./plan";
export type { MeshRoutes } from "./routes";
export { checkServiceMeshArgs, validateServiceMeshArgs } from "./check";
export { ServiceMesh } from "./serviceMesh";
