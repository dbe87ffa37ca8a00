/**
 * The corpus of deliberately insecure stacks (tests/fixtures/policyCorpus.ts) fails the pack, each
 * on the policy it was written for and on no other, as it is planned and as a first preview hands
 * it over (every value behind the unknown-checking proxy). The shipped stacks pass the pack
 * (tests/stacks.spec.ts), so together they pin the pack from both sides.
 */
import * as assert from "node:assert/strict";
import { policies } from "../policy/policies";
import { INSECURE } from "./fixtures/policyCorpus";
import { policiesHit, previewed, runPack } from "./support/policyPack";

describe("policy pack corpus of insecure stacks", () => {
    it("has a case for every policy of the pack, and unique names", () => {
        assert.deepEqual([...new Set(INSECURE.map(c => c.policy))].sort(), policies.map(p => p.name).sort());
        assert.equal(new Set(INSECURE.map(c => c.name)).size, INSECURE.length);
    });

    for (const c of INSECURE) {
        it(`fails ${c.policy}: ${c.name}`, () => {
            for (const resources of [c.resources(), c.resources().map(previewed)]) {
                const found = runPack(resources);
                assert.deepEqual(policiesHit(found), [c.policy], JSON.stringify(found, null, 2));
                const urns = new Set(resources.map(r => r.urn));
                assert.ok(
                    found.every(v => v.urn && urns.has(v.urn)),
                    "each violation names a resource of the case",
                );
            }
        });
    }
});
