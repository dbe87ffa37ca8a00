/**
 * The topologies a stack can build, in build order. Everything else in stacks/ (the config
 * schema, the environment-wide checks, the program, the shared CEN) reads this list.
 */
import { crossRegionAlb } from "./crossRegionAlb";
import { dualStackAlb } from "./dualStackAlb";
import { fargate } from "./fargate";
import { meshFailover } from "./meshFailover";
import { multiEip } from "./multiEip";

export const TOPOLOGIES = [crossRegionAlb, multiEip, dualStackAlb, meshFailover, fargate] as const;
