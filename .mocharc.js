// Mocha's configuration. The specs run in parallel on both cores, each file in a worker as one
// frees up, in the order listed here: the slowest files (they spawn processes or pack the
// package) go first so the two workers finish together; started last, they left one core idle
// for a quarter of the suite.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const SLOWEST_FIRST = [
    "consumer",
    "fuzz",
    "stacks",
    "entry",
    "albFargateService",
    "crossRegionAlb",
    "mesh",
    "cliConventions",
].map(name => `tests/${name}.spec.ts`);
const rest = fs
    .readdirSync(path.join(__dirname, "tests"))
    .filter(file => file.endsWith(".spec.ts"))
    .map(file => `tests/${file}`)
    .filter(file => !SLOWEST_FIRST.includes(file))
    .sort();

// Mocha adds the files named on the command line to `spec`: `npx mocha tests/vpc.spec.ts` must run that file alone.
const named = process.argv.slice(2).some(arg => arg.endsWith(".ts") || arg.startsWith("tests/"));

module.exports = {
    // The repository's transpile-only hook with its on-disk cache, as `npm run plan` uses: the workers share one transpile of each file with the processes the specs
    // spawn, and load no TypeScript compiler for a file already in the cache (ts-node compiled
    // every file in every worker; the suite took 13 s more CPU time).
    require: ["./cli/register.js", "tests/setup.ts"],
    extension: ["ts"],
    ...(named ? {} : { spec: [...SLOWEST_FIRST, ...rest] }),
    timeout: 20000,
    reporter: "dot",
};
