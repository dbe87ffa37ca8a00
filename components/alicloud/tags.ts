/**
 * The tags Alibaba Cloud resources take, as a shape the components' args share: at most 20 per
 * resource ("You can add up to 20 tags to each instance", VPC API TagResources); a key of 1 to
 * 128 characters that does not start with `aliyun` or `acs:` and holds no `http://` or
 * `https://`; a value of up to 128 characters (it may be empty) that does not start with `acs:`
 * and holds no URL scheme either (the `Tag` structure of Alibaba Cloud's API reference). Keys and
 * values also take no surrounding blanks or control characters, so what reaches the cloud is what
 * was written.
 */
import { z } from "zod";
import { text } from "../shape";

/** Tags one resource may carry (VPC, vSwitch, ENI, EIP: TagResources). */
export const MAX_TAGS = 20;
/** The longest tag key and tag value. */
const MAX_TAG_LENGTH = 128;

const URL_SCHEME = /https?:\/\//;

/** Issues for a tag key or value breaking the API's rule; `reserved` are the prefixes it refuses. */
function tagRule(what: "key" | "value", reserved: readonly string[]) {
    return (value: string, ctx: z.RefinementCtx) => {
        const fail = (message: string, fix: string) => ctx.addIssue({ code: "custom", message, params: { fix } });
        if (value.length > MAX_TAG_LENGTH) {
            fail(`is ${value.length} characters long, over the ${MAX_TAG_LENGTH} of a tag ${what}`, "Shorten it.");
        }
        const prefix = reserved.find(p => value.startsWith(p));
        if (prefix) fail(`starts with '${prefix}', which Alibaba Cloud keeps for its own tags`, "Choose another.");
        if (URL_SCHEME.test(value)) {
            fail(`holds a URL scheme, which a tag ${what} may not`, "Remove http:// or https://.");
        }
    };
}

const tagKey = text.superRefine(tagRule("key", ["aliyun", "acs:"])).refine(key => key !== "toString", {
    // Pulumi's runtime turns each input into text for its logs (`${value}`, safeToString in
    // @pulumi/pulumi/runtime/rpc.js), which throws for a map whose own `toString` is not a function.
    message: "cannot be passed to a resource: Pulumi's runtime takes it for the map's own toString",
    params: { fix: "Rename the tag (e.g. 'ToString')." },
});

/** A tag value: may be empty, but otherwise text (no surrounding blanks or control characters). */
const tagValue = z.string().superRefine((value, ctx) => {
    const asText = value === "" ? undefined : text.safeParse(value);
    for (const issue of asText?.error?.issues ?? []) ctx.addIssue({ ...issue } as never);
    tagRule("value", ["acs:"])(value, ctx);
});

/** The `tags` of an Alibaba Cloud component: key → value, at most {@link MAX_TAGS}. */
export const ALIBABA_TAGS = z.record(tagKey, tagValue).refine(tags => Object.keys(tags).length <= MAX_TAGS, {
    message: `holds more than the ${MAX_TAGS} tags a resource may carry`,
    params: { fix: `Keep at most ${MAX_TAGS} tags.` },
});

/**
 * The tags as a component passes them on: a plain object, whatever the caller's map was. A map
 * without a prototype (as some parsers of YAML or JSON make) cannot be registered: the Pulumi
 * SDK prints every input map with `${map}` (runtime/rpc.js, safeToString), which throws for it.
 */
export function plainTags(
    tags: Readonly<Record<string, string>> | undefined,
): Readonly<Record<string, string>> | undefined {
    return tags === undefined ? undefined : { ...tags };
}
