/**
 * CrossRegionAlbBackend over several backend regions (`backendRegions`): a VPC, server group,
 * attachment, connection and routes both ways per region, the weighted rule, the flows of every
 * region proven by the reachability verifier, and each bad input refused at its path.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { verifyFlows } from "../cli/flows";
import { CenTransitNetwork } from "../components/alicloud/cen";
import {
    BACKEND_REGIONS_RULE_PRIORITY,
    CrossRegionAlbBackend,
    CrossRegionAlbBackendArgs,
} from "../components/alicloud/crossRegionAlb";
import { RegionalVpc, RegionalVpcArgs } from "../components/alicloud/vpc";
import { build, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { seed000Vpc1, seed000Vpc2 } from "./support/tutorials";

const S1 = "topologies:alicloud:CrossRegionAlbBackend 's1'";
const ECS1 = "192.168.7.100";
const SHENZHEN: RegionalVpcArgs = {
    region: "cn-shenzhen",
    cidrBlock: "10.0.0.0/16",
    vSwitches: {
        vsw5: { zoneId: "cn-shenzhen-a", cidrBlock: "10.0.1.0/24" },
        vsw6: { zoneId: "cn-shenzhen-b", cidrBlock: "10.0.2.0/24" },
    },
};
const BEIJING: RegionalVpcArgs = {
    region: "cn-beijing",
    cidrBlock: "10.1.0.0/16",
    vSwitches: { vsw7: { zoneId: "cn-beijing-h", cidrBlock: "10.1.1.0/24" } },
};

type Vpcs = { alb: RegionalVpc; backend: RegionalVpc; shenzhen: RegionalVpc; beijing: RegionalVpc };
const vpcsOf = (opts: pulumi.ComponentResourceOptions, shenzhen: RegionalVpcArgs = SHENZHEN): Vpcs => ({
    alb: new RegionalVpc("vpc1", seed000Vpc1(), opts),
    backend: new RegionalVpc("vpc2", seed000Vpc2(), opts),
    shenzhen: new RegionalVpc("vpc3", shenzhen, opts),
    beijing: new RegionalVpc("vpc4", BEIJING, opts),
});

/** ECS1 in hangzhou (weight 50), ecs2 in shenzhen (30), ecs3 in beijing (20), each with its own group. */
function threeRegions(v: Vpcs): CrossRegionAlbBackendArgs {
    return {
        albVpc: v.alb,
        backendVpc: v.backend,
        backends: { ecs1: { ipv4Address: ECS1, securityGroup: "hangzhou" } },
        backendWeight: 50,
        backendRegions: {
            shenzhen: {
                vpc: v.shenzhen,
                backends: { ecs2: { ipv4Address: "10.0.1.10", securityGroup: "shenzhen" } },
                backendPort: 8080,
                backendWeight: 30,
            },
            beijing: {
                vpc: v.beijing,
                backends: { ecs3: { ipv4Address: "10.1.1.10", securityGroup: "beijing" } },
                backendWeight: 20,
            },
        },
        securityGroups: { hangzhou: "sg-hangzhou", shenzhen: "sg-shenzhen", beijing: "sg-beijing" },
    };
}

async function rejection(
    args: (v: Vpcs) => Partial<CrossRegionAlbBackendArgs>,
    shenzhen?: RegionalVpcArgs,
): Promise<Array<{ path: string; message: string }>> {
    const error = await expectRejection(
        S1,
        opts => {
            const v = vpcsOf(opts, shenzhen);
            return new CrossRegionAlbBackend(
                "s1",
                { ...threeRegions(v), ...args(v) } as CrossRegionAlbBackendArgs,
                opts,
            );
        },
        r => r.name === "s1" || r.name.startsWith("s1-"),
    );
    return error.problems.map(p => ({ path: p.path, message: p.message }));
}

/** The verifier proves every flow of the world, among them every region's back-to-origin flows (2 blocks × 3 backends). */
async function assertEveryRegionProven(): Promise<void> {
    const flows = await verifyFlows(world);
    assert.ok(flows.filter(r => String(r.name).startsWith("ALB back-to-origin")).length >= 6, `${flows.length} flows`);
    const broken = flows.filter(r => !r.ok).map(r => String(r.name));
    assert.deepEqual(broken, []);
}

describe("CrossRegionAlbBackend over several backend regions", () => {
    it("gives each region its server group, attachment, connection from the ALB's region and routes both ways", async () => {
        await build(opts => new CrossRegionAlbBackend("s1", threeRegions(vpcsOf(opts)), opts));
        const vpc1 = world.named("vpc1-vpc");

        // One IP server group per region, all in the ALB's VPC and region, each with its region's servers.
        for (const [group, name, ip, port] of [
            ["s1-sgp", "s1-ip", ECS1, 80],
            ["s1-sgp-shenzhen", "s1-ip-shenzhen", "10.0.1.10", 8080],
            ["s1-sgp-beijing", "s1-ip-beijing", "10.1.1.10", 80],
        ] as const) {
            const g = world.named(group);
            assert.equal(world.regionOf(g), "cn-chengdu");
            assert.deepEqual(
                [g.inputs.serverGroupName, g.inputs.vpcId, g.inputs.serverGroupType],
                [name, vpc1.id, "Ip"],
            );
            assert.deepEqual(
                g.inputs.servers.map((s: Record<string, unknown>) => [s.serverIp, s.port, s.remoteIpEnabled]),
                [[ip, port, true]],
            );
        }
        assert.equal(world.ofType("alb/serverGroup:ServerGroup").length, 3);

        // One attachment per VPC in its region; a connection from chengdu to each backend region, none between them.
        for (const [attach, region] of [
            ["s1-cen-alb-attach", "cn-chengdu"],
            ["s1-cen-backend-attach", "cn-hangzhou"],
            ["s1-cen-backend-shenzhen-attach", "cn-shenzhen"],
            ["s1-cen-backend-beijing-attach", "cn-beijing"],
        ]) {
            assert.equal(world.regionOf(world.named(attach)), region);
        }
        assert.deepEqual(
            world
                .ofType("cen/transitRouterPeerAttachment:TransitRouterPeerAttachment")
                .map(p => [p.name, p.inputs.peerTransitRouterRegionId, p.inputs.bandwidth]),
            [
                ["s1-cen-peer-cn-chengdu-cn-hangzhou", "cn-hangzhou", 10],
                ["s1-cen-peer-cn-chengdu-cn-shenzhen", "cn-shenzhen", 10],
                ["s1-cen-peer-cn-chengdu-cn-beijing", "cn-beijing", 10],
            ],
        );

        // There: the ALB VPC routes every region's backend vSwitch to its attachment.
        const attachmentOf = (member: string) => world.named(`s1-cen-${member}-attach`).state.transitRouterAttachmentId;
        for (const cidr of ["192-168-7-0-24", "10-0-1-0-24", "10-1-1-0-24"]) {
            const r = world.named(`s1-cen-alb-route-${cidr}`);
            assert.deepEqual(
                [world.regionOf(r), r.inputs.routeTableId, r.inputs.nexthopId],
                ["cn-chengdu", vpc1.state.routeTableId, attachmentOf("alb")],
            );
        }
        // Back: each backend VPC routes the ALB vSwitches' blocks to its own attachment.
        for (const [member, vpc, region] of [
            ["backend", "vpc2", "cn-hangzhou"],
            ["backend-shenzhen", "vpc3", "cn-shenzhen"],
            ["backend-beijing", "vpc4", "cn-beijing"],
        ]) {
            for (const cidr of ["172-16-0-0-24", "172-16-6-0-24"]) {
                const r = world.named(`s1-cen-${member}-route-${cidr}`);
                assert.deepEqual(
                    [world.regionOf(r), r.inputs.routeTableId, r.inputs.nexthopId],
                    [region, world.named(`${vpc}-vpc`).state.routeTableId, attachmentOf(member)],
                );
            }
        }
        assert.equal(world.ofType("vpc/routeEntry:RouteEntry").length, 3 + 3 * 2);

        // Each region's group admits the ALB's vSwitch blocks on its port, through its region's provider.
        assert.deepEqual(
            world
                .ofType("ecs/securityGroupRule:SecurityGroupRule")
                .map(r => [r.name, world.regionOf(r), r.inputs.securityGroupId, r.inputs.portRange, r.inputs.cidrIp]),
            [
                ["s1-hangzhou-tcp80-172-16-0-0-24", "cn-hangzhou", "sg-hangzhou", "80/80", "172.16.0.0/24"],
                ["s1-hangzhou-tcp80-172-16-6-0-24", "cn-hangzhou", "sg-hangzhou", "80/80", "172.16.6.0/24"],
                [
                    "s1-shenzhen-shenzhen-tcp8080-172-16-0-0-24",
                    "cn-shenzhen",
                    "sg-shenzhen",
                    "8080/8080",
                    "172.16.0.0/24",
                ],
                [
                    "s1-shenzhen-shenzhen-tcp8080-172-16-6-0-24",
                    "cn-shenzhen",
                    "sg-shenzhen",
                    "8080/8080",
                    "172.16.6.0/24",
                ],
                ["s1-beijing-beijing-tcp80-172-16-0-0-24", "cn-beijing", "sg-beijing", "80/80", "172.16.0.0/24"],
                ["s1-beijing-beijing-tcp80-172-16-6-0-24", "cn-beijing", "sg-beijing", "80/80", "172.16.6.0/24"],
            ],
        );
    });

    it("splits every request between the regions' groups by weight, at priority 10000 on the forwarding listener", async () => {
        const component = await build(opts => {
            const args = threeRegions(vpcsOf(opts));
            return new CrossRegionAlbBackend(
                "s1",
                { ...args, stickySession: true, listener: { protocol: "HTTPS", certificateId: "cert-1" } },
                opts,
            );
        });
        const rule = world.named("s1-regions-rule");
        assert.equal(BACKEND_REGIONS_RULE_PRIORITY, 10000);
        assert.equal(world.regionOf(rule), "cn-chengdu");
        // On the HTTPS listener that forwards, not on the HTTP one that redirects.
        assert.equal(rule.inputs.listenerId, world.named("s1-listener").id);
        assert.equal(rule.inputs.priority, 10000);
        assert.deepEqual(rule.inputs.ruleConditions, [{ type: "Path", pathConfig: { values: ["/*"] } }]);
        const [action] = rule.inputs.ruleActions;
        assert.equal(action.type, "ForwardGroup");
        assert.deepEqual(action.forwardGroupConfig, {
            serverGroupTuples: [
                { serverGroupId: world.named("s1-sgp").id, weight: 50 },
                { serverGroupId: world.named("s1-sgp-shenzhen").id, weight: 30 },
                { serverGroupId: world.named("s1-sgp-beijing").id, weight: 20 },
            ],
            serverGroupStickySession: { enabled: true },
        });
        assert.deepEqual(new Set(rule.dependsOn), new Set(["s1-sgp", "s1-sgp-shenzhen", "s1-sgp-beijing"]));
        assert.equal(world.ofType("alb/rule:Rule").length, 2, "the redirect's rule and the weighted one");
        assert.ok(component.weightedRuleId);
        assert.deepEqual(Object.keys(component.backendRegionServerGroupIds), ["shenzhen", "beijing"]);
    });

    it("defaults every weight to 100 and adds no rule for one region", async () => {
        await build(opts => {
            const v = vpcsOf(opts);
            const args = threeRegions(v);
            const { backendWeight: _w, ...rest } = args;
            return new CrossRegionAlbBackend(
                "s1",
                {
                    ...rest,
                    backendRegions: { shenzhen: { vpc: v.shenzhen, backends: { ecs2: { ipv4Address: "10.0.1.10" } } } },
                },
                opts,
            );
        });
        assert.deepEqual(
            world
                .named("s1-regions-rule")
                .inputs.ruleActions[0].forwardGroupConfig.serverGroupTuples.map((t: { weight: number }) => t.weight),
            [100, 100],
        );
        const one = await build(opts => {
            const v = vpcsOf(opts);
            return new CrossRegionAlbBackend(
                "s1",
                { albVpc: v.alb, backendVpc: v.backend, backends: { ecs1: { ipv4Address: ECS1 } } },
                opts,
            );
        });
        assert.equal(world.ofType("alb/rule:Rule").length, 0);
        assert.equal(one.weightedRuleId, undefined);
        assert.deepEqual(one.backendRegionServerGroupIds, {});
    });

    it("keeps 0.1's rule names as aliases for backendVpc's one group when other regions bring groups of their own", async () => {
        await build(opts => {
            const v = vpcsOf(opts);
            const args = threeRegions(v);
            return new CrossRegionAlbBackend(
                "s1",
                {
                    ...args,
                    backendRegions: { shenzhen: args.backendRegions!.shenzhen },
                    securityGroups: { hangzhou: "sg-hangzhou", shenzhen: "sg-shenzhen" },
                },
                opts,
            );
        });
        const aliasNames = (name: string) =>
            world.named(name).aliases?.map((a: string | { name?: string }) => (typeof a === "string" ? a : a.name));
        assert.deepEqual(aliasNames("s1-hangzhou-tcp80-172-16-0-0-24"), ["s1-ingress-80-172-16-0-0-24"]);
        assert.equal(aliasNames("s1-shenzhen-shenzhen-tcp8080-172-16-0-0-24"), undefined);
    });

    it("carries every region's back-to-origin traffic there and back, as the reachability verifier proves", async () => {
        const component = await build(opts => new CrossRegionAlbBackend("s1", threeRegions(vpcsOf(opts)), opts));
        const results = await verifyFlows(world);
        const names = (results.map(r => r.name) as unknown[]).map(String);
        for (const [cidr, backend] of [
            ["172.16.0.0/24", "192.168.7.100:80"],
            ["172.16.6.0/24", "10.0.1.10:8080"],
            ["172.16.0.0/24", "10.1.1.10:80"],
        ]) {
            const result = results.find(r => String(r.name) === `ALB back-to-origin ${cidr} → ${backend}`);
            assert.ok(result, `a flow to ${backend} in ${names.join(", ")}`);
            assert.ok(result.ok && result.reached, `${backend}: ${result.break?.hop.detail ?? ""}`);
        }
        assert.ok(
            results.every(r => r.ok),
            results
                .filter(r => !r.ok)
                .map(r => `${r.name}: ${r.break?.hop.detail}`)
                .join("\n"),
        );
        // 2 listener… 1 listener flow, 2 blocks × 3 backends, 3 internet denials.
        assert.equal(component.intendedFlows.length, 1 + 2 * 3 + 3);

        // Without the route back from shenzhen, shenzhen's flows break there; the others still arrive.
        const route = world.resources.findIndex(r => r.name === "s1-cen-backend-shenzhen-route-172-16-6-0-24");
        assert.ok(route >= 0);
        world.resources.splice(route, 1);
        const broken = await verifyFlows(world);
        const byName = (n: string) => broken.find(r => String(r.name) === n)!;
        assert.equal(byName("ALB back-to-origin 172.16.6.0/24 → 10.0.1.10:8080").ok, false);
        assert.match(
            byName("ALB back-to-origin 172.16.6.0/24 → 10.0.1.10:8080").break!.hop.detail,
            /no route to 172\.16\.6\.0\/24/,
        );
        assert.ok(byName("ALB back-to-origin 172.16.6.0/24 → 10.1.1.10:80").ok);
    });

    it("puts extra server groups in backendVpc's region beside the further regions: routed, admitted, given flows, their rule before the weighted one", async () => {
        const component = await build(opts => {
            const args = threeRegions(vpcsOf(opts));
            return new CrossRegionAlbBackend(
                "s1",
                {
                    ...args,
                    // ecs4 on vsw3, a vSwitch no other backend is on: routed only because of the extra group.
                    serverGroups: {
                        api: { backends: { ecs4: { ipv4Address: "192.168.8.40", securityGroup: "hangzhou" } } },
                    },
                    rules: { api: { priority: 10, paths: ["/api/*"], forward: [{ serverGroup: "api" }] } },
                },
                opts,
            );
        });
        assert.deepEqual(Object.keys(component.serverGroupIds), ["api"]);
        const api = world.named("s1-rule-api");
        assert.equal(api.inputs.priority, 10);
        assert.equal(world.named("s1-regions-rule").inputs.priority, 10000);
        assert.deepEqual(
            world
                .ofType("vpc/routeEntry:RouteEntry")
                .map(r => r.inputs.destinationCidrblock)
                .filter(cidr => String(cidr).startsWith("192.168."))
                .sort(),
            ["192.168.7.0/24", "192.168.8.0/24"],
            "the ALB VPC routes to both backendVpc vSwitches with backends",
        );
        const results = await verifyFlows(world);
        const flow = results.find(r => String(r.name) === "ALB back-to-origin 172.16.0.0/24 → 192.168.8.40:80");
        assert.ok(flow?.ok && flow.reached, flow?.break?.hop.detail ?? "no flow to the extra group's backend");

        // A group of a further region may not serve an extra group's backend too: one group, one region.
        const problems = await rejection(() => ({
            serverGroups: { api: { backends: { ecs4: { ipv4Address: "192.168.7.40", securityGroup: "shenzhen" } } } },
        }));
        assert.ok(
            problems.some(p => p.path === "backendRegions.shenzhen.backends.ecs2.securityGroup"),
            JSON.stringify(problems),
        );
    });

    it("lets a rule split its requests between regions with weights of its own, naming a region's group by its key", async () => {
        await build(opts => {
            const args = threeRegions(vpcsOf(opts));
            const forward = [
                { serverGroup: "default", weight: 70 },
                { serverGroup: "shenzhen", weight: 30 },
            ];
            return new CrossRegionAlbBackend(
                "s1",
                { ...args, rules: { api: { priority: 10, paths: ["/api/*"], forward } } },
                opts,
            );
        });
        const rule = world.named("s1-rule-api");
        assert.deepEqual(rule.inputs.ruleActions[0].forwardGroupConfig.serverGroupTuples, [
            { serverGroupId: world.named("s1-sgp").id, weight: 70 },
            { serverGroupId: world.named("s1-sgp-shenzhen").id, weight: 30 },
        ]);
        assert.ok(rule.dependsOn.includes("s1-sgp-shenzhen"), "the rule waits for the region's group");
        // A key that is none of them: the message says a region's key is a target too.
        const problems = await rejection(() => ({
            rules: { api: { priority: 10, paths: ["/api/*"], forward: [{ serverGroup: "guangzhou" }] } },
        }));
        assert.deepEqual(
            problems.map(p => p.path),
            ["rules.api.forward[0].serverGroup"],
        );
        assert.equal(
            problems[0].message,
            "server group 'guangzhou' is not 'default', a key of serverGroups or a key of backendRegions.",
        );
    });

    it("routes legacy back-to-origin blocks back from every backend VPC, and through the ALB region's transit router once", async () => {
        const blocks = ["100.117.130.0/25", "100.117.130.128/25"];
        await build(opts => {
            const args = threeRegions(vpcsOf(opts));
            return new CrossRegionAlbBackend(
                "s1",
                { ...args, backToOrigin: { mode: "legacy", cidrBlocks: blocks } },
                opts,
            );
        });
        const back = world
            .ofType("vpc/routeEntry:RouteEntry")
            .filter(r => r.inputs.destinationCidrblock.startsWith("100."))
            .map(r => [world.regionOf(r), r.inputs.destinationCidrblock]);
        assert.deepEqual(
            back,
            ["cn-hangzhou", "cn-shenzhen", "cn-beijing"].flatMap(region => blocks.map(b => [region, b])),
        );
        assert.deepEqual(
            world
                .ofType("cen/transitRouterRouteEntry:TransitRouterRouteEntry")
                .map(r => [world.regionOf(r), r.inputs.transitRouterRouteEntryDestinationCidrBlock]),
            blocks.map(b => ["cn-chengdu", b]),
        );
        await assertEveryRegionProven();
    });

    it("joins an existing network with a member and a connection per region", async () => {
        await build(opts => {
            const v = vpcsOf(opts);
            const cen = new CenTransitNetwork(
                "shared",
                {
                    members: {
                        chengdu: { vpc: v.alb },
                        hangzhou: { vpc: v.backend },
                        shenzhen: { vpc: v.shenzhen },
                        beijing: { vpc: v.beijing },
                    },
                },
                opts,
            );
            return new CrossRegionAlbBackend("s1", { ...threeRegions(v), cen }, opts);
        });
        for (const name of [
            "s1-chengdu-route-192-168-7-0-24",
            "s1-chengdu-route-10-0-1-0-24",
            "s1-chengdu-route-10-1-1-0-24",
            "s1-hangzhou-route-172-16-0-0-24",
            "s1-shenzhen-route-172-16-0-0-24",
            "s1-beijing-route-172-16-6-0-24",
        ]) {
            assert.equal(world.named(name).parent, "s1");
        }
        await assertEveryRegionProven();
    });

    describe("rejects, registering nothing", () => {
        it("a backend region keyed as a server group (one server group name for both), and more regions than a forward action takes", async () => {
            const same = await rejection(() => ({
                serverGroups: { shenzhen: { backends: { ecs4: { ipv4Address: "192.168.7.40" } } } },
            }));
            assert.deepEqual(
                same.filter(p => p.path === "backendRegions.shenzhen").map(p => p.message),
                ["'shenzhen' is also a key of serverGroups: both would make the server group s1-sgp-shenzhen."],
            );
            const many = await rejection(v => ({
                backendRegions: Object.fromEntries(
                    ["a", "b", "c", "d", "e"].map((key, i) => [
                        key,
                        {
                            vpc: i === 0 ? v.shenzhen : v.beijing,
                            backends: { [`s${i}`]: { ipv4Address: i === 0 ? "10.0.1.10" : "10.1.1.10" } },
                        },
                    ]),
                ),
            }));
            assert.ok(
                many.some(p => p.path === "backendRegions" && /make 6 server groups .* at most 5/.test(p.message)),
                JSON.stringify(many),
            );
        });

        it("a backend region twice, the ALB's region as backend region, a region outside the list", async () => {
            const problems = await rejection(v => ({
                backendRegions: {
                    again: { vpc: v.backend, backends: { b: { ipv4Address: ECS1 } } },
                    alb: { vpc: v.alb, backends: { b: { ipv4Address: "172.16.0.10" } } },
                    shenzhen: { vpc: v.shenzhen, backends: { b: { ipv4Address: "10.0.1.10" } } },
                    twice: { vpc: v.shenzhen, backends: { b: { ipv4Address: "10.0.1.11" } } },
                },
            }));
            const at = (path: string) => problems.filter(p => p.path === path).map(p => p.message);
            assert.match(
                at("backendRegions.again.vpc.region")[0],
                /cn-hangzhou is a backend region already \(backendVpc\)/,
            );
            assert.match(at("backendRegions.alb.vpc.region")[0], /this backend region is the ALB's own \(cn-chengdu\)/);
            assert.match(
                at("backendRegions.twice.vpc.region")[0],
                /cn-shenzhen is a backend region already \(backendRegions\.shenzhen\.vpc\)/,
            );
            // The network's own "second VPC in a region" would only repeat these: it is not run.
            assert.ok(!problems.some(p => p.path.endsWith(".vpc")), JSON.stringify(problems));

            const outside = await rejection(() => ({}), {
                region: "cn-nanjing",
                cidrBlock: "10.0.0.0/16",
                vSwitches: { vsw5: { zoneId: "cn-nanjing-a", cidrBlock: "10.0.1.0/24" } },
            });
            assert.deepEqual(
                outside.map(p => p.path),
                ["backendRegions.shenzhen.vpc.region"],
            );
            assert.match(outside[0].message, /region 'cn-nanjing' does not support ALB backends in another region/);
        });

        it("a region's VPC overlapping another VPC, through the network's checks, at the region's path", async () => {
            const problems = await rejection(
                v => ({
                    backendRegions: { shenzhen: { vpc: v.shenzhen, backends: { b: { ipv4Address: "192.168.9.10" } } } },
                }),
                {
                    region: "cn-shenzhen",
                    cidrBlock: "192.168.0.0/16",
                    vSwitches: { vsw5: { zoneId: "cn-shenzhen-a", cidrBlock: "192.168.9.0/24" } },
                },
            );
            assert.deepEqual(problems, [
                {
                    path: "backendRegions.shenzhen.vpc.cidrBlock",
                    message:
                        "member 'backend-shenzhen' VPC 192.168.0.0/16 overlaps member 'backend' VPC 192.168.0.0/16.",
                },
            ]);
        });

        it("weights out of range or all 0, and a weight without further regions", async () => {
            const shape = await rejection(v => ({
                backendWeight: 101,
                backendRegions: {
                    shenzhen: { vpc: v.shenzhen, backends: { b: { ipv4Address: "10.0.1.10" } }, backendWeight: 1.5 },
                },
            }));
            assert.deepEqual(shape.map(p => p.path).sort(), ["backendRegions.shenzhen.backendWeight", "backendWeight"]);
            const zero = await rejection(v => ({
                backendWeight: 0,
                backendRegions: {
                    shenzhen: { vpc: v.shenzhen, backends: { b: { ipv4Address: "10.0.1.10" } }, backendWeight: 0 },
                },
            }));
            assert.deepEqual(zero, [
                {
                    path: "backendWeight",
                    message: "every backend region weighs 0, so the weighted rule forwards no request anywhere.",
                },
            ]);
            const lone = await rejection(() => ({ backendRegions: undefined, securityGroups: { hangzhou: "sg-h" } }));
            assert.deepEqual(
                lone.map(p => p.path),
                ["backendWeight"],
            );
            assert.match(lone[0].message, /with one backend region there is no weighted rule/);
        });

        it("backends outside their region's VPC or unrouted, a group shared by two regions, bad region keys", async () => {
            const problems = await rejection(v => ({
                backendRegions: {
                    shenzhen: {
                        vpc: v.shenzhen,
                        backends: {
                            away: { ipv4Address: "10.1.1.10" },
                            unrouted: { ipv4Address: "10.0.2.10" },
                            shared: { ipv4Address: "10.0.1.10", securityGroup: "hangzhou" },
                            public: { ipv4Address: "47.96.1.1" },
                        },
                        backendVSwitches: ["vsw5"],
                    },
                    "bad.key": { vpc: v.beijing, backends: { b: { ipv4Address: "10.1.1.10" } } },
                },
            }));
            const paths = problems.map(p => p.path);
            assert.ok(paths.includes("backendRegions.shenzhen.backends.away.ipv4Address"), paths.join());
            assert.match(
                problems.find(p => p.path === "backendRegions.shenzhen.backends.away.ipv4Address")!.message,
                /outside the backend VPC 10\.0\.0\.0\/16/,
            );
            assert.match(
                problems.find(p => p.path === "backendRegions.shenzhen.backends.unrouted.ipv4Address")!.message,
                /none of the routed backend vSwitches \(vsw5 10\.0\.1\.0\/24\)/,
            );
            assert.match(
                problems.find(p => p.path === "backendRegions.shenzhen.backends.shared.securityGroup")!.message,
                /security group 'hangzhou' serves backends of backendVpc already/,
            );
            assert.match(problems.find(p => p.path === "backendRegions")!.message, /backend region name "bad\.key"/);
            assert.match(
                problems.find(p => p.path === "backendRegions.shenzhen.backends.public.ipv4Address")!.message,
                /backend 47\.96\.1\.1 is not a private address; remote IP accepts only 10\.0\.0\.0\/8/,
            );
        });

        it("a joined network without a region's VPC or its connection, and attachment vSwitches for it", async () => {
            const error = await expectRejection(
                S1,
                opts => {
                    const v = vpcsOf(opts);
                    const cen = new CenTransitNetwork(
                        "shared",
                        {
                            members: {
                                chengdu: { vpc: v.alb },
                                hangzhou: { vpc: v.backend },
                                shenzhen: { vpc: v.shenzhen },
                            },
                            peerings: [
                                { regions: ["cn-chengdu", "cn-hangzhou"], bandwidthMbps: 2 },
                                { regions: ["cn-hangzhou", "cn-shenzhen"], bandwidthMbps: 2 },
                            ],
                        },
                        opts,
                    );
                    const args = threeRegions(v);
                    args.backendRegions!.shenzhen.attachmentVSwitches = ["vsw5"];
                    return new CrossRegionAlbBackend("s1", { ...args, cen }, opts);
                },
                r => r.name === "s1" || r.name.startsWith("s1-"),
            );
            assert.deepEqual(
                error.problems.map(p => [p.path, p.message]),
                [
                    [
                        "backendRegions.shenzhen.attachmentVSwitches",
                        "attachmentVSwitches configure a network this component creates, but cen joins an existing one.",
                    ],
                    [
                        "backendRegions.beijing.vpc",
                        "the backend region 'beijing' VPC is not a member of the joined network.",
                    ],
                    ["cen", "the joined network has no inter-region connection between cn-chengdu and cn-shenzhen."],
                    ["cen", "the joined network has no inter-region connection between cn-chengdu and cn-beijing."],
                ],
            );
        });

        it("a bandwidth package smaller than the connections to every region, at the caller's path", async () => {
            const problems = await rejection(() => ({ cenOptions: { bandwidthPackage: { bandwidthMbps: 20 } } }));
            assert.deepEqual(
                problems.map(p => p.path),
                ["cenOptions.bandwidthPackage.bandwidthMbps"],
            );
            assert.match(problems[0].message, /30/);
        });

        it("backendRegions of the wrong shape from callers without types, at their paths", async () => {
            const problems = await rejection(v => ({
                backendWeight: "50" as unknown as number,
                backendRegions: {
                    shenzhen: {
                        vpc: {} as RegionalVpc,
                        backends: { b: { ipv4Address: "10.0.1.10" } },
                        extra: 1,
                    } as never,
                    beijing: { vpc: v.beijing, backends: [] as never, backendVSwitches: "vsw7" as never },
                },
            }));
            assert.deepEqual(
                problems.map(p => p.path).sort(),
                [
                    "backendRegions.beijing.backendVSwitches",
                    "backendRegions.beijing.backends",
                    "backendRegions.shenzhen.extra",
                    "backendRegions.shenzhen.vpc",
                    "backendWeight",
                ].sort(),
            );
        });
    });
});
