import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as kubernetes from "@pulumi/kubernetes";
import { checkIntegerInRange, checkOneOf, checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { Cidr, PlacedCidr, checkCidr, checkNoOverlaps, firstOverlapping } from "../net";
import { AUTONAMED, checkAutoname } from "../naming";
import { checkStackProviderConfig, newStackProvider, userProvider } from "../providers";
import { checkAlibabaName } from "./names";
import { RESERVED_VPC_RANGES, RegionalVpc, VSwitchInfo, findVSwitches } from "./vpc";

/**
 * Container network plugins of an ACK managed cluster, spelled as the `addons` entry that installs
 * them: `flannel` (Pod CIDR outside the VPC), `terway-eniip` (shared ENI, pods in pod vSwitches),
 * `terway-eni` (exclusive ENI per pod).
 */
export type AckNetworkPlugin = "flannel" | "terway-eniip" | "terway-eni";

/** Every network plugin value the component accepts. */
export const ACK_NETWORK_PLUGINS: readonly AckNetworkPlugin[] = ["flannel", "terway-eniip", "terway-eni"];

/** Control-plane tiers of `cs.ManagedKubernetes.clusterSpec`. */
export const ACK_CLUSTER_SPECS = ["ack.standard", "ack.pro.small", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge"] as const;

/** The worker node pool of an {@link AckCluster}. */
export interface AckNodePoolArgs {
    /** ECS instance types, in order of preference, e.g. `["ecs.g7.xlarge"]`. At least one. */
    instanceTypes: string[];
    /** Number of nodes (0–1000). Default: 2, enough for Bookinfo with its sidecars. */
    desiredSize?: number;
    /** System disk category. Default: `cloud_essd`. */
    systemDiskCategory?: string;
    /** System disk size in GiB (20–2048). Default: 120. */
    systemDiskSize?: number;
    /** Names of vSwitches of the cluster's VPC for the nodes. Default: the cluster's `vSwitches`. */
    vSwitches?: string[];
    /**
     * Name of an ECS key pair (in the cluster's region) the nodes accept for SSH login, as every
     * provider example sets one. Default: none; the nodes take no SSH login, and are reached
     * through Cloud Assistant or `kubectl debug` instead.
     */
    keyName?: pulumi.Input<string>;
}

/** Arguments of an {@link AckCluster}. */
export interface AckClusterArgs {
    /**
     * The VPC the cluster lives in; its provider is used for every child, unless an `alicloud`
     * provider is given in the component's own `opts.provider` / `opts.providers` (a parent's is not taken).
     */
    vpc: RegionalVpc;
    /**
     * Names of vSwitches of `vpc` for the control plane (and, by default, the nodes). At least one.
     * Tutorial: `vpc-hangzhou-switch-1` (20.0.0.0/16) for ack-hangzhou.
     */
    vSwitches: string[];
    /** Container network plugin. Default: `flannel`, as in the tutorial. Cannot change after creation. */
    networkPlugin?: AckNetworkPlugin;
    /**
     * Pod CIDR, Flannel only: outside the VPC, the Service CIDR and every other cluster on the same
     * CEN. Tutorial: 10.0.0.0/16 (ack-hangzhou), 10.1.0.0/16 (ack-shanghai). Default: none;
     * required with Flannel, refused with Terway.
     */
    podCidr?: string;
    /**
     * Names of vSwitches of `vpc` for pods, Terway only (same zones as `vSwitches`). Default: none;
     * required with Terway, refused with Flannel.
     */
    podVSwitches?: string[];
    /**
     * Service CIDR: outside the VPC and the Pod CIDR. Tutorial: 172.16.0.0/16 (ack-hangzhou),
     * 172.17.0.0/16 (ack-shanghai).
     */
    serviceCidr: string;
    /** Control-plane tier. Default: `ack.pro.small` (ACK Pro, which ASM multi-cluster setups expect). */
    clusterSpec?: typeof ACK_CLUSTER_SPECS[number];
    /**
     * Kubernetes version, as ACK reports it: `1.34.1-aliyun.1`. The provider reads back the full
     * string (`CurrentVersion`) with no diff suppression, so a short `1.34` would show as a change
     * on every run; a higher version upgrades the cluster in place (UpgradeCluster), and a pinned
     * version older than the cluster's (after an upgrade outside Pulumi) is a downgrade ACK
     * refuses. Default: the newest ACK offers at creation, followed afterwards without a diff.
     */
    kubernetesVersion?: string;
    /**
     * Cluster name in the console: 1–63 letters, digits, Chinese characters and hyphens, not
     * starting with a hyphen, unique in the account ("It is unique in one Alicloud account":
     * provider docs of `cs.ManagedKubernetes.name`). Default: Pulumi's auto-name,
     * `<component name>-cluster-<7 random hex>`, so stacks sharing an account never collide.
     */
    clusterName?: string;
    /** Refuse deletion of the cluster through the API. Default: true (production). */
    deletionProtection?: boolean;
    /**
     * Expose the API server on an internet-facing load balancer. Default: true, because this program
     * applies Bookinfo through the cluster's kubeconfig from outside the VPC.
     */
    publicApiServer?: boolean;
    /** The worker node pool. */
    nodePool: AckNodePoolArgs;
    /** Tags on the cluster and its nodes. Default: none. */
    tags?: Record<string, string>;
}

/** The plain (plan-time) network facts of a validated cluster, typed for the components that build on it (ServiceMesh). */
export interface AckClusterNetwork {
    /** Region of the cluster. */
    readonly region: string;
    /** Network plugin: Flannel takes a Pod CIDR, Terway Pod vSwitches. */
    readonly networkPlugin: AckNetworkPlugin;
    /** Canonical Pod CIDR (Flannel), else undefined. */
    readonly podCidr?: string;
    /** Canonical Service CIDR. */
    readonly serviceCidr: string;
    /**
     * Blocks a peer cluster's control-plane security group must accept: the Pod CIDR with Flannel;
     * with Terway the node and pod vSwitch blocks, where pod addresses come from.
     */
    readonly peerSourceCidrs: readonly string[];
}

/** The worker node pool after validation, every default resolved. */
export interface AckNodePoolPlan {
    /** Console name of the node pool, `<clusterName or component name>-nodes`. */
    readonly name: string;
    readonly instanceTypes: readonly string[];
    readonly desiredSize: number;
    readonly systemDiskCategory: string;
    readonly systemDiskSize: number;
    /** The nodes' vSwitches: the pool's own, else the cluster's. */
    readonly vSwitches: readonly VSwitchInfo[];
    readonly keyName?: pulumi.Input<string>;
}

/** What validation hands to the constructor of an {@link AckCluster}. */
export interface AckClusterPlan {
    readonly vpc: RegionalVpc;
    readonly network: AckClusterNetwork;
    /** The vSwitches of the control plane (and, by default, the nodes). */
    readonly nodeVSwitches: readonly VSwitchInfo[];
    /** The Pod vSwitches (Terway); empty with Flannel. */
    readonly podVSwitches: readonly VSwitchInfo[];
    /** Console name of the cluster; undefined lets Pulumi auto-name it. */
    readonly clusterName?: string;
    readonly clusterSpec: typeof ACK_CLUSTER_SPECS[number];
    /** Kubernetes version; undefined takes the newest ACK offers. */
    readonly kubernetesVersion?: string;
    readonly deletionProtection: boolean;
    readonly publicApiServer: boolean;
    readonly nodePool: AckNodePoolPlan;
    readonly tags?: Readonly<Record<string, string>>;
}

const TYPE = "topologies:alicloud:AckCluster";
const CLUSTER_TYPE = "alicloud:cs/managedKubernetes:ManagedKubernetes";

function isFlannel(plugin: AckNetworkPlugin): boolean {
    return plugin === "flannel";
}

/** The vSwitches of `vpc` named in the list at `path`, each named once. */
function checkVSwitchNames(problems: Problems, path: string, names: readonly string[] | undefined, vpc: RegionalVpc, what: string): VSwitchInfo[] {
    const found = findVSwitches(problems, path, vpc, names ?? []);
    checkUnique(problems, (names ?? []).map((key, i) => ({ path: `${path}[${i}]`, key })), what);
    return found;
}

/** Checks `block` against the ranges Alibaba Cloud reserves (100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4). */
function checkNotReserved(problems: Problems, path: string, block: Cidr, what: string): void {
    const reserved = firstOverlapping(block, RESERVED_VPC_RANGES);
    if (reserved) {
        problems.add(path, `${what} ${block.text} overlaps ${reserved}, which Alibaba Cloud reserves.`,
            "Use a private block such as 10.0.0.0/16 or 172.16.0.0/16 outside the VPC.");
    }
}

/**
 * Checks an ACK cluster description and returns its plan. Pure: registers nothing.
 * Rules: vSwitch names exist in the VPC; plugin is a known value with its matching Pod setting
 * (Pod CIDR for Flannel, pod vSwitches for Terway); Pod and Service CIDR valid, outside reserved
 * ranges, and disjoint from each other and from the VPC (which holds every vSwitch); node pool sane.
 */
export function validateAckClusterArgs(name: string, args: AckClusterArgs): AckClusterPlan {
    return validate(`${TYPE} '${name}'`, problems => checkAckClusterArgs(problems, name, args));
}

/** The checks of {@link validateAckClusterArgs}, recording into `problems`; returns the plan with every default resolved. */
export function checkAckClusterArgs(problems: Problems, name: string, args: AckClusterArgs): AckClusterPlan {
    checkStackProviderConfig(problems, "kubernetes");
    if (args.kubernetesVersion !== undefined && !/^\d+\.\d+\.\d+-aliyun\.\d+$/.test(args.kubernetesVersion)) {
        problems.add("kubernetesVersion", `'${args.kubernetesVersion}' is not a version as ACK reports it, so it would show as a change on every run.`,
            "Write the full version, e.g. 1.34.1-aliyun.1, or leave it out for the newest.");
    }
    if (args.clusterName === undefined) {
        checkAutoname(problems, "name", CLUSTER_TYPE, `${name}-cluster`, "clusterName");
    } else if (!(AUTONAMED[CLUSTER_TYPE].pattern.test(args.clusterName) && args.clusterName.length <= AUTONAMED[CLUSTER_TYPE].maxLength)) {
        problems.add("clusterName", `'${args.clusterName}' is not 1 to 63 ${AUTONAMED[CLUSTER_TYPE].allowed}.`, "Rename it, or leave it out to let Pulumi name the cluster.");
    }
    const vpc = args.vpc;
    const vpcName = `VPC '${pulumi.resourceName(vpc)}'`;
    const plugin = args.networkPlugin ?? "flannel";
    const pluginOk = checkOneOf(problems, "networkPlugin", plugin, ACK_NETWORK_PLUGINS, "network plugin");
    const clusterSpec = args.clusterSpec ?? "ack.pro.small";
    if (args.clusterSpec !== undefined) checkOneOf(problems, "clusterSpec", args.clusterSpec, ACK_CLUSTER_SPECS, "cluster spec");

    if (!args.vSwitches || args.vSwitches.length === 0) {
        problems.add("vSwitches", "no vSwitch is given for the control plane and nodes.", `Name at least one vSwitch of ${vpcName}.`);
    }
    const nodeVSwitches = checkVSwitchNames(problems, "vSwitches", args.vSwitches, vpc, "vSwitch");

    // The VPC contains every vSwitch (RegionalVpc checks that), so comparing Pod and Service CIDRs
    // with the VPC block covers the vSwitches too and reports each clash once.
    const placed: PlacedCidr[] = [];
    const vpcBlock = checkCidr(problems, "vpc.cidrBlock", vpc.cidrBlock, 4);
    if (vpcBlock) placed.push({ name: vpcName, cidr: vpcBlock, path: "vpc.cidrBlock" });

    /** Checks a cluster block (not reserved), records it for the overlap check, returns its canonical text. */
    const clusterBlock = (path: "podCidr" | "serviceCidr", kind: "Pod CIDR" | "Service CIDR", text: string): string | undefined => {
        const block = checkCidr(problems, path, text, 4);
        if (!block) return undefined;
        checkNotReserved(problems, path, block, kind);
        placed.push({ name: kind, cidr: block, path });
        return block.text;
    };

    let podCidr: string | undefined;
    let podVSwitches: VSwitchInfo[] = [];
    if (pluginOk && isFlannel(plugin)) {
        if (args.podVSwitches !== undefined) {
            problems.add("podVSwitches", "pod vSwitches are a Terway setting; Flannel takes a Pod CIDR.",
                "Drop podVSwitches, or choose networkPlugin 'terway-eniip'.");
        }
        if (args.podCidr === undefined) {
            problems.add("podCidr", "Flannel needs a Pod CIDR.", "Set podCidr to a block outside the VPC, e.g. 10.0.0.0/16.");
        } else {
            podCidr = clusterBlock("podCidr", "Pod CIDR", args.podCidr);
        }
    } else if (pluginOk) {
        if (args.podCidr !== undefined) {
            problems.add("podCidr", `a Pod CIDR is a Flannel setting; ${plugin} gives pods addresses from pod vSwitches.`,
                "Drop podCidr and set podVSwitches.");
        }
        if (!args.podVSwitches || args.podVSwitches.length === 0) {
            problems.add("podVSwitches", `${plugin} needs at least one pod vSwitch.`, `Name vSwitches of ${vpcName} for pods.`);
        }
        podVSwitches = checkVSwitchNames(problems, "podVSwitches", args.podVSwitches, vpc, "pod vSwitch");
    }

    const serviceCidr = clusterBlock("serviceCidr", "Service CIDR", args.serviceCidr) ?? args.serviceCidr;
    checkNoOverlaps(problems, placed, "Keep the VPC, Pod CIDR and Service CIDR of a cluster disjoint.");
    const nodePool = checkNodePool(problems, name, args, nodeVSwitches);

    // Terway pods take addresses from the pod vSwitches; the node vSwitches are what the tutorial
    // names, so a peer must accept both.
    const peerSourceCidrs = isFlannel(plugin)
        ? (podCidr ? [podCidr] : [])
        : [...new Set([...nodeVSwitches, ...podVSwitches].map(v => v.cidrBlock))];
    return {
        vpc,
        network: { region: vpc.region, networkPlugin: plugin, podCidr, serviceCidr, peerSourceCidrs },
        nodeVSwitches,
        podVSwitches,
        clusterName: args.clusterName,
        clusterSpec,
        kubernetesVersion: args.kubernetesVersion,
        deletionProtection: args.deletionProtection ?? true,
        publicApiServer: args.publicApiServer ?? true,
        nodePool,
        tags: args.tags,
    };
}

/** The node pool, its defaults resolved: 2 nodes, a 120 GiB `cloud_essd` system disk, the cluster's vSwitches. */
function checkNodePool(problems: Problems, name: string, args: AckClusterArgs, nodeVSwitches: readonly VSwitchInfo[]): AckNodePoolPlan {
    const pool = args.nodePool;
    if (!pool) {
        problems.add("nodePool", "no node pool is given.", "Set nodePool with instanceTypes.");
    } else {
        if (!pool.instanceTypes || pool.instanceTypes.length === 0) {
            problems.add("nodePool.instanceTypes", "no instance type is given.", "List at least one ECS instance type, e.g. ecs.g7.xlarge.");
        }
        if (pool.desiredSize !== undefined) checkIntegerInRange(problems, "nodePool.desiredSize", pool.desiredSize, 0, 1000, "node count");
        if (pool.systemDiskSize !== undefined) {
            checkIntegerInRange(problems, "nodePool.systemDiskSize", pool.systemDiskSize, 20, 2048, "system disk size (GiB)");
        }
    }
    const vSwitches = pool?.vSwitches === undefined
        ? nodeVSwitches
        : checkVSwitchNames(problems, "nodePool.vSwitches", pool.vSwitches, args.vpc, "vSwitch");
    if (typeof pool?.keyName === "string") checkAlibabaName(problems, "nodePool.keyName", pool.keyName, "keyPair", "key pair");
    return {
        name: `${args.clusterName ?? name}-nodes`,
        instanceTypes: pool?.instanceTypes ?? [],
        desiredSize: pool?.desiredSize ?? 2,
        systemDiskCategory: pool?.systemDiskCategory ?? "cloud_essd",
        systemDiskSize: pool?.systemDiskSize ?? 120,
        vSwitches,
        keyName: pool?.keyName,
    };
}

/**
 * An ACK managed cluster (`cs.ManagedKubernetes`) in a {@link RegionalVpc}, with one worker node
 * pool, its kubeconfig (a secret, from the cluster-credential data source) and a
 * `kubernetes.Provider` for deploying into it.
 *
 * The network is checked before anything is registered: Pod (Flannel) and Service CIDRs are valid,
 * not in reserved ranges, and disjoint from each other and from the VPC.
 */
export class AckCluster extends pulumi.ComponentResource {
    /** Region of the cluster. */
    readonly region: string;
    /** The cluster's VPC. */
    readonly vpc: RegionalVpc;
    /** Plan-time network facts (Pod and Service CIDRs, plugin), which {@link ServiceMesh} reads for its mesh-wide checks. */
    readonly network: AckClusterNetwork;
    /** Cluster id. */
    readonly clusterId: pulumi.Output<string>;
    /** Control-plane security group id (`ManagedKubernetes.securityGroupId`). */
    readonly securityGroupId: pulumi.Output<string>;
    /** Node pool id. */
    readonly nodePoolId: pulumi.Output<string>;
    /** Admin kubeconfig of the cluster (secret). */
    readonly kubeconfig: pulumi.Output<string>;
    /** Kubernetes provider for the cluster. */
    readonly provider: kubernetes.Provider;
    /** The cluster resource. */
    readonly cluster: alicloud.cs.ManagedKubernetes;
    /** The vSwitches of the control plane and nodes (`vSwitches`). */
    readonly nodeVSwitches: readonly VSwitchInfo[];
    /** The Pod vSwitches (Terway); empty with Flannel. */
    readonly podVSwitches: readonly VSwitchInfo[];

    constructor(name: string, args: AckClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateAckClusterArgs(name, args);
        super(TYPE, name, {}, opts);
        this.region = plan.network.region;
        this.vpc = plan.vpc;
        this.network = plan.network;
        this.nodeVSwitches = plan.nodeVSwitches;
        this.podVSwitches = plan.podVSwitches;
        const childOpts = { parent: this, provider: userProvider<alicloud.Provider>(opts, "alicloud") ?? plan.vpc.provider };
        const ids = (vSwitches: readonly VSwitchInfo[]) => vSwitches.map(v => v.id);

        this.cluster = new alicloud.cs.ManagedKubernetes(`${name}-cluster`, {
            name: plan.clusterName,
            clusterSpec: plan.clusterSpec,
            version: plan.kubernetesVersion,
            vswitchIds: ids(plan.nodeVSwitches),
            podCidr: plan.network.podCidr,
            podVswitchIds: plan.podVSwitches.length > 0 ? ids(plan.podVSwitches) : undefined,
            serviceCidr: plan.network.serviceCidr,
            addons: [{ name: plan.network.networkPlugin }],
            deletionProtection: plan.deletionProtection,
            slbInternetEnabled: plan.publicApiServer,
            // Otherwise the cluster's state keeps the admin client key in plain text
            // (`certificateAuthority`, deprecated); the kubeconfig comes from the credential data
            // source instead, as a secret.
            skipSetCertificateAuthority: true,
            tags: plan.tags,
        }, childOpts);
        this.clusterId = this.cluster.id;
        this.securityGroupId = this.cluster.securityGroupId;

        const pool = plan.nodePool;
        const nodePool = new alicloud.cs.NodePool(`${name}-nodes`, {
            clusterId: this.cluster.id,
            nodePoolName: pool.name,
            vswitchIds: ids(pool.vSwitches),
            instanceTypes: [...pool.instanceTypes],
            // The provider types desiredSize as a string.
            desiredSize: String(pool.desiredSize),
            systemDiskCategory: pool.systemDiskCategory,
            systemDiskSize: pool.systemDiskSize,
            keyName: pool.keyName,
            tags: plan.tags,
        }, childOpts);
        this.nodePoolId = nodePool.nodePoolId;

        const credential = alicloud.cs.getClusterCredentialOutput({ clusterId: this.cluster.id }, childOpts);
        this.kubeconfig = pulumi.secret(credential.kubeConfig);
        // Workloads applied through this provider need nodes to become ready.
        this.provider = newStackProvider("kubernetes", `${name}-k8s`, { kubeconfig: this.kubeconfig }, { parent: this, dependsOn: [nodePool] });

        this.registerOutputs({
            clusterId: this.clusterId,
            securityGroupId: this.securityGroupId,
            nodePoolId: this.nodePoolId,
            kubeconfig: this.kubeconfig,
        });
    }
}
