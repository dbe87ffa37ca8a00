/** What a user writes to describe an {@link AckCluster}, and the plan its validation resolves. */
import * as pulumi from "@pulumi/pulumi";
import type { ApiServerAccessPlan, PublicApiServerArgs } from "../apiServerAccess";
import { RegionalVpc, VSwitchInfo } from "../vpc";

/**
 * Container network plugins of an ACK managed cluster, spelled as the `addons` entry that installs
 * them: `flannel` (Pod CIDR outside the VPC), `terway-eniip` (shared ENI, pods in pod vSwitches),
 * `terway-eni` (exclusive ENI per pod).
 */
export type AckNetworkPlugin = "flannel" | "terway-eniip" | "terway-eni";

/** Every network plugin value the component accepts. */
export const ACK_NETWORK_PLUGINS: readonly AckNetworkPlugin[] = ["flannel", "terway-eniip", "terway-eni"];

/** Control-plane tiers of `cs.ManagedKubernetes.clusterSpec`. */
export const ACK_CLUSTER_SPECS = [
    "ack.standard",
    "ack.pro.small",
    "ack.pro.xlarge",
    "ack.pro.2xlarge",
    "ack.pro.4xlarge",
] as const;

/** The worker node pool of an {@link AckCluster}. */
export interface AckNodePoolArgs {
    /**
     * ECS instance types, in order of preference, e.g. `["ecs.g7.xlarge"]`: `ecs.<family>.<size>`.
     * At least one, each once. Checked before registration.
     */
    instanceTypes: string[];
    /** Number of nodes (a whole number, 0–1000). Default: 2, enough for Bookinfo with its sidecars. Checked before registration. */
    desiredSize?: number;
    /**
     * System disk category, e.g. `cloud_essd`. Default: `cloud_essd`. Its form is checked before
     * registration; the category itself is passed to the provider as is (the provider documents no
     * list of values for node pools).
     */
    systemDiskCategory?: string;
    /** System disk size in GiB (a whole number, 20–2048). Default: 120. Checked before registration. */
    systemDiskSize?: number;
    /** Names of vSwitches of the cluster's VPC for the nodes. Default: the cluster's `vSwitches`. Checked before registration. */
    vSwitches?: string[];
    /**
     * Name of an ECS key pair (in the cluster's region) the nodes accept for SSH login, as every
     * provider example sets one. Default: none; the nodes take no SSH login, and are reached
     * through Cloud Assistant or `kubectl debug` instead. Checked before registration against the
     * key pair name rules; an Output is checked when it resolves, before the node pool is created.
     */
    keyName?: pulumi.Input<string>;
}

/** Arguments of an {@link AckCluster}. */
export interface AckClusterArgs {
    /**
     * The VPC the cluster lives in; its provider is used for every child, unless an `alicloud`
     * provider is given in the component's own `opts.provider` / `opts.providers` (a parent's is not taken).
     * Checked before registration.
     */
    vpc: RegionalVpc;
    /**
     * Names of vSwitches of `vpc` for the control plane (and, by default, the nodes). At least one.
     * Tutorial: `vpc-hangzhou-switch-1` (20.0.0.0/16) for ack-hangzhou. Checked before registration.
     */
    vSwitches: string[];
    /** Container network plugin. Default: `flannel`, as in the tutorial. Cannot change after creation. Checked before registration. */
    networkPlugin?: AckNetworkPlugin;
    /**
     * Pod CIDR, Flannel only: outside the VPC, the Service CIDR and every other cluster on the same
     * CEN. Tutorial: 10.0.0.0/16 (ack-hangzhou), 10.1.0.0/16 (ack-shanghai). Default: none;
     * required with Flannel, refused with Terway. Checked before registration; the cluster takes its
     * canonical form.
     */
    podCidr?: string;
    /**
     * Names of vSwitches of `vpc` for pods, Terway only (same zones as `vSwitches`). Default: none;
     * required with Terway, refused with Flannel. Checked before registration.
     */
    podVSwitches?: string[];
    /**
     * Service CIDR: outside the VPC and the Pod CIDR. Tutorial: 172.16.0.0/16 (ack-hangzhou),
     * 172.17.0.0/16 (ack-shanghai). Checked before registration; the cluster takes its canonical form.
     */
    serviceCidr: string;
    /** Control-plane tier. Default: `ack.pro.small` (ACK Pro, which ASM multi-cluster setups expect). Checked before registration. */
    clusterSpec?: (typeof ACK_CLUSTER_SPECS)[number];
    /**
     * Kubernetes version, as ACK reports it: `1.34.1-aliyun.1`. The provider reads back the full
     * string (`CurrentVersion`) with no diff suppression, so a short `1.34` would show as a change
     * on every run; a higher version upgrades the cluster in place (UpgradeCluster), and a pinned
     * version older than the cluster's (after an upgrade outside Pulumi) is a downgrade ACK
     * refuses. Default: the newest ACK offers at creation, followed afterwards without a diff.
     * Its form is checked before registration.
     */
    kubernetesVersion?: string;
    /**
     * Cluster name in the console: 1–63 letters, digits, Chinese characters and hyphens, not
     * starting with a hyphen, unique in the account ("It is unique in one Alicloud account":
     * provider docs of `cs.ManagedKubernetes.name`). Default: Pulumi's auto-name,
     * `<component name>-cluster-<7 random hex>`, so stacks sharing an account never collide.
     * Checked before registration.
     */
    clusterName?: string;
    /** Refuse deletion of the cluster through the API. Default: true (production). Checked before registration. */
    deletionProtection?: boolean;
    /**
     * Public access to the API server, an explicit opt-in: `{ allowedSources }`, the IPv4 blocks
     * allowed to reach it (your office's or VPN's egress; none that together cover the internet).
     * The cluster then gets ACK's public endpoint (`slbInternetEnabled`, an EIP on the API server's
     * CLB) and an SLB access control list `<name>-api-acl` holding the sources and the blocks ACK
     * needs on such a whitelist (100.104.0.0/16 for its control plane, the cluster VPC for the
     * nodes); the provider cannot attach it to ACK's 6443 listener, so the plan says how to, once.
     *
     * Default: none, a private API server on the internal CLB only, as Alibaba Cloud recommends
     * (Cloud Config rule `ack-cluster-public-endpoint-check`, high risk). Then the cluster's
     * Kubernetes `provider`, and all this stack applies through it (Bookinfo), reaches the API
     * server at its internal address: run `pulumi up` from a machine in the cluster's VPC or a
     * network joined to it (CEN, VPN Gateway, Express Connect); the plan warns of it. ACK creates
     * the public endpoint at creation only (`slbInternetEnabled` is sent on CreateCluster and never
     * updated): changing this on an existing cluster changes nothing in the cloud; bind or unbind
     * the EIP in the ACK console. `true` (0.x: public to everyone) is refused with what to write.
     * Checked before registration.
     */
    publicApiServer?: PublicApiServerArgs | false;
    /** The worker node pool. Checked before registration. */
    nodePool: AckNodePoolArgs;
    /**
     * Tags on the cluster and its nodes: keys of at most 128 characters, not starting with `aliyun`
     * or `acs:`; values of at most 128. Default: none. Checked before registration.
     */
    tags?: Record<string, string>;
}

/**
 * The plain (plan-time) addressing of a validated cluster: where its Pods and Services take their
 * addresses from, typed for the components built on it (ServiceMesh checks overlaps and writes
 * routes and security-group rules from it).
 */
export interface AckClusterAddressing {
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

/** @deprecated Since 0.2: renamed {@link AckClusterAddressing}. */
export type AckClusterNetwork = AckClusterAddressing;

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
    /** The key pair's name, checked (an Output when it resolves). */
    readonly keyName?: pulumi.Input<string>;
}

/** What validation hands to the constructor of an {@link AckCluster}. */
export interface AckClusterPlan {
    readonly vpc: RegionalVpc;
    readonly addressing: AckClusterAddressing;
    /** The vSwitches of the control plane (and, by default, the nodes). */
    readonly nodeVSwitches: readonly VSwitchInfo[];
    /** The Pod vSwitches (Terway); empty with Flannel. */
    readonly podVSwitches: readonly VSwitchInfo[];
    /** Console name of the cluster; undefined lets Pulumi auto-name it. */
    readonly clusterName?: string;
    readonly clusterSpec: (typeof ACK_CLUSTER_SPECS)[number];
    /** Kubernetes version; undefined takes the newest ACK offers. */
    readonly kubernetesVersion?: string;
    readonly deletionProtection: boolean;
    /** The allowlist of a public API server; undefined for a private one (the default). */
    readonly publicApiServer?: ApiServerAccessPlan;
    readonly nodePool: AckNodePoolPlan;
    readonly tags?: Readonly<Record<string, string>>;
}
