import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { checkIntegerInRange, checkKnownName, checkUnique, recordOf } from "../checks";
import { Problems, validate } from "../errors";
import { Cidr, checkCidr, checkNoOverlaps, cidrContains, firstOverlapping } from "../net";
import { checkStackProviderConfig, newStackProvider, userProvider } from "../providers";
import { checkAlibabaName } from "./names";
import { checkRegion, checkZone } from "./regions";

/** One vSwitch to create: a zone and an IPv4 block inside the VPC. */
export interface VSwitchArgs {
    /** Zone id in the VPC's region, e.g. `cn-chengdu-a`. */
    zoneId: string;
    /** IPv4 block, /16 to /29, inside the VPC block and disjoint from the other vSwitches. */
    cidrBlock: string;
    /**
     * Index of this vSwitch's /64 inside the VPC's IPv6 /56 (0–255). Setting it enables IPv6 on
     * the vSwitch and requires `enableIpv6` on the VPC. Default: no IPv6.
     */
    ipv6CidrBlockMask?: number;
}

/** Arguments of a {@link RegionalVpc} created by this component. */
export interface RegionalVpcArgs {
    /** Region id, e.g. `cn-chengdu`. */
    region: string;
    /**
     * Primary IPv4 block, /8 to /28. Not inside 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16 or
     * 224.0.0.0/4, which Alibaba Cloud reserves.
     */
    cidrBlock: string;
    /** vSwitches by name; the names key the `vSwitches` output. At least one. */
    vSwitches: Record<string, VSwitchArgs>;
    /** Assign an IPv6 /56 to the VPC and create an IPv6 gateway. Default: false. */
    enableIpv6?: boolean;
    /** Name of the VPC in the console. Default: the component's name. */
    vpcName?: string;
    /**
     * Provider for the region. Default: the `alicloud` provider in `opts.provider` /
     * `opts.providers` of this component (a parent's is not taken), else a new provider for `region`
     * carrying the stack's `alicloud:*` configuration.
     */
    provider?: alicloud.Provider;
    /** Tags on the VPC, vSwitches and IPv6 gateway. */
    tags?: Record<string, string>;
}

/** A vSwitch that already exists. */
export interface ExistingVSwitchArgs {
    /** vSwitch id, `vsw-…`. */
    id: pulumi.Input<string>;
    /** Zone id of the vSwitch. */
    zoneId: string;
    /** IPv4 block of the vSwitch, as in the console. */
    cidrBlock: string;
    /** True when the vSwitch has an IPv6 block. Default: false. */
    ipv6Enabled?: boolean;
}

/** Arguments describing a VPC that already exists, so components can build on it. */
export interface ExistingRegionalVpcArgs {
    /** Region id of the VPC. */
    region: string;
    /** VPC id, `vpc-…`. */
    vpcId: pulumi.Input<string>;
    /** Primary IPv4 block of the VPC, as in the console. */
    cidrBlock: string;
    /** Id of the VPC's system route table, `vtb-…`. */
    routeTableId: pulumi.Input<string>;
    /** The vSwitches components may use, by name. At least one. */
    vSwitches: Record<string, ExistingVSwitchArgs>;
    /** True when the VPC has IPv6 enabled. Default: false. */
    ipv6Enabled?: boolean;
    /**
     * Provider for the region. Default: the `alicloud` provider in `opts.provider` /
     * `opts.providers` of this component (a parent's is not taken), else a new provider for `region`
     * carrying the stack's `alicloud:*` configuration.
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

const TYPE = "topologies:alicloud:RegionalVpc";

/**
 * The first vSwitch of each zone, in declaration order: where a component places itself (ALB,
 * CEN attachment) when its vSwitches are not named.
 */
export function firstVSwitchPerZone(vpc: RegionalVpc): VSwitchInfo[] {
    const byZone = new Map<string, VSwitchInfo>();
    for (const vsw of Object.values(vpc.vSwitches)) {
        if (!byZone.has(vsw.zoneId)) byZone.set(vsw.zoneId, vsw);
    }
    return [...byZone.values()];
}

/**
 * The vSwitch named `name` in `vpc`, or a problem at `path` naming the VPC and the vSwitches to
 * use (with the closest spelling). The one way every component looks up a vSwitch a user names.
 */
export function findVSwitch(problems: Problems, path: string, vpc: RegionalVpc, name: string): VSwitchInfo | undefined {
    const known = Object.keys(vpc.vSwitches);
    return checkKnownName(problems, path, name, known, "vSwitch", `a vSwitch of VPC '${pulumi.resourceName(vpc)}'`) ? vpc.vSwitches[name] : undefined;
}

/** The vSwitches named in the list at `path` (problems at `path[i]`), in list order, unknown ones left out. */
export function findVSwitches(problems: Problems, path: string, vpc: RegionalVpc, names: readonly string[]): VSwitchInfo[] {
    return names.flatMap((name, i) => findVSwitch(problems, `${path}[${i}]`, vpc, name) ?? []);
}

/** Blocks Alibaba Cloud refuses as a VPC's primary block. */
export const RESERVED_VPC_RANGES: readonly string[] = ["100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4"];

interface VSwitchSpec {
    zoneId: string;
    cidrBlock: string;
    ipv6CidrBlockMask?: number;
}

function isExisting(args: RegionalVpcArgs | ExistingRegionalVpcArgs): args is ExistingRegionalVpcArgs {
    return "vpcId" in args;
}

/** The names the VPC, its vSwitches and its IPv6 gateway get, against the API's and provider's rules. */
function checkVpcNames(problems: Problems, name: string, args: RegionalVpcArgs): void {
    const vpcName = args.vpcName ?? name;
    const vpcNamePath = args.vpcName === undefined ? "name" : "vpcName";
    const ok = checkAlibabaName(problems, vpcNamePath, vpcName, "general", "VPC",
        args.vpcName === undefined ? "The VPC takes the component's name: set vpcName." : undefined);
    if (ok && args.enableIpv6) {
        checkAlibabaName(problems, vpcNamePath, `${vpcName}-ipv6gw`, "ipv6Gateway", "IPv6 gateway",
            "The IPv6 gateway is named '<vpcName>-ipv6gw': use a vpcName of letters, digits, '_' and '-' (no '.') starting with a letter.");
    }
    for (const key of Object.keys(args.vSwitches ?? {})) {
        checkAlibabaName(problems, `vSwitches.${key}`, key, "general", "vSwitch", "The vSwitch takes its key as its name: rename the key.");
    }
}

/**
 * Checks a VPC description, created or existing, and returns the canonical VPC block. Pure: it
 * registers nothing, so it can run (and be tested) on its own.
 */
export function validateRegionalVpcArgs(name: string, args: RegionalVpcArgs | ExistingRegionalVpcArgs): string {
    return validate(`${TYPE} '${name}'`, problems => checkVpcArgs(problems, name, args));
}

function checkVpcArgs(problems: Problems, name: string, args: RegionalVpcArgs | ExistingRegionalVpcArgs): string {
    const regionOk = checkRegion(problems, "region", args.region);
    if (args.provider === undefined) checkStackProviderConfig(problems, "alicloud");
    const vpc = checkCidr(problems, "cidrBlock", args.cidrBlock, 4);
    if (vpc) checkVpcBlock(problems, vpc);

    const existing = isExisting(args);
    if (!existing) checkVpcNames(problems, name, args);
    const ipv6 = existing ? args.ipv6Enabled ?? false : args.enableIpv6 ?? false;
    const entries = Object.entries(args.vSwitches ?? {}) as Array<[string, VSwitchSpec & { ipv6Enabled?: boolean }]>;
    if (entries.length === 0) {
        problems.add("vSwitches", "no vSwitch is given.", "Add at least one vSwitch with a zone and a block inside the VPC.");
    }
    const placed = [];
    for (const [key, vsw] of entries) {
        const path = `vSwitches.${key}`;
        if (regionOk) checkZone(problems, `${path}.zoneId`, vsw.zoneId, args.region);
        const block = checkCidr(problems, `${path}.cidrBlock`, vsw.cidrBlock, 4);
        if (block) {
            if (!existing && (block.prefix < 16 || block.prefix > 29)) {
                problems.add(`${path}.cidrBlock`, `vSwitch block ${block.text} is /${block.prefix}; Alibaba Cloud accepts /16 to /29.`,
                    "Choose a vSwitch mask from /16 to /29.");
            }
            if (vpc && !cidrContains(vpc, block)) {
                problems.add(`${path}.cidrBlock`, `vSwitch '${key}' ${block.text} is not inside the VPC block ${vpc.text}.`,
                    `Choose a block inside ${vpc.text}.`);
            }
            placed.push({ name: `vSwitch '${key}'`, cidr: block, path: `${path}.cidrBlock` });
        }
        if (!existing && vsw.ipv6CidrBlockMask !== undefined) {
            checkIntegerInRange(problems, `${path}.ipv6CidrBlockMask`, vsw.ipv6CidrBlockMask, 0, 255, "IPv6 /64 index");
            if (!ipv6) {
                problems.add(`${path}.ipv6CidrBlockMask`, `vSwitch '${key}' asks for IPv6 but the VPC has IPv6 disabled.`,
                    "Set enableIpv6: true on the VPC, or drop ipv6CidrBlockMask.");
            }
        }
    }
    if (!existing) {
        checkUnique(problems, entries.filter(([, v]) => v.ipv6CidrBlockMask !== undefined)
            .map(([key, v]) => ({ path: `vSwitches.${key}.ipv6CidrBlockMask`, key: String(v.ipv6CidrBlockMask) })), "IPv6 /64 index");
    }
    checkNoOverlaps(problems, placed, "Give every vSwitch of a VPC a disjoint block.");
    return vpc?.text ?? args.cidrBlock;
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

/**
 * A VPC with named vSwitches in one Alibaba Cloud region, with the region's provider. Every
 * other Alibaba Cloud component takes one of these as its network, created here or described
 * with {@link RegionalVpc.fromExisting}.
 *
 * All CIDRs are plain strings so they are checked before anything is registered: region and
 * zones known, VPC block not reserved and /8–/28, vSwitches /16–/29 inside it and disjoint.
 */
export class RegionalVpc extends pulumi.ComponentResource {
    /** Region id. */
    readonly region: string;
    /** Canonical primary IPv4 block. */
    readonly cidrBlock: string;
    /** The provider every resource in this VPC's region must use. */
    readonly provider: alicloud.Provider;
    /** VPC id. */
    readonly vpcId: pulumi.Output<string>;
    /** Id of the VPC's system route table (the only one cross-region ALB traffic may use). */
    readonly routeTableId: pulumi.Output<string>;
    /**
     * The system route table id as text, when it is known before deployment (an existing VPC
     * described with a plain string), so components can compare a route table id they are given.
     */
    readonly knownRouteTableId?: string;
    /** vSwitches by name. */
    readonly vSwitches: Readonly<Record<string, VSwitchInfo>>;
    /** True when the VPC has IPv6. */
    readonly ipv6Enabled: boolean;
    /** IPv6 gateway id, when this component created one. */
    readonly ipv6GatewayId?: pulumi.Output<string>;
    /** The VPC resource, when this component created it (not for an existing VPC). */
    readonly vpc?: alicloud.vpc.Network;

    /**
     * Describes a VPC that already exists; registers no VPC or vSwitch, only checks the
     * description and (unless one is given) creates the region's provider.
     */
    static fromExisting(name: string, args: ExistingRegionalVpcArgs, opts?: pulumi.ComponentResourceOptions): RegionalVpc {
        return new RegionalVpc(name, args, opts);
    }

    constructor(name: string, args: RegionalVpcArgs | ExistingRegionalVpcArgs, opts?: pulumi.ComponentResourceOptions) {
        const cidrBlock = validateRegionalVpcArgs(name, args);
        super(TYPE, name, {}, opts);
        this.region = args.region;
        this.cidrBlock = cidrBlock;
        this.provider = args.provider ?? userProvider<alicloud.Provider>(opts, "alicloud")
            ?? newStackProvider("alicloud", `${name}-provider`, { region: args.region }, { parent: this });

        if (isExisting(args)) {
            this.ipv6Enabled = args.ipv6Enabled ?? false;
            this.vpcId = pulumi.output(args.vpcId);
            this.routeTableId = pulumi.output(args.routeTableId);
            if (typeof args.routeTableId === "string") this.knownRouteTableId = args.routeTableId;
            this.vSwitches = recordOf(Object.entries(args.vSwitches).map(([key, v]) => [key, {
                name: key, id: pulumi.output(v.id), zoneId: v.zoneId, cidrBlock: v.cidrBlock, ipv6Enabled: v.ipv6Enabled ?? false,
            }]));
        } else {
            const childOpts = { parent: this, provider: this.provider };
            this.ipv6Enabled = args.enableIpv6 ?? false;
            const vpc = new alicloud.vpc.Network(`${name}-vpc`, {
                vpcName: args.vpcName ?? name,
                cidrBlock,
                enableIpv6: this.ipv6Enabled || undefined,
                tags: args.tags,
            }, childOpts);
            this.vpc = vpc;
            this.vpcId = vpc.id;
            this.routeTableId = vpc.routeTableId;
            if (this.ipv6Enabled) {
                this.ipv6GatewayId = new alicloud.vpc.Ipv6Gateway(`${name}-ipv6gw`, {
                    vpcId: vpc.id,
                    ipv6GatewayName: `${args.vpcName ?? name}-ipv6gw`,
                    tags: args.tags,
                }, childOpts).id;
            }
            this.vSwitches = recordOf(Object.entries(args.vSwitches).map(([key, v]) => {
                const ipv6 = v.ipv6CidrBlockMask !== undefined;
                const vsw = new alicloud.vpc.Switch(`${name}-${key}`, {
                    vswitchName: key,
                    vpcId: vpc.id,
                    zoneId: v.zoneId,
                    cidrBlock: v.cidrBlock,
                    enableIpv6: ipv6 || undefined,
                    ipv6CidrBlockMask: v.ipv6CidrBlockMask,
                    tags: args.tags,
                }, childOpts);
                return [key, { name: key, id: vsw.id, zoneId: v.zoneId, cidrBlock: v.cidrBlock, ipv6Enabled: ipv6, ipv6CidrBlock: ipv6 ? vsw.ipv6CidrBlock : undefined }];
            }));
        }

        this.registerOutputs({
            vpcId: this.vpcId,
            routeTableId: this.routeTableId,
            cidrBlock: this.cidrBlock,
            vSwitchIds: Object.fromEntries(Object.entries(this.vSwitches).map(([key, v]) => [key, v.id])),
            ipv6GatewayId: this.ipv6GatewayId,
        });
    }
}
