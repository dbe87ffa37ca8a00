import * as assert from "node:assert/strict";
import * as alicloud from "../components/sdk/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { albHealthCheckConfig } from "../components/alicloud/albCommon/healthCheck";
import { freeVSwitchAddresses } from "../components/alicloud/albCommon/placement";
import { checkDomainName, checkRecordHost } from "../components/alicloud/dnsNames";
import {
    DualStackAlb,
    DualStackAlbArgs,
    DualStackAlbIpv4Backend,
    DualStackAlbIpv6Backend,
    validateDualStackAlbArgs,
} from "../components/alicloud/dualStackAlb";
import { RegionalVpc, RegionalVpcArgs, VSwitchInfo } from "../components/alicloud/vpc";
import { Problems, TopologyValidationError, ValidationProblem } from "../components/errors";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { runPlan } from "../cli/plan";
import { verifyFlows } from "../cli/flows";

/**
 * The tutorial's VPC1 (seed 002): cn-shanghai with IPv6, vSwitch 1 in zone E and vSwitch 2 in
 * zone G, both IPv6-enabled. The tutorial gives no blocks; these are ordinary /24s.
 */
const shanghai = (): RegionalVpcArgs => ({
    region: "cn-shanghai",
    cidrBlock: "192.168.0.0/16",
    enableIpv6: true,
    vSwitches: {
        vsw1: { zoneId: "cn-shanghai-e", cidrBlock: "192.168.1.0/24", ipv6CidrBlockMask: 1 },
        vsw2: { zoneId: "cn-shanghai-g", cidrBlock: "192.168.2.0/24", ipv6CidrBlockMask: 2 },
    },
});

/** The tutorial's ALB: ECS01 by IPv4, ECS02 by IPv6, port 80, weight 100, CNAME at `@`. */
const tutorial = (vpc: RegionalVpc): DualStackAlbArgs => ({
    vpc,
    backends: {
        ECS01: { instanceId: "i-ecs01", vSwitch: "vsw1", ipv4Address: "192.168.1.20", securityGroup: "ecs01" },
        ECS02: {
            instanceId: "i-ecs02",
            vSwitch: "vsw2",
            ipv6Address: "2408:4005:3a0:6c02::20",
            securityGroup: "ecs02",
        },
    },
    securityGroups: { ecs01: "sg-ecs01", ecs02: "sg-ecs02" },
    dns: { domainName: "example.com" },
});

/** The tutorial's VPC described with `fromExisting`: no IPv6 gateway or IPv6 block known. */
function existingShanghai(opts: pulumi.ComponentResourceOptions): RegionalVpc {
    return RegionalVpc.fromExisting(
        "vpc1",
        {
            region: "cn-shanghai",
            vpcId: "vpc-1",
            cidrBlock: "192.168.0.0/16",
            routeTableId: "vtb-1",
            ipv6Enabled: true,
            vSwitches: {
                vsw1: { id: "vsw-1", zoneId: "cn-shanghai-e", cidrBlock: "192.168.1.0/24", ipv6Enabled: true },
                vsw2: { id: "vsw-2", zoneId: "cn-shanghai-g", cidrBlock: "192.168.2.0/24", ipv6Enabled: true },
            },
        },
        opts,
    );
}

/** Builds the VPC and the ALB the way a stack would, both with the recorder's options. */
function buildAlb(vpcArgs: RegionalVpcArgs, albArgs: (vpc: RegionalVpc) => DualStackAlbArgs) {
    return build(opts => new DualStackAlb("web", albArgs(new RegionalVpc("vpc1", vpcArgs, opts)), opts));
}

const WEB = "topologies:alicloud:DualStackAlb 'web'";
/** Everything but the VPC the ALB is given. */
const notVpc = (r: { name: string }) => !r.name.startsWith("vpc1");

/** The problems of a rejected ALB, asserting nothing of the ALB was registered. */
async function rejection(
    vpcArgs: RegionalVpcArgs,
    albArgs: (vpc: RegionalVpc) => DualStackAlbArgs,
): Promise<readonly ValidationProblem[]> {
    const error = await expectRejection(
        WEB,
        opts => new DualStackAlb("web", albArgs(new RegionalVpc("vpc1", vpcArgs, opts)), opts),
        notVpc,
    );
    return error.problems;
}

/** Asserts exactly one problem at `path`, with a message matching `message`. */
function expectProblem(problems: readonly ValidationProblem[], path: string, message: RegExp): void {
    const at = problems.filter(p => p.path === path);
    assert.equal(at.length, 1, `expected one problem at ${path}; got ${JSON.stringify(problems, null, 1)}`);
    assert.match(at[0].message, message);
}

describe("DualStackAlb", () => {
    describe("the tutorial (seed 002)", () => {
        let alb: DualStackAlb;
        before(async () => {
            alb = await buildAlb(shanghai(), tutorial);
        });

        it("creates one ALB, server group, listener, CNAME and the backends' SG rules, all children of the component in cn-shanghai", () => {
            const counts = world.countByType();
            assert.equal(counts["topologies:alicloud:DualStackAlb"], 1);
            assert.equal(counts["alicloud:alb/loadBalancer:LoadBalancer"], 1);
            assert.equal(counts["alicloud:alb/serverGroup:ServerGroup"], 1);
            assert.equal(counts["alicloud:alb/listener:Listener"], 1);
            assert.equal(counts["alicloud:dns/alidnsRecord:AlidnsRecord"], 1);
            assert.equal(counts["alicloud:ecs/securityGroupRule:SecurityGroupRule"], 5);
            assert.equal(counts["alicloud:vpc/ipv6InternetBandwidth:Ipv6InternetBandwidth"], undefined);
            assert.equal(counts["alicloud:resourcemanager/serviceLinkedRole:ServiceLinkedRole"], undefined);
            for (const child of world.childrenOf("web")) {
                assert.equal(child.provider, "vpc1-provider", `${child.name} must use the VPC's provider`);
                assert.equal(world.regionOf(child), "cn-shanghai");
            }
            assert.equal(world.childrenOf("web").length, 9);
        });

        it("makes the ALB dual-stack, Internet-facing on IPv4 and public on IPv6 at creation, Standard, in zones E and G", () => {
            const lb = world.named("web-alb");
            assert.equal(lb.inputs.addressIpVersion, "DualStack");
            assert.equal(lb.inputs.addressType, "Internet");
            assert.equal(lb.inputs.ipv6AddressType, "Internet");
            assert.equal(lb.inputs.loadBalancerEdition, "Standard");
            assert.deepEqual(lb.inputs.loadBalancerBillingConfig, { payType: "PayAsYouGo" });
            assert.equal(lb.inputs.vpcId, world.named("vpc1-vpc").id);
            assert.deepEqual(lb.inputs.zoneMappings, [
                { zoneId: "cn-shanghai-e", vswitchId: world.named("vpc1-vsw1").id },
                { zoneId: "cn-shanghai-g", vswitchId: world.named("vpc1-vsw2").id },
            ]);
            // The public IPv6 address needs the IPv6 gateway, which the ALB's inputs never name.
            assert.deepEqual(lb.dependsOn, ["vpc1"]);
        });

        it("puts ECS01 by IPv4 and ECS02 by IPv6 in an IPv6-enabled HTTP Wrr group with health checks, port 80, weight 100", () => {
            const group = world.named("web-servers");
            assert.equal(group.inputs.serverGroupType, "Instance");
            assert.equal(group.inputs.ipv6Enabled, true);
            assert.equal(group.inputs.protocol, "HTTP");
            assert.equal(group.inputs.scheduler, "Wrr");
            assert.equal(group.inputs.vpcId, world.named("vpc1-vpc").id);
            assert.equal(group.inputs.healthCheckConfig.healthCheckEnabled, true);
            assert.deepEqual(group.inputs.servers, [
                { serverType: "Ecs", serverId: "i-ecs01", serverIp: "192.168.1.20", port: 80, weight: 100 },
                { serverType: "Ecs", serverId: "i-ecs02", serverIp: "2408:4005:3a0:6c02::20", port: 80, weight: 100 },
            ]);
        });

        it("listens on HTTP 80 and forwards to the group", () => {
            const listener = world.named("web-listener");
            assert.equal(listener.inputs.listenerProtocol, "HTTP");
            assert.equal(listener.inputs.listenerPort, 80);
            assert.equal(listener.inputs.loadBalancerId, world.named("web-alb").id);
            assert.deepEqual(listener.inputs.defaultActions, [
                {
                    type: "ForwardGroup",
                    forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: world.named("web-servers").id }] },
                },
            ]);
        });

        it("opens port 80 to the ALB only: IPv4 from the ALB vSwitches (not 100.64.0.0/10), IPv6 from the ALB vSwitches' /64s via ipv6CidrIp, plus all ICMPv6 from ::/0 at priority 1", () => {
            const rules = world.ofType("ecs/securityGroupRule:SecurityGroupRule").map(r => r.inputs);
            const summary = rules
                .map(r => `${r.securityGroupId} ${r.ipProtocol} ${r.portRange} ${r.cidrIp ?? ""}${r.ipv6CidrIp ?? ""}`)
                .sort();
            assert.deepEqual(summary, [
                "sg-ecs01 tcp 80/80 192.168.1.0/24",
                "sg-ecs01 tcp 80/80 192.168.2.0/24",
                "sg-ecs02 icmpv6 -1/-1 ::/0",
                `sg-ecs02 tcp 80/80 ${world.named("vpc1-vsw1").state.ipv6CidrBlock}`,
                `sg-ecs02 tcp 80/80 ${world.named("vpc1-vsw2").state.ipv6CidrBlock}`,
            ]);
            assert.ok(
                world.named("vpc1-vsw1").state.ipv6CidrBlock.endsWith("/64"),
                "a vSwitch's /64, not the VPC's /56",
            );
            for (const rule of rules) {
                assert.equal(rule.type, "ingress");
                assert.equal(rule.policy, "accept");
                assert.equal(rule.nicType, "intranet");
                assert.equal(rule.priority, 1);
                assert.ok(!(rule.cidrIp && rule.ipv6CidrIp), "a rule takes one source family");
                if (rule.ipv6CidrIp) assert.equal(rule.cidrIp, undefined, "IPv6 sources go in ipv6CidrIp");
                assert.ok(
                    !(["all", "tcp", "udp"].includes(rule.ipProtocol) && ["-1/-1", "1/65535"].includes(rule.portRange)),
                    "never all ports",
                );
            }
            assert.ok(world.named("web-ecs02-icmpv6-0") !== undefined);
        });

        it("points a CNAME at @ of the domain to the ALB's DNS name", () => {
            const record = world.named("web-cname");
            const lb = world.named("web-alb");
            assert.deepEqual(record.inputs, {
                domainName: "example.com",
                rr: "@",
                type: "CNAME",
                value: lb.state.dnsName,
                ttl: 600,
            });
            assert.equal(alb.fqdn, "example.com");
        });

        it("exposes the ids, DNS name and both address families", async () => {
            const lb = world.named("web-alb");
            assert.equal(await valueOf(alb.loadBalancerId), lb.id);
            assert.match(await valueOf(alb.dnsName), /\.cn-shanghai\.alb\.aliyuncsslb\.com$/);
            assert.equal((await valueOf(alb.ipv4Addresses)).length, 2);
            assert.deepEqual(
                await valueOf(alb.ipv6Addresses),
                lb.state.zoneMappings.map((z: any) => z.ipv6Address),
            );
            assert.equal(await valueOf(alb.serverGroupId), world.named("web-servers").id);
            assert.equal(await valueOf(alb.listenerId), world.named("web-listener").id);
            assert.equal(await valueOf(alb.dnsRecordId!), world.named("web-cname").id);
        });
    });

    it("works IPv4-only: IPv4 ALB, group without IPv6, no IPv6 rules, no gateway dependency", async () => {
        const vpcArgs: RegionalVpcArgs = {
            region: "cn-shanghai",
            cidrBlock: "10.0.0.0/16",
            vSwitches: {
                a: { zoneId: "cn-shanghai-e", cidrBlock: "10.0.1.0/24" },
                b: { zoneId: "cn-shanghai-g", cidrBlock: "10.0.2.0/24" },
            },
        };
        const alb = await buildAlb(vpcArgs, vpc => ({
            vpc,
            ipVersion: "IPv4",
            backends: {
                web1: { instanceId: "i-web1", vSwitch: "a", ipv4Address: "10.0.1.5", securityGroup: "web" },
                web2: { instanceId: "i-web2", vSwitch: "b", ipv4Address: "10.0.2.5", securityGroup: "web" },
            },
            securityGroups: { web: "sg-web" },
        }));
        const lb = world.named("web-alb");
        assert.equal(lb.inputs.addressIpVersion, "IPv4");
        assert.equal(lb.inputs.ipv6AddressType, undefined);
        assert.deepEqual(lb.dependsOn, []);
        assert.equal(world.named("web-servers").inputs.ipv6Enabled, false);
        const rules = world.ofType("ecs/securityGroupRule:SecurityGroupRule");
        // Two backends in one group share the rules instead of duplicating them.
        assert.equal(rules.length, 2);
        assert.ok(rules.every(r => r.inputs.ipProtocol === "tcp" && r.inputs.ipv6CidrIp === undefined));
        assert.equal(world.ofType("dns/alidnsRecord:AlidnsRecord").length, 0);
        assert.equal(alb.dnsRecordId, undefined);
        assert.deepEqual(await valueOf(alb.ipv6Addresses), []);
    });

    it("takes more backends, addresses from ECS outputs, custom ports and weights, without changes", async () => {
        const alb = await buildAlb(shanghai(), vpc => {
            const instances = [0, 1, 2].map(
                i =>
                    new alicloud.ecs.Instance(
                        `ecs${i}`,
                        {
                            vswitchId: vpc.vSwitches[i % 2 ? "vsw2" : "vsw1"].id,
                            instanceType: "ecs.g7.large",
                            imageId: "aliyun_3_x64",
                            ipv6AddressCount: 1,
                        },
                        { provider: vpc.provider },
                    ),
            );
            return {
                vpc,
                backends: {
                    ...tutorial(vpc).backends,
                    v4a: {
                        instanceId: instances[0].id,
                        vSwitch: "vsw1",
                        ipv4Address: instances[0].privateIp,
                        port: 8080,
                        securityGroup: "ecs01",
                    },
                    v6b: {
                        instanceId: instances[1].id,
                        vSwitch: "vsw2",
                        ipv6Address: instances[1].ipv6Addresses.apply(a => a[0]),
                        weight: 50,
                        securityGroup: "ecs02",
                    },
                    v6c: {
                        instanceId: instances[2].id,
                        vSwitch: "vsw1",
                        ipv6Address: instances[2].ipv6Addresses.apply(a => a[0]),
                        weight: 1,
                        securityGroup: "ecs02",
                    },
                },
                securityGroups: { ecs01: "sg-ecs01", ecs02: "sg-ecs02" },
                dns: { domainName: "example.com", rr: "www" },
            };
        });
        const servers = world.named("web-servers").inputs.servers;
        assert.equal(servers.length, 5);
        const ecs0 = world.named("ecs0");
        assert.deepEqual(servers[2], {
            serverType: "Ecs",
            serverId: ecs0.id,
            serverIp: ecs0.state.privateIp,
            port: 8080,
            weight: 100,
        });
        assert.equal(servers[3].serverIp, world.named("ecs1").state.ipv6Addresses[0]);
        assert.deepEqual(
            servers.map((s: any) => s.weight),
            [100, 100, 100, 50, 1],
        );
        // ecs01 gets 80 and 8080 from two IPv4 sources; ecs02 port 80 from each ALB vSwitch's /64, and one ICMPv6 rule.
        const rules = world.ofType("ecs/securityGroupRule:SecurityGroupRule").map(r => r.inputs);
        assert.equal(rules.filter(r => r.securityGroupId === "sg-ecs01").length, 4);
        assert.equal(rules.filter(r => r.securityGroupId === "sg-ecs02").length, 3);
        assert.equal(alb.fqdn, "www.example.com");
        assert.equal(world.named("web-cname").inputs.rr, "www");
    });

    it("creates the service-linked role when asked, before the ALB", async () => {
        await buildAlb(shanghai(), vpc => ({ ...tutorial(vpc), createServiceLinkedRole: true }));
        const role = world.named("web-alb-role");
        assert.equal(role.type, "alicloud:resourcemanager/serviceLinkedRole:ServiceLinkedRole");
        assert.equal(role.inputs.serviceName, "alb.aliyuncs.com");
        assert.equal(role.state.roleName, "AliyunServiceRoleForAlb");
        assert.deepEqual(world.named("web-alb").dependsOn, ["web-alb-role", "vpc1"]);
    });

    it("gives an IPv6 backend public IPv6 bandwidth through the VPC's IPv6 gateway when asked", async () => {
        await buildAlb(shanghai(), vpc => {
            const args = tutorial(vpc);
            args.backends.ECS02 = {
                instanceId: "i-ecs02",
                vSwitch: "vsw2",
                ipv6Address: "2408:4005:3a0:6c02::20",
                securityGroup: "ecs02",
                ipv6InternetBandwidth: { ipv6AddressId: "ipv6-ecs02", bandwidth: 10 },
            };
            return args;
        });
        const bw = world.named("web-ECS02-ipv6bw");
        assert.equal(bw.parent, "web");
        assert.deepEqual(bw.inputs, {
            ipv6AddressId: "ipv6-ecs02",
            ipv6GatewayId: world.named("vpc1-ipv6gw").id,
            bandwidth: 10,
            internetChargeType: "PayByBandwidth",
        });
    });

    it("uses an HTTPS listener with its certificate, a custom port and a fixed health-check port that the rules open too", async () => {
        await buildAlb(shanghai(), vpc => ({
            ...tutorial(vpc),
            listener: { protocol: "HTTPS", port: 8443, certificateId: "cert-1" },
            healthCheck: { path: "/healthz", port: 81 },
        }));
        const listener = world.named("web-listener");
        assert.equal(listener.inputs.listenerProtocol, "HTTPS");
        assert.equal(listener.inputs.listenerPort, 8443);
        assert.deepEqual(listener.inputs.certificates, { certificateId: "cert-1" });
        assert.equal(world.named("web-servers").inputs.healthCheckConfig.healthCheckConnectPort, 81);
        const ports = new Set(world.ofType("ecs/securityGroupRule:SecurityGroupRule").map(r => r.inputs.portRange));
        assert.deepEqual([...ports].sort(), ["-1/-1", "80/80", "81/81"]);
    });

    it("builds on an existing VPC when the IPv6 sources are given", async () => {
        await build(opts => {
            const vpc = existingShanghai(opts);
            return new DualStackAlb(
                "web",
                { ...tutorial(vpc), backendIngress: { ipv6Sources: ["2408:4005:3a0:6c00::/56"] } },
                opts,
            );
        });
        assert.deepEqual(
            world.named("web-alb").inputs.zoneMappings.map((z: any) => z.vswitchId),
            ["vsw-1", "vsw-2"],
        );
        const rule = world.named("web-ecs02-tcp80-2408-4005-3a0-6c00-56");
        assert.equal(rule.inputs.ipv6CidrIp, "2408:4005:3a0:6c00::/56");
        // Named by net's addressSlug as every rule of the library; 0.1's name is kept as an alias.
        assert.deepEqual(
            rule.aliases?.map(a => (typeof a === "string" ? a : a.name)),
            ["web-ecs02-tcp80-2408_4005_3a0_6c00_56"],
        );
    });

    describe("checks before anything is registered", () => {
        it("rejects a dual-stack ALB zone whose vSwitch has no IPv6", async () => {
            const vpcArgs = shanghai();
            delete vpcArgs.vSwitches.vsw2.ipv6CidrBlockMask;
            const problems = await rejection(vpcArgs, vpc => ({ ...tutorial(vpc), backends: {} }));
            expectProblem(
                problems,
                "albVSwitches[1]",
                /vSwitch 'vsw2' in zone cn-shanghai-g has no IPv6; a dual-stack ALB needs an IPv6-enabled vSwitch in each of its zones/,
            );
        });

        it("rejects a dual-stack ALB in a VPC without IPv6", async () => {
            const vpcArgs: RegionalVpcArgs = {
                ...shanghai(),
                enableIpv6: false,
                vSwitches: {
                    vsw1: { zoneId: "cn-shanghai-e", cidrBlock: "192.168.1.0/24" },
                    vsw2: { zoneId: "cn-shanghai-g", cidrBlock: "192.168.2.0/24" },
                },
            };
            const problems = await rejection(vpcArgs, vpc => ({ vpc, backends: {} }));
            expectProblem(problems, "vpc", /a dual-stack ALB needs a VPC with IPv6, and VPC 'vpc1' has none/);
        });

        it("rejects fewer than two zones, and two vSwitches in one zone", async () => {
            const one = await rejection(shanghai(), vpc => ({ ...tutorial(vpc), albVSwitches: ["vsw1"] }));
            expectProblem(one, "albVSwitches", /placed in 1 zone\(s\); it needs vSwitches in at least two zones/);
            const vpcArgs = shanghai();
            vpcArgs.vSwitches.vsw2.zoneId = "cn-shanghai-e";
            const same = await rejection(vpcArgs, vpc => ({
                ...tutorial(vpc),
                backends: {},
                albVSwitches: ["vsw1", "vsw2"],
            }));
            expectProblem(
                same,
                "albVSwitches[1]",
                /vSwitch 'vsw2' is in zone cn-shanghai-e, like vSwitch 'vsw1'; an ALB takes one vSwitch per zone/,
            );
            // By default the ALB takes the first vSwitch of each zone, as CrossRegionAlbBackend's: here one zone, too few.
            const placed = await rejection(vpcArgs, vpc => ({ ...tutorial(vpc), backends: {} }));
            expectProblem(
                placed,
                "albVSwitches",
                /placed in 1 zone\(s\); it needs vSwitches in at least two zones \(got vsw1 in cn-shanghai-e\)/,
            );
        });

        it("places the ALB in the first vSwitch of each zone by default", async () => {
            const vpcArgs = shanghai();
            vpcArgs.vSwitches.vsw3 = { zoneId: "cn-shanghai-e", cidrBlock: "192.168.3.0/24", ipv6CidrBlockMask: 3 };
            await buildAlb(vpcArgs, tutorial);
            assert.deepEqual(
                world.named("web-alb").inputs.zoneMappings.map((z: any) => z.vswitchId),
                [world.named("vpc1-vsw1").id, world.named("vpc1-vsw2").id],
            );
        });

        it("rejects an unknown ALB vSwitch", async () => {
            const problems = await rejection(shanghai(), vpc => ({ ...tutorial(vpc), albVSwitches: ["vsw1", "vsw9"] }));
            expectProblem(problems, "albVSwitches[1]", /vSwitch 'vsw9' is not a vSwitch of VPC 'vpc1'/);
        });

        it("rejects an ALB vSwitch with fewer than 8 free addresses, counting the 4 Alibaba reserves and the backends in it", async () => {
            const tiny = shanghai();
            tiny.vSwitches.vsw2.cidrBlock = "192.168.2.0/29";
            const p29 = await rejection(tiny, vpc => ({ ...tutorial(vpc), backends: {} }));
            expectProblem(
                p29,
                "albVSwitches[1]",
                /vSwitch 'vsw2' 192\.168\.2\.0\/29 leaves 4 free addresses \(4 reserved by Alibaba Cloud\); an ALB needs at least 8/,
            );

            const small = shanghai();
            small.vSwitches.vsw1.cidrBlock = "192.168.1.0/28";
            const five = Object.fromEntries(
                [1, 2, 3, 4, 5].map(i => [
                    `b${i}`,
                    { instanceId: `i-${i}`, vSwitch: "vsw1", ipv4Address: `192.168.1.${i + 1}` },
                ]),
            );
            const p28 = await rejection(small, vpc => ({ vpc, backends: five }));
            expectProblem(
                p28,
                "albVSwitches[0]",
                /leaves 7 free addresses \(4 reserved by Alibaba Cloud and 5 taken by backends in it\)/,
            );
        });

        it("accepts a /28 ALB vSwitch: 16 - 4 reserved = 12 free", async () => {
            const small = shanghai();
            small.vSwitches.vsw1.cidrBlock = "192.168.1.0/28";
            await buildAlb(small, vpc => ({ ...tutorial(vpc), backends: {} }));
            const lb = world.named("web-alb");
            assert.match(lb.id, /^alb-/, "the ALB registers");
            assert.equal(lb.state.zoneMappings[0].intranetAddress, "192.168.1.1");
        });

        it("rejects an IPv6-enabled server group on an IPv4 ALB, and IPv6 backends it could not hold", async () => {
            const problems = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                ipVersion: "IPv4",
                serverGroupIpv6Enabled: true,
            }));
            expectProblem(
                problems,
                "serverGroupIpv6Enabled",
                /an IPv6-enabled server group can be used only by listeners of a dual-stack ALB, and this ALB is IPv4/,
            );
            const ipv4 = await rejection(shanghai(), vpc => ({ ...tutorial(vpc), ipVersion: "IPv4" }));
            expectProblem(
                ipv4,
                "backends.ECS02.ipv6Address",
                /backend 'ECS02' is reached by IPv6 but the server group has IPv6 disabled/,
            );
        });

        it("rejects ipv6AddressType on an IPv4 ALB", async () => {
            const problems = await rejection(shanghai(), vpc => ({
                vpc,
                backends: {},
                ipVersion: "IPv4",
                ipv6AddressType: "Internet",
            }));
            expectProblem(problems, "ipv6AddressType", /an IPv4 ALB has no IPv6 address to make 'Internet'/);
        });

        it("rejects an IPv6 backend in a vSwitch without IPv6", async () => {
            const vpcArgs = shanghai();
            vpcArgs.vSwitches.vsw3 = { zoneId: "cn-shanghai-g", cidrBlock: "192.168.3.0/24" };
            const problems = await rejection(vpcArgs, vpc => ({
                ...tutorial(vpc),
                albVSwitches: ["vsw1", "vsw2"],
                backends: { ECS02: { instanceId: "i-ecs02", vSwitch: "vsw3", ipv6Address: "2408:4005:3a0:6c03::20" } },
            }));
            expectProblem(
                problems,
                "backends.ECS02.ipv6Address",
                /backend 'ECS02' is reached by IPv6 but its vSwitch 'vsw3' has no IPv6/,
            );
        });

        it("rejects a backend with both or neither address, a wrong family, or an address outside its vSwitch", async () => {
            const problems = await rejection(shanghai(), vpc => ({
                vpc,
                backends: {
                    both: {
                        instanceId: "i-1",
                        vSwitch: "vsw1",
                        ipv4Address: "192.168.1.5",
                        ipv6Address: "2408::1",
                    } as any,
                    none: { instanceId: "i-2", vSwitch: "vsw1" } as any,
                    family: { instanceId: "i-3", vSwitch: "vsw1", ipv6Address: "192.168.1.7" },
                    outside: { instanceId: "i-4", vSwitch: "vsw1", ipv4Address: "192.168.2.7" },
                },
            }));
            expectProblem(
                problems,
                "backends.both",
                /gives both an IPv4 and an IPv6 address; the ALB reaches a backend by exactly one/,
            );
            expectProblem(problems, "backends.none", /gives no address/);
            expectProblem(
                problems,
                "backends.family.ipv6Address",
                /'192\.168\.1\.7' is an IPv4 address where an IPv6 address is expected/,
            );
            expectProblem(
                problems,
                "backends.outside.ipv4Address",
                /192\.168\.2\.7 is not inside vSwitch 'vsw1' 192\.168\.1\.0\/24/,
            );
        });

        it("rejects unknown vSwitches and security groups, bad ports and weights, and a repeated instance and port", async () => {
            const problems = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                backends: {
                    a: { instanceId: "i-1", vSwitch: "vsw7", ipv4Address: "192.168.1.5", securityGroup: "nope" },
                    b: { instanceId: "i-2", vSwitch: "vsw1", ipv4Address: "192.168.1.6", port: 8080 },
                    c: { instanceId: "i-2", vSwitch: "vsw1", ipv4Address: "192.168.1.6", port: 8080 },
                },
            }));
            expectProblem(problems, "backends.a.vSwitch", /vSwitch 'vsw7' is not a vSwitch of VPC 'vpc1'/);
            expectProblem(problems, "backends.a.securityGroup", /security group 'nope' is not a key of securityGroups/);
            expectProblem(
                problems,
                "backends.c.instanceId",
                /instance and port 'i-2:8080' is used again \(first at backends\.b\.instanceId\)/,
            );
            const ranges = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                backends: {
                    b: { instanceId: "i-2", vSwitch: "vsw1", ipv4Address: "192.168.1.6", port: 0, weight: 101 },
                    c: { instanceId: "i-3", vSwitch: "vsw1", ipv4Address: "192.168.1.7", weight: 0 },
                },
            }));
            expectProblem(ranges, "backends.b.port", /^0: is not a whole number from 1 to 65535\.$/);
            expectProblem(ranges, "backends.b.weight", /^101: is not a whole number from 1 to 100\.$/);
            // 0 is refused as in CrossRegionAlbBackend and by the policy pack: a weight-0 server gets no traffic.
            expectProblem(ranges, "backends.c.weight", /^0: is not a whole number from 1 to 100\.$/);
        });

        it("rejects IPv6 bandwidth on an IPv4 backend, out of range, or without a known IPv6 gateway", async () => {
            const problems = await rejection(shanghai(), vpc => ({
                vpc,
                backends: {
                    v4: {
                        instanceId: "i-1",
                        vSwitch: "vsw1",
                        ipv4Address: "192.168.1.5",
                        ipv6InternetBandwidth: { ipv6AddressId: "ipv6-1", bandwidth: 5 },
                    } as any,
                },
            }));
            expectProblem(
                problems,
                "backends.v4.ipv6InternetBandwidth",
                /backend 'v4' is reached by IPv4; IPv6 Internet bandwidth needs an IPv6 address/,
            );
            const range = await rejection(shanghai(), vpc => ({
                vpc,
                backends: {
                    v6: {
                        instanceId: "i-2",
                        vSwitch: "vsw1",
                        ipv6Address: "2408:4005:3a0:6c01::5",
                        ipv6InternetBandwidth: { ipv6AddressId: "ipv6-2", bandwidth: 0 },
                    },
                },
            }));
            expectProblem(
                range,
                "backends.v6.ipv6InternetBandwidth.bandwidth",
                /^0: is not a whole number from 1 to 5000\.$/,
            );

            const error = await expectRejection(
                WEB,
                opts =>
                    new DualStackAlb(
                        "web",
                        {
                            ...tutorial(existingShanghai(opts)),
                            backends: {
                                v6: {
                                    instanceId: "i-2",
                                    vSwitch: "vsw1",
                                    ipv6Address: "2408:4005:3a0:6c01::5",
                                    securityGroup: "ecs02",
                                    ipv6InternetBandwidth: { ipv6AddressId: "ipv6-2", bandwidth: 5 },
                                },
                            },
                        },
                        opts,
                    ),
                notVpc,
            );
            expectProblem(
                error.problems,
                "backends.v6.ipv6InternetBandwidth",
                /needs the VPC's IPv6 gateway, and none is known/,
            );
            // An existing VPC's vSwitch IPv6 blocks are not known, so the ALB's IPv6 sources must be given.
            expectProblem(
                error.problems,
                "backendIngress.ipv6Sources",
                /the IPv6 blocks of an existing VPC's ALB vSwitches are not known/,
            );
            assert.deepEqual(
                world.resources.map(r => r.name),
                ["vpc1", "vpc1-provider"],
            );
        });

        it("rejects bad rule sources and priority", async () => {
            const problems = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                backendIngress: { ipv4Sources: ["::/0"], ipv6Sources: ["10.0.0.0/8"], icmpv6Sources: ["nope"] },
            }));
            for (const path of [
                "backendIngress.ipv4Sources[0]",
                "backendIngress.ipv6Sources[0]",
                "backendIngress.icmpv6Sources[0]",
            ]) {
                assert.ok(
                    problems.some(p => p.path === path),
                    `expected a problem at ${path}`,
                );
            }
            const priority = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                backendIngress: { priority: 0 },
            }));
            expectProblem(priority, "backendIngress.priority", /^0: is not a whole number from 1 to 100\.$/);
        });

        it("admits a legacy ALB from the blocks its page lists, never all of 100.64.0.0/10, as S1 decides", async () => {
            await buildAlb(shanghai(), vpc => ({
                ...tutorial(vpc),
                backToOrigin: { mode: "legacy", cidrBlocks: ["100.117.131.0/25", "100.117.131.128/26"] },
            }));
            const ipv4 = world
                .ofType("ecs/securityGroupRule:SecurityGroupRule")
                .filter(r => r.inputs.securityGroupId === "sg-ecs01")
                .map(r => r.inputs.cidrIp);
            assert.deepEqual(ipv4.sort(), ["100.117.131.0/25", "100.117.131.128/26"]);
            // The flows follow: the listed blocks reach ECS01 (through the ALB's service network), nothing is broken.
            const flows = await verifyFlows(world);
            assert.deepEqual(
                flows.filter(f => !f.ok).map(f => f.name),
                [],
            );
            assert.deepEqual(
                flows.filter(f => String(f.name).startsWith("ALB back-to-origin")).map(f => f.name),
                ["ALB back-to-origin 100.117.131.0/25 → ECS01:80", "ALB back-to-origin 100.117.131.128/26 → ECS01:80"],
            );
            // S1's rule and words, for the mode and for the sources given.
            const wide = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                backToOrigin: { mode: "legacy", cidrBlocks: ["100.64.0.0/10"] },
            }));
            assert.deepEqual(wide, [
                {
                    path: "backToOrigin.cidrBlocks[0]",
                    message:
                        "back-to-origin block 100.64.0.0/10 is wider than /24; it would open the backend port to addresses " +
                        "that are not this ALB's (the console lists /25 and /26 blocks).",
                    fix: "List the exact blocks the ALB's details page shows.",
                },
            ]);
            const given = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                backendIngress: { ipv4Sources: ["192.168.1.0/24", "100.64.0.0/10", "100.0.0.0/8", "100.100.0.0/24"] },
            }));
            assert.deepEqual(
                given.map(p => [p.path, p.message.split(";")[0]]),
                [
                    ["backendIngress.ipv4Sources[1]", "back-to-origin block 100.64.0.0/10 is wider than /24"],
                    ["backendIngress.ipv4Sources[2]", "back-to-origin block 100.0.0.0/8 is wider than /24"],
                ],
            );
        });

        it("refuses sources covering the whole internet unless allowWorldSources, and then warns", async () => {
            const open = await rejection(shanghai(), vpc => ({
                ...tutorial(vpc),
                backendIngress: { ipv4Sources: ["0.0.0.0/1", "128.0.0.0/1"], ipv6Sources: ["::/0"] },
            }));
            assert.deepEqual(open, [
                {
                    path: "backendIngress",
                    message:
                        "0.0.0.0/1, 128.0.0.0/1 together cover every public IPv4 address: backend port 80 would be open to the whole internet.",
                    fix: "List only the blocks that must reach it, or set backendIngress.allowWorldSources: true to open it on purpose (the plan then warns).",
                },
                {
                    path: "backendIngress.ipv6Sources[0]",
                    message:
                        "::/0 covers every public IPv6 address: backend port 80 would be open to the whole internet.",
                    fix: "List only the blocks that must reach it, or set backendIngress.allowWorldSources: true to open it on purpose (the plan then warns).",
                },
            ]);
            await buildAlb(shanghai(), vpc => ({
                ...tutorial(vpc),
                backendIngress: { ipv4Sources: ["0.0.0.0/0"], allowWorldSources: true },
            }));
            assert.deepEqual(world.warnings, [
                {
                    resource: "web",
                    message:
                        "backend port 80 is open to the whole IPv4 internet (0.0.0.0/0), as backendIngress.allowWorldSources allows.",
                },
            ]);
            assert.ok(
                world.ofType("ecs/securityGroupRule:SecurityGroupRule").some(r => r.inputs.cidrIp === "0.0.0.0/0"),
            );
        });

        it("rejects bad domain names and host records", async () => {
            const cases: Array<[DualStackAlbArgs["dns"], string, RegExp]> = [
                [{ domainName: "localhost" }, "dns.domainName", /needs at least two labels/],
                [{ domainName: "exa_mple.com" }, "dns.domainName", /has the label 'exa_mple'/],
                [{ domainName: "-example.com" }, "dns.domainName", /has the label '-example'/],
                [{ domainName: "example.c0m" }, "dns.domainName", /ends in 'c0m', which is not a top-level domain/],
                [
                    { domainName: "example.sh" },
                    "dns.domainName",
                    /is a \.sh domain, which Alibaba Cloud DNS does not support/,
                ],
                [{ domainName: "ab--cd.com" }, "dns.domainName", /has '--' in the 3rd and 4th place/],
                [{ domainName: "example.com.", rr: "www" }, "dns.domainName", /has the label ''/],
                [
                    { domainName: "example.com", rr: "-www" },
                    "dns.rr",
                    /host record '-www' is not @ or dot-separated labels/,
                ],
                [{ domainName: "example.com", rr: "a..b" }, "dns.rr", /host record 'a\.\.b'/],
                [{ domainName: "example.com", rr: "" }, "dns.rr", /host record ''/],
                [{ domainName: "example.com", rr: " " }, "dns.rr", /host record ' '/],
                [{ domainName: "example.com", ttl: 0 }, "dns.ttl", /^0: is not a whole number from 1 to 86400\.$/],
            ];
            for (const [dns, path, message] of cases) {
                const problems = await rejection(shanghai(), vpc => ({ ...tutorial(vpc), dns }));
                expectProblem(problems, path, message);
            }
        });

        it("rejects a name the ALB would refuse, an HTTPS listener without certificate and bad health-check values", async () => {
            const error = await expectRejection(
                "topologies:alicloud:DualStackAlb '1web'",
                opts =>
                    new DualStackAlb(
                        "1web",
                        {
                            ...tutorial(new RegionalVpc("vpc1", shanghai(), opts)),
                            listener: { protocol: "HTTPS" },
                            healthCheck: { path: "health", codes: ["200"] },
                        },
                        opts,
                    ),
                notVpc,
            );
            expectProblem(error.problems, "loadBalancerName", /ALB name '1web' is not 2 to 128 letters/);
            expectProblem(error.problems, "serverGroupName", /name '1web-servers'/);
            expectProblem(error.problems, "listener.certificateId", /an HTTPS listener needs a server certificate/);
            expectProblem(error.problems, "healthCheck.path", /health-check path 'health' is not a URL path/);
            expectProblem(error.problems, "healthCheck.codes[0]", /health-check status class '200' is not supported/);
            const interval = await rejection(shanghai(), vpc => ({ ...tutorial(vpc), healthCheck: { interval: 60 } }));
            expectProblem(interval, "healthCheck.interval", /^60: is not a whole number from 1 to 50\.$/);
        });

        it("lists every problem of one call in one error", async () => {
            const vpcArgs = shanghai();
            delete vpcArgs.vSwitches.vsw1.ipv6CidrBlockMask;
            const problems = await rejection(vpcArgs, vpc => ({
                ...tutorial(vpc),
                loadBalancerName: "1web",
                backends: { ECS02: { instanceId: "i-ecs02", vSwitch: "vsw1", ipv6Address: "2408::20" } },
                dns: { domainName: "bad", rr: "-x" },
            }));
            assert.deepEqual(
                problems.map(p => p.path),
                ["loadBalancerName", "dns.domainName", "dns.rr", "albVSwitches[0]", "backends.ECS02.ipv6Address"],
            );
        });

        it("is a pure function that validates without a cloud", async () => {
            const vpc = await build(opts => new RegionalVpc("vpc1", shanghai(), opts));
            const plan = validateDualStackAlbArgs("web", tutorial(vpc));
            assert.equal(plan.dualStack, true);
            assert.equal(plan.serverGroupIpv6, true);
            assert.deepEqual(
                plan.albVSwitches.map(v => v.name),
                ["vsw1", "vsw2"],
            );
            assert.equal(plan.rules.length, 5);
            assert.deepEqual(plan.warnings, []);
            assert.deepEqual(
                plan.rules.filter(r => r.family === 6 && r.protocol === "tcp").map(r => (r.source as VSwitchInfo).name),
                ["vsw1", "vsw2"],
            );
            // Every default once, in the plan: the constructor reads nothing else.
            assert.deepEqual(
                [
                    plan.edition,
                    plan.addressType,
                    plan.ipv6AddressType,
                    plan.scheduler,
                    plan.loadBalancerName,
                    plan.serverGroupName,
                ],
                ["Standard", "Internet", "Internet", "Wrr", "web", "web-servers"],
            );
            assert.deepEqual(plan.listener, { protocol: "HTTP", port: 80, certificateId: undefined });
            assert.deepEqual(
                plan.backends.map(b => [b.key, b.family, b.port, b.weight]),
                [
                    ["ECS01", 4, 80, 100],
                    ["ECS02", 6, 80, 100],
                ],
            );
            assert.deepEqual(plan.dns, { domainName: "example.com", rr: "@", ttl: 600, fqdn: "example.com" });
            assert.throws(
                () => validateDualStackAlbArgs("web", { backends: {} } as any),
                (e: TopologyValidationError) => e.problems[0].path === "vpc",
            );
        });
    });
});

/** The problems a plan reports for values known only at deployment, checked when they resolve. */
async function problemsWhenKnown(albArgs: (vpc: RegionalVpc) => DualStackAlbArgs) {
    const result = await runPlan(
        {
            loadStackConfig: raw => raw,
            buildStack: (_config, opts) => {
                new DualStackAlb("web", albArgs(new RegionalVpc("vpc1", shanghai(), opts)), opts);
                return {};
            },
        },
        {},
    );
    assert.ok(!result.ok, "the plan fails");
    assert.deepEqual(
        result.errors.map(e => e.source),
        [WEB],
    );
    return result.errors[0].problems.map(p => ({ path: p.path, message: p.message }));
}

describe("DualStackAlb called without types (JavaScript, YAML)", () => {
    const ecs01 = (vpc: RegionalVpc) => tutorial(vpc).backends.ECS01 as DualStackAlbIpv4Backend;
    const ecs02 = (vpc: RegionalVpc) => tutorial(vpc).backends.ECS02 as DualStackAlbIpv6Backend;

    it("refuses args of the wrong shape at their paths, every one at once, before any rule runs", async () => {
        const problems = await rejection(shanghai(), vpc => ({
            ...tutorial(vpc),
            backends: {
                ECS01: { ...ecs01(vpc), vSwitch: 5 as never, ipv4Adress: "192.168.1.20" } as never,
                ECS02: null as never,
            },
            listener: { protocol: "HTTPS", certificateId: false as never },
            ipVersion: "IPv6" as never,
        }));
        assert.deepEqual(problems.map(p => [p.path, p.message]).sort(), [
            ["backends.ECS01.ipv4Adress", "'ipv4Adress' is not an input here."],
            ["backends.ECS01.vSwitch", "expected string, got 5."],
            ["backends.ECS02", "expected object, got null."],
            ["ipVersion", '"IPv6" is not accepted.'],
            ["listener.certificateId", "expected string, got false."],
        ]);
        assert.equal(problems.find(p => p.path === "backends.ECS01.ipv4Adress")?.fix, "Did you mean 'ipv4Address'?");
        assert.equal(problems.find(p => p.path === "ipVersion")?.fix, 'Use one of: "DualStack", "IPv4".');
        for (const args of [null, undefined, "web", { backends: [] }]) {
            const error = await expectRejection(WEB, opts => new DualStackAlb("web", args as never, opts));
            assert.ok(error.problems.length > 0 && error.problems.every(p => p.fix), JSON.stringify(error.problems));
        }
    });

    it("refuses backend addresses that are not text, and checks an Output when it resolves: an IPv6 one as ipv4Address, a number", async () => {
        const problems = await rejection(shanghai(), vpc => ({
            ...tutorial(vpc),
            backends: {
                ECS01: { ...ecs01(vpc), ipv4Address: 7 as never },
                ECS02: { ...ecs02(vpc), ipv6Address: {} as never },
            },
        }));
        assert.deepEqual(
            problems.map(p => [p.path, p.message]),
            [
                ["backends.ECS01.ipv4Address", "expected string, got 7."],
                ["backends.ECS02.ipv6Address", "expected string, got {}."],
            ],
        );
        assert.deepEqual(
            await problemsWhenKnown(vpc => ({
                ...tutorial(vpc),
                backends: { ECS01: { ...ecs01(vpc), ipv4Address: pulumi.output("2408:4005:3a0:6c01::20") } },
            })),
            [
                {
                    path: "backends.ECS01.ipv4Address",
                    message: "'2408:4005:3a0:6c01::20' is an IPv6 address where an IPv4 address is expected.",
                },
            ],
        );
        assert.deepEqual(
            await problemsWhenKnown(vpc => ({
                ...tutorial(vpc),
                backends: { ECS01: { ...ecs01(vpc), ipv4Address: pulumi.output(7) as never } },
            })),
            [
                {
                    path: "backends.ECS01.ipv4Address",
                    message: "7 is not an IP address as text; write it like 192.168.7.10.",
                },
            ],
        );
    });

    it("refuses empty or malformed ids: an instance id that is empty or a name (also as an Output), an empty IPv6 address id", async () => {
        const problems = await rejection(shanghai(), vpc => ({
            ...tutorial(vpc),
            backends: {
                ECS01: { ...ecs01(vpc), instanceId: "" },
                ECS02: {
                    ...ecs02(vpc),
                    instanceId: "ecs02",
                    ipv6InternetBandwidth: { ipv6AddressId: "", bandwidth: 5 },
                },
            },
            securityGroups: { ecs01: "sg-ecs01", ecs02: " sg-ecs02" },
        }));
        assert.deepEqual(
            problems.map(p => [p.path, p.message]),
            [
                ["securityGroups.ecs02", '" sg-ecs02": is not a security group id (sg- and letters and digits).'],
                ["backends.ECS01.instanceId", '"": is not an ECS instance id (i- and letters and digits).'],
                ["backends.ECS02.instanceId", '"ecs02": is not an ECS instance id (i- and letters and digits).'],
                ["backends.ECS02.ipv6InternetBandwidth.ipv6AddressId", '"": is empty.'],
            ],
        );
        assert.deepEqual(
            await problemsWhenKnown(vpc => ({
                ...tutorial(vpc),
                backends: { ECS01: { ...ecs01(vpc), instanceId: pulumi.output("ecs01") } },
            })),
            [
                {
                    path: "backends.ECS01.instanceId",
                    message: '"ecs01": is not an ECS instance id (i- and letters and digits).',
                },
            ],
        );
    });

    it("takes prototype names as any other name, never Object's members, and refuses __proto__ as a name", async () => {
        await buildAlb(shanghai(), vpc => ({
            vpc,
            backends: { hasOwnProperty: { ...ecs01(vpc), securityGroup: "constructor" } },
            securityGroups: { constructor: "sg-ecs01" },
        }));
        assert.deepEqual(
            world.named("web-servers").inputs.servers.map((s: { serverId: string }) => s.serverId),
            ["i-ecs01"],
        );
        assert.ok(
            world.ofType("ecs/securityGroupRule:SecurityGroupRule").every(r => r.inputs.securityGroupId === "sg-ecs01"),
        );
        // An own __proto__ key (JSON and YAML make one) is refused by the shape check, before any rule.
        const proto = await rejection(shanghai(), vpc => ({
            vpc,
            backends: JSON.parse(
                '{"__proto__": {"instanceId": "i-1", "vSwitch": "vsw1", "ipv4Address": "192.168.1.5"}}',
            ),
        }));
        assert.deepEqual(
            proto.map(p => [p.path, p.message]),
            [["backends.__proto__", "'__proto__' is not accepted as a name."]],
        );
        const problems = await rejection(shanghai(), vpc => ({
            vpc,
            backends: {
                a: { instanceId: "i-2", vSwitch: "toString", ipv4Address: "192.168.1.6", securityGroup: "valueOf" },
            },
        }));
        assert.deepEqual(
            problems.map(p => [p.path, p.message]),
            [
                ["backends.a.vSwitch", "vSwitch 'toString' is not a vSwitch of VPC 'vpc1'."],
                ["backends.a.securityGroup", "security group 'valueOf' is not a key of securityGroups."],
            ],
        );
    });

    it("refuses tags that are not strings, with an empty or padded key, or a padded value", async () => {
        assert.deepEqual(
            (await rejection(shanghai(), vpc => ({ ...tutorial(vpc), tags: { env: 1 as never } }))).map(p => [
                p.path,
                p.message,
            ]),
            [["tags.env", "expected string, got 1."]],
        );
        const problems = await rejection(shanghai(), vpc => ({
            ...tutorial(vpc),
            tags: { "": "x", " env": "dev", team: "web\n", empty: "" },
        }));
        assert.deepEqual(
            problems.map(p => [p.path, p.message]),
            [
                ["tags", 'tag key "" is empty, padded or has a control character.'],
                ["tags", 'tag key " env" is empty, padded or has a control character.'],
                ["tags.team", 'tag value "web\\n" is padded or has a control character.'],
            ],
        );
    });

    it("passes addresses and rule sources on in canonical form", async () => {
        await buildAlb(shanghai(), vpc => ({
            ...tutorial(vpc),
            backends: { ECS02: { ...ecs02(vpc), ipv6Address: "2408:4005:03A0:6C02:0:0:0:20" } },
            backendIngress: { ipv6Sources: ["2408:4005:03A0:6C00:0::/56"] },
        }));
        assert.equal(world.named("web-servers").inputs.servers[0].serverIp, "2408:4005:3a0:6c02::20");
        assert.ok(world.named("web-ecs02-tcp80-2408-4005-3a0-6c00-56").inputs.ipv6CidrIp === "2408:4005:3a0:6c00::/56");
    });
});

describe("ALB helpers", () => {
    it("counts free vSwitch addresses as size less the 4 Alibaba Cloud reserves", () => {
        assert.equal(freeVSwitchAddresses("192.168.1.0/24"), 252);
        assert.equal(freeVSwitchAddresses("192.168.1.0/28"), 12);
        assert.equal(freeVSwitchAddresses("192.168.1.0/29"), 4);
        assert.equal(freeVSwitchAddresses("192.168.1.0/28", 5), 7);
    });

    it("fills health-check defaults, and switches them off entirely", () => {
        assert.deepEqual(albHealthCheckConfig(), {
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
        assert.equal(albHealthCheckConfig({ protocol: "TCP" }).healthCheckPath, undefined);
        assert.deepEqual(albHealthCheckConfig({ enabled: false }), { healthCheckEnabled: false });
    });

    it("refuses a domain or host that is not text, from callers without types", () => {
        const problems = new Problems();
        assert.equal(checkDomainName(problems, "d", 7 as never), false);
        assert.equal(checkRecordHost(problems, "r", null as never), false);
        assert.deepEqual(
            problems.list.map(p => p.message),
            ["domain name 7 is not text.", "host record null is not text."],
        );
    });

    it("accepts ordinary domains and hosts", () => {
        const problems = new Problems();
        for (const domain of ["example.com", "a.example.co.jp", "xn--fiqs8s.xn--fiqz9s", "abc-def.cn"])
            assert.ok(checkDomainName(problems, "d", domain), domain);
        for (const rr of ["@", "www", "*", "*.api", "_acme-challenge", "api.v2"])
            assert.ok(checkRecordHost(problems, "r", rr, "example.com"), rr);
        assert.deepEqual(problems.list, []);
    });
});
