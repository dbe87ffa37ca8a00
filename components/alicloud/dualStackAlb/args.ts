/** The arguments of a DualStackAlb (S3) and the plan its check settles. */
import * as pulumi from "@pulumi/pulumi";
import {
    AlbAddressType,
    AlbBackendCommonArgs,
    AlbBackendCommonPlan,
    AlbCommonArgs,
    AlbCommonPlan,
    AlbDnsArgs,
    AlbIngressRule,
} from "../albCommon";
import type { BackToOriginPlan } from "../albCommon/backToOrigin";
import type { AlbServerGroupArgs } from "../albCommon/routingArgs";
import { Problems } from "../../errors";
import { RegionalVpc, VSwitchInfo } from "../vpc";

/** The component's type token. */
export const DUAL_STACK_ALB_TYPE = "topologies:alicloud:DualStackAlb";

/** IP versions of the ALB (`alb.LoadBalancer.addressIpVersion`). */
export const DUAL_STACK_IP_VERSIONS = ["DualStack", "IPv4"] as const;

/** How public IPv6 bandwidth is billed (`vpc.Ipv6InternetBandwidth.internetChargeType`). */
export const IPV6_BANDWIDTH_CHARGE_TYPES = ["PayByBandwidth", "PayByTraffic"] as const;

/** Public IPv6 bandwidth for one IPv6 backend, so it is reachable from the Internet directly. */
export interface Ipv6InternetBandwidthArgs {
    /**
     * Id of the backend's IPv6 address instance (`ipv6-…`), not the address itself;
     * `alicloud.vpc.getIpv6Addresses({ associatedInstanceId })` finds it. Checked before
     * registration as text (not empty, no blanks; its `ipv6-` form is unconfirmed, so not
     * checked); an Output is checked when it resolves.
     */
    ipv6AddressId: pulumi.Input<string>;
    /** Mbit/s, 1–5000 (PayByTraffic is further capped by the IPv6 gateway's edition). */
    bandwidth: number;
    /** `PayByBandwidth` or `PayByTraffic`. Default: `PayByBandwidth`. */
    internetChargeType?: (typeof IPV6_BANDWIDTH_CHARGE_TYPES)[number];
}

/** What every backend has, whichever address family the ALB reaches it by. */
export interface DualStackAlbBackendCommon extends AlbBackendCommonArgs {
    /** ECS instance id, `i-…`. Checked before registration; an Output is checked when it resolves. */
    instanceId: pulumi.Input<string>;
    /** Name of the instance's vSwitch in the VPC's `vSwitches` map. */
    vSwitch: string;
}

/** A backend reached over IPv4 (tutorial: ECS01). */
export interface DualStackAlbIpv4Backend extends DualStackAlbBackendCommon {
    /**
     * The instance's private IPv4 address, inside its vSwitch block. Checked before registration;
     * an Output is checked with the same rules when it resolves, before the server group is created.
     */
    ipv4Address: pulumi.Input<string>;
    /** Not for an IPv4 backend. */
    ipv6Address?: never;
    /** Not for an IPv4 backend: public IPv6 bandwidth needs an IPv6 address. */
    ipv6InternetBandwidth?: never;
}

/** A backend reached over IPv6 (tutorial: ECS02); needs an IPv6 vSwitch and server group. */
export interface DualStackAlbIpv6Backend extends DualStackAlbBackendCommon {
    /**
     * The instance's IPv6 address. Checked before registration; an Output is checked when it
     * resolves, before the server group is created.
     */
    ipv6Address: pulumi.Input<string>;
    /** Not for an IPv6 backend. */
    ipv4Address?: never;
    /** Give the address public IPv6 bandwidth. Default: none (reachable through the ALB only). */
    ipv6InternetBandwidth?: Ipv6InternetBandwidthArgs;
}

/** One ECS backend, with the address family the ALB uses to reach it. */
export type DualStackAlbBackend = DualStackAlbIpv4Backend | DualStackAlbIpv6Backend;

/** Security-group rules that let the ALB reach the backends. */
export interface BackendIngressArgs {
    /**
     * IPv4 blocks allowed to the IPv4 backends' ports. Default: where the ALB fetches from
     * (`backToOrigin`): the ALB vSwitches' blocks, or the legacy blocks listed, never all of
     * 100.64.0.0/10, which would admit every tenant's ALBs. A block of 100.64.0.0/10 given here is
     * held to the same rule (inside it, /24 or smaller). Checked before registration.
     */
    ipv4Sources?: string[];
    /**
     * IPv6 blocks allowed to the IPv6 backends' ports. Default: the IPv6 /64 of each ALB vSwitch,
     * which holds the ALB's IPv6 local addresses; required when the VPC was described with
     * `fromExisting` (its vSwitches' IPv6 blocks are not known).
     */
    ipv6Sources?: string[];
    /**
     * IPv6 blocks allowed all ICMPv6 to IPv6 backends (neighbour discovery, path-MTU discovery,
     * ping). Default: `["::/0"]` (tutorial); `[]` adds no ICMPv6 rule.
     */
    icmpv6Sources?: string[];
    /** Priority of the rules, 1 (first) to 100. Default: 1 (tutorial). */
    priority?: number;
    /**
     * Accept `ipv4Sources` / `ipv6Sources` that cover the whole internet (`0.0.0.0/0`, `::/0`, or
     * blocks that together cover every public address), which open the backend ports to everyone
     * past the ALB; the plan then warns. Default: false, such sources are refused: a backend
     * behind an ALB needs only the ALB's addresses, Alibaba Cloud rates a port open to 0.0.0.0/0 a
     * high risk (Cloud Config's BestPracticesForSecurityGroups pack, rule
     * `ecs-security-group-white-list-port-check`), and with `ipv6InternetBandwidth` an IPv6 backend
     * would be reachable from the internet directly. ICMPv6 sources are not held to
     * it (see `icmpv6Sources`). Checked before registration.
     */
    allowWorldSources?: boolean;
}

/** An Alibaba Cloud DNS CNAME record pointing a name at the ALB (the shared {@link AlbDnsArgs}). */
export type DualStackAlbDnsArgs = AlbDnsArgs;

/**
 * Arguments of a {@link DualStackAlb}. The ALB's own arguments (`albVSwitches`, `edition`,
 * `listener`, `securityGroups`, `dns`, …) are those of every ALB component ({@link AlbCommonArgs}),
 * with the tutorial's values as defaults.
 */
export interface DualStackAlbArgs extends AlbCommonArgs {
    /**
     * The VPC, with IPv6 on (`enableIpv6: true`, which also creates the IPv6 gateway) and
     * `ipv6CidrBlockMask` on each ALB vSwitch for a dual-stack ALB. Tutorial: VPC1 in cn-shanghai
     * with vSwitch 1 in zone E and vSwitch 2 in zone G. Its provider is the children's, unless an
     * `alicloud` provider is given in the component's own `opts.provider` / `opts.providers` (a parent's is not taken).
     */
    vpc: RegionalVpc;
    /** `DualStack` or `IPv4`. Default: `DualStack` (tutorial). */
    ipVersion?: (typeof DUAL_STACK_IP_VERSIONS)[number];
    /**
     * Network type of the IPv6 address, dual-stack only: `Internet` or `Intranet`. Default:
     * `Internet`; the tutorial switches it from private to public after creation, this sets it at
     * creation. A public IPv6 address needs the VPC's IPv6 gateway.
     */
    ipv6AddressType?: AlbAddressType;
    /**
     * Let the server group hold IPv6 backends. Only a dual-stack ALB may use such a group.
     * Default: true on a dual-stack ALB (tutorial), false on an IPv4 one.
     */
    serverGroupIpv6Enabled?: boolean;
    /**
     * Backends by name (letters, digits, `-`, `_`; tutorial: ECS01 by IPv4, ECS02 by IPv6). May
     * be empty.
     */
    backends: Record<string, DualStackAlbBackend>;
    /**
     * Server groups besides the component's own, by name (letters, digits, `-`, `_`; not
     * `default`), for `rules` to forward to: ECS server groups like the own one (IPv6-enabled as
     * it is), with backends checked and admitted in their security groups as `backends` are.
     * Default: none.
     */
    serverGroups?: Record<string, AlbServerGroupArgs<DualStackAlbBackend>>;
    /** Sources of the security-group rules. Default: see {@link BackendIngressArgs}. */
    backendIngress?: BackendIngressArgs;
    /**
     * IPv6 gateway of a VPC described with `fromExisting`, for `ipv6InternetBandwidth`. Checked
     * before registration as text (its `ipv6gw-` form is unconfirmed, so not checked); an Output is
     * checked when it resolves. Default: the gateway the RegionalVpc created.
     */
    ipv6GatewayId?: pulumi.Input<string>;
    /**
     * Create the service-linked role AliyunServiceRoleForAlb, without which no ALB can be created.
     * It exists once per account (the console offers to create it with the first ALB), and
     * creating it again fails, so this is off by default and the role is kept when the stack is
     * destroyed. Default: false, the role must exist.
     */
    createServiceLinkedRole?: boolean;
}

/** A backend as the constructor creates it. */
export interface DualStackBackendPlan extends AlbBackendCommonPlan {
    readonly instanceId: pulumi.Input<string>;
    readonly vSwitch?: VSwitchInfo;
    /**
     * The family the ALB reaches it by, and its address of that family: a plain one in canonical
     * form, or the Output, checked by `checkKnownAddress` when it resolves.
     */
    readonly family: 4 | 6;
    readonly address: pulumi.Input<string>;
    /**
     * Checks the address once it is known, with the rules a plain string was checked by (problems at
     * the caller's path).
     */
    readonly checkKnownAddress: (problems: Problems, address: string) => void;
    /** Public IPv6 bandwidth, defaults applied, with the gateway it goes through. */
    readonly ipv6InternetBandwidth?: {
        readonly ipv6AddressId: pulumi.Input<string>;
        readonly ipv6GatewayId: pulumi.Input<string>;
        readonly bandwidth: number;
        readonly internetChargeType: (typeof IPV6_BANDWIDTH_CHARGE_TYPES)[number];
    };
}

/** What {@link checkDualStackAlbArgs} settles for the constructor: every default applied. */
export interface DualStackAlbPlan extends AlbCommonPlan {
    /** True for a dual-stack ALB, false for IPv4. */
    readonly dualStack: boolean;
    /** Network type of the IPv6 address; undefined on an IPv4 ALB. */
    readonly ipv6AddressType?: AlbAddressType;
    /** Whether the server group has IPv6 enabled. */
    readonly serverGroupIpv6: boolean;
    readonly backends: readonly DualStackBackendPlan[];
    /** The backends of each extra server group, by its key. */
    readonly serverGroupBackends: Readonly<Record<string, readonly DualStackBackendPlan[]>>;
    /** Security-group rules to create, without repeats. */
    readonly rules: readonly AlbIngressRule[];
    /** Where the ALB fetches from: its vSwitches' blocks, or the legacy blocks listed. */
    readonly backToOrigin: BackToOriginPlan;
    /** What the constructor warns about (sources opened to the whole internet on purpose). */
    readonly warnings: readonly string[];
    readonly createServiceLinkedRole: boolean;
}
