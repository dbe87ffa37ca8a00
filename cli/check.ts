/**
 * `topologies check`: the pre-flight a real `pulumi up` runs before registering anything. It
 * reads `{ raw, providerConfig }` as JSON on stdin (the stack's project config without its
 * namespace, and its provider settings), runs the stack program offline under the mocks,
 * and answers `{ ok, errors }` as JSON: so a component rejecting its input in the last section
 * stops the deployment before the first section has created a VPC.
 *
 * Exit codes: 0 no problems, 1 validation problems, 2 unreadable input or an internal failure.
 */
import { loadProgram, ProgramError, runPlan, StackProgram } from "./plan";
import { NO_PROVIDER_CONFIG, ProviderConfig } from "./stackConfig";

/** What the pre-flight sends on stdin. */
export interface CheckInput {
    readonly raw: Record<string, unknown>;
    readonly providerConfig?: ProviderConfig;
    /** The project being deployed (names scoped to project and stack are the same offline). */
    readonly project?: string;
}

/** Runs the check over `input` (a {@link CheckInput} as JSON) with the program module `program`, as stack `stack`. */
export async function check(
    input: string,
    program: string,
    stack = "check",
): Promise<{ code: number; output: string }> {
    let payload: CheckInput;
    try {
        payload = JSON.parse(input);
    } catch (e) {
        return {
            code: 2,
            output: JSON.stringify({ ok: false, failure: `the config on stdin is not JSON: ${(e as Error).message}` }),
        };
    }
    if (payload === null || typeof payload !== "object" || typeof payload.raw !== "object" || payload.raw === null) {
        return {
            code: 2,
            output: JSON.stringify({
                ok: false,
                failure:
                    'the input on stdin has no "raw" object: send {"raw": <the config without its namespace>, "providerConfig": {...}}',
            }),
        };
    }
    let loaded: StackProgram;
    try {
        loaded = loadProgram(program);
    } catch (e) {
        if (!(e instanceof ProgramError)) throw e;
        return { code: 2, output: JSON.stringify({ ok: false, failure: e.message }) };
    }
    const result = await runPlan(
        loaded,
        payload.raw,
        stack,
        payload.providerConfig ?? NO_PROVIDER_CONFIG,
        payload.project,
    );
    return result.ok
        ? { code: 0, output: JSON.stringify({ ok: true }) }
        : { code: 1, output: JSON.stringify({ ok: false, errors: result.errors }) };
}
