/**
 * The CrossGuard pack: `pulumi preview --policy-pack policy/` runs these rules over a whole stack.
 * The rules themselves live in ./policies so they can be tested without starting a pack server.
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("topologies", { policies });
