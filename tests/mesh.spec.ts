import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { build, isSecretOutput, valueOf, world } from "./mocks";
import { problemLines as problemsOf } from "./mocks/rejection";
import { Bookinfo } from "../components/alicloud/bookinfo";
import { CenTransitNetwork } from "../components/alicloud/cen";
import { ServiceMesh, ServiceMeshArgs, validateServiceMeshArgs } from "../components/alicloud/mesh";
import { pickOfferedVersion } from "../components/alicloud/mesh/version";
import { LocalityPolicy } from "../components/alicloud/meshLocality";
import { checkMeshObject, meshPeerAuthentication } from "../components/alicloud/istio";
import { Problems } from "../components/errors";
import { TopologyValidationError } from "../components/errors";
import { lateRejection } from "./support/lateRejection";
import { MeshTutorial, meshTutorial, meshTutorialArgs } from "./support/meshTutorial";

/** A CEN built beside the mesh with all three VPCs as members, for the mesh to join. */
function sharedCen(t: MeshTutorial, opts: pulumi.ComponentResourceOptions): CenTransitNetwork {
    return new CenTransitNetwork(
        "shared-cen",
        {
            members: { hz: { vpc: t.hangzhou.vpc }, sh: { vpc: t.shanghai.vpc }, mesh: { vpc: t.meshVpc } },
            allowMultipleVpcsPerRegion: true,
        },
        opts,
    );
}

/** Resource options the components gave their children, by child name (the recorder keeps no secrets options). */
const childOptions = new Map<string, pulumi.CustomResourceOptions>();

/** `opts` plus a transformation that keeps every child's options in {@link childOptions}. */
function capturing(opts: pulumi.ComponentResourceOptions): pulumi.ComponentResourceOptions {
    childOptions.clear();
    const keep: pulumi.ResourceTransformation = ({ name, opts: o }) => {
        childOptions.set(name, o);
        return undefined;
    };
    return { ...opts, transformations: [...(opts.transformations ?? []), keep] };
}

/** Builds the whole tutorial with the given reviews locality policy. */
function buildTutorial(reviewsLocality: LocalityPolicy) {
    return build(opts => {
        const t = meshTutorial(opts);
        const mesh = new ServiceMesh("asm", meshTutorialArgs(t), capturing(opts));
        const bookinfo = new Bookinfo(
            "bookinfo",
            {
                clusters: {
                    "ack-hangzhou": { provider: t.hangzhou.provider, reviewsVersions: ["v1"] },
                    "ack-shanghai": { provider: t.shanghai.provider, reviewsVersions: ["v2"] },
                },
                mesh,
                reviewsLocality,
            },
            opts,
        );
        return { ...t, mesh, bookinfo };
    });
}

const FAILOVER: LocalityPolicy = {
    mode: "failover",
    failover: [
        { from: "cn-shanghai", to: "cn-hangzhou" },
        { from: "cn-hangzhou", to: "cn-shanghai" },
    ],
};

describe("ServiceMesh (S4, the tutorial's numbers)", () => {
    it("builds clusters, node pools, CEN, SG rules, the mesh, the IstioGateway and Bookinfo with failover", async () => {
        const { mesh, hangzhou, shanghai } = await buildTutorial(FAILOVER);

        const clusters = world.ofType("cs/managedKubernetes:ManagedKubernetes");
        assert.deepEqual(
            clusters.map(c => [c.name, world.regionOf(c), c.inputs.podCidr, c.inputs.serviceCidr]),
            [
                ["ack-hangzhou-cluster", "cn-hangzhou", "10.0.0.0/16", "172.16.0.0/16"],
                ["ack-shanghai-cluster", "cn-shanghai", "10.1.0.0/16", "172.17.0.0/16"],
            ],
        );
        assert.deepEqual(
            world.ofType("cs/nodePool:NodePool").map(p => [p.name, world.regionOf(p)]),
            [
                ["ack-hangzhou-nodes", "cn-hangzhou"],
                ["ack-shanghai-nodes", "cn-shanghai"],
            ],
        );

        // CEN: one instance, a TR per region, three VPC attachments, one inter-region connection.
        const cen = world.named("asm-cen");
        assert.equal(cen.parent, "asm");
        assert.equal(world.ofType("cen/instance:Instance").length, 1);
        assert.deepEqual(
            world
                .ofType("cen/transitRouter:TransitRouter")
                .map(r => world.regionOf(r))
                .sort(),
            ["cn-hangzhou", "cn-shanghai"],
        );
        const attachments = world.ofType("cen/transitRouterVpcAttachment:TransitRouterVpcAttachment");
        assert.deepEqual(
            attachments.map(a => a.inputs.vpcId).sort(),
            [
                world.named("vpc-hangzhou-vpc").id,
                world.named("vpc-hangzhou2-vpc").id,
                world.named("vpc-shanghai-vpc").id,
            ].sort(),
        );
        const peers = world.ofType("cen/transitRouterPeerAttachment:TransitRouterPeerAttachment");
        assert.equal(peers.length, 1);
        assert.equal(peers[0].inputs.bandwidth, 10);

        // Each control-plane security group accepts all protocols from the peer's Pod CIDR.
        const rules = world.ofType("ecs/securityGroupRule:SecurityGroupRule");
        assert.deepEqual(
            rules.map(r => [
                r.inputs.securityGroupId,
                r.inputs.cidrIp,
                r.inputs.ipProtocol,
                r.inputs.portRange,
                r.inputs.type,
                r.inputs.policy,
                world.regionOf(r),
            ]),
            [
                [clusters[0].state.securityGroupId, "10.1.0.0/16", "all", "-1/-1", "ingress", "accept", "cn-hangzhou"],
                [clusters[1].state.securityGroupId, "10.0.0.0/16", "all", "-1/-1", "ingress", "accept", "cn-shanghai"],
            ],
        );
        assert.ok(rules.every(r => r.parent === "asm"));

        const asm = world.named("asm-mesh");
        assert.equal(asm.type, "alicloud:servicemesh/serviceMesh:ServiceMesh");
        assert.equal(world.regionOf(asm), "cn-hangzhou");
        assert.deepEqual(asm.inputs.clusterIds, [clusters[0].id, clusters[1].id]);
        assert.deepEqual(asm.inputs.network, {
            vpcId: world.named("vpc-hangzhou2-vpc").id,
            vswitcheList: world.named("vpc-hangzhou2-vpc-hangzhou-switch-2").id,
        });
        // Created with the full build string ASM offers and reports back, so the version never shows as a change.
        assert.equal(asm.inputs.version, "v1.22.6.66-g9a1b2c3d-aliyun");
        assert.deepEqual(
            world.calls
                .filter(c => c.token === "alicloud:servicemesh/getVersions:getVersions")
                .map(c => c.inputs.edition),
            ["Pro"],
        );
        assert.equal(
            world.named("asm-mesh").ignoreChanges,
            undefined,
            "a pinned version is upgraded in place when it changes",
        );
        assert.equal(asm.inputs.edition, "Pro");
        assert.deepEqual(asm.inputs.meshConfig, { enableLocalityLb: true });
        assert.deepEqual(
            asm.inputs.loadBalancer,
            { apiServerPublicEip: false },
            "private unless publicApiServer opts in; pilotPublicEip is deprecated and read-only",
        );
        assert.deepEqual(asm.dependsOn.sort(), ["asm-cen", ...rules.map(r => r.name)].sort());

        assert.equal(await isSecretOutput(mesh.kubeconfig), true);
        assert.deepEqual(
            childOptions.get("asm-mesh")?.additionalSecretOutputs,
            ["kubeconfig"],
            "the mesh kubeconfig must be a secret in state too",
        );
        assert.equal(await isSecretOutput(hangzhou.kubeconfig), true);
        assert.equal(await isSecretOutput(shanghai.kubeconfig), true);
        assert.match(await valueOf(mesh.kubeconfig), /asm\.aliyuncs\.com/);
        assert.equal(world.named("asm-k8s").type, "pulumi:providers:kubernetes");

        const gw = world.named("asm-ingressgateway");
        assert.equal(gw.type, "kubernetes:istio.alibabacloud.com/v1beta1:IstioGateway");
        assert.equal(gw.provider, "asm-k8s");
        assert.deepEqual(gw.inputs.metadata, {
            name: "ingressgateway",
            namespace: "istio-system",
            annotations: { "asm.alibabacloud.com/managed-by-asm": "true" },
        });
        assert.deepEqual(gw.inputs.spec, {
            gatewayType: "ingress",
            dnsPolicy: "ClusterFirst",
            externalTrafficPolicy: "Local",
            hostNetwork: false,
            ports: [
                { name: "http", port: 80, protocol: "TCP", targetPort: 80 },
                { name: "https", port: 443, protocol: "TCP", targetPort: 443 },
            ],
            replicaCount: 1,
            resources: { limits: { cpu: "2", memory: "2G" }, requests: { cpu: "200m", memory: "256Mi" } },
            rollingMaxSurge: "100%",
            rollingMaxUnavailable: "25%",
            runAsRoot: true,
            serviceType: "LoadBalancer",
            // The tutorial's test traffic goes to ack-hangzhou's gateway: the cluster in the mesh's region.
            clusterIds: [world.named("ack-hangzhou-cluster").id],
        });
        // The mesh sends its cluster ids sorted, whatever the order of the args.
        const ids = [world.named("ack-hangzhou-cluster").id, world.named("ack-shanghai-cluster").id];
        assert.deepEqual(world.named("asm-mesh").inputs.clusterIds, [...ids].sort());

        // Bookinfo in both clusters through each cluster's provider.
        const deployments = world.ofType("kubernetes:apps/v1:Deployment");
        assert.deepEqual(deployments.map(d => [d.inputs.metadata.name, d.provider]).sort(), [
            ["details-v1", "ack-hangzhou-k8s"],
            ["details-v1", "ack-shanghai-k8s"],
            ["productpage-v1", "ack-hangzhou-k8s"],
            ["productpage-v1", "ack-shanghai-k8s"],
            ["ratings-v1", "ack-hangzhou-k8s"],
            ["ratings-v1", "ack-shanghai-k8s"],
            ["reviews-v1", "ack-hangzhou-k8s"],
            ["reviews-v2", "ack-shanghai-k8s"],
        ]);
        assert.equal(world.ofType("kubernetes:core/v1:Service").length, 8);
        assert.equal(world.ofType("kubernetes:core/v1:ServiceAccount").length, 8);

        // Sidecars: the namespace is labelled for injection in each cluster, and pods start only
        // after that label and after the mesh (which installs the injector in its clusters).
        const injection = world.ofType("kubernetes:core/v1:NamespacePatch");
        assert.deepEqual(
            injection.map(n => [n.name, n.provider, n.inputs.metadata]),
            [
                [
                    "bookinfo-ack-hangzhou-injection",
                    "ack-hangzhou-k8s",
                    { name: "default", labels: { "istio-injection": "enabled" } },
                ],
                [
                    "bookinfo-ack-shanghai-injection",
                    "ack-shanghai-k8s",
                    { name: "default", labels: { "istio-injection": "enabled" } },
                ],
            ],
        );
        for (const d of deployments) {
            const cluster = d.provider === "ack-hangzhou-k8s" ? "ack-hangzhou" : "ack-shanghai";
            assert.deepEqual(d.dependsOn, [`bookinfo-${cluster}-injection`, "asm-mesh", "asm-ingressgateway"], d.name);
        }
        // Istio objects go to the mesh after the mesh and its ingress gateway.
        for (const kind of ["Gateway", "VirtualService", "DestinationRule"]) {
            for (const o of world.ofType(`kubernetes:networking.istio.io/v1alpha3:${kind}`)) {
                assert.deepEqual([o.provider, o.dependsOn], ["asm-k8s", ["asm-mesh", "asm-ingressgateway"]], o.name);
            }
        }

        // The reviews rule carries the failover, through the mesh provider.
        const reviews = world.named("bookinfo-reviews-dr");
        assert.equal(reviews.provider, "asm-k8s");
        assert.equal(reviews.parent, "bookinfo-reviews");
        assert.deepEqual(reviews.inputs.spec.trafficPolicy, {
            connectionPool: { http: { maxRequestsPerConnection: 1 } },
            outlierDetection: { consecutive5xxErrors: 1, interval: "1s", baseEjectionTime: "1m" },
            loadBalancer: {
                localityLbSetting: {
                    enabled: true,
                    failover: [
                        { from: "cn-shanghai", to: "cn-hangzhou" },
                        { from: "cn-hangzhou", to: "cn-shanghai" },
                    ],
                },
            },
        });
        assert.deepEqual(
            reviews.inputs.spec.subsets.map((s: { name: string }) => s.name),
            ["v1", "v2", "v3"],
        );
        assert.deepEqual(
            world
                .ofType("kubernetes:networking.istio.io/v1alpha3:DestinationRule")
                .map(r => r.inputs.metadata.name)
                .sort(),
            ["details", "productpage", "ratings", "reviews"],
        );
        assert.ok(
            world
                .ofType("kubernetes:networking.istio.io/v1alpha3:DestinationRule")
                .every(r => r.provider === "asm-k8s"),
        );
    });

    it("produces the 90/10 distribution from cn-hangzhou", async () => {
        await buildTutorial({
            mode: "distribution",
            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 10 } }],
        });
        const reviews = world.named("bookinfo-reviews-dr");
        assert.deepEqual(reviews.inputs.spec.trafficPolicy.loadBalancer, {
            localityLbSetting: {
                enabled: true,
                distribute: [{ from: "cn-hangzhou/*", to: { "cn-hangzhou/*": 90, "cn-shanghai/*": 10 } }],
            },
        });
        assert.equal(reviews.inputs.spec.trafficPolicy.loadBalancer.localityLbSetting.failover, undefined);
    });

    it("leaves the namespace label alone when injection is managed elsewhere", async () => {
        await build(opts => {
            const t = meshTutorial(opts);
            return new Bookinfo(
                "bookinfo",
                { clusters: { "ack-hangzhou": { provider: t.hangzhou.provider } }, injectSidecars: false },
                opts,
            );
        });
        assert.deepEqual(world.ofType("kubernetes:core/v1:NamespacePatch"), []);
        assert.ok(world.ofType("kubernetes:apps/v1:Deployment").every(d => d.dependsOn.length === 0));
    });

    it("accepts an existing CEN that connects every VPC", async () => {
        await build(opts => {
            const t = meshTutorial(opts);
            const cen = sharedCen(t, opts);
            return new ServiceMesh("asm", meshTutorialArgs(t, { cen, ingressGateway: false }), opts);
        });
        assert.equal(world.ofType("cen/instance:Instance").length, 1);
        assert.deepEqual(world.named("asm-mesh").dependsOn.includes("shared-cen"), true);
        assert.deepEqual(world.ofType("kubernetes:istio.alibabacloud.com/v1beta1:IstioGateway"), []);
    });

    it("deploys the ingress gateway to the clusters named, and sends cluster ids in an order the args cannot change", async () => {
        const gatewayAndIds = async (extra: (t: MeshTutorial) => Partial<ServiceMeshArgs>) => {
            await build(opts => {
                const t = meshTutorial(opts);
                return new ServiceMesh("asm", meshTutorialArgs(t, extra(t)), opts);
            });
            return [
                world.named("asm-ingressgateway").inputs.spec.clusterIds,
                world.named("asm-mesh").inputs.clusterIds,
            ];
        };
        const [gateway, ids] = await gatewayAndIds(() => ({
            ingressGatewayClusters: ["ack-shanghai", "ack-hangzhou"],
        }));
        assert.deepEqual(gateway, [world.named("ack-shanghai-cluster").id, world.named("ack-hangzhou-cluster").id]);
        const [, reversed] = await gatewayAndIds(t => ({
            clusters: { "ack-shanghai": t.shanghai, "ack-hangzhou": t.hangzhou },
        }));
        assert.deepEqual(reversed, ids);
        assert.deepEqual(ids, [...ids].sort());
    });

    describe("mesh-wide mutual TLS (mtls)", () => {
        /** The mesh's PeerAuthentication(s), as registered, for the given `mtls` (absent when undefined). */
        async function policies(mtls?: ServiceMeshArgs["mtls"]) {
            let mesh: ServiceMesh | undefined;
            await build(opts => {
                const t = meshTutorial(opts);
                mesh = new ServiceMesh("asm", meshTutorialArgs(t, mtls === undefined ? {} : { mtls }), opts);
            });
            return { found: world.ofType("kubernetes:security.istio.io/v1:PeerAuthentication"), mesh: mesh! };
        }

        it("applies a STRICT PeerAuthentication named default in istio-system when mtls is absent", async () => {
            const { found, mesh } = await policies();
            assert.equal(found.length, 1);
            const [policy] = found;
            assert.equal(policy.name, "asm-mtls");
            assert.equal(policy.type, "kubernetes:security.istio.io/v1:PeerAuthentication");
            assert.equal(policy.inputs.apiVersion, "security.istio.io/v1");
            assert.equal(policy.inputs.kind, "PeerAuthentication");
            assert.deepEqual(policy.inputs.metadata, { name: "default", namespace: "istio-system" });
            assert.deepEqual(policy.inputs.spec, { mtls: { mode: "STRICT" } });
            // To the ASM control plane (the mesh's kubeconfig), as the locality DestinationRules; never a cluster's.
            assert.equal(policy.provider, "asm-k8s");
            assert.equal(policy.parent, "asm");
            assert.deepEqual(policy.dependsOn, ["asm-mesh"]);
            assert.deepEqual(mesh.peerAuthentication, meshPeerAuthentication("STRICT"));
        });

        for (const mode of ["STRICT", "PERMISSIVE", "DISABLE"] as const) {
            it(`sets spec.mtls.mode ${mode} when mtls is ${mode}`, async () => {
                const { found } = await policies(mode);
                assert.deepEqual(
                    found.map(p => [p.inputs.metadata.name, p.inputs.spec.mtls.mode, p.provider]),
                    [["default", mode, "asm-k8s"]],
                );
            });
        }

        it("refuses a mode that is not one of STRICT, PERMISSIVE and DISABLE, for untyped callers too", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                for (const bad of ["strict", "UNSET", 1, null, {}]) {
                    let error: unknown;
                    try {
                        validateServiceMeshArgs("asm", meshTutorialArgs(t, { mtls: bad as never }));
                    } catch (e) {
                        error = e;
                    }
                    assert.ok(error instanceof TopologyValidationError, `${JSON.stringify(bad)}: ${error}`);
                    const lines = error.problems.map(p => `${p.path}: ${p.message} ${p.fix}`);
                    assert.equal(lines.length, 1, `${JSON.stringify(bad)}: ${lines.join("; ")}`);
                    assert.match(
                        lines[0],
                        /^mtls: .*STRICT.*PERMISSIVE.*DISABLE/,
                        `${JSON.stringify(bad)}: ${lines[0]}`,
                    );
                }
            });
        });

        it("refuses a pinned ASM version older than 1.22, which has no security.istio.io/v1", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                assert.deepEqual(
                    problemsOf(() => validateServiceMeshArgs("asm", meshTutorialArgs(t, { version: "1.21.6.1" }))),
                    [
                        "version: ASM 1.21.6.1 predates security.istio.io/v1 (Istio 1.22), the API version of the mesh-wide PeerAuthentication (mtls: STRICT).",
                    ],
                );
                assert.doesNotThrow(() => validateServiceMeshArgs("asm", meshTutorialArgs(t, { version: "1.22" })));
            });
        });

        it("checks a PeerAuthentication by its own rule (no UNSET mode) beside its schema", () => {
            const problems = new Problems();
            const policy = meshPeerAuthentication("STRICT");
            checkMeshObject(problems, "pa", { ...policy, spec: { mtls: { mode: "UNSET" as never } } });
            checkMeshObject(problems, "pa", policy);
            // The schema's own check: a selector is a label map.
            checkMeshObject(problems, "pa", { ...policy, spec: { ...policy.spec, selector: "app=web" } } as never);
            assert.deepEqual(
                problems.list.map(p => p.path),
                ["pa.spec.mtls.mode", "pa.spec.selector"],
            );
            assert.equal(problems.list[0].message, "mTLS mode 'UNSET' is not supported.");
        });
    });

    it("takes the newest version ASM offers when none is pinned, and keeps it (an update never upgrades it)", async () => {
        await build(opts => {
            const t = meshTutorial(opts);
            const { version: _version, ...args } = meshTutorialArgs(t);
            return new ServiceMesh("asm", args, opts);
        });
        assert.equal(world.named("asm-mesh").inputs.version, "v1.25.4.20-g1234abcd-aliyun");
        assert.deepEqual(world.named("asm-mesh").ignoreChanges, ["version"]);
    });

    it("picks the build string ASM offers for a pinned version, and names what it offers when there is none", () => {
        const offered = ["v1.22.6.66-g9a1b2c3d-aliyun", "v1.24.6.55-g0f1e2d3c-aliyun"];
        assert.equal(pickOfferedVersion("1.22.6.66", offered), "v1.22.6.66-g9a1b2c3d-aliyun");
        assert.equal(pickOfferedVersion("v1.24.6.55-g0f1e2d3c-aliyun", offered), "v1.24.6.55-g0f1e2d3c-aliyun");
        assert.equal(pickOfferedVersion(undefined, offered), "v1.24.6.55-g0f1e2d3c-aliyun");
        assert.throws(
            () => pickOfferedVersion("1.21.0.1", offered),
            /ASM offers no version 1\.21\.0\.1; it offers v1\.22\.6\.66-g9a1b2c3d-aliyun, v1\.24\.6\.55/,
        );
        assert.throws(() => pickOfferedVersion("v1.22.6.66-gdeadbee-aliyun", offered), /offers no version/);
    });

    describe("validation", () => {
        it("refuses gateway clusters that are not the mesh's, repeated, or given twice over", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs(
                            "asm",
                            meshTutorialArgs(t, {
                                ingressGatewayClusters: ["ack-beijing", "ack-hangzhou", "ack-hangzhou"],
                            }),
                        ),
                    ),
                    [
                        "ingressGatewayClusters[0]: cluster 'ack-beijing' is not a cluster of the mesh.",
                        "ingressGatewayClusters[2]: gateway cluster 'ack-hangzhou' is used again (first at ingressGatewayClusters[1]).",
                    ],
                );
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs(
                            "asm",
                            meshTutorialArgs(t, {
                                ingressGatewayClusters: ["ack-hangzhou"],
                                ingressGateway: { clusterIds: ["c-1"] },
                            }),
                        ),
                    ),
                    [
                        "ingressGatewayClusters: both ingressGatewayClusters and ingressGateway.clusterIds say where the gateway goes.",
                    ],
                );
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs(
                            "asm",
                            meshTutorialArgs(t, { ingressGatewayClusters: ["ack-hangzhou"], ingressGateway: false }),
                        ),
                    ),
                    [
                        "ingressGatewayClusters: there is no ingress gateway (ingressGateway: false) to deploy to these clusters.",
                    ],
                );
            });
        });

        it("names both sides of every overlap across the mesh", async () => {
            await build(opts => {
                const t = meshTutorial(opts, { shanghaiPod: "10.0.128.0/17", meshVpc: "172.17.0.0/16" });
                assert.deepEqual(
                    problemsOf(() => validateServiceMeshArgs("asm", meshTutorialArgs(t))),
                    [
                        "clusters.ack-shanghai.serviceCidr: cluster 'ack-shanghai' Service CIDR 172.17.0.0/16 overlaps mesh VPC 'vpc-hangzhou2' 172.17.0.0/16.",
                        "clusters.ack-shanghai.podCidr: cluster 'ack-shanghai' Pod CIDR 10.0.128.0/17 overlaps cluster 'ack-hangzhou' Pod CIDR 10.0.0.0/16.",
                    ],
                );
            });
        });

        it("requires a distinct Service CIDR per cluster (reported once, not also as an overlap)", async () => {
            await build(opts => {
                const t = meshTutorial(opts, { shanghaiService: "172.16.0.0/16" });
                assert.deepEqual(
                    problemsOf(() => validateServiceMeshArgs("asm", meshTutorialArgs(t))),
                    [
                        "clusters.ack-shanghai.serviceCidr: cluster 'ack-shanghai' uses Service CIDR 172.16.0.0/16, the same as cluster 'ack-hangzhou'.",
                    ],
                );
            });
        });

        it("checks the CEN it builds by the CEN's own rules, with the problems at the mesh's inputs", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs(
                            "asm",
                            meshTutorialArgs(t, {
                                cenOptions: {
                                    peerBandwidthMbps: 20,
                                    bandwidthPackage: { bandwidthMbps: 10, paymentType: "PostPaid", period: 3 },
                                },
                            }),
                        ),
                    ),
                    [
                        "cenOptions.bandwidthPackage.bandwidthMbps: the connections across China/China need 20 Mbit/s together " +
                            "(cn-hangzhou:cn-shanghai 20) but the bandwidth package has 10 Mbit/s.",
                        "cenOptions.bandwidthPackage.period: period applies to PrePaid packages only.",
                    ],
                );
            });
            // A VPC overlapping another is the CEN's rule, reported once, at the VPC's input.
            await build(opts => {
                const t = meshTutorial(opts, { meshVpc: "21.0.0.0/16" });
                assert.deepEqual(
                    problemsOf(() => validateServiceMeshArgs("asm", meshTutorialArgs(t))),
                    [
                        "clusters.ack-shanghai.vpc.cidrBlock: member 'vpc-shanghai' VPC 21.0.0.0/8 overlaps member 'vpc-hangzhou2' VPC 21.0.0.0/16.",
                    ],
                );
            });
        });

        it("takes an existing CEN as cen and options of the one it builds as cenOptions, never both; network is renamed", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                const cen = sharedCen(t, opts);
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs(
                            "asm",
                            meshTutorialArgs(t, { cen, cenOptions: { peerBandwidthMbps: 5 } }),
                        ),
                    ),
                    [
                        "cenOptions: cenOptions configure a network this component creates, but cen joins an existing one.",
                    ],
                );
                // JavaScript or YAML callers of the old API are told where the field went, not ignored.
                const renamed = (network: unknown) =>
                    problemsOf(() =>
                        validateServiceMeshArgs("asm", { ...meshTutorialArgs(t), network } as ServiceMeshArgs),
                    );
                assert.deepEqual(renamed(cen), [
                    "network: network is renamed: an existing CenTransitNetwork is given as cen, options of the CEN the mesh builds as cenOptions.",
                ]);
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs("asm", meshTutorialArgs(t, { cen: { cenId: "cen-1" } as never })),
                    ),
                    ['cen: {"cenId":"cen-1"}: is not a CenTransitNetwork.'],
                );
                assert.deepEqual(renamed({ peerBandwidthMbps: 5 }), [
                    "network: network is renamed: an existing CenTransitNetwork is given as cen, options of the CEN the mesh builds as cenOptions.",
                ]);
                return cen;
            });
        });

        it("rejects an existing CEN that lacks a member VPC or the inter-region connection", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                const cen = new CenTransitNetwork("hz-only", { members: { hz: { vpc: t.hangzhou.vpc } } }, opts);
                assert.deepEqual(
                    problemsOf(() => validateServiceMeshArgs("asm", meshTutorialArgs(t, { cen }))),
                    [
                        "cen: VPC 'vpc-hangzhou2' (vpc) is not a member of CEN 'hz-only'.",
                        "cen: VPC 'vpc-shanghai' (clusters.ack-shanghai.vpc) is not a member of CEN 'hz-only'.",
                        "cen: CEN 'hz-only' has no inter-region bandwidth between cn-hangzhou and cn-shanghai; ASM cannot reach clusters across regions without it.",
                    ],
                );
            });
        });

        it("rejects an unknown vSwitch, version and a bad gateway override, at the override's own path", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs(
                            "asm",
                            meshTutorialArgs(t, {
                                vSwitch: "vsw9",
                                version: "1.x",
                                clusters: {},
                                ingressGateway: {
                                    rollingMaxSurge: "150%",
                                    resources: {
                                        limits: { cpu: "2", memory: "2G" },
                                        requests: { cpu: "lots", memory: "1Gi" },
                                    },
                                },
                            }),
                        ),
                    ),
                    [
                        "vSwitch: vSwitch 'vsw9' is not a vSwitch of VPC 'vpc-hangzhou2'.",
                        "version: '1.x' is not an ASM version.",
                        "clusters: the mesh has no cluster.",
                        "ingressGateway.rollingMaxSurge: '150%' is not a percentage from 0% to 100%.",
                        "ingressGateway.resources.requests.cpu: CPU 'lots' is not a Kubernetes CPU quantity.",
                    ],
                );
            });
        });

        it("checks the shape of its args before any rule: enumerations, clusters that are none, gateway overrides, tags", async () => {
            await build(opts => {
                const t = meshTutorial(opts);
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs(
                            "asm",
                            meshTutorialArgs(t, {
                                edition: "Gold" as never,
                                meshSpec: "huge" as never,
                                version: " 1.22.6.66",
                                clusters: { "ack-hangzhou": t.hangzhou, "ack-shanghai": "c-123" as never },
                                ingressGateway: {
                                    replicaCount: 0,
                                    ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 80.5 }],
                                    replicas: 2,
                                } as never,
                                cenOptions: {
                                    peerBandwidthMbps: NaN,
                                    bandwidthPackage: { bandwidthMbps: 10, period: 7 as never },
                                },
                                tags: { "acs:team": "x" },
                            }),
                        ),
                    ),
                    [
                        'clusters.ack-shanghai: "c-123": is not an AckCluster.',
                        'edition: "Gold" is not accepted.',
                        'meshSpec: "huge" is not accepted.',
                        'version: " 1.22.6.66": has leading or trailing blanks.',
                        "cenOptions.peerBandwidthMbps: expected number, got NaN.",
                        "cenOptions.bandwidthPackage.period: 7 is not accepted.",
                        "ingressGateway.ports[0].targetPort: 80.5: is not a whole number from 1 to 65535.",
                        "ingressGateway.replicaCount: 0: is not a whole number from 1 to 100.",
                        "ingressGateway.replicas: 'replicas' is not an input here.",
                        "tags.acs:team: the key \"acs:team\" starts with 'acs:', which Alibaba Cloud keeps for its own tags.",
                    ],
                );
                assert.deepEqual(
                    problemsOf(() =>
                        validateServiceMeshArgs("asm", meshTutorialArgs(t, { ingressGateway: true as never })),
                    ),
                    ["ingressGateway: expected object, got true."],
                );
            });
        });

        it("checks gateway cluster ids given as Outputs when they resolve, before the gateway is applied", async () => {
            const { error, registered } = await lateRejection(opts => {
                const t = meshTutorial(opts);
                return new ServiceMesh(
                    "asm",
                    meshTutorialArgs(t, { ingressGateway: { clusterIds: [pulumi.output("c-1\n")] } }),
                    opts,
                );
            });
            assert.equal(error.component, "topologies:alicloud:ServiceMesh 'asm'");
            assert.deepEqual(
                error.problems.map(p => `${p.path}: ${p.message}`),
                ['ingressGateway.clusterIds[0]: "c-1\\n": has leading or trailing blanks.'],
            );
            assert.deepEqual(
                registered.filter(r => r.name === "asm-ingressgateway" && r.id !== ""),
                [],
                "the gateway is not applied",
            );
        });

        it("registers nothing of the mesh when the arguments are wrong", async () => {
            await build(opts => {
                const t = meshTutorial(opts, { shanghaiService: "172.16.0.0/16" });
                assert.throws(() => new ServiceMesh("asm", meshTutorialArgs(t), opts), TopologyValidationError);
            });
            assert.deepEqual(
                world.resources.filter(r => r.name.startsWith("asm")),
                [],
            );
            assert.deepEqual(world.ofType("ecs/securityGroupRule:SecurityGroupRule"), []);
            assert.deepEqual(world.ofType("cen/instance:Instance"), []);
        });
    });
});
