/**
 * The checks of a {@link MultiEipEni}, run before anything is registered: the args' shape
 * (shape.ts), then one region for the instance, the VPC, the ENI and the EIPs; the vSwitch and
 * its zone; explicit private IPs inside the vSwitch, off its reserved addresses, without repeats;
 * the instance type's ENI and private-IP-per-ENI limits and ENI hot-plug; the EIP quota. The EIP
 * billing options are checked in eipChecks.ts. Pure: they register nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { checkUnique } from "../../checks";
import { Problems, validate } from "../../errors";
import { Cidr, addressAt, checkCidr, checkIp, ipInCidr, parseCidr } from "../../net";
import { checkStackProviderConfig, userProvider } from "../../providers";
import { checkShape } from "../../shape";
import { ipv4Netmask, vSwitchGateway } from "../guestRouting";
import { AlibabaIdKind, checkedId } from "../ids";
import { CONFIRMED_INSTANCE_TYPES, instanceTypeLimits } from "../instanceTypes";
import { checkAlibabaName } from "../names";
import { checkRegion, checkZone } from "../regions";
import { findVSwitch } from "../vpc/lookups";
import {
    MULTI_EIP_ENI_TYPE,
    MultiEipEniArgs,
    MultiEipEniEipPlan,
    MultiEipEniEniPlan,
    MultiEipEniPlan,
    MultiEipEniVpcVSwitchArgs,
} from "./args";
import { checkEip } from "./eipChecks";
import { MULTI_EIP_ENI_SHAPE } from "./shape";

/** Public addresses when neither `publicIpCount` nor `privateIps` is given: the tutorial's three sites. */
const DEFAULT_PUBLIC_IP_COUNT = 3;

/**
 * Checks the arguments of a {@link MultiEipEni} and settles its plan. Pure: it registers
 * nothing, so it can run (and be tested) on its own. `opts` are the component's own (a provider
 * in them is the component's).
 */
export function validateMultiEipEniArgs(
    name: string,
    args: MultiEipEniArgs,
    opts?: pulumi.ComponentResourceOptions,
): MultiEipEniPlan {
    // validate throws when the check recorded a problem, and the check returns a plan when it recorded none.
    return validate(componentOf(name), problems => checkMultiEipEniArgs(problems, name, args, opts))!;
}

/**
 * Records every problem of the arguments in `problems` (a parent passes a scope,
 * `problems.under("eips")`) and returns the plan, every default resolved; undefined when it
 * recorded a problem. The shape comes first: the rules run only on args that fit it. Ids given as
 * Outputs are checked when they resolve.
 */
export function checkMultiEipEniArgs(
    problems: Problems,
    name: string,
    args: MultiEipEniArgs,
    opts?: pulumi.ComponentResourceOptions,
): MultiEipEniPlan | undefined {
    const before = problems.count;
    if (!checkShape(problems, MULTI_EIP_ENI_SHAPE, args)) return undefined;
    const { instance } = args;
    const provider =
        args.provider ??
        userProvider<alicloud.Provider>(opts, "alicloud") ??
        (isVpcVSwitch(args.vSwitch) ? args.vSwitch.vpc.provider : undefined);
    if (provider === undefined) checkStackProviderConfig(problems, "alicloud");
    const regionOk = checkRegion(problems, "instance.region", instance.region);
    const vSwitch = checkVSwitch(problems, args, regionOk);
    if (regionOk) checkInstanceZone(problems, args, vSwitch.zoneId);
    checkSecurityGroups(problems, args.securityGroupIds);

    const { count, countPath, privateIps } = checkAddresses(problems, args, vSwitch.cidr);
    const attach = args.attach ?? true;
    const enis = instance.enis ?? 1;
    const layout = checkLimits(problems, args, { count, countPath, attach, enis });
    checkQuota(problems, args, count, countPath);
    const eip = checkEip(problems, args, name, count, countPath, regionOk);

    const eniName = args.eniName ?? `${name}-eni`;
    const eniCount = layout?.length ?? 1;
    // ENI k after the first is <eniName>-<k>: the last is the longest, with the same characters.
    checkAlibabaName(
        problems,
        "eniName",
        eniCount > 1 ? `${eniName}-${eniCount}` : eniName,
        "eni",
        "ENI",
        args.eniName === undefined
            ? "The ENI is named after the component: pass an eniName that starts with a letter."
            : eniCount > 1
              ? `ENI names are '<eniName>-<k>' after the first: pass an eniName of at most ${127 - String(eniCount).length} characters.`
              : undefined,
    );
    const configureGuest = args.configureGuest ?? false;
    if (configureGuest && !attach) {
        problems.add(
            "configureGuest",
            "the guest script needs the ENI on the instance, but attach is false.",
            "Set attach, or run guestScript yourself once the ENI is bound.",
        );
    }
    if (problems.count > before || !vSwitch.cidr || !eip || !layout) return undefined;

    // Only a clean plan checks its Outputs: a discarded one would leave their rejections unheard.
    const late = (value: pulumi.Input<string>, kind: AlibabaIdKind, path: string) =>
        checkedId(value, kind, componentOf(name), path);
    return {
        region: instance.region,
        instanceId: late(instance.id, "instance", "instance.id"),
        provider,
        vSwitch: {
            // A RegionalVpc's vSwitch id is the VPC's to vouch for.
            id: isVpcVSwitch(args.vSwitch) ? vSwitch.id : late(vSwitch.id, "vSwitch", "vSwitch.id"),
            cidrBlock: vSwitch.cidr.text,
            gateway: vSwitchGateway(vSwitch.cidr.text),
            netmask: ipv4Netmask(vSwitch.cidr.prefix),
        },
        securityGroupIds: args.securityGroupIds.map((id, i) => late(id, "securityGroup", `securityGroupIds[${i}]`)),
        count,
        enis: enisOf(name, eniName, layout, enis, privateIps),
        attach,
        eip: lateEipIds(eip, late),
        guestOs: args.guestOs ?? "alinux2",
        configureGuest,
        tags: args.tags,
    };
}

/** The EIP plan with its ids checked when they resolve: the resource group, an existing package. */
function lateEipIds(
    eip: MultiEipEniEipPlan,
    late: (value: pulumi.Input<string>, kind: AlibabaIdKind, path: string) => pulumi.Input<string>,
): MultiEipEniEipPlan {
    const resourceGroupId =
        eip.resourceGroupId === undefined
            ? undefined
            : late(eip.resourceGroupId, "resourceGroup", "eip.resourceGroupId");
    if (eip.paymentType === "Subscription") return { ...eip, resourceGroupId };
    const shared = eip.sharedBandwidth;
    if (shared?.kind !== "existing") return { ...eip, resourceGroupId };
    return {
        ...eip,
        resourceGroupId,
        sharedBandwidth: {
            kind: "existing",
            packageId: late(shared.packageId, "commonBandwidthPackage", "eip.sharedBandwidth.packageId"),
        },
    };
}

function componentOf(name: string): string {
    return `${MULTI_EIP_ENI_TYPE} '${name}'`;
}

function isVpcVSwitch(v: MultiEipEniArgs["vSwitch"]): v is MultiEipEniVpcVSwitchArgs {
    return Object.hasOwn(v, "vpc");
}

/** The vSwitch as the other checks see it: its id, and the block and zone they compare against. */
interface CheckedVSwitch {
    readonly id: pulumi.Input<string>;
    /** The block, when it is known and valid. */
    readonly cidr?: Cidr;
    readonly zoneId?: string;
}

function checkVSwitch(problems: Problems, args: MultiEipEniArgs, regionOk: boolean): CheckedVSwitch {
    const v = args.vSwitch;
    const region = args.instance.region;
    if (isVpcVSwitch(v)) {
        if (regionOk && v.vpc.region !== region) {
            problems.add(
                "vSwitch.vpc",
                `the VPC is in ${v.vpc.region} but the instance is in ${region}; ` +
                    "the ENI, its EIPs and the instance must share one region.",
                `Use the instance's VPC in ${region}.`,
            );
        }
        const info = findVSwitch(problems, "vSwitch.name", v.vpc, v.name);
        if (!info) return { id: "" };
        // A RegionalVpc's blocks are canonical already.
        return { id: info.id, cidr: parseCidr(info.cidrBlock, 4), zoneId: info.zoneId };
    }
    const cidr = checkCidr(problems, "vSwitch.cidrBlock", v.cidrBlock, 4);
    if (cidr && (cidr.prefix < 16 || cidr.prefix > 29)) {
        problems.add(
            "vSwitch.cidrBlock",
            `vSwitch block ${cidr.text} is /${cidr.prefix}; Alibaba Cloud vSwitches are /16 to /29.`,
            "Give the vSwitch's block as the console shows it.",
        );
    }
    if (regionOk && v.zoneId !== undefined) checkZone(problems, "vSwitch.zoneId", v.zoneId, region);
    return { id: v.id, cidr, zoneId: v.zoneId };
}

/** An instance's zone, when given: a zone of its region, and the vSwitch's (an ENI binds only in its own zone). */
function checkInstanceZone(problems: Problems, args: MultiEipEniArgs, vSwitchZone: string | undefined): void {
    const { zoneId, region } = args.instance;
    if (zoneId === undefined || !checkZone(problems, "instance.zoneId", zoneId, region)) return;
    if (vSwitchZone !== undefined && vSwitchZone !== zoneId) {
        problems.add(
            "instance.zoneId",
            `the instance is in zone ${zoneId} but the vSwitch is in ${vSwitchZone}; ` +
                "an ENI binds only to an instance of its own zone.",
            "Use a vSwitch in the instance's zone.",
        );
    }
}

/** At least one security group, each once (the ones known as text). */
function checkSecurityGroups(problems: Problems, ids: readonly pulumi.Input<string>[]): void {
    if (ids.length === 0) {
        problems.add(
            "securityGroupIds",
            "no security group is given; an ENI needs at least one.",
            "Pass the instance's security group ids (they must be in the ENI's VPC).",
        );
    }
    const known = ids.flatMap((id, i) => (typeof id === "string" ? [{ path: `securityGroupIds[${i}]`, key: id }] : []));
    checkUnique(problems, known, "security group");
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

/** How many addresses, the input that says so (for the problems about the count), and the explicit ones. */
interface CheckedAddresses {
    readonly count: number;
    readonly countPath: "publicIpCount" | "privateIps";
    /** Canonical, primary first; undefined when the vSwitch picks them (or one was invalid). */
    readonly privateIps?: string[];
}

function checkAddresses(problems: Problems, args: MultiEipEniArgs, cidr: Cidr | undefined): CheckedAddresses {
    if (args.privateIps === undefined) {
        // Its range is the shape's; the instance type's limit follows.
        return { count: args.publicIpCount ?? DEFAULT_PUBLIC_IP_COUNT, countPath: "publicIpCount" };
    }
    const count = args.privateIps.length;
    if (count === 0) {
        problems.add(
            "privateIps",
            "the list of private IPs is empty.",
            "List at least one address, or drop privateIps and set publicIpCount.",
        );
    }
    if (args.publicIpCount !== undefined && args.publicIpCount !== count) {
        problems.add(
            "publicIpCount",
            `publicIpCount ${args.publicIpCount} differs from the ${count} privateIps given.`,
            "Drop publicIpCount: the number of privateIps sets it.",
        );
    }
    const reserved = cidr ? reservedAddresses(cidr) : new Map<string, string>();
    const canonical: string[] = [];
    const parsed: Array<{ path: string; key: string }> = [];
    args.privateIps.forEach((text, i) => {
        const path = `privateIps[${i}]`;
        const ip = checkIp(problems, path, text, 4);
        if (!ip) return;
        canonical.push(ip.text);
        parsed.push({ path, key: ip.text });
        if (!cidr) return;
        if (!ipInCidr(ip, cidr)) {
            problems.add(
                path,
                `${ip.text} is not inside the vSwitch block ${cidr.text}.`,
                `Choose an address inside ${cidr.text}.`,
            );
        } else if (reserved.has(ip.text)) {
            problems.add(
                path,
                `${ip.text} is ${reserved.get(ip.text)}; ` +
                    `Alibaba Cloud reserves the first and the last three addresses of ${cidr.text}.`,
                `Choose from ${addressAt(cidr, 1)} to ${addressAt(cidr, -4)}.`,
            );
        }
    });
    checkUnique(problems, parsed, "private IP");
    return { count, countPath: "privateIps", privateIps: canonical.length === count ? canonical : undefined };
}

/** The call as the instance type's limits see it. */
interface EniDemand {
    readonly count: number;
    readonly countPath: string;
    readonly attach: boolean;
    /** ENIs the instance has already. */
    readonly enis: number;
}

/**
 * The instance type's limits on the call: private IPs per ENI times the ENIs, the ENIs beside the
 * instance's own, hot-plug. Returns how many addresses each secondary ENI takes, in order
 * ({@link fillEnis}); undefined when the type's limits are unknown or the addresses do not fit.
 */
function checkLimits(
    problems: Problems,
    args: MultiEipEniArgs,
    { count, countPath, attach, enis }: EniDemand,
): number[] | undefined {
    const type = args.instance.instanceType;
    // Their ranges are the shape's.
    const given = args.instanceTypeLimits;
    const limits = instanceTypeLimits(type, given);
    if (!limits) {
        problems.add(
            "instance.instanceType",
            `instance type '${type}' is not in the table of ENI limits.`,
            "Pass instanceTypeLimits ({ maxEnis, maxPrivateIpsPerEni, hotPlug }) from DescribeInstanceTypes " +
                "(EniQuantity, EniPrivateIpAddressQuantity) or the instance family page.",
        );
        return undefined;
    }
    // A rejection resting on a table row nobody re-checked must say so, and how to override it.
    const unconfirmed =
        !given && !CONFIRMED_INSTANCE_TYPES.has(type)
            ? ` If DescribeInstanceTypes reports more for '${type}' ` +
              "(the built-in value is not confirmed against the current family page), pass instanceTypeLimits."
            : "";
    const perEni = limits.maxPrivateIpsPerEni;
    const needed = Math.max(1, Math.ceil(count / perEni));
    const eniCount = args.eniCount ?? needed;
    const before = problems.count;
    if (args.eniCount !== undefined && eniCount > count) {
        problems.add(
            "eniCount",
            `${eniCount} ENIs for ${count} addresses: every ENI's primary private IP is one of the addresses, ` +
                "so an ENI would have none.",
            `Use at most ${count} ENIs, or more addresses.`,
        );
    }
    if (count > eniCount * perEni) {
        const on = eniCount === 1 ? "one ENI" : `${eniCount} ENIs`;
        problems.add(
            countPath,
            `${count} private IPs on ${on} exceed the ${eniCount * perEni} that instance type '${type}' allows ` +
                (eniCount === 1 ? "per ENI." : `on ${eniCount} ENIs (${perEni} per ENI).`),
            `Use at most ${eniCount * perEni} addresses, set eniCount to ${needed} (or drop it), ` +
                `or a larger instance type.${unconfirmed}`,
        );
    }
    if (attach && enis + eniCount > limits.maxEnis) {
        const room = Math.max(0, limits.maxEnis - enis);
        const what = `instance type '${type}' takes at most ${limits.maxEnis} ENIs and the instance has ${enis} already`;
        if (eniCount === 1) {
            problems.add(
                "instance.instanceType",
                `${what}; another cannot be bound.`,
                `Use an instance type with more ENIs, or detach an ENI first.${unconfirmed}`,
            );
        } else {
            problems.add(
                args.eniCount === undefined ? countPath : "eniCount",
                `${count} addresses on ${eniCount} secondary ENIs (${perEni} private IPs per ENI), but ${what}: ` +
                    `${room} more can be bound.`,
                `Use at most ${room * perEni} addresses on ${room} ENIs, an instance type with more ENIs, ` +
                    `or detach an ENI first.${unconfirmed}`,
            );
        }
    }
    if (attach && (args.instance.running ?? true) && !limits.hotPlug) {
        problems.add(
            "attach",
            `instance type '${type}' takes a secondary ENI only while the instance is Stopped, ` +
                "and instance.running says it will be Running.",
            "Stop the instance and set instance.running: false, or set attach: false and bind the ENI during a stop." +
                unconfirmed,
        );
    }
    return problems.count > before ? undefined : fillEnis(count, eniCount, perEni);
}

/**
 * How many of `count` addresses each of `eniCount` ENIs takes: in order, each as many as it holds
 * (`perEni`) while leaving one for every ENI after it. With the fewest ENIs (⌈count ÷ perEni⌉)
 * every ENI but the last is full, so adding addresses fills the last or opens a new one and moves
 * none; with more, an ENI before the last is not full and an added address moves the ones after
 * it (`fillEnis(2, 2, 6)` is [1, 1], `fillEnis(3, 2, 6)` [2, 1]). Needs eniCount ≤ count ≤ eniCount × perEni.
 */
export function fillEnis(count: number, eniCount: number, perEni: number): number[] {
    const counts: number[] = [];
    let left = count;
    for (let k = 0; k < eniCount; k++) {
        const n = Math.min(perEni, left - (eniCount - k - 1));
        counts.push(n);
        left -= n;
    }
    return counts;
}

/** The secondary ENIs of the plan: names, guest devices and tables after the instance's own ENIs, addresses. */
function enisOf(
    name: string,
    eniName: string,
    layout: readonly number[],
    existing: number,
    privateIps: readonly string[] | undefined,
): MultiEipEniEniPlan[] {
    let first = 0;
    return layout.map((count, k) => {
        const suffix = k === 0 ? "" : `-${k + 1}`;
        const index = existing + k;
        const plan: MultiEipEniEniPlan = {
            resourceName: `${name}-eni${suffix}`,
            attachmentName: `${name}-attachment${suffix}`,
            eniName: `${eniName}${suffix}`,
            device: `eth${index}`,
            table: 1000 + index,
            first,
            count,
            privateIps: privateIps?.slice(first, first + count),
        };
        first += count;
        return plan;
    });
}

/** EIPs an account may hold in a region unless it raised the quota: Alibaba Cloud's default. */
const DEFAULT_EIP_QUOTA = 20;

function checkQuota(problems: Problems, args: MultiEipEniArgs, count: number, countPath: string): void {
    // Their ranges are the shape's.
    const quota = args.eipQuota ?? DEFAULT_EIP_QUOTA;
    const inUse = args.eipsInUse ?? 0;
    if (inUse + count > quota) {
        problems.add(
            countPath,
            `${count} new EIPs with ${inUse} in use exceed the account's EIP quota of ${quota}.`,
            "Release unused EIPs, or raise the quota in Quota Center and pass the new eipQuota.",
        );
    }
}
