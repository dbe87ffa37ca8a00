/**
 * The checks of a {@link RegionalVpc}: the args' shape first, then region and zones known, the
 * VPC block not reserved and /8–/28, vSwitches /16–/29 inside it and disjoint, IPv6 only on an
 * IPv6 VPC, and the names the API takes. Pure: they register nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { checkUnique } from "../../checks";
import { Problems, validate } from "../../errors";
import { Cidr, PlacedCidr, checkCidr, checkNoOverlaps, cidrContains, firstOverlapping } from "../../net";
import { checkStackProviderConfig, userProvider } from "../../providers";
import { checkShape } from "../../shape";
import { checkedId } from "../ids";
import { checkAlibabaName } from "../names";
import { checkRegion, checkZone } from "../regions";
import {
    CreatedRegionalVpcPlan,
    ExistingRegionalVpcArgs,
    ExistingRegionalVpcPlan,
    REGIONAL_VPC_TYPE,
    RegionalVpcArgs,
} from "./args";
import { EXISTING_REGIONAL_VPC_SHAPE, REGIONAL_VPC_SHAPE } from "./shape";

/** Blocks Alibaba Cloud refuses as a VPC's primary block. */
export const RESERVED_VPC_RANGES: readonly string[] = ["100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4"];

/**
 * Checks the args of a VPC to create and returns its plan. Pure: it registers nothing, so it can
 * run (and be tested) on its own.
 */
export function validateRegionalVpcArgs(
    name: string,
    args: RegionalVpcArgs,
    opts?: pulumi.ComponentResourceOptions,
): CreatedRegionalVpcPlan {
    // validate throws when the check recorded a problem, and the check returns a plan when it recorded none.
    return validate(componentOf(name), problems => checkRegionalVpcArgs(problems, name, args, opts))!;
}

/** Checks the description of a VPC that exists ({@link RegionalVpc.fromExisting}) and returns its plan. */
export function validateExistingRegionalVpcArgs(
    name: string,
    args: ExistingRegionalVpcArgs,
    opts?: pulumi.ComponentResourceOptions,
): ExistingRegionalVpcPlan {
    return validate(componentOf(name), problems => checkExistingRegionalVpcArgs(problems, name, args, opts))!;
}

/**
 * Records every problem of the args of a VPC to create in `problems` (a parent passes a scope,
 * `problems.under("vpc")`) and returns the plan, every default resolved; undefined when it
 * recorded a problem. `opts` are the component's own: a provider in them is the VPC's.
 */
export function checkRegionalVpcArgs(
    problems: Problems,
    name: string,
    args: RegionalVpcArgs,
    opts?: pulumi.ComponentResourceOptions,
): CreatedRegionalVpcPlan | undefined {
    const before = problems.count;
    if (isObject(args) && Object.hasOwn(args, "vpcId")) {
        problems.add(
            "vpcId",
            "describes a VPC that exists, and new RegionalVpc creates one.",
            "Describe an existing VPC with RegionalVpc.fromExisting(name, args).",
        );
        return undefined;
    }
    if (!checkShape(problems, REGIONAL_VPC_SHAPE, args)) return undefined;
    const regionOk = checkRegion(problems, "region", args.region);
    const provider = checkProvider(problems, args.provider, opts);
    const vpc = checkVpcBlock(problems, args.cidrBlock);
    const vpcName = checkVpcNames(problems, name, args);
    const ipv6Enabled = args.enableIpv6 ?? false;
    const vSwitches = Object.entries(args.vSwitches);
    const blocks = checkVSwitches(problems, args.region, vSwitches, { vpc, regionOk, existing: false });
    checkIpv6Indexes(problems, vSwitches, ipv6Enabled);
    if (problems.count > before || !vpc) return undefined;
    return {
        kind: "created",
        region: args.region,
        cidrBlock: vpc.text,
        provider,
        ipv6Enabled,
        vpcName,
        ipv6GatewayName: ipv6Enabled ? ipv6GatewayName(vpcName) : undefined,
        vSwitches: vSwitches.map(([key, v]) => ({
            name: key,
            zoneId: v.zoneId,
            cidrBlock: blocks.get(key)!,
            ipv6CidrBlockMask: v.ipv6CidrBlockMask,
        })),
        tags: args.tags,
    };
}

/**
 * Records every problem of the description of an existing VPC in `problems` and returns its plan;
 * undefined when it recorded a problem. Ids given as Outputs are checked when they resolve.
 */
export function checkExistingRegionalVpcArgs(
    problems: Problems,
    name: string,
    args: ExistingRegionalVpcArgs,
    opts?: pulumi.ComponentResourceOptions,
): ExistingRegionalVpcPlan | undefined {
    const before = problems.count;
    if (!checkShape(problems, EXISTING_REGIONAL_VPC_SHAPE, args)) return undefined;
    const regionOk = checkRegion(problems, "region", args.region);
    const provider = checkProvider(problems, args.provider, opts);
    const vpc = checkVpcBlock(problems, args.cidrBlock);
    const ipv6Enabled = args.ipv6Enabled ?? false;
    const vSwitches = Object.entries(args.vSwitches);
    const blocks = checkVSwitches(problems, args.region, vSwitches, { vpc, regionOk, existing: true });
    if (problems.count > before || !vpc) return undefined;
    // Only a clean plan checks its Outputs: a discarded one would leave their rejections unheard.
    const component = componentOf(name);
    return {
        kind: "existing",
        region: args.region,
        cidrBlock: vpc.text,
        provider,
        ipv6Enabled,
        vpcId: checkedId(args.vpcId, "vpc", component, "vpcId"),
        routeTableId: checkedId(args.routeTableId, "routeTable", component, "routeTableId"),
        knownRouteTableId: typeof args.routeTableId === "string" ? args.routeTableId : undefined,
        vSwitches: vSwitches.map(([key, v]) => ({
            name: key,
            id: checkedId(v.id, "vSwitch", component, `vSwitches.${key}.id`),
            zoneId: v.zoneId,
            cidrBlock: blocks.get(key)!,
            ipv6Enabled: v.ipv6Enabled ?? false,
        })),
    };
}

function componentOf(name: string): string {
    return `${REGIONAL_VPC_TYPE} '${name}'`;
}

function isObject(value: unknown): value is object {
    return typeof value === "object" && value !== null;
}

/**
 * The provider of the args or the component's own opts; with neither, the component creates one
 * from the stack's `alicloud:*` configuration, which must then be readable.
 */
function checkProvider(
    problems: Problems,
    given: alicloud.Provider | undefined,
    opts: pulumi.ComponentResourceOptions | undefined,
): alicloud.Provider | undefined {
    const provider = given ?? userProvider<alicloud.Provider>(opts, "alicloud");
    if (provider === undefined) checkStackProviderConfig(problems, "alicloud");
    return provider;
}

/**
 * The names the VPC, its vSwitches and its IPv6 gateway get, against the API's and provider's
 * rules; returns the VPC's name.
 */
function checkVpcNames(problems: Problems, name: string, args: RegionalVpcArgs): string {
    const vpcName = args.vpcName ?? name;
    const vpcNamePath = args.vpcName === undefined ? "name" : "vpcName";
    const ok = checkAlibabaName(
        problems,
        vpcNamePath,
        vpcName,
        "general",
        "VPC",
        args.vpcName === undefined ? "The VPC takes the component's name: set vpcName." : undefined,
    );
    if (ok && args.enableIpv6) {
        checkAlibabaName(
            problems,
            vpcNamePath,
            ipv6GatewayName(vpcName),
            "ipv6Gateway",
            "IPv6 gateway",
            "The IPv6 gateway is named '<vpcName>-ipv6gw': use a vpcName of letters, digits, '_' and '-' (no '.') " +
                "starting with a letter.",
        );
    }
    for (const key of Object.keys(args.vSwitches)) {
        checkAlibabaName(
            problems,
            `vSwitches.${key}`,
            key,
            "general",
            "vSwitch",
            "The vSwitch takes its key as its name: rename the key.",
        );
    }
    return vpcName;
}

function ipv6GatewayName(vpcName: string): string {
    return `${vpcName}-ipv6gw`;
}

/** What the vSwitch checks need to know of the VPC. */
interface VpcFacts {
    /** The VPC block, when it parsed. */
    readonly vpc?: Cidr;
    readonly regionOk: boolean;
    /** An existing vSwitch is as the cloud made it: it is not held to today's size limits. */
    readonly existing: boolean;
}

/** The fields of either kind of vSwitch that the block and zone checks read. */
interface VSwitchPlace {
    readonly zoneId: string;
    readonly cidrBlock: string;
}

/**
 * Checks every vSwitch's zone and block and returns the canonical blocks of those that parsed,
 * by key.
 */
function checkVSwitches(
    problems: Problems,
    region: string,
    vSwitches: ReadonlyArray<[string, VSwitchPlace]>,
    { vpc, regionOk, existing }: VpcFacts,
): Map<string, string> {
    if (vSwitches.length === 0) {
        problems.add(
            "vSwitches",
            "no vSwitch is given.",
            "Add at least one vSwitch with a zone and a block inside the VPC.",
        );
    }
    const placed: PlacedCidr[] = [];
    const blocks = new Map<string, string>();
    for (const [key, vsw] of vSwitches) {
        const path = `vSwitches.${key}`;
        if (regionOk) checkZone(problems, `${path}.zoneId`, vsw.zoneId, region);
        const block = checkCidr(problems, `${path}.cidrBlock`, vsw.cidrBlock, 4);
        if (!block) continue;
        blocks.set(key, block.text);
        if (!existing && (block.prefix < 16 || block.prefix > 29)) {
            problems.add(
                `${path}.cidrBlock`,
                `vSwitch block ${block.text} is /${block.prefix}; Alibaba Cloud accepts /16 to /29.`,
                "Choose a vSwitch mask from /16 to /29.",
            );
        }
        if (vpc && !cidrContains(vpc, block)) {
            problems.add(
                `${path}.cidrBlock`,
                `vSwitch '${key}' ${block.text} is not inside the VPC block ${vpc.text}.`,
                `Choose a block inside ${vpc.text}.`,
            );
        }
        placed.push({ name: `vSwitch '${key}'`, cidr: block, path: `${path}.cidrBlock` });
    }
    checkNoOverlaps(problems, placed, "Give every vSwitch of a VPC a disjoint block.");
    return blocks;
}

/** IPv6 /64 indexes (their range is the shape's): only in an IPv6 VPC, each once. */
function checkIpv6Indexes(
    problems: Problems,
    vSwitches: ReadonlyArray<[string, { ipv6CidrBlockMask?: number }]>,
    ipv6Enabled: boolean,
): void {
    const asked = vSwitches.filter(([, v]) => v.ipv6CidrBlockMask !== undefined);
    if (!ipv6Enabled) {
        for (const [key] of asked) {
            problems.add(
                `vSwitches.${key}.ipv6CidrBlockMask`,
                `vSwitch '${key}' asks for IPv6 but the VPC has IPv6 disabled.`,
                "Set enableIpv6: true on the VPC, or drop ipv6CidrBlockMask.",
            );
        }
    }
    checkUnique(
        problems,
        asked.map(([key, v]) => ({
            path: `vSwitches.${key}.ipv6CidrBlockMask`,
            key: String(v.ipv6CidrBlockMask),
        })),
        "IPv6 /64 index",
    );
}

/** The VPC block, when it parses: not reserved, /8 to /28. */
function checkVpcBlock(problems: Problems, text: string): Cidr | undefined {
    const vpc = checkCidr(problems, "cidrBlock", text, 4);
    if (!vpc) return undefined;
    const reserved = firstOverlapping(vpc, RESERVED_VPC_RANGES);
    if (reserved) {
        problems.add(
            "cidrBlock",
            `VPC block ${vpc.text} overlaps ${reserved}, which Alibaba Cloud reserves.`,
            "Use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.",
        );
    }
    if (vpc.prefix < 8 || vpc.prefix > 28) {
        problems.add(
            "cidrBlock",
            `VPC block ${vpc.text} is /${vpc.prefix}; Alibaba Cloud accepts /8 to /28.`,
            "Choose a VPC mask from /8 to /28.",
        );
    }
    return vpc;
}
