/**
 * The stack configuration: the stack-wide settings, the shared CEN (`topologies:network`) and one
 * optional section per topology, keyed as in the stack files (`topologies:crossRegionAlb`, …),
 * each section's schema from its entry in stacks/topologies/. The schema checks the shape (keys,
 * types, required fields) and reports YAML key paths; the components then check the meaning
 * (CIDRs, zones, limits), and their problems are reported under the same key paths
 * (see `configPath`).
 */
import { z } from "zod";
import { checkRegionalVpcArgs } from "../components/alicloud/vpc";
import { Problems, TopologyValidationError } from "../components/errors";
import { shapeProblems } from "../components/shape";
import { checkCidr, PlacedCidr, checkNoOverlaps } from "../components/net";
import { CEN_TOPOLOGIES, sharedNetworkSchema } from "./network";
import { configPath, httpsOnlyOf, stackSettings, VpcConfig } from "./schema";
import { TOPOLOGIES } from "./topologies";
import { Topology } from "./topology";

export { configPath } from "./schema";
export type { ServersConfig, VpcConfig } from "./schema";

type Topologies = (typeof TOPOLOGIES)[number];
/** One optional section per topology, under its key. */
type Sections = { [T in Topologies as T["key"]]: z.ZodOptional<T["schema"]> };
const sections = Object.fromEntries(TOPOLOGIES.map(t => [t.key, t.schema.optional()])) as unknown as Sections;

/** The whole stack config; every section optional, at least one required. */
export const stackConfigSchema = z.strictObject({
    ...stackSettings,
    network: sharedNetworkSchema.optional(),
    ...sections,
});

/** The checked stack config. */
export type StackConfig = z.infer<typeof stackConfigSchema>;

/**
 * The topologies the config has a section for, each with its section (as its schema parsed it:
 * the entry's methods take it as such).
 */
export function configuredTopologies(config: StackConfig): Array<{ topology: Topology; section: unknown }> {
    return TOPOLOGIES.flatMap(topology => {
        const section = config[topology.key];
        return section === undefined ? [] : [{ topology, section }];
    });
}

/**
 * Checks the raw config (keys without the `topologies:` namespace). Throws one
 * {@link TopologyValidationError} listing every shape problem with its YAML key path, the bad
 * value and a fix, then every overlap in the stack's CIDR plan.
 */
export function loadStackConfig(raw: Record<string, unknown>): StackConfig {
    const parsed = stackConfigSchema.safeParse(raw);
    if (!parsed.success) {
        // The same translation the components' shape checks use, at the YAML key paths.
        const problems = shapeProblems(parsed.error.issues, raw, stackConfigSchema).map(p => ({
            ...p,
            path: `topologies:${p.path}`,
        }));
        throw new TopologyValidationError("stack config", problems);
    }
    const config = parsed.data;
    const problems = new Problems();
    const configured = configuredTopologies(config);
    if (configured.length === 0) {
        // No key is wrong: the stack file's `config:` map as a whole lacks one (`topologies:` alone
        // would print as `topologies::`).
        problems.add(
            "config",
            "the stack builds no topology.",
            `Add at least one of: ${TOPOLOGIES.map(t => `topologies:${t.key}`).join(", ")}.`,
        );
    }
    checkVpcs(problems, config);
    for (const { topology, section } of configured)
        topology.checkReferences?.(problems.under(configPath([topology.key])), section);
    if (config.network && !configured.some(c => CEN_TOPOLOGIES.includes(c.topology.key))) {
        problems.add(
            "topologies:network",
            "a shared CEN is configured but no topology uses one.",
            `Remove topologies:network, or add ${CEN_TOPOLOGIES.map(k => `topologies:${k}`).join(" or ")}.`,
        );
    }
    checkCidrPlan(problems, config);
    checkHttpsOnly(problems, config);
    problems.throwIfAny("stack config");
    return config;
}

/**
 * An HTTPS-only stack (prod, or `httpsOnly: true`) serves nothing in plain text to the internet:
 * every public listener is HTTPS, HTTP on 80 only redirects to it. Checked on the config, so a
 * plain-HTTP prod fails before anything is registered.
 */
function checkHttpsOnly(problems: Problems, config: StackConfig): void {
    const { on, why } = httpsOnlyOf(config);
    if (!on) return;
    for (const { topology, section } of configuredTopologies(config)) {
        for (const listener of topology.plainHttpListeners?.(section) ?? []) {
            problems.add(
                configPath([topology.key, ...listener.path]),
                `${listener.what} serves plain HTTP to the internet, and ${why}.`,
                `${listener.fix} Or set topologies:httpsOnly: false to allow plain HTTP.`,
            );
        }
    }
}

/** Every Alibaba Cloud VPC the config describes, with its key path and a name for messages. */
export function vpcConfigs(config: StackConfig): Array<{ path: string[]; name: string; vpc: VpcConfig }> {
    return configuredTopologies(config).flatMap(({ topology, section }) =>
        topology.vpcs(section).map(v => ({ path: [topology.key, ...v.path], name: v.name, vpc: v.vpc })),
    );
}

/**
 * Every VPC, Pod and Service block of the stack, across topologies and clouds, must be disjoint:
 * they share one account and may share one CEN, and a later peering must not be ruled out.
 * vSwitch blocks sit inside their VPCs, which `checkVpcs` checks.
 */
export function cidrPlan(config: StackConfig): Array<{ name: string; path: string; text: string }> {
    const blocks = vpcConfigs(config).map(v => ({
        name: v.name,
        path: configPath([...v.path, "cidrBlock"]),
        text: v.vpc.cidrBlock,
    }));
    for (const { topology, section } of configuredTopologies(config)) {
        for (const block of topology.blocks?.(section) ?? []) {
            blocks.push({ name: block.name, path: configPath([topology.key, ...block.path]), text: block.text });
        }
    }
    return blocks;
}

/**
 * Runs RegionalVpc's own checks on every VPC of the config, so all their problems (region,
 * zones, blocks) are reported together, under their key paths, before any section is built.
 */
function checkVpcs(problems: Problems, config: StackConfig): void {
    for (const { path, vpc } of vpcConfigs(config))
        checkRegionalVpcArgs(problems.under(configPath(path)), path.join("."), vpc);
}

function checkCidrPlan(problems: Problems, config: StackConfig): void {
    const placed: PlacedCidr[] = [];
    for (const block of cidrPlan(config)) {
        // A malformed block is reported here once; the component would report it again with less context.
        const parsed = checkCidr(problems, block.path, block.text);
        if (parsed) placed.push({ name: block.name, cidr: parsed, path: block.path });
    }
    checkNoOverlaps(problems, placed, "Give every VPC, Pod and Service block of the stack its own range.");
}
