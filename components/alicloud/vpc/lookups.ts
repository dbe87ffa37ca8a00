/**
 * How components find the vSwitches of a {@link RegionalVpc}: by the name a user gives, or the
 * first of each zone when none is named. The one way to look them up, with one wording for an
 * unknown name.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkKnownName } from "../../checks";
import { Problems } from "../../errors";
import type { VSwitchInfo } from "./args";
import type { RegionalVpc } from "./regionalVpc";

/**
 * The first vSwitch of each zone, in declaration order: where a component places itself (ALB,
 * CEN attachment) when its vSwitches are not named.
 */
export function firstVSwitchPerZone(vpc: RegionalVpc): VSwitchInfo[] {
    const byZone = new Map<string, VSwitchInfo>();
    for (const vsw of Object.values(vpc.vSwitches)) {
        if (!byZone.has(vsw.zoneId)) byZone.set(vsw.zoneId, vsw);
    }
    return [...byZone.values()];
}

/**
 * The vSwitch named `name` in `vpc`, or a problem at `path` naming the VPC and the vSwitches to
 * use (with the closest spelling). The one way every component looks up a vSwitch a user names.
 */
export function findVSwitch(problems: Problems, path: string, vpc: RegionalVpc, name: string): VSwitchInfo | undefined {
    const known = Object.keys(vpc.vSwitches);
    const where = `a vSwitch of VPC '${pulumi.resourceName(vpc)}'`;
    return checkKnownName(problems, path, name, known, "vSwitch", where) ? vpc.vSwitches[name] : undefined;
}

/** The vSwitches named in the list at `path` (problems at `path[i]`), in list order, unknown ones left out. */
export function findVSwitches(
    problems: Problems,
    path: string,
    vpc: RegionalVpc,
    names: readonly string[],
): VSwitchInfo[] {
    return names.flatMap((name, i) => findVSwitch(problems, `${path}[${i}]`, vpc, name) ?? []);
}
