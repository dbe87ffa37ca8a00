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
import { Problems, TopologyValidationError } from "../components/errors";
import { PROVIDER_PACKAGES } from "../components/providers";

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
}

/**
 * Provider settings as `pulumi up` hands them to the program: `pkg:key` → text (structured
 * values as JSON), with the keys set as secrets (whose text is a placeholder offline).
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

/**
 * Reads `dir/Pulumi.<stack>.yaml`. Throws a {@link TopologyValidationError} naming the file when
 * it is missing, is not valid YAML, or has keys outside the project's namespace.
 * @param project the project name, which namespaces the keys (`name` in `Pulumi.yaml`).
 */
export function readStackConfig(dir: string, stack: string, project: string): StackConfig {
    const file = ["yaml", "yml"].map(ext => path.join(dir, `Pulumi.${stack}.${ext}`)).find(f => fs.existsSync(f));
    const component = `stack '${stack}'`;
    if (!file) {
        const known = listStacks(dir);
        throw new TopologyValidationError(component, [
            {
                path: "--stack",
                message: `there is no ${path.join(dir, `Pulumi.${stack}.yaml`)}.`,
                fix: known.length > 0 ? `Use one of: ${known.join(", ")}.` : `Create the stack file in ${dir}.`,
            },
        ]);
    }
    const doc = parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: true });
    if (doc.errors.length > 0) {
        throw new TopologyValidationError(
            `${component} (${file})`,
            doc.errors.map(e => ({
                path: `line ${e.linePos?.[0].line ?? "?"}`,
                message: e.message.split("\n")[0],
                fix: "Fix the YAML syntax.",
            })),
        );
    }
    const body = (doc.toJS() ?? {}) as Record<string, unknown>;
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
    for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
        const [namespace, name] = key.includes(":")
            ? [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)]
            : [project, key];
        if (namespace !== project) {
            if (namespace === ENGINE_NAMESPACE) continue;
            if (PROVIDER_NAMESPACES.has(namespace)) {
                // Components carry these into the providers they create (components/providers.ts).
                const secret = isSecure(value);
                if (secret) providerSecrets.push(key);
                // A secret's placeholder is JSON text, so a structured setting stays readable as one.
                providerValues[key] = secret
                    ? JSON.stringify(SECRET_PLACEHOLDER)
                    : typeof value === "string"
                      ? value
                      : JSON.stringify(value);
                continue;
            }
            problems.add(
                key,
                `is in namespace '${namespace}', neither the project's ('${project}') nor a provider's.`,
                `Rename it to '${project}:${name}'.`,
            );
            continue;
        }
        // An own key whatever its name (`__proto__` assigned would replace the prototype).
        Object.defineProperty(raw, name, {
            value: hideSecrets(value, `${project}:${name}`, secretPaths),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    problems.throwIfAny(`${component} (${file})`);
    return { stack, file, raw, secretPaths, providerConfig: { values: providerValues, secretKeys: providerSecrets } };
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
