/**
 * `topologies:network`: one CEN shared by the environment's topologies that use one (S1, S4),
 * instead of one each. Every VPC such a topology declares becomes a member; their regions are
 * connected in a full mesh, or only in the `peerings` listed (a full mesh of five regions is ten
 * connections, where S1 and S4 use three); the topologies then join it.
 */
import { z } from "zod";
import { CEN_PEERING_BANDWIDTH_TYPES, CenTransitNetwork } from "../components/alicloud/cen";
import { RegionalVpc } from "../components/alicloud/vpc";
import { Builder, Outputs, reportedAt } from "./builder";
import { bandwidthPackage } from "./schema";
import { TOPOLOGIES } from "./topologies";
import { Topology } from "./topology";

/** One inter-region connection: `CenPeeringArgs`. */
const peering = z.strictObject({
    regions: z.tuple([z.string(), z.string()]),
    bandwidthMbps: z.number(),
    bandwidthType: z.enum(CEN_PEERING_BANDWIDTH_TYPES).optional(),
});

export const sharedNetworkSchema = z.strictObject({
    cenInstanceName: z.string().optional(),
    // A list only (the multi-language args take no string-or-list union); leaving it out is the full mesh.
    peerings: z.array(peering).optional(),
    peerBandwidthMbps: z.number().optional(),
    bandwidthPackage: bandwidthPackage.optional(),
    bandwidthPackages: z.array(bandwidthPackage).optional(),
});

export type SharedNetworkConfig = z.infer<typeof sharedNetworkSchema>;

/** The topologies that can join the shared CEN, by config key. */
export const CEN_TOPOLOGIES: readonly string[] = TOPOLOGIES.filter(t => t.sharedCenMembers !== undefined).map(
    t => t.key,
);

/** Builds the shared CEN over the VPCs of every configured topology that joins one. */
export function buildSharedNetwork(
    b: Builder,
    n: SharedNetworkConfig,
    sections: Readonly<Record<string, unknown>>,
): Outputs {
    const members: Record<string, RegionalVpc> = {};
    for (const topology of TOPOLOGIES as readonly Topology[]) {
        const section = sections[topology.key];
        if (section !== undefined && topology.sharedCenMembers)
            Object.assign(members, topology.sharedCenMembers(b, section));
    }
    b.sharedCen = reportedAt(
        ["network"],
        () =>
            new CenTransitNetwork(
                b.named("env-cen"),
                {
                    members: Object.fromEntries(Object.entries(members).map(([key, vpc]) => [key, { vpc }])),
                    cenInstanceName: n.cenInstanceName,
                    peerings: n.peerings,
                    peerBandwidthMbps: n.peerBandwidthMbps,
                    bandwidthPackage: n.bandwidthPackage,
                    bandwidthPackages: n.bandwidthPackages,
                    // S4 puts its mesh VPC beside a cluster VPC in one region; they share that region's router.
                    allowMultipleVpcsPerRegion: true,
                    tags: b.tags,
                },
                b.opts,
            ),
    );
    return { cenId: b.sharedCen.cenId };
}
