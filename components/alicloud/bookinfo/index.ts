/**
 * Bookinfo: the tutorial's sample application in each cluster, and its routing on the mesh. The
 * folder reads args → shape → checks → flows and workloads → the class; this index is its public
 * surface.
 */
export type { BookinfoArgs, BookinfoClusterArgs, BookinfoClusterPlan, BookinfoPlan, ReviewsVersion } from "./args";
export { BOOKINFO_IMAGE_REGISTRY, BOOKINFO_IMAGE_TAG, REVIEWS_VERSIONS } from "./args";
export { checkBookinfoArgs, validateBookinfoArgs } from "./check";
export { Bookinfo } from "./bookinfo";
