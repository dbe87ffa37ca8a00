/**
 * The shape of {@link DualStackAlbArgs}: what each field must be before the S3 rules run (see
 * components/shape.ts), tied to the args interface at compile time.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { argsShape, input, instanceOf, text, wholeNumber } from "../../shape";
import { ALB_ADDRESS_TYPES } from "../albCommon";
import {
    ALB_BACKEND_COMMON_FIELDS,
    ALB_COMMON_FIELDS,
    ECS_INSTANCE_ID,
    albServerGroupsShape,
} from "../albCommon/shape";
import { RegionalVpc } from "../vpc";
import {
    BackendIngressArgs,
    DUAL_STACK_IP_VERSIONS,
    DualStackAlbArgs,
    DualStackAlbBackend,
    DualStackAlbBackendCommon,
    IPV6_BANDWIDTH_CHARGE_TYPES,
    Ipv6InternetBandwidthArgs,
} from "./args";

const IPV6_INTERNET_BANDWIDTH = argsShape<Ipv6InternetBandwidthArgs>()(
    z.strictObject({
        ipv6AddressId: input(text),
        bandwidth: wholeNumber(1, 5000),
        internetChargeType: z.enum(IPV6_BANDWIDTH_CHARGE_TYPES).optional(),
    }),
);

/** Either family's fields in one object: what one backend may carry before the rules pick its family. */
type DualStackBackendFields = DualStackAlbBackendCommon & {
    ipv4Address?: pulumi.Input<string>;
    ipv6Address?: pulumi.Input<string>;
    ipv6InternetBandwidth?: Ipv6InternetBandwidthArgs;
};

/**
 * A backend of either family in one object, so a misspelt key is told the key it meant; a union
 * would say only "Invalid input". The rules then require exactly one address, and IPv6 bandwidth
 * only with an IPv6 one (checkBackends.ts), with messages that say so.
 */
const BACKEND = argsShape<DualStackBackendFields>()(
    z.strictObject({
        ...ALB_BACKEND_COMMON_FIELDS,
        instanceId: input(ECS_INSTANCE_ID),
        vSwitch: text,
        // The addresses' form is a rule of its own (checkBackends.ts), for plain values and Outputs alike.
        ipv4Address: input(z.string()).optional(),
        ipv6Address: input(z.string()).optional(),
        ipv6InternetBandwidth: IPV6_INTERNET_BANDWIDTH.optional(),
    }),
) as z.ZodType<DualStackAlbBackend>;

const BACKEND_INGRESS = argsShape<BackendIngressArgs>()(
    z.strictObject({
        // Blocks are checked by a rule (checkCidr), which says what is wrong with each.
        ipv4Sources: z.array(z.string()).optional(),
        ipv6Sources: z.array(z.string()).optional(),
        icmpv6Sources: z.array(z.string()).optional(),
        priority: wholeNumber(1, 100).optional(),
        allowWorldSources: z.boolean().optional(),
    }),
);

/** The shape of {@link DualStackAlbArgs}. */
export const DUAL_STACK_ALB_SHAPE = argsShape<DualStackAlbArgs>()(
    z.strictObject({
        ...ALB_COMMON_FIELDS,
        vpc: instanceOf(RegionalVpc, "RegionalVpc"),
        ipVersion: z.enum(DUAL_STACK_IP_VERSIONS).optional(),
        ipv6AddressType: z.enum(ALB_ADDRESS_TYPES).optional(),
        serverGroupIpv6Enabled: z.boolean().optional(),
        // Keys are checked by a rule (checkAlbKeys): zod passes a `__proto__` key of a record unchecked.
        backends: z.record(z.string(), BACKEND),
        serverGroups: albServerGroupsShape(BACKEND).optional(),
        backendIngress: BACKEND_INGRESS.optional(),
        ipv6GatewayId: input(text).optional(),
        createServiceLinkedRole: z.boolean().optional(),
    }),
);
