/** The pack's own address reading (policy/cidr.ts): every spelling a cloud may receive. */
import * as assert from "node:assert/strict";
import { parseBlock, worldCover } from "../policy/cidr";

const text = (value: unknown) => parseBlock(value)?.text;

describe("policy pack address reading", () => {
    it("reads the world however it is written", () => {
        for (const world of [
            "0.0.0.0/0",
            " 0.0.0.0/0",
            "0.0.0.0/0 ",
            "\t0.0.0.0/0\n",
            "000.000.000.000/0",
            "10.1.2.3/0",
        ])
            assert.equal(text(world), "0.0.0.0/0", JSON.stringify(world));
        for (const world of [
            "::/0",
            "0::/0",
            "::0/0",
            "0:0:0:0:0:0:0:0/0",
            "0000:0000:0000:0000:0000:0000:0000:0000/0",
            " ::/00 ",
        ])
            assert.equal(text(world), "::/0", JSON.stringify(world));
    });

    it("writes IPv6 as RFC 5952 does, reads IPv4 tails, single hosts and masks host bits", () => {
        assert.equal(text("2408:4005:03A0:6C01:0000:0000:0000:0000/64"), "2408:4005:3a0:6c01::/64");
        assert.equal(text("2001:db8:0:1:0:0:0:1/128"), "2001:db8:0:1::1/128");
        assert.equal(text("2001:db8:0:0:1:0:0:1/128"), "2001:db8::1:0:0:1/128");
        assert.equal(text("2001:db8:0:1:1:1:1:1/128"), "2001:db8:0:1:1:1:1:1/128");
        assert.equal(text("::ffff:10.0.0.1"), "::ffff:a00:1/128");
        assert.equal(text("192.168.7.10"), "192.168.7.10/32");
        assert.equal(text("192.168.7.10/24"), "192.168.7.0/24");
    });

    it("ignores what is no block: other types, malformed text, out-of-range prefixes", () => {
        for (const value of [
            undefined,
            null,
            0,
            42,
            true,
            {},
            ["0.0.0.0/0"],
            "",
            "any",
            "0.0.0.0/33",
            "::/129",
            "1.2.3/8",
            "256.0.0.0/8",
            "1::2::3/64",
            "1:2:3:4:5:6:7:8:9/64",
            "0.0.0.0/-1",
            "0.0.0.0/0/0",
            "fe80::1%eth0/64",
        ])
            assert.equal(parseBlock(value), undefined, JSON.stringify(value));
    });

    it("covers a family with the fewest blocks, or not at all when a gap is left", () => {
        const items = ["10.0.0.0/8", "0.0.0.0/1", "128.0.0.0/2", "0.0.0.0/2", "192.0.0.0/2", "::/0"].map(t => ({
            block: parseBlock(t)!,
        }));
        assert.deepEqual(
            worldCover(items, 4)?.map(i => i.block.text),
            ["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/2"],
        );
        assert.deepEqual(
            worldCover(items, 6)?.map(i => i.block.text),
            ["::/0"],
        );
        assert.equal(worldCover(items.slice(0, 4), 4), undefined);
        assert.equal(worldCover([], 4), undefined);
    });
});
