import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import * as kubernetes from "../../sdk/kubernetes";
import { newStackProvider, userProvider } from "../../providers";
import { attachAclWarning, createApiServerAcl } from "../apiServerAccess";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { AckClusterArgs, AckClusterAddressing } from "./args";
import { ACK_CLUSTER_TYPE, validateAckClusterArgs } from "./check";
import { warnAbout } from "../../warnings";

/**
 * An ACK managed cluster (`cs.ManagedKubernetes`) in a {@link RegionalVpc}, with one worker node
 * pool, its kubeconfig (a secret, from the cluster-credential data source) and a
 * `kubernetes.Provider` for deploying into it.
 *
 * The network is checked before anything is registered: Pod (Flannel) and Service CIDRs are valid,
 * not in reserved ranges, and disjoint from each other and from the VPC.
 *
 * The API server is private unless `publicApiServer` lists the sources allowed to reach it: the
 * Kubernetes `provider` then talks to its internal address, and `pulumi up` must run where that
 * address is reachable (the plan warns of it).
 */
export class AckCluster extends pulumi.ComponentResource {
    /** Region of the cluster. */
    readonly region: string;
    /** The cluster's VPC. */
    readonly vpc: RegionalVpc;
    /** Plan-time addressing (Pod and Service CIDRs, plugin), which {@link ServiceMesh} reads for its checks and routes. */
    readonly addressing: AckClusterAddressing;
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
    /** Id of the API server's CLB (`ManagedKubernetes.slbId`), where a public API server's allowlist is attached. */
    readonly apiServerLoadBalancerId: pulumi.Output<string>;
    /**
     * The allowlist of a public API server (`publicApiServer`): an SLB access control list, to
     * attach to port 6443 of `apiServerLoadBalancerId`. Undefined for a private API server.
     */
    readonly apiServerAcl?: alicloud.slb.Acl;
    /** The blocks on `apiServerAcl`, canonical: a component adding its own (ServiceMesh) skips these. */
    readonly apiServerAclEntries: readonly string[];

    constructor(name: string, args: AckClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateAckClusterArgs(name, args);
        super(ACK_CLUSTER_TYPE, name, {}, opts);
        this.region = plan.addressing.region;
        this.vpc = plan.vpc;
        this.addressing = plan.addressing;
        this.nodeVSwitches = plan.nodeVSwitches;
        this.podVSwitches = plan.podVSwitches;
        // The user's provider first, else the VPC's (its region's).
        const provider = userProvider<alicloud.Provider>(opts, "alicloud") ?? plan.vpc.provider;
        const childOpts = { parent: this, provider };
        const ids = (vSwitches: readonly VSwitchInfo[]) => vSwitches.map(v => v.id);

        this.cluster = new alicloud.cs.ManagedKubernetes(
            `${name}-cluster`,
            {
                name: plan.clusterName,
                clusterSpec: plan.clusterSpec,
                version: plan.kubernetesVersion,
                vswitchIds: ids(plan.nodeVSwitches),
                podCidr: plan.addressing.podCidr,
                podVswitchIds: plan.podVSwitches.length > 0 ? ids(plan.podVSwitches) : undefined,
                serviceCidr: plan.addressing.serviceCidr,
                addons: [{ name: plan.addressing.networkPlugin }],
                deletionProtection: plan.deletionProtection,
                // The provider sends endpoint_public_access only when this is true (d.GetOk in
                // resource_alicloud_cs_managed_kubernetes.go): false leaves the cluster to the API's
                // default, an internal CLB alone (unconfirmed beyond the provider's example of a private
                // cluster, which sets exactly this).
                slbInternetEnabled: plan.publicApiServer !== undefined,
                // Otherwise the cluster's state keeps the admin client key in plain text
                // (`certificateAuthority`, deprecated); the kubeconfig comes from the credential data
                // source instead, as a secret.
                skipSetCertificateAuthority: true,
                tags: plan.tags,
            },
            childOpts,
        );
        this.clusterId = this.cluster.id;
        this.securityGroupId = this.cluster.securityGroupId;
        this.apiServerLoadBalancerId = this.cluster.slbId;
        this.apiServerAclEntries = plan.publicApiServer?.entries.map(e => e.cidr) ?? [];
        if (plan.publicApiServer) {
            this.apiServerAcl = createApiServerAcl(name, plan.publicApiServer, plan.tags, childOpts);
            warnAbout(
                this,
                attachAclWarning(
                    "The API server",
                    `${name}-api-acl`,
                    "the ACK console (Cluster Information, Basic Information, Set access control)",
                ),
            );
        } else {
            warnAbout(
                this,
                `The API server is private (publicApiServer is not set): the cluster's Kubernetes provider, and what ` +
                    `this stack applies through it, reach it at its internal address in VPC '${pulumi.resourceName(plan.vpc)}', ` +
                    "so pulumi up must run from a machine in that VPC or a network joined to it (CEN, VPN Gateway, " +
                    "Express Connect). To reach it from elsewhere, set publicApiServer: { allowedSources: [...] }.",
            );
        }

        const pool = plan.nodePool;
        const nodePool = new alicloud.cs.NodePool(
            `${name}-nodes`,
            {
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
            },
            childOpts,
        );
        this.nodePoolId = nodePool.nodePoolId;

        const credential = alicloud.cs.getClusterCredentialOutput({ clusterId: this.cluster.id }, childOpts);
        this.kubeconfig = pulumi.secret(credential.kubeConfig);
        // Workloads applied through this provider need nodes to become ready.
        this.provider = newStackProvider(
            "kubernetes",
            `${name}-k8s`,
            { kubeconfig: this.kubeconfig },
            { parent: this, dependsOn: [nodePool] },
        );

        this.registerOutputs({
            clusterId: this.clusterId,
            securityGroupId: this.securityGroupId,
            nodePoolId: this.nodePoolId,
            kubeconfig: this.kubeconfig,
            apiServerLoadBalancerId: this.apiServerLoadBalancerId,
            apiServerAclId: this.apiServerAcl?.id,
        });
    }

    /** @deprecated Since 0.2: renamed {@link AckCluster.addressing}, so that `network` means one thing across the package. */
    get network(): AckClusterAddressing {
        return this.addressing;
    }
}
