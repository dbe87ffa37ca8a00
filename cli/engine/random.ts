/**
 * Outputs shaped like @pulumi/random's: a RandomString's `result`, drawn from the world's naming
 * seed, the stack and the resource's name (as the auto-names are), so a plan is stable and two
 * stacks differ, with the characters its inputs allow.
 */
import { MockContext, MockOutputs } from "./alicloud";
import { seededDigest } from "./ids";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";

export const randomRules: Record<string, (ctx: MockContext) => MockOutputs> = {
    "random:index/randomString:RandomString": ({ name, inputs, world }) => {
        const alphabet =
            (inputs.lower === false ? "" : LOWER) +
            (inputs.upper === false ? "" : LOWER.toUpperCase()) +
            (inputs.numeric === false ? "" : DIGITS);
        const bytes = seededDigest(world, name);
        const length = Number(inputs.length ?? 8);
        const result = Array.from({ length }, (_, i) => alphabet[bytes[i % bytes.length] % alphabet.length]).join("");
        return { id: result, state: { result } };
    },
};
