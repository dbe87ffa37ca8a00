/**
 * The package's root as it runs (package.json `main` and `exports["."].default`); its types are
 * index.ts's, which exports the same members. The two cloud namespaces load on first use, so a
 * program that only touches `alicloud` never loads the AWS components or the AWS SDK, and the
 * other way round: importing index.ts's eager namespaces cost about 50 ms more than one subpath
 * (0.58 s against 0.53 s for a fresh Node.js process, on the 2-core development machine).
 *
 * Each getter returns a member of `load` (`return load.alicloud`): of the getters Node's CommonJS
 * lexer reads, this is the one form whose body may load lazily, so `import { alicloud } from
 * "pulumi-topologies"` works from an ES module too (tests/consumer.spec.ts imports it so).
 */
import type * as alicloudNamespace from "./alicloud";
import type * as awsNamespace from "./aws";

const load = {
    get alicloud(): typeof alicloudNamespace {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, the point of this module
        return require("./alicloud");
    },
    get aws(): typeof awsNamespace {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, the point of this module
        return require("./aws");
    },
};
Object.defineProperty(exports, "alicloud", {
    enumerable: true,
    get: function () {
        return load.alicloud;
    },
});
Object.defineProperty(exports, "aws", {
    enumerable: true,
    get: function () {
        return load.aws;
    },
});

export * as net from "./net";
export * from "./errors";
export * from "./flows";
