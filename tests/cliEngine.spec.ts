/**
 * The offline engine answers with the real providers' output names only: an output the provider
 * lacks would let a component read it under the mocks and fail in the cloud.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../components/sdk/aws";
import { alicloudRules } from "../cli/engine/alicloud";
import { awsRules } from "../cli/engine/aws";
import { build, valueOf, world } from "./mocks";
import { checkEc2Id } from "../components/aws/shape";
import { Problems } from "../components/errors";

const MODULES = path.resolve(__dirname, "..", "node_modules", "@pulumi");

/** The output properties a resource class declares in its .d.ts (those before the constructor). */
function outputsOf(type: string): Set<string> {
    const [pkg, token] = type.split(":");
    const [module, file] = token.split("/");
    const text = fs.readFileSync(path.join(MODULES, pkg, module, `${file}.d.ts`), "utf8");
    return new Set(
        [...text.slice(0, text.indexOf("constructor(")).matchAll(/readonly (\w+)!?: pulumi\.Output/g)].map(m => m[1]),
    );
}

/** A world with nothing in it: rules that look up a vSwitch or VPC fall back to their defaults. */
const EMPTY_WORLD = { resources: [], named: () => undefined, ofType: () => [] };

describe("offline engine (cli/engine)", () => {
    for (const [cloud, rules] of Object.entries({ alicloud: alicloudRules, aws: awsRules })) {
        it(`answers only outputs the real ${cloud} resources have`, () => {
            const extra: string[] = [];
            for (const [type, rule] of Object.entries(rules)) {
                if (type.startsWith("pulumi:providers:")) continue;
                const { state } = rule({ name: "x", inputs: {}, region: "cn-hangzhou", world: EMPTY_WORLD } as never);
                const real = outputsOf(type);
                for (const key of Object.keys(state ?? {})) if (!real.has(key)) extra.push(`${type}.${key}`);
            }
            assert.deepEqual(extra, []);
        });
    }

    describe("ids and ARNs shaped as the providers make them", () => {
        const answer = (
            rules: typeof awsRules,
            type: string,
            inputs: Record<string, unknown> = {},
            region = "ap-northeast-1",
        ) => rules[type]({ name: "x", inputs, region, world: EMPTY_WORLD } as never);

        it("transit-router association and propagation: <attachment>:<route table>; a package attachment: the package's id", () => {
            for (const type of [
                "alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation",
                "alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation",
            ]) {
                assert.equal(
                    answer(alicloudRules, type, {
                        transitRouterAttachmentId: "tr-attach-1",
                        transitRouterRouteTableId: "vtb-1",
                    }).id,
                    "tr-attach-1:vtb-1",
                    type,
                );
            }
            assert.equal(
                answer(alicloudRules, "alicloud:cen/bandwidthPackageAttachment:BandwidthPackageAttachment", {
                    instanceId: "cen-1",
                    bandwidthPackageId: "cenbwp-1",
                }).id,
                "cenbwp-1",
            );
        });

        it("an IPv6 security-group rule id keeps its eight ':'-separated parts", () => {
            const { id } = answer(alicloudRules, "alicloud:ecs/securityGroupRule:SecurityGroupRule", {
                securityGroupId: "sg-1",
                type: "ingress",
                ipProtocol: "tcp",
                portRange: "80/80",
                ipv6CidrIp: "2408:4005::/56",
            });
            assert.equal(id.split(":").length, 8, id);
        });

        it("EC2 ARNs spell out the resource type; an EIP has its address", () => {
            const arnOf = (type: string) => String(answer(awsRules, type).state!.arn);
            assert.match(
                arnOf("aws:ec2/securityGroup:SecurityGroup"),
                /^arn:aws:ec2:ap-northeast-1:\d{12}:security-group\/sg-/,
            );
            assert.match(arnOf("aws:ec2/internetGateway:InternetGateway"), /:internet-gateway\/igw-/);
            assert.match(arnOf("aws:ec2/routeTable:RouteTable"), /:route-table\/rtb-/);
            assert.match(arnOf("aws:ec2/eip:Eip"), /:elastic-ip\/eipalloc-/);
            assert.match(
                arnOf("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
                /:security-group-rule\/sgr-/,
            );
            assert.match(String(answer(awsRules, "aws:ec2/eip:Eip").state!.publicIp), /^\d+\.\d+\.\d+\.\d+$/);
        });

        it("ELB ARNs end in 16 hex digits, a listener's names its load balancer, and the ALB's zone is its region's", () => {
            const lb = answer(awsRules, "aws:lb/loadBalancer:LoadBalancer", { name: "web-alb" });
            assert.match(lb.id, /:loadbalancer\/app\/web-alb\/[0-9a-f]{16}$/);
            assert.equal(lb.state!.zoneId, "Z14GRHDCWA56QT");
            assert.equal(
                answer(awsRules, "aws:lb/loadBalancer:LoadBalancer", { name: "web-alb" }, "eu-central-1").state!.zoneId,
                "Z215JYRZR1TBD5",
            );
            assert.match(
                answer(awsRules, "aws:lb/targetGroup:TargetGroup", { name: "web-tg" }).id,
                /:targetgroup\/web-tg\/[0-9a-f]{16}$/,
            );
            const listener = answer(awsRules, "aws:lb/listener:Listener", { loadBalancerArn: lb.id });
            assert.match(listener.id, new RegExp(`:listener/app/web-alb/${lb.id.split("/").pop()}/[0-9a-f]{16}$`));
        });

        it("an ECS service's id and ARN name its cluster", () => {
            const svc = answer(awsRules, "aws:ecs/service:Service", {
                name: "web",
                cluster: "arn:aws:ecs:ap-northeast-1:123456789012:cluster/main",
            });
            assert.equal(svc.id, "arn:aws:ecs:ap-northeast-1:123456789012:service/main/web");
            assert.equal(svc.state!.arn, svc.id);
        });
    });

    describe("refuses what the real engine refuses", () => {
        it("a second resource with one URN, and a provider that is not a provider resource", async () => {
            await assert.rejects(
                build(opts => {
                    new aws.ec2.Vpc("same", { cidrBlock: "10.0.0.0/16" }, opts);
                    new aws.ec2.Vpc("same", { cidrBlock: "10.1.0.0/16" }, opts);
                }),
                /Duplicate resource URN 'aws:ec2\/vpc:Vpc::same'/,
            );
            // One name under two parent types is two URNs, as in the engine.
            await build(opts => {
                const a = new pulumi.ComponentResource("test:index:A", "a", {}, opts);
                const b = new pulumi.ComponentResource("test:index:B", "b", {}, opts);
                new aws.ec2.Vpc("same", { cidrBlock: "10.0.0.0/16" }, { parent: a });
                new aws.ec2.Vpc("same", { cidrBlock: "10.1.0.0/16" }, { parent: b });
            });
            await assert.rejects(
                build(
                    opts => new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" }, { ...opts, provider: "aws" as never }),
                ),
                /has a provider that is not a provider resource/,
            );
        });
    });
});

describe("valueOf (the specs' way to read an output)", () => {
    it("resolves a value and rejects, at once, with a refused output's error", async () => {
        assert.equal(await valueOf(pulumi.output(Promise.resolve(7))), 7);
        await assert.rejects(
            valueOf(pulumi.output(Promise.reject(new Error("refused when known")))),
            /refused when known/,
        );
    });
});

describe("the offline engine's AWS ids", () => {
    it("have the form EC2 gives, which the components' id checks accept", async () => {
        await build(opts => {
            const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" }, opts);
            new aws.ec2.Subnet("s", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24" }, opts);
            new aws.ec2.SecurityGroup("g", { vpcId: vpc.id }, opts);
            new aws.ec2.RouteTable("r", { vpcId: vpc.id }, opts);
        });
        const problems = new Problems();
        for (const [name, prefix] of [
            ["v", "vpc"],
            ["s", "subnet"],
            ["g", "sg"],
            ["r", "rtb"],
        ] as const) {
            checkEc2Id(problems, name, world.named(name).id, prefix);
        }
        assert.deepEqual(problems.list, []);
    });
});
