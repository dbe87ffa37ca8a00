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
import { parentWarnings } from "../cli/warnings";
import { px, readingProblems, regionSizes } from "./support/diagramChecks";
import { edgeCrosses, inside, parseSvg, SvgLayout } from "./support/svgLayout";
import * as program from "../stacks/program";
import { loadStackConfig } from "../stacks/config";
import { TopologyValidationError } from "../components/errors";
import { AUTONAMED } from "../components/naming";
import { world } from "./mocks";
import { planPolicyViolations } from "./support/planPolicy";
import { urnsOf, urnSnapshotDiff } from "./support/urns";
import { PROTECTED, STATELESS, sdkProtects } from "./support/prodProtection";

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
        total: 20,
        counts: {
            "alicloud:alb/loadBalancer:LoadBalancer": 1,
            "alicloud:vpc/ipv6Gateway:Ipv6Gateway": 1,
            "alicloud:ecs/instance:Instance": 2,
            "alicloud:dns/alidnsRecord:AlidnsRecord": 1,
            // The ALB vSwitches' blocks and /64s, and ICMPv6: no rule from all of 100.64.0.0/10.
            "alicloud:ecs/securityGroupRule:SecurityGroupRule": 5,
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
            // The mesh-wide mutual TLS policy (mtls: STRICT in the stack file).
            "kubernetes:security.istio.io/v1:PeerAuthentication": 1,
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
        // + the mesh-wide PeerAuthentication (ServiceMesh's default mtls, STRICT).
        // + S2 at scale: 8 addresses over 2 secondary ENIs (was 2 on one): 1 ENI, 1 attachment, 6 EIPs, 6 associations.
        // + S3's ACL, its two entries and its attachment to the listener.
        // + an IPv6 block on S3's allow list (the ALB is dual-stack).
        total: 247,
        counts: {
            "kubernetes:security.istio.io/v1:PeerAuthentication": 1,
            "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface": 2,
            "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment": 2,
            "alicloud:ecs/eipAssociation:EipAssociation": 8,
            "alicloud:cen/instance:Instance": 1,
            "alicloud:cen/bandwidthPackage:BandwidthPackage": 0,
            "alicloud:cen/transitRouter:TransitRouter": 4,
            "aws:ec2/natGateway:NatGateway": 0,
        },
    },
    prod: {
        // + S1's and S3's HTTP listeners redirecting to HTTPS with their rules, S5's HTTPS listener and its rule on 443;
        // − S3's rule admitting all of 100.64.0.0/10 (its ALB's vSwitch blocks instead);
        // + S5's capacity providers, its service's scalable target and CPU policy;
        // + S5's ECS Exec policy on the task role (NAT egress: no ssmmessages endpoint);
        // + the mesh-wide PeerAuthentication (mtls: STRICT).
        // + S2's Internet Shared Bandwidth instance and its 3 EIPs' attachments to it.
        // + S1's second backend region, cn-shenzhen: its VPC, 2 vSwitches, demo servers and group, transit router,
        //   attachment, 4 connections (then a full mesh), server group, routes, rules and the weighted rule.
        // + S5's task role policy for the OpenTelemetry collector sidecar (the sidecar itself is in the task definition).
        // + S5's api service on /api/*: the service, its target group and its rule on HTTPS.
        // + S3's api server group and its rule, the access logs' project (its name's random suffix) and logstore.
        // + S5's edge: the ACM certificate, its validation record and CertificateValidation, the
        //   alias record, the access log bucket with its public access block, ownership,
        //   encryption, lifecycle and policy.
        // - 7 of the full mesh's 10 connections, each with its two route table associations and
        //   propagations: the shared CEN lists the 3 connections its traffic crosses.
        total: 284,
        counts: {
            "kubernetes:security.istio.io/v1:PeerAuthentication": 1,
            "alicloud:cen/instance:Instance": 1,
            "alicloud:cen/bandwidthPackage:BandwidthPackage": 1,
            "alicloud:cen/transitRouter:TransitRouter": 5,
            "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": 3,
            "alicloud:alb/serverGroup:ServerGroup": 4,
            "aws:ec2/natGateway:NatGateway": 3,
            "alicloud:alb/listener:Listener": 4,
            "alicloud:vpc/commonBandwithPackage:CommonBandwithPackage": 1,
            "alicloud:vpc/commonBandwithPackageAttachment:CommonBandwithPackageAttachment": 3,
            // S1's and S3's redirects, S1's weighted rule, S3's rule to its api group.
            "alicloud:alb/rule:Rule": 4,
            "alicloud:log/project:Project": 1,
            "aws:lb/listener:Listener": 2,
            "aws:lb/listenerRule:ListenerRule": 1,
            "aws:lb/targetGroup:TargetGroup": 2,
            "aws:ecs/service:Service": 2,
            "aws:route53/record:Record": 2,
            "aws:acm/certificate:Certificate": 1,
            "aws:s3/bucket:Bucket": 1,
        },
    },
};

describe("stacks", function () {
    this.timeout(30_000);

    it("has a stack file for each tutorial and for dev and prod", () => {
        assert.deepEqual(listStacks(STACKS_DIR), Object.keys(EXPECTED).sort());
    });

    it("the pack exempts the shipped world-open ports only through what makes them public", async () => {
        // The ALB's group may open its listener port, the sites' group the ports of their EIPs: take
        // away the load balancer or the EIP associations, and the same rules fail, whether the ids
        // are known (an update) or not (a first preview, where the pack follows URNs).
        const cases = [
            ["fargate", "aws:lb/loadBalancer:LoadBalancer", "s5-alb-in-80-0-0-0-0-0 opens port 80"],
            ["multi-eip", "alicloud:ecs/eipAssociation:EipAssociation", "s2-demo-sg-public-80 opens port 80"],
        ];
        for (const [stack, type, rule] of cases) {
            const result = await plan(stack);
            for (const firstPreview of [false, true]) {
                const found = planPolicyViolations(stack, result, { firstPreview, without: t => t === type });
                assert.deepEqual(
                    found.map(v => v.replace(/ to 0\.0\.0\.0\/0.*/, "")),
                    [`no-world-ingress-except-listeners: ${rule}`],
                );
            }
        }
    });

    for (const [stack, expected] of Object.entries(EXPECTED)) {
        it(`plans ${stack} offline with the expected resources`, async () => {
            const result = await plan(stack);
            const found = counts(result);
            assert.deepEqual(pick(found, Object.keys(expected.counts)), expected.counts);
            // The pack runs on every preview in pull requests (mandatory): a shipped stack must pass it,
            // on an update (ids known) and on its first preview (every id unknown, followed by URN).
            assert.deepEqual(planPolicyViolations(stack, result), []);
            assert.deepEqual(planPolicyViolations(stack, result, { firstPreview: true }), []);
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
            // The stack program passes its options everywhere: the forgotten-parent rules stay silent.
            assert.deepEqual(parentWarnings(world), []);
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

    it("refuses an image name no public image has, at its key, when the lookup answers (not as a failure of the plan)", async () => {
        const result = await plan("multi-eip", raw => {
            raw.multiEip.servers.imageNameRegex = "^no_such_image_";
        });
        assert.ok(!result.ok);
        const problems = result.errors.flatMap(e => e.problems);
        assert.deepEqual(
            problems.map(p => p.path),
            ["topologies:multiEip.servers.imageNameRegex"],
        );
        assert.match(problems[0].message, /no public image named like '\^no_such_image_' runs on /);
        assert.match(problems[0].fix!, /pin one with imageId/);
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
            // One line per top-level component holding protected resources, one per resource the cloud protects.
            prod: [
                "s1-alb-net: left-behind",
                "s1-backend-net: left-behind",
                "s1-shenzhen-net: left-behind",
                "s4-hangzhou-net: left-behind",
                "s4-shanghai-net: left-behind",
                "s4-mesh-net: left-behind",
                "env-cen: left-behind",
                "env-cen-bwp-china-china: subscription, left-behind",
                "s1-demo: left-behind",
                "s1-demo-app1: left-behind",
                "s1-demo-app2: left-behind",
                "s1-shenzhen-demo: left-behind",
                "s1-shenzhen-demo-app3: left-behind",
                "s1-shenzhen-demo-app4: left-behind",
                "s1: left-behind",
                "s1-alb: left-behind",
                "s2-net: left-behind",
                "s2-demo: left-behind",
                "s2-demo-sites: left-behind",
                "s2: left-behind",
                "s2-bandwidth: left-behind",
                "s2-eip-1: left-behind",
                "s2-eip-2: left-behind",
                "s2-eip-3: left-behind",
                "s3-net: left-behind",
                "s3-demo: left-behind",
                "s3-demo-web4a: left-behind",
                "s3-demo-web4b: left-behind",
                "s3-demo-web6a: left-behind",
                "s3-demo-web6b: left-behind",
                "s3: left-behind",
                "s3-alb: left-behind",
                "s4-hangzhou: left-behind",
                "s4-hangzhou-cluster: left-behind",
                "s4-shanghai: left-behind",
                "s4-shanghai-cluster: left-behind",
                "s4-mesh: left-behind",
                "s5: left-behind",
                "s5-logs: left-behind",
                "s5-certificate-validation-web.example.com: left-behind",
                "s5-access-logs: left-behind",
                "s5-alb: left-behind",
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
            "60 Mbit/s between China and China, paid for 6 month(s) ahead, renewed automatically" +
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

    it("mesh-failover and prod apply STRICT mutual TLS mesh-wide, to the ASM control plane", async () => {
        for (const stack of ["mesh-failover", "prod"]) {
            counts(await plan(stack));
            const [policy] = world.ofType("kubernetes:security.istio.io/v1:PeerAuthentication");
            assert.deepEqual(policy.inputs.metadata, { name: "default", namespace: "istio-system" }, stack);
            assert.deepEqual(policy.inputs.spec, { mtls: { mode: "STRICT" } }, stack);
            assert.equal(policy.provider, "s4-mesh-k8s", stack);
        }
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

    it("makes the shared CEN's connections the stack file lists, refusing one that a topology's traffic needs and lacks", async () => {
        await plan("prod");
        assert.deepEqual(
            world
                .ofType("cen/transitRouterPeerAttachment:TransitRouterPeerAttachment")
                .map(p => [p.name, p.inputs.bandwidth, p.inputs.bandwidthType])
                .sort(),
            [
                ["env-cen-peer-cn-chengdu-cn-beijing", 20, "BandwidthPackage"],
                ["env-cen-peer-cn-chengdu-cn-shenzhen", 20, "BandwidthPackage"],
                ["env-cen-peer-cn-hangzhou-cn-shanghai", 20, "BandwidthPackage"],
            ],
        );
        const problemsOf = async (peerings: unknown[]) => {
            const refused = await plan("prod", raw => {
                raw.network.peerings = peerings;
            });
            assert.ok(!refused.ok, "expected the plan to fail");
            return refused.errors.flatMap(e => e.problems).map(p => [p.path, p.message]);
        };
        const chengduBeijing = { regions: ["cn-chengdu", "cn-beijing"], bandwidthMbps: 20 };
        const hangzhouShanghai = { regions: ["cn-hangzhou", "cn-shanghai"], bandwidthMbps: 20 };
        assert.deepEqual(
            await problemsOf([
                chengduBeijing,
                { regions: ["cn-chengdu", "cn-shenzhen"], bandwidthMbps: 20 },
                { regions: ["cn-hangzhou", "cn-wuhan"], bandwidthMbps: 20 },
            ]),
            [["topologies:network.peerings[2].regions[1]", "region 'cn-wuhan' has no member VPC."]],
        );
        assert.deepEqual(await problemsOf([chengduBeijing, hangzhouShanghai]), [
            [
                "topologies:crossRegionAlb.cen",
                "the joined network has no inter-region connection between cn-chengdu and cn-shenzhen.",
            ],
        ]);
    });

    it("prod protects every stateful or expensive resource, and turns on the cloud's deletion protection, resource by resource", async () => {
        counts(await plan("prod"));
        const unjudged = new Set<string>();
        const wrong: string[] = [];
        for (const r of world.resources.filter(r => r.custom)) {
            const expected = PROTECTED[r.type];
            if (!expected && !STATELESS.has(r.type)) {
                unjudged.add(r.type);
                continue;
            }
            // What the SDK settled (own or inherited protect), the value the engine is sent.
            const protectedNow = sdkProtects(r.resource);
            if (protectedNow !== (expected !== undefined))
                wrong.push(`${r.name} (${r.type}): protect ${protectedNow}, expected ${expected !== undefined}`);
            for (const [input, value] of Object.entries(expected?.cloud ?? {})) {
                if (r.inputs[input] !== value)
                    wrong.push(`${r.name} (${r.type}): ${input} ${r.inputs[input]}, expected ${value}`);
            }
        }
        assert.deepEqual(
            [...unjudged],
            [],
            "a resource type in prod is in neither the protected nor the stateless list: judge it in tests/support/prodProtection.ts",
        );
        assert.deepEqual(wrong, []);
        // Nothing protects a whole component: its listeners and task definitions would inherit it and refuse replacement.
        assert.deepEqual(
            world.resources.filter(r => !r.custom && sdkProtects(r.resource)).map(r => r.name),
            [],
        );
        // The brief's list, by name: the EIPs, the S3 ALB and its record, the instances, the whole AWS side.
        const named = (n: string) => sdkProtects(world.named(n).resource);
        for (const n of ["s2-eip-1", "s3-alb", "s3-cname", "s1-demo-app1", "s3-demo-web6b", "s5-network-vpc", "s5-alb"])
            assert.ok(named(n), n);
        for (const n of ["s5-network-nat-ap-northeast-1a", "s5-network-nat-ap-northeast-1a-eip", "s5-web", "s5-logs"])
            assert.ok(named(n), n);
        // dev protects nothing, and turns no deletion protection on.
        await plan("dev");
        assert.deepEqual(
            world.resources.filter(r => sdkProtects(r.resource)).map(r => r.name),
            [],
        );
        assert.ok(
            world.ofType("alb/loadBalancer:LoadBalancer").every(r => r.inputs.deletionProtectionEnabled === false),
        );
    });

    it("prod turns on S5's Container Insights (enhanced) and ECS Exec, with the task role's exec policy", async () => {
        await plan("prod");
        assert.deepEqual(world.named("s5-cluster").inputs.settings, [{ name: "containerInsights", value: "enhanced" }]);
        assert.equal(world.named("s5-web").inputs.enableExecuteCommand, true);
        assert.equal(world.named("s5-exec-policy").inputs.role, world.named("s5-task-role").id);
        // NAT egress: no interface endpoints at all.
        assert.equal(world.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").length, 0);
    });

    it("prod runs S5's web service with the OpenTelemetry collector beside it, the app waiting for it to start", async () => {
        await plan("prod");
        const containers = JSON.parse(world.named("s5-task").inputs.containerDefinitions);
        assert.deepEqual(
            containers.map((c: { name: string; essential: boolean }) => [c.name, c.essential]),
            [
                ["web", true],
                ["otel", false],
            ],
        );
        assert.deepEqual(containers[0].dependsOn, [{ containerName: "otel", condition: "START" }]);
        const [, otel] = containers;
        assert.match(otel.image, /^public\.ecr\.aws\/aws-observability\/aws-otel-collector:v\d+\.\d+\.\d+$/);
        assert.deepEqual([otel.cpu, otel.memoryReservation], [256, 512]);
        assert.equal(otel.logConfiguration.options["awslogs-stream-prefix"], "otel");
        assert.equal(
            otel.logConfiguration.options["awslogs-group"],
            containers[0].logConfiguration.options["awslogs-group"],
        );
        assert.deepEqual(otel.healthCheck, {
            command: ["CMD", "/healthcheck"],
            interval: 30,
            timeout: 5,
            retries: 3,
            startPeriod: 10,
        });
        // Only the app is the target; the collector's task role policy sends to X-Ray and its metric log groups.
        assert.deepEqual(
            world.named("s5-web").inputs.loadBalancers.map((l: { containerName: string }) => l.containerName),
            ["web"],
        );
        const policy = JSON.parse(world.named("s5-task-policy").inputs.policy);
        assert.equal(world.named("s5-task-policy").inputs.role, world.named("s5-task-role").id);
        assert.deepEqual(
            policy.Statement.map((st: { Sid: string }) => st.Sid),
            ["XRay", "EmfMetrics"],
        );
    });

    it("prod names S5 in Route 53, serves it with an ACM certificate made and validated for the name, and keeps its access logs", async () => {
        const result = await plan("prod");
        const record = world.named("s5-dns-a");
        assert.deepEqual(
            [record.inputs.zoneId, record.inputs.name, record.inputs.type, record.inputs.aliases[0].name],
            ["ZREPLACEWITHYOURZONEID", "web.example.com", "A", world.named("s5-alb").state.dnsName],
        );
        const cert = world.named("s5-certificate");
        assert.deepEqual([cert.inputs.domainName, cert.inputs.validationMethod], ["web.example.com", "DNS"]);
        assert.equal(world.named("s5-certificate-validation-web.example.com").inputs.zoneId, "ZREPLACEWITHYOURZONEID");
        assert.equal(world.named("s5-https").inputs.certificateArn, cert.id);
        const bucket = world.named("s5-access-logs");
        assert.equal(bucket.protect, true, "the logs are protected like the stack's other state");
        assert.deepEqual(world.named("s5-alb").inputs.accessLogs, {
            bucket: bucket.inputs.bucket,
            prefix: "alb/web",
            enabled: true,
        });
        assert.match(world.named("s5-access-logs-policy").inputs.policy, /arn:aws:iam::582318560864:root/);
        assert.ok(result.ok);
        assert.equal(result.outputs.s5Url, "https://web.example.com/");
    });

    it("prod serves HTTPS only on its public listeners: S1, S3 and S5 on 443 with a certificate, HTTP on 80 only redirecting", async () => {
        counts(await plan("prod"));
        const alb = world
            .ofType("alb/listener:Listener")
            .map(l => [
                l.name,
                l.inputs.listenerProtocol,
                l.inputs.listenerPort,
                l.inputs.securityPolicyId,
                l.inputs.certificates?.certificateId !== undefined,
            ]);
        assert.deepEqual(alb, [
            ["s1-listener", "HTTPS", 443, "tls_cipher_policy_1_2_strict_with_1_3", true],
            ["s1-http-redirect", "HTTP", 80, undefined, false],
            ["s3-listener", "HTTPS", 443, "tls_cipher_policy_1_2_strict_with_1_3", true],
            ["s3-http-redirect", "HTTP", 80, undefined, false],
        ]);
        // The redirect rules; S3's forwarding rule (`/api/*`, on its HTTPS listener) is rules' own.
        const redirects = world.ofType("alb/rule:Rule").filter(r => r.name.endsWith("-http-redirect-rule"));
        for (const rule of redirects) {
            assert.deepEqual(rule.inputs.ruleConditions, [{ type: "Path", pathConfig: { values: ["/*"] } }]);
            assert.deepEqual(rule.inputs.ruleActions[0].redirectConfig, {
                protocol: "HTTPS",
                port: "443",
                httpCode: "301",
            });
        }
        assert.deepEqual(
            redirects.map(r => r.inputs.listenerId),
            [world.named("s1-http-redirect").id, world.named("s3-http-redirect").id],
        );
        // S1's second backend region: the HTTPS listener splits requests 70/30 between beijing and shenzhen.
        const weighted = world.named("s1-regions-rule");
        assert.deepEqual(
            [weighted.inputs.listenerId, weighted.inputs.priority],
            [world.named("s1-listener").id, 10000],
        );
        assert.deepEqual(weighted.inputs.ruleActions[0].forwardGroupConfig.serverGroupTuples, [
            { serverGroupId: world.named("s1-sgp").id, weight: 70 },
            { serverGroupId: world.named("s1-sgp-shenzhen").id, weight: 30 },
        ]);
        assert.deepEqual(world.named("s5-http").inputs.defaultActions, [
            { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
        const https = world.named("s5-https");
        assert.deepEqual(
            [https.inputs.protocol, https.inputs.port, https.inputs.sslPolicy],
            ["HTTPS", 443, "ELBSecurityPolicy-TLS13-1-2-2021-06"],
        );
        assert.match(https.inputs.certificateArn, /^arn:aws:acm:ap-northeast-1:\d{12}:certificate\//);
        // The ALB's group opens 443, and 80 for the redirect, and nothing else.
        assert.deepEqual(
            world
                .ofType("vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter(r => r.inputs.securityGroupId === world.named("s5-alb-sg").id)
                .map(r => [r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4]),
            [
                [80, 80, "0.0.0.0/0"],
                [443, 443, "0.0.0.0/0"],
            ],
        );
        // The stack file says where the user's certificates go.
        const text = fs.readFileSync(path.join(STACKS_DIR, "Pulumi.prod.yaml"), "utf8");
        assert.equal(
            text.match(/REPLACE/g)?.length,
            8,
            "each certificate, the header name, S5's secret and S5's hosted zone name their placeholder",
        );
        // S5's container reads its database password from Secrets Manager, by ARN only, through the NAT gateways.
        const secret = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:prod/web/db-AbCdEf";
        assert.deepEqual(JSON.parse(world.named("s5-task").inputs.containerDefinitions)[0].secrets, [
            { name: "DB_PASSWORD", valueFrom: `${secret}:password::` },
        ]);
        assert.deepEqual(JSON.parse(world.named("s5-execution-policy").inputs.policy).Statement.at(-1), {
            Sid: "Secrets",
            Effect: "Allow",
            Action: "secretsmanager:GetSecretValue",
            Resource: [secret],
        });
    });

    it("keeps the control planes private in dev and prod, and the tutorial opens them only to its allowlist, the plan saying so", async () => {
        for (const stack of ["prod", "dev"]) {
            const result = await plan(stack);
            assert.ok(result.ok);
            const clusters = world.ofType("cs/managedKubernetes:ManagedKubernetes");
            assert.ok(clusters.length === 2 && clusters.every(c => c.inputs.slbInternetEnabled === false), stack);
            assert.deepEqual(world.named("s4-mesh-mesh").inputs.loadBalancer, { apiServerPublicEip: false }, stack);
            assert.deepEqual(world.ofType("slb/acl:Acl"), [], stack);
            // The plan says where pulumi up must run to reach them.
            assert.deepEqual(
                result.warnings.filter(w => /^The API server is private/.test(w.message)).map(w => w.resource),
                ["s4-hangzhou", "s4-shanghai"],
                stack,
            );
            assert.ok(result.warnings.some(w => w.resource === "s4-mesh" && /internal endpoint/.test(w.message)));
        }
        const tutorial = await plan("mesh-failover");
        assert.ok(tutorial.ok);
        assert.ok(
            world.ofType("cs/managedKubernetes:ManagedKubernetes").every(c => c.inputs.slbInternetEnabled === true),
        );
        assert.deepEqual(world.named("s4-mesh-mesh").inputs.loadBalancer, { apiServerPublicEip: true });
        // Each allowlist holds the stack file's documentation block (to replace) and what the service needs.
        const entries = (acl: string) =>
            world
                .ofType("slb/aclEntryAttachment:AclEntryAttachment")
                .filter(e => e.inputs.aclId === world.named(acl).id)
                .map(e => e.inputs.entry)
                .sort();
        assert.deepEqual(entries("s4-ack-hangzhou-api-acl"), [
            "100.104.0.0/16",
            "192.168.0.0/24",
            "20.0.0.0/8",
            "203.0.113.0/24",
        ]);
        assert.deepEqual(entries("s4-ack-shanghai-api-acl"), [
            "100.104.0.0/16",
            "192.168.0.0/24",
            "203.0.113.0/24",
            "21.0.0.0/8",
        ]);
        assert.deepEqual(entries("s4-mesh-api-acl"), ["192.168.0.0/16", "203.0.113.0/24"]);
        assert.deepEqual(
            tutorial.warnings.filter(w => / is public; /.test(w.message)).map(w => w.resource),
            ["s4-ack-hangzhou", "s4-ack-shanghai", "s4-mesh"],
        );
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
            // A screen's drawing area: 1,920 × 1,000 px. Before, dev was 2,288 × 6,343 px and prod 2,548 × 7,417 px;
            // prod's ap-northeast-1 (two S5 services in three zones, the edge and the access logs) was
            // 2,267 × 1,105 px until its resources went beside the VPC and its note under it (1,701 × 977 px).
            const MAX_REGION = { w: 1920, h: 1000 };
            // dev's shared CEN is the full mesh of its four regions; prod's lists the three connections
            // its traffic crosses, over five regions (a sixth, ap-northeast-1, is S5's).
            const STACKS = {
                dev: {
                    maxWhole: { w: 2700, h: 2900 },
                    regions: 5,
                    peerings: [
                        ["cn-chengdu", "cn-beijing"],
                        ["cn-chengdu", "cn-hangzhou"],
                        ["cn-chengdu", "cn-shanghai"],
                        ["cn-beijing", "cn-hangzhou"],
                        ["cn-beijing", "cn-shanghai"],
                        ["cn-hangzhou", "cn-shanghai"],
                    ],
                },
                prod: {
                    maxWhole: { w: 3800, h: 3500 },
                    regions: 6,
                    peerings: [
                        ["cn-chengdu", "cn-beijing"],
                        ["cn-chengdu", "cn-shenzhen"],
                        ["cn-hangzhou", "cn-shanghai"],
                    ],
                },
            };
            for (const [stack, { maxWhole: MAX_WHOLE, regions: regionCount, peerings: expected }] of Object.entries(
                STACKS,
            )) {
                const { layout } = await picture(stack);
                const whole = { w: px(layout.width), h: px(layout.height) };
                assert.ok(whole.w <= MAX_WHOLE.w && whole.h <= MAX_WHOLE.h, `${stack}: ${whole.w} × ${whole.h} px`);
                const regions = regionSizes(layout);
                assert.equal(regions.size, regionCount);
                for (const [region, size] of regions)
                    assert.ok(
                        size.w <= MAX_REGION.w && size.h <= MAX_REGION.h,
                        `${stack} ${region}: ${size.w} × ${size.h} px`,
                    );
                const texts = layout.texts.map(t => t.text);
                for (const [a, b] of expected)
                    assert.ok(texts.includes(`${a} ↔ ${b}`), `${stack}: no peering ${a} ↔ ${b}`);
                assert.equal(texts.filter(t => t.includes(" ↔ ")).length, expected.length, `${stack}: peerings drawn`);
                const vpcs = [...layout.clusters].filter(
                    ([id]) => /vpc\/network:Network|ec2\/vpc:Vpc/.test(id) && !id.startsWith("cluster_zone_"),
                );
                const peerings = layout.edges.filter(e => e.title.startsWith("peering::"));
                assert.equal(peerings.length, 2 * expected.length, "two lines per peering");
                for (const e of peerings)
                    for (const [id, box] of vpcs) assert.ok(!edgeCrosses(e, box), `${e.title} crosses ${id}`);
            }
        });

        it("prod's ap-northeast-1: its own resources in a column beside the VPC, what is not drawn in a footnote under both", async () => {
            const { layout } = await picture("prod");
            const region = cluster(layout, "cluster_region_ap-northeast-1");
            const vpc = cluster(layout, "cluster_aws:ec2/vpc:Vpc::s5-network-vpc");
            for (const id of [
                "aws:lb/listener:Listener::s5-https",
                "aws:acm/certificate:Certificate::s5-certificate",
                "aws:ecs/taskDefinition:TaskDefinition::s5-task",
                "aws:s3/bucket:Bucket::s5-access-logs",
            ]) {
                const box = layout.nodes.get(id);
                assert.ok(box && inside(box, region), `${id} is in its region`);
                assert.ok(box.x1 < vpc.x0, `${id} is left of the VPC`);
            }
            const footnote = layout.texts.filter(t =>
                t.node.startsWith("text::footnote::cluster_region_ap-northeast-1::"),
            );
            assert.ok(footnote[0]?.text.startsWith("not drawn: "), footnote.map(t => t.text).join(" / "));
            assert.ok(footnote.length <= 3, `${footnote.length} lines`);
            for (const line of footnote) {
                assert.ok(inside(line, region) && line.y0 > vpc.y1, `"${line.text}" is under the VPC, in the region`);
            }
            assert.ok(footnote.some(t => t.text.includes("6 × RouteTableAssociation")));
        });
    });

    it("asks S5's VPC for more interface endpoints from the stack file, with VPC-endpoint egress only", async () => {
        const result = await plan("fargate", raw => {
            raw.fargate.network.interfaceEndpoints = ["sqs"];
        });
        if (!result.ok) assert.fail(JSON.stringify(result.errors));
        const services = world
            .ofType("aws:ec2/vpcEndpoint:VpcEndpoint")
            .map(r => String(r.inputs.serviceName))
            .sort();
        assert.ok(services.includes("com.amazonaws.ap-northeast-1.sqs"), services.join(", "));
        const refused = await plan("fargate", raw => {
            raw.fargate.network.egress = "natGateway";
            raw.fargate.network.interfaceEndpoints = ["sqs"];
        });
        assert.ok(!refused.ok, "expected the plan to fail");
        assert.deepEqual(
            refused.errors.flatMap(e => e.problems).map(p => p.path),
            ["topologies:fargate.network.interfaceEndpoints"],
        );
    });

    it("gives S1's section extra server groups of its demo servers for its rules, refusing a server it does not have", async () => {
        const result = await plan("cross-region-alb", raw => {
            raw.crossRegionAlb.servers.instances.ecs2 = { vSwitch: "vsw4" };
            raw.crossRegionAlb.serverGroups = { api: { servers: ["ecs2"] } };
            raw.crossRegionAlb.rules = { api: { priority: 10, paths: ["/api/*"], forward: [{ serverGroup: "api" }] } };
        });
        if (!result.ok) assert.fail(JSON.stringify(result.errors));
        const group = world.named("s1-sgp-api");
        assert.equal(group.inputs.servers.length, 1);
        assert.equal(group.inputs.servers[0].serverIp, world.named("s1-demo-ecs2").state.privateIp);
        assert.equal(world.named("s1-rule-api").inputs.priority, 10);
        const refused = await plan("cross-region-alb", raw => {
            raw.crossRegionAlb.serverGroups = { api: { servers: ["ecs9"] } };
        });
        assert.ok(!refused.ok, "expected the plan to fail");
        assert.deepEqual(
            refused.errors.flatMap(e => e.problems).map(p => p.path),
            ["topologies:crossRegionAlb.serverGroups.api.servers[0]"],
        );
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

        it("S1's backend regions: a server on an unknown vSwitch, the ALB's region, a weight out of range, an overlap", async () => {
            const refs = await problems("prod", raw => {
                raw.crossRegionAlb.backendRegions.shenzhen.servers.instances.app3.vSwitch = "app-z";
            });
            assert.deepEqual(
                refs.map(p => p.path),
                ["topologies:crossRegionAlb.backendRegions.shenzhen.servers.instances.app3.vSwitch"],
            );
            const overlap = await problems("prod", raw => {
                const vpc = raw.crossRegionAlb.backendRegions.shenzhen.vpc;
                vpc.cidrBlock = "10.111.0.0/16";
                vpc.vSwitches = { "app-d": { zoneId: "cn-shenzhen-d", cidrBlock: "10.111.9.0/24" } };
                raw.crossRegionAlb.backendRegions.shenzhen.servers.instances = { app3: { vSwitch: "app-d" } };
            });
            assert.ok(
                overlap.some(p => p.path === "topologies:crossRegionAlb.backendRegions.shenzhen.vpc.cidrBlock"),
                JSON.stringify(overlap),
            );
            // The component's own rules, at the keys the file gave: its shape first (a weight out of range)...
            const weight = await problems(
                "prod",
                raw => {
                    raw.crossRegionAlb.backendRegions.shenzhen.backendWeight = 101;
                },
                false,
            );
            assert.deepEqual(
                weight.map(p => [p.path, p.message]),
                [
                    [
                        "topologies:crossRegionAlb.backendRegions.shenzhen.backendWeight",
                        "101: is not a whole number from 0 to 100.",
                    ],
                ],
            );
            // ...then its rules: a backend region in the ALB's own region.
            const region = await problems(
                "prod",
                raw => {
                    const shenzhen = raw.crossRegionAlb.backendRegions.shenzhen;
                    shenzhen.vpc.region = "cn-chengdu";
                    shenzhen.vpc.vSwitches = {
                        "app-d": { zoneId: "cn-chengdu-a", cidrBlock: "10.114.1.0/24" },
                        "app-e": { zoneId: "cn-chengdu-b", cidrBlock: "10.114.2.0/24" },
                    };
                },
                false,
            );
            const found = region.find(p => p.path === "topologies:crossRegionAlb.backendRegions.shenzhen.vpc.region");
            assert.match(
                found?.message ?? JSON.stringify(region),
                /this backend region is the ALB's own \(cn-chengdu\)/,
            );
        });

        it("a plain-HTTP public listener in prod (httpsOnly), at the key, saying how to serve HTTPS", async () => {
            const found = await problems("prod", raw => {
                raw.crossRegionAlb.listener = { port: 80 };
                delete raw.dualStackAlb.listener;
                delete raw.fargate.certificate;
            });
            const HTTPS_FIX =
                "Set listener: { protocol: HTTPS, certificateId: <the id of your certificate in Certificate Management Service> }; HTTP on 80 then redirects to it. Or set topologies:httpsOnly: false to allow plain HTTP.";
            assert.deepEqual(
                found.map(p => [p.path, p.message, p.fix]),
                [
                    [
                        "topologies:crossRegionAlb.listener",
                        "S1's ALB listener serves plain HTTP to the internet, and topologies:httpsOnly is on for environment prod.",
                        HTTPS_FIX,
                    ],
                    [
                        "topologies:dualStackAlb.listener",
                        "S3's ALB listener (IPv4 and IPv6) serves plain HTTP to the internet, and topologies:httpsOnly is on for environment prod.",
                        HTTPS_FIX,
                    ],
                    [
                        "topologies:fargate.certificateArn",
                        "S5's ALB (HTTP on 80, no HTTPS listener) serves plain HTTP to the internet, and topologies:httpsOnly is on for environment prod.",
                        "Set certificateArn to the ARN of your ACM certificate in the section's region, or certificate (with dns) to have one made; HTTP on 80 then redirects to HTTPS on 443. Or set topologies:httpsOnly: false to allow plain HTTP.",
                    ],
                ],
            );
            const forwarding = await problems("prod", raw => {
                raw.fargate.redirectHttpToHttps = false;
            });
            assert.deepEqual(
                forwarding.map(p => p.path),
                ["topologies:fargate.redirectHttpToHttps"],
            );
            // Asked for in any stack; an internal S1 ALB has no public listener.
            const dev = await problems("dev", raw => {
                raw.httpsOnly = true;
                raw.crossRegionAlb.addressType = "Intranet";
            });
            assert.deepEqual(
                dev.map(p => [p.path, p.message.replace(/.*, and /, "")]),
                [
                    ["topologies:dualStackAlb.listener", "topologies:httpsOnly is true."],
                    ["topologies:fargate.certificateArn", "topologies:httpsOnly is true."],
                ],
            );
        });

        it("a stack that builds nothing", () => {
            assert.throws(
                () => loadStackConfig({ environment: "dev" }),
                (e: TopologyValidationError) =>
                    e.problems.length === 1 &&
                    e.problems[0].path === "config" &&
                    /builds no topology/.test(e.problems[0].message),
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
            // S3's ALB operations, at the keys of the section (dev's ACL, prod's rule and access logs).
            assert.deepEqual(
                await paths("dev", raw => {
                    raw.dualStackAlb.acl.entries = ["203.0.113.1"];
                }),
                ["topologies:dualStackAlb.acl.entries[0]"],
            );
            assert.deepEqual(
                await paths("prod", raw => {
                    raw.dualStackAlb.rules.api.priority = 10000;
                    raw.dualStackAlb.rules.api.forward[0].serverGroup = "apj";
                    raw.dualStackAlb.accessLog = { project: "p", logstore: "Bad" };
                }),
                [
                    "topologies:dualStackAlb.accessLog.logstore",
                    "topologies:dualStackAlb.accessLog.project",
                    "topologies:dualStackAlb.rules.api.priority",
                    "topologies:dualStackAlb.rules.api.forward[0].serverGroup",
                ],
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
