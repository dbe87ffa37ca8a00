/**
 * The diagram of programs built here (the stacks' diagrams are checked in stacks.spec.ts, on
 * plans it makes anyway): backends known only by address, and the checks that read an SVG back.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { AlbFargateService } from "../components/aws/albFargateService";
import { CrossRegionAlbBackend } from "../components/alicloud/crossRegionAlb";
import { RegionalVpc } from "../components/alicloud/vpc";
import { renderSvg, toDot } from "../cli/diagram";
import { runPlan } from "../cli/plan";
import { readingProblems } from "./support/diagramChecks";
import { inside, parseSvg } from "./support/svgLayout";

async function drawn(build: (opts: pulumi.ComponentResourceOptions) => unknown) {
    const result = await runPlan(
        {
            loadStackConfig: raw => raw,
            buildStack: (_config, opts) => {
                build(opts);
                return {};
            },
        },
        {},
    );
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const dot = toDot(result.graph, "t");
    return { dot, layout: parseSvg(await renderSvg(dot)) };
}

describe("diagram", () => {
    it("draws a backend given as a plain IP in the vSwitch holding it, joined to its server group", async () => {
        // The README's S1: ECS1 is an existing server, known only by 192.168.7.10.
        const { dot, layout } = await drawn(opts => {
            const vpc = (
                name: string,
                region: string,
                cidrBlock: string,
                vSwitches: Record<string, { zoneId: string; cidrBlock: string }>,
            ) => new RegionalVpc(name, { region, cidrBlock, vSwitches }, opts);
            new CrossRegionAlbBackend(
                "app",
                {
                    albVpc: vpc("vpc1", "cn-chengdu", "172.16.0.0/12", {
                        vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
                        vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
                    }),
                    backendVpc: vpc("vpc2", "cn-hangzhou", "192.168.0.0/16", {
                        vsw3: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.8.0/24" },
                        vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
                    }),
                    backends: { ecs1: { ipv4Address: "192.168.7.10", securityGroup: "backend" } },
                    securityGroups: { backend: "sg-bp1backend000000000" },
                },
                opts,
            );
        });
        const backend = layout.nodes.get("backend::192.168.7.10");
        assert.ok(backend, "the backend is drawn");
        assert.ok(inside(backend, layout.clusters.get("cluster_alicloud:vpc/switch:Switch::vpc2-vsw4")!));
        assert.match(
            dot,
            /"alicloud:alb\/serverGroup:ServerGroup::app-sgp" -> "backend::192\.168\.7\.10" \[[^\]]*color="#d9480f"/,
        );
        assert.ok(layout.texts.some(t => t.text === "backend by address"));
        assert.deepEqual(readingProblems(layout), []);
    });

    it("draws an ALB's extra IP target in its subnet, and each task in a private subnet", async () => {
        const { dot, layout } = await drawn(
            opts =>
                new AlbFargateService(
                    "web",
                    {
                        region: "ap-northeast-1",
                        network: {
                            cidrBlock: "10.1.0.0/16",
                            publicSubnets: {
                                "public-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" },
                                "public-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.2.0/24" },
                            },
                            privateSubnets: {
                                "private-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" },
                                "private-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.3.0/24" },
                            },
                            egress: "natGateway",
                        },
                        container: { name: "web", image: "nginx:latest", port: 80 },
                        extraTargets: [{ ip: "10.1.1.50" }],
                    },
                    opts,
                ),
        );
        const subnet = (name: string) => layout.clusters.get(`cluster_aws:ec2/subnet:Subnet::web-network-${name}`)!;
        assert.ok(inside(layout.nodes.get("backend::10.1.1.50")!, subnet("private-1a")));
        assert.match(dot, /"aws:lb\/targetGroup:TargetGroup::web-tg" -> "backend::10\.1\.1\.50"/);
        const tasks = [...layout.nodes].filter(([id]) => id.startsWith("aws:ecs/service:Service::"));
        assert.equal(tasks.length, 2, "the service's tasks in each private subnet");
        for (const [id, box] of tasks)
            assert.ok(inside(box, subnet("private-1a")) || inside(box, subnet("private-1c")), id);
        // The NAT gateway in its public subnet, its address beside it.
        const nat = [...layout.nodes].filter(([id]) => /natGateway:NatGateway::|ec2\/eip:Eip::/.test(id));
        assert.equal(nat.length, 2);
        for (const [id, box] of nat) assert.ok(inside(box, subnet("public-1a")), id);
        assert.deepEqual(readingProblems(layout), []);
    });

    it("finds what a reader would: text over text, an edge across text, text outside its box, boxes on boxes", async () => {
        const text = (id: string, x: number, y: number, label: string) =>
            `"text::${id}" [pos="${x},${y}!", shape=plaintext, fixedsize=true, width=1, height=0.2, label="${label}", fontsize=10];`;
        const svg = await renderSvg(
            [
                'digraph t { graph [layout=nop2, bb="0,0,400,200"]; node [shape=box, fixedsize=true];',
                'a [pos="100,100!", width=0.5, height=0.5, label=""];',
                'b [pos="120,110!", width=0.5, height=0.5, label=""];',
                text("a::0", 100, 100, "a label far too long for its box"),
                text("x::0", 300, 150, "one title"),
                text("y::0", 305, 152, "another title"),
                text("z::0", 300, 50, "crossed"),
                'p [pos="250,20!", width=0.1, height=0.1]; q [pos="350,80!", width=0.1, height=0.1];',
                'p -> q [pos="250,50 280,50 320,50 350,50"];',
                "}",
            ].join("\n"),
        );
        const problems = readingProblems(parseSvg(svg));
        for (const expected of [
            /^text over text: "(one|another) title" \/ "(one|another) title"$/,
            /^edge across text: p->q \/ "crossed"$/,
            /^text outside its box: "a label far too long for its box"$/,
            /^box over box: a \/ b$/,
        ])
            assert.ok(
                problems.some(p => expected.test(p)),
                `${expected} not in ${JSON.stringify(problems)}`,
            );
    });
});
