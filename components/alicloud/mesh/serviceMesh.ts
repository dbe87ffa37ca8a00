import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import * as kubernetes from "../../sdk/kubernetes";
import { DeclaresFlows, IntendedFlow } from "../../flows";
import { addressSlug } from "../../net";
import { newStackProvider, userProvider } from "../../providers";
import { addApiServerAclEntry, attachAclWarning, createApiServerAcl } from "../apiServerAccess";
import { AckCluster } from "../ack";
import { CenTransitNetwork } from "../cen";
import { AsmIstioGateway, PeerAuthentication, applyMeshObject } from "../istio/objects";
import { LocalityMesh } from "../meshLocality";
import { ServiceMeshArgs } from "./args";
import { SERVICE_MESH_TYPE, validateServiceMeshArgs } from "./check";
import { meshFlows } from "./flows";
import { MeshRoutes } from "./routes";
import { offeredVersion } from "./version";
import { meshZones } from "./zones";
import { warnAbout } from "../../warnings";

/**
 * An ASM instance (`servicemesh.ServiceMesh`) in its own VPC with ACK clusters from one or more
 * regions, locality load balancing on, its kubeconfig as a secret and a `kubernetes.Provider` for
 * the mesh control plane; the CEN joining all VPCs with inter-region bandwidth, and the routes
 * traffic needs on it (built here, or written into the CEN given as `cen`); security-group
 * rules letting each cluster's control plane accept all traffic from every peer's pods (Flannel
 * Pod CIDR, or Terway vSwitch blocks); the ASM-managed ingress gateway (`IstioGateway`); and
 * mesh-wide mutual TLS (a PeerAuthentication in istio-system, STRICT by default).
 */
export class ServiceMesh extends pulumi.ComponentResource implements LocalityMesh, DeclaresFlows {
    /** Mesh instance id. */
    readonly meshId: pulumi.Output<string>;
    /** Kubeconfig of the mesh control plane (secret). */
    readonly kubeconfig: pulumi.Output<string>;
    /** Provider for the mesh control plane: Istio objects go through it. */
    readonly provider: kubernetes.Provider;
    /** ASM version as given (undefined: the newest at creation). */
    readonly version?: string;
    /** Regions of the member clusters. */
    readonly regions: readonly string[];
    /** Zones the member clusters' nodes are in, by region: what a zone-level locality policy may name. */
    readonly zones: Readonly<Record<string, readonly string[]>>;
    /** The member clusters, by name. */
    readonly clusters: Readonly<Record<string, AckCluster>>;
    /** The CEN joining the VPCs: the one given as `cen`, or the one built here. */
    readonly cen: CenTransitNetwork;
    /** The ingress gateway object, as applied. */
    readonly ingressGateway?: AsmIstioGateway;
    /** The mesh-wide PeerAuthentication object (`mtls`), as applied. */
    readonly peerAuthentication: PeerAuthentication;
    /** Ids of the security-group rules, by `<cluster>:<peer>:<cidr>`. */
    readonly securityGroupRuleIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The ASM instance and its ingress gateway: what Istio objects and meshed workloads wait for. */
    readonly ready: readonly pulumi.Resource[];
    /** The traffic the mesh needs: every cluster's nodes and Pods to Pilot, and the control plane to every API server. */
    readonly intendedFlows: readonly IntendedFlow[];
    /** Id of the mesh API server's CLB (`loadBalancer.apiServerLoadbalancerId`), where a public API server's allowlist is attached. */
    readonly apiServerLoadBalancerId: pulumi.Output<string>;
    /**
     * The allowlist of a public mesh API server (`publicApiServer`): an SLB access control list, to
     * attach to port 6443 of `apiServerLoadBalancerId`. Undefined for a private API server.
     */
    readonly apiServerAcl?: alicloud.slb.Acl;

    constructor(name: string, args: ServiceMeshArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateServiceMeshArgs(name, args, opts);
        super(SERVICE_MESH_TYPE, name, {}, opts);
        // A mesh in one region runs on a provider passed in opts (one in several regions refuses it).
        const given = userProvider<alicloud.Provider>(opts, "alicloud");
        this.version = plan.version;
        this.regions = plan.regions;
        this.zones = meshZones(plan.clusters);
        this.clusters = plan.clusters;
        this.ingressGateway = plan.ingressGateway;
        this.peerAuthentication = plan.peerAuthentication;

        // Routes written into a network the mesh joins: the instance waits for them as for its own CEN.
        let joinedRoutes: pulumi.Resource[] = [];
        if ("join" in plan.cen) {
            this.cen = plan.cen.join;
            joinedRoutes = writeRoutes(name, plan.cen.join, plan.cen.routes, this);
        } else {
            this.cen = new CenTransitNetwork(`${name}-cen`, plan.cen.build, { parent: this, provider: given });
        }

        const rules: alicloud.ecs.SecurityGroupRule[] = [];
        const ruleIds: Record<string, pulumi.Output<string>> = {};
        const clusters = Object.entries(plan.clusters);
        for (const [key, cluster] of clusters) {
            for (const [peerKey, peer] of clusters) {
                if (peer === cluster) continue;
                for (const cidr of peer.addressing.peerSourceCidrs) {
                    const rule = new alicloud.ecs.SecurityGroupRule(
                        `${name}-${key}-from-${peerKey}-${addressSlug(cidr)}`,
                        {
                            securityGroupId: cluster.securityGroupId,
                            type: "ingress",
                            ipProtocol: "all",
                            portRange: "-1/-1",
                            nicType: "intranet",
                            policy: "accept",
                            priority: 1,
                            cidrIp: cidr,
                            description: `ASM mesh ${name}: all traffic from cluster ${peerKey}`,
                        },
                        { parent: this, provider: given ?? cluster.vpc.provider },
                    );
                    rules.push(rule);
                    ruleIds[`${key}:${peerKey}:${cidr}`] = rule.id;
                }
            }
        }
        this.securityGroupRuleIds = ruleIds;

        const meshProvider = given ?? plan.vpc.provider;
        const mesh = new alicloud.servicemesh.ServiceMesh(
            `${name}-mesh`,
            {
                serviceMeshName: plan.meshName,
                edition: plan.edition,
                clusterSpec: plan.meshSpec,
                version: offeredVersion(
                    plan.version,
                    alicloud.servicemesh.getVersionsOutput(
                        { edition: plan.edition },
                        { parent: this, provider: meshProvider },
                    ),
                ),
                network: { vpcId: plan.vpc.vpcId, vswitcheList: plan.vSwitch.id },
                // Sorted: an order that follows the args record would show as a change.
                clusterIds: pulumi.all(clusters.map(([, c]) => c.clusterId)).apply(ids => [...ids].sort()),
                // Locality load balancing on, and the observability settings given (observability.ts).
                meshConfig: plan.meshConfig,
                // pilotPublicEip is deprecated and read-only since provider 1.232.0; Pilot stays private.
                // apiServerPublicEip is ForceNew: a change replaces the mesh.
                loadBalancer: { apiServerPublicEip: plan.publicApiServer !== undefined },
                tags: plan.tags,
            },
            {
                parent: this,
                provider: meshProvider,
                // The name stays on replacement, and a second mesh of that name is refused: delete first.
                deleteBeforeReplace: true,
                // Unpinned: the provider's `version` is not computed, so an update would "remove" it and upgrade.
                ignoreChanges: plan.version === undefined ? ["version"] : [],
                // Adding a cluster fails until the CEN carries traffic between the VPCs (tutorial FAQ)
                // and the clusters' security groups accept their peers.
                dependsOn: [this.cen, ...joinedRoutes, ...rules],
                // The provider does not mark the admin kubeconfig sensitive: without this the stack's
                // state keeps it in plain text, whatever pulumi.secret does to the output below.
                additionalSecretOutputs: ["kubeconfig"],
            },
        );
        this.meshId = mesh.id;
        this.apiServerLoadBalancerId = mesh.loadBalancer.apply(lb => lb.apiServerLoadbalancerId);
        this.apiServerAcl = this.allowApiServers(name, plan, { parent: this, provider: meshProvider }, given);
        this.kubeconfig = pulumi.secret(mesh.kubeconfig);
        this.provider = newStackProvider(
            "kubernetes",
            `${name}-k8s`,
            { kubeconfig: this.kubeconfig },
            { parent: this },
        );

        const ready: pulumi.Resource[] = [mesh];
        if (this.ingressGateway) {
            const gatewayOpts = { parent: this, provider: this.provider };
            ready.push(applyMeshObject(`${name}-ingressgateway`, this.ingressGateway, gatewayOpts));
        }
        this.ready = ready;
        // Istio objects go to the ASM control plane (its API server), not to the member clusters,
        // as the locality DestinationRules do (MeshLocalityPolicy applies through mesh.provider).
        // The CRD exists once the instance does: the policy waits for it.
        applyMeshObject(`${name}-mtls`, this.peerAuthentication, {
            parent: this,
            provider: this.provider,
            dependsOn: [mesh],
        });
        this.intendedFlows = meshFlows(plan);

        this.registerOutputs({
            meshId: this.meshId,
            apiServerLoadBalancerId: this.apiServerLoadBalancerId,
            apiServerAclId: this.apiServerAcl?.id,
            kubeconfig: this.kubeconfig,
            cenId: this.cen.cenId,
            securityGroupRuleIds: this.securityGroupRuleIds,
        });
    }

    /**
     * The mesh's own allowlist when its API server is public, its vSwitch on the allowlist of each
     * public member cluster (its control plane reaches their API servers from there: meshFlows),
     * and what the plan says of reaching the API servers.
     */
    private allowApiServers(
        name: string,
        plan: ReturnType<typeof validateServiceMeshArgs>,
        meshOpts: pulumi.CustomResourceOptions,
        given: alicloud.Provider | undefined,
    ): alicloud.slb.Acl | undefined {
        const controlPlane = { cidr: plan.vSwitch.cidrBlock, comment: "ASM control plane" };
        for (const [key, cluster] of Object.entries(plan.clusters)) {
            if (!cluster.apiServerAcl || cluster.apiServerAclEntries.includes(controlPlane.cidr)) continue;
            addApiServerAclEntry(`${name}-${key}-api-acl`, cluster.apiServerAcl.id, controlPlane, {
                parent: this,
                provider: given ?? cluster.vpc.provider,
            });
        }
        const vpcName = pulumi.resourceName(plan.vpc);
        warnAbout(
            this,
            "The provider reads the mesh's kubeconfig for its internal endpoint (DescribeServiceMeshKubeconfig with " +
                "PrivateIpAddress true): the Istio objects this stack writes through the mesh's provider go from where " +
                `pulumi up runs to the API server in VPC '${vpcName}', so run pulumi up from a machine that reaches ` +
                "that VPC (in it, or joined to it by CEN, VPN Gateway or Express Connect), public API server or not.",
        );
        if (!plan.publicApiServer) return undefined;
        warnAbout(
            this,
            `${attachAclWarning("The mesh API server", `${name}-api-acl`, "the CLB console")} Which addresses ` +
                "ASM's own components reach it from is unconfirmed: check the mesh after attaching it.",
        );
        return createApiServerAcl(name, plan.publicApiServer, plan.tags, meshOpts);
    }
}

/**
 * Writes the mesh's routes into a network it joins, member by member, continuing the network's
 * per-table write chains; the entries are the mesh's children.
 */
function writeRoutes(
    name: string,
    cen: CenTransitNetwork,
    routes: MeshRoutes,
    parent: pulumi.Resource,
): pulumi.Resource[] {
    const written: pulumi.Resource[] = [];
    for (const member of new Set(routes.vpcRoutes.map(r => r.member))) {
        const cidrs = routes.vpcRoutes.filter(r => r.member === member).map(r => r.destinationCidrBlock);
        written.push(...cen.addVpcRoutes(name, member, cidrs, parent));
    }
    for (const r of routes.transitRouterRoutes) {
        written.push(...cen.addTransitRouterRoutes(name, r.region, r.nextHopMember, [r.destinationCidrBlock], parent));
    }
    return written;
}
