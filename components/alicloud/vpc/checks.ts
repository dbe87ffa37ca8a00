/**
 * The checks of a {@link RegionalVpc}: region and zones known, the VPC block not reserved and
 * /8–/28, vSwitches /16–/29 inside it and disjoint, IPv6 only on an IPv6 VPC, and the names the
 * API takes. Pure: they register nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { checkIntegerInRange, checkUnique } from "../../checks";
import { Problems, validate } from "../../errors";
import { Cidr, PlacedCidr, checkCidr, checkNoOverlaps, cidrContains, firstOverlapping } from "../../net";
import { checkStackProviderConfig, userProvider } from "../../providers";
import { checkAlibabaName } from "../names";
import { checkRegion, checkZone } from "../regions";
import { ExistingRegionalVpcArgs, REGIONAL_VPC_TYPE, RegionalVpcArgs, RegionalVpcPlan } from "./args";

/** Blocks Alibaba Cloud refuses as a VPC's primary block. */
export const RESERVED_VPC_RANGES: readonly string[] = ["100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4"];

/** The fields of either kind of vSwitch args that the checks read (untyped callers may mix them). */
interface VSwitchSpec {
    zoneId: string;
    cidrBlock: string;
    ipv6CidrBlockMask?: number;
    id?: pulumi.Input<string>;
    ipv6Enabled?: boolean;
}

function isExisting(args: RegionalVpcArgs | ExistingRegionalVpcArgs): args is ExistingRegionalVpcArgs {
    return "vpcId" in args;
}

/**
 * The names the VPC, its vSwitches and its IPv6 gateway get, against the API's and provider's
 * rules; returns the VPC's name.
 */
function checkVpcNames(problems: Problems, name: string, args: RegionalVpcArgs): string {
    const vpcName = args.vpcName ?? name;
    const vpcNamePath = args.vpcName === undefined ? "name" : "vpcName";
    const ok = checkAlibabaName(problems, vpcNamePath, vpcName, "general", "VPC",
        args.vpcName === undefined ? "The VPC takes the component's name: set vpcName." : undefined);
    if (ok && args.enableIpv6) {
        checkAlibabaName(problems, vpcNamePath, ipv6GatewayName(vpcName), "ipv6Gateway", "IPv6 gateway",
            "The IPv6 gateway is named '<vpcName>-ipv6gw': use a vpcName of letters, digits, '_' and '-' (no '.') " +
            "starting with a letter.");
    }
    for (const key of Object.keys(args.vSwitches ?? {})) {
        checkAlibabaName(problems, `vSwitches.${key}`, key, "general", "vSwitch",
            "The vSwitch takes its key as its name: rename the key.");
    }
    return vpcName;
}

function ipv6GatewayName(vpcName: string): string {
    return `${vpcName}-ipv6gw`;
}

/**
 * Checks a VPC description, created or existing, and returns its plan. Pure: it registers
 * nothing, so it can run (and be tested) on its own.
 */
export function validateRegionalVpcArgs(name: string, args: RegionalVpcArgs | ExistingRegionalVpcArgs,
    opts?: pulumi.ComponentResourceOptions): RegionalVpcPlan {
    return validate(`${REGIONAL_VPC_TYPE} '${name}'`, problems => checkRegionalVpcArgs(problems, name, args, opts));
}

/**
 * Records every problem of a VPC description in `problems` (a parent passes a scope,
 * `problems.under("vpc")`) and returns the plan, every default resolved. `opts` are the
 * component's own: a provider in them is the VPC's.
 */
export function checkRegionalVpcArgs(problems: Problems, name: string, args: RegionalVpcArgs | ExistingRegionalVpcArgs,
    opts?: pulumi.ComponentResourceOptions): RegionalVpcPlan {
    const regionOk = checkRegion(problems, "region", args.region);
    const provider = args.provider ?? userProvider<alicloud.Provider>(opts, "alicloud");
    if (provider === undefined) checkStackProviderConfig(problems, "alicloud");
    const vpc = checkCidr(problems, "cidrBlock", args.cidrBlock, 4);
    if (vpc) checkVpcBlock(problems, vpc);
    const base = { region: args.region, cidrBlock: vpc?.text ?? args.cidrBlock, provider };
    const vSwitches = Object.entries(args.vSwitches ?? {}) as Array<[string, VSwitchSpec]>;
    if (isExisting(args)) {
        const ipv6Enabled = args.ipv6Enabled ?? false;
        const blocks = checkVSwitches(problems, args, vSwitches, { vpc, regionOk, existing: true, ipv6Enabled });
        return {
            ...base,
            kind: "existing",
            ipv6Enabled,
            vpcId: args.vpcId,
            routeTableId: args.routeTableId,
            knownRouteTableId: typeof args.routeTableId === "string" ? args.routeTableId : undefined,
            vSwitches: vSwitches.map(([key, v]) => ({
                name: key, id: v.id!, zoneId: v.zoneId, cidrBlock: blocks.get(key) ?? v.cidrBlock,
                ipv6Enabled: v.ipv6Enabled ?? false,
            })),
        };
    }
    const vpcName = checkVpcNames(problems, name, args);
    const ipv6Enabled = args.enableIpv6 ?? false;
    const blocks = checkVSwitches(problems, args, vSwitches, { vpc, regionOk, existing: false, ipv6Enabled });
    return {
        ...base,
        kind: "created",
        ipv6Enabled,
        vpcName,
        ipv6GatewayName: ipv6Enabled ? ipv6GatewayName(vpcName) : undefined,
        vSwitches: vSwitches.map(([key, v]) => ({
            name: key, zoneId: v.zoneId, cidrBlock: blocks.get(key) ?? v.cidrBlock,
            ipv6CidrBlockMask: v.ipv6CidrBlockMask,
        })),
        tags: args.tags,
    };
}

/** What the vSwitch checks need to know of the VPC. */
interface VpcFacts {
    /** The VPC block, when it parsed. */
    readonly vpc?: Cidr;
    readonly regionOk: boolean;
    readonly existing: boolean;
    readonly ipv6Enabled: boolean;
}

/**
 * Checks every vSwitch (zone, block, IPv6 index) and returns the canonical blocks of those that
 * parsed, by key. (The plan of a call with problems is never used, so a block that failed keeps
 * its text.)
 */
function checkVSwitches(problems: Problems, args: RegionalVpcArgs | ExistingRegionalVpcArgs,
    vSwitches: ReadonlyArray<[string, VSwitchSpec]>, facts: VpcFacts): Map<string, string> {
    const { vpc, regionOk, existing, ipv6Enabled } = facts;
    if (vSwitches.length === 0) {
        problems.add("vSwitches", "no vSwitch is given.",
            "Add at least one vSwitch with a zone and a block inside the VPC.");
    }
    const placed: PlacedCidr[] = [];
    const blocks = new Map<string, string>();
    for (const [key, vsw] of vSwitches) {
        const path = `vSwitches.${key}`;
        if (regionOk) checkZone(problems, `${path}.zoneId`, vsw.zoneId, args.region);
        const block = checkCidr(problems, `${path}.cidrBlock`, vsw.cidrBlock, 4);
        if (block) {
            blocks.set(key, block.text);
            // An existing vSwitch is as the cloud made it; only a new one is held to today's limits.
            if (!existing && (block.prefix < 16 || block.prefix > 29)) {
                problems.add(`${path}.cidrBlock`,
                    `vSwitch block ${block.text} is /${block.prefix}; Alibaba Cloud accepts /16 to /29.`,
                    "Choose a vSwitch mask from /16 to /29.");
            }
            if (vpc && !cidrContains(vpc, block)) {
                problems.add(`${path}.cidrBlock`,
                    `vSwitch '${key}' ${block.text} is not inside the VPC block ${vpc.text}.`,
                    `Choose a block inside ${vpc.text}.`);
            }
            placed.push({ name: `vSwitch '${key}'`, cidr: block, path: `${path}.cidrBlock` });
        }
        if (!existing && vsw.ipv6CidrBlockMask !== undefined) {
            checkIntegerInRange(problems, `${path}.ipv6CidrBlockMask`, vsw.ipv6CidrBlockMask, 0, 255, "IPv6 /64 index");
            if (!ipv6Enabled) {
                problems.add(`${path}.ipv6CidrBlockMask`,
                    `vSwitch '${key}' asks for IPv6 but the VPC has IPv6 disabled.`,
                    "Set enableIpv6: true on the VPC, or drop ipv6CidrBlockMask.");
            }
        }
    }
    if (!existing) {
        const indexes = vSwitches.filter(([, v]) => v.ipv6CidrBlockMask !== undefined)
            .map(([key, v]) => ({ path: `vSwitches.${key}.ipv6CidrBlockMask`, key: String(v.ipv6CidrBlockMask) }));
        checkUnique(problems, indexes, "IPv6 /64 index");
    }
    checkNoOverlaps(problems, placed, "Give every vSwitch of a VPC a disjoint block.");
    return blocks;
}

function checkVpcBlock(problems: Problems, vpc: Cidr): void {
    const reserved = firstOverlapping(vpc, RESERVED_VPC_RANGES);
    if (reserved) {
        problems.add("cidrBlock", `VPC block ${vpc.text} overlaps ${reserved}, which Alibaba Cloud reserves.`,
            "Use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.");
    }
    if (vpc.prefix < 8 || vpc.prefix > 28) {
        problems.add("cidrBlock", `VPC block ${vpc.text} is /${vpc.prefix}; Alibaba Cloud accepts /8 to /28.`,
            "Choose a VPC mask from /8 to /28.");
    }
}
