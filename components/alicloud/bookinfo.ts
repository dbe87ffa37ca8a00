import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "@pulumi/kubernetes";
import { checkOneOf, checkUnique } from "../checks";
import { Problems, joinPath, validate } from "../errors";
import { DeclaresFlows, IntendedFlow } from "../flows";
import { bookinfoDestinationRules, bookinfoGateway, bookinfoVirtualService } from "./istio/bookinfo";
import { MeshObject, applyMeshObject, checkMeshObject } from "./istio/objects";
import { ServiceMesh } from "./mesh";
import { podSources } from "./mesh/flows";
import {
    LocalityMesh, LocalityPolicy, MeshLocalityPolicy, MeshLocalityPolicyArgs, checkMeshLocalityPolicyArgs,
} from "./meshLocality";

/** Port of every Bookinfo service (reviews among them). */
const BOOKINFO_PORT = 9080;

/**
 * The ingress gateway reaches productpage in its own cluster; cross-cluster failover and
 * distribution send requests from one cluster's Pods straight to the other's (one flat network:
 * Istio "multi-primary" on a single network), so every ordered pair of clusters in the mesh must
 * carry reviews:9080 Pod to Pod.
 */
function bookinfoFlows(clusters: readonly string[], mesh: LocalityMesh | undefined): IntendedFlow[] {
    if (!(mesh instanceof ServiceMesh)) return [];
    const members = clusters.filter(key => mesh.clusters[key] !== undefined);
    // The ingress gateway's Pods reach productpage inside their own cluster.
    const entry = members.flatMap(key => podSources(key, mesh.clusters[key]).map(([label, pods]): IntendedFlow => ({
        name: `${label} (ingress gateway) → ${key} productpage :${BOOKINFO_PORT}`, from: pods, to: pods,
        protocol: "tcp", port: BOOKINFO_PORT, intent: "allow",
    })));
    const across = members.flatMap(a => members.filter(b => b !== a).flatMap(b =>
        podSources(a, mesh.clusters[a]).flatMap(([label, from]) => podSources(b, mesh.clusters[b]).map(([toLabel, to]): IntendedFlow => ({
            name: `${label} → ${b} reviews :${BOOKINFO_PORT}`, from, to: { ...to, label: `${toLabel} (reviews)` },
            protocol: "tcp", port: BOOKINFO_PORT, intent: "allow",
        })))));
    return [...entry, ...across];
}

/** Versions of the reviews service: v1 shows no stars, v2 black stars, v3 red stars. */
export type ReviewsVersion = "v1" | "v2" | "v3";

/** Tag of the upstream Istio Bookinfo images (samples/bookinfo/platform/kube/bookinfo.yaml). */
export const BOOKINFO_IMAGE_TAG = "1.20.1";

/** Where bookinfo.yaml pulls the images from. */
export const BOOKINFO_IMAGE_REGISTRY = "docker.io/istio";

/** A registry host (optionally with a port) and lower-case repository path, as image references spell them. */
const IMAGE_REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** One cluster Bookinfo runs in. {@link AckCluster} fits. */
export interface BookinfoClusterArgs {
    /** Provider of the cluster. */
    provider: kubernetes.Provider;
    /**
     * Versions of reviews deployed in this cluster. Default: all three, as bookinfo.yaml. The
     * tutorial's expected output (failover lands on v2 in ack-shanghai) implies v1 in ack-hangzhou
     * and v2 in ack-shanghai.
     */
    reviewsVersions?: ReviewsVersion[];
}

/** Arguments of a {@link Bookinfo}. */
export interface BookinfoArgs {
    /** Clusters by name, each getting the whole application. At least one. */
    clusters: Record<string, BookinfoClusterArgs>;
    /** Namespace of the application; it must exist in every cluster, as `default` does. Default: `default`. */
    namespace?: string;
    /**
     * Label the namespace `istio-injection=enabled` in every cluster, so the mesh's injector gives
     * each pod its sidecar; without sidecars requests bypass the mesh and no routing or locality
     * rule applies. `false` when the label is managed elsewhere. Default: true.
     */
    injectSidecars?: boolean;
    /** Image tag of every Bookinfo image. Default: {@link BOOKINFO_IMAGE_TAG}. */
    imageTag?: string;
    /**
     * Registry and repository prefix the images are pulled from, without a trailing slash: each
     * image is `<imageRegistry>/examples-bookinfo-<app>-<version>:<tag>`. Mainland-China regions
     * cannot count on reaching Docker Hub: mirror the images into your Container Registry (ACR)
     * and name it here, e.g. `registry.cn-hangzhou.aliyuncs.com/my-team`. Default:
     * `docker.io/istio`, where bookinfo.yaml pulls them from.
     */
    imageRegistry?: string;
    /**
     * The mesh: when given, the Gateway, VirtualService and DestinationRules are applied to it, and
     * they and the Deployments wait for it to be {@link LocalityMesh.ready} (pods started before
     * their cluster joins the mesh get no sidecar). Default: none.
     */
    mesh?: LocalityMesh;
    /** Locality failover or distribution on the reviews DestinationRule (needs `mesh`). Default: none. */
    reviewsLocality?: LocalityPolicy;
}

const TYPE = "topologies:alicloud:Bookinfo";
const REVIEWS_VERSIONS: readonly ReviewsVersion[] = ["v1", "v2", "v3"];

/** One cluster of a {@link BookinfoPlan}. */
export interface BookinfoClusterPlan {
    readonly provider: kubernetes.Provider;
    /** Versions of reviews deployed in the cluster. */
    readonly reviewsVersions: readonly ReviewsVersion[];
}

/** What validation hands to the constructor of a {@link Bookinfo}, every default resolved. */
export interface BookinfoPlan {
    readonly clusters: Readonly<Record<string, BookinfoClusterPlan>>;
    readonly namespace: string;
    readonly injectSidecars: boolean;
    /** Where each image comes from: `<registry>/examples-bookinfo-<app>-<version>:<tag>`. */
    readonly image: { readonly registry: string; readonly tag: string };
    readonly mesh?: LocalityMesh;
    /** What the workloads and mesh objects wait for: the mesh's {@link LocalityMesh.ready}, or nothing without a mesh. */
    readonly meshReady: readonly pulumi.Resource[];
    /** The mesh objects applied (besides the locality policy), each checked against the Istio schema. */
    readonly meshObjects: ReadonlyArray<{ readonly key: string; readonly object: MeshObject }>;
    /** The args of the reviews locality policy, when one is asked for. */
    readonly reviewsLocality?: MeshLocalityPolicyArgs;
}

/**
 * Checks a Bookinfo description and renders its mesh objects, each checked against the Istio
 * schema; a reviews locality policy is checked as {@link MeshLocalityPolicy} checks it, with its
 * problems under `reviewsLocality`. Pure: registers nothing.
 */
export function validateBookinfoArgs(name: string, args: BookinfoArgs): BookinfoPlan {
    return validate(`${TYPE} '${name}'`, problems => checkBookinfoArgs(problems, args));
}

/** The checks of {@link validateBookinfoArgs}, recording into `problems`; returns the plan, defaults resolved. */
export function checkBookinfoArgs(problems: Problems, args: BookinfoArgs): BookinfoPlan {
    if (args.imageRegistry !== undefined && !IMAGE_REGISTRY.test(args.imageRegistry)) {
        problems.add("imageRegistry", `'${args.imageRegistry}' is not a registry host with an optional repository path (no scheme, no trailing slash, lower case).`,
            "Write it like registry.cn-hangzhou.aliyuncs.com/my-team.");
    }
    if (args.imageTag !== undefined && !/^[\w][\w.-]{0,127}$/.test(args.imageTag)) {
        problems.add("imageTag", `'${args.imageTag}' is not an image tag (letters, digits, '_', '.', '-'; at most 128).`, `Use a tag such as ${BOOKINFO_IMAGE_TAG}.`);
    }
    const entries = Object.entries(args.clusters ?? {});
    if (entries.length === 0) problems.add("clusters", "Bookinfo has no cluster to run in.", "Add at least one cluster.");
    const clusters: Record<string, BookinfoClusterPlan> = {};
    for (const [key, cluster] of entries) {
        const versions = cluster.reviewsVersions ?? REVIEWS_VERSIONS;
        versions.forEach((v, i) => checkOneOf(problems, `clusters.${key}.reviewsVersions[${i}]`, v, REVIEWS_VERSIONS, "reviews version"));
        const listed = versions.map((version, i) => ({ path: `clusters.${key}.reviewsVersions[${i}]`, key: version }));
        checkUnique(problems, listed, "reviews version");
        clusters[key] = { provider: cluster.provider, reviewsVersions: versions };
    }
    const namespace = args.namespace ?? "default";
    const meshObjects: Array<{ key: string; object: MeshObject }> = [];
    let reviewsLocality: MeshLocalityPolicyArgs | undefined;
    if (args.reviewsLocality && !args.mesh) {
        problems.add("reviewsLocality", "a locality policy needs the mesh to apply it to.",
            "Set mesh, or drop reviewsLocality.");
    }
    if (args.mesh) {
        const rules = bookinfoDestinationRules(args.namespace);
        const objects: Array<[string, MeshObject]> = [
            ["gateway", bookinfoGateway(args.namespace)],
            ["virtualService", bookinfoVirtualService(args.namespace)],
            ...Object.entries(rules).filter(([host]) => !(host === "reviews" && args.reviewsLocality)),
        ];
        for (const [key, object] of objects) {
            checkMeshObject(problems, key, object);
            meshObjects.push({ key, object });
        }
        if (args.reviewsLocality) {
            // The reviews rule keeps the subsets of bookinfo.yaml's and takes the locality policy.
            reviewsLocality = {
                mesh: args.mesh, host: "reviews", namespace, subsets: rules.reviews.spec!.subsets, policy: args.reviewsLocality,
            };
            checkMeshLocalityPolicyArgs(problems.routed(reviewsLocalityInput), reviewsLocality);
        }
    }
    return {
        clusters,
        namespace,
        injectSidecars: args.injectSidecars ?? true,
        image: { registry: args.imageRegistry ?? BOOKINFO_IMAGE_REGISTRY, tag: args.imageTag ?? BOOKINFO_IMAGE_TAG },
        mesh: args.mesh,
        meshReady: [...(args.mesh?.ready ?? [])],
        meshObjects,
        reviewsLocality,
    };
}

/**
 * Where a problem of the reviews locality policy lands among Bookinfo's inputs: its `policy` is
 * Bookinfo's `reviewsLocality`, its `mesh` is Bookinfo's `mesh`, and the rest (the rule Bookinfo
 * renders for it) is under `reviewsLocality`.
 */
function reviewsLocalityInput(path: string): string {
    if (path === "mesh" || path.startsWith("mesh.")) return path;
    if (path === "policy" || path.startsWith("policy.")) return joinPath("reviewsLocality", path.slice("policy.".length));
    return joinPath("reviewsLocality", path);
}

interface ServiceSpec {
    app: "details" | "ratings" | "reviews" | "productpage";
    versions: readonly string[];
}

/**
 * The Bookinfo sample application of the tutorial, written as typed Kubernetes resources (nothing
 * is downloaded at run time): per cluster the Services, ServiceAccounts and Deployments of
 * bookinfo.yaml and the namespace's sidecar-injection label, and, given the mesh, the `bookinfo-gateway` Gateway, the `bookinfo`
 * VirtualService and the DestinationRules with their subsets; with a locality policy, the reviews
 * rule is a {@link MeshLocalityPolicy}.
 */
export class Bookinfo extends pulumi.ComponentResource implements DeclaresFlows {
    /** The reviews locality policy, when one was given. */
    readonly reviewsLocality?: MeshLocalityPolicy;
    /** The mesh objects applied (besides the locality policy), by key. */
    readonly meshObjects: Readonly<Record<string, MeshObject>>;
    /** The ingress gateway to productpage in each cluster, and Pod to Pod across the clusters on the Bookinfo port (failover and distribution need it). */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: BookinfoArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateBookinfoArgs(name, args);
        super(TYPE, name, {}, opts);
        const { namespace, image } = plan;

        const meshReady = [...plan.meshReady];
        for (const [key, cluster] of Object.entries(plan.clusters)) {
            const childOpts = { parent: this, provider: cluster.provider };
            // The injector's webhook reads the label of the pod's namespace in the pod's own
            // cluster; the namespace exists already (default does), so it is patched, not created.
            const injection = plan.injectSidecars ? [new kubernetes.core.v1.NamespacePatch(`${name}-${key}-injection`, {
                metadata: { name: namespace, labels: { "istio-injection": "enabled" } },
            }, childOpts)] : [];
            const services: ServiceSpec[] = [
                { app: "details", versions: ["v1"] },
                { app: "ratings", versions: ["v1"] },
                { app: "reviews", versions: cluster.reviewsVersions },
                { app: "productpage", versions: ["v1"] },
            ];
            for (const { app, versions } of services) {
                new kubernetes.core.v1.Service(`${name}-${key}-${app}`, {
                    metadata: { name: app, namespace, labels: { app, service: app } },
                    spec: { ports: [{ port: BOOKINFO_PORT, name: "http" }], selector: { app } },
                }, childOpts);
                const account = new kubernetes.core.v1.ServiceAccount(`${name}-${key}-${app}-sa`, {
                    metadata: { name: `bookinfo-${app}`, namespace, labels: { account: app } },
                }, childOpts);
                for (const version of versions) {
                    new kubernetes.apps.v1.Deployment(`${name}-${key}-${app}-${version}`, deployment(app, version, namespace, image, account),
                        { ...childOpts, dependsOn: [...injection, ...meshReady] });
                }
            }
        }

        const meshObjects: Record<string, MeshObject> = {};
        if (plan.mesh) {
            for (const { key, object } of plan.meshObjects) {
                const objectOpts = { parent: this, provider: plan.mesh.provider, dependsOn: meshReady };
                applyMeshObject(`${name}-${key}`, object, objectOpts);
                meshObjects[key] = object;
            }
        }
        if (plan.reviewsLocality) {
            this.reviewsLocality = new MeshLocalityPolicy(`${name}-reviews`, plan.reviewsLocality, { parent: this });
        }
        this.meshObjects = meshObjects;
        this.intendedFlows = bookinfoFlows(Object.keys(plan.clusters), plan.mesh);
        this.registerOutputs({});
    }
}

/** A Deployment of one version of one service, as bookinfo.yaml writes it. */
function deployment(app: ServiceSpec["app"], version: string, namespace: string, image: { registry: string; tag: string }, account: kubernetes.core.v1.ServiceAccount): kubernetes.apps.v1.DeploymentArgs {
    const labels = { app, version };
    // reviews (a Liberty server) and productpage write to their file systems.
    const tmp = app === "reviews" || app === "productpage";
    const volumeMounts = app === "reviews"
        ? [{ name: "tmp", mountPath: "/tmp" }, { name: "wlp-output", mountPath: "/opt/ibm/wlp/output" }]
        : tmp ? [{ name: "tmp", mountPath: "/tmp" }] : undefined;
    const volumes = app === "reviews"
        ? [{ name: "wlp-output", emptyDir: {} }, { name: "tmp", emptyDir: {} }]
        : tmp ? [{ name: "tmp", emptyDir: {} }] : undefined;
    return {
        metadata: { name: `${app}-${version}`, namespace, labels },
        spec: {
            replicas: 1,
            selector: { matchLabels: labels },
            template: {
                metadata: {
                    labels,
                    annotations: app === "productpage"
                        ? { "prometheus.io/scrape": "true", "prometheus.io/port": "9080", "prometheus.io/path": "/metrics" }
                        : undefined,
                },
                spec: {
                    serviceAccountName: account.metadata.name,
                    containers: [{
                        name: app,
                        image: `${image.registry}/examples-bookinfo-${app}-${version}:${image.tag}`,
                        imagePullPolicy: "IfNotPresent",
                        env: app === "reviews" ? [{ name: "LOG_DIR", value: "/tmp/logs" }] : undefined,
                        ports: [{ containerPort: 9080 }],
                        volumeMounts,
                    }],
                    volumes,
                },
            },
        },
    };
}
