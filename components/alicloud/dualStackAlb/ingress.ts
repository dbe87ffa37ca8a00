/** The rules S3 adds to its backends' security groups, so the ALB reaches them and nothing else does. */
import { Problems } from "../../errors";
import { checkCidr } from "../../net";
import { ALB_LEGACY_BACK_TO_ORIGIN_RANGE, AlbCommonPlan, AlbIngressRule } from "../albCommon";
import { albIngressRuleName } from "../albCommon/ingress";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { BackendIngressArgs, DualStackBackendPlan } from "./args";

/** A rule before the settings every rule of the component shares. */
type PlannedRule = Omit<AlbIngressRule, "priority" | "formerName">;

/**
 * The rules each named security group needs: every distinct backend port (and a fixed
 * health-check port) from the ALB's sources of the backends' family, and all ICMPv6 for groups
 * with IPv6 backends. Ports are only ever the backends' own: never all ports.
 */
export function planIngress(
    problems: Problems,
    name: string,
    ingress: BackendIngressArgs,
    backends: readonly DualStackBackendPlan[],
    alb: Omit<AlbCommonPlan, "vpc">,
    vpc: RegionalVpc,
): AlbIngressRule[] {
    const priority = ingress.priority ?? 1;
    // Each block in canonical form, so the rules' names and sources say each block one way.
    const sourcesOf = (field: "ipv4Sources" | "ipv6Sources" | "icmpv6Sources", family: 4 | 6): string[] | undefined =>
        ingress[field]?.flatMap((s, i) => checkCidr(problems, `backendIngress.${field}[${i}]`, s, family)?.text ?? []);
    const ipv4: Array<string | VSwitchInfo> = sourcesOf("ipv4Sources", 4) ?? [
        ...alb.albVSwitches.map(v => v.cidrBlock),
        ALB_LEGACY_BACK_TO_ORIGIN_RANGE,
    ];
    // The ALB reaches IPv6 backends from addresses in its own vSwitches' /64s, nothing wider.
    const ipv6: Array<string | VSwitchInfo> = sourcesOf("ipv6Sources", 6) ?? [...alb.albVSwitches];
    const icmpv6 = sourcesOf("icmpv6Sources", 6) ?? ["::/0"];

    const rules = new Map<string, AlbIngressRule>();
    // Keyed by the child name, which says all a rule is: two backends of one group share their rules.
    const add = (rule: PlannedRule) =>
        rules.set(albIngressRuleName(name, { ...rule, priority }), {
            ...rule,
            priority,
            formerName: formerRuleName(name, rule),
        });
    for (const b of backends) {
        if (b.securityGroup === undefined || !Object.hasOwn(alb.securityGroups, b.securityGroup)) continue;
        const ports = new Set([b.port, ...(alb.healthCheck.fixedPort ? [alb.healthCheck.fixedPort] : [])]);
        for (const port of ports) {
            for (const source of b.family === 4 ? ipv4 : ipv6) {
                add({
                    securityGroup: b.securityGroup,
                    family: b.family,
                    protocol: "tcp",
                    port,
                    source,
                    description: `${name}: ALB to backend port ${port}`,
                });
            }
        }
        if (b.family === 6) {
            for (const source of icmpv6) {
                add({
                    securityGroup: b.securityGroup,
                    family: 6,
                    protocol: "icmpv6",
                    source,
                    description: `${name}: ICMPv6 to IPv6 backends`,
                });
            }
        }
    }
    // A RegionalVpc described with fromExisting does not know its vSwitches' IPv6 blocks.
    const fromUnknownBlock = [...rules.values()].some(
        r => typeof r.source !== "string" && r.source.ipv6CidrBlock === undefined,
    );
    if (fromUnknownBlock && vpc.vpc === undefined) {
        problems.add(
            "backendIngress.ipv6Sources",
            "IPv6 backends have security groups, but the IPv6 blocks of an existing VPC's ALB vSwitches " +
                "are not known to allow the ALB from.",
            "Set backendIngress.ipv6Sources to the ALB vSwitches' IPv6 blocks.",
        );
    }
    return [...rules.values()];
}

/**
 * The name 0.1 gave a rule from a block: every run of other characters than letters and digits
 * as `_` (`192_168_1_0_24`), kept as an alias where it differs from today's {@link albIngressRuleName}.
 */
function formerRuleName(name: string, rule: PlannedRule): string | undefined {
    if (typeof rule.source !== "string") return undefined;
    const what = rule.protocol === "tcp" ? `tcp${rule.port}` : "icmpv6";
    const slug = rule.source.replace(/[^0-9A-Za-z]+/g, "_").replace(/^_|_$/g, "") || "any";
    const former = `${name}-${rule.securityGroup}-${what}-${slug}`;
    return former === albIngressRuleName(name, { ...rule, priority: 1 }) ? undefined : former;
}
