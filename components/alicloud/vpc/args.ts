/**
 * What a {@link RegionalVpc} takes (a VPC to create, or one that exists), what it hands other
 * components (`VSwitchInfo`), and the plan its validation settles.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";

/** One vSwitch to create: a zone and an IPv4 block inside the VPC. */
export interface VSwitchArgs {
    /** Zone id in the VPC's region, e.g. `cn-chengdu-a`. Checked before registration. */
    zoneId: string;
    /**
     * IPv4 block, /16 to /29, inside the VPC block and disjoint from the other vSwitches.
     * Checked before registration; the canonical block is what the vSwitch is created with.
     */
    cidrBlock: string;
    /**
     * Index of this vSwitch's /64 inside the VPC's IPv6 /56: a whole number from 0 to 255, each
     * used once. Setting it enables IPv6 on the vSwitch and requires `enableIpv6` on the VPC.
     * Checked before registration. Default: no IPv6.
     */
    ipv6CidrBlockMask?: number;
}

/** Arguments of a {@link RegionalVpc} created by this component. */
export interface RegionalVpcArgs {
    /** Region id, e.g. `cn-chengdu`. Checked before registration. */
    region: string;
    /**
     * Primary IPv4 block, /8 to /28. Not inside 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16 or
     * 224.0.0.0/4, which Alibaba Cloud reserves. Checked before registration.
     */
    cidrBlock: string;
    /**
     * vSwitches by name; the names key the `vSwitches` output and are the vSwitches' names in the
     * console (1 to 128 characters, no surrounding blanks). At least one. Checked before registration.
     */
    vSwitches: Record<string, VSwitchArgs>;
    /** Assign an IPv6 /56 to the VPC and create an IPv6 gateway. Checked before registration. Default: false. */
    enableIpv6?: boolean;
    /** Name of the VPC in the console. Checked before registration. Default: the component's name. */
    vpcName?: string;
    /**
     * Provider for the region. Default: the `alicloud` provider in `opts.provider` /
     * `opts.providers` of this component (a parent's is not taken), else a new provider for `region`
     * carrying the stack's `alicloud:*` configuration. Checked before registration: an `alicloud`
     * provider resource (the region it serves is not known to the component).
     */
    provider?: alicloud.Provider;
    /**
     * Tags on the VPC, vSwitches and IPv6 gateway: at most 20; keys of 1 to 128 characters not
     * starting with `aliyun` or `acs:`, values of up to 128 (components/alicloud/tags.ts).
     * Checked before registration. Default: none.
     */
    tags?: Record<string, string>;
}

/** A vSwitch that already exists. */
export interface ExistingVSwitchArgs {
    /** vSwitch id, `vsw-…`. Checked before registration; an Output is checked when it resolves. */
    id: pulumi.Input<string>;
    /** Zone id of the vSwitch. Checked before registration. */
    zoneId: string;
    /**
     * IPv4 block of the vSwitch, as in the console: inside the VPC's, disjoint from the others.
     * Checked before registration.
     */
    cidrBlock: string;
    /** True when the vSwitch has an IPv6 block. Checked before registration: a boolean. Default: false. */
    ipv6Enabled?: boolean;
}

/** Arguments describing a VPC that already exists, so components can build on it. */
export interface ExistingRegionalVpcArgs {
    /** Region id of the VPC. Checked before registration. */
    region: string;
    /** VPC id, `vpc-…`. Checked before registration; an Output is checked when it resolves. */
    vpcId: pulumi.Input<string>;
    /** Primary IPv4 block of the VPC, as in the console. Checked before registration. */
    cidrBlock: string;
    /**
     * Id of the VPC's system route table, `vtb-…`. Checked before registration; an Output is
     * checked when it resolves.
     */
    routeTableId: pulumi.Input<string>;
    /** The vSwitches components may use, by name. At least one. Checked before registration. */
    vSwitches: Record<string, ExistingVSwitchArgs>;
    /** True when the VPC has IPv6 enabled. Checked before registration: a boolean. Default: false. */
    ipv6Enabled?: boolean;
    /**
     * Provider for the region. Default: the `alicloud` provider in `opts.provider` /
     * `opts.providers` of this component (a parent's is not taken), else a new provider for `region`
     * carrying the stack's `alicloud:*` configuration. Checked before registration: an `alicloud`
     * provider resource (the region it serves is not known to the component).
     */
    provider?: alicloud.Provider;
}

/** A vSwitch as other components see it. */
export interface VSwitchInfo {
    /** The vSwitch's name in the `vSwitches` map. */
    readonly name: string;
    /** vSwitch id. */
    readonly id: pulumi.Output<string>;
    /** Zone id. */
    readonly zoneId: string;
    /** Canonical IPv4 block. */
    readonly cidrBlock: string;
    /** True when the vSwitch has an IPv6 block. */
    readonly ipv6Enabled: boolean;
    /** The vSwitch's IPv6 /64, when this component created it with IPv6 (assigned by the cloud). */
    readonly ipv6CidrBlock?: pulumi.Output<string>;
}

/** The component's type token. */
export const REGIONAL_VPC_TYPE = "topologies:alicloud:RegionalVpc";

/** A vSwitch the component creates, as validation settles it. */
export interface PlannedVSwitch {
    /** Its key in `vSwitches`, also its name in the console. */
    readonly name: string;
    readonly zoneId: string;
    /** Canonical IPv4 block. */
    readonly cidrBlock: string;
    /** Index of its IPv6 /64 inside the VPC's /56; undefined: no IPv6 on this vSwitch. */
    readonly ipv6CidrBlockMask?: number;
}

/** An existing vSwitch, as validation settles it. */
export interface PlannedExistingVSwitch {
    readonly name: string;
    readonly id: pulumi.Input<string>;
    readonly zoneId: string;
    /** Canonical IPv4 block. */
    readonly cidrBlock: string;
    /** Defaulted: false. */
    readonly ipv6Enabled: boolean;
}

/** What every {@link RegionalVpc} plan settles, created or existing. */
export interface RegionalVpcPlanBase {
    readonly region: string;
    /** Canonical primary IPv4 block. */
    readonly cidrBlock: string;
    /**
     * The provider given in the args or the component's opts; undefined: the component creates
     * one for `region` carrying the stack's `alicloud:*` configuration.
     */
    readonly provider?: alicloud.Provider;
    /** Defaulted: false. */
    readonly ipv6Enabled: boolean;
}

/** The plan of a VPC this component creates. */
export interface CreatedRegionalVpcPlan extends RegionalVpcPlanBase {
    readonly kind: "created";
    /** Defaulted: the component's name. */
    readonly vpcName: string;
    /** `<vpcName>-ipv6gw`, when `ipv6Enabled`. */
    readonly ipv6GatewayName?: string;
    /** In declaration order. */
    readonly vSwitches: readonly PlannedVSwitch[];
    readonly tags?: Readonly<Record<string, string>>;
}

/** The plan of a VPC that already exists ({@link RegionalVpc.fromExisting}). */
export interface ExistingRegionalVpcPlan extends RegionalVpcPlanBase {
    readonly kind: "existing";
    readonly vpcId: pulumi.Input<string>;
    readonly routeTableId: pulumi.Input<string>;
    /** The route table id when it is plain text, so components can compare one they are given. */
    readonly knownRouteTableId?: string;
    /** In declaration order. */
    readonly vSwitches: readonly PlannedExistingVSwitch[];
}

/** What validation settles before a {@link RegionalVpc} registers anything: every default resolved. */
export type RegionalVpcPlan = CreatedRegionalVpcPlan | ExistingRegionalVpcPlan;
