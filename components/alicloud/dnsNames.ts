/**
 * Syntax checks for Alibaba Cloud DNS (Alidns) names, so a bad domain or host record is caught
 * before anything is registered instead of by the DNS API after the load balancer exists.
 */
import { Problems } from "../errors";
import { describeValue } from "../shape";

/** Top-level domains Alibaba Cloud DNS does not host records for (`dns.AlidnsRecord` docs). */
export const ALIDNS_UNSUPPORTED_SUFFIXES: readonly string[] = ["sh", "tel"];

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Checks a domain hosted in Alibaba Cloud DNS, such as `example.com`: at most 253 characters,
 * two or more labels of 1–63 letters, digits and inner hyphens, a top-level label that is letters
 * (or an `xn--` IDN), no `--` in the 3rd and 4th place of the first label unless it is an `xn--`
 * label, and not a `.sh` or `.tel` domain.
 */
export function checkDomainName(problems: Problems, path: string, domain: string): boolean {
    const fix = "Use the domain as added to Alibaba Cloud DNS, such as example.com, without a trailing dot.";
    if (typeof domain !== "string") {
        problems.add(path, `domain name ${describeValue(domain)} is not text.`, fix);
        return false;
    }
    const text = domain;
    const labels = text.split(".");
    const bad = (why: string) => {
        problems.add(path, `domain name '${text}' ${why}.`, fix);
        return false;
    };
    if (text.length === 0 || text.length > 253) return bad("must be 1 to 253 characters long");
    if (labels.length < 2) return bad("needs at least two labels, such as example.com");
    const badLabel = labels.find(l => !LABEL.test(l));
    if (badLabel !== undefined) {
        return bad(
            `has the label '${badLabel}'; labels are 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen`,
        );
    }
    const tld = labels[labels.length - 1].toLowerCase();
    if (!/^[a-z]{2,63}$/.test(tld) && !/^xn--[a-z0-9-]+$/.test(tld)) {
        return bad(`ends in '${tld}', which is not a top-level domain (letters only)`);
    }
    if (ALIDNS_UNSUPPORTED_SUFFIXES.includes(tld))
        return bad(`is a .${tld} domain, which Alibaba Cloud DNS does not support`);
    const first = labels[0].toLowerCase();
    if (first.slice(2, 4) === "--" && !first.startsWith("xn--"))
        return bad(`has '--' in the 3rd and 4th place of '${labels[0]}'`);
    return true;
}

const HOST_LABEL = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/i;

/**
 * Checks a host record (`rr`) of Alibaba Cloud DNS: `@` for the domain itself, or dot-separated
 * labels of 1–63 letters, digits, hyphens and underscores, not starting or ending with a hyphen,
 * where `*` may stand for a whole label (wildcard); the full name (host and domain) stays within
 * 253 characters.
 */
export function checkRecordHost(problems: Problems, path: string, rr: string, domain?: string): boolean {
    const fix = "Use @ for the domain itself, or a host such as www or api.v2.";
    if (typeof rr !== "string") {
        problems.add(path, `host record ${describeValue(rr)} is not text.`, fix);
        return false;
    }
    const text = rr;
    if (text === "@") return true;
    const labels = text.split(".");
    const badLabel = labels.find(l => !HOST_LABEL.test(l));
    if (text.length === 0 || badLabel !== undefined) {
        problems.add(
            path,
            `host record '${text}' is not @ or dot-separated labels of 1 to 63 letters, digits, '-' or '_' (or '*').`,
            fix,
        );
        return false;
    }
    if (domain !== undefined && text.length + 1 + domain.length > 253) {
        problems.add(
            path,
            `host record '${text}' makes '${text}.${domain}' longer than 253 characters.`,
            "Use a shorter host record.",
        );
        return false;
    }
    return true;
}
