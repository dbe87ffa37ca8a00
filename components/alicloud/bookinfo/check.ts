/** The validation of a {@link Bookinfo}: its shape, its rules, the mesh objects it renders, and its plan. */
import { checkUnique, recordOf } from "../../checks";
import { Problems, joinPath, validate } from "../../errors";
import { checkShape } from "../../shape";
import { bookinfoDestinationRules, bookinfoGateway, bookinfoVirtualService } from "../istio/bookinfo";
import { checkNamespace } from "../istio/names";
import { MeshObject, checkMeshObject } from "../istio/objects";
import { MeshLocalityPolicyArgs, checkMeshLocalityPolicyArgs } from "../meshLocality";
import {
    BOOKINFO_IMAGE_REGISTRY,
    BOOKINFO_IMAGE_TAG,
    BookinfoArgs,
    BookinfoClusterPlan,
    BookinfoPlan,
    REVIEWS_VERSIONS,
} from "./args";
import { BOOKINFO_SHAPE } from "./shape";

/** The type token of {@link Bookinfo}. */
export const BOOKINFO_TYPE = "topologies:alicloud:Bookinfo";

/** A registry host (optionally with a port) and lower-case repository path, as image references spell them. */
const IMAGE_REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** An image tag: letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-'. */
const IMAGE_TAG = /^[\w][\w.-]{0,127}$/;

/**
 * Checks a Bookinfo description and renders its mesh objects, each checked against the Istio
 * schema; a reviews locality policy is checked as {@link MeshLocalityPolicy} checks it, with its
 * problems under `reviewsLocality`. Pure: registers nothing.
 */
export function validateBookinfoArgs(name: string, args: BookinfoArgs): BookinfoPlan {
    const plan = validate(`${BOOKINFO_TYPE} '${name}'`, problems => checkBookinfoArgs(problems, args));
    // No problem was recorded, so the args fit their shape and the plan is complete.
    return plan!;
}

/**
 * The checks of {@link validateBookinfoArgs}, recording into `problems`: the args' shape first,
 * the rules only on args that fit it. Returns the plan, defaults resolved; undefined when the
 * args do not fit their shape.
 */
export function checkBookinfoArgs(problems: Problems, args: BookinfoArgs): BookinfoPlan | undefined {
    if (!checkShape(problems, BOOKINFO_SHAPE, args)) return undefined;
    if (args.imageRegistry !== undefined && !IMAGE_REGISTRY.test(args.imageRegistry)) {
        problems.add(
            "imageRegistry",
            `'${args.imageRegistry}' is not a registry host with an optional repository path (no scheme, no trailing ` +
                "slash, lower case).",
            "Write it like registry.cn-hangzhou.aliyuncs.com/my-team.",
        );
    }
    if (args.imageTag !== undefined && !IMAGE_TAG.test(args.imageTag)) {
        problems.add(
            "imageTag",
            `'${args.imageTag}' is not an image tag (letters, digits, '_', '.', '-'; at most 128).`,
            `Use a tag such as ${BOOKINFO_IMAGE_TAG}.`,
        );
    }
    if (args.namespace !== undefined) checkNamespace(problems, "namespace", args.namespace);
    const entries = Object.entries(args.clusters);
    if (entries.length === 0)
        problems.add("clusters", "Bookinfo has no cluster to run in.", "Add at least one cluster.");
    const clusters = entries.map(([key, cluster]): [string, BookinfoClusterPlan] => {
        const versions = cluster.reviewsVersions ?? REVIEWS_VERSIONS;
        const listed = versions.map((version, i) => ({ path: `clusters.${key}.reviewsVersions[${i}]`, key: version }));
        checkUnique(problems, listed, "reviews version");
        return [key, { provider: cluster.provider, reviewsVersions: versions }];
    });
    const namespace = args.namespace ?? "default";
    const { meshObjects, reviewsLocality } = checkMeshObjects(problems, args, namespace);
    return {
        clusters: recordOf(clusters),
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
 * The mesh objects Bookinfo applies with a mesh, each checked against the Istio schema, and the
 * reviews locality policy, checked in a routed scope; nothing without a mesh.
 */
function checkMeshObjects(
    problems: Problems,
    args: BookinfoArgs,
    namespace: string,
): {
    meshObjects: Array<{ key: string; object: MeshObject }>;
    reviewsLocality?: MeshLocalityPolicyArgs;
} {
    if (!args.mesh) {
        if (args.reviewsLocality) {
            problems.add(
                "reviewsLocality",
                "a locality policy needs the mesh to apply it to.",
                "Set mesh, or drop reviewsLocality.",
            );
        }
        return { meshObjects: [] };
    }
    const rules = bookinfoDestinationRules(args.namespace);
    const objects: Array<[string, MeshObject]> = [
        ["gateway", bookinfoGateway(args.namespace)],
        ["virtualService", bookinfoVirtualService(args.namespace)],
        ...Object.entries(rules).filter(([host]) => !(host === "reviews" && args.reviewsLocality)),
    ];
    const meshObjects = objects.map(([key, object]) => {
        checkMeshObject(problems, key, object);
        return { key, object };
    });
    if (!args.reviewsLocality) return { meshObjects };
    // The reviews rule keeps the subsets of bookinfo.yaml's and takes the locality policy.
    const reviewsLocality: MeshLocalityPolicyArgs = {
        mesh: args.mesh,
        host: "reviews",
        namespace,
        subsets: rules.reviews.spec!.subsets,
        policy: args.reviewsLocality,
    };
    checkMeshLocalityPolicyArgs(problems.routed(reviewsLocalityInput), reviewsLocality);
    return { meshObjects, reviewsLocality };
}

/**
 * Where a problem of the reviews locality policy lands among Bookinfo's inputs: its `policy` is
 * Bookinfo's `reviewsLocality`, its `mesh` is Bookinfo's `mesh`, and the rest (the rule Bookinfo
 * renders for it) is under `reviewsLocality`.
 */
function reviewsLocalityInput(path: string): string {
    if (path === "mesh" || path.startsWith("mesh.")) return path;
    if (path === "policy" || path.startsWith("policy."))
        return joinPath("reviewsLocality", path.slice("policy.".length));
    return joinPath("reviewsLocality", path);
}
