import * as assert from "node:assert/strict";
import { albHealthCheckConfig } from "../components/alicloud/albCommon/healthCheck";
import * as pulumi from "@pulumi/pulumi";
import { CenTransitNetwork } from "../components/alicloud/cen";
import {
    CrossRegionAlbBackend,
    CrossRegionAlbBackendArgs,
    checkCrossRegionAlbBackendArgs,
} from "../components/alicloud/crossRegionAlb";
import { Problems } from "../components/errors";
import { addressSlug } from "../components/net";
import { RegionalVpc, RegionalVpcArgs } from "../components/alicloud/vpc";
import { seed000Vpc1, seed000Vpc2 } from "./support/tutorials";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { runPlan } from "../cli/plan";

/** Seed 000: VPC1 (ALB) in cn-chengdu; VPC2 (backends) in cn-hangzhou, ECS1 in VSW4 (192.168.7.0/24). */
const VPC1 = seed000Vpc1();
const VPC2 = seed000Vpc2();
/**
 * The seed's six back-to-origin blocks are printed as 100.XX.XX.0/25, .128/25, .64/26, .128/26,
 * .192/26 and .0/26; these fill the masked octets with plausible values.
 */
const LEGACY_BLOCKS = [
    "100.117.130.0/25",
    "100.117.130.128/25",
    "100.117.131.64/26",
    "100.117.131.128/26",
    "100.117.131.192/26",
    "100.117.132.0/26",
];
const ECS1 = "192.168.7.100";

type Vpcs = { alb: RegionalVpc; backend: RegionalVpc };
/** ECS1 with its security group, where the component admits the back-to-origin blocks. */
const GROUPED: Partial<CrossRegionAlbBackendArgs> = {
    backends: { ecs1: { ipv4Address: ECS1, securityGroup: "ecs1" } },
    securityGroups: { ecs1: "sg-ecs1" },
};
type VpcArgs = { alb: RegionalVpcArgs; backend: RegionalVpcArgs };
/** The two VPCs, then the component on them with ECS1 as backend unless `args` says otherwise. */
function s1(
    opts: pulumi.ComponentResourceOptions,
    args: (v: Vpcs) => Partial<CrossRegionAlbBackendArgs>,
    vpcs: VpcArgs,
) {
    const v = { alb: new RegionalVpc("vpc1", vpcs.alb, opts), backend: new RegionalVpc("vpc2", vpcs.backend, opts) };
    return new CrossRegionAlbBackend(
        "s1",
        { albVpc: v.alb, backendVpc: v.backend, backends: { ecs1: { ipv4Address: ECS1 } }, ...args(v) },
        opts,
    );
}

async function make(
    args: (v: Vpcs) => Partial<CrossRegionAlbBackendArgs>,
    vpcs: VpcArgs = { alb: VPC1, backend: VPC2 },
) {
    return { component: await build(opts => s1(opts, args, vpcs)) };
}

const S1 = "topologies:alicloud:CrossRegionAlbBackend 's1'";
const OWN = /^alicloud:(cen|alb|ecs|vpc\/routeEntry)|^topologies:alicloud:(CenTransitNetwork|CrossRegionAlbBackend)/;
async function rejection(
    args: (v: Vpcs) => Partial<CrossRegionAlbBackendArgs>,
    vpcs: VpcArgs = { alb: VPC1, backend: VPC2 },
) {
    const error = await expectRejection(
        S1,
        opts => s1(opts, args, vpcs),
        r => OWN.test(r.type),
    );
    return error.problems.map(p => ({ path: p.path, message: p.message }));
}

describe("CrossRegionAlbBackend", () => {
    it("points a CNAME at the ALB when dns is given, the name clients use (an ALB since 2025 does not answer on its own)", async () => {
        const { component } = await make(() => ({ dns: { domainName: "example.com", rr: "app" } }));
        const record = world.named("s1-cname");
        assert.deepEqual(
            [
                record.type,
                record.inputs.domainName,
                record.inputs.rr,
                record.inputs.type,
                record.inputs.value,
                record.inputs.ttl,
            ],
            [
                "alicloud:dns/alidnsRecord:AlidnsRecord",
                "example.com",
                "app",
                "CNAME",
                world.named("s1-alb").state.dnsName,
                600,
            ],
        );
        assert.equal(component.fqdn, "app.example.com");
        assert.equal(await valueOf(component.dnsRecordId!), record.id);
        assert.deepEqual(await rejection(() => ({ dns: { domainName: "example", rr: " " } })), [
            {
                path: "dns.domainName",
                message: "domain name 'example' needs at least two labels, such as example.com.",
            },
            {
                path: "dns.rr",
                message:
                    "host record ' ' is not @ or dot-separated labels of 1 to 63 letters, digits, '-' or '_' (or '*').",
            },
        ]);
        assert.deepEqual(await rejection(() => ({ dns: { domainName: "example.com", ttl: 0 } })), [
            { path: "dns.ttl", message: "0: is not a whole number from 1 to 86400." },
        ]);
    });

    it("builds the tutorial's graph (legacy back-to-origin, six blocks)", async () => {
        const { component } = await make(() => ({
            ...GROUPED,
            backToOrigin: { mode: "legacy", cidrBlocks: LEGACY_BLOCKS },
            cenOptions: { bandwidthPackage: { bandwidthMbps: 10 } },
        }));
        assert.ok(component);
        const counts = world.countByType();
        assert.deepEqual(
            Object.fromEntries(
                Object.entries(counts).filter(([t]) =>
                    /^alicloud:(alb|ecs|vpc\/routeEntry|cen\/transitRouter(RouteEntry|PeerAttachment|VpcAttachment)?:)/.test(
                        t,
                    ),
                ),
            ),
            {
                "alicloud:alb/loadBalancer:LoadBalancer": 1,
                "alicloud:alb/serverGroup:ServerGroup": 1,
                "alicloud:alb/listener:Listener": 1,
                "alicloud:cen/transitRouter:TransitRouter": 2,
                "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": 2,
                "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": 1,
                // 1 backend route in VPC1 + 6 back-to-origin routes in VPC2.
                "alicloud:vpc/routeEntry:RouteEntry": 7,
                // 6 back-to-origin routes in the chengdu transit router.
                "alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry": 6,
                "alicloud:ecs/securityGroupRule:SecurityGroupRule": 6,
            },
        );
        assert.equal(world.named("s1-cen").parent, "s1");

        const alb = world.named("s1-alb");
        assert.equal(world.regionOf(alb), "cn-chengdu");
        assert.deepEqual(
            [
                alb.inputs.vpcId,
                alb.inputs.addressType,
                alb.inputs.loadBalancerEdition,
                alb.inputs.loadBalancerBillingConfig,
            ],
            [world.named("vpc1-vpc").id, "Internet", "Standard", { payType: "PayAsYouGo" }],
        );
        assert.deepEqual(alb.inputs.zoneMappings, [
            { zoneId: "cn-chengdu-a", vswitchId: world.named("vpc1-vsw1").id },
            { zoneId: "cn-chengdu-b", vswitchId: world.named("vpc1-vsw2").id },
        ]);

        const group = world.named("s1-sgp");
        assert.equal(world.regionOf(group), "cn-chengdu");
        assert.deepEqual(
            [
                group.inputs.serverGroupType,
                group.inputs.vpcId,
                group.inputs.protocol,
                group.inputs.scheduler,
                group.inputs.healthCheckConfig.healthCheckEnabled,
                group.inputs.stickySessionConfig,
            ],
            ["Ip", world.named("vpc1-vpc").id, "HTTP", "Wrr", true, { stickySessionEnabled: false }],
        );
        assert.deepEqual(group.inputs.servers, [
            { serverId: ECS1, serverIp: ECS1, serverType: "Ip", port: 80, weight: 100, remoteIpEnabled: true },
        ]);
        assert.deepEqual(group.inputs.healthCheckConfig, {
            healthCheckEnabled: true,
            healthCheckProtocol: "HTTP",
            healthCheckPath: "/",
            healthCheckCodes: ["http_2xx", "http_3xx"],
            healthCheckInterval: 2,
            healthCheckTimeout: 5,
            healthyThreshold: 3,
            unhealthyThreshold: 3,
            healthCheckConnectPort: 0,
        });

        const listener = world.named("s1-listener");
        assert.deepEqual(
            [listener.inputs.listenerProtocol, listener.inputs.listenerPort, listener.inputs.loadBalancerId],
            ["HTTP", 80, alb.id],
        );
        assert.deepEqual(listener.inputs.defaultActions, [
            { type: "ForwardGroup", forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: group.id }] } },
        ]);
        assert.deepEqual(listener.dependsOn, ["s1-sgp"], "the listener waits for its server group");
        assert.equal(listener.inputs.certificates, undefined);

        // Step 5: VPC1 system table → backend vSwitch via VPC1's attachment.
        const toBackend = world.named("s1-cen-alb-route-192-168-7-0-24");
        assert.deepEqual(
            [toBackend.inputs.routeTableId, toBackend.inputs.nexthopType, toBackend.inputs.nexthopId],
            [
                world.named("vpc1-vpc").state.routeTableId,
                "Attachment",
                world.named("s1-cen-alb-attach").state.transitRouterAttachmentId,
            ],
        );
        assert.equal(world.regionOf(toBackend), "cn-chengdu");
        assert.deepEqual(toBackend.dependsOn, ["s1-cen-alb-assoc"]);

        // Step 6: VPC2 system table → back-to-origin via VPC2's attachment, chained one after another.
        const back = LEGACY_BLOCKS.map(c => world.named(`s1-cen-backend-route-${addressSlug(c)}`));
        back.forEach((r, i) => {
            assert.equal(r.inputs.routeTableId, world.named("vpc2-vpc").state.routeTableId);
            assert.equal(r.inputs.destinationCidrblock, LEGACY_BLOCKS[i]);
            assert.equal(r.inputs.nexthopId, world.named("s1-cen-backend-attach").state.transitRouterAttachmentId);
            assert.equal(world.regionOf(r), "cn-hangzhou");
            assert.deepEqual(
                r.dependsOn,
                i === 0 ? ["s1-cen-backend-assoc"] : ["s1-cen-backend-assoc", back[i - 1].name],
            );
        });
        // ... and in VPC1's transit router, next hop VPC1's attachment, chained too.
        const trRoutes = LEGACY_BLOCKS.map(c => world.named(`s1-cen-tr-cn-chengdu-route-${addressSlug(c)}`));
        const chengduTable = await valueOf(component.cen.transitRouters["cn-chengdu"].routeTableId);
        trRoutes.forEach((r, i) => {
            assert.deepEqual(
                [
                    r.inputs.transitRouterRouteTableId,
                    r.inputs.transitRouterRouteEntryNextHopType,
                    r.inputs.transitRouterRouteEntryNextHopId,
                ],
                [chengduTable, "Attachment", world.named("s1-cen-alb-attach").state.transitRouterAttachmentId],
            );
            assert.equal(world.regionOf(r), "cn-chengdu");
            assert.deepEqual(r.dependsOn, i === 0 ? ["s1-cen-alb-assoc"] : ["s1-cen-alb-assoc", trRoutes[i - 1].name]);
        });

        // Step 7: only the back-to-origin blocks, only port 80, on the backend's region.
        const rules = world.ofType("ecs/securityGroupRule:SecurityGroupRule");
        assert.deepEqual(rules.map(r => r.inputs.cidrIp).sort(), [...LEGACY_BLOCKS].sort());
        for (const r of rules) {
            assert.deepEqual(
                [
                    r.inputs.securityGroupId,
                    r.inputs.type,
                    r.inputs.ipProtocol,
                    r.inputs.portRange,
                    r.inputs.policy,
                    r.inputs.nicType,
                ],
                ["sg-ecs1", "ingress", "tcp", "80/80", "accept", "intranet"],
            );
            assert.equal(world.regionOf(r), "cn-hangzhou");
        }

        const peer = world.named("s1-cen-peer-cn-chengdu-cn-hangzhou");
        assert.deepEqual([peer.inputs.bandwidthType, peer.inputs.bandwidth], ["BandwidthPackage", 10]);
        assert.equal(await valueOf(component.dnsName), alb.state.dnsName);
        assert.equal(await valueOf(component.listenerId), listener.id);
        assert.equal(component.routeEntryIds.length, 13);
        const ids = await Promise.all(component.routeEntryIds.map(valueOf));
        assert.deepEqual(
            ids.filter(id => /^rte-/.test(id)).sort(),
            trRoutes.map(r => r.state.transitRouterRouteEntryId).sort(),
            "transit-router entries are reported by their rte- id, not the composite resource id",
        );
    });

    it("defaults to the current back-to-origin: routes the ALB vSwitch blocks back, no transit-router routes", async () => {
        await make(() => GROUPED);
        assert.equal(world.ofType("cen/transitRouterRouteEntry:TransitRouterRouteEntry").length, 0);
        assert.deepEqual(
            world.ofType("vpc/routeEntry:RouteEntry").map(r => [world.regionOf(r), r.inputs.destinationCidrblock]),
            [
                ["cn-chengdu", "192.168.7.0/24"],
                ["cn-hangzhou", "172.16.0.0/24"],
                ["cn-hangzhou", "172.16.6.0/24"],
            ],
        );
        assert.deepEqual(
            world.ofType("ecs/securityGroupRule:SecurityGroupRule").map(r => [r.inputs.cidrIp, r.inputs.portRange]),
            [
                ["172.16.0.0/24", "80/80"],
                ["172.16.6.0/24", "80/80"],
            ],
        );
    });

    it("hard-codes nothing from the tutorial: Singapore → Frankfurt, other CIDRs, ports and weights", async () => {
        const sg: RegionalVpcArgs = {
            region: "ap-southeast-1",
            cidrBlock: "10.10.0.0/16",
            vSwitches: {
                a: { zoneId: "ap-southeast-1a", cidrBlock: "10.10.1.0/24" },
                b: { zoneId: "ap-southeast-1b", cidrBlock: "10.10.2.0/24" },
                c: { zoneId: "ap-southeast-1c", cidrBlock: "10.10.3.0/24" },
            },
        };
        const fra: RegionalVpcArgs = {
            region: "eu-central-1",
            cidrBlock: "10.20.0.0/16",
            vSwitches: {
                app: { zoneId: "eu-central-1a", cidrBlock: "10.20.5.0/24" },
                db: { zoneId: "eu-central-1b", cidrBlock: "10.20.6.0/24" },
            },
        };
        await make(
            () => ({
                backends: {
                    app1: { ipv4Address: "10.20.5.11", weight: 30, securityGroup: "app" },
                    app2: { ipv4Address: "10.20.5.12", port: 8081, weight: 70, securityGroup: "app" },
                },
                backendPort: 8080,
                listener: { port: 8000 },
                addressType: "Intranet",
                albVSwitches: ["b", "c"],
                securityGroups: { app: "sg-fra" },
                cenOptions: { peerBandwidthMbps: 4 },
            }),
            { alb: sg, backend: fra },
        );
        assert.equal(world.regionOf(world.named("s1-alb")), "ap-southeast-1");
        assert.deepEqual(
            world.named("s1-alb").inputs.zoneMappings.map((z: { zoneId: string }) => z.zoneId),
            ["ap-southeast-1b", "ap-southeast-1c"],
        );
        assert.equal(world.named("s1-alb").inputs.addressType, "Intranet");
        assert.deepEqual(
            world
                .named("s1-sgp")
                .inputs.servers.map((s: { serverIp: string; port: number; weight: number }) => [
                    s.serverIp,
                    s.port,
                    s.weight,
                ]),
            [
                ["10.20.5.11", 8080, 30],
                ["10.20.5.12", 8081, 70],
            ],
        );
        assert.equal(world.named("s1-listener").inputs.listenerPort, 8000);
        assert.deepEqual(
            world.ofType("vpc/routeEntry:RouteEntry").map(r => [world.regionOf(r), r.inputs.destinationCidrblock]),
            [
                ["ap-southeast-1", "10.20.5.0/24"],
                ["eu-central-1", "10.10.2.0/24"],
                ["eu-central-1", "10.10.3.0/24"],
            ],
        );
        assert.deepEqual(
            world
                .ofType("ecs/securityGroupRule:SecurityGroupRule")
                .map(r => [r.inputs.cidrIp, r.inputs.portRange])
                .sort(),
            [
                ["10.10.2.0/24", "8080/8080"],
                ["10.10.2.0/24", "8081/8081"],
                ["10.10.3.0/24", "8080/8080"],
                ["10.10.3.0/24", "8081/8081"],
            ],
        );
        assert.equal(world.regionOf(world.named("s1-cen-peer-ap-southeast-1-eu-central-1")), "ap-southeast-1");
        // No bandwidth plan asked for: the Singapore–Frankfurt connection is billed by data transfer, up to 4 Mbit/s.
        const peer = world.named("s1-cen-peer-ap-southeast-1-eu-central-1");
        assert.deepEqual([peer.inputs.bandwidthType, peer.inputs.bandwidth], ["DataTransfer", 4]);
        assert.equal(world.ofType("cen/bandwidthPackage:BandwidthPackage").length, 0);
    });

    it("takes DualStackAlb's health-check shape, opens a fixed health-check port, and tags an HTTPS listener on 443", async () => {
        await make(() => ({
            listener: { protocol: "HTTPS", certificateId: "cert-1" },
            ...GROUPED,
            healthCheck: {
                path: "/healthz",
                interval: 10,
                timeout: 3,
                healthyThreshold: 2,
                unhealthyThreshold: 4,
                codes: ["http_2xx"],
                port: 8081,
            },
            tags: { team: "web" },
        }));
        const listener = world.named("s1-listener");
        assert.deepEqual(
            [
                listener.inputs.listenerProtocol,
                listener.inputs.listenerPort,
                listener.inputs.certificates,
                listener.inputs.tags,
            ],
            ["HTTPS", 443, { certificateId: "cert-1" }, { team: "web" }],
        );
        assert.deepEqual(listener.dependsOn, ["s1-sgp"]);
        assert.deepEqual(world.named("s1-sgp").inputs.healthCheckConfig, {
            healthCheckEnabled: true,
            healthCheckProtocol: "HTTP",
            healthCheckPath: "/healthz",
            healthCheckCodes: ["http_2xx"],
            healthCheckInterval: 10,
            healthCheckTimeout: 3,
            healthyThreshold: 2,
            unhealthyThreshold: 4,
            healthCheckConnectPort: 8081,
        });
        assert.deepEqual(
            world
                .ofType("ecs/securityGroupRule:SecurityGroupRule")
                .map(r => [r.inputs.cidrIp, r.inputs.portRange])
                .sort(),
            [
                ["172.16.0.0/24", "80/80"],
                ["172.16.0.0/24", "8081/8081"],
                ["172.16.6.0/24", "80/80"],
                ["172.16.6.0/24", "8081/8081"],
            ],
        );

        await make(() => ({ healthCheck: { enabled: false, port: 8081 }, ...GROUPED }));
        assert.deepEqual(world.named("s1-sgp").inputs.healthCheckConfig, { healthCheckEnabled: false });
        assert.deepEqual(
            world.ofType("ecs/securityGroupRule:SecurityGroupRule").map(r => r.inputs.portRange),
            ["80/80", "80/80"],
        );
    });

    it("admits the back-to-origin blocks in each backend's own group, named as DualStackAlb's rules; one group keeps 0.1's names as aliases", async () => {
        await make(() => ({
            backends: {
                ecs1: { ipv4Address: ECS1, securityGroup: "web" },
                ecs2: { ipv4Address: "192.168.7.101", port: 8080, securityGroup: "api" },
                ecs3: { ipv4Address: "192.168.7.102" },
            },
            securityGroups: { web: "sg-web", api: "sg-api" },
        }));
        const rules = world.ofType("ecs/securityGroupRule:SecurityGroupRule");
        assert.deepEqual(
            rules.map(r => [r.name, r.inputs.securityGroupId, r.inputs.portRange, r.inputs.cidrIp]),
            [
                ["s1-web-tcp80-172-16-0-0-24", "sg-web", "80/80", "172.16.0.0/24"],
                ["s1-web-tcp80-172-16-6-0-24", "sg-web", "80/80", "172.16.6.0/24"],
                ["s1-api-tcp8080-172-16-0-0-24", "sg-api", "8080/8080", "172.16.0.0/24"],
                ["s1-api-tcp8080-172-16-6-0-24", "sg-api", "8080/8080", "172.16.6.0/24"],
            ],
        );
        assert.ok(
            rules.every(r => r.aliases === undefined),
            "with two groups no rule had a name before",
        );

        await make(() => GROUPED);
        const aliasNames = (r: { aliases?: Array<string | { name?: string }> }) =>
            r.aliases?.map(a => (typeof a === "string" ? a : a.name));
        assert.deepEqual(
            world.ofType("ecs/securityGroupRule:SecurityGroupRule").map(r => [r.name, aliasNames(r)]),
            [
                ["s1-ecs1-tcp80-172-16-0-0-24", ["s1-ingress-80-172-16-0-0-24"]],
                ["s1-ecs1-tcp80-172-16-6-0-24", ["s1-ingress-80-172-16-6-0-24"]],
            ],
        );
    });

    it("accepts an ECS output as backend IP and then routes every backend vSwitch", async () => {
        await make(() => ({ backends: { ecs2: { ipv4Address: pulumi.output("192.168.8.20") } } }));
        assert.deepEqual(world.named("s1-sgp").inputs.servers[0].serverIp, "192.168.8.20");
        assert.deepEqual(
            world
                .ofType("vpc/routeEntry:RouteEntry")
                .filter(r => world.regionOf(r) === "cn-chengdu")
                .map(r => r.inputs.destinationCidrblock),
            ["192.168.8.0/24", "192.168.7.0/24"],
        );
    });

    it("accepts the system route table named explicitly, on created and on existing VPCs", async () => {
        await build(opts => {
            const alb = new RegionalVpc("vpc1", VPC1, opts);
            const backend = RegionalVpc.fromExisting(
                "vpc2",
                {
                    region: "cn-hangzhou",
                    vpcId: "vpc-2",
                    routeTableId: "vtb-system2",
                    cidrBlock: "192.168.0.0/16",
                    vSwitches: {
                        vsw3: { id: "vsw-3", zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
                        vsw4: { id: "vsw-4", zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
                    },
                },
                opts,
            );
            return new CrossRegionAlbBackend(
                "s1",
                {
                    albVpc: alb,
                    backendVpc: backend,
                    backends: { ecs1: { ipv4Address: ECS1 } },
                    albRouteTableId: alb.routeTableId,
                    backendRouteTableId: "vtb-system2",
                },
                opts,
            );
        });
        const backendRoutes = world
            .ofType("vpc/routeEntry:RouteEntry")
            .filter(r => r.inputs.routeTableId === "vtb-system2");
        assert.ok(backendRoutes.length > 0, "the backend VPC's routes go to its system table");
    });

    it("joins an existing network, continuing its route-table chains", async () => {
        let cen: CenTransitNetwork | undefined;
        await build(opts => {
            const v1 = new RegionalVpc("vpc1", VPC1, opts);
            const v2 = new RegionalVpc("vpc2", VPC2, opts);
            cen = new CenTransitNetwork(
                "shared",
                {
                    members: { chengdu: { vpc: v1 }, hangzhou: { vpc: v2 } },
                    vpcRoutes: [{ member: "hangzhou", destinationCidrBlock: "10.0.0.0/8" }],
                },
                opts,
            );
            return new CrossRegionAlbBackend(
                "s1",
                { albVpc: v1, backendVpc: v2, backends: { ecs1: { ipv4Address: ECS1 } }, cen },
                opts,
            );
        });
        assert.equal(world.ofType("cen/instance:Instance").length, 1);
        const first = world.named("s1-hangzhou-route-172-16-0-0-24");
        assert.equal(first.parent, "s1");
        assert.deepEqual(first.dependsOn, ["shared-hangzhou-assoc", "shared-hangzhou-route-10-0-0-0-8"]);
        assert.deepEqual(world.named("s1-hangzhou-route-172-16-6-0-24").dependsOn, [
            "shared-hangzhou-assoc",
            first.name,
        ]);
        assert.deepEqual(world.named("s1-chengdu-route-192-168-7-0-24").dependsOn, ["shared-chengdu-assoc"]);

        // Legacy mode on a joined network: the transit-router entries are reported by their own id too.
        const component = await build(opts => {
            const v1 = new RegionalVpc("vpc1", VPC1, opts);
            const v2 = new RegionalVpc("vpc2", VPC2, opts);
            const shared = new CenTransitNetwork(
                "shared",
                { members: { chengdu: { vpc: v1 }, hangzhou: { vpc: v2 } } },
                opts,
            );
            return new CrossRegionAlbBackend(
                "s1",
                {
                    albVpc: v1,
                    backendVpc: v2,
                    backends: { ecs1: { ipv4Address: ECS1 } },
                    cen: shared,
                    backToOrigin: { mode: "legacy", cidrBlocks: LEGACY_BLOCKS.slice(0, 2) },
                },
                opts,
            );
        });
        const ids = await Promise.all(component.routeEntryIds.map(valueOf));
        assert.deepEqual(
            ids.filter(id => id.startsWith("rte-")).sort(),
            world
                .ofType("cen/transitRouterRouteEntry:TransitRouterRouteEntry")
                .map(r => r.state.transitRouterRouteEntryId)
                .sort(),
        );
        assert.equal(ids.filter(id => id.startsWith("rte-")).length, 2);
    });

    describe("rejects, registering nothing", () => {
        it("regions outside the cross-region ALB list, and one region for both sides", async () => {
            const wuhan: RegionalVpcArgs = {
                region: "cn-heyuan",
                cidrBlock: "10.1.0.0/16",
                vSwitches: {
                    a: { zoneId: "cn-heyuan-a", cidrBlock: "10.1.1.0/24" },
                    b: { zoneId: "cn-heyuan-b", cidrBlock: "10.1.2.0/24" },
                },
            };
            assert.deepEqual(await rejection(() => ({}), { alb: wuhan, backend: VPC2 }), [
                {
                    path: "albVpc.region",
                    message: "region 'cn-heyuan' does not support ALB backends in another region.",
                },
            ]);
            const second = {
                ...VPC2,
                cidrBlock: "10.0.0.0/8",
                vSwitches: { x: { zoneId: "cn-hangzhou-h", cidrBlock: "10.0.1.0/24" } },
            };
            const problems = await rejection(() => ({ backends: { x: { ipv4Address: "10.0.1.5" } } }), {
                alb: VPC2,
                backend: second,
            });
            assert.deepEqual(problems, [
                {
                    path: "backendVpc.region",
                    message: "the ALB and the backends are both in cn-hangzhou; this pattern joins two regions.",
                },
            ]);
        });

        it("public backends, backends in the ALB's VPC or outside the backend VPC, remote IP off", async () => {
            const problems = await rejection(() => ({
                backends: {
                    pub: { ipv4Address: "47.96.1.1" },
                    own: { ipv4Address: "172.16.0.9" },
                    local: { ipv4Address: "192.168.7.9", remoteIpEnabled: false },
                    away: { ipv4Address: "10.9.9.9" },
                },
            }));
            assert.deepEqual(problems, [
                {
                    path: "backends.pub.ipv4Address",
                    message:
                        "backend 47.96.1.1 is not a private address; remote IP accepts only 10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12, 192.168.0.0/16.",
                },
                {
                    path: "backends.pub.ipv4Address",
                    message:
                        "backend 47.96.1.1 is outside the backend VPC 192.168.0.0/16, the only network this component routes to.",
                },
                {
                    path: "backends.own.ipv4Address",
                    message:
                        "backend 172.16.0.9 is inside the ALB's own VPC 172.16.0.0/12; an IP-type backend may not share the VPC of the ALB.",
                },
                {
                    path: "backends.local.ipv4Address",
                    message:
                        "without remote IP an IP server group reaches only addresses in its own VPC (172.16.0.0/12), and a cross-region backend 192.168.7.9 is not there.",
                },
                {
                    path: "backends.away.ipv4Address",
                    message:
                        "backend 10.9.9.9 is outside the backend VPC 192.168.0.0/16, the only network this component routes to.",
                },
            ]);
        });

        it("weights (1 to 100, as DualStackAlb's), ports, no backends, fewer than two ALB zones", async () => {
            const backends = {
                a: { ipv4Address: ECS1, weight: 0, port: 70000 },
                b: { ipv4Address: ECS1, weight: 101 },
            };
            assert.deepEqual(await rejection(() => ({ backends, listener: { port: 0 } })), [
                { path: "listener.port", message: "0: is not a whole number from 1 to 65535." },
                { path: "backends.a.port", message: "70000: is not a whole number from 1 to 65535." },
                { path: "backends.a.weight", message: "0: is not a whole number from 1 to 100." },
                { path: "backends.b.weight", message: "101: is not a whole number from 1 to 100." },
            ]);
            assert.deepEqual(await rejection(() => ({ backends: {}, albVSwitches: ["vsw1"] })), [
                {
                    path: "albVSwitches",
                    message:
                        "the ALB is placed in 1 zone(s); it needs vSwitches in at least two zones (got vsw1 in cn-chengdu-a).",
                },
                { path: "backends", message: "no backend server is given." },
            ]);
        });

        it("ALB and server-group settings outside the provider's values", async () => {
            const problems = await expectRejection(
                S1,
                opts =>
                    s1(
                        opts,
                        () => ({
                            edition: "Premium" as never,
                            addressType: "Public" as never,
                            backendProtocol: "gRPC" as never,
                            scheduler: "Uch" as never,
                        }),
                        { alb: VPC1, backend: VPC2 },
                    ),
                r => OWN.test(r.type),
            );
            assert.deepEqual(problems.problems, [
                {
                    path: "edition",
                    message: '"Premium" is not accepted.',
                    fix: 'Use one of: "Basic", "Standard", "StandardWithWaf".',
                },
                {
                    path: "addressType",
                    message: '"Public" is not accepted.',
                    fix: 'Use one of: "Internet", "Intranet".',
                },
                { path: "scheduler", message: '"Uch" is not accepted.', fix: 'Use one of: "Wrr", "Wlc", "Sch".' },
                { path: "backendProtocol", message: '"gRPC" is not accepted.', fix: 'Use one of: "HTTP", "HTTPS".' },
            ]);
        });

        it("the ALB's own VPC as backend VPC, an unknown back-to-origin mode, and blocks for the vswitch mode", async () => {
            const error = await expectRejection(
                S1,
                opts => {
                    const v1 = new RegionalVpc("vpc1", VPC1, opts);
                    return new CrossRegionAlbBackend(
                        "s1",
                        { albVpc: v1, backendVpc: v1, backends: { own: { ipv4Address: "172.16.0.9" } } },
                        opts,
                    );
                },
                r => OWN.test(r.type),
            );
            const byPath = Object.fromEntries(error.problems.map(p => [p.path, p.message]));
            assert.equal(
                byPath.backendVpc,
                "the backend VPC is the ALB's VPC; an IP-type backend may not share the VPC of the ALB.",
            );
            assert.deepEqual(await rejection(() => ({ backToOrigin: { mode: "auto" } as never })), [
                { path: "backToOrigin.mode", message: '"auto" is not accepted.' },
            ]);
            // An untyped caller's blocks in the current mode would not be used: refused, not ignored.
            assert.deepEqual(
                await rejection(() => ({ backToOrigin: { mode: "vswitch", cidrBlocks: LEGACY_BLOCKS } as never })),
                [
                    {
                        path: "backToOrigin.cidrBlocks",
                        message:
                            "an ALB in mode 'vswitch' fetches from its vSwitches' addresses; the blocks would not be used.",
                    },
                ],
            );
        });

        it("backend vSwitches that are unknown or leave a backend unrouted", async () => {
            assert.deepEqual(await rejection(() => ({ backendVSwitches: ["vsw3", "vsw9"] })), [
                { path: "backendVSwitches[1]", message: "vSwitch 'vsw9' is not a vSwitch of VPC 'vpc2'." },
                {
                    path: "backends.ecs1.ipv4Address",
                    message:
                        "backend 192.168.7.100 is in none of the routed backend vSwitches (vsw3 192.168.8.0/24), so the ALB VPC has no route to it.",
                },
            ]);
        });

        it("ALB vSwitches: unknown, two in one zone, too few free addresses", async () => {
            const small: RegionalVpcArgs = {
                ...VPC1,
                vSwitches: {
                    ...VPC1.vSwitches,
                    tiny: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.9.0/29" },
                    twin: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.1.0/24" },
                },
            };
            assert.deepEqual(
                await rejection(() => ({ albVSwitches: ["vsw1", "nope", "twin", "tiny"] }), {
                    alb: small,
                    backend: VPC2,
                }),
                [
                    { path: "albVSwitches[1]", message: "vSwitch 'nope' is not a vSwitch of VPC 'vpc1'." },
                    {
                        path: "albVSwitches[2]",
                        message:
                            "vSwitch 'twin' is in zone cn-chengdu-a, like vSwitch 'vsw1'; an ALB takes one vSwitch per zone.",
                    },
                    {
                        path: "albVSwitches[3]",
                        message:
                            "vSwitch 'tiny' 172.16.9.0/29 leaves 4 free addresses (4 reserved by Alibaba Cloud); an ALB needs at least 8.",
                    },
                ],
            );
        });

        it("listener: HTTPS without a certificate, HTTP with one, an unknown protocol, at the listener's fields as DualStackAlb's", async () => {
            const https = await rejection(() => ({ listener: { protocol: "HTTPS" } }));
            assert.deepEqual(https, [
                { path: "listener.certificateId", message: "an HTTPS listener needs a server certificate." },
            ]);
            const http = await rejection(() => ({ listener: { protocol: "HTTP", certificateId: "cert-1" } }));
            assert.deepEqual(http, [
                { path: "listener.certificateId", message: "an HTTP listener takes no certificate." },
            ]);
            assert.deepEqual(await rejection(() => ({ listener: { protocol: "QUIC" as never } })), [
                { path: "listener.protocol", message: '"QUIC" is not accepted.' },
            ]);
        });

        it("the fields of 0.1, from callers without types, at the field with what to write instead", async () => {
            const old = {
                loadBalancerEdition: "Basic",
                listenerProtocol: "HTTPS",
                listenerPort: 8443,
                certificateId: "cert-1",
                backendSecurityGroupId: "sg-1",
                backends: [{ ip: ECS1 }],
            } as unknown as Partial<CrossRegionAlbBackendArgs>;
            const error = await expectRejection(
                S1,
                opts => s1(opts, () => old, { alb: VPC1, backend: VPC2 }),
                r => OWN.test(r.type),
            );
            assert.deepEqual(
                error.problems.map(p => [p.path, p.message, p.fix]),
                [
                    [
                        "loadBalancerEdition",
                        "loadBalancerEdition was renamed to edition; it is not read any more.",
                        'Write edition: "Basic" instead.',
                    ],
                    [
                        "listenerProtocol",
                        "listenerProtocol was moved into listener; it is not read any more.",
                        'Write listener: { protocol: "HTTPS" } instead.',
                    ],
                    [
                        "listenerPort",
                        "listenerPort was moved into listener; it is not read any more.",
                        "Write listener: { port: 8443 } instead.",
                    ],
                    [
                        "certificateId",
                        "certificateId was moved into listener; it is not read any more.",
                        'Write listener: { protocol: "HTTPS", certificateId: … } instead.',
                    ],
                    [
                        "backendSecurityGroupId",
                        "backendSecurityGroupId was replaced by securityGroups, a group per backend; it is not read any more.",
                        'Write securityGroups: { servers: "sg-…" } and securityGroup: "servers" on each backend instead.',
                    ],
                    [
                        "backends",
                        "backends is a record by backend name now, not a list, and each backend's ip is its ipv4Address.",
                        'Write backends: { ecs1: { ipv4Address: "192.168.7.10" } }.',
                    ],
                ],
            );
        });

        it("names the ALB and the server group would refuse, and an unknown security group, as DualStackAlb's", async () => {
            const problems = await rejection(() => ({
                loadBalancerName: "1alb",
                serverGroupName: "x",
                securityGroups: { ecs1: "sg-1" },
                backends: { ecs1: { ipv4Address: ECS1, securityGroup: "ecs", description: "http://ecs1" } },
            }));
            assert.deepEqual(problems, [
                {
                    path: "loadBalancerName",
                    message: "ALB name '1alb' is not 2 to 128 letters, digits, '.', '_' or '-' starting with a letter.",
                },
                {
                    path: "serverGroupName",
                    message:
                        "server group name 'x' is not 2 to 128 letters, digits, '.', '_' or '-' starting with a letter.",
                },
                {
                    path: "backends.ecs1.description",
                    message:
                        "description 'http://ecs1' is not 2 to 256 characters, or starts with http:// or https://.",
                },
                {
                    path: "backends.ecs1.securityGroup",
                    message: "security group 'ecs' is not a key of securityGroups.",
                },
            ]);
        });

        it("health checks out of range, with the same paths and messages as DualStackAlb's", async () => {
            assert.deepEqual(await rejection(() => ({ healthCheck: { protocol: "UDP" as never } })), [
                { path: "healthCheck.protocol", message: '"UDP" is not accepted.' },
            ]);
            const ranges = await rejection(() => ({
                healthCheck: { interval: 60, timeout: 0, healthyThreshold: 1, unhealthyThreshold: 11, port: 70000 },
            }));
            assert.deepEqual(ranges, [
                { path: "healthCheck.interval", message: "60: is not a whole number from 1 to 50." },
                { path: "healthCheck.timeout", message: "0: is not a whole number from 1 to 300." },
                { path: "healthCheck.healthyThreshold", message: "1: is not a whole number from 2 to 10." },
                { path: "healthCheck.unhealthyThreshold", message: "11: is not a whole number from 2 to 10." },
                { path: "healthCheck.port", message: "70000: is not a whole number from 0 to 65535." },
            ]);
            const problems = await rejection(() => ({ healthCheck: { path: "health", codes: ["200"] } }));
            assert.deepEqual(
                problems.map(p => p.path),
                ["healthCheck.path", "healthCheck.codes[0]"],
            );
            assert.match(problems[0].message, /health-check path 'health' is not a URL path/);
            assert.equal(problems[1].message, "health-check status class '200' is not supported.");
        });

        it("overlapping VPCs and attachment vSwitches sharing a zone, through the network's checks, at the caller's input paths", async () => {
            const overlapping = {
                ...VPC2,
                cidrBlock: "172.16.0.0/16",
                vSwitches: {
                    a: { zoneId: "cn-hangzhou-h", cidrBlock: "172.16.100.0/24" },
                    b: { zoneId: "cn-hangzhou-h", cidrBlock: "172.16.101.0/24" },
                },
            };
            const problems = await rejection(
                () => ({
                    backends: { a: { ipv4Address: "172.16.100.5" } },
                    cenOptions: { backendAttachmentVSwitches: ["a", "b"], albAttachmentVSwitches: ["vsw9"] },
                }),
                { alb: { ...VPC1, cidrBlock: "172.16.0.0/12" }, backend: overlapping },
            );
            assert.ok(
                problems.some(
                    p =>
                        p.path === "backendVpc.cidrBlock" &&
                        p.message === "member 'backend' VPC 172.16.0.0/16 overlaps member 'alb' VPC 172.16.0.0/12.",
                ),
                JSON.stringify(problems),
            );
            // The network's own wording, which may name its own fields; the path is the caller's.
            assert.ok(
                problems.some(
                    p =>
                        p.path === "cenOptions.backendAttachmentVSwitches[1]" &&
                        /attachment zone 'cn-hangzhou-h' is used again/.test(p.message),
                ),
                JSON.stringify(problems),
            );
            assert.ok(
                problems.some(
                    p =>
                        p.path === "cenOptions.albAttachmentVSwitches[0]" &&
                        p.message === "vSwitch 'vsw9' is not a vSwitch of VPC 'vpc1'.",
                ),
                JSON.stringify(problems),
            );
        });

        it("the network's route checks, at the input each route comes from", async () => {
            // A backend vSwitch on the block of an ALB vSwitch: the route back to that ALB vSwitch would lose to the local route.
            const shadowing = {
                ...VPC2,
                cidrBlock: "172.16.0.0/16",
                vSwitches: { a: { zoneId: "cn-hangzhou-h", cidrBlock: "172.16.6.0/24" } },
            };
            const problems = await rejection(() => ({ backends: { a: { ipv4Address: "172.16.6.5" } } }), {
                alb: VPC1,
                backend: shadowing,
            });
            assert.ok(
                problems.some(
                    p =>
                        p.path === "albVSwitches" &&
                        /172\.16\.6\.0\/24 overlaps vSwitch 'a' 172\.16\.6\.0\/24 of member 'backend' itself/.test(
                            p.message,
                        ),
                ),
                JSON.stringify(problems),
            );
        });

        it("network bandwidth options, at the caller's input paths", async () => {
            assert.deepEqual(
                await rejection(() => ({
                    cenOptions: {
                        peerBandwidthMbps: 50,
                        bandwidthPackage: { bandwidthMbps: 20, paymentType: "PostPaid", period: 3 },
                    },
                })),
                [
                    {
                        path: "cenOptions.bandwidthPackage.bandwidthMbps",
                        message:
                            "the connections across China/China need 50 Mbit/s together (cn-chengdu:cn-hangzhou 50) but the bandwidth package has 20 Mbit/s.",
                    },
                    { path: "cenOptions.bandwidthPackage.period", message: "period applies to PrePaid packages only." },
                ],
            );
            assert.deepEqual(await rejection(() => ({ cenOptions: { peerBandwidthMbps: 0 } })), [
                {
                    path: "cenOptions.peerBandwidthMbps",
                    message: "0: is not a whole number from 1 to 100000.",
                },
            ]);
        });

        it("a CEN instance name the network would refuse, at the caller's input (the component's name when it is the default)", async () => {
            assert.deepEqual(
                (await rejection(() => ({ cenOptions: { cenInstanceName: "https://cen" } }))).map(p => p.path),
                ["cenOptions.cenInstanceName"],
            );
        });

        it("custom route tables, with the reason", async () => {
            const problems = await rejection(() => ({
                albRouteTableId: "vtb-custom",
                backendRouteTableId: "vtb-custom2",
            }));
            assert.deepEqual(
                problems.map(p => p.path),
                ["albRouteTableId", "backendRouteTableId"],
            );
            assert.match(
                problems[0].message,
                /only the VPC's system route table carries traffic .* custom route tables are unsupported/,
            );
        });

        it("a joined network with a second VPC in the ALB's region, without the two VPCs' connection", async () => {
            const error = await expectRejection(
                S1,
                opts => {
                    const v1 = new RegionalVpc("vpc1", VPC1, opts);
                    const v2 = new RegionalVpc("vpc2", VPC2, opts);
                    const v3 = new RegionalVpc(
                        "vpc3",
                        {
                            region: "cn-chengdu",
                            cidrBlock: "10.0.0.0/16",
                            vSwitches: { a: { zoneId: "cn-chengdu-a", cidrBlock: "10.0.1.0/24" } },
                        },
                        opts,
                    );
                    const v4 = new RegionalVpc(
                        "vpc4",
                        {
                            region: "cn-beijing",
                            cidrBlock: "10.1.0.0/16",
                            vSwitches: { a: { zoneId: "cn-beijing-a", cidrBlock: "10.1.1.0/24" } },
                        },
                        opts,
                    );
                    const cen = new CenTransitNetwork(
                        "shared",
                        {
                            members: { a: { vpc: v1 }, b: { vpc: v2 }, c: { vpc: v3 }, d: { vpc: v4 } },
                            allowMultipleVpcsPerRegion: true,
                            peerings: [{ regions: ["cn-chengdu", "cn-beijing"], bandwidthMbps: 2 }],
                        },
                        opts,
                    );
                    return new CrossRegionAlbBackend(
                        "s1",
                        { albVpc: v1, backendVpc: v2, backends: { ecs1: { ipv4Address: ECS1 } }, cen, cenOptions: {} },
                        opts,
                    );
                },
                r => r.name === "s1" || r.name.startsWith("s1-"),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["cenOptions", "albVpc", "cen"],
            );
            assert.match(
                error.problems[1].message,
                /another VPC \(member 'c'\) in cn-chengdu\. Per CEN, the cross-region ALB pattern allows one VPC per region/,
            );
            assert.equal(
                error.problems[2].message,
                "the joined network has no inter-region connection between cn-chengdu and cn-hangzhou.",
            );
        });

        it("a security group rule wider than the back-to-origin blocks, or legacy blocks outside 100.64.0.0/10", async () => {
            const problems = await rejection(() => ({
                ...GROUPED,
                backToOrigin: {
                    mode: "legacy",
                    cidrBlocks: ["100.64.0.0/10", "192.168.0.0/25", "100.117.130.0/25", "100.117.130.0/26"],
                },
            }));
            assert.deepEqual(problems, [
                {
                    path: "backToOrigin.cidrBlocks[0]",
                    message:
                        "back-to-origin block 100.64.0.0/10 is wider than /24; it would open the backend port to addresses that are not this ALB's (the console lists /25 and /26 blocks).",
                },
                {
                    path: "backToOrigin.cidrBlocks[1]",
                    message:
                        "back-to-origin block 192.168.0.0/25 is not inside 100.64.0.0/10, where legacy ALBs fetch from.",
                },
                {
                    path: "backToOrigin.cidrBlocks[2]",
                    message: "back-to-origin block 2 100.117.130.0/25 overlaps back-to-origin block 0 100.64.0.0/10.",
                },
                {
                    path: "backToOrigin.cidrBlocks[3]",
                    message: "back-to-origin block 3 100.117.130.0/26 overlaps back-to-origin block 0 100.64.0.0/10.",
                },
                {
                    path: "backToOrigin.cidrBlocks[3]",
                    message:
                        "back-to-origin block 3 100.117.130.0/26 overlaps back-to-origin block 2 100.117.130.0/25.",
                },
            ]);
            assert.deepEqual(
                await rejection(() => ({ backToOrigin: { mode: "legacy", cidrBlocks: [] } })).then(p =>
                    p.map(x => x.path),
                ),
                ["backToOrigin.cidrBlocks"],
            );
        });
    });
});

/** The problems a plan reports for values known only at deployment, checked when they resolve. */
async function problemsWhenKnown(args: (v: Vpcs) => Partial<CrossRegionAlbBackendArgs>) {
    const result = await runPlan(
        {
            loadStackConfig: raw => raw,
            buildStack: (_config, opts) => {
                s1(opts, args, { alb: VPC1, backend: VPC2 });
                return {};
            },
        },
        {},
    );
    assert.ok(!result.ok, "the plan fails");
    assert.deepEqual(
        result.errors.map(e => e.source),
        [S1],
    );
    return result.errors[0].problems.map(p => ({ path: p.path, message: p.message }));
}

describe("CrossRegionAlbBackend called without types (JavaScript, YAML)", () => {
    it("refuses args of the wrong shape at their paths, every one at once, before any rule runs", async () => {
        const problems = await rejection(
            () =>
                ({
                    albVpc: { region: "cn-chengdu" } as never,
                    backends: "ecs1" as never,
                    backendPrt: 8080,
                    stickySession: "yes" as never,
                    listener: { protocol: "HTTPS", certificateId: false as never },
                }) as Partial<CrossRegionAlbBackendArgs>,
        );
        assert.deepEqual(problems.map(p => p.path).sort(), [
            "albVpc",
            "backendPrt",
            "backends",
            "listener.certificateId",
            "stickySession",
        ]);
        const at = Object.fromEntries(problems.map(p => [p.path, p.message]));
        assert.equal(at.albVpc, '{"region":"cn-chengdu"}: is not a RegionalVpc.');
        assert.equal(at.backends, 'expected object, got "ecs1".');
        assert.equal(at["listener.certificateId"], "expected string, got false.");
        const error = await expectRejection(S1, opts => new CrossRegionAlbBackend("s1", null as never, opts));
        assert.deepEqual(
            error.problems.map(p => [p.path, p.message]),
            [["", "expected object, got null."]],
        );
        const typo = await expectRejection(
            S1,
            opts => s1(opts, () => ({ backendPrt: 8080 }) as never, { alb: VPC1, backend: VPC2 }),
            r => OWN.test(r.type),
        );
        assert.equal(typo.problems[0].fix, "Did you mean 'backendPort'?");
    });

    it("refuses a backend IP that is not text before registration, and checks an Output when it resolves", async () => {
        assert.deepEqual(
            await rejection(() => ({
                backends: { ecs1: { ipv4Address: 7 as never }, ecs2: { ipv4Address: null as never } },
            })),
            [
                { path: "backends.ecs1.ipv4Address", message: "expected string, got 7." },
                { path: "backends.ecs2.ipv4Address", message: "expected string, got null." },
            ],
        );
        assert.deepEqual(
            await problemsWhenKnown(() => ({ backends: { ecs1: { ipv4Address: pulumi.output(" 192.168.7.10 ") } } })),
            [
                {
                    path: "backends.ecs1.ipv4Address",
                    message: "' 192.168.7.10 ' has blanks around it; write '192.168.7.10'.",
                },
            ],
        );
        assert.deepEqual(
            await problemsWhenKnown(() => ({ backends: { ecs1: { ipv4Address: pulumi.output(7) as never } } })),
            [
                {
                    path: "backends.ecs1.ipv4Address",
                    message: "7 is not an IP address as text; write it like 192.168.7.10.",
                },
            ],
        );
    });

    it("refuses empty or malformed ids: a security group id that is empty or a name (also as an Output), an empty certificate", async () => {
        assert.deepEqual(
            await rejection(() => ({
                backends: { ecs1: { ipv4Address: ECS1, securityGroup: "servers" } },
                securityGroups: { servers: "" },
                listener: { protocol: "HTTPS", certificateId: "" },
            })),
            [
                { path: "listener.certificateId", message: '"": is empty.' },
                {
                    path: "securityGroups.servers",
                    message: '"": is not a security group id (sg- and letters and digits).',
                },
            ],
        );
        assert.deepEqual(await rejection(() => ({ ...GROUPED, securityGroups: { ecs1: "web-servers" } })), [
            {
                path: "securityGroups.ecs1",
                message: '"web-servers": is not a security group id (sg- and letters and digits).',
            },
        ]);
        assert.deepEqual(
            await problemsWhenKnown(() => ({ ...GROUPED, securityGroups: { ecs1: pulumi.output("web-servers") } })),
            [
                {
                    path: "securityGroups.ecs1",
                    message: '"web-servers": is not a security group id (sg- and letters and digits).',
                },
            ],
        );
        assert.deepEqual(
            await problemsWhenKnown(() => ({
                listener: { protocol: "HTTPS", certificateId: pulumi.output(" 123-cn-chengdu") },
            })),
            [{ path: "listener.certificateId", message: '" 123-cn-chengdu": has leading or trailing blanks.' }],
        );
    });

    it("takes prototype names as any other backend or group name, and refuses __proto__, blanks and dots as names", async () => {
        await make(() => ({
            backends: { constructor: { ipv4Address: ECS1, securityGroup: "toString" } },
            securityGroups: { toString: "sg-ecs1" },
        }));
        const rules = world.ofType("ecs/securityGroupRule:SecurityGroupRule");
        assert.ok(
            rules.length > 0 && rules.every(r => r.inputs.securityGroupId === "sg-ecs1"),
            "the rules go into the group named toString",
        );
        assert.deepEqual(
            world.named("s1-sgp").inputs.servers.map((s: { serverIp: string }) => s.serverIp),
            [ECS1],
        );
        assert.deepEqual(
            await rejection(() => ({ backends: { ecs1: { ipv4Address: ECS1, securityGroup: "constructor" } } })),
            [
                {
                    path: "backends.ecs1.securityGroup",
                    message: "security group 'constructor' is not a key of securityGroups.",
                },
            ],
        );
        // An own __proto__ key (JSON and YAML make one) is refused by the shape check, before any rule.
        assert.deepEqual(
            await rejection(() => ({ backends: JSON.parse(`{"__proto__": {"ipv4Address": "${ECS1}"}}`) })),
            [{ path: "backends.__proto__", message: "'__proto__' is not accepted as a name." }],
        );
        const named = await rejection(() => ({
            backends: { "a.b": { ipv4Address: ECS1 } },
            securityGroups: { " servers": "sg-ecs1" },
        }));
        assert.deepEqual(named, [
            {
                path: "securityGroups",
                message:
                    "security group name \" servers\" is not letters, digits, '-' or '_' starting with a letter or digit.",
            },
            {
                path: "backends",
                message: "backend name \"a.b\" is not letters, digits, '-' or '_' starting with a letter or digit.",
            },
        ]);
    });
});

describe("checkCrossRegionAlbBackendArgs", () => {
    it("returns the complete plan, every default applied once, and leaves the CEN's own defaults to the CEN", async () => {
        const vpcs = await build(opts => [new RegionalVpc("vpc1", VPC1, opts), new RegionalVpc("vpc2", VPC2, opts)]);
        const problems = new Problems();
        const plan = checkCrossRegionAlbBackendArgs(problems, "s1", {
            albVpc: vpcs[0],
            backendVpc: vpcs[1],
            backends: { ecs1: { ipv4Address: ECS1 } },
        })!;
        assert.deepEqual(problems.list, []);
        assert.deepEqual(
            [
                plan.edition,
                plan.addressType,
                plan.scheduler,
                plan.loadBalancerName,
                plan.serverGroupName,
                plan.backendProtocol,
                plan.stickySession,
            ],
            ["Standard", "Internet", "Wrr", "s1", "s1-ip", "HTTP", false],
        );
        assert.deepEqual(plan.listener, { protocol: "HTTP", port: 80, certificateId: undefined });
        assert.deepEqual(
            plan.albVSwitches.map(v => v.name),
            ["vsw1", "vsw2"],
        );
        assert.deepEqual(
            plan.backends.map(b => [b.key, b.port, b.weight]),
            [["ecs1", 80, 100]],
        );
        assert.deepEqual(
            [plan.backendCidrs, plan.backToOriginCidrs, plan.legacy],
            [["192.168.7.0/24"], ["172.16.0.0/24", "172.16.6.0/24"], false],
        );
        assert.equal(plan.network.kind, "create");
        const cen = plan.network.kind === "create" ? plan.network.args : undefined;
        assert.deepEqual(
            [cen?.cenInstanceName, cen?.peerBandwidthMbps, cen?.bandwidthPackage],
            ["s1", undefined, undefined],
        );
        assert.equal(
            checkCrossRegionAlbBackendArgs(new Problems(), "s1", {
                albVpc: vpcs[0],
                backendVpc: vpcs[1],
                backends: {},
                listener: { protocol: "HTTPS", certificateId: "cert-1" },
            })!.listener.port,
            443,
            "HTTPS listens on 443 unless told otherwise",
        );
    });
});

describe("ALB health checks as the provider takes them", () => {
    it("sends gRPC checks as GRPC, the spelling the provider's case-sensitive validator accepts", () => {
        assert.equal(albHealthCheckConfig({ protocol: "gRPC" }).healthCheckProtocol, "GRPC");
        assert.equal(albHealthCheckConfig({ protocol: "GRPC" }).healthCheckProtocol, "GRPC");
        assert.equal(albHealthCheckConfig({}).healthCheckProtocol, "HTTP");
    });
});
