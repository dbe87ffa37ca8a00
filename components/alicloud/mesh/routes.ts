import { AckCluster } from "../ack";
import { CenTransitRouterRouteArgs, CenVpcRouteArgs } from "../cen";
import { RegionalVpc } from "../vpc";

/** The routes a mesh over a CEN writes, by member name of the CEN. */
export interface MeshRoutes {
    readonly vpcRoutes: CenVpcRouteArgs[];
    readonly transitRouterRoutes: CenTransitRouterRouteArgs[];
}

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
export function meshRoutes(
    members: ReadonlyArray<{ key: string; vpc: RegionalVpc }>,
    clusters: readonly AckCluster[],
): MeshRoutes {
    const vpcRoutes: CenVpcRouteArgs[] = [];
    const transitRouterRoutes: CenTransitRouterRouteArgs[] = [];
    for (const member of members) {
        for (const other of members) {
            if (other.vpc !== member.vpc)
                vpcRoutes.push({ member: member.key, destinationCidrBlock: other.vpc.cidrBlock });
        }
    }
    for (const cluster of clusters) {
        const pods = cluster.addressing.podCidr;
        const home = members.find(m => m.vpc === cluster.vpc);
        if (pods === undefined || home === undefined) continue;
        for (const member of members) {
            if (member.vpc !== cluster.vpc) vpcRoutes.push({ member: member.key, destinationCidrBlock: pods });
        }
        transitRouterRoutes.push({ region: cluster.region, destinationCidrBlock: pods, nextHopMember: home.key });
    }
    return { vpcRoutes, transitRouterRoutes };
}
