// A require hook for TypeScript that caches each file's transpiled JavaScript on disk
// (node_modules/.cache/topologies-ts of the directory it runs in), keyed by the source's hash.
// Transpiling through ts-node costs over a second per run (loading TypeScript, then every file);
// with the cache a plan loads no TypeScript compiler at all unless a file changed.
// Transpile-only, like `mocha`'s setup: type errors are `npm run typecheck`'s job.
//
// Each file is compiled with the options of the tsconfig.json nearest above it, as tsc and
// editors pick it: the repository's own files with the repository's, a user's program (planned
// by `topologies plan`) with its project's, whatever the working directory. Without one, the
// Pulumi Node.js host's default target (ES2020) applies. The key also covers what else decides
// the output, that tsconfig.json as written and the compiler's version: a changed `target` or
// `esModuleInterop` must not run yesterday's JavaScript.
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { installStackTraces, rememberSourceMap } = require("./stackTraces.js");

const cacheDir = path.join(process.cwd(), "node_modules", ".cache", "topologies-ts");
/** Bump when the compiler options below change, so old entries are not reused. */
const CACHE_VERSION = "2";
let ts;

/** Read without loading the compiler, so a warm cache still costs no TypeScript. */
function readOr(file, fallback) {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return fallback;
    }
}

/**
 * Where the compiler is looked for: the project being run first (a user's program, in whose
 * directory `topologies plan` runs it by then), else beside this file. Read at the first file.
 */
function typescriptPaths() {
    return [process.cwd(), __dirname];
}
let typescriptVersion;
function compilerVersion() {
    if (typescriptVersion === undefined) {
        try {
            const manifest = require.resolve("typescript/package.json", { paths: typescriptPaths() });
            typescriptVersion = JSON.parse(readOr(manifest, "{}")).version ?? "";
        } catch {
            // Missing TypeScript fails at the first transpile, with the loader's own message.
            typescriptVersion = "";
        }
    }
    return typescriptVersion;
}

/** Directory → the tsconfig.json nearest above it (null: none up to the root). */
const nearest = new Map();
function tsconfigOf(dir) {
    if (nearest.has(dir)) return nearest.get(dir);
    const candidate = path.join(dir, "tsconfig.json");
    const parent = path.dirname(dir);
    const found = fs.existsSync(candidate) ? candidate : parent === dir ? null : tsconfigOf(parent);
    nearest.set(dir, found);
    return found;
}

/** tsconfig.json path and text → the options its files are transpiled with. */
const optionsOf = new Map();
function compilerOptions(tsconfig) {
    const key = tsconfig ? `${tsconfig}\0${readOr(tsconfig, "")}` : "";
    const known = optionsOf.get(key);
    if (known) return known;
    let options = {};
    if (tsconfig) {
        const dir = path.dirname(tsconfig);
        const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
        // parseJsonConfigFileContent follows `extends`; listing the project's files is not needed.
        const host = { ...ts.sys, readDirectory: () => [] };
        options = ts.parseJsonConfigFileContent(config ?? {}, host, dir, undefined, tsconfig).options;
    }
    options = {
        target: ts.ScriptTarget.ES2020,
        ...options,
        // `require` loads CommonJS; ESM syntax kept verbatim would not run.
        module: ts.ModuleKind.CommonJS,
        verbatimModuleSyntax: false,
        inlineSourceMap: true,
        inlineSources: false,
        sourceMap: false,
        declaration: false,
        noEmit: false,
    };
    // The JavaScript runs from the source's own path, so the source map must point beside it: with
    // an `outDir` (or `rootDir`, `sourceRoot`, `mapRoot`) it would name the source relative to the
    // output directory, and stack traces would point into the wrong directory.
    for (const key of ["outDir", "outFile", "rootDir", "sourceRoot", "mapRoot", "declarationDir"]) delete options[key];
    optionsOf.set(key, options);
    return options;
}

function transpile(source, file, tsconfig) {
    if (!ts) ts = require(require.resolve("typescript", { paths: typescriptPaths() }));
    return ts.transpileModule(source, { compilerOptions: compilerOptions(tsconfig), fileName: file }).outputText;
}

/** The cache entry of one file: its source, its path, and everything else the output depends on. */
function cacheKey(source, file, tsconfig) {
    return createHash("sha1")
        .update([CACHE_VERSION, compilerVersion(), tsconfig ?? "", tsconfig ? readOr(tsconfig, "") : ""].join("\0"))
        .update("\0")
        .update(file)
        .update("\0")
        .update(source)
        .digest("hex");
}

function compiled(source, file) {
    const tsconfig = tsconfigOf(path.dirname(file));
    const key = cacheKey(source, file, tsconfig);
    const cached = path.join(cacheDir, `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        const output = transpile(source, file, tsconfig);
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
    installStackTraces();
    require.extensions[".ts"] = (module, file) => {
        const javascript = compiled(fs.readFileSync(file, "utf8"), file);
        rememberSourceMap(file, javascript);
        module._compile(javascript, file);
    };
}

/**
 * Fills the cache for `files` (absolute paths of .ts sources) ahead of their first require.
 * `npm test` calls it from the type check, which has every source at hand: the two spec workers
 * then both find each file compiled, instead of each compiling it on a cold cache.
 */
function precompile(files) {
    for (const file of files) compiled(fs.readFileSync(file, "utf8"), file);
}

module.exports = { precompile };
