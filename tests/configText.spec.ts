/**
 * How the stack program reads a `topologies:*` value (stacks/configText.ts), which stacks/index.ts
 * and the stack-file fuzz both use: JSON text as its value, other text as itself, and every key
 * an own property, `__proto__` included.
 */
import * as assert from "node:assert/strict";
import { configValue, setConfigKey } from "../stacks/configText";
import { loadStackConfig } from "../stacks/config";
import { TopologyValidationError } from "../components/errors";

describe("a stack's config as the program reads it (stacks/configText.ts)", () => {
    it("takes JSON text as its value and any other text as the string it is", () => {
        assert.deepEqual(configValue('{"a":[1,true]}'), { a: [1, true] });
        assert.equal(configValue("true"), true);
        assert.equal(configValue("80"), 80);
        assert.equal(configValue("prod"), "prod");
        assert.equal(configValue(""), "");
    });

    it("sets a key named __proto__ as a key, which the schema refuses, not as the config's prototype", () => {
        const raw: Record<string, unknown> = {};
        setConfigKey(raw, "environment", "dev");
        setConfigKey(raw, "__proto__", configValue('{"protect": false, "bogus": 1}'));
        assert.equal(Object.getPrototypeOf(raw), Object.prototype);
        assert.ok(Object.hasOwn(raw, "__proto__"));
        // Assigned, `protect` and `bogus` would read as if set at the top; as a key it is refused.
        assert.throws(
            () => loadStackConfig(raw),
            (e: unknown) =>
                e instanceof TopologyValidationError &&
                e.problems.some(p => p.path.startsWith("topologies:__proto__")) &&
                !e.problems.some(p => /bogus/.test(p.path)),
        );
    });
});
