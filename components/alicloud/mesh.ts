import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as kubernetes from "@pulumi/kubernetes";
import { checkOneOf, checkUnique } from "../checks";
import { Problems, validate } from "../errors";
import { DeclaresFlows, FlowHost, IntendedFlow, flowTo } from "../flows";
import { PlacedCidr, addressSlug, checkCidr, findOverlaps } from "../net";
import { stackScopedName } from "../naming";
import { checkRegionalProviders, checkStackProviderConfig, newStackProvider, userProvider } from "../providers";
import { AckCluster } from "./ack";
import { CenBandwidthPackageArgs, CenTransitNetwork, CenTransitRouterRouteArgs, CenVpcRouteArgs } from "./cen";
import { AsmIstioGateway, IstioGatewaySpec, applyMeshObject, asmIngressGateway, checkMeshObject } from "./istio/objects";
import { LocalityMesh, compareVersions, parseAsmVersion } from "./meshLocality";
import { RegionalVpc } from "./vpc";

/** How the mesh's VPCs are connected when the component builds the CEN itself. */
export interface MeshNetworkArgs {
    /**
     * Bandwidth of each inter-region connection, Mbit/s. Clusters in another region than the mesh
     * cannot join without it (the tutorial's FAQ). Default: 10.
     */
    peerBandwidthMbps?: number;
    /**
     * The bandwidth package the connections draw from, for clusters within one pair of geographic
     * areas. Default: none; the connections are billed by data transfer.
     */
    bandwidthPackage?: CenBandwidthPackageArgs;
    /** One bandwidth package per pair of geographic areas, each with its `areas`. Default: none (billed by data transfer). */
    bandwidthPackages?: CenBandwidthPackageArgs[];
    /** Name of the CEN instance. Default: `<name>-cen`. */
    cenInstanceName?: string;
}

/** Arguments of a {@link ServiceMesh}. */
export interface ServiceMeshArgs {
    /** The mesh's own VPC. Tutorial: vpc-hangzhou2, 192.168.0.0/16 in cn-hangzhou. */
    vpc: RegionalVpc;
    /** Name of the vSwitch of `vpc` for the mesh control plane. Tutorial: vpc-hangzhou-switch-2 (192.168.0.0/24). */
    vSwitch: string;
    /**
     * Member clusters by name. Tutorial: ack-hangzhou and ack-shanghai. At least one. The mesh
     * sends their ids sorted, so the order of this record never shows as a change. Adding or
     * removing a cluster later changes `clusterIds` in place; whether the provider adds and
     * removes only the difference (its current source reads so) or every cluster (an earlier
     * review of it) is unconfirmed: change members in a maintenance window.
     */
    clusters: Record<string, AckCluster>;
    /** ASM edition: `Default` (Standard) or `Pro` (Professional). Default: `Pro`. */
    edition?: "Default" | "Pro";
    /** Mesh instance spec: `standard`, `enterprise` or `ultimate`. Default: `enterprise`. */
    meshSpec?: "standard" | "enterprise" | "ultimate";
    /**
     * ASM version, e.g. `1.22.6.66` or `v1.22.6.71-g8ce85c40-aliyun`. The mesh is created with the
     * full build string ASM offers for it (looked up with `servicemesh.getVersions`), the form
     * ASM reports back, so the version never shows as a change; a new version upgrades the control
     * plane in place (UpgradeMeshEditionPartially; sidecars and gateways follow by hand). Default:
     * the newest ASM offers at creation, kept afterwards (never upgraded by an update). ASM 1.22
     * supports Kubernetes up to 1.30 if it follows Istio's support table (unconfirmed for ASM),
     * older than the versions ACK creates clusters with today: pin a newer ASM with new clusters.
     */
    version?: string;
    /**
     * Mesh name in the console. ASM refuses a second mesh of one name (the provider retries a
     * create on `NameAlreadyExist`). Default: `<component name>-<digest of project and stack>`,
     * so stacks sharing an account never collide (the provider does not auto-name meshes).
     */
    meshName?: string;
    /**
     * Expose the mesh API server on a public EIP. Default: true, because this program applies the
     * Istio objects through the mesh kubeconfig from outside the VPC.
     */
    publicApiServer?: boolean;
    /**
     * The CEN joining the mesh VPC and every cluster VPC: an existing {@link CenTransitNetwork} that
     * has them all as members and connects their regions, or options for one built here (with the
     * two cn-hangzhou VPCs sharing one transit router). Default: built here, full mesh, 10 Mbit/s.
     */
    network?: CenTransitNetwork | MeshNetworkArgs;
    /**
     * The ASM ingress gateway (`IstioGateway` in istio-system): overrides of the tutorial's spec, or
     * `false` for none. Default: the tutorial's (ports 80/443, LoadBalancer, Local, 1 replica).
     */
    ingressGateway?: Partial<IstioGatewaySpec> | false;
    /**
     * Names (keys of `clusters`) of the clusters the ingress gateway is deployed to (the
     * IstioGateway's `clusterIds`). Default: the first cluster in the mesh's region, else the
     * first cluster (the tutorial sends its test traffic to ack-hangzhou's gateway).
     */
    ingressGatewayClusters?: string[];
    /** Tags on the mesh and the CEN it builds. Default: none. */
    tags?: Record<string, string>;
}

const TYPE = "topologies:alicloud:ServiceMesh";

/** Default bandwidth of each inter-region connection built here, Mbit/s. */
export const DEFAULT_MESH_PEER_BANDWIDTH_MBPS = 10;

interface MeshPlan {
    regions: string[];
    gateway?: AsmIstioGateway;
    /** Keys of the clusters the ingress gateway is deployed to. */
    gatewayClusters: string[];
}

/** Port of the Pilot (istiod) endpoint ASM gives the data plane (DescribeServiceMeshDetail: `IntranetPilotEndpoint`, "…:15011"). */
export const ASM_PILOT_PORT = 15011;
/** Port of an ACK cluster's API server, which the ASM control plane reaches over the VPCs (ACK docs: the API server's CLB listens on 6443). */
export const ACK_API_SERVER_PORT = 6443;

/**
 * The routes a mesh over a CEN needs, which the console adds and the API does not (a VPC
 * attachment writes no VPC route: `autoPublishRouteEnabled` is off by default): in every member
 * VPC, an entry sending each other member VPC's block to the transit router; for each Flannel
 * cluster, an entry for its Pod CIDR in every other member VPC, and a static entry in its
 * region's transit router pointing at its VPC. The router does not learn a Pod CIDR by
 * propagation: Flannel writes it as per-node custom routes (next hop an instance), which a VPC
 * attachment never propagates (CEN documentation, "Route learning"). Terway Pods take addresses
 * of the VPC's vSwitches, which the VPC routes cover. Route entries cost nothing, and
 * `pulumi destroy` removes them; they count against the route table's entry quota, which a
 * Flannel cluster's per-node routes share (200 by default, ACK documentation "Work with
 * Flannel"; not checked here).
 */
export function meshRoutes(members: ReadonlyArray<{ key: string; vpc: RegionalVpc }>, clusters: readonly AckCluster[]):
    { vpcRoutes: CenVpcRouteArgs[]; transitRouterRoutes: CenTransitRouterRouteArgs[] } {
    const vpcRoutes: CenVpcRouteArgs[] = [];
    const transitRouterRoutes: CenTransitRouterRouteArgs[] = [];
    for (const member of members) {
        for (const other of members) {
            if (other.vpc !== member.vpc) vpcRoutes.push({ member: member.key, destinationCidrBlock: other.vpc.cidrBlock });
        }
    }
    for (const cluster of clusters) {
        const pods = cluster.network.podCidr;
        const home = members.find(m => m.vpc === cluster.vpc);
        if (pods === undefined || home === undefined) continue;
        for (const member of members) {
            if (member.vpc !== cluster.vpc) vpcRoutes.push({ member: member.key, destinationCidrBlock: pods });
        }
        transitRouterRoutes.push({ region: cluster.region, destinationCidrBlock: pods, nextHopMember: home.key });
    }
    return { vpcRoutes, transitRouterRoutes };
}

function pairKey(a: string, b: string): string {
    return [a, b].sort().join(":");
}

function checkExistingNetwork(problems: Problems, cen: CenTransitNetwork, vpcs: Array<{ path: string; vpc: RegionalVpc }>): void {
    const members = Object.values(cen.members).map(m => m.vpc);
    for (const { path, vpc } of vpcs) {
        if (!members.includes(vpc)) {
            problems.add("network", `VPC '${pulumi.resourceName(vpc)}' (${path}) is not a member of CEN '${pulumi.resourceName(cen)}'.`,
                "Add it to the CEN's members, or let the mesh build its CEN.");
        }
    }
    const peered = new Set(Object.keys(cen.peerAttachmentIds).map(k => pairKey(...(k.split(":") as [string, string]))));
    const regions = [...new Set(vpcs.map(v => v.vpc.region))];
    for (let i = 0; i < regions.length; i++) {
        for (let j = i + 1; j < regions.length; j++) {
            if (!peered.has(pairKey(regions[i], regions[j]))) {
                problems.add("network", `CEN '${pulumi.resourceName(cen)}' has no inter-region bandwidth between ${regions[i]} and ${regions[j]}; ASM cannot reach clusters across regions without it.`,
                    `Add a peering for [${regions[i]}, ${regions[j]}] with bandwidth to the CEN.`);
            }
        }
    }
}

/**
 * Checks a mesh description. Pure: registers nothing. Rules: the vSwitch is in the mesh VPC; at
 * least one cluster; edition, spec and version well-formed; across the whole mesh the mesh VPC
 * and every cluster's VPC, Pod CIDR and Service CIDR are pairwise disjoint (VPCs contain their
 * vSwitches) and Service CIDRs differ; cross-region members have inter-region bandwidth.
 */
export function validateServiceMeshArgs(name: string, args: ServiceMeshArgs, opts?: pulumi.ComponentResourceOptions): MeshPlan {
    return validate(`${TYPE} '${name}'`, problems => {
        const plan = checkMeshArgs(problems, args);
        checkRegionalProviders(problems, opts, [args.vpc?.region, ...plan.regions]);
        checkStackProviderConfig(problems, "kubernetes");
        return plan;
    });
}

function checkMeshArgs(problems: Problems, args: ServiceMeshArgs): MeshPlan {
    const meshVpcName = `mesh VPC '${pulumi.resourceName(args.vpc)}'`;
    if (!Object.hasOwn(args.vpc.vSwitches, args.vSwitch)) {
        problems.add("vSwitch", `'${args.vSwitch}' is not a vSwitch of ${meshVpcName}.`, `Use one of: ${Object.keys(args.vpc.vSwitches).join(", ")}.`);
    }
    if (args.edition !== undefined) checkOneOf(problems, "edition", args.edition, ["Default", "Pro"], "ASM edition");
    if (args.meshSpec !== undefined) checkOneOf(problems, "meshSpec", args.meshSpec, ["standard", "enterprise", "ultimate"], "mesh spec");
    if (args.version !== undefined && !parseAsmVersion(args.version)) {
        problems.add("version", `'${args.version}' is not an ASM version.`, "Write it like 1.22.6.66 or v1.22.6.71-g8ce85c40-aliyun.");
    }
    const clusters = Object.entries(args.clusters ?? {});
    if (clusters.length === 0) problems.add("clusters", "the mesh has no cluster.", "Add at least one AckCluster.");

    // One block list for the whole mesh. A cluster's own blocks were checked against each other by
    // AckCluster, so only pairs with different owners are reported here; a VPC shared by two
    // clusters is listed once.
    const placed: Array<PlacedCidr & { owner: string }> = [];
    const listed = new Set<RegionalVpc>();
    const meshVpc = checkCidr(problems, "vpc.cidrBlock", args.vpc.cidrBlock, 4);
    if (meshVpc) placed.push({ name: meshVpcName, cidr: meshVpc, path: "vpc.cidrBlock", owner: "mesh" });
    listed.add(args.vpc);
    for (const [key, cluster] of clusters) {
        for (const block of cluster.network.blocks) {
            if (block.kind.startsWith("vSwitch")) continue;
            const isVpc = block.path === "vpc.cidrBlock";
            if (isVpc && listed.has(cluster.vpc)) continue;
            if (isVpc) listed.add(cluster.vpc);
            const cidr = checkCidr(problems, `clusters.${key}.${block.path}`, block.cidr, 4);
            if (cidr) placed.push({ name: `cluster '${key}' ${block.kind}`, cidr, path: `clusters.${key}.${block.path}`, owner: key });
        }
    }
    const services = new Map<string, string>();
    for (const [key, cluster] of clusters) {
        const first = services.get(cluster.network.serviceCidr);
        if (first !== undefined) {
            problems.add(`clusters.${key}.serviceCidr`, `cluster '${key}' uses Service CIDR ${cluster.network.serviceCidr}, the same as cluster '${first}'.`,
                "Give every cluster of the mesh its own Service CIDR, e.g. 172.16.0.0/16 and 172.17.0.0/16.");
        } else {
            services.set(cluster.network.serviceCidr, key);
        }
    }
    for (const [a, b] of findOverlaps(placed)) {
        if (a.owner === b.owner) continue;
        // Identical Service CIDRs were reported just above.
        if (a.path.endsWith("serviceCidr") && b.path.endsWith("serviceCidr") && a.cidr.text === b.cidr.text) continue;
        problems.add(b.path, `${b.name} ${b.cidr.text} overlaps ${a.name} ${a.cidr.text}.`,
            "Every VPC, Pod CIDR and Service CIDR on the mesh's CEN must be disjoint, or routes conflict.");
    }

    const vpcs = [{ path: "vpc", vpc: args.vpc }, ...clusters.map(([key, c]) => ({ path: `clusters.${key}.vpc`, vpc: c.vpc }))];
    const regions = [...new Set(vpcs.map(v => v.vpc.region))];
    const network = args.network;
    if (network instanceof CenTransitNetwork) {
        checkExistingNetwork(problems, network, vpcs);
    } else if (regions.length > 1 && network?.peerBandwidthMbps !== undefined && !(network.peerBandwidthMbps >= 1)) {
        problems.add("network.peerBandwidthMbps", `the mesh spans ${regions.join(", ")} but the inter-region bandwidth is ${network.peerBandwidthMbps} Mbit/s; ASM cannot add clusters across regions without it.`,
            "Give the inter-region connections at least 1 Mbit/s.");
    }

    let gateway: AsmIstioGateway | undefined;
    let gatewayClusters: string[] = [];
    if (args.ingressGateway !== false) {
        gateway = asmIngressGateway("ingressgateway", args.ingressGateway ?? {});
        checkMeshObject(problems, "ingressGateway", gateway);
        gatewayClusters = checkGatewayClusters(problems, args, clusters);
    } else if (args.ingressGatewayClusters !== undefined) {
        problems.add("ingressGatewayClusters", "there is no ingress gateway (ingressGateway: false) to deploy to these clusters.", "Drop ingressGatewayClusters, or the ingressGateway: false.");
    }
    return { regions: [...new Set(clusters.map(([, c]) => c.region))], gateway, gatewayClusters };
}

/** The clusters the ASM ingress gateway goes to: given by key, else the first in the mesh's region (the tutorial's ack-hangzhou). */
function checkGatewayClusters(problems: Problems, args: ServiceMeshArgs, clusters: Array<[string, AckCluster]>): string[] {
    if (args.ingressGateway && args.ingressGateway.clusterIds !== undefined) {
        if (args.ingressGatewayClusters !== undefined) {
            problems.add("ingressGatewayClusters", "both ingressGatewayClusters and ingressGateway.clusterIds say where the gateway goes.", "Keep ingressGatewayClusters (cluster names) and drop clusterIds.");
        }
        return [];
    }
    if (args.ingressGatewayClusters === undefined) {
        const home = clusters.find(([, c]) => c.region === args.vpc?.region) ?? clusters[0];
        return home ? [home[0]] : [];
    }
    if (args.ingressGatewayClusters.length === 0) {
        problems.add("ingressGatewayClusters", "the ingress gateway is deployed to no cluster.", "Name at least one cluster, or set ingressGateway: false.");
    }
    args.ingressGatewayClusters.forEach((key, i) => {
        if (!clusters.some(([k]) => k === key)) {
            problems.add(`ingressGatewayClusters[${i}]`, `'${key}' is not a cluster of the mesh.`, `Use one of: ${clusters.map(([k]) => k).join(", ")}.`);
        }
    });
    checkUnique(problems, args.ingressGatewayClusters.map((key, i) => ({ path: `ingressGatewayClusters[${i}]`, key })), "gateway cluster");
    return args.ingressGatewayClusters;
}

/**
 * The flows of a mesh: from each cluster's node vSwitches and Pods to Pilot on the mesh vSwitch
 * (the internal load balancer of the control plane sits there), and from the mesh vSwitch to each
 * cluster's API server in its vSwitches. The control plane's own security group is ASM's and is
 * not in the plan.
 */
function meshFlows(args: ServiceMeshArgs, meshCidr: string, meshVSwitchId: pulumi.Output<string>): IntendedFlow[] {
    const pilot = flowTo.host({ label: "ASM control plane (Pilot)", address: meshCidr, vpcId: args.vpc.vpcId, subnetId: meshVSwitchId });
    const controlPlane = flowTo.host({ label: "ASM control plane", address: meshCidr, vpcId: args.vpc.vpcId, subnetId: meshVSwitchId });
    return Object.entries(args.clusters).flatMap(([key, cluster]): IntendedFlow[] => {
        const sources: Array<[string, FlowHost]> = [
            ...cluster.nodeVSwitches.map((vsw): [string, FlowHost] =>
                [`${key} nodes in ${vsw.name}`, flowTo.host({ label: `${key} nodes in ${vsw.name}`, address: vsw.cidrBlock, vpcId: cluster.vpc.vpcId, subnetId: vsw.id })]),
            ...podSources(key, cluster),
        ];
        // The API server's internal load balancer sits in the first control-plane vSwitch.
        const api = cluster.nodeVSwitches[0];
        return [
            ...sources.map(([label, from]): IntendedFlow => ({
                name: `${label} → ASM Pilot :${ASM_PILOT_PORT}`, from, to: pilot, protocol: "tcp", port: ASM_PILOT_PORT, intent: "allow",
            })),
            ...(api ? [{
                name: `ASM control plane → ${key} API server :${ACK_API_SERVER_PORT}`, from: controlPlane,
                to: flowTo.host({ label: `${key} API server in ${api.name}`, address: api.cidrBlock, vpcId: cluster.vpc.vpcId, subnetId: api.id }),
                protocol: "tcp", port: ACK_API_SERVER_PORT, intent: "allow",
            } satisfies IntendedFlow] : []),
        ];
    });
}

/**
 * The full build string ASM offers for `version` (`1.22.6.66` → `v1.22.6.66-g…-aliyun`), or the
 * newest it offers when none is asked for. The provider reads the version back in the full form
 * (DescribeServiceMeshDetail `ServiceMeshInfo.Version`) and has no diff suppression, so a short
 * form would show as a change on every run and fail as an upgrade (UpgradedVersion.NotExpected).
 */
function offeredVersion(version: string | undefined, offered: pulumi.Output<alicloud.servicemesh.GetVersionsResult>): pulumi.Output<string> {
    return offered.apply(found => pickOfferedVersion(version, found.versions.map(v => v.version)));
}

/** The offered build string matching `version` (the newest when undefined); throws naming what is offered. */
export function pickOfferedVersion(version: string | undefined, offered: readonly string[]): string {
    const all = offered.filter(v => parseAsmVersion(v) !== undefined);
    if (version === undefined) {
        const newest = [...all].sort((a, b) => compareVersions(parseAsmVersion(b)!, parseAsmVersion(a)!))[0];
        if (!newest) throw new Error("ASM offers no version in this region (servicemesh.getVersions answered none).");
        return newest;
    }
    const wanted = parseAsmVersion(version)!;
    const match = all.find(v => (version.startsWith("v") ? v === version : compareVersions(parseAsmVersion(v)!, wanted) === 0));
    if (!match) throw new Error(`ASM offers no version ${version}; it offers ${all.join(", ") || "none"}. Set version to one of them.`);
    return match;
}

/**
 * A cluster's Pods as flow hosts, each with its label: its Pod CIDR (Flannel), or its Pod
 * vSwitches (Terway), guarded by the cluster's security group.
 */
export function podSources(key: string, cluster: AckCluster): Array<[string, FlowHost]> {
    const securityGroupIds = [cluster.securityGroupId];
    if (cluster.network.podCidr !== undefined) {
        return [[`${key} Pods`, flowTo.host({
            label: `${key} Pods`, address: cluster.network.podCidr, vpcId: cluster.vpc.vpcId, securityGroupIds,
            deliveredBy: "the per-node routes Flannel's cloud controller writes into the VPC at run time",
        })]];
    }
    return cluster.podVSwitches.map((vsw): [string, FlowHost] => [`${key} Pods in ${vsw.name}`,
        flowTo.host({ label: `${key} Pods in ${vsw.name}`, address: vsw.cidrBlock, vpcId: cluster.vpc.vpcId, subnetId: vsw.id, securityGroupIds })]);
}

/**
 * An ASM instance (`servicemesh.ServiceMesh`) in its own VPC with ACK clusters from one or more
 * regions, locality load balancing on, its kubeconfig as a secret and a `kubernetes.Provider` for
 * the mesh control plane; the CEN joining all VPCs with inter-region bandwidth, and the routes
 * traffic needs on it ({@link meshRoutes}: built here, or written into a given CEN); security-group
 * rules letting each cluster's control plane accept all traffic from every peer's pods (Flannel
 * Pod CIDR, or Terway vSwitch blocks); and the ASM-managed ingress gateway (`IstioGateway`).
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
    /** The member clusters, by name. */
    readonly clusters: Readonly<Record<string, AckCluster>>;
    /** The CEN joining the VPCs. */
    readonly network: CenTransitNetwork;
    /** The ingress gateway object, as applied. */
    readonly ingressGateway?: AsmIstioGateway;
    /** Ids of the security-group rules, by `<cluster>:<peer>:<cidr>`. */
    readonly securityGroupRuleIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The ASM instance and its ingress gateway: what Istio objects and meshed workloads wait for. */
    readonly ready: readonly pulumi.Resource[];
    /** The traffic the mesh needs: every cluster's nodes and Pods to Pilot, and the control plane to every API server. */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: ServiceMeshArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateServiceMeshArgs(name, args, opts);
        super(TYPE, name, {}, opts);
        // A mesh in one region runs on a provider passed in opts (one in several regions refuses it).
        const given = userProvider<alicloud.Provider>(opts, "alicloud");
        this.version = args.version;
        this.regions = plan.regions;
        this.clusters = { ...args.clusters };
        // The gateway goes to the clusters the plan chose (or the ids the caller gave in the spec).
        this.ingressGateway = plan.gateway && plan.gatewayClusters.length > 0
            ? { ...plan.gateway, spec: { ...plan.gateway.spec, clusterIds: plan.gatewayClusters.map(key => args.clusters[key].clusterId) } }
            : plan.gateway;
        const clusters = Object.entries(args.clusters);

        // Routes written into a network the mesh joins: the instance waits for them as for its own CEN.
        const joinedRoutes: pulumi.Resource[] = [];
        if (args.network instanceof CenTransitNetwork) {
            this.network = args.network;
            const network = args.network;
            const members = Object.entries(network.members).map(([key, m]) => ({ key, vpc: m.vpc }))
                .filter(m => m.vpc === args.vpc || clusters.some(([, c]) => c.vpc === m.vpc));
            const routes = meshRoutes(members, clusters.map(([, c]) => c));
            for (const member of members) {
                const cidrs = routes.vpcRoutes.filter(r => r.member === member.key).map(r => r.destinationCidrBlock);
                if (cidrs.length > 0) joinedRoutes.push(...network.addVpcRoutes(name, member.key, cidrs, this));
            }
            for (const r of routes.transitRouterRoutes) {
                joinedRoutes.push(...network.addTransitRouterRoutes(name, r.region, r.nextHopMember, [r.destinationCidrBlock], this));
            }
        } else {
            const members: Record<string, { vpc: RegionalVpc }> = { [pulumi.resourceName(args.vpc)]: { vpc: args.vpc } };
            for (const [, cluster] of clusters) members[pulumi.resourceName(cluster.vpc)] = { vpc: cluster.vpc };
            const routes = meshRoutes(Object.entries(members).map(([key, m]) => ({ key, vpc: m.vpc })), clusters.map(([, c]) => c));
            this.network = new CenTransitNetwork(`${name}-cen`, {
                ...routes,
                members,
                cenInstanceName: args.network?.cenInstanceName,
                peerings: "full-mesh",
                peerBandwidthMbps: args.network?.peerBandwidthMbps ?? DEFAULT_MESH_PEER_BANDWIDTH_MBPS,
                bandwidthPackage: args.network?.bandwidthPackage,
                bandwidthPackages: args.network?.bandwidthPackages,
                // The mesh VPC and ack-hangzhou's VPC share cn-hangzhou in the tutorial.
                allowMultipleVpcsPerRegion: true,
                tags: args.tags,
            }, { parent: this, provider: given });
        }

        const rules: alicloud.ecs.SecurityGroupRule[] = [];
        const ruleIds: Record<string, pulumi.Output<string>> = {};
        for (const [key, cluster] of clusters) {
            for (const [peerKey, peer] of clusters) {
                if (peer === cluster) continue;
                for (const cidr of peer.network.peerSourceCidrs) {
                    const rule = new alicloud.ecs.SecurityGroupRule(`${name}-${key}-from-${peerKey}-${addressSlug(cidr)}`, {
                        securityGroupId: cluster.securityGroupId,
                        type: "ingress",
                        ipProtocol: "all",
                        portRange: "-1/-1",
                        nicType: "intranet",
                        policy: "accept",
                        priority: 1,
                        cidrIp: cidr,
                        description: `ASM mesh ${name}: all traffic from cluster ${peerKey}`,
                    }, { parent: this, provider: given ?? cluster.vpc.provider });
                    rules.push(rule);
                    ruleIds[`${key}:${peerKey}:${cidr}`] = rule.id;
                }
            }
        }
        this.securityGroupRuleIds = ruleIds;

        const vSwitch = args.vpc.vSwitches[args.vSwitch];
        const meshProvider = given ?? args.vpc.provider;
        const edition = args.edition ?? "Pro";
        const mesh = new alicloud.servicemesh.ServiceMesh(`${name}-mesh`, {
            serviceMeshName: args.meshName ?? stackScopedName(name),
            edition,
            clusterSpec: args.meshSpec ?? "enterprise",
            version: offeredVersion(args.version, alicloud.servicemesh.getVersionsOutput({ edition }, { parent: this, provider: meshProvider })),
            network: { vpcId: args.vpc.vpcId, vswitcheList: vSwitch.id },
            // Sorted: an order that follows the args record would show as a change.
            clusterIds: pulumi.all(clusters.map(([, c]) => c.clusterId)).apply(ids => [...ids].sort()),
            meshConfig: { enableLocalityLb: true },
            // pilotPublicEip is deprecated and read-only since provider 1.232.0; Pilot stays private.
            loadBalancer: { apiServerPublicEip: args.publicApiServer ?? true },
            tags: args.tags,
        }, {
            parent: this,
            provider: meshProvider,
            // The name stays on replacement, and a second mesh of that name is refused: delete first.
            deleteBeforeReplace: true,
            // Unpinned: the provider's `version` is not computed, so an update would "remove" it and upgrade.
            ignoreChanges: args.version === undefined ? ["version"] : [],
            // Adding a cluster fails until the CEN carries traffic between the VPCs (tutorial FAQ)
            // and the clusters' security groups accept their peers.
            dependsOn: [this.network, ...joinedRoutes, ...rules],
            // The provider does not mark the admin kubeconfig sensitive: without this the stack's
            // state keeps it in plain text, whatever pulumi.secret does to the output below.
            additionalSecretOutputs: ["kubeconfig"],
        });
        this.meshId = mesh.id;
        this.kubeconfig = pulumi.secret(mesh.kubeconfig);
        this.provider = newStackProvider("kubernetes", `${name}-k8s`, { kubeconfig: this.kubeconfig }, { parent: this });

        const ready: pulumi.Resource[] = [mesh];
        if (this.ingressGateway) {
            ready.push(applyMeshObject(`${name}-ingressgateway`, this.ingressGateway, { parent: this, provider: this.provider }));
        }
        this.ready = ready;
        this.intendedFlows = meshFlows(args, vSwitch.cidrBlock, vSwitch.id);

        this.registerOutputs({
            meshId: this.meshId,
            kubeconfig: this.kubeconfig,
            cenId: this.network.cenId,
            securityGroupRuleIds: this.securityGroupRuleIds,
        });
    }
}
