/**
 * Istio's `DestinationRule`, as this library's own types (see ./types.ts for why), from
 * https://istio.io/latest/docs/reference/config/networking/destination-rule/. The connection pool
 * and outlier detection are what `MeshLocalityPolicy` takes (its shape checks these fields).
 */
import { IstioNetworkingApiVersion, IstioObjectMeta, PortSelector } from "./types";

/** Weighted distribution of the traffic of one locality (`region/zone/subzone`, `*` wildcards). */
export interface LocalityDistribute {
    /** Locality of the clients, e.g. `cn-hangzhou/*`. */
    from: string;
    /** Weight per target locality, adding up to 100. */
    to: Record<string, number>;
}

/** Locality-aware load balancing: either weighted distribution or failover. */
export interface LocalityLbSetting {
    /** Weighted distribution per client locality. */
    distribute?: LocalityDistribute[];
    /** Region traffic fails over to when a region's endpoints are unhealthy. */
    failover?: { from: string; to: string }[];
    /** Labels that order the failover priority of endpoints. */
    failoverPriority?: string[];
    /** Whether locality load balancing is on. */
    enabled?: boolean;
}

/** Consistent hashing, by exactly one of a header, a cookie, the source IP or a query parameter. */
export type ConsistentHashLb = (
    | { httpHeaderName: string }
    | { httpCookie: { name: string; path?: string; ttl?: string } }
    | { useSourceIp: boolean }
    | { httpQueryParameterName: string }
) & {
    /** Ring hash with its minimum ring size. */
    ringHash?: { minimumRingSize?: number };
    /** Maglev with its table size (a prime). */
    maglev?: { tableSize?: number };
};

/** How a traffic policy balances load. */
export interface LoadBalancerSettings {
    /** A standard algorithm. */
    simple?: "UNSPECIFIED" | "RANDOM" | "PASSTHROUGH" | "ROUND_ROBIN" | "LEAST_REQUEST" | "LEAST_CONN";
    /** Consistent hashing instead. */
    consistentHash?: ConsistentHashLb;
    /** Locality-aware load balancing. */
    localityLbSetting?: LocalityLbSetting;
    /** Ramp-up time of a new endpoint, e.g. `30s`. */
    warmupDurationSecs?: string;
}

/** Connection limits to the upstream hosts (`ConnectionPoolSettings`). */
export interface ConnectionPool {
    /** HTTP limits. */
    http?: {
        /** Whether HTTP/1.1 connections are upgraded to HTTP/2. */
        h2UpgradePolicy?: "DEFAULT" | "DO_NOT_UPGRADE" | "UPGRADE";
        /** Requests queued while waiting for a connection. */
        http1MaxPendingRequests?: number;
        /** Active requests to a destination. */
        http2MaxRequests?: number;
        /** Idle time before an upstream connection is closed, e.g. `1h`. */
        idleTimeout?: string;
        /** Concurrent streams per HTTP/2 connection. */
        maxConcurrentStreams?: number;
        /** Requests per connection; 1 turns keep-alive off. */
        maxRequestsPerConnection?: number;
        /** Outstanding retries to a destination. */
        maxRetries?: number;
        /** Use the client's protocol upstream. */
        useClientProtocol?: boolean;
    };
    /** TCP limits. */
    tcp?: {
        /** Connection timeout, e.g. `10s`. */
        connectTimeout?: string;
        /** Idle time before a connection is closed. */
        idleTimeout?: string;
        /** Longest life of a connection. */
        maxConnectionDuration?: string;
        /** Connections to a destination. */
        maxConnections?: number;
        /** TCP keep-alive probes. */
        tcpKeepalive?: { interval?: string; probes?: number; time?: string };
    };
}

/** Ejection of failing hosts from the load-balancing pool. */
export interface OutlierDetection {
    /** Minimum ejection time, multiplied by the times a host was ejected, e.g. `30s`. */
    baseEjectionTime?: string;
    /** 5xx responses (or connection errors) in a row that eject a host; 5 when unset, 0 turns it off. */
    consecutive5xxErrors?: number;
    /** Deprecated: gateway errors in a row (use consecutiveGatewayErrors). */
    consecutiveErrors?: number;
    /** 502, 503 and 504 responses in a row that eject a host; off when unset or 0. */
    consecutiveGatewayErrors?: number;
    /** Local-origin failures in a row that eject a host (with splitExternalLocalOriginErrors). */
    consecutiveLocalOriginFailures?: number;
    /** Time between ejection sweeps, e.g. `10s`. */
    interval?: string;
    /** Most hosts that may be ejected, in percent. */
    maxEjectionPercent?: number;
    /** Outlier detection stays on while at least this percentage of hosts is healthy. */
    minHealthPercent?: number;
    /** Count local-origin failures apart from upstream errors. */
    splitExternalLocalOriginErrors?: boolean;
}

/** TLS to the upstream hosts. */
export interface ClientTlsSettings {
    /** DISABLE, SIMPLE, MUTUAL or ISTIO_MUTUAL (the mesh's mTLS). */
    mode?: "DISABLE" | "SIMPLE" | "MUTUAL" | "ISTIO_MUTUAL";
    /** Path of the client certificate (MUTUAL). */
    clientCertificate?: string;
    /** Path of the client's private key (MUTUAL). */
    privateKey?: string;
    /** Path of the CA certificates that verify the server. */
    caCertificates?: string;
    /** Name of the secret that holds the client certificate, key and CA certificates. */
    credentialName?: string;
    /** Subject alternative names the server certificate must carry. */
    subjectAltNames?: string[];
    /** SNI sent to the server. */
    sni?: string;
    /** Skip verifying the server certificate. */
    insecureSkipVerify?: boolean;
}

/** The traffic policy of one port. */
export interface PortTrafficPolicy {
    /** The port. */
    port?: PortSelector;
    /** Load balancing. */
    loadBalancer?: LoadBalancerSettings;
    /** Connection limits. */
    connectionPool?: ConnectionPool;
    /** Ejection of failing hosts. */
    outlierDetection?: OutlierDetection;
    /** TLS to the hosts. */
    tls?: ClientTlsSettings;
}

/** How traffic to a host (or a subset) is balanced, limited, ejected and secured. */
export interface TrafficPolicy {
    /** Load balancing. */
    loadBalancer?: LoadBalancerSettings;
    /** Connection limits. */
    connectionPool?: ConnectionPool;
    /** Ejection of failing hosts. */
    outlierDetection?: OutlierDetection;
    /** TLS to the hosts. */
    tls?: ClientTlsSettings;
    /** Policies per port, overriding these. */
    portLevelSettings?: PortTrafficPolicy[];
    /** Tunnelling of TCP traffic through another host (HTTP CONNECT). */
    tunnel?: { protocol?: string; targetHost: string; targetPort: number };
    /** PROXY protocol to the hosts. */
    proxyProtocol?: { version?: "V1" | "V2" };
}

/** A named subset of a host's endpoints, selected by labels. */
export interface Subset {
    /** Subset name, e.g. `v1`, used by routes. */
    name: string;
    /** Labels of the endpoints. */
    labels?: Record<string, string>;
    /** Traffic policy of the subset, over the rule's. */
    trafficPolicy?: TrafficPolicy;
}

/** Spec of a DestinationRule. */
export interface DestinationRuleSpec {
    /** Service the rule applies to, e.g. `reviews` or its FQDN. */
    host: string;
    /** Traffic policy of every subset. */
    trafficPolicy?: TrafficPolicy;
    /** Subsets. */
    subsets?: Subset[];
    /** Namespaces the rule is visible to. */
    exportTo?: string[];
    /** Labels of the workloads the rule applies to. */
    workloadSelector?: { matchLabels?: Record<string, string> };
}

/** An Istio `DestinationRule`. */
export interface DestinationRule {
    /** API version. */
    apiVersion: IstioNetworkingApiVersion;
    /** Kind. */
    kind: "DestinationRule";
    /** Name and namespace. */
    metadata: IstioObjectMeta;
    /** Spec. */
    spec: DestinationRuleSpec;
}
