#!/usr/bin/env node
// Entry of the `topologies` command (package.json "bin"): loads cli/topologies.ts through a
// cached transpile-only hook, runs it, and exits with its code.
"use strict";
require("./register");
const { main } = require("./topologies.ts");
main(process.argv.slice(2), { out: t => process.stdout.write(t), err: t => process.stderr.write(t) })
    // The mocked runtime keeps handles open; leave once the output is flushed.
    .then(code => process.stdout.write("", () => process.exit(code)));
