import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { MultiEipEni, MultiEipEniArgs, MultiEipEniEipArgs } from "../components/alicloud/multiEipEni";
import { Provider } from "../components/sdk/alicloud";
import { runPlan, StackProgram } from "../cli/plan";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { byId } from "./support/multiEipEni";

const PACKAGE = "vpc/commonBandwithPackage:CommonBandwithPackage";
const JOIN = "vpc/commonBandwithPackageAttachment:CommonBandwithPackageAttachment";

function args(eip: MultiEipEniEipArgs, overrides: Partial<MultiEipEniArgs> = {}): MultiEipEniArgs {
    return byId({ eip, ...overrides });
}

async function rejects(a: MultiEipEniArgs, expected: Array<[string, RegExp]>): Promise<void> {
    const error = await expectRejection(
        "topologies:alicloud:MultiEipEni 'web'",
        opts => new MultiEipEni("web", a, opts),
    );
    assert.deepEqual(
        error.problems.map(p => p.path),
        expected.map(([p]) => p),
        error.message,
    );
    error.problems.forEach((p, i) => assert.match(p.message, expected[i][1], p.message));
}

describe("MultiEipEni: EIPs in an Internet Shared Bandwidth instance", () => {
    let eni: MultiEipEni;
    let provider: Provider;

    before(async () => {
        eni = await build(opts => {
            provider = new Provider("hz", { region: "cn-hangzhou" }, opts);
            return new MultiEipEni(
                "web",
                args(
                    { sharedBandwidth: { bandwidth: 30 }, deletionProtection: true },
                    { provider, tags: { env: "test" } },
                ),
                opts,
            );
        });
    });

    it("buys one pay-as-you-go package on the EIPs' line, under the component, with its provider and tags", () => {
        const [pkg] = world.ofType(PACKAGE);
        assert.equal(world.ofType(PACKAGE).length, 1);
        assert.equal(pkg.name, "web-bandwidth");
        assert.equal(pkg.inputs.bandwidth, "30");
        assert.equal(pkg.inputs.internetChargeType, "PayByBandwidth");
        assert.equal(pkg.inputs.isp, "BGP");
        assert.equal(pkg.inputs.ratio, undefined);
        assert.equal(pkg.inputs.deletionProtection, true);
        assert.deepEqual(pkg.inputs.tags, { env: "test" });
        assert.equal(pkg.inputs.bandwidthPackageName, undefined, "no fixed physical name");
        assert.equal(pkg.parent, "web");
        assert.equal(pkg.provider, "hz");
    });

    it("adds each EIP to it after the EIP and the previous one, and associates each EIP once it is in", () => {
        const joins = world.ofType(JOIN);
        assert.equal(joins.length, 3);
        joins.forEach((join, i) => {
            const n = i + 1;
            assert.equal(join.name, `web-eip-${n}-bandwidth`);
            assert.deepEqual(join.inputs, {
                bandwidthPackageId: world.named("web-bandwidth").id,
                instanceId: world.named(`web-eip-${n}`).id,
                ipType: "EIP",
            });
            assert.equal(join.provider, "hz");
            assert.equal(join.parent, "web");
            assert.deepEqual(join.dependsOn, [
                `web-eip-${n}`,
                "web-bandwidth",
                ...(n > 1 ? [`web-eip-${n - 1}-bandwidth`] : []),
            ]);
            assert.deepEqual(world.named(`web-eip-${n}-association`).dependsOn, [
                "web-eni",
                `web-eip-${n}`,
                `web-eip-${n}-bandwidth`,
                "web-attachment",
                ...(n > 1 ? [`web-eip-${n - 1}-association`] : []),
            ]);
        });
    });

    it("outputs the package's id", async () => {
        assert.equal(await valueOf(eni.sharedBandwidthPackageId!), world.named("web-bandwidth").id);
    });

    it("sends ratio 20 for PayBy95, and joins an existing package without buying one", async () => {
        await build(
            opts =>
                new MultiEipEni(
                    "web",
                    args({ sharedBandwidth: { bandwidth: 50, internetChargeType: "PayBy95" } }),
                    opts,
                ),
        );
        assert.equal(world.named("web-bandwidth").inputs.internetChargeType, "PayBy95");
        assert.equal(world.named("web-bandwidth").inputs.ratio, 20);

        const built = await build(
            opts =>
                new MultiEipEni(
                    "web",
                    args({ sharedBandwidth: { packageId: "cbwp-existing" } }, { publicIpCount: 2 }),
                    opts,
                ),
        );
        assert.equal(world.ofType(PACKAGE).length, 0);
        assert.deepEqual(
            world.ofType(JOIN).map(j => j.inputs.bandwidthPackageId),
            ["cbwp-existing", "cbwp-existing"],
        );
        assert.equal(await valueOf(built.sharedBandwidthPackageId!), "cbwp-existing");
    });

    it("buys nothing shared without sharedBandwidth", async () => {
        const built = await build(opts => new MultiEipEni("web", args({}), opts));
        assert.equal(world.ofType(PACKAGE).length + world.ofType(JOIN).length, 0);
        assert.equal(built.sharedBandwidthPackageId, undefined);
    });

    it("rule: only pay-as-you-go EIPs join a package", () =>
        rejects(args({ paymentType: "Subscription", period: 1, sharedBandwidth: { bandwidth: 30 } }), [
            ["eip.sharedBandwidth", /only pay-as-you-go EIPs join an Internet Shared Bandwidth instance/],
        ]));

    it("rule: the package's bandwidth is a whole number from 1 to 1000 Mbit/s", async () => {
        await rejects(args({ sharedBandwidth: { bandwidth: 0 } }), [
            ["eip.sharedBandwidth.bandwidth", /from 1 to 1000/],
        ]);
        await rejects(args({ sharedBandwidth: { bandwidth: 1001 } }), [
            [
                "eip.sharedBandwidth.bandwidth",
                /Internet Shared Bandwidth \(Mbit\/s\) 1001 is not a whole number from 1 to 1000/,
            ],
        ]);
        await rejects(args({ sharedBandwidth: { bandwidth: 2.5 } }), [
            ["eip.sharedBandwidth.bandwidth", /whole number/],
        ]);
    });

    it("rule: ratio is PayBy95's, and only 20", async () => {
        await rejects(args({ sharedBandwidth: { bandwidth: 30, internetChargeType: "PayBy95", ratio: 30 } }), [
            ["eip.sharedBandwidth.ratio", /PayBy95 package takes a minimum commitment of 20 percent only, not 30/],
        ]);
        await rejects(args({ sharedBandwidth: { bandwidth: 30, ratio: 20 } }), [
            ["eip.sharedBandwidth.ratio", /ratio is the minimum commitment of PayBy95 packages/],
        ]);
    });

    it("rule: the EIPs fit in one package (100 by default, configurable)", async () => {
        await rejects(args({ sharedBandwidth: { bandwidth: 30, eipQuota: 2 } }), [
            ["publicIpCount", /3 EIPs exceed the 2 one Internet Shared Bandwidth instance may hold/],
        ]);
        await rejects(
            args(
                { sharedBandwidth: { bandwidth: 30 } },
                {
                    publicIpCount: 101,
                    eipQuota: 1000,
                    instanceTypeLimits: { maxEnis: 3, maxPrivateIpsPerEni: 200, hotPlug: true },
                },
            ),
            [["publicIpCount", /101 EIPs exceed the 100/]],
        );
    });

    it("untyped input: a package in neither form, bad ids and types get problems, never a TypeError", async () => {
        const untyped = (shared: unknown) => args({ sharedBandwidth: shared as never });
        await rejects(untyped({ packageId: "bwp-1" }), [
            ["eip.sharedBandwidth.packageId", /Internet Shared Bandwidth id/],
        ]);
        // A bad metering fails both forms of the union: judged against the form written (new package), not
        // reported as a missing packageId with two unknown keys.
        await rejects(untyped({ bandwidth: 30, internetChargeType: "PayByTraffic" }), [
            ["eip.sharedBandwidth.internetChargeType", /"PayByTraffic" is not accepted/],
        ]);
        await rejects(untyped(null), [["eip.sharedBandwidth", /./]]);
    });

    it("lists every problem of one call together", () =>
        rejects(
            args({
                paymentType: "Subscription",
                period: 1,
                sharedBandwidth: { bandwidth: 5000, ratio: 20, eipQuota: 1 },
            }),
            [
                ["eip.sharedBandwidth", /only pay-as-you-go/],
                ["eip.sharedBandwidth.bandwidth", /from 1 to 1000/],
                ["eip.sharedBandwidth.ratio", /PayBy95/],
                ["publicIpCount", /exceed the 1/],
            ],
        ));

    it("checks a package id given as an Output when it resolves", async function () {
        this.timeout(10_000);
        const program = (packageId: pulumi.Input<string>): StackProgram => ({
            loadStackConfig: raw => raw,
            buildStack: (_config, opts) => {
                new MultiEipEni("web", args({ sharedBandwidth: { packageId } }, { publicIpCount: 1 }), opts);
                return {};
            },
        });
        const bad = await runPlan(program(pulumi.output("bwp-1")), {});
        assert.ok(!bad.ok);
        assert.deepEqual(
            bad.errors.map(e => [e.source, e.problems.map(p => p.path)]),
            [["topologies:alicloud:MultiEipEni 'web'", ["eip.sharedBandwidth.packageId"]]],
        );
        assert.ok((await runPlan(program(pulumi.output("cbwp-1")), {})).ok);
    });
});
