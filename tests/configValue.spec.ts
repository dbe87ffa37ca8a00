/**
 * How the stack program reads a `topologies:*` value (cli/configValue.ts), which stacks/index.ts,
 * `topologies plan` (cli/stackConfig.ts) and the stack-file fuzz all use: JSON text as its value,
 * other text as itself, and every key an own property, `__proto__` included.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { configValue, setConfigKey } from "../cli/configValue";
import { readStackConfig } from "../cli/stackConfig";
import { loadStackConfig } from "../stacks/config";
import { TopologyValidationError } from "../components/errors";

describe("a stack's config as the program reads it (cli/configValue.ts)", () => {
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

    it("is what `topologies plan` reads from a stack file: the value the deployed program gets from the engine's text", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-config-"));
        try {
            fs.writeFileSync(
                path.join(dir, "Pulumi.s.yaml"),
                [
                    "config:",
                    '  p:quotedPort: "80"',
                    "  p:port: 80",
                    '  p:quotedFlag: "true"',
                    "  p:name: web",
                    '  p:ports: { http: "80", list: [1, "2"] }',
                    "",
                ].join("\n"),
            );
            const { raw, allConfig } = readStackConfig(dir, "s", "p");
            // The deployed program parses the text the engine hands it for each key (stacks/index.ts).
            for (const [key, text] of Object.entries(allConfig.values))
                assert.deepEqual(raw[key.slice("p:".length)], configValue(text), key);
            assert.deepEqual(raw, {
                quotedPort: 80,
                port: 80,
                quotedFlag: true,
                name: "web",
                ports: { http: "80", list: [1, "2"] },
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
