/** S4 in production: zone-level localities in distribution, failover kept to regions, and Istio's outlier-detection rules. */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { readStackConfig } from "../cli/stackConfig";
import { buildStack, loadStackConfig } from "../stacks/program";
import * as kubernetes from "../components/sdk/kubernetes";
import { ServiceMesh } from "../components/alicloud/mesh";
import {
    LocalityMesh,
    LocalityPolicy,
    MeshLocalityPolicy,
    MeshLocalityPolicyArgs,
    validateMeshLocalityPolicyArgs,
} from "../components/alicloud/meshLocality";
import { durationNs } from "../components/alicloud/meshLocality/outlier";
import { build, world } from "./mocks";
import { TopologyValidationError } from "../components/errors";
import { meshTutorial, meshTutorialArgs } from "./support/meshTutorial";

/** A provider of the mesh control plane, for the checks that never register anything. */
const provider = new kubernetes.Provider("zones-mesh-k8s", { kubeconfig: "x" });

const MESH: LocalityMesh = {
    provider,
    version: "1.22.6.66",
    regions: ["cn-hangzhou", "cn-shanghai"],
    zones: { "cn-hangzhou": ["cn-hangzhou-h", "cn-hangzhou-i"], "cn-shanghai": ["cn-shanghai-l"] },
};

function policyArgs(policy: LocalityPolicy, mesh: LocalityMesh = MESH): MeshLocalityPolicyArgs {
    return { mesh, host: "reviews", policy };
}

/** The problems of a policy, as `path: message` lines; none when it is accepted. */
function problemsOf(policy: LocalityPolicy, mesh?: LocalityMesh): string[] {
    try {
        validateMeshLocalityPolicyArgs("r", policyArgs(policy, mesh));
        return [];
    } catch (e) {
        if (!(e instanceof TopologyValidationError)) throw e;
        return e.problems.map(p => `${p.path}: ${p.message}`);
    }
}

/** The paths of the problems of a policy. */
const pathsOf = (policy: LocalityPolicy, mesh?: LocalityMesh) =>
    problemsOf(policy, mesh).map(line => line.slice(0, line.indexOf(": ")));

const distribute = (from: string, to: Record<string, number>): LocalityPolicy => ({
    mode: "distribution",
    distribute: [{ from, to }],
});

describe("MeshLocalityPolicy: zone-level distribution", () => {
    it("renders zones and subzones as Istio localities, what is left open ending in *", () => {
        const plan = validateMeshLocalityPolicyArgs(
            "r",
            policyArgs({
                mode: "distribution",
                distribute: [
                    {
                        from: "cn-hangzhou/cn-hangzhou-h",
                        to: { "cn-hangzhou/cn-hangzhou-h": 80, "cn-hangzhou/cn-hangzhou-i": 15, "cn-shanghai/*": 5 },
                    },
                    { from: "cn-hangzhou/cn-hangzhou-i/rack-1", to: { "cn-hangzhou/cn-hangzhou-i/rack-1": 100 } },
                    { from: "cn-shanghai", to: { "cn-shanghai": 100 } },
                ],
            }),
        );
        assert.deepEqual(plan.destinationRule.spec.trafficPolicy?.loadBalancer?.localityLbSetting, {
            enabled: true,
            distribute: [
                {
                    from: "cn-hangzhou/cn-hangzhou-h/*",
                    to: { "cn-hangzhou/cn-hangzhou-h/*": 80, "cn-hangzhou/cn-hangzhou-i/*": 15, "cn-shanghai/*": 5 },
                },
                { from: "cn-hangzhou/cn-hangzhou-i/rack-1", to: { "cn-hangzhou/cn-hangzhou-i/rack-1": 100 } },
                { from: "cn-shanghai/*", to: { "cn-shanghai/*": 100 } },
            ],
        });
    });

    it("knows the zones from the mesh's clusters", async () => {
        await build(opts => {
            const t = meshTutorial(opts, { hangzhouZones: ["cn-hangzhou-i"] });
            const mesh = new ServiceMesh("asm", meshTutorialArgs(t), opts);
            assert.deepEqual(mesh.zones, {
                "cn-hangzhou": ["cn-hangzhou-h", "cn-hangzhou-i"],
                "cn-shanghai": ["cn-shanghai-l"],
            });
            return new MeshLocalityPolicy(
                "reviews",
                {
                    mesh,
                    host: "reviews",
                    policy: distribute("cn-hangzhou/cn-hangzhou-i", {
                        "cn-hangzhou/cn-hangzhou-i": 90,
                        "cn-hangzhou/cn-hangzhou-h": 10,
                    }),
                },
                opts,
            );
        });
        const [rule] = world.ofType("kubernetes:networking.istio.io/v1alpha3:DestinationRule");
        assert.deepEqual(rule.inputs.spec.trafficPolicy.loadBalancer.localityLbSetting.distribute, [
            {
                from: "cn-hangzhou/cn-hangzhou-i/*",
                to: { "cn-hangzhou/cn-hangzhou-i/*": 90, "cn-hangzhou/cn-hangzhou-h/*": 10 },
            },
        ]);
        assert.throws(
            () =>
                validateMeshLocalityPolicyArgs(
                    "r",
                    policyArgs(distribute("cn-hangzhou/cn-hangzhou-k", { "cn-hangzhou": 100 }), {
                        ...MESH,
                        zones: { "cn-hangzhou": ["cn-hangzhou-h"] },
                    }),
                ),
            /policy\.distribute\[0\]\.from: zone 'cn-hangzhou-k' has no node of the mesh's clusters \(their zones in cn-hangzhou: cn-hangzhou-h\)/,
        );
    });

    it("checks a zone against its region, and against the clusters' zones only when the mesh knows them", () => {
        assert.deepEqual(problemsOf(distribute("cn-hangzhou/cn-shanghai-l", { "cn-hangzhou": 100 })), [
            "policy.distribute[0].from: zone 'cn-shanghai-l' is not a zone of region 'cn-hangzhou'.",
        ]);
        assert.deepEqual(problemsOf(distribute("cn-hangzhou", { "cn-hangzhou/cn-hangzhou-k": 100 })), [
            "policy.distribute[0].to.cn-hangzhou/cn-hangzhou-k: zone 'cn-hangzhou-k' has no node of the mesh's clusters (their zones in cn-hangzhou: cn-hangzhou-h, cn-hangzhou-i).",
        ]);
        const { zones: _, ...unknownZones } = MESH;
        assert.deepEqual(problemsOf(distribute("cn-hangzhou", { "cn-hangzhou/cn-hangzhou-k": 100 }), unknownZones), []);
        assert.deepEqual(pathsOf(distribute("cn-beijing/cn-beijing-a", { "cn-hangzhou": 100 })), [
            "policy.distribute[0].from",
        ]);
    });

    it("refuses localities Istio refuses: too many parts, empty parts, a misplaced *, a bad subzone", () => {
        const from = (text: string) => problemsOf(distribute(text, { "cn-hangzhou": 100 }));
        assert.match(
            from("cn-hangzhou/cn-hangzhou-h/rack/1")[0],
            /has 4 parts; an Istio locality is region\/zone\/subzone/,
        );
        assert.match(
            from("cn-hangzhou//rack")[0],
            /has an empty part \(Istio: "must not contain empty region\/zone\/subzone info"\)/,
        );
        assert.match(from("cn-hangzhou/*/rack")[0], /puts '\*' where Istio does not take it/);
        assert.match(from("*")[0], /puts '\*' where Istio does not take it/);
        assert.match(from("cn-hangzhou/cn-hangzhou-h*")[0], /puts '\*' where Istio does not take it/);
        assert.match(from("cn-hangzhou/cn-hangzhou-h/-rack")[0], /subzone '-rack' is not a Kubernetes label value/);
        assert.deepEqual(from("cn-hangzhou/*"), []);
        assert.deepEqual(from("cn-hangzhou/cn-hangzhou-h/*"), []);
    });

    it("refuses overlapping localities among the sources and among one source's targets, at the later one", () => {
        assert.deepEqual(
            problemsOf({
                mode: "distribution",
                distribute: [
                    { from: "cn-hangzhou", to: { "cn-hangzhou": 100 } },
                    { from: "cn-hangzhou/cn-hangzhou-h", to: { "cn-hangzhou/*": 50, "cn-hangzhou/cn-hangzhou-i": 50 } },
                ],
            }),
            [
                "policy.distribute[1].to.cn-hangzhou/cn-hangzhou-i: target locality 'cn-hangzhou/cn-hangzhou-i' overlaps 'cn-hangzhou/*' (at policy.distribute[1].to.cn-hangzhou/*); Istio refuses overlapping localities.",
                "policy.distribute[1].from: distribution source locality 'cn-hangzhou/cn-hangzhou-h' overlaps 'cn-hangzhou' (at policy.distribute[0].from); Istio refuses overlapping localities.",
            ],
        );
        assert.deepEqual(
            pathsOf({
                mode: "distribution",
                distribute: [
                    { from: "cn-hangzhou/cn-hangzhou-h", to: { "cn-hangzhou": 100 } },
                    { from: "cn-hangzhou/cn-hangzhou-i", to: { "cn-hangzhou": 100 } },
                    { from: "cn-hangzhou/cn-hangzhou-h/*", to: { "cn-hangzhou": 100 } },
                ],
            }),
            ["policy.distribute[2].from"],
            "two zones of one region do not overlap; a zone and the zone with every subzone do",
        );
    });

    it("keeps failover to regions, as Istio does, with why", () => {
        assert.deepEqual(
            problemsOf({
                mode: "failover",
                failover: [
                    { from: "cn-hangzhou/cn-hangzhou-h", to: "cn-shanghai" },
                    { from: "cn-shanghai", to: "cn-hangzhou*" },
                ],
            }),
            [
                "policy.failover[0].from: 'cn-hangzhou/cn-hangzhou-h' is not a region; Istio's failover names regions only (\"locality lb failover only specify region\", no '*'). Within a region Istio already prefers the client's zone, then the region's other zones, before failing over.",
                "policy.failover[1].to: 'cn-hangzhou*' is not a region; Istio's failover names regions only (\"locality lb failover only specify region\", no '*'). Within a region Istio already prefers the client's zone, then the region's other zones, before failing over.",
            ],
        );
    });
});

describe("MeshLocalityPolicy: Istio's outlier-detection rules", () => {
    const failover = (outlierDetection: object) =>
        problemsOf({
            mode: "failover",
            failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
            outlierDetection,
        });

    it("reads Istio durations to the nanosecond", () => {
        assert.equal(durationNs("1s"), 1_000_000_000n);
        assert.equal(durationNs("1m30s"), 90_000_000_000n);
        assert.equal(durationNs("1.5s"), 1_500_000_000n);
        assert.equal(durationNs("500ms"), 500_000_000n);
        assert.equal(durationNs("1h"), 3_600_000_000_000n);
        assert.equal(durationNs("0.5ms"), 500_000n);
    });

    it("takes production settings: 5 errors, a 10s interval, 30s ejections, at most half the endpoints", () => {
        assert.deepEqual(
            failover({
                consecutive5xxErrors: 5,
                consecutiveGatewayErrors: 3,
                interval: "10s",
                baseEjectionTime: "30s",
                maxEjectionPercent: 50,
                minHealthPercent: 0,
            }),
            [],
        );
        assert.deepEqual(failover({ interval: "1500ms", baseEjectionTime: "1.5s" }), []);
        assert.deepEqual(failover({ consecutiveLocalOriginFailures: 3, splitExternalLocalOriginErrors: true }), []);
    });

    it("refuses durations under 1ms or not whole milliseconds, at their paths", () => {
        assert.deepEqual(failover({ interval: "0.5ms", baseEjectionTime: "1.5ms" }), [
            'policy.outlierDetection.interval: interval 0.5ms is shorter than 1ms (Istio: "duration must be greater than 1ms").',
            'policy.outlierDetection.baseEjectionTime: baseEjectionTime 1.5ms is not a whole number of milliseconds (Istio: "only durations to ms precision are supported").',
        ]);
        assert.deepEqual(
            pathsOf({ ...distribute("cn-hangzhou", { "cn-hangzhou": 100 }), outlierDetection: { interval: "0s" } }),
            ["policy.outlierDetection.interval"],
        );
    });

    it("refuses local-origin failures without splitting them out, as Istio does", () => {
        assert.deepEqual(failover({ consecutiveLocalOriginFailures: 3 }), [
            "policy.outlierDetection.consecutiveLocalOriginFailures: consecutiveLocalOriginFailures counts only local-origin failures split from the upstream's errors, and splitExternalLocalOriginErrors is not true (Istio refuses the rule).",
        ]);
    });

    it("refuses percentages outside 0–100 and negative counts at their paths (the shape)", () => {
        assert.deepEqual(
            pathsOf({
                mode: "failover",
                failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                outlierDetection: { maxEjectionPercent: 101, minHealthPercent: -1, consecutive5xxErrors: -1 },
            }),
            [
                "policy.outlierDetection.consecutive5xxErrors",
                "policy.outlierDetection.maxEjectionPercent",
                "policy.outlierDetection.minHealthPercent",
            ],
        );
    });
});

describe("the prod stack's reviews rule", function () {
    this.timeout(30_000);

    it("fails over between the regions with production outlier detection", async () => {
        const raw = readStackConfig(path.resolve(__dirname, "..", "stacks"), "prod", "topologies").raw;
        await build(opts => buildStack(loadStackConfig(raw), opts));
        const reviews = world
            .ofType("kubernetes:networking.istio.io/v1alpha3:DestinationRule")
            .filter(r => r.inputs.metadata?.name === "reviews");
        assert.equal(reviews.length, 1);
        const policy = reviews[0].inputs.spec.trafficPolicy;
        assert.deepEqual(policy.outlierDetection, {
            consecutive5xxErrors: 5,
            consecutiveGatewayErrors: 3,
            interval: "10s",
            baseEjectionTime: "30s",
            maxEjectionPercent: 50,
        });
        assert.deepEqual(policy.loadBalancer.localityLbSetting, {
            enabled: true,
            failover: [
                { from: "cn-shanghai", to: "cn-hangzhou" },
                { from: "cn-hangzhou", to: "cn-shanghai" },
            ],
        });
    });
});
