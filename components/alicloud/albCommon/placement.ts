/** Where an ALB sits: its vSwitches, one per zone, with room for its addresses. */
import { Problems } from "../../errors";
import { cidrSize, parseCidr } from "../../net";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { findVSwitch, firstVSwitchPerZone } from "../vpc/lookups";

/**
 * Addresses Alibaba Cloud keeps in every vSwitch's IPv4 block: the first and the last three
 * (CreateVSwitch: "192.168.1.0, .253, .254 and .255 of 192.168.1.0/24").
 */
export const VSWITCH_RESERVED_IPV4 = 4;

/**
 * Free addresses to keep in each ALB vSwitch. An upgraded ALB takes 3 per vSwitch (one VIP, two
 * local addresses for backends and health checks) and needs room to scale out; the ALB docs ask
 * for at least 8.
 */
export const ALB_MIN_FREE_ADDRESSES = 8;

/** The most zones one ALB spans. */
export const ALB_MAX_ZONES = 10;

/**
 * Addresses of an IPv4 vSwitch block a new resource can still get: its size less the 4
 * Alibaba Cloud reserves and `used` addresses other resources are known to take.
 */
export function freeVSwitchAddresses(cidrBlock: string, used = 0): number {
    return Number(cidrSize(parseCidr(cidrBlock, 4))) - VSWITCH_RESERVED_IPV4 - used;
}

/**
 * The vSwitches an ALB is placed in, checked: known in the VPC, at least two zones, one vSwitch
 * per zone, at most 10 zones, and at least 8 free addresses in each (counting
 * `usedAddresses.get(name)` addresses other resources of the caller take in that vSwitch).
 * `names` undefined places the ALB in the first vSwitch of each zone.
 *
 * @param path input path of the list of vSwitch names, e.g. `albVSwitches`.
 */
export function checkAlbVSwitches(
    problems: Problems,
    path: string,
    vpc: RegionalVpc,
    names: readonly string[] | undefined,
    usedAddresses: ReadonlyMap<string, number> = new Map(),
): VSwitchInfo[] {
    const listed = names ?? firstVSwitchPerZone(vpc).map(v => v.name);
    const found: VSwitchInfo[] = [];
    const byZone = new Map<string, string>();
    listed.forEach((name, i) => {
        const vsw = findVSwitch(problems, `${path}[${i}]`, vpc, name);
        if (!vsw) return;
        const other = byZone.get(vsw.zoneId);
        if (other !== undefined) {
            problems.add(
                `${path}[${i}]`,
                `vSwitch '${name}' is in zone ${vsw.zoneId}, like vSwitch '${other}'; ` +
                    "an ALB takes one vSwitch per zone.",
                `Keep one vSwitch per zone in ${path}.`,
            );
            return;
        }
        byZone.set(vsw.zoneId, name);
        const used = usedAddresses.get(name) ?? 0;
        const free = freeVSwitchAddresses(vsw.cidrBlock, used);
        if (free < ALB_MIN_FREE_ADDRESSES) {
            const others = used > 0 ? ` and ${used} taken by backends in it` : "";
            problems.add(
                `${path}[${i}]`,
                `vSwitch '${name}' ${vsw.cidrBlock} leaves ${free} free addresses ` +
                    `(${VSWITCH_RESERVED_IPV4} reserved by Alibaba Cloud${others}); ` +
                    `an ALB needs at least ${ALB_MIN_FREE_ADDRESSES}.`,
                "Give the ALB a vSwitch of /28 or larger with room to spare.",
            );
        }
        found.push(vsw);
    });
    if (listed.length < 2) {
        const placed = (name: string) =>
            Object.hasOwn(vpc.vSwitches, name) ? `${name} in ${vpc.vSwitches[name].zoneId}` : name;
        const got = listed.map(placed).join(", ") || "none";
        problems.add(
            path,
            `the ALB is placed in ${listed.length} zone(s); it needs vSwitches in at least two zones (got ${got}).`,
            names === undefined
                ? "Add a vSwitch in a second zone to the VPC."
                : "Name one vSwitch in each of two or more zones.",
        );
    } else if (byZone.size > ALB_MAX_ZONES) {
        problems.add(
            path,
            `the ALB is placed in ${byZone.size} zones; an ALB spans at most ${ALB_MAX_ZONES}.`,
            `Name at most ${ALB_MAX_ZONES} vSwitches.`,
        );
    }
    return found;
}
