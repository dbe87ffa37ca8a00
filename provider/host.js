// The Pulumi plugin's entry (PulumiPlugin.yaml `main`): serves the components of ./index.ts to
// programs in other languages. `pulumi package add` runs it to get the schema (inferred from
// the TypeScript types by Pulumi's analyzer) and the engine runs it to construct a component.
"use strict";
require("../cli/register.js");
const { componentProviderHost, getPulumiComponents } = require("@pulumi/pulumi/provider/experimental");
const { PLUGIN } = require("./plugin.ts");

componentProviderHost({ ...PLUGIN, components: getPulumiComponents(require("./index.ts")) }).catch(error => {
    console.error(error);
    process.exit(1);
});
