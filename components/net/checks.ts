/**
 * CIDR checks that record problems instead of throwing, so one component call can report
 * every bad block at once.
 */
import { Problems } from "../errors";
import { Cidr, CidrError, IpAddress, IpFamily, NamedCidr, findOverlaps, parseCidr, parseIp } from "./cidr";

/** A named block together with the input path it came from. */
export interface PlacedCidr extends NamedCidr {
    /** Input path of the block, e.g. `vSwitches.vsw3.cidrBlock`. */
    readonly path: string;
}

/** Parses `text` as a block of `family`; records a problem at `path` and returns undefined if it is not one. */
export function checkCidr(problems: Problems, path: string, text: string, family?: IpFamily): Cidr | undefined {
    try {
        return parseCidr(text, family);
    } catch (e) {
        problems.add(path, e instanceof CidrError ? e.message : String(e));
        return undefined;
    }
}

/** Parses `text` as an address of `family`; records a problem at `path` and returns undefined if it is not one. */
export function checkIp(problems: Problems, path: string, text: string, family?: IpFamily): IpAddress | undefined {
    try {
        const ip = parseIp(text);
        if (family !== undefined && ip.family !== family) {
            problems.add(path, `'${text}' is an IPv${ip.family} address where an IPv${family} address is expected.`);
            return undefined;
        }
        return ip;
    } catch (e) {
        problems.add(path, e instanceof CidrError ? e.message : String(e));
        return undefined;
    }
}

/**
 * Records one problem per overlapping pair, at the path of the later block, naming both owners
 * and blocks, e.g. "vSwitch 'vsw3' 192.168.8.0/24 overlaps vSwitch 'vsw4' 192.168.8.0/25".
 */
export function checkNoOverlaps(problems: Problems, blocks: readonly PlacedCidr[], fix: string): void {
    for (const [a, b] of findOverlaps(blocks)) {
        problems.add(b.path, `${b.name} ${b.cidr.text} overlaps ${a.name} ${a.cidr.text}.`, fix);
    }
}
