/** What a user writes to describe a {@link ServiceMesh}, and the ports the mesh's traffic uses. */
import type { MeshObservabilityArgs } from "./observability";
import { CenBandwidthPackageArgs, CenTransitNetwork } from "../cen";
import { AckCluster } from "../ack";
import type { PublicApiServerArgs } from "../apiServerAccess";
import { IstioGatewaySpec, IstioMtlsMode } from "../istio/objects";
import { RegionalVpc } from "../vpc";

/**
 * Port of the Pilot (istiod) endpoint ASM gives the data plane (DescribeServiceMeshDetail:
 * `IntranetPilotEndpoint`, "…:15011").
 */
export const ASM_PILOT_PORT = 15011;
/**
 * Port of an ACK cluster's API server, which the ASM control plane reaches over the VPCs (ACK
 * docs: the API server's CLB listens on 6443).
 */
export const ACK_API_SERVER_PORT = 6443;

/** ASM editions (`servicemesh.ServiceMesh.edition`): `Default` is Standard, `Pro` Professional. */
export const ASM_EDITIONS = ["Default", "Pro"] as const;

/** ASM instance specs (`servicemesh.ServiceMesh.clusterSpec`). */
export const ASM_MESH_SPECS = ["standard", "enterprise", "ultimate"] as const;

/**
 * Options of the CEN a {@link ServiceMesh} builds to join its VPCs (when it joins no existing
 * one): full mesh between the regions, the two cn-hangzhou VPCs of the tutorial sharing one
 * transit router.
 */
export interface MeshCenArgs {
    /**
     * Bandwidth of each inter-region connection, Mbit/s. Clusters in another region than the mesh
     * cannot join without it (the tutorial's FAQ): a whole number from 1 to 100000. Default: the
     * CEN's, {@link DEFAULT_PEER_BANDWIDTH_MBPS} (10). Checked before registration.
     */
    peerBandwidthMbps?: number;
    /**
     * The bandwidth package the connections draw from, for clusters within one pair of geographic
     * areas. Default: none; the connections are billed by data transfer. Checked before
     * registration, as {@link CenTransitNetwork} checks it.
     */
    bandwidthPackage?: CenBandwidthPackageArgs;
    /**
     * One bandwidth package per pair of geographic areas, each with its `areas`. Default: none
     * (billed by data transfer). Checked before registration, as {@link CenTransitNetwork} checks them.
     */
    bandwidthPackages?: CenBandwidthPackageArgs[];
    /** Name of the CEN instance. Default: `<name>-cen`, the name of the CEN component. Checked before registration. */
    cenInstanceName?: string;
}

/** Arguments of a {@link ServiceMesh}. */
export interface ServiceMeshArgs {
    /** The mesh's own VPC. Tutorial: vpc-hangzhou2, 192.168.0.0/16 in cn-hangzhou. Checked before registration. */
    vpc: RegionalVpc;
    /**
     * Name of the vSwitch of `vpc` for the mesh control plane. Tutorial: vpc-hangzhou-switch-2
     * (192.168.0.0/24). Checked before registration.
     */
    vSwitch: string;
    /**
     * Member clusters by name. Tutorial: ack-hangzhou and ack-shanghai. At least one. The mesh
     * sends their ids sorted, so the order of this record never shows as a change. Adding or
     * removing a cluster later changes `clusterIds` in place; whether the provider adds and
     * removes only the difference (its current source reads so) or every cluster (an earlier
     * review of it) is unconfirmed: change members in a maintenance window. Checked before
     * registration.
     */
    clusters: Record<string, AckCluster>;
    /** ASM edition: `Default` (Standard) or `Pro` (Professional). Default: `Pro`. Checked before registration. */
    edition?: (typeof ASM_EDITIONS)[number];
    /** Mesh instance spec: `standard`, `enterprise` or `ultimate`. Default: `enterprise`. Checked before registration. */
    meshSpec?: (typeof ASM_MESH_SPECS)[number];
    /**
     * ASM version, e.g. `1.22.6.66` or `v1.22.6.71-g8ce85c40-aliyun`. The mesh is created with the
     * full build string ASM offers for it (looked up with `servicemesh.getVersions`), the form
     * ASM reports back, so the version never shows as a change; a new version upgrades the control
     * plane in place (UpgradeMeshEditionPartially; sidecars and gateways follow by hand). Default:
     * the newest ASM offers at creation, kept afterwards (never upgraded by an update). ASM 1.22
     * supports Kubernetes up to 1.30 if it follows Istio's support table (unconfirmed for ASM),
     * older than the versions ACK creates clusters with today: pin a newer ASM with new clusters.
     * Its form is checked before registration; whether ASM offers it, when the offered versions
     * are looked up.
     */
    version?: string;
    /**
     * Mesh name in the console. ASM refuses a second mesh of one name (the provider retries a
     * create on `NameAlreadyExist`). Default: `<component name>-<digest of project and stack>`,
     * so stacks sharing an account never collide (the provider does not auto-name meshes). Its form
     * (no blanks around it, no control characters) is checked before registration; the provider
     * documents no further rule.
     */
    meshName?: string;
    /**
     * Public access to the mesh's API server (where Istio objects are written), an explicit opt-in:
     * `{ allowedSources }`, the IPv4 blocks allowed to reach it (your office's or VPN's egress;
     * none that together cover the internet). The mesh then gets a public EIP on its API server
     * (`loadBalancer.apiServerPublicEip`) and an SLB access control list `<name>-api-acl` holding
     * the sources and the mesh VPC, to attach to port 6443 of the API server's CLB
     * (`apiServerLoadBalancerId`): the provider cannot, so the plan says how. The mesh also adds its
     * vSwitch (where its control plane reaches the clusters from) to the allowlist of every member
     * cluster with a public API server.
     *
     * Default: none, no public EIP, as for a cluster's API server (Alibaba Cloud rates a public API
     * server endpoint a high risk). Either way this program writes the Istio objects through the
     * kubeconfig the provider reads for the mesh, which is the one for its internal endpoint
     * (`DescribeServiceMeshKubeconfig` with `PrivateIpAddress` true, terraform-provider-alicloud
     * service_alicloud_service_mesh_v2.go): `pulumi up` runs from a machine that reaches the mesh
     * VPC, and the plan says so; a public API server serves your own `kubectl`. The provider
     * replaces a mesh whose `apiServerPublicEip` changes (ForceNew in
     * resource_alicloud_service_mesh_service_mesh.go): choose before creating it. `true` (0.x:
     * public to everyone) is refused with what to write. Checked before registration.
     */
    publicApiServer?: PublicApiServerArgs | false;
    /**
     * An existing CEN to join instead of building one: it has the mesh VPC and every cluster VPC as
     * members and connects their regions. The mesh writes the routes it needs into it (continuing
     * its per-table write chains), as `CrossRegionAlbBackend` does with its `cen`. Default: build a
     * CEN for the mesh (see `cenOptions`). Checked before registration.
     */
    cen?: CenTransitNetwork;
    /**
     * Options of the CEN the mesh builds; not allowed together with `cen`. Default: each option's
     * own default. Checked before registration.
     */
    cenOptions?: MeshCenArgs;
    /**
     * The ASM ingress gateway (`IstioGateway` in istio-system): overrides of the tutorial's spec, or
     * `false` for none. Default: the tutorial's (ports 80/443, LoadBalancer, Local, 1 replica).
     * Checked before registration; cluster ids given as Outputs are checked when they resolve,
     * before the gateway is applied.
     */
    ingressGateway?: Partial<IstioGatewaySpec> | false;
    /**
     * Names (keys of `clusters`) of the clusters the ingress gateway is deployed to (the
     * IstioGateway's `clusterIds`). Default: the first cluster in the mesh's region, else the
     * first cluster (the tutorial sends its test traffic to ack-hangzhou's gateway). Checked before
     * registration.
     */
    ingressGatewayClusters?: string[];
    /**
     * Mesh-wide mutual TLS: the mode of one `security.istio.io/v1` PeerAuthentication named
     * `default` in Istio's root namespace (istio-system), applied to the ASM control plane through
     * {@link ServiceMesh.provider}. `STRICT`: sidecars accept only mTLS, so a workload without a
     * sidecar (a namespace not labelled for injection) can no longer call a meshed one;
     * `PERMISSIVE`: mTLS and plain text (Istio's behaviour without a policy); `DISABLE`: plain
     * text. A namespace or workload PeerAuthentication of your own overrides it. Default:
     * `STRICT`. Needs ASM 1.22 or later (the first with `security.istio.io/v1`). Checked before
     * registration.
     */
    mtls?: IstioMtlsMode;
    /**
     * What the mesh reports about its traffic, sent as the ASM instance's `meshConfig` beside
     * locality load balancing (always on): sidecar access logs to SLS (`accessLog: { enabled,
     * project? }`), tracing with its sampling percentage 0–100 (`tracing: { enabled, sampleRate? }`),
     * Prometheus metrics (`telemetry`) and the Kiali mesh topology (`kiali`). The provider updates
     * them in place. Default: none sent, ASM's own (off). Checked before registration.
     */
    observability?: MeshObservabilityArgs;
    /**
     * Tags on the mesh and the CEN it builds: keys of at most 128 characters, not starting with
     * `aliyun` or `acs:`; values of at most 128. Default: none. Checked before registration.
     */
    tags?: Record<string, string>;
}
