import * as assert from "node:assert/strict";
import {
    checkClusterProtection,
    checkPublicBackends,
    checkServerWeights,
    checkVpcOverlaps,
    checkWorldIngress,
    policies,
    stackOfUrn,
    StackResource,
} from "../policy/policies";

let counter = 0;
function resource(
    type: string,
    props: Record<string, any>,
    stack = "dev",
    extra: Partial<StackResource> = {},
): StackResource {
    const name = `r${++counter}`;
    return { type, name, urn: `urn:pulumi:${stack}::topologies::${type}::${name}`, props, ...extra };
}

/** Runs a rule and returns the violation messages. */
function violations(
    rule: (resources: StackResource[], report: (m: string, urn?: string) => void) => void,
    resources: StackResource[],
): string[] {
    const found: string[] = [];
    rule(resources, message => found.push(message));
    return found;
}

/**
 * A resource as the engine hands it to a stack policy in a preview: props behind @pulumi/policy's
 * own proxy, which throws on the unknown sentinels (internal to the package, hence the require).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T>(props: T): T;
    unknownStringValue: string;
    unknownNumberValue: string;
};
function previewed(r: StackResource): StackResource {
    return { ...r, props: proxy.unknownCheckingProxy(r.props) };
}

const aliRule = (props: Record<string, any>) =>
    resource("alicloud:ecs/securityGroupRule:SecurityGroupRule", {
        type: "ingress",
        ipProtocol: "tcp",
        nicType: "intranet",
        ...props,
    });
const albListener = (port: number) =>
    resource("alicloud:alb/listener:Listener", { listenerPort: port, listenerProtocol: "HTTP" });

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

    describe("no-world-ingress-except-listeners", () => {
        it("allows world ingress on a listener port and private sources on any port", () => {
            assert.deepEqual(
                violations(checkWorldIngress, [
                    albListener(80),
                    aliRule({ cidrIp: "0.0.0.0/0", portRange: "80/80" }),
                    aliRule({ ipv6CidrIp: "::/0", portRange: "80/80" }),
                    aliRule({ cidrIp: "100.64.0.0/10", portRange: "1/65535" }),
                    resource("aws:lb/listener:Listener", { port: 443 }),
                    resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                        cidrIpv4: "0.0.0.0/0",
                        ipProtocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                    }),
                ]),
                [],
            );
        });

        it("rejects world ingress on other ports, all protocols, and inline AWS rules", () => {
            const found = violations(checkWorldIngress, [
                albListener(80),
                aliRule({ cidrIp: "0.0.0.0/0", portRange: "22/22" }),
                aliRule({ ipv6CidrIp: "::/0", ipProtocol: "all", portRange: "-1/-1" }),
                aliRule({ cidrIp: "0.0.0.0/0", portRange: "80/81" }),
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                    cidrIpv6: "::/0",
                    ipProtocol: "-1",
                }),
                resource("aws:ec2/securityGroup:SecurityGroup", {
                    ingress: [{ protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }],
                }),
            ]);
            assert.equal(found.length, 5);
            assert.match(found[0], /opens port 22 to 0\.0\.0\.0\/0, but no load-balancer listener serves port 22/);
            assert.match(found[1], /opens every port to ::\/0/);
            assert.match(found[2], /opens ports 80-81 .* serves port 81/);
            assert.match(found[3], /opens every port to ::\/0/);
            assert.match(found[4], /opens port 3389/);
        });

        it("treats ICMP as portless and names other portless protocols, across AWS protocol numbers", () => {
            const found = violations(checkWorldIngress, [
                // S3 opens ICMPv6 from ::/0 so IPv6 path MTU discovery works; that is no open port.
                aliRule({ ipv6CidrIp: "::/0", ipProtocol: "icmpv6", portRange: "-1/-1" }),
                aliRule({ cidrIp: "0.0.0.0/0", ipProtocol: "icmp", portRange: "-1/-1" }),
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                    cidrIpv4: "0.0.0.0/0",
                    ipProtocol: "icmp",
                    fromPort: -1,
                    toPort: -1,
                }),
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                    cidrIpv6: "::/0",
                    ipProtocol: "58",
                    fromPort: -1,
                    toPort: -1,
                }),
                aliRule({ cidrIp: "0.0.0.0/0", ipProtocol: "gre", portRange: "-1/-1" }),
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                    cidrIpv4: "0.0.0.0/0",
                    ipProtocol: "6",
                    fromPort: 22,
                    toPort: 22,
                }),
                resource("aws:ec2/securityGroupRule:SecurityGroupRule", {
                    type: "ingress",
                    protocol: "all",
                    fromPort: 0,
                    toPort: 65535,
                    cidrBlocks: ["0.0.0.0/0"],
                }),
            ]);
            assert.equal(found.length, 3);
            assert.match(found[0], /opens protocol gre to 0\.0\.0\.0\/0/);
            assert.match(found[1], /opens port 22 to 0\.0\.0\.0\/0/);
            assert.match(found[2], /opens every port to 0\.0\.0\.0\/0/);
        });

        it("lets a server on its own EIPs open its ports, never every port, and only on its ENI's group", () => {
            const group = resource("alicloud:ecs/securityGroup:SecurityGroup", {});
            const other = resource("alicloud:ecs/securityGroup:SecurityGroup", {});
            const eni = resource("alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface", {}, "dev", {
                dependencies: [{ urn: group.urn }],
            });
            const association = resource("alicloud:ecs/eipAssociation:EipAssociation", { mode: "NAT" }, "dev", {
                dependencies: [{ urn: eni.urn }],
            });
            const onEni = (props: Record<string, any>) => ({ ...aliRule(props), dependencies: [{ urn: group.urn }] });
            const found = violations(checkWorldIngress, [
                group,
                other,
                eni,
                association,
                onEni({ cidrIp: "0.0.0.0/0", portRange: "80/80" }),
                onEni({ cidrIp: "0.0.0.0/0", portRange: "443/443" }),
                onEni({ cidrIp: "0.0.0.0/0", ipProtocol: "all", portRange: "-1/-1" }),
                onEni({ cidrIp: "0.0.0.0/0", portRange: "1/65535" }),
                onEni({ cidrIp: "0.0.0.0/0", portRange: "22/22" }),
                { ...aliRule({ cidrIp: "0.0.0.0/0", portRange: "8080/8080" }), dependencies: [{ urn: other.urn }] },
            ]);
            assert.equal(found.length, 4);
            assert.match(found[0], /opens every port to 0\.0\.0\.0\/0/);
            assert.match(found[1], /opens ports 1-65535/);
            assert.match(found[2], /opens port 22/);
            assert.match(found[3], /opens port 8080/);
            // Without the EIP in NAT mode, the same rule is an ordinary world-open port.
            const nonNat = { ...association, props: { mode: "BINDED" } };
            assert.equal(
                violations(checkWorldIngress, [group, eni, nonNat, onEni({ cidrIp: "0.0.0.0/0", portRange: "80/80" })])
                    .length,
                1,
            );
        });

        it("ignores egress and drop rules", () => {
            assert.deepEqual(
                violations(checkWorldIngress, [
                    aliRule({ type: "egress", cidrIp: "0.0.0.0/0", portRange: "1/65535" }),
                    aliRule({ policy: "drop", cidrIp: "0.0.0.0/0", portRange: "22/22" }),
                ]),
                [],
            );
        });
    });

    describe("no-public-ip-on-backends", () => {
        it("rejects Fargate services with public IPs and public ALB backends", () => {
            const backend = resource("alicloud:ecs/instance:Instance", { internetMaxBandwidthOut: 5 });
            const other = resource("alicloud:ecs/instance:Instance", { internetMaxBandwidthOut: 5 });
            const group = resource(
                "alicloud:alb/serverGroup:ServerGroup",
                { servers: [{ serverType: "Ecs", weight: 100 }] },
                "dev",
                { dependencies: [{ urn: backend.urn }] },
            );
            const found = violations(checkPublicBackends, [
                backend,
                other,
                group,
                resource("aws:ecs/service:Service", { networkConfiguration: { assignPublicIp: true, subnets: [] } }),
                resource("aws:ecs/service:Service", { networkConfiguration: { assignPublicIp: false, subnets: [] } }),
            ]);
            assert.deepEqual(
                found.map(m => m.replace(/^r\d+ /, "")),
                [
                    "is an ALB backend with a public IP; backends are reached through the ALB only.",
                    "gives its Fargate tasks public IPs; run them in private subnets with VPC endpoints or a NAT gateway.",
                ],
            );
            assert.ok(found[0].startsWith(`${backend.name} `));
        });
    });

    describe("in a preview, with values known only after apply", () => {
        it("skips only the unknown values instead of throwing (which makes the whole policy advisory)", () => {
            const backend = previewed(resource("alicloud:ecs/instance:Instance", { internetMaxBandwidthOut: 5 }));
            const group = previewed(
                resource(
                    "alicloud:alb/serverGroup:ServerGroup",
                    {
                        servers: [
                            { serverId: proxy.unknownStringValue, serverIp: proxy.unknownStringValue, weight: 100 },
                            { serverId: proxy.unknownStringValue, weight: 0 },
                            { serverId: proxy.unknownStringValue, weight: proxy.unknownNumberValue },
                        ],
                    },
                    "prod",
                    { dependencies: [{ urn: backend.urn }] },
                ),
            );
            assert.deepEqual(
                violations(checkPublicBackends, [backend, group]).map(m => m.replace(/^r\d+ /, "")),
                ["is an ALB backend with a public IP; backends are reached through the ALB only."],
            );
            assert.deepEqual(
                violations(checkServerWeights, [group]).map(m => m.replace(/^r\d+ /, "")),
                ["server 1 (id known after apply) has weight 0, so it gets no traffic; set a weight from 1 to 100."],
            );
            assert.equal(
                violations(checkWorldIngress, [
                    previewed(aliRule({ cidrIp: proxy.unknownStringValue, portRange: "22/22" })),
                    previewed(
                        resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                            cidrIpv4: "0.0.0.0/0",
                            ipProtocol: "tcp",
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
                    previewed(resource("aws:ec2/vpc:Vpc", { cidrBlock: proxy.unknownStringValue })),
                    previewed(resource("aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" })),
                ]),
                [],
            );
            const cluster = previewed(
                resource(
                    "alicloud:cs/managedKubernetes:ManagedKubernetes",
                    { deletionProtection: proxy.unknownStringValue },
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
                resource("alicloud:alb/serverGroup:ServerGroup", {
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
            resource("alicloud:cs/managedKubernetes:ManagedKubernetes", { deletionProtection }, stack);

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
                resource("alicloud:vpc/network:Network", { cidrBlock: "172.16.0.0/12" }),
                resource("alicloud:vpc/network:Network", { cidrBlock: "192.168.0.0/16" }),
                resource("aws:ec2/vpc:Vpc", { cidrBlock: "172.16.0.0/16" }),
                resource("alicloud:vpc/network:Network", { cidrBlock: "10.0.0.0/8" }),
            ]);
            assert.equal(found.length, 1);
            assert.match(found[0], /VPC r\d+ 172\.16\.0\.0\/16 overlaps VPC r\d+ 172\.16\.0\.0\/12/);
        });
    });
});
