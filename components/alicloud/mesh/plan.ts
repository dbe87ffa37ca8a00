/** The validated, defaulted description of a mesh that `checkServiceMeshArgs` hands to the constructor. */
import { AckCluster } from "../ack";
import type { ApiServerAccessPlan } from "../apiServerAccess";
import { CenTransitNetwork, CenTransitNetworkArgs } from "../cen";
import { AsmIstioGateway, PeerAuthentication } from "../istio/objects";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import type { MeshConfigPlan } from "./observability";
import { MeshRoutes } from "./routes";

/** The mesh joins an existing CEN and writes its routes into it. */
export interface JoinedMeshCen {
    readonly join: CenTransitNetwork;
    /** The routes the mesh needs, by the joined network's member names. */
    readonly routes: MeshRoutes;
}

/** The mesh builds its own CEN with these args (its routes included). */
export interface BuiltMeshCen {
    readonly build: CenTransitNetworkArgs;
}

/** What validation hands to the constructor of a {@link ServiceMesh}. */
export interface ServiceMeshPlan {
    readonly vpc: RegionalVpc;
    /** The control plane's vSwitch. */
    readonly vSwitch: VSwitchInfo;
    readonly clusters: Readonly<Record<string, AckCluster>>;
    /** Regions of the member clusters. */
    readonly regions: readonly string[];
    readonly edition: "Default" | "Pro";
    readonly meshSpec: "standard" | "enterprise" | "ultimate";
    /** ASM version as given; undefined takes the newest ASM offers at creation. */
    readonly version?: string;
    /** Console name of the mesh. */
    readonly meshName: string;
    /** The allowlist of a public mesh API server; undefined for a private one (the default). */
    readonly publicApiServer?: ApiServerAccessPlan;
    /** The ingress gateway, deployed to the clusters chosen; undefined for none. */
    readonly ingressGateway?: AsmIstioGateway;
    /** The mesh-wide PeerAuthentication, its mode resolved (STRICT unless `mtls` says otherwise). */
    readonly peerAuthentication: PeerAuthentication;
    /** The ASM instance's `meshConfig`: locality load balancing on, and the observability settings given. */
    readonly meshConfig: MeshConfigPlan;
    readonly cen: JoinedMeshCen | BuiltMeshCen;
    readonly tags?: Readonly<Record<string, string>>;
}
