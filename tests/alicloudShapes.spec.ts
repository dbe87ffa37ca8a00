import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { TopologyValidationError, Problems } from "../components/errors";
import { alibabaId, checkedId } from "../components/alicloud/ids";
import { ALIBABA_TAGS, MAX_TAGS } from "../components/alicloud/tags";
import { checkShape } from "../components/shape";
import { settle } from "./mocks";

function problemsOf(schema: z.ZodType, value: unknown): Array<[string, string]> {
    const problems = new Problems();
    checkShape(problems.under("x"), schema, value);
    return problems.list.map(p => [p.path, p.message]);
}

describe("Alibaba Cloud ids", () => {
    it("take their kind's prefix and lowercase letters and digits, as the provider's examples show them", () => {
        for (const id of ["vsw-uf63gbmvwgreao66opmie", "vsw-1", "vsw-bp1web0000000000000"]) {
            assert.deepEqual(problemsOf(alibabaId("vSwitch"), id), [], id);
        }
        for (const id of ["", "vsw-", " vsw-1", "vsw-1 ", "vsw-A1", "vpc-1", "toString", "vsw-1\u0000"]) {
            assert.deepEqual(
                problemsOf(alibabaId("vSwitch"), id),
                [["x", `${JSON.stringify(id)}: is not a vSwitch id (vsw- and lowercase letters and digits).`]],
                id,
            );
        }
        assert.deepEqual(problemsOf(alibabaId("instance"), 7), [["x", "expected string, got 7."]]);
    });

    it("given as an Output, are checked when they resolve, failing what takes them with the path", async () => {
        assert.equal(checkedId("sg-1", "securityGroup", "c", "sg"), "sg-1");
        const rejections: unknown[] = [];
        const onRejection = (e: unknown) => void rejections.push(e);
        process.on("unhandledRejection", onRejection);
        try {
            checkedId(pulumi.output("sg 1"), "securityGroup", "topologies:alicloud:X 'x'", "securityGroupIds[0]");
            await settle();
            await new Promise(resolve => setTimeout(resolve, 20));
        } finally {
            process.off("unhandledRejection", onRejection);
        }
        const [error] = rejections;
        assert.ok(error instanceof TopologyValidationError, String(error));
        assert.equal(error.component, "topologies:alicloud:X 'x'");
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["securityGroupIds[0]"],
        );
        const good = pulumi.output(checkedId(pulumi.output("sg-2"), "securityGroup", "c", "p"));
        assert.equal(await new Promise(resolve => good.apply(resolve)), "sg-2");
    });
});

describe("Alibaba Cloud tags", () => {
    it("refuse the API's reserved prefixes, URLs, over-long keys and values, and padding", () => {
        assert.deepEqual(problemsOf(ALIBABA_TAGS, { env: "dev", empty: "", "a.b": "x" }), []);
        const long = `k${"x".repeat(128)}`;
        const found = problemsOf(ALIBABA_TAGS, {
            aliyunTeam: "x",
            "acs:owner": "x",
            link: "see https://example.com",
            k: "acs:v",
            [long]: "x",
            v: "x".repeat(129),
            " padded": "x",
            p: "dev ",
        });
        const expected: Array<[string, RegExp]> = [
            [
                "x.aliyunTeam",
                /^the key "aliyunTeam" starts with 'aliyun', which Alibaba Cloud keeps for its own tags\.$/,
            ],
            ["x.acs:owner", /^the key "acs:owner" starts with 'acs:'/],
            ["x.link", /^"see https:\/\/example\.com": holds a URL scheme, which a tag value may not\.$/],
            ["x.k", /^"acs:v": starts with 'acs:'/],
            [`x.${long}`, /is 129 characters long, over the 128 of a tag key\.$/],
            ["x.v", /is 129 characters long, over the 128 of a tag value\.$/],
            ["x. padded", /^the key " padded" has leading or trailing blanks\.$/],
            ["x.p", /^"dev ": has leading or trailing blanks\.$/],
        ];
        assert.deepEqual(
            found.map(([path]) => path),
            expected.map(([path]) => path),
        );
        found.forEach(([, message], i) => assert.match(message, expected[i][1]));
    });

    it("refuse a key Pulumi's runtime would take for the map's toString, and more than 20 tags", () => {
        assert.deepEqual(
            problemsOf(ALIBABA_TAGS, { toString: "x" }).map(([path]) => path),
            ["x.toString"],
        );
        const many = Object.fromEntries(Array.from({ length: MAX_TAGS + 1 }, (_, i) => [`k${i}`, "v"]));
        assert.match(problemsOf(ALIBABA_TAGS, many)[0][1], /holds more than the 20 tags a resource may carry/);
    });
});
