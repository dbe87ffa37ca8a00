/** The network S1's traffic crosses: a CEN it joins, or one it creates (checked by the CEN's own rules). */
import { Problems, joinPath } from "../../errors";
import { CenTransitNetworkArgs, DEFAULT_PEER_BANDWIDTH_MBPS, checkCenTransitNetworkArgs } from "../cen";
import { RegionalVpc } from "../vpc";
import { CrossRegionAlbBackendArgs, CrossRegionBackendRegionPlan, CrossRegionNetworkPlan } from "./args";

/** Member names of the two VPCs on a network the component creates. */
const ALB_MEMBER = "alb";
const BACKEND_MEMBER = "backend";
/** Member name of one of `backendRegions` on a network the component creates. */
const regionMember = (key: string) => `${BACKEND_MEMBER}-${key}`;

/** The routes the component needs, whichever network carries them. */
export interface CrossRegionRoutes {
    readonly backendCidrs: readonly string[];
    readonly backToOriginCidrs: readonly string[];
    readonly legacy: boolean;
    /** The other backend regions, each with the blocks the ALB VPC routes to it. */
    readonly regions: ReadonlyArray<Pick<CrossRegionBackendRegionPlan, "key" | "vpc" | "backendCidrs">>;
}

/** Checks the network to join, or the one to create, and returns it. */
export function checkNetwork(
    problems: Problems,
    name: string,
    args: CrossRegionAlbBackendArgs,
    routes: CrossRegionRoutes,
    distinctRegions: boolean,
): CrossRegionNetworkPlan {
    const { albVpc, backendVpc } = args;
    if (args.cen === undefined) {
        const network = { kind: "create" as const, name: `${name}-cen`, args: createdNetworkArgs(name, args, routes) };
        // The network's own rules (CIDR overlaps across every VPC, attachment zones, bandwidth) are S1 rules
        // too, reported with ours at the inputs they come from. Two VPCs in one region are refused already;
        // the network would only repeat it.
        if (distinctRegions) {
            checkCenTransitNetworkArgs(
                problems.routed(path => callerPathOf(path, args, routes)),
                network.name,
                network.args,
            );
        }
        return network;
    }
    if (args.cenOptions !== undefined) {
        problems.add(
            "cenOptions",
            "cenOptions configure a network this component creates, but cen joins an existing one.",
            "Drop cenOptions, or drop cen.",
        );
    }
    const members = Object.entries(args.cen.members);
    const memberOf = (vpc: RegionalVpc, path: string, which: string): string => {
        const found = members.find(([, m]) => m.vpc === vpc)?.[0];
        if (found === undefined) {
            problems.add(
                path,
                `the ${which} VPC is not a member of the joined network.`,
                "Add it to the CenTransitNetwork's members.",
            );
        }
        for (const [other, m] of members) {
            if (other !== found && m.region === vpc.region && m.vpc !== vpc) {
                problems.add(
                    path,
                    `the joined network has another VPC (member '${other}') in ${vpc.region}. ` +
                        "Per CEN, the cross-region ALB pattern allows one VPC per region: ALBs in different VPCs " +
                        "of one region may not share a transit router to reach backends in another region.",
                    "Join a network where this is the region's only VPC, or let the component create its own network.",
                );
            }
        }
        return found ?? which;
    };
    const albMember = memberOf(albVpc, "albVpc", "ALB");
    const backendMember = memberOf(backendVpc, "backendVpc", "backend");
    const regionMembers: Record<string, string> = {};
    for (const r of routes.regions) {
        const at = `backendRegions.${r.key}`;
        regionMembers[r.key] = memberOf(r.vpc, `${at}.vpc`, `backend region '${r.key}'`);
        if (args.backendRegions?.[r.key]?.attachmentVSwitches !== undefined) {
            problems.add(
                `${at}.attachmentVSwitches`,
                "attachmentVSwitches configure a network this component creates, but cen joins an existing one.",
                `Drop ${at}.attachmentVSwitches: the joined network's attachment is used.`,
            );
        }
    }
    const backendRegions = [backendVpc.region, ...routes.regions.map(r => r.vpc.region)];
    for (const region of new Set(backendRegions)) {
        if (albVpc.region !== region && args.cen.peerAttachmentId(albVpc.region, region) === undefined) {
            problems.add(
                "cen",
                `the joined network has no inter-region connection between ${albVpc.region} and ${region}.`,
                "Add that region pair to the network's peerings.",
            );
        }
    }
    return { kind: "join", cen: args.cen, albMember, backendMember, regionMembers };
}

/** A VPC route of the created network, with the caller's input that asks for it. */
interface PlannedVpcRoute {
    readonly member: string;
    readonly destinationCidrBlock: string;
    readonly path: string;
}

/**
 * The VPC routes, in order: from the ALB VPC to each backend region's vSwitches (`backendVpc`'s,
 * then each of `backendRegions`), then from each backend VPC back to the back-to-origin blocks
 * (the ALB vSwitches' blocks, or the listed legacy blocks).
 */
function plannedVpcRoutes(routes: CrossRegionRoutes): PlannedVpcRoute[] {
    const backToOrigin = (i: number) => (routes.legacy ? `backToOrigin.cidrBlocks[${i}]` : "albVSwitches");
    const backendMembers = [BACKEND_MEMBER, ...routes.regions.map(r => regionMember(r.key))];
    return [
        ...routes.backendCidrs.map(c => ({ member: ALB_MEMBER, destinationCidrBlock: c, path: "backendVSwitches" })),
        ...routes.regions.flatMap(r =>
            r.backendCidrs.map(c => ({
                member: ALB_MEMBER,
                destinationCidrBlock: c,
                path: `backendRegions.${r.key}.backendVSwitches`,
            })),
        ),
        ...backendMembers.flatMap(member =>
            routes.backToOriginCidrs.map((c, i) => ({ member, destinationCidrBlock: c, path: backToOrigin(i) })),
        ),
    ];
}

/**
 * The network this component creates, carrying the component's own routes so each table's write
 * chain stays in one place. What S1 leaves unset is the network's to default.
 */
function createdNetworkArgs(
    name: string,
    args: CrossRegionAlbBackendArgs,
    routes: CrossRegionRoutes,
): CenTransitNetworkArgs {
    const o = args.cenOptions ?? {};
    const albRegion = args.albVpc.region;
    const bandwidthMbps = o.peerBandwidthMbps ?? DEFAULT_PEER_BANDWIDTH_MBPS;
    return {
        members: {
            [ALB_MEMBER]: { vpc: args.albVpc, attachmentVSwitches: o.albAttachmentVSwitches },
            [BACKEND_MEMBER]: { vpc: args.backendVpc, attachmentVSwitches: o.backendAttachmentVSwitches },
            ...Object.fromEntries(
                routes.regions.map(r => [
                    regionMember(r.key),
                    { vpc: r.vpc, attachmentVSwitches: args.backendRegions?.[r.key]?.attachmentVSwitches },
                ]),
            ),
        },
        cenInstanceName: o.cenInstanceName ?? name,
        // One backend region: the full mesh of two regions, the tutorial's one connection. More: a connection
        // from the ALB's region to each backend region, none between backend regions (they exchange nothing).
        peerings:
            routes.regions.length === 0
                ? undefined
                : [args.backendVpc, ...routes.regions.map(r => r.vpc)].map(vpc => ({
                      regions: [albRegion, vpc.region] as [string, string],
                      bandwidthMbps,
                  })),
        peerBandwidthMbps: routes.regions.length === 0 ? o.peerBandwidthMbps : undefined,
        bandwidthPackage: o.bandwidthPackage,
        vpcRoutes: plannedVpcRoutes(routes).map(({ member, destinationCidrBlock }) => ({
            member,
            destinationCidrBlock,
        })),
        transitRouterRoutes: routes.legacy
            ? routes.backToOriginCidrs.map(c => ({
                  region: args.albVpc.region,
                  destinationCidrBlock: c,
                  nextHopMember: ALB_MEMBER,
              }))
            : [],
        tags: args.tags,
    };
}

/** The network's input paths this component fills from its own, most specific first; the rest of a path is kept. */
const NETWORK_INPUTS: ReadonlyArray<readonly [network: string, caller: string]> = [
    [`members.${ALB_MEMBER}.attachmentVSwitches`, "cenOptions.albAttachmentVSwitches"],
    [`members.${BACKEND_MEMBER}.attachmentVSwitches`, "cenOptions.backendAttachmentVSwitches"],
    [`members.${ALB_MEMBER}.vpc`, "albVpc"],
    [`members.${BACKEND_MEMBER}.vpc`, "backendVpc"],
    // A member's attachment is named after the network, so after this component.
    [`members.${ALB_MEMBER}`, "name"],
    [`members.${BACKEND_MEMBER}`, "name"],
    ["peerBandwidthMbps", "cenOptions.peerBandwidthMbps"],
    ["bandwidthPackage", "cenOptions.bandwidthPackage"],
];

/** The path `rest` keeps after `prefix`, when `path` is `prefix` or inside it. */
function inside(path: string, prefix: string): string | undefined {
    if (path === prefix) return "";
    return path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`) ? path.slice(prefix.length) : undefined;
}

/** Where a problem of the created network's args is among this component's inputs. */
function callerPathOf(path: string, args: CrossRegionAlbBackendArgs, routes: CrossRegionRoutes): string {
    for (const [network, caller] of NETWORK_INPUTS) {
        const rest = inside(path, network);
        if (rest !== undefined) return `${caller}${rest}`;
    }
    for (const r of routes.regions) {
        const member = `members.${regionMember(r.key)}`;
        const at = `backendRegions.${r.key}`;
        for (const [network, caller] of [
            [`${member}.attachmentVSwitches`, `${at}.attachmentVSwitches`],
            [`${member}.vpc`, `${at}.vpc`],
            [member, at],
        ]) {
            const rest = inside(path, network);
            if (rest !== undefined) return `${caller}${rest}`;
        }
    }
    if (inside(path, "cenInstanceName") !== undefined) {
        return args.cenOptions?.cenInstanceName === undefined ? "name" : "cenOptions.cenInstanceName";
    }
    const vpcRoute = /^vpcRoutes\[(\d+)\]/.exec(path);
    if (vpcRoute) return plannedVpcRoutes(routes)[Number(vpcRoute[1])]?.path ?? "cenOptions";
    // The legacy blocks are routed in the transit router too.
    const transitRouterRoute = /^transitRouterRoutes\[(\d+)\]/.exec(path);
    if (transitRouterRoute) {
        return routes.legacy ? `backToOrigin.cidrBlocks[${transitRouterRoute[1]}]` : "albVSwitches";
    }
    // The connections: to backendVpc's region, then to each of backendRegions, all of one bandwidth.
    const peering = /^peerings\[(\d+)\](.*)$/.exec(path);
    if (peering) {
        if (peering[2].startsWith(".bandwidthMbps")) return "cenOptions.peerBandwidthMbps";
        const i = Number(peering[1]);
        return i === 0 ? "backendVpc" : `backendRegions.${routes.regions[i - 1]?.key}.vpc`;
    }
    return path === "name" ? "name" : joinPath("cenOptions", path);
}
