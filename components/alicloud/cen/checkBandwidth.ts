/**
 * The checks of a network's inter-region connections and where their bandwidth comes from: by
 * data transfer, or from the one bandwidth package of their pair of geographic areas.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkInput } from "../../checks";
import { Problems } from "../../errors";
import { checkShape } from "../../shape";
import { alibabaId } from "../ids";
import { checkAlibabaName } from "../names";
import { GeographicArea, geographicArea, regionPairKey } from "../regions";
import {
    CenBandwidthPackageArgs,
    CenTransitNetworkArgs,
    DEFAULT_BANDWIDTH_PACKAGE_PAYMENT_TYPE,
    DEFAULT_BANDWIDTH_PACKAGE_PERIOD,
    DEFAULT_PEER_BANDWIDTH_MBPS,
} from "./args";
import { CenBandwidthPackagePlan, CenPeeringPlan } from "./plan";

/** What the bandwidth checks need to know of the network. */
export interface BandwidthContext {
    /** Member regions in order of first appearance. */
    readonly regions: readonly string[];
    /** Console name of the CEN instance, which new packages' names start with. */
    readonly cenInstanceName: string;
    /** Where a package name that is too long is reported. */
    readonly namePath: string;
    /** How an existing package id that fails its check once known names the network. */
    readonly component: string;
}

/**
 * An existing package's id, checked now by the args' shape and, when it is an Output, when it
 * resolves: then a bad id fails the package's binding (and what waits for it) before it is made.
 */
function checkedPackageId(
    problems: Problems,
    path: string,
    id: pulumi.Input<string>,
    component: string,
): pulumi.Input<string> {
    return checkInput(problems, path, id, component, (found, at, known) => {
        checkShape(found.under(at), alibabaId("cenBandwidthPackage"), known);
    });
}

/** A connection as asked for, before the packages say how it is billed. */
interface RequestedPeering extends Omit<CenPeeringPlan, "bandwidthType"> {
    /** `bandwidthType` as given; undefined when the network decides. */
    readonly requested?: "BandwidthPackage" | "DataTransfer";
}

/** A package whose areas are resolved, before the packages get their names. */
type ResolvedPackage = Omit<CenBandwidthPackagePlan, "name" | "areasSlug">;

/**
 * The network's connections, each billed as resolved, and the packages they draw from, each
 * named `<cenInstanceName>-bwp` (the only one) or `<cenInstanceName>-bwp-<area>-<area>`.
 */
export function checkBandwidth(
    problems: Problems,
    args: CenTransitNetworkArgs,
    network: BandwidthContext,
): { peerings: CenPeeringPlan[]; packages: CenBandwidthPackagePlan[] } {
    const { regions, cenInstanceName, namePath } = network;
    const requested = checkPeerings(problems, args, regions);
    const resolved = checkBandwidthPackages(problems, args, requested, network.component);
    const packages = resolved.map((pkg): CenBandwidthPackagePlan => {
        const areasSlug = pkg.areas.join("-").toLowerCase();
        // The only package keeps the name it always had; with several each is named by its areas (renamed in place).
        const name = `${cenInstanceName}-${resolved.length === 1 ? "bwp" : `bwp-${areasSlug}`}`;
        if (pkg.existingId === undefined) {
            checkAlibabaName(
                problems,
                namePath,
                name,
                "bandwidthPackage",
                "bandwidth package",
                "Shorten the CEN instance name.",
            );
        }
        return { ...pkg, areasSlug, name };
    });
    const peerings = requested.map(({ requested: type, ...peering }): CenPeeringPlan => ({
        ...peering,
        // Without a package (or asked to) a connection is billed by the data it carries, up to its bandwidth.
        bandwidthType: type === "DataTransfer" || packages.length === 0 ? "DataTransfer" : "BandwidthPackage",
    }));
    return { peerings, packages };
}

/** `a:b`, the creating region first: how `peerAttachmentIds` keys a connection. */
function peeringKey(a: string, b: string): string {
    return `${a}:${b}`;
}

function checkPeerings(
    problems: Problems,
    args: CenTransitNetworkArgs,
    regions: readonly string[],
): RequestedPeering[] {
    const spec = args.peerings ?? "full-mesh";
    if (spec === "full-mesh") {
        const bandwidthMbps = args.peerBandwidthMbps ?? DEFAULT_PEER_BANDWIDTH_MBPS;
        const pairs: RequestedPeering[] = [];
        for (let i = 0; i < regions.length; i++) {
            for (let j = i + 1; j < regions.length; j++) {
                const pair = [regions[i], regions[j]] as const;
                const areaPair = areasOf(pair).join("/");
                pairs.push({ key: peeringKey(...pair), regions: pair, bandwidthMbps, areaPair });
            }
        }
        return pairs;
    }
    if (args.peerBandwidthMbps !== undefined) {
        problems.add(
            "peerBandwidthMbps",
            "peerBandwidthMbps applies to full-mesh peerings only; the listed peerings carry their own bandwidth.",
            "Set bandwidthMbps on each listed peering and drop peerBandwidthMbps.",
        );
    }
    const resolved: RequestedPeering[] = [];
    const seen = new Map<string, number>();
    spec.forEach((peering, i) => {
        const path = `peerings[${i}]`;
        const [a, b] = peering.regions;
        let ok = true;
        for (const [k, region] of [
            [0, a],
            [1, b],
        ] as const) {
            if (!regions.includes(region)) {
                problems.add(
                    `${path}.regions[${k}]`,
                    `region '${region}' has no member VPC.`,
                    `Use a member region: ${regions.join(", ")}.`,
                );
                ok = false;
            }
        }
        if (a === b) {
            problems.add(
                `${path}.regions`,
                `peering joins region '${a}' to itself.`,
                "An inter-region connection joins two different regions.",
            );
            ok = false;
        }
        if (!ok) return;
        const pair = regionPairKey(a, b);
        const first = seen.get(pair);
        if (first !== undefined) {
            problems.add(
                `${path}.regions`,
                `regions ${a} and ${b} are already connected by peerings[${first}].`,
                "List each region pair once.",
            );
            return;
        }
        seen.set(pair, i);
        resolved.push({
            key: peeringKey(a, b),
            regions: [a, b],
            bandwidthMbps: peering.bandwidthMbps,
            areaPair: areasOf([a, b]).join("/"),
            requested: peering.bandwidthType,
        });
    });
    return resolved;
}

/** The geographic areas a connection between two regions crosses, ordered (a package covers one such pair). */
function areasOf(regions: readonly [string, string]): [GeographicArea, GeographicArea] {
    return orderAreas(regions.map(r => geographicArea(r) ?? (r as GeographicArea)) as [GeographicArea, GeographicArea]);
}

/**
 * A pair of areas in the order a package is bought with: China first, as the provider puts it
 * when it builds the request (buildAliCloudCenBandwidthPackageArgs: "if … == China"), then by name.
 * Both area fields force a new package, so the order must not change between runs.
 */
function orderAreas(areas: readonly [GeographicArea, GeographicArea]): [GeographicArea, GeographicArea] {
    const sorted = [...areas].sort((a, b) => (a === "China" ? -1 : b === "China" ? 1 : a.localeCompare(b)));
    return sorted as [GeographicArea, GeographicArea];
}

/** The packages the network lists, each with where it was given; undefined (with a problem) when given wrongly. */
function listedPackages(
    problems: Problems,
    args: CenTransitNetworkArgs,
): Array<{ path: string; pkg: CenBandwidthPackageArgs }> | undefined {
    if (args.bandwidthPackage !== undefined && args.bandwidthPackages !== undefined) {
        problems.add(
            "bandwidthPackages",
            "both bandwidthPackage and bandwidthPackages are given.",
            "Use bandwidthPackage for a network within one pair of areas, bandwidthPackages (each with areas) for " +
                "several.",
        );
        return undefined;
    }
    if (args.bandwidthPackages !== undefined) {
        return args.bandwidthPackages.map((pkg, i) => ({ path: `bandwidthPackages[${i}]`, pkg }));
    }
    return args.bandwidthPackage !== undefined ? [{ path: "bandwidthPackage", pkg: args.bandwidthPackage }] : [];
}

/**
 * Resolves where each connection's bandwidth comes from: no package (billed by data transfer),
 * or the one package of its pair of geographic areas.
 */
function checkBandwidthPackages(
    problems: Problems,
    args: CenTransitNetworkArgs,
    allPeerings: readonly RequestedPeering[],
    component: string,
): ResolvedPackage[] {
    // Connections asked to pay by data transfer need no package.
    const peerings = allPeerings.filter(p => p.requested !== "DataTransfer");
    const listed = listedPackages(problems, args);
    if (listed === undefined) return [];
    if (listed.length === 0) {
        for (const p of allPeerings.filter(p => p.requested === "BandwidthPackage")) {
            problems.add(
                "peerings",
                `connection ${p.key} asks for bandwidthType BandwidthPackage, but the network has no bandwidth package.`,
                "Add a bandwidth package for its areas, or drop bandwidthType to bill it by data transfer.",
            );
        }
        return [];
    }
    if (peerings.length === 0) {
        problems.add(
            listed[0].path,
            "the network has no inter-region connection to draw from a bandwidth package.",
            "Drop the bandwidth package, or add members in another region.",
        );
        return [];
    }
    const pairs = [...new Set(peerings.map(p => p.areaPair))];
    const resolved: ResolvedPackage[] = [];
    for (const { path, pkg } of listed) {
        const areas = checkPackageAreas(problems, path, pkg, listed.length, pairs);
        if (areas === undefined) continue;
        const areaPair = areas.join("/");
        if (resolved.some(r => r.areaPair === areaPair)) {
            problems.add(
                `${path}.areas`,
                `a second bandwidth package for ${areaPair}; a CEN takes one package per pair of areas.`,
                "Merge the two into one package.",
            );
            continue;
        }
        const served = peerings.filter(p => p.areaPair === areaPair);
        if (served.length === 0) {
            problems.add(
                `${path}.areas`,
                `no connection crosses ${areaPair}, so the package would bill for nothing.`,
                `Use the areas of a connection: ${pairs.join(", ")}.`,
            );
            continue;
        }
        const total = served.reduce((sum, p) => sum + p.bandwidthMbps, 0);
        if (total > pkg.bandwidthMbps) {
            const each = served.map(p => `${p.key} ${p.bandwidthMbps}`).join(", ");
            problems.add(
                `${path}.bandwidthMbps`,
                `the connections across ${areaPair} need ${total} Mbit/s together (${each}) but the bandwidth package ` +
                    `has ${pkg.bandwidthMbps} Mbit/s.`,
                `Grow the package to at least ${total} Mbit/s or lower the connections' bandwidth.`,
            );
        }
        if (pkg.id !== undefined) {
            // Billing is chosen when a package is bought; an existing one keeps its own.
            for (const field of ["paymentType", "period", "autoRenew"] as const) {
                if (pkg[field] !== undefined) {
                    problems.add(
                        `${path}.${field}`,
                        `${field} applies to a package bought here, not to the existing package given as id.`,
                        `Drop ${field}, or drop id to buy a package.`,
                    );
                }
            }
        }
        const paymentType = pkg.paymentType ?? DEFAULT_BANDWIDTH_PACKAGE_PAYMENT_TYPE;
        const prePaid = paymentType === "PrePaid";
        if (pkg.period !== undefined && !prePaid) {
            problems.add(
                `${path}.period`,
                "period applies to PrePaid packages only.",
                "Drop period or use paymentType PrePaid.",
            );
        }
        if (pkg.autoRenew !== undefined && !prePaid) {
            problems.add(
                `${path}.autoRenew`,
                "autoRenew applies to PrePaid packages only.",
                "Drop autoRenew or use paymentType PrePaid.",
            );
        }
        const existingId =
            pkg.id === undefined ? undefined : checkedPackageId(problems, `${path}.id`, pkg.id, component);
        resolved.push({
            areaPair,
            areas,
            bandwidthMbps: pkg.bandwidthMbps,
            existingId,
            paymentType,
            period: prePaid ? (pkg.period ?? DEFAULT_BANDWIDTH_PACKAGE_PERIOD) : undefined,
            autoRenew: prePaid ? pkg.autoRenew : undefined,
        });
    }
    for (const pair of pairs) {
        if (resolved.length > 0 && !resolved.some(r => r.areaPair === pair)) {
            const crossing = peerings
                .filter(p => p.areaPair === pair)
                .map(p => p.key)
                .join(", ");
            problems.add(
                "bandwidthPackages",
                `the connections ${crossing} cross ${pair}, which no bandwidth package covers.`,
                `Add a package with areas [${pair.split("/").join(", ")}], or drop the packages to bill every connection ` +
                    "by data transfer.",
            );
        }
    }
    return resolved;
}

/**
 * A package's two areas, ordered: as given, or, for the only package, the one pair the
 * connections cross. Undefined (with a problem) when they are missing or not areas.
 */
function checkPackageAreas(
    problems: Problems,
    path: string,
    pkg: CenBandwidthPackageArgs,
    packageCount: number,
    pairs: readonly string[],
): [GeographicArea, GeographicArea] | undefined {
    const areas = pkg.areas;
    if (areas === undefined) {
        if (packageCount > 1) {
            problems.add(
                `${path}.areas`,
                "with several bandwidth packages, each names the two geographic areas it connects.",
                "Set areas, e.g. [China, Europe].",
            );
            return undefined;
        }
        if (pairs.length > 1) {
            problems.add(
                path,
                `the connections span several pairs of geographic areas (${pairs.join(", ")}), but one bandwidth ` +
                    "package covers one pair.",
                "List one package per pair in bandwidthPackages, each with its areas, or drop the package to bill the " +
                    "connections by data transfer.",
            );
            return undefined;
        }
        return pairs[0].split("/") as [GeographicArea, GeographicArea];
    }
    return orderAreas(areas);
}
