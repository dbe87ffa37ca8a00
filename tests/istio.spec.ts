import * as assert from "node:assert/strict";
import * as kubernetes from "../components/sdk/kubernetes";
import { build, world } from "./mocks";
import { problemLines as problemsOf } from "./mocks/rejection";
import { Problems, TopologyValidationError } from "../components/errors";
import {
    BOOKINFO_SUBSETS,
    asmIngressGateway,
    bookinfoDestinationRules,
    bookinfoGateway,
    bookinfoVirtualService,
    checkIstioSchema,
    checkMeshObject,
    destinationRule,
} from "../components/alicloud/istio";
import {
    LocalityMesh,
    LocalityPolicy,
    MeshLocalityPolicy,
    MeshLocalityPolicyArgs,
    validateMeshLocalityPolicyArgs,
} from "../components/alicloud/meshLocality";
import { compareVersions, parseAsmVersion } from "../components/alicloud/meshLocality/version";
import { Bookinfo, validateBookinfoArgs } from "../components/alicloud/bookinfo";

/** A provider of the mesh control plane, for the checks that never register anything. */
const provider = new kubernetes.Provider("test-mesh-k8s", { kubeconfig: "x" });
const MESH: LocalityMesh = { provider, version: "1.22.6.66", regions: ["cn-hangzhou", "cn-shanghai"] };

function policyArgs(policy: LocalityPolicy, extra: Partial<MeshLocalityPolicyArgs> = {}): MeshLocalityPolicyArgs {
    return { mesh: MESH, host: "reviews", policy, ...extra };
}

describe("Istio objects", () => {
    it("renders the tutorial's bookinfo-gateway and bookinfo VirtualService field by field, schema-valid", () => {
        const gw = bookinfoGateway();
        assert.deepEqual(gw, {
            apiVersion: "networking.istio.io/v1alpha3",
            kind: "Gateway",
            metadata: { name: "bookinfo-gateway", namespace: undefined },
            spec: {
                selector: { istio: "ingressgateway" },
                servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }],
            },
        });
        const vs = bookinfoVirtualService();
        assert.equal(vs.metadata?.name, "bookinfo");
        assert.deepEqual(vs.spec?.hosts, ["*"]);
        assert.deepEqual(vs.spec?.gateways, ["bookinfo-gateway"]);
        assert.deepEqual(vs.spec?.http?.[0].match, [
            { uri: { exact: "/productpage" } },
            { uri: { prefix: "/static" } },
            { uri: { exact: "/login" } },
            { uri: { exact: "/logout" } },
            { uri: { prefix: "/api/v1/products" } },
        ]);
        assert.deepEqual(vs.spec?.http?.[0].route, [{ destination: { host: "productpage", port: { number: 9080 } } }]);
        const problems = new Problems();
        for (const o of [gw, vs, ...Object.values(bookinfoDestinationRules())]) checkMeshObject(problems, o.kind, o);
        assert.deepEqual(problems.list, []);
    });

    it("renders the DestinationRules with the tutorial's subsets", () => {
        const rules = bookinfoDestinationRules();
        assert.deepEqual(rules.ratings.spec, {
            host: "ratings",
            subsets: [
                { name: "v1", labels: { version: "v1" } },
                { name: "v2", labels: { version: "v2" } },
                { name: "v2-mysql", labels: { version: "v2-mysql" } },
                { name: "v2-mysql-vm", labels: { version: "v2-mysql-vm" } },
            ],
        });
        assert.deepEqual(
            Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, r.spec?.subsets?.map(s => s.name)])),
            BOOKINFO_SUBSETS,
        );
    });

    it("reports schema violations with the field path", () => {
        const problems = new Problems();
        const bad = destinationRule("reviews", {
            host: "reviews",
            trafficPolicy: { outlierDetection: { consecutive5xxErrors: "1" as unknown as number } },
        });
        assert.equal(checkIstioSchema(problems, "rule", bad), false);
        assert.deepEqual(
            problems.list.map(p => `${p.path}: ${p.message}`),
            [
                "rule.spec.trafficPolicy.outlierDetection.consecutive5xxErrors: DestinationRule 'reviews' does not match the Istio schema: spec.trafficPolicy.outlierDetection.consecutive5xxErrors must be integer.",
            ],
        );
    });

    it("checks a security.istio.io/v1 or v1beta1 PeerAuthentication against the v1beta1 schema", () => {
        for (const apiVersion of ["security.istio.io/v1", "security.istio.io/v1beta1"]) {
            const policy = (selector: unknown) => ({
                apiVersion,
                kind: "PeerAuthentication",
                metadata: { name: "default", namespace: "istio-system" },
                spec: { selector, mtls: { mode: "STRICT" } },
            });
            const problems = new Problems();
            assert.equal(checkIstioSchema(problems, "pa", policy({ matchLabels: { app: "web" } })), true, apiVersion);
            assert.equal(checkIstioSchema(problems, "pa", policy("app=web")), false, apiVersion);
            assert.deepEqual(
                problems.list.map(p => p.path),
                ["pa.spec.selector"],
                apiVersion,
            );
        }
    });

    it("checks networking.istio.io/v1 and v1beta1 objects against the v1beta1 schema, and knows no other version", () => {
        const rule = (apiVersion: string, interval: unknown) => ({
            apiVersion,
            kind: "DestinationRule",
            metadata: { name: "reviews" },
            spec: { host: "reviews", trafficPolicy: { outlierDetection: { interval } } },
        });
        for (const version of ["networking.istio.io/v1", "networking.istio.io/v1beta1"]) {
            const problems = new Problems();
            assert.equal(checkIstioSchema(problems, "rule", rule(version, "10s")), true, version);
            assert.equal(checkIstioSchema(problems, "rule", rule(version, 10)), false, version);
            assert.deepEqual(
                problems.list.map(p => p.path),
                ["rule.spec.trafficPolicy.outlierDetection.interval"],
            );
        }
        for (const version of ["networking.istio.io/v2", "toString"]) {
            const problems = new Problems();
            assert.equal(checkIstioSchema(problems, "rule", rule(version, "10s")), false, version);
            assert.deepEqual(
                problems.list.map(p => `${p.path}: ${p.message} ${p.fix}`),
                [
                    `rule: no Istio schema is known for DestinationRule of ${version}. Use one of: ` +
                        ["v1alpha3", "v1beta1", "v1"]
                            .flatMap(v =>
                                ["Gateway", "VirtualService", "DestinationRule"].map(
                                    k => `networking.istio.io/${v} ${k}`,
                                ),
                            )
                            .concat(["v1beta1", "v1"].map(v => `security.istio.io/${v} PeerAuthentication`))
                            .join(", ") +
                        ".",
                ],
            );
        }
    });

    it("checks the ASM IstioGateway's ports, quantities and percentages", () => {
        const problems = new Problems();
        checkMeshObject(
            problems,
            "gw",
            asmIngressGateway("ingressgateway", {
                ports: [
                    { name: "http", port: 80, protocol: "TCP", targetPort: 80 },
                    { name: "http", port: 80, protocol: "SCTP" as never, targetPort: 0 },
                ],
                resources: { limits: { cpu: "two", memory: "2G" }, requests: { cpu: "200m", memory: "lots" } },
                rollingMaxUnavailable: "25",
                serviceType: "External" as never,
            }),
        );
        assert.deepEqual(
            problems.list.map(p => `${p.path}: ${p.message}`),
            [
                "gw.spec.serviceType: service type 'External' is not supported.",
                "gw.spec.ports[1].targetPort: port 0 is not a whole number from 1 to 65535.",
                "gw.spec.ports[1].protocol: port protocol 'SCTP' is not supported.",
                "gw.spec.ports[1].port: gateway port '80' is used again (first at gw.spec.ports[0].port).",
                "gw.spec.ports[1].name: gateway port name 'http' is used again (first at gw.spec.ports[0].name).",
                "gw.spec.rollingMaxUnavailable: '25' is not a percentage from 0% to 100%.",
                "gw.spec.resources.requests.memory: memory 'lots' is not a Kubernetes memory quantity.",
                "gw.spec.resources.limits.cpu: CPU 'two' is not a Kubernetes CPU quantity.",
            ],
        );
    });
});

describe("MeshLocalityPolicy", () => {
    it("compares ASM versions number by number", () => {
        assert.deepEqual(parseAsmVersion("v1.22.6.71-g8ce85c40-aliyun"), [1, 22, 6, 71]);
        assert.equal(parseAsmVersion("1.x"), undefined);
        assert.ok(
            compareVersions(parseAsmVersion("1.22.6.9")!, parseAsmVersion("1.22.6.66")!) < 0,
            "9 < 66 although '9' > '66' as text",
        );
        assert.ok(compareVersions(parseAsmVersion("1.23")!, parseAsmVersion("1.22.6.66")!) > 0);
        assert.equal(compareVersions([1, 22, 6, 66], [1, 22, 6, 66]), 0);
    });

    it("applies the reviews rule with the default outlier detection through the mesh provider, once the mesh is ready", async () => {
        await build(opts => {
            const provider = new kubernetes.Provider("mesh-k8s", { kubeconfig: "x" }, opts);
            const mesh = { ...MESH, provider, ready: [provider] };
            return new MeshLocalityPolicy(
                "reviews",
                policyArgs({ mode: "failover", failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }] }, { mesh }),
                opts,
            );
        });
        const rule = world.named("reviews-dr");
        assert.equal(rule.type, "kubernetes:networking.istio.io/v1alpha3:DestinationRule");
        assert.equal(rule.provider, "mesh-k8s");
        assert.deepEqual(rule.dependsOn, ["mesh-k8s"]);
        assert.equal(rule.parent, "reviews");
        assert.deepEqual(rule.inputs.metadata, { name: "reviews", namespace: "default" });
        assert.deepEqual(rule.inputs.spec.trafficPolicy.outlierDetection, {
            consecutive5xxErrors: 1,
            interval: "1s",
            baseEjectionTime: "1m",
        });
    });

    it("lets distribution drop the connection pool but keeps outlier detection", () => {
        const { destinationRule: rule } = validateMeshLocalityPolicyArgs(
            "r",
            policyArgs(
                {
                    mode: "distribution",
                    distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 10 } }],
                },
                { connectionPool: false },
            ),
        );
        assert.deepEqual(rule.spec?.trafficPolicy, {
            outlierDetection: { consecutive5xxErrors: 1, interval: "1s", baseEjectionTime: "1m" },
            loadBalancer: {
                localityLbSetting: {
                    enabled: true,
                    distribute: [{ from: "cn-hangzhou/*", to: { "cn-hangzhou/*": 90, "cn-shanghai/*": 10 } }],
                },
            },
        });
    });

    describe("validation", () => {
        it("requires outlier detection for failover", () => {
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "failover",
                            failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                            outlierDetection: {},
                        }),
                    ),
                ),
                [
                    "policy.outlierDetection: failover needs outlier detection: without it no endpoint is ejected and Istio never fails over.",
                ],
            );
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "failover",
                            failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                            outlierDetection: false as never,
                        }),
                    ),
                ),
                ["policy.outlierDetection: expected object, got false."],
            );
        });

        it("refuses outlier detection that ejects nothing for failover: consecutive5xxErrors 0 with no other error count", () => {
            const failover = (outlierDetection: object) => {
                try {
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "failover",
                            failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                            outlierDetection,
                        }),
                    );
                    return [];
                } catch (e) {
                    assert.ok(e instanceof TopologyValidationError, String(e));
                    return e.problems.map(p => `${p.path}: ${p.message}`);
                }
            };
            assert.deepEqual(failover({ consecutive5xxErrors: 0, interval: "1s", baseEjectionTime: "1m" }), [
                "policy.outlierDetection.consecutive5xxErrors: consecutive5xxErrors 0 turns off ejection on 5xx errors (Istio: " +
                    '"can be disabled by setting the value to 0"), and no other error count is set to eject, so no endpoint is ' +
                    "ever ejected and failover never happens.",
            ]);
            assert.deepEqual(
                failover({ consecutive5xxErrors: 0, consecutiveGatewayErrors: 0 }).length,
                1,
                "gateway errors are off at 0 too",
            );
            assert.deepEqual(
                failover({ consecutive5xxErrors: 0, splitExternalLocalOriginErrors: false }).length,
                1,
                "local-origin failures count only when split out",
            );
            // Another count that ejects keeps failover working.
            assert.deepEqual(failover({ consecutive5xxErrors: 0, consecutiveGatewayErrors: 3 }), []);
            assert.deepEqual(failover({ consecutive5xxErrors: 0, splitExternalLocalOriginErrors: true }), []);
            assert.deepEqual(failover({ interval: "5s" }), [], "consecutive5xxErrors defaults to 5");
        });

        it("requires outlier detection for distribution too", () => {
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "distribution",
                            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 10 } }],
                            outlierDetection: false as never,
                        }),
                    ),
                ),
                ["policy.outlierDetection: expected object, got false."],
            );
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "distribution",
                            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 100 } }],
                            outlierDetection: {},
                        }),
                    ),
                ),
                [
                    "policy.outlierDetection: distribution needs outlier detection: Istio requires it for weighted distribution, so the sidecars know which endpoints are unhealthy.",
                ],
            );
        });

        it("rejects pairs outside the mesh, self-failover, repeats and bad durations", () => {
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "failover",
                            failover: [
                                { from: "cn-beijing", to: "cn-hangzhou" },
                                { from: "cn-hangzhou", to: "cn-hangzhou" },
                                { from: "cn-hangzhou", to: "cn-shanghai" },
                            ],
                        }),
                    ),
                ),
                [
                    "policy.failover[0].from: region 'cn-beijing' has no cluster in the mesh (its clusters are in cn-hangzhou, cn-shanghai).",
                    "policy.failover[1].to: region 'cn-hangzhou' fails over to itself.",
                    "policy.failover[2].from: failover source region 'cn-hangzhou' is used again (first at policy.failover[1].from).",
                ],
            );
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs(
                            {
                                mode: "failover",
                                failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                                outlierDetection: {
                                    consecutive5xxErrors: 1,
                                    interval: "1 second",
                                    baseEjectionTime: "1m",
                                },
                            },
                            { connectionPool: { tcp: { connectTimeout: "soon" } } },
                        ),
                    ),
                ),
                [
                    'policy.outlierDetection.interval: "1 second": is not an Istio duration.',
                    'connectionPool.tcp.connectTimeout: "soon": is not an Istio duration.',
                ],
            );
        });

        it("checks the shape of its args before any rule: a mesh without a provider, counts, unknown keys, names", () => {
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs("r", {
                        ...policyArgs({
                            mode: "failover",
                            failover: [{ from: "cn-shanghai", to: null as never }],
                            outlierDetection: {
                                consecutive5xxErrors: NaN,
                                maxEjectionPercent: 150,
                                consecutiveErors: 1,
                            } as never,
                        }),
                        mesh: { ...MESH, provider: "" as never },
                        host: " reviews",
                        subsets: [
                            { name: "v1", labels: { version: 1 as never } },
                            { name: "v2", labels: { version: " v2 ", "a b": "x" } },
                        ],
                        connectionPool: { http: { maxRequestsPerConnection: -1 } },
                    }),
                ),
                [
                    'mesh.provider: "": is not a provider of the kubernetes package.',
                    'host: " reviews": has leading or trailing blanks.',
                    "subsets[0].labels.version: expected string, got 1.",
                    'subsets[1].labels.version: " v2 ": is not a Kubernetes label value.',
                    'subsets[1].labels.a b: "x": "a b" is not a Kubernetes label key.',
                    "policy.failover[0].to: expected string, got null.",
                    "policy.outlierDetection.consecutive5xxErrors: expected number, got NaN.",
                    "policy.outlierDetection.maxEjectionPercent: 150: is not a whole number from 0 to 100.",
                    "policy.outlierDetection.consecutiveErors: 'consecutiveErors' is not an input here.",
                    "connectionPool.http.maxRequestsPerConnection: -1: is not a whole number from 0 to 2147483647.",
                ],
            );
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs(
                            { mode: "failover", failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }] },
                            { host: "*.example.com", namespace: "Prod", subsets: [{ name: "v1" }, { name: "v1" }] },
                        ),
                    ),
                ),
                [
                    "ruleName: the rule's name (its host by default) '*.example.com' is not a Kubernetes object name (lower-case letters, " +
                        "digits, '-' and '.', starting and ending with a letter or digit, at most 253).",
                    "namespace: namespace 'Prod' is not a Kubernetes namespace name (at most 63 lower-case letters, digits and '-', " +
                        "starting and ending with a letter or digit).",
                    "subsets[1].name: subset name 'v1' is used again (first at subsets[0].name).",
                ],
            );
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs(
                            { mode: "failover", failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }] },
                            { host: "reviews/v1" },
                        ),
                    ),
                ),
                [
                    "host: 'reviews/v1' is not a service host (a service name such as reviews, or a name qualified by its namespace " +
                        "and domain, optionally starting with *.).",
                ],
            );
        });

        it("is one mode or the other, never both", () => {
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "failover",
                            failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 100 } }],
                        } as never),
                    ),
                ),
                [
                    'policy.distribute: [{"from":"cn-hangzhou","to":{"cn-hangzhou":100}}]: failover and distribution are exclusive ' +
                        "modes; the policy sets both.",
                ],
            );
            assert.deepEqual(
                problemsOf(() => validateMeshLocalityPolicyArgs("r", policyArgs({ mode: "weighted" } as never))),
                ['policy.mode: "weighted" is not accepted.'],
            );
        });

        it("requires percentages that add up to 100", () => {
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "distribution",
                            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 20.5 } }],
                        }),
                    ),
                ),
                [
                    "policy.distribute[0].to.cn-shanghai: percentage 20.5 is not a whole number from 1 to 100.",
                    "policy.distribute[0].to: the percentages from 'cn-hangzhou' add up to 90, not 100.",
                ],
            );
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "distribution",
                            distribute: [{ from: "cn-hangzhou", to: { "cn-shanghai": 10 } }],
                        }),
                    ),
                ),
                ["policy.distribute[0].to: the percentages from 'cn-hangzhou' add up to 10, not 100."],
            );
            // Istio's validation refuses a 0 share; a region that gets nothing is left out.
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs({
                            mode: "distribution",
                            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 100, "cn-shanghai": 0 } }],
                        }),
                    ),
                ),
                [
                    "policy.distribute[0].to.cn-shanghai: a share of 0% for 'cn-shanghai' is refused by Istio (\"locality weight must be in range [1, 100]\").",
                ],
            );
        });

        it("requires ASM 1.22.6.66 or later for distribution", () => {
            const distribution: LocalityPolicy = {
                mode: "distribution",
                distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 10 } }],
            };
            assert.deepEqual(
                problemsOf(() =>
                    validateMeshLocalityPolicyArgs(
                        "r",
                        policyArgs(distribution, { mesh: { ...MESH, version: "1.22.6.9" } }),
                    ),
                ),
                ["mesh.version: ASM 1.22.6.9 has no cross-region traffic distribution; it needs 1.22.6.66 or later."],
            );
            validateMeshLocalityPolicyArgs(
                "r",
                policyArgs(distribution, { mesh: { ...MESH, version: "v1.22.6.71-g8ce85c40-aliyun" } }),
            );
            validateMeshLocalityPolicyArgs("r", policyArgs(distribution, { mesh: { ...MESH, version: undefined } }));
        });

        it("registers nothing when the policy is wrong", async () => {
            await build(opts => {
                assert.throws(
                    () => new MeshLocalityPolicy("reviews", policyArgs({ mode: "failover", failover: [] }), opts),
                    TopologyValidationError,
                );
            });
            assert.deepEqual(world.resources, []);
        });
    });
});

describe("Bookinfo validation", () => {
    it("rejects unknown reviews versions, a policy without mesh, and passes locality problems through", () => {
        assert.deepEqual(
            problemsOf(() =>
                validateBookinfoArgs("bookinfo", {
                    clusters: { a: { provider, reviewsVersions: ["v1", "v2", "v1"] } },
                    reviewsLocality: { mode: "failover", failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }] },
                }),
            ),
            [
                "clusters.a.reviewsVersions[2]: reviews version 'v1' is used again (first at clusters.a.reviewsVersions[0]).",
                "reviewsLocality: a locality policy needs the mesh to apply it to.",
            ],
        );
        assert.deepEqual(
            problemsOf(() =>
                validateBookinfoArgs("bookinfo", {
                    clusters: { a: { provider } },
                    mesh: MESH,
                    reviewsLocality: {
                        mode: "distribution",
                        distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 50 } }],
                    },
                }),
            ),
            ["reviewsLocality.distribute[0].to: the percentages from 'cn-hangzhou' add up to 50, not 100."],
        );
        assert.deepEqual(
            problemsOf(() => validateBookinfoArgs("bookinfo", { clusters: {} })),
            ["clusters: Bookinfo has no cluster to run in."],
        );
    });

    it("checks the reviews policy in a scope: the policy's problems at reviewsLocality, the mesh's at mesh, with Bookinfo's own", () => {
        const distribution: LocalityPolicy = {
            mode: "distribution",
            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 10 } }],
        };
        assert.deepEqual(
            problemsOf(() =>
                validateBookinfoArgs("bookinfo", {
                    clusters: { a: { provider } },
                    mesh: { ...MESH, version: "1.22.6.9" },
                    reviewsLocality: distribution,
                }),
            ),
            ["mesh.version: ASM 1.22.6.9 has no cross-region traffic distribution; it needs 1.22.6.66 or later."],
        );
        // A problem of Bookinfo's own does not stop the policy's rules from being checked.
        const lines = problemsOf(() =>
            validateBookinfoArgs("bookinfo", {
                clusters: { a: { provider } },
                mesh: MESH,
                imageTag: "latest tag",
                reviewsLocality: {
                    mode: "failover",
                    failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                    outlierDetection: { consecutive5xxErrors: 0, interval: "1s", baseEjectionTime: "1m" },
                },
            }),
        );
        assert.equal(lines.length, 2, lines.join("\n"));
        assert.match(lines[0], /^imageTag: /);
        assert.match(
            lines[1],
            /^reviewsLocality\.outlierDetection\.consecutive5xxErrors: consecutive5xxErrors 0 turns off ejection/,
        );
    });

    it("checks the shape of its args before any rule: a provider that is none (an empty string hung the program), versions, names", () => {
        assert.deepEqual(
            problemsOf(() =>
                validateBookinfoArgs("bookinfo", {
                    clusters: {
                        a: { provider: "" as never, reviewsVersions: ["v4" as never] },
                        b: { provider, reviewVersions: ["v1"] } as never,
                    },
                    namespace: "",
                    injectSidecars: "yes" as never,
                    mesh: { ...MESH, regions: "cn-hangzhou" as never },
                    reviewsLocality: {
                        mode: "failover",
                        failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }],
                        outlierDetection: { consecutive5xxErrors: "1" as never },
                    },
                }),
            ),
            [
                'clusters.a.provider: "": is not a provider of the kubernetes package.',
                'clusters.a.reviewsVersions[0]: "v4" is not accepted.',
                "clusters.b.reviewVersions: 'reviewVersions' is not an input here.",
                'namespace: "": is empty.',
                'injectSidecars: expected boolean, got "yes".',
                'mesh.regions: expected array, got "cn-hangzhou".',
                'reviewsLocality.outlierDetection.consecutive5xxErrors: expected number, got "1".',
            ],
        );
        assert.deepEqual(
            problemsOf(() =>
                validateBookinfoArgs("bookinfo", { clusters: { a: { provider } }, namespace: "Book_info" }),
            ),
            [
                "namespace: namespace 'Book_info' is not a Kubernetes namespace name (at most 63 lower-case letters, digits and '-', " +
                    "starting and ending with a letter or digit).",
            ],
        );
    });

    it("pulls the images from the registry given (an ACR mirror), else from Docker Hub as bookinfo.yaml does", async () => {
        const k8s = () => new kubernetes.Provider("k8s", { kubeconfig: "{}" });
        const images = () =>
            world.ofType("kubernetes:apps/v1:Deployment").map(d => d.inputs.spec.template.spec.containers[0].image);
        await build(
            opts => new Bookinfo("bookinfo", { clusters: { a: { provider: k8s(), reviewsVersions: ["v1"] } } }, opts),
        );
        assert.ok(images().includes("docker.io/istio/examples-bookinfo-reviews-v1:1.20.1"), images().join(", "));
        await build(
            opts =>
                new Bookinfo(
                    "bookinfo",
                    {
                        clusters: { a: { provider: k8s(), reviewsVersions: ["v1"] } },
                        imageRegistry: "registry.cn-hangzhou.aliyuncs.com/team",
                        imageTag: "1.20.2",
                    },
                    opts,
                ),
        );
        assert.ok(
            images().length > 0 &&
                images().every(
                    i =>
                        i.startsWith("registry.cn-hangzhou.aliyuncs.com/team/examples-bookinfo-") &&
                        i.endsWith(":1.20.2"),
                ),
            images().join(", "),
        );
        assert.deepEqual(
            problemsOf(() =>
                validateBookinfoArgs("bookinfo", {
                    clusters: { a: { provider } },
                    imageRegistry: "https://registry.example.com/",
                    imageTag: "latest tag",
                }),
            ),
            [
                "imageRegistry: 'https://registry.example.com/' is not a registry host with an optional repository path (no scheme, no trailing slash, lower case).",
                "imageTag: 'latest tag' is not an image tag (letters, digits, '_', '.', '-'; at most 128).",
            ],
        );
    });

    it("registers nothing when the arguments are wrong", async () => {
        await build(opts => {
            assert.throws(
                () =>
                    new Bookinfo("bookinfo", { clusters: { a: { provider, reviewsVersions: ["v9" as never] } } }, opts),
                TopologyValidationError,
            );
        });
        assert.deepEqual(world.resources, []);
    });
});
