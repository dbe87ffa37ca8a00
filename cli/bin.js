#!/usr/bin/env node
// Entry of the `topologies` command in this repository (`npm run plan`): loads cli/topologies.ts
// through a cached transpile-only hook and runs it (the published package's bin is the compiled
// dist/cli/topologies.js, which runs itself).
"use strict";
require("./register");
require("./topologies.ts").run();
