/**
 * The seven stacks, planned offline exactly as `topologies plan` plans them: their resource
 * counts, the tutorial numbers that reach the cloud, config errors with YAML key paths, and the
 * URN snapshot that guards upgrades.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runPlan, PlanResult } from "../cli/plan";
import { costItems } from "../cli/costs";
import { verifyFlows } from "../cli/flows";
import { listStacks, readStackConfig } from "../cli/stackConfig";
import { renderSvg, toDot } from "../cli/diagram";
import { px, readingProblems, regionSizes } from "./support/diagramChecks";
import { edgeCrosses, inside, parseSvg, SvgLayout } from "./support/svgLayout";
import * as program from "../stacks/program";
import { loadStackConfig } from "../stacks/config";
import { TopologyValidationError } from "../components/errors";
import { AUTONAMED } from "../components/naming";
import { world } from "./mocks";
import { policies } from "../policy/policies";
import { urnsOf, urnSnapshotDiff } from "./support/urns";

const STACKS_DIR = path.resolve(__dirname, "..", "stacks");
const SNAPSHOTS = path.join(__dirname, "snapshots", "urns");

function rawConfig(stack: string): Record<string, any> {
    return readStackConfig(STACKS_DIR, stack, "topologies").raw;
}

/** Plans of the stack files as they are, with what the engine recorded: several specs read one stack. */
const planned = new Map<
    string,
    { result: PlanResult; resources: typeof world.resources; calls: typeof world.calls; regions: Map<string, string> }
>();

/** Plans a stack (its config changed by `edit`), leaving what it registered in `world`. */
async function plan(stack: string, edit?: (raw: Record<string, any>) => void): Promise<PlanResult> {
    const cached = edit ? undefined : planned.get(stack);
    if (cached) {
        world.reset();
        world.resources.push(...cached.resources);
        world.calls.push(...cached.calls);
        for (const [k, v] of cached.regions) world.providerRegions.set(k, v);
        return cached.result;
    }
    const { raw, providerConfig } = readStackConfig(STACKS_DIR, stack, "topologies");
    edit?.(raw);
    const result = await runPlan(program, raw, stack, providerConfig);
    if (!edit)
        planned.set(stack, {
            result,
            resources: [...world.resources],
            calls: [...world.calls],
            regions: new Map(world.providerRegions),
        });
    return result;
}

/** What the policy pack reports on a planned stack, its resources given as a preview hands them over. */
function policyViolations(stack: string, result: PlanResult): string[] {
    if (!result.ok) return [];
    const urn = (key: string) => {
        const n = result.graph.byKey.get(key)!;
        return `urn:pulumi:${stack}::topologies::${n.type}::${n.name}`;
    };
    const resources = result.graph.nodes
        .filter(n => n.custom)
        .map(n => ({
            type: n.type,
            name: n.name,
            urn: urn(n.key),
            props: n.inputs as Record<string, any>,
            dependencies: [...n.references, ...n.dependsOn]
                .filter(k => result.graph.byKey.has(k))
                .map(k => ({ urn: urn(k) })),
        }));
    const found: string[] = [];
    for (const policy of policies) {
        if ("validateStack" in policy) {
            policy.validateStack({ resources, getConfig: () => ({}) } as never, (message: string) => {
                found.push(`${policy.name}: ${message}`);
            });
        }
    }
    return found;
}

/**
 * The physical names a cloud refuses twice in one account (or region): what Pulumi auto-names
 * (ECS clusters and services, log groups, ALBs, target groups, IAM roles, ACK clusters), ECS task
 * families (shared ones interleave revisions), ASM meshes, and DNS records (host, domain, type).
 */
function accountScopedNames(resources: typeof world.resources): string[] {
    const names: string[] = [];
    for (const r of resources) {
        const rule = AUTONAMED[r.type];
        if (rule && !["aws:ec2/securityGroup:SecurityGroup", "aws:iam/rolePolicy:RolePolicy"].includes(r.type))
            names.push(`${r.type} ${r.inputs[rule.property]}`);
        if (r.type === "aws:ecs/taskDefinition:TaskDefinition") names.push(`${r.type} ${r.inputs.family}`);
        if (r.type === "alicloud:servicemesh/serviceMesh:ServiceMesh")
            names.push(`${r.type} ${r.inputs.serviceMeshName}`);
        if (r.type === "alicloud:dns/alidnsRecord:AlidnsRecord")
            names.push(`${r.type} ${r.inputs.rr}.${r.inputs.domainName} ${r.inputs.type}`);
    }
    return names;
}

/** Auto-named resources of a plan by `type::logical name` → their physical name. */
function namedResources(resources: typeof world.resources): Map<string, string> {
    return new Map(
        resources
            .filter(r => AUTONAMED[r.type])
            .map(r => [`${r.type}::${r.name}`, r.inputs[AUTONAMED[r.type].property]]),
    );
}

function counts(result: PlanResult): Record<string, number> {
    assert.ok(result.ok, result.ok ? "" : JSON.stringify(result.errors, null, 2));
    const found: Record<string, number> = {};
    for (const node of result.graph.nodes) found[node.type] = (found[node.type] ?? 0) + 1;
    return found;
}

function pick(all: Record<string, number>, types: string[]): Record<string, number> {
    return Object.fromEntries(types.map(t => [t, all[t] ?? 0]));
}

/** Expected counts of the resources a reviewer checks by hand, per stack. */
const EXPECTED: Record<string, { total: number; counts: Record<string, number> }> = {
    "cross-region-alb": {
        total: 39,
        counts: {
            "alicloud:alb/loadBalancer:LoadBalancer": 1,
            "alicloud:alb/serverGroup:ServerGroup": 1,
            "alicloud:alb/listener:Listener": 1,
            "alicloud:cen/instance:Instance": 1,
            "alicloud:cen/transitRouter:TransitRouter": 2,
            "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": 2,
            "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": 1,
            "alicloud:vpc/routeEntry:RouteEntry": 3,
            "alicloud:ecs/instance:Instance": 1,
        },
    },
    "multi-eip": {
        // + the Cloud Assistant command and invocation that run the guest script (steps 4 and 6).
        total: 19,
        counts: {
            "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface": 1,
            "alicloud:ecs/eipAddress:EipAddress": 3,
            "alicloud:ecs/eipAssociation:EipAssociation": 3,
            "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment": 1,
        },
    },
    "dual-stack-alb": {
        total: 21,
        counts: {
            "alicloud:alb/loadBalancer:LoadBalancer": 1,
            "alicloud:vpc/ipv6Gateway:Ipv6Gateway": 1,
            "alicloud:ecs/instance:Instance": 2,
            "alicloud:dns/alidnsRecord:AlidnsRecord": 1,
            "alicloud:ecs/securityGroupRule:SecurityGroupRule": 6,
        },
    },
    "mesh-failover": {
        total: 0,
        counts: {
            "alicloud:cs/managedKubernetes:ManagedKubernetes": 2,
            "alicloud:cs/nodePool:NodePool": 2,
            "alicloud:servicemesh/serviceMesh:ServiceMesh": 1,
            "alicloud:cen/transitRouter:TransitRouter": 2,
            "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": 3,
            "kubernetes:istio.alibabacloud.com/v1beta1:IstioGateway": 1,
            "kubernetes:networking.istio.io/v1alpha3:DestinationRule": 4,
            "kubernetes:core/v1:NamespacePatch": 2,
            // Each VPC to the two others (6), each Pod CIDR in the two other VPCs (4), and each Pod
            // CIDR in its region's transit router (2): what the console adds and the API does not.
            "alicloud:vpc/routeEntry:RouteEntry": 10,
            "alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry": 2,
        },
    },
    fargate: {
        total: 40,
        counts: {
            "aws:ec2/vpcEndpoint:VpcEndpoint": 4,
            "aws:ec2/natGateway:NatGateway": 0,
            "aws:ecs/service:Service": 2,
            "aws:lb/targetGroup:TargetGroup": 1,
            "aws:lb/loadBalancer:LoadBalancer": 1,
        },
    },
    // dev pays its inter-region traffic by data transfer; prod buys a bandwidth package.
    dev: {
        total: 228,
        counts: {
            "alicloud:cen/instance:Instance": 1,
            "alicloud:cen/bandwidthPackage:BandwidthPackage": 0,
            "alicloud:cen/transitRouter:TransitRouter": 4,
            "aws:ec2/natGateway:NatGateway": 0,
        },
    },
    prod: {
        total: 245,
        counts: {
            "alicloud:cen/instance:Instance": 1,
            "alicloud:cen/bandwidthPackage:BandwidthPackage": 1,
            "alicloud:cen/transitRouter:TransitRouter": 4,
            "aws:ec2/natGateway:NatGateway": 3,
        },
    },
};

describe("stacks", function () {
    this.timeout(30_000);

    it("has a stack file for each tutorial and for dev and prod", () => {
        assert.deepEqual(listStacks(STACKS_DIR), Object.keys(EXPECTED).sort());
    });

    for (const [stack, expected] of Object.entries(EXPECTED)) {
        it(`plans ${stack} offline with the expected resources`, async () => {
            const result = await plan(stack);
            const found = counts(result);
            assert.deepEqual(pick(found, Object.keys(expected.counts)), expected.counts);
            // The pack runs on every preview in pull requests (mandatory): a shipped stack must pass it.
            assert.deepEqual(policyViolations(stack, result), []);
            if (expected.total)
                assert.equal(
                    Object.values(found).reduce((a, b) => a + b, 0),
                    expected.total,
                );
            // The traffic the stack exists for gets through, and the traffic it must block does not.
            const flows = await verifyFlows(world);
            assert.ok(flows.length > 0, "every shipped stack declares flows");
            assert.deepEqual(
                flows.filter(f => !f.ok).map(f => `${f.name}: ${f.break?.hop.detail ?? "open"}`),
                [],
            );
            urnSnapshotDiff(stack, urnsOf(world, stack), path.join(SNAPSHOTS, `${stack}.txt`));
        });
    }

    it("plans every stack into one account without two of them sharing a physical name the cloud keeps unique", async () => {
        const owner = new Map<string, string>();
        const clashes: string[] = [];
        for (const stack of Object.keys(EXPECTED)) {
            await plan(stack);
            for (const name of accountScopedNames(world.resources)) {
                const first = owner.get(name);
                if (first !== undefined && first !== stack) clashes.push(`${name}: ${first} and ${stack}`);
                owner.set(name, stack);
            }
        }
        assert.deepEqual(clashes, []);
        assert.ok(owner.size >= 30, `only ${owner.size} names checked`);
    });

    it("boots demo servers from the newest public image of a name (a fixed public image id gets retired)", async () => {
        await plan("cross-region-alb");
        const lookups = world.calls.filter(c => c.token === "alicloud:ecs/getImages:getImages");
        assert.deepEqual(
            lookups.map(c => [c.inputs.nameRegex, c.inputs.owners, c.inputs.mostRecent]),
            [["^aliyun_3_x64_20G_alibase_", "system", true]],
        );
        assert.equal(world.named("s1-demo-ecs1").inputs.imageId, "aliyun_3_x64_20G_alibase_20261115.vhd");
        assert.equal(world.named("s1-demo-ecs1").inputs.imageId, lookups[0].outputs!.images[0].id);
        assert.deepEqual(
            world.named("s1-demo-ecs1").ignoreChanges,
            ["imageId"],
            "a newer image must not re-image a running server",
        );
        // The S2 tutorial's guest steps need Alibaba Cloud Linux 2: the newest image of that name.
        await plan("multi-eip");
        assert.equal(world.named("s2-demo-sites").inputs.imageId, "aliyun_2_1903_x64_20G_alibase_20260810.vhd");
    });

    it("says in the outputs which name clients use for each ALB: the CNAME, or that one is missing", async () => {
        const dev = await plan("dev");
        assert.ok(dev.ok);
        assert.deepEqual(
            [dev.outputs.s1Endpoint, dev.outputs.s3Endpoint],
            ["app.dev.example.com", "www.dev.example.com"],
        );
        const tutorial = await plan("cross-region-alb");
        assert.ok(tutorial.ok);
        assert.match(
            String(tutorial.outputs.s1Endpoint),
            /^none: set dns \(an ALB created since 2025 does not answer on its own DNS name/,
        );
    });

    it("lists every stack's subscriptions and what destroy leaves, each naming a resource the stack plans", async () => {
        const expected: Record<string, string[]> = {
            "cross-region-alb": ["s1-cen-bwp-china-china: subscription, left-behind"],
            "mesh-failover": ["s4-mesh-cen-bwp-china-china: subscription, left-behind"],
            "dual-stack-alb": [],
            "multi-eip": [],
            fargate: [],
            dev: [],
            prod: [
                "s1-alb-net: left-behind",
                "s1-backend-net: left-behind",
                "s4-hangzhou-net: left-behind",
                "s4-shanghai-net: left-behind",
                "s4-mesh-net: left-behind",
                "env-cen: left-behind",
                "env-cen-bwp-china-china: subscription, left-behind",
                "s1: left-behind",
                "s2-net: left-behind",
                "s3-net: left-behind",
                "s4-hangzhou: left-behind",
                "s4-hangzhou-cluster: left-behind",
                "s4-shanghai: left-behind",
                "s4-shanghai-cluster: left-behind",
                "s4-mesh: left-behind",
            ],
        };
        for (const [stack, items] of Object.entries(expected)) {
            await plan(stack);
            const costs = costItems(world.resources);
            assert.deepEqual(
                costs.map(c => `${c.name}: ${c.kinds.join(", ")}`),
                items,
                stack,
            );
            for (const c of costs)
                assert.ok(
                    world.resources.some(r => r.name === c.name && r.type === c.type),
                    `${stack}: ${c.name}`,
                );
        }
        // The subscriptions say what they cost and that they outlive destroy.
        await plan("prod");
        const bwp = costItems(world.resources).find(c => c.name === "env-cen-bwp-china-china")!;
        assert.equal(
            bwp.drivers,
            "120 Mbit/s between China and China, paid for 6 month(s) ahead, renewed automatically" +
                " (period and auto-renew apply when the package is bought; change a deployed one in the console)",
        );
        assert.match(bwp.destroy, /only removes it from the state/);
    });

    it("gives every named S5 resource a new name when it is replaced, so create-before-delete never meets its old self", async () => {
        await plan("fargate");
        const before = namedResources(world.resources);
        assert.ok(before.size >= 9, [...before.keys()].join(", "));
        world.namingSeed = "a replacement's check";
        try {
            await plan("fargate", () => undefined);
        } finally {
            world.namingSeed = "";
        }
        const after = namedResources(world.resources);
        for (const [key, name] of before)
            assert.notEqual(after.get(key), name, `${key} keeps '${name}' on replacement`);
    });

    it("cross-region-alb reproduces the tutorial: regions, blocks, port and the route to 192.168.7.0/24", async () => {
        counts(await plan("cross-region-alb"));
        const vsw = world
            .ofType("vpc/switch:Switch")
            .map(r => [world.regionOf(r), r.inputs.zoneId, r.inputs.cidrBlock]);
        assert.deepEqual(vsw, [
            ["cn-chengdu", "cn-chengdu-a", "172.16.0.0/24"],
            ["cn-chengdu", "cn-chengdu-b", "172.16.6.0/24"],
            ["cn-hangzhou", "cn-hangzhou-h", "192.168.8.0/24"],
            ["cn-hangzhou", "cn-hangzhou-i", "192.168.7.0/24"],
        ]);
        const albVpcRoutes = world.ofType("vpc/routeEntry:RouteEntry").filter(r => world.regionOf(r) === "cn-chengdu");
        assert.deepEqual(
            albVpcRoutes.map(r => r.inputs.destinationCidrblock),
            ["192.168.7.0/24"],
        );
        assert.deepEqual(
            world.ofType("alb/listener:Listener").map(r => [r.inputs.listenerProtocol, r.inputs.listenerPort]),
            [["HTTP", 80]],
        );
        const servers = world.ofType("alb/serverGroup:ServerGroup")[0].inputs.servers;
        assert.deepEqual(
            servers.map((s: any) => [s.serverType, s.port, s.remoteIpEnabled]),
            [["Ip", 80, true]],
        );
        assert.ok(servers[0].serverIp.startsWith("192.168.7."), "ECS1 sits in VSW4");
    });

    it("mesh-failover reproduces the tutorial's failover settings on reviews", async () => {
        counts(await plan("mesh-failover"));
        const reviews = world
            .ofType("kubernetes:networking.istio.io/v1alpha3:DestinationRule")
            .find(r => r.inputs.spec.host.startsWith("reviews"))!;
        assert.deepEqual(reviews.inputs.spec.trafficPolicy.outlierDetection, {
            consecutive5xxErrors: 1,
            interval: "1s",
            baseEjectionTime: "1m",
        });
        assert.deepEqual(reviews.inputs.spec.trafficPolicy.loadBalancer.localityLbSetting.failover, [
            { from: "cn-shanghai", to: "cn-hangzhou" },
            { from: "cn-hangzhou", to: "cn-shanghai" },
        ]);
    });

    it("dev shares one CEN between S1 and S4, and prod protects what is slow to rebuild", async () => {
        counts(await plan("dev"));
        const attachments = world.ofType("cen/transitRouterVpcAttachment:TransitRouterVpcAttachment");
        assert.equal(new Set(attachments.map(a => a.inputs.cenId)).size, 1);
        assert.equal(attachments.length, 5);
        assert.ok(
            world.ofType("cs/managedKubernetes:ManagedKubernetes").every(c => c.inputs.deletionProtection === false),
        );
        // The mesh writes its routes into the shared CEN and waits for them before adding clusters.
        const meshRoutes = world
            .ofType("vpc/routeEntry:RouteEntry")
            .filter(r => r.parent === "s4-mesh")
            .map(r => r.name);
        assert.ok(meshRoutes.length >= 6, meshRoutes.join(", "));
        const mesh = world.ofType("servicemesh/serviceMesh:ServiceMesh")[0];
        for (const route of meshRoutes) assert.ok(mesh.dependsOn.includes(route), `the mesh waits for ${route}`);

        counts(await plan("prod"));
        assert.ok(
            world.ofType("cs/managedKubernetes:ManagedKubernetes").every(c => c.inputs.deletionProtection === true),
        );
        const services = world.ofType("ecs/service:Service");
        assert.ok(services.every(s => s.inputs.networkConfiguration.assignPublicIp === false));
    });

    it("keeps secrets secret: the mesh kubeconfigs are secret outputs", async () => {
        const result = await plan("mesh-failover");
        assert.ok(result.ok);
        assert.equal(result.outputs.s4MeshKubeconfig, "[secret]");
        assert.equal(result.outputs.s4Kubeconfigs, "[secret]");
    });

    describe("diagrams, read back from the SVG", () => {
        const pictures = new Map<string, { svg: string; layout: SvgLayout }>();
        /** The stack's diagram as `topologies plan` writes it, rendered once per stack. */
        async function picture(stack: string) {
            const cached = pictures.get(stack);
            if (cached) return cached;
            const result = await plan(stack);
            assert.ok(result.ok);
            const svg = await renderSvg(toDot(result.graph, `stack ${stack}`));
            const drawn = { svg, layout: parseSvg(svg) };
            pictures.set(stack, drawn);
            return drawn;
        }
        const cluster = (layout: SvgLayout, id: string) => {
            const found = layout.clusters.get(id);
            assert.ok(found, `no cluster ${id}`);
            return found;
        };

        it("draws the stack's regions and main resources", async () => {
            const texts = (await picture("cross-region-alb")).layout.texts.map(t => t.text);
            for (const text of [
                "region cn-chengdu",
                "region cn-hangzhou",
                "VPC s1-alb-net-vpc  172.16.0.0/12",
                "192.168.0.0/16",
                "TransitRouter",
                "LoadBalancer",
                "s1-demo-ecs1",
                // The peering names both of its ends.
                "cn-chengdu ↔ cn-hangzhou",
            ]) {
                assert.ok(
                    texts.some(t => t.includes(text)),
                    `diagram lacks '${text}'`,
                );
            }
        });

        it("every stack reads at a glance: no text over a title, a label or a line, every label inside its box", async function () {
            this.timeout(30_000);
            for (const stack of listStacks(STACKS_DIR)) {
                assert.deepEqual(readingProblems((await picture(stack)).layout), [], stack);
            }
        });

        it("S5: the ALB in each public subnet, every task in a private one, subnets by zone and tier, gateways on the edge", async () => {
            const { layout } = await picture("fargate");
            const vpc = cluster(layout, "cluster_aws:ec2/vpc:Vpc::s5-network-vpc");
            const subnet = (name: string) => cluster(layout, `cluster_aws:ec2/subnet:Subnet::s5-network-klein-${name}`);
            const zone = (az: string) => cluster(layout, `cluster_zone_aws:ec2/vpc:Vpc::s5-network-vpc_${az}`);
            const nodes = [...layout.nodes];
            const tasks = nodes.filter(([id]) => id.startsWith("aws:ecs/service:Service::"));
            assert.equal(tasks.length, 4, "two services, each with tasks in both private subnets");
            for (const [id, box] of tasks) {
                assert.ok(
                    ["private-1a", "private-1c"].some(s => inside(box, subnet(s))),
                    `${id} is not inside a private subnet box`,
                );
            }
            for (const s of ["public-1a", "public-1c"]) {
                assert.ok(
                    inside(
                        layout.nodes.get(
                            `aws:lb/loadBalancer:LoadBalancer::s5-alb@aws:ec2/subnet:Subnet::s5-network-klein-${s}`,
                        )!,
                        subnet(s),
                    ),
                    `the ALB has a node in ${s}`,
                );
            }
            for (const [az, suffix] of [
                ["ap-northeast-1a", "1a"],
                ["ap-northeast-1c", "1c"],
            ]) {
                assert.ok(
                    inside(subnet(`public-${suffix}`), zone(az)) && inside(subnet(`private-${suffix}`), zone(az)),
                );
                assert.ok(subnet(`public-${suffix}`).y1 < subnet(`private-${suffix}`).y0, "public above private");
            }
            assert.equal(subnet("public-1a").y0, subnet("public-1c").y0, "one row per tier");
            const texts = layout.texts.map(t => t.text);
            assert.ok(texts.includes("10.1.0.0/24 · public subnet") && texts.includes("10.1.3.0/24 · private subnet"));
            // The internet gateway on the top border; the endpoints (the tasks' way to ECR, S3, logs) on the bottom one.
            const igw = layout.nodes.get("aws:ec2/internetGateway:InternetGateway::s5-network-igw")!;
            assert.ok(igw.y0 < vpc.y0 && vpc.y0 < igw.y1, "the internet gateway sits on the VPC's border");
            const endpoints = nodes.filter(([id]) => id.startsWith("aws:ec2/vpcEndpoint:VpcEndpoint::"));
            assert.equal(endpoints.length, 4);
            for (const [id, box] of endpoints)
                assert.ok(box.y0 < vpc.y1 && vpc.y1 < box.y1, `${id} sits on the VPC's border`);
        });

        it("dev and prod: a grid of regions, each fitting a screen, peerings in the band naming both ends and crossing no VPC", async function () {
            this.timeout(20_000);
            // A screen's drawing area: 1,920 × 1,000 px. Before, dev was 2,288 × 6,343 px and prod 2,548 × 7,417 px.
            const MAX_REGION = { w: 1920, h: 1000 };
            const MAX_WHOLE = { w: 2900, h: 3200 };
            for (const stack of ["dev", "prod"]) {
                const { layout } = await picture(stack);
                const whole = { w: px(layout.width), h: px(layout.height) };
                assert.ok(whole.w <= MAX_WHOLE.w && whole.h <= MAX_WHOLE.h, `${stack}: ${whole.w} × ${whole.h} px`);
                const regions = regionSizes(layout);
                assert.equal(regions.size, 5);
                for (const [region, size] of regions)
                    assert.ok(
                        size.w <= MAX_REGION.w && size.h <= MAX_REGION.h,
                        `${stack} ${region}: ${size.w} × ${size.h} px`,
                    );
                const texts = layout.texts.map(t => t.text);
                for (const [a, b] of [
                    ["cn-chengdu", "cn-beijing"],
                    ["cn-chengdu", "cn-hangzhou"],
                    ["cn-chengdu", "cn-shanghai"],
                    ["cn-beijing", "cn-hangzhou"],
                    ["cn-beijing", "cn-shanghai"],
                    ["cn-hangzhou", "cn-shanghai"],
                ])
                    assert.ok(texts.includes(`${a} ↔ ${b}`), `${stack}: no peering ${a} ↔ ${b}`);
                const vpcs = [...layout.clusters].filter(
                    ([id]) => /vpc\/network:Network|ec2\/vpc:Vpc/.test(id) && !id.startsWith("cluster_zone_"),
                );
                const peerings = layout.edges.filter(e => e.title.startsWith("peering::"));
                assert.equal(peerings.length, 12, "two lines per peering");
                for (const e of peerings)
                    for (const [id, box] of vpcs) assert.ok(!edgeCrosses(e, box), `${e.title} crosses ${id}`);
            }
        });
    });

    describe("rejects bad config with the YAML key path, the value and a fix", () => {
        /** The plan's problems; config-level ones must come before anything is registered. */
        async function problems(stack: string, edit: (raw: Record<string, any>) => void, configLevel = true) {
            const result = await plan(stack, edit);
            assert.ok(!result.ok, "expected the plan to fail");
            if (configLevel) assert.equal(world.resources.length, 0, "nothing may be registered");
            return result.errors.flatMap(e => e.problems);
        }

        it("names that are Object's own (constructor, toString), which are not keys the file gave", async () => {
            const found = await problems("multi-eip", raw => {
                raw.multiEip.servers.instances.sites.vSwitch = "constructor";
                raw.multiEip.server = "toString";
            });
            assert.deepEqual(
                found.map(p => p.path),
                ["topologies:multiEip.servers.instances.sites.vSwitch", "topologies:multiEip.server"],
            );
            assert.match(found[0].message, /vSwitch 'constructor' is not a vSwitch of vpc/);
        });

        it("blank, padded or control-character names and ids, which used to plan with exit 0", async () => {
            const found = await problems("multi-eip", raw => {
                raw.multiEip.vpc.vpcName = "\u0000";
                raw.multiEip.servers.imageId = "";
                raw.multiEip.vpc.cidrBlock = ` ${raw.multiEip.vpc.cidrBlock}`;
            });
            assert.deepEqual(
                found.map(p => [p.path, p.message]),
                [
                    [
                        "topologies:multiEip.vpc.cidrBlock",
                        `" ${rawConfig("multi-eip").multiEip.vpc.cidrBlock}": has leading or trailing blanks.`,
                    ],
                    ["topologies:multiEip.vpc.vpcName", '"\\u0000": contains a control character.'],
                    ["topologies:multiEip.servers.imageId", '"": is empty.'],
                ],
            );
        });

        it("an overlapping CIDR across topologies", async () => {
            const found = await problems("dev", raw => {
                raw.fargate.network.cidrBlock = "10.12.0.0/16";
            });
            assert.deepEqual(
                found.map(p => [p.path, p.message]),
                [["topologies:fargate.network.cidrBlock", "S5 AWS VPC 10.12.0.0/16 overlaps S2 VPC 10.12.0.0/16."]],
            );
        });

        it("an unknown region, with a suggestion, under the section's key", async () => {
            const found = await problems("cross-region-alb", raw => {
                raw.crossRegionAlb.albVpc.vSwitches.vsw2.zoneId = "cn-hangzhou-b";
                raw.crossRegionAlb.backendVpc.region = "cn-hangzou";
            });
            assert.ok(
                found.some(p => p.path === "topologies:crossRegionAlb.albVpc.vSwitches.vsw2.zoneId"),
                "every VPC of the stack is checked at once",
            );
            assert.ok(
                found.some(
                    p =>
                        p.path === "topologies:crossRegionAlb.backendVpc.region" &&
                        /did you mean 'cn-hangzhou'/i.test(p.fix ?? ""),
                ),
                JSON.stringify(found),
            );
        });

        it("a missing key, an unknown key and a wrong type, all at once", async () => {
            const found = await problems("fargate", raw => {
                delete raw.fargate.region;
                raw.fargate.contianer = raw.fargate.container;
                raw.fargate.cpu = "256";
            });
            assert.deepEqual(found.map(p => p.path).sort(), [
                "topologies:fargate.contianer",
                "topologies:fargate.cpu",
                "topologies:fargate.region",
            ]);
            const unknown = found.find(p => p.path === "topologies:fargate.contianer")!;
            assert.match(unknown.fix!, /Did you mean 'container'\?/);
            assert.match(found.find(p => p.path === "topologies:fargate.region")!.message, /is required/);
            assert.match(found.find(p => p.path === "topologies:fargate.cpu")!.message, /expected number, got "256"/);
        });

        it("a server on a vSwitch its VPC lacks, and an IPv6 backend without IPv6", async () => {
            const found = await problems("dual-stack-alb", raw => {
                raw.dualStackAlb.servers.instances.ecs01.vSwitch = "vsw9";
                delete raw.dualStackAlb.servers.instances.ecs02.ipv6;
            });
            assert.deepEqual(
                found.map(p => p.path),
                [
                    "topologies:dualStackAlb.servers.instances.ecs01.vSwitch",
                    "topologies:dualStackAlb.backends.ecs02.family",
                ],
            );
        });

        it("a stack that builds nothing", () => {
            assert.throws(
                () => loadStackConfig({ environment: "dev" }),
                (e: TopologyValidationError) =>
                    e.problems.length === 1 && /builds no topology/.test(e.problems[0].message),
            );
        });

        it("S1's keys of 0.1, at the key, with what to write instead", async () => {
            const found = await problems("cross-region-alb", raw => {
                raw.crossRegionAlb.loadBalancerEdition = "Basic";
                raw.crossRegionAlb.listenerPort = 8080;
            });
            assert.deepEqual(
                found.map(p => [p.path, p.message, p.fix]),
                [
                    [
                        "topologies:crossRegionAlb.loadBalancerEdition",
                        '"Basic": loadBalancerEdition was renamed to edition.',
                        "Write edition: Standard instead.",
                    ],
                    [
                        "topologies:crossRegionAlb.listenerPort",
                        "8080: listenerPort moved into listener.",
                        "Write listener: { port: 80 } instead.",
                    ],
                ],
            );
        });

        it("an input the program renames or derives, at the key the user wrote", async () => {
            const paths = async (stack: string, edit: (raw: Record<string, any>) => void) =>
                (await problems(stack, edit, false)).map(p => p.path);
            assert.deepEqual(
                await paths("multi-eip", raw => {
                    raw.multiEip.servers.instanceType = "ecs.nope";
                }),
                ["topologies:multiEip.servers.instanceType"],
            );
            assert.deepEqual(
                await paths("cross-region-alb", raw => {
                    raw.crossRegionAlb.weight = 500;
                }),
                ["topologies:crossRegionAlb.weight"],
            );
            assert.deepEqual(
                await paths("mesh-failover", raw => {
                    raw.meshFailover.mesh.peerBandwidthMbps = 0;
                }),
                ["topologies:meshFailover.mesh.peerBandwidthMbps"],
            );
            assert.deepEqual(
                await paths("mesh-failover", raw => {
                    raw.meshFailover.reviewsVersions["ack-hangzhou"] = ["v1", "v1"];
                }),
                ["topologies:meshFailover.reviewsVersions.ack-hangzhou[1]"],
            );
        });

        it("a component's own rule, reported under the config key it came from", async () => {
            const found = await problems(
                "multi-eip",
                raw => {
                    raw.multiEip.privateIps = ["172.16.0.253"];
                },
                false,
            );
            assert.ok(
                found.some(p => p.path.startsWith("topologies:multiEip.privateIps") && /253/.test(p.message)),
                JSON.stringify(found),
            );
        });
    });

    it("holds every registration back until the whole stack was checked: a rejected stack registers nothing", async () => {
        const result = await plan("dev", raw => {
            raw.fargate.cpu = 300;
            raw.crossRegionAlb.backendPort = 70000;
        });
        assert.ok(!result.ok);
        assert.deepEqual(
            result.errors
                .flatMap(e => e.problems.map(p => p.path))
                .filter(p => /backendPort|cpu/.test(p))
                .sort(),
            ["topologies:crossRegionAlb.backendPort", "topologies:fargate.cpu"],
        );
        // Every section between the first rejected one and the last was constructed (the recorder
        // saw it: servers, ENI, both ALBs, the ACK clusters, the mesh), but nothing reached the
        // engine, now or a moment later.
        for (const type of [
            "ecs/instance:Instance",
            "ecs/eipAddress:EipAddress",
            "alb/loadBalancer:LoadBalancer",
            "cs/managedKubernetes:ManagedKubernetes",
            "servicemesh/serviceMesh:ServiceMesh",
        ]) {
            assert.ok(world.ofType(type).length > 0, `a ${type} was constructed`);
        }
        await new Promise(resolve => setTimeout(resolve, 200));
        assert.deepEqual(
            world.resources.filter(r => r.registered).map(r => `${r.type}::${r.name}`),
            [],
        );
    });

    it("checks the URN snapshot helper itself: a rename without an alias fails, with one it passes", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "urns-"));
        const file = path.join(dir, "x.txt");
        fs.writeFileSync(file, "urn:pulumi:x::topologies::t:a:B::old\n");
        world.reset();
        const entry = world.entry("t:a:B", "new");
        entry.custom = true;
        assert.throws(
            () => urnSnapshotDiff("x", urnsOf(world, "x"), file),
            /would be replaced.*urn:pulumi:x::topologies::t:a:B::old/s,
        );
        entry.aliases = [{ name: "old" }];
        assert.throws(() => urnSnapshotDiff("x", urnsOf(world, "x"), file), /new resources/);
        fs.writeFileSync(file, "urn:pulumi:x::topologies::t:a:B::old\nurn:pulumi:x::topologies::t:a:B::new\n");
        urnSnapshotDiff("x", urnsOf(world, "x"), file);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
