/**
 * Physical names: Pulumi's auto-names as the offline engine makes them, each cloud limit checked
 * before registration (at the limit it builds, one character over it is refused naming the input
 * and the limit), and the Alibaba Cloud name rules of what components name themselves.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as aws from "../components/sdk/aws";
import { AckCluster } from "../components/alicloud/ack";
import { CrossRegionAlbBackend } from "../components/alicloud/crossRegionAlb";
import { RegionalVpc } from "../components/alicloud/vpc";
import { AlbFargateService } from "../components/aws/albFargateService";
import { AUTONAMED } from "../components/naming";
import { build, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { seed000Vpc1, seed000Vpc2, seed004Service } from "./support/tutorials";

/** Whether the installed provider's args for `type` (`aws:ecs/cluster:Cluster`) have an optional `name`, which pulumi-aws auto-names. */
function argsTakeName(type: string): boolean {
    const [, modulePath, className] = /^aws:([^:]+):(\w+)$/.exec(type)!;
    const dts = fs.readFileSync(
        require.resolve(`@pulumi/aws/${modulePath.split("/")[0]}/${modulePath.split("/")[1]}.d.ts`),
        "utf8",
    );
    const args = dts.slice(dts.indexOf(`export interface ${className}Args {`));
    return /^\s{4}name\?: pulumi\.Input<string/m.test(args.slice(0, args.indexOf("\n}\n")));
}

/** A component name of `length` characters. */
const nameOf = (length: number) => `n${"x".repeat(length - 1)}`;

/** The problems (path and the limit the message names) of an S5 service named `name`. */
async function s5Limits(name: string, args = seed004Service()): Promise<Array<[string, string | undefined]>> {
    const error = await expectRejection(
        `topologies:aws:AlbFargateService '${name}'`,
        opts => new AlbFargateService(name, args, opts),
    );
    return error.problems.map(p => [p.path, /its limit is (\d+)/.exec(p.message)?.[1]]);
}

describe("naming", () => {
    describe("the offline engine names resources as Pulumi's providers do", () => {
        it("appends '-' and 7 hex characters to the logical name, stable per stack and new for a replacement", async () => {
            await build(() => new aws.lb.TargetGroup("tg", { port: 80, protocol: "HTTP", vpcId: "vpc-1" }));
            const first = world.named("tg").inputs.name;
            assert.match(first, /^tg-[0-9a-f]{7}$/);
            await build(() => new aws.lb.TargetGroup("tg", { port: 80, protocol: "HTTP", vpcId: "vpc-1" }));
            assert.equal(world.named("tg").inputs.name, first, "the same plan names alike");
            world.namingSeed = "replacement";
            try {
                await build(() => new aws.lb.TargetGroup("tg", { port: 80, protocol: "HTTP", vpcId: "vpc-1" }));
            } finally {
                world.namingSeed = "";
            }
            assert.notEqual(world.named("tg").inputs.name, first);
        });

        it("keeps an explicit name, and fails a logical name too long for the suffix as the provider's check does", async () => {
            await build(
                () => new aws.lb.TargetGroup("tg", { name: "mine", port: 80, protocol: "HTTP", vpcId: "vpc-1" }),
            );
            assert.equal(world.named("tg").inputs.name, "mine");
            const tooLong = new aws.lb.TargetGroup("t".repeat(25), { port: 80, protocol: "HTTP", vpcId: "vpc-1" });
            await assert.rejects(
                (tooLong.urn as unknown as { promise(): Promise<string> }).promise(),
                /name 't{25}-' plus 7 random chars is longer than maximum length 32/,
            );
        });

        it("knows every AWS type a component leaves unnamed: each such type whose args take a name is in AUTONAMED", async () => {
            await build(
                opts =>
                    new AlbFargateService(
                        "web",
                        { ...seed004Service(), network: { ...seed004Service().network, egress: "natGatewayPerAz" } },
                        opts,
                    ),
            );
            const unknown: string[] = [];
            for (const r of world.resources.filter(r => r.custom && r.type.startsWith("aws:"))) {
                const rule = AUTONAMED[r.type];
                if (rule) {
                    assert.ok(
                        rule.pattern.test(r.inputs[rule.property]) && r.inputs[rule.property].length <= rule.maxLength,
                        `${r.name}: ${r.inputs[rule.property]}`,
                    );
                } else if (r.inputs.name === undefined && argsTakeName(r.type)) {
                    unknown.push(r.type);
                }
            }
            assert.deepEqual(
                [...new Set(unknown)],
                [],
                "types Pulumi auto-names that the engine (and the limit checks) do not know",
            );
        });
    });

    describe("limits, checked before registration", () => {
        it("ALB and target group (32): a 20-character S5 name builds, 21 breaks the ALB's, 22 the target group's too", async () => {
            await build(opts => new AlbFargateService(nameOf(20), seed004Service(), opts));
            assert.equal(world.named(`${nameOf(20)}-alb`).inputs.name.length, 32);
            assert.deepEqual(await s5Limits(nameOf(21)), [["name", "32"]]);
            assert.deepEqual(await s5Limits(nameOf(22)), [
                ["name", "32"],
                ["name", "32"],
            ]);
        });

        it("IAM role (64): with the ALB and target group named, a 41-character name builds and 42 is refused", async () => {
            const named = { ...seed004Service(), loadBalancerName: "web", targetGroupName: "web" };
            await build(opts => new AlbFargateService(nameOf(41), named, opts));
            assert.equal(world.named(`${nameOf(41)}-execution-role`).inputs.name.length, 64);
            const problems = await s5Limits(nameOf(42), named);
            assert.deepEqual(problems, [["name", "64"]]);
        });

        it("an ALB auto-name may not start with internal-, which AWS keeps for internal load balancers", async () => {
            const error = await expectRejection(
                "topologies:aws:AlbFargateService 'internal-api'",
                opts => new AlbFargateService("internal-api", seed004Service(), opts),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["name"],
            );
            assert.match(
                error.problems[0].message,
                /load balancer would be named 'internal-api-alb-…', but its name may have only .*not starting with internal-/,
            );
        });

        it("an ECS service's auto-name is reported at the service, with the input that names it", async () => {
            const error = await expectRejection(
                "topologies:aws:AlbFargateService 'web'",
                opts => new AlbFargateService("web", { ...seed004Service(), services: { "bad.key": {} } }, opts),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["services.bad.key"],
            );
            assert.match(error.problems[0].message, /may have only letters, digits, hyphens and underscores/);
            assert.match(error.problems[0].fix!, /set services\.bad\.key\.name/);
        });

        it("ACK cluster (63): a 47-character component name builds, 48 is refused; an explicit name of 63 builds, 64 is refused", async () => {
            const cluster = (name: string, clusterName?: string) => (opts: object) => {
                const vpc = new RegionalVpc(
                    "vpc",
                    {
                        region: "cn-hangzhou",
                        cidrBlock: "10.0.0.0/16",
                        vSwitches: { a: { zoneId: "cn-hangzhou-h", cidrBlock: "10.0.0.0/24" } },
                    },
                    opts,
                );
                return new AckCluster(
                    name,
                    {
                        vpc,
                        vSwitches: ["a"],
                        podCidr: "172.20.0.0/16",
                        serviceCidr: "172.21.0.0/20",
                        nodePool: { instanceTypes: ["ecs.g7.xlarge"] },
                        clusterName,
                    },
                    opts,
                );
            };
            await build(cluster(nameOf(47)));
            assert.equal(world.named(`${nameOf(47)}-cluster`).inputs.name.length, 63);
            let error = await expectRejection(
                `topologies:alicloud:AckCluster '${nameOf(48)}'`,
                cluster(nameOf(48)),
                r => r.name.startsWith("n"),
            );
            assert.deepEqual(
                error.problems.map(p => [p.path, /its limit is (\d+)/.exec(p.message)?.[1]]),
                [["name", "63"]],
            );
            await build(cluster("ack", nameOf(63)));
            assert.equal(world.named("ack-cluster").inputs.name, nameOf(63));
            error = await expectRejection("topologies:alicloud:AckCluster 'ack'", cluster("ack", nameOf(64)), r =>
                r.name.startsWith("ack"),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["clusterName"],
            );
        });
    });

    describe("Alibaba Cloud names", () => {
        it("refuses a VPC name the IPv6 gateway's name could not take ('.'), and one over 128 characters", async () => {
            const ipv6 = { ...seed000Vpc2(), enableIpv6: true, vpcName: "app.prod" };
            let error = await expectRejection(
                "topologies:alicloud:RegionalVpc 'vpc'",
                opts => new RegionalVpc("vpc", ipv6, opts),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["vpcName"],
            );
            assert.match(error.problems[0].message, /IPv6 gateway name 'app.prod-ipv6gw' is not .*no '\.'/);
            await build(opts => new RegionalVpc("vpc", { ...seed000Vpc2(), vpcName: "app.prod" }, opts));
            assert.equal(world.named("vpc-vpc").inputs.vpcName, "app.prod", "without IPv6 a '.' is fine");
            await build(opts => new RegionalVpc("vpc", { ...seed000Vpc2(), vpcName: "v".repeat(128) }, opts));
            error = await expectRejection(
                "topologies:alicloud:RegionalVpc 'vpc'",
                opts => new RegionalVpc("vpc", { ...seed000Vpc2(), vpcName: "v".repeat(129) }, opts),
            );
            assert.match(error.problems[0].message, /VPC name '.*' is not 1 to 128 characters/);
        });

        it("refuses a cross-region ALB component name the ALB could not take", async () => {
            const error = await expectRejection(
                "topologies:alicloud:CrossRegionAlbBackend '1app'",
                opts =>
                    new CrossRegionAlbBackend(
                        "1app",
                        {
                            albVpc: new RegionalVpc("vpc1", seed000Vpc1(), opts),
                            backendVpc: new RegionalVpc("vpc2", seed000Vpc2(), opts),
                            backends: { ecs1: { ipv4Address: "192.168.7.10", securityGroup: "sg" } },
                            securityGroups: { sg: "sg-1" },
                        },
                        opts,
                    ),
                r => r.name.startsWith("1app"),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["loadBalancerName", "serverGroupName"],
            );
            assert.match(error.problems[0].message, /ALB name '1app' is not 2 to 128 letters/);
        });
    });
});
