/**
 * What the routed hosts must be besides ALB host patterns.
 *
 * A routed host the HTTPS listener serves must be a name of the certificate created here: the
 * listener presents that certificate to every client (one certificate, no SNI list), so a client
 * of another host fails the TLS handshake before the rule is ever tried.
 *
 * A name covers a host as TLS clients match it (RFC 6125 §6.4.3): equal ignoring case, or a
 * wildcard `*.example.com` covering exactly one more label (`api.example.com`, not
 * `a.b.example.com` nor `example.com`). A host pattern with the ALB's own wildcards (`*`, `?`) is
 * not judged: which names it matches is the requests' choice, not known here.
 *
 * With `dns.routedHosts`, each routed host gets an alias record in the zone, so it must be a
 * record name there.
 */
import { Problems } from "../../errors";
import { canonicalDnsName, checkDnsName, checkInZone } from "../dnsNames";
import type { CertificatePlan, DnsPlan } from "./checkEdge";
import type { AlbDnsArgs } from "./edgeArgs";
import type { RoutingPlan } from "./plan";

/** True when a certificate `name` covers the host `host` (no wildcard in `host`). */
export function certificateCovers(name: string, host: string): boolean {
    const [n, h] = [name.toLowerCase(), host.toLowerCase()];
    if (!n.startsWith("*.")) return n === h;
    const dot = h.indexOf(".");
    return dot > 0 && h.slice(dot + 1) === n.slice(2);
}

/** Records each routed host (at `services.<key>.routing.hosts[i]`) the created certificate does not name. */
export function checkRoutedHostsCertified(
    problems: Problems,
    certificate: CertificatePlan | undefined,
    routings: ReadonlyMap<string, RoutingPlan>,
): void {
    if (certificate === undefined) return;
    const names = [certificate.domainName, ...certificate.subjectAlternativeNames];
    for (const [key, routing] of routings) {
        routing.hosts.forEach((host, i) => {
            if (/[*?]/.test(host) || names.some(n => certificateCovers(n, host))) return;
            problems.add(
                `services.${key}.routing.hosts[${i}]`,
                `'${host}' is not a name of the certificate created here (${names.join(", ")}): the HTTPS ` +
                    "listener would present that certificate to its clients, whose TLS check fails before the rule is tried.",
                `Add '${host}' to certificate.subjectAlternativeNames, or give a certificate that names it (certificateArn).`,
            );
        });
    }
}

/**
 * With `dns.routedHosts`, the names of the further alias records: every routed host (at
 * `services.<key>.routing.hosts[i]`) as a record name inside `dns.zoneName`, canonical, each
 * once, less `dns.recordName`'s own. Records a problem for a host that names no record or lies
 * outside the zone, and for a missing `zoneName`. Empty without `routedHosts`.
 */
export function checkRoutedHostRecords(
    problems: Problems,
    dns: AlbDnsArgs | undefined,
    plan: DnsPlan | undefined,
    routings: ReadonlyMap<string, RoutingPlan>,
): string[] {
    if (dns?.routedHosts !== true || plan === undefined) return [];
    if (dns.zoneName === undefined) {
        problems.add(
            "dns.zoneName",
            "is needed with dns.routedHosts: each routed host gets a record in the zone, and only the zone's name tells whether it is inside it.",
            "Give dns.zoneName, the name of the zone dns.hostedZoneId is (e.g. example.com).",
        );
    }
    const zone = dns.zoneName === undefined ? undefined : canonicalDnsName(dns.zoneName);
    const names = new Set<string>();
    for (const [key, routing] of routings) {
        routing.hosts.forEach((host, i) => {
            const path = `services.${key}.routing.hosts[${i}]`;
            if (/[*?]/.test(host.replace(/^\*\./, ""))) {
                problems.add(
                    path,
                    `'${host}' is a pattern of the ALB's, which names no single record (dns.routedHosts makes one record per routed host).`,
                    "Route by names (a leading *. is a wildcard record), or drop dns.routedHosts and make the records yourself.",
                );
                return;
            }
            const name = checkDnsName(problems, path, host, {
                wildcard: true,
                trailingDot: false,
                what: "record name",
            });
            if (name === undefined || (zone !== undefined && !checkInZone(problems, path, name, zone, "dns.zoneName")))
                return;
            if (name !== plan.recordName) names.add(name);
        });
    }
    return [...names];
}
