import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import {
    addressAt,
    addressSlug,
    CidrError,
    cidrContains,
    cidrSize,
    cidrsOverlap,
    findOverlaps,
    ipInCidr,
    isPrivateIpv4,
    lastAddress,
    normaliseCidr,
    parseCidr,
    parseIp,
    formatIp,
    checkCidr,
    checkNoOverlaps,
    Cidr,
} from "../components/net";
import { Problems } from "../components/errors";

describe("net: CIDR parsing", () => {
    it("parses and normalises IPv4 and IPv6 blocks", () => {
        assert.deepEqual(parseCidr("192.168.0.0/16"), {
            family: 4,
            network: 0xc0a80000n,
            prefix: 16,
            text: "192.168.0.0/16",
        });
        assert.equal(normaliseCidr("2408:4000:0:0::/56"), "2408:4000::/56");
        assert.equal(parseCidr("0.0.0.0/0").text, "0.0.0.0/0");
        assert.equal(parseCidr("::/0").family, 6);
    });

    it("rejects malformed text with a hint of the right form", () => {
        for (const bad of [
            "192.168.0/16",
            "192.168.0.0",
            "10.0.0.0/33",
            "10.0.0.0/-1",
            "abc/8",
            "2408::zz/56",
            "10.0.0.0/8/8",
            "",
        ]) {
            assert.throws(() => parseCidr(bad), CidrError, bad);
        }
        assert.throws(() => parseCidr("10.0.0.0/33"), /longer than the 32 bits/);
        assert.throws(() => parseCidr("192.168.0.0"), /no prefix length/);
    });

    it("refuses what it would otherwise pass on as written: blanks, a zero-padded prefix, octal-looking octets, non-text", () => {
        assert.throws(() => parseCidr(" 10.0.0.0/8 "), /' 10.0.0.0\/8 ' has blanks around it; write '10.0.0.0\/8'/);
        assert.throws(() => parseCidr("10.0.0.0/08"), /leading zero; write '10.0.0.0\/8'/);
        assert.throws(() => parseCidr("010.0.0.0/8"), /is not a CIDR block/);
        assert.throws(() => parseCidr(8 as unknown as string), /8 is not a CIDR block as text/);
        assert.throws(() => parseIp(" 10.0.0.1"), /has blanks around it/);
        assert.throws(() => parseIp(null as unknown as string), /null is not an IP address as text/);
        const problems = new Problems();
        assert.equal(checkCidr(problems, "cidrBlock", { a: 1 } as unknown as string), undefined);
        assert.match(problems.list[0].message, /\{"a":1\} is not a CIDR block as text/);
    });

    it("rejects host bits and names the network that was meant", () => {
        assert.throws(() => parseCidr("192.168.7.1/24"), /host bits set; did you mean 192\.168\.7\.0\/24\?/);
        assert.throws(() => parseCidr("2408:4000::1/56"), /did you mean 2408:4000::\/56\?/);
    });

    it("rejects the wrong family when one is asked for", () => {
        assert.throws(() => parseCidr("2408:4000::/56", 4), /IPv6 block where an IPv4 block is expected/);
        assert.throws(() => parseCidr("10.0.0.0/8", 6), /IPv4 block where an IPv6 block is expected/);
    });

    it("parses single addresses and formats them back", () => {
        assert.equal(parseIp("192.168.7.10").value, 0xc0a8070an);
        assert.equal(parseIp("2408:4000:0::10").text, "2408:4000::10");
        assert.throws(() => parseIp("192.168.7"), /not an IPv4 or IPv6 address/);
        assert.throws(() => parseIp("10.0.0.0/8"), CidrError);
        assert.equal(formatIp(4, 0x0a000001n), "10.0.0.1");
    });
});

describe("net: CIDR maths", () => {
    it("computes sizes, ends and addresses at offsets", () => {
        assert.equal(cidrSize("192.168.7.0/24"), 256n);
        assert.equal(cidrSize("2408:4000::/64"), 1n << 64n);
        assert.equal(formatIp(4, lastAddress("172.16.0.0/12")), "172.31.255.255");
        assert.equal(addressAt("192.168.7.0/24", 10), "192.168.7.10");
        assert.equal(addressAt("192.168.7.0/24", -3), "192.168.7.253");
        assert.throws(() => addressAt("192.168.7.0/30", 4), /outside 192\.168\.7\.0\/30/);
    });

    it("answers contains and overlaps, never across families", () => {
        assert.ok(cidrContains("172.16.0.0/12", "172.16.6.0/24"));
        assert.ok(!cidrContains("172.16.6.0/24", "172.16.0.0/12"));
        assert.ok(cidrsOverlap("192.168.8.0/24", "192.168.8.0/25"));
        assert.ok(!cidrsOverlap("192.168.8.0/24", "192.168.7.0/24"));
        assert.ok(!cidrsOverlap("0.0.0.0/0", "::/0"));
        assert.ok(ipInCidr("192.168.7.10", "192.168.7.0/24"));
        assert.ok(!ipInCidr("192.168.8.10", "192.168.7.0/24"));
        assert.ok(!ipInCidr("::1", "0.0.0.0/0"));
    });

    it("knows the RFC 1918 private ranges", () => {
        assert.ok(isPrivateIpv4("10.1.3.0/24"));
        assert.ok(isPrivateIpv4("172.16.0.0/12"));
        assert.ok(!isPrivateIpv4("172.32.0.0/16"));
        assert.ok(!isPrivateIpv4("100.64.0.0/10"));
    });

    it("finds every overlapping pair among named blocks, in input order", () => {
        const named = (name: string, text: string) => ({ name, cidr: parseCidr(text) });
        const pairs = findOverlaps([
            named("a", "10.0.0.0/8"),
            named("b", "192.168.0.0/16"),
            named("c", "10.1.0.0/16"),
            named("d", "10.1.2.0/24"),
            named("e", "2408::/56"),
            named("f", "172.16.0.0/12"),
        ]);
        assert.deepEqual(
            pairs.map(([x, y]) => `${x.name}-${y.name}`),
            ["a-c", "a-d", "c-d"],
        );
    });

    it("spells an address or block for a child name, one way for both families", () => {
        assert.equal(addressSlug("192.168.7.0/24"), "192-168-7-0-24");
        assert.equal(addressSlug("2408:4005::/56"), "2408-4005-56");
        // No separator left at either end: `::/0` in a rule's name is `…-icmpv6-0`, not `…-icmpv6--0`.
        assert.equal(addressSlug("::/0"), "0");
        assert.equal(addressSlug("::1"), "1");
    });
});

describe("net: checks record problems instead of throwing", () => {
    it("collects every bad block and every overlap with both owners named", () => {
        const problems = new Problems();
        assert.equal(checkCidr(problems, "a.cidrBlock", "10.0.0.1/8", 4), undefined);
        assert.equal(checkCidr(problems, "b.cidrBlock", "2408::/56", 4), undefined);
        const x = checkCidr(problems, "x", "192.168.8.0/24")!;
        const y = checkCidr(problems, "y", "192.168.8.0/25")!;
        checkNoOverlaps(
            problems,
            [
                { name: "vSwitch 'vsw3'", cidr: x, path: "vSwitches.vsw3.cidrBlock" },
                { name: "vSwitch 'vsw4'", cidr: y, path: "vSwitches.vsw4.cidrBlock" },
            ],
            "Give each vSwitch a disjoint block.",
        );
        assert.deepEqual(
            problems.list.map(p => p.path),
            ["a.cidrBlock", "b.cidrBlock", "vSwitches.vsw4.cidrBlock"],
        );
        assert.match(problems.list[0].message, /did you mean 10\.0\.0\.0\/8/);
        assert.equal(problems.list[2].message, "vSwitch 'vsw4' 192.168.8.0/25 overlaps vSwitch 'vsw3' 192.168.8.0/24.");
    });
});

describe("net: laws (property tests)", () => {
    const ipv4Block = fc
        .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
        .map(([address, prefix]): Cidr => {
            const size = 2 ** (32 - prefix);
            const network = Math.floor(address / size) * size;
            return parseCidr(`${formatIp(4, BigInt(network))}/${prefix}`);
        });
    const ipv6Block = fc
        .tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 }))
        .map(([address, prefix]): Cidr => {
            const host = (1n << BigInt(128 - prefix)) - 1n;
            return parseCidr(`${formatIp(6, address & ~host)}/${prefix}`);
        });
    const block = fc.oneof(ipv4Block, ipv6Block);

    it("normalising is idempotent and round-trips", () => {
        fc.assert(fc.property(block, c => parseCidr(c.text).text === c.text && normaliseCidr(c.text) === c.text));
    });

    it("overlap is symmetric and reflexive", () => {
        fc.assert(fc.property(block, block, (a, b) => cidrsOverlap(a, b) === cidrsOverlap(b, a) && cidrsOverlap(a, a)));
    });

    it("containment is transitive and implies overlap", () => {
        fc.assert(
            fc.property(ipv4Block, ipv4Block, ipv4Block, (a, b, c) => {
                if (cidrContains(a, b) && cidrContains(b, c)) return cidrContains(a, c) && cidrsOverlap(a, c);
                return true;
            }),
        );
    });

    it("two blocks of one family either nest or are disjoint", () => {
        fc.assert(
            fc.property(
                ipv4Block,
                ipv4Block,
                (a, b) =>
                    cidrsOverlap(a, b) === (cidrContains(a, b) || cidrContains(b, a)) &&
                    cidrsOverlap(a, b) === !(lastAddress(a) < b.network || lastAddress(b) < a.network),
            ),
        );
    });

    it("findOverlaps agrees with checking every pair", () => {
        fc.assert(
            fc.property(fc.array(ipv4Block, { maxLength: 12 }), blocks => {
                const named = blocks.map((cidr, i) => ({ name: String(i), cidr }));
                const fast = findOverlaps(named).map(([x, y]) => `${x.name}-${y.name}`);
                const slow: string[] = [];
                for (let i = 0; i < blocks.length; i++) {
                    for (let j = i + 1; j < blocks.length; j++)
                        if (cidrsOverlap(blocks[i], blocks[j])) slow.push(`${i}-${j}`);
                }
                assert.deepEqual(fast, slow);
            }),
        );
    });

    it("every address at an offset lies in its block", () => {
        fc.assert(
            fc.property(ipv4Block, fc.nat(), (c, n) => {
                const offset = BigInt(n) % cidrSize(c);
                return ipInCidr(addressAt(c, offset), c);
            }),
        );
    });
});
