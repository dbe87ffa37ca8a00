/**
 * The Node range in package.json's `engines` is true for everything `npm ci` installs: every
 * entry of package-lock.json that declares `engines.node` accepts every Node version of ours. npm
 * compares each installed package's range with the running Node and prints EBADENGINE where it
 * falls outside (CI runs plain `npm ci`, which only warns), so a dependency that needs a newer
 * Node than we declare fails here instead, whichever Node runs the suite.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";

const root = path.resolve(__dirname, "..");
const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const lock: Lockfile = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));

interface LockEntry {
    version?: string;
    engines?: unknown;
    dev?: boolean;
    cpu?: string[];
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
}

interface Lockfile {
    lockfileVersion: number;
    packages: Record<string, LockEntry>;
}

/** Where the package `name` that the entry at `location` depends on is installed: the nearest node_modules up from it. */
function resolvedLocation(packages: Lockfile["packages"], location: string, name: string): string | undefined {
    for (let from = location; ;) {
        const candidate = `${from === "" ? "" : `${from}/`}node_modules/${name}`;
        if (candidate in packages) return candidate;
        if (from === "") return undefined;
        const at = from.lastIndexOf("/node_modules/");
        from = at < 0 ? "" : from.slice(0, at);
    }
}

/**
 * The lock entries `npm ci` never installs under Node: the WebAssembly builds of native bindings
 * (`cpu: ["wasm32"]`, which is never Node's `process.arch`; npm skips an optional package of
 * another CPU) and what only they depend on, such as oxc-parser's @napi-rs/wasm-runtime.
 */
function wasmOnly(packages: Lockfile["packages"]): Set<string> {
    const dependents = new Map<string, string[]>();
    for (const [location, entry] of Object.entries(packages)) {
        for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
            const target = resolvedLocation(packages, location, name);
            if (target) dependents.set(target, [...(dependents.get(target) ?? []), location]);
        }
    }
    const skipped = new Set(
        Object.entries(packages)
            .filter(([, entry]) => entry.cpu?.length === 1 && entry.cpu[0] === "wasm32")
            .map(([location]) => location),
    );
    for (let grown = true; grown;) {
        grown = false;
        for (const [location, from] of dependents) {
            if (!skipped.has(location) && from.every(dependent => skipped.has(dependent))) {
                skipped.add(location);
                grown = true;
            }
        }
    }
    return skipped;
}

/**
 * The installed packages whose `engines.node` does not accept every version of `range`, as
 * `name@version needs <theirs>`. npm ignores an `engines` that is not an object (old packages
 * wrote an array), and so does this; so are the packages it never installs under Node (wasmOnly).
 */
export function outsideRange(packages: Lockfile["packages"], range: string): string[] {
    const neverInstalled = wasmOnly(packages);
    return Object.entries(packages)
        .filter(([location]) => location !== "" && !neverInstalled.has(location))
        .flatMap(([location, entry]) => {
            const engines = entry.engines;
            if (engines === null || typeof engines !== "object" || Array.isArray(engines)) return [];
            const node = (engines as { node?: unknown }).node;
            if (typeof node !== "string") return [];
            const name = location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length);
            return semver.subset(range, node)
                ? []
                : [`${name}@${entry.version}${entry.dev ? " (dev)" : ""} needs ${node}`];
        });
}

describe("the supported Node versions", () => {
    const range: string = packageJson.engines.node;

    it("are a valid range of Node 20 and 22, recorded in the lock file", () => {
        assert.ok(semver.validRange(range), `engines.node '${range}' is not a semver range`);
        assert.ok(semver.satisfies("20.19.0", range) && semver.satisfies("22.12.0", range), range);
        assert.equal(lock.lockfileVersion, 3);
        assert.deepEqual(lock.packages[""].engines, packageJson.engines, "run npm install to update package-lock.json");
    });

    it("are supported by every package npm ci installs, so it prints no EBADENGINE warning", () => {
        assert.deepEqual(outsideRange(lock.packages, range), []);
    });

    it("the check finds a dependency that needs a newer Node, and ignores what npm ignores or never installs", () => {
        const packages = {
            "": { engines: { node: range } },
            "node_modules/@kubernetes-models/istio": { version: "3.0.1", engines: { node: ">=22" } },
            "node_modules/a/node_modules/mocha": {
                version: "12.0.3",
                dev: true,
                engines: { node: "^20.19.0 || >=22.12.0" },
            },
            "node_modules/eslint": { version: "10.0.0", dev: true, engines: { node: "^20.19.0 || ^22.13.0 || >=24" } },
            "node_modules/old": { version: "1.0.0", engines: ["node >= 0.4"] },
            // A native binding's WebAssembly build and its runtime, which only it needs: never installed.
            "node_modules/@x/binding-wasm32-wasi": {
                version: "1.0.0",
                cpu: ["wasm32"],
                dependencies: { "wasm-runtime": "^1.0.0" },
                engines: { node: ">=23" },
            },
            "node_modules/wasm-runtime": { version: "1.2.7", engines: { node: "^22.13.0" } },
            // The same runtime needed by a package that is installed: checked.
            "node_modules/@y/uses-runtime": { version: "1.0.0", dependencies: { "shared-runtime": "^1.0.0" } },
            "node_modules/@y/binding-wasm32-wasi": {
                version: "1.0.0",
                cpu: ["wasm32"],
                dependencies: { "shared-runtime": "^1.0.0" },
            },
            "node_modules/shared-runtime": { version: "1.2.7", engines: { node: "^22.13.0" } },
            "node_modules/npm-only": { version: "1.0.0", engines: { npm: ">=7" } },
        };
        assert.deepEqual(outsideRange(packages, range), [
            "@kubernetes-models/istio@3.0.1 needs >=22",
            "eslint@10.0.0 (dev) needs ^20.19.0 || ^22.13.0 || >=24",
            "shared-runtime@1.2.7 needs ^22.13.0",
        ]);
    });

    it("are the ones README.md states", () => {
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        assert.ok(readme.includes(`\`engines\`: \`${range}\``), `README.md's Install section names ${range}`);
    });
});
