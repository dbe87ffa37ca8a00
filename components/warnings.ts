/**
 * How a component warns: `pulumi.log.warn` with the component named at the start of the text,
 * `<type> '<name>': <message>`, and no resource attached.
 *
 * Why no resource: the SDK sends log messages one after the other, and one given a resource waits
 * for that resource's URN first (@pulumi/pulumi log/index.js). The stack program holds every
 * registration until the whole stack was checked (stacks/registrationGate.ts), so a warning
 * attached to a component of a rejected stack would never be sent, and neither would any message
 * after it, the program's error included: the run would fail without a word. (ESLint refuses a
 * `pulumi.log` call with a resource in components/ and stacks/.)
 */
import * as pulumi from "@pulumi/pulumi";

/** Logs `message` as a warning of `component` (a resource, or already its `<type> '<name>'` label). */
export function warnAbout(component: pulumi.Resource | string, message: string): void {
    const label =
        typeof component === "string"
            ? component
            : `${pulumi.resourceType(component)} '${pulumi.resourceName(component)}'`;
    void pulumi.log.warn(`${label}: ${message}`);
}

/** A warning of {@link warnAbout} read back: the component's logical name and the message after the label. */
export function parseWarning(text: string): { subject?: string; message: string } {
    const found = /^[a-z][\w.-]*(?::[\w./-]+)+ '([^']+)': /i.exec(text);
    return found ? { subject: found[1], message: text.slice(found[0].length) } : { message: text };
}
