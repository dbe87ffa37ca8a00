/** The network S1's traffic crosses: a CEN it joins, or one it creates (checked by the CEN's own rules). */
import { Problems, joinPath } from "../../errors";
import { CenTransitNetworkArgs, checkCenTransitNetworkArgs } from "../cen";
import { RegionalVpc } from "../vpc";
import { CrossRegionAlbBackendArgs, CrossRegionNetworkPlan } from "./args";

/** Member names of the two VPCs on a network the component creates. */
const ALB_MEMBER = "alb";
const BACKEND_MEMBER = "backend";

/** The routes the component needs, whichever network carries them. */
export interface CrossRegionRoutes {
    readonly backendCidrs: readonly string[];
    readonly backToOriginCidrs: readonly string[];
    readonly legacy: boolean;
}

/** Checks the network to join, or the one to create, and returns it. */
export function checkNetwork(
    problems: Problems,
    name: string,
    args: CrossRegionAlbBackendArgs,
    routes: CrossRegionRoutes,
): CrossRegionNetworkPlan {
    const { albVpc, backendVpc } = args;
    if (args.cen === undefined) {
        const network = { kind: "create" as const, name: `${name}-cen`, args: createdNetworkArgs(name, args, routes) };
        // The network's own rules (CIDR overlaps, attachment zones, bandwidth) are S1 rules too, reported with
        // ours at the inputs they come from. One region is refused already; the network would only repeat it.
        if (albVpc.region !== backendVpc.region) {
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
    if (
        albVpc.region !== backendVpc.region &&
        args.cen.peerAttachmentId(albVpc.region, backendVpc.region) === undefined
    ) {
        problems.add(
            "cen",
            `the joined network has no inter-region connection between ${albVpc.region} and ${backendVpc.region}.`,
            "Add that region pair to the network's peerings.",
        );
    }
    return { kind: "join", cen: args.cen, albMember, backendMember };
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
    return {
        members: {
            [ALB_MEMBER]: { vpc: args.albVpc, attachmentVSwitches: o.albAttachmentVSwitches },
            [BACKEND_MEMBER]: { vpc: args.backendVpc, attachmentVSwitches: o.backendAttachmentVSwitches },
        },
        cenInstanceName: o.cenInstanceName ?? name,
        peerBandwidthMbps: o.peerBandwidthMbps,
        bandwidthPackage: o.bandwidthPackage,
        vpcRoutes: [
            ...routes.backendCidrs.map(c => ({ member: ALB_MEMBER, destinationCidrBlock: c })),
            ...routes.backToOriginCidrs.map(c => ({ member: BACKEND_MEMBER, destinationCidrBlock: c })),
        ],
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
    if (inside(path, "cenInstanceName") !== undefined) {
        return args.cenOptions?.cenInstanceName === undefined ? "name" : "cenOptions.cenInstanceName";
    }
    // The VPC routes lead to the backend vSwitches first, then back to the back-to-origin blocks, which are
    // the ALB vSwitches' blocks, or the listed legacy blocks (routed in the transit router too).
    const backToOrigin = (i: number) => (routes.legacy ? `backToOrigin.cidrBlocks[${i}]` : "albVSwitches");
    const vpcRoute = /^vpcRoutes\[(\d+)\]/.exec(path);
    if (vpcRoute) {
        const i = Number(vpcRoute[1]);
        return i < routes.backendCidrs.length ? "backendVSwitches" : backToOrigin(i - routes.backendCidrs.length);
    }
    const transitRouterRoute = /^transitRouterRoutes\[(\d+)\]/.exec(path);
    if (transitRouterRoute) return backToOrigin(Number(transitRouterRoute[1]));
    return path === "name" ? "name" : joinPath("cenOptions", path);
}
