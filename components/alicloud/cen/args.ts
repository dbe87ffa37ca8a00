/**
 * What a user writes to describe a {@link CenTransitNetwork}, the defaults it falls back to, and
 * how other components see its transit routers and attachments.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { CEN_PACKAGE_AREAS } from "../regions";
import { RegionalVpc } from "../vpc";

/**
 * Default bandwidth of each full-mesh connection, Mbit/s. Components that build a network (S1,
 * S4) leave their bandwidth option to this default and document it by this constant.
 */
export const DEFAULT_PEER_BANDWIDTH_MBPS = 10;

/**
 * The smallest bandwidth package the provider sells (`cen.BandwidthPackage.bandwidth`: "cannot be
 * less than 2Mbps").
 */
export const MIN_BANDWIDTH_PACKAGE_MBPS = 2;

/** The most bandwidth a connection or a package may have, Mbit/s. */
export const MAX_BANDWIDTH_MBPS = 100000;

/** How a new bandwidth package may be paid for (`cen.BandwidthPackage.paymentType`). */
export const CEN_BANDWIDTH_PACKAGE_PAYMENT_TYPES = ["PrePaid", "PostPaid"] as const;

/** How a new bandwidth package is paid for by default: `PrePaid`, the provider's default. */
export const DEFAULT_BANDWIDTH_PACKAGE_PAYMENT_TYPE = "PrePaid";

/**
 * The months a new `PrePaid` package may be bought for: "Valid value: `1`, `2`, `3`, `6`, `12`"
 * (`period`, node_modules/@pulumi/alicloud/cen/bandwidthPackage.d.ts).
 */
export const CEN_BANDWIDTH_PACKAGE_PERIODS = [1, 2, 3, 6, 12] as const;

/** How an inter-region connection may be billed (`TransitRouterPeerAttachment.bandwidthType`). */
export const CEN_PEERING_BANDWIDTH_TYPES = ["BandwidthPackage", "DataTransfer"] as const;

/** Months of a new `PrePaid` bandwidth package by default. */
export const DEFAULT_BANDWIDTH_PACKAGE_PERIOD = 1;

/** A geographic area a bandwidth package may connect: one of {@link CEN_PACKAGE_AREAS}. */
export type CenPackageArea = (typeof CEN_PACKAGE_AREAS)[number];

/** One VPC on the network. */
export interface CenMemberArgs {
    /** The member VPC (a RegionalVpc, created or fromExisting). Checked before registration. */
    vpc: RegionalVpc;
    /**
     * Names (keys of `vpc.vSwitches`) of the vSwitches the VPC attachment uses: one per
     * transit-router zone, distinct zones. Default: the first vSwitch of each zone, in order
     * (the tutorial's VSW1+VSW2 and VSW3+VSW4). Checked before registration.
     */
    attachmentVSwitches?: string[];
}

/** One inter-region connection between the transit routers of two member regions. */
export interface CenPeeringArgs {
    /**
     * The two member regions the connection joins; the first one's transit router creates it.
     * Checked before registration.
     */
    regions: [string, string];
    /**
     * Bandwidth of the connection, Mbit/s (whole number, at least 1): allocated from the bandwidth
     * package of its areas, or, billed by data transfer, the most it may carry ("the maximum
     * bandwidth", CreateTransitRouterPeerAttachment `Bandwidth`), at most 100000. Checked before
     * registration.
     */
    bandwidthMbps: number;
    /**
     * How the connection is billed: `BandwidthPackage` (from the package of its areas) or
     * `DataTransfer` (by the data it carries, even when the network has packages). Default: from
     * the package of its areas when the network has packages, else by data transfer. Checked
     * before registration.
     */
    bandwidthType?: (typeof CEN_PEERING_BANDWIDTH_TYPES)[number];
}

/**
 * A CEN bandwidth package (the console's "bandwidth plan"): bandwidth bought for the connections
 * between one pair of geographic areas, instead of paying for the data they carry.
 */
export interface CenBandwidthPackageArgs {
    /**
     * Bandwidth of the package in Mbit/s (at least {@link MIN_BANDWIDTH_PACKAGE_MBPS}, the
     * provider's minimum; a whole number, at most 100000). The bandwidths of the connections it
     * serves must add up to no more than this. Checked before registration.
     *
     * A change resizes the package in place (ModifyCenBandwidthPackageSpec), a subscription too,
     * but never below what its connections hold at that moment (CEN guide, "Resize a bandwidth
     * plan": "The sum of maximum bandwidth values assigned to all inter-region connections must
     * not exceed the target bandwidth value"). Pulumi deletes removed connections last, so to
     * drop connections and shrink the package, remove the connections in one update and lower
     * the bandwidth in the next.
     */
    bandwidthMbps: number;
    /**
     * The two geographic areas the package connects, e.g. `["China", "Europe"]` (the same area
     * twice for connections inside one). Default: the areas of the network's connections, which
     * must then be one pair. Required when there are several packages. Checked before
     * registration.
     */
    areas?: [CenPackageArea, CenPackageArea];
    /**
     * Id of a bandwidth package that already exists and is not yet bound to another CEN: it is
     * bound to this network instead of buying a new one. Its geographic areas are then the
     * caller's responsibility. Default: buy a package. Checked before registration (an id is
     * `cenbwp-` and lower-case letters and digits); an Output is checked when it resolves, before
     * the package is bound.
     */
    id?: pulumi.Input<string>;
    /**
     * Billing of a new package: `PrePaid` (a subscription: `pulumi destroy` cannot delete it, the
     * provider only drops it from the state, and it bills until it expires) or `PostPaid`.
     * Default: `PrePaid`, the provider's default and the only method every account may use.
     * Checked before registration.
     */
    paymentType?: (typeof CEN_BANDWIDTH_PACKAGE_PAYMENT_TYPES)[number];
    /**
     * Months of a new `PrePaid` package: 1, 2, 3, 6 or 12 (the provider's list; the API
     * documents 1–3 and 6 for the monthly cycle the provider sends, so 12 is unconfirmed).
     * Default: 1. Checked before registration; refused for a `PostPaid` package.
     */
    period?: (typeof CEN_BANDWIDTH_PACKAGE_PERIODS)[number];
    /**
     * Renew a new `PrePaid` package automatically when it expires, so inter-region traffic does
     * not stop. Set at creation only: the provider neither reads it back nor updates it.
     * Default: false, the provider's. Checked before registration; refused for a `PostPaid` package.
     */
    autoRenew?: boolean;
}

/** A route in a member VPC's system route table that sends a block to the transit router. */
export interface CenVpcRouteArgs {
    /**
     * Member whose VPC system route table gets the entry; the next hop is that member's attachment.
     * Checked before registration.
     */
    member: string;
    /**
     * IPv4 block to send to the transit router, e.g. the tutorial's backend vSwitch 192.168.7.0/24.
     * Checked before registration; the route takes its canonical form.
     */
    destinationCidrBlock: string;
}

/** A static route in a region's transit-router system route table. */
export interface CenTransitRouterRouteArgs {
    /** Member region whose transit router gets the entry. Checked before registration. */
    region: string;
    /**
     * IPv4 block to route, e.g. an ALB back-to-origin block. Checked before registration; the
     * route takes its canonical form.
     */
    destinationCidrBlock: string;
    /** Member (in `region`) whose VPC attachment is the next hop. Checked before registration. */
    nextHopMember: string;
}

/** Arguments of a {@link CenTransitNetwork}. */
export interface CenTransitNetworkArgs {
    /**
     * Member name → VPC. One or more; the regions of the members are the network's regions.
     * Checked before registration.
     */
    members: Record<string, CenMemberArgs>;
    /** Name of the CEN instance in the console. Default: the component's name. Checked before registration. */
    cenInstanceName?: string;
    /**
     * Inter-region connections: `"full-mesh"` connects every pair of member regions with
     * `peerBandwidthMbps` each; a list connects only the pairs listed. Default: `"full-mesh"`
     * (for two regions, the tutorial's single connection). Checked before registration.
     */
    peerings?: "full-mesh" | CenPeeringArgs[];
    /**
     * Bandwidth of each full-mesh connection, Mbit/s: a whole number from 1 to 100000. Default:
     * {@link DEFAULT_PEER_BANDWIDTH_MBPS} (10). Checked before registration.
     */
    peerBandwidthMbps?: number;
    /**
     * The bandwidth package the inter-region connections draw from (the tutorial's "bandwidth
     * plan"), for a network whose connections stay within one pair of geographic areas.
     * Default: none; each connection is billed by the data it carries (`DataTransfer`), which
     * costs nothing while idle and which `pulumi destroy` removes. Checked before registration.
     */
    bandwidthPackage?: CenBandwidthPackageArgs;
    /**
     * Bandwidth packages for a network over several pairs of geographic areas, one per pair (a
     * CEN takes one package per pair: AssociateCenBandwidthPackage, "You cannot attach more than
     * one bandwidth plan for the same connected areas"), each with its `areas`. Every connection
     * then draws from the package of its areas. Default: none (billed by data transfer). Checked
     * before registration.
     */
    bandwidthPackages?: CenBandwidthPackageArgs[];
    /**
     * Extra entries in member VPCs' system route tables ("send these blocks to the transit
     * router"). Default: none. Checked before registration.
     */
    vpcRoutes?: CenVpcRouteArgs[];
    /**
     * Static entries in transit routers' system route tables. Default: none (each router learns
     * its attachments' routes by propagation). Checked before registration.
     */
    transitRouterRoutes?: CenTransitRouterRouteArgs[];
    /**
     * Allow several member VPCs in one region; they then share that region's transit router.
     * Default: false, because the cross-region ALB pattern (S1) requires one VPC per region per
     * CEN; the service mesh (S4) sets it for its two cn-hangzhou VPCs. Checked before registration.
     */
    allowMultipleVpcsPerRegion?: boolean;
    /**
     * Tags on every taggable resource of the network: keys of at most 128 characters, not
     * starting with `aliyun` or `acs:`; values of at most 128. Default: none. Checked before
     * registration.
     */
    tags?: Record<string, string>;
}

/** A region's transit router as other components see it. */
export interface CenTransitRouterInfo {
    /** Transit router id, `tr-…` (not the resource's composite `cen:tr` id). */
    readonly transitRouterId: pulumi.Output<string>;
    /** Id of the transit router's system route table. */
    readonly routeTableId: pulumi.Output<string>;
    /** The provider of the region, which every resource on this transit router must use. */
    readonly provider: alicloud.Provider;
}

/** A member's VPC attachment as other components see it. */
export interface CenAttachmentInfo {
    /** Attachment id, `tr-attach-…`. */
    readonly attachmentId: pulumi.Output<string>;
    /** Region of the member. */
    readonly region: string;
    /**
     * The attachment's association with its transit router's system route table: depend on it
     * before routing traffic through the attachment.
     */
    readonly association: pulumi.Resource;
}
