import { strict as assert } from "node:assert";
import { creationTime, criticalPath, formatDuration, renderCriticalPath } from "../cli/criticalPath";
import { PlanGraph, PlanNode } from "../cli/graph";

type Spec = {
    type: string;
    parent?: string;
    provider?: string;
    dependsOn?: string[];
    references?: string[];
    custom?: boolean;
};

/** A graph by hand: name → spec; keys are the names. */
function graphOf(specs: Record<string, Spec>): PlanGraph {
    const nodes: PlanNode[] = Object.entries(specs).map(([name, s]) => ({
        key: name,
        type: s.type,
        name,
        custom: s.custom ?? true,
        parent: s.parent,
        provider: s.provider,
        dependsOn: s.dependsOn ?? [],
        references: s.references ?? [],
        inputs: {},
        children: [],
    }));
    return { nodes, byKey: new Map(nodes.map(n => [n.key, n])), roots: nodes.map(n => n.key), referencesIn: () => [] };
}

const VPC = "alicloud:vpc/network:Network";
const VSW = "alicloud:vpc/switch:Switch";
const TR = "alicloud:cen/transitRouter:TransitRouter";
const ATTACH = "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment";
const ROUTE = "alicloud:vpc/routeEntry:RouteEntry";
const CEN = "alicloud:cen/instance:Instance";

describe("critical path", () => {
    it("follows input references and dependsOn to the longest chain, and adds its times", () => {
        const graph = graphOf({
            provider: { type: "pulumi:providers:alicloud" },
            cen: { type: CEN, provider: "provider" }, // 30 s
            vpc: { type: VPC, provider: "provider" }, // 10 s
            vsw: { type: VSW, provider: "provider", references: ["vpc"] }, // 10 s
            tr: { type: TR, provider: "provider", references: ["cen"] }, // 60 s
            attach: { type: ATTACH, provider: "provider", references: ["tr", "vpc", "vsw"] }, // 180 s
            route1: { type: ROUTE, provider: "provider", references: ["vpc", "attach"] }, // 10 s
            route2: { type: ROUTE, provider: "provider", references: ["vpc", "attach"], dependsOn: ["route1"] },
        });
        const path = criticalPath(graph);
        assert.deepEqual(
            path.steps.map(s => [s.name, s.startsAt, s.seconds]),
            [
                ["cen", 0, 30],
                ["tr", 30, 60],
                ["attach", 90, 180],
                ["route1", 270, 10],
                ["route2", 280, 10],
            ],
        );
        assert.equal(path.totalSeconds, 290);
    });

    it("does not order children after their parent component", () => {
        const graph = graphOf({
            component: { type: "topologies:alicloud:RegionalVpc", custom: false },
            vpc: { type: VPC, parent: "component" },
            slow: { type: "alicloud:cs/managedKubernetes:ManagedKubernetes", parent: "component" },
        });
        const path = criticalPath(graph);
        assert.deepEqual(
            path.steps.map(s => s.name),
            ["slow"],
        );
        assert.equal(path.totalSeconds, 600);
    });

    it("survives a cycle instead of recursing forever", () => {
        const graph = graphOf({ a: { type: VPC, dependsOn: ["b"] }, b: { type: VPC, dependsOn: ["a"] } });
        assert.ok(criticalPath(graph).totalSeconds <= 20);
    });

    it("gives components and providers no time, unknown types a default, Kubernetes workloads a rollout", () => {
        assert.equal(creationTime({ type: "topologies:aws:AlbFargateService", custom: false }).seconds, 0);
        assert.equal(creationTime({ type: "pulumi:providers:kubernetes", custom: true }).seconds, 0);
        assert.equal(creationTime({ type: "alicloud:oss/bucket:Bucket", custom: true }).seconds, 5);
        assert.equal(creationTime({ type: "kubernetes:apps/v1:Deployment", custom: true }).seconds, 60);
        assert.match(creationTime({ type: ATTACH, custom: true }).source, /default create timeout .* 5 min/);
    });

    it("prints the chain with start offsets and the total", () => {
        const text = renderCriticalPath(
            criticalPath(graphOf({ vpc: { type: VPC }, vsw: { type: VSW, references: ["vpc"] } })),
        );
        assert.equal(text.split("\n")[0], "  +0s         10s  vpc  (alicloud:vpc/network:Network)");
        assert.equal(text.split("\n")[1], "  +10s        10s  vsw  (alicloud:vpc/switch:Switch)");
        assert.match(text.split("\n")[2], /^ {2}total ≈ 20s/);
        assert.deepEqual([0, 59, 60, 90, 925].map(formatDuration), ["0s", "59s", "1m", "1m30s", "15m25s"]);
    });
});
