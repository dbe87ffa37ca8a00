/** Where else the tasks may send: one named rule per destination, each a block, a prefix list or a security group. */
import { checkInput, checkPort } from "../../checks";
import { Problems } from "../../errors";
import { checkCidr, cidrContains, parseCidr } from "../../net";
import { checkEc2Id } from "../shape";
import { TaskEgressArgs } from "./args";
import { TaskEgressPlan } from "./plan";

const DESTINATIONS = ["cidrBlock", "prefixListId", "securityGroupId"] as const;

/**
 * What a security group rule's description may hold (EC2 API Reference, `IpRange`:
 * "Up to 255 characters in length. Allowed characters are a-z, A-Z, 0-9, spaces, and
 * ._-:/()#,@[]+=&;{}!$*").
 */
const RULE_DESCRIPTION = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/;

/**
 * Checks the rules by name (`problems` scoped to `taskEgress`). `endpointsOnly`: the private
 * subnets, created here with no NAT, route nowhere outside the VPC block `vpcCidr`. A prefix
 * list or security group given as an Output is checked when it resolves, as `component`.
 */
export function checkTaskEgress(
    problems: Problems,
    rules: Record<string, TaskEgressArgs>,
    vpcCidr: string,
    endpointsOnly: boolean,
    component: string,
): TaskEgressPlan[] {
    return Object.entries(rules).map(([key, rule]) => {
        if (!/^[A-Za-z0-9-]+$/.test(key)) {
            problems.add(
                key,
                `rule name '${key}' is not letters, digits and hyphens.`,
                "Rename the rule; its name keys the resource.",
            );
        }
        const targets = DESTINATIONS.filter(t => rule[t] !== undefined);
        if (targets.length !== 1) {
            const got = targets.length === 0 ? "none" : targets.join(" and ");
            problems.add(
                key,
                `a rule names exactly one destination, of cidrBlock, prefixListId and securityGroupId; got ${got}.`,
                "Keep one destination per rule; add a rule per destination.",
            );
        }
        const protocol = rule.protocol ?? "tcp";
        const fromOk = checkPort(problems, `${key}.port`, rule.port);
        const toPort = rule.toPort ?? rule.port;
        const toOk = rule.toPort !== undefined && checkPort(problems, `${key}.toPort`, rule.toPort);
        if (toOk && fromOk && toPort < rule.port) {
            problems.add(
                `${key}.toPort`,
                `the range ends at ${toPort}, before it starts at ${rule.port}.`,
                "Give toPort at least port.",
            );
        }
        const cidrBlock =
            rule.cidrBlock === undefined
                ? undefined
                : checkDestinationBlock(problems, `${key}.cidrBlock`, rule.cidrBlock, vpcCidr, endpointsOnly);
        const prefixListId =
            rule.prefixListId === undefined
                ? undefined
                : checkInput(problems, `${key}.prefixListId`, rule.prefixListId, component, (p, at, id) =>
                      checkEc2Id(p, at, id, "pl"),
                  );
        const securityGroupId =
            rule.securityGroupId === undefined
                ? undefined
                : checkInput(problems, `${key}.securityGroupId`, rule.securityGroupId, component, (p, at, id) =>
                      checkEc2Id(p, at, id, "sg"),
                  );
        if (rule.description !== undefined && !RULE_DESCRIPTION.test(rule.description)) {
            problems.add(
                `${key}.description`,
                `'${rule.description}' is not up to 255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*.`,
                "Shorten the description, or leave out other characters.",
            );
        }
        const destination = cidrBlock ?? (rule.prefixListId !== undefined ? "a prefix list" : "a security group");
        const ports = toPort === rule.port ? `${rule.port}` : `${rule.port}-${toPort}`;
        return {
            key,
            protocol,
            fromPort: rule.port,
            toPort,
            cidrBlock,
            prefixListId,
            securityGroupId,
            description: rule.description ?? `Tasks to ${destination} on ${protocol} ${ports}`,
        };
    });
}

/** A destination block: not everywhere, and inside the VPC when nothing routes out of it. Returns it canonical. */
function checkDestinationBlock(
    problems: Problems,
    path: string,
    text: string,
    vpcCidr: string,
    endpointsOnly: boolean,
): string | undefined {
    const block = checkCidr(problems, path, text, 4);
    if (block && block.prefix === 0) {
        problems.add(
            path,
            "0.0.0.0/0 would let the tasks send anywhere on those ports.",
            "Name the destination's block, security group or prefix list.",
        );
    } else if (block && endpointsOnly && vpcCidr !== "" && !cidrContains(parseCidr(vpcCidr), block)) {
        problems.add(
            path,
            `${block.text} is outside the VPC ${vpcCidr}, and without a NAT gateway the private subnets ` +
                "have no route out of it.",
            "Use egress 'natGateway' to reach it, or a destination inside the VPC.",
        );
    }
    return block?.text;
}
