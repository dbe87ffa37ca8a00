/**
 * Stack-wide rules that no single component can see: they look across every resource of a
 * stack, including ones users add beside the components. Pure functions over the resources the
 * engine hands a policy pack, so they are unit-tested with sample resources.
 *
 * The pack is self-contained: it imports nothing but @pulumi/policy and its own files, so
 * `pulumi policy publish policy/` packages all it runs (tests/policyPackage.spec.ts checks it).
 */
import type { ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { checkPublicBackends } from "./backends";
import { Block, parseBlock } from "./cidr";
import { ALB_SERVER_WEIGHT } from "./constants";
import { known, knownItems, PropertyValue, stackOfUrn, StackResource } from "./resources";
import { checkWorldIngress } from "./worldIngress";

export { checkPublicBackends, checkWorldIngress, stackOfUrn };
export type { StackResource };

/** Configuration of the pack; every field has a default. */
export interface TopologiesPolicyConfig {
    /** Stacks that must protect clusters from deletion. Default: `["prod"]`. */
    productionStacks?: string[];
}

/**
 * Every ALB server carries traffic: a zero (or missing) weight silently takes a server out, and
 * the API refuses a weight above 100: the range the ALB components accept (./constants).
 */
export function checkServerWeights(resources: readonly StackResource[], report: ReportViolation): void {
    const UNKNOWN = Symbol("unknown");
    const { min, max } = ALB_SERVER_WEIGHT;
    for (const r of resources.filter(x => x.type === "alicloud:alb/serverGroup:ServerGroup")) {
        knownItems(() => r.props.servers).forEach((server: PropertyValue, i: number) => {
            const weight = known(() => server.weight, UNKNOWN);
            if (weight === UNKNOWN || (Number.isInteger(weight) && weight >= min && weight <= max)) return;
            const label = known(() => server.serverIp) ?? known(() => server.serverId) ?? "id known after apply";
            const why = typeof weight === "number" && weight > 0 ? "which ALB refuses" : "so it gets no traffic";
            report(
                `${r.name} server ${i} (${label}) has weight ${weight ?? "unset"}, ${why}; set a weight from ${min} to ${max}.`,
                r.urn,
            );
        });
    }
}

/** Clusters in production stacks are protected from deletion. */
export function checkClusterProtection(
    resources: readonly StackResource[],
    report: ReportViolation,
    config: TopologiesPolicyConfig = {},
): void {
    const production = new Set(config.productionStacks ?? ["prod"]);
    for (const r of resources.filter(x => x.type === "alicloud:cs/managedKubernetes:ManagedKubernetes")) {
        // An unknown flag is judged when it is known, at the update.
        if (production.has(stackOfUrn(r.urn)) && known(() => r.props.deletionProtection, true) !== true) {
            report(
                `${r.name} is a cluster in production stack '${stackOfUrn(r.urn)}' without deletion protection; set deletionProtection: true.`,
                r.urn,
            );
        }
    }
}

/** No two VPCs of a stack overlap, across clouds: they may be peered or joined later. */
export function checkVpcOverlaps(resources: readonly StackResource[], report: ReportViolation): void {
    const vpcs: Array<{ name: string; urn: string; block: Block }> = [];
    for (const r of resources) {
        const isVpc = r.type === "alicloud:vpc/network:Network" || r.type === "aws:ec2/vpc:Vpc";
        // A malformed block is the component's or the provider's error to report, not this rule's.
        const block = isVpc ? parseBlock(known(() => r.props.cidrBlock)) : undefined;
        if (block) vpcs.push({ name: r.name, urn: r.urn, block });
    }
    // Every overlapping pair once, named on the later VPC (a stack has a handful of VPCs).
    vpcs.forEach((a, i) => {
        for (const b of vpcs.slice(i + 1)) {
            if (a.block.family !== b.block.family || a.block.last < b.block.first || b.block.last < a.block.first)
                continue;
            report(
                `VPC ${b.name} ${b.block.text} overlaps VPC ${a.name} ${a.block.text}; give every VPC of the stack a disjoint block.`,
                b.urn,
            );
        }
    });
}

/** The pack's policies, each a stack validation over all resources. */
export const policies: StackValidationPolicy[] = [
    {
        name: "no-world-ingress-except-listeners",
        description:
            "No security-group ingress open to the whole internet (any blocks of one group that together cover 0.0.0.0/0 or ::/0 on a port) except on ports a load balancer using that group listens on, and a few ports of a server answering on its own EIPs.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkWorldIngress(args.resources, report),
    },
    {
        name: "no-public-ip-on-backends",
        description:
            "No public IP on Fargate tasks (services and task sets), nor on ALB backends (public bandwidth, a bound EIP, public IPv6 bandwidth).",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkPublicBackends(args.resources, report),
    },
    {
        name: "alb-server-weight-set",
        description: "Every ALB server group member has a weight from 1 to 100.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkServerWeights(args.resources, report),
    },
    {
        name: "cluster-deletion-protection-in-prod",
        description: "ACK clusters in production stacks have deletion protection on.",
        enforcementLevel: "mandatory",
        configSchema: { properties: { productionStacks: { type: "array", items: { type: "string" } } } },
        validateStack: (args, report) =>
            checkClusterProtection(args.resources, report, args.getConfig<TopologiesPolicyConfig>()),
    },
    {
        name: "no-vpc-cidr-overlap",
        description: "No two VPCs of a stack have overlapping CIDR blocks.",
        enforcementLevel: "mandatory",
        validateStack: (args, report) => checkVpcOverlaps(args.resources, report),
    },
];
