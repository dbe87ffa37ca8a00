/**
 * The Istio objects this library builds and takes (Gateway, VirtualService, DestinationRule of
 * `networking.istio.io`), as its own types: written from Istio's networking reference
 * (https://istio.io/latest/docs/reference/config/networking/gateway/, …/virtual-service/,
 * …/destination-rule/), fields identical in v1alpha3, v1beta1 and v1.
 *
 * Why not the generated types of @kubernetes-models/istio: they put that package in every
 * consumer's type check (its declarations fail under `moduleResolution` `node` and `node16`
 * in its major 3), tie this API to its majors (a field optional in one and required in the next),
 * and hide the shapes from the API report. The runtime check against the CRD schemas still uses
 * its models (./schema.ts). A field Istio marks REQUIRED is required here; the rest is optional,
 * as in the CRDs. Fields newer than Istio 1.22 or deprecated before it are left out.
 */

/** The API versions of Istio's networking kinds that `checkIstioSchema` knows. */
export type IstioNetworkingApiVersion =
    "networking.istio.io/v1alpha3" | "networking.istio.io/v1beta1" | "networking.istio.io/v1";

/** Name, namespace, labels and annotations of an Istio object. */
export interface IstioObjectMeta {
    /** Object name. */
    name: string;
    /** Namespace; the provider's default namespace when unset. */
    namespace?: string;
    /** Labels. */
    labels?: Record<string, string>;
    /** Annotations. */
    annotations?: Record<string, string>;
}

/** A string match: exactly one of `exact`, `prefix` and `regex` (RE2). */
export type StringMatch =
    | { exact: string; prefix?: never; regex?: never }
    | { prefix: string; exact?: never; regex?: never }
    | { regex: string; exact?: never; prefix?: never };

/** A percentage from 0 to 100, fractions allowed. */
export interface Percent {
    /** The percentage. */
    value: number;
}

/** A port of a service, by number. */
export interface PortSelector {
    /** Port number. */
    number: number;
}

/** A service (and subset and port) that traffic is sent to. */
export interface Destination {
    /** Service name in the registry, e.g. `reviews` or its FQDN. */
    host: string;
    /** Subset of a DestinationRule of the host. */
    subset?: string;
    /** Port of the service; required when it has more than one. */
    port?: PortSelector;
}

// Gateway (https://istio.io/latest/docs/reference/config/networking/gateway/)

/** TLS protocol versions of a server. */
export type TlsProtocolVersion = "TLS_AUTO" | "TLSV1_0" | "TLSV1_1" | "TLSV1_2" | "TLSV1_3";

/** The port a gateway server listens on. */
export interface GatewayPort {
    /** Port number. */
    number: number;
    /** HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, MONGO, TCP or TLS. */
    protocol: string;
    /** Port name. */
    name: string;
    /** Port on the endpoint the traffic goes to (only for ServiceEntry-backed gateways). */
    targetPort?: number;
}

/** TLS of a gateway server. */
export interface ServerTlsSettings {
    /** Redirect HTTP requests to HTTPS with a 301. */
    httpsRedirect?: boolean;
    /** How the server takes TLS connections. */
    mode?: "PASSTHROUGH" | "SIMPLE" | "MUTUAL" | "AUTO_PASSTHROUGH" | "ISTIO_MUTUAL" | "OPTIONAL_MUTUAL";
    /** Path of the server certificate (SIMPLE, MUTUAL). */
    serverCertificate?: string;
    /** Path of the server's private key (SIMPLE, MUTUAL). */
    privateKey?: string;
    /** Path of the CA certificates that verify client certificates (MUTUAL). */
    caCertificates?: string;
    /** Path of the certificate revocation list. */
    caCrl?: string;
    /** Name of the secret that holds the certificate, key and CA certificates. */
    credentialName?: string;
    /** Subject alternative names a client certificate must carry. */
    subjectAltNames?: string[];
    /** Base64 SHA-256 hashes of the SPKI of the allowed client certificates. */
    verifyCertificateSpki?: string[];
    /** Hex SHA-256 hashes of the allowed client certificates. */
    verifyCertificateHash?: string[];
    /** Minimum TLS version. */
    minProtocolVersion?: TlsProtocolVersion;
    /** Maximum TLS version. */
    maxProtocolVersion?: TlsProtocolVersion;
    /** Cipher suites; Envoy's defaults when unset. */
    cipherSuites?: string[];
}

/** A server of a gateway: a port, the hosts it serves there, and its TLS. */
export interface GatewayServer {
    /** Where the proxy listens. */
    port: GatewayPort;
    /** Hosts exposed, optionally `namespace/` prefixed; `*` for every host. */
    hosts: string[];
    /** IP or Unix socket to bind to. */
    bind?: string;
    /** TLS of the server. */
    tls?: ServerTlsSettings;
    /** Loopback endpoint to forward to (`127.0.0.1:PORT` or a Unix socket). */
    defaultEndpoint?: string;
    /** Server name, unique within the gateway. */
    name?: string;
}

/** Spec of a Gateway. */
export interface GatewaySpec {
    /** Labels of the gateway pods this configuration applies to. */
    selector?: Record<string, string>;
    /** The servers. */
    servers: GatewayServer[];
}

/** An Istio `Gateway`. */
export interface Gateway {
    /** API version. */
    apiVersion: IstioNetworkingApiVersion;
    /** Kind. */
    kind: "Gateway";
    /** Name and namespace. */
    metadata: IstioObjectMeta;
    /** Spec. */
    spec: GatewaySpec;
}
