/**
 * What a {@link MultiEipEni} takes (the instance, its vSwitch, how the EIPs are bought) and the
 * plan its validation settles, every default resolved, which is all the constructor reads.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import type { GuestOs } from "../guestRouting";
import type { InstanceTypeLimits } from "../instanceTypes";
import type { RegionalVpc } from "../vpc";

/** The component's type token. */
export const MULTI_EIP_ENI_TYPE = "topologies:alicloud:MultiEipEni";

/** The ECS instance that gets the public addresses. */
export interface MultiEipEniInstanceArgs {
    /** Instance id, `i-…`. Checked before registration; an Output is checked when it resolves. */
    id: pulumi.Input<string>;
    /**
     * Region id of the instance; the ENI and the EIPs are created in it too (tutorial: one region).
     * Checked before registration.
     */
    region: string;
    /**
     * Instance type, e.g. `ecs.g7.large`: bounds the ENIs and the private IPs per ENI (see
     * `instanceTypeLimits`). Checked before registration.
     */
    instanceType: string;
    /**
     * Zone id of the instance. When given, checked before registration against the region and the
     * vSwitch's zone: an ENI binds only in its own zone. Default: not checked.
     */
    zoneId?: string;
    /**
     * True when the instance will be Running while the ENI is bound. Instance types without ENI
     * hot-plug take an ENI only while Stopped (tutorial step 1). Checked before registration.
     * Default: true.
     */
    running?: boolean;
    /**
     * ENIs the instance carries already, its primary ENI included: a whole number from 1 to 100,
     * within the instance type's limit. Checked before registration. Default: 1 (the new ENI
     * becomes eth1).
     */
    enis?: number;
}

/** A vSwitch given by id, with the block it was created with. */
export interface MultiEipEniVSwitchArgs {
    /**
     * vSwitch id, `vsw-…`, in the instance's VPC and zone. Checked before registration; an Output
     * is checked when it resolves.
     */
    id: pulumi.Input<string>;
    /**
     * IPv4 block of the vSwitch, as in the console (/16 to /29); gives the gateway (x.253) and the
     * netmask. Checked before registration.
     */
    cidrBlock: string;
    /**
     * Zone id of the vSwitch. When given, checked before registration: a zone of the instance's
     * region, and the instance's zone when `instance.zoneId` is given. Default: not checked.
     */
    zoneId?: string;
}

/** A vSwitch of a {@link RegionalVpc}, by name. */
export interface MultiEipEniVpcVSwitchArgs {
    /**
     * The VPC of the instance (the component itself, not its args); its provider is used for
     * every child. Checked before registration.
     */
    vpc: RegionalVpc;
    /** Name of the vSwitch in `vpc.vSwitches`. Checked before registration. */
    name: string;
}

/** EIP billing methods. */
export const EIP_PAYMENT_TYPES = ["PayAsYouGo", "Subscription"] as const;
/** EIP metering methods. */
export const EIP_INTERNET_CHARGE_TYPES = ["PayByBandwidth", "PayByTraffic"] as const;
/** EIP subscription term units (provider `pricingCycle`). */
export const EIP_PRICING_CYCLES = ["Month", "Year"] as const;
/** EIP line types the provider documents for `isp`. */
export const EIP_ISPS = [
    "BGP",
    "BGP_PRO",
    "ChinaTelecom",
    "ChinaUnicom",
    "ChinaMobile",
    "ChinaTelecom_L2",
    "ChinaUnicom_L2",
    "ChinaMobile_L2",
    "BGP_FinanceCloud",
] as const;
/** Regions that sell the BGP (Multi-ISP) Pro line, per the provider's `isp` documentation. */
export const BGP_PRO_REGIONS: readonly string[] = [
    "cn-hongkong",
    "ap-southeast-1",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
];

/**
 * How an EIP is associated with an ENI (provider `ecs.EipAssociation.mode`; the Terraform provider's
 * ValidateFunc in resource_alicloud_eip_association.go: `NAT`, `MULTI_BINDED`, `BINDED`). Only `NAT`
 * fits a secondary ENI with several private IPs; the checks refuse the others and say why.
 */
export const EIP_ASSOCIATION_MODES = ["NAT", "MULTI_BINDED", "BINDED"] as const;

/**
 * Metering methods of an Internet Shared Bandwidth instance (CreateCommonBandwidthPackage
 * `InternetChargeType`, quoted in node_modules/@pulumi/alicloud/vpc/commonBandwithPackage.d.ts:
 * `PayByBandwidth`, `PayBy95`, `PayByDominantTraffic`). The provider's own default is `PayByTraffic`
 * (resource_alicloud_common_bandwidth_package.go), so the component always sends one.
 */
export const SHARED_BANDWIDTH_CHARGE_TYPES = ["PayByBandwidth", "PayBy95", "PayByDominantTraffic"] as const;

/** A new Internet Shared Bandwidth instance (common bandwidth package) that the EIPs join. */
export interface MultiEipEniNewSharedBandwidthArgs {
    /**
     * Peak bandwidth the EIPs share, Mbit/s: a whole number from 1 to 1000 (CreateCommonBandwidthPackage,
     * as the provider quotes it). Checked before registration. Required.
     */
    bandwidth: number;
    /**
     * `PayByBandwidth`, `PayBy95` (enhanced 95th percentile, China site only; destroy leaves it) or
     * `PayByDominantTraffic`. Checked before registration. Default: `PayByBandwidth`.
     */
    internetChargeType?: (typeof SHARED_BANDWIDTH_CHARGE_TYPES)[number];
    /**
     * Minimum bandwidth commitment of `PayBy95`, percent: only 20 is accepted. `PayBy95` only.
     * Checked before registration. Default: 20 for `PayBy95`.
     */
    ratio?: number;
    /**
     * EIPs one package may hold (quota): a whole number from 1 to 10000. Checked before
     * registration against `publicIpCount`. Default: 100, Alibaba Cloud's default quota.
     */
    eipQuota?: number;
}

/** An Internet Shared Bandwidth instance that exists already, by id. */
export interface MultiEipEniExistingSharedBandwidthArgs {
    /**
     * Package id, `cbwp-…`, in the instance's region and of the EIPs' line type (`eip.isp`): the
     * cloud checks both when the EIPs join. Checked before registration (its form); an Output is
     * checked when it resolves.
     */
    packageId: pulumi.Input<string>;
}

/**
 * Put the EIPs in an Internet Shared Bandwidth instance: a new one (`bandwidth`) or an existing
 * one (`packageId`).
 */
export type MultiEipEniSharedBandwidthArgs = MultiEipEniNewSharedBandwidthArgs | MultiEipEniExistingSharedBandwidthArgs;

/**
 * How the EIPs are bought. The tutorial fixes none of these but warns that a pay-as-you-go EIP on
 * a secondary ENI is charged a configuration (public IP retention) fee; the defaults are the
 * console's and the provider's.
 */
export interface MultiEipEniEipArgs {
    /**
     * Peak bandwidth, Mbit/s, a whole number: 1–500 pay-by-bandwidth, 1–200 pay-by-traffic, 1–1000
     * subscription. Checked before registration. Default: 5.
     */
    bandwidth?: number;
    /**
     * `PayByBandwidth` or `PayByTraffic` (pay-as-you-go only). Checked before registration.
     * Default: `PayByBandwidth`.
     */
    internetChargeType?: (typeof EIP_INTERNET_CHARGE_TYPES)[number];
    /** `PayAsYouGo` or `Subscription`. Checked before registration. Default: `PayAsYouGo`. */
    paymentType?: (typeof EIP_PAYMENT_TYPES)[number];
    /** Line type, e.g. `BGP` or `BGP_PRO` (some regions only). Checked before registration. Default: `BGP`. */
    isp?: (typeof EIP_ISPS)[number];
    /** Subscription term unit, `Month` or `Year`. Subscription only. Checked before registration. Default: `Month`. */
    pricingCycle?: (typeof EIP_PRICING_CYCLES)[number];
    /** Subscription term: 1–9 months or 1–5 years. Required for a subscription. Checked before registration. */
    period?: number;
    /**
     * EIP names are `<prefix>-1`, `<prefix>-2`, … in the order of `publicIps`. Pay-as-you-go only
     * (the API refuses names on subscription EIPs). Checked before registration. Default: the
     * component's name.
     */
    addressNamePrefix?: string;
    /**
     * Turn on the EIPs' own deletion protection (`ecs.EipAddress.deletionProtection`): the cloud
     * refuses to release them, from the console, the API or `pulumi destroy`, until it is turned
     * off in an update. Always sent, so turning it off takes effect. Checked before registration:
     * a boolean. Default: false; on for production.
     */
    deletionProtection?: boolean;
    /**
     * Put every EIP in an Internet Shared Bandwidth instance (common bandwidth package): a new one
     * the component buys (`{ bandwidth, internetChargeType?, ratio?, eipQuota? }`, pay-as-you-go,
     * on the EIPs' line `isp`, in their region) or an existing one (`{ packageId }`). In a package
     * the EIP's own bandwidth and metering no longer apply (the package's do); its configuration
     * fee stays. Pay-as-you-go EIPs only. Checked before registration. Default: none, each EIP
     * has its own bandwidth.
     */
    sharedBandwidth?: MultiEipEniSharedBandwidthArgs;
    /**
     * How each EIP is associated with its ENI's private IP: `NAT` (the tutorial's: the EIP maps to one
     * private IP, which the guest sees). `MULTI_BINDED` (multi-EIP-to-ENI) and `BINDED` (cut-through)
     * are refused before registration: both need the ENI unbound from the instance when the EIP is
     * associated, cut-through takes one EIP per ENI and replaces its private IP, and Alibaba Cloud
     * no longer grants multi-EIP-to-ENI to new accounts ("Associate an EIP with a secondary ENI",
     * Elastic IP Address documentation). Default: `NAT`.
     */
    mode?: (typeof EIP_ASSOCIATION_MODES)[number];
    /**
     * Resource group of the EIPs, `rg-…`. Checked before registration; an Output is checked when it
     * resolves. Default: the account's default group.
     */
    resourceGroupId?: pulumi.Input<string>;
}

/** Arguments of {@link MultiEipEni}. */
export interface MultiEipEniArgs {
    /** The instance that gets the public addresses. Checked before registration (its id also when it resolves). */
    instance: MultiEipEniInstanceArgs;
    /**
     * The instance's vSwitch: by id and block, or a vSwitch of a {@link RegionalVpc} by name.
     * Checked before registration.
     */
    vSwitch: MultiEipEniVSwitchArgs | MultiEipEniVpcVSwitchArgs;
    /**
     * Security groups of the ENI (the instance's, in the tutorial), `sg-…`: at least one, each
     * once. Checked before registration; an Output is checked when it resolves.
     */
    securityGroupIds: pulumi.Input<string>[];
    /**
     * How many public addresses: each private IP of the secondary ENIs (every ENI's primary and
     * its secondaries) is bound to its own EIP. A whole number from 1 to 1000, within the instance
     * type's private IPs per ENI times `eniCount`, and the EIP quota. Checked before registration.
     * Default: 3 (the tutorial's three sites), or the length of `privateIps`.
     */
    publicIpCount?: number;
    /**
     * Secondary ENIs that carry the addresses: a whole number from 1 to 99, at most one per
     * address, and with `attach`, within the ENIs the instance type allows beside `instance.enis`.
     * The addresses fill the ENIs in order, each ENI up to the type's private IPs per ENI, leaving
     * one for each ENI after it. With the default, adding addresses fills the last ENI or opens a
     * new one and never moves an existing address; with more ENIs than the addresses need, an ENI
     * before the last is not full, so an added address moves the next ones along (their EIP
     * associations are replaced: a short loss of those public addresses). Checked before
     * registration. Default: as few as hold the addresses (⌈addresses ÷ private IPs per ENI⌉).
     */
    eniCount?: number;
    /**
     * Private IPs to use instead of letting the vSwitch pick them, in the order they fill the ENIs
     * (see `eniCount`): each ENI's first address is its primary, the others its secondaries; EIP n
     * is bound to address n. Inside the vSwitch block,
     * not one of its reserved addresses (first, and last three), no repeats. Checked before
     * registration; the canonical addresses are what the ENI gets. Default: picked by the vSwitch.
     */
    privateIps?: string[];
    /**
     * How the EIPs are bought. Checked before registration. Default: pay-as-you-go, 5 Mbit/s,
     * pay-by-bandwidth, BGP.
     */
    eip?: MultiEipEniEipArgs;
    /**
     * Bind the ENI to the instance. Set false to create the ENI and EIPs now and bind later
     * (e.g. in a maintenance window for a type without hot-plug). Checked before registration.
     * Default: true.
     */
    attach?: boolean;
    /**
     * EIPs the account may hold in the region (quota), a whole number from 1 to 100000. Checked
     * before registration. Default: 20, Alibaba Cloud's default quota.
     */
    eipQuota?: number;
    /**
     * EIPs the account already holds in the region, counted against `eipQuota`: a whole number
     * from 0 to 100000. Checked before registration. Default: 0.
     */
    eipsInUse?: number;
    /**
     * ENI limits of `instance.instanceType`, for types not in `INSTANCE_TYPE_LIMITS` (instanceTypes.ts)
     * or to override it (take them from DescribeInstanceTypes). Checked before registration.
     * Default: the table's.
     */
    instanceTypeLimits?: InstanceTypeLimits;
    /**
     * Name of the first ENI: 2–128 letters, digits, `:`, `_`, `-`, starting with a letter; ENI k
     * after it is `<eniName>-<k>`. Checked before registration. Default: `<name>-eni`.
     */
    eniName?: string;
    /**
     * How the instance's OS configures its network, which decides the guest script: `alinux2`
     * (Alibaba Cloud Linux 2, CentOS 7: network-scripts, as in the tutorial), `alinux3` (Alibaba
     * Cloud Linux 3, RHEL 8.1+: NetworkManager, which does not run network-scripts), `ubuntu`
     * (netplan). Checked before registration. Default: `alinux2`.
     */
    guestOs?: GuestOs;
    /**
     * Run the guest script on the instance through Cloud Assistant (`ecs.Command` +
     * `ecs.EcsInvocation`, once, after the ENI and the EIPs are bound), so the topology works
     * without a manual step; it runs again whenever the script changes. Needs `attach` and the
     * Cloud Assistant agent, which Alibaba Cloud's public images carry. Checked before
     * registration. Default: false (run `guestScript` yourself).
     */
    configureGuest?: boolean;
    /**
     * Provider of the instance's region. Default: the `alicloud` provider in `opts.provider` /
     * `opts.providers` of this component (a parent's is not taken), else the RegionalVpc's, else a new
     * one for `instance.region` carrying the stack's `alicloud:*` configuration. Checked before
     * registration: an `alicloud` provider resource.
     */
    provider?: alicloud.Provider;
    /**
     * Tags on the ENI and the EIPs: at most 20; keys of 1 to 128 characters not starting with
     * `aliyun` or `acs:`, values of up to 128 (components/alicloud/tags.ts). Checked before
     * registration. Default: none.
     */
    tags?: Record<string, string>;
}

/** The ENI's vSwitch, as validation settles it from either form of `vSwitch`. */
export interface MultiEipEniVSwitchPlan {
    readonly id: pulumi.Input<string>;
    /** Canonical IPv4 block. */
    readonly cidrBlock: string;
    /** The vSwitch gateway the guest routes through: the block's last address but two (x.253 of a /24). */
    readonly gateway: string;
    /** Netmask of the block, for the ifcfg aliases. */
    readonly netmask: string;
}

/** What every EIP of the plan is bought with, whatever the billing method. */
export interface EipPlanBase {
    /** How the EIPs are associated with the ENIs' private IPs: only NAT passes the checks. */
    readonly mode: "NAT";
    /** Defaulted: `PayByBandwidth`. */
    readonly internetChargeType: (typeof EIP_INTERNET_CHARGE_TYPES)[number];
    /** Peak bandwidth, Mbit/s. Defaulted: 5. */
    readonly bandwidth: number;
    /** Line type. Defaulted: `BGP`. */
    readonly isp: (typeof EIP_ISPS)[number];
    /** Defaulted: false. */
    readonly deletionProtection: boolean;
    /** Undefined: the account's default resource group. */
    readonly resourceGroupId?: pulumi.Input<string>;
}

/** A new shared bandwidth package, every default resolved. */
export interface NewSharedBandwidthPlan {
    readonly kind: "new";
    /** Mbit/s. */
    readonly bandwidth: number;
    /** Defaulted: `PayByBandwidth`. */
    readonly internetChargeType: (typeof SHARED_BANDWIDTH_CHARGE_TYPES)[number];
    /** Sent for `PayBy95` only (defaulted: 20). */
    readonly ratio?: number;
    /** The EIPs' line type. */
    readonly isp: (typeof EIP_ISPS)[number];
}

/** An existing shared bandwidth package. */
export interface ExistingSharedBandwidthPlan {
    readonly kind: "existing";
    readonly packageId: pulumi.Input<string>;
}

/** The package the EIPs join. */
export type SharedBandwidthPlan = NewSharedBandwidthPlan | ExistingSharedBandwidthPlan;

/** Pay-as-you-go EIPs (the default), named `<addressNamePrefix>-<n>`. */
export interface PayAsYouGoEipPlan extends EipPlanBase {
    readonly paymentType: "PayAsYouGo";
    /** Defaulted: the component's name. */
    readonly addressNamePrefix: string;
    /** Undefined: each EIP has its own bandwidth. */
    readonly sharedBandwidth?: SharedBandwidthPlan;
}

/** Subscription EIPs: a term, and no names (the API refuses them). */
export interface SubscriptionEipPlan extends EipPlanBase {
    readonly paymentType: "Subscription";
    /** Defaulted: `Month`. */
    readonly pricingCycle: (typeof EIP_PRICING_CYCLES)[number];
    readonly period: number;
}

/** How the EIPs are bought, every default resolved. */
export type MultiEipEniEipPlan = PayAsYouGoEipPlan | SubscriptionEipPlan;

/** One secondary ENI of the plan. */
export interface MultiEipEniEniPlan {
    /** Logical (Pulumi) name: `<name>-eni`, then `<name>-eni-2`, …. */
    readonly resourceName: string;
    /** Logical name of its attachment: `<name>-attachment`, then `<name>-attachment-2`, …. */
    readonly attachmentName: string;
    /** The ENI's name in the cloud: `eniName` (defaulted: `<name>-eni`), then `<eniName>-2`, …. */
    readonly eniName: string;
    /** Guest device, `eth<n>`: the instance's ENIs before it (`instance.enis`, defaulted: 1) count from eth0. */
    readonly device: string;
    /** Policy-routing table (and default-route metric) of that device: 1000 + its index. */
    readonly table: number;
    /** Index of its first address among all the plan's addresses (and EIPs), from 0. */
    readonly first: number;
    /** Its number of private IPs (primary included) and so of EIPs. */
    readonly count: number;
    /** Its explicit private IPs, canonical, primary first; undefined when the vSwitch picks them. */
    readonly privateIps?: readonly string[];
}

/** What validation settles before anything is registered: everything the constructor reads. */
export interface MultiEipEniPlan {
    /** The instance's region; the ENI and the EIPs are created in it. */
    readonly region: string;
    readonly instanceId: pulumi.Input<string>;
    /**
     * The provider of the args, else of the component's own opts, else of the RegionalVpc;
     * undefined: the component creates one for `region` carrying the stack's `alicloud:*` configuration.
     */
    readonly provider?: alicloud.Provider;
    readonly vSwitch: MultiEipEniVSwitchPlan;
    readonly securityGroupIds: readonly pulumi.Input<string>[];
    /** Number of private IPs = EIPs = associations, over every ENI. Defaulted: 3, or the number of `privateIps`. */
    readonly count: number;
    /** The secondary ENIs, in the order they are bound and their addresses are numbered: at least one. */
    readonly enis: readonly MultiEipEniEniPlan[];
    /** Bind the ENIs to the instance. Defaulted: true. */
    readonly attach: boolean;
    readonly eip: MultiEipEniEipPlan;
    /** How the guest configures its network. Defaulted: `alinux2`. */
    readonly guestOs: GuestOs;
    /** Run the guest script through Cloud Assistant. Defaulted: false. */
    readonly configureGuest: boolean;
    readonly tags?: Readonly<Record<string, string>>;
}
