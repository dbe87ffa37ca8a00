import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { checkIntegerInRange, checkOneOf, checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { Cidr, PlacedCidr, addressSlug, checkCidr, checkNoOverlaps, cidrsOverlap } from "../net";
import { checkRegionalProviders, userProvider } from "../providers";
import { checkAlibabaName } from "./names";
import { CEN_PACKAGE_AREAS, GeographicArea, geographicArea } from "./regions";
import { RegionalVpc, VSwitchInfo } from "./vpc";

/** One VPC on the network. */
export interface CenMemberArgs {
    /** The member VPC (a RegionalVpc, created or fromExisting). */
    vpc: RegionalVpc;
    /**
     * Names (keys of `vpc.vSwitches`) of the vSwitches the VPC attachment uses: one per
     * transit-router zone, distinct zones. Default: the first vSwitch of each zone, in order
     * (the tutorial's VSW1+VSW2 and VSW3+VSW4).
     */
    attachmentVSwitches?: string[];
}

/** One inter-region connection between the transit routers of two member regions. */
export interface CenPeeringArgs {
    /** The two member regions the connection joins; the first one's transit router creates it. */
    regions: [string, string];
    /**
     * Bandwidth of the connection, Mbit/s (whole number, at least 1): allocated from the bandwidth
     * package of its areas, or, billed by data transfer, the most it may carry ("the maximum
     * bandwidth", CreateTransitRouterPeerAttachment `Bandwidth`).
     */
    bandwidthMbps: number;
    /**
     * How the connection is billed: `BandwidthPackage` (from the package of its areas) or
     * `DataTransfer` (by the data it carries, even when the network has packages). Default: from
     * the package of its areas when the network has packages, else by data transfer.
     */
    bandwidthType?: "BandwidthPackage" | "DataTransfer";
}

/**
 * A CEN bandwidth package (the console's "bandwidth plan"): bandwidth bought for the connections
 * between one pair of geographic areas, instead of paying for the data they carry.
 */
export interface CenBandwidthPackageArgs {
    /**
     * Bandwidth of the package in Mbit/s (at least 2, the provider's minimum). The bandwidths of
     * the connections it serves must add up to no more than this.
     */
    bandwidthMbps: number;
    /**
     * The two geographic areas the package connects, e.g. `["China", "Europe"]` (the same area
     * twice for connections inside one). Default: the areas of the network's connections, which
     * must then be one pair. Required when there are several packages.
     */
    areas?: [GeographicArea, GeographicArea];
    /**
     * Id of a bandwidth package that already exists and is not yet bound to another CEN: it is
     * bound to this network instead of buying a new one. Its geographic areas are then the
     * caller's responsibility. Default: buy a package.
     */
    id?: pulumi.Input<string>;
    /**
     * Billing of a new package: `PrePaid` (a subscription: `pulumi destroy` cannot delete it, the
     * provider only drops it from the state, and it bills until it expires) or `PostPaid`.
     * Default: `PrePaid`, the provider's default and the only method every account may use.
     */
    paymentType?: "PrePaid" | "PostPaid";
    /**
     * Months of a new `PrePaid` package: 1, 2, 3, 6 or 12 (the provider's list; the API
     * documents 1–3 and 6 for the monthly cycle the provider sends, so 12 is unconfirmed).
     * Default: 1.
     */
    period?: 1 | 2 | 3 | 6 | 12;
    /**
     * Renew a new `PrePaid` package automatically when it expires, so inter-region traffic does
     * not stop. Set at creation only: the provider neither reads it back nor updates it.
     * Default: false, the provider's.
     */
    autoRenew?: boolean;
}

/** A route in a member VPC's system route table that sends a block to the transit router. */
export interface CenVpcRouteArgs {
    /** Member whose VPC system route table gets the entry; the next hop is that member's attachment. */
    member: string;
    /** IPv4 block to send to the transit router, e.g. the tutorial's backend vSwitch 192.168.7.0/24. */
    destinationCidrBlock: string;
}

/** A static route in a region's transit-router system route table. */
export interface CenTransitRouterRouteArgs {
    /** Member region whose transit router gets the entry. */
    region: string;
    /** IPv4 block to route, e.g. an ALB back-to-origin block. */
    destinationCidrBlock: string;
    /** Member (in `region`) whose VPC attachment is the next hop. */
    nextHopMember: string;
}

/** Arguments of a {@link CenTransitNetwork}. */
export interface CenTransitNetworkArgs {
    /** Member name → VPC. One or more; the regions of the members are the network's regions. */
    members: Record<string, CenMemberArgs>;
    /** Name of the CEN instance in the console. Default: the component's name. */
    cenInstanceName?: string;
    /**
     * Inter-region connections: `"full-mesh"` connects every pair of member regions with
     * `peerBandwidthMbps` each; a list connects only the pairs listed. Default: `"full-mesh"`
     * (for two regions, the tutorial's single connection).
     */
    peerings?: "full-mesh" | CenPeeringArgs[];
    /** Bandwidth of each full-mesh connection, Mbit/s. Default: 10. */
    peerBandwidthMbps?: number;
    /**
     * The bandwidth package the inter-region connections draw from (the tutorial's "bandwidth
     * plan"), for a network whose connections stay within one pair of geographic areas.
     * Default: none; each connection is billed by the data it carries (`DataTransfer`), which
     * costs nothing while idle and which `pulumi destroy` removes.
     */
    bandwidthPackage?: CenBandwidthPackageArgs;
    /**
     * Bandwidth packages for a network over several pairs of geographic areas, one per pair (a
     * CEN takes one package per pair: AssociateCenBandwidthPackage, "You cannot attach more than
     * one bandwidth plan for the same connected areas"), each with its `areas`. Every connection
     * then draws from the package of its areas. Default: none (billed by data transfer).
     */
    bandwidthPackages?: CenBandwidthPackageArgs[];
    /** Extra entries in member VPCs' system route tables ("send these blocks to the transit router"). Default: none. */
    vpcRoutes?: CenVpcRouteArgs[];
    /** Static entries in transit routers' system route tables. Default: none (each router learns its attachments' routes by propagation). */
    transitRouterRoutes?: CenTransitRouterRouteArgs[];
    /**
     * Allow several member VPCs in one region; they then share that region's transit router.
     * Default: false, because the cross-region ALB pattern (S1) requires one VPC per region per
     * CEN; the service mesh (S4) sets it for its two cn-hangzhou VPCs.
     */
    allowMultipleVpcsPerRegion?: boolean;
    /** Tags on every taggable resource of the network. Default: none. */
    tags?: Record<string, string>;
}

/** A region's transit router as other components see it. */
export interface CenTransitRouterInfo {
    /** Transit router id, `tr-…` (not the resource's composite `cen:tr` id). */
    readonly transitRouterId: pulumi.Output<string>;
    /** Id of the transit router's system route table. */
    readonly routeTableId: pulumi.Output<string>;
    /** The provider of the region, which every resource on this transit router must use. */
    readonly provider: alicloud.Provider;
}

/** A member's VPC attachment as other components see it. */
export interface CenAttachmentInfo {
    /** Attachment id, `tr-attach-…`. */
    readonly attachmentId: pulumi.Output<string>;
    /** Region of the member. */
    readonly region: string;
    /**
     * The attachment's association with its transit router's system route table: depend on it
     * before routing traffic through the attachment.
     */
    readonly association: pulumi.Resource;
}

const TYPE = "topologies:alicloud:CenTransitNetwork";

/** Attachments and peerings take minutes to build and to tear down. */
const SLOW = { create: "30m", update: "30m", delete: "30m" };

/** Default bandwidth of each full-mesh connection, Mbit/s. */
export const DEFAULT_PEER_BANDWIDTH_MBPS = 10;

/** The smallest bandwidth package the provider sells (`cen.BandwidthPackage.bandwidth`: "cannot be less than 2Mbps"). */
export const MIN_BANDWIDTH_PACKAGE_MBPS = 2;

/** A member after validation: its VPC, region and the vSwitches its attachment uses. */
export interface ResolvedMember {
    readonly vpc: RegionalVpc;
    readonly region: string;
    readonly attachmentVSwitches: VSwitchInfo[];
}

/** One inter-region connection after validation, with its canonical key `a:b`. */
export interface ResolvedPeering {
    readonly key: string;
    readonly regions: [string, string];
    readonly bandwidthMbps: number;
    /** The pair of geographic areas it crosses, China first, as `A/B`. */
    readonly areaPair: string;
    /** Billed by data transfer although the network has packages (`bandwidthType: "DataTransfer"`). */
    readonly dataTransfer?: boolean;
    /** Asked to draw from a package (`bandwidthType: "BandwidthPackage"`). */
    readonly fromPackage?: boolean;
}

/** A bandwidth package after validation: the area pair it serves and what it is. */
export interface ResolvedPackage {
    /** The pair of geographic areas, sorted, as `A/B` (keys {@link ResolvedPeering.areaPair}). */
    readonly areaPair: string;
    readonly areas: [GeographicArea, GeographicArea];
    readonly args: CenBandwidthPackageArgs;
    /** The package's bandwidth, Mbit/s. */
    readonly bandwidthMbps: number;
    /** How a new package is paid for, defaulted: `PrePaid`, the provider's default. */
    readonly paymentType: "PrePaid" | "PostPaid";
}

/** What validation hands to the constructor. */
export interface ResolvedNetwork {
    readonly members: Record<string, ResolvedMember>;
    /** Member regions in order of first appearance. */
    readonly regions: string[];
    readonly peerings: ResolvedPeering[];
    /** The bandwidth packages the connections draw from; none when they are billed by data transfer. */
    readonly packages: ResolvedPackage[];
    readonly vpcRoutes: Array<{ member: string; cidr: string }>;
    readonly transitRouterRoutes: Array<{ region: string; cidr: string; nextHopMember: string }>;
}

/** The first vSwitch of each zone, in declaration order. */
function defaultAttachmentVSwitches(vpc: RegionalVpc): VSwitchInfo[] {
    const byZone = new Map<string, VSwitchInfo>();
    for (const vsw of Object.values(vpc.vSwitches)) {
        if (!byZone.has(vsw.zoneId)) byZone.set(vsw.zoneId, vsw);
    }
    return [...byZone.values()];
}

/** Key of an unordered region pair, e.g. `cn-chengdu:cn-hangzhou`. */
function pairKey(a: string, b: string): string {
    return `${a}:${b}`;
}

/**
 * Checks a network description against every rule before anything is registered and returns
 * the resolved plan. Pure: it registers nothing.
 */
export function validateCenTransitNetworkArgs(name: string, args: CenTransitNetworkArgs, opts?: pulumi.ComponentResourceOptions): ResolvedNetwork {
    return validate(`${TYPE} '${name}'`, problems => {
        const plan = checkCenTransitNetworkArgs(problems, args, name);
        checkRegionalProviders(problems, opts, plan.regions);
        return plan;
    });
}

/**
 * The checks of {@link validateCenTransitNetworkArgs}, recording into `problems` instead of
 * throwing, so a component that creates a network can report the network's problems together
 * with its own before it registers anything.
 */
export function checkCenTransitNetworkArgs(problems: Problems, args: CenTransitNetworkArgs, name: string): ResolvedNetwork {
    const entries = Object.entries(args.members ?? {});
    if (entries.length === 0) {
        problems.add("members", "no member VPC is given.", "Add at least one member VPC; two regions or more for inter-region traffic.");
    }
    const members: Record<string, ResolvedMember> = {};
    const regions: string[] = [];
    const firstInRegion = new Map<string, string>();
    const blocks: PlacedCidr[] = [];
    for (const [key, member] of entries) {
        const path = `members.${key}`;
        const vpc = member?.vpc;
        if (!(vpc instanceof RegionalVpc)) {
            problems.add(`${path}.vpc`, `member '${key}' has no RegionalVpc.`, "Pass a RegionalVpc (new or RegionalVpc.fromExisting).");
            continue;
        }
        const region = vpc.region;
        const first = firstInRegion.get(region);
        if (first === undefined) {
            firstInRegion.set(region, key);
            regions.push(region);
        } else if (!args.allowMultipleVpcsPerRegion) {
            problems.add(`${path}.vpc`,
                `member '${key}' is a second VPC in ${region} (member '${first}' is the first). One CEN carries one VPC per region in ` +
                "the cross-region ALB pattern (S1): ALBs in different VPCs of one region may not share a transit router to reach " +
                "backends in another region.",
                "Put the VPC on another CEN, or set allowMultipleVpcsPerRegion: true if no cross-region ALB uses this network.");
        }
        const cidr = checkCidr(problems, `${path}.vpc.cidrBlock`, vpc.cidrBlock, 4);
        if (cidr) blocks.push({ name: `member '${key}' VPC`, cidr, path: `${path}.vpc.cidrBlock` });
        members[key] = { vpc, region, attachmentVSwitches: checkAttachmentVSwitches(problems, path, key, vpc, member.attachmentVSwitches) };
    }
    checkNoOverlaps(problems, blocks,
        "Give every VPC on one CEN a disjoint block: the transit routers cannot route overlapping blocks.");

    checkNetworkNames(problems, args, name, regions);
    const peerings = checkPeerings(problems, args, regions);
    const packages = checkBandwidthPackages(problems, args, peerings);
    for (const pkg of packages) {
        if (pkg.args.id !== undefined) continue;
        checkAlibabaName(problems, args.cenInstanceName === undefined ? "name" : "cenInstanceName", `${args.cenInstanceName ?? name}-${packageSuffix(pkg, packages)}`,
            "bandwidthPackage", "bandwidth package", "Shorten the CEN instance name.");
    }
    const vpcRoutes = checkVpcRoutes(problems, args.vpcRoutes ?? [], members);
    const transitRouterRoutes = checkTransitRouterRoutes(problems, args.transitRouterRoutes ?? [], members, regions);
    return { members, regions, peerings, packages, vpcRoutes, transitRouterRoutes };
}

/** The names the CEN instance, its transit routers, attachments and bandwidth package get (names.ts). */
function checkNetworkNames(problems: Problems, args: CenTransitNetworkArgs, name: string, regions: readonly string[]): void {
    const cenName = args.cenInstanceName ?? name;
    const path = args.cenInstanceName === undefined ? "name" : "cenInstanceName";
    const fix = args.cenInstanceName === undefined ? "The CEN takes the component's name: set cenInstanceName." : undefined;
    if (!checkAlibabaName(problems, path, cenName, "general", "CEN instance", fix)) return;
    for (const region of regions) checkAlibabaName(problems, path, `${cenName}-${region}`, "general", "transit router", "Shorten the CEN instance name.");
    for (const key of Object.keys(args.members ?? {})) {
        checkAlibabaName(problems, `members.${key}`, `${name}-${key}`, "general", "VPC attachment", "Shorten the component name or the member key.");
    }
}

function checkAttachmentVSwitches(problems: Problems, path: string, key: string, vpc: RegionalVpc, names: string[] | undefined): VSwitchInfo[] {
    if (names === undefined) return defaultAttachmentVSwitches(vpc);
    const listPath = `${path}.attachmentVSwitches`;
    if (names.length === 0) {
        problems.add(listPath, `member '${key}' lists no attachment vSwitch.`, "Name one vSwitch in each transit-router zone, or leave the list out.");
    }
    const found: VSwitchInfo[] = [];
    names.forEach((vswName, i) => {
        const vsw = vpc.vSwitches[vswName];
        if (vsw === undefined) {
            problems.add(`${listPath}[${i}]`, `vSwitch '${vswName}' is not a vSwitch of member '${key}'s VPC.`,
                `Use one of: ${Object.keys(vpc.vSwitches).join(", ")}.`);
        } else {
            found.push(vsw);
        }
    });
    checkUnique(problems, found.map(v => ({ path: `${listPath}[${names.indexOf(v.name)}]`, key: v.zoneId })), "attachment zone");
    return found;
}

function checkPeerings(problems: Problems, args: CenTransitNetworkArgs, regions: string[]): ResolvedPeering[] {
    const spec = args.peerings ?? "full-mesh";
    if (spec === "full-mesh") {
        const bandwidth = args.peerBandwidthMbps ?? DEFAULT_PEER_BANDWIDTH_MBPS;
        checkIntegerInRange(problems, "peerBandwidthMbps", bandwidth, 1, 100000, "peering bandwidth (Mbit/s)");
        const pairs: ResolvedPeering[] = [];
        for (let i = 0; i < regions.length; i++) {
            for (let j = i + 1; j < regions.length; j++) {
                const pair: [string, string] = [regions[i], regions[j]];
                pairs.push({ key: pairKey(...pair), regions: pair, bandwidthMbps: bandwidth, areaPair: areasOf(pair).join("/") });
            }
        }
        return pairs;
    }
    if (args.peerBandwidthMbps !== undefined) {
        problems.add("peerBandwidthMbps", "peerBandwidthMbps applies to full-mesh peerings only; the listed peerings carry their own bandwidth.",
            "Set bandwidthMbps on each listed peering and drop peerBandwidthMbps.");
    }
    const resolved: ResolvedPeering[] = [];
    const seen = new Map<string, number>();
    spec.forEach((peering, i) => {
        const path = `peerings[${i}]`;
        const [a, b] = peering.regions ?? [];
        let ok = true;
        for (const [k, region] of [[0, a], [1, b]] as const) {
            if (!regions.includes(region)) {
                problems.add(`${path}.regions[${k}]`, `region '${region}' has no member VPC.`, `Use a member region: ${regions.join(", ")}.`);
                ok = false;
            }
        }
        if (a === b) {
            problems.add(`${path}.regions`, `peering joins region '${a}' to itself.`, "An inter-region connection joins two different regions.");
            ok = false;
        }
        checkIntegerInRange(problems, `${path}.bandwidthMbps`, peering.bandwidthMbps, 1, 100000, "peering bandwidth (Mbit/s)");
        if (!ok) return;
        const key = [a, b].sort().join(":");
        const first = seen.get(key);
        if (first !== undefined) {
            problems.add(`${path}.regions`, `regions ${a} and ${b} are already connected by peerings[${first}].`, "List each region pair once.");
            return;
        }
        seen.set(key, i);
        if (peering.bandwidthType !== undefined) checkOneOf(problems, `${path}.bandwidthType`, peering.bandwidthType, ["BandwidthPackage", "DataTransfer"], "bandwidth type");
        resolved.push({
            key: pairKey(a, b), regions: [a, b], bandwidthMbps: peering.bandwidthMbps, areaPair: areasOf([a, b]).join("/"),
            dataTransfer: peering.bandwidthType === "DataTransfer", fromPackage: peering.bandwidthType === "BandwidthPackage",
        });
    });
    return resolved;
}

/** What a package's console name ends with: `bwp` for the only one (the name it always had), else `bwp-<area>-<area>` (renamed in place). */
function packageSuffix(pkg: ResolvedPackage, all: readonly ResolvedPackage[]): string {
    return all.length === 1 ? "bwp" : `bwp-${areasSlug(pkg)}`;
}

/** `china-europe`: a package's areas as names spell them. */
function areasSlug(pkg: ResolvedPackage): string {
    return pkg.areas.join("-").toLowerCase();
}

/** The geographic areas a connection between two regions crosses, sorted (a package covers one such pair). */
function areasOf(regions: readonly [string, string]): [GeographicArea, GeographicArea] {
    return orderAreas(regions.map(r => geographicArea(r) ?? (r as GeographicArea)) as [GeographicArea, GeographicArea]);
}

/**
 * A pair of areas in the order a package is bought with: China first, as the provider puts it
 * when it builds the request (buildAliCloudCenBandwidthPackageArgs: "if … == China"), then by name.
 * Both area fields force a new package, so the order must not change between runs.
 */
function orderAreas(areas: readonly [GeographicArea, GeographicArea]): [GeographicArea, GeographicArea] {
    return [...areas].sort((a, b) => (a === "China" ? -1 : b === "China" ? 1 : a.localeCompare(b))) as [GeographicArea, GeographicArea];
}


/**
 * Resolves where each connection's bandwidth comes from: no package (billed by data transfer),
 * or the one package of its pair of geographic areas.
 */
function checkBandwidthPackages(problems: Problems, args: CenTransitNetworkArgs, allPeerings: ResolvedPeering[]): ResolvedPackage[] {
    // Connections asked to pay by data transfer need no package.
    const peerings = allPeerings.filter(p => !p.dataTransfer);
    if (args.bandwidthPackages !== undefined && !Array.isArray(args.bandwidthPackages)) {
        problems.add("bandwidthPackages", "is not a list.", "List the packages, one per pair of geographic areas.");
        return [];
    }
    if (args.bandwidthPackage !== undefined && args.bandwidthPackages !== undefined) {
        problems.add("bandwidthPackages", "both bandwidthPackage and bandwidthPackages are given.",
            "Use bandwidthPackage for a network within one pair of areas, bandwidthPackages (each with areas) for several.");
        return [];
    }
    const listed: Array<{ path: string; pkg: CenBandwidthPackageArgs }> = args.bandwidthPackages !== undefined
        ? args.bandwidthPackages.map((pkg, i) => ({ path: `bandwidthPackages[${i}]`, pkg }))
        : args.bandwidthPackage !== undefined ? [{ path: "bandwidthPackage", pkg: args.bandwidthPackage }] : [];
    if (listed.length === 0) {
        allPeerings.filter(p => p.fromPackage).forEach(p => problems.add("peerings", `connection ${p.key} asks for bandwidthType BandwidthPackage, but the network has no bandwidth package.`,
            "Add a bandwidth package for its areas, or drop bandwidthType to bill it by data transfer."));
        return [];
    }
    if (peerings.length === 0) {
        problems.add(listed[0].path, "the network has no inter-region connection to draw from a bandwidth package.",
            "Drop the bandwidth package, or add members in another region.");
        return [];
    }
    const pairs = [...new Set(peerings.map(p => p.areaPair))];
    const resolved: ResolvedPackage[] = [];
    for (const { path, pkg } of listed) {
        let areas = pkg.areas;
        if (areas === undefined) {
            if (listed.length > 1) {
                problems.add(`${path}.areas`, "with several bandwidth packages, each names the two geographic areas it connects.", "Set areas, e.g. [China, Europe].");
                continue;
            }
            if (pairs.length > 1) {
                problems.add(path, `the connections span several pairs of geographic areas (${pairs.join(", ")}), but one bandwidth package covers one pair.`,
                    `List one package per pair in bandwidthPackages, each with its areas, or drop the package to bill the connections by data transfer.`);
                continue;
            }
            areas = peerings[0].areaPair.split("/") as [GeographicArea, GeographicArea];
        } else {
            const bad = Array.isArray(areas) ? areas.filter(a => !(CEN_PACKAGE_AREAS as readonly string[]).includes(a)) : [String(areas)];
            if (!Array.isArray(areas) || areas.length !== 2 || bad.length > 0) {
                problems.add(`${path}.areas`, `areas must be two of ${CEN_PACKAGE_AREAS.join(", ")}${bad.length > 0 ? `; got ${bad.join(", ")}` : ""}.`,
                    "Name the two geographic areas the package connects.");
                continue;
            }
        }
        const areaPair = orderAreas(areas).join("/");
        if (resolved.some(r => r.areaPair === areaPair)) {
            problems.add(`${path}.areas`, `a second bandwidth package for ${areaPair}; a CEN takes one package per pair of areas.`, "Merge the two into one package.");
            continue;
        }
        const served = peerings.filter(p => p.areaPair === areaPair);
        if (served.length === 0) {
            problems.add(`${path}.areas`, `no connection crosses ${areaPair}, so the package would bill for nothing.`, `Use the areas of a connection: ${pairs.join(", ")}.`);
            continue;
        }
        const total = served.reduce((sum, p) => sum + p.bandwidthMbps, 0);
        if (checkIntegerInRange(problems, `${path}.bandwidthMbps`, pkg.bandwidthMbps, MIN_BANDWIDTH_PACKAGE_MBPS, 100000, "bandwidth package size (Mbit/s)")
            && total > pkg.bandwidthMbps) {
            problems.add(`${path}.bandwidthMbps`,
                `the connections across ${areaPair} need ${total} Mbit/s together (${served.map(p => `${p.key} ${p.bandwidthMbps}`).join(", ")}) but the bandwidth package has ${pkg.bandwidthMbps} Mbit/s.`,
                `Grow the package to at least ${total} Mbit/s or lower the connections' bandwidth.`);
        }
        const paymentType = pkg.paymentType ?? "PrePaid";
        const prePaid = paymentType === "PrePaid";
        if (pkg.period !== undefined && !prePaid) problems.add(`${path}.period`, "period applies to PrePaid packages only.", "Drop period or use paymentType PrePaid.");
        if (pkg.autoRenew !== undefined && !prePaid) problems.add(`${path}.autoRenew`, "autoRenew applies to PrePaid packages only.", "Drop autoRenew or use paymentType PrePaid.");
        resolved.push({ areaPair, areas: orderAreas(areas), args: pkg, bandwidthMbps: pkg.bandwidthMbps, paymentType });
    }
    for (const pair of pairs) {
        if (resolved.length > 0 && !resolved.some(r => r.areaPair === pair)) {
            const crossing = peerings.filter(p => p.areaPair === pair).map(p => p.key).join(", ");
            problems.add("bandwidthPackages", `the connections ${crossing} cross ${pair}, which no bandwidth package covers.`,
                `Add a package with areas [${pair.split("/").join(", ")}], or drop the packages to bill every connection by data transfer.`);
        }
    }
    return resolved;
}

function checkRouteBlock(problems: Problems, path: string, text: string): Cidr | undefined {
    return checkCidr(problems, path, text, 4);
}

function checkVpcRoutes(problems: Problems, routes: CenVpcRouteArgs[], members: Readonly<Record<string, { vpc: RegionalVpc }>>): Array<{ member: string; cidr: string }> {
    const resolved: Array<{ member: string; cidr: string }> = [];
    const seen: Array<{ path: string; key: string }> = [];
    routes.forEach((route, i) => {
        const path = `vpcRoutes[${i}]`;
        const member = members[route.member];
        if (member === undefined) {
            problems.add(`${path}.member`, `'${route.member}' is not a member of this network.`, `Use one of: ${Object.keys(members).join(", ")}.`);
        }
        const block = checkRouteBlock(problems, `${path}.destinationCidrBlock`, route.destinationCidrBlock);
        if (!member || !block) return;
        const local = Object.values(member.vpc.vSwitches).find(v => cidrsOverlap(v.cidrBlock, block));
        if (local) {
            problems.add(`${path}.destinationCidrBlock`,
                `${block.text} overlaps vSwitch '${local.name}' ${local.cidrBlock} of member '${route.member}' itself; its own system route wins.`,
                "Route only blocks outside the member's vSwitches to the transit router.");
            return;
        }
        resolved.push({ member: route.member, cidr: block.text });
        seen.push({ path: `${path}.destinationCidrBlock`, key: `${route.member} → ${block.text}` });
    });
    checkUnique(problems, seen, "VPC route");
    return resolved;
}

function checkTransitRouterRoutes(problems: Problems, routes: CenTransitRouterRouteArgs[], members: Readonly<Record<string, { region: string }>>, regions: string[]):
    Array<{ region: string; cidr: string; nextHopMember: string }> {
    const resolved: Array<{ region: string; cidr: string; nextHopMember: string }> = [];
    const seen: Array<{ path: string; key: string }> = [];
    routes.forEach((route, i) => {
        const path = `transitRouterRoutes[${i}]`;
        const regionOk = regions.includes(route.region);
        if (!regionOk) {
            problems.add(`${path}.region`, `region '${route.region}' has no member VPC, so no transit router.`, `Use a member region: ${regions.join(", ")}.`);
        }
        const member = members[route.nextHopMember];
        if (member === undefined) {
            problems.add(`${path}.nextHopMember`, `'${route.nextHopMember}' is not a member of this network.`, `Use one of: ${Object.keys(members).join(", ")}.`);
        } else if (regionOk && member.region !== route.region) {
            problems.add(`${path}.nextHopMember`,
                `member '${route.nextHopMember}' is in ${member.region}; a static route of the ${route.region} transit router must point at an attachment of that router.`,
                `Use a member in ${route.region} as the next hop.`);
        }
        const block = checkRouteBlock(problems, `${path}.destinationCidrBlock`, route.destinationCidrBlock);
        if (regionOk && member && member.region === route.region && block) {
            resolved.push({ region: route.region, cidr: block.text, nextHopMember: route.nextHopMember });
            seen.push({ path: `${path}.destinationCidrBlock`, key: `${route.region} → ${block.text}` });
        }
    });
    checkUnique(problems, seen, "transit-router route");
    return resolved;
}

/**
 * A Cloud Enterprise Network joining VPCs in any number of regions: one CEN instance, one
 * Enterprise Edition transit router per member region, a VPC attachment per member (one vSwitch
 * per transit-router zone), explicit association and propagation on each transit router's system
 * route table, inter-region connections (full mesh or listed pairs) billed by data transfer or
 * drawing bandwidth from the bandwidth package of their pair of geographic areas, each
 * advertising its router's routes to the peer, and extra VPC and
 * transit-router route entries. A VPC attachment writes no route into its VPC: only the
 * `vpcRoutes` given (or added with {@link addVpcRoutes}) send traffic to the transit router.
 *
 * Writes to one route table happen one after another (a `dependsOn` chain per table), because
 * the cloud rejects concurrent writes to one table; different tables are written in parallel.
 * Components that join an existing network add their routes with {@link addVpcRoutes} and
 * {@link addTransitRouterRoutes}, which continue the same chains.
 */
export class CenTransitNetwork extends pulumi.ComponentResource {
    /** CEN instance id, `cen-…`. */
    readonly cenId: pulumi.Output<string>;
    /** Transit router per member region. */
    readonly transitRouters: Readonly<Record<string, CenTransitRouterInfo>>;
    /** VPC attachment per member. */
    readonly attachments: Readonly<Record<string, CenAttachmentInfo>>;
    /** Inter-region connection ids by region pair `a:b` (the first region created it). */
    readonly peerAttachmentIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Id of the bandwidth package, when the connections draw from exactly one. */
    readonly bandwidthPackageId?: pulumi.Output<string>;
    /** Ids of the bandwidth packages by pair of geographic areas (`China/Europe`); empty when the connections are billed by data transfer. */
    readonly bandwidthPackageIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Ids of the VPC route entries given in the args, by `member:cidr`. */
    readonly vpcRouteEntryIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Ids (`rte-…`) of the transit-router route entries given in the args, by `region:cidr`. */
    readonly transitRouterRouteEntryIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Member name → VPC and region, for components that build on this network. */
    readonly members: Readonly<Record<string, { readonly vpc: RegionalVpc; readonly region: string }>>;

    private readonly networkName: string;
    /** Last write of each route table (`vpc:<member>`, `tr:<region>`), the next write depends on it. */
    private readonly tails = new Map<string, pulumi.Resource>();
    /**
     * Every route written, by table and destination. Two components joining this network (two
     * ALBs on the same VPCs) may ask for the same route: the cloud refuses a second entry for one
     * destination in one table, so the existing entry serves both.
     */
    private readonly routes = new Map<string, { entry: pulumi.Resource; nextHopMember: string }>();

    constructor(name: string, args: CenTransitNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateCenTransitNetworkArgs(name, args, opts);
        super(TYPE, name, {}, opts);
        this.networkName = name;
        this.members = Object.fromEntries(Object.entries(plan.members).map(([k, m]) => [k, { vpc: m.vpc, region: m.region }]));

        // Each region's provider is its VPCs'; a provider from opts (or a parent) serves a network in one region only.
        const given = plan.regions.length === 1 ? userProvider<alicloud.Provider>(opts, "alicloud") : undefined;
        const providers = new Map<string, alicloud.Provider>();
        for (const m of Object.values(plan.members)) {
            if (!providers.has(m.region)) providers.set(m.region, given ?? m.vpc.provider);
        }
        const inRegion = (region: string) => ({ parent: this, provider: providers.get(region)! });

        // CEN is a global service; any region's endpoint creates it.
        const cen = new alicloud.cen.Instance(`${name}-cen`, {
            cenInstanceName: args.cenInstanceName ?? name,
            tags: args.tags,
        }, inRegion(plan.regions[0]));
        this.cenId = cen.id;

        const transitRouters: Record<string, CenTransitRouterInfo> = {};
        for (const region of plan.regions) {
            // A transit router created in a CEN is Enterprise Edition, the only kind that carries inter-region traffic.
            const tr = new alicloud.cen.TransitRouter(`${name}-tr-${region}`, {
                cenId: cen.id,
                transitRouterName: `${args.cenInstanceName ?? name}-${region}`,
                tags: args.tags,
            }, inRegion(region));
            const tables = alicloud.cen.getTransitRouterRouteTablesOutput({
                transitRouterId: tr.transitRouterId,
                transitRouterRouteTableType: "System",
            }, inRegion(region));
            const routeTableId = tables.apply(t => {
                const id = t.tables[0]?.transitRouterRouteTableId;
                if (!id) throw new Error(`transit router ${t.transitRouterId} in ${region} reports no system route table`);
                return id;
            });
            transitRouters[region] = { transitRouterId: tr.transitRouterId, routeTableId, provider: providers.get(region)! };
        }
        this.transitRouters = transitRouters;

        const attachments: Record<string, CenAttachmentInfo> = {};
        for (const [key, member] of Object.entries(plan.members)) {
            const router = transitRouters[member.region];
            const attachment = new alicloud.cen.TransitRouterVpcAttachment(`${name}-${key}-attach`, {
                cenId: cen.id,
                transitRouterId: router.transitRouterId,
                vpcId: member.vpc.vpcId,
                zoneMappings: member.attachmentVSwitches.map(v => ({ zoneId: v.zoneId, vswitchId: v.id })),
                paymentType: "PayAsYouGo",
                transitRouterVpcAttachmentName: `${name}-${key}`,
                tags: args.tags,
            }, { ...inRegion(member.region), customTimeouts: SLOW });
            const association = this.associate(`${name}-${key}`, attachment.transitRouterAttachmentId, member.region);
            attachments[key] = { attachmentId: attachment.transitRouterAttachmentId, region: member.region, association };
        }
        this.attachments = attachments;

        const peerAttachmentIds: Record<string, pulumi.Output<string>> = {};
        // One package per pair of areas, named by its pair, so adding a second pair keeps the
        // first (a PrePaid package that left the state would bill on and be bought again). The
        // alias carries a package from the releases that named the only one `<name>-bwp`.
        const bindings = new Map<string, alicloud.cen.BandwidthPackageAttachment>();
        for (const pkg of plan.packages) {
            const logical = `${name}-bwp-${areasSlug(pkg)}`;
            const alias = (suffix: string) => (plan.packages.length === 1 ? { aliases: [{ name: `${name}-bwp${suffix}` }] } : {});
            const prePaid = pkg.paymentType === "PrePaid";
            const packageId = pkg.args.id !== undefined
                ? pulumi.output(pkg.args.id)
                : new alicloud.cen.BandwidthPackage(logical, {
                    bandwidth: pkg.bandwidthMbps,
                    cenBandwidthPackageName: `${args.cenInstanceName ?? name}-${packageSuffix(pkg, plan.packages)}`,
                    geographicRegionAId: pkg.areas[0],
                    geographicRegionBId: pkg.areas[1],
                    paymentType: pkg.paymentType,
                    period: prePaid ? pkg.args.period ?? 1 : undefined,
                    autoRenew: prePaid ? pkg.args.autoRenew : undefined,
                }, { ...inRegion(plan.regions[0]), ...alias("") }).id;
            bindings.set(pkg.areaPair, new alicloud.cen.BandwidthPackageAttachment(`${logical}-attach`, {
                instanceId: cen.id,
                bandwidthPackageId: packageId,
            }, { ...inRegion(plan.regions[0]), ...alias("-attach") }));
        }
        this.bandwidthPackageIds = Object.fromEntries([...bindings].map(([pair, b]) => [pair, b.bandwidthPackageId]));
        this.bandwidthPackageId = bindings.size === 1 ? [...bindings.values()][0].bandwidthPackageId : undefined;

        for (const peering of plan.peerings) {
            const [a, b] = peering.regions;
            const peerName = `${name}-peer-${a}-${b}`;
            const binding = peering.dataTransfer ? undefined : bindings.get(peering.areaPair);
            const peer = new alicloud.cen.TransitRouterPeerAttachment(peerName, {
                cenId: cen.id,
                transitRouterId: transitRouters[a].transitRouterId,
                peerTransitRouterId: transitRouters[b].transitRouterId,
                peerTransitRouterRegionId: b,
                // Without a package the connection is billed by the data it carries, up to its bandwidth.
                bandwidthType: binding ? "BandwidthPackage" : "DataTransfer",
                cenBandwidthPackageId: binding?.bandwidthPackageId,
                bandwidth: peering.bandwidthMbps,
                // The console turns on "automatically advertise routes to the peer region"; the
                // API's default is off (provider docs: `auto_publish_route_enabled`, false),
                // and then neither router learns the other region's blocks: no traffic crosses.
                // The provider updates it in place (UpdateTransitRouterPeerAttachmentAttribute),
                // so a deployed connection is kept.
                autoPublishRouteEnabled: true,
                transitRouterPeerAttachmentName: peerName,
                tags: args.tags,
            }, { ...inRegion(a), customTimeouts: SLOW, dependsOn: binding ? [binding] : [] });
            // The connection shows up on both routers; each side associates and learns through it.
            this.associate(`${peerName}-${a}`, peer.transitRouterAttachmentId, a);
            this.associate(`${peerName}-${b}`, peer.transitRouterAttachmentId, b);
            peerAttachmentIds[peering.key] = peer.transitRouterAttachmentId;
        }
        this.peerAttachmentIds = peerAttachmentIds;

        this.vpcRouteEntryIds = Object.fromEntries(plan.vpcRoutes.map(r =>
            [`${r.member}:${r.cidr}`, this.writeVpcRoute(name, r.member, r.cidr, this).id]));
        this.transitRouterRouteEntryIds = Object.fromEntries(plan.transitRouterRoutes.map(r =>
            [`${r.region}:${r.cidr}`, this.writeTransitRouterRoute(name, r.region, r.cidr, r.nextHopMember, this).transitRouterRouteEntryId]));

        this.registerOutputs({
            cenId: this.cenId,
            transitRouterIds: Object.fromEntries(Object.entries(transitRouters).map(([r, t]) => [r, t.transitRouterId])),
            transitRouterRouteTableIds: Object.fromEntries(Object.entries(transitRouters).map(([r, t]) => [r, t.routeTableId])),
            attachmentIds: Object.fromEntries(Object.entries(attachments).map(([k, a]) => [k, a.attachmentId])),
            peerAttachmentIds,
            bandwidthPackageId: this.bandwidthPackageId,
            bandwidthPackageIds: this.bandwidthPackageIds,
            vpcRouteEntryIds: this.vpcRouteEntryIds,
            transitRouterRouteEntryIds: this.transitRouterRouteEntryIds,
        });
    }

    /**
     * Adds entries to a member VPC's system route table sending `cidrs` to the member's
     * attachment, after every write already made to that table by this network (or by other
     * components joining it). Resource names start with `name`; `parent` is the caller.
     * Throws a TopologyValidationError, registering nothing, for an unknown member or a bad block.
     */
    addVpcRoutes(name: string, member: string, cidrs: readonly string[], parent: pulumi.Resource): alicloud.vpc.RouteEntry[] {
        const checked = validate(`${TYPE} '${this.networkName}' addVpcRoutes('${name}')`, problems =>
            checkVpcRoutes(problems, cidrs.map(c => ({ member, destinationCidrBlock: c })), this.members));
        return checked.map(r => this.writeVpcRoute(name, r.member, r.cidr, parent));
    }

    /**
     * Adds static entries to the system route table of `region`'s transit router, next hop the
     * attachment of `nextHopMember`, chained after every earlier write to that table. Throws a
     * TopologyValidationError, registering nothing, for an unknown region or member or a bad block.
     */
    addTransitRouterRoutes(name: string, region: string, nextHopMember: string, cidrs: readonly string[], parent: pulumi.Resource):
        alicloud.cen.TransitRouterRouteEntry[] {
        const checked = validate(`${TYPE} '${this.networkName}' addTransitRouterRoutes('${name}')`, problems => {
            const resolved = checkTransitRouterRoutes(problems, cidrs.map(c => ({ region, destinationCidrBlock: c, nextHopMember })),
                this.members, Object.keys(this.transitRouters));
            resolved.forEach((r, i) => {
                const existing = this.routes.get(`tr:${r.region}:${r.cidr}`);
                if (existing && existing.nextHopMember !== r.nextHopMember) {
                    problems.add(`transitRouterRoutes[${i}].nextHopMember`,
                        `the ${r.region} transit router already sends ${r.cidr} to member '${existing.nextHopMember}'; one destination has one next hop.`,
                        `Point it at '${existing.nextHopMember}', or route a different block.`);
                }
            });
            return resolved;
        });
        return checked.map(r => this.writeTransitRouterRoute(name, r.region, r.cidr, r.nextHopMember, parent));
    }

    /** Associates an attachment with, and propagates its routes to, the region's system route table. */
    private associate(prefix: string, attachmentId: pulumi.Output<string>, region: string): pulumi.Resource {
        const router = this.transitRouters[region];
        const opts = { parent: this, provider: router.provider };
        const association = new alicloud.cen.TransitRouterRouteTableAssociation(`${prefix}-assoc`, {
            transitRouterAttachmentId: attachmentId,
            transitRouterRouteTableId: router.routeTableId,
        }, opts);
        new alicloud.cen.TransitRouterRouteTablePropagation(`${prefix}-prop`, {
            transitRouterAttachmentId: attachmentId,
            transitRouterRouteTableId: router.routeTableId,
        }, opts);
        return association;
    }

    private writeVpcRoute(prefix: string, member: string, cidr: string, parent: pulumi.Resource): alicloud.vpc.RouteEntry {
        const { vpc, region } = this.members[member];
        const attachment = this.attachments[member];
        const table = `vpc:${member}`;
        const written = this.routes.get(`${table}:${cidr}`);
        if (written) return written.entry as alicloud.vpc.RouteEntry;
        const previous = this.tails.get(table);
        const entry = new alicloud.vpc.RouteEntry(`${prefix}-${member}-route-${addressSlug(cidr)}`, {
            routeTableId: vpc.routeTableId,
            destinationCidrblock: cidr,
            nexthopType: "Attachment",
            nexthopId: attachment.attachmentId,
            name: `${prefix}-${addressSlug(cidr)}`,
        }, {
            parent, provider: this.transitRouters[region].provider,
            dependsOn: previous ? [attachment.association, previous] : [attachment.association],
        });
        this.tails.set(table, entry);
        this.routes.set(`${table}:${cidr}`, { entry, nextHopMember: member });
        return entry;
    }

    private writeTransitRouterRoute(prefix: string, region: string, cidr: string, nextHopMember: string, parent: pulumi.Resource):
        alicloud.cen.TransitRouterRouteEntry {
        const router = this.transitRouters[region];
        const attachment = this.attachments[nextHopMember];
        const table = `tr:${region}`;
        const written = this.routes.get(`${table}:${cidr}`);
        if (written) return written.entry as alicloud.cen.TransitRouterRouteEntry;
        const previous = this.tails.get(table);
        const entry = new alicloud.cen.TransitRouterRouteEntry(`${prefix}-tr-${region}-route-${addressSlug(cidr)}`, {
            transitRouterRouteTableId: router.routeTableId,
            transitRouterRouteEntryDestinationCidrBlock: cidr,
            transitRouterRouteEntryNextHopType: "Attachment",
            transitRouterRouteEntryNextHopId: attachment.attachmentId,
            transitRouterRouteEntryName: `${prefix}-${addressSlug(cidr)}`,
        }, {
            parent, provider: router.provider,
            dependsOn: previous ? [attachment.association, previous] : [attachment.association],
        });
        this.tails.set(table, entry);
        this.routes.set(`${table}:${cidr}`, { entry, nextHopMember });
        return entry;
    }
}
