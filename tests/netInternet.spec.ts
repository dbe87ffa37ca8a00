/** Which source lists open a port to the whole internet, and the one wording of that rule. */
import * as assert from "node:assert/strict";
import { Problems } from "../components/errors";
import { checkWorldSources, coversInternet, parseCidr } from "../components/net";

const blocks = (...texts: string[]) => texts.map(t => parseCidr(t));
const placed = (...texts: string[]) => texts.map((t, i) => ({ path: `sources[${i}]`, cidr: parseCidr(t) }));

describe("net: coverage of the internet", () => {
    it("counts 0.0.0.0/0 and ::/0, and any set of blocks that covers every public address", () => {
        assert.equal(coversInternet(blocks("0.0.0.0/0"), 4), true);
        assert.equal(coversInternet(blocks("::/0"), 6), true);
        assert.equal(coversInternet(blocks("0.0.0.0/1", "128.0.0.0/1"), 4), true);
        // IANA allocates only 2000::/3 to registries: that is the whole IPv6 internet.
        assert.equal(coversInternet(blocks("2000::/3"), 6), true);
        assert.equal(coversInternet(blocks("2000::/4", "3000::/4"), 6), true);
        // Every public IPv4 block (0.0.0.0/0 less the special-purpose ones, computed with Python's ipaddress).
        const publicOnly = [
            "1.0.0.0/8",
            "2.0.0.0/7",
            "4.0.0.0/6",
            "8.0.0.0/7",
            "11.0.0.0/8",
            "12.0.0.0/6",
            "16.0.0.0/4",
            "32.0.0.0/3",
            "64.0.0.0/3",
            "96.0.0.0/6",
            "100.0.0.0/10",
            "100.128.0.0/9",
            "101.0.0.0/8",
            "102.0.0.0/7",
            "104.0.0.0/5",
            "112.0.0.0/5",
            "120.0.0.0/6",
            "124.0.0.0/7",
            "126.0.0.0/8",
            "128.0.0.0/3",
            "160.0.0.0/5",
            "168.0.0.0/8",
            "169.0.0.0/9",
            "169.128.0.0/10",
            "169.192.0.0/11",
            "169.224.0.0/12",
            "169.240.0.0/13",
            "169.248.0.0/14",
            "169.252.0.0/15",
            "169.255.0.0/16",
            "170.0.0.0/7",
            "172.0.0.0/12",
            "172.32.0.0/11",
            "172.64.0.0/10",
            "172.128.0.0/9",
            "173.0.0.0/8",
            "174.0.0.0/7",
            "176.0.0.0/4",
            "192.0.1.0/24",
            "192.0.3.0/24",
            "192.0.4.0/22",
            "192.0.8.0/21",
            "192.0.16.0/20",
            "192.0.32.0/19",
            "192.0.64.0/18",
            "192.0.128.0/17",
            "192.1.0.0/16",
            "192.2.0.0/15",
            "192.4.0.0/14",
            "192.8.0.0/13",
            "192.16.0.0/12",
            "192.32.0.0/11",
            "192.64.0.0/10",
            "192.128.0.0/11",
            "192.160.0.0/13",
            "192.169.0.0/16",
            "192.170.0.0/15",
            "192.172.0.0/14",
            "192.176.0.0/12",
            "192.192.0.0/10",
            "193.0.0.0/8",
            "194.0.0.0/7",
            "196.0.0.0/7",
            "198.0.0.0/12",
            "198.16.0.0/15",
            "198.20.0.0/14",
            "198.24.0.0/13",
            "198.32.0.0/12",
            "198.48.0.0/15",
            "198.50.0.0/16",
            "198.51.0.0/18",
            "198.51.64.0/19",
            "198.51.96.0/22",
            "198.51.101.0/24",
            "198.51.102.0/23",
            "198.51.104.0/21",
            "198.51.112.0/20",
            "198.51.128.0/17",
            "198.52.0.0/14",
            "198.56.0.0/13",
            "198.64.0.0/10",
            "198.128.0.0/9",
            "199.0.0.0/8",
            "200.0.0.0/7",
            "202.0.0.0/8",
            "203.0.0.0/18",
            "203.0.64.0/19",
            "203.0.96.0/20",
            "203.0.112.0/24",
            "203.0.114.0/23",
            "203.0.116.0/22",
            "203.0.120.0/21",
            "203.0.128.0/17",
            "203.1.0.0/16",
            "203.2.0.0/15",
            "203.4.0.0/14",
            "203.8.0.0/13",
            "203.16.0.0/12",
            "203.32.0.0/11",
            "203.64.0.0/10",
            "203.128.0.0/9",
            "204.0.0.0/6",
            "208.0.0.0/4",
        ];
        assert.equal(coversInternet(blocks(...publicOnly), 4), true);
        assert.equal(coversInternet(blocks(...publicOnly.slice(1)), 4), false);
    });

    it("does not count wide but partial or private lists", () => {
        assert.equal(coversInternet(blocks("0.0.0.0/1"), 4), false);
        assert.equal(coversInternet(blocks("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"), 4), false);
        assert.equal(coversInternet(blocks("2408:4000::/20"), 6), false);
        assert.equal(coversInternet(blocks("fc00::/7", "fe80::/10"), 6), false);
        // The other family's blocks say nothing about this one.
        assert.equal(coversInternet(blocks("::/0"), 4), false);
    });
});

describe("net: checkWorldSources", () => {
    const rule = { what: "backend port 80", allow: { field: "allowWorldSources", allowed: false } };

    it("refuses a world-open list at the block that opens it, or at the list, saying how to open it on purpose", () => {
        const one = new Problems();
        assert.equal(checkWorldSources(one, "sources", placed("10.0.0.0/8", "0.0.0.0/0"), rule), undefined);
        assert.deepEqual(one.list, [
            {
                path: "sources[1]",
                message:
                    "0.0.0.0/0 covers every public IPv4 address: backend port 80 would be open to the whole internet.",
                fix: "List only the blocks that must reach it, or set allowWorldSources: true to open it on purpose (the plan then warns).",
            },
        ]);
        const split = new Problems();
        checkWorldSources(split, "sources", placed("0.0.0.0/1", "128.0.0.0/1", "::/0"), rule);
        assert.deepEqual(
            split.list.map(p => [p.path, p.message]),
            [
                [
                    "sources",
                    "0.0.0.0/1, 128.0.0.0/1 together cover every public IPv4 address: backend port 80 would be open to the whole internet.",
                ],
                [
                    "sources[2]",
                    "::/0 covers every public IPv6 address: backend port 80 would be open to the whole internet.",
                ],
            ],
        );
    });

    it("returns the warning when the list is allowed, and refuses with no way round when there is no allow field", () => {
        const allowed = new Problems();
        const warning = checkWorldSources(allowed, "sources", placed("::/0"), {
            ...rule,
            allow: { field: "allowWorldSources", allowed: true },
        });
        assert.deepEqual(allowed.list, []);
        assert.equal(
            warning,
            "backend port 80 is open to the whole IPv6 internet (::/0), as allowWorldSources allows.",
        );
        const strict = new Problems();
        checkWorldSources(strict, "allowedSources", placed("0.0.0.0/0"), { what: "the API server" });
        assert.equal(
            strict.list[0].fix,
            "List only the blocks that must reach it, e.g. your office's or VPN's egress block.",
        );
        const fine = new Problems();
        assert.equal(checkWorldSources(fine, "sources", placed("203.0.113.0/24", "2001:db8::/32"), rule), undefined);
        assert.deepEqual(fine.list, []);
    });
});
