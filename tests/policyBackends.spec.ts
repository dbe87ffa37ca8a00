/** no-public-ip-on-backends: Fargate tasks, and everything an ALB forwards to. */
import * as assert from "node:assert/strict";
import { checkPublicBackends, StackResource } from "../policy/policies";
import { previewed, proxy, sample, SampleResource } from "./support/policyPack";

function violations(resources: StackResource[]): string[] {
    const found: string[] = [];
    checkPublicBackends(resources, message => found.push(message));
    return found;
}

const instance = (props: Record<string, any> = {}) =>
    sample("alicloud:ecs/instance:Instance", { internetMaxBandwidthOut: 0, ...props });
const serverGroup = (backends: SampleResource[], servers: Array<Record<string, any>> = []) =>
    sample(
        "alicloud:alb/serverGroup:ServerGroup",
        {
            servers: servers.length
                ? servers
                : backends.map(() => ({ serverType: "Ecs", serverId: proxy.unknownStringValue, weight: 100 })),
        },
        { servers: backends },
    );
const association = (props: Record<string, any>, refs: Record<string, SampleResource[]> = {}) =>
    sample("alicloud:ecs/eipAssociation:EipAssociation", { allocationId: "eip-1", ...props }, refs);

describe("no-public-ip-on-backends", () => {
    it("rejects Fargate services and task sets with public IPs, however the flag is written", () => {
        const service = (assignPublicIp: unknown, type = "aws:ecs/service:Service") =>
            sample(type, { networkConfiguration: { assignPublicIp, subnets: ["subnet-1"] } });
        const found = violations([
            service(true),
            service(false),
            service("TRUE "),
            service("false"),
            service(true, "aws:ecs/taskSet:TaskSet"),
            sample("aws:ecs/service:Service", { networkConfiguration: [{ assignPublicIp: "true", subnets: [] }] }),
            sample("aws:ecs/service:Service", { launchType: "FARGATE" }),
        ]);
        assert.equal(found.length, 4);
        assert.ok(found.every(m => /^r\d+ gives its Fargate tasks public IPs; run them in private subnets/.test(m)));
    });

    it("rejects public bandwidth on an ALB backend only", () => {
        const backend = instance({ internetMaxBandwidthOut: 5 });
        const viaText = instance({ internetMaxBandwidthOut: "10" });
        const other = instance({ internetMaxBandwidthOut: 5 });
        assert.deepEqual(violations([backend, viaText, other, serverGroup([backend, viaText])]), [
            `${backend.name} is an ALB backend with a public IP; backends are reached through the ALB only.`,
            `${viaText.name} is an ALB backend with a public IP; backends are reached through the ALB only.`,
        ]);
    });

    it("rejects an EIP bound to a backend directly, through an attached ENI, by literal id or by address", () => {
        const direct = instance();
        const withEni = instance();
        const byId = { ...instance(), props: { id: "i-0b2", internetMaxBandwidthOut: 0 } };
        const eni = sample("alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface", {});
        const attachment = sample(
            "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment",
            { instanceId: "i-1", networkInterfaceId: "eni-1" },
            { instanceId: [withEni], networkInterfaceId: [eni] },
        );
        const notBackend = instance();
        const found = violations([
            direct,
            withEni,
            byId,
            eni,
            attachment,
            notBackend,
            serverGroup([direct, withEni]),
            serverGroup([], [{ serverType: "Ecs", serverId: "i-0b2", weight: 100 }]),
            serverGroup([], [{ serverType: "Ip", serverId: "10.0.1.10", serverIp: "10.0.1.10", weight: 100 }]),
            association({ instanceId: "i-1" }, { instanceId: [direct] }),
            association({ instanceId: "eni-1", instanceType: "NetworkInterface" }, { instanceId: [eni] }),
            association({ instanceId: "i-0b2" }),
            association({ instanceId: "vpc-1", instanceType: "IpAddress", privateIpAddress: "10.0.1.10" }),
            association({ instanceId: "i-2" }, { instanceId: [notBackend] }),
        ]);
        assert.deepEqual(
            found.map(m => m.replace(/^r\d+ binds an EIP to ALB backend /, "").replace(/; backends .*/, "")),
            [direct.name, `${withEni.name} (through ENI ${eni.name})`, byId.name, "10.0.1.10"],
        );
    });

    it("rejects an elastic container group behind an ALB with an EIP, even one known only after apply", () => {
        const eci = (props: Record<string, any>) =>
            sample("alicloud:eci/containerGroup:ContainerGroup", { securityGroupId: "sg-1", ...props });
        const auto = eci({ autoCreateEip: true });
        const bound = previewed(eci({ eipInstanceId: proxy.unknownStringValue }));
        const plain = eci({ autoCreateEip: false });
        const notBackend = eci({ autoCreateEip: true });
        assert.deepEqual(
            violations([auto, bound, plain, notBackend, serverGroup([auto, bound, plain])]).map(m =>
                m.replace(/^r\d+ /, ""),
            ),
            [
                "is an ALB backend with an EIP; backends are reached through the ALB only.",
                "is an ALB backend with an EIP; backends are reached through the ALB only.",
            ],
        );
    });

    it("rejects public IPv6 bandwidth on a backend's address", () => {
        const backend = instance({ ipv6AddressCount: 1 });
        const other = instance({ ipv6AddressCount: 1 });
        const bandwidth = (on: SampleResource) =>
            sample(
                "alicloud:vpc/ipv6InternetBandwidth:Ipv6InternetBandwidth",
                { ipv6AddressId: "ipv6-1", ipv6GatewayId: "ipv6gw-1", bandwidth: 10 },
                { ipv6AddressId: [on] },
            );
        const onBackend = bandwidth(backend);
        assert.deepEqual(violations([backend, other, serverGroup([backend]), onBackend, bandwidth(other)]), [
            `${onBackend.name} gives ALB backend ${backend.name} public IPv6 bandwidth; backends are reached through the ALB only.`,
        ]);
    });

    it("finds backends through the server group's dependencies in a preview, when their ids are unknown", () => {
        const backend = previewed(instance({ internetMaxBandwidthOut: 5 }));
        assert.deepEqual(
            violations([backend, previewed(serverGroup([backend]))]).map(m => m.replace(/^r\d+ /, "")),
            ["is an ALB backend with a public IP; backends are reached through the ALB only."],
        );
    });
});
