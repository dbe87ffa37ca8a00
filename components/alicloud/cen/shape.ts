/**
 * The shape of a {@link CenTransitNetworkArgs}: what each input must look like before the
 * network's rules run, for callers TypeScript does not protect (JavaScript, YAML, other
 * languages). Tied to the args interfaces by `argsShape`, so the two cannot drift.
 */
import { z } from "zod";
import { argsShape, input, instanceOf, text, wholeNumber } from "../../shape";
import { alibabaId } from "../ids";
import { CEN_PACKAGE_AREAS } from "../regions";
import { ALIBABA_TAGS } from "../tags";
import { RegionalVpc } from "../vpc";
import {
    CEN_BANDWIDTH_PACKAGE_PAYMENT_TYPES,
    CEN_BANDWIDTH_PACKAGE_PERIODS,
    CEN_PEERING_BANDWIDTH_TYPES,
    CenBandwidthPackageArgs,
    CenPeeringArgs,
    CenTransitNetworkArgs,
    MAX_BANDWIDTH_MBPS,
    MIN_BANDWIDTH_PACKAGE_MBPS,
} from "./args";

/** A bandwidth in Mbit/s: a whole number from `min` to {@link MAX_BANDWIDTH_MBPS}. */
const mbps = (min: number) => wholeNumber(min, MAX_BANDWIDTH_MBPS);

/** One bandwidth package, new or existing (also the shape of the packages a mesh's `cenOptions` lists). */
export const BANDWIDTH_PACKAGE_SHAPE = argsShape<CenBandwidthPackageArgs>()(
    z.strictObject({
        bandwidthMbps: mbps(MIN_BANDWIDTH_PACKAGE_MBPS),
        areas: z.tuple([z.enum(CEN_PACKAGE_AREAS), z.enum(CEN_PACKAGE_AREAS)]).optional(),
        id: input(alibabaId("cenBandwidthPackage")).optional(),
        paymentType: z.enum(CEN_BANDWIDTH_PACKAGE_PAYMENT_TYPES).optional(),
        period: z.literal(CEN_BANDWIDTH_PACKAGE_PERIODS).optional(),
        autoRenew: z.boolean().optional(),
    }),
);

const PEERING_SHAPE = argsShape<CenPeeringArgs>()(
    z.strictObject({
        regions: z.tuple([text, text]),
        bandwidthMbps: mbps(1),
        bandwidthType: z.enum(CEN_PEERING_BANDWIDTH_TYPES).optional(),
    }),
);

/** The shape of {@link CenTransitNetworkArgs}. CIDR blocks are strings here; the rules parse them. */
export const CEN_TRANSIT_NETWORK_SHAPE = argsShape<CenTransitNetworkArgs>()(
    z.strictObject({
        members: z.record(
            text,
            z.strictObject({
                vpc: instanceOf(RegionalVpc, "RegionalVpc"),
                attachmentVSwitches: z.array(text).optional(),
            }),
        ),
        cenInstanceName: text.optional(),
        peerings: z.union([z.literal("full-mesh"), z.array(PEERING_SHAPE)]).optional(),
        peerBandwidthMbps: mbps(1).optional(),
        bandwidthPackage: BANDWIDTH_PACKAGE_SHAPE.optional(),
        bandwidthPackages: z.array(BANDWIDTH_PACKAGE_SHAPE).optional(),
        vpcRoutes: z.array(z.strictObject({ member: text, destinationCidrBlock: z.string() })).optional(),
        transitRouterRoutes: z
            .array(
                z.strictObject({
                    region: text,
                    destinationCidrBlock: z.string(),
                    nextHopMember: text,
                }),
            )
            .optional(),
        allowMultipleVpcsPerRegion: z.boolean().optional(),
        tags: ALIBABA_TAGS.optional(),
    }),
);
