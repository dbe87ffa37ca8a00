/**
 * How a stack program reads one of its project's config values: the Pulumi CLI hands a program
 * every config value as text, structured values (maps, lists, numbers, booleans) as JSON, so text
 * that parses as JSON is taken as that value and any other text as the string it is (what
 * `pulumi.Config.getObject` does, with plain text allowed). The repository's stack program reads
 * its config so when deployed (stacks/index.ts), and `topologies plan` reads a stack file so
 * (cli/stackConfig.ts): a quoted `"80"` is the number 80 in both.
 */

/** The value of one config entry's text. */
export function configValue(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/**
 * Sets `key` on `raw` as an own property, whatever its name: a plain assignment of `__proto__`
 * would replace the object's prototype, and every key of the value would then read as if the
 * stack file had set it at the top. As an own key it is refused by the schema like any unknown one.
 */
export function setConfigKey(raw: Record<string, unknown>, key: string, value: unknown): void {
    Object.defineProperty(raw, key, { value, enumerable: true, writable: true, configurable: true });
}
