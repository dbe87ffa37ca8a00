/**
 * The validated, defaulted description of a network that `checkCenTransitNetworkArgs` hands to
 * the constructor: every default resolved and every name made up, so the constructor reads
 * nothing else.
 */
import * as pulumi from "@pulumi/pulumi";
import { GeographicArea } from "../regions";
import { RegionalVpc, VSwitchInfo } from "../vpc";

/** A member after validation: its VPC, region, the vSwitches its attachment uses, and the attachment's name. */
export interface CenMemberPlan {
    readonly vpc: RegionalVpc;
    readonly region: string;
    readonly attachmentVSwitches: readonly VSwitchInfo[];
    /** Console name of the VPC attachment, `<component>-<member>`. */
    readonly attachmentName: string;
}

/** One inter-region connection after validation. */
export interface CenPeeringPlan {
    /** `a:b`, the creating region first: the connection's key in `peerAttachmentIds`. */
    readonly key: string;
    /** The two regions; the first one's transit router creates the connection. */
    readonly regions: readonly [string, string];
    readonly bandwidthMbps: number;
    /** The pair of geographic areas it crosses, China first, as `A/B`. */
    readonly areaPair: string;
    /** How it is billed: from the package of {@link areaPair}, or by the data it carries. */
    readonly bandwidthType: "BandwidthPackage" | "DataTransfer";
}

/** A bandwidth package after validation: the area pair it serves and what it is. */
export interface CenBandwidthPackagePlan {
    /** The pair of geographic areas, China first, as `A/B` (keys {@link CenPeeringPlan.areaPair}). */
    readonly areaPair: string;
    readonly areas: readonly [GeographicArea, GeographicArea];
    /** The package's bandwidth, Mbit/s. */
    readonly bandwidthMbps: number;
    /** `china-europe`: the areas as the package's logical name spells them. */
    readonly areasSlug: string;
    /** An existing package to bind instead of buying one: its id, checked (an Output when it resolves). */
    readonly existingId?: pulumi.Input<string>;
    /** Console name of a new package. */
    readonly name: string;
    /** How a new package is paid for. */
    readonly paymentType: "PrePaid" | "PostPaid";
    /** Months of a new `PrePaid` package; undefined for `PostPaid`. */
    readonly period?: number;
    /** Whether a new `PrePaid` package renews itself; undefined for `PostPaid`. */
    readonly autoRenew?: boolean;
}

/** An entry in a member VPC's system route table, next hop the member's attachment. */
export interface CenVpcRoutePlan {
    readonly member: string;
    /** Canonical destination block. */
    readonly cidr: string;
}

/** A static entry in a region's transit-router system route table. */
export interface CenTransitRouterRoutePlan {
    readonly region: string;
    /** Canonical destination block. */
    readonly cidr: string;
    /** Member in `region` whose attachment is the next hop. */
    readonly nextHopMember: string;
}

/** What validation hands to the constructor. */
export interface CenTransitNetworkPlan {
    /** Console name of the CEN instance. */
    readonly cenInstanceName: string;
    /** Member name → member (a record without prototype: member names are user input). */
    readonly members: Readonly<Record<string, CenMemberPlan>>;
    /** Member regions in order of first appearance. */
    readonly regions: readonly string[];
    /** Region → console name of its transit router, `<cenInstanceName>-<region>`. */
    readonly transitRouterNames: Readonly<Record<string, string>>;
    readonly peerings: readonly CenPeeringPlan[];
    /** The bandwidth packages the connections draw from; none when they are billed by data transfer. */
    readonly packages: readonly CenBandwidthPackagePlan[];
    readonly vpcRoutes: readonly CenVpcRoutePlan[];
    readonly transitRouterRoutes: readonly CenTransitRouterRoutePlan[];
    /** Tags on every taggable resource. */
    readonly tags?: Readonly<Record<string, string>>;
}
