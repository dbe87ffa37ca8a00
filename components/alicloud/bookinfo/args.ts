/** What a user writes to describe a {@link Bookinfo}, and the plan its validation resolves. */
import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "../../sdk/kubernetes";
import { MeshObject } from "../istio/objects";
import { LocalityMesh, LocalityPolicy, MeshLocalityPolicyArgs } from "../meshLocality";

/** Versions of the reviews service: v1 shows no stars, v2 black stars, v3 red stars. */
export const REVIEWS_VERSIONS = ["v1", "v2", "v3"] as const;

/** A version of the reviews service. */
export type ReviewsVersion = (typeof REVIEWS_VERSIONS)[number];

/** Tag of the upstream Istio Bookinfo images (samples/bookinfo/platform/kube/bookinfo.yaml). */
export const BOOKINFO_IMAGE_TAG = "1.20.1";

/** Where bookinfo.yaml pulls the images from. */
export const BOOKINFO_IMAGE_REGISTRY = "docker.io/istio";

/** One cluster Bookinfo runs in. {@link AckCluster} fits. */
export interface BookinfoClusterArgs {
    /** Provider of the cluster. Checked before registration. */
    provider: kubernetes.Provider;
    /**
     * Versions of reviews deployed in this cluster, each once. Default: all three, as
     * bookinfo.yaml. The tutorial's expected output (failover lands on v2 in ack-shanghai) implies
     * v1 in ack-hangzhou and v2 in ack-shanghai. Checked before registration.
     */
    reviewsVersions?: ReviewsVersion[];
}

/** Arguments of a {@link Bookinfo}. */
export interface BookinfoArgs {
    /** Clusters by name, each getting the whole application. At least one. Checked before registration. */
    clusters: Record<string, BookinfoClusterArgs>;
    /**
     * Namespace of the application; it must exist in every cluster, as `default` does. Default:
     * `default`. Checked before registration (a Kubernetes namespace name).
     */
    namespace?: string;
    /**
     * Label the namespace `istio-injection=enabled` in every cluster, so the mesh's injector gives
     * each pod its sidecar; without sidecars requests bypass the mesh and no routing or locality
     * rule applies. `false` when the label is managed elsewhere. Default: true. Checked before
     * registration.
     */
    injectSidecars?: boolean;
    /** Image tag of every Bookinfo image. Default: {@link BOOKINFO_IMAGE_TAG}. Checked before registration. */
    imageTag?: string;
    /**
     * Registry and repository prefix the images are pulled from, without a trailing slash: each
     * image is `<imageRegistry>/examples-bookinfo-<app>-<version>:<tag>`. Mainland-China regions
     * cannot count on reaching Docker Hub: mirror the images into your Container Registry (ACR)
     * and name it here, e.g. `registry.cn-hangzhou.aliyuncs.com/my-team`. Default:
     * `docker.io/istio`, where bookinfo.yaml pulls them from. Checked before registration.
     */
    imageRegistry?: string;
    /**
     * The mesh: when given, the Gateway, VirtualService and DestinationRules are applied to it, and
     * they and the Deployments wait for it to be {@link LocalityMesh.ready} (pods started before
     * their cluster joins the mesh get no sidecar). Default: none. Checked before registration.
     */
    mesh?: LocalityMesh;
    /**
     * Locality failover or distribution on the reviews DestinationRule (needs `mesh`), checked as
     * {@link MeshLocalityPolicy} checks it. Default: none. Checked before registration.
     */
    reviewsLocality?: LocalityPolicy;
}

/** One cluster of a {@link BookinfoPlan}. */
export interface BookinfoClusterPlan {
    readonly provider: kubernetes.Provider;
    /** Versions of reviews deployed in the cluster. */
    readonly reviewsVersions: readonly ReviewsVersion[];
}

/** What validation hands to the constructor of a {@link Bookinfo}, every default resolved. */
export interface BookinfoPlan {
    /** Cluster name → cluster (a record without prototype: cluster names are user input). */
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
