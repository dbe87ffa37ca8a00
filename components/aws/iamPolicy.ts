/**
 * A user's IAM policy document: that it is one, and what its wildcard actions grant. AWS's own
 * least-privilege controls decide which wildcards are refused and which are warned about:
 * - `"*"` (or `"*:*"`) in an Allow statement grants every action of every service, full
 *   administrative privileges: refused (AWS Control Tower CT.IAM.PR.1, "an IAM inline policy does
 *   not have a statement that includes "*" in the Action and Resource elements"; IAM User Guide,
 *   "Security best practices in IAM": apply least-privilege permissions). A task runs the
 *   application: it has no use for them, and whoever takes the task over would have them.
 * - `"<service>:*"` grants every action of one service: warned (Control Tower CT.IAM.PR.5 and
 *   Security Hub IAM.21, "IAM customer managed policies should not allow wildcard actions for
 *   services"), since a whole service is sometimes what an application owns (its own bucket).
 *   A prefix such as `s3:Get*` is what IAM.21 itself suggests, and passes.
 * - `NotAction` in an Allow statement grants every action but those listed: warned, as a wildcard.
 * Deny statements narrow what is granted, whatever they name.
 */
import { Problems } from "../errors";

/** What a policy's Allow statements grant by wildcard. */
export interface PolicyWildcards {
    /** Statements (by index) allowing every action of every service. */
    readonly everyAction: readonly number[];
    /** Warnings: a whole service's actions, or NotAction. */
    readonly warnings: readonly string[];
}

/** The statements of a policy document, whether it gives one or a list. */
function statementsOf(document: Record<string, unknown>): unknown[] {
    const statement = document.Statement;
    return Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
}

/** A statement's actions, whether it gives one or a list. */
function listOf(value: unknown): string[] {
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return items.filter((a): a is string => typeof a === "string");
}

/** Every action of every service: `*` or `*:*` (IAM action names are case-insensitive, and `**` is `*`). */
const EVERY_ACTION = /^\*+(?::\*+)?$/;
/** Every action of one service, e.g. `s3:*`. */
const SERVICE_WILDCARD = /^([A-Za-z0-9-]+):\*+$/;

/** The wildcards of a parsed policy document's Allow statements. */
export function policyWildcards(document: Record<string, unknown>, what: string): PolicyWildcards {
    const everyAction: number[] = [];
    const warnings: string[] = [];
    statementsOf(document).forEach((statement, i) => {
        if (statement === null || typeof statement !== "object") return;
        const s = statement as Record<string, unknown>;
        if (s.Effect !== "Allow") return;
        const actions = listOf(s.Action);
        if (actions.some(a => EVERY_ACTION.test(a))) {
            everyAction.push(i);
            return;
        }
        const services = actions.filter(a => SERVICE_WILDCARD.test(a));
        if (services.length > 0) {
            warnings.push(
                `${what} statement ${i} allows every action of a service (${services.join(", ")}); ` +
                    "list the actions the application calls, or a prefix such as s3:Get* (AWS Security Hub IAM.21).",
            );
        }
        if (s.NotAction !== undefined) {
            warnings.push(
                `${what} statement ${i} allows every action but those in NotAction (${listOf(s.NotAction).join(", ")}); ` +
                    "list the actions the application calls instead (IAM: apply least-privilege permissions).",
            );
        }
    });
    return { everyAction, warnings };
}

/**
 * An IAM policy document is a JSON object (IAM User Guide, "IAM JSON policy reference"); text that
 * is no JSON object would fail only at deployment. An Allow of every action is refused; what else
 * it grants is IAM's to check. Returns the parsed document, undefined when it is none.
 */
export function checkPolicyDocument(
    problems: Problems,
    path: string,
    policy: string,
): Record<string, unknown> | undefined {
    let document: unknown;
    try {
        document = JSON.parse(policy);
    } catch (e) {
        problems.add(
            path,
            `the policy is not JSON: ${e instanceof Error ? e.message : String(e)}.`,
            'Give the policy document as JSON text, e.g. JSON.stringify({ Version: "2012-10-17", Statement }).',
        );
        return undefined;
    }
    if (document === null || typeof document !== "object" || Array.isArray(document)) {
        problems.add(
            path,
            "the policy is JSON but not an object.",
            "Give a policy document: an object with Version and Statement.",
        );
        return undefined;
    }
    const parsed = document as Record<string, unknown>;
    for (const i of policyWildcards(parsed, path).everyAction) {
        problems.add(
            path,
            `statement ${i} allows every action of every AWS service ("*"): full administrative privileges.`,
            "List the actions the application calls, e.g. s3:GetObject on its bucket (AWS: apply least-privilege permissions).",
        );
    }
    return parsed;
}

/** The warnings about a policy's wildcards, for text that passed {@link checkPolicyDocument}. */
export function policyWarnings(policy: string, what: string): readonly string[] {
    try {
        const document: unknown = JSON.parse(policy);
        if (document === null || typeof document !== "object" || Array.isArray(document)) return [];
        return policyWildcards(document as Record<string, unknown>, what).warnings;
    } catch {
        return [];
    }
}
