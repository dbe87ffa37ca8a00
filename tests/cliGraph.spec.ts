import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../components/sdk/alicloud";
import * as kubernetes from "../components/sdk/kubernetes";
import * as nlb from "@pulumi/alicloud/nlb";
import { build } from "./mocks";
import { CrossRegionAlbBackend } from "../components/alicloud/crossRegionAlb";
import { DualStackAlb } from "../components/alicloud/dualStackAlb";
import { RegionalVpc } from "../components/alicloud/vpc";
import { toDot } from "../cli/diagram";
import { PlanGraph } from "../cli/graph";
import { manifestsOf } from "../cli/manifests";
import { runPlan, StackProgram } from "../cli/plan";
import { readStackConfig } from "../cli/stackConfig";
import { treeOf } from "../cli/tree";
import { TopologyValidationError } from "../components/errors";

const PLAINTEXT = "hunter2-plaintext";

/** A program that builds `build` with the plan's options and no config. */
function program(
    build: (opts: pulumi.ComponentResourceOptions) => Record<string, pulumi.Input<unknown>>,
): StackProgram {
    return { loadStackConfig: raw => raw, buildStack: (_config, opts) => build(opts) };
}

async function graphOf(build: (opts: pulumi.ComponentResourceOptions) => Record<string, pulumi.Input<unknown>>) {
    const result = await runPlan(program(build), {});
    assert.ok(result.ok);
    return result;
}

class Box extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("topologies:test:Box", name, {}, opts);
    }
}

describe("plan graph", () => {
    it("finds references through produced ids and computed outputs, and expands dependsOn on a component", async () => {
        const { graph } = await graphOf(opts => {
            const box = new Box("box", opts);
            const provider = new alicloud.Provider("p", { region: "cn-beijing" }, { parent: box });
            const vpc = new alicloud.vpc.Network("vpc", { cidrBlock: "10.0.0.0/16" }, { parent: box, provider });
            new alicloud.vpc.Switch(
                "vsw",
                { vpcId: vpc.id, zoneId: "cn-beijing-a", cidrBlock: "10.0.1.0/24" },
                { parent: box, provider },
            );
            // routeTableId is computed by the VPC: a reference even though it is not the VPC's id.
            new alicloud.vpc.RouteEntry(
                "route",
                { routeTableId: vpc.routeTableId, destinationCidrblock: "0.0.0.0/0" },
                { ...opts, provider, dependsOn: [box] },
            );
            return {};
        });
        const node = (name: string) => graph.nodes.find(n => n.name === name)!;
        assert.deepEqual(node("vsw").references, [node("vpc").key]);
        assert.deepEqual(node("route").references, [node("vpc").key]);
        // Waiting for a component means waiting for every custom resource below it, its provider too.
        assert.deepEqual(node("route").dependsOn.sort(), [node("p").key, node("vpc").key, node("vsw").key].sort());
        assert.equal(node("vsw").parent, node("box").key);
        assert.equal(node("vsw").region, "cn-beijing");
        assert.equal(node("vsw").provider, node("p").key);
        assert.deepEqual(graph.roots, [node("box").key, node("route").key]);
    });

    it("never shows a secret input or output, in the tree, the diagram, the manifests or the outputs", async () => {
        const result = await graphOf(opts => {
            const provider = new kubernetes.Provider("k8s", { kubeconfig: pulumi.secret(PLAINTEXT) }, opts);
            new alicloud.vpc.Network("vpc", { cidrBlock: pulumi.secret(PLAINTEXT) }, opts);
            // A type the key-argument table does not know: its generic arguments are redacted too.
            new alicloud.ecs.EipAddress("eip", { bandwidth: pulumi.secret(PLAINTEXT) }, opts);
            new kubernetes.core.v1.ConfigMap(
                "cm",
                { metadata: { name: "cm" }, data: { token: pulumi.secret(PLAINTEXT) } },
                { ...opts, provider },
            );
            return { plain: "visible", nested: { token: pulumi.secret(PLAINTEXT) } };
        });
        assert.ok(result.ok);
        const seen = [
            JSON.stringify(treeOf(result.graph)),
            toDot(result.graph, "t"),
            ...manifestsOf(result.graph).map(m => m.yaml),
            JSON.stringify(result.outputs),
        ];
        for (const text of seen) assert.ok(!text.includes(PLAINTEXT), `leaked in: ${text.slice(0, 200)}`);
        assert.deepEqual(result.outputs, { plain: "visible", nested: "[secret]" });
        assert.deepEqual(treeOf(result.graph).find(n => n.name === "vpc")!.args, { cidrBlock: "[secret]" });
        assert.deepEqual(treeOf(result.graph).find(n => n.name === "eip")!.args, { bandwidth: "[secret]" });
        assert.match(manifestsOf(result.graph)[0].yaml, /data: "\[secret\]"/);
    });

    it("returns every validation error of the config or of a component instead of throwing", async () => {
        const rejecting: StackProgram = {
            loadStackConfig: () => {
                throw new TopologyValidationError("stack config", [{ path: "topologies:x", message: "bad." }]);
            },
            buildStack: () => ({}),
        };
        assert.deepEqual(await runPlan(rejecting, {}), {
            ok: false,
            errors: [{ source: "stack config", problems: [{ path: "topologies:x", message: "bad." }] }],
        });
        const buggy = program(() => {
            throw new Error("not a validation error");
        });
        await assert.rejects(runPlan(buggy, {}), /not a validation error/);
    });

    it("draws any resource type: unknown types become nodes in the VPC they refer to", async () => {
        const { graph } = await graphOf(opts => {
            const provider = new alicloud.Provider("p", { region: "cn-shanghai" }, opts);
            const vpc = new alicloud.vpc.Network("vpc", { cidrBlock: "10.0.0.0/16" }, { ...opts, provider });
            new nlb.LoadBalancer(
                "nlb",
                {
                    vpcId: vpc.id,
                    addressType: "Intranet",
                    addressIpVersion: "Ipv4",
                    zoneMappings: [
                        { vswitchId: "vsw-existing1", zoneId: "cn-shanghai-a" },
                        { vswitchId: "vsw-existing2", zoneId: "cn-shanghai-b" },
                    ],
                },
                { ...opts, provider },
            );
            return {};
        });
        const dot = toDot(graph as PlanGraph, "t");
        const vpcCluster = dot.slice(dot.indexOf('subgraph "cluster_alicloud:vpc/network:Network::vpc"'));
        assert.match(vpcCluster, /^[^}]*"alicloud:nlb\/loadBalancer:LoadBalancer::nlb" \[/);
        assert.match(
            vpcCluster,
            /^[^}]*"text::alicloud:nlb\/loadBalancer:LoadBalancer::nlb::\d" \[[^\]]*label="addressType: Intranet"/,
        );
        assert.match(dot, /label="region cn-shanghai\\l"/);
    });
});

describe("stack config", () => {
    it("strips the project namespace, keeps objects, and turns secure values into secrets", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-config-"));
        try {
            fs.writeFileSync(
                path.join(dir, "Pulumi.s.yaml"),
                [
                    "config:",
                    "  alicloud:region: cn-hangzhou",
                    "  topologies:size: 3",
                    "  topologies:tls:",
                    "    cert: plain",
                    "    key:",
                    "      secure: v1:CIPHERTEXT",
                ].join("\n"),
            );
            const config = readStackConfig(dir, "s", "topologies");
            assert.deepEqual(Object.keys(config.raw), ["size", "tls"]);
            assert.equal(config.raw.size, 3);
            const tls = config.raw.tls as { cert: string; key: pulumi.Output<string> };
            assert.equal(tls.cert, "plain");
            assert.equal(await (tls.key as unknown as { isSecret: Promise<boolean> }).isSecret, true);
            assert.deepEqual(config.secretPaths, ["topologies:tls.key"]);
            assert.ok(!JSON.stringify(config.raw).includes("CIPHERTEXT"));
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("values known only at deployment", () => {
    const chengdu = (opts: pulumi.ComponentResourceOptions) =>
        new RegionalVpc(
            "vpc1",
            {
                region: "cn-chengdu",
                cidrBlock: "172.16.0.0/12",
                vSwitches: {
                    vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
                    vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
                },
            },
            opts,
        );
    const hangzhou = (opts: pulumi.ComponentResourceOptions) =>
        new RegionalVpc(
            "vpc2",
            {
                region: "cn-hangzhou",
                cidrBlock: "192.168.0.0/16",
                vSwitches: {
                    vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
                },
            },
            opts,
        );

    it("are checked when they resolve, and the plan prints the problem (with its path) instead of hanging", async function () {
        this.timeout(10_000);
        const started = Date.now();
        const result = await runPlan(
            program(opts => {
                const s1 = new CrossRegionAlbBackend(
                    "s1",
                    {
                        albVpc: chengdu(opts),
                        backendVpc: hangzhou(opts),
                        backends: { web: { ipv4Address: pulumi.output("8.8.8.8") } },
                    },
                    opts,
                );
                return { dns: s1.dnsName };
            }),
            {},
        );
        assert.ok(!result.ok);
        assert.ok(Date.now() - started < 5000, "the plan ends as soon as the late problem is known");
        assert.deepEqual(
            result.errors.map(e => e.source),
            ["topologies:alicloud:CrossRegionAlbBackend 's1'"],
            "one error, not one per input that carries the value",
        );
        assert.ok(
            result.errors[0].problems.some(
                p => p.path === "backends.web.ipv4Address" && /8\.8\.8\.8 is not a private address/.test(p.message),
            ),
        );
        // Nothing later in the process is disturbed: not a build (which waits for every RPC), not a plan.
        await build(opts => chengdu(opts));
        assert.ok(
            (
                await runPlan(
                    program(opts => ({ id: chengdu(opts).vpcId })),
                    {},
                )
            ).ok,
        );
    });

    it("include a stack output checked when it resolves: refused as a validation error, not a failure of the plan", async () => {
        const refused = new TopologyValidationError("topologies:test:Box 'b'", [
            { path: "port", message: "is refused once known." },
        ]);
        const result = await runPlan(
            // Refused after every registration has settled: only the plan's wait for the outputs meets it.
            program(() => ({
                port: pulumi.output(new Promise((_, reject) => setTimeout(() => reject(refused), 50))),
            })),
            {},
        );
        assert.ok(!result.ok);
        assert.deepEqual(result.errors, [{ source: "topologies:test:Box 'b'", problems: refused.problems }]);
    });

    it("include a dual-stack backend's address, refused when it is of the wrong family", async function () {
        this.timeout(10_000);
        const result = await runPlan(
            program(opts => {
                const vpc = new RegionalVpc(
                    "vpc",
                    {
                        region: "cn-shanghai",
                        cidrBlock: "10.0.0.0/16",
                        enableIpv6: true,
                        vSwitches: {
                            e: { zoneId: "cn-shanghai-e", cidrBlock: "10.0.1.0/24", ipv6CidrBlockMask: 1 },
                            g: { zoneId: "cn-shanghai-g", cidrBlock: "10.0.2.0/24", ipv6CidrBlockMask: 2 },
                        },
                    },
                    opts,
                );
                const alb = new DualStackAlb(
                    "web",
                    {
                        vpc,
                        backends: {
                            a: {
                                instanceId: "i-1",
                                vSwitch: "e",
                                ipv4Address: pulumi.output("2408:4005::1"),
                                securityGroup: "sg",
                            },
                        },
                        securityGroups: { sg: "sg-1" },
                    },
                    opts,
                );
                return { dns: alb.dnsName };
            }),
            {},
        );
        assert.ok(!result.ok);
        assert.equal(result.errors[0].source, "topologies:alicloud:DualStackAlb 'web'");
        assert.deepEqual(
            result.errors[0].problems.map(p => p.path),
            ["backends.a.ipv4Address"],
        );
    });
});
