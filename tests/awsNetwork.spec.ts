import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../components/sdk/aws";
import { ExistingTwoTierVpcArgs, TwoTierVpc, TwoTierVpcArgs, validateTwoTierVpcArgs } from "../components/aws/network";
import { build, valueOf, world } from "./mocks";
import { expectRejection, expectRejectionWhenKnown } from "./mocks/rejection";

const tokyo = (): TwoTierVpcArgs => ({
    region: "ap-northeast-1",
    cidrBlock: "10.1.0.0/16",
    publicSubnets: {
        pub1a: { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" },
        pub1c: { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.2.0/24" },
    },
    privateSubnets: {
        priv1a: { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" },
        priv1c: { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.3.0/24" },
        priv1c2: { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.4.0/24" },
    },
});

describe("TwoTierVpc", () => {
    it("creates its own Tokyo provider and tags every resource with a Name", async () => {
        const vpc = await build(opts => new TwoTierVpc("net", { ...tokyo(), tags: { team: "platform" } }, opts));
        assert.equal(world.named("net-provider").inputs.region, "ap-northeast-1");
        assert.equal(world.named("net-provider").parent, "net");
        for (const r of world.resources.filter(r => r.custom && !r.type.startsWith("pulumi:providers:"))) {
            assert.equal(r.provider, "net-provider", r.name);
            assert.equal(r.parent, "net", r.name);
        }
        assert.deepEqual(world.named("net-priv1c").inputs.tags, { team: "platform", Name: "net-priv1c" });
        assert.deepEqual(
            vpc.privateSubnets.map(s => [s.name, s.availabilityZone, s.cidrBlock]),
            [
                ["priv1a", "ap-northeast-1a", "10.1.1.0/24"],
                ["priv1c", "ap-northeast-1c", "10.1.3.0/24"],
                ["priv1c2", "ap-northeast-1c", "10.1.4.0/24"],
            ],
        );
        assert.equal(await valueOf(vpc.vpcId), world.named("net-vpc").id);
    });

    it("puts each interface endpoint in one private subnet per AZ, as AWS requires", async () => {
        const vpc = await build(opts => new TwoTierVpc("net", tokyo(), opts));
        assert.deepEqual(world.named("net-ecr-api").inputs.subnetIds, [
            world.named("net-priv1a").id,
            world.named("net-priv1c").id,
        ]);
        assert.equal(vpc.egressReady.length, 4);
        assert.equal(await valueOf(vpc.endpointSecurityGroupId!), world.named("net-endpoints-sg").id);
        // All three private subnets share the one private route table the S3 gateway endpoint is on.
        for (const key of ["priv1a", "priv1c", "priv1c2"]) {
            assert.equal(world.named(`net-${key}-rta`).inputs.routeTableId, world.named("net-private-rt").id);
        }
    });

    it("uses a provider passed in and describes an existing VPC without creating one", async () => {
        await build(opts => {
            const provider = new aws.Provider("osaka", { region: "ap-northeast-3" });
            return TwoTierVpc.fromExisting(
                "net",
                {
                    region: "ap-northeast-3",
                    vpcId: "vpc-00000001",
                    cidrBlock: "10.9.0.0/16",
                    provider,
                    publicSubnets: {
                        a: { id: "subnet-0000000a", availabilityZone: "ap-northeast-3a", cidrBlock: "10.9.0.0/24" },
                    },
                    privateSubnets: {
                        b: { id: "subnet-0000000b", availabilityZone: "ap-northeast-3b", cidrBlock: "10.9.1.0/24" },
                    },
                    privateRouteTableIds: ["rtb-00000001"],
                },
                opts,
            );
        });
        assert.equal(world.ofType("pulumi:providers:aws").length, 1);
        assert.equal(world.ofType("ec2/vpc:Vpc").length, 0);
        assert.equal(world.named("net-s3").inputs.serviceName, "com.amazonaws.ap-northeast-3.s3");
        assert.equal(world.regionOf(world.named("net-logs")), "ap-northeast-3");
    });

    it("resolves its defaults once, in the plan the class builds from", () => {
        const plan = validateTwoTierVpcArgs("net", { ...tokyo(), cidrBlock: "10.1.0.0/16" });
        assert.deepEqual(plan, {
            region: "ap-northeast-1",
            egress: "vpcEndpoints",
            createdInterfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"],
            cidrBlock: "10.1.0.0/16",
            ipv6: false,
            provider: undefined,
            tags: undefined,
            existing: false,
            publicSubnets: [
                { name: "pub1a", availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" },
                { name: "pub1c", availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.2.0/24" },
            ],
            privateSubnets: [
                { name: "priv1a", availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" },
                { name: "priv1c", availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.3.0/24" },
                { name: "priv1c2", availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.4.0/24" },
            ],
        });
        const existing = validateTwoTierVpcArgs("net", {
            region: "ap-northeast-1",
            vpcId: "vpc-00000001",
            cidrBlock: "10.9.0.0/16",
            egress: "provided",
            publicSubnets: {},
            privateSubnets: {
                b: { id: "subnet-0000000b", availabilityZone: "ap-northeast-1c", cidrBlock: "10.9.1.0/24" },
            },
        });
        assert.ok(existing.existing);
        assert.deepEqual(
            [existing.vpcId, existing.privateRouteTableIds, existing.privateSubnets],
            [
                "vpc-00000001",
                [],
                [{ name: "b", id: "subnet-0000000b", availabilityZone: "ap-northeast-1c", cidrBlock: "10.9.1.0/24" }],
            ],
        );
    });

    it("tells a VPC it created from one it describes, for the components that build on it", async () => {
        const created = await build(opts => new TwoTierVpc("net", tokyo(), opts));
        assert.equal(created.existing, false);
        const described = await build(opts =>
            TwoTierVpc.fromExisting(
                "net",
                {
                    region: "ap-northeast-1",
                    vpcId: "vpc-00000001",
                    cidrBlock: "10.9.0.0/16",
                    egress: "provided",
                    publicSubnets: {},
                    privateSubnets: {
                        b: { id: "subnet-0000000b", availabilityZone: "ap-northeast-1c", cidrBlock: "10.9.1.0/24" },
                    },
                },
                opts,
            ),
        );
        assert.equal(described.existing, true);
        assert.equal(await valueOf(described.privateSubnets[0].id), "subnet-0000000b");
    });

    it("reports problems with paths of its own (no prefix) and registers nothing", async () => {
        const error = await expectRejection(
            "topologies:aws:TwoTierVpc 'bad'",
            opts => new TwoTierVpc("bad", { ...tokyo(), cidrBlock: "10.1.0.0/24", publicSubnets: {} }, opts),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            [
                "privateSubnets.priv1a.cidrBlock",
                "privateSubnets.priv1c.cidrBlock",
                "privateSubnets.priv1c2.cidrBlock",
                "publicSubnets",
            ],
        );
        assert.match(error.problems[1].message, /10\.1\.3\.0\/24 is not inside the VPC block 10\.1\.0\.0\/24/);
        assert.throws(
            () => validateTwoTierVpcArgs("x", { ...tokyo(), egress: "carrierPigeon" as never }),
            /egress: "carrierPigeon" is not accepted\. Fix: Use one of: "vpcEndpoints"/,
        );
    });
});

/** An existing VPC, as `TwoTierVpc.fromExisting` describes it. */
const existingTokyo = (): ExistingTwoTierVpcArgs => ({
    region: "ap-northeast-1",
    vpcId: "vpc-0123456789abcdef0",
    cidrBlock: "10.9.0.0/16",
    publicSubnets: {
        a: { id: "subnet-0a000000000000001", availabilityZone: "ap-northeast-1a", cidrBlock: "10.9.0.0/24" },
    },
    privateSubnets: {
        b: { id: "subnet-0a000000000000002", availabilityZone: "ap-northeast-1a", cidrBlock: "10.9.1.0/24" },
    },
    privateRouteTableIds: ["rtb-0123456789abcdef0"],
});

/** The `path: message` lines of a TwoTierVpc refused before registering anything. */
async function refusal(args: unknown): Promise<string[]> {
    const error = await expectRejection(
        "topologies:aws:TwoTierVpc 'bad'",
        opts => new TwoTierVpc("bad", args as TwoTierVpcArgs, opts),
    );
    return error.problems.map(p => `${p.path}: ${p.message}`);
}

describe("TwoTierVpc: args from untyped callers", () => {
    it("refuses args of the wrong shape with problems, never a TypeError", async () => {
        assert.deepEqual(await refusal(null), [": expected object, got null."]);
        assert.deepEqual(await refusal({ ...tokyo(), publicSubnets: { "": null, a: null } }), [
            'publicSubnets: the key "" is empty.',
            "publicSubnets.a: expected object, got null.",
        ]);
        assert.deepEqual(await refusal({ ...tokyo(), privateSubnets: [], cidrBlock: 7, egres: "natGateway" }), [
            "cidrBlock: expected string, got 7.",
            "privateSubnets: expected object, got [].",
            "egres: 'egres' is not an input here.",
        ]);
    });

    it("refuses padded or empty names, zones and regions, and an unknown egress, all in one round", async () => {
        const args = tokyo();
        args.region = " ap-northeast-1";
        args.publicSubnets.pub1a.availabilityZone = "";
        args.egress = "carrierPigeon" as never;
        assert.deepEqual(await refusal({ ...args, privateSubnets: { " priv": args.privateSubnets.priv1a } }), [
            'region: " ap-northeast-1": has leading or trailing blanks.',
            'publicSubnets.pub1a.availabilityZone: "": is empty.',
            'privateSubnets. priv: the key " priv" has leading or trailing blanks.',
            'egress: "carrierPigeon" is not accepted.',
        ]);
    });

    it("never takes a prototype name as a subnet: __proto__ (as JSON and YAML make it) is refused, constructor is a name", async () => {
        const privateSubnets = JSON.parse(
            '{"__proto__": {"availabilityZone": "ap-northeast-1a", "cidrBlock": "10.1.1.0/24"}}',
        );
        assert.deepEqual(await refusal({ ...tokyo(), privateSubnets }), [
            "privateSubnets.__proto__: '__proto__' is not accepted as a name.",
        ]);
        const constructor = { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" };
        const vpc = await build(opts => new TwoTierVpc("net", { ...tokyo(), privateSubnets: { constructor } }, opts));
        assert.deepEqual(
            vpc.privateSubnets.map(s => s.name),
            ["constructor"],
        );
    });

    it("checks tags as AWS takes them, and refuses a toString key Pulumi could not carry", async () => {
        assert.deepEqual(await refusal({ ...tokyo(), tags: { "aws:team": "x", toString: "x", env: " dev" } }), [
            "tags.aws:team: the key \"aws:team\" starts with 'aws:', which AWS reserves.",
            "tags.toString: the key \"toString\" cannot be carried: Pulumi reads a map's 'toString' as how to print it.",
            'tags.env: " dev": has leading or trailing blanks.',
        ]);
        const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
        assert.match(
            (await refusal({ ...tokyo(), tags: many }))[0],
            /^tags: .*has 50 tags; AWS allows 50 per resource, one of them the Name tag/,
        );
        const tags = { "cost-center": "", "team/owner": "a b" };
        await build(opts => new TwoTierVpc("net", { ...tokyo(), tags }, opts));
        assert.deepEqual(world.named("net-vpc").inputs.tags, { ...tags, Name: "net-vpc" });
    });

    it("checks an existing VPC's ids for their kind, each once", async () => {
        const args = existingTokyo();
        args.vpcId = "subnet-0123456789abcdef0";
        args.privateSubnets.b.id = args.publicSubnets.a.id;
        args.privateRouteTableIds = ["rtb-1", "rtb-0123456789abcdef0", "rtb-0123456789abcdef0"];
        assert.deepEqual(await refusal(args), [
            'vpcId: "subnet-0123456789abcdef0" is not a VPC id.',
            "privateSubnets.b.id: subnet id 'subnet-0a000000000000001' is used again (first at publicSubnets.a.id).",
            'privateRouteTableIds[0]: "rtb-1" is not a route table id.',
            "privateRouteTableIds[2]: route table id 'rtb-0123456789abcdef0' is used again " +
                "(first at privateRouteTableIds[1]).",
        ]);
        assert.deepEqual(await refusal({ ...existingTokyo(), vpcId: "" }), ['vpcId: "": is empty.']);
    });

    it("checks an id given as an Output when it resolves, before the endpoints that take it are created", async () => {
        const vpcId = pulumi.output("vpc-0123456789abcdef0 ");
        const error = await expectRejectionWhenKnown("topologies:aws:TwoTierVpc 'net'", opts =>
            TwoTierVpc.fromExisting("net", { ...existingTokyo(), vpcId }, opts),
        );
        assert.deepEqual(
            error.problems.map(p => [p.path, p.message]),
            [["vpcId", '"vpc-0123456789abcdef0 " is not a VPC id.']],
        );
        // The engine never created them: the recorder saw them, but no registration reached it.
        for (const name of ["net-endpoints-sg", "net-ecr-api", "net-s3"]) assert.equal(world.named(name).id, "", name);
    });
});
