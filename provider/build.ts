/**
 * How a multi-language component builds: as a stack of one section. Its args are the section's
 * keys beside the stack-wide settings, so they go through the stack's own check
 * (`loadStackConfig`: shapes, VPCs, the CIDR plan, references, HTTPS-only) and its own builder,
 * and a Python or YAML program gets the rules, defaults and errors a stack file gets. Problems
 * are reported at the args' paths (`servers.instances.web1`, not `topologies:crossRegionAlb.…`)
 * as Pulumi's `InputPropertiesError`, which the engine prints per property.
 *
 * Nothing registers before the whole input was checked: the component's own registration waits
 * behind a {@link RegistrationGate} until its children were built, as the stack's do.
 */
import * as pulumi from "@pulumi/pulumi";
import { TopologyValidationError, ValidationProblem } from "../components/errors";
import { buildStack, loadStackConfig } from "../stacks/program";
import { RegistrationGate } from "../stacks/registrationGate";

/** The keys of the args that are stack-wide settings rather than the section's. */
const SETTING_KEYS = ["tags", "protect", "httpsOnly", "serverPassword"];

/** What a component's constructor gets from {@link checkArgs}: the stack config and the gated options. */
export interface CheckedArgs {
    readonly config: unknown;
    readonly opts: pulumi.ComponentResourceOptions;
    readonly gate: RegistrationGate;
    /** `topologies:<key>` and `topologies:` are removed from paths and texts to give the args' own paths. */
    readonly prefixes: readonly string[];
}

/**
 * Checks the args of the component `type` (section `key`, or every section for the environment)
 * as a stack config, before the component registers; throws every problem at once.
 */
export function checkArgs(
    type: string,
    name: string,
    key: string | undefined,
    args: unknown,
    opts: pulumi.ComponentResourceOptions | undefined,
): CheckedArgs {
    const prefixes = key === undefined ? ["topologies:"] : [`topologies:${key}.`, `topologies:${key}`, "topologies:"];
    const raw = rawConfig(key, args);
    const outputs = outputKeys(raw);
    if (outputs.length > 0) {
        throw asInputError(
            type,
            name,
            new TopologyValidationError(
                type,
                outputs.map(path => ({
                    path,
                    message: "is an output of another resource, and this input must be known when the program runs.",
                    fix: "Pass a plain value (a literal, or config read with getConfig); only serverPassword takes an output.",
                })),
            ),
            prefixes,
        );
    }
    try {
        const config = loadStackConfig(raw);
        const gate = new RegistrationGate();
        return { config, gate, opts: gate.hold(opts ?? {}), prefixes };
    } catch (e) {
        throw asInputError(type, name, e, prefixes);
    }
}

/** Builds the section under `parent`, its resources named after it; returns the stack outputs. */
export function buildArgs(
    parent: pulumi.ComponentResource,
    type: string,
    name: string,
    checked: CheckedArgs,
): Record<string, pulumi.Output<unknown>> {
    let outputs: Record<string, pulumi.Input<unknown>>;
    try {
        outputs = buildStack(checked.config, { parent }, name);
    } catch (e) {
        throw asInputError(type, name, e, checked.prefixes);
    }
    checked.gate.open();
    return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, pulumi.output(v)]));
}

/**
 * The stack config of the args: a section's keys under `topologies:<key>`, the settings beside
 * it. A value that is not a plain object (null from an untyped caller) is passed on for the
 * schema to refuse at its path.
 */
function rawConfig(key: string | undefined, args: unknown): Record<string, unknown> {
    const given =
        typeof args === "object" && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
    const settings = Object.fromEntries(Object.entries(given).filter(([k]) => SETTING_KEYS.includes(k)));
    if (key === undefined) return given;
    const section = Object.fromEntries(Object.entries(given).filter(([k]) => !SETTING_KEYS.includes(k)));
    return { ...settings, [key]: given === args ? section : args };
}

/**
 * The config keys whose value is an Output: the engine wraps an input that depends on another
 * resource (or is secret) in one, and the checks need the value itself. `serverPassword` may be one.
 */
function outputKeys(raw: Record<string, unknown>): string[] {
    const found: string[] = [];
    for (const [key, value] of Object.entries(raw)) {
        if (key === "serverPassword") continue;
        if (pulumi.Output.isInstance(value)) found.push(`topologies:${key}`);
        else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
            for (const [inner, v] of Object.entries(value)) {
                if (pulumi.Output.isInstance(v)) found.push(`topologies:${key}.${inner}`);
            }
        }
    }
    return found;
}

/** A validation error re-reported at the args' paths as Pulumi's per-property error; others as they are. */
function asInputError(type: string, name: string, e: unknown, prefixes: readonly string[]): unknown {
    if (!(e instanceof TopologyValidationError)) return e;
    const strip = (text: string) => prefixes.reduce((t, prefix) => t.split(prefix).join(""), text);
    const problems: ValidationProblem[] = e.problems.map(p => ({
        path: strip(p.path),
        message: strip(p.message),
        fix: p.fix === undefined ? undefined : strip(p.fix),
    }));
    const summary = new TopologyValidationError(`${type} '${name}'`, problems);
    return new pulumi.InputPropertiesError({
        message: summary.message,
        errors: problems.map(p => ({
            propertyPath: p.path,
            reason: p.fix === undefined ? p.message : `${p.message} Fix: ${p.fix}`,
        })),
    });
}
