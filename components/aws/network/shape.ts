/**
 * The shapes of a {@link TwoTierVpc}'s args, checked before its rules: a VPC to create, an
 * existing one described (told apart by `vpcId`), and both as a host passes them, without the
 * region and provider the host settles.
 */
import { z } from "zod";
import { argsShape, input, text } from "../../shape";
import { awsProvider, awsTags } from "../shape";
import { EGRESS_MODES, ExistingTwoTierVpcArgs, HostedTwoTierVpcArgs, TwoTierVpcArgs } from "./args";

// Blocks are strings here; checkCidr reads them (and says what is wrong with one) in the rules.
const subnet = z.strictObject({ availabilityZone: text, cidrBlock: z.string() });
const existingSubnet = z.strictObject({ id: input(text), availabilityZone: text, cidrBlock: z.string() });

const newVpc = z.strictObject({
    region: text.optional(),
    cidrBlock: z.string(),
    publicSubnets: z.record(text, subnet),
    privateSubnets: z.record(text, subnet),
    egress: z.enum(EGRESS_MODES).optional(),
    ipv6: z.boolean().optional(),
    interfaceEndpoints: z.array(text).optional(),
    provider: awsProvider.optional(),
    tags: awsTags.optional(),
});

const existingVpc = z.strictObject({
    region: text.optional(),
    vpcId: input(text),
    cidrBlock: z.string(),
    publicSubnets: z.record(text, existingSubnet),
    privateSubnets: z.record(text, existingSubnet),
    privateRouteTableIds: z.array(input(text)).optional(),
    egress: z.enum(EGRESS_MODES).optional(),
    ipv6: z.boolean().optional(),
    interfaceEndpoints: z.array(text).optional(),
    provider: awsProvider.optional(),
    tags: awsTags.optional(),
});

const HOSTED = { region: true, provider: true } as const;

const NEW_VPC_SHAPE = argsShape<TwoTierVpcArgs>()(newVpc);
const EXISTING_VPC_SHAPE = argsShape<ExistingTwoTierVpcArgs>()(existingVpc);
const HOSTED_NEW_VPC_SHAPE = argsShape<Omit<TwoTierVpcArgs, "region" | "provider">>()(newVpc.omit(HOSTED));
const HOSTED_EXISTING_VPC_SHAPE = argsShape<Omit<ExistingTwoTierVpcArgs, "region" | "provider">>()(
    existingVpc.omit(HOSTED),
);

/** True for the description of an existing VPC: an object naming its `vpcId`. */
export function describesExistingVpc(args: unknown): boolean {
    return typeof args === "object" && args !== null && Object.hasOwn(args, "vpcId");
}

/**
 * The shape `args` must have: an existing VPC's when they name a `vpcId`, else a new one's; for
 * a host (`hosted`), without region and provider.
 */
export function twoTierVpcShape(
    args: unknown,
    hosted: boolean,
): z.ZodType<TwoTierVpcArgs | ExistingTwoTierVpcArgs | HostedTwoTierVpcArgs> {
    if (describesExistingVpc(args)) return hosted ? HOSTED_EXISTING_VPC_SHAPE : EXISTING_VPC_SHAPE;
    return hosted ? HOSTED_NEW_VPC_SHAPE : NEW_VPC_SHAPE;
}
