/**
 * The offline engine answers with the real providers' output names only: an output the provider
 * lacks would let a component read it under the mocks and fail in the cloud.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { alicloudRules } from "../cli/engine/alicloud";
import { awsRules } from "../cli/engine/aws";

const MODULES = path.resolve(__dirname, "..", "node_modules", "@pulumi");

/** The output properties a resource class declares in its .d.ts (those before the constructor). */
function outputsOf(type: string): Set<string> {
    const [pkg, token] = type.split(":");
    const [module, file] = token.split("/");
    const text = fs.readFileSync(path.join(MODULES, pkg, module, `${file}.d.ts`), "utf8");
    return new Set([...text.slice(0, text.indexOf("constructor(")).matchAll(/readonly (\w+)!?: pulumi\.Output/g)].map(m => m[1]));
}

/** A world with nothing in it: rules that look up a vSwitch or VPC fall back to their defaults. */
const EMPTY_WORLD = { resources: [], named: () => undefined, ofType: () => [] };

describe("offline engine (cli/engine)", () => {
    for (const [cloud, rules] of Object.entries({ alicloud: alicloudRules, aws: awsRules })) {
        it(`answers only outputs the real ${cloud} resources have`, () => {
            const extra: string[] = [];
            for (const [type, rule] of Object.entries(rules)) {
                if (type.startsWith("pulumi:providers:")) continue;
                const { state } = rule({ name: "x", inputs: {}, region: "cn-hangzhou", world: EMPTY_WORLD } as never);
                const real = outputsOf(type);
                for (const key of Object.keys(state ?? {})) if (!real.has(key)) extra.push(`${type}.${key}`);
            }
            assert.deepEqual(extra, []);
        });
    }
});
