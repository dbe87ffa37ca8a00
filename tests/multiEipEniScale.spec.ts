/** S2 at scale: addresses over several secondary ENIs, one guest script for all, and the EIP association mode. */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { GUEST_OS, renderEnisGuestScript, renderGuestScript, GuestEnisArgs } from "../components/alicloud/guestRouting";
import { MultiEipEni, MultiEipEniArgs, validateMultiEipEniArgs } from "../components/alicloud/multiEipEni";
import { fillEnis } from "../components/alicloud/multiEipEni/checks";
import { build, problemLines, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { ASSOCIATION, ATTACHMENT, EIP, ENI, byId } from "./support/multiEipEni";
import { RegionalVpc } from "../components/alicloud/vpc";

/**
 * Builds the component on a vSwitch of a RegionalVpc, whose addresses the offline engine hands
 * out one by one (a vSwitch given by id gets the same stand-in addresses on every ENI).
 */
function buildOnVpc(overrides: Partial<MultiEipEniArgs> = {}): Promise<MultiEipEni> {
    return build(opts => {
        const vpc = new RegionalVpc(
            "vpc",
            {
                region: "cn-hangzhou",
                cidrBlock: "172.16.0.0/16",
                vSwitches: { sites: { zoneId: "cn-hangzhou-h", cidrBlock: "172.16.0.0/24" } },
            },
            opts,
        );
        return new MultiEipEni("web", byId({ vSwitch: { vpc, name: "sites" }, ...overrides }), opts);
    });
}

/** The component must refuse `args` with exactly these problems (path, message), having registered nothing. */
async function rejects(args: unknown, expected: Array<[string, RegExp]>): Promise<void> {
    const error = await expectRejection(
        "topologies:alicloud:MultiEipEni 'web'",
        opts => new MultiEipEni("web", args as MultiEipEniArgs, opts),
    );
    assert.deepEqual(
        error.problems.map(p => p.path),
        expected.map(([p]) => p),
        error.message,
    );
    error.problems.forEach((p, i) => assert.match(p.message, expected[i][1], p.message));
}

describe("MultiEipEni at scale: 8 addresses over 2 ENIs of an ecs.g7.large", () => {
    let c: MultiEipEni;

    before(async () => {
        c = await buildOnVpc({ publicIpCount: 8 });
    });

    it("derives 2 ENIs, the first full (6 addresses), the second with the rest", () => {
        assert.deepEqual(
            world
                .ofType(ENI)
                .map(e => [e.name, e.inputs.networkInterfaceName, e.inputs.secondaryPrivateIpAddressCount]),
            [
                ["web-eni", "web-eni", 5],
                ["web-eni-2", "web-eni-2", 1],
            ],
        );
        for (const e of world.ofType(ENI)) {
            assert.equal(e.inputs.vswitchId, world.named("vpc-sites").id);
            assert.deepEqual(e.inputs.securityGroupIds, ["sg-tutorial"]);
        }
    });

    it("binds each ENI to the instance, one after the other", () => {
        const [first, second] = world.ofType(ATTACHMENT);
        assert.equal(world.ofType(ATTACHMENT).length, 2);
        assert.equal(first.name, "web-attachment");
        assert.deepEqual(first.dependsOn, ["web-eni"]);
        assert.equal(second.name, "web-attachment-2");
        assert.equal(second.inputs.instanceId, "i-tutorial");
        assert.equal(second.inputs.networkInterfaceId, world.named("web-eni-2").id);
        assert.deepEqual(second.dependsOn, ["web-eni-2", "web-attachment"]);
    });

    it("associates one EIP per private IP in NAT mode with the ENI that holds it, numbered over both", async () => {
        assert.equal(world.ofType(EIP).length, 8);
        assert.equal(world.ofType(ASSOCIATION).length, 8);
        const privateIps = await valueOf(c.privateIps);
        assert.equal(privateIps.length, 8);
        assert.equal(new Set(privateIps).size, 8);
        for (let n = 1; n <= 8; n++) {
            const a = world.named(`web-eip-${n}-association`);
            const eni = n <= 6 ? "web-eni" : "web-eni-2";
            assert.equal(a.inputs.instanceId, world.named(eni).id, a.name);
            assert.equal(a.inputs.instanceType, "NetworkInterface");
            assert.equal(a.inputs.mode, "NAT");
            assert.equal(a.inputs.allocationId, world.named(`web-eip-${n}`).id);
            assert.equal(a.inputs.privateIpAddress, privateIps[n - 1], a.name);
            assert.ok(a.dependsOn.includes(n <= 6 ? "web-attachment" : "web-attachment-2"), a.name);
            if (n > 1) assert.ok(a.dependsOn.includes(`web-eip-${n - 1}-association`), a.name);
        }
        // Each ENI's primary address comes first among its own.
        assert.equal(privateIps[0], world.named("web-eni").state.primaryIpAddress);
        assert.equal(privateIps[6], world.named("web-eni-2").state.primaryIpAddress);
    });

    it("outputs every ENI, device and attachment", async () => {
        assert.deepEqual(c.devices, ["eth1", "eth2"]);
        assert.equal(c.device, "eth1");
        assert.deepEqual(await valueOf(c.networkInterfaceIds), [
            world.named("web-eni").id,
            world.named("web-eni-2").id,
        ]);
        assert.deepEqual(await valueOf(c.attachmentIds!), [
            world.named("web-attachment").id,
            world.named("web-attachment-2").id,
        ]);
        assert.equal((await valueOf(c.publicIps)).length, 8);
    });

    it("routes each ENI's addresses through its own device and table in one guest script", async () => {
        const script = await valueOf(c.guestScript);
        const ips = await valueOf(c.privateIps);
        assert.equal(
            script,
            renderEnisGuestScript({
                vSwitchCidr: "172.16.0.0/24",
                enis: [
                    { device: "eth1", table: 1001, primaryIp: ips[0], secondaryIps: ips.slice(1, 6) },
                    { device: "eth2", table: 1002, primaryIp: ips[6], secondaryIps: ips.slice(7) },
                ],
            }),
        );
        for (const ip of ips.slice(0, 6)) assert.ok(script.includes(`ip -4 rule add from ${ip} lookup 1001`), ip);
        for (const ip of ips.slice(6)) assert.ok(script.includes(`ip -4 rule add from ${ip} lookup 1002`), ip);
        assert.ok(script.includes("ip -4 route add default via 172.16.0.253 dev eth2 table 1002"));
        assert.ok(script.includes("ifcfg-eth2:0"));
        assert.equal(script.split("service network restart").length, 2, "restarts the network once");
    });
});

describe("MultiEipEni at scale: other layouts", () => {
    it("fills the ENIs in order, leaving one address for each ENI after", () => {
        assert.deepEqual(fillEnis(8, 2, 6), [6, 2]);
        assert.deepEqual(fillEnis(12, 2, 6), [6, 6]);
        assert.deepEqual(fillEnis(4, 2, 6), [3, 1]);
        assert.deepEqual(fillEnis(3, 3, 6), [1, 1, 1]);
        assert.deepEqual(fillEnis(3, 1, 6), [3]);
    });

    it("splits explicit private IPs over an explicit eniCount, the device after the instance's own ENIs", async () => {
        const c = await build(
            opts =>
                new MultiEipEni(
                    "web",
                    byId({
                        instance: { ...byId().instance, enis: 1 },
                        eniCount: 2,
                        privateIps: ["172.16.0.57", "172.16.0.77", "172.16.0.78", "172.16.0.79"],
                        eniName: "sites",
                    }),
                    opts,
                ),
        );
        const [first, second] = world.ofType(ENI);
        assert.equal(first.inputs.primaryIpAddress, "172.16.0.57");
        assert.deepEqual(first.inputs.privateIpAddresses, ["172.16.0.77", "172.16.0.78"]);
        assert.equal(second.inputs.primaryIpAddress, "172.16.0.79");
        assert.equal(second.inputs.privateIpAddresses, undefined);
        assert.equal(second.inputs.secondaryPrivateIpAddressCount, undefined);
        assert.deepEqual([first.inputs.networkInterfaceName, second.inputs.networkInterfaceName], ["sites", "sites-2"]);
        assert.equal(world.named("web-eip-4-association").inputs.privateIpAddress, "172.16.0.79");
        assert.equal(world.named("web-eip-4-association").inputs.instanceId, second.id);
        assert.deepEqual(await valueOf(c.privateIps), ["172.16.0.57", "172.16.0.77", "172.16.0.78", "172.16.0.79"]);
    });

    it("creates no attachment for any ENI when attach is false, and then takes more ENIs than the instance", async () => {
        const c = await buildOnVpc({ attach: false, publicIpCount: 18 });
        assert.equal(world.ofType(ENI).length, 3);
        assert.equal(world.ofType(ATTACHMENT).length, 0);
        assert.equal(c.attachmentIds, undefined);
        assert.deepEqual(c.devices, ["eth1", "eth2", "eth3"]);
    });

    it("plans the ENIs in its plan", () => {
        const plan = validateMultiEipEniArgs("web", byId({ publicIpCount: 7 }));
        assert.deepEqual(
            plan.enis.map(e => [e.resourceName, e.attachmentName, e.eniName, e.device, e.table, e.first, e.count]),
            [
                ["web-eni", "web-attachment", "web-eni", "eth1", 1001, 0, 6],
                ["web-eni-2", "web-attachment-2", "web-eni-2", "eth2", 1002, 6, 1],
            ],
        );
        assert.equal(plan.count, 7);
        assert.equal(plan.eip.mode, "NAT");
    });
});

describe("MultiEipEni at scale: checks", () => {
    it("eniCount: no more ENIs than addresses", () =>
        rejects(byId({ publicIpCount: 2, eniCount: 3, attach: false }), [
            ["eniCount", /3 ENIs for 2 addresses: every ENI's primary private IP is one of the addresses/],
        ]));

    it("eniCount: the addresses fit the ENIs given", () =>
        rejects(byId({ publicIpCount: 13, eniCount: 2 }), [
            [
                "publicIpCount",
                /13 private IPs on 2 ENIs exceed the 12 that instance type 'ecs\.g7\.large' allows on 2 ENIs \(6 per ENI\)/,
            ],
        ]));

    it("eniCount: within the ENIs the instance type leaves beside the instance's own", () =>
        rejects(byId({ publicIpCount: 3, eniCount: 3 }), [
            [
                "eniCount",
                /3 addresses on 3 secondary ENIs \(6 private IPs per ENI\), but instance type 'ecs\.g7\.large' takes at most 3 ENIs and the instance has 1 already: 2 more can be bound/,
            ],
        ]));

    it("derived ENIs: too many addresses for the ENIs the instance can still take", async () => {
        await rejects(byId({ publicIpCount: 13 }), [
            [
                "publicIpCount",
                /13 addresses on 3 secondary ENIs .* takes at most 3 ENIs and the instance has 1 already: 2 more can be bound/,
            ],
        ]);
        const error = await expectRejection(
            "topologies:alicloud:MultiEipEni 'web'",
            opts => new MultiEipEni("web", byId({ publicIpCount: 13 }), opts),
        );
        assert.match(error.problems[0].fix ?? "", /Use at most 12 addresses on 2 ENIs/);
    });

    it("eniCount: a whole number from 1 to 99", async () => {
        await rejects(byId({ eniCount: 0 }), [["eniCount", /^0: is not a whole number from 1 to 99/]]);
        await rejects(byId({ eniCount: 1.5 }), [["eniCount", /^1\.5: is not a whole number from 1 to 99/]]);
        await rejects({ ...byId(), eniCount: "2" }, [["eniCount", /expected number, got "2"/]]);
    });

    it("eniName: the later ENIs' suffixed names must fit too", () =>
        rejects(byId({ publicIpCount: 8, eniName: `a${"b".repeat(126)}` }), [
            ["eniName", /ENI name 'ab+-2' is not 2 to 128 letters/],
        ]));

    it("eip.mode: NAT is taken, cut-through and multi-EIP-to-ENI are refused with why", async () => {
        await build(opts => new MultiEipEni("web", byId({ eip: { mode: "NAT" } }), opts));
        assert.equal(world.named("web-eip-1-association").inputs.mode, "NAT");
        await rejects(byId({ eip: { mode: "BINDED" } }), [
            ["eip.mode", /cut-through mode \(BINDED\) gives a secondary ENI one EIP that replaces its private IP/],
        ]);
        await rejects(byId({ eip: { mode: "MULTI_BINDED" } }), [
            ["eip.mode", /multi-EIP-to-ENI mode \(MULTI_BINDED\).*no longer grants it to new accounts/],
        ]);
        await rejects({ ...byId(), eip: { mode: "nat" } }, [["eip.mode", /"nat"/]]);
    });
});

describe("guestRouting: several ENIs", () => {
    const ENIS: GuestEnisArgs = {
        vSwitchCidr: "172.16.0.0/24",
        enis: [
            { device: "eth1", table: 1001, primaryIp: "172.16.0.57", secondaryIps: ["172.16.0.77"] },
            { device: "eth2", table: 1002, primaryIp: "172.16.0.90", secondaryIps: ["172.16.0.91", "172.16.0.92"] },
        ],
    };

    it("is valid bash for every OS, with one profile, file or rc.local block per ENI", () => {
        for (const os of GUEST_OS) {
            const script = renderEnisGuestScript({ ...ENIS, os });
            const check = spawnSync("bash", ["-n"], { input: script });
            assert.equal(check.status, 0, `${os}: ${check.stderr.toString()}`);
            for (const device of ["eth1", "eth2"]) assert.ok(script.includes(`# Secondary ENI ${device}:`), os);
        }
        assert.equal(renderEnisGuestScript({ ...ENIS, os: "ubuntu" }).split("netplan apply").length, 2);
        assert.ok(renderEnisGuestScript({ ...ENIS, os: "ubuntu" }).includes("/etc/netplan/60-topologies-eth2.yaml"));
        assert.ok(renderEnisGuestScript({ ...ENIS, os: "alinux3" }).includes("con-name topologies-eth2"));
        const alinux2 = renderEnisGuestScript(ENIS);
        assert.ok(alinux2.includes("# BEGIN topologies multi-eip-eni eth2"));
        assert.ok(alinux2.includes("ifcfg-eth2:1"));
    });

    it("is renderGuestScript's script for one ENI", () => {
        for (const os of GUEST_OS) {
            assert.equal(
                renderEnisGuestScript({
                    os,
                    vSwitchCidr: "172.16.0.0/24",
                    enis: [{ device: "eth1", table: 1001, primaryIp: "172.16.0.57", secondaryIps: ["172.16.0.77"] }],
                }),
                renderGuestScript({
                    os,
                    primaryIp: "172.16.0.57",
                    secondaryIps: ["172.16.0.77"],
                    vSwitchCidr: "172.16.0.0/24",
                }),
            );
        }
    });

    it("refuses shared devices, tables and addresses, and bad parts, at their paths", () => {
        const [a, b] = ENIS.enis;
        assert.deepEqual(
            problemLines(() =>
                renderEnisGuestScript({
                    vSwitchCidr: "172.16.0.0/24",
                    enis: [a, { ...b, device: "eth1", table: 1001, secondaryIps: ["172.16.0.57", "2408::1"] }],
                }),
            ).map(l => l.split(":")[0]),
            ["enis[1].secondaryIps[1]", "enis[1].secondaryIps[0]", "enis[1].device", "enis[1].table"],
        );
        assert.deepEqual(
            problemLines(() => renderEnisGuestScript({ vSwitchCidr: "172.16.0.0/24", enis: [] })).map(
                l => l.split(":")[0],
            ),
            ["enis"],
        );
        assert.deepEqual(
            problemLines(() =>
                renderEnisGuestScript({
                    vSwitchCidr: "172.16.0.0/24",
                    enis: [{ ...a, device: "eth1; reboot", table: 254 }],
                } as GuestEnisArgs),
            ).map(l => l.split(":")[0]),
            ["enis[0].device", "enis[0].table"],
        );
    });
});
