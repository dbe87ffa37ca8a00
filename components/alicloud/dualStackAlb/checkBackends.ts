/** S3's backends: an address of exactly one family, in its vSwitch, in a server group that can hold it. */
import * as pulumi from "@pulumi/pulumi";
import { checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { IpAddress, checkIp, ipInCidr } from "../../net";
import { AlbCommonPlan } from "../albCommon";
import { checkAlbBackendCommon } from "../albCommon/backends";
import { checkAlbKeys } from "../albCommon/check";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { findVSwitch } from "../vpc/lookups";
import { DualStackAlbArgs, DualStackAlbBackend, DualStackBackendPlan } from "./args";

/** A backend's address: of its family, and (IPv4) inside its vSwitch; the address in canonical form when it is one. */
function checkBackendAddress(
    problems: Problems,
    path: string,
    text: string,
    family: 4 | 6,
    vsw: VSwitchInfo | undefined,
): IpAddress | undefined {
    const ip = checkIp(problems, path, text, family);
    if (family === 4 && ip && vsw && !ipInCidr(ip, vsw.cidrBlock)) {
        problems.add(
            path,
            `${text} is not inside vSwitch '${vsw.name}' ${vsw.cidrBlock}.`,
            "Give the instance's private address, or the vSwitch it sits in.",
        );
    }
    return ip;
}

/** The settings the backends are checked against. */
export interface DualStackBackendContext {
    readonly vpc: RegionalVpc;
    readonly dualStack: boolean;
    readonly serverGroupIpv6: boolean;
    /** The IPv6 gateway public IPv6 bandwidth goes through, when one is known. */
    readonly ipv6GatewayId?: pulumi.Input<string>;
}

/** Checks every backend and returns them with their defaults. */
export function checkBackends(
    problems: Problems,
    args: DualStackAlbArgs,
    alb: Omit<AlbCommonPlan, "vpc">,
    context: DualStackBackendContext,
): DualStackBackendPlan[] {
    return checkBackendGroup(problems, "backends", args.backends, alb, context);
}

/** Checks the backends of each extra server group, at `serverGroups.<key>.backends`, by the same rules. */
export function checkServerGroupBackends(
    problems: Problems,
    args: DualStackAlbArgs,
    alb: Omit<AlbCommonPlan, "vpc">,
    context: DualStackBackendContext,
): Record<string, DualStackBackendPlan[]> {
    return Object.fromEntries(
        Object.entries(args.serverGroups ?? {}).map(([g, group]) => [
            g,
            checkBackendGroup(problems, `serverGroups.${g}.backends`, group.backends, alb, context),
        ]),
    );
}

/** The backends of one server group at `prefix` (`backends`, `serverGroups.api.backends`), each instance and port once. */
function checkBackendGroup(
    problems: Problems,
    prefix: string,
    record: Record<string, DualStackAlbBackend>,
    alb: Omit<AlbCommonPlan, "vpc">,
    context: DualStackBackendContext,
): DualStackBackendPlan[] {
    checkAlbKeys(problems, prefix, record, "backend");
    const backends = Object.entries(record).flatMap(
        ([key, b]) => checkBackend(problems, prefix, key, b, alb, context) ?? [],
    );
    checkUnique(
        problems,
        backends
            .filter(b => typeof b.instanceId === "string")
            .map(b => ({ path: `${prefix}.${b.key}.instanceId`, key: `${b.instanceId}:${b.port}` })),
        "instance and port",
    );
    return backends;
}

function checkBackend(
    problems: Problems,
    prefix: string,
    key: string,
    b: DualStackAlbBackend,
    alb: Omit<AlbCommonPlan, "vpc">,
    context: DualStackBackendContext,
): DualStackBackendPlan | undefined {
    const path = `${prefix}.${key}`;
    const vsw = findVSwitch(problems, `${path}.vSwitch`, context.vpc, b.vSwitch);
    const common = checkAlbBackendCommon(problems, path, key, b, 80, alb.securityGroups);
    const hasV4 = b.ipv4Address !== undefined;
    const hasV6 = b.ipv6Address !== undefined;
    if (hasV4 === hasV6) {
        problems.add(
            path,
            `backend '${key}' gives ${hasV4 ? "both an IPv4 and an IPv6 address" : "no address"}; ` +
                "the ALB reaches a backend by exactly one.",
            "Set either ipv4Address or ipv6Address.",
        );
        return undefined;
    }
    const family = hasV4 ? 4 : 6;
    const addressPath = `${path}.${hasV4 ? "ipv4Address" : "ipv6Address"}`;
    const given = (hasV4 ? b.ipv4Address : b.ipv6Address)!;
    const checkKnownAddress = (p: Problems, text: string) =>
        void checkBackendAddress(p, addressPath, text, family, vsw);
    // An address known only at deployment is checked with the same rule when it resolves (the constructor).
    const address =
        typeof given === "string"
            ? (checkBackendAddress(problems, addressPath, given, family, vsw)?.text ?? given)
            : given;
    if (family === 6 && vsw && !vsw.ipv6Enabled) {
        problems.add(
            addressPath,
            `backend '${key}' is reached by IPv6 but its vSwitch '${b.vSwitch}' has no IPv6.`,
            "Enable IPv6 on the vSwitch (ipv6CidrBlockMask), or reach the backend by its IPv4 address.",
        );
    }
    if (family === 6 && !context.serverGroupIpv6) {
        problems.add(
            addressPath,
            `backend '${key}' is reached by IPv6 but the server group has IPv6 disabled.`,
            context.dualStack
                ? "Drop serverGroupIpv6Enabled: false."
                : "Use a dual-stack ALB (ipVersion: DualStack), or reach the backend by IPv4.",
        );
    }
    return {
        ...common,
        instanceId: b.instanceId,
        vSwitch: vsw,
        family,
        address,
        checkKnownAddress,
        ipv6InternetBandwidth: checkBandwidth(problems, path, key, b, context),
    };
}

/** Public IPv6 bandwidth: for an IPv6 backend, in range, through a known IPv6 gateway. */
function checkBandwidth(
    problems: Problems,
    path: string,
    key: string,
    b: DualStackAlbBackend,
    context: DualStackBackendContext,
): DualStackBackendPlan["ipv6InternetBandwidth"] {
    const bw = b.ipv6InternetBandwidth;
    if (bw === undefined) return undefined;
    if (b.ipv4Address !== undefined) {
        problems.add(
            `${path}.ipv6InternetBandwidth`,
            `backend '${key}' is reached by IPv4; IPv6 Internet bandwidth needs an IPv6 address.`,
            "Drop ipv6InternetBandwidth, or reach the backend by IPv6.",
        );
    }
    const internetChargeType = bw.internetChargeType ?? "PayByBandwidth";
    if (context.ipv6GatewayId === undefined) {
        problems.add(
            `${path}.ipv6InternetBandwidth`,
            "IPv6 Internet bandwidth needs the VPC's IPv6 gateway, and none is known.",
            "Set ipv6GatewayId, or create the RegionalVpc with enableIpv6: true.",
        );
        return undefined;
    }
    return {
        ipv6AddressId: bw.ipv6AddressId,
        ipv6GatewayId: context.ipv6GatewayId,
        bandwidth: bw.bandwidth,
        internetChargeType,
    };
}
