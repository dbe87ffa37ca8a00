/**
 * Reads a stack file, `Pulumi.<stack>.yaml`, the way `pulumi` would hand it to the program:
 * the `config:` keys of the project's namespace (`topologies:<key>`) with their namespace removed,
 * values as YAML gives them (objects included). A `secure:` value (anywhere in a value) cannot be
 * decrypted offline, so it becomes a `pulumi.secret` placeholder: the program sees a secret, and
 * nothing the plan prints can reveal the ciphertext either. Provider settings (`aws:region`,
 * `alicloud:profile`, …) are kept apart, for the providers the components create.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parseDocument } from "yaml";
import { closestSpelling } from "../components/checks";
import { Problems, TopologyValidationError, ValidationProblem } from "../components/errors";
import { PROVIDER_PACKAGES } from "../components/providers";
import { checkProviderKey } from "./providerKeys";
import { configValue, setConfigKey } from "./configValue";

/** A stack's configuration, ready for the program's `loadStackConfig`. */
export interface StackConfig {
    /** Stack name, e.g. `dev`. */
    readonly stack: string;
    /** Path of the stack file read. */
    readonly file: string;
    /** Keys of the project namespace without it, e.g. `network` for `topologies:network`. */
    readonly raw: Record<string, unknown>;
    /** YAML key paths that held `secure:` values, e.g. `topologies:tls.key`. */
    readonly secretPaths: readonly string[];
    /** The provider settings (`aws:*`, `alicloud:*`, `kubernetes:*`), as the engine hands them to a program. */
    readonly providerConfig: ProviderConfig;
    /** Every key (`namespace:key`) with the project-level defaults, as the engine hands them to a Pulumi program. */
    readonly allConfig: ProviderConfig;
}

/**
 * Config as `pulumi up` hands it to the program: `namespace:key` → text (structured values as
 * JSON), with the keys set as secrets (whose text is a placeholder offline).
 */
export interface ProviderConfig {
    readonly values: Record<string, string>;
    readonly secretKeys: readonly string[];
}

/** No provider settings. */
export const NO_PROVIDER_CONFIG: ProviderConfig = { values: {}, secretKeys: [] };

/** What a `secure:` value becomes in the offline plan; never the ciphertext. */
export const SECRET_PLACEHOLDER = "[secret]";

/** Namespaces of the providers whose settings components carry into the providers they create. */
const PROVIDER_NAMESPACES: ReadonlySet<string> = new Set(PROVIDER_PACKAGES);
/** Engine settings, which the offline plan reads nothing from. */
const ENGINE_NAMESPACE = "pulumi";

/** The stack names that have a `Pulumi.<stack>.yaml` in `dir`. */
export function listStacks(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .map(f => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** How {@link readStackConfig} reads a stack file. */
export interface ReadStackOptions {
    /**
     * Every namespace is the program's to read (a Pulumi program: `new pulumi.Config("ns")`).
     * Default false: a stack program reads only the project's keys and the providers' settings,
     * so a key in any other namespace is a mistake.
     */
    readonly anyNamespace?: boolean;
    /** Project-level config (`namespace:key` → value, from Pulumi.yaml), which the stack file overrides. */
    readonly defaults?: Readonly<Record<string, unknown>>;
    /** Where provider packages resolve from, to check their settings' names (the project's first). */
    readonly resolveFrom?: readonly string[];
}

/**
 * A YAML file's top-level map (a Pulumi project or stack file), or a TopologyValidationError
 * naming `source` with each syntax error at its line.
 */
export function readYamlFile(file: string, source: string): Record<string, unknown> {
    const doc = parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: true });
    if (doc.errors.length > 0) {
        throw new TopologyValidationError(
            source,
            doc.errors.map(e => ({
                path: `line ${e.linePos?.[0].line ?? "?"}`,
                message: e.message.split("\n")[0],
                fix: "Fix the YAML syntax.",
            })),
        );
    }
    return (doc.toJS() ?? {}) as Record<string, unknown>;
}

/**
 * Reads `dir/Pulumi.<stack>.yaml`. Throws a {@link TopologyValidationError} naming the file when
 * it is missing (with the stack files there are), is not valid YAML, has keys outside the
 * project's namespace (unless `anyNamespace`), or a provider setting its provider does not have.
 * @param project the project name, which namespaces the keys (`name` in `Pulumi.yaml`).
 */
export function readStackConfig(
    dir: string,
    stack: string,
    project: string,
    options: ReadStackOptions = {},
): StackConfig {
    const file = stackFile(dir, stack);
    const component = `stack '${stack}'`;
    if (!file) throw new TopologyValidationError(component, [missingStackFile(dir, stack)]);
    const body = readYamlFile(file, `${component} (${file})`);
    const problems = new Problems();
    const config = body.config ?? {};
    if (typeof config !== "object" || Array.isArray(config)) {
        problems.add(
            "config",
            "is not a map of keys to values.",
            `Write 'config:' followed by '${project}:<key>: <value>' lines.`,
        );
    }
    const raw: Record<string, unknown> = {};
    const secretPaths: string[] = [];
    const providerValues: Record<string, string> = {};
    const providerSecrets: string[] = [];
    const allValues: Record<string, string> = {};
    const allSecrets: string[] = [];
    const entries = { ...options.defaults, ...(config as Record<string, unknown>) };
    for (const [written, value] of Object.entries(entries)) {
        const [namespace, name] = written.includes(":")
            ? [written.slice(0, written.indexOf(":")), written.slice(written.indexOf(":") + 1)]
            : [project, written];
        const key = `${namespace}:${name}`;
        if (namespace === project) {
            const before = secretPaths.length;
            // As the deployed program reads it: a string as the text the engine hands over (a
            // quoted "80" is 80), anything else as the YAML typed it, with its secrets hidden.
            setConfigKey(
                raw,
                name,
                typeof value === "string" ? configValue(value) : hideSecrets(value, key, secretPaths),
            );
            allValues[key] = configText(value);
            if (secretPaths.length > before) allSecrets.push(key);
            continue;
        }
        if (namespace === ENGINE_NAMESPACE) continue;
        if (PROVIDER_NAMESPACES.has(namespace)) {
            checkProviderKey(problems, written, namespace, name, options.resolveFrom);
            // Components carry these into the providers they create (components/providers.ts).
            const secret = isSecure(value);
            if (secret) providerSecrets.push(key);
            // A secret's placeholder is JSON text, so a structured setting stays readable as one.
            providerValues[key] = secret ? JSON.stringify(SECRET_PLACEHOLDER) : configText(value);
            allValues[key] = providerValues[key];
            if (secret) allSecrets.push(key);
            continue;
        }
        if (options.anyNamespace) {
            const found: string[] = [];
            hideSecrets(value, key, found);
            allValues[key] = configText(value);
            if (found.length > 0) allSecrets.push(key);
            continue;
        }
        const guess = closestSpelling(namespace, [project, ...PROVIDER_NAMESPACES]);
        problems.add(
            written,
            `is in namespace '${namespace}', neither the project's ('${project}') nor a provider's (${[...PROVIDER_NAMESPACES].join(", ")}).`,
            guess !== undefined && guess !== project
                ? `Did you mean '${guess}:${name}'?`
                : `Rename it to '${project}:${name}'.`,
        );
    }
    problems.throwIfAny(`${component} (${file})`);
    return {
        stack,
        file,
        raw,
        secretPaths,
        providerConfig: { values: providerValues, secretKeys: providerSecrets },
        allConfig: { values: allValues, secretKeys: allSecrets },
    };
}

/** `dir/Pulumi.<stack>.yaml` (or `.yml`) when it exists. */
function stackFile(dir: string, stack: string): string | undefined {
    return ["yaml", "yml"].map(ext => path.join(dir, `Pulumi.${stack}.${ext}`)).find(f => fs.existsSync(f));
}

/** The problem of a missing stack file: the directory looked in, and the stack files found there. */
function missingStackFile(dir: string, stack: string): ValidationProblem {
    const where = path.resolve(dir);
    const known = listStacks(where);
    const guess = closestSpelling(stack, known);
    const files = known.map(s => `Pulumi.${s}.yaml`).join(", ");
    return {
        path: "--stack",
        message: `there is no Pulumi.${stack}.yaml in ${where}.`,
        fix:
            known.length > 0
                ? `${guess ? `Did you mean --stack ${guess}? ` : ""}The stack files there are ${files}: pass --stack ${known.length === 1 ? known[0] : `with one of ${known.join(", ")}`}.`
                : `There is no stack file there: create Pulumi.${stack}.yaml in ${where} ('config: {}' for a stack without config), or point --cwd at the project's directory.`,
    };
}

/** A config value as the engine hands it to the program: strings as written, anything else as JSON; secrets as placeholders. */
export function configText(value: unknown): string {
    if (isSecure(value)) return SECRET_PLACEHOLDER;
    if (typeof value === "string") return value;
    return JSON.stringify(value, (_key, v: unknown) => (isSecure(v) ? SECRET_PLACEHOLDER : v));
}

/** A `secure:` value as the stack file holds it. */
function isSecure(value: unknown): boolean {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 1 && entries[0][0] === "secure" && typeof entries[0][1] === "string";
}

/** Replaces every `{ secure: … }` inside `value` with a secret placeholder, noting its path. */
function hideSecrets(value: unknown, at: string, found: string[]): unknown {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v, i) => hideSecrets(v, `${at}[${i}]`, found));
    if (isSecure(value)) {
        found.push(at);
        return pulumi.secret(SECRET_PLACEHOLDER);
    }
    return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, hideSecrets(v, `${at}.${k}`, found)]),
    );
}

/** The project name from `Pulumi.yaml` in `dir` or above; `topologies` when none is found. */
export function projectName(dir: string): string {
    for (let at = path.resolve(dir); ; at = path.dirname(at)) {
        const file = path.join(at, "Pulumi.yaml");
        if (fs.existsSync(file)) {
            const name = /^name:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(file, "utf8"))?.[1];
            if (name) return name;
        }
        if (path.dirname(at) === at) return "topologies";
    }
}
