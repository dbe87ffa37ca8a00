/**
 * What "the whole internet" is, for the rules that keep a port from being opened to it: not only
 * `0.0.0.0/0` and `::/0`, but any set of blocks that together cover every public address
 * (`0.0.0.0/1` with `128.0.0.0/1`, or the classic list of all public IPv4 blocks).
 */
import { Problems } from "../errors";
import { Cidr, IpFamily, cidrsOverlap, lastAddress, parseCidr } from "./cidr";

/**
 * IPv4 blocks no internet host sends from: the special-purpose blocks that are not globally
 * reachable (RFC 6890 and the IANA IPv4 Special-Purpose Address Registry: "this network",
 * RFC 1918 private, shared address space, loopback, link local, IETF protocol assignments, the
 * documentation blocks, benchmarking), multicast (224.0.0.0/4) and the reserved 240.0.0.0/4.
 */
export const NON_INTERNET_IPV4_RANGES: readonly string[] = [
    "0.0.0.0/8",
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "192.168.0.0/16",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "240.0.0.0/4",
];

/**
 * The IPv6 internet: global unicast, the only space IANA allocates to registries (IANA "Internet
 * Protocol Version 6 Address Space" registry: 2000::/3 "Global Unicast"; RFC 4291 §2.4).
 */
export const INTERNET_IPV6_RANGE = "2000::/3";

/** An inclusive range of addresses. */
type Span = readonly [bigint, bigint];

const spanOf = (c: Cidr): Span => [c.network, lastAddress(c)];

/** The public addresses of a family, as sorted disjoint spans. */
function internetSpans(family: IpFamily): Span[] {
    if (family === 6) return [spanOf(parseCidr(INTERNET_IPV6_RANGE))];
    const holes = NON_INTERNET_IPV4_RANGES.map(r => spanOf(parseCidr(r))).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const spans: Span[] = [];
    let next = 0n;
    for (const [start, end] of holes) {
        if (start > next) spans.push([next, start - 1n]);
        if (end + 1n > next) next = end + 1n;
    }
    const last = (1n << 32n) - 1n;
    if (next <= last) spans.push([next, last]);
    return spans;
}

/**
 * True when the blocks of `family` among `blocks` together contain every public address of that
 * family (see {@link NON_INTERNET_IPV4_RANGES}, {@link INTERNET_IPV6_RANGE}).
 */
export function coversInternet(blocks: readonly Cidr[], family: IpFamily): boolean {
    const covered = blocks
        .filter(b => b.family === family)
        .map(spanOf)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return internetSpans(family).every(([start, end]) => {
        // Walk the sorted blocks from `start`: each must begin at or before the first address not yet covered.
        let uncovered = start;
        for (const [from, to] of covered) {
            if (from > uncovered) break;
            if (to >= uncovered) uncovered = to + 1n;
            if (uncovered > end) return true;
        }
        return uncovered > end;
    });
}

/** A source block with the input path it came from. */
export interface PlacedSource {
    readonly path: string;
    readonly cidr: Cidr;
}

/** How {@link checkWorldSources} words and allows a world-open list. */
export interface WorldSourcesRule {
    /** What the sources open, e.g. `backend port 80`, for messages. */
    readonly what: string;
    /**
     * The input that opens it on purpose (`backendIngress.allowWorldSources`) and whether it is
     * set; without one, a world-open list is always refused.
     */
    readonly allow?: { readonly field: string; readonly allowed: boolean };
}

/**
 * The one rule, and the one wording, for sources a user gives to a port: a list whose blocks of
 * one family cover the whole internet is refused at `path` (at the block's own path when one
 * block alone does), unless `rule.allow` says it is wanted; then the warning to log is returned.
 */
export function checkWorldSources(
    problems: Problems,
    path: string,
    sources: readonly PlacedSource[],
    rule: WorldSourcesRule,
): string | undefined {
    const warnings: string[] = [];
    for (const family of [4, 6] as const) {
        const blocks = sources.filter(s => s.cidr.family === family);
        if (
            !coversInternet(
                blocks.map(s => s.cidr),
                family,
            )
        )
            continue;
        const publicBlocks = blocks.filter(s => overlapsInternet(s.cidr));
        const alone = publicBlocks.find(s => coversInternet([s.cidr], family));
        const listed = (alone ? [alone] : publicBlocks).map(s => s.cidr.text).join(", ");
        const cover = alone || publicBlocks.length === 1 ? "covers" : "together cover";
        if (rule.allow?.allowed) {
            warnings.push(
                `${rule.what} is open to the whole IPv${family} internet (${listed}), as ${rule.allow.field} allows.`,
            );
            continue;
        }
        problems.add(
            alone?.path ?? path,
            `${listed} ${cover} every public IPv${family} address: ${rule.what} would be open to the whole internet.`,
            rule.allow
                ? `List only the blocks that must reach it, or set ${rule.allow.field}: true to open it on purpose (the plan then warns).`
                : "List only the blocks that must reach it, e.g. your office's or VPN's egress block.",
        );
    }
    return warnings.length > 0 ? warnings.join(" ") : undefined;
}

/** True when the block holds any public address. */
function overlapsInternet(block: Cidr): boolean {
    if (block.family === 6) return cidrsOverlap(block, INTERNET_IPV6_RANGE);
    return internetSpans(4).some(([start, end]) => block.network <= end && lastAddress(block) >= start);
}
