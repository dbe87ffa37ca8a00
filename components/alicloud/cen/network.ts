import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { validate } from "../../errors";
import { addressSlug } from "../../net";
import { userProvider } from "../../providers";
import { regionPairKey } from "../regions";
import { RegionalVpc } from "../vpc";
import { CenAttachmentInfo, CenTransitNetworkArgs, CenTransitRouterInfo } from "./args";
import { CEN_TRANSIT_NETWORK_TYPE, validateCenTransitNetworkArgs } from "./check";
import { checkTransitRouterRoutes, checkVpcRoutes } from "./checkRoutes";
import { newBandwidthPackage } from "./bandwidthPackage";
import { CenTransitNetworkPlan } from "./plan";
import { RouteChains } from "./routeChain";

/** Attachments and peerings take minutes to build and to tear down. */
const SLOW = { create: "30m", update: "30m", delete: "30m" };

/** The route-chain name of a member VPC's system route table. */
const vpcTable = (member: string) => `vpc:${member}`;
/** The route-chain name of a region's transit-router system route table. */
const transitRouterTable = (region: string) => `tr:${region}`;

/**
 * A Cloud Enterprise Network joining VPCs in any number of regions: one CEN instance, one
 * Enterprise Edition transit router per member region, a VPC attachment per member (one vSwitch
 * per transit-router zone), explicit association and propagation on each transit router's system
 * route table, inter-region connections (full mesh or listed pairs) billed by data transfer or
 * drawing bandwidth from the bandwidth package of their pair of geographic areas, each
 * advertising its router's routes to the peer, and extra VPC and
 * transit-router route entries. A VPC attachment writes no route into its VPC: only the
 * `vpcRoutes` given (or added with {@link addVpcRoutes}) send traffic to the transit router.
 *
 * Writes to one route table happen one after another (a `dependsOn` chain per table), because
 * the cloud rejects concurrent writes to one table; different tables are written in parallel.
 * Components that join an existing network add their routes with {@link addVpcRoutes} and
 * {@link addTransitRouterRoutes}, which continue the same chains.
 */
export class CenTransitNetwork extends pulumi.ComponentResource {
    /** CEN instance id, `cen-…`. */
    readonly cenId: pulumi.Output<string>;
    /** Transit router per member region. */
    readonly transitRouters: Readonly<Record<string, CenTransitRouterInfo>>;
    /** VPC attachment per member. */
    readonly attachments: Readonly<Record<string, CenAttachmentInfo>>;
    /**
     * Inter-region connection ids by region pair `a:b` (the first region created it). To look one
     * up by its regions in either order, use {@link peerAttachmentId}.
     */
    readonly peerAttachmentIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Id of the bandwidth package, when the connections draw from exactly one. */
    readonly bandwidthPackageId?: pulumi.Output<string>;
    /**
     * Ids of the bandwidth packages by pair of geographic areas (`China/Europe`); empty when the
     * connections are billed by data transfer.
     */
    readonly bandwidthPackageIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Ids of the VPC route entries given in the args, by `member:cidr`. */
    readonly vpcRouteEntryIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Ids (`rte-…`) of the transit-router route entries given in the args, by `region:cidr`. */
    readonly transitRouterRouteEntryIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Member name → VPC and region, for components that build on this network. */
    readonly members: Readonly<Record<string, { readonly vpc: RegionalVpc; readonly region: string }>>;

    private readonly networkName: string;
    /** The connections by {@link regionPairKey}, so either order of the regions finds them. */
    private readonly peerAttachmentsByPair = new Map<string, pulumi.Output<string>>();
    /** Every route table's write chain. */
    private readonly routeChains = new RouteChains();

    constructor(name: string, args: CenTransitNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateCenTransitNetworkArgs(name, args, opts);
        super(CEN_TRANSIT_NETWORK_TYPE, name, {}, opts);
        this.networkName = name;
        this.members = Object.fromEntries(
            Object.entries(plan.members).map(([key, m]) => [key, { vpc: m.vpc, region: m.region }]),
        );
        const providers = regionProviders(plan, opts);
        const inRegion = (region: string) => ({ parent: this, provider: providers.get(region)! });

        // CEN is a global service; any region's endpoint creates it.
        const cen = new alicloud.cen.Instance(
            `${name}-cen`,
            {
                cenInstanceName: plan.cenInstanceName,
                tags: plan.tags,
            },
            inRegion(plan.regions[0]),
        );
        this.cenId = cen.id;

        const transitRouters: Record<string, CenTransitRouterInfo> = {};
        for (const region of plan.regions) {
            // A transit router created in a CEN is Enterprise Edition, the only kind that carries inter-region traffic.
            const tr = new alicloud.cen.TransitRouter(
                `${name}-tr-${region}`,
                {
                    cenId: cen.id,
                    transitRouterName: plan.transitRouterNames[region],
                    tags: plan.tags,
                },
                inRegion(region),
            );
            const tables = alicloud.cen.getTransitRouterRouteTablesOutput(
                {
                    transitRouterId: tr.transitRouterId,
                    transitRouterRouteTableType: "System",
                },
                inRegion(region),
            );
            const routeTableId = tables.apply(t => {
                const id = t.tables[0]?.transitRouterRouteTableId;
                if (!id)
                    throw new Error(`transit router ${t.transitRouterId} in ${region} reports no system route table`);
                return id;
            });
            transitRouters[region] = {
                transitRouterId: tr.transitRouterId,
                routeTableId,
                provider: providers.get(region)!,
            };
        }
        this.transitRouters = transitRouters;

        const attachments: Record<string, CenAttachmentInfo> = {};
        for (const [key, member] of Object.entries(plan.members)) {
            const router = transitRouters[member.region];
            const attachment = new alicloud.cen.TransitRouterVpcAttachment(
                `${name}-${key}-attach`,
                {
                    cenId: cen.id,
                    transitRouterId: router.transitRouterId,
                    vpcId: member.vpc.vpcId,
                    zoneMappings: member.attachmentVSwitches.map(v => ({ zoneId: v.zoneId, vswitchId: v.id })),
                    paymentType: "PayAsYouGo",
                    transitRouterVpcAttachmentName: member.attachmentName,
                    tags: plan.tags,
                },
                { ...inRegion(member.region), customTimeouts: SLOW },
            );
            const association = this.associate(`${name}-${key}`, attachment.transitRouterAttachmentId, member.region);
            attachments[key] = {
                attachmentId: attachment.transitRouterAttachmentId,
                region: member.region,
                association,
            };
        }
        this.attachments = attachments;

        // One package per pair of areas, named by its pair, so adding a second pair keeps the
        // first (a PrePaid package that left the state would bill on and be bought again). The
        // alias carries a package from the releases that named the only one `<name>-bwp`.
        const bindings = new Map<string, alicloud.cen.BandwidthPackageAttachment>();
        for (const pkg of plan.packages) {
            const alias = (suffix: string) =>
                plan.packages.length === 1 ? { aliases: [{ name: `${name}-bwp${suffix}` }] } : {};
            const logical = `${name}-bwp-${pkg.areasSlug}`;
            const packageId =
                pkg.existingId !== undefined
                    ? pulumi.output(pkg.existingId)
                    : newBandwidthPackage(logical, pkg, { ...inRegion(plan.regions[0]), ...alias("") }).id;
            bindings.set(
                pkg.areaPair,
                new alicloud.cen.BandwidthPackageAttachment(
                    `${logical}-attach`,
                    {
                        instanceId: cen.id,
                        bandwidthPackageId: packageId,
                    },
                    { ...inRegion(plan.regions[0]), ...alias("-attach") },
                ),
            );
        }
        this.bandwidthPackageIds = Object.fromEntries([...bindings].map(([pair, b]) => [pair, b.bandwidthPackageId]));
        this.bandwidthPackageId = bindings.size === 1 ? [...bindings.values()][0].bandwidthPackageId : undefined;

        const peerAttachmentIds: Record<string, pulumi.Output<string>> = {};
        for (const peering of plan.peerings) {
            const [a, b] = peering.regions;
            const peerName = `${name}-peer-${a}-${b}`;
            const binding = peering.bandwidthType === "BandwidthPackage" ? bindings.get(peering.areaPair) : undefined;
            const peer = new alicloud.cen.TransitRouterPeerAttachment(
                peerName,
                {
                    cenId: cen.id,
                    transitRouterId: transitRouters[a].transitRouterId,
                    peerTransitRouterId: transitRouters[b].transitRouterId,
                    peerTransitRouterRegionId: b,
                    bandwidthType: peering.bandwidthType,
                    cenBandwidthPackageId: binding?.bandwidthPackageId,
                    bandwidth: peering.bandwidthMbps,
                    // The console turns on "automatically advertise routes to the peer region"; the
                    // API's default is off (provider docs: `auto_publish_route_enabled`, false),
                    // and then neither router learns the other region's blocks: no traffic crosses.
                    // The provider updates it in place (UpdateTransitRouterPeerAttachmentAttribute),
                    // so a deployed connection is kept.
                    autoPublishRouteEnabled: true,
                    transitRouterPeerAttachmentName: peerName,
                    tags: plan.tags,
                },
                { ...inRegion(a), customTimeouts: SLOW, dependsOn: binding ? [binding] : [] },
            );
            // The connection shows up on both routers; each side associates and learns through it.
            this.associate(`${peerName}-${a}`, peer.transitRouterAttachmentId, a);
            this.associate(`${peerName}-${b}`, peer.transitRouterAttachmentId, b);
            peerAttachmentIds[peering.key] = peer.transitRouterAttachmentId;
            this.peerAttachmentsByPair.set(regionPairKey(a, b), peer.transitRouterAttachmentId);
        }
        this.peerAttachmentIds = peerAttachmentIds;

        this.vpcRouteEntryIds = Object.fromEntries(
            plan.vpcRoutes.map(r => [`${r.member}:${r.cidr}`, this.writeVpcRoute(name, r.member, r.cidr, this).id]),
        );
        this.transitRouterRouteEntryIds = Object.fromEntries(
            plan.transitRouterRoutes.map(r => [
                `${r.region}:${r.cidr}`,
                this.writeTransitRouterRoute(name, r.region, r.cidr, r.nextHopMember, this).transitRouterRouteEntryId,
            ]),
        );

        this.registerOutputs({
            cenId: this.cenId,
            transitRouterIds: Object.fromEntries(
                Object.entries(transitRouters).map(([r, t]) => [r, t.transitRouterId]),
            ),
            transitRouterRouteTableIds: Object.fromEntries(
                Object.entries(transitRouters).map(([r, t]) => [r, t.routeTableId]),
            ),
            attachmentIds: Object.fromEntries(Object.entries(attachments).map(([k, a]) => [k, a.attachmentId])),
            peerAttachmentIds,
            bandwidthPackageId: this.bandwidthPackageId,
            bandwidthPackageIds: this.bandwidthPackageIds,
            vpcRouteEntryIds: this.vpcRouteEntryIds,
            transitRouterRouteEntryIds: this.transitRouterRouteEntryIds,
        });
    }

    /**
     * Id of the inter-region connection between regions `a` and `b`, in either order; undefined
     * when the network does not connect them.
     */
    peerAttachmentId(a: string, b: string): pulumi.Output<string> | undefined {
        return this.peerAttachmentsByPair.get(regionPairKey(a, b));
    }

    /**
     * Adds entries to a member VPC's system route table sending `cidrs` to the member's
     * attachment, after every write already made to that table by this network (or by other
     * components joining it). Resource names start with `name`; `parent` is the caller.
     * Throws a TopologyValidationError, registering nothing, for an unknown member or a bad block.
     */
    addVpcRoutes(
        name: string,
        member: string,
        cidrs: readonly string[],
        parent: pulumi.Resource,
    ): alicloud.vpc.RouteEntry[] {
        const caller = `${CEN_TRANSIT_NETWORK_TYPE} '${this.networkName}' addVpcRoutes('${name}')`;
        const checked = validate(caller, problems =>
            checkVpcRoutes(
                problems,
                cidrs.map(c => ({ member, destinationCidrBlock: c })),
                this.members,
            ),
        );
        return checked.map(r => this.writeVpcRoute(name, r.member, r.cidr, parent));
    }

    /**
     * Adds static entries to the system route table of `region`'s transit router, next hop the
     * attachment of `nextHopMember`, chained after every earlier write to that table. Throws a
     * TopologyValidationError, registering nothing, for an unknown region or member or a bad block.
     */
    addTransitRouterRoutes(
        name: string,
        region: string,
        nextHopMember: string,
        cidrs: readonly string[],
        parent: pulumi.Resource,
    ): alicloud.cen.TransitRouterRouteEntry[] {
        const caller = `${CEN_TRANSIT_NETWORK_TYPE} '${this.networkName}' addTransitRouterRoutes('${name}')`;
        const checked = validate(caller, problems => {
            const routes = cidrs.map(c => ({ region, destinationCidrBlock: c, nextHopMember }));
            const resolved = checkTransitRouterRoutes(problems, routes, this.members, Object.keys(this.transitRouters));
            resolved.forEach((r, i) => {
                const existing = this.routeChains.nextHopOf(transitRouterTable(r.region), r.cidr);
                if (existing !== undefined && existing !== r.nextHopMember) {
                    problems.add(
                        `transitRouterRoutes[${i}].nextHopMember`,
                        `the ${r.region} transit router already sends ${r.cidr} to member '${existing}'; one destination ` +
                            "has one next hop.",
                        `Point it at '${existing}', or route a different block.`,
                    );
                }
            });
            return resolved;
        });
        return checked.map(r => this.writeTransitRouterRoute(name, r.region, r.cidr, r.nextHopMember, parent));
    }

    /** Associates an attachment with, and propagates its routes to, the region's system route table. */
    private associate(prefix: string, attachmentId: pulumi.Output<string>, region: string): pulumi.Resource {
        const router = this.transitRouters[region];
        const opts = { parent: this, provider: router.provider };
        const association = new alicloud.cen.TransitRouterRouteTableAssociation(
            `${prefix}-assoc`,
            {
                transitRouterAttachmentId: attachmentId,
                transitRouterRouteTableId: router.routeTableId,
            },
            opts,
        );
        new alicloud.cen.TransitRouterRouteTablePropagation(
            `${prefix}-prop`,
            {
                transitRouterAttachmentId: attachmentId,
                transitRouterRouteTableId: router.routeTableId,
            },
            opts,
        );
        return association;
    }

    /** The entry in `member`'s VPC system route table sending `cidr` to the member's attachment. */
    private writeVpcRoute(
        prefix: string,
        member: string,
        cidr: string,
        parent: pulumi.Resource,
    ): alicloud.vpc.RouteEntry {
        const { vpc, region } = this.members[member];
        const attachment = this.attachments[member];
        return this.routeChains.write(
            vpcTable(member),
            cidr,
            { member, association: attachment.association },
            dependsOn =>
                new alicloud.vpc.RouteEntry(
                    `${prefix}-${member}-route-${addressSlug(cidr)}`,
                    {
                        routeTableId: vpc.routeTableId,
                        destinationCidrblock: cidr,
                        nexthopType: "Attachment",
                        nexthopId: attachment.attachmentId,
                        name: `${prefix}-${addressSlug(cidr)}`,
                    },
                    { parent, provider: this.transitRouters[region].provider, dependsOn },
                ),
        );
    }

    /** The static entry in `region`'s transit-router route table sending `cidr` to `nextHopMember`'s attachment. */
    private writeTransitRouterRoute(
        prefix: string,
        region: string,
        cidr: string,
        nextHopMember: string,
        parent: pulumi.Resource,
    ): alicloud.cen.TransitRouterRouteEntry {
        const router = this.transitRouters[region];
        const attachment = this.attachments[nextHopMember];
        const nextHop = { member: nextHopMember, association: attachment.association };
        return this.routeChains.write(
            transitRouterTable(region),
            cidr,
            nextHop,
            dependsOn =>
                new alicloud.cen.TransitRouterRouteEntry(
                    `${prefix}-tr-${region}-route-${addressSlug(cidr)}`,
                    {
                        transitRouterRouteTableId: router.routeTableId,
                        transitRouterRouteEntryDestinationCidrBlock: cidr,
                        transitRouterRouteEntryNextHopType: "Attachment",
                        transitRouterRouteEntryNextHopId: attachment.attachmentId,
                        transitRouterRouteEntryName: `${prefix}-${addressSlug(cidr)}`,
                    },
                    { parent, provider: router.provider, dependsOn },
                ),
        );
    }
}

/**
 * Each region's provider: its VPCs'. A provider in the component's own opts serves a network in
 * one region only (validation refuses it for several).
 */
function regionProviders(
    plan: CenTransitNetworkPlan,
    opts: pulumi.ComponentResourceOptions | undefined,
): Map<string, alicloud.Provider> {
    const given = plan.regions.length === 1 ? userProvider<alicloud.Provider>(opts, "alicloud") : undefined;
    const providers = new Map<string, alicloud.Provider>();
    for (const m of Object.values(plan.members)) {
        if (!providers.has(m.region)) providers.set(m.region, given ?? m.vpc.provider);
    }
    return providers;
}
