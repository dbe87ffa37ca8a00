/**
 * The policy pack is self-contained, so `pulumi policy publish policy/` packages everything it
 * runs: its files import nothing outside policy/ but @pulumi/policy and Node's built-ins, its
 * package.json declares what it needs, and the constants it keeps a copy of agree with the
 * components' (so the two cannot drift).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";
import { ALB_SERVER_WEIGHT as COMPONENT_WEIGHT } from "../components/alicloud/albCommon/args";
import { parseCidr } from "../components/net";
import { ALB_SERVER_WEIGHT } from "../policy/constants";
import { parseBlock } from "../policy/cidr";

const POLICY = path.resolve(__dirname, "..", "policy");

function packFiles(dir = POLICY): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : packFiles(file);
        return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [file] : [];
    });
}

/** Every module a file imports, requires or imports dynamically, as written. */
function importsOf(file: string): string[] {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    return info.importedFiles.map(f => f.fileName);
}

const ALLOWED_PACKAGES = ["@pulumi/policy"];

describe("policy pack package", () => {
    it("imports nothing outside policy/ but @pulumi/policy and Node's built-ins", () => {
        const outside: string[] = [];
        for (const file of packFiles()) {
            for (const spec of importsOf(file)) {
                if (spec.startsWith(".")) {
                    const target = path.resolve(path.dirname(file), spec);
                    if (path.relative(POLICY, target).startsWith("..")) outside.push(`${file}: ${spec}`);
                } else if (
                    !ALLOWED_PACKAGES.some(p => spec === p || spec.startsWith(`${p}/`)) &&
                    !spec.startsWith("node:") &&
                    !builtinModules.includes(spec)
                ) {
                    outside.push(`${file}: ${spec}`);
                }
            }
        }
        assert.deepEqual(outside, []);
        assert.ok(packFiles().length > 3, "the scan sees the pack's files");
    });

    it("declares its dependencies in policy/package.json, each satisfied by the installed version", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(POLICY, "package.json"), "utf8"));
        const yaml = fs.readFileSync(path.join(POLICY, "PulumiPolicy.yaml"), "utf8");
        const required = [
            ...ALLOWED_PACKAGES,
            // @pulumi/policy runs on the Pulumi SDK (and the policy templates declare it).
            "@pulumi/pulumi",
            // `typescript: true` compiles index.ts at run time; without a compiler of its own the
            // SDK falls back to the TypeScript 3.8 it vendors.
            ...(/typescript:\s*true/.test(yaml) ? ["typescript"] : []),
        ];
        assert.deepEqual(Object.keys(manifest.dependencies ?? {}).sort(), required.sort());
        assert.equal(manifest.main, "index.ts");
        for (const [name, range] of Object.entries<string>(manifest.dependencies)) {
            // The repository's install is what `pulumi preview --policy-pack policy` runs with.
            const installed = String(
                JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), "utf8")).version,
            ).replace(/^v/, "");
            const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
            assert.ok(match, `${name}: a caret range, got ${range}`);
            const [major, minor, patch] = installed.split(".").map(Number);
            const [rMajor, rMinor, rPatch] = match.slice(1).map(Number);
            assert.ok(
                major === rMajor && (minor > rMinor || (minor === rMinor && patch >= rPatch)),
                `${name} ${installed} does not satisfy ${range}`,
            );
        }
    });

    it("keeps the ALB weight range the components accept", () => {
        assert.deepEqual(ALB_SERVER_WEIGHT, { min: COMPONENT_WEIGHT.min, max: COMPONENT_WEIGHT.max });
    });

    it("reads every block the components accept as the components do", () => {
        for (const text of [
            "0.0.0.0/0",
            "10.0.0.0/8",
            "192.168.7.10/32",
            "100.64.0.0/10",
            "::/0",
            "2408:4005:3a0:6c01::/64",
            "2408:4005:03A0:6C01:0000:0000:0000:0000/64",
            "fe80::/10",
            "2001:db8::1/128",
            "2001:0:0:1::/64",
            "::ffff:10.0.0.0/104",
        ]) {
            const strict = parseCidr(text);
            const block = parseBlock(text);
            assert.ok(block, text);
            assert.deepEqual(
                { family: block.family, first: block.first, prefix: block.prefix, text: block.text },
                { family: strict.family, first: strict.network, prefix: strict.prefix, text: strict.text },
                text,
            );
        }
    });
});
