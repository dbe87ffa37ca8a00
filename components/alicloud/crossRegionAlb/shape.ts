/**
 * The shape of {@link CrossRegionAlbBackendArgs}: what each field must be before the S1 rules run
 * (see components/shape.ts), tied to the args interface at compile time.
 */
import { z } from "zod";
import { argsShape, input, instanceOf, text, wholeNumber } from "../../shape";
import { ALB_BACKEND_COMMON_FIELDS, ALB_COMMON_FIELDS, PORT, albServerGroupsShape } from "../albCommon/shape";
import { CenBandwidthPackageArgs, CenTransitNetwork } from "../cen";
import { RegionalVpc } from "../vpc";
import {
    BACKEND_REGION_WEIGHT,
    CROSS_REGION_BACKEND_PROTOCOLS,
    CrossRegionAlbBackendArgs,
    CrossRegionBackendArgs,
    CrossRegionBackendRegionArgs,
    CrossRegionCenArgs,
} from "./args";

const BACKEND = argsShape<CrossRegionBackendArgs>()(
    z.strictObject({
        ...ALB_BACKEND_COMMON_FIELDS,
        // The address's form is a rule of its own (checkBackends.ts), for plain values and Outputs alike.
        ipv4Address: input(z.string()),
        remoteIpEnabled: z.boolean().optional(),
    }),
);

const WEIGHT = wholeNumber(BACKEND_REGION_WEIGHT.min, BACKEND_REGION_WEIGHT.max);

const BACKEND_REGION = argsShape<CrossRegionBackendRegionArgs>()(
    z.strictObject({
        vpc: instanceOf(RegionalVpc, "RegionalVpc"),
        // Keys are checked by a rule (checkAlbKeys), as the component's backends are.
        backends: z.record(z.string(), BACKEND),
        backendPort: PORT.optional(),
        backendVSwitches: z.array(text).optional(),
        attachmentVSwitches: z.array(text).optional(),
        backendWeight: WEIGHT.optional(),
    }),
);

const CEN_OPTIONS = argsShape<CrossRegionCenArgs>()(
    z.strictObject({
        cenInstanceName: text.optional(),
        // Its range is the network's rule, reported at this path (checkNetwork.ts).
        peerBandwidthMbps: z.number().optional(),
        // Checked by the network's own checks, at cenOptions.bandwidthPackage.
        bandwidthPackage: z
            .custom<CenBandwidthPackageArgs>(v => v !== null && typeof v === "object" && !Array.isArray(v), {
                message: "is not a bandwidth package description",
                params: { fix: "Write an object such as { bandwidthMbps: 10 }." },
            })
            .optional(),
        albAttachmentVSwitches: z.array(text).optional(),
        backendAttachmentVSwitches: z.array(text).optional(),
    }),
);

/** The shape of {@link CrossRegionAlbBackendArgs}. */
export const CROSS_REGION_ALB_SHAPE = argsShape<CrossRegionAlbBackendArgs>()(
    z.strictObject({
        ...ALB_COMMON_FIELDS,
        albVpc: instanceOf(RegionalVpc, "RegionalVpc"),
        backendProtocol: z.enum(CROSS_REGION_BACKEND_PROTOCOLS).optional(),
        stickySession: z.boolean().optional(),
        backendVpc: instanceOf(RegionalVpc, "RegionalVpc"),
        // Keys are checked by a rule (checkAlbKeys): zod passes a `__proto__` key of a record unchecked.
        backends: z.record(z.string(), BACKEND),
        backendPort: PORT.optional(),
        serverGroups: albServerGroupsShape(BACKEND).optional(),
        backendVSwitches: z.array(text).optional(),
        backendRegions: z.record(z.string(), BACKEND_REGION).optional(),
        backendWeight: WEIGHT.optional(),
        cen: instanceOf(CenTransitNetwork, "CenTransitNetwork").optional(),
        cenOptions: CEN_OPTIONS.optional(),
        albRouteTableId: input(text).optional(),
        backendRouteTableId: input(text).optional(),
    }),
);
