import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import {
    CenTransitNetwork,
    CenTransitNetworkArgs,
    DEFAULT_PEER_BANDWIDTH_MBPS,
    checkCenTransitNetworkArgs,
    validateCenTransitNetworkArgs,
} from "../components/alicloud/cen";
import { Problems } from "../components/errors";
import { RegionalVpc, RegionalVpcArgs } from "../components/alicloud/vpc";
import { TopologyValidationError } from "../components/errors";
import { seed000Vpc1, seed000Vpc2 } from "./support/tutorials";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { lateRejection } from "./support/lateRejection";

/** The tutorial's VPC1 and VPC2 (seed 000). */
const CHENGDU = seed000Vpc1();
const HANGZHOU = seed000Vpc2();
const vpcIn = (region: string, cidr: string, zones: string[]): RegionalVpcArgs => ({
    region,
    cidrBlock: cidr,
    vSwitches: Object.fromEntries(
        zones.map((z, i) => [
            `vsw${i + 1}`,
            {
                zoneId: `${region}${/\d$/.test(region) ? "" : "-"}${z}`,
                cidrBlock: cidr.replace(/\.0\.0\/\d+$/, `.${i}.0/24`),
            },
        ]),
    ),
});

type Vpcs = Record<string, RegionalVpc>;
/** The VPCs, then the network from `args(vpcs)`. */
function vpcsAndNetwork(
    opts: pulumi.ComponentResourceOptions,
    vpcArgs: Record<string, RegionalVpcArgs>,
    args: (v: Vpcs) => CenTransitNetworkArgs,
    name: string,
) {
    const vpcs: Vpcs = Object.fromEntries(Object.entries(vpcArgs).map(([k, a]) => [k, new RegionalVpc(k, a, opts)]));
    return { vpcs, cen: new CenTransitNetwork(name, args(vpcs), opts) };
}

/** Builds the VPCs, then the network from `args(vpcs)`; returns both. */
function network(vpcArgs: Record<string, RegionalVpcArgs>, args: (v: Vpcs) => CenTransitNetworkArgs, name = "net") {
    return build(opts => vpcsAndNetwork(opts, vpcArgs, args, name));
}

const CEN_TYPES = /^alicloud:(cen|vpc\/routeEntry)|^topologies:alicloud:CenTransitNetwork/;

/** The problems of a rejected network, asserting none of its resources was registered. */
async function rejection(vpcArgs: Record<string, RegionalVpcArgs>, args: (v: Vpcs) => CenTransitNetworkArgs) {
    const error = await expectRejection(
        "topologies:alicloud:CenTransitNetwork 'bad'",
        opts => vpcsAndNetwork(opts, vpcArgs, args, "bad"),
        r => CEN_TYPES.test(r.type),
    );
    return error.problems.map(p => ({ path: p.path, message: p.message }));
}

const tutorial = { vpc1: CHENGDU, vpc2: HANGZHOU };
const members = (v: Vpcs) => Object.fromEntries(Object.entries(v).map(([k, vpc]) => [k, { vpc }]));

describe("CenTransitNetwork", () => {
    it("builds the tutorial's two-region network with every child on its region's provider", async () => {
        const { cen } = await network(tutorial, v => ({
            members: members(v),
            peerBandwidthMbps: 20,
            vpcRoutes: [{ member: "vpc1", destinationCidrBlock: "192.168.7.0/24" }],
        }));
        assert.ok(cen);
        const counts = world.countByType();
        assert.deepEqual(Object.fromEntries(Object.entries(counts).filter(([t]) => CEN_TYPES.test(t))), {
            "topologies:alicloud:CenTransitNetwork": 1,
            "alicloud:cen/instance:Instance": 1,
            "alicloud:cen/transitRouter:TransitRouter": 2,
            "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": 2,
            // 2 VPC attachments + the peering on each side.
            "alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation": 4,
            "alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation": 4,
            "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": 1,
            "alicloud:vpc/routeEntry:RouteEntry": 1,
        });
        for (const r of world.resources.filter(r => CEN_TYPES.test(r.type) && r.custom)) {
            assert.equal(r.parent, "net", `${r.name} is parented to the network`);
        }
        const cenInstance = world.named("net-cen");
        assert.equal(cenInstance.inputs.cenInstanceName, "net");
        for (const region of ["cn-chengdu", "cn-hangzhou"]) {
            const tr = world.named(`net-tr-${region}`);
            assert.equal(world.regionOf(tr), region);
            assert.equal(tr.inputs.cenId, cenInstance.id);
        }

        const attach1 = world.named("net-vpc1-attach");
        assert.equal(world.regionOf(attach1), "cn-chengdu");
        assert.equal(attach1.inputs.transitRouterId, world.named("net-tr-cn-chengdu").state.transitRouterId);
        assert.equal(attach1.inputs.vpcId, world.named("vpc1-vpc").id);
        assert.deepEqual(attach1.inputs.zoneMappings, [
            { zoneId: "cn-chengdu-a", vswitchId: world.named("vpc1-vsw1").id },
            { zoneId: "cn-chengdu-b", vswitchId: world.named("vpc1-vsw2").id },
        ]);
        assert.equal(attach1.inputs.routeTableAssociationEnabled, undefined, "deprecated flags stay unset");
        assert.equal(attach1.inputs.routeTablePropagationEnabled, undefined);
        assert.equal(world.regionOf(world.named("net-vpc2-attach")), "cn-hangzhou");

        const chengduTable = await valueOf(cen.transitRouters["cn-chengdu"].routeTableId);
        assert.match(chengduTable, /^vtb-/);
        const assoc = world.named("net-vpc1-assoc");
        assert.deepEqual(assoc.inputs, {
            transitRouterAttachmentId: attach1.state.transitRouterAttachmentId,
            transitRouterRouteTableId: chengduTable,
        });
        assert.equal(world.regionOf(assoc), "cn-chengdu");
        const tableCalls = world.calls.filter(c => c.token.endsWith("getTransitRouterRouteTables"));
        assert.deepEqual(
            tableCalls.map(c => c.inputs.transitRouterRouteTableType),
            ["System", "System"],
        );

        // No bandwidth package by default: the connection is billed by the data it carries, up to 20 Mbit/s.
        const peer = world.named("net-peer-cn-chengdu-cn-hangzhou");
        assert.equal(world.regionOf(peer), "cn-chengdu");
        assert.deepEqual(
            [
                peer.inputs.bandwidthType,
                peer.inputs.cenBandwidthPackageId,
                peer.inputs.bandwidth,
                peer.inputs.peerTransitRouterRegionId,
                peer.inputs.peerTransitRouterId,
            ],
            ["DataTransfer", undefined, 20, "cn-hangzhou", world.named("net-tr-cn-hangzhou").state.transitRouterId],
        );
        assert.deepEqual(peer.dependsOn, []);
        assert.deepEqual(cen.bandwidthPackageIds, {});
        // Attachments and peerings take minutes; the provider's defaults (5 min) are too short.
        for (const slow of [attach1, world.named("net-vpc2-attach"), peer]) {
            assert.deepEqual(slow.customTimeouts, { create: "30m", update: "30m", delete: "30m" }, slow.name);
        }
        assert.equal(world.regionOf(world.named("net-peer-cn-chengdu-cn-hangzhou-cn-chengdu-assoc")), "cn-chengdu");
        const far = world.named("net-peer-cn-chengdu-cn-hangzhou-cn-hangzhou-assoc");
        assert.equal(world.regionOf(far), "cn-hangzhou");
        assert.equal(
            far.inputs.transitRouterRouteTableId,
            await valueOf(cen.transitRouters["cn-hangzhou"].routeTableId),
        );

        const route = world.named("net-vpc1-route-192-168-7-0-24");
        assert.deepEqual(route.inputs, {
            routeTableId: world.named("vpc1-vpc").state.routeTableId,
            destinationCidrblock: "192.168.7.0/24",
            nexthopType: "Attachment",
            nexthopId: attach1.state.transitRouterAttachmentId,
            name: "net-192-168-7-0-24",
        });
        assert.equal(world.regionOf(route), "cn-chengdu");
        assert.deepEqual(route.dependsOn, ["net-vpc1-assoc"]);

        assert.equal(await valueOf(cen.cenId), cenInstance.id);
        assert.equal(
            await valueOf(cen.attachments.vpc2.attachmentId),
            world.named("net-vpc2-attach").state.transitRouterAttachmentId,
        );
        assert.deepEqual(Object.keys(cen.peerAttachmentIds), ["cn-chengdu:cn-hangzhou"]);
        assert.equal(await valueOf(cen.vpcRouteEntryIds["vpc1:192.168.7.0/24"]), route.id);
    });

    it("builds a four-region full mesh: six peerings, one package sized to their sum, per-table route chains", async () => {
        const vpcs = {
            sg: vpcIn("ap-southeast-1", "10.1.0.0/16", ["a", "b"]),
            jk: vpcIn("ap-southeast-5", "10.2.0.0/16", ["a", "b"]),
            kl: vpcIn("ap-southeast-3", "10.3.0.0/16", ["a", "b"]),
            tk: vpcIn("ap-northeast-1", "10.4.0.0/16", ["a", "b"]),
        };
        const { cen } = await network(vpcs, v => ({
            members: members(v),
            peerBandwidthMbps: 5,
            bandwidthPackage: { bandwidthMbps: 30 },
            vpcRoutes: [
                { member: "sg", destinationCidrBlock: "10.2.0.0/16" },
                { member: "sg", destinationCidrBlock: "10.3.0.0/16" },
                { member: "sg", destinationCidrBlock: "10.4.0.0/16" },
                { member: "tk", destinationCidrBlock: "10.1.0.0/16" },
            ],
            transitRouterRoutes: [
                { region: "ap-southeast-1", destinationCidrBlock: "100.100.0.0/24", nextHopMember: "sg" },
                { region: "ap-southeast-1", destinationCidrBlock: "100.100.1.0/24", nextHopMember: "sg" },
            ],
        }));
        assert.ok(cen);
        assert.equal(world.ofType("cen/transitRouter:TransitRouter").length, 4);
        assert.equal(world.ofType("cen/transitRouterVpcAttachment:TransitRouterVpcAttachment").length, 4);
        const peers = world.ofType("cen/transitRouterPeerAttachment:TransitRouterPeerAttachment");
        assert.equal(peers.length, 6);
        assert.equal(Object.keys(cen.peerAttachmentIds).length, 6);
        for (const peer of peers) {
            const [, from, to] = /^net-peer-(.+?\d)-(.+)$/.exec(peer.name)!;
            assert.equal(world.regionOf(peer), from, `${peer.name} is created by its first region`);
            assert.equal(peer.inputs.peerTransitRouterRegionId, to);
            assert.equal(world.regionOf(world.named(`${peer.name}-${to}-assoc`)), to);
            assert.equal(world.regionOf(world.named(`${peer.name}-${to}-prop`)), to);
            assert.equal(peer.inputs.bandwidth, 5);
        }
        assert.equal(
            world.ofType("cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation").length,
            4 + 12,
        );
        assert.deepEqual(
            [
                world.named("net-bwp-asia-pacific-asia-pacific").inputs.bandwidth,
                world.named("net-bwp-asia-pacific-asia-pacific").inputs.geographicRegionAId,
            ],
            [30, "Asia-Pacific"],
        );
        for (const tr of world.ofType("cen/transitRouter:TransitRouter")) {
            assert.equal(world.regionOf(tr), tr.name.replace("net-tr-", ""));
        }

        // One table: each write waits for the previous; other tables start in parallel.
        assert.deepEqual(world.named("net-sg-route-10-2-0-0-16").dependsOn, ["net-sg-assoc"]);
        assert.deepEqual(world.named("net-sg-route-10-3-0-0-16").dependsOn, [
            "net-sg-assoc",
            "net-sg-route-10-2-0-0-16",
        ]);
        assert.deepEqual(world.named("net-sg-route-10-4-0-0-16").dependsOn, [
            "net-sg-assoc",
            "net-sg-route-10-3-0-0-16",
        ]);
        assert.deepEqual(world.named("net-tk-route-10-1-0-0-16").dependsOn, ["net-tk-assoc"]);
        assert.equal(world.regionOf(world.named("net-tk-route-10-1-0-0-16")), "ap-northeast-1");
        const tr1 = world.named("net-tr-ap-southeast-1-route-100-100-0-0-24");
        const tr2 = world.named("net-tr-ap-southeast-1-route-100-100-1-0-24");
        assert.deepEqual(tr1.dependsOn, ["net-sg-assoc"]);
        assert.deepEqual(tr2.dependsOn, ["net-sg-assoc", tr1.name]);
        assert.deepEqual(
            [
                tr2.inputs.transitRouterRouteEntryNextHopType,
                tr2.inputs.transitRouterRouteEntryNextHopId,
                tr2.inputs.transitRouterRouteTableId,
            ],
            [
                "Attachment",
                world.named("net-sg-attach").state.transitRouterAttachmentId,
                await valueOf(cen.transitRouters["ap-southeast-1"].routeTableId),
            ],
        );
        assert.equal(world.regionOf(tr2), "ap-southeast-1");
        // The entry's own id, not the provider's composite `vtb-…:rte-…` resource id.
        const entryId = await valueOf(cen.transitRouterRouteEntryIds["ap-southeast-1:100.100.1.0/24"]);
        assert.equal(entryId, tr2.state.transitRouterRouteEntryId);
        assert.match(entryId, /^rte-[^:]+$/);
    });

    it("connects only the listed pairs, with their own bandwidths", async () => {
        const vpcs = {
            a: vpcIn("cn-beijing", "10.1.0.0/16", ["a"]),
            b: vpcIn("cn-shanghai", "10.2.0.0/16", ["b"]),
            c: vpcIn("cn-shenzhen", "10.3.0.0/16", ["a"]),
        };
        const { cen } = await network(vpcs, v => ({
            members: members(v),
            peerings: [
                { regions: ["cn-beijing", "cn-shanghai"], bandwidthMbps: 3 },
                { regions: ["cn-shenzhen", "cn-shanghai"], bandwidthMbps: 4 },
            ],
        }));
        assert.deepEqual(Object.keys(cen!.peerAttachmentIds), ["cn-beijing:cn-shanghai", "cn-shenzhen:cn-shanghai"]);
        // Looked up by its regions in either order, whichever region created it.
        for (const [a, b] of [
            ["cn-shanghai", "cn-shenzhen"],
            ["cn-shenzhen", "cn-shanghai"],
        ]) {
            assert.equal(cen!.peerAttachmentId(a, b), cen!.peerAttachmentIds["cn-shenzhen:cn-shanghai"], `${a} ${b}`);
        }
        assert.equal(cen!.peerAttachmentId("cn-beijing", "cn-shenzhen"), undefined, "not connected");
        assert.equal(world.named("net-peer-cn-shenzhen-cn-shanghai").inputs.bandwidth, 4);
        assert.equal(world.regionOf(world.named("net-peer-cn-shenzhen-cn-shanghai")), "cn-shenzhen");
        assert.equal(world.ofType("cen/bandwidthPackage:BandwidthPackage").length, 0);
    });

    it("passes tags given as a map without a prototype (as some YAML parsers make them) as a plain map", async () => {
        const tags = Object.assign(Object.create(null) as Record<string, string>, { env: "dev" });
        await network(tutorial, v => ({ members: members(v), tags }));
        assert.deepEqual(world.named("net-cen").inputs.tags, { env: "dev" });
        assert.deepEqual(
            world.ofType("cen/transitRouter:TransitRouter").map(r => r.inputs.tags),
            [{ env: "dev" }, { env: "dev" }],
        );
    });

    it("resolves every default in the plan it validates, once, for the constructor and for components that build a network", async () => {
        await build(opts => {
            const vpc1 = new RegionalVpc("vpc1", CHENGDU, opts);
            const vpc2 = new RegionalVpc("vpc2", HANGZHOU, opts);
            const plan = validateCenTransitNetworkArgs("net", {
                members: { vpc1: { vpc: vpc1 }, vpc2: { vpc: vpc2 } },
                bandwidthPackage: { bandwidthMbps: 10 },
            });
            assert.equal(plan.cenInstanceName, "net");
            assert.deepEqual(plan.transitRouterNames, {
                "cn-chengdu": "net-cn-chengdu",
                "cn-hangzhou": "net-cn-hangzhou",
            });
            assert.deepEqual(
                plan.members.vpc1.attachmentVSwitches.map(v => v.name),
                ["vsw1", "vsw2"],
                "the first vSwitch of each zone",
            );
            assert.equal(plan.members.vpc1.attachmentName, "net-vpc1");
            assert.deepEqual(
                plan.peerings.map(p => [p.key, p.bandwidthMbps, p.bandwidthType]),
                [["cn-chengdu:cn-hangzhou", DEFAULT_PEER_BANDWIDTH_MBPS, "BandwidthPackage"]],
            );
            assert.deepEqual(
                plan.packages.map(p => [p.name, p.areasSlug, p.paymentType, p.period, p.autoRenew]),
                [["net-bwp", "china-china", "PrePaid", 1, undefined]],
            );
            // Recorded into the caller's collection, under its scope, with the same defaults.
            const problems = new Problems();
            const postPaid = checkCenTransitNetworkArgs(problems.under("cenOptions"), "net", {
                members: { vpc1: { vpc: vpc1 }, vpc2: { vpc: vpc2 } },
                peerBandwidthMbps: 5,
                bandwidthPackage: { bandwidthMbps: 2, paymentType: "PostPaid" },
            });
            assert.deepEqual(
                postPaid!.packages.map(p => [p.paymentType, p.period]),
                [["PostPaid", undefined]],
            );
            assert.deepEqual(
                problems.list.map(p => p.path),
                ["cenOptions.bandwidthPackage.bandwidthMbps"],
            );
            return [vpc1, vpc2];
        });
    });

    it("buys the tutorial's bandwidth plan when asked, a subscription with auto-renew settable", async () => {
        const { cen } = await network(tutorial, v => ({
            members: members(v),
            peerBandwidthMbps: 20,
            bandwidthPackage: { bandwidthMbps: 20, period: 3, autoRenew: true },
        }));
        const bwp = world.named("net-bwp-china-china");
        // Named by its pair; the alias keeps the package of releases that named it net-bwp (a PrePaid one cannot be bought again).
        assert.deepEqual(bwp.aliases, [{ name: "net-bwp", type: undefined }]);
        assert.equal(bwp.inputs.cenBandwidthPackageName, "net-bwp");
        assert.deepEqual(
            [
                bwp.inputs.bandwidth,
                bwp.inputs.geographicRegionAId,
                bwp.inputs.geographicRegionBId,
                bwp.inputs.paymentType,
                bwp.inputs.period,
                bwp.inputs.autoRenew,
            ],
            [20, "China", "China", "PrePaid", 3, true],
        );
        assert.equal(world.named("net-bwp-china-china-attach").inputs.instanceId, world.named("net-cen").id);
        const peer = world.named("net-peer-cn-chengdu-cn-hangzhou");
        assert.deepEqual([peer.inputs.bandwidthType, peer.inputs.cenBandwidthPackageId], ["BandwidthPackage", bwp.id]);
        assert.deepEqual(peer.dependsOn, ["net-bwp-china-china-attach"]);
        assert.deepEqual(Object.keys(cen!.bandwidthPackageIds), ["China/China"]);
        assert.ok(cen!.bandwidthPackageId);
    });

    it("builds a full mesh over three geographic areas, each connection billed as chosen", async () => {
        const vpcs = {
            bj: vpcIn("cn-beijing", "10.1.0.0/16", ["a"]),
            de: vpcIn("eu-central-1", "10.2.0.0/16", ["a"]),
            sg: vpcIn("ap-southeast-1", "10.3.0.0/16", ["a"]),
        };
        // By data transfer: nothing bought.
        await network(vpcs, v => ({ members: members(v) }));
        const peers = () => world.ofType("cen/transitRouterPeerAttachment:TransitRouterPeerAttachment");
        assert.equal(peers().length, 3);
        assert.deepEqual(
            peers().map(p => p.inputs.bandwidthType),
            ["DataTransfer", "DataTransfer", "DataTransfer"],
        );
        assert.equal(world.ofType("cen/bandwidthPackage:BandwidthPackage").length, 0);
        // With one package per pair of areas: each connection draws from its own.
        const { cen } = await network(vpcs, v => ({
            members: members(v),
            bandwidthPackages: [
                { areas: ["China", "Europe"], bandwidthMbps: 10 },
                { areas: ["Asia-Pacific", "China"], bandwidthMbps: 10, paymentType: "PostPaid" },
                { areas: ["Europe", "Asia-Pacific"], bandwidthMbps: 10, autoRenew: true },
            ],
        }));
        const packages = world.ofType("cen/bandwidthPackage:BandwidthPackage");
        assert.deepEqual(
            packages.map(p => [
                p.name,
                p.inputs.geographicRegionAId,
                p.inputs.geographicRegionBId,
                p.inputs.paymentType,
            ]),
            [
                ["net-bwp-china-europe", "China", "Europe", "PrePaid"],
                // China first, as the provider orders a package's areas when it buys one.
                ["net-bwp-china-asia-pacific", "China", "Asia-Pacific", "PostPaid"],
                ["net-bwp-asia-pacific-europe", "Asia-Pacific", "Europe", "PrePaid"],
            ],
        );
        const packageOf = (peer: string) => world.byId(world.named(peer).inputs.cenBandwidthPackageId)?.name;
        assert.deepEqual(
            [
                packageOf("net-peer-cn-beijing-eu-central-1"),
                packageOf("net-peer-cn-beijing-ap-southeast-1"),
                packageOf("net-peer-eu-central-1-ap-southeast-1"),
            ],
            ["net-bwp-china-europe", "net-bwp-china-asia-pacific", "net-bwp-asia-pacific-europe"],
        );
        assert.ok(
            packages.every(p => p.aliases === undefined),
            "with several packages none takes the old single name",
        );
        assert.deepEqual(
            peers().map(p => p.inputs.bandwidthType),
            ["BandwidthPackage", "BandwidthPackage", "BandwidthPackage"],
        );
        assert.deepEqual(Object.keys(cen!.bandwidthPackageIds).sort(), [
            "Asia-Pacific/Europe",
            "China/Asia-Pacific",
            "China/Europe",
        ]);
        assert.equal(cen!.bandwidthPackageId, undefined);
        // Or mixed: a package for China–Europe, the other connections by data transfer, each listed as chosen.
        await network(vpcs, v => ({
            members: members(v),
            peerings: [
                { regions: ["cn-beijing", "eu-central-1"], bandwidthMbps: 10 },
                { regions: ["cn-beijing", "ap-southeast-1"], bandwidthMbps: 5, bandwidthType: "DataTransfer" },
                { regions: ["eu-central-1", "ap-southeast-1"], bandwidthMbps: 5, bandwidthType: "DataTransfer" },
            ],
            bandwidthPackages: [{ areas: ["China", "Europe"], bandwidthMbps: 10 }],
        }));
        assert.deepEqual(
            peers().map(p => [p.name, p.inputs.bandwidthType]),
            [
                ["net-peer-cn-beijing-eu-central-1", "BandwidthPackage"],
                ["net-peer-cn-beijing-ap-southeast-1", "DataTransfer"],
                ["net-peer-eu-central-1-ap-southeast-1", "DataTransfer"],
            ],
        );
        assert.equal(world.ofType("cen/bandwidthPackage:BandwidthPackage").length, 1);
    });

    it("binds an existing bandwidth package instead of buying one", async () => {
        await network(tutorial, v => ({
            members: members(v),
            bandwidthPackage: { bandwidthMbps: 100, id: "cenbwp-existing" },
        }));
        assert.equal(world.ofType("cen/bandwidthPackage:BandwidthPackage").length, 0);
        assert.equal(world.named("net-bwp-china-china-attach").inputs.bandwidthPackageId, "cenbwp-existing");
        assert.equal(world.named("net-peer-cn-chengdu-cn-hangzhou").inputs.cenBandwidthPackageId, "cenbwp-existing");
    });

    it("makes no peering and no package for a single region, and shares one router between two VPCs when allowed", async () => {
        const vpcs = {
            mesh: vpcIn("cn-hangzhou", "192.168.0.0/16", ["h"]),
            ack: vpcIn("cn-hangzhou", "20.0.0.0/16", ["h", "i"]),
        };
        const { cen } = await network(vpcs, v => ({ members: members(v), allowMultipleVpcsPerRegion: true }));
        assert.equal(world.ofType("cen/transitRouter:TransitRouter").length, 1);
        assert.equal(world.ofType("cen/transitRouterVpcAttachment:TransitRouterVpcAttachment").length, 2);
        assert.equal(
            world.ofType("cen/bandwidthPackage:BandwidthPackage").length +
                world.ofType("cen/transitRouterPeerAttachment:TransitRouterPeerAttachment").length,
            0,
        );
        assert.equal(cen!.bandwidthPackageId, undefined);
        assert.equal(
            world.named("net-ack-attach").inputs.transitRouterId,
            world.named("net-tr-cn-hangzhou").state.transitRouterId,
        );
    });

    it("uses the listed attachment vSwitches", async () => {
        const vpc = {
            ...HANGZHOU,
            vSwitches: { ...HANGZHOU.vSwitches, vsw5: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.9.0/24" } },
        };
        await network({ vpc1: CHENGDU, vpc2: vpc }, v => ({
            members: { vpc1: { vpc: v.vpc1 }, vpc2: { vpc: v.vpc2, attachmentVSwitches: ["vsw5", "vsw4"] } },
        }));
        assert.deepEqual(
            world.named("net-vpc2-attach").inputs.zoneMappings.map((z: { zoneId: string }) => z.zoneId),
            ["cn-hangzhou-h", "cn-hangzhou-i"],
        );
        assert.equal(world.named("net-vpc2-attach").inputs.zoneMappings[0].vswitchId, world.named("vpc2-vsw5").id);
    });

    it("lets a joining component add routes that continue each table's chain", async () => {
        let cen: CenTransitNetwork | undefined;
        await build(opts => {
            const v1 = new RegionalVpc("vpc1", CHENGDU, opts);
            const v2 = new RegionalVpc("vpc2", HANGZHOU, opts);
            cen = new CenTransitNetwork(
                "net",
                {
                    members: { vpc1: { vpc: v1 }, vpc2: { vpc: v2 } },
                    vpcRoutes: [{ member: "vpc1", destinationCidrBlock: "192.168.7.0/24" }],
                },
                opts,
            );
            const joiner = new pulumi.ComponentResource("test:joiner", "app", {}, opts);
            cen.addVpcRoutes("app", "vpc1", ["192.168.8.0/24"], joiner);
            cen.addTransitRouterRoutes("app", "cn-chengdu", "vpc1", ["100.64.1.0/26"], joiner);
            return cen;
        });
        const added = world.named("app-vpc1-route-192-168-8-0-24");
        assert.equal(added.parent, "app");
        assert.equal(world.regionOf(added), "cn-chengdu");
        assert.deepEqual(added.dependsOn, ["net-vpc1-assoc", "net-vpc1-route-192-168-7-0-24"]);
        assert.deepEqual(world.named("app-tr-cn-chengdu-route-100-64-1-0-26").dependsOn, ["net-vpc1-assoc"]);
        assert.throws(
            () => cen!.addVpcRoutes("x", "nobody", ["10.0.0.0/8"], cen!),
            (e: unknown) => e instanceof TopologyValidationError && e.problems[0].path === "vpcRoutes[0].member",
        );
    });

    it("writes a route two joining components both ask for once, and refuses a second next hop for it", async () => {
        let cen: CenTransitNetwork | undefined;
        let shared: unknown[] = [];
        await build(opts => {
            const v1 = new RegionalVpc("vpc1", CHENGDU, opts);
            const v2 = new RegionalVpc("vpc2", HANGZHOU, opts);
            cen = new CenTransitNetwork(
                "net",
                {
                    members: { vpc1: { vpc: v1 }, vpc2: { vpc: v2 } },
                    vpcRoutes: [{ member: "vpc1", destinationCidrBlock: "192.168.7.0/24" }],
                },
                opts,
            );
            const [a, b] = ["alb-a", "alb-b"].map(n => new pulumi.ComponentResource("test:joiner", n, {}, opts));
            shared = [
                ...cen.addVpcRoutes("alb-a", "vpc1", ["192.168.7.0/24"], a),
                ...cen.addVpcRoutes("alb-b", "vpc1", ["192.168.7.0/24"], b),
            ];
            cen.addTransitRouterRoutes("alb-a", "cn-chengdu", "vpc1", ["100.64.1.0/26"], a);
            cen.addTransitRouterRoutes("alb-b", "cn-chengdu", "vpc1", ["100.64.1.0/26"], b);
            return cen;
        });
        assert.deepEqual(
            world.ofType("vpc/routeEntry:RouteEntry").map(r => r.inputs.destinationCidrblock),
            ["192.168.7.0/24"],
        );
        assert.equal(shared[0], shared[1], "both joiners get the network's own entry");
        assert.equal(world.ofType("cen/transitRouterRouteEntry:TransitRouterRouteEntry").length, 1);
    });

    it("refuses a second next hop for a transit-router destination already routed", async () => {
        let cen: CenTransitNetwork | undefined;
        await build(opts => {
            const v1 = new RegionalVpc("vpc1", CHENGDU, opts);
            const v3 = new RegionalVpc("vpc3", vpcIn("cn-chengdu", "10.0.0.0/16", ["a", "b"]), opts);
            cen = new CenTransitNetwork(
                "net",
                { members: { vpc1: { vpc: v1 }, vpc3: { vpc: v3 } }, allowMultipleVpcsPerRegion: true },
                opts,
            );
            cen.addTransitRouterRoutes("alb-a", "cn-chengdu", "vpc1", ["100.64.1.0/26"], cen);
            return cen;
        });
        const before = world.resources.length;
        assert.throws(
            () => cen!.addTransitRouterRoutes("alb-c", "cn-chengdu", "vpc3", ["100.64.1.0/26"], cen!),
            (e: unknown) =>
                e instanceof TopologyValidationError &&
                e.problems.length === 1 &&
                e.problems[0].path === "transitRouterRoutes[0].nextHopMember" &&
                e.problems[0].message ===
                    "the cn-chengdu transit router already sends 100.64.1.0/26 to member 'vpc1'; one destination has one next hop.",
        );
        assert.equal(world.resources.length, before, "nothing registered");
    });

    it("never collides: two networks with different names over different VPCs", async () => {
        await build(opts => {
            const make = (p: string, base: number) => {
                const a = new RegionalVpc(`${p}a`, vpcIn("cn-beijing", `10.${base}.0.0/16`, ["a", "b"]), opts);
                const b = new RegionalVpc(`${p}b`, vpcIn("cn-shanghai", `10.${base + 1}.0.0/16`, ["a", "b"]), opts);
                return new CenTransitNetwork(
                    `${p}net`,
                    {
                        members: { a: { vpc: a }, b: { vpc: b } },
                        vpcRoutes: [{ member: "a", destinationCidrBlock: `10.${base + 1}.0.0/16` }],
                    },
                    opts,
                );
            };
            return [make("x", 1), make("y", 3)];
        });
        const keys = world.resources.map(r => `${r.type}::${r.name}`);
        assert.equal(new Set(keys).size, keys.length, "every type+name is unique");
        assert.equal(world.ofType("cen/instance:Instance").length, 2);
        assert.equal(world.ofType("vpc/routeEntry:RouteEntry").length, 2);
    });

    describe("rejects, registering nothing of the network", () => {
        it("overlapping member VPCs, naming both members and blocks", async () => {
            const problems = await rejection(
                {
                    vpc1: CHENGDU,
                    vpc2: {
                        ...HANGZHOU,
                        cidrBlock: "172.16.0.0/16",
                        vSwitches: { s: { zoneId: "cn-hangzhou-h", cidrBlock: "172.16.9.0/24" } },
                    },
                },
                v => ({ members: members(v) }),
            );
            assert.deepEqual(problems, [
                {
                    path: "members.vpc2.vpc.cidrBlock",
                    message: "member 'vpc2' VPC 172.16.0.0/16 overlaps member 'vpc1' VPC 172.16.0.0/12.",
                },
            ]);
        });

        it("a second VPC in one region unless allowed, explaining the S1 rule", async () => {
            const problems = await rejection(
                { a: vpcIn("cn-hangzhou", "10.1.0.0/16", ["h"]), b: vpcIn("cn-hangzhou", "10.2.0.0/16", ["h"]) },
                v => ({ members: members(v) }),
            );
            assert.equal(problems.length, 1);
            assert.equal(problems[0].path, "members.b.vpc");
            assert.match(
                problems[0].message,
                /member 'b' is a second VPC in cn-hangzhou \(member 'a' is the first\).*one VPC per region.*may not share a transit router/,
            );
        });

        it("attachment vSwitches that are not the member's, or share a zone", async () => {
            const vpc = {
                ...HANGZHOU,
                vSwitches: { ...HANGZHOU.vSwitches, vsw5: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.9.0/24" } },
            };
            const problems = await rejection({ vpc1: CHENGDU, vpc2: vpc }, v => ({
                members: {
                    vpc1: { vpc: v.vpc1, attachmentVSwitches: ["vsw9"] },
                    vpc2: { vpc: v.vpc2, attachmentVSwitches: ["vsw3", "vsw5"] },
                },
            }));
            assert.deepEqual(problems, [
                {
                    path: "members.vpc1.attachmentVSwitches[0]",
                    message: "vSwitch 'vsw9' is not a vSwitch of VPC 'vpc1'.",
                },
                {
                    path: "members.vpc2.attachmentVSwitches[1]",
                    message:
                        "attachment zone 'cn-hangzhou-h' is used again (first at members.vpc2.attachmentVSwitches[0]).",
                },
            ]);
        });

        it("peerings that need more bandwidth than the package has", async () => {
            const problems = await rejection(tutorial, v => ({
                members: members(v),
                peerBandwidthMbps: 50,
                bandwidthPackage: { bandwidthMbps: 20 },
            }));
            assert.deepEqual(problems, [
                {
                    path: "bandwidthPackage.bandwidthMbps",
                    message:
                        "the connections across China/China need 50 Mbit/s together (cn-chengdu:cn-hangzhou 50) but the bandwidth package has 20 Mbit/s.",
                },
            ]);
        });

        it("listed peerings over non-member regions, a region to itself, a repeated pair, bad bandwidth", async () => {
            const problems = await rejection(tutorial, v => ({
                members: members(v),
                peerings: [
                    { regions: ["cn-chengdu", "cn-beijing"], bandwidthMbps: 2 },
                    { regions: ["cn-hangzhou", "cn-hangzhou"], bandwidthMbps: 2 },
                    { regions: ["cn-chengdu", "cn-hangzhou"], bandwidthMbps: 2 },
                    { regions: ["cn-hangzhou", "cn-chengdu"], bandwidthMbps: 2 },
                ],
            }));
            assert.deepEqual(problems, [
                { path: "peerings[0].regions[1]", message: "region 'cn-beijing' has no member VPC." },
                { path: "peerings[1].regions", message: "peering joins region 'cn-hangzhou' to itself." },
                {
                    path: "peerings[3].regions",
                    message: "regions cn-hangzhou and cn-chengdu are already connected by peerings[2].",
                },
            ]);
        });

        it("peerings across more than one pair of geographic areas for one package", async () => {
            const problems = await rejection(
                {
                    a: vpcIn("cn-beijing", "10.1.0.0/16", ["a"]),
                    b: vpcIn("eu-central-1", "10.2.0.0/16", ["a"]),
                    c: vpcIn("ap-southeast-1", "10.3.0.0/16", ["a"]),
                },
                v => ({ members: members(v), bandwidthPackage: { bandwidthMbps: 30 } }),
            );
            assert.equal(problems.length, 1);
            assert.equal(problems[0].path, "bandwidthPackage");
            assert.match(
                problems[0].message,
                /several pairs of geographic areas \(China\/Europe, China\/Asia-Pacific, Asia-Pacific\/Europe\)/,
            );
        });

        it("bandwidth packages that leave a pair uncovered, cover none, repeat a pair, lack areas or come with the single form", async () => {
            const vpcs = {
                a: vpcIn("cn-beijing", "10.1.0.0/16", ["a"]),
                b: vpcIn("eu-central-1", "10.2.0.0/16", ["a"]),
                c: vpcIn("ap-southeast-1", "10.3.0.0/16", ["a"]),
            };
            const paths = async (pkgs: object) =>
                (await rejection(vpcs, v => ({ members: members(v), ...pkgs }))).map(p => `${p.path}: ${p.message}`);
            assert.deepEqual(await paths({ bandwidthPackages: [{ areas: ["China", "Europe"], bandwidthMbps: 10 }] }), [
                "bandwidthPackages: the connections cn-beijing:ap-southeast-1 cross China/Asia-Pacific, which no bandwidth package covers.",
                "bandwidthPackages: the connections eu-central-1:ap-southeast-1 cross Asia-Pacific/Europe, which no bandwidth package covers.",
            ]);
            assert.deepEqual(
                await paths({
                    bandwidthPackages: [
                        { areas: ["China", "Europe"], bandwidthMbps: 10 },
                        { areas: ["Europe", "China"], bandwidthMbps: 10 },
                        { areas: ["North-America", "China"], bandwidthMbps: 10 },
                        { bandwidthMbps: 10 },
                    ],
                }),
                [
                    "bandwidthPackages[1].areas: a second bandwidth package for China/Europe; a CEN takes one package per pair of areas.",
                    "bandwidthPackages[2].areas: no connection crosses China/North-America, so the package would bill for nothing.",
                    "bandwidthPackages[3].areas: with several bandwidth packages, each names the two geographic areas it connects.",
                    "bandwidthPackages: the connections cn-beijing:ap-southeast-1 cross China/Asia-Pacific, which no bandwidth package covers.",
                    "bandwidthPackages: the connections eu-central-1:ap-southeast-1 cross Asia-Pacific/Europe, which no bandwidth package covers.",
                ],
            );
            assert.deepEqual(await paths({ bandwidthPackage: { bandwidthMbps: 10 }, bandwidthPackages: [] }), [
                "bandwidthPackages: both bandwidthPackage and bandwidthPackages are given.",
            ]);
            assert.deepEqual(
                (
                    await rejection(tutorial, v => ({
                        members: members(v),
                        peerings: [
                            {
                                regions: ["cn-chengdu", "cn-hangzhou"],
                                bandwidthMbps: 5,
                                bandwidthType: "BandwidthPackage",
                            },
                        ],
                    }))
                ).map(p => p.message),
                [
                    "connection cn-chengdu:cn-hangzhou asks for bandwidthType BandwidthPackage, but the network has no bandwidth package.",
                ],
            );
        });

        it("routes for unknown members or regions, bad blocks, wrong next-hop region, repeats", async () => {
            const problems = await rejection(tutorial, v => ({
                members: members(v),
                vpcRoutes: [
                    { member: "vpc3", destinationCidrBlock: "10.0.0.0/8" },
                    { member: "vpc1", destinationCidrBlock: "192.168.7.1/24" },
                    { member: "vpc1", destinationCidrBlock: "172.16.6.0/25" },
                    { member: "vpc1", destinationCidrBlock: "192.168.7.0/24" },
                    { member: "vpc1", destinationCidrBlock: "192.168.7.0/24" },
                ],
                transitRouterRoutes: [
                    { region: "cn-beijing", destinationCidrBlock: "100.64.0.0/26", nextHopMember: "vpc1" },
                    { region: "cn-chengdu", destinationCidrBlock: "100.64.0.0/26", nextHopMember: "vpc2" },
                    { region: "cn-chengdu", destinationCidrBlock: "100.64.0/26", nextHopMember: "nobody" },
                ],
            }));
            assert.deepEqual(
                problems.map(p => p.path),
                [
                    "vpcRoutes[0].member",
                    "vpcRoutes[1].destinationCidrBlock",
                    "vpcRoutes[2].destinationCidrBlock",
                    "vpcRoutes[4].destinationCidrBlock",
                    "transitRouterRoutes[0].region",
                    "transitRouterRoutes[1].nextHopMember",
                    "transitRouterRoutes[2].nextHopMember",
                    "transitRouterRoutes[2].destinationCidrBlock",
                ],
            );
            assert.equal(problems[0].message, "member 'vpc3' is not a member of this network.");
            assert.match(problems[1].message, /192\.168\.7\.1\/24.*192\.168\.7\.0\/24/);
            assert.equal(
                problems[2].message,
                "172.16.6.0/25 overlaps vSwitch 'vsw2' 172.16.6.0/24 of member 'vpc1' itself; its own system route wins.",
            );
            assert.equal(
                problems[3].message,
                "VPC route 'vpc1 → 192.168.7.0/24' is used again (first at vpcRoutes[3].destinationCidrBlock).",
            );
            assert.equal(
                problems[5].message,
                "member 'vpc2' is in cn-hangzhou; a static route of the cn-chengdu transit router must point at an attachment of that router.",
            );
        });

        it("package options that do not fit: a period on a PostPaid package, billing options beside an existing id, peerBandwidthMbps beside listed peerings", async () => {
            assert.deepEqual(
                await rejection(tutorial, v => ({
                    members: members(v),
                    peerBandwidthMbps: 1,
                    bandwidthPackage: { bandwidthMbps: 2, paymentType: "PostPaid", period: 6 },
                })),
                [{ path: "bandwidthPackage.period", message: "period applies to PrePaid packages only." }],
            );
            assert.deepEqual(
                await rejection(tutorial, v => ({
                    members: members(v),
                    bandwidthPackage: {
                        bandwidthMbps: 10,
                        id: "cenbwp-oq2ehpxq4zhwp790l7",
                        paymentType: "PrePaid",
                        period: 1,
                    },
                })),
                [
                    {
                        path: "bandwidthPackage.paymentType",
                        message:
                            "paymentType applies to a package bought here, not to the existing package given as id.",
                    },
                    {
                        path: "bandwidthPackage.period",
                        message: "period applies to a package bought here, not to the existing package given as id.",
                    },
                ],
            );
            assert.deepEqual(
                await rejection(tutorial, v => ({
                    members: members(v),
                    peerBandwidthMbps: 5,
                    peerings: [{ regions: ["cn-chengdu", "cn-hangzhou"], bandwidthMbps: 5 }],
                })),
                [
                    {
                        path: "peerBandwidthMbps",
                        message:
                            "peerBandwidthMbps applies to full-mesh peerings only; the listed peerings carry their own bandwidth.",
                    },
                ],
            );
        });

        it("an empty attachment vSwitch list", async () => {
            assert.deepEqual(
                await rejection(tutorial, v => ({
                    members: { vpc1: { vpc: v.vpc1, attachmentVSwitches: [] }, vpc2: { vpc: v.vpc2 } },
                })),
                [{ path: "members.vpc1.attachmentVSwitches", message: "member 'vpc1' lists no attachment vSwitch." }],
            );
        });

        describe("input of the wrong shape, each problem at its path with the value found, before any rule runs", () => {
            const shape = async (args: (v: Vpcs) => unknown) =>
                (await rejection(tutorial, v => args(v) as CenTransitNetworkArgs)).map(p => `${p.path}: ${p.message}`);

            it("a package period the provider does not sell, NaN, or a payment type it does not know", async () => {
                assert.deepEqual(
                    await shape(v => ({ members: members(v), bandwidthPackage: { bandwidthMbps: 10, period: 7 } })),
                    ["bandwidthPackage.period: 7 is not accepted."],
                );
                assert.deepEqual(
                    await shape(v => ({ members: members(v), bandwidthPackage: { bandwidthMbps: 10, period: NaN } })),
                    ["bandwidthPackage.period: NaN is not accepted."],
                );
                assert.deepEqual(
                    await shape(v => ({
                        members: members(v),
                        bandwidthPackage: { bandwidthMbps: 10, paymentType: "Monthly" },
                    })),
                    ['bandwidthPackage.paymentType: "Monthly" is not accepted.'],
                );
            });

            it("bandwidths that are not whole numbers in range, areas that are no package area, a package list that is not a list", async () => {
                assert.deepEqual(
                    await shape(v => ({
                        members: members(v),
                        peerBandwidthMbps: 0.5,
                        bandwidthPackages: [{ bandwidthMbps: 1, areas: ["China", "Mars"] }],
                    })),
                    [
                        "peerBandwidthMbps: 0.5: is not a whole number from 1 to 100000.",
                        "bandwidthPackages[0].bandwidthMbps: 1: is not a whole number from 2 to 100000.",
                        'bandwidthPackages[0].areas[1]: "Mars" is not accepted.',
                    ],
                );
                assert.deepEqual(
                    await shape(v => ({ members: members(v), bandwidthPackages: { bandwidthMbps: 10 } })),
                    ['bandwidthPackages: expected array, got {"bandwidthMbps":10}.'],
                );
                assert.deepEqual(
                    await shape(v => ({
                        members: members(v),
                        peerings: [{ regions: ["cn-chengdu", "cn-hangzhou"], bandwidthMbps: Infinity }],
                    })),
                    ["peerings[0].bandwidthMbps: expected number, got Infinity."],
                );
            });

            it("a member that is no RegionalVpc, an unknown key (with the one meant), a tag key the SDK cannot register", async () => {
                const problems = await rejection(
                    tutorial,
                    v =>
                        ({
                            members: { vpc1: { vpc: v.vpc1 }, vpc2: { vpc: "vpc-123" as never } },
                            peerBandwithMbps: 5,
                            tags: { toString: "x", " env": "dev" },
                        }) as CenTransitNetworkArgs,
                );
                assert.deepEqual(
                    problems.map(p => p.path),
                    ["members.vpc2.vpc", "tags.toString", "tags. env", "peerBandwithMbps"],
                );
                assert.match(problems[0].message, /"vpc-123": is not a RegionalVpc/);
                assert.match(problems[1].message, /the key "toString" cannot be passed to a resource/);
                assert.match(problems[2].message, /the key " env" has leading or trailing blanks/);
                assert.match(problems[3].message, /'peerBandwithMbps' is not an input here/);
            });

            it("a malformed existing package id; given as an Output, when it resolves, before the package is bound", async () => {
                assert.deepEqual(
                    await shape(v => ({ members: members(v), bandwidthPackage: { bandwidthMbps: 10, id: "bwp-1" } })),
                    [
                        'bandwidthPackage.id: "bwp-1": is not a CEN bandwidth package id (cenbwp- and lowercase letters and digits).',
                    ],
                );
                const { error, registered } = await lateRejection(opts =>
                    vpcsAndNetwork(
                        opts,
                        tutorial,
                        v => ({
                            members: members(v),
                            bandwidthPackage: { bandwidthMbps: 10, id: pulumi.output(" cenbwp-1 ") },
                        }),
                        "net",
                    ),
                );
                assert.equal(error.component, "topologies:alicloud:CenTransitNetwork 'net'");
                assert.deepEqual(
                    error.problems.map(p => `${p.path}: ${p.message}`),
                    [
                        'bandwidthPackage.id: " cenbwp-1 ": is not a CEN bandwidth package id (cenbwp- and lowercase letters and digits).',
                    ],
                );
                // Declared, but never sent to the engine: no id.
                assert.deepEqual(
                    registered
                        .filter(r => /bandwidthPackage|PeerAttachment/.test(r.type) && r.id !== "")
                        .map(r => r.name),
                    [],
                    "neither the binding nor the connections drawing from it are created",
                );
            });
        });

        it("no members at all", async () => {
            assert.deepEqual(await rejection({}, () => ({ members: {} })), [
                { path: "members", message: "no member VPC is given." },
            ]);
        });
    });
});
