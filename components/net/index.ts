export * from "./cidr";
export * from "./checks";
export * from "./internet";
// The shared type the checks take, so that a user of this subpath can name it too.
export type { Problems, ValidationProblem } from "../errors";
