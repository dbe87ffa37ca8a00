/**
 * The shape of the Alibaba Cloud resource ids users pass (a vSwitch, an instance, a security
 * group): a type prefix, a hyphen, lowercase letters and digits. The prefixes are those of the
 * ids in the provider's own examples (node_modules/@pulumi/alicloud: `vpc-bp1gcmm64o3caox84v0nz`,
 * `vsw-uf63gbmvwgreao66opmie` and `vtb-bp1lj0ddg846856chpzrv` in its .d.ts files,
 * `sg-zxcvj0lasdf102350asdf9a` and `rg-zkdfjahg9zxncv0` in ecs/launchTemplate.d.ts) and of
 * Alibaba Cloud's API examples (`i-bp67acfmxazb4p****`, a CEN bandwidth package's
 * `cenbwp-oq2ehpxq4zhwp790l7` in DescribeCenBandwidthPackages, `cenbwp-buw65zk0606xh0ukvd` in the
 * provider's acceptance tests of transit-router peer attachments); the length after the prefix differs by
 * region and age and is not documented, so it is not checked (unconfirmed beyond the examples).
 * Refusing `""`, `toString` or a padded id here means a wrong id fails before registration
 * instead of at the API, after other resources were created.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { checkedWhenKnown } from "../checks";
import { checkShape } from "../shape";

/** The prefix of each kind of id the components take. */
export const ALIBABA_ID_PREFIXES = {
    instance: "i",
    vpc: "vpc",
    vSwitch: "vsw",
    routeTable: "vtb",
    securityGroup: "sg",
    resourceGroup: "rg",
    cenBandwidthPackage: "cenbwp",
    // An Internet Shared Bandwidth id, as in the provider's NLB example (cbwp-2zexv44uov1m4b7xnh60j).
    commonBandwidthPackage: "cbwp",
} as const;

/** A kind of id in {@link ALIBABA_ID_PREFIXES}. */
export type AlibabaIdKind = keyof typeof ALIBABA_ID_PREFIXES;

/** How a message names each kind. */
const WHAT: Record<AlibabaIdKind, string> = {
    instance: "an ECS instance id",
    vpc: "a VPC id",
    vSwitch: "a vSwitch id",
    routeTable: "a route table id",
    securityGroup: "a security group id",
    resourceGroup: "a resource group id",
    cenBandwidthPackage: "a CEN bandwidth package id",
    commonBandwidthPackage: "an Internet Shared Bandwidth id",
};

/** An id of `kind` given as text: `<prefix>-` and lowercase letters and digits. */
export function alibabaId(kind: AlibabaIdKind): z.ZodType<string> {
    const prefix = ALIBABA_ID_PREFIXES[kind];
    const pattern = new RegExp(`^${prefix}-[a-z0-9]+$`);
    return z.string().refine(id => pattern.test(id), {
        message: `is not ${WHAT[kind]} (${prefix}- and lowercase letters and digits)`,
        params: { fix: `Pass the id as the console shows it, e.g. ${prefix}-bp1…` },
    });
}

/**
 * An id given as an Input: a plain id (already checked by the args' shape) as it is, an Output
 * checked by the same shape when it resolves; a failure is a TopologyValidationError of
 * `component` at `path`, which fails every resource taking the id before it is created.
 */
export function checkedId(
    value: pulumi.Input<string>,
    kind: AlibabaIdKind,
    component: string,
    path: string,
): pulumi.Input<string> {
    if (typeof value === "string") return value;
    return checkedWhenKnown(value, component, (problems, known) => {
        checkShape(problems.under(path), alibabaId(kind), known);
    });
}
