/**
 * Pure IPv4/IPv6 address and CIDR maths. Parsing goes through `ipaddr.js` (it knows every
 * IPv6 spelling); ranges are compared as bigints so IPv4 and IPv6 share one code path.
 */
import * as ipaddr from "ipaddr.js";

/** 4 for IPv4, 6 for IPv6. */
export type IpFamily = 4 | 6;

/** A parsed, normalised CIDR block. */
export interface Cidr {
    /** Address family of the block. */
    readonly family: IpFamily;
    /** The first address of the block as an integer. */
    readonly network: bigint;
    /** Prefix length in bits. */
    readonly prefix: number;
    /** Canonical text, e.g. `192.168.0.0/16` or `2408:4000::/56`. */
    readonly text: string;
}

/** A parsed single address. */
export interface IpAddress {
    /** Address family. */
    readonly family: IpFamily;
    /** The address as an integer, comparable with {@link Cidr.network}. */
    readonly value: bigint;
    /** Canonical text. */
    readonly text: string;
}

/** A CIDR block with the name of whatever owns it, for error messages. */
export interface NamedCidr {
    /** Who owns the block, e.g. `VPC 'vpc2' vSwitch 'vsw3'`. */
    readonly name: string;
    /** The parsed block. */
    readonly cidr: Cidr;
}

/** Why a text is not an acceptable address or block; the message says how to fix it. */
export class CidrError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "CidrError";
    }
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

function familyOf(text: string): IpFamily | undefined {
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) return 4;
    if (!text.includes(".") && ipaddr.IPv6.isValid(text)) return 6;
    // IPv4-mapped IPv6 such as ::ffff:10.0.0.1 is a valid IPv6 spelling too.
    if (text.includes(":") && ipaddr.IPv6.isValid(text)) return 6;
    return undefined;
}

function toBigInt(bytes: number[]): bigint {
    let value = 0n;
    for (const b of bytes) value = (value << 8n) | BigInt(b);
    return value;
}

/** Formats an integer address of a family as canonical text. */
export function formatIp(family: IpFamily, value: bigint): string {
    const byteCount = BITS[family] / 8;
    const bytes: number[] = new Array(byteCount);
    let rest = value;
    for (let i = byteCount - 1; i >= 0; i--) {
        bytes[i] = Number(rest & 0xffn);
        rest >>= 8n;
    }
    return ipaddr.fromByteArray(bytes).toString();
}

/** Parses a single address (no prefix). Throws {@link CidrError} on anything else. */
export function parseIp(text: string): IpAddress {
    if (typeof text !== "string")
        throw new CidrError(
            `${JSON.stringify(text) ?? String(text)} is not an IP address as text; write it like 192.168.7.10.`,
        );
    const trimmed = text.trim();
    if (trimmed !== text) throw new CidrError(`'${text}' has blanks around it; write '${trimmed}'.`);
    const family = familyOf(trimmed);
    if (family === undefined) {
        throw new CidrError(`'${text}' is not an IPv4 or IPv6 address; write it like 192.168.7.10 or 2408:4000::10.`);
    }
    const value = toBigInt(ipaddr.parse(trimmed).toByteArray());
    return { family, value, text: formatIp(family, value) };
}

function mask(family: IpFamily, prefix: number): bigint {
    const bits = BITS[family];
    return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

/**
 * Parses a CIDR block. Rejects malformed text, a missing or out-of-range prefix, host bits set
 * (naming the network that was probably meant) and, when `family` is given, the other family.
 */
export function parseCidr(text: string, family?: IpFamily): Cidr {
    if (typeof text !== "string")
        throw new CidrError(
            `${JSON.stringify(text) ?? String(text)} is not a CIDR block as text; write it like 192.168.0.0/16.`,
        );
    // Strict spelling: a block is compared and passed on as written, so blanks or a prefix such
    // as /08 would reach the cloud (or a route table) as they are.
    const raw = text.trim();
    if (raw !== text) throw new CidrError(`'${text}' has blanks around it; write '${raw}'.`);
    const slash = raw.indexOf("/");
    if (slash < 0) {
        throw new CidrError(`'${text}' has no prefix length; write it as a block such as 192.168.0.0/24.`);
    }
    const addressText = raw.slice(0, slash);
    const prefixText = raw.slice(slash + 1);
    const found = familyOf(addressText);
    if (found === undefined || !/^\d{1,3}$/.test(prefixText)) {
        throw new CidrError(`'${text}' is not a CIDR block; write it like 192.168.0.0/16 or 2408:4000::/56.`);
    }
    const prefix = Number(prefixText);
    if (prefixText !== String(prefix)) {
        throw new CidrError(`'${text}' writes its prefix with a leading zero; write '${addressText}/${prefix}'.`);
    }
    if (prefix > BITS[found]) {
        throw new CidrError(
            `'${text}' has prefix /${prefix}, longer than the ${BITS[found]} bits of an IPv${found} address.`,
        );
    }
    if (family !== undefined && found !== family) {
        throw new CidrError(`'${text}' is an IPv${found} block where an IPv${family} block is expected.`);
    }
    const address = toBigInt(ipaddr.parse(addressText).toByteArray());
    const network = address & mask(found, prefix);
    const canonical = `${formatIp(found, network)}/${prefix}`;
    if (network !== address) {
        throw new CidrError(`'${text}' has host bits set; did you mean ${canonical}?`);
    }
    return { family: found, network, prefix, text: canonical };
}

/** Accepts either a parsed block or its text. */
export type CidrLike = Cidr | string;

function asCidr(block: CidrLike): Cidr {
    return typeof block === "string" ? parseCidr(block) : block;
}

/** Returns the canonical spelling of a block, e.g. `2408:4000:0::/56` → `2408:4000::/56`. */
export function normaliseCidr(text: string): string {
    return parseCidr(text).text;
}

/** Number of addresses in the block. */
export function cidrSize(block: CidrLike): bigint {
    const c = asCidr(block);
    return 1n << BigInt(BITS[c.family] - c.prefix);
}

/** The last address of the block as an integer. */
export function lastAddress(block: CidrLike): bigint {
    const c = asCidr(block);
    return c.network + cidrSize(c) - 1n;
}

/**
 * The address at `offset` inside the block as text; a negative offset counts from the end
 * (-1 is the last address). Throws if the offset falls outside the block.
 */
export function addressAt(block: CidrLike, offset: number | bigint): string {
    const c = asCidr(block);
    const size = cidrSize(c);
    const n = BigInt(offset);
    const index = n < 0n ? size + n : n;
    if (index < 0n || index >= size) {
        throw new CidrError(`offset ${offset} is outside ${c.text}, which has ${size} addresses.`);
    }
    return formatIp(c.family, c.network + index);
}

/** True when `inner` lies entirely inside `outer` (a block contains itself). */
export function cidrContains(outer: CidrLike, inner: CidrLike): boolean {
    const o = asCidr(outer);
    const i = asCidr(inner);
    return o.family === i.family && o.prefix <= i.prefix && (i.network & mask(o.family, o.prefix)) === o.network;
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: CidrLike, b: CidrLike): boolean {
    return cidrContains(a, b) || cidrContains(b, a);
}

/** True when the address lies inside the block. */
export function ipInCidr(ip: string | IpAddress, block: CidrLike): boolean {
    const address = typeof ip === "string" ? parseIp(ip) : ip;
    const c = asCidr(block);
    return address.family === c.family && (address.value & mask(c.family, c.prefix)) === c.network;
}

/**
 * Every overlapping pair among named blocks, each pair once, in input order of the first
 * member. Sweeps the blocks sorted by start address, so it stays fast for large plans.
 */
export function findOverlaps<T extends NamedCidr>(blocks: readonly T[]): Array<[T, T]> {
    const indexed = blocks.map((block, index) => ({ block, index, end: lastAddress(block.cidr) }));
    const sorted = [...indexed].sort(
        (x, y) =>
            x.block.cidr.family - y.block.cidr.family ||
            (x.block.cidr.network < y.block.cidr.network ? -1 : x.block.cidr.network > y.block.cidr.network ? 1 : 0),
    );
    const pairs: Array<{ i: number; j: number }> = [];
    let open: typeof indexed = [];
    for (const current of sorted) {
        open = open.filter(
            o => o.block.cidr.family === current.block.cidr.family && o.end >= current.block.cidr.network,
        );
        for (const o of open) {
            pairs.push(o.index < current.index ? { i: o.index, j: current.index } : { i: current.index, j: o.index });
        }
        open.push(current);
    }
    pairs.sort((p, q) => p.i - q.i || p.j - q.j);
    return pairs.map(({ i, j }) => [blocks[i], blocks[j]]);
}

/** RFC 1918 private IPv4 ranges. */
export const PRIVATE_IPV4_RANGES: readonly string[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** True when the block lies inside one of the RFC 1918 private ranges. */
export function isPrivateIpv4(block: CidrLike): boolean {
    return PRIVATE_IPV4_RANGES.some(range => cidrContains(range, block));
}

/** The first of `ranges` that the block overlaps, if any. */
export function firstOverlapping(block: CidrLike, ranges: readonly string[]): string | undefined {
    return ranges.find(range => cidrsOverlap(range, block));
}

/**
 * An address or block as resource names spell it: `192.168.7.0/24` → `192-168-7-0-24`,
 * `2408:4005::/56` → `2408-4005-56`, `::/0` → `0`. Names built from what a resource is about
 * stay the same when a list is reordered, where an index would not. The one spelling of
 * addresses in child names.
 */
export function addressSlug(text: string): string {
    return text.replace(/[.:/]+/g, "-").replace(/^-|-$/g, "");
}
