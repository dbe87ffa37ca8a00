/**
 * One entry per topology: everything the stack needs to know about it, in one file under
 * stacks/topologies/. Its config schema (the `topologies:<key>` section), the VPCs and blocks it
 * adds to the environment-wide checks, the names in it that point at other keys, the VPCs it
 * puts on the environment's shared CEN, and its builder. Adding a topology is one such file
 * plus its entry in stacks/topologies/index.ts, its stack file, tests and docs.
 */
import { z } from "zod";
import { RegionalVpc } from "../components/alicloud/vpc";
import { Problems } from "../components/errors";
import type { Builder, Outputs } from "./builder";
import { VpcConfig } from "./schema";

/** A VPC a section declares, at its path inside the section. */
export interface SectionVpc {
    readonly path: readonly string[];
    /** How messages name it, e.g. `S1 ALB VPC`. */
    readonly name: string;
    readonly vpc: VpcConfig;
}

/** An address block a section takes besides its VPCs (a Pod or Service CIDR, a VPC of another cloud). */
export interface SectionBlock {
    readonly path: readonly string[];
    readonly name: string;
    readonly text: string;
}

/** A public listener of a section that serves plain HTTP, refused when the stack is HTTPS-only. */
export interface PlainHttpListener {
    /** The key to change, inside the section. */
    readonly path: readonly string[];
    /** What serves plain HTTP, e.g. `S1's ALB listener (HTTP on 80)`. */
    readonly what: string;
    /** How to serve HTTPS instead. */
    readonly fix: string;
}

/**
 * A topology of the stack. Methods get the section as the schema parsed it; paths they return
 * are relative to the section, problems they record go to a scope already under
 * `topologies:<key>`.
 */
export interface Topology<K extends string = string, S extends z.ZodType = z.ZodType> {
    /** The config key, `topologies:<key>`. */
    readonly key: K;
    /** The tutorial it builds, for messages and docs, e.g. `S1: an ALB in one region over ECS backends in another, via CEN`. */
    readonly title: string;
    /** The section's schema: shapes and types; the components check the meaning. */
    readonly schema: S;
    /** The Alibaba Cloud VPCs the section describes: checked by RegionalVpc's rules and kept disjoint stack-wide. */
    vpcs(section: z.infer<S>): SectionVpc[];
    /** Other blocks that must not overlap any of the stack's. Default: none. */
    blocks?(section: z.infer<S>): SectionBlock[];
    /** Checks names in the section that point at other keys of it (servers' vSwitches, backends' servers). */
    checkReferences?(problems: Problems, section: z.infer<S>): void;
    /** Its public listeners that serve plain HTTP. Default: none (it has no public listener). */
    plainHttpListeners?(section: z.infer<S>): PlainHttpListener[];
    /** The VPCs that join the environment's shared CEN (`topologies:network`), by member name. None: it does not use one. */
    sharedCenMembers?(b: Builder, section: z.infer<S>): Record<string, RegionalVpc>;
    /** Builds the topology; returns its stack outputs. */
    build(b: Builder, section: z.infer<S>): Outputs;
}

/** Declares a topology, keeping its key and schema types for the composed stack schema. */
export function defineTopology<K extends string, S extends z.ZodType>(topology: Topology<K, S>): Topology<K, S> {
    return topology;
}
