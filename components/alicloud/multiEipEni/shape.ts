/**
 * The shape of a {@link MultiEipEni}'s args: what untyped callers (JavaScript, YAML, other
 * languages) must hand over before its rules run. Tied to `MultiEipEniArgs` by `argsShape`, so
 * the two cannot drift. Ranges that depend on other fields (bandwidth by billing, period by cycle,
 * counts by instance type) are the rules'.
 */
import * as alicloud from "../../sdk/alicloud";
import { z } from "zod";
import { argsShape, input, instanceOf, providerOf, text, wholeNumber } from "../../shape";
import { GUEST_OS } from "../guestRouting";
import { alibabaId } from "../ids";
import { ALIBABA_TAGS } from "../tags";
import { RegionalVpc } from "../vpc";
import {
    EIP_ASSOCIATION_MODES,
    EIP_INTERNET_CHARGE_TYPES,
    EIP_ISPS,
    EIP_PAYMENT_TYPES,
    EIP_PRICING_CYCLES,
    MultiEipEniArgs,
    SHARED_BANDWIDTH_CHARGE_TYPES,
} from "./args";

const instance = z.strictObject({
    id: input(alibabaId("instance")),
    region: text,
    instanceType: text,
    zoneId: text.optional(),
    running: z.boolean().optional(),
    enis: wholeNumber(1, 100).optional(),
});

const vSwitchById = z.strictObject({
    id: input(alibabaId("vSwitch")),
    cidrBlock: text,
    zoneId: text.optional(),
});

const vSwitchOfVpc = z.strictObject({
    vpc: instanceOf(RegionalVpc, "RegionalVpc"),
    name: text,
});

// Told apart by their keys; the ranges (bandwidth, ratio) are the rules'.
const newSharedBandwidth = z.strictObject({
    bandwidth: z.number(),
    internetChargeType: z.enum(SHARED_BANDWIDTH_CHARGE_TYPES).optional(),
    ratio: z.number().optional(),
    eipQuota: wholeNumber(1, 10_000).optional(),
});

const existingSharedBandwidth = z.strictObject({
    packageId: input(alibabaId("commonBandwidthPackage")),
});

const eip = z.strictObject({
    bandwidth: z.number().optional(),
    internetChargeType: z.enum(EIP_INTERNET_CHARGE_TYPES).optional(),
    paymentType: z.enum(EIP_PAYMENT_TYPES).optional(),
    isp: z.enum(EIP_ISPS).optional(),
    pricingCycle: z.enum(EIP_PRICING_CYCLES).optional(),
    period: z.number().optional(),
    addressNamePrefix: text.optional(),
    deletionProtection: z.boolean().optional(),
    mode: z.enum(EIP_ASSOCIATION_MODES).optional(),
    resourceGroupId: input(alibabaId("resourceGroup")).optional(),
    sharedBandwidth: z.union([newSharedBandwidth, existingSharedBandwidth]).optional(),
});

const instanceTypeLimits = z.strictObject({
    maxEnis: wholeNumber(1, 100),
    maxPrivateIpsPerEni: wholeNumber(1, 1000),
    hotPlug: z.boolean(),
});

/** The args of a {@link MultiEipEni}. */
export const MULTI_EIP_ENI_SHAPE = argsShape<MultiEipEniArgs>()(
    z.strictObject({
        instance,
        // Told apart by their keys: a value that fits neither is told about the form it comes closest to.
        vSwitch: z.union([vSwitchById, vSwitchOfVpc]),
        securityGroupIds: z.array(input(alibabaId("securityGroup"))),
        publicIpCount: wholeNumber(1, 1000).optional(),
        eniCount: wholeNumber(1, 99).optional(),
        privateIps: z.array(text).optional(),
        eip: eip.optional(),
        attach: z.boolean().optional(),
        eipQuota: wholeNumber(1, 100_000).optional(),
        eipsInUse: wholeNumber(0, 100_000).optional(),
        instanceTypeLimits: instanceTypeLimits.optional(),
        eniName: text.optional(),
        guestOs: z.enum(GUEST_OS).optional(),
        configureGuest: z.boolean().optional(),
        provider: providerOf(alicloud.Provider, "alicloud").optional(),
        tags: ALIBABA_TAGS.optional(),
    }),
);
