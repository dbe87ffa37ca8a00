#!/usr/bin/env node
/**
 * The consumer's type check of tests/consumer.spec.ts: a fresh program against the installed
 * package, under each `moduleResolution` a Pulumi program uses (`node`, `node16`, `nodenext`,
 * `bundler`, each with its `module`), strict and without `skipLibCheck`.
 *
 * One process, four programs sharing their parsed files, as `tsc` parses them (JSDoc only where
 * it can make a type error): the package's declarations pull in the provider SDKs' 1.4 million
 * lines, whose parse is most of the cost and is paid once. Each program then reports:
 * - every diagnostic `tsc` would, for the consumer's files, the package's declarations, and the
 *   packages those declarations import, except `tsc`'s baseline of a Pulumi program and the
 *   provider SDKs (RESOLUTION_ONLY);
 * - for every other file, the problems a resolution setting can cause: an import that does not
 *   resolve (an ambient `declare module` counts) and a syntax error. Their full check, 11 s of
 *   CPU per resolution, would mostly re-check generated SDK typings whose imports are their own
 *   files and @pulumi/pulumi (no `exports`, CommonJS), the same under every setting.
 *
 * Run as `node consumerTypes.js <consumer dir> <root file>...`: prints a JSON report
 * ({@link checkConsumer}'s result) on stdout.
 */
"use strict";
const path = require("node:path");

/** The resolutions checked, each with the `module` setting it goes with. */
const RESOLUTIONS = {
    node: { module: "commonjs", moduleResolution: "node" },
    node16: { module: "node16", moduleResolution: "node16" },
    nodenext: { module: "nodenext", moduleResolution: "nodenext" },
    bundler: { module: "esnext", moduleResolution: "bundler" },
};

/** Packages whose declarations get the resolution check only (see the header). */
const RESOLUTION_ONLY = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/alicloud", "@pulumi/kubernetes"];

/** The package a file belongs to (`@scope/name` or `name`), or "" outside node_modules. */
function packageOf(fileName) {
    const at = fileName.lastIndexOf("node_modules/");
    if (at < 0) return "";
    const parts = fileName.slice(at + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** A file as the report names it: from its package (`node_modules/<package>/…`), else relative to `dir`. */
function displayName(dir, fileName) {
    const at = fileName.lastIndexOf("node_modules/");
    return at < 0 ? path.relative(dir, fileName) : fileName.slice(at);
}

/**
 * Type-checks `rootNames` (relative to `dir`) under each resolution. `ownPackage` is the package
 * under test; `options` adds to the consumer's compiler options; `resolutionOnly` replaces
 * RESOLUTION_ONLY. Returns, per resolution, the diagnostics as `file(line,col): TSxxxx message`
 * (see displayName) and the number of files fully checked and resolution-checked.
 */
function checkConsumer({
    dir,
    rootNames,
    ownPackage = "pulumi-topologies",
    options = {},
    resolutionOnly = RESOLUTION_ONLY,
    ts = require("typescript"),
}) {
    const parsed = new Map();
    const report = {};
    for (const [resolution, settings] of Object.entries(RESOLUTIONS)) {
        const { options: compilerOptions, errors } = ts.convertCompilerOptionsFromJson(
            {
                strict: true,
                target: "ES2022",
                types: ["node"],
                esModuleInterop: true,
                noEmit: true,
                skipLibCheck: false,
                ...options,
                ...settings,
            },
            dir,
        );
        if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, "\n"));
        const host = ts.createCompilerHost(compilerOptions);
        host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
        const read = host.getSourceFile;
        // A file is parsed once per module format it is read as (the key), whatever the resolution.
        host.getSourceFile = (fileName, languageVersion, ...rest) => {
            const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
            if (!parsed.has(key)) parsed.set(key, read(fileName, languageVersion, ...rest));
            return parsed.get(key);
        };
        const program = ts.createProgram({
            rootNames: rootNames.map(file => path.resolve(dir, file)),
            options: compilerOptions,
            host,
        });
        const files = program.getSourceFiles();
        const ambient = new Set(
            program
                .getTypeChecker()
                .getAmbientModules()
                .map(symbol => symbol.name.replace(/^"|"$/g, "")),
        );
        // The packages the package's own declarations import: checked in full unless resolution-only.
        const imported = new Set([ownPackage, ""]);
        const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
        const unresolved = [];
        for (const file of files) {
            diagnostics.push(...program.getSyntacticDiagnostics(file));
            for (const specifier of file.imports) {
                const resolved = program.getResolvedModuleFromModuleSpecifier(specifier, file)?.resolvedModule;
                if (resolved) {
                    if (packageOf(file.fileName) === ownPackage) imported.add(packageOf(resolved.resolvedFileName));
                } else if (!ambient.has(specifier.text)) {
                    unresolved.push({ file, specifier });
                }
            }
        }
        for (const name of resolutionOnly) imported.delete(name);
        const full = files.filter(file => imported.has(packageOf(file.fileName)));
        for (const file of full) diagnostics.push(...program.getSemanticDiagnostics(file));
        const lines = ts.sortAndDeduplicateDiagnostics(diagnostics).map(d => {
            const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
            if (!d.file) return `TS${d.code}: ${text}`;
            const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
            return `${displayName(dir, d.file.fileName)}(${line + 1},${character + 1}): TS${d.code} ${text}`;
        });
        // The resolution check's findings, in tsc's words, unless the full check reported them already.
        for (const { file, specifier } of unresolved) {
            if (full.includes(file)) continue;
            const { line, character } = file.getLineAndCharacterOfPosition(specifier.getStart(file));
            lines.push(
                `${displayName(dir, file.fileName)}(${line + 1},${character + 1}): TS2307 Cannot find module '${specifier.text}' or its corresponding type declarations.`,
            );
        }
        report[resolution] = { diagnostics: lines, checked: full.length, resolved: files.length };
    }
    return report;
}

if (require.main === module) {
    const [dir, ...rootNames] = process.argv.slice(2);
    const started = process.cpuUsage();
    const report = checkConsumer({ dir: path.resolve(dir), rootNames });
    const { user, system } = process.cpuUsage(started);
    process.stdout.write(JSON.stringify({ report, cpuSeconds: (user + system) / 1e6 }));
}

module.exports = { RESOLUTIONS, checkConsumer, packageOf };
