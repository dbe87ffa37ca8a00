/**
 * Application Load Balancer pieces shared by the ALB components (DualStackAlb, CrossRegionAlb):
 * zone/vSwitch rules, health-check defaults and checks, and the forwarding listener.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { checkIntegerInRange, checkOneOf, checkPort } from "../checks";
import { Problems } from "../errors";
import { cidrSize, parseCidr } from "../net";
import { checkDomainName, checkRecordHost } from "./dnsNames";
import { VSwitchInfo } from "./vpc";

/** ALB editions, as `alb.LoadBalancer.loadBalancerEdition` spells them. */
export const ALB_EDITIONS = ["Basic", "Standard", "StandardWithWaf"] as const;
/** An ALB edition. */
export type AlbEdition = typeof ALB_EDITIONS[number];

/** Listener protocols this library creates (QUIC needs a paired HTTPS listener and is left out). */
export const ALB_LISTENER_PROTOCOLS = ["HTTP", "HTTPS"] as const;
/** A listener protocol. */
export type AlbListenerProtocol = typeof ALB_LISTENER_PROTOCOLS[number];

/**
 * Health-check protocols of an ALB server group. The provider's validator is case-sensitive
 * `HTTP, HTTPS, TCP, GRPC` (resource_alicloud_alb_server_group.go, `health_check_protocol`);
 * `gRPC`, as the API documentation spells it, is accepted too and sent as `GRPC`.
 */
export const ALB_HEALTH_CHECK_PROTOCOLS = ["HTTP", "HTTPS", "TCP", "GRPC", "gRPC"] as const;

/**
 * Addresses Alibaba Cloud keeps in every vSwitch's IPv4 block: the first and the last three
 * (CreateVSwitch: "192.168.1.0, .253, .254 and .255 of 192.168.1.0/24").
 */
export const VSWITCH_RESERVED_IPV4 = 4;

/**
 * Free addresses to keep in each ALB vSwitch. An upgraded ALB takes 3 per vSwitch (one VIP, two
 * local addresses for backends and health checks) and needs room to scale out; the ALB docs ask
 * for at least 8.
 */
export const ALB_MIN_FREE_ADDRESSES = 8;

/** The most zones one ALB spans. */
export const ALB_MAX_ZONES = 10;

/**
 * Addresses of an IPv4 vSwitch block a new resource can still get: its size less the 4
 * Alibaba Cloud reserves and `used` addresses other resources are known to take.
 */
export function freeVSwitchAddresses(cidrBlock: string, used = 0): number {
    return Number(cidrSize(parseCidr(cidrBlock, 4))) - VSWITCH_RESERVED_IPV4 - used;
}

/**
 * Checks the vSwitches an ALB is placed in: known in the VPC, at least two zones, one vSwitch per
 * zone, at most 10 zones, and at least 8 free addresses in each (counting `usedAddresses[name]`
 * addresses other resources of the caller take in that vSwitch). Returns the vSwitches found.
 *
 * @param path input path of the list of vSwitch names, e.g. `albVSwitches`.
 */
export function checkAlbVSwitches(
    problems: Problems,
    path: string,
    names: readonly string[],
    vSwitches: Readonly<Record<string, VSwitchInfo>>,
    usedAddresses: Readonly<Record<string, number>> = {},
): VSwitchInfo[] {
    const found: VSwitchInfo[] = [];
    const byZone = new Map<string, string>();
    names.forEach((vsw, i) => {
        const info = vSwitches[vsw];
        if (!info) {
            problems.add(`${path}[${i}]`, `vSwitch '${vsw}' is not a vSwitch of the VPC.`,
                `Use one of: ${Object.keys(vSwitches).join(", ")}.`);
            return;
        }
        const other = byZone.get(info.zoneId);
        if (other !== undefined) {
            problems.add(`${path}[${i}]`, `vSwitch '${vsw}' is in zone ${info.zoneId}, like vSwitch '${other}'; an ALB takes one vSwitch per zone.`,
                `Keep one vSwitch per zone in ${path}.`);
            return;
        }
        byZone.set(info.zoneId, vsw);
        const used = usedAddresses[vsw] ?? 0;
        const free = freeVSwitchAddresses(info.cidrBlock, used);
        if (free < ALB_MIN_FREE_ADDRESSES) {
            const others = used > 0 ? ` and ${used} taken by backends in it` : "";
            problems.add(`${path}[${i}]`,
                `vSwitch '${vsw}' ${info.cidrBlock} leaves ${free} free addresses (${VSWITCH_RESERVED_IPV4} reserved by Alibaba Cloud${others}); an ALB needs at least ${ALB_MIN_FREE_ADDRESSES}.`,
                "Give the ALB a vSwitch of /28 or larger with room to spare.");
        }
        found.push(info);
    });
    if (names.length < 2) {
        const got = names.map(vsw => vSwitches[vsw] ? `${vsw} in ${vSwitches[vsw].zoneId}` : vsw).join(", ") || "none";
        problems.add(path, `the ALB is placed in ${names.length} zone(s); it needs vSwitches in at least two zones (got ${got}).`,
            "Name one vSwitch in each of two or more zones.");
    } else if (byZone.size > ALB_MAX_ZONES) {
        problems.add(path, `the ALB is placed in ${byZone.size} zones; an ALB spans at most ${ALB_MAX_ZONES}.`,
            `Name at most ${ALB_MAX_ZONES} vSwitches.`);
    }
    return found;
}

/** Status classes an HTTP(S) health check may count as healthy. */
export const HTTP_HEALTHY_CODES = ["http_2xx", "http_3xx", "http_4xx", "http_5xx"] as const;

/** Health check of an ALB server group. Defaults are the ALB console's. */
export interface AlbHealthCheckArgs {
    /** Turn health checks on. Default: true (the tutorials keep them on). */
    enabled?: boolean;
    /** `HTTP`, `HTTPS`, `TCP` or `GRPC` (`gRPC` also accepted). Default: `HTTP`. */
    protocol?: typeof ALB_HEALTH_CHECK_PROTOCOLS[number];
    /** URL path probed by HTTP(S) checks; starts with `/`, 1–80 characters. Default: `/`. */
    path?: string;
    /** Status codes that count as healthy. Default: `["http_2xx", "http_3xx"]`. */
    codes?: string[];
    /** Seconds between checks, 1–50. Default: 2. */
    interval?: number;
    /** Seconds to wait for an answer, 1–300. Default: 5. */
    timeout?: number;
    /** Successes before a server counts as healthy, 2–10. Default: 3. */
    healthyThreshold?: number;
    /** Failures before a server counts as unhealthy, 2–10. Default: 3. */
    unhealthyThreshold?: number;
    /** Port probed; 0 probes each server's own port. Default: 0. */
    port?: number;
}

/** Checks a health-check description; `path` is its input path, e.g. `healthCheck`. */
export function checkAlbHealthCheck(problems: Problems, path: string, hc: AlbHealthCheckArgs | undefined): void {
    if (!hc || hc.enabled === false) return;
    if (hc.protocol !== undefined) checkOneOf(problems, `${path}.protocol`, hc.protocol, ALB_HEALTH_CHECK_PROTOCOLS, "health-check protocol");
    if (hc.path !== undefined && !/^\/[A-Za-z0-9\-/.%?#&=_;~!()*[\]@$^:',+]{0,79}$/.test(hc.path)) {
        problems.add(`${path}.path`, `health-check path '${hc.path}' is not a URL path of 1 to 80 allowed characters starting with '/'.`,
            "Use a path such as /health.");
    }
    const protocol = hc.protocol ?? "HTTP";
    if ((protocol === "HTTP" || protocol === "HTTPS") && hc.codes !== undefined) {
        hc.codes.forEach((code, i) => checkOneOf(problems, `${path}.codes[${i}]`, code, HTTP_HEALTHY_CODES, "health-check status class"));
    }
    if (hc.interval !== undefined) checkIntegerInRange(problems, `${path}.interval`, hc.interval, 1, 50, "health-check interval");
    if (hc.timeout !== undefined) checkIntegerInRange(problems, `${path}.timeout`, hc.timeout, 1, 300, "health-check timeout");
    if (hc.healthyThreshold !== undefined) checkIntegerInRange(problems, `${path}.healthyThreshold`, hc.healthyThreshold, 2, 10, "healthy threshold");
    if (hc.unhealthyThreshold !== undefined) checkIntegerInRange(problems, `${path}.unhealthyThreshold`, hc.unhealthyThreshold, 2, 10, "unhealthy threshold");
    if (hc.port !== undefined) checkIntegerInRange(problems, `${path}.port`, hc.port, 0, 65535, "health-check port");
}

/**
 * The fixed port a health check probes, which the backends' security groups must open besides
 * their own ports; undefined when checks are off or probe each server's own port.
 */
export function albHealthCheckPort(hc: AlbHealthCheckArgs | undefined): number | undefined {
    return hc?.enabled !== false && hc?.port ? hc.port : undefined;
}

/** The provider's `healthCheckConfig` for a (checked) description, defaults filled in. */
export function albHealthCheckConfig(hc: AlbHealthCheckArgs = {}): alicloud.types.input.alb.ServerGroupHealthCheckConfig {
    if (hc.enabled === false) return { healthCheckEnabled: false };
    const protocol = hc.protocol ?? "HTTP";
    const http = protocol === "HTTP" || protocol === "HTTPS";
    return {
        healthCheckEnabled: true,
        healthCheckProtocol: protocol === "gRPC" ? "GRPC" : protocol,
        healthCheckPath: http ? hc.path ?? "/" : undefined,
        healthCheckCodes: protocol === "TCP" ? undefined : hc.codes ?? ["http_2xx", "http_3xx"],
        healthCheckInterval: hc.interval ?? 2,
        healthCheckTimeout: hc.timeout ?? 5,
        healthyThreshold: hc.healthyThreshold ?? 3,
        unhealthyThreshold: hc.unhealthyThreshold ?? 3,
        healthCheckConnectPort: hc.port ?? 0,
    };
}

/** The listener in front of a server group. */
export interface AlbListenerArgs {
    /** `HTTP` or `HTTPS`. Default: `HTTP` (the tutorials). */
    protocol?: AlbListenerProtocol;
    /** Listener port, 1–65535. Default: 80 for HTTP, 443 for HTTPS. */
    port?: number;
    /** Server certificate id for HTTPS; required with HTTPS, refused with HTTP. Default: none (the tutorials' HTTP listeners). */
    certificateId?: pulumi.Input<string>;
}

/**
 * The port a listener takes: its own, or 80 for HTTP and 443 for HTTPS.
 */
export function albListenerPort(listener: AlbListenerArgs | undefined): number {
    return listener?.port ?? ((listener?.protocol ?? "HTTP") === "HTTPS" ? 443 : 80);
}

/**
 * Where a caller keeps its listener fields: one object (`"listener"`, giving `listener.port`), or
 * a function naming each field's path when they sit flat among the caller's args.
 */
export type AlbListenerPath = string | ((field: keyof AlbListenerArgs) => string);

/** Checks a listener description; `path` says where its fields are in the caller's args. */
export function checkAlbListener(problems: Problems, path: AlbListenerPath, listener: AlbListenerArgs | undefined): void {
    if (!listener) return;
    const at = typeof path === "string" ? (field: keyof AlbListenerArgs) => `${path}.${field}` : path;
    const protocol = listener.protocol ?? "HTTP";
    checkOneOf(problems, at("protocol"), protocol, ALB_LISTENER_PROTOCOLS, "listener protocol");
    if (listener.port !== undefined) checkPort(problems, at("port"), listener.port);
    if (protocol === "HTTPS" && listener.certificateId === undefined) {
        problems.add(at("certificateId"), "an HTTPS listener needs a server certificate.", `Set ${at("certificateId")}, or use ${at("protocol")} HTTP.`);
    }
    if (protocol === "HTTP" && listener.certificateId !== undefined) {
        problems.add(at("certificateId"), "an HTTP listener takes no certificate.", `Drop ${at("certificateId")}, or use ${at("protocol")} HTTPS.`);
    }
}

/** Creates a listener whose default action forwards everything to one server group. */
export function createForwardingListener(
    name: string,
    loadBalancerId: pulumi.Input<string>,
    serverGroupId: pulumi.Input<string>,
    listener: AlbListenerArgs = {},
    opts: pulumi.CustomResourceOptions = {},
    tags?: Record<string, string>,
): alicloud.alb.Listener {
    const protocol = listener.protocol ?? "HTTP";
    return new alicloud.alb.Listener(name, {
        loadBalancerId,
        listenerProtocol: protocol,
        listenerPort: albListenerPort(listener),
        certificates: listener.certificateId !== undefined ? { certificateId: listener.certificateId } : undefined,
        defaultActions: [{
            type: "ForwardGroup",
            forwardGroupConfig: { serverGroupTuples: [{ serverGroupId }] },
        }],
        tags,
    }, opts);
}

/**
 * An Alibaba Cloud DNS CNAME record pointing a name at an ALB. ALBs created since 2025 do not
 * answer on their own DNS name: clients need a CNAME to it (Alibaba Cloud ALB documentation;
 * ../shared/SCENARIOS.md, "ALB").
 */
export interface AlbDnsArgs {
    /** Domain hosted in Alibaba Cloud DNS, e.g. `example.com` (not `.sh` or `.tel`). */
    domainName: string;
    /**
     * Host record: `@` for the domain itself, or e.g. `www`. Default: `@` (S3's tutorial). Alibaba
     * Cloud DNS accepts a CNAME at `@`, but it conflicts with MX/TXT records of the domain.
     */
    rr?: string;
    /** Seconds, 1–86400; the DNS edition sets the floor (Free: 600). Default: 600. */
    ttl?: number;
}

/** Checks a DNS record description; `path` is its input path, e.g. `dns`. */
export function checkAlbDns(problems: Problems, path: string, dns: AlbDnsArgs | undefined): void {
    if (!dns) return;
    const domainOk = checkDomainName(problems, `${path}.domainName`, dns.domainName);
    checkRecordHost(problems, `${path}.rr`, dns.rr ?? "@", domainOk ? dns.domainName : undefined);
    if (dns.ttl !== undefined) checkIntegerInRange(problems, `${path}.ttl`, dns.ttl, 1, 86400, "TTL");
}

/** The CNAME record (named `<name>-cname`) pointing `dns` at the ALB, and the name it serves. */
export function albCnameRecord(name: string, dns: AlbDnsArgs, albDnsName: pulumi.Input<string>, opts: pulumi.CustomResourceOptions):
    { recordId: pulumi.Output<string>; fqdn: string } {
    const rr = dns.rr ?? "@";
    const record = new alicloud.dns.AlidnsRecord(`${name}-cname`, {
        domainName: dns.domainName, rr, type: "CNAME", value: albDnsName, ttl: dns.ttl ?? 600,
    }, opts);
    return { recordId: record.id, fqdn: rr === "@" ? dns.domainName : `${rr}.${dns.domainName}` };
}
