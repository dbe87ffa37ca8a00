/**
 * S1's backends: their addresses, the vSwitches routed to them, where the ALB fetches from, and the
 * rules that admit it.
 */
import { Problems } from "../../errors";
import {
    IpAddress,
    PlacedCidr,
    addressSlug,
    checkCidr,
    checkIp,
    checkNoOverlaps,
    cidrContains,
    ipInCidr,
} from "../../net";
import { ALB_LEGACY_BACK_TO_ORIGIN_RANGE, AlbCommonPlan, AlbIngressRule } from "../albCommon";
import { checkAlbBackendCommon } from "../albCommon/backends";
import { checkAlbKeys } from "../albCommon/check";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { findVSwitches } from "../vpc/lookups";
import { BackToOriginArgs, CrossRegionAlbBackendArgs, CrossRegionBackendPlan } from "./args";

/** Ranges a remote-IP backend may use (seed 000, step 1). */
export const REMOTE_IP_RANGES: readonly string[] = ["10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"];
/** Widest back-to-origin block accepted: the console lists /25 and /26 blocks. */
const WIDEST_BACK_TO_ORIGIN_PREFIX = 24;

/**
 * Checks one backend address against the S1 rules; used before registering for plain strings
 * and once known for outputs.
 */
function checkBackendIp(
    problems: Problems,
    path: string,
    text: string,
    remoteIp: boolean,
    albVpc: RegionalVpc,
    backendVpc: RegionalVpc,
): IpAddress | undefined {
    const ip = checkIp(problems, path, text, 4);
    if (!ip) return undefined;
    if (!remoteIp) {
        problems.add(
            path,
            `without remote IP an IP server group reaches only addresses in its own VPC (${albVpc.cidrBlock}), ` +
                `and a cross-region backend ${ip.text} is not there.`,
            "Leave remoteIpEnabled on (the default) for cross-region backends.",
        );
    }
    if (!REMOTE_IP_RANGES.some(r => ipInCidr(ip, r))) {
        problems.add(
            path,
            `backend ${ip.text} is not a private address; remote IP accepts only ${REMOTE_IP_RANGES.join(", ")}.`,
            "Use the server's private IP; cross-region backends must be internal.",
        );
    }
    if (ipInCidr(ip, albVpc.cidrBlock)) {
        problems.add(
            path,
            `backend ${ip.text} is inside the ALB's own VPC ${albVpc.cidrBlock}; ` +
                "an IP-type backend may not share the VPC of the ALB.",
            `Use a server in the backend VPC ${backendVpc.cidrBlock}, ` +
                "or an Instance-type server group for same-VPC servers.",
        );
    } else if (!ipInCidr(ip, backendVpc.cidrBlock)) {
        problems.add(
            path,
            `backend ${ip.text} is outside the backend VPC ${backendVpc.cidrBlock}, ` +
                "the only network this component routes to.",
            `Use a server in ${backendVpc.cidrBlock}.`,
        );
    }
    return ip;
}

/** The backends, and the backend vSwitches the ALB VPC routes to. */
export function checkBackends(
    problems: Problems,
    args: CrossRegionAlbBackendArgs,
    alb: AlbCommonPlan,
    backendPort: number,
): { backends: CrossRegionBackendPlan[]; routed: VSwitchInfo[] } {
    const { albVpc, backendVpc } = args;
    const entries = Object.entries(args.backends);
    if (entries.length === 0) {
        problems.add("backends", "no backend server is given.", "Add at least one backend with its private IP.");
    }
    checkAlbKeys(problems, "backends", args.backends, "backend");
    const knownIps: Array<{ ip: IpAddress; path: string }> = [];
    const backends = entries.map(([key, b]): CrossRegionBackendPlan => {
        const path = `backends.${key}`;
        const remoteIp = b.remoteIpEnabled ?? true;
        const checkKnownAddress = (p: Problems, text: string) =>
            void checkBackendIp(p, `${path}.ipv4Address`, text, remoteIp, albVpc, backendVpc);
        let ipv4Address = b.ipv4Address;
        if (typeof ipv4Address === "string") {
            const ip = checkBackendIp(problems, `${path}.ipv4Address`, ipv4Address, remoteIp, albVpc, backendVpc);
            if (ip) {
                knownIps.push({ ip, path: `${path}.ipv4Address` });
                ipv4Address = ip.text;
            }
        }
        return {
            ...checkAlbBackendCommon(problems, path, key, b, backendPort, alb.securityGroups),
            ipv4Address,
            checkKnownAddress,
        };
    });

    // Routes to the backends, from the ALB VPC.
    let routed: VSwitchInfo[];
    if (args.backendVSwitches !== undefined) {
        routed = findVSwitches(problems, "backendVSwitches", backendVpc, args.backendVSwitches);
    } else if (entries.every(([, b]) => typeof b.ipv4Address === "string")) {
        routed = Object.values(backendVpc.vSwitches).filter(v => knownIps.some(k => ipInCidr(k.ip, v.cidrBlock)));
    } else {
        routed = Object.values(backendVpc.vSwitches);
    }
    for (const { ip, path } of knownIps) {
        if (ipInCidr(ip, backendVpc.cidrBlock) && !routed.some(v => ipInCidr(ip, v.cidrBlock))) {
            const vSwitches = routed.map(v => `${v.name} ${v.cidrBlock}`).join(", ") || "none";
            problems.add(
                path,
                `backend ${ip.text} is in none of the routed backend vSwitches (${vSwitches}), ` +
                    "so the ALB VPC has no route to it.",
                "Add the backend's vSwitch to backendVSwitches, or leave backendVSwitches out.",
            );
        }
    }
    return { backends, routed };
}

/** The blocks the ALB fetches from, and whether they are the legacy 100.64.0.0/10 ones. */
export function checkBackToOrigin(
    problems: Problems,
    given: BackToOriginArgs | undefined,
    albVSwitches: readonly VSwitchInfo[],
): { cidrs: string[]; legacy: boolean } {
    const mode = given ?? { mode: "vswitch" as const };
    if (mode.mode === "vswitch") {
        // Typed callers cannot write it; an untyped one would expect the blocks to be used.
        if ("cidrBlocks" in mode && mode.cidrBlocks !== undefined) {
            problems.add(
                "backToOrigin.cidrBlocks",
                "an ALB in mode 'vswitch' fetches from its vSwitches' addresses; the blocks would not be used.",
                "Drop cidrBlocks, or set mode 'legacy' for an ALB created before 2025.",
            );
        }
        return { cidrs: albVSwitches.map(v => v.cidrBlock), legacy: false };
    }
    const listed = mode.cidrBlocks ?? [];
    if (listed.length === 0) {
        problems.add(
            "backToOrigin.cidrBlocks",
            "legacy back-to-origin needs the blocks shown on the ALB's details page.",
            "Copy every block listed under 'Back-to-origin routes' of the ALB, " +
                "or use mode 'vswitch' for ALBs created since 2025.",
        );
    }
    const placed: PlacedCidr[] = [];
    const cidrs: string[] = [];
    listed.forEach((text, i) => {
        const path = `backToOrigin.cidrBlocks[${i}]`;
        const block = checkCidr(problems, path, text, 4);
        if (!block) return;
        if (!cidrContains(ALB_LEGACY_BACK_TO_ORIGIN_RANGE, block)) {
            problems.add(
                path,
                `back-to-origin block ${block.text} is not inside ${ALB_LEGACY_BACK_TO_ORIGIN_RANGE}, ` +
                    "where legacy ALBs fetch from.",
                "Copy the blocks from the ALB's 'Back-to-origin routes', " +
                    "or use mode 'vswitch' for ALBs created since 2025.",
            );
        } else if (block.prefix < WIDEST_BACK_TO_ORIGIN_PREFIX) {
            problems.add(
                path,
                `back-to-origin block ${block.text} is wider than /${WIDEST_BACK_TO_ORIGIN_PREFIX}; ` +
                    "it would open the backend port to addresses that are not this ALB's " +
                    "(the console lists /25 and /26 blocks).",
                "List the exact blocks the ALB's details page shows.",
            );
        }
        placed.push({ name: `back-to-origin block ${i}`, cidr: block, path });
        cidrs.push(block.text);
    });
    checkNoOverlaps(problems, placed, "List each back-to-origin block once.");
    return { cidrs, legacy: true };
}

/**
 * The rules each named security group needs: every distinct port of its backends (and a fixed
 * health-check port) from each back-to-origin block, and nothing wider.
 */
export function planBackToOriginRules(
    name: string,
    backends: readonly CrossRegionBackendPlan[],
    backToOriginCidrs: readonly string[],
    alb: AlbCommonPlan,
): AlbIngressRule[] {
    const portsByGroup = new Map<string, Set<number>>();
    for (const b of backends) {
        if (b.securityGroup === undefined || !Object.hasOwn(alb.securityGroups, b.securityGroup)) continue;
        const ports = portsByGroup.get(b.securityGroup) ?? new Set<number>();
        ports.add(b.port);
        if (alb.healthCheck.fixedPort !== undefined) ports.add(alb.healthCheck.fixedPort);
        portsByGroup.set(b.securityGroup, ports);
    }
    // 0.1 took one group (backendSecurityGroupId) and named its rules `<name>-ingress-<port>-<block>`:
    // with one group, its rules keep those names as aliases.
    const onlyGroup = Object.keys(alb.securityGroups).length === 1;
    return [...portsByGroup].flatMap(([securityGroup, ports]) =>
        [...ports].flatMap(port =>
            backToOriginCidrs.map(source => ({
                securityGroup,
                family: 4 as const,
                protocol: "tcp" as const,
                port,
                source,
                // The provider's default, which 0.1 left the rules at.
                priority: 1,
                description: `ALB ${name} back-to-origin`,
                formerName: onlyGroup ? `${name}-ingress-${port}-${addressSlug(source)}` : undefined,
            })),
        ),
    );
}
