/**
 * Istio's own rules for a DestinationRule's outlier detection, beyond the ranges of the shape
 * (counts are unsigned 32-bit, `maxEjectionPercent` and `minHealthPercent` 0–100: `ValidatePercent`):
 * from istio/istio pkg/config/validation `validateOutlierDetection` and `agent.ValidateDuration`.
 * Durations (`interval`, `baseEjectionTime`) must be at least 1ms ("duration must be greater than
 * 1ms") and whole milliseconds ("only durations to ms precision are supported");
 * `consecutiveLocalOriginFailures` needs `splitExternalLocalOriginErrors` ("outlier detection
 * consecutive local origin failures is specified, but split external local origin errors is set
 * to false"). Locality failover itself needs outlier detection (`ValidateLocalityLbSetting`:
 * "outlier detection policy must be provided for failover"), which the policy's checks require.
 */
import { Problems } from "../../errors";
import type { OutlierDetection } from "../istio/objects";

/** Nanoseconds per unit of an Istio duration. */
const UNIT_NS: Readonly<Record<string, bigint>> = {
    h: 3_600_000_000_000n,
    m: 60_000_000_000n,
    s: 1_000_000_000n,
    ms: 1_000_000n,
};

/** An Istio duration (its form checked by the shape, e.g. `1m30s`, `1.5s`, `500ms`) in nanoseconds, rounded down. */
export function durationNs(text: string): bigint {
    let total = 0n;
    for (const [, whole, fraction = "", unit] of text.matchAll(/(\d+)(?:\.(\d+))?(ms|h|m|s)/g)) {
        const per = UNIT_NS[unit];
        const scale = 10n ** BigInt(fraction.length);
        total += BigInt(whole) * per + (BigInt(fraction || "0") * per) / scale;
    }
    return total;
}

/** Records Istio's outlier-detection rules, at `path` (the outlier detection's own path). */
export function checkOutlierDetection(problems: Problems, path: string, outlier: OutlierDetection): void {
    for (const field of ["interval", "baseEjectionTime"] as const) {
        const text = outlier[field];
        if (text === undefined) continue;
        const ns = durationNs(text);
        if (ns < UNIT_NS.ms) {
            problems.add(
                `${path}.${field}`,
                `${field} ${text} is shorter than 1ms (Istio: "duration must be greater than 1ms").`,
                "Use 1ms or more, e.g. the tutorial's 1s interval and 1m ejection time.",
            );
        } else if (ns % UNIT_NS.ms !== 0n) {
            problems.add(
                `${path}.${field}`,
                `${field} ${text} is not a whole number of milliseconds (Istio: "only durations to ms precision are supported").`,
                "Round it to whole milliseconds, e.g. 1500ms.",
            );
        }
    }
    if ((outlier.consecutiveLocalOriginFailures ?? 0) > 0 && outlier.splitExternalLocalOriginErrors !== true) {
        problems.add(
            `${path}.consecutiveLocalOriginFailures`,
            "consecutiveLocalOriginFailures counts only local-origin failures split from the upstream's errors, and " +
                "splitExternalLocalOriginErrors is not true (Istio refuses the rule).",
            "Set splitExternalLocalOriginErrors: true, or drop consecutiveLocalOriginFailures.",
        );
    }
}
