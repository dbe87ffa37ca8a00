/**
 * The Pulumi program (`main` of Pulumi.yaml): reads the stack's `topologies:*` config, checks it,
 * and builds the topologies it names. Config errors and component errors name the YAML key path
 * and fail before anything is registered: the config check runs first, then the whole stack is
 * run offline (./preflight) so a late component's rejection cannot leave earlier ones half-made.
 */
import * as pulumi from "@pulumi/pulumi";
import { preflight } from "./preflight";
import { buildStack, loadStackConfig } from "./program";

const NAMESPACE = "topologies:";
/** Keys that hold secrets: read through `getSecret`, so they stay secret in state and outputs. */
const SECRET_KEYS = new Set(["serverPassword"]);

/** The project's config keys without their namespace; structured values arrive as JSON text. */
function rawConfig(): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    const config = new pulumi.Config();
    for (const [key, text] of Object.entries(pulumi.runtime.allConfig())) {
        if (!key.startsWith(NAMESPACE)) continue;
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch {
            value = text;
        }
        const name = key.slice(NAMESPACE.length);
        raw[name] = SECRET_KEYS.has(name) ? config.requireSecret(name) : value;
    }
    return raw;
}

const raw = rawConfig();
const config = loadStackConfig(raw);
if (!process.env.TOPOLOGIES_SKIP_PREFLIGHT) preflight(raw);

export = buildStack(config, {});
