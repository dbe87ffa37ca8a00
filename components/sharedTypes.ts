/**
 * The shared types the entry points' signatures name (validation problems, flows). The subpaths
 * `/alicloud`, `/aws` and `/testing` re-export them (`/net` the problems only), so that a user of
 * one subpath can name them without an import of the root.
 */
export type { Problems, ValidationProblem } from "./errors";
export type {
    DeclaresFlows,
    FlowAwsService,
    FlowElasticIp,
    FlowEndpoint,
    FlowHost,
    FlowInternet,
    FlowLoadBalancer,
    FlowProtocol,
    IntendedFlow,
} from "./flows";
