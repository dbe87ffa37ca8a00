/**
 * S1's backends: their addresses, the vSwitches routed to them, and the rules that admit the ALB
 * where it fetches from (albCommon/backToOrigin.ts).
 */
import { Problems, joinPath } from "../../errors";
import { IpAddress, addressSlug, checkIp, ipInCidr } from "../../net";
import { AlbCommonPlan, AlbIngressRule } from "../albCommon";
import { checkAlbBackendCommon } from "../albCommon/backends";
import { checkAlbKeys } from "../albCommon/check";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { findVSwitches } from "../vpc/lookups";
import type { AlbServerGroupArgs } from "../albCommon/routingArgs";
import { CrossRegionBackendArgs, CrossRegionBackendPlan } from "./args";

/** Ranges a remote-IP backend may use (seed 000, step 1). */
export const REMOTE_IP_RANGES: readonly string[] = ["10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"];

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

/** One region's backends as the caller wrote them: `backendVpc`'s at the top level, or one of `backendRegions`. */
export interface BackendRegionInput {
    /** Where its fields are: `""` for the top level, `backendRegions.<key>` for another region. */
    readonly at: string;
    readonly vpc: RegionalVpc;
    readonly backends: Record<string, CrossRegionBackendArgs>;
    /** The extra server groups in this region's VPC (`serverGroups`, the top level's only), by key. */
    readonly serverGroups?: Record<string, AlbServerGroupArgs<CrossRegionBackendArgs>>;
    readonly backendVSwitches?: string[];
    /** Port of its backends that give none. */
    readonly backendPort: number;
}

/**
 * The backends of one region (its own group's and each extra server group's), and the vSwitches
 * of its VPC the ALB VPC routes to.
 */
export function checkBackends(
    problems: Problems,
    albVpc: RegionalVpc,
    region: BackendRegionInput,
    alb: AlbCommonPlan,
): {
    backends: CrossRegionBackendPlan[];
    serverGroupBackends: Record<string, CrossRegionBackendPlan[]>;
    routed: VSwitchInfo[];
} {
    const backendVpc = region.vpc;
    const backendsPath = joinPath(region.at, "backends");
    const vSwitchesPath = joinPath(region.at, "backendVSwitches");
    if (Object.keys(region.backends).length === 0) {
        problems.add(backendsPath, "no backend server is given.", "Add at least one backend with its private IP.");
    }
    const knownIps: Array<{ ip: IpAddress; path: string }> = [];
    let allPlain = true;
    // The same rules for every group's backends, each at its own path.
    const checkGroup = (prefix: string, record: Record<string, CrossRegionBackendArgs>) => {
        checkAlbKeys(problems, prefix, record, "backend");
        return Object.entries(record).map(([key, b]): CrossRegionBackendPlan => {
            const path = `${prefix}.${key}`;
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
            } else {
                allPlain = false;
            }
            return {
                ...checkAlbBackendCommon(problems, path, key, b, region.backendPort, alb.securityGroups),
                ipv4Address,
                checkKnownAddress,
            };
        });
    };
    const backends = checkGroup(backendsPath, region.backends);
    const serverGroupBackends = Object.fromEntries(
        Object.entries(region.serverGroups ?? {}).map(([g, group]) => [
            g,
            checkGroup(joinPath(region.at, `serverGroups.${g}.backends`), group.backends),
        ]),
    );

    // Routes to the backends, from the ALB VPC.
    let routed: VSwitchInfo[];
    if (region.backendVSwitches !== undefined) {
        routed = findVSwitches(problems, vSwitchesPath, backendVpc, region.backendVSwitches);
    } else if (allPlain) {
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
                `Add the backend's vSwitch to ${vSwitchesPath}, or leave ${vSwitchesPath} out.`,
            );
        }
    }
    return { backends, serverGroupBackends, routed };
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
    /**
     * For `backendVpc`'s backends, the region 0.1 had: the groups of the other backend regions,
     * which 0.1 could not have, so that its one group still keeps 0.1's names. Undefined for
     * another region: no former names.
     */
    otherRegionGroups?: ReadonlySet<string>,
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
    // with one group (besides those of the other backend regions), its rules keep those names as aliases.
    const onlyGroup =
        otherRegionGroups !== undefined &&
        Object.keys(alb.securityGroups).filter(g => !otherRegionGroups.has(g)).length === 1;
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
