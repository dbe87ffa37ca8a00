/**
 * Before a real deployment registers anything, run the whole stack offline (`topologies check`)
 * so that a component rejecting its input anywhere in the stack stops the run before an earlier
 * section has created resources. Components each validate before registering; this extends the
 * guarantee from one component to the whole stack. Costs about a second and a half per run.
 * Set TOPOLOGIES_SKIP_PREFLIGHT=1 to skip it (e.g. when the plan already ran in CI).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError, ValidationProblem } from "../components/errors";
import { PROVIDER_PACKAGES, isSecretConfigKey } from "../components/providers";

const CLI = path.resolve(__dirname, "..", "cli", "bin.js");
/** A plan takes seconds; one that has not answered in two minutes is stuck (an output that never resolves). */
const TIMEOUT_MS = 120_000;

/** Secrets cannot leave the process: the check sees a placeholder of the same shape. */
function withoutSecrets(raw: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, pulumi.Output.isInstance(value) ? "[secret]" : value]));
}


/** The stack's provider settings, secrets replaced by a placeholder (the offline run only needs their shape). */
function providerConfig(): { values: Record<string, string>; secretKeys: string[] } {
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, text] of Object.entries(pulumi.runtime.allConfig())) {
        if (!PROVIDER_PACKAGES.some(pkg => key.startsWith(`${pkg}:`))) continue;
        const secret = isSecretConfigKey(key);
        if (secret) secretKeys.push(key);
        // JSON text, so a structured provider setting stays readable as one (components/providers.ts).
        values[key] = secret ? JSON.stringify("[secret]") : text;
    }
    return { values, secretKeys };
}

/** Throws the stack's validation problems, if any; returns when the stack is valid. */
export function preflight(raw: Record<string, unknown>, program = path.join(__dirname, "program"), timeoutMs = TIMEOUT_MS): void {
    const run = spawnSync(process.execPath, [CLI, "check", "--program", program, "--stack", pulumi.getStack()], {
        input: JSON.stringify({ raw: withoutSecrets(raw), providerConfig: providerConfig(), project: pulumi.getProject() }),
        encoding: "utf8",
        env: { ...process.env, PULUMI_CONFIG: undefined },
        timeout: timeoutMs,
    });
    let answer: { ok: boolean; errors?: Array<{ source: string; problems: ValidationProblem[] }>; failure?: string } | undefined;
    try {
        answer = JSON.parse((run.stdout ?? "").trim().split("\n").pop() ?? "");
    } catch {
        answer = undefined;
    }
    if (answer?.ok) return;
    if (answer?.errors) {
        throw new TopologyValidationError(`stack (${answer.errors.map(e => e.source).join("; ")})`, answer.errors.flatMap(e => e.problems));
    }
    // Fail closed: a check that did not answer has not shown the stack valid. Say how to go on without it.
    const how = run.error ? `did not finish: ${run.error.message}` : `exit ${run.status ?? run.signal}`;
    throw new Error(`the offline pre-flight of the stack failed (${how}): ${answer?.failure ?? run.stderr ?? ""}\n`
        + "Set TOPOLOGIES_SKIP_PREFLIGHT=1 to deploy without it (the components still check their own input).");
}
