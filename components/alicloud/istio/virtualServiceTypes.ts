/**
 * Istio's `VirtualService`, as this library's own types (see ./types.ts for why), from
 * https://istio.io/latest/docs/reference/config/networking/virtual-service/.
 */
import { Destination, IstioNetworkingApiVersion, IstioObjectMeta, Percent, StringMatch } from "./types";

/** Header changes of a request or a response. */
export interface HeaderOperations {
    /** Headers to overwrite. */
    set?: Record<string, string>;
    /** Headers to append to. */
    add?: Record<string, string>;
    /** Headers to remove. */
    remove?: string[];
}

/** Header changes of a route. */
export interface RouteHeaders {
    /** Of the request forwarded. */
    request?: HeaderOperations;
    /** Of the response returned. */
    response?: HeaderOperations;
}

/** What an HTTP route matches; the fields of one match must all hold. */
export interface HttpMatchRequest {
    /** Match name, prefixed to the route's in logs. */
    name?: string;
    /** URI. */
    uri?: StringMatch;
    /** URI scheme. */
    scheme?: StringMatch;
    /** HTTP method. */
    method?: StringMatch;
    /** Authority (Host) header. */
    authority?: StringMatch;
    /** Headers, by lower-case name. */
    headers?: Record<string, StringMatch>;
    /** Port of the host. */
    port?: number;
    /** Labels of the client workloads. */
    sourceLabels?: Record<string, string>;
    /** Gateways the match applies to. */
    gateways?: string[];
    /** Query parameters. */
    queryParams?: Record<string, StringMatch>;
    /** Match the URI case-insensitively. */
    ignoreUriCase?: boolean;
    /** Headers that must not match. */
    withoutHeaders?: Record<string, StringMatch>;
    /** Namespace of the clients. */
    sourceNamespace?: string;
    /** Prefix of the route's stats. */
    statPrefix?: string;
}

/** A weighted destination of an HTTP route. */
export interface HttpRouteDestination {
    /** Where the traffic goes. */
    destination: Destination;
    /** Share of the traffic, 0 to 100, the route's weights adding up to 100. */
    weight?: number;
    /** Header changes for this destination. */
    headers?: RouteHeaders;
}

/** A weighted destination of a TLS or TCP route. */
export interface RouteDestination {
    /** Where the traffic goes. */
    destination: Destination;
    /** Share of the traffic, 0 to 100. */
    weight?: number;
}

/** An HTTP redirect. */
export interface HttpRedirect {
    /** Path of the redirect. */
    uri?: string;
    /** Authority of the redirect. */
    authority?: string;
    /** Port of the redirect. */
    port?: number;
    /** Port from the protocol's default or the request's port. */
    derivePort?: "FROM_PROTOCOL_DEFAULT" | "FROM_REQUEST_PORT";
    /** Scheme of the redirect. */
    scheme?: string;
    /** Status code; 301 when unset. */
    redirectCode?: number;
}

/** A fixed response. */
export interface HttpDirectResponse {
    /** HTTP status. */
    status: number;
    /** Body, as text or base64 bytes. */
    body?: { string: string; bytes?: never } | { bytes: string; string?: never };
}

/** A rewrite of the request before it is forwarded. */
export interface HttpRewrite {
    /** Replaces the matched URI or prefix. */
    uri?: string;
    /** Replaces the authority. */
    authority?: string;
    /** Replaces the URI by a regular expression. */
    uriRegexRewrite?: { match: string; rewrite: string };
}

/** Retries of an HTTP route. */
export interface HttpRetry {
    /** Retries allowed. */
    attempts?: number;
    /** Timeout of each try, e.g. `2s`. */
    perTryTimeout?: string;
    /** Conditions that retry, e.g. `5xx,connect-failure`. */
    retryOn?: string;
    /** Retry in other localities. */
    retryRemoteLocalities?: boolean;
}

/** CORS of an HTTP route. */
export interface CorsPolicy {
    /** Allowed origins. */
    allowOrigins?: StringMatch[];
    /** Allowed methods. */
    allowMethods?: string[];
    /** Allowed headers. */
    allowHeaders?: string[];
    /** Headers the browser may read. */
    exposeHeaders?: string[];
    /** How long a preflight result may be cached, e.g. `24h`. */
    maxAge?: string;
    /** Whether credentials are allowed. */
    allowCredentials?: boolean;
}

/** Faults injected into an HTTP route. */
export interface HttpFaultInjection {
    /** A delay before forwarding. */
    delay?: { fixedDelay: string; percentage?: Percent };
    /** An aborted request. */
    abort?: (
        | { httpStatus: number; grpcStatus?: never; http2Error?: never }
        | { grpcStatus: string; httpStatus?: never; http2Error?: never }
        | { http2Error: string; httpStatus?: never; grpcStatus?: never }
    ) & { percentage?: Percent };
}

/** A copy of the traffic to another destination. */
export interface HttpMirrorPolicy {
    /** Where the copy goes. */
    destination: Destination;
    /** Share mirrored. */
    percentage?: Percent;
}

/** An HTTP route. */
export interface HttpRoute {
    /** Route name, in logs. */
    name?: string;
    /** Conditions, any of which selects the route; every request when unset. */
    match?: HttpMatchRequest[];
    /** Destinations. */
    route?: HttpRouteDestination[];
    /** A redirect instead of a destination. */
    redirect?: HttpRedirect;
    /** A fixed response instead of a destination. */
    directResponse?: HttpDirectResponse;
    /** A delegate VirtualService that holds the routes. */
    delegate?: { name: string; namespace?: string };
    /** Rewrite before forwarding. */
    rewrite?: HttpRewrite;
    /** Timeout, e.g. `10s`. */
    timeout?: string;
    /** Retries. */
    retries?: HttpRetry;
    /** Injected faults. */
    fault?: HttpFaultInjection;
    /** Mirror destination. */
    mirror?: Destination;
    /** Mirror destinations with their shares. */
    mirrors?: HttpMirrorPolicy[];
    /** Share sent to `mirror`. */
    mirrorPercentage?: Percent;
    /** CORS. */
    corsPolicy?: CorsPolicy;
    /** Header changes. */
    headers?: RouteHeaders;
}

/** Connection attributes of a TCP route. */
export interface L4MatchAttributes {
    /** Destination IPs or subnets. */
    destinationSubnets?: string[];
    /** Port of the host. */
    port?: number;
    /** Labels of the client workloads. */
    sourceLabels?: Record<string, string>;
    /** Gateways the match applies to. */
    gateways?: string[];
    /** Namespace of the clients. */
    sourceNamespace?: string;
}

/** Connection attributes of a TLS route. */
export interface TlsMatchAttributes extends L4MatchAttributes {
    /** SNI hosts to match. */
    sniHosts: string[];
}

/** A route of TLS traffic by SNI, without terminating it. */
export interface TlsRoute {
    /** Conditions. */
    match: TlsMatchAttributes[];
    /** Destinations. */
    route?: RouteDestination[];
}

/** A route of TCP traffic. */
export interface TcpRoute {
    /** Conditions. */
    match?: L4MatchAttributes[];
    /** Destinations. */
    route?: RouteDestination[];
}

/** Spec of a VirtualService. */
export interface VirtualServiceSpec {
    /** Hosts the routes apply to. */
    hosts?: string[];
    /** Gateways and sidecars (`mesh`) the routes apply to. */
    gateways?: string[];
    /** HTTP routes, first match wins. */
    http?: HttpRoute[];
    /** TLS routes. */
    tls?: TlsRoute[];
    /** TCP routes. */
    tcp?: TcpRoute[];
    /** Namespaces the service is visible to; `.` for its own, `*` for all. */
    exportTo?: string[];
}

/** An Istio `VirtualService`. */
export interface VirtualService {
    /** API version. */
    apiVersion: IstioNetworkingApiVersion;
    /** Kind. */
    kind: "VirtualService";
    /** Name and namespace. */
    metadata: IstioObjectMeta;
    /** Spec. */
    spec: VirtualServiceSpec;
}
