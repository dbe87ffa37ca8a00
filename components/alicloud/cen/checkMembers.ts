/**
 * The checks of a network's members and their attachments: each member a RegionalVpc, one VPC
 * per region unless allowed, the VPC blocks disjoint, the attachment vSwitches in distinct zones;
 * and the console names the CEN instance, its transit routers and attachments get.
 */
import { checkUnique, recordOf } from "../../checks";
import { Problems } from "../../errors";
import { PlacedCidr, checkCidr, checkNoOverlaps } from "../../net";
import { checkAlibabaName } from "../names";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { findVSwitches, firstVSwitchPerZone } from "../vpc/lookups";
import { CenTransitNetworkArgs } from "./args";
import { CenMemberPlan } from "./plan";

/** Console name of a member's VPC attachment: `<component>-<member>`. */
function attachmentName(name: string, member: string): string {
    return `${name}-${member}`;
}

/** Where a problem with the CEN's own name lands: its `cenInstanceName`, or the component's name it defaults to. */
export function cenNamePath(args: CenTransitNetworkArgs): "name" | "cenInstanceName" {
    return args.cenInstanceName === undefined ? "name" : "cenInstanceName";
}

/** The members, each with its region and attachment vSwitches, and the member regions in order of first appearance. */
export function checkMembers(
    problems: Problems,
    args: CenTransitNetworkArgs,
    name: string,
): { members: Record<string, CenMemberPlan>; regions: string[] } {
    const entries = Object.entries(args.members);
    if (entries.length === 0) {
        problems.add(
            "members",
            "no member VPC is given.",
            "Add at least one member VPC; two regions or more for inter-region traffic.",
        );
    }
    const members: Array<[string, CenMemberPlan]> = [];
    const regions: string[] = [];
    const firstInRegion = new Map<string, string>();
    const blocks: PlacedCidr[] = [];
    for (const [key, member] of entries) {
        const path = `members.${key}`;
        const vpc = member.vpc;
        const region = vpc.region;
        const first = firstInRegion.get(region);
        if (first === undefined) {
            firstInRegion.set(region, key);
            regions.push(region);
        } else if (!args.allowMultipleVpcsPerRegion) {
            problems.add(
                `${path}.vpc`,
                `member '${key}' is a second VPC in ${region} (member '${first}' is the first). One CEN carries one VPC ` +
                    "per region in the cross-region ALB pattern (S1): ALBs in different VPCs of one region may not share a " +
                    "transit router to reach backends in another region.",
                "Put the VPC on another CEN, or set allowMultipleVpcsPerRegion: true if no cross-region ALB uses this " +
                    "network.",
            );
        }
        const cidr = checkCidr(problems, `${path}.vpc.cidrBlock`, vpc.cidrBlock, 4);
        if (cidr) blocks.push({ name: `member '${key}' VPC`, cidr, path: `${path}.vpc.cidrBlock` });
        members.push([
            key,
            {
                vpc,
                region,
                attachmentVSwitches: checkAttachmentVSwitches(problems, path, key, vpc, member.attachmentVSwitches),
                attachmentName: attachmentName(name, key),
            },
        ]);
    }
    checkNoOverlaps(
        problems,
        blocks,
        "Give every VPC on one CEN a disjoint block: the transit routers cannot route overlapping blocks.",
    );
    return { members: recordOf(members), regions };
}

/** The attachment's vSwitches: those named, in distinct zones, else the first vSwitch of each zone. */
function checkAttachmentVSwitches(
    problems: Problems,
    path: string,
    key: string,
    vpc: RegionalVpc,
    names: string[] | undefined,
): VSwitchInfo[] {
    if (names === undefined) return firstVSwitchPerZone(vpc);
    const listPath = `${path}.attachmentVSwitches`;
    if (names.length === 0) {
        problems.add(
            listPath,
            `member '${key}' lists no attachment vSwitch.`,
            "Name one vSwitch in each transit-router zone, or leave the list out.",
        );
    }
    const found = findVSwitches(problems, listPath, vpc, names);
    checkUnique(
        problems,
        found.map(v => ({ path: `${listPath}[${names.indexOf(v.name)}]`, key: v.zoneId })),
        "attachment zone",
    );
    return found;
}

/**
 * The console names the CEN instance and its transit routers get, checked with the VPC
 * attachments' names against names.ts. Returns the CEN's name and each region's router name.
 */
export function checkNetworkNames(
    problems: Problems,
    args: CenTransitNetworkArgs,
    name: string,
    regions: readonly string[],
): { cenInstanceName: string; transitRouterNames: Record<string, string> } {
    const cenInstanceName = args.cenInstanceName ?? name;
    const transitRouterNames = Object.fromEntries(regions.map(region => [region, `${cenInstanceName}-${region}`]));
    const path = cenNamePath(args);
    const fix =
        args.cenInstanceName === undefined ? "The CEN takes the component's name: set cenInstanceName." : undefined;
    if (!checkAlibabaName(problems, path, cenInstanceName, "general", "CEN instance", fix)) {
        return { cenInstanceName, transitRouterNames };
    }
    for (const region of regions) {
        checkAlibabaName(
            problems,
            path,
            transitRouterNames[region],
            "general",
            "transit router",
            "Shorten the CEN instance name.",
        );
    }
    for (const key of Object.keys(args.members)) {
        checkAlibabaName(
            problems,
            `members.${key}`,
            attachmentName(name, key),
            "general",
            "VPC attachment",
            "Shorten the component name or the member key.",
        );
    }
    return { cenInstanceName, transitRouterNames };
}
