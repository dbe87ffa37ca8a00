import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { runPlan, StackProgram } from "../cli/plan";
import { renderGuestScript } from "../components/alicloud/guestRouting";
import { MultiEipEni, MultiEipEniArgs, validateMultiEipEniArgs } from "../components/alicloud/multiEipEni";
import { sortAddresses } from "../components/alicloud/multiEipEni/resources";
import { RegionalVpc } from "../components/alicloud/vpc";
import * as path from "node:path";
import { readStackConfig } from "../cli/stackConfig";
import { buildStack, loadStackConfig } from "../stacks/program";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { ASSOCIATION, ATTACHMENT, EIP, ENI, byId } from "./support/multiEipEni";

/** The component must refuse `args` with exactly these problems, having registered nothing. */
async function rejects(args: MultiEipEniArgs, expected: Array<[string, RegExp]>): Promise<void> {
    const error = await expectRejection(
        "topologies:alicloud:MultiEipEni 'web'",
        opts => new MultiEipEni("web", args, opts),
    );
    assert.deepEqual(
        error.problems.map(p => p.path),
        expected.map(([p]) => p),
        error.message,
    );
    error.problems.forEach((p, i) => assert.match(p.message, expected[i][1], p.message));
}

describe("MultiEipEni: the tutorial's shape (3 public addresses)", () => {
    let eni: MultiEipEni;

    before(async () => {
        eni = await build(opts => {
            const vpc = new RegionalVpc(
                "vpc",
                {
                    region: "cn-hangzhou",
                    cidrBlock: "172.16.0.0/16",
                    vSwitches: { web: { zoneId: "cn-hangzhou-h", cidrBlock: "172.16.0.0/24" } },
                },
                opts,
            );
            return new MultiEipEni(
                "web",
                {
                    instance: {
                        id: "i-tutorial",
                        region: "cn-hangzhou",
                        instanceType: "ecs.g7.large",
                        zoneId: "cn-hangzhou-h",
                    },
                    vSwitch: { vpc, name: "web" },
                    securityGroupIds: ["sg-tutorial"],
                },
                opts,
            );
        });
    });

    it("creates 1 ENI, 3 EIPs, 3 associations and 1 attachment under the component, in the VPC's region", () => {
        assert.equal(world.ofType(ENI).length, 1);
        assert.equal(world.ofType(EIP).length, 3);
        assert.equal(world.ofType(ASSOCIATION).length, 3);
        assert.equal(world.ofType(ATTACHMENT).length, 1);
        for (const r of [
            ...world.ofType(ENI),
            ...world.ofType(EIP),
            ...world.ofType(ASSOCIATION),
            ...world.ofType(ATTACHMENT),
        ]) {
            assert.equal(r.parent, "web", r.name);
            assert.equal(r.provider, "vpc-provider", r.name);
            assert.equal(world.regionOf(r), "cn-hangzhou", r.name);
        }
        assert.equal(world.ofType("pulumi:providers:alicloud").length, 1, "reuses the VPC's provider");
    });

    it("puts the ENI in the vSwitch and security groups with 2 secondary private IPs", () => {
        const e = world.named("web-eni");
        assert.equal(e.inputs.vswitchId, world.named("vpc-web").id);
        assert.deepEqual(e.inputs.securityGroupIds, ["sg-tutorial"]);
        assert.equal(e.inputs.secondaryPrivateIpAddressCount, 2);
        assert.equal(e.inputs.primaryIpAddress, undefined);
        assert.equal(e.inputs.privateIpAddresses, undefined);
        assert.equal(e.inputs.networkInterfaceName, "web-eni");
    });

    it("binds the ENI to the instance after creating it", () => {
        const a = world.named("web-attachment");
        assert.equal(a.inputs.instanceId, "i-tutorial");
        assert.equal(a.inputs.networkInterfaceId, world.named("web-eni").id);
        assert.deepEqual(a.dependsOn, ["web-eni"]);
    });

    it("buys pay-as-you-go BGP EIPs of 5 Mbit/s, named in order", () => {
        world.ofType(EIP).forEach((e, i) => {
            assert.equal(e.name, `web-eip-${i + 1}`);
            assert.deepEqual(e.inputs, {
                addressName: `web-${i + 1}`,
                paymentType: "PayAsYouGo",
                internetChargeType: "PayByBandwidth",
                // Sent when off too: the provider keeps the cloud's value of a field left out.
                deletionProtection: false,
                bandwidth: "5",
                isp: "BGP",
            });
        });
    });

    it("binds the right private IP to the right EIP, in NAT mode on the ENI", async () => {
        // The mock returns the secondaries in reverse allocation order, as a set would: the
        // component sorts them, so the order is primary, then secondaries by value.
        assert.deepEqual(world.named("web-eni").state.privateIpAddresses, ["172.16.0.12", "172.16.0.11"]);
        const privateIps = await valueOf(eni.privateIps);
        assert.deepEqual(privateIps, ["172.16.0.10", "172.16.0.11", "172.16.0.12"]);
        const eniId = world.named("web-eni").id;
        for (let i = 0; i < 3; i++) {
            const a = world.named(`web-eip-${i + 1}-association`);
            assert.deepEqual(a.inputs, {
                allocationId: world.named(`web-eip-${i + 1}`).id,
                instanceId: eniId,
                instanceType: "NetworkInterface",
                mode: "NAT",
                privateIpAddress: privateIps[i],
            });
        }
    });

    it("associates after the attachment, one association at a time", () => {
        assert.deepEqual(world.named("web-eip-1-association").dependsOn, ["web-eni", "web-eip-1", "web-attachment"]);
        assert.deepEqual(world.named("web-eip-2-association").dependsOn, [
            "web-eni",
            "web-eip-2",
            "web-attachment",
            "web-eip-1-association",
        ]);
        assert.deepEqual(world.named("web-eip-3-association").dependsOn, [
            "web-eni",
            "web-eip-3",
            "web-attachment",
            "web-eip-2-association",
        ]);
    });

    it("outputs ENI id, private IPs, EIP ids and public IPs in the same order", async () => {
        assert.equal(await valueOf(eni.networkInterfaceId), world.named("web-eni").id);
        assert.deepEqual(
            await valueOf(eni.eipIds),
            [1, 2, 3].map(n => world.named(`web-eip-${n}`).id),
        );
        const publicIps = await valueOf(eni.publicIps);
        assert.deepEqual(
            publicIps,
            [1, 2, 3].map(n => world.named(`web-eip-${n}`).state.ipAddress),
        );
        assert.equal(new Set(publicIps).size, 3);
        assert.equal(await valueOf(eni.attachmentId!), world.named("web-attachment").id);
        assert.equal(eni.gateway, "172.16.0.253");
        assert.equal(eni.netmask, "255.255.255.0");
        assert.equal(eni.device, "eth1");
    });

    it("renders the guest script for the ENI's addresses", async () => {
        const script = await valueOf(eni.guestScript);
        assert.equal(
            script,
            renderGuestScript({
                primaryIp: "172.16.0.10",
                secondaryIps: ["172.16.0.11", "172.16.0.12"],
                vSwitchCidr: "172.16.0.0/24",
                device: "eth1",
                table: 1001,
            }),
        );
        assert.ok(script.includes("IPADDR=172.16.0.11\nNETMASK=255.255.255.0"));
        assert.ok(script.includes("ip -4 route add default via 172.16.0.253 dev eth1 table 1001"));
    });
});

describe("MultiEipEni: other shapes", () => {
    it("keeps explicit private IPs in the caller's order, on a vSwitch given by id with its own provider", async () => {
        const c = await build(
            opts => new MultiEipEni("web", byId({ privateIps: ["172.16.0.78", "172.16.0.57", "172.16.0.77"] }), opts),
        );
        const e = world.named("web-eni");
        assert.equal(e.inputs.vswitchId, "vsw-tutorial");
        assert.equal(e.inputs.primaryIpAddress, "172.16.0.78");
        assert.deepEqual(e.inputs.privateIpAddresses, ["172.16.0.57", "172.16.0.77"]);
        assert.equal(e.inputs.secondaryPrivateIpAddressCount, undefined);
        assert.deepEqual(await valueOf(c.privateIps), ["172.16.0.78", "172.16.0.57", "172.16.0.77"]);
        assert.deepEqual(
            [1, 2, 3].map(n => world.named(`web-eip-${n}-association`).inputs.privateIpAddress),
            ["172.16.0.78", "172.16.0.57", "172.16.0.77"],
        );
        const provider = world.named("web-provider");
        assert.equal(provider.inputs.region, "cn-hangzhou");
        assert.equal(provider.parent, "web");
        for (const r of [e, ...world.ofType(EIP), ...world.ofType(ASSOCIATION), world.named("web-attachment")]) {
            assert.equal(world.regionOf(r), "cn-hangzhou", r.name);
        }
    });

    it("creates no attachment when attach is false, and associates right after the ENI", () => {
        return build(opts => new MultiEipEni("web", byId({ attach: false, publicIpCount: 2 }), opts)).then(c => {
            assert.equal(world.ofType(ATTACHMENT).length, 0);
            assert.equal(c.attachmentId, undefined);
            assert.deepEqual(world.named("web-eip-1-association").dependsOn, ["web-eni", "web-eip-1"]);
            assert.deepEqual(world.named("web-eip-2-association").dependsOn, [
                "web-eni",
                "web-eip-2",
                "web-eip-1-association",
            ]);
        });
    });

    it("asks for no secondary IP for a single public address", async () => {
        const c = await build(opts => new MultiEipEni("web", byId({ publicIpCount: 1 }), opts));
        assert.equal(world.named("web-eni").inputs.secondaryPrivateIpAddressCount, undefined);
        assert.equal(world.ofType(EIP).length, 1);
        assert.equal((await valueOf(c.privateIps)).length, 1);
    });

    it("names the device and table after the ENIs the instance already has", async () => {
        const c = await build(
            opts => new MultiEipEni("web", byId({ instance: { ...byId().instance, enis: 2 } }), opts),
        );
        assert.equal(c.device, "eth2");
        assert.ok((await valueOf(c.guestScript)).includes("dev eth2 table 1002"));
    });

    it("binds to a stopped instance of a type without hot-plug, and takes limits for unlisted types", async () => {
        await build(
            opts =>
                new MultiEipEni(
                    "web",
                    byId({
                        instance: { ...byId().instance, instanceType: "ecs.xn4.small", running: false },
                        publicIpCount: 2,
                    }),
                    opts,
                ),
        );
        assert.equal(world.ofType(ATTACHMENT).length, 1);
        await build(
            opts =>
                new MultiEipEni(
                    "web",
                    byId({
                        instance: { ...byId().instance, instanceType: "ecs.g9i.large" },
                        instanceTypeLimits: { maxEnis: 3, maxPrivateIpsPerEni: 10, hotPlug: true },
                        publicIpCount: 10,
                    }),
                    opts,
                ),
        );
        assert.equal(world.ofType(EIP).length, 10);
    });

    it("buys subscription EIPs without names", async () => {
        await build(
            opts =>
                new MultiEipEni(
                    "web",
                    byId({ eip: { paymentType: "Subscription", period: 3, bandwidth: 800, isp: "BGP" } }),
                    opts,
                ),
        );
        assert.deepEqual(world.named("web-eip-1").inputs, {
            paymentType: "Subscription",
            internetChargeType: "PayByBandwidth",
            deletionProtection: false,
            bandwidth: "800",
            isp: "BGP",
            pricingCycle: "Month",
            period: 3,
        });
    });

    it("sorts addresses by value, not as text", () => {
        assert.deepEqual(sortAddresses(["172.16.0.100", "172.16.0.9", "172.16.0.12"]), [
            "172.16.0.9",
            "172.16.0.12",
            "172.16.0.100",
        ]);
    });

    it("settles the plan without registering anything, every default resolved once", () => {
        assert.deepEqual(validateMultiEipEniArgs("web", byId({ privateIps: ["172.16.0.57"] })), {
            region: "cn-hangzhou",
            instanceId: "i-tutorial",
            provider: undefined,
            vSwitch: {
                id: "vsw-tutorial",
                cidrBlock: "172.16.0.0/24",
                gateway: "172.16.0.253",
                netmask: "255.255.255.0",
            },
            securityGroupIds: ["sg-tutorial"],
            count: 1,
            enis: [
                {
                    resourceName: "web-eni",
                    attachmentName: "web-attachment",
                    eniName: "web-eni",
                    device: "eth1",
                    table: 1001,
                    first: 0,
                    count: 1,
                    privateIps: ["172.16.0.57"],
                },
            ],
            attach: true,
            guestOs: "alinux2",
            configureGuest: false,
            tags: undefined,
            eip: {
                mode: "NAT",
                paymentType: "PayAsYouGo",
                internetChargeType: "PayByBandwidth",
                bandwidth: 5,
                isp: "BGP",
                deletionProtection: false,
                resourceGroupId: undefined,
                addressNamePrefix: "web",
            },
        });
        const subscription = validateMultiEipEniArgs(
            "web",
            byId({ eip: { paymentType: "Subscription", period: 1 } }),
        ).eip;
        assert.deepEqual(subscription, {
            mode: "NAT",
            paymentType: "Subscription",
            internetChargeType: "PayByBandwidth",
            bandwidth: 5,
            isp: "BGP",
            deletionProtection: false,
            resourceGroupId: undefined,
            pricingCycle: "Month",
            period: 1,
        });
    });

    it("takes the VPC's vSwitch and provider into the plan", async () => {
        await build(opts => {
            const vpc = new RegionalVpc(
                "vpc",
                {
                    region: "cn-hangzhou",
                    cidrBlock: "172.16.0.0/16",
                    vSwitches: { web: { zoneId: "cn-hangzhou-h", cidrBlock: "172.16.0.0/24" } },
                },
                opts,
            );
            const plan = validateMultiEipEniArgs("web", byId({ vSwitch: { vpc, name: "web" } }), opts);
            assert.equal(plan.provider, vpc.provider);
            assert.equal(plan.vSwitch.id, vpc.vSwitches.web.id);
            return vpc;
        });
    });

    it("passes deletion protection and the resource group on to every EIP", async () => {
        await build(
            opts =>
                new MultiEipEni(
                    "web",
                    byId({ publicIpCount: 2, eip: { deletionProtection: true, resourceGroupId: "rg-1" } }),
                    opts,
                ),
        );
        for (const e of world.ofType(EIP))
            assert.deepEqual([e.inputs.deletionProtection, e.inputs.resourceGroupId], [true, "rg-1"]);
    });
});

describe("MultiEipEni: the guest, configured through Cloud Assistant", () => {
    it("runs the guest script of the OS once the ENI and every EIP are bound", async () => {
        const eni = await build(
            opts => new MultiEipEni("web", byId({ guestOs: "alinux3", configureGuest: true }), opts),
        );
        const command = world.named("web-guest");
        assert.deepEqual(
            [command.type, command.inputs.type, command.inputs.timeout],
            ["alicloud:ecs/command:Command", "RunShellScript", 300],
        );
        const script = Buffer.from(command.inputs.commandContent, "base64").toString();
        assert.equal(script, await valueOf(eni.guestScript));
        assert.match(script, /nmcli connection add/);
        const run = world.named("web-guest-run");
        assert.deepEqual(
            [run.inputs.commandId, run.inputs.instanceIds, run.inputs.repeatMode],
            [command.id, ["i-tutorial"], "Once"],
        );
        assert.deepEqual(run.dependsOn.sort(), [
            "web-attachment",
            "web-eip-1-association",
            "web-eip-2-association",
            "web-eip-3-association",
        ]);
    });

    it("creates no command unless asked, and refuses one without the ENI attached or for an unknown OS", async () => {
        await build(opts => new MultiEipEni("web", byId(), opts));
        assert.equal(world.ofType("ecs/command:Command").length, 0);
        await rejects(byId({ configureGuest: true, attach: false }), [
            ["configureGuest", /needs the ENI on the instance, but attach is false/],
        ]);
        await rejects(byId({ guestOs: "windows" as never }), [["guestOs", /"windows" is not accepted/]]);
    });
});

describe("MultiEipEni in the S2 stack", () => {
    /** The multi-eip stack's config with its image and guest OS left to the defaults. */
    function defaultImageConfig() {
        const raw = readStackConfig(path.resolve(__dirname, "..", "stacks"), "multi-eip", "topologies").raw as Record<
            string,
            any
        >;
        delete raw.multiEip.servers.imageNameRegex;
        delete raw.multiEip.guestOs;
        return raw;
    }

    it("configures the guest for the OS of the demo servers' default image (Alibaba Cloud Linux 3: NetworkManager)", async () => {
        await build(opts => buildStack(loadStackConfig(defaultImageConfig()), opts));
        const script = Buffer.from(world.named("s2-guest").inputs.commandContent, "base64").toString();
        assert.match(script, /nmcli connection add type ethernet ifname eth1/);
    });

    it("leaves a pinned image's guest OS to the section (the tutorial's Alibaba Cloud Linux 2)", async () => {
        const raw = defaultImageConfig();
        raw.multiEip.servers.imageNameRegex = "^aliyun_2_1903_x64_20G_alibase_";
        await build(opts => buildStack(loadStackConfig(raw), opts));
        const script = Buffer.from(world.named("s2-guest").inputs.commandContent, "base64").toString();
        assert.match(script, /ifcfg-eth1:0/);
    });
});

describe("MultiEipEni: checks before anything is registered", () => {
    let hangzhou: RegionalVpc;
    let shanghai: RegionalVpc;

    before(async () => {
        [hangzhou, shanghai] = await build(opts => [
            RegionalVpc.fromExisting(
                "hz",
                {
                    region: "cn-hangzhou",
                    vpcId: "vpc-hz",
                    cidrBlock: "172.16.0.0/16",
                    routeTableId: "vtb-hz",
                    vSwitches: { web: { id: "vsw-hz", zoneId: "cn-hangzhou-h", cidrBlock: "172.16.0.0/24" } },
                },
                opts,
            ),
            RegionalVpc.fromExisting(
                "sh",
                {
                    region: "cn-shanghai",
                    vpcId: "vpc-sh",
                    cidrBlock: "172.16.0.0/16",
                    routeTableId: "vtb-sh",
                    vSwitches: { web: { id: "vsw-sh", zoneId: "cn-shanghai-b", cidrBlock: "172.16.0.0/24" } },
                },
                opts,
            ),
        ]);
    });

    it("region: the instance's region must exist", () =>
        rejects(
            byId({
                instance: { ...byId().instance, region: "cn-hangzou", zoneId: undefined },
                vSwitch: { id: "vsw-1", cidrBlock: "172.16.0.0/24" },
            }),
            [["instance.region", /region 'cn-hangzou' is not an Alibaba Cloud region id/]],
        ));

    it("region: the VPC (so the ENI and its EIPs) must be in the instance's region", () =>
        rejects(
            byId({ instance: { ...byId().instance, zoneId: undefined }, vSwitch: { vpc: shanghai, name: "web" } }),
            [
                [
                    "vSwitch.vpc",
                    /the VPC is in cn-shanghai but the instance is in cn-hangzhou; the ENI, its EIPs and the instance must share one region/,
                ],
            ],
        ));

    it("vSwitch: the name must be one of the VPC's", () =>
        rejects(byId({ vSwitch: { vpc: hangzhou, name: "app" } }), [
            ["vSwitch.name", /vSwitch 'app' is not a vSwitch of VPC 'hz'/],
        ]));

    it("vSwitch: the block must be an IPv4 vSwitch block", () =>
        rejects(byId({ vSwitch: { id: "vsw-1", cidrBlock: "172.16.0.0/30" } }), [
            ["vSwitch.cidrBlock", /vSwitch block 172\.16\.0\.0\/30 is \/30; Alibaba Cloud vSwitches are \/16 to \/29/],
        ]));

    it("zone: the vSwitch must be in the instance's zone", () =>
        rejects(byId({ instance: { ...byId().instance, zoneId: "cn-hangzhou-i" } }), [
            ["instance.zoneId", /the instance is in zone cn-hangzhou-i but the vSwitch is in cn-hangzhou-h/],
        ]));

    it("security groups: at least one", () =>
        rejects(byId({ securityGroupIds: [] }), [["securityGroupIds", /no security group is given/]]));

    it("private IPs: inside the vSwitch, off its reserved addresses, IPv4, no repeats", () =>
        rejects(
            byId({
                privateIps: [
                    "172.16.1.5",
                    "172.16.0.0",
                    "172.16.0.253",
                    "172.16.0.254",
                    "172.16.0.255",
                    "172.16.0.57",
                    "172.16.0.57",
                    "2408::1",
                    "172.16.0",
                ],
            }),
            [
                ["privateIps[0]", /172\.16\.1\.5 is not inside the vSwitch block 172\.16\.0\.0\/24/],
                ["privateIps[1]", /172\.16\.0\.0 is the vSwitch's network address/],
                ["privateIps[2]", /172\.16\.0\.253 is the vSwitch's gateway/],
                ["privateIps[3]", /172\.16\.0\.254 is reserved by Alibaba Cloud/],
                ["privateIps[4]", /172\.16\.0\.255 is the vSwitch's broadcast address/],
                ["privateIps[7]", /'2408::1' is an IPv6 address where an IPv4 address is expected/],
                ["privateIps[8]", /'172\.16\.0' is not an IPv4 or IPv6 address/],
                ["privateIps[6]", /private IP '172\.16\.0\.57' is used again \(first at privateIps\[5\]\)/],
            ],
        ));

    it("private IPs: not empty, and agreeing with publicIpCount", async () => {
        await rejects(byId({ privateIps: [] }), [["privateIps", /the list of private IPs is empty/]]);
        await rejects(byId({ privateIps: ["172.16.0.57"], publicIpCount: 3 }), [
            ["publicIpCount", /publicIpCount 3 differs from the 1 privateIps given/],
        ]);
        await rejects(byId({ publicIpCount: 0 }), [["publicIpCount", /^0: is not a whole number from 1 to 1000/]]);
    });

    it("instance type: private IPs per ENI within its limit, with eniCount 1", () =>
        rejects(byId({ publicIpCount: 7, eniCount: 1 }), [
            [
                "publicIpCount",
                /7 private IPs on one ENI exceed the 6 that instance type 'ecs\.g7\.large' allows per ENI/,
            ],
        ]));

    it("instance type: ENIs per instance within its limit", () =>
        rejects(byId({ instance: { ...byId().instance, enis: 3 } }), [
            [
                "instance.instanceType",
                /instance type 'ecs\.g7\.large' takes at most 3 ENIs and the instance has 3 already/,
            ],
        ]));

    it("instance type: a rejection from an unconfirmed table row says so and how to override it", async () => {
        const fixes = async (args: MultiEipEniArgs) =>
            (
                await expectRejection(
                    "topologies:alicloud:MultiEipEni 'web'",
                    opts => new MultiEipEni("web", args, opts),
                )
            ).problems.map(p => p.fix ?? "");
        const [unconfirmed] = await fixes(byId({ instance: { ...byId().instance, enis: 3 } }));
        assert.match(unconfirmed, /not confirmed against the current family page\), pass instanceTypeLimits/);
        const [confirmed] = await fixes(
            byId({ instance: { ...byId().instance, instanceType: "ecs.c6.large", enis: 2 } }),
        );
        assert.doesNotMatch(confirmed, /not confirmed/);
        const [own] = await fixes(
            byId({
                instance: { ...byId().instance, enis: 3 },
                instanceTypeLimits: { maxEnis: 3, maxPrivateIpsPerEni: 6, hotPlug: true },
            }),
        );
        assert.doesNotMatch(own, /not confirmed/);
    });

    it("instance type: unknown types need limits from the caller, and those must be sane", async () => {
        await rejects(byId({ instance: { ...byId().instance, instanceType: "ecs.g9i.large" } }), [
            ["instance.instanceType", /instance type 'ecs\.g9i\.large' is not in the table of ENI limits/],
        ]);
        // Only the table's own rows count: Object's members are not instance types.
        await rejects(byId({ instance: { ...byId().instance, instanceType: "constructor" } }), [
            ["instance.instanceType", /instance type 'constructor' is not in the table of ENI limits/],
        ]);
        await rejects(byId({ instanceTypeLimits: { maxEnis: 0, maxPrivateIpsPerEni: 2.5, hotPlug: true } }), [
            ["instanceTypeLimits.maxEnis", /^0: is not a whole number from 1 to 100\./],
            ["instanceTypeLimits.maxPrivateIpsPerEni", /^2\.5: is not a whole number from 1 to 1000/],
        ]);
    });

    it("hot-plug: a running instance of a type without it cannot take the ENI", () =>
        rejects(byId({ instance: { ...byId().instance, instanceType: "ecs.xn4.small" }, publicIpCount: 2 }), [
            [
                "attach",
                /instance type 'ecs\.xn4\.small' takes a secondary ENI only while the instance is Stopped, and instance\.running says it will be Running/,
            ],
        ]));

    it("quota: new EIPs plus those in use within the EIP quota (20 by default, configurable)", async () => {
        await rejects(byId({ eipsInUse: 18 }), [
            ["publicIpCount", /3 new EIPs with 18 in use exceed the account's EIP quota of 20/],
        ]);
        await rejects(
            byId({ publicIpCount: 21, instanceTypeLimits: { maxEnis: 8, maxPrivateIpsPerEni: 30, hotPlug: true } }),
            [["publicIpCount", /21 new EIPs with 0 in use exceed the account's EIP quota of 20/]],
        );
        await rejects(byId({ eipQuota: 25, eipsInUse: 23 }), [["publicIpCount", /quota of 25/]]);
        await rejects(byId({ eipQuota: 0, eipsInUse: -1 }), [
            ["eipQuota", /^0: is not a whole number from 1 to 100000/],
            ["eipsInUse", /^-1: is not a whole number from 0 to 100000/],
        ]);
        await build(opts => new MultiEipEni("web", byId({ eipQuota: 25, eipsInUse: 22 }), opts));
        assert.equal(world.ofType(EIP).length, 3);
    });

    it("EIP: billing combinations the API accepts", async () => {
        await rejects(byId({ eip: { paymentType: "Subscription", internetChargeType: "PayByTraffic", period: 1 } }), [
            ["eip.internetChargeType", /a subscription EIP is metered PayByBandwidth only/],
        ]);
        await rejects(byId({ eip: { bandwidth: 600 } }), [
            [
                "eip.bandwidth",
                /PayAsYouGo PayByBandwidth EIP bandwidth \(Mbit\/s\) 600 is not a whole number from 1 to 500/,
            ],
        ]);
        await rejects(byId({ eip: { internetChargeType: "PayByTraffic", bandwidth: 300 } }), [
            ["eip.bandwidth", /from 1 to 200/],
        ]);
        await rejects(byId({ eip: { paymentType: "Subscription" } }), [
            ["eip.period", /a subscription EIP needs a period/],
        ]);
        await rejects(byId({ eip: { paymentType: "Subscription", pricingCycle: "Month", period: 10 } }), [
            ["eip.period", /subscription period in months 10 is not a whole number from 1 to 9/],
        ]);
        await rejects(byId({ eip: { period: 1, pricingCycle: "Year" } }), [
            ["eip.period", /period applies to subscription EIPs only/],
            ["eip.pricingCycle", /pricingCycle applies to subscription EIPs only/],
        ]);
        await rejects(byId({ eip: { paymentType: "Subscription", period: 1, addressNamePrefix: "site" } }), [
            ["eip.addressNamePrefix", /subscription EIPs cannot be named/],
        ]);
        await rejects(byId({ eip: { paymentType: "Monthly" as never } }), [
            ["eip.paymentType", /"Monthly" is not accepted/],
        ]);
    });

    it("EIP: line type known, and BGP Pro only where it is sold", async () => {
        await rejects(byId({ eip: { isp: "CMCC" as never } }), [["eip.isp", /"CMCC" is not accepted/]]);
        await rejects(byId({ eip: { isp: "BGP_PRO" } }), [
            ["eip.isp", /the BGP \(Multi-ISP\) Pro line is not sold in cn-hangzhou/],
        ]);
    });

    it("names: ENI and EIP names start with a letter", () =>
        rejects(byId({ eniName: "1-eni", eip: { addressNamePrefix: "-site" } }), [
            ["eip.addressNamePrefix", /EIP name '-site-3' is not 1 to 128 letters/],
            ["eniName", /ENI name '1-eni' is not 2 to 128 letters/],
        ]));

    it("names: the longest EIP name, <prefix>-<count>, within the API's 128 characters", async () => {
        await build(opts => new MultiEipEni("web", byId({ eip: { addressNamePrefix: `s${"x".repeat(125)}` } }), opts));
        assert.equal(world.named("web-eip-3").inputs.addressName.length, 128);
        await rejects(byId({ eip: { addressNamePrefix: `s${"x".repeat(126)}` } }), [
            ["eip.addressNamePrefix", /EIP name 'sx+-3' is not 1 to 128 letters/],
        ]);
    });

    it("lists every problem of one call at once", () =>
        rejects(byId({ securityGroupIds: [], publicIpCount: 7, eniCount: 1, eipsInUse: 19, eip: { bandwidth: 0 } }), [
            ["securityGroupIds", /no security group/],
            ["publicIpCount", /7 private IPs on one ENI exceed/],
            ["publicIpCount", /7 new EIPs with 19 in use exceed/],
            ["eip.bandwidth", /bandwidth \(Mbit\/s\) 0 is not a whole number/],
        ]));
});

describe("MultiEipEni: untyped input (JavaScript, YAML, other languages)", () => {
    /** The problems of an untyped call, as `path: message` lines. */
    const lines = async (args: unknown) =>
        (
            await expectRejection(
                "topologies:alicloud:MultiEipEni 'web'",
                opts => new MultiEipEni("web", args as MultiEipEniArgs, opts),
            )
        ).problems.map(p => `${p.path}: ${p.message}`);

    it("refuses missing or mistyped parts at their paths, never with a TypeError", async () => {
        const { vSwitch: _, ...noVSwitch } = byId();
        assert.deepEqual(await lines(noVSwitch), ["vSwitch: is required (expected object)."]);
        assert.deepEqual(await lines({ ...byId(), instance: null }), ["instance: expected object, got null."]);
        assert.deepEqual(await lines({ ...byId(), securityGroupIds: "sg-tutorial", privateIps: ["172.16.0.57", 7] }), [
            'securityGroupIds: expected array, got "sg-tutorial".',
            "privateIps[1]: expected string, got 7.",
        ]);
    });

    it("tells a vSwitch that fits neither form what its own form lacks", async () => {
        assert.deepEqual(await lines({ ...byId(), vSwitch: { vpc: { region: "cn-hangzhou" }, name: "web" } }), [
            'vSwitch.vpc: {"region":"cn-hangzhou"}: is not a RegionalVpc.',
        ]);
        const problems = (
            await expectRejection(
                "topologies:alicloud:MultiEipEni 'web'",
                opts =>
                    new MultiEipEni(
                        "web",
                        {
                            ...byId(),
                            vSwitch: { id: "vsw-tutorial", cidrBlock: "172.16.0.0/24", zoneld: "cn-hangzhou-h" },
                        } as never,
                        opts,
                    ),
            )
        ).problems;
        assert.deepEqual(
            problems.map(p => [p.path, p.fix]),
            [["vSwitch.zoneld", "Did you mean 'zoneId'?"]],
        );
    });

    it("refuses ids not shaped as Alibaba Cloud's, and a security group given twice", async () => {
        assert.deepEqual(
            await lines({
                ...byId(),
                instance: { ...byId().instance, id: "toString" },
                securityGroupIds: ["sg-tutorial", "sg-tutorial"],
            }),
            ['instance.id: "toString": is not an ECS instance id (i- and lowercase letters and digits).'],
        );
        await rejects(byId({ securityGroupIds: ["sg-tutorial", "sg-tutorial"] }), [
            ["securityGroupIds[1]", /security group 'sg-tutorial' is used again \(first at securityGroupIds\[0\]\)/],
        ]);
        assert.deepEqual(await lines(byId({ eip: { resourceGroupId: "" } })), [
            'eip.resourceGroupId: "": is not a resource group id (rg- and lowercase letters and digits).',
        ]);
    });

    it("refuses counts that are not whole numbers (NaN, Infinity, fractions) and padded addresses", async () => {
        assert.deepEqual(
            await lines(byId({ publicIpCount: NaN, eipsInUse: 1.5, instance: { ...byId().instance, enis: Infinity } })),
            [
                "instance.enis: expected number, got Infinity.",
                "publicIpCount: expected number, got NaN.",
                "eipsInUse: 1.5: is not a whole number from 0 to 100000.",
            ],
        );
        assert.deepEqual(await lines(byId({ privateIps: [" 172.16.0.57"], eip: { bandwidth: NaN } })), [
            'privateIps[0]: " 172.16.0.57": has leading or trailing blanks.',
            "eip.bandwidth: expected number, got NaN.",
        ]);
        await rejects(byId({ eip: { paymentType: "Subscription", period: 1.5 } }), [
            ["eip.period", /subscription period in months 1\.5 is not a whole number from 1 to 9/],
        ]);
    });

    it("refuses a zero-padded address instead of passing it on as written", () =>
        rejects(byId({ privateIps: ["172.16.0.57", "172.16.0.077"] }), [
            ["privateIps[1]", /'172\.16\.0\.077' is not an IPv4 or IPv6 address/],
        ]));

    it("checks ids given as Outputs when they resolve, failing what takes them with the problem at its path", async function () {
        this.timeout(10_000);
        const program = (instanceId: pulumi.Input<string>, group: pulumi.Input<string>): StackProgram => ({
            loadStackConfig: raw => raw,
            buildStack: (_config, opts) => {
                new MultiEipEni(
                    "web",
                    byId({ instance: { ...byId().instance, id: instanceId }, securityGroupIds: [group] }),
                    opts,
                );
                return {};
            },
        });
        const bad = await runPlan(program(pulumi.output("i-tutorial"), pulumi.output(" sg-tutorial")), {});
        assert.ok(!bad.ok);
        assert.deepEqual(
            bad.errors.map(e => [e.source, e.problems.map(p => p.path)]),
            [["topologies:alicloud:MultiEipEni 'web'", ["securityGroupIds[0]"]]],
        );
        assert.ok((await runPlan(program(pulumi.output("i-tutorial"), pulumi.output("sg-tutorial")), {})).ok);
    });
});
