/**
 * The Pulumi program (`main` of Pulumi.yaml): reads the stack's `topologies:*` config, checks it,
 * and builds the topologies it names. Config errors and component errors name the YAML key path
 * and fail before anything is registered: the config check runs first, then every section is
 * built with its registrations held back until the whole stack was checked (./registrationGate),
 * so a late component's rejection cannot leave earlier ones half-made.
 */
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError } from "../components/errors";
import { isSecretConfigKey } from "../components/providers";
import { configValue, setConfigKey } from "../cli/configValue";
import { buildStack, loadStackConfig } from "./program";

const NAMESPACE = "topologies:";
/** Keys that hold secrets: read through `getSecret`, so they stay secret in state and outputs. */
const SECRET_KEYS = new Set(["serverPassword"]);

/**
 * The project's config keys without their namespace; structured values arrive as JSON text.
 * A key set with `--secret` that the program would read in plain text is refused, so a secret
 * never lands in the state unencrypted by accident.
 */
function rawConfig(): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    const config = new pulumi.Config();
    const plainSecrets: string[] = [];
    for (const [key, text] of Object.entries(pulumi.runtime.allConfig())) {
        if (!key.startsWith(NAMESPACE)) continue;
        const name = key.slice(NAMESPACE.length);
        if (!SECRET_KEYS.has(name) && isSecretConfigKey(key)) plainSecrets.push(key);
        setConfigKey(raw, name, SECRET_KEYS.has(name) ? config.requireSecret(name) : configValue(text));
    }
    if (plainSecrets.length > 0) {
        throw new TopologyValidationError(
            "stack config",
            plainSecrets.map(key => ({
                path: key,
                message:
                    "is stored as a secret, but the program reads this key as plain configuration, which would put it in the state unencrypted.",
                fix: `Set it without --secret (it holds no secret), or keep secrets in ${[...SECRET_KEYS].map(k => NAMESPACE + k).join(", ")}.`,
            })),
        );
    }
    return raw;
}

export = () => buildStack(loadStackConfig(rawConfig()), {});
