import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../components/sdk/alicloud";
import { runPlan, StackProgram } from "../cli/plan";
import {
    RegionalVpc,
    RegionalVpcArgs,
    checkRegionalVpcArgs,
    validateExistingRegionalVpcArgs,
    validateRegionalVpcArgs,
} from "../components/alicloud/vpc";
import { MultiEipEni } from "../components/alicloud/multiEipEni";
import { REGION_ZONES, REGIONS, checkZone } from "../components/alicloud/regions";
import { Problems } from "../components/errors";
import { seed000Vpc1 } from "./support/tutorials";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";

/** The tutorial's VPC1 (seed 000): cn-chengdu, 172.16.0.0/12, VSW1 zone A and VSW2 zone B. */
const chengdu = seed000Vpc1;

/** Builds and returns the problems of the rejection, asserting nothing was registered. */
async function rejection(args: RegionalVpcArgs | Parameters<typeof RegionalVpc.fromExisting>[1], existing = false) {
    const error = await expectRejection("topologies:alicloud:RegionalVpc 'bad'", opts =>
        existing
            ? RegionalVpc.fromExisting("bad", args as Parameters<typeof RegionalVpc.fromExisting>[1], opts)
            : new RegionalVpc("bad", args as RegionalVpcArgs, opts),
    );
    return error.problems;
}

describe("RegionalVpc", () => {
    it("creates the VPC, its vSwitches and the region's provider, all parented to the component", async () => {
        const vpc = await build(opts => new RegionalVpc("vpc1", chengdu(), opts));
        assert.deepEqual(world.countByType(), {
            "topologies:alicloud:RegionalVpc": 1,
            "pulumi:providers:alicloud": 1,
            "alicloud:vpc/network:Network": 1,
            "alicloud:vpc/switch:Switch": 2,
        });
        assert.equal(world.named("vpc1-provider").inputs.region, "cn-chengdu");
        const network = world.named("vpc1-vpc");
        assert.deepEqual(network.inputs, { vpcName: "vpc1", cidrBlock: "172.16.0.0/12" });
        for (const child of [network, ...world.ofType("vpc/switch:Switch")]) {
            assert.equal(child.parent, "vpc1");
            assert.equal(world.regionOf(child), "cn-chengdu");
        }
        assert.deepEqual(world.named("vpc1-vsw2").inputs, {
            vswitchName: "vsw2",
            vpcId: network.id,
            zoneId: "cn-chengdu-b",
            cidrBlock: "172.16.6.0/24",
        });
        assert.equal(await valueOf(vpc.routeTableId), network.state.routeTableId);
        assert.match(await valueOf(vpc.vSwitches.vsw1.id), /^vsw-/);
        assert.equal(vpc.vSwitches.vsw2.zoneId, "cn-chengdu-b");
    });

    it("enables IPv6 on the VPC and the asked vSwitches, with an IPv6 gateway", async () => {
        const args = chengdu();
        args.enableIpv6 = true;
        args.vSwitches.vsw1.ipv6CidrBlockMask = 1;
        const vpc = await build(opts => new RegionalVpc("v6", args, opts));
        assert.equal(world.named("v6-vpc").inputs.enableIpv6, true);
        assert.equal(world.named("v6-ipv6gw").inputs.vpcId, world.named("v6-vpc").id);
        assert.deepEqual(
            [world.named("v6-vsw1").inputs.enableIpv6, world.named("v6-vsw1").inputs.ipv6CidrBlockMask],
            [true, 1],
        );
        assert.equal(world.named("v6-vsw2").inputs.enableIpv6, undefined);
        assert.deepEqual([vpc.vSwitches.vsw1.ipv6Enabled, vpc.vSwitches.vsw2.ipv6Enabled], [true, false]);
    });

    it("uses a provider passed in instead of creating one", async () => {
        await build(opts => {
            const provider = new alicloud.Provider("chengdu", { region: "cn-chengdu" });
            return new RegionalVpc("vpc1", { ...chengdu(), provider }, opts);
        });
        assert.equal(world.ofType("pulumi:providers:alicloud").length, 1);
        assert.equal(world.named("vpc1-vpc").provider, "chengdu");
    });

    it("describes an existing VPC without registering a VPC or vSwitch", async () => {
        const vpc = await build(opts =>
            RegionalVpc.fromExisting(
                "legacy",
                {
                    region: "cn-hangzhou",
                    vpcId: "vpc-existing",
                    routeTableId: "vtb-existing",
                    cidrBlock: "192.168.0.0/16",
                    vSwitches: { vsw3: { id: "vsw-3", zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" } },
                },
                opts,
            ),
        );
        assert.deepEqual(Object.keys(world.countByType()).sort(), [
            "pulumi:providers:alicloud",
            "topologies:alicloud:RegionalVpc",
        ]);
        assert.equal(await valueOf(vpc.vpcId), "vpc-existing");
        assert.equal(await valueOf(vpc.routeTableId), "vtb-existing");
        assert.equal(await valueOf(vpc.vSwitches.vsw3.id), "vsw-3");
        assert.equal(vpc.vpc, undefined);
    });

    it("never collides when two instances share vSwitch names", async () => {
        await build(opts => [new RegionalVpc("a", chengdu(), opts), new RegionalVpc("b", chengdu(), opts)]);
        const names = world.resources.map(r => `${r.type}::${r.name}`);
        assert.equal(new Set(names).size, names.length);
        assert.equal(world.ofType("vpc/switch:Switch").length, 4);
    });

    describe("rejects, before registering anything,", () => {
        it("an unknown region, suggesting the nearest one", async () => {
            const problems = await rejection({ ...chengdu(), region: "cn-chengdo" });
            assert.deepEqual(
                problems.map(p => p.path),
                ["region"],
            );
            assert.match(problems[0].message, /'cn-chengdo' is not an Alibaba Cloud region id/);
            assert.match(problems[0].fix!, /Did you mean 'cn-chengdu'\?/);
        });

        it("zones of another region", async () => {
            const args = chengdu();
            args.vSwitches.vsw2.zoneId = "cn-hangzhou-b";
            const problems = await rejection(args);
            assert.deepEqual(
                problems.map(p => [p.path, p.message]),
                [["vSwitches.vsw2.zoneId", "zone 'cn-hangzhou-b' is not a zone of region 'cn-chengdu'."]],
            );
        });

        for (const reserved of ["100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4"]) {
            it(`a VPC block in the reserved range ${reserved}`, async () => {
                const problems = await rejection({ region: "cn-chengdu", cidrBlock: reserved, vSwitches: {} });
                assert.ok(
                    problems.some(
                        p =>
                            p.path === "cidrBlock" &&
                            p.message.includes(`overlaps ${reserved}, which Alibaba Cloud reserves`),
                    ),
                );
            });
        }

        it("VPC and vSwitch sizes Alibaba Cloud does not accept", async () => {
            const problems = await rejection({
                region: "cn-chengdu",
                cidrBlock: "10.0.0.0/29",
                vSwitches: {
                    tiny: { zoneId: "cn-chengdu-a", cidrBlock: "10.0.0.0/30" },
                    wide: { zoneId: "cn-chengdu-a", cidrBlock: "10.0.0.0/15" },
                },
            });
            assert.deepEqual(
                problems.map(p => p.message),
                [
                    "VPC block 10.0.0.0/29 is /29; Alibaba Cloud accepts /8 to /28.",
                    "vSwitch block 10.0.0.0/30 is /30; Alibaba Cloud accepts /16 to /29.",
                    "vSwitch block 10.0.0.0/15 is /15; Alibaba Cloud accepts /16 to /29.",
                    "vSwitch 'wide' 10.0.0.0/15 is not inside the VPC block 10.0.0.0/29.",
                    "vSwitch 'wide' 10.0.0.0/15 overlaps vSwitch 'tiny' 10.0.0.0/30.",
                ],
            );
        });

        it("overlapping vSwitches and a vSwitch outside the VPC, all in one error", async () => {
            const problems = await rejection({
                region: "cn-hangzhou",
                cidrBlock: "192.168.0.0/16",
                vSwitches: {
                    vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
                    vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.8.0/25" },
                    vsw5: { zoneId: "cn-hangzhou-i", cidrBlock: "172.16.0.0/24" },
                },
            });
            assert.deepEqual(
                problems.map(p => [p.path, p.message]),
                [
                    [
                        "vSwitches.vsw5.cidrBlock",
                        "vSwitch 'vsw5' 172.16.0.0/24 is not inside the VPC block 192.168.0.0/16.",
                    ],
                    [
                        "vSwitches.vsw4.cidrBlock",
                        "vSwitch 'vsw4' 192.168.8.0/25 overlaps vSwitch 'vsw3' 192.168.8.0/24.",
                    ],
                ],
            );
        });

        it("malformed blocks, host bits and the wrong family", async () => {
            const problems = await rejection({
                region: "cn-chengdu",
                cidrBlock: "172.16.0.1/12",
                vSwitches: {
                    a: { zoneId: "cn-chengdu-a", cidrBlock: "2408::/64" },
                    b: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6/24" },
                },
            });
            assert.deepEqual(
                problems.map(p => p.path),
                ["cidrBlock", "vSwitches.a.cidrBlock", "vSwitches.b.cidrBlock"],
            );
            assert.match(problems[0].message, /did you mean 172\.16\.0\.0\/12\?/);
            assert.match(problems[1].message, /IPv6 block where an IPv4 block is expected/);
        });

        it("a VPC with no vSwitch", async () => {
            const problems = await rejection({ region: "cn-chengdu", cidrBlock: "172.16.0.0/12", vSwitches: {} });
            assert.deepEqual(
                problems.map(p => p.path),
                ["vSwitches"],
            );
        });

        it("IPv6 on a vSwitch of an IPv4-only VPC, and a repeated index", async () => {
            const args = chengdu();
            args.vSwitches.vsw1.ipv6CidrBlockMask = 7;
            args.vSwitches.vsw2.ipv6CidrBlockMask = 7;
            const problems = await rejection(args);
            assert.deepEqual(
                problems.map(p => p.path),
                [
                    "vSwitches.vsw1.ipv6CidrBlockMask",
                    "vSwitches.vsw2.ipv6CidrBlockMask",
                    "vSwitches.vsw2.ipv6CidrBlockMask",
                ],
            );
            assert.match(problems[0].message, /asks for IPv6 but the VPC has IPv6 disabled/);
            assert.match(problems[2].message, /IPv6 \/64 index '7' is used again/);
        });

        it("an IPv6 index outside the /56, or not a whole number", async () => {
            const args = { ...chengdu(), enableIpv6: true };
            args.vSwitches.vsw1.ipv6CidrBlockMask = 256;
            args.vSwitches.vsw2.ipv6CidrBlockMask = 1.5;
            const problems = await rejection(args);
            assert.deepEqual(
                problems.map(p => [p.path, p.message]),
                [
                    ["vSwitches.vsw1.ipv6CidrBlockMask", "256: is not a whole number from 0 to 255."],
                    ["vSwitches.vsw2.ipv6CidrBlockMask", "1.5: is not a whole number from 0 to 255."],
                ],
            );
        });

        it("an existing VPC whose vSwitch lies outside it", async () => {
            const problems = await rejection(
                {
                    region: "cn-hangzhou",
                    vpcId: "vpc-x",
                    routeTableId: "vtb-x",
                    cidrBlock: "192.168.0.0/16",
                    vSwitches: { far: { id: "vsw-x", zoneId: "cn-hangzhou-h", cidrBlock: "10.0.0.0/24" } },
                },
                true,
            );
            assert.deepEqual(
                problems.map(p => p.path),
                ["vSwitches.far.cidrBlock"],
            );
        });
    });

    it("reports every problem of one call in a single readable message", async () => {
        let message = "";
        try {
            new RegionalVpc("vpc2", {
                region: "cn-hangzhou",
                cidrBlock: "192.168.0.0/16",
                vSwitches: {
                    vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
                    vsw4: { zoneId: "cn-hangzhou-x1", cidrBlock: "192.168.8.0/25" },
                },
            });
        } catch (e) {
            message = (e as Error).message;
        }
        assert.equal(
            message,
            [
                "topologies:alicloud:RegionalVpc 'vpc2': 2 problems in its arguments:",
                "  - vSwitches.vsw4.zoneId: zone 'cn-hangzhou-x1' is not a zone of region 'cn-hangzhou'. Fix: Use one of: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k.",
                "  - vSwitches.vsw4.cidrBlock: vSwitch 'vsw4' 192.168.8.0/25 overlaps vSwitch 'vsw3' 192.168.8.0/24. Fix: Give every vSwitch of a VPC a disjoint block.",
            ].join("\n"),
        );
    });
});

describe("RegionalVpc: the plan (checkRegionalVpcArgs)", () => {
    it("settles every default once: the VPC's name, IPv6 off, no provider given", () => {
        assert.deepEqual(validateRegionalVpcArgs("vpc1", chengdu()), {
            kind: "created",
            region: "cn-chengdu",
            cidrBlock: "172.16.0.0/12",
            provider: undefined,
            ipv6Enabled: false,
            vpcName: "vpc1",
            ipv6GatewayName: undefined,
            tags: undefined,
            vSwitches: [
                { name: "vsw1", zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24", ipv6CidrBlockMask: undefined },
                { name: "vsw2", zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24", ipv6CidrBlockMask: undefined },
            ],
        });
        const existing = validateExistingRegionalVpcArgs("legacy", {
            region: "cn-hangzhou",
            vpcId: "vpc-x",
            routeTableId: "vtb-x",
            cidrBlock: "192.168.0.0/16",
            vSwitches: { app: { id: "vsw-x", zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" } },
        });
        assert.deepEqual(existing, {
            kind: "existing",
            region: "cn-hangzhou",
            cidrBlock: "192.168.0.0/16",
            provider: undefined,
            ipv6Enabled: false,
            vpcId: "vpc-x",
            routeTableId: "vtb-x",
            knownRouteTableId: "vtb-x",
            vSwitches: [
                { name: "app", id: "vsw-x", zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24", ipv6Enabled: false },
            ],
        });
    });

    it("names the IPv6 gateway after the VPC, and the constructor creates what the plan says", async () => {
        const args = { ...chengdu(), enableIpv6: true, vpcName: "edge" };
        const plan = validateRegionalVpcArgs("v6", args);
        assert.ok(plan.kind === "created");
        assert.equal(plan.ipv6GatewayName, "edge-ipv6gw");
        const vpc = await build(opts => new RegionalVpc("v6", args, opts));
        assert.equal(world.named("v6-ipv6gw").inputs.ipv6GatewayName, "edge-ipv6gw");
        assert.equal(world.named("v6-vsw2").inputs.cidrBlock, "172.16.6.0/24");
        assert.equal(vpc.vSwitches.vsw2.cidrBlock, "172.16.6.0/24");
        // A block written with blanks is refused, not trimmed by the check and passed on as written.
        args.vSwitches.vsw2.cidrBlock = " 172.16.6.0/24 ";
        assert.throws(
            () => validateRegionalVpcArgs("v6", args),
            /vSwitches\.vsw2\.cidrBlock: " 172\.16\.6\.0\/24 ": has leading or trailing blanks/,
        );
    });

    it("takes the provider of the component's own opts into the plan", async () => {
        await build(opts => {
            const provider = new alicloud.Provider("chengdu", { region: "cn-chengdu" });
            assert.equal(validateRegionalVpcArgs("vpc1", chengdu(), { ...opts, provider }).provider, provider);
            return new RegionalVpc("vpc1", chengdu(), { ...opts, provider });
        });
        assert.equal(world.ofType("pulumi:providers:alicloud").length, 1);
        assert.equal(world.named("vpc1-vsw1").provider, "chengdu");
    });

    it("records its problems in a parent's scope, at the parent's paths", () => {
        const problems = new Problems();
        const args = chengdu();
        args.vSwitches.vsw2.zoneId = "cn-hangzhou-b";
        checkRegionalVpcArgs(problems.under("albVpc"), "vpc1", args);
        assert.deepEqual(
            problems.list.map(p => p.path),
            ["albVpc.vSwitches.vsw2.zoneId"],
        );
    });
});

describe("RegionalVpc: untyped input (JavaScript, YAML, other languages)", () => {
    /** The problems of an untyped call, as `path: message` lines. */
    const lines = async (args: unknown, existing = false) =>
        (await rejection(args as RegionalVpcArgs, existing)).map(p => `${p.path}: ${p.message}`);
    const legacy = () => ({
        region: "cn-hangzhou",
        vpcId: "vpc-bp1legacy",
        routeTableId: "vtb-bp1legacy",
        cidrBlock: "192.168.0.0/16",
        vSwitches: { app: { id: "vsw-bp1legacy", zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" } } as Record<
            string,
            any
        >,
    });

    it("refuses args, vSwitch maps and vSwitches of the wrong type at their paths, never with a TypeError", async () => {
        assert.deepEqual(await lines(null), [": expected object, got null."]);
        assert.deepEqual(await lines({ ...chengdu(), vSwitches: [] }), ["vSwitches: expected object, got []."]);
        assert.deepEqual(
            await lines({ ...chengdu(), vSwitches: { vsw1: null, vsw2: { zoneId: 7, cidrBlock: "172.16.6.0/24" } } }),
            ["vSwitches.vsw1: expected object, got null.", "vSwitches.vsw2.zoneId: expected string, got 7."],
        );
        assert.deepEqual(await lines({ ...chengdu(), enableIpv6: 1, vpcName: "" }), [
            "enableIpv6: expected boolean, got 1.",
            'vpcName: "": is empty.',
        ]);
    });

    it("names an unknown key with the input it likely meant, and an existing VPC's field with fromExisting", async () => {
        const problems = await rejection({ ...chengdu(), enableIPv6: true } as RegionalVpcArgs);
        assert.deepEqual(
            problems.map(p => [p.path, p.fix]),
            [["enableIPv6", "Did you mean 'enableIpv6'?"]],
        );
        const existing = await rejection(legacy() as unknown as RegionalVpcArgs);
        assert.deepEqual(
            existing.map(p => [p.path, p.message, p.fix]),
            [
                [
                    "vpcId",
                    "describes a VPC that exists, and new RegionalVpc creates one.",
                    "Describe an existing VPC with RegionalVpc.fromExisting(name, args).",
                ],
            ],
        );
    });

    it("refuses vSwitch names with blanks or control characters, and padded or control-character tags", async () => {
        const args: any = chengdu();
        args.vSwitches[" vsw3"] = { zoneId: "cn-chengdu-a", cidrBlock: "172.16.7.0/24" };
        args.tags = { env: " dev", toString: "x" };
        assert.deepEqual(await lines(args), [
            'vSwitches. vsw3: the key " vsw3" has leading or trailing blanks.',
            'tags.env: " dev": has leading or trailing blanks.',
            "tags.toString: the key \"toString\" cannot be passed to a resource: Pulumi's runtime takes it for the map's own toString.",
        ]);
    });

    it("takes only a provider resource as provider", async () => {
        assert.deepEqual(await lines({ ...chengdu(), provider: "cn-chengdu" }), [
            'provider: "cn-chengdu": is not a provider of the alicloud package.',
        ]);
    });

    it("describes an existing VPC only with fromExisting's fields, its ids shaped as Alibaba Cloud's", async () => {
        const { vpcId: _, ...noId } = legacy();
        assert.deepEqual(await lines(noId, true), ["vpcId: is required (expected string)."]);
        const args = legacy();
        args.vpcId = " vpc-bp1legacy";
        args.routeTableId = "";
        args.vSwitches.app.id = "subnet-1";
        args.vSwitches.app.ipv6CidrBlockMask = 1;
        assert.deepEqual(await lines(args, true), [
            'vpcId: " vpc-bp1legacy": is not a VPC id (vpc- and lowercase letters and digits).',
            'routeTableId: "": is not a route table id (vtb- and lowercase letters and digits).',
            'vSwitches.app.id: "subnet-1": is not a vSwitch id (vsw- and lowercase letters and digits).',
            "vSwitches.app.ipv6CidrBlockMask: 'ipv6CidrBlockMask' is not an input here.",
        ]);
    });

    it("checks ids given as Outputs when they resolve, failing what takes them with the problem at its path", async function () {
        this.timeout(10_000);
        const program = (id: pulumi.Input<string>): StackProgram => ({
            loadStackConfig: raw => raw,
            buildStack: (_config, opts) => {
                const args = legacy();
                args.vSwitches.app.id = id;
                const vpc = RegionalVpc.fromExisting("legacy", args, opts);
                new MultiEipEni(
                    "sites",
                    {
                        instance: { id: "i-1", region: "cn-hangzhou", instanceType: "ecs.g7.large" },
                        vSwitch: { vpc, name: "app" },
                        securityGroupIds: ["sg-1"],
                        publicIpCount: 1,
                    },
                    opts,
                );
                return {};
            },
        });
        const bad = await runPlan(program(pulumi.output("subnet-1")), {});
        assert.ok(!bad.ok);
        assert.deepEqual(
            bad.errors.map(e => [e.source, e.problems.map(p => p.path)]),
            [["topologies:alicloud:RegionalVpc 'legacy'", ["vSwitches.app.id"]]],
        );
        assert.ok((await runPlan(program(pulumi.output("vsw-bp1legacy")), {})).ok);
    });
});

describe("vSwitch lookups", () => {
    it("find only the VPC's own vSwitches, never a name Object has", async () => {
        const vpc = await build(opts => new RegionalVpc("vpc1", seed000Vpc1(), opts));
        assert.equal(vpc.vSwitches["constructor"], undefined);
        assert.equal(vpc.vSwitches["toString"], undefined);
        assert.ok(vpc.vSwitches.vsw1);
        assert.deepEqual(Object.keys(vpc.vSwitches), ["vsw1", "vsw2"]);
    });
});

describe("zones", () => {
    it("refuses a zone the region does not have (not only a misspelt one) and names the real ones", () => {
        const problems = new Problems();
        assert.equal(checkZone(problems, "z", "cn-hangzhou-z", "cn-hangzhou"), false);
        assert.equal(
            problems.list[0].fix,
            "Use one of: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k.",
        );
        for (const [zone, region] of [
            ["cn-hangzhou-h", "cn-hangzhou"],
            ["ap-southeast-1a", "ap-southeast-1"],
            ["cn-chengdu-a", "cn-chengdu"],
            ["eu-central-1c", "eu-central-1"],
        ]) {
            assert.ok(checkZone(new Problems(), "z", zone, region), zone);
        }
        assert.equal(
            checkZone(new Problems(), "z", "ap-southeast-1-a", "ap-southeast-1"),
            false,
            "zones of regions ending in a digit take no hyphen",
        );
    });

    it("finds no zone list for a region named like a member of Object (only the zone's spelling is checked)", () => {
        const problems = new Problems();
        assert.equal(checkZone(problems, "z", "constructor-a", "constructor"), true);
        assert.equal(checkZone(problems, "z", "constructor-1", "constructor"), false);
        assert.equal(problems.list[0].fix, "Use a zone id of constructor, such as constructor-a.");
    });

    it("has zones for every region it knows", () => {
        assert.deepEqual(
            Object.keys(REGIONS).filter(r => !(r in REGION_ZONES)),
            [],
        );
    });
});
