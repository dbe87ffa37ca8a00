/**
 * ESLint for the whole repository (`npm run lint`, part of `npm test`). typescript-eslint's
 * recommended rules without type information: a typed lint would load the program a second time
 * (the type check already takes the most time of the suite), and tsc already reports what needs
 * types. On top of them, rules that catch a real mistake at no cost and have no false positives
 * here. Formatting is Prettier's (prettier.config.mjs); no rule here is about layout.
 */
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
    // `npm run build`'s output and what `topologies plan` writes (node_modules/ is ignored by default).
    { ignores: ["dist/", "out/"] },
    { linterOptions: { reportUnusedDisableDirectives: "error" } },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        rules: {
            // `a == null` (null or undefined) is the one loose comparison worth keeping.
            eqeqeq: ["error", "always", { null: "ignore" }],
            // A for-in walks inherited keys too: config keys named `constructor` or `toString` are real input here.
            "guard-for-in": "error",
            // The global isNaN/isFinite coerce ("" is a finite 0); Number.isNaN/isFinite do not.
            "no-restricted-globals": [
                "error",
                { name: "isNaN", message: "Use Number.isNaN: the global one coerces its argument." },
                { name: "isFinite", message: "Use Number.isFinite: the global one coerces its argument." },
            ],
            radix: "error",
            "array-callback-return": "error",
            "no-constructor-return": "error",
            "no-self-compare": "error",
            "no-template-curly-in-string": "error",
            "no-unmodified-loop-condition": "error",
            "no-unreachable-loop": "error",
            "no-useless-assignment": "error",
            "no-throw-literal": "error",
            "no-new-wrappers": "error",
            "no-sequences": "error",
            "no-return-assign": "error",
            "default-case-last": "error",
            // tsc's noUnusedLocals convention: `const { dropped: _dropped, ...rest } = args` omits a field.
            "@typescript-eslint/no-unused-vars": [
                "error",
                {
                    ignoreRestSiblings: true,
                    argsIgnorePattern: "^_",
                    varsIgnorePattern: "^_",
                    caughtErrorsIgnorePattern: "^_",
                },
            ],
        },
    },
    {
        // Components and the stack program report through the engine (pulumi.log, or a thrown
        // TopologyValidationError); a console line has no severity.
        files: ["components/**", "stacks/**"],
        rules: {
            "no-console": "error",
            "no-restricted-syntax": [
                "error",
                {
                    // pulumi.log chains every message behind the last one, and one given a resource
                    // waits for that resource's URN: while the stack's registrations are held
                    // (stacks/registrationGate.ts) it never comes, and the program's own error,
                    // logged after it, is never shown (the run fails without a word).
                    selector:
                        "CallExpression[callee.object.object.name='pulumi'][callee.object.property.name='log'][arguments.length>1]",
                    message:
                        "Log without a resource (name the component in the text): a message attached to a held resource stalls every later message, the program's error included.",
                },
            ],
        },
    },
    {
        // The SDKs' roots load and declare every service: the package's code, its specs and
        // fixtures take the SDK modules they use (components/sdk/, or a service's own subpath).
        files: ["**/*.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    paths: ["@pulumi/aws", "@pulumi/alicloud", "@pulumi/kubernetes"].map(name => ({
                        name,
                        message: `Import components/sdk/${name.slice("@pulumi/".length)} (or a service module such as ${name}/ec2): the root loads and declares every service of the SDK.`,
                    })),
                },
            ],
        },
    },
    {
        // The specs read recorded mock inputs and raw YAML of any shape: `any` is the point there.
        files: ["tests/**"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        // Plain Node scripts (the mocha config, the bin and require hook, the type-check runner): CommonJS.
        files: ["**/*.js"],
        languageOptions: { sourceType: "commonjs", globals: globals.node },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        files: ["**/*.mjs"],
        languageOptions: { globals: globals.node },
    },
);
