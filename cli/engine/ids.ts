/** Deterministic, provider-styled fake ids, so snapshots and assertions stay stable. */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { digest } from "../../components/naming";
import type { World } from "./world";

/**
 * The bytes a resource's made-up random value (an auto-name's suffix, a RandomString) is drawn
 * from: the world's naming seed, the stack and `key`, so a plan is stable and two stacks differ.
 */
export function seededDigest(world: Pick<World, "namingSeed">, key: string): Buffer {
    return createHash("sha256").update(`${world.namingSeed}|${pulumi.getStack()}|${key}`).digest();
}

/** An id such as `vpc-mock1a2b3c4d` for the resource named `name`. */
export function fakeId(prefix: string, name: string): string {
    return `${prefix}-mock${digest(name)}`;
}

/**
 * An EC2-style id for the resource named `name`: its prefix and 17 hexadecimal digits, the form
 * EC2 gives since 2016 (EC2 User Guide, "Resource IDs"), e.g. `vpc-0a1b2c3d4e5f60718`. The
 * components check ids they are given in that form (`checkEc2Id`), also ones that come from
 * another resource's outputs, so the offline engine answers in it.
 */
export function fakeEc2Id(prefix: string, name: string): string {
    return `${prefix}-0${digest(name)}${digest(`#${name}`)}`;
}
