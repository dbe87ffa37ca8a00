import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { recordOf } from "../../checks";
import { newStackProvider } from "../../providers";
import { ExistingRegionalVpcArgs, REGIONAL_VPC_TYPE, RegionalVpcArgs, VSwitchInfo } from "./args";
import { validateExistingRegionalVpcArgs, validateRegionalVpcArgs } from "./checks";

/**
 * What {@link RegionalVpc.fromExisting} hands the constructor, so the args are checked as the
 * description of an existing VPC whatever they hold. Not exported: only fromExisting passes it.
 */
const EXISTING: unique symbol = Symbol("RegionalVpc.fromExisting");

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
    static fromExisting(
        name: string,
        args: ExistingRegionalVpcArgs,
        opts?: pulumi.ComponentResourceOptions,
    ): RegionalVpc {
        return new RegionalVpc(name, args, opts, EXISTING);
    }

    /** Creates a VPC; describe one that exists with {@link RegionalVpc.fromExisting}. */
    constructor(name: string, args: RegionalVpcArgs, opts?: pulumi.ComponentResourceOptions);
    /** @internal {@link RegionalVpc.fromExisting}'s way in. */
    constructor(
        name: string,
        args: ExistingRegionalVpcArgs,
        opts: pulumi.ComponentResourceOptions | undefined,
        existing: typeof EXISTING,
    );
    constructor(
        name: string,
        args: RegionalVpcArgs | ExistingRegionalVpcArgs,
        opts?: pulumi.ComponentResourceOptions,
        existing?: typeof EXISTING,
    ) {
        const plan =
            existing === EXISTING
                ? validateExistingRegionalVpcArgs(name, args as ExistingRegionalVpcArgs, opts)
                : validateRegionalVpcArgs(name, args as RegionalVpcArgs, opts);
        super(REGIONAL_VPC_TYPE, name, {}, opts);
        this.region = plan.region;
        this.cidrBlock = plan.cidrBlock;
        this.ipv6Enabled = plan.ipv6Enabled;
        this.provider =
            plan.provider ??
            newStackProvider("alicloud", `${name}-provider`, { region: plan.region }, { parent: this });

        if (plan.kind === "existing") {
            this.vpcId = pulumi.output(plan.vpcId);
            this.routeTableId = pulumi.output(plan.routeTableId);
            this.knownRouteTableId = plan.knownRouteTableId;
            this.vSwitches = recordOf(plan.vSwitches.map(v => [v.name, { ...v, id: pulumi.output(v.id) }]));
        } else {
            const childOpts = { parent: this, provider: this.provider };
            const vpc = new alicloud.vpc.Network(
                `${name}-vpc`,
                {
                    vpcName: plan.vpcName,
                    cidrBlock: plan.cidrBlock,
                    enableIpv6: plan.ipv6Enabled || undefined,
                    tags: plan.tags,
                },
                childOpts,
            );
            this.vpc = vpc;
            this.vpcId = vpc.id;
            this.routeTableId = vpc.routeTableId;
            if (plan.ipv6GatewayName !== undefined) {
                this.ipv6GatewayId = new alicloud.vpc.Ipv6Gateway(
                    `${name}-ipv6gw`,
                    {
                        vpcId: vpc.id,
                        ipv6GatewayName: plan.ipv6GatewayName,
                        tags: plan.tags,
                    },
                    childOpts,
                ).id;
            }
            this.vSwitches = recordOf(
                plan.vSwitches.map(v => {
                    const ipv6 = v.ipv6CidrBlockMask !== undefined;
                    const vsw = new alicloud.vpc.Switch(
                        `${name}-${v.name}`,
                        {
                            vswitchName: v.name,
                            vpcId: vpc.id,
                            zoneId: v.zoneId,
                            cidrBlock: v.cidrBlock,
                            enableIpv6: ipv6 || undefined,
                            ipv6CidrBlockMask: v.ipv6CidrBlockMask,
                            tags: plan.tags,
                        },
                        childOpts,
                    );
                    const info: VSwitchInfo = {
                        name: v.name,
                        id: vsw.id,
                        zoneId: v.zoneId,
                        cidrBlock: v.cidrBlock,
                        ipv6Enabled: ipv6,
                        ipv6CidrBlock: ipv6 ? vsw.ipv6CidrBlock : undefined,
                    };
                    return [v.name, info];
                }),
            );
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
