/** The rules S3 adds to its backends' security groups, so the ALB reaches them and nothing else does. */
import { Problems } from "../../errors";
import { Cidr, checkCidr, checkWorldSources, coversInternet } from "../../net";
import { AlbCommonPlan, AlbIngressRule } from "../albCommon";
import { checkServiceRangeBlock } from "../albCommon/backToOrigin";
import { albIngressRuleName } from "../albCommon/ingress";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { BackendIngressArgs, DualStackBackendPlan } from "./args";

/** A rule before the settings every rule of the component shares. */
type PlannedRule = Omit<AlbIngressRule, "priority" | "formerName">;

/** The planned rules, and what to warn about when they are created. */
export interface PlannedIngress {
    readonly rules: AlbIngressRule[];
    /** Set when `allowWorldSources` opened a backend port to the whole internet. */
    readonly warning?: string;
}

/**
 * The rules each named security group needs: every distinct backend port (and a fixed
 * health-check port) from the ALB's sources of the backends' family, and all ICMPv6 for groups
 * with IPv6 backends. Ports are only ever the backends' own: never all ports. The default IPv4
 * sources are where the ALB fetches from (`backToOrigin`, as S1 decides them); sources given
 * are held to the same rule for blocks of 100.64.0.0/10, and refused when they cover the whole
 * internet unless `allowWorldSources`.
 */
export function planIngress(
    problems: Problems,
    name: string,
    ingress: BackendIngressArgs,
    backends: readonly DualStackBackendPlan[],
    alb: Omit<AlbCommonPlan, "vpc">,
    vpc: RegionalVpc,
    backToOriginCidrs: readonly string[],
): PlannedIngress {
    const priority = ingress.priority ?? 1;
    const given: Array<{ path: string; cidr: Cidr }> = [];
    // Each block in canonical form, so the rules' names and sources say each block one way.
    const sourcesOf = (field: "ipv4Sources" | "ipv6Sources" | "icmpv6Sources", family: 4 | 6): string[] | undefined =>
        ingress[field]?.flatMap((s, i) => {
            const path = `backendIngress.${field}[${i}]`;
            const block = checkCidr(problems, path, s, family);
            if (!block) return [];
            if (field !== "icmpv6Sources") given.push({ path, cidr: block });
            return [block.text];
        });
    const ipv4: Array<string | VSwitchInfo> = sourcesOf("ipv4Sources", 4) ?? [...backToOriginCidrs];
    // The ALB reaches IPv6 backends from addresses in its own vSwitches' /64s, nothing wider.
    const ipv6: Array<string | VSwitchInfo> = sourcesOf("ipv6Sources", 6) ?? [...alb.albVSwitches];
    // ICMPv6 from anywhere opens no port, and IPv6 needs it: a filtered Packet Too Big breaks path-MTU
    // discovery (RFC 4890 §4.3.1 lists it among the messages that must not be dropped), so it is not held
    // to the world rule.
    const icmpv6 = sourcesOf("icmpv6Sources", 6) ?? ["::/0"];
    const ports = [
        ...new Set(backends.flatMap(b => [b.port, ...(alb.healthCheck.fixedPort ? [alb.healthCheck.fixedPort] : [])])),
    ];
    const warning = checkWorldSources(problems, "backendIngress", given, {
        what: `backend port${ports.length === 1 ? "" : "s"} ${ports.join(", ")}`,
        allow: { field: "backendIngress.allowWorldSources", allowed: ingress.allowWorldSources === true },
    });
    // A list open to the whole internet admits every tenant's ALB too: the world rule has said it.
    const ipv4Given = given.filter(g => g.cidr.family === 4);
    if (
        !coversInternet(
            ipv4Given.map(g => g.cidr),
            4,
        )
    ) {
        for (const g of ipv4Given) checkServiceRangeBlock(problems, g.path, g.cidr);
    }

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
    return { rules: [...rules.values()], warning };
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
