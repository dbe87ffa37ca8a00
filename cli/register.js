// A require hook for the repository's TypeScript that caches each file's transpiled JavaScript
// on disk (node_modules/.cache/topologies-ts), keyed by the source's hash. Transpiling through
// ts-node costs over a second per run (loading TypeScript, then every file); with the cache a
// plan loads no TypeScript compiler at all unless a file changed. Transpile-only, like
// `mocha`'s setup: type errors are `npm run typecheck`'s job. The key also covers what else
// decides the output, tsconfig.json as written and the compiler's version: a changed `target`
// or `esModuleInterop` must not run yesterday's JavaScript.
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

// The project being planned: this repository, or a user's project running the installed CLI.
const root = process.cwd();
const cacheDir = path.join(root, "node_modules", ".cache", "topologies-ts");
/** Bump when the compiler options below change, so old entries are not reused. */
const CACHE_VERSION = "1";
let ts;
let compilerOptions;

/** Read without loading the compiler, so a warm cache still costs no TypeScript. */
function readOr(file, fallback) {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return fallback;
    }
}
let typescriptVersion = "";
try {
    typescriptVersion = require("typescript/package.json").version;
} catch {
    // Missing TypeScript fails at the first transpile, with the loader's own message.
}
const fingerprint = [CACHE_VERSION, typescriptVersion, readOr(path.join(root, "tsconfig.json"), "")].join("\0");

function transpile(source, file) {
    if (!ts) {
        ts = require("typescript");
        const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config ?? {};
        compilerOptions = {
            ...ts.convertCompilerOptionsFromJson(config.compilerOptions ?? {}, root).options,
            module: ts.ModuleKind.CommonJS,
            inlineSourceMap: true,
            inlineSources: false,
            sourceMap: false,
            declaration: false,
            noEmit: false,
        };
    }
    return ts.transpileModule(source, { compilerOptions, fileName: file }).outputText;
}

/** The cache entry of one file: its source, its path, and everything else the output depends on. */
function cacheKey(source, file) {
    return createHash("sha1").update(fingerprint).update("\0").update(file).update("\0").update(source).digest("hex");
}

function compiled(source, file) {
    const key = cacheKey(source, file);
    const cached = path.join(cacheDir, `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        const output = transpile(source, file);
        try {
            fs.mkdirSync(cacheDir, { recursive: true });
            // Write then rename, so a concurrent run never reads half a file.
            const temporary = `${cached}.${process.pid}`;
            fs.writeFileSync(temporary, output);
            fs.renameSync(temporary, cached);
        } catch {
            // A read-only checkout still works, only slower.
        }
        return output;
    }
}

if (!require.extensions[".ts"]) {
    process.setSourceMapsEnabled(true);
    require.extensions[".ts"] = (module, file) => {
        module._compile(compiled(fs.readFileSync(file, "utf8"), file), file);
    };
}
