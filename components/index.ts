/**
 * pulumi-topologies: typed, validated Pulumi components for five reference network topologies.
 *
 * ```ts
 * import { alicloud, aws, net } from "pulumi-topologies";
 * ```
 */
export * as alicloud from "./alicloud";
export * as aws from "./aws";
export * as net from "./net";
export * from "./errors";
export * from "./flows";
