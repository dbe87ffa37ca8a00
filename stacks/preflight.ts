/**
 * Before a real deployment registers anything, run the whole stack offline (`topologies check`)
 * so that a component rejecting its input anywhere in the stack stops the run before an earlier
 * section has created resources. Components each validate before registering; this extends the
 * guarantee from one component to the whole stack.
 *
 * It runs in a worker thread of the deploying process, not in a second process: the thread loads
 * its own copy of the modules (a thread has its own module registry), so the offline engine it
 * installs never touches the real runtime of the main thread, and no second Node.js, config read
 * or TypeScript start-up is paid. About a second per run. Set TOPOLOGIES_SKIP_PREFLIGHT=1 to skip
 * it (e.g. when the plan already ran in CI).
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError, ValidationProblem } from "../components/errors";
import { PROVIDER_PACKAGES, isSecretConfigKey } from "../components/providers";

const WORKER = path.join(__dirname, "preflightWorker.js");
/** A plan takes seconds; one that has not answered in two minutes is stuck (an output that never resolves). */
const TIMEOUT_MS = 120_000;

/** Secrets cannot leave the process: the check sees a placeholder of the same shape. */
function withoutSecrets(raw: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(raw).map(([key, value]) => [key, pulumi.Output.isInstance(value) ? "[secret]" : value]),
    );
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

/** What the check thread answers, or how it ended without answering. */
type Outcome = { answer: string } | { failure: string };

/** Runs the check in a worker thread; settles with its answer, or with why there is none (crash, exit, time-out). */
function runCheckThread(input: string, program: string, timeoutMs: number): Promise<Outcome> {
    // The offline run must not read the deployment's config: the check gets it on its input.
    const { PULUMI_CONFIG: _config, PULUMI_CONFIG_SECRET_KEYS: _secretKeys, ...env } = process.env;
    const worker = new Worker(WORKER, {
        workerData: { input, program, stack: pulumi.getStack() },
        env,
        stdout: true,
        stderr: true,
    });
    let stderr = "";
    worker.stderr.on("data", chunk => (stderr += chunk));
    return new Promise(resolve => {
        const settle = (outcome: Outcome) => {
            clearTimeout(timer);
            resolve(outcome);
            // The offline engine keeps handles open in the thread; once it has answered, it has no more to say.
            void worker.terminate();
        };
        const timer = setTimeout(
            () => settle({ failure: `did not finish: no answer in ${timeoutMs / 1000} s` }),
            timeoutMs,
        );
        worker.on("message", (message: { output: string }) => settle({ answer: message.output }));
        worker.on("error", e => settle({ failure: `crashed: ${e.message}` }));
        worker.on("exit", code => settle({ failure: `exit ${code}${stderr ? `: ${stderr.trim()}` : ""}` }));
    });
}

/** Throws the stack's validation problems, if any; resolves when the stack is valid. */
export async function preflight(
    raw: Record<string, unknown>,
    program = path.join(__dirname, "program"),
    timeoutMs = TIMEOUT_MS,
): Promise<void> {
    const input = JSON.stringify({
        raw: withoutSecrets(raw),
        providerConfig: providerConfig(),
        project: pulumi.getProject(),
    });
    const outcome = await runCheckThread(input, program, timeoutMs);
    let answer:
        | { ok: boolean; errors?: Array<{ source: string; problems: ValidationProblem[] }>; failure?: string }
        | undefined;
    if ("answer" in outcome) {
        try {
            answer = JSON.parse(outcome.answer);
        } catch {
            answer = undefined;
        }
    }
    if (answer?.ok) return;
    if (answer?.errors) {
        throw new TopologyValidationError(
            `stack (${answer.errors.map(e => e.source).join("; ")})`,
            answer.errors.flatMap(e => e.problems),
        );
    }
    // Fail closed: a check that did not answer has not shown the stack valid. Say how to go on without it.
    const how = "failure" in outcome ? outcome.failure : (answer?.failure ?? "its answer was not readable");
    throw new Error(
        `the offline pre-flight of the stack failed (${how})\n` +
            "Set TOPOLOGIES_SKIP_PREFLIGHT=1 to deploy without it (the components still check their own input).",
    );
}
