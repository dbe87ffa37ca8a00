/**
 * Typed Istio objects and the ASM `IstioGateway` custom resource, built in code, validated before
 * registration (Istio kinds against their CRD schema, the ASM gateway against the rules below),
 * then applied through a Kubernetes provider as `apiextensions.CustomResource`s.
 */
import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "../../sdk/kubernetes";
import { checkIntegerInRange, checkOneOf, checkPort, checkUnique } from "../../checks";
import { Problems, joinPath } from "../../errors";
import { checkIstioSchema } from "./schema";
import type { DestinationRule, DestinationRuleSpec, Subset } from "./destinationRuleTypes";
import type { Gateway, GatewaySpec } from "./types";
import type { VirtualService, VirtualServiceSpec } from "./virtualServiceTypes";
import { ISTIO_MTLS_MODES, IstioMtlsMode, PeerAuthentication } from "./securityTypes";

// Types only (plain `export *`, not `export type *`, which a consumer's TypeScript < 5 cannot read).
export * from "./types";
export * from "./virtualServiceTypes";
export * from "./destinationRuleTypes";
export * from "./securityTypes";

/** Istio networking API version of every object built here; the tutorial's `asm.yaml` uses it. */
export const ISTIO_NETWORKING_API = "networking.istio.io/v1alpha3";

/** Protocols of an ASM gateway's ports. */
export const ISTIO_GATEWAY_PORT_PROTOCOLS = ["TCP", "UDP"] as const;
/** Kinds of ASM gateway. */
export const ISTIO_GATEWAY_TYPES = ["ingress", "egress"] as const;
/** DNS policies of an ASM gateway's pods (Kubernetes `dnsPolicy`). */
export const ISTIO_GATEWAY_DNS_POLICIES = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"] as const;
/** External traffic policies of an ASM gateway's Service. */
export const ISTIO_GATEWAY_EXTERNAL_TRAFFIC_POLICIES = ["Local", "Cluster"] as const;
/** Service types of an ASM gateway. */
export const ISTIO_GATEWAY_SERVICE_TYPES = ["LoadBalancer", "NodePort", "ClusterIP"] as const;

/** One port of an ASM ingress gateway's Service. */
export interface IstioGatewayPort {
    /** Port name, e.g. `http`. */
    name: string;
    /** Service port. */
    port: number;
    /** `TCP` or `UDP`. */
    protocol: (typeof ISTIO_GATEWAY_PORT_PROTOCOLS)[number];
    /** Container port the gateway listens on. */
    targetPort: number;
}

/** Spec of ASM's `IstioGateway` (`istio.alibabacloud.com/v1beta1`), as the tutorial writes it. */
export interface IstioGatewaySpec {
    /** `ingress` or `egress`. Tutorial: `ingress`. */
    gatewayType: (typeof ISTIO_GATEWAY_TYPES)[number];
    /** Pod DNS policy. Tutorial: `ClusterFirst`. */
    dnsPolicy: (typeof ISTIO_GATEWAY_DNS_POLICIES)[number];
    /** `Local` keeps the client source address and avoids a second hop. Tutorial: `Local`. */
    externalTrafficPolicy: (typeof ISTIO_GATEWAY_EXTERNAL_TRAFFIC_POLICIES)[number];
    /** Tutorial: false. */
    hostNetwork: boolean;
    /** Tutorial: http 80 and https 443, TCP. */
    ports: IstioGatewayPort[];
    /** Tutorial: 1. */
    replicaCount: number;
    /** Tutorial: requests 200m/256Mi, limits 2 CPU/2G. */
    resources: {
        limits: { cpu: string; memory: string };
        requests: { cpu: string; memory: string };
    };
    /** Tutorial: `100%`. */
    rollingMaxSurge: string;
    /** Tutorial: `25%`. */
    rollingMaxUnavailable: string;
    /** Tutorial: true. */
    runAsRoot: boolean;
    /** Tutorial: `LoadBalancer`. */
    serviceType: (typeof ISTIO_GATEWAY_SERVICE_TYPES)[number];
    /**
     * Ids of the clusters the gateway is deployed to (`spec.clusterIds` in ASM's IstioGateway CRD
     * field reference, whose example deploys one gateway to several clusters). `ServiceMesh`
     * fills it from `ingressGatewayClusters`.
     */
    clusterIds?: pulumi.Input<string>[];
}

/** The ASM-managed ingress gateway custom resource. */
export interface AsmIstioGateway {
    /** ASM's own API group for managed gateways (not Istio's networking.istio.io). */
    apiVersion: "istio.alibabacloud.com/v1beta1";
    /** The ASM-managed ingress gateway kind. */
    kind: "IstioGateway";
    /** Name and namespace (istio-system in the tutorial) of the gateway. */
    metadata: { name: string; namespace: string; annotations: Record<string, string> };
    /** Ports, service type, replicas, resources and rollout of the gateway. */
    spec: IstioGatewaySpec;
}

/** Every object this module can apply. */
export type MeshObject = Gateway | VirtualService | DestinationRule | AsmIstioGateway | PeerAuthentication;

/**
 * Istio's root namespace, where a PeerAuthentication without a selector applies to the whole mesh
 * ("For mesh level, put the policy in root-namespace according to your Istio installation":
 * https://istio.io/latest/docs/reference/config/security/peer_authentication/). The root namespace
 * is MeshConfig `rootNamespace`, `istio-system` unless an installation changes it; ASM keeps its
 * control-plane objects there (its IstioGateway lives in istio-system too). That ASM never
 * changes it is unconfirmed by its docs.
 */
export const ISTIO_ROOT_NAMESPACE = "istio-system";

/**
 * The mesh-wide PeerAuthentication: named `default` (Istio's examples name the mesh- and
 * namespace-wide policy so; a mesh has one) in {@link ISTIO_ROOT_NAMESPACE}, no selector, so it
 * covers every workload of the mesh.
 */
export function meshPeerAuthentication(mode: IstioMtlsMode): PeerAuthentication {
    return {
        apiVersion: "security.istio.io/v1",
        kind: "PeerAuthentication",
        metadata: { name: "default", namespace: ISTIO_ROOT_NAMESPACE },
        spec: { mtls: { mode } },
    };
}

/** A fresh copy of the tutorial's ingress gateway spec (step 3). */
export function tutorialIngressGatewaySpec(): IstioGatewaySpec {
    return {
        gatewayType: "ingress",
        dnsPolicy: "ClusterFirst",
        externalTrafficPolicy: "Local",
        hostNetwork: false,
        ports: [
            { name: "http", port: 80, protocol: "TCP", targetPort: 80 },
            { name: "https", port: 443, protocol: "TCP", targetPort: 443 },
        ],
        replicaCount: 1,
        resources: { limits: { cpu: "2", memory: "2G" }, requests: { cpu: "200m", memory: "256Mi" } },
        rollingMaxSurge: "100%",
        rollingMaxUnavailable: "25%",
        runAsRoot: true,
        serviceType: "LoadBalancer",
    };
}

/**
 * The ASM ingress gateway object: the tutorial's spec with `overrides` merged in, in
 * istio-system, annotated as managed by ASM (so the mesh reconciles its Deployment and Service).
 */
export function asmIngressGateway(name = "ingressgateway", overrides: Partial<IstioGatewaySpec> = {}): AsmIstioGateway {
    return {
        apiVersion: "istio.alibabacloud.com/v1beta1",
        kind: "IstioGateway",
        metadata: { name, namespace: "istio-system", annotations: { "asm.alibabacloud.com/managed-by-asm": "true" } },
        spec: { ...tutorialIngressGatewaySpec(), ...overrides },
    };
}

const PERCENT = /^(100|[1-9]?\d)%$/;
const CPU = /^(\d+(\.\d+)?|\d+m)$/;
const MEMORY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$/;

function checkAsmIstioGateway(problems: Problems, path: string, gw: AsmIstioGateway): void {
    const spec = gw.spec;
    const at = (field: string) => joinPath(path, `spec.${field}`);
    checkOneOf(problems, at("gatewayType"), spec.gatewayType, ISTIO_GATEWAY_TYPES, "gateway type");
    checkOneOf(problems, at("serviceType"), spec.serviceType, ISTIO_GATEWAY_SERVICE_TYPES, "service type");
    checkOneOf(
        problems,
        at("externalTrafficPolicy"),
        spec.externalTrafficPolicy,
        ISTIO_GATEWAY_EXTERNAL_TRAFFIC_POLICIES,
        "external traffic policy",
    );
    checkIntegerInRange(problems, at("replicaCount"), spec.replicaCount, 1, 100, "replica count");
    if (!spec.ports || spec.ports.length === 0) {
        problems.add(at("ports"), "the gateway has no port.", "Give it at least one port, e.g. http 80.");
    }
    (spec.ports ?? []).forEach((p, i) => {
        checkPort(problems, at(`ports[${i}].port`), p.port);
        checkPort(problems, at(`ports[${i}].targetPort`), p.targetPort);
        checkOneOf(problems, at(`ports[${i}].protocol`), p.protocol, ISTIO_GATEWAY_PORT_PROTOCOLS, "port protocol");
    });
    checkUnique(
        problems,
        (spec.ports ?? []).map((p, i) => ({ path: at(`ports[${i}].port`), key: `${p.port}` })),
        "gateway port",
    );
    checkUnique(
        problems,
        (spec.ports ?? []).map((p, i) => ({ path: at(`ports[${i}].name`), key: p.name })),
        "gateway port name",
    );
    for (const field of ["rollingMaxSurge", "rollingMaxUnavailable"] as const) {
        if (!PERCENT.test(spec[field])) {
            problems.add(at(field), `'${spec[field]}' is not a percentage from 0% to 100%.`, "Write it like 25%.");
        }
    }
    for (const kind of ["requests", "limits"] as const) {
        const r = spec.resources?.[kind];
        if (!r || !CPU.test(r.cpu))
            problems.add(
                at(`resources.${kind}.cpu`),
                `CPU '${r?.cpu}' is not a Kubernetes CPU quantity.`,
                "Write it like 200m or 2.",
            );
        if (!r || !MEMORY.test(r.memory))
            problems.add(
                at(`resources.${kind}.memory`),
                `memory '${r?.memory}' is not a Kubernetes memory quantity.`,
                "Write it like 256Mi or 2G.",
            );
    }
}

/**
 * A PeerAuthentication's own rules. No schema check covers it: ./schema.ts knows only the
 * networking kinds (Gateway, VirtualService, DestinationRule), so its mode is checked against
 * Istio's values here (`PeerAuthentication.MutualTLS.Mode`, less UNSET, see ISTIO_MTLS_MODES).
 */
function checkPeerAuthentication(problems: Problems, path: string, policy: PeerAuthentication): void {
    checkOneOf(problems, joinPath(path, "spec.mtls.mode"), policy.spec?.mtls?.mode, ISTIO_MTLS_MODES, "mTLS mode");
}

/**
 * Checks any mesh object before it is applied: Istio networking kinds against their CRD schema,
 * the ASM gateway and a PeerAuthentication against their own rules. Problems are recorded at
 * `path` (+ field).
 */
export function checkMeshObject(problems: Problems, path: string, object: MeshObject): void {
    if (object.kind === "IstioGateway") {
        checkAsmIstioGateway(problems, path, object);
    } else if (object.kind === "PeerAuthentication") {
        checkPeerAuthentication(problems, path, object);
    } else {
        checkIstioSchema(problems, path, object);
    }
}

/** A Gateway selecting the mesh's ingress gateway pods. */
export function gateway(name: string, spec: GatewaySpec, namespace?: string): Gateway {
    return { apiVersion: ISTIO_NETWORKING_API, kind: "Gateway", metadata: { name, namespace }, spec };
}

/** A VirtualService. */
export function virtualService(name: string, spec: VirtualServiceSpec, namespace?: string): VirtualService {
    return { apiVersion: ISTIO_NETWORKING_API, kind: "VirtualService", metadata: { name, namespace }, spec };
}

/** A DestinationRule. */
export function destinationRule(name: string, spec: DestinationRuleSpec, namespace?: string): DestinationRule {
    return { apiVersion: ISTIO_NETWORKING_API, kind: "DestinationRule", metadata: { name, namespace }, spec };
}

/** Subsets named after versions and selecting pods by their `version` label, as Bookinfo labels them. */
export function versionSubsets(versions: readonly string[]): Subset[] {
    return versions.map(version => ({ name: version, labels: { version } }));
}

/** Drops undefined fields, so rendered objects carry only what was set; outputs (a cluster id) pass as they are. */
function compact<T>(value: T): T {
    if (Array.isArray(value)) return value.map(compact) as T;
    if (value === null || typeof value !== "object" || pulumi.Output.isInstance(value)) return value;
    return Object.fromEntries(
        Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, compact(v)]),
    ) as T;
}

/**
 * Applies a (validated) mesh object through `opts.provider` as a custom resource; the object's
 * fields other than apiVersion/kind/metadata go through unchanged.
 */
export function applyMeshObject(
    name: string,
    object: MeshObject,
    opts: pulumi.CustomResourceOptions,
): kubernetes.apiextensions.CustomResource {
    const { apiVersion, kind, metadata, ...rest } = compact(object);
    return new kubernetes.apiextensions.CustomResource(name, { apiVersion, kind, metadata, ...rest }, opts);
}
