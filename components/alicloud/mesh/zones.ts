/** The zones a mesh's member clusters run nodes in, by region: what a zone-level locality may name. */
import { AckCluster } from "../ack";

/** Zone ids of every cluster's node vSwitches, by the cluster's region, each once, sorted. */
export function meshZones(clusters: Readonly<Record<string, AckCluster>>): Readonly<Record<string, readonly string[]>> {
    const zones = new Map<string, Set<string>>();
    for (const cluster of Object.values(clusters)) {
        const set = zones.get(cluster.region) ?? new Set<string>();
        for (const v of cluster.nodeVSwitches) set.add(v.zoneId);
        zones.set(cluster.region, set);
    }
    return Object.fromEntries([...zones].map(([region, set]) => [region, [...set].sort()]));
}
