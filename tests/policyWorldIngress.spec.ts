/** no-world-ingress-except-listeners: world-open judged by coverage, exempt only where a balancer listens. */
import * as assert from "node:assert/strict";
import { checkWorldIngress, StackResource } from "../policy/policies";
import { previewed, proxy, sample, SampleResource } from "./support/policyPack";

/** Runs a rule and returns the violation messages. */
function violations(
    rule: (resources: StackResource[], report: (m: string, urn?: string) => void) => void,
    resources: StackResource[],
): string[] {
    const found: string[] = [];
    rule(resources, message => found.push(message));
    return found;
}

const group = () => sample("alicloud:ecs/securityGroup:SecurityGroup", { vpcId: "vpc-1" });
const aliRule = (on: SampleResource | undefined, props: Record<string, any>) =>
    sample(
        "alicloud:ecs/securityGroupRule:SecurityGroupRule",
        { type: "ingress", ipProtocol: "tcp", nicType: "intranet", securityGroupId: "sg-1", ...props },
        on ? { securityGroupId: [on] } : {},
    );
const awsGroup = () => sample("aws:ec2/securityGroup:SecurityGroup", { vpcId: "vpc-1" });
const awsRule = (on: SampleResource | undefined, props: Record<string, any>) =>
    sample(
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        { ipProtocol: "tcp", securityGroupId: "sg-2", ...props },
        on ? { securityGroupId: [on] } : {},
    );

/** An Alibaba Cloud ALB with `on` joined to it and a listener on `port`. */
function alicloudAlb(on: SampleResource, port: number, protocol = "HTTP"): SampleResource[] {
    const alb = sample("alicloud:alb/loadBalancer:LoadBalancer", { vpcId: "vpc-1" });
    return [
        alb,
        sample(
            "alicloud:alb/loadBalancerSecurityGroupAttachment:LoadBalancerSecurityGroupAttachment",
            { loadBalancerId: "alb-1", securityGroupId: "sg-1" },
            { loadBalancerId: [alb], securityGroupId: [on] },
        ),
        sample(
            "alicloud:alb/listener:Listener",
            { listenerPort: port, listenerProtocol: protocol, loadBalancerId: "alb-1" },
            { loadBalancerId: [alb] },
        ),
    ];
}

describe("policy pack", () => {
    describe("no-world-ingress-except-listeners", () => {
        it("allows world ingress on the listener ports of the group's own load balancer, private sources anywhere", () => {
            const g = group();
            const albGroup = awsGroup();
            const lb = sample(
                "aws:lb/loadBalancer:LoadBalancer",
                { securityGroups: ["sg-2"] },
                { securityGroups: [albGroup] },
            );
            assert.deepEqual(
                violations(checkWorldIngress, [
                    g,
                    ...alicloudAlb(g, 80),
                    aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "80/80" }),
                    aliRule(g, { ipv6CidrIp: "::/0", portRange: "80/80" }),
                    aliRule(g, { cidrIp: "100.64.0.0/10", portRange: "1/65535" }),
                    albGroup,
                    lb,
                    sample(
                        "aws:lb/listener:Listener",
                        { port: 443, loadBalancerArn: "arn:lb" },
                        { loadBalancerArn: [lb] },
                    ),
                    awsRule(albGroup, { cidrIpv4: "0.0.0.0/0", fromPort: 443, toPort: 443 }),
                ]),
                [],
            );
        });

        it("rejects world ingress on other ports, all protocols, and inline AWS rules", () => {
            const g = group();
            const found = violations(checkWorldIngress, [
                g,
                ...alicloudAlb(g, 80),
                aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "22/22" }),
                aliRule(g, { ipv6CidrIp: "::/0", ipProtocol: "all", portRange: "-1/-1" }),
                aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "80/81" }),
                awsRule(awsGroup(), { cidrIpv6: "::/0", ipProtocol: "-1" }),
                sample("aws:ec2/securityGroup:SecurityGroup", {
                    ingress: [{ protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }],
                }),
            ]);
            assert.equal(found.length, 5);
            assert.match(
                found[0],
                /^r\d+ opens port 22 to 0\.0\.0\.0\/0, but no load balancer this security group is attached to listens on port 22; restrict the source or the ports\.$/,
            );
            assert.match(found[1], /opens every port to ::\/0; open only the listener ports\.$/);
            assert.match(found[2], /opens ports 80-81 .* listens on port 81;/);
            assert.match(found[3], /opens every port to ::\/0/);
            assert.match(found[4], /opens port 3389/);
        });

        it("exempts a port only on the groups of the balancer whose listener serves it, by transport", () => {
            const nlbGroup = group();
            const nlb = sample(
                "alicloud:nlb/loadBalancer:LoadBalancer",
                { securityGroupIds: ["sg-n"] },
                { securityGroupIds: [nlbGroup] },
            );
            const nlbListener = (props: Record<string, any>) =>
                sample(
                    "alicloud:nlb/listener:Listener",
                    { loadBalancerId: "nlb-1", ...props },
                    { loadBalancerId: [nlb] },
                );
            const other = group();
            const found = violations(checkWorldIngress, [
                nlbGroup,
                nlb,
                nlbListener({ listenerPort: 53, listenerProtocol: "UDP" }),
                nlbListener({ listenerPort: 0, startPort: 30000, endPort: 30010, listenerProtocol: "TCP" }),
                aliRule(nlbGroup, { ipProtocol: "udp", cidrIp: "0.0.0.0/0", portRange: "53/53" }),
                aliRule(nlbGroup, { cidrIp: "0.0.0.0/0", portRange: "30000/30010" }),
                // A TCP rule on the UDP listener's port is not served.
                aliRule(nlbGroup, { cidrIp: "0.0.0.0/0", portRange: "53/53" }),
                // Another group of the stack gets nothing from these listeners.
                other,
                aliRule(other, { cidrIp: "0.0.0.0/0", portRange: "30000/30000" }),
            ]);
            assert.equal(found.length, 2);
            assert.match(found[0], /opens port 53 to 0\.0\.0\.0\/0, but no load balancer/);
            assert.match(found[1], /opens port 30000 to/);
        });

        it("combines the blocks of every rule of one group per port, not across groups or families", () => {
            const g = group();
            const other = group();
            const rules = [
                aliRule(g, { cidrIp: "0.0.0.0/1", portRange: "20/30" }),
                aliRule(g, { cidrIp: "128.0.0.0/2", portRange: "22/25" }),
                aliRule(g, { cidrIp: "192.0.0.0/2", portRange: "25/40" }),
            ];
            const found = violations(checkWorldIngress, [
                g,
                other,
                ...rules,
                aliRule(g, { ipv6CidrIp: "::/1", portRange: "443/443" }),
                aliRule(other, { cidrIp: "128.0.0.0/1", portRange: "20/30" }),
                aliRule(other, { ipv6CidrIp: "8000::/1", portRange: "443/443" }),
            ]);
            // Only port 25 is open to every IPv4 address: 22-24 lack 192.0.0.0/2, 26-30 lack 128.0.0.0/2.
            assert.deepEqual(found, [
                `${rules[0].name}, ${rules[1].name} and ${rules[2].name} together open port 25 to the whole IPv4 internet (0.0.0.0/1 + 128.0.0.0/2 + 192.0.0.0/2), but no load balancer this security group is attached to listens on port 25; restrict the source or the ports.`,
            ]);
        });

        it("combines an every-protocol rule with port rules, and reports ranges merged", () => {
            const g = group();
            const all = aliRule(g, { cidrIp: "0.0.0.0/1", ipProtocol: "all", portRange: "-1/-1" });
            const tcp = aliRule(g, { cidrIp: "128.0.0.0/1", portRange: "8000/8100" });
            const everything = aliRule(g, { cidrIp: "128.0.0.0/1", ipProtocol: "all", portRange: "-1/-1" });
            assert.deepEqual(
                violations(checkWorldIngress, [g, all, tcp]).map(m => m.replace(/, but.*/, "")),
                [
                    `${all.name} and ${tcp.name} together open ports 8000-8100 to the whole IPv4 internet (0.0.0.0/1 + 128.0.0.0/1)`,
                ],
            );
            assert.deepEqual(violations(checkWorldIngress, [g, all, tcp, everything]), [
                `${all.name} and ${everything.name} together open every port to the whole IPv4 internet (0.0.0.0/1 + 128.0.0.0/1); open only the listener ports.`,
            ]);
        });

        it("reads every IPv6 spelling, blanks around a block, and prefix lists of the stack", () => {
            const g = awsGroup();
            const list = sample("aws:ec2/managedPrefixList:ManagedPrefixList", {
                addressFamily: "IPv4",
                maxEntries: 2,
                entries: [{ cidr: "10.0.0.0/8" }, { cidr: " 0.0.0.0/0" }],
            });
            const found = violations(checkWorldIngress, [
                g,
                list,
                awsRule(g, { cidrIpv6: "0000:0000:0000:0000:0000:0000:0000:0000/1", fromPort: 22, toPort: 22 }),
                awsRule(g, { cidrIpv6: "8000::/2", fromPort: 22, toPort: 22 }),
                awsRule(g, { cidrIpv6: " C000:0:0::/2\n", fromPort: 22, toPort: 22 }),
                sample(
                    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupId: "sg-2", prefixListId: "pl-1" },
                    { securityGroupId: [g], prefixListId: [list] },
                ),
            ]);
            assert.equal(found.length, 2);
            assert.match(
                found[0],
                /together open port 22 to the whole IPv6 internet \(::\/1 \+ 8000::\/2 \+ c000::\/2\)/,
            );
            assert.match(found[1], /opens port 5432 to 0\.0\.0\.0\/0/);
        });

        it("ignores values that are not strings, and blocks that do not parse", () => {
            const g = group();
            assert.deepEqual(
                violations(checkWorldIngress, [
                    g,
                    aliRule(g, { cidrIp: 0, portRange: "22/22" }),
                    aliRule(g, { cidrIp: ["0.0.0.0/0"], portRange: 22 }),
                    aliRule(g, { ipv6CidrIp: { cidr: "::/0" }, portRange: "22/22" }),
                    aliRule(g, { cidrIp: "0.0.0.0/0/0", portRange: "22/22", ipProtocol: 6 }),
                    awsRule(awsGroup(), { cidrIpv4: null, cidrIpv6: "::/0", ipProtocol: { tcp: true } }),
                    sample("aws:ec2/securityGroupRule:SecurityGroupRule", {
                        type: "ingress",
                        protocol: "tcp",
                        fromPort: 22,
                        toPort: 22,
                        cidrBlocks: [null, 42, {}, "0.0.0.0/33"],
                        ipv6CidrBlocks: "::/0",
                    }),
                    sample("aws:ec2/securityGroup:SecurityGroup", { ingress: [null, 7, { protocol: "tcp" }] }),
                ]),
                [],
            );
        });

        it("treats ICMP as portless and names other portless protocols, across AWS protocol numbers", () => {
            const found = violations(checkWorldIngress, [
                // S3 opens ICMPv6 from ::/0 so IPv6 path MTU discovery works; that is no open port.
                aliRule(undefined, { ipv6CidrIp: "::/0", ipProtocol: "icmpv6", portRange: "-1/-1" }),
                aliRule(undefined, { cidrIp: "0.0.0.0/0", ipProtocol: "icmp", portRange: "-1/-1" }),
                awsRule(undefined, { cidrIpv4: "0.0.0.0/0", ipProtocol: "icmp", fromPort: -1, toPort: -1 }),
                awsRule(undefined, { cidrIpv6: "::/0", ipProtocol: "58", fromPort: -1, toPort: -1 }),
                aliRule(undefined, { cidrIp: "0.0.0.0/0", ipProtocol: "gre", portRange: "-1/-1" }),
                awsRule(undefined, { cidrIpv4: "0.0.0.0/0", ipProtocol: "6", fromPort: 22, toPort: 22 }),
                sample("aws:ec2/securityGroupRule:SecurityGroupRule", {
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
            const g = group();
            const other = group();
            const eni = sample(
                "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface",
                { securityGroupIds: ["sg-1"] },
                { securityGroupIds: [g] },
            );
            const association = (mode: string) =>
                sample(
                    "alicloud:ecs/eipAssociation:EipAssociation",
                    { mode, instanceId: "eni-1", instanceType: "NetworkInterface" },
                    { instanceId: [eni] },
                );
            const found = violations(checkWorldIngress, [
                g,
                other,
                eni,
                association("NAT"),
                aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "80/80" }),
                aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "443/443" }),
                aliRule(g, { cidrIp: "0.0.0.0/0", ipProtocol: "all", portRange: "-1/-1" }),
                aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "1/65535" }),
                aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "22/22" }),
                aliRule(other, { cidrIp: "0.0.0.0/0", portRange: "8080/8080" }),
            ]);
            assert.equal(found.length, 4);
            assert.match(found[0], /opens every port to 0\.0\.0\.0\/0/);
            assert.match(found[1], /opens ports 1-65535/);
            assert.match(found[2], /opens port 22/);
            assert.match(found[3], /opens port 8080/);
            // Without the EIP in NAT mode, the same rule is an ordinary world-open port.
            assert.equal(
                violations(checkWorldIngress, [
                    g,
                    eni,
                    association("BINDED"),
                    aliRule(g, { cidrIp: "0.0.0.0/0", portRange: "80/80" }),
                ]).length,
                1,
            );
        });

        it("matches literal ids on an update, and fails closed on a group it cannot follow", () => {
            // Outputs carry the id once the group exists; no property dependencies recorded.
            const existing = { ...awsGroup(), props: { id: "sg-0a1", vpcId: "vpc-1" } };
            const lb = {
                ...sample("aws:lb/loadBalancer:LoadBalancer", { securityGroups: ["sg-0a1"] }),
                props: { securityGroups: ["sg-0a1"], arn: "arn:lb/1" },
            };
            const listener = sample("aws:lb/listener:Listener", { port: 443, loadBalancerArn: "arn:lb/1" });
            const rule = (securityGroupId: string) =>
                sample("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv4: "0.0.0.0/0",
                    securityGroupId,
                });
            const unfollowed = previewed(rule(proxy.unknownStringValue));
            const found = violations(checkWorldIngress, [
                existing,
                lb,
                listener,
                rule("sg-0a1"),
                rule("sg-other"),
                unfollowed,
            ]);
            assert.equal(found.length, 2);
            assert.match(found[0], /opens port 443 to 0\.0\.0\.0\/0, but no load balancer .* listens on port 443;/);
            assert.match(found[1], /\(its security group cannot be matched to a load balancer\)/);
        });

        it("follows a rule's one dependency of the right type where the engine recorded no property dependencies", () => {
            // As an older engine hands them over: dependencies only, a resource listed more than once.
            const bare = <T extends SampleResource>(r: T, ...on: SampleResource[]) => {
                const { propertyDependencies: _dropped, ...rest } = r;
                return { ...rest, dependencies: [...on, ...on].map(d => ({ urn: d.urn })) };
            };
            const albGroup = awsGroup();
            const subnet = sample("aws:ec2/subnet:Subnet", {});
            const lb = bare(sample("aws:lb/loadBalancer:LoadBalancer", { securityGroups: ["sg-a"] }), albGroup, subnet);
            const target = sample("aws:lb/targetGroup:TargetGroup", {});
            const listener = bare(
                sample("aws:lb/listener:Listener", { port: 80, loadBalancerArn: "arn:lb" }),
                lb as SampleResource,
                target,
            );
            const open = (on: SampleResource) =>
                bare(awsRule(undefined, { cidrIpv4: "0.0.0.0/0", fromPort: 80, toPort: 80 }), on);
            const taskGroup = awsGroup();
            const found = violations(checkWorldIngress, [
                albGroup,
                subnet,
                lb,
                target,
                listener,
                open(albGroup),
                taskGroup,
                open(taskGroup),
            ]);
            assert.equal(found.length, 1);
            assert.match(found[0], /opens port 80 to 0\.0\.0\.0\/0, but no load balancer/);
        });

        it("ignores egress and drop rules", () => {
            assert.deepEqual(
                violations(checkWorldIngress, [
                    aliRule(undefined, { type: "egress", cidrIp: "0.0.0.0/0", portRange: "1/65535" }),
                    aliRule(undefined, { policy: "drop", cidrIp: "0.0.0.0/0", portRange: "22/22" }),
                ]),
                [],
            );
        });
    });
});
