/** The plugin's identity, shared by its entry (./host.js) and the tests. */
import { version } from "../package.json";

export const PLUGIN = {
    /** The package name in the schema and every generated SDK (`pulumi_topologies` in Python). */
    name: "topologies",
    /** Where the analyzer reads ./package.json, ./tsconfig.json and ./index.ts. */
    dirname: __dirname,
    /** The npm package's version: one version for both. */
    version,
} as const;
