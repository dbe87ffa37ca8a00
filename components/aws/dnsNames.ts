/**
 * DNS names and Route 53 hosted zone ids as the AWS components take them: a record or
 * certificate name, the zone it must lie in, and the zone's id.
 */
import { Problems } from "../errors";
import { describeValue } from "../shape";

/**
 * A label of a host name: letters, digits and hyphens, 1 to 63 characters, no hyphen at either
 * end (RFC 1123 section 2.1; Route 53 Developer Guide, "DNS domain name format": each label at
 * most 63 bytes, the whole name at most 255 bytes in wire form, 253 as text).
 */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Longest name as text (without the trailing dot): 253 characters (RFC 1035 section 2.3.4, 255 octets in wire form). */
const NAME_MAX = 253;

/**
 * A Route 53 hosted zone id: upper-case letters and digits, at most 32 (the API's `HostedZone.Id`
 * is at most 32 characters; the ids the console shows are upper-case letters and digits, mostly
 * starting with `Z`, which is not checked: unconfirmed that every id does).
 */
const HOSTED_ZONE_ID = /^[A-Z0-9]{1,32}$/;

/** A name as compared: lower case, without a trailing dot (DNS names are case-insensitive, RFC 4343). */
export function canonicalDnsName(name: string): string {
    return name.toLowerCase().replace(/\.$/, "");
}

/**
 * The name ACM validates for a certificate name: a wildcard's base name (`*.example.com` →
 * `example.com`), whose one validation record serves both (ACM User Guide, "DNS validation":
 * ACM's random strings for `*.example.com` "are the same as those created its base domain").
 */
export function acmValidationName(name: string): string {
    return name.replace(/^\*\./, "");
}

/**
 * Checks a DNS name: at least two labels of letters, digits and hyphens (a leading `*` label
 * when `wildcard`), at most 253 characters. A trailing dot is allowed unless `trailingDot` is
 * false (ACM refuses one). Returns the name canonical, or undefined when it failed.
 */
export function checkDnsName(
    problems: Problems,
    path: string,
    name: string,
    options: { wildcard: boolean; trailingDot: boolean; what: string },
): string | undefined {
    const fail = (why: string, fix: string) => {
        problems.add(path, `${describeValue(name)} is not a ${options.what}: ${why}.`, fix);
        return undefined;
    };
    if (!options.trailingDot && name.endsWith(".")) {
        return fail("it ends with a dot", "Drop the trailing dot, e.g. app.example.com.");
    }
    const canonical = canonicalDnsName(name);
    if (canonical.length > NAME_MAX)
        return fail(`it has ${canonical.length} characters, over ${NAME_MAX}`, "Use a shorter name.");
    const labels = canonical.split(".");
    if (labels.length < 2) return fail("it has a single label", "Give the full name, e.g. app.example.com.");
    const bad = labels.findIndex((label, i) => !(LABEL.test(label) || (options.wildcard && i === 0 && label === "*")));
    if (bad >= 0) {
        return fail(
            `label '${labels[bad]}' is not 1 to 63 letters, digits and hyphens` +
                (options.wildcard ? " (only the first label may be '*')" : ""),
            "Use letters, digits and hyphens between the dots, e.g. app.example.com.",
        );
    }
    return canonical;
}

/** True when the canonical `name` is the canonical `zone` or inside it. */
export function isInZone(name: string, zone: string): boolean {
    return name === zone || name.endsWith(`.${zone}`);
}

/** Records a problem unless the canonical `name` is in the canonical `zone`. */
export function checkInZone(problems: Problems, path: string, name: string, zone: string, zonePath: string): boolean {
    if (isInZone(name, zone)) return true;
    problems.add(
        path,
        `'${name}' is not inside the hosted zone ${zone} (${zonePath}): Route 53 refuses a record outside its zone.`,
        `Use a name ending in .${zone}, or the hosted zone that holds '${name}'.`,
    );
    return false;
}

/** Checks a Route 53 hosted zone id. */
export function checkHostedZoneId(problems: Problems, path: string, id: string): boolean {
    if (HOSTED_ZONE_ID.test(id)) return true;
    problems.add(
        path,
        `${describeValue(id)} is not a Route 53 hosted zone id.`,
        "Give the zone's id as the Route 53 console shows it, e.g. Z0123456789ABCDEFGHIJ (no /hostedzone/ prefix, not the zone's name).",
    );
    return false;
}
