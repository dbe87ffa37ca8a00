#!/usr/bin/env node
/**
 * `npm run typecheck`: one type-check of the whole repository (tsconfig.json), then the package's
 * own files (components/, cli/ and policy/) emitted as JavaScript and declarations to
 * node_modules/.cache/topologies-build, so that the packed-package spec (tests/consumer.spec.ts)
 * installs that build and the API report (tests/support/apiReport.ts) reads its declarations,
 * instead of compiling the package a second time. The emit costs a second; a second compile cost
 * the suite twenty. Specs, stacks and scripts are checked but not emitted: nothing reads them.
 * A stamp written after a clean check tells the specs the build is current (tests/support/build.ts).
 * Last, it fills the specs' transpile cache (cli/register.js) with every source it checked.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const { BUILD_DIR, STAMP } = require("./buildPaths.json");
const ts = require(require.resolve("typescript", { paths: [root] }));

const out = path.join(root, BUILD_DIR);
/** The directories that make the published package (tsconfig.build.json's `include`), as the compiler spells paths. */
const rootPath = root.split(path.sep).join("/");
const PACKAGE_DIRS = ["components", "cli", "policy"].map(dir => `${path.join(root, dir).split(path.sep).join("/")}/`);

/** Prints diagnostics as tsc does: with colour and context on a terminal, one line each otherwise. */
function report(diagnostics) {
    if (diagnostics.length === 0) return;
    const host = { getCanonicalFileName: f => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
    const pretty = process.stdout.isTTY || Boolean(process.env.FORCE_COLOR);
    process.stdout.write(
        pretty ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host),
    );
    const errors = diagnostics.filter(d => d.category === ts.DiagnosticCategory.Error).length;
    process.stdout.write(`\nFound ${errors} error${errors === 1 ? "" : "s"}.\n`);
}

function main() {
    fs.rmSync(path.join(root, STAMP), { force: true });
    // A module deleted from the sources must not live on in the build the specs read.
    fs.rmSync(out, { recursive: true, force: true });
    const configHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: d => report([d]) };
    const config = ts.getParsedCommandLineOfConfigFile(
        path.join(root, "tsconfig.json"),
        { noEmit: false, declaration: true, outDir: out },
        configHost,
    );
    if (!config) return 1;
    // JSDoc parsed as tsc parses it (its command line sets this mode): only where it can make a
    // type error. ParseAll, the API's default, parses every comment of the providers' typings
    // for nothing.
    const host = ts.createCompilerHost(config.options);
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const program = ts.createProgram({
        rootNames: config.fileNames,
        options: config.options,
        host,
        configFileParsingDiagnostics: config.errors,
    });
    // What tsc reports, less the declaration diagnostics of files that are not emitted (the emit below reports the others).
    const diagnostics = [
        ...program.getConfigFileParsingDiagnostics(),
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...program.getSyntacticDiagnostics(),
        ...program.getSemanticDiagnostics(),
    ];
    for (const file of program.getSourceFiles()) {
        if (!PACKAGE_DIRS.some(dir => file.fileName.startsWith(dir))) continue;
        diagnostics.push(...program.emit(file).diagnostics);
    }
    report(ts.sortAndDeduplicateDiagnostics(diagnostics));
    if (diagnostics.some(d => d.category === ts.DiagnosticCategory.Error)) return 1;
    fs.writeFileSync(path.join(root, STAMP), `${new Date().toISOString()}\n`);
    // The specs' transpile cache, filled once here rather than by both spec workers on a fresh clone.
    const sources = program
        .getSourceFiles()
        .map(f => f.fileName)
        .filter(
            f =>
                f.startsWith(`${rootPath}/`) && !f.includes("/node_modules/") && /\.ts$/.test(f) && !/\.d\.ts$/.test(f),
        );
    require(path.join(root, "cli", "register.js")).precompile(sources.map(f => path.normalize(f)));
    return 0;
}

process.exitCode = main();
