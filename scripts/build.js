#!/usr/bin/env node
/**
 * `npm run build`, which `npm pack` and `npm publish` run through `prepack`: the published dist/,
 * from scratch, so a module deleted from the sources does not ship. `--prepare` (the `prepare`
 * script) builds only when npm installs this package into another project (see preparing). components/, cli/ and
 * policy/ are compiled by tsconfig.build.json; cli/register.js and cli/stackTraces.js (plain
 * JavaScript, the require hook `topologies plan` loads a TypeScript program with, and its stack
 * traces) are copied beside them; dist/policy/
 * becomes a policy pack directory (packagePolicy). tests/consumer.spec.ts packs the same layout
 * from the type check's build and checks the packed file list against the sources.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");

/**
 * Completes the compiled pack in `<dist>/policy/` as a policy pack directory, for
 * `pulumi preview --policy-pack node_modules/pulumi-topologies/dist/policy`: its PulumiPolicy.yaml
 * as written, and its package.json with `main` pointing at the compiled entry (the Pulumi runner
 * `require`s the directory; a `.ts` inside node_modules would not be transpiled) and the
 * package's version. Its dependencies resolve from the consumer's node_modules, so the package
 * declares them (tests/consumer.spec.ts checks it).
 */
function packagePolicy(dist) {
    const source = path.join(root, "policy");
    const target = path.join(dist, "policy");
    fs.writeFileSync(
        path.join(target, "PulumiPolicy.yaml"),
        compiledPolicyYaml(fs.readFileSync(path.join(source, "PulumiPolicy.yaml"), "utf8")),
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
    const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const main = (manifest.main ?? "index.js").replace(/\.ts$/, ".js");
    // The compiled pack runs as JavaScript: TypeScript is what the source pack (policy/) needs, not it.
    const { typescript: _typescript, ...dependencies } = manifest.dependencies ?? {};
    fs.writeFileSync(
        path.join(target, "package.json"),
        `${JSON.stringify({ ...manifest, version, main, dependencies }, null, 2)}\n`,
    );
}

/** The source pack's PulumiPolicy.yaml for its compiled copy: the same, run as JavaScript. */
function compiledPolicyYaml(text) {
    return text.replace(/^([ \t]*typescript:[ \t]*)true[ \t]*$/m, "$1false");
}

/** The plain JavaScript of the package, which the compiler does not emit. */
function copyScripts(dist) {
    for (const script of ["register.js", "stackTraces.js"])
        fs.copyFileSync(path.join(root, "cli", script), path.join(dist, "cli", script));
}

/**
 * Whether `prepare` should build. npm runs `prepare`, not `prepack`, when it installs the package
 * from git (pacote's DirFetcher runs that one script in the clone before packing it), and also on
 * every `npm install` and `npm ci` of this checkout, where nothing needs dist/ (the specs use the
 * type check's build; `npm pack` builds through prepack) and a build would add 15 s to each. npm
 * sets INIT_CWD to the directory it was started in (npm-run-script's docs): the consumer's
 * project when installing a git dependency, this checkout for its own install.
 */
function preparing(env = process.env) {
    return env.INIT_CWD !== undefined && path.resolve(env.INIT_CWD) !== root;
}

function main(args) {
    if (args.includes("--prepare") && !preparing()) return;
    const dist = path.join(root, "dist");
    fs.rmSync(dist, { recursive: true, force: true });
    const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
    execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
    copyScripts(dist);
    packagePolicy(dist);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { compiledPolicyYaml, copyScripts, packagePolicy, preparing };
