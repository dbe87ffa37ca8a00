/**
 * The arguments the ALB components of this library (CrossRegionAlbBackend, S1; DualStackAlb, S3)
 * share, with one name and one default for each: what the ALB is, where it sits, how it is
 * named, its listener, health check, backends' common fields, security groups and DNS record.
 */
import * as pulumi from "@pulumi/pulumi";
import type { BackToOriginArgs } from "./backToOrigin";
import type { AlbAccessLogArgs, AlbAclArgs, AlbModificationProtectionArgs } from "./operationsArgs";
import type { AlbRuleArgs } from "./routingArgs";

/** ALB editions, as `alb.LoadBalancer.loadBalancerEdition` spells them. */
export const ALB_EDITIONS = ["Basic", "Standard", "StandardWithWaf"] as const;
/** An ALB edition. */
export type AlbEdition = (typeof ALB_EDITIONS)[number];

/** Network types of an ALB address, as `alb.LoadBalancer.addressType` spells them. */
export const ALB_ADDRESS_TYPES = ["Internet", "Intranet"] as const;
/** `Internet` (public) or `Intranet` (private). */
export type AlbAddressType = (typeof ALB_ADDRESS_TYPES)[number];

/** Schedulers of a server group: weighted round robin, weighted least connections, source-IP hash. */
export const ALB_SCHEDULERS = ["Wrr", "Wlc", "Sch"] as const;
/** A server group scheduler. */
export type AlbScheduler = (typeof ALB_SCHEDULERS)[number];

/** Listener protocols this library creates (QUIC needs a paired HTTPS listener and is left out). */
export const ALB_LISTENER_PROTOCOLS = ["HTTP", "HTTPS"] as const;
/** A listener protocol. */
export type AlbListenerProtocol = (typeof ALB_LISTENER_PROTOCOLS)[number];

/**
 * The ALB's system TLS security policies an HTTPS listener takes (`alb.Listener.securityPolicyId`;
 * Alibaba Cloud ALB documentation, "TLS security policies"). `tls_cipher_policy_1_0_to_1_3` is left
 * out: only the Extensible edition takes it, which {@link ALB_EDITIONS} does not include. Custom
 * policies are not taken: the form of their ids is not documented.
 */
export const ALB_TLS_POLICIES = [
    "tls_cipher_policy_1_0",
    "tls_cipher_policy_1_1",
    "tls_cipher_policy_1_2",
    "tls_cipher_policy_1_2_strict",
    "tls_cipher_policy_1_2_strict_with_1_3",
] as const;
/** A system TLS security policy. */
export type AlbTlsPolicy = (typeof ALB_TLS_POLICIES)[number];

/**
 * The TLS policy of an HTTPS listener when none is given: TLS 1.2 with forward-secret ciphers only,
 * and TLS 1.3. Alibaba Cloud recommends `tls_cipher_policy_1_2` or stricter for internet-facing
 * listeners ("TLS security policies"); the API's own default is reported to be
 * `tls_cipher_policy_1_0` (unconfirmed), so the policy is always sent. The counterpart of the AWS
 * ALB's `ELBSecurityPolicy-TLS13-1-2-2021-06`.
 */
export const ALB_DEFAULT_TLS_POLICY: AlbTlsPolicy = "tls_cipher_policy_1_2_strict_with_1_3";

/** The port of the HTTP listener that redirects to an HTTPS one (`redirectHttpToHttps`). */
export const ALB_HTTP_REDIRECT_PORT = 80;

/**
 * Health-check protocols of an ALB server group. The provider's validator is case-sensitive
 * `HTTP, HTTPS, TCP, GRPC` (resource_alicloud_alb_server_group.go, `health_check_protocol`);
 * `gRPC`, as the API documentation spells it, is accepted too and sent as `GRPC`.
 */
export const ALB_HEALTH_CHECK_PROTOCOLS = ["HTTP", "HTTPS", "TCP", "GRPC", "gRPC"] as const;

/** Status classes an HTTP(S) health check may count as healthy. */
export const HTTP_HEALTHY_CODES = ["http_2xx", "http_3xx", "http_4xx", "http_5xx"] as const;

/**
 * Where ALBs created before the 2025 upgrade fetch from ("back-to-origin"): blocks of
 * 100.64.0.0/10 listed on the instance's details page; upgraded and new ALBs use addresses of
 * their own vSwitches (Alibaba Cloud ALB documentation, "Back-to-origin routes"; seeds 000, 002).
 */
export const ALB_LEGACY_BACK_TO_ORIGIN_RANGE = "100.64.0.0/10";

/**
 * Server weights the ALB components accept, and the one they give when none is set. The API takes
 * 0 to 100 with a default of 0, and 0 forwards nothing to the server
 * (`alb.ServerGroup` `servers[].weight`, node_modules/@pulumi/alicloud/types/input.d.ts): 0 is
 * refused, as by the policy pack, so no server is silently idle.
 */
export const ALB_SERVER_WEIGHT = { min: 1, max: 100, default: 100 } as const;

/** The listener in front of a server group. */
export interface AlbListenerArgs {
    /** `HTTP` or `HTTPS`. Default: `HTTP` (the tutorials). */
    protocol?: AlbListenerProtocol;
    /** Listener port, 1–65535. Default: 80 for HTTP (the tutorials), 443 for HTTPS. */
    port?: number;
    /**
     * Server certificate id: required with HTTPS, refused with HTTP. Checked before registration
     * as text (not empty, no blanks; its form is not documented, so not checked further); an
     * Output is checked when it resolves, before the listener is created. Default: none (the
     * tutorials' HTTP listeners).
     */
    certificateId?: pulumi.Input<string>;
    /**
     * TLS security policy of an HTTPS listener, one of {@link ALB_TLS_POLICIES}; refused with HTTP.
     * Default: {@link ALB_DEFAULT_TLS_POLICY} (TLS 1.2 strict and 1.3).
     */
    sslPolicy?: AlbTlsPolicy;
    /**
     * With HTTPS: also listen for HTTP on port 80 and answer every request there with a 301
     * redirect to the HTTPS listener (a forwarding rule matching every path, as the ALB
     * documentation's "Redirect HTTP requests to an HTTPS listener" sets it up), so clients that
     * type `http://` end up on HTTPS and nothing is served in plain text. `false`: no HTTP
     * listener at all. Refused with HTTP (there is no HTTPS listener to redirect to) and with an
     * HTTPS listener on port 80 (the port the redirect takes). Default: true with HTTPS, the
     * counterpart of `AlbFargateService.redirectHttpToHttps`.
     */
    redirectHttpToHttps?: boolean;
}

/** Health check of an ALB server group. Defaults are the ALB console's. */
export interface AlbHealthCheckArgs {
    /** Turn health checks on. Default: true (the tutorials keep them on). */
    enabled?: boolean;
    /** `HTTP`, `HTTPS`, `TCP` or `GRPC` (`gRPC` also accepted). Default: `HTTP`. */
    protocol?: (typeof ALB_HEALTH_CHECK_PROTOCOLS)[number];
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
    /**
     * Port probed; 0 probes each server's own port. A fixed port is opened to the ALB in the
     * backends' security groups too. Default: 0.
     */
    port?: number;
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

/** What every backend of an ALB component has, whatever the ALB reaches it by. */
export interface AlbBackendCommonArgs {
    /** Port the backend serves on, 1–65535. Default: 80 (the tutorials; S1: its `backendPort`). */
    port?: number;
    /**
     * Weight, 1–100: the backend's share of the traffic against the others'. 0 is refused: a
     * server of weight 0 gets no traffic at all, silently (the provider's default weight is 0,
     * and the policy pack's `alb-server-weight-set` refuses such a server in every stack); to
     * take a backend out, remove it. Default: 100 (the console's and the tutorials').
     */
    weight?: number;
    /** Description shown on the server, 2–256 characters, not starting with http(s)://. Default: none. */
    description?: string;
    /**
     * Key in the component's `securityGroups` of the backend's security group: the component
     * opens the backend port (and a fixed health-check port) there to the addresses the ALB
     * fetches from, and nothing wider. Default: no rules are added (manage the group yourself).
     */
    securityGroup?: string;
}

/** The arguments every ALB component takes, with the same names and defaults. */
export interface AlbCommonArgs {
    /**
     * Names of the vSwitches (in the ALB's VPC) the ALB sits in, one per zone, two zones or more.
     * Default: the first vSwitch of each zone, in declaration order (S1's tutorial: VSW1 and VSW2;
     * S3's: vSwitch 1 in zone E and vSwitch 2 in zone G).
     */
    albVSwitches?: string[];
    /** `Basic`, `Standard` or `StandardWithWaf`. Default: `Standard` (the tutorials'). */
    edition?: AlbEdition;
    /** Network type of the ALB's IPv4 address, `Internet` or `Intranet`. Default: `Internet` (the tutorials'). */
    addressType?: AlbAddressType;
    /**
     * Name of the ALB in the console: 2–128 letters, digits, `.`, `_` or `-`, starting with a
     * letter. Default: the component's name.
     */
    loadBalancerName?: string;
    /**
     * Name of the server group, with the same rules. Default: the component's name and a suffix
     * (`-ip` for S1's IP server group, `-servers` for S3's).
     */
    serverGroupName?: string;
    /**
     * `Wrr` (weighted round robin), `Wlc` (weighted least connections) or `Sch` (source-IP hash).
     * Default: `Wrr` (the tutorials').
     */
    scheduler?: AlbScheduler;
    /** Health check of the server group. Default: on, HTTP `/` (the tutorials keep it on). */
    healthCheck?: AlbHealthCheckArgs;
    /**
     * The listener. Default: HTTP on port 80 (the tutorials'). For a public site, HTTPS with your
     * certificate: `{ protocol: "HTTPS", certificateId }` (HTTP on 80 then redirects to it).
     */
    listener?: AlbListenerArgs;
    /**
     * Turn on the ALB's own deletion protection (`alb.LoadBalancer.deletionProtectionEnabled`,
     * resource_alicloud_alb_load_balancer.go `deletion_protection_enabled`, changed in place): the
     * cloud then refuses to delete the ALB, from the console, the API or `pulumi destroy`, until it
     * is turned off in an update. Always sent, so turning it off takes effect (the provider keeps
     * the cloud's value of a field left out). Default: false (the tutorials'); on for production.
     */
    deletionProtection?: boolean;
    /**
     * The console's modification protection of the ALB (`alb.LoadBalancer.modificationProtectionConfig`):
     * `{ status: "ConsoleProtection", reason }` makes it read-only in the console, not to the API.
     * Always sent, so turning it off takes effect. Default: `{ status: "NonProtection" }`.
     */
    modificationProtection?: AlbModificationProtectionArgs;
    /**
     * An access control list on the listeners (the forwarding one and the HTTP redirect):
     * `{ mode: "allow" | "deny", entries: [CIDR blocks] }`. Checked before registration (CIDR
     * form, each once, the ACL limits). Default: none, every source is served.
     */
    acl?: AlbAclArgs;
    /**
     * Access logs to Log Service (`alb.LoadBalancer.accessLogConfig`): `{ project, logstore }` of
     * existing ones, or `{ create: true }` for a project and logstore the component creates.
     * Default: none (no access logs).
     */
    accessLog?: AlbAccessLogArgs;
    /**
     * Where the ALB fetches from, which the backends' security groups admit (and S1 routes back
     * through the CEN). Default: `{ mode: "vswitch" }`, how ALBs created since 2025 fetch: from
     * addresses of their own vSwitches, so only those blocks are admitted. An ALB created before
     * 2025 takes `{ mode: "legacy", cidrBlocks }`, the blocks its details page lists, each inside
     * 100.64.0.0/10 and /24 or smaller: all of 100.64.0.0/10 would admit every tenant's ALBs.
     * Checked before registration.
     */
    backToOrigin?: BackToOriginArgs;
    /**
     * The backends' security groups (`sg-…` ids) by a name of your choice (letters, digits, `-`,
     * `_`); each backend names its group with `securityGroup`. An id is checked before
     * registration; an Output when it resolves, before the rules in that group are created.
     * Default: none (no rule is added).
     */
    securityGroups?: Record<string, pulumi.Input<string>>;
    /**
     * A CNAME record in Alibaba Cloud DNS pointing a name at the ALB, the name clients use: ALBs
     * created since 2025 do not answer on their own DNS name. Default: none (point your own record
     * at `dnsName`).
     */
    dns?: AlbDnsArgs;
    /**
     * Forwarding rules of the forwarding listener by name (2–128 letters, digits, `.`, `_` or `-`,
     * starting with a letter): requests matching a rule's hosts and paths go to the server groups
     * it names, `default` (the component's own) or keys of the component's `serverGroups`.
     * Checked before registration: priorities 1–9999 and unique (10000 is the component's own),
     * hosts and paths of the ALB's form and within the edition's limits, known groups. Default:
     * none (every request goes to the component's own server group).
     */
    rules?: Record<string, AlbRuleArgs>;
    /**
     * Tags on every taggable resource the component creates: keys not empty, keys and values
     * without surrounding blanks or control characters. Default: none.
     */
    tags?: Record<string, string>;
}
