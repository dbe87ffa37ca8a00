/**
 * The shape of a {@link ServiceMeshArgs}: what each input must look like before the mesh's rules
 * run, for callers TypeScript does not protect. Tied to the args interfaces by `argsShape`.
 */
import { z } from "zod";
import { argsShape, instanceOf, text, wholeNumber } from "../../shape";
import { AckCluster } from "../ack";
import { PUBLIC_API_SERVER_SHAPE } from "../apiServerAccess";
import { CenTransitNetwork, MAX_BANDWIDTH_MBPS } from "../cen";
import { BANDWIDTH_PACKAGE_SHAPE } from "../cen/shape";
import { ISTIO_GATEWAY_OVERRIDES_SHAPE } from "../istio/gatewayShape";
import { ISTIO_MTLS_MODES } from "../istio/objects";
import { ALIBABA_TAGS } from "../tags";
import { RegionalVpc } from "../vpc";
import { MESH_OBSERVABILITY_SHAPE } from "./observability";
import { ASM_EDITIONS, ASM_MESH_SPECS, MeshCenArgs, ServiceMeshArgs } from "./args";

const MESH_CEN_SHAPE = argsShape<MeshCenArgs>()(
    z.strictObject({
        peerBandwidthMbps: wholeNumber(1, MAX_BANDWIDTH_MBPS).optional(),
        bandwidthPackage: BANDWIDTH_PACKAGE_SHAPE.optional(),
        bandwidthPackages: z.array(BANDWIDTH_PACKAGE_SHAPE).optional(),
        cenInstanceName: text.optional(),
    }),
);

/** The shape of {@link ServiceMeshArgs}. The version is a string here; the rules parse it. */
export const SERVICE_MESH_SHAPE = argsShape<ServiceMeshArgs>()(
    z.strictObject({
        vpc: instanceOf(RegionalVpc, "RegionalVpc"),
        vSwitch: text,
        clusters: z.record(text, instanceOf(AckCluster, "AckCluster")),
        edition: z.enum(ASM_EDITIONS).optional(),
        meshSpec: z.enum(ASM_MESH_SPECS).optional(),
        version: text.optional(),
        meshName: text.optional(),
        publicApiServer: PUBLIC_API_SERVER_SHAPE.optional(),
        cen: instanceOf(CenTransitNetwork, "CenTransitNetwork").optional(),
        cenOptions: MESH_CEN_SHAPE.optional(),
        // The object first: a value of neither kind (`true`) is told the object it may be, not only `false`.
        ingressGateway: z.union([ISTIO_GATEWAY_OVERRIDES_SHAPE, z.literal(false)]).optional(),
        ingressGatewayClusters: z.array(text).optional(),
        mtls: z.enum(ISTIO_MTLS_MODES).optional(),
        observability: MESH_OBSERVABILITY_SHAPE.optional(),
        tags: ALIBABA_TAGS.optional(),
    }),
);
