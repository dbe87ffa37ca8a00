/**
 * How a mesh joins a CEN: an existing one (`cen`), checked to carry every VPC of the mesh, or one
 * it builds (`cenOptions`), checked by the CEN's own rules with the problems at the mesh's inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems, joinPath } from "../../errors";
import { AckCluster } from "../ack";
import { CenTransitNetwork, CenTransitNetworkArgs, checkCenTransitNetworkArgs } from "../cen";
import { RegionalVpc } from "../vpc";
import { ServiceMeshArgs } from "./args";
import { BuiltMeshCen, JoinedMeshCen } from "./plan";
import { meshRoutes } from "./routes";

/** A VPC of the mesh with the input it came from (`vpc`, `clusters.<key>.vpc`). */
export interface MeshVpc {
    readonly path: string;
    readonly vpc: RegionalVpc;
}

/**
 * `network`, renamed (to align with CrossRegionAlbBackend) to `cen` for an existing network and
 * `cenOptions` for the options of the one the mesh builds: an untyped caller still passing it is
 * told where it went, rather than that it is unknown. Returns the args without it, for the shape
 * check; the args themselves when they have no `network`.
 */
export function checkRenamedNetwork(problems: Problems, args: ServiceMeshArgs): ServiceMeshArgs {
    if (args === null || typeof args !== "object" || !Object.hasOwn(args, "network")) return args;
    const { network: renamed, ...current } = args as ServiceMeshArgs & { network?: unknown };
    problems.add(
        "network",
        "network is renamed: an existing CenTransitNetwork is given as cen, options of the CEN the mesh builds as " +
            "cenOptions.",
        renamed instanceof CenTransitNetwork ? "Rename network to cen." : "Rename network to cenOptions.",
    );
    return current;
}

/** The CEN the mesh joins or builds, with the routes the mesh needs on it. */
export function checkMeshCen(
    problems: Problems,
    name: string,
    args: ServiceMeshArgs,
    vpcs: readonly MeshVpc[],
    clusters: readonly AckCluster[],
): JoinedMeshCen | BuiltMeshCen {
    if (args.cen === undefined) return checkBuiltCen(problems, name, args, vpcs, clusters);
    if (args.cenOptions !== undefined) {
        problems.add(
            "cenOptions",
            "cenOptions configure a network this component creates, but cen joins an existing one.",
            "Drop cenOptions, or drop cen.",
        );
    }
    return checkJoinedCen(problems, args.cen, vpcs, clusters);
}

/** An existing CEN: every VPC of the mesh a member, every pair of their regions connected. */
function checkJoinedCen(
    problems: Problems,
    cen: CenTransitNetwork,
    vpcs: readonly MeshVpc[],
    clusters: readonly AckCluster[],
): JoinedMeshCen {
    const cenName = `CEN '${pulumi.resourceName(cen)}'`;
    const members = Object.entries(cen.members).map(([key, m]) => ({ key, vpc: m.vpc }));
    for (const { path, vpc } of vpcs) {
        if (!members.some(m => m.vpc === vpc)) {
            problems.add(
                "cen",
                `VPC '${pulumi.resourceName(vpc)}' (${path}) is not a member of ${cenName}.`,
                "Add it to the CEN's members, or let the mesh build its CEN.",
            );
        }
    }
    const regions = [...new Set(vpcs.map(v => v.vpc.region))];
    for (let i = 0; i < regions.length; i++) {
        for (let j = i + 1; j < regions.length; j++) {
            if (cen.peerAttachmentId(regions[i], regions[j]) === undefined) {
                problems.add(
                    "cen",
                    `${cenName} has no inter-region bandwidth between ${regions[i]} and ${regions[j]}; ASM cannot reach ` +
                        "clusters across regions without it.",
                    `Add a peering for [${regions[i]}, ${regions[j]}] with bandwidth to the CEN.`,
                );
            }
        }
    }
    const joined = members.filter(m => vpcs.some(v => v.vpc === m.vpc));
    return { join: cen, routes: meshRoutes(joined, clusters) };
}

/**
 * The CEN the mesh builds: its members the mesh's VPCs (by name; a VPC shared by two clusters is
 * one member), full mesh between their regions, the routes the mesh needs. Its rules are the
 * mesh's too (bandwidth, packages, names, VPC blocks disjoint), reported with the mesh's problems
 * at the inputs they come from. Its routes are left out of that check: they route the blocks the
 * mesh checks to be disjoint, so a problem with one would repeat one of the mesh's own.
 */
function checkBuiltCen(
    problems: Problems,
    name: string,
    args: ServiceMeshArgs,
    vpcs: readonly MeshVpc[],
    clusters: readonly AckCluster[],
): BuiltMeshCen {
    const members: Record<string, { vpc: RegionalVpc }> = {};
    const memberPaths = new Map<string, string>();
    for (const { path, vpc } of vpcs) {
        const key = pulumi.resourceName(vpc);
        if (memberPaths.has(key)) continue;
        members[key] = { vpc };
        memberPaths.set(key, path);
    }
    const options = args.cenOptions ?? {};
    const cen: CenTransitNetworkArgs = {
        members,
        cenInstanceName: options.cenInstanceName,
        peerings: "full-mesh",
        peerBandwidthMbps: options.peerBandwidthMbps,
        bandwidthPackage: options.bandwidthPackage,
        bandwidthPackages: options.bandwidthPackages,
        // The mesh VPC and ack-hangzhou's VPC share cn-hangzhou in the tutorial.
        allowMultipleVpcsPerRegion: true,
        tags: args.tags,
    };
    checkCenTransitNetworkArgs(problems.routed(meshInputOf(memberPaths)), `${name}-cen`, cen);
    const routes = meshRoutes(
        [...memberPaths.keys()].map(key => ({ key, vpc: members[key].vpc })),
        clusters,
    );
    return { build: { ...cen, ...routes } };
}

/**
 * Where a problem of the CEN built here lands among the mesh's inputs: a member's at the VPC it
 * stands for (`members.<key>.vpc.cidrBlock` → `clusters.<cluster>.vpc.cidrBlock`), the CEN's
 * default name at the mesh's `name`, everything else under `cenOptions`.
 */
function meshInputOf(memberPaths: ReadonlyMap<string, string>): (path: string) => string {
    return path => {
        for (const [key, vpcPath] of memberPaths) {
            for (const prefix of [`members.${key}.vpc`, `members.${key}`]) {
                if (path !== prefix && !path.startsWith(`${prefix}.`)) continue;
                const rest = path.slice(prefix.length);
                return joinPath(vpcPath, rest.startsWith(".") ? rest.slice(1) : rest);
            }
        }
        return path === "name" ? "name" : joinPath("cenOptions", path);
    };
}
