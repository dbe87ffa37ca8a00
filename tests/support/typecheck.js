#!/usr/bin/env node
/**
 * `npm run typecheck`: one type-check of the whole repository (tsconfig.json), emitting the
 * JavaScript and declarations to node_modules/.cache/topologies-build so the packed-package spec
 * (tests/consumer.spec.ts) installs that build instead of compiling the package a second time.
 * The emit costs a few seconds; a second compile cost the suite twenty. A stamp written after a
 * clean check tells the spec the build is current (see tests/support/build.ts).
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const { BUILD_DIR, STAMP } = require("./buildPaths.json");
const out = path.join(root, BUILD_DIR);
fs.rmSync(path.join(root, STAMP), { force: true });
// A module deleted from the sources must not live on in the build the consumer spec installs.
fs.rmSync(out, { recursive: true, force: true });
const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit", "false", "--declaration", "--outDir", out], { cwd: root, stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);
fs.writeFileSync(path.join(root, STAMP), `${new Date().toISOString()}\n`);
