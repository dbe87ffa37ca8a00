import * as assert from "node:assert/strict";
import {
    checkClusterProtection,
    checkServerWeights,
    checkVpcOverlaps,
    checkWorldIngress,
    policies,
    stackOfUrn,
    StackResource,
} from "../policy/policies";
import { previewed, proxy, sample } from "./support/policyPack";

/** Runs a rule and returns the violation messages. */
function violations(
    rule: (resources: StackResource[], report: (m: string, urn?: string) => void) => void,
    resources: StackResource[],
): string[] {
    const found: string[] = [];
    rule(resources, message => found.push(message));
    return found;
}

const aliRule = (props: Record<string, any>) =>
    sample("alicloud:ecs/securityGroupRule:SecurityGroupRule", {
        type: "ingress",
        ipProtocol: "tcp",
        nicType: "intranet",
        securityGroupId: "sg-1",
        ...props,
    });
const awsRule = (props: Record<string, any>) =>
    sample("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
        ipProtocol: "tcp",
        securityGroupId: "sg-2",
        ...props,
    });

describe("policy pack", () => {
    it("has one mandatory stack policy per rule, with unique names", () => {
        assert.deepEqual(
            policies.map(p => p.name),
            [
                "no-world-ingress-except-listeners",
                "no-public-ip-on-backends",
                "alb-server-weight-set",
                "cluster-deletion-protection-in-prod",
                "no-vpc-cidr-overlap",
            ],
        );
        assert.ok(policies.every(p => p.enforcementLevel === "mandatory"));
    });

    it("reads the stack name from a URN", () => {
        assert.equal(
            stackOfUrn("urn:pulumi:prod::topologies::alicloud:cs/managedKubernetes:ManagedKubernetes::c"),
            "prod",
        );
    });

    describe("in a preview, with values known only after apply", () => {
        it("skips only the unknown values instead of throwing (which makes the whole policy advisory)", () => {
            const servers = previewed(
                sample(
                    "alicloud:alb/serverGroup:ServerGroup",
                    {
                        servers: [
                            { serverId: proxy.unknownStringValue, serverIp: proxy.unknownStringValue, weight: 100 },
                            { serverId: proxy.unknownStringValue, weight: 0 },
                            { serverId: proxy.unknownStringValue, weight: proxy.unknownNumberValue },
                        ],
                    },
                    {},
                    "prod",
                ),
            );
            assert.deepEqual(
                violations(checkServerWeights, [servers]).map(m => m.replace(/^r\d+ /, "")),
                ["server 1 (id known after apply) has weight 0, so it gets no traffic; set a weight from 1 to 100."],
            );
            assert.equal(
                violations(checkWorldIngress, [
                    previewed(aliRule({ cidrIp: proxy.unknownStringValue, portRange: "22/22" })),
                    previewed(
                        awsRule({
                            cidrIpv4: "0.0.0.0/0",
                            fromPort: proxy.unknownNumberValue,
                            toPort: proxy.unknownNumberValue,
                        }),
                    ),
                    previewed(aliRule({ cidrIp: "0.0.0.0/0", portRange: "22/22" })),
                ]).length,
                1,
            );
            assert.deepEqual(
                violations(checkVpcOverlaps, [
                    previewed(sample("aws:ec2/vpc:Vpc", { cidrBlock: proxy.unknownStringValue })),
                    previewed(sample("aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" })),
                ]),
                [],
            );
            const cluster = previewed(
                sample(
                    "alicloud:cs/managedKubernetes:ManagedKubernetes",
                    { deletionProtection: proxy.unknownStringValue },
                    {},
                    "prod",
                ),
            );
            assert.deepEqual(
                violations((rs, report) => checkClusterProtection(rs, report), [cluster]),
                [],
            );
        });
    });

    describe("alb-server-weight-set", () => {
        it("rejects zero, missing and out-of-range weights, accepts 1-100 as the ALB components do", () => {
            const found = violations(checkServerWeights, [
                sample("alicloud:alb/serverGroup:ServerGroup", {
                    servers: [
                        { serverIp: "192.168.7.10", weight: 100 },
                        { serverIp: "192.168.7.11", weight: 0 },
                        { serverIp: "192.168.7.12" },
                        { serverIp: "192.168.7.13", weight: 101 },
                        { serverIp: "192.168.7.14", weight: 1 },
                    ],
                }),
            ]);
            assert.deepEqual(
                found.map(m => m.replace(/^r\d+ /, "")),
                [
                    "server 1 (192.168.7.11) has weight 0, so it gets no traffic; set a weight from 1 to 100.",
                    "server 2 (192.168.7.12) has weight unset, so it gets no traffic; set a weight from 1 to 100.",
                    "server 3 (192.168.7.13) has weight 101, which ALB refuses; set a weight from 1 to 100.",
                ],
            );
        });
    });

    describe("cluster-deletion-protection-in-prod", () => {
        const cluster = (stack: string, deletionProtection?: boolean) =>
            sample("alicloud:cs/managedKubernetes:ManagedKubernetes", { deletionProtection }, {}, stack);

        it("requires protection in prod only, and honours configured production stacks", () => {
            assert.equal(
                violations(checkClusterProtection, [cluster("prod"), cluster("prod", true), cluster("dev")]).length,
                1,
            );
            const found: string[] = [];
            checkClusterProtection([cluster("live", false), cluster("prod", false)], m => found.push(m), {
                productionStacks: ["live"],
            });
            assert.equal(found.length, 1);
            assert.match(found[0], /production stack 'live' without deletion protection/);
        });
    });

    describe("no-vpc-cidr-overlap", () => {
        it("names both VPCs of every overlapping pair, across clouds", () => {
            const found = violations(checkVpcOverlaps, [
                sample("alicloud:vpc/network:Network", { cidrBlock: "172.16.0.0/12" }),
                sample("alicloud:vpc/network:Network", { cidrBlock: "192.168.0.0/16" }),
                sample("aws:ec2/vpc:Vpc", { cidrBlock: "172.16.0.0/16" }),
                sample("alicloud:vpc/network:Network", { cidrBlock: "10.0.0.0/8" }),
            ]);
            assert.equal(found.length, 1);
            assert.match(found[0], /VPC r\d+ 172\.16\.0\.0\/16 overlaps VPC r\d+ 172\.16\.0\.0\/12/);
        });
    });
});
