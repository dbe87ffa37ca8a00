/**
 * The reachability verifier on the shipped stacks: each kind of hop (a VPC route entry, an
 * association, a propagation, an advertisement or the bandwidth of a peering, a security-group
 * rule, an endpoint, an internet-gateway route, an EIP binding) is taken out of a planned stack,
 * and the verifier must report the break where that hop was. Then the two decisions it rests on,
 * longest-prefix match and security-group priority, against brute-force references.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import fc from "fast-check";
import { FlowResult, renderFlows, verifyFlows } from "../cli/flows";
import { emptyModel, longestPrefixMatch, Route, SecurityGroup, SecurityRule } from "../cli/flows/model";
import { verdict } from "../cli/flows/securityGroups";
import { runPlan } from "../cli/plan";
import { readStackConfig } from "../cli/stackConfig";
import { formatIp } from "../components/net";
import * as program from "../stacks/program";
import { flowTo } from "../components/flows";
import { AckCluster } from "../components/alicloud/ack";
import { Bookinfo } from "../components/alicloud/bookinfo";
import { ServiceMesh } from "../components/alicloud/mesh";
import { RegionalVpc } from "../components/alicloud/vpc";
import { build, RecordedCall, RecordedResource, world } from "./mocks";

const STACKS_DIR = path.resolve(__dirname, "..", "stacks");

/** What the engine recorded of one stack, to replay it with a hop taken out. */
interface Recorded {
    readonly resources: RecordedResource[];
    readonly calls: RecordedCall[];
    readonly providerRegions: Map<string, string>;
}

async function planned(stack: string): Promise<Recorded> {
    const result = await runPlan(program, readStackConfig(STACKS_DIR, stack, "topologies").raw, stack);
    assert.ok(result.ok);
    return {
        resources: [...world.resources],
        calls: [...world.calls],
        providerRegions: new Map(world.providerRegions),
    };
}

/** Verifies the stack's flows with `change` applied to its recorded resources. */
async function flowsWith(
    recorded: Recorded,
    change: (rs: RecordedResource[]) => RecordedResource[],
): Promise<FlowResult[]> {
    world.reset();
    world.resources.push(...change(recorded.resources));
    world.calls.push(...recorded.calls);
    for (const [k, v] of recorded.providerRegions) world.providerRegions.set(k, v);
    return verifyFlows(world);
}

const without = (name: string) => (rs: RecordedResource[]) => {
    assert.ok(
        rs.some(r => r.name === name),
        `the plan has ${name}`,
    );
    return rs.filter(r => r.name !== name);
};

const withInputs = (name: string, inputs: Record<string, unknown>) => (rs: RecordedResource[]) =>
    rs.map(r => (r.name === name ? { ...r, inputs: { ...r.inputs, ...inputs } } : r));

function flow(results: readonly FlowResult[], name: string | RegExp): FlowResult {
    const found = results.filter(r => (typeof name === "string" ? r.name === name : name.test(r.name)));
    assert.ok(found.length > 0, `a flow named ${name}; have ${results.map(r => r.name).join(", ")}`);
    return found[0];
}

function assertBreak(result: FlowResult, kind: string, detail: RegExp): void {
    assert.equal(result.ok, false, `${result.name} should be broken`);
    assert.equal(result.break?.hop.kind, kind, result.break?.hop.detail);
    assert.match(result.break!.hop.detail, detail);
    assert.ok(result.break!.fix.length > 0);
}

describe("flows: the verifier finds the hop a stack lacks", function () {
    this.timeout(30_000);
    let s1: Recorded;
    let s2: Recorded;
    let s4: Recorded;
    let s5: Recorded;
    before(async () => {
        s1 = await planned("cross-region-alb");
        s2 = await planned("multi-eip");
        s4 = await planned("mesh-failover");
        s5 = await planned("fargate");
    });

    it("carries S1's back-to-origin traffic there and back, naming every hop", async () => {
        const results = await flowsWith(s1, rs => rs);
        const origin = flow(results, "ALB back-to-origin 172.16.0.0/24 → 192.168.7.10:80");
        assert.ok(origin.ok && origin.reached);
        const names = origin.hops.map(h => h.resource);
        for (const hop of [
            "s1-cen-alb-route-192-168-7-0-24",
            "s1-cen-alb-assoc",
            "s1-cen-peer-cn-chengdu-cn-hangzhou",
            "s1-cen-backend-attach",
            "s1-servers-tcp80-172-16-0-0-24",
            "s1-cen-backend-route-172-16-0-0-24",
            "s1-cen-alb-attach",
        ]) {
            assert.ok(names.includes(hop), `${hop} carries the flow (${names.join(", ")})`);
        }
        // There before back: the backend's ingress rule comes after the way there, before the return route.
        assert.ok(names.indexOf("s1-cen-alb-route-192-168-7-0-24") < names.indexOf("s1-servers-tcp80-172-16-0-0-24"));
        assert.ok(
            names.indexOf("s1-servers-tcp80-172-16-0-0-24") < names.indexOf("s1-cen-backend-route-172-16-0-0-24"),
        );
    });

    it("a VPC route entry", async () => {
        const results = await flowsWith(s1, without("s1-cen-alb-route-192-168-7-0-24"));
        assertBreak(
            flow(results, /^ALB back-to-origin 172\.16\.0\.0\/24/),
            "route",
            /^there: VPC s1-alb-net-vpc system route table has no route to 192\.168\.7\.10\/32/,
        );
        const back = await flowsWith(s1, without("s1-cen-backend-route-172-16-0-0-24"));
        assertBreak(
            flow(back, /^ALB back-to-origin 172\.16\.0\.0\/24/),
            "route",
            /^back: VPC s1-backend-net-vpc system route table has no route to 172\.16\.0\.0\/24/,
        );
        assert.ok(flow(back, /^ALB back-to-origin 172\.16\.6\.0\/24/).ok, "the other block keeps its route");
    });

    it("an association", async () => {
        const results = await flowsWith(s1, without("s1-cen-alb-assoc"));
        assertBreak(
            flow(results, /^ALB back-to-origin/),
            "association",
            /^there: tr-attach-\w+ is associated with no route table of transit router/,
        );
    });

    it("a propagation", async () => {
        const results = await flowsWith(s1, without("s1-cen-backend-prop"));
        assertBreak(
            flow(results, /^ALB back-to-origin/),
            "route",
            /^there: transit router s1-cen-tr-cn-chengdu system route table has no route to 192\.168\.7\.10/,
        );
    });

    it("a peering: its advertisement and its bandwidth", async () => {
        const silent = await flowsWith(
            s1,
            withInputs("s1-cen-peer-cn-chengdu-cn-hangzhou", { autoPublishRouteEnabled: false }),
        );
        assertBreak(
            flow(silent, /^ALB back-to-origin/),
            "route",
            /^there: transit router s1-cen-tr-cn-chengdu system route table has no route/,
        );
        const starved = await flowsWith(s1, withInputs("s1-cen-peer-cn-chengdu-cn-hangzhou", { bandwidth: 0 }));
        assertBreak(
            flow(starved, /^ALB back-to-origin/),
            "peering",
            /inter-region connection tr-attach-\w+ has no bandwidth/,
        );
    });

    it("a security-group rule", async () => {
        const results = await flowsWith(s1, without("s1-servers-tcp80-172-16-0-0-24"));
        assertBreak(
            flow(results, /^ALB back-to-origin 172\.16\.0\.0\/24/),
            "rule",
            /no ingress rule of sg-\w+ admits tcp:80 172\.16\.0\.0\/24/,
        );
    });

    it("an open blocked flow: a backend with a public IP and a rule open to the world is reachable from the internet", async () => {
        const publicIp = (rs: RecordedResource[]) =>
            rs.map(r => (r.name === "s1-demo-ecs1" ? { ...r, state: { ...r.state, publicIp: "47.96.1.1" } } : r));
        // A public IP alone is not enough: the backend's group admits only the back-to-origin blocks.
        assert.equal(flow(await flowsWith(s1, publicIp), "internet → 192.168.7.10:80").break?.hop.kind, "rule");
        const worldRule = (rs: RecordedResource[]) => {
            const rule = rs.find(r => r.name === "s1-servers-tcp80-172-16-0-0-24")!;
            // No nicType: in a VPC group the cloud applies the rule all the same.
            return [
                ...publicIp(rs),
                { ...rule, name: "s1-world-80", inputs: { ...rule.inputs, cidrIp: "0.0.0.0/0", nicType: undefined } },
            ];
        };
        const open = flow(await flowsWith(s1, worldRule), "internet → 192.168.7.10:80");
        assert.equal(open.intent, "deny");
        assert.equal(open.reached, true);
        assert.equal(open.ok, false);
        assert.ok(flow(await flowsWith(s1, rs => rs), "internet → 192.168.7.10:80").ok);
    });

    it("an IPv4 public IP makes no IPv6 address public (S3)", async () => {
        const s3 = await planned("dual-stack-alb");
        assert.ok(s3.resources.some(r => r.name === "s3-demo-ecs02" && (r.state.ipv6Addresses ?? []).length === 1));
        const results = await flowsWith(s3, rs =>
            rs.map(r => (r.name === "s3-demo-ecs02" ? { ...r, state: { ...r.state, publicIp: "47.96.1.2" } } : r)),
        );
        const ipv6 = flow(results, "internet → ecs02:80");
        assert.equal(ipv6.ok, true);
        assert.equal(ipv6.break?.hop.kind, "address");
    });

    it("an EIP binding (S2)", async () => {
        const results = await flowsWith(s2, without("s2-eip-1-association"));
        assertBreak(flow(results, /^internet → EIP 1 /), "association", /is bound to nothing in NAT mode/);
        assert.ok(flow(results, /^internet → EIP 2 /).ok);
    });

    it("the mesh routes (S4): the control plane and the other region's Pods", async () => {
        const noMeshRoute = await flowsWith(s4, without("s4-mesh-cen-s4-ack-hangzhou-net-route-192-168-0-0-16"));
        assertBreak(
            flow(noMeshRoute, /^ack-hangzhou nodes .* → ASM Pilot/),
            "route",
            /^there: VPC s4-ack-hangzhou-net-vpc system route table has no route to 192\.168\.0\.0\/24/,
        );
        const noPodRoute = await flowsWith(s4, without("s4-mesh-cen-tr-cn-shanghai-route-10-1-0-0-16"));
        assertBreak(
            flow(noPodRoute, "ack-hangzhou Pods → ack-shanghai reviews :9080"),
            "route",
            /^there: transit router .* has no route to 10\.1\.0\.0\/16/,
        );
    });

    it("an endpoint and an internet-gateway route (S5)", async () => {
        const noEndpoint = await flowsWith(s5, without("s5-network-ecr-api"));
        assertBreak(
            flow(noEndpoint, /→ ecr\.api :443$/),
            "rule",
            /no egress rule of sg-\w+ allows tcp:443 0\.0\.0\.0\/0/,
        );
        assert.ok(flow(noEndpoint, /→ ecr\.dkr :443$/).ok);
        const noDefault = await flowsWith(s5, without("s5-network-public-default"));
        assertBreak(flow(noDefault, "internet → ALB :80"), "route", /has no default route to the internet gateway/);
    });
});

describe("flows: a user's own flows", function () {
    this.timeout(30_000);

    it("are walked with the components' flows, and a bad address is a broken flow, not a crash", async () => {
        await build(
            opts =>
                new RegionalVpc(
                    "own",
                    {
                        region: "cn-hangzhou",
                        cidrBlock: "192.168.0.0/16",
                        vSwitches: {
                            a: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.1.0/24" },
                            b: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.2.0/24" },
                        },
                    },
                    opts,
                ),
        );
        const vpcId = world.ofType("vpc/network:Network")[0].id;
        const host = (label: string, address: string) => flowTo.host({ label, address, vpcId });
        const elsewhere = flowTo.host({ label: "legacy", address: "10.9.0.5", vpcId: "vpc-existing00000000" });
        const results = await verifyFlows(world, [
            {
                name: "a → b :443",
                from: host("a", "192.168.1.10"),
                to: host("b", "192.168.2.10"),
                protocol: "tcp",
                port: 443,
                intent: "allow",
            },
            {
                name: "a → nowhere",
                from: host("a", "192.168.1.10"),
                to: host("typo", "192.168.300.1"),
                protocol: "tcp",
                port: 443,
                intent: "allow",
            },
            {
                name: "legacy → a",
                from: elsewhere,
                to: host("a", "192.168.1.10"),
                protocol: "tcp",
                port: 443,
                intent: "allow",
            },
            {
                name: "legacy → a, blocked",
                from: elsewhere,
                to: host("a", "192.168.1.10"),
                protocol: "tcp",
                port: 22,
                intent: "deny",
            },
        ]);
        assert.deepEqual(
            results.map(r => [r.component, r.name, r.ok, r.verified]),
            [
                ["user", "a → b :443", true, true],
                ["user", "a → nowhere", false, true],
                // A VPC the plan does not build: neither broken nor proven, whatever the intent.
                ["user", "legacy → a", true, false],
                ["user", "legacy → a, blocked", true, false],
            ],
        );
        assert.equal(results[1].break?.hop.detail, "typo: '192.168.300.1' is not an IP address or block");
        assert.match(
            results[3].notes[0],
            /^cannot be checked offline: there: legacy is in VPC vpc-existing00000000, which this plan does not build/,
        );
        assert.match(
            renderFlows(results),
            /\n {2}\? blocked: legacy → a, blocked {2}\[user\]\n {6}note: cannot be checked offline/,
        );
    });
});

describe("flows: a mesh of Terway and Flannel clusters", function () {
    this.timeout(30_000);

    it("routes the VPCs and the Flannel Pod CIDR only (Terway Pods use vSwitch addresses), and every mesh flow gets through", async () => {
        await build(opts => {
            const vpc = (
                name: string,
                region: string,
                cidr: string,
                vSwitches: Record<string, { zoneId: string; cidrBlock: string }>,
            ) => new RegionalVpc(name, { region, cidrBlock: cidr, vSwitches }, opts);
            const terwayVpc = vpc("terway", "cn-hangzhou", "20.0.0.0/8", {
                nodes: { zoneId: "cn-hangzhou-h", cidrBlock: "20.0.0.0/16" },
                pods: { zoneId: "cn-hangzhou-h", cidrBlock: "20.1.0.0/16" },
            });
            const flannelVpc = vpc("flannel", "cn-shanghai", "21.0.0.0/8", {
                nodes: { zoneId: "cn-shanghai-e", cidrBlock: "21.0.0.0/16" },
            });
            const meshVpc = vpc("mesh-vpc", "cn-hangzhou", "192.168.0.0/16", {
                mesh: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.0.0/24" },
            });
            const nodePool = { instanceTypes: ["ecs.g7.xlarge"] };
            const terway = new AckCluster(
                "terway-cluster",
                {
                    vpc: terwayVpc,
                    vSwitches: ["nodes"],
                    networkPlugin: "terway-eniip",
                    podVSwitches: ["pods"],
                    serviceCidr: "172.16.0.0/16",
                    nodePool,
                },
                opts,
            );
            const flannel = new AckCluster(
                "flannel-cluster",
                {
                    vpc: flannelVpc,
                    vSwitches: ["nodes"],
                    podCidr: "10.1.0.0/16",
                    serviceCidr: "172.17.0.0/16",
                    nodePool,
                },
                opts,
            );
            const mesh = new ServiceMesh(
                "mesh",
                { vpc: meshVpc, vSwitch: "mesh", clusters: { terway, flannel }, version: "1.22.6.66" },
                opts,
            );
            new Bookinfo(
                "bookinfo",
                {
                    clusters: {
                        terway: { provider: terway.provider, reviewsVersions: ["v1"] },
                        flannel: { provider: flannel.provider, reviewsVersions: ["v2"] },
                    },
                    mesh,
                },
                opts,
            );
        });
        const vpcRoutes = world
            .ofType("vpc/routeEntry:RouteEntry")
            .map(r => r.inputs.destinationCidrblock as string)
            .sort();
        assert.deepEqual([...new Set(vpcRoutes)], ["10.1.0.0/16", "192.168.0.0/16", "20.0.0.0/8", "21.0.0.0/8"]);
        assert.equal(
            vpcRoutes.filter(c => c === "10.1.0.0/16").length,
            2,
            "the Flannel Pod CIDR in the two other VPCs",
        );
        assert.deepEqual(
            world
                .ofType("cen/transitRouterRouteEntry:TransitRouterRouteEntry")
                .map(r => r.inputs.transitRouterRouteEntryDestinationCidrBlock),
            ["10.1.0.0/16"],
        );
        const results = await verifyFlows(world);
        assert.deepEqual(
            results.filter(r => !r.ok).map(r => `${r.name}: ${r.break?.hop.detail}`),
            [],
        );
        assert.ok(results.some(r => r.name === "terway Pods in pods → flannel reviews :9080"));
        assert.ok(results.some(r => r.name === "flannel Pods → terway reviews :9080"));
        // Terway Pods sit in a vSwitch: nothing about their delivery is left unconfirmed.
        assert.equal(results.find(r => r.name === "terway Pods in pods → ASM Pilot :15011")?.confirmed, true);
    });
});

/** An IPv4 block as integers, for the references below. */
function range(cidr: string): [bigint, bigint] {
    const [address, prefix] = cidr.split("/");
    const value = address.split(".").reduce((n, octet) => (n << 8n) + BigInt(octet), 0n);
    const size = 1n << BigInt(32 - Number(prefix));
    return [value, value + size - 1n];
}

const block = fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map(([prefix, n]) => {
    const mask = prefix === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n);
    return `${formatIp(4, BigInt(n) & mask)}/${prefix}`;
});

describe("flows: longest-prefix match and rule priority against brute force", () => {
    it("picks the longest entry that holds the whole block, a static one before a learned one", () => {
        fc.assert(
            fc.property(fc.array(fc.tuple(block, fc.boolean()), { maxLength: 12 }), block, (entries, query) => {
                const routes: Route[] = entries.map(([destination, learned], i) => ({
                    destination,
                    learned,
                    target: { kind: "other", what: String(i) },
                    hop: { kind: "route", resource: String(i), detail: "" },
                }));
                const [qa, qb] = range(query);
                let expected: Route | undefined;
                for (const r of routes) {
                    const [a, b] = range(r.destination);
                    if (a > qa || b < qb) continue;
                    const longer =
                        !expected ||
                        range(r.destination)[1] - a < range(expected.destination)[1] - range(expected.destination)[0];
                    const same = expected && b - a === range(expected.destination)[1] - range(expected.destination)[0];
                    if (longer && !same) expected = r;
                    else if (same && expected!.learned && !r.learned) expected = r;
                }
                assert.equal(longestPrefixMatch(routes, query), expected);
            }),
            { numRuns: 300 },
        );
    });

    it("admits a packet from the same basic security group by default, and accepts every outbound one", () => {
        const model = emptyModel();
        model.securityGroups.set("sg-a", { id: "sg-a", cloud: "alicloud", known: true, rules: [] });
        const packet = { protocol: "tcp" as const, port: 8080, peer: "10.0.0.5/32" };
        assert.equal(verdict(model, ["sg-a"], "ingress", { ...packet, peerGroupIds: ["sg-a"] })?.admitted, true);
        assert.equal(verdict(model, ["sg-a"], "ingress", { ...packet, peerGroupIds: ["sg-b"] })?.admitted, false);
        assert.equal(verdict(model, ["sg-a"], "egress", { ...packet, peerGroupIds: [] })?.admitted, true);
    });

    it("decides an Alibaba Cloud packet by the first matching rule in priority order, drop first at a tie", () => {
        const rule = fc.record({
            priority: fc.integer({ min: 1, max: 5 }),
            policy: fc.constantFrom("accept" as const, "drop" as const),
            port: fc.integer({ min: 79, max: 81 }),
            source: fc.constantFrom("10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0", "192.168.0.0/16"),
        });
        fc.assert(
            fc.property(
                fc.array(rule, { maxLength: 8 }),
                fc.integer({ min: 79, max: 81 }),
                fc.constantFrom("10.1.2.0/24", "192.168.1.1/32", "8.8.8.8/32"),
                (rules, port, peer) => {
                    const model = emptyModel();
                    const group: SecurityGroup = {
                        id: "sg-test",
                        cloud: "alicloud",
                        known: true,
                        rules: rules.map((r, i): SecurityRule => ({
                            direction: "ingress",
                            protocol: "tcp",
                            fromPort: r.port,
                            toPort: r.port,
                            peer: { cidr: r.source },
                            policy: r.policy,
                            priority: r.priority,
                            hop: { kind: "rule", resource: String(i), detail: "" },
                        })),
                    };
                    model.securityGroups.set(group.id, group);
                    const covers = (source: string) =>
                        range(source)[0] <= range(peer)[0] && range(source)[1] >= range(peer)[1];
                    let expected = false;
                    for (let p = 1; p <= 5; p++) {
                        const matching = rules.filter(r => r.priority === p && r.port === port && covers(r.source));
                        if (matching.some(r => r.policy === "drop")) {
                            expected = false;
                            break;
                        }
                        if (matching.length > 0) {
                            expected = true;
                            break;
                        }
                    }
                    const result = verdict(model, ["sg-test"], "ingress", {
                        protocol: "tcp",
                        port,
                        peer,
                        peerGroupIds: [],
                    });
                    assert.equal(result?.admitted, expected);
                },
            ),
            { numRuns: 300 },
        );
    });
});
