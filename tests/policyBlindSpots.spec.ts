/**
 * One test per blind spot of the policy pack that issue 18 lists: each builds the smallest stack
 * that is exposed in a way the pack used to miss, and asserts the policy that now reports it.
 * Every test here failed on the pack before the fix (it reported nothing).
 */
import * as assert from "node:assert/strict";
import { previewed, proxy, runPack, sample, SampleResource, Violation } from "./support/policyPack";

const WORLD_INGRESS = "no-world-ingress-except-listeners";
const PUBLIC_BACKENDS = "no-public-ip-on-backends";

function only(policy: string, found: Violation[]): string[] {
    assert.deepEqual(
        found.filter(v => v.policy !== policy),
        [],
        "no other policy reports these resources",
    );
    return found.map(v => v.message);
}

const aliGroup = () => sample("alicloud:ecs/securityGroup:SecurityGroup", { vpcId: "vpc-1" });
const aliRule = (group: SampleResource | undefined, props: Record<string, any>) =>
    sample(
        "alicloud:ecs/securityGroupRule:SecurityGroupRule",
        {
            type: "ingress",
            ipProtocol: "tcp",
            nicType: "intranet",
            policy: "accept",
            securityGroupId: "sg-1",
            ...props,
        },
        group ? { securityGroupId: [group] } : {},
    );
const awsGroup = () => sample("aws:ec2/securityGroup:SecurityGroup", { vpcId: "vpc-1" });
const awsIngress = (group: SampleResource, props: Record<string, any>) =>
    sample(
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        { ipProtocol: "tcp", securityGroupId: "sg-2", ...props },
        { securityGroupId: [group] },
    );

describe("policy pack blind spots (issue 18)", () => {
    describe("world-open judged by address coverage", () => {
        it("0.0.0.0/1 + 128.0.0.0/1 on two rules of one security group open the port to the world", () => {
            const group = aliGroup();
            const messages = only(
                WORLD_INGRESS,
                runPack([
                    group,
                    aliRule(group, { cidrIp: "0.0.0.0/1", portRange: "22/22" }),
                    aliRule(group, { cidrIp: "128.0.0.0/1", portRange: "22/22" }),
                ]),
            );
            assert.equal(messages.length, 1);
            assert.match(messages[0], /^r\d+ and r\d+ together open port 22 to the whole IPv4 internet/);
            assert.match(messages[0], /0\.0\.0\.0\/1 \+ 128\.0\.0\.0\/1/);
        });

        it("0::/0 is ::/0", () => {
            const group = aliGroup();
            const messages = only(
                WORLD_INGRESS,
                runPack([group, aliRule(group, { ipv6CidrIp: "0::/0", portRange: "22/22" })]),
            );
            assert.equal(messages.length, 1);
            assert.match(messages[0], /opens port 22 to ::\/0/);
        });

        it("::0/0 is ::/0", () => {
            const group = awsGroup();
            const messages = only(
                WORLD_INGRESS,
                runPack([group, awsIngress(group, { cidrIpv6: "::0/0", fromPort: 3389, toPort: 3389 })]),
            );
            assert.equal(messages.length, 1);
            assert.match(messages[0], /opens port 3389 to ::\/0/);
        });

        it('"0.0.0.0/0 " with a trailing space is 0.0.0.0/0', () => {
            const group = aliGroup();
            const messages = only(
                WORLD_INGRESS,
                runPack([group, aliRule(group, { cidrIp: "0.0.0.0/0 ", portRange: "22/22" })]),
            );
            assert.equal(messages.length, 1);
            assert.match(messages[0], /opens port 22 to 0\.0\.0\.0\/0/);
        });
    });

    describe("every security-group and task resource type", () => {
        it("reads the inline ingress of aws:ec2/defaultSecurityGroup", () => {
            const messages = only(
                WORLD_INGRESS,
                runPack([
                    sample("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", {
                        vpcId: "vpc-1",
                        ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
                    }),
                ]),
            );
            assert.equal(messages.length, 1);
            assert.match(messages[0], /opens port 22 to 0\.0\.0\.0\/0/);
        });

        it("rejects an ECS TaskSet that gives its tasks public IPs", () => {
            const messages = only(
                PUBLIC_BACKENDS,
                runPack([
                    sample("aws:ecs/taskSet:TaskSet", {
                        networkConfiguration: { assignPublicIp: true, subnets: ["subnet-1"] },
                    }),
                ]),
            );
            assert.equal(messages.length, 1);
            assert.match(messages[0], /gives its Fargate tasks public IPs/);
        });

        it('rejects assignPublicIp: "true" as a string (the provider takes it as true)', () => {
            const messages = only(
                PUBLIC_BACKENDS,
                runPack([
                    sample("aws:ecs/service:Service", {
                        networkConfiguration: { assignPublicIp: "true", subnets: ["subnet-1"] },
                    }),
                ]),
            );
            assert.equal(messages.length, 1);
            assert.match(messages[0], /gives its Fargate tasks public IPs/);
        });

        it("rejects an EIP bound to an ALB backend instance", () => {
            const instance = sample("alicloud:ecs/instance:Instance", { internetMaxBandwidthOut: 0 });
            const serverGroup = sample(
                "alicloud:alb/serverGroup:ServerGroup",
                { servers: [{ serverType: "Ecs", serverId: "i-1", weight: 100 }] },
                { servers: [instance] },
            );
            const eip = sample("alicloud:ecs/eipAddress:EipAddress", {});
            const association = sample(
                "alicloud:ecs/eipAssociation:EipAssociation",
                { allocationId: "eip-1", instanceId: "i-1" },
                { allocationId: [eip], instanceId: [instance] },
            );
            const messages = only(PUBLIC_BACKENDS, runPack([instance, serverGroup, eip, association]));
            assert.equal(messages.length, 1);
            assert.match(messages[0], new RegExp(`^${association.name} binds an EIP to ALB backend ${instance.name}`));
        });
    });

    describe("listener-port exemptions only on the security group attached to the load balancer", () => {
        /** S5: an ALB on its own group listening on 80, the Fargate tasks on another. */
        function fargate(taskRule: (tasks: SampleResource) => SampleResource) {
            const albGroup = awsGroup();
            const taskGroup = awsGroup();
            const alb = sample(
                "aws:lb/loadBalancer:LoadBalancer",
                { securityGroups: ["sg-alb"], internal: false },
                { securityGroups: [albGroup] },
            );
            const listener = sample(
                "aws:lb/listener:Listener",
                { port: 80, protocol: "HTTP", loadBalancerArn: "arn:aws:elasticloadbalancing:lb" },
                { loadBalancerArn: [alb] },
            );
            return [
                albGroup,
                taskGroup,
                alb,
                listener,
                awsIngress(albGroup, { cidrIpv4: "0.0.0.0/0", fromPort: 80, toPort: 80 }),
                taskRule(taskGroup),
            ];
        }

        it("rejects 0.0.0.0/0:80 on the Fargate task group while the ALB's group may open 80", () => {
            const resources = fargate(tasks => awsIngress(tasks, { cidrIpv4: "0.0.0.0/0", fromPort: 80, toPort: 80 }));
            const found = runPack(resources);
            const messages = only(WORLD_INGRESS, found);
            assert.equal(messages.length, 1);
            assert.match(messages[0], /opens port 80 to 0\.0\.0\.0\/0, but no load balancer/);
            assert.equal(found[0].urn, resources[5].urn);
        });

        it("follows the groups by URN in a preview, when every id is still unknown", () => {
            const resources = fargate(tasks =>
                awsIngress(tasks, { cidrIpv4: "0.0.0.0/0", fromPort: 80, toPort: 80 }),
            ).map(r => ({
                ...r,
                props: Object.fromEntries(
                    Object.entries(r.props).map(([k, v]) => [
                        k,
                        ["securityGroupId", "loadBalancerArn"].includes(k)
                            ? proxy.unknownStringValue
                            : k === "securityGroups"
                              ? [proxy.unknownStringValue]
                              : v,
                    ]),
                ),
            }));
            const found = runPack(resources.map(previewed));
            assert.deepEqual(
                found.map(v => [v.policy, v.urn]),
                [[WORLD_INGRESS, resources[5].urn]],
            );
        });

        it("rejects 0.0.0.0/0:80 on the ACK control-plane group while an ALB elsewhere listens on 80", () => {
            const cluster = sample("alicloud:cs/managedKubernetes:ManagedKubernetes", { deletionProtection: true });
            const alb = sample("alicloud:alb/loadBalancer:LoadBalancer", { vpcId: "vpc-1" });
            const listener = sample(
                "alicloud:alb/listener:Listener",
                { listenerPort: 80, listenerProtocol: "HTTP", loadBalancerId: "alb-1" },
                { loadBalancerId: [alb] },
            );
            const rule = sample(
                "alicloud:ecs/securityGroupRule:SecurityGroupRule",
                {
                    type: "ingress",
                    ipProtocol: "tcp",
                    portRange: "80/80",
                    cidrIp: "0.0.0.0/0",
                    nicType: "intranet",
                    securityGroupId: "sg-ack",
                },
                { securityGroupId: [cluster] },
            );
            const messages = only(WORLD_INGRESS, runPack([cluster, alb, listener, rule]));
            assert.equal(messages.length, 1);
            assert.match(messages[0], /opens port 80 to 0\.0\.0\.0\/0/);
        });
    });
});
