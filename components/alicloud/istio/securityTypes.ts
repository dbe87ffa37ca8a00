/**
 * Istio's `PeerAuthentication` (`security.istio.io`), as this library's own types (see ./types.ts
 * for why), from https://istio.io/latest/docs/reference/config/security/peer_authentication/.
 * Only the mesh-wide form is built here: no `selector`, no `portLevelMtls`.
 */
import { IstioObjectMeta } from "./types";

/**
 * The mTLS modes a mesh-wide policy sets. Istio's `PeerAuthentication.MutualTLS.Mode` also has
 * `UNSET` (inherit from the parent), which means nothing at mesh level and is not offered.
 */
export const ISTIO_MTLS_MODES = ["STRICT", "PERMISSIVE", "DISABLE"] as const;

/** An mTLS mode of a mesh-wide PeerAuthentication. */
export type IstioMtlsMode = (typeof ISTIO_MTLS_MODES)[number];

/** Spec of a PeerAuthentication without a selector. */
export interface PeerAuthenticationSpec {
    /** Mutual TLS of the workloads the policy covers. */
    mtls: { mode: IstioMtlsMode };
}

/** An Istio `PeerAuthentication`. */
export interface PeerAuthentication {
    /** API version; `v1` exists since Istio 1.22 (https://istio.io/latest/blog/2024/v1-apis/). */
    apiVersion: "security.istio.io/v1";
    /** Kind. */
    kind: "PeerAuthentication";
    /** Name and namespace. */
    metadata: IstioObjectMeta;
    /** Spec. */
    spec: PeerAuthenticationSpec;
}
