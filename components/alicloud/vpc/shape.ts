/**
 * The shapes of a {@link RegionalVpc}'s args, created or existing: what untyped callers
 * (JavaScript, YAML, other languages) must hand over before its rules run. Tied to the args
 * interfaces by `argsShape`, so the two cannot drift.
 */
import * as alicloud from "../../sdk/alicloud";
import { z } from "zod";
import { argsShape, input, providerOf, text, wholeNumber } from "../../shape";
import { alibabaId } from "../ids";
import { ALIBABA_TAGS } from "../tags";
import { ExistingRegionalVpcArgs, RegionalVpcArgs } from "./args";

const provider = providerOf(alicloud.Provider, "alicloud").optional();

const vSwitch = z.strictObject({
    zoneId: text,
    cidrBlock: text,
    // The /64s of a /56.
    ipv6CidrBlockMask: wholeNumber(0, 255).optional(),
});

/** A VPC this component creates. */
export const REGIONAL_VPC_SHAPE = argsShape<RegionalVpcArgs>()(
    z.strictObject({
        region: text,
        cidrBlock: text,
        // vSwitch names are the keys: no blanks, no control characters (the name rule follows).
        vSwitches: z.record(text, vSwitch),
        enableIpv6: z.boolean().optional(),
        vpcName: text.optional(),
        provider,
        tags: ALIBABA_TAGS.optional(),
    }),
);

const existingVSwitch = z.strictObject({
    id: input(alibabaId("vSwitch")),
    zoneId: text,
    cidrBlock: text,
    ipv6Enabled: z.boolean().optional(),
});

/** A VPC that exists ({@link RegionalVpc.fromExisting}). */
export const EXISTING_REGIONAL_VPC_SHAPE = argsShape<ExistingRegionalVpcArgs>()(
    z.strictObject({
        region: text,
        vpcId: input(alibabaId("vpc")),
        cidrBlock: text,
        routeTableId: input(alibabaId("routeTable")),
        vSwitches: z.record(text, existingVSwitch),
        ipv6Enabled: z.boolean().optional(),
        provider,
    }),
);
