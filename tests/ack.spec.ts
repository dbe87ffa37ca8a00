import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { build, isSecretOutput, valueOf, world } from "./mocks";
import { AckCluster, AckClusterArgs, validateAckClusterArgs } from "../components/alicloud/ack";
import { RegionalVpc } from "../components/alicloud/vpc";
import { TopologyValidationError } from "../components/errors";
import { lateRejection } from "./support/lateRejection";

/** The tutorial's vpc-hangzhou with vpc-hangzhou-switch-1. */
function hangzhouVpc(opts: pulumi.ComponentResourceOptions): RegionalVpc {
    return new RegionalVpc(
        "vpc-hangzhou",
        {
            region: "cn-hangzhou",
            cidrBlock: "20.0.0.0/8",
            vSwitches: {
                "vpc-hangzhou-switch-1": { zoneId: "cn-hangzhou-h", cidrBlock: "20.0.0.0/16" },
                pods: { zoneId: "cn-hangzhou-h", cidrBlock: "20.1.0.0/16" },
            },
        },
        opts,
    );
}

function ackArgs(vpc: RegionalVpc, extra: Partial<AckClusterArgs> = {}): AckClusterArgs {
    return {
        vpc,
        vSwitches: ["vpc-hangzhou-switch-1"],
        podCidr: "10.0.0.0/16",
        serviceCidr: "172.16.0.0/16",
        nodePool: { instanceTypes: ["ecs.g7.xlarge"] },
        ...extra,
    };
}

/** Runs validation only and returns its problems as `path: message` lines. */
function problemsOf(args: AckClusterArgs): string[] {
    try {
        validateAckClusterArgs("ack-hangzhou", args);
    } catch (e) {
        assert.ok(e instanceof TopologyValidationError);
        return e.problems.map(p => `${p.path}: ${p.message}`);
    }
    return [];
}

describe("AckCluster", () => {
    it("takes a Kubernetes version only in the form ACK reports it (a short one would diff on every run)", async () => {
        await build(opts => {
            const vpc = hangzhouVpc(opts);
            assert.deepEqual(problemsOf(ackArgs(vpc, { kubernetesVersion: "1.34" })), [
                "kubernetesVersion: '1.34' is not a version as ACK reports it, so it would show as a change on every run.",
            ]);
            assert.deepEqual(problemsOf(ackArgs(vpc, { kubernetesVersion: "1.34.1-aliyun.1" })), []);
        });
    });

    it("gives the nodes the key pair named for SSH login, and refuses a name ECS would not take", async () => {
        await build(
            opts =>
                new AckCluster(
                    "ack-hangzhou",
                    ackArgs(hangzhouVpc(opts), { nodePool: { instanceTypes: ["ecs.g7.xlarge"], keyName: "ops-key" } }),
                    opts,
                ),
        );
        assert.equal(world.named("ack-hangzhou-nodes").inputs.keyName, "ops-key");
        await build(opts => new AckCluster("ack-hangzhou", ackArgs(hangzhouVpc(opts)), opts));
        assert.equal(world.named("ack-hangzhou-nodes").inputs.keyName, undefined, "no login unless one is asked for");
        await build(opts => {
            assert.deepEqual(
                problemsOf(
                    ackArgs(hangzhouVpc(opts), { nodePool: { instanceTypes: ["ecs.g7.xlarge"], keyName: "1 key" } }),
                ),
                [
                    "nodePool.keyName: key pair name '1 key' is not 2 to 128 letters, digits, ':', '_' or '-' starting with a letter.",
                ],
            );
        });
    });

    it("builds the tutorial's ack-hangzhou: Flannel cluster, node pool, secret kubeconfig, provider", async () => {
        const ack = await build(opts => new AckCluster("ack-hangzhou", ackArgs(hangzhouVpc(opts)), opts));
        const [cluster] = world.ofType("cs/managedKubernetes:ManagedKubernetes");
        assert.equal(cluster.name, "ack-hangzhou-cluster");
        assert.equal(cluster.parent, "ack-hangzhou");
        assert.equal(cluster.provider, "vpc-hangzhou-provider");
        assert.equal(world.regionOf(cluster), "cn-hangzhou");
        assert.equal(cluster.inputs.podCidr, "10.0.0.0/16");
        assert.equal(cluster.inputs.serviceCidr, "172.16.0.0/16");
        assert.deepEqual(cluster.inputs.addons, [{ name: "flannel" }]);
        assert.equal(cluster.inputs.podVswitchIds, undefined);
        assert.deepEqual(cluster.inputs.vswitchIds, [world.named("vpc-hangzhou-vpc-hangzhou-switch-1").id]);
        assert.equal(cluster.inputs.clusterSpec, "ack.pro.small");
        assert.equal(cluster.inputs.deletionProtection, true);
        assert.equal(cluster.inputs.slbInternetEnabled, false, "private unless publicApiServer opts in");
        assert.equal(cluster.inputs.workerVswitchIds, undefined, "deprecated argument");
        assert.equal(
            cluster.inputs.skipSetCertificateAuthority,
            true,
            "the client key must not sit in the cluster's state in plain text",
        );

        const [pool] = world.ofType("cs/nodePool:NodePool");
        assert.equal(pool.parent, "ack-hangzhou");
        assert.equal(pool.provider, "vpc-hangzhou-provider");
        assert.equal(pool.inputs.clusterId, cluster.id);
        assert.deepEqual(pool.inputs.instanceTypes, ["ecs.g7.xlarge"]);
        assert.equal(pool.inputs.desiredSize, "2");
        assert.equal(pool.inputs.systemDiskCategory, "cloud_essd");
        assert.equal(pool.inputs.systemDiskSize, 120);
        assert.deepEqual(pool.inputs.vswitchIds, cluster.inputs.vswitchIds);

        const call = world.calls.find(c => c.token === "alicloud:cs/getClusterCredential:getClusterCredential");
        assert.equal(call?.inputs.clusterId, cluster.id);
        assert.equal(call?.provider, "vpc-hangzhou-provider");
        assert.equal(await isSecretOutput(ack.kubeconfig), true);
        assert.match(await valueOf(ack.kubeconfig), new RegExp(`server: https://${cluster.id}\\.`));

        const provider = world.named("ack-hangzhou-k8s");
        assert.equal(provider.type, "pulumi:providers:kubernetes");
        assert.equal(provider.parent, "ack-hangzhou");
        assert.deepEqual(provider.dependsOn, ["ack-hangzhou-nodes"]);
        assert.equal(await valueOf(ack.securityGroupId), cluster.state.securityGroupId);
        assert.deepEqual(ack.addressing.peerSourceCidrs, ["10.0.0.0/16"]);
    });

    it("uses pod vSwitches for Terway and offers the vSwitch blocks to peers", async () => {
        const ack = await build(opts => {
            const vpc = hangzhouVpc(opts);
            return new AckCluster(
                "ack-hangzhou",
                ackArgs(vpc, {
                    networkPlugin: "terway-eniip",
                    podCidr: undefined,
                    podVSwitches: ["pods"],
                    deletionProtection: false,
                    nodePool: { instanceTypes: ["ecs.g7.xlarge", "ecs.g6.xlarge"], desiredSize: 3, systemDiskSize: 40 },
                }),
                opts,
            );
        });
        const [cluster] = world.ofType("cs/managedKubernetes:ManagedKubernetes");
        assert.deepEqual(cluster.inputs.addons, [{ name: "terway-eniip" }]);
        assert.deepEqual(cluster.inputs.podVswitchIds, [world.named("vpc-hangzhou-pods").id]);
        assert.equal(cluster.inputs.podCidr, undefined);
        assert.equal(cluster.inputs.deletionProtection, false);
        const [pool] = world.ofType("cs/nodePool:NodePool");
        assert.equal(pool.inputs.desiredSize, "3");
        assert.equal(pool.inputs.systemDiskSize, 40);
        assert.deepEqual(ack.addressing.peerSourceCidrs, ["20.0.0.0/16", "20.1.0.0/16"]);
        // What ServiceMesh reads, typed: the VPC, the vSwitches, the Pod and Service CIDRs.
        assert.deepEqual(
            [ack.nodeVSwitches.map(v => v.name), ack.podVSwitches.map(v => v.name)],
            [["vpc-hangzhou-switch-1"], ["pods"]],
        );
        assert.deepEqual(
            [ack.addressing.podCidr, ack.addressing.serviceCidr, ack.addressing.networkPlugin],
            [undefined, "172.16.0.0/16", "terway-eniip"],
        );
    });

    describe("validation", () => {
        let vpc: RegionalVpc;
        before(async () => {
            vpc = await build(opts => hangzhouVpc(opts));
        });

        it("rejects a Pod CIDR inside the VPC and a Service CIDR overlapping the Pod CIDR", () => {
            assert.deepEqual(problemsOf(ackArgs(vpc, { podCidr: "20.5.0.0/16", serviceCidr: "20.5.0.0/20" })), [
                "podCidr: Pod CIDR 20.5.0.0/16 overlaps VPC 'vpc-hangzhou' 20.0.0.0/8.",
                "serviceCidr: Service CIDR 20.5.0.0/20 overlaps VPC 'vpc-hangzhou' 20.0.0.0/8.",
                "serviceCidr: Service CIDR 20.5.0.0/20 overlaps Pod CIDR 20.5.0.0/16.",
            ]);
        });

        it("rejects a Service CIDR inside the VPC (Terway)", () => {
            assert.deepEqual(
                problemsOf(
                    ackArgs(vpc, {
                        networkPlugin: "terway-eni",
                        podCidr: undefined,
                        podVSwitches: ["pods"],
                        serviceCidr: "20.9.0.0/16",
                    }),
                ),
                ["serviceCidr: Service CIDR 20.9.0.0/16 overlaps VPC 'vpc-hangzhou' 20.0.0.0/8."],
            );
        });

        it("rejects Pod and Service CIDRs in reserved ranges", () => {
            assert.deepEqual(problemsOf(ackArgs(vpc, { podCidr: "100.64.0.0/16", serviceCidr: "169.254.0.0/16" })), [
                "podCidr: Pod CIDR 100.64.0.0/16 overlaps 100.64.0.0/10, which Alibaba Cloud reserves.",
                "serviceCidr: Service CIDR 169.254.0.0/16 overlaps 169.254.0.0/16, which Alibaba Cloud reserves.",
            ]);
        });

        it("rejects unknown network plugins and cluster specs", () => {
            assert.deepEqual(
                problemsOf(ackArgs(vpc, { networkPlugin: "calico" as never, clusterSpec: "ack.pro.large" as never })),
                ['networkPlugin: "calico" is not accepted.', 'clusterSpec: "ack.pro.large" is not accepted.'],
            );
        });

        it("checks the shape of its args before any rule: types, whole numbers, unknown keys, a VPC that is none, tags", () => {
            assert.deepEqual(
                problemsOf({
                    ...ackArgs(vpc),
                    vpc: { region: "cn-hangzhou" } as never,
                    vSwitches: "vpc-hangzhou-switch-1" as never,
                    nodePool: {
                        instanceTypes: ["ecs.g7.xlarge", null as never],
                        desiredSize: 1.5,
                        systemDiskSize: NaN,
                        keyNmae: "k",
                    } as never,
                    deletionProtection: "yes" as never,
                    tags: { toString: "x" },
                }),
                [
                    'vpc: {"region":"cn-hangzhou"}: is not a RegionalVpc.',
                    'vSwitches: expected array, got "vpc-hangzhou-switch-1".',
                    'deletionProtection: expected boolean, got "yes".',
                    "nodePool.instanceTypes[1]: expected string, got null.",
                    "nodePool.desiredSize: 1.5: is not a whole number from 0 to 1000.",
                    "nodePool.systemDiskSize: expected number, got NaN.",
                    "nodePool.keyNmae: 'keyNmae' is not an input here.",
                    "tags.toString: the key \"toString\" cannot be passed to a resource: Pulumi's runtime takes it for the map's own toString.",
                ],
            );
            assert.deepEqual(
                problemsOf(
                    ackArgs(vpc, { nodePool: { instanceTypes: ["g7.xlarge", "ecs.g7.xlarge", "ecs.g7.xlarge"] } }),
                ),
                [
                    "nodePool.instanceTypes[0]: 'g7.xlarge' is not an ECS instance type (ecs.<family>.<size>).",
                    "nodePool.instanceTypes[2]: instance type 'ecs.g7.xlarge' is used again (first at nodePool.instanceTypes[1]).",
                ],
            );
        });

        it("checks a key pair name given as an Output when it resolves, before the node pool is created", async () => {
            const { error, registered } = await lateRejection(
                opts =>
                    new AckCluster(
                        "ack-hangzhou",
                        ackArgs(hangzhouVpc(opts), {
                            nodePool: { instanceTypes: ["ecs.g7.xlarge"], keyName: pulumi.output(" ops-key") },
                        }),
                        opts,
                    ),
            );
            assert.equal(error.component, "topologies:alicloud:AckCluster 'ack-hangzhou'");
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["nodePool.keyName"],
            );
            assert.deepEqual(
                registered.filter(r => r.type.endsWith("NodePool") && r.id !== ""),
                [],
                "the node pool is not created",
            );
        });

        it("requires the Pod setting that matches the plugin", () => {
            assert.deepEqual(problemsOf(ackArgs(vpc, { podCidr: undefined, podVSwitches: ["pods"] })), [
                "podVSwitches: pod vSwitches are a Terway setting; Flannel takes a Pod CIDR.",
                "podCidr: Flannel needs a Pod CIDR.",
            ]);
            assert.deepEqual(problemsOf(ackArgs(vpc, { networkPlugin: "terway-eniip" })), [
                "podCidr: a Pod CIDR is a Flannel setting; terway-eniip gives pods addresses from pod vSwitches.",
                "podVSwitches: terway-eniip needs at least one pod vSwitch.",
            ]);
        });

        it("rejects unknown vSwitches, malformed CIDRs and a bad node pool", () => {
            assert.deepEqual(
                problemsOf(
                    ackArgs(vpc, {
                        vSwitches: ["vsw9"],
                        podCidr: "10.0.0.1/16",
                        serviceCidr: "172.16.0.0",
                        nodePool: { instanceTypes: [], vSwitches: ["nope"] },
                    }),
                ),
                [
                    "vSwitches[0]: vSwitch 'vsw9' is not a vSwitch of VPC 'vpc-hangzhou'.",
                    "podCidr: '10.0.0.1/16' has host bits set; did you mean 10.0.0.0/16?",
                    "serviceCidr: '172.16.0.0' has no prefix length; write it as a block such as 192.168.0.0/24.",
                    "nodePool.instanceTypes: no instance type is given.",
                    "nodePool.vSwitches[0]: vSwitch 'nope' is not a vSwitch of VPC 'vpc-hangzhou'.",
                ],
            );
            assert.deepEqual(
                problemsOf(
                    ackArgs(vpc, {
                        nodePool: { instanceTypes: ["ecs.g7.xlarge"], desiredSize: -1, systemDiskSize: 10 },
                    }),
                ),
                [
                    "nodePool.desiredSize: -1: is not a whole number from 0 to 1000.",
                    "nodePool.systemDiskSize: 10: is not a whole number from 20 to 2048.",
                ],
            );
        });

        it("registers nothing when the arguments are wrong", async () => {
            await build(opts => {
                const v = hangzhouVpc(opts);
                assert.throws(
                    () => new AckCluster("ack-hangzhou", ackArgs(v, { podCidr: "20.0.0.0/16" }), opts),
                    TopologyValidationError,
                );
            });
            assert.deepEqual(world.ofType("cs/managedKubernetes:ManagedKubernetes"), []);
            assert.deepEqual(
                world.resources.filter(r => r.name.startsWith("ack-hangzhou")),
                [],
            );
        });
    });
});
