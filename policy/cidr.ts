/**
 * The pack's own address maths: enough to read a source block however it is spelled and to tell
 * whether a set of blocks covers a whole address family. The pack is published on its own
 * (`pulumi policy publish policy/`), so it cannot use the components' `net` module or ipaddr.js.
 *
 * Reading is lenient where the components are strict, because the pack judges what a cloud would
 * admit, not what a component accepts: surrounding blanks are dropped ("0.0.0.0/0 " reaches
 * Alibaba Cloud as written: alicloud_security_group_rule's `cidr_ip` has no ValidateFunc,
 * aliyun/terraform-provider-alicloud alicloud/resource_alicloud_security_group_rule.go), IPv6 is
 * read in any spelling (`0::/0`, `::0/0`, uncompressed groups, upper case: the AWS provider
 * compares blocks by their parsed form, `CIDRBlocksEqual` in hashicorp/terraform-provider-aws
 * internal/types/cidr_block.go, and the Alibaba provider compresses `ipv6_cidr_ip` before
 * comparing, `compressIPv6OrCIDR`), an address without a prefix is a single host, and host bits
 * are masked off (the widest reading of a block such as `10.0.0.1/0`).
 */

/** 4 for IPv4, 6 for IPv6. */
export type Family = 4 | 6;

/** Address bits per family. */
export const FAMILY_BITS: Readonly<Record<Family, number>> = { 4: 32, 6: 128 };

/** A source block: its family, first and last address, and its canonical text. */
export interface Block {
    readonly family: Family;
    readonly first: bigint;
    readonly last: bigint;
    readonly prefix: number;
    /** Canonical text, e.g. `0.0.0.0/1` or `::/0` (IPv6 compressed as RFC 5952 writes it). */
    readonly text: string;
}

function parseIpv4(text: string): bigint | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every(p => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
    // Leading zeros read as decimal (never octal): the widest reading of what was meant.
    return parts.reduce((value, p) => (value << 8n) | BigInt(Number(p)), 0n);
}

function parseGroups(text: string): number[] | undefined {
    if (text === "") return [];
    const groups: number[] = [];
    const parts = text.split(":");
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (i === parts.length - 1 && part.includes(".")) {
            // An IPv4 tail (::ffff:10.0.0.1) is the last two groups.
            const v4 = parseIpv4(part);
            if (v4 === undefined) return undefined;
            groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
        } else if (/^[0-9a-f]{1,4}$/.test(part)) {
            groups.push(parseInt(part, 16));
        } else {
            return undefined;
        }
    }
    return groups;
}

function parseIpv6(text: string): bigint | undefined {
    const halves = text.split("::");
    if (halves.length > 2) return undefined;
    const head = parseGroups(halves[0]);
    const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
    if (head === undefined || tail === undefined) return undefined;
    const missing = 8 - head.length - tail.length;
    if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
    const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
    return groups.reduce((value, g) => (value << 16n) | BigInt(g), 0n);
}

/** Canonical text of an address: dotted decimal, or IPv6 with the longest run of zero groups as `::`. */
export function formatAddress(family: Family, value: bigint): string {
    if (family === 4) return [24n, 16n, 8n, 0n].map(shift => String((value >> shift) & 0xffn)).join(".");
    const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
    let best = { start: -1, length: 0 };
    for (let i = 0; i < 8;) {
        let j = i;
        while (j < 8 && groups[j] === 0) j++;
        if (j - i > best.length) best = { start: i, length: j - i };
        i = j === i ? i + 1 : j;
    }
    const hex = groups.map(g => g.toString(16));
    // RFC 5952 4.2.2: a single zero group is not compressed.
    if (best.length < 2) return hex.join(":");
    return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

/**
 * Reads a source block, or returns undefined for anything that is not one (a number, an object,
 * malformed text): such a value is the provider's to refuse, and no address this pack can judge.
 */
export function parseBlock(value: unknown): Block | undefined {
    if (typeof value !== "string") return undefined;
    const text = value.trim().toLowerCase();
    const slash = text.indexOf("/");
    const address = slash < 0 ? text : text.slice(0, slash);
    const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
    const v4 = parseIpv4(address);
    const family: Family | undefined = v4 !== undefined ? 4 : address.includes(":") ? 6 : undefined;
    const parsed = family === 4 ? v4 : family === 6 ? parseIpv6(address) : undefined;
    if (family === undefined || parsed === undefined) return undefined;
    const bits = FAMILY_BITS[family];
    if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    if (prefix > bits) return undefined;
    const size = 1n << BigInt(bits - prefix);
    const first = parsed & ~(size - 1n);
    return { family, first, last: first + size - 1n, prefix, text: `${formatAddress(family, first)}/${prefix}` };
}

/** The last address of a family. */
function familyEnd(family: Family): bigint {
    return (1n << BigInt(FAMILY_BITS[family])) - 1n;
}

/** True when the block alone is the whole family: 0.0.0.0/0 or ::/0, however written. */
export function isWorld(block: Block): boolean {
    return block.prefix === 0;
}

/**
 * The fewest of `blocks` that together cover every address of `family`, in address order, or
 * undefined when all of them together leave a gap. Blocks of the other family are ignored.
 * Greedy: from the lowest uncovered address, take the block reaching furthest.
 */
export function worldCover<T extends { block: Block }>(items: readonly T[], family: Family): T[] | undefined {
    const sorted = items
        .filter(i => i.block.family === family)
        .sort((a, b) => (a.block.first < b.block.first ? -1 : a.block.first > b.block.first ? 1 : 0));
    const end = familyEnd(family);
    const chosen: T[] = [];
    let next = 0n;
    let i = 0;
    while (next <= end) {
        let best: T | undefined;
        for (; i < sorted.length && sorted[i].block.first <= next; i++) {
            if (!best || sorted[i].block.last > best.block.last) best = sorted[i];
        }
        if (!best || best.block.last < next) return undefined;
        chosen.push(best);
        next = best.block.last + 1n;
    }
    return chosen;
}
