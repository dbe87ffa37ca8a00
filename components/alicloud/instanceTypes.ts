/**
 * ENI limits of common ECS instance types: how many ENIs an instance may carry, how many private
 * IPv4 addresses each ENI may hold, and whether an ENI may be bound while the instance runs.
 *
 * Where the numbers come from: the "ENIs" and "Private IPv4 addresses per ENI" columns of
 * Alibaba Cloud's instance family pages ("Overview of instance families", e.g. the g6/c6/r6,
 * g7/c7/r7 and g8i/c8i/r8i tables; "Shared instance families" for xn4), and the section
 * "Instance types of the ECS instances that must be in the Stopped state" of "Bind an ENI"
 * (the shared families need a stopped instance). The authoritative source for any type is the
 * `DescribeInstanceTypes` API (`EniQuantity`, `EniPrivateIpAddressQuantity`,
 * `EniIpv6AddressQuantity`, `EniTotalQuantity`); Alibaba Cloud revises these tables, so a type
 * missing here, or one whose limits changed, is described by the caller with
 * {@link InstanceTypeLimits} instead of editing this file.
 *
 * Only the rows in {@link CONFIRMED_INSTANCE_TYPES} were checked against a current Alibaba Cloud
 * page; the others were transcribed from the family tables without a re-check, so a rejection
 * based on them says so and points at `instanceTypeLimits`. The stacks use `ecs.g7.large` (dev:
 * 3 ENIs × 6 private IPv4, so 8 addresses take 2 secondary ENIs) and `ecs.g7.xlarge` (prod: 4 × 15);
 * both rows are unconfirmed (ENI count and per-ENI addresses from the g7 table, not re-checked).
 */

import { recordOf } from "../checks";

/** ENI limits of one instance type. */
export interface InstanceTypeLimits {
    /** ENIs the instance may carry, the primary ENI included: a whole number from 1 to 100. */
    maxEnis: number;
    /** Private IPv4 addresses one ENI may hold, its primary address included: a whole number from 1 to 1000. */
    maxPrivateIpsPerEni: number;
    /** True when an ENI may be bound while the instance is Running; false: only while Stopped. */
    hotPlug: boolean;
}

/** One size of a family: suffix → [ENIs, private IPv4 per ENI]. */
type SizeTable = Readonly<Record<string, readonly [number, number]>>;

// g6, c6 and r6 share their network specifications size for size; so do the seventh and eighth
// generation families.
const SIXTH_GENERATION: SizeTable = {
    large: [2, 6],
    xlarge: [3, 10],
    "2xlarge": [4, 10],
    "3xlarge": [6, 10],
    "4xlarge": [8, 20],
    "6xlarge": [8, 20],
    "8xlarge": [8, 20],
};
const SEVENTH_GENERATION: SizeTable = {
    large: [3, 6],
    xlarge: [4, 15],
    "2xlarge": [4, 15],
    "3xlarge": [8, 15],
    "4xlarge": [8, 30],
    "6xlarge": [8, 30],
    "8xlarge": [8, 30],
};

function family(prefix: string, sizes: SizeTable, hotPlug: boolean): Array<[string, InstanceTypeLimits]> {
    return Object.entries(sizes).map(([size, [maxEnis, maxPrivateIpsPerEni]]) => [
        `${prefix}.${size}`,
        { maxEnis, maxPrivateIpsPerEni, hotPlug },
    ]);
}

/**
 * ENI limits by instance type, e.g. `INSTANCE_TYPE_LIMITS["ecs.g7.large"]`. Looked up by the type
 * a user writes, so it has no prototype: `constructor` is not an instance type.
 */
export const INSTANCE_TYPE_LIMITS: Readonly<Record<string, InstanceTypeLimits>> = recordOf([
    ...["ecs.g6", "ecs.c6", "ecs.r6"].flatMap(f => family(f, SIXTH_GENERATION, true)),
    ...["ecs.g7", "ecs.c7", "ecs.r7", "ecs.g8i", "ecs.c8i", "ecs.r8i"].flatMap(f =>
        family(f, SEVENTH_GENERATION, true),
    ),
    // "Shared instance families": secondary ENIs bind to an xn4 instance only while it is Stopped.
    ["ecs.xn4.small", { maxEnis: 2, maxPrivateIpsPerEni: 2, hotPlug: false }],
]);

/**
 * Table rows confirmed against a current Alibaba Cloud page: `ecs.c6.large` (2 ENIs, 6 private
 * IPv4 per ENI: "Associate multiple EIPs with an ECS instance in NAT mode") and `ecs.xn4.small`
 * (2 ENIs, 2 per ENI, bound only while Stopped: "Shared instance families"). (`ecs.g7.large`'s 6
 * addresses per ENI are confirmed by "IP prefixes", its 3 ENIs are not.)
 */
export const CONFIRMED_INSTANCE_TYPES: ReadonlySet<string> = new Set(["ecs.c6.large", "ecs.xn4.small"]);

/** The limits of `instanceType`: the caller's own, else the table's, else undefined. */
export function instanceTypeLimits(
    instanceType: string,
    override?: InstanceTypeLimits,
): InstanceTypeLimits | undefined {
    return override ?? INSTANCE_TYPE_LIMITS[instanceType];
}
