import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { checkIntegerInRange, checkOneOf, checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { DeclaresFlows, IntendedFlow, flowTo } from "../flows";
import { checkStackProviderConfig, newStackProvider, userProvider } from "../providers";
import { Cidr, addressAt, checkCidr, checkIp, ipInCidr, parseIp } from "../net";
import { GUEST_OS, GuestOs, ipv4Netmask, renderGuestScript, vSwitchGateway } from "./guestRouting";
import { checkAlibabaName } from "./names";
import { CONFIRMED_INSTANCE_TYPES, InstanceTypeLimits, instanceTypeLimits } from "./instanceTypes";
import { checkRegion, checkZone } from "./regions";
import { RegionalVpc } from "./vpc";

/** The ECS instance that gets the public addresses. */
export interface MultiEipEniInstanceArgs {
    /** Instance id, `i-…`. */
    id: pulumi.Input<string>;
    /** Region id of the instance; the ENI and the EIPs are created in it too (tutorial: one region). */
    region: string;
    /** Instance type, e.g. `ecs.g7.large`: bounds the ENIs and the private IPs per ENI (see `instanceTypeLimits`). */
    instanceType: string;
    /** Zone id of the instance. When given, checked against the vSwitch's zone: an ENI binds only in its own zone. */
    zoneId?: string;
    /**
     * True when the instance will be Running while the ENI is bound. Instance types without ENI
     * hot-plug take an ENI only while Stopped (tutorial step 1). Default: true.
     */
    running?: boolean;
    /** ENIs the instance carries already, its primary ENI included. Default: 1 (the new ENI becomes eth1). */
    enis?: number;
}

/** A vSwitch given by id, with the block it was created with. */
export interface MultiEipEniVSwitchArgs {
    /** vSwitch id, `vsw-…`, in the instance's VPC and zone. */
    id: pulumi.Input<string>;
    /** IPv4 block of the vSwitch, as in the console; gives the gateway (x.253) and the netmask. */
    cidrBlock: string;
    /** Zone id of the vSwitch. When given with `instance.zoneId`, the two must match. */
    zoneId?: string;
}

/** A vSwitch of a {@link RegionalVpc}, by name. */
export interface MultiEipEniVpcVSwitchArgs {
    /** The VPC of the instance; its provider is used for every child. */
    vpc: RegionalVpc;
    /** Name of the vSwitch in `vpc.vSwitches`. */
    name: string;
}

/** EIP billing methods. */
export const EIP_PAYMENT_TYPES = ["PayAsYouGo", "Subscription"] as const;
/** EIP metering methods. */
export const EIP_INTERNET_CHARGE_TYPES = ["PayByBandwidth", "PayByTraffic"] as const;
/** EIP line types the provider documents for `isp`. */
export const EIP_ISPS = [
    "BGP", "BGP_PRO", "ChinaTelecom", "ChinaUnicom", "ChinaMobile", "ChinaTelecom_L2", "ChinaUnicom_L2", "ChinaMobile_L2",
    "BGP_FinanceCloud",
] as const;
/** Regions that sell the BGP (Multi-ISP) Pro line, per the provider's `isp` documentation. */
export const BGP_PRO_REGIONS: readonly string[] = [
    "cn-hongkong", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
];

/**
 * How the EIPs are bought. The tutorial fixes none of these but warns that a pay-as-you-go EIP on
 * a secondary ENI is charged a configuration (public IP retention) fee; the defaults are the
 * console's and the provider's.
 */
export interface MultiEipEniEipArgs {
    /** Peak bandwidth, Mbit/s: 1–500 pay-by-bandwidth, 1–200 pay-by-traffic, 1–1000 subscription. Default: 5. */
    bandwidth?: number;
    /** `PayByBandwidth` or `PayByTraffic` (pay-as-you-go only). Default: `PayByBandwidth`. */
    internetChargeType?: typeof EIP_INTERNET_CHARGE_TYPES[number];
    /** `PayAsYouGo` or `Subscription`. Default: `PayAsYouGo`. */
    paymentType?: typeof EIP_PAYMENT_TYPES[number];
    /** Line type, e.g. `BGP` or `BGP_PRO` (some regions only). Default: `BGP`. */
    isp?: typeof EIP_ISPS[number];
    /** Subscription term unit, `Month` or `Year`. Subscription only. Default: `Month`. */
    pricingCycle?: "Month" | "Year";
    /** Subscription term: 1–9 months or 1–5 years. Required for a subscription. */
    period?: number;
    /**
     * EIP names are `<prefix>-1`, `<prefix>-2`, … in the order of `publicIps`. Pay-as-you-go only
     * (the API refuses names on subscription EIPs). Default: the component's name.
     */
    addressNamePrefix?: string;
    /** Protect the EIPs from deletion. Default: false. */
    deletionProtection?: boolean;
    /** Resource group of the EIPs. Default: the account's default group. */
    resourceGroupId?: pulumi.Input<string>;
}

/** Arguments of {@link MultiEipEni}. */
export interface MultiEipEniArgs {
    /** The instance that gets the public addresses. */
    instance: MultiEipEniInstanceArgs;
    /** The instance's vSwitch: by id and block, or a vSwitch of a {@link RegionalVpc} by name. */
    vSwitch: MultiEipEniVSwitchArgs | MultiEipEniVpcVSwitchArgs;
    /** Security groups of the ENI (the instance's, in the tutorial). At least one. */
    securityGroupIds: pulumi.Input<string>[];
    /**
     * How many public addresses: the ENI gets one primary and `publicIpCount - 1` secondary
     * private IPs, each bound to its own EIP. Default: 3 (the tutorial's three sites), or the
     * length of `privateIps`.
     */
    publicIpCount?: number;
    /**
     * Private IPs to use instead of letting the vSwitch pick them: the first is the ENI's primary
     * address, the others its secondaries; EIP n is bound to address n. Inside the vSwitch block,
     * not one of its reserved addresses (first, and last three), no repeats. Default: picked by
     * the vSwitch.
     */
    privateIps?: string[];
    /** How the EIPs are bought. Default: pay-as-you-go, 5 Mbit/s, pay-by-bandwidth, BGP. */
    eip?: MultiEipEniEipArgs;
    /**
     * Bind the ENI to the instance. Set false to create the ENI and EIPs now and bind later
     * (e.g. in a maintenance window for a type without hot-plug). Default: true.
     */
    attach?: boolean;
    /** EIPs the account may hold in the region (quota). Default: 20, Alibaba Cloud's default quota. */
    eipQuota?: number;
    /** EIPs the account already holds in the region, counted against `eipQuota`. Default: 0. */
    eipsInUse?: number;
    /**
     * ENI limits of `instance.instanceType`, for types not in `INSTANCE_TYPE_LIMITS` (instanceTypes.ts) or to
     * override it (take them from DescribeInstanceTypes). Default: the table's.
     */
    instanceTypeLimits?: InstanceTypeLimits;
    /** Name of the ENI: 2–128 letters, digits, `:`, `_`, `-`, starting with a letter. Default: `<name>-eni`. */
    eniName?: string;
    /**
     * How the instance's OS configures its network, which decides the guest script: `alinux2`
     * (Alibaba Cloud Linux 2, CentOS 7: network-scripts, as in the tutorial), `alinux3` (Alibaba
     * Cloud Linux 3, RHEL 8.1+: NetworkManager, which does not run network-scripts), `ubuntu`
     * (netplan). Default: `alinux2`.
     */
    guestOs?: GuestOs;
    /**
     * Run the guest script on the instance through Cloud Assistant (`ecs.Command` +
     * `ecs.EcsInvocation`, once, after the ENI and the EIPs are bound), so the topology works
     * without a manual step; it runs again whenever the script changes. Needs `attach` and the
     * Cloud Assistant agent, which Alibaba Cloud's public images carry. Default: false (run
     * `guestScript` yourself).
     */
    configureGuest?: boolean;
    /**
     * Provider of the instance's region. Default: the `alicloud` provider in `opts.provider` /
     * `opts.providers` of this component (a parent's is not taken), else the RegionalVpc's, else a new
     * one for `instance.region` carrying the stack's `alicloud:*` configuration.
     */
    provider?: alicloud.Provider;
    /** Tags on the ENI and the EIPs. */
    tags?: Record<string, string>;
}

/** What validation settles before anything is registered. */
export interface MultiEipEniPlan {
    /** Canonical block of the vSwitch. */
    readonly cidrBlock: string;
    /** Number of private IPs = EIPs = associations. */
    readonly count: number;
    /** The explicit private IPs, canonical, primary first; undefined when the vSwitch picks them. */
    readonly privateIps?: readonly string[];
    /** Guest device of the new ENI, `eth<enis>`. */
    readonly device: string;
    /** Policy-routing table (and default-route metric) of that device: 1000 + its index. */
    readonly table: number;
    readonly eniName: string;
    readonly addressNamePrefix: string;
    /** Bind the ENI to the instance. */
    readonly attach: boolean;
    /** How the guest configures its network. */
    readonly guestOs: GuestOs;
}

const TYPE = "topologies:alicloud:MultiEipEni";
const EIP_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;

function isVpcVSwitch(v: MultiEipEniArgs["vSwitch"]): v is MultiEipEniVpcVSwitchArgs {
    return typeof v === "object" && v !== null && "vpc" in v;
}

/** Sorts addresses by value, so an order read back from the cloud is the same on every read. */
export function sortAddresses(ips: readonly string[]): string[] {
    return [...ips].sort((a, b) => {
        const x = parseIp(a).value;
        const y = parseIp(b).value;
        return x < y ? -1 : x > y ? 1 : 0;
    });
}

/**
 * Checks the arguments of a {@link MultiEipEni} and settles its plan. Pure: it registers
 * nothing, so it can run (and be tested) on its own.
 */
export function validateMultiEipEniArgs(name: string, args: MultiEipEniArgs): MultiEipEniPlan {
    return validate(`${TYPE} '${name}'`, problems => checkArgs(problems, name, args));
}

function checkArgs(problems: Problems, name: string, args: MultiEipEniArgs): MultiEipEniPlan {
    if (args.provider === undefined && !isVpcVSwitch(args.vSwitch)) checkStackProviderConfig(problems, "alicloud");
    const { instance } = args;
    const regionOk = checkRegion(problems, "instance.region", instance.region);
    const vsw = checkVSwitch(problems, args, regionOk);
    if (regionOk && instance.zoneId !== undefined) {
        const zoneOk = checkZone(problems, "instance.zoneId", instance.zoneId, instance.region);
        if (zoneOk && vsw.zoneId !== undefined && vsw.zoneId !== instance.zoneId) {
            problems.add("instance.zoneId", `the instance is in zone ${instance.zoneId} but the vSwitch is in ${vsw.zoneId}; an ENI binds only to an instance of its own zone.`,
                "Use a vSwitch in the instance's zone.");
        }
    }
    if (!args.securityGroupIds || args.securityGroupIds.length === 0) {
        problems.add("securityGroupIds", "no security group is given; an ENI needs at least one.",
            "Pass the instance's security group ids (they must be in the ENI's VPC).");
    }

    const { count, countPath, privateIps } = checkAddresses(problems, args, vsw.cidr);
    const attach = args.attach ?? true;
    const enis = instance.enis ?? 1;
    checkIntegerInRange(problems, "instance.enis", enis, 1, 100, "ENI count");
    checkLimits(problems, args, count, countPath, attach, enis);
    checkQuota(problems, args, count, countPath);
    const addressNamePrefix = checkEip(problems, args, name, regionOk);

    const eniName = args.eniName ?? `${name}-eni`;
    checkAlibabaName(problems, "eniName", eniName, "eni", "ENI", args.eniName === undefined ? "The ENI is named after the component: pass an eniName that starts with a letter." : undefined);
    const guestOs = args.guestOs ?? "alinux2";
    checkOneOf(problems, "guestOs", guestOs, GUEST_OS, "guest OS");
    if (args.configureGuest && !attach) {
        problems.add("configureGuest", "the guest script needs the ENI on the instance, but attach is false.", "Set attach, or run guestScript yourself once the ENI is bound.");
    }
    return { cidrBlock: vsw.cidr?.text ?? "", count, privateIps, device: `eth${enis}`, table: 1000 + enis, eniName, addressNamePrefix, attach, guestOs };
}

function checkVSwitch(problems: Problems, args: MultiEipEniArgs, regionOk: boolean): { cidr?: Cidr; zoneId?: string } {
    const v = args.vSwitch;
    if (isVpcVSwitch(v)) {
        if (regionOk && v.vpc.region !== args.instance.region) {
            problems.add("vSwitch.vpc", `the VPC is in ${v.vpc.region} but the instance is in ${args.instance.region}; the ENI, its EIPs and the instance must share one region.`,
                `Use the instance's VPC in ${args.instance.region}.`);
        }
        const info = v.vpc.vSwitches[v.name];
        if (!info) {
            problems.add("vSwitch.name", `the VPC has no vSwitch '${v.name}'.`, `Use one of: ${Object.keys(v.vpc.vSwitches).join(", ")}.`);
            return {};
        }
        return { cidr: checkCidr(problems, "vSwitch.name", info.cidrBlock, 4), zoneId: info.zoneId };
    }
    const cidr = checkCidr(problems, "vSwitch.cidrBlock", v.cidrBlock, 4);
    if (cidr && (cidr.prefix < 16 || cidr.prefix > 29)) {
        problems.add("vSwitch.cidrBlock", `vSwitch block ${cidr.text} is /${cidr.prefix}; Alibaba Cloud vSwitches are /16 to /29.`,
            "Give the vSwitch's block as the console shows it.");
    }
    if (regionOk && v.zoneId !== undefined) checkZone(problems, "vSwitch.zoneId", v.zoneId, args.instance.region);
    return { cidr, zoneId: v.zoneId };
}

/** The vSwitch's reserved addresses: Alibaba Cloud keeps the first and the last three. */
function reservedAddresses(cidr: Cidr): Map<string, string> {
    return new Map([
        [addressAt(cidr, 0), "the vSwitch's network address"],
        [addressAt(cidr, -3), "the vSwitch's gateway"],
        [addressAt(cidr, -2), "reserved by Alibaba Cloud"],
        [addressAt(cidr, -1), "the vSwitch's broadcast address"],
    ]);
}

function checkAddresses(problems: Problems, args: MultiEipEniArgs, cidr: Cidr | undefined):
    { count: number; countPath: string; privateIps?: string[] } {
    if (args.privateIps === undefined) {
        const count = args.publicIpCount ?? 3;
        checkIntegerInRange(problems, "publicIpCount", count, 1, 1000, "public address count");
        return { count, countPath: "publicIpCount" };
    }
    const count = args.privateIps.length;
    if (count === 0) {
        problems.add("privateIps", "the list of private IPs is empty.", "List at least one address, or drop privateIps and set publicIpCount.");
    }
    if (args.publicIpCount !== undefined && args.publicIpCount !== count) {
        problems.add("publicIpCount", `publicIpCount ${args.publicIpCount} differs from the ${count} privateIps given.`,
            "Drop publicIpCount: the number of privateIps sets it.");
    }
    const reserved = cidr ? reservedAddresses(cidr) : new Map<string, string>();
    const canonical: string[] = [];
    args.privateIps.forEach((text, i) => {
        const path = `privateIps[${i}]`;
        const ip = checkIp(problems, path, text, 4);
        if (!ip) return;
        canonical.push(ip.text);
        if (!cidr) return;
        if (!ipInCidr(ip, cidr)) {
            problems.add(path, `${ip.text} is not inside the vSwitch block ${cidr.text}.`, `Choose an address inside ${cidr.text}.`);
        } else if (reserved.has(ip.text)) {
            problems.add(path, `${ip.text} is ${reserved.get(ip.text)}; Alibaba Cloud reserves the first and the last three addresses of ${cidr.text}.`,
                `Choose from ${addressAt(cidr, 1)} to ${addressAt(cidr, -4)}.`);
        }
    });
    checkUnique(problems, args.privateIps.map((text, i) => ({ path: `privateIps[${i}]`, key: text.trim() })), "private IP");
    return { count, countPath: "privateIps", privateIps: canonical.length === count ? canonical : undefined };
}

function checkLimits(problems: Problems, args: MultiEipEniArgs, count: number, countPath: string, attach: boolean, enis: number): void {
    const type = args.instance.instanceType;
    const given = args.instanceTypeLimits;
    if (given) {
        const enisOk = checkIntegerInRange(problems, "instanceTypeLimits.maxEnis", given.maxEnis, 1, 100, "ENI limit");
        const ipsOk = checkIntegerInRange(problems, "instanceTypeLimits.maxPrivateIpsPerEni", given.maxPrivateIpsPerEni, 1, 1000, "private IP limit");
        // Comparing the call with limits already reported as nonsense only adds noise.
        if (!enisOk || !ipsOk) return;
    }
    const limits = instanceTypeLimits(type, given);
    if (!limits) {
        problems.add("instance.instanceType", `instance type '${type}' is not in the table of ENI limits.`,
            "Pass instanceTypeLimits ({ maxEnis, maxPrivateIpsPerEni, hotPlug }) from DescribeInstanceTypes (EniQuantity, EniPrivateIpAddressQuantity) or the instance family page.");
        return;
    }
    // A rejection resting on a table row nobody re-checked must say so, and how to override it.
    const unconfirmed = !given && !CONFIRMED_INSTANCE_TYPES.has(type)
        ? ` If DescribeInstanceTypes reports more for '${type}' (the built-in value is not confirmed against the current family page), pass instanceTypeLimits.`
        : "";
    if (count > limits.maxPrivateIpsPerEni) {
        problems.add(countPath, `${count} private IPs on one ENI exceed the ${limits.maxPrivateIpsPerEni} that instance type '${type}' allows per ENI.`,
            `Use at most ${limits.maxPrivateIpsPerEni} addresses, or a larger instance type.${unconfirmed}`);
    }
    if (!attach) return;
    if (enis + 1 > limits.maxEnis) {
        problems.add("instance.instanceType", `instance type '${type}' takes at most ${limits.maxEnis} ENIs and the instance has ${enis} already; another cannot be bound.`,
            `Use an instance type with more ENIs, or detach an ENI first.${unconfirmed}`);
    }
    if ((args.instance.running ?? true) && !limits.hotPlug) {
        problems.add("attach", `instance type '${type}' takes a secondary ENI only while the instance is Stopped, and instance.running says it will be Running.`,
            `Stop the instance and set instance.running: false, or set attach: false and bind the ENI during a stop.${unconfirmed}`);
    }
}

function checkQuota(problems: Problems, args: MultiEipEniArgs, count: number, countPath: string): void {
    const quota = args.eipQuota ?? 20;
    const inUse = args.eipsInUse ?? 0;
    const quotaOk = checkIntegerInRange(problems, "eipQuota", quota, 1, 100000, "EIP quota");
    const inUseOk = checkIntegerInRange(problems, "eipsInUse", inUse, 0, 100000, "EIPs in use");
    if (quotaOk && inUseOk && inUse + count > quota) {
        problems.add(countPath, `${count} new EIPs with ${inUse} in use exceed the account's EIP quota of ${quota}.`,
            "Release unused EIPs, or raise the quota in Quota Center and pass the new eipQuota.");
    }
}

/** Checks the EIP options; returns the name prefix. */
function checkEip(problems: Problems, args: MultiEipEniArgs, name: string, regionOk: boolean): string {
    const eip = args.eip ?? {};
    const payment = eip.paymentType ?? "PayAsYouGo";
    const charge = eip.internetChargeType ?? "PayByBandwidth";
    const paymentOk = checkOneOf(problems, "eip.paymentType", payment, EIP_PAYMENT_TYPES, "EIP payment type");
    const chargeOk = checkOneOf(problems, "eip.internetChargeType", charge, EIP_INTERNET_CHARGE_TYPES, "EIP internet charge type");
    const subscription = payment === "Subscription";
    if (paymentOk && chargeOk) {
        if (subscription && charge !== "PayByBandwidth") {
            problems.add("eip.internetChargeType", "a subscription EIP is metered PayByBandwidth only.", "Set internetChargeType: \"PayByBandwidth\".");
        }
        const max = subscription ? 1000 : charge === "PayByBandwidth" ? 500 : 200;
        checkIntegerInRange(problems, "eip.bandwidth", eip.bandwidth ?? 5, 1, max, `${payment} ${charge} EIP bandwidth (Mbit/s)`);
    }
    const isp = eip.isp ?? "BGP";
    if (checkOneOf(problems, "eip.isp", isp, EIP_ISPS, "EIP line type") && isp === "BGP_PRO" && regionOk && !BGP_PRO_REGIONS.includes(args.instance.region)) {
        problems.add("eip.isp", `the BGP (Multi-ISP) Pro line is not sold in ${args.instance.region}.`, `Use BGP, or a region of: ${BGP_PRO_REGIONS.join(", ")}.`);
    }
    if (subscription) {
        const cycle = eip.pricingCycle ?? "Month";
        if (checkOneOf(problems, "eip.pricingCycle", cycle, ["Month", "Year"], "pricing cycle")) {
            if (eip.period === undefined) {
                problems.add("eip.period", "a subscription EIP needs a period.", `Set period: 1–${cycle === "Month" ? 9 : 5} (${cycle.toLowerCase()}s).`);
            } else {
                checkIntegerInRange(problems, "eip.period", eip.period, 1, cycle === "Month" ? 9 : 5, `subscription period in ${cycle.toLowerCase()}s`);
            }
        }
        if (eip.addressNamePrefix !== undefined) {
            problems.add("eip.addressNamePrefix", "subscription EIPs cannot be named.", "Drop addressNamePrefix, or buy pay-as-you-go EIPs.");
        }
    } else {
        for (const field of ["period", "pricingCycle"] as const) {
            if (eip[field] !== undefined) {
                problems.add(`eip.${field}`, `${field} applies to subscription EIPs only and paymentType is ${payment}.`,
                    `Drop ${field}, or set paymentType: "Subscription".`);
            }
        }
    }
    const prefix = eip.addressNamePrefix ?? name;
    // Names get a "-<n>" suffix; the API takes 1–128 characters starting with a letter.
    if (!subscription && (!EIP_NAME.test(prefix) || prefix.length > 120)) {
        problems.add("eip.addressNamePrefix", `EIP name prefix '${prefix}' is not up to 120 letters, digits, '.', '_' or '-' starting with a letter.`,
            "Pass an addressNamePrefix that starts with a letter.");
    }
    return prefix;
}

/** The port the tutorial's sites serve on each public address (seed 001: one web site per EIP). */
const SITE_PORT = 80;

/**
 * Several public IPv4 addresses on one ECS instance (seed 001): a secondary ENI in the
 * instance's vSwitch with one primary and `publicIpCount - 1` secondary private IPs, one EIP per
 * private IP associated in NAT mode with the ENI (not the instance), the ENI bound to the
 * instance, and the guest-OS script that makes the instance answer from every address.
 *
 * Checked before anything is registered: one region for instance, VPC, ENI and EIPs; the EIP
 * quota; the instance type's ENI and private-IP-per-ENI limits and ENI hot-plug; explicit private
 * IPs inside the vSwitch, off its reserved addresses, without repeats; the EIP billing options.
 */
export class MultiEipEni extends pulumi.ComponentResource implements DeclaresFlows {
    /** The secondary ENI's id, `eni-…`. */
    readonly networkInterfaceId: pulumi.Output<string>;
    /** The ENI's private IPs: its primary first, then the secondaries; `publicIps[n]` maps to `privateIps[n]`. */
    readonly privateIps: pulumi.Output<string[]>;
    /** EIP allocation ids, in the order of `privateIps`. */
    readonly eipIds: pulumi.Output<string[]>;
    /** EIP addresses, in the order of `privateIps`. */
    readonly publicIps: pulumi.Output<string[]>;
    /** Bash script for the guest OS (`guestOs`): the secondary addresses and the policy routing, kept across reboots (tutorial steps 4 and 6). */
    readonly guestScript: pulumi.Output<string>;
    /** The vSwitch gateway the guest routes through (its x.253 address). */
    readonly gateway: string;
    /** Netmask of the vSwitch block, for the ifcfg aliases. */
    readonly netmask: string;
    /** Guest device name of the ENI, e.g. `eth1`. */
    readonly device: string;
    /** Id of the ENI attachment, when `attach` is true. */
    readonly attachmentId?: pulumi.Output<string>;
    /** The traffic it exists for: the internet to each EIP, translated to its private IP on the ENI (HTTP). */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: MultiEipEniArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateMultiEipEniArgs(name, args);
        super(TYPE, name, {}, opts);
        const v = args.vSwitch;
        const provider = args.provider ?? userProvider<alicloud.Provider>(opts, "alicloud")
            ?? (isVpcVSwitch(v) ? v.vpc.provider : newStackProvider("alicloud", `${name}-provider`, { region: args.instance.region }, { parent: this }));
        const childOpts = { parent: this, provider };
        this.gateway = vSwitchGateway(plan.cidrBlock);
        this.netmask = ipv4Netmask(Number(plan.cidrBlock.split("/")[1]));
        this.device = plan.device;

        const explicit = plan.privateIps;
        const eni = new alicloud.ecs.EcsNetworkInterface(`${name}-eni`, {
            networkInterfaceName: plan.eniName,
            description: `Secondary ENI with ${plan.count} public addresses in NAT mode`,
            vswitchId: isVpcVSwitch(v) ? v.vpc.vSwitches[v.name].id : v.id,
            securityGroupIds: args.securityGroupIds,
            primaryIpAddress: explicit?.[0],
            privateIpAddresses: explicit && explicit.length > 1 ? explicit.slice(1) : undefined,
            secondaryPrivateIpAddressCount: !explicit && plan.count > 1 ? plan.count - 1 : undefined,
            tags: args.tags,
        }, childOpts);
        this.networkInterfaceId = eni.id;

        // The right private IP bound to the right EIP: EIP n is always bound to privateIps[n].
        // Explicit addresses keep the caller's order. Addresses the vSwitch picks are read back
        // from the ENI, whose secondaries the provider keeps as a set (hash order, not allocation
        // order), so they are sorted by value: the same addresses give the same order on every
        // read, and no association is replaced by a refresh. Growing publicIpCount can insert a
        // new address before older ones and move EIPs; pass privateIps when addresses must never move.
        this.privateIps = explicit
            ? pulumi.output([...explicit])
            : pulumi.all([eni.primaryIpAddress, eni.privateIpAddresses])
                .apply(([primary, secondaries]) => [primary, ...sortAddresses(secondaries ?? [])]);

        // Tutorial order: bind the ENI first (step 1), then the EIPs (step 5). Associations run as
        // asynchronous tasks on the one ENI and the API rejects overlapping ones (TaskConflict),
        // so each waits for the previous one.
        const attachment = plan.attach
            ? new alicloud.ecs.EcsNetworkInterfaceAttachment(`${name}-attachment`, {
                instanceId: args.instance.id,
                networkInterfaceId: eni.id,
            }, { ...childOpts, dependsOn: [eni] })
            : undefined;
        this.attachmentId = attachment?.id;

        const eipArgs = args.eip ?? {};
        const subscription = eipArgs.paymentType === "Subscription";
        const eips: alicloud.ecs.EipAddress[] = [];
        const associations: alicloud.ecs.EipAssociation[] = [];
        for (let i = 0; i < plan.count; i++) {
            const eip = new alicloud.ecs.EipAddress(`${name}-eip-${i + 1}`, {
                addressName: subscription ? undefined : `${plan.addressNamePrefix}-${i + 1}`,
                paymentType: eipArgs.paymentType ?? "PayAsYouGo",
                internetChargeType: eipArgs.internetChargeType ?? "PayByBandwidth",
                bandwidth: String(eipArgs.bandwidth ?? 5),
                isp: eipArgs.isp ?? "BGP",
                pricingCycle: subscription ? eipArgs.pricingCycle ?? "Month" : undefined,
                period: subscription ? eipArgs.period : undefined,
                deletionProtection: eipArgs.deletionProtection,
                resourceGroupId: eipArgs.resourceGroupId,
                tags: args.tags,
            }, childOpts);
            const previous = associations[i - 1];
            associations.push(new alicloud.ecs.EipAssociation(`${name}-eip-${i + 1}-association`, {
                allocationId: eip.id,
                instanceId: eni.id,
                instanceType: "NetworkInterface",
                mode: "NAT",
                privateIpAddress: this.privateIps.apply(ips => ips[i]),
            }, { ...childOpts, dependsOn: [eni, eip, ...(attachment ? [attachment] : []), ...(previous ? [previous] : [])] }));
            eips.push(eip);
        }
        this.intendedFlows = eips.map((eip, i) => ({
            name: `internet → EIP ${i + 1} :${SITE_PORT} → private IP ${i + 1}`, from: flowTo.internet(), to: flowTo.eip(eip),
            protocol: "tcp" as const, port: SITE_PORT, intent: "allow" as const,
        }));
        this.eipIds = pulumi.all(eips.map(e => e.id));
        this.publicIps = pulumi.all(eips.map(e => e.ipAddress));
        this.guestScript = this.privateIps.apply(ips => renderGuestScript({
            os: plan.guestOs,
            primaryIp: ips[0],
            secondaryIps: ips.slice(1),
            vSwitchCidr: plan.cidrBlock,
            device: plan.device,
            table: plan.table,
        }));
        if (args.configureGuest) {
            // A new script makes a new command, and so a new invocation: it runs again when the addresses change.
            const command = new alicloud.ecs.Command(`${name}-guest`, {
                name: `${name}-guest-routing`,
                description: `Secondary addresses and policy routing of ${plan.device} (MultiEipEni ${name})`,
                type: "RunShellScript",
                commandContent: this.guestScript.apply(script => Buffer.from(script).toString("base64")),
                timeout: 300,
            }, childOpts);
            new alicloud.ecs.EcsInvocation(`${name}-guest-run`, {
                commandId: command.id,
                instanceIds: [args.instance.id],
                repeatMode: "Once",
            }, {
                ...childOpts, dependsOn: [attachment!, ...associations],
                // The provider waits for the run to succeed within 1 minute by default; the script may take
                // up to its 300 s, and a new instance's Cloud Assistant agent a while to come online.
                customTimeouts: { create: "10m" },
            });
        }

        this.registerOutputs({
            networkInterfaceId: this.networkInterfaceId,
            privateIps: this.privateIps,
            eipIds: this.eipIds,
            publicIps: this.publicIps,
            guestScript: this.guestScript,
            attachmentId: this.attachmentId,
        });
    }
}
