/** Every S3 rule, checked before anything is registered; the result is the constructor's whole plan. */
import * as pulumi from "@pulumi/pulumi";
import { Problems, validate } from "../../errors";
import { checkShape } from "../../shape";
import { checkBackToOrigin } from "../albCommon/backToOrigin";
import { checkAlbCommonArgs } from "../albCommon/check";
import type { AlbAclPlan } from "../albCommon/operations";
import { DUAL_STACK_ALB_TYPE, DualStackAlbArgs, DualStackAlbPlan } from "./args";
import { checkBackends, checkServerGroupBackends } from "./checkBackends";
import { planIngress } from "./ingress";
import { DUAL_STACK_ALB_SHAPE } from "./shape";

/**
 * Checks the arguments of a {@link DualStackAlb} and returns the plan. Pure: it registers
 * nothing, so it runs (and is tested) on its own, before anything is created.
 */
export function validateDualStackAlbArgs(name: string, args: DualStackAlbArgs): DualStackAlbPlan {
    const plan = validate(`${DUAL_STACK_ALB_TYPE} '${name}'`, problems => checkDualStackAlbArgs(problems, name, args));
    // No plan comes back only when the args did not fit their shape, and validate threw those problems.
    return plan!;
}

/**
 * The checks of {@link validateDualStackAlbArgs}, recording into `problems`, so a caller that
 * creates the component can report its problems with its own. Returns the complete plan, every
 * default applied (meaningful only when no problem was recorded), or undefined when the args do
 * not fit their shape (`DUAL_STACK_ALB_SHAPE`): then only the shape's problems are recorded, all
 * of them, and no rule runs on values of the wrong type.
 */
export function checkDualStackAlbArgs(
    problems: Problems,
    name: string,
    args: DualStackAlbArgs,
): DualStackAlbPlan | undefined {
    if (!checkShape(problems, DUAL_STACK_ALB_SHAPE, args)) return undefined;
    const dualStack = (args.ipVersion ?? "DualStack") === "DualStack";
    if (args.ipv6AddressType !== undefined && !dualStack) {
        problems.add(
            "ipv6AddressType",
            `an IPv4 ALB has no IPv6 address to make '${args.ipv6AddressType}'.`,
            "Drop ipv6AddressType, or set ipVersion: DualStack.",
        );
    }
    const serverGroupIpv6 = args.serverGroupIpv6Enabled ?? dualStack;
    if (serverGroupIpv6 && !dualStack) {
        problems.add(
            "serverGroupIpv6Enabled",
            "an IPv6-enabled server group can be used only by listeners of a dual-stack ALB, and this ALB is IPv4.",
            "Set ipVersion: DualStack, or serverGroupIpv6Enabled: false.",
        );
    }
    const vpc = args.vpc;
    if (dualStack && !vpc.ipv6Enabled) {
        problems.add(
            "vpc",
            `a dual-stack ALB needs a VPC with IPv6, and VPC '${pulumi.resourceName(vpc)}' has none.`,
            "Create the RegionalVpc with enableIpv6: true, or set ipVersion: IPv4.",
        );
    }
    // Each backend takes an address in its vSwitch, which an ALB there then cannot.
    const usedAddresses = new Map<string, number>();
    // An instance in several server groups takes its address once.
    const instances = new Set<unknown>();
    const everyBackend = [
        ...Object.values(args.backends),
        ...Object.values(args.serverGroups ?? {}).flatMap(g => Object.values(g.backends)),
    ];
    for (const b of everyBackend) {
        if (typeof b.instanceId === "string" && instances.has(b.instanceId)) continue;
        instances.add(b.instanceId);
        usedAddresses.set(b.vSwitch, (usedAddresses.get(b.vSwitch) ?? 0) + 1);
    }
    const alb = checkAlbCommonArgs(problems, name, args, vpc, { serverGroupName: `${name}-servers`, usedAddresses });
    if (dualStack) {
        alb.albVSwitches
            .filter(v => !v.ipv6Enabled)
            .forEach(v => {
                const at = args.albVSwitches?.indexOf(v.name) ?? alb.albVSwitches.indexOf(v);
                problems.add(
                    `albVSwitches[${at}]`,
                    `vSwitch '${v.name}' in zone ${v.zoneId} has no IPv6; ` +
                        "a dual-stack ALB needs an IPv6-enabled vSwitch in each of its zones.",
                    "Set ipv6CidrBlockMask on the vSwitch, or set ipVersion: IPv4.",
                );
            });
    }
    const context = { vpc, dualStack, serverGroupIpv6, ipv6GatewayId: args.ipv6GatewayId ?? vpc.ipv6GatewayId };
    const backends = checkBackends(problems, args, alb, context);
    const serverGroupBackends = checkServerGroupBackends(problems, args, alb, context);
    const backToOrigin = checkBackToOrigin(problems, args.backToOrigin, alb.albVSwitches);
    const ingress = planIngress(
        problems,
        name,
        args.backendIngress ?? {},
        [...backends, ...Object.values(serverGroupBackends).flat()],
        alb,
        vpc,
        backToOrigin.cidrs,
    );
    return {
        ...alb,
        vpc,
        dualStack,
        ipv6AddressType: dualStack ? (args.ipv6AddressType ?? "Internet") : undefined,
        serverGroupIpv6,
        backends,
        serverGroupBackends,
        backToOrigin,
        rules: ingress.rules,
        warnings: [...(ingress.warning ? [ingress.warning] : []), ...ipv4OnlyAllowList(alb.acl, dualStack)],
        createServiceLinkedRole: args.createServiceLinkedRole ?? false,
    };
}

/**
 * An allow list of IPv4 blocks only on a dual-stack ALB refuses every IPv6 client, which the
 * IPv6 address exists for: warned, since a team may mean it (IPv6 for the backends only).
 */
function ipv4OnlyAllowList(acl: AlbAclPlan | undefined, dualStack: boolean): string[] {
    if (!dualStack || acl?.aclType !== "White" || acl.entries.some(e => e.includes(":"))) return [];
    return [
        `acl allows IPv4 blocks only (${acl.entries.join(", ")}), so the dual-stack ALB refuses every IPv6 client; ` +
            "add your IPv6 blocks to acl.entries if IPv6 clients should reach it.",
    ];
}
