/** The validation of a {@link ServiceMesh}: every rule, before anything is registered, and the plan it resolves. */
import { checkObservability } from "./observability";
import * as pulumi from "@pulumi/pulumi";
import { checkInput, checkKnownName, checkUnique, recordOf } from "../../checks";
import { Problems, joinPath, validate } from "../../errors";
import { CidrError, PlacedCidr, checkCidr, findOverlaps, normaliseCidr } from "../../net";
import { stackScopedName } from "../../naming";
import { checkRegionalProviders, checkStackProviderConfig } from "../../providers";
import { checkShape, text } from "../../shape";
import { AckCluster } from "../ack";
import { checkPublicApiServer, checkPublicApiServerFlag } from "../apiServerAccess";
import {
    AsmIstioGateway,
    PeerAuthentication,
    asmIngressGateway,
    checkMeshObject,
    meshPeerAuthentication,
} from "../istio/objects";
import { compareVersions, parseAsmVersion } from "../meshLocality/version";
import { plainTags } from "../tags";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { findVSwitch } from "../vpc/lookups";
import { ServiceMeshArgs } from "./args";
import { MeshVpc, checkMeshCen, checkRenamedNetwork } from "./checkCen";
import { ServiceMeshPlan } from "./plan";
import { SERVICE_MESH_SHAPE } from "./shape";

/** The type token of {@link ServiceMesh}. */
export const SERVICE_MESH_TYPE = "topologies:alicloud:ServiceMesh";

/**
 * Checks a mesh description. Pure: registers nothing. Rules: the vSwitch is in the mesh VPC; at
 * least one cluster; edition, spec and version well-formed; across the whole mesh the mesh VPC
 * and every cluster's VPC, Pod CIDR and Service CIDR are pairwise disjoint (VPCs contain their
 * vSwitches) and Service CIDRs differ; the CEN joined carries every VPC and connects their
 * regions, the CEN built passes the CEN's own rules.
 */
export function validateServiceMeshArgs(
    name: string,
    args: ServiceMeshArgs,
    opts?: pulumi.ComponentResourceOptions,
): ServiceMeshPlan {
    const plan = validate(`${SERVICE_MESH_TYPE} '${name}'`, problems => {
        const plan = checkServiceMeshArgs(problems, name, args);
        if (plan) checkRegionalProviders(problems, opts, [plan.vpc.region, ...plan.regions]);
        checkStackProviderConfig(problems, "kubernetes");
        return plan;
    });
    // No problem was recorded, so the args fit their shape and the plan is complete.
    return plan!;
}

/**
 * The checks of {@link validateServiceMeshArgs}, recording into `problems`: the args' shape first
 * (a field of an earlier release is told where it went), the rules only on args that fit it.
 * Returns the plan with every default resolved (complete when no problem was recorded);
 * undefined when the args do not fit their shape.
 */
export function checkServiceMeshArgs(
    problems: Problems,
    name: string,
    args: ServiceMeshArgs,
): ServiceMeshPlan | undefined {
    const current = checkPublicApiServerFlag(problems, checkRenamedNetwork(problems, args));
    if (!checkShape(problems, SERVICE_MESH_SHAPE, current) || current !== args) return undefined;
    const vSwitch = findVSwitch(problems, "vSwitch", args.vpc, args.vSwitch);
    if (args.version !== undefined && !parseAsmVersion(args.version)) {
        problems.add(
            "version",
            `'${args.version}' is not an ASM version.`,
            "Write it like 1.22.6.66 or v1.22.6.71-g8ce85c40-aliyun.",
        );
    }
    const clusters = Object.entries(args.clusters);
    if (clusters.length === 0) problems.add("clusters", "the mesh has no cluster.", "Add at least one AckCluster.");
    // A CEN the mesh builds checks its member VPCs against each other; a joined CEN has checked them.
    checkMeshBlocks(problems, args.vpc, clusters, args.cen === undefined);

    const vpcs: MeshVpc[] = [
        { path: "vpc", vpc: args.vpc },
        ...clusters.map(([key, c]) => ({ path: `clusters.${key}.vpc`, vpc: c.vpc })),
    ];
    const cen = checkMeshCen(
        problems,
        name,
        args,
        vpcs,
        clusters.map(([, c]) => c),
    );
    const ingressGateway = checkIngressGateway(problems, `${SERVICE_MESH_TYPE} '${name}'`, args, clusters);
    const peerAuthentication = checkMtls(problems, args);
    const meshConfig = checkObservability(problems.under("observability"), args.observability);
    return {
        vpc: args.vpc,
        // Undefined only when a problem was recorded for it.
        vSwitch: vSwitch as VSwitchInfo,
        clusters: recordOf(clusters),
        regions: [...new Set(clusters.map(([, c]) => c.region))],
        edition: args.edition ?? "Pro",
        meshSpec: args.meshSpec ?? "enterprise",
        version: args.version,
        meshName: args.meshName ?? stackScopedName(name),
        // Whoever runs pulumi up in the mesh VPC writes through the internal kubeconfig; that VPC stays on the list.
        publicApiServer: checkPublicApiServer(problems, name, args.publicApiServer, [
            { cidr: canonicalBlock(args.vpc.cidrBlock), comment: "mesh VPC" },
        ]),
        ingressGateway,
        peerAuthentication,
        meshConfig,
        cen,
        tags: plainTags(args.tags),
    };
}

/** A block as the cloud spells it; one that is not a block is reported by the VPC's check, and kept as written. */
function canonicalBlock(text: string): string {
    try {
        return normaliseCidr(text);
    } catch (e) {
        if (e instanceof CidrError) return text;
        throw e;
    }
}

/**
 * One block list for the whole mesh. A cluster's own blocks were checked against each other by
 * AckCluster, so only pairs with different owners are reported here; a VPC shared by two
 * clusters is listed once. VPC against VPC is left to the CEN when `vpcPairsByCen`.
 */
function checkMeshBlocks(
    problems: Problems,
    meshVpc: RegionalVpc,
    clusters: ReadonlyArray<[string, AckCluster]>,
    vpcPairsByCen: boolean,
): void {
    const placed: Array<PlacedCidr & { owner: string; isVpc: boolean }> = [];
    const place = (owner: string, name: string, path: string, text: string, isVpc = false) => {
        const cidr = checkCidr(problems, path, text, 4);
        if (cidr) placed.push({ name, cidr, path, owner, isVpc });
    };
    const listed = new Set<RegionalVpc>([meshVpc]);
    place("mesh", `mesh VPC '${pulumi.resourceName(meshVpc)}'`, "vpc.cidrBlock", meshVpc.cidrBlock, true);
    for (const [key, cluster] of clusters) {
        const at = `clusters.${key}`;
        if (!listed.has(cluster.vpc)) {
            listed.add(cluster.vpc);
            const vpcName = `cluster '${key}' VPC '${pulumi.resourceName(cluster.vpc)}'`;
            place(key, vpcName, `${at}.vpc.cidrBlock`, cluster.vpc.cidrBlock, true);
        }
        if (cluster.addressing.podCidr !== undefined) {
            place(key, `cluster '${key}' Pod CIDR`, `${at}.podCidr`, cluster.addressing.podCidr);
        }
        place(key, `cluster '${key}' Service CIDR`, `${at}.serviceCidr`, cluster.addressing.serviceCidr);
    }
    const services = new Map<string, string>();
    for (const [key, cluster] of clusters) {
        const first = services.get(cluster.addressing.serviceCidr);
        if (first !== undefined) {
            problems.add(
                `clusters.${key}.serviceCidr`,
                `cluster '${key}' uses Service CIDR ${cluster.addressing.serviceCidr}, the same as cluster '${first}'.`,
                "Give every cluster of the mesh its own Service CIDR, e.g. 172.16.0.0/16 and 172.17.0.0/16.",
            );
        } else {
            services.set(cluster.addressing.serviceCidr, key);
        }
    }
    for (const [a, b] of findOverlaps(placed)) {
        if (a.owner === b.owner || (vpcPairsByCen && a.isVpc && b.isVpc)) continue;
        // Identical Service CIDRs were reported just above.
        if (a.path.endsWith("serviceCidr") && b.path.endsWith("serviceCidr") && a.cidr.text === b.cidr.text) continue;
        problems.add(
            b.path,
            `${b.name} ${b.cidr.text} overlaps ${a.name} ${a.cidr.text}.`,
            "Every VPC, Pod CIDR and Service CIDR on the mesh's CEN must be disjoint, or routes conflict.",
        );
    }
}

/**
 * The first ASM version whose Istio serves `security.istio.io/v1`: Istio 1.22 promoted
 * PeerAuthentication to v1 ("Introducing Istio v1 APIs", https://istio.io/latest/blog/2024/v1-apis/);
 * that ASM 1.22 serves it as upstream Istio 1.22 does is assumed (ASM versions follow Istio's
 * numbering), unconfirmed by ASM's docs.
 */
const ASM_SECURITY_V1_MIN_VERSION = "1.22";

/**
 * The mesh-wide PeerAuthentication, STRICT by default. The shape has checked the mode's value;
 * the rendered object is checked by its own rules (checkMeshObject: no Istio schema covers
 * PeerAuthentication here), and a pinned ASM version must serve its API version.
 */
function checkMtls(problems: Problems, args: ServiceMeshArgs): PeerAuthentication {
    const policy = meshPeerAuthentication(args.mtls ?? "STRICT");
    checkMeshObject(
        problems.routed(path => (path === "spec.mtls.mode" ? "mtls" : joinPath("mtls", path))),
        "",
        policy,
    );
    const version = args.version === undefined ? undefined : parseAsmVersion(args.version);
    if (version && compareVersions(version, parseAsmVersion(ASM_SECURITY_V1_MIN_VERSION)!) < 0) {
        problems.add(
            "version",
            `ASM ${args.version} predates security.istio.io/v1 (Istio ${ASM_SECURITY_V1_MIN_VERSION}), the API ` +
                `version of the mesh-wide PeerAuthentication (mtls: ${policy.spec.mtls.mode}).`,
            `Pin ASM ${ASM_SECURITY_V1_MIN_VERSION} or later, e.g. 1.22.6.66.`,
        );
    }
    return policy;
}

/**
 * Where a problem of the rendered gateway lands among the mesh's inputs: its spec's fields are
 * the overrides in `ingressGateway` (`spec.replicaCount` → `ingressGateway.replicaCount`).
 */
function gatewayInputOf(path: string): string {
    const spec = path === "spec" ? "" : path.startsWith("spec.") ? path.slice("spec.".length) : path;
    return joinPath("ingressGateway", spec);
}

/** A cluster id given in the gateway's spec: a name's form, checked when it resolves if it is an Output. */
function checkedClusterId(
    problems: Problems,
    path: string,
    component: string,
    id: pulumi.Input<string>,
): pulumi.Input<string> {
    return checkInput(problems, path, id, component, (found, at, known) => checkShape(found.under(at), text, known));
}

/** The ASM ingress gateway, deployed to the clusters chosen (or the ids given in its spec); undefined for none. */
function checkIngressGateway(
    problems: Problems,
    component: string,
    args: ServiceMeshArgs,
    clusters: ReadonlyArray<[string, AckCluster]>,
): AsmIstioGateway | undefined {
    if (args.ingressGateway === false) {
        if (args.ingressGatewayClusters !== undefined) {
            problems.add(
                "ingressGatewayClusters",
                "there is no ingress gateway (ingressGateway: false) to deploy to these clusters.",
                "Drop ingressGatewayClusters, or the ingressGateway: false.",
            );
        }
        return undefined;
    }
    const overrides = args.ingressGateway ?? {};
    const given = overrides.clusterIds?.map((id, i) =>
        checkedClusterId(problems, `ingressGateway.clusterIds[${i}]`, component, id),
    );
    const gateway = asmIngressGateway(
        "ingressgateway",
        given === undefined ? overrides : { ...overrides, clusterIds: given },
    );
    checkMeshObject(problems.routed(gatewayInputOf), "", gateway);
    const targets = checkGatewayClusters(problems, args, clusters);
    if (targets.length === 0) return gateway;
    return { ...gateway, spec: { ...gateway.spec, clusterIds: targets.map(cluster => cluster.clusterId) } };
}

/**
 * The clusters the ASM ingress gateway goes to: given by key, else the first in the mesh's region
 * (the tutorial's ack-hangzhou).
 */
function checkGatewayClusters(
    problems: Problems,
    args: ServiceMeshArgs,
    clusters: ReadonlyArray<[string, AckCluster]>,
): AckCluster[] {
    if (args.ingressGateway && args.ingressGateway.clusterIds !== undefined) {
        if (args.ingressGatewayClusters !== undefined) {
            problems.add(
                "ingressGatewayClusters",
                "both ingressGatewayClusters and ingressGateway.clusterIds say where the gateway goes.",
                "Keep ingressGatewayClusters (cluster names) and drop clusterIds.",
            );
        }
        return [];
    }
    if (args.ingressGatewayClusters === undefined) {
        const home = clusters.find(([, c]) => c.region === args.vpc.region) ?? clusters[0];
        return home ? [home[1]] : [];
    }
    if (args.ingressGatewayClusters.length === 0) {
        problems.add(
            "ingressGatewayClusters",
            "the ingress gateway is deployed to no cluster.",
            "Name at least one cluster, or set ingressGateway: false.",
        );
    }
    const known = clusters.map(([key]) => key);
    const targets = args.ingressGatewayClusters.flatMap((key, i) =>
        checkKnownName(problems, `ingressGatewayClusters[${i}]`, key, known, "cluster", "a cluster of the mesh")
            ? [args.clusters[key]]
            : [],
    );
    checkUnique(
        problems,
        args.ingressGatewayClusters.map((key, i) => ({ path: `ingressGatewayClusters[${i}]`, key })),
        "gateway cluster",
    );
    return targets;
}
