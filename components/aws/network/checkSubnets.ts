/**
 * Both tiers of a {@link TwoTierVpc}: zones of its region, blocks inside the VPC and disjoint,
 * names unique across the tiers, and, for an existing VPC, the subnets' ids.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkInput, checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { Cidr, checkCidr, checkNoOverlaps, cidrContains, PlacedCidr } from "../../net";
import { isLate } from "../../shape";
import { isZoneOf, ResolvedAwsRegion } from "../region";
import { checkEc2Id, Ec2IdPrefix } from "../shape";
import { ExistingSubnetArgs, SubnetArgs } from "./args";
import { ExistingSubnetPlan, SubnetPlan } from "./plan";

/** The two tiers, by their keys in the args. */
export type Tiers<S> = Readonly<Record<"publicSubnets" | "privateSubnets", Record<string, S>>>;

/** How an existing VPC's ids are checked: a plain id now, an Output when it resolves (unless a host's child will). */
export interface IdChecks {
    /** The component a late problem names, e.g. `topologies:aws:TwoTierVpc 'net'`. */
    readonly component: string;
    /** False when a host checks the args of the VPC it creates: the VPC checks its Outputs itself. */
    readonly late: boolean;
}

/** Checks an EC2 id: a plain one now, an Output when it resolves (if `ids.late`). Returns what the resources take. */
export function checkId(
    problems: Problems,
    path: string,
    id: pulumi.Input<string>,
    prefix: Ec2IdPrefix,
    ids: IdChecks,
): pulumi.Input<string> {
    if (isLate(id) && !ids.late) return id;
    return checkInput(problems, path, id, ids.component, (p, at, value) => checkEc2Id(p, at, value, prefix));
}

/** Checks both tiers of a VPC to create: each subnet /16 to /28, and a private subnet. */
export function checkNewSubnets(
    problems: Problems,
    tiers: Tiers<SubnetArgs>,
    vpc: Cidr | undefined,
    region: ResolvedAwsRegion,
): Record<keyof Tiers<SubnetArgs>, SubnetPlan[]> {
    return checkTiers(problems, tiers, vpc, region, true);
}

/** Checks both tiers of an existing VPC, and their ids: each of the subnet's form, each once. */
export function checkExistingSubnets(
    problems: Problems,
    tiers: Tiers<ExistingSubnetArgs>,
    vpc: Cidr | undefined,
    region: ResolvedAwsRegion,
    ids: IdChecks,
): Record<keyof Tiers<ExistingSubnetArgs>, ExistingSubnetPlan[]> {
    const plans = checkTiers(problems, tiers, vpc, region, false);
    const plain: Array<{ path: string; key: string }> = [];
    const withIds = (key: keyof Tiers<ExistingSubnetArgs>) =>
        plans[key].map(s => {
            const path = `${key}.${s.name}.id`;
            const given = tiers[key][s.name].id;
            if (typeof given === "string") plain.push({ path, key: given });
            return { ...s, id: checkId(problems, path, given, "subnet", ids) };
        });
    const publicSubnets = withIds("publicSubnets");
    const privateSubnets = withIds("privateSubnets");
    // One subnet in both tiers would put the ALB next to the tasks, or twice in one AZ.
    checkUnique(problems, plain, "subnet id");
    return { publicSubnets, privateSubnets };
}

/** Zones, blocks, overlaps and names of both tiers, and a private subnet; `created`: the subnets are made here. */
function checkTiers(
    problems: Problems,
    tiers: Tiers<SubnetArgs>,
    vpc: Cidr | undefined,
    region: ResolvedAwsRegion,
    created: boolean,
): Record<keyof Tiers<SubnetArgs>, SubnetPlan[]> {
    const placed: PlacedCidr[] = [];
    const tier = (key: keyof Tiers<SubnetArgs>): SubnetPlan[] =>
        Object.entries(tiers[key]).map(([name, subnet]) => {
            const path = `${key}.${name}`;
            if (region.valid && !isZoneOf(subnet.availabilityZone, region.region)) {
                problems.add(
                    `${path}.availabilityZone`,
                    `'${subnet.availabilityZone}' is not an availability zone of ${region.region}.`,
                    `Use a zone name such as ${region.region}a.`,
                );
            }
            const block = checkCidr(problems, `${path}.cidrBlock`, subnet.cidrBlock, 4);
            if (block && created && (block.prefix < 16 || block.prefix > 28)) {
                problems.add(
                    `${path}.cidrBlock`,
                    `subnet block ${block.text} is /${block.prefix}; AWS accepts /16 to /28.`,
                    "Choose a subnet mask from /16 to /28.",
                );
            }
            if (block && vpc && !cidrContains(vpc, block)) {
                problems.add(
                    `${path}.cidrBlock`,
                    `subnet '${name}' ${block.text} is not inside the VPC block ${vpc.text}.`,
                    `Use a subnet of this VPC: its block must lie inside ${vpc.text}.`,
                );
            }
            if (block) placed.push({ name: `subnet '${name}'`, cidr: block, path: `${path}.cidrBlock` });
            return { name, availabilityZone: subnet.availabilityZone, cidrBlock: block?.text ?? subnet.cidrBlock };
        });
    const publicSubnets = tier("publicSubnets");
    const privateSubnets = tier("privateSubnets");
    checkNoOverlaps(problems, placed, "Give every subnet of a VPC a disjoint block.");
    checkUnique(
        problems,
        [
            ...publicSubnets.map(s => ({ path: `publicSubnets.${s.name}`, key: s.name })),
            ...privateSubnets.map(s => ({ path: `privateSubnets.${s.name}`, key: s.name })),
        ],
        "subnet name",
    );
    if (privateSubnets.length === 0) {
        problems.add("privateSubnets", "no private subnet is given for the tasks.", "Add at least one private subnet.");
    }
    return { publicSubnets, privateSubnets };
}
