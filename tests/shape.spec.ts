import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { Problems } from "../components/errors";
import * as alicloud from "../components/sdk/alicloud";
import {
    argsShape,
    checkShape,
    describeValue,
    input,
    instanceOf,
    providerOf,
    text,
    wholeNumber,
} from "../components/shape";

const schema = z.strictObject({
    name: text,
    count: z.number().int().min(1),
    mode: z.enum(["a", "b"]).optional(),
    address: input(z.string()),
    items: z.array(z.strictObject({ port: z.number().int() })).optional(),
    groups: z.record(z.string(), z.strictObject({ id: z.string() })).optional(),
});

function problemsOf(value: unknown) {
    const problems = new Problems();
    const ok = checkShape(problems.under("args"), schema, value);
    return { ok, list: problems.list };
}

describe("shape checks", () => {
    it("accepts a fitting value, an Output where an Input is allowed", () => {
        assert.equal(problemsOf({ name: "x", count: 1, address: "10.0.0.1" }).ok, true);
        assert.equal(problemsOf({ name: "x", count: 1, address: pulumi.output("10.0.0.1") }).ok, true);
    });

    it("reports each bad field with its path, the value found and a fix, all at once", () => {
        const { ok, list } = problemsOf({
            name: " x",
            count: NaN,
            mode: "c",
            address: 5,
            items: [{ port: 1.5 }],
            groups: { g: { id: null } },
        });
        assert.equal(ok, false);
        assert.deepEqual(
            list.map(p => p.path),
            ["args.name", "args.count", "args.mode", "args.address", "args.items[0].port", "args.groups.g.id"],
        );
        assert.match(list[0].message, /" x": has leading or trailing blanks/);
        assert.match(list[1].message, /got NaN/);
        assert.match(list[2].fix!, /Use one of: "a", "b"/);
        assert.match(list[3].message, /expected string, got 5/);
        assert.ok(
            list.every(p => p.fix),
            "every problem says how to fix it",
        );
    });

    it("names a missing field as required, and refuses Infinity, control characters and empty names", () => {
        const { list } = problemsOf({ name: "a\u0000b", count: Infinity });
        assert.deepEqual(
            list.map(p => [p.path, p.message]),
            [
                ["args.name", '"a\\u0000b": contains a control character.'],
                ["args.count", "expected number, got Infinity."],
                ["args.address", "is required (expected string)."],
            ],
        );
        assert.match(problemsOf({ name: "", count: 1, address: "x" }).list[0].message, /is empty/);
    });

    it("suggests the key a misspelt one meant, at nested levels too, and never takes a prototype name", () => {
        const { list } = problemsOf({
            name: "x",
            count: 1,
            address: "a",
            mdoe: "a",
            items: [{ port: 1, prot: 2 }],
            toString: 1,
        });
        assert.deepEqual(
            list.map(p => [p.path, p.fix]),
            [
                ["args.items[0].prot", "Did you mean 'port'?"],
                ["args.mdoe", "Did you mean 'mode'?"],
                ["args.toString", "Remove it; the inputs here are: name, count, mode, address, items, groups."],
            ],
        );
    });

    it("says what is wrong with a refused map key, at the key's path", () => {
        const keyed = z.strictObject({ groups: z.record(text, z.number()) });
        const problems = new Problems();
        assert.equal(checkShape(problems, keyed, { groups: { "": 1, " b": 2, c: 3 } }), false);
        assert.deepEqual(
            problems.list.map(p => [p.path, p.message, p.fix]),
            [
                ["groups", 'the key "" is empty.', "Give a value, or leave the input out."],
                ["groups. b", 'the key " b" has leading or trailing blanks.', "Remove the blanks."],
            ],
        );
    });

    it("refuses an own __proto__ key (JSON and YAML make one), which zod passes over in a map unchecked", () => {
        const keyed = z.strictObject({ groups: z.record(z.string(), z.strictObject({ id: z.string() })) });
        const problems = new Problems();
        const parsed = JSON.parse('{"groups": {"__proto__": {"id": 7}, "g": {"id": "x"}}}');
        assert.equal(checkShape(problems.under("args"), keyed, parsed), false);
        assert.deepEqual(
            problems.list.map(p => [p.path, p.message]),
            [["args.groups.__proto__", "'__proto__' is not accepted as a name."]],
        );
        // A strict object reports it as an unknown key, once.
        const strict = new Problems();
        assert.equal(checkShape(strict, keyed, JSON.parse('{"groups": {}, "__proto__": 1}')), false);
        assert.deepEqual(
            strict.list.map(p => p.path),
            ["__proto__"],
        );
    });

    it("calls a whole number a whole number", () => {
        const problems = new Problems();
        checkShape(problems, z.strictObject({ count: z.number().int() }), { count: 1.5 });
        assert.deepEqual(problems.list, [
            { path: "count", message: "expected whole number, got 1.5.", fix: "Write a whole number here." },
        ]);
    });

    it("checks instances of a class, and describes values for messages", () => {
        class Vpc {}
        const problems = new Problems();
        assert.equal(
            checkShape(problems, z.strictObject({ vpc: instanceOf(Vpc, "RegionalVpc") }), { vpc: { region: "x" } }),
            false,
        );
        assert.deepEqual(problems.list, [
            {
                path: "vpc",
                message: '{"region":"x"}: is not a RegionalVpc.',
                fix: "Pass the RegionalVpc object itself (the component, not its args or id).",
            },
        ]);
        assert.equal(describeValue(undefined), "missing");
        assert.equal(describeValue("x".repeat(100)).length, 60);
        assert.equal(describeValue(pulumi.output(1)), "an Output");
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        assert.equal(describeValue(circular), "[object Object]");
    });
});

describe("shape checks of unions, map keys, whole numbers and providers", () => {
    const byId = z.strictObject({ id: text, cidrBlock: text });
    const byName = z.strictObject({ vpc: z.strictObject({ region: text }), name: text });
    const shape = z.strictObject({
        vSwitch: z.union([byId, byName]),
        tags: z.record(text, z.string()).optional(),
        count: wholeNumber(1, 10).optional(),
        provider: providerOf(alicloud.Provider, "alicloud").optional(),
    });
    const problemsOf = (value: unknown) => {
        const problems = new Problems();
        checkShape(problems, shape, value);
        return problems.list.map(p => [p.path, p.message, p.fix]);
    };

    it("tells a value fitting no form of a union what is wrong with the form it comes closest to", () => {
        assert.deepEqual(problemsOf({ vSwitch: { vpc: { region: "x" }, nmae: "web" } }), [
            ["vSwitch.name", "is required (expected string).", "Add it."],
            ["vSwitch.nmae", "'nmae' is not an input here.", "Did you mean 'name'?"],
        ]);
        assert.deepEqual(problemsOf({ vSwitch: null }), [
            ["vSwitch", "expected object, got null.", "Write an object here."],
        ]);
        // A key of the other form is not an input of the form written, and never suggested as itself.
        assert.deepEqual(problemsOf({ vSwitch: { id: "a", cidrBlock: "b", name: "web" } }), [
            ["vSwitch.name", "'name' is not an input here.", "Remove it; the inputs here are: id, cidrBlock."],
        ]);
    });

    it("judges a union zod resolved to one member by itself against the form the caller wrote", () => {
        // The enum mismatch aborts the first form and the second's issues do not abort (a custom id check, as
        // `input()` makes), so zod reports only the second's: "packageId is required" and two unknown keys.
        const bandwidth = z.strictObject({
            shared: z.union([
                z.strictObject({ bandwidth: z.number(), chargeType: z.enum(["PayByBandwidth", "PayBy95"]).optional() }),
                z.strictObject({ packageId: input(z.string()) }),
            ]),
        });
        const problems = new Problems();
        checkShape(problems, bandwidth, { shared: { bandwidth: 30, chargeType: "PayByTraffic" } });
        assert.deepEqual(
            problems.list.map(p => [p.path, p.message]),
            [["shared.chargeType", '"PayByTraffic" is not accepted.']],
        );
    });

    it("takes a list with a bad item for the list form of a word-or-list union, not for the word", () => {
        const peerings = z.strictObject({
            peerings: z.union([z.literal("full-mesh"), z.array(z.strictObject({ bandwidthMbps: z.number() }))]),
        });
        const found = (value: unknown) => {
            const problems = new Problems();
            checkShape(problems, peerings, { peerings: value });
            return problems.list.map(p => `${p.path}: ${p.message}`);
        };
        assert.deepEqual(found([{ bandwidthMbps: Infinity }]), [
            "peerings[0].bandwidthMbps: expected number, got Infinity.",
        ]);
        assert.deepEqual(found(" full-mesh"), ['peerings: " full-mesh" is not accepted.']);
    });

    it("names the values a discriminated union's discriminator takes", () => {
        const policy = z.strictObject({
            policy: z.discriminatedUnion("mode", [
                z.strictObject({ mode: z.literal("failover") }),
                z.strictObject({ mode: z.literal("distribution") }),
            ]),
        });
        const problems = new Problems();
        checkShape(problems, policy, { policy: { mode: "weighted" } });
        assert.deepEqual(
            problems.list.map(p => [p.path, p.message, p.fix]),
            [["policy.mode", '"weighted" is not accepted.', 'Use one of: "failover", "distribution".']],
        );
    });

    it("quotes a bad map key, not the value under it", () => {
        assert.deepEqual(problemsOf({ vSwitch: { id: "a", cidrBlock: "b" }, tags: { " env": "dev" } }), [
            ["tags. env", 'the key " env" has leading or trailing blanks.', "Remove the blanks."],
        ]);
    });

    it("refuses fractions, NaN, Infinity and numbers out of range where a whole number is asked for", () => {
        for (const count of [0, 11, 1.5, -1]) {
            assert.deepEqual(problemsOf({ vSwitch: { id: "a", cidrBlock: "b" }, count }), [
                ["count", `${count}: is not a whole number from 1 to 10.`, "Use a whole number from 1 to 10."],
            ]);
        }
        for (const count of [NaN, Infinity]) {
            assert.deepEqual(
                problemsOf({ vSwitch: { id: "a", cidrBlock: "b" }, count }).map(p => p[1]),
                [`expected number, got ${count}.`],
            );
        }
    });

    it("takes a provider of the package, recognised by its type token, and nothing else", () => {
        const provider = new alicloud.Provider("p", { region: "cn-hangzhou" });
        assert.deepEqual(problemsOf({ vSwitch: { id: "a", cidrBlock: "b" }, provider }), []);
        // A provider made by another copy of the package is another class with the same type token.
        const elsewhere = Object.assign(Object.create(null), { __pulumiType: "pulumi:providers:alicloud" });
        assert.deepEqual(problemsOf({ vSwitch: { id: "a", cidrBlock: "b" }, provider: elsewhere }), []);
        assert.deepEqual(problemsOf({ vSwitch: { id: "a", cidrBlock: "b" }, provider: { region: "cn-hangzhou" } }), [
            [
                "provider",
                '{"region":"cn-hangzhou"}: is not a provider of the alicloud package.',
                "Pass a provider resource (new alicloud.Provider(...)), or leave the input out.",
            ],
        ]);
    });
});

describe("argsShape", () => {
    it("ties a schema to its args interface at compile time, and checks at run time", () => {
        interface Args {
            /** A name. */
            name: string;
            count?: number;
        }
        const shape = argsShape<Args>()(z.strictObject({ name: text, count: z.number().int().optional() }));
        // @ts-expect-error a schema missing a field of the interface does not compile
        argsShape<Args>()(z.strictObject({ name: text }));
        // @ts-expect-error nor one typing a field differently
        argsShape<Args>()(z.strictObject({ name: text, count: z.string().optional() }));
        const problems = new Problems();
        assert.equal(checkShape(problems, shape, { name: "x", count: 2 }), true);
        assert.equal(checkShape(problems, shape, { name: "x", cuont: 2 }), false);
        assert.equal(problems.list[0].fix, "Did you mean 'count'?");
    });
});
