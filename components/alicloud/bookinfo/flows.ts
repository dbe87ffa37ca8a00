/** The traffic Bookinfo needs: the ingress gateway to productpage, and reviews Pod to Pod across the clusters. */
import { IntendedFlow } from "../../flows";
import { ServiceMesh } from "../mesh";
import { podSources } from "../mesh/flows";
import { LocalityMesh } from "../meshLocality";

/** Port of every Bookinfo service (reviews among them). */
export const BOOKINFO_PORT = 9080;

/**
 * The ingress gateway reaches productpage in its own cluster; cross-cluster failover and
 * distribution send requests from one cluster's Pods straight to the other's (one flat network:
 * Istio "multi-primary" on a single network), so every ordered pair of clusters in the mesh must
 * carry reviews:9080 Pod to Pod.
 */
export function bookinfoFlows(clusters: readonly string[], mesh: LocalityMesh | undefined): IntendedFlow[] {
    if (!(mesh instanceof ServiceMesh)) return [];
    // Own names only: a Bookinfo cluster named `toString` is no cluster of the mesh.
    const members = clusters.filter(key => Object.hasOwn(mesh.clusters, key));
    // The ingress gateway's Pods reach productpage inside their own cluster.
    const entry = members.flatMap(key =>
        podSources(key, mesh.clusters[key]).map(([label, pods]): IntendedFlow => ({
            name: `${label} (ingress gateway) → ${key} productpage :${BOOKINFO_PORT}`,
            from: pods,
            to: pods,
            protocol: "tcp",
            port: BOOKINFO_PORT,
            intent: "allow",
        })),
    );
    const across = members.flatMap(a =>
        members
            .filter(b => b !== a)
            .flatMap(b =>
                podSources(a, mesh.clusters[a]).flatMap(([label, from]) =>
                    podSources(b, mesh.clusters[b]).map(([toLabel, to]): IntendedFlow => ({
                        name: `${label} → ${b} reviews :${BOOKINFO_PORT}`,
                        from,
                        to: { ...to, label: `${toLabel} (reviews)` },
                        protocol: "tcp",
                        port: BOOKINFO_PORT,
                        intent: "allow",
                    })),
                ),
            ),
    );
    return [...entry, ...across];
}
