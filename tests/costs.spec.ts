/** The plan's list of subscriptions and destroy leftovers (cli/costs.ts), rule by rule. */
import * as assert from "node:assert/strict";
import { costItems } from "../cli/costs";
import { RecordedResource } from "./mocks";

const resource = (
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    more: Partial<RecordedResource> = {},
): RecordedResource => ({ type, name, inputs, state: {}, id: `${name}-id`, dependsOn: [], custom: true, ...more });

const BWP = "alicloud:cen/bandwidthPackage:BandwidthPackage";

describe("costs", () => {
    it("lists a PrePaid bandwidth package (the default payment) as a subscription destroy cannot delete, and not a PostPaid one", () => {
        const [item] = costItems([
            resource(BWP, "bwp", {
                bandwidth: 10,
                geographicRegionAId: "China",
                geographicRegionBId: "Europe",
                period: 3,
            }),
        ]);
        assert.deepEqual(item.kinds, ["subscription", "left-behind"]);
        assert.match(
            item.drivers!,
            /^10 Mbit\/s between China and Europe, paid for 3 month\(s\) ahead; inter-region traffic stops when it expires \(autoRenew is off\) \(period and auto-renew apply when the package is bought/,
        );
        assert.equal(item.unconfirmed, undefined);
        assert.deepEqual(costItems([resource(BWP, "bwp", { bandwidth: 10, paymentType: "PostPaid" })]), []);
    });

    it("lists a PayBy95 Internet Shared Bandwidth instance as left behind, a protected one as refused, and no other", () => {
        const CBWP = "alicloud:vpc/commonBandwithPackage:CommonBandwithPackage";
        const [item] = costItems([
            resource(CBWP, "s2-bandwidth", { bandwidth: "50", internetChargeType: "PayBy95", ratio: 20 }),
        ]);
        assert.deepEqual(item.kinds, ["left-behind"]);
        assert.match(
            item.drivers!,
            /^50 Mbit\/s shared by its EIPs, billed on the enhanced 95th percentile with a 20% minimum commitment/,
        );
        assert.match(item.destroy, /only removes a PayBy95 package from the state/);
        const [kept] = costItems([
            resource(CBWP, "p", { bandwidth: "30", internetChargeType: "PayByBandwidth", deletionProtection: true }),
        ]);
        assert.match(kept.destroy, /^refused: an Internet Shared Bandwidth instance with deletionProtection/);
        assert.deepEqual(
            costItems([resource(CBWP, "p", { bandwidth: "30", internetChargeType: "PayByBandwidth" })]),
            [],
        );
    });

    it("says a 12-month package period is unconfirmed", () => {
        assert.match(
            costItems([resource(BWP, "bwp", { bandwidth: 10, period: 12 })])[0].unconfirmed!,
            /1–3 and 6 months/,
        );
    });

    it("lists subscription EIPs and PrePaid instances, and what their destroy does", () => {
        const items = costItems([
            resource("alicloud:ecs/eipAddress:EipAddress", "eip", {
                paymentType: "Subscription",
                bandwidth: 5,
                period: 1,
            }),
            resource("alicloud:ecs/eipAddress:EipAddress", "payg", { paymentType: "PayAsYouGo" }),
            resource("alicloud:ecs/eipAddress:EipAddress", "guarded", {
                paymentType: "PayAsYouGo",
                deletionProtection: true,
            }),
            resource("alicloud:ecs/instance:Instance", "vm", {
                instanceChargeType: "PrePaid",
                instanceType: "ecs.g7.large",
            }),
            resource("alicloud:ecs/instance:Instance", "vm2", {
                instanceChargeType: "PrePaid",
                instanceType: "ecs.g7.large",
                forceDelete: true,
            }),
            resource("alicloud:ecs/instance:Instance", "vm3", { instanceChargeType: "PostPaid" }),
        ]);
        assert.deepEqual(
            items.map(i => [i.name, i.kinds.join("+")]),
            [
                ["eip", "subscription+left-behind"],
                ["guarded", "left-behind"],
                ["vm", "subscription+left-behind"],
                ["vm2", "subscription"],
            ],
        );
        assert.match(items[0].destroy, /skips a subscription EIP/);
        assert.match(items[2].destroy, /only with forceDelete/);
    });

    it("names each protected subtree once, at its top, with the number of resources it holds", () => {
        const items = costItems([
            resource("topologies:alicloud:RegionalVpc", "net", {}, { custom: false, protect: true }),
            resource(
                "alicloud:vpc/network:Network",
                "net-vpc",
                {},
                { parentKey: "topologies:alicloud:RegionalVpc::net" },
            ),
            resource(
                "alicloud:vpc/switch:Switch",
                "net-a",
                {},
                { parentKey: "topologies:alicloud:RegionalVpc::net", protect: true },
            ),
            resource("alicloud:vpc/switch:Switch", "loose", {}, { protect: false }),
        ]);
        assert.deepEqual(
            items.map(i => i.name),
            ["net"],
        );
        assert.match(items[0].destroy, /protected .* with its 2 resources/);
    });

    it("names the top of resources protected one by one once, with how many and of which types", () => {
        const top = "topologies:alicloud:RegionalVpc::net";
        const items = costItems([
            resource("topologies:alicloud:RegionalVpc", "net", {}, { custom: false }),
            resource("alicloud:vpc/network:Network", "net-vpc", {}, { parentKey: top, protect: true }),
            resource("alicloud:vpc/switch:Switch", "net-a", {}, { parentKey: top, protect: true }),
            resource("alicloud:vpc/switch:Switch", "net-b", {}, { parentKey: top, protect: true }),
            resource("alicloud:vpc/routeEntry:RouteEntry", "net-route", {}, { parentKey: top }),
        ]);
        assert.deepEqual(
            items.map(i => [i.name, i.destroy]),
            [
                [
                    "net",
                    "refused for 3 of its resources, protected (Pulumi's protect: Network, Switch); set protect false and update, or run 'pulumi state unprotect', first",
                ],
            ],
        );
    });

    it("lists what the cloud's deletion protection keeps: ALBs, instances, AWS load balancers and log groups", () => {
        const items = costItems([
            resource("alicloud:alb/loadBalancer:LoadBalancer", "alb", { deletionProtectionEnabled: true }),
            resource("alicloud:alb/loadBalancer:LoadBalancer", "open", { deletionProtectionEnabled: false }),
            resource("alicloud:ecs/instance:Instance", "vm", {
                instanceChargeType: "PostPaid",
                deletionProtection: true,
            }),
            resource("aws:lb/loadBalancer:LoadBalancer", "lb", { enableDeletionProtection: true }),
            resource("aws:cloudwatch/logGroup:LogGroup", "logs", { deletionProtectionEnabled: true }),
        ]);
        assert.deepEqual(
            items.map(i => [i.name, i.destroy]),
            [
                ["alb", "refused: an ALB with deletionProtectionEnabled cannot be deleted until it is turned off"],
                ["vm", "refused: an ECS instance with deletionProtection cannot be deleted until it is turned off"],
                [
                    "lb",
                    "refused: a load balancer with enableDeletionProtection cannot be deleted until it is turned off",
                ],
                [
                    "logs",
                    "refused: a log group with deletionProtectionEnabled cannot be deleted until it is turned off",
                ],
            ],
        );
    });
});
