/**
 * A routed host the HTTPS listener serves must be a name of the certificate created here: the
 * listener presents that certificate to every client (one certificate, no SNI list), so a client
 * of another host fails the TLS handshake before the rule is ever tried.
 *
 * A name covers a host as TLS clients match it (RFC 6125 §6.4.3): equal ignoring case, or a
 * wildcard `*.example.com` covering exactly one more label (`api.example.com`, not
 * `a.b.example.com` nor `example.com`). A host pattern with the ALB's own wildcards (`*`, `?`) is
 * not judged: which names it matches is the requests' choice, not known here.
 */
import { Problems } from "../../errors";
import type { CertificatePlan } from "./checkEdge";
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
