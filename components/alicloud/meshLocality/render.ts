/** The traffic policy a locality policy renders, and the tutorial's defaults it falls back to. */
import { ConnectionPool, OutlierDetection, TrafficPolicy } from "../istio/objects";
import { LocalityPolicy } from "./args";

/** The tutorial's outlier detection: eject an endpoint for 1m after one 5xx, checked every 1s. */
export function tutorialOutlierDetection(): OutlierDetection {
    return { consecutive5xxErrors: 1, interval: "1s", baseEjectionTime: "1m" };
}

/** The tutorial's connection pool: one request per connection, so each request is re-balanced. */
export function tutorialConnectionPool(): ConnectionPool {
    return { http: { maxRequestsPerConnection: 1 } };
}

/**
 * A checked locality as the DestinationRule writes it: what is left open ends in `*`
 * (`cn-hangzhou` → `cn-hangzhou/*`, `cn-hangzhou/cn-hangzhou-h` → `cn-hangzhou/cn-hangzhou-h/*`).
 */
function localityText(text: string): string {
    const parts = text.split("/");
    return parts.at(-1) === "*" || parts.length === 3 ? text : `${text}/*`;
}

/** Renders the traffic policy of a locality policy (no checks). */
export function localityTrafficPolicy(policy: LocalityPolicy, connectionPool?: ConnectionPool | false): TrafficPolicy {
    const pool = connectionPool === undefined ? tutorialConnectionPool() : connectionPool || undefined;
    const outlier = policy.outlierDetection ?? tutorialOutlierDetection();
    const localityLbSetting =
        policy.mode === "failover"
            ? { enabled: true, failover: policy.failover.map(f => ({ from: f.from, to: f.to })) }
            : {
                  enabled: true,
                  // Istio localities are region/zone/subzone; a region with every zone is `region/*`.
                  distribute: policy.distribute.map(d => ({
                      from: localityText(d.from),
                      to: Object.fromEntries(Object.entries(d.to).map(([to, weight]) => [localityText(to), weight])),
                  })),
              };
    return {
        ...(pool ? { connectionPool: pool } : {}),
        outlierDetection: outlier,
        loadBalancer: { localityLbSetting },
    };
}
