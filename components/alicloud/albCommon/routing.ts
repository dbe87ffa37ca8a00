/**
 * The extra server groups and the forwarding rules of an ALB component: checked before anything
 * is registered, then created after the forwarding listener.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { checkKnownName, checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { checkAlibabaName } from "../names";
import { AlbEdition, AlbScheduler } from "./args";
import { AlbCommonDefaults, checkAlbKeys } from "./check";
import { AlbResourceInputs, albServerGroupArgs } from "./create";
import type { AlbCommonPlan } from "./plan";
import {
    ALB_DEFAULT_SERVER_GROUP,
    ALB_RULE_LIMITS,
    ALB_RULE_PRIORITY,
    ALB_RULE_WEIGHT,
    AlbRuleArgs,
    AlbServerGroupArgs,
} from "./routingArgs";

/** An extra server group, defaults applied; the component keeps its backends. */
export interface AlbServerGroupCommonPlan {
    /** Its key in `serverGroups`, the name rules forward to. */
    readonly key: string;
    readonly serverGroupName: string;
    readonly scheduler: AlbScheduler;
}

/** A forwarding rule, defaults applied. */
export interface AlbRulePlan {
    /** Its key in `rules`, also its name in the console. */
    readonly key: string;
    readonly priority: number;
    readonly hosts?: readonly string[];
    readonly paths?: readonly string[];
    /** Server group keys (`default`: the component's own) with their weights. */
    readonly forward: ReadonlyArray<{ readonly serverGroup: string; readonly weight: number }>;
}

/**
 * A host a rule matches, as the ALB takes host names (website/docs/r/alb_rule.html.markdown,
 * the redirect `host`: "3 to 128 characters … letters, digits, hyphens (-), periods (.),
 * asterisks (*), and question marks (?). The host name must contain at least one period (.), and
 * cannot start or end with a period (.). The rightmost domain label can contain only letters,
 * asterisks (*) and question marks (?) … Other domain labels cannot start or end with a hyphen";
 * that the Host condition's values follow the same rule is unconfirmed: its own entry says only
 * "The name of the host").
 */
function isRuleHost(host: string): boolean {
    if (!/^[A-Za-z0-9.*?-]{3,128}$/.test(host) || !host.includes(".")) return false;
    const labels = host.split(".");
    if (labels.some(l => l === "")) return false;
    const last = labels[labels.length - 1];
    return /^[A-Za-z*?]+$/.test(last) && labels.slice(0, -1).every(l => !l.startsWith("-") && !l.endsWith("-"));
}

/**
 * A path a rule matches (website/docs/r/alb_rule.html.markdown, `path_config.values`: "1 to 128
 * characters … must start with a forward slash (/) … letters, digits, and the following special
 * characters: $ - _ . + / & ~ @ :. … can contain asterisks (*) and question marks (?)").
 */
const RULE_PATH = /^\/[A-Za-z0-9$\-_.+/&~@:*?]{0,127}$/;

/**
 * Checks the extra server groups' shared fields at `serverGroups.<key>` (their backends are the
 * component's to check) and returns them with their defaults.
 */
export function checkAlbServerGroups(
    problems: Problems,
    name: string,
    groups: Readonly<Record<string, AlbServerGroupArgs<unknown>>> | undefined,
    scheduler: AlbScheduler,
): AlbServerGroupCommonPlan[] {
    if (groups === undefined) return [];
    checkAlbKeys(problems, "serverGroups", groups, "server group");
    return Object.entries(groups).map(([key, group]) => {
        const path = `serverGroups.${key}`;
        if (key === ALB_DEFAULT_SERVER_GROUP) {
            problems.add(
                path,
                `'${ALB_DEFAULT_SERVER_GROUP}' is what rules call the component's own server group (the one backends fill).`,
                "Give the extra server group another name, e.g. api.",
            );
        }
        if (Object.keys(group.backends).length === 0) {
            problems.add(
                `${path}.backends`,
                "the server group has no backend; a rule forwarding to it would answer 503.",
                "Add at least one backend, or drop the server group.",
            );
        }
        const serverGroupName = group.serverGroupName ?? `${name}-${key}`;
        checkAlibabaName(
            problems,
            `${path}.serverGroupName`,
            serverGroupName,
            "alb",
            "server group",
            group.serverGroupName === undefined
                ? `The server group is named after the component and its key: set ${path}.serverGroupName.`
                : undefined,
        );
        return { key, serverGroupName, scheduler: group.scheduler ?? scheduler };
    });
}

/**
 * Checks the rules at `rules.<key>` against the server groups known (`groupKeys`, without
 * `default`, and the component's own `more`) and the ALB's edition, and returns them with their
 * defaults: priorities 1 to 9999
 * and unique, at least one condition, hosts and paths of the ALB's form within the edition's
 * limits, and a forward action to known groups, each once.
 */
export function checkAlbRules(
    problems: Problems,
    rules: Readonly<Record<string, AlbRuleArgs>> | undefined,
    groupKeys: readonly string[],
    edition: AlbEdition,
    more?: AlbCommonDefaults["ruleGroups"],
): AlbRulePlan[] {
    if (rules === undefined) return [];
    checkAlbKeys(problems, "rules", rules, "rule");
    const entries = Object.entries(rules);
    const known = [ALB_DEFAULT_SERVER_GROUP, ...groupKeys, ...(more?.keys ?? [])];
    const knownWords = more
        ? `'${ALB_DEFAULT_SERVER_GROUP}', a key of serverGroups or a key of ${more.of}`
        : `'${ALB_DEFAULT_SERVER_GROUP}' or a key of serverGroups`;
    const plans = entries.map(([key, rule]): AlbRulePlan => {
        const path = `rules.${key}`;
        // The key is the rule's name in the console (CreateRule `RuleName`, the ALB names' rule).
        checkAlibabaName(problems, path, key, "alb", "rule");
        if (rule.priority === ALB_RULE_PRIORITY.reserved) {
            problems.add(
                `${path}.priority`,
                `priority ${ALB_RULE_PRIORITY.reserved} is kept for the component's own catch-all rule on the listener.`,
                `Use a priority from ${ALB_RULE_PRIORITY.min} to ${ALB_RULE_PRIORITY.reserved - 1}.`,
            );
        }
        const hosts = rule.hosts ?? [];
        const paths = rule.paths ?? [];
        if (hosts.length === 0 && paths.length === 0) {
            problems.add(
                path,
                "the rule has no condition; every request would match it, before the listener's default.",
                "Give hosts or paths (or both).",
            );
        }
        hosts.forEach((host, i) => {
            if (isRuleHost(host)) return;
            problems.add(
                `${path}.hosts[${i}]`,
                `host '${host}' is not 3 to 128 letters, digits, '-', '.', '*' or '?' with a '.', ` +
                    "labels not starting or ending with '-' and a last label of letters and wildcards only.",
                "Write a host name such as api.example.com or *.example.com.",
            );
        });
        paths.forEach((p, i) => {
            if (RULE_PATH.test(p)) return;
            problems.add(
                `${path}.paths[${i}]`,
                `path '${p}' is not 1 to 128 characters starting with '/' of letters, digits, '$ - _ . + / & ~ @ :', '*' and '?'.`,
                "Write a path such as /api/*; leave out query strings and characters like % # ; ( ).",
            );
        });
        const conditions = hosts.length + paths.length;
        const maxConditions = ALB_RULE_LIMITS.conditions[edition];
        if (conditions > maxConditions) {
            problems.add(
                path,
                `the rule matches ${conditions} hosts and paths; a rule of a ${edition} ALB takes at most ${maxConditions} match conditions.`,
                "Split the rule in two, or use wildcards.",
            );
        }
        const wildcards = [...hosts, ...paths].filter(v => /[*?]/.test(v)).length;
        const maxWildcards = ALB_RULE_LIMITS.wildcards[edition];
        if (wildcards > maxWildcards) {
            problems.add(
                path,
                `the rule has ${wildcards} wildcard entries; a rule of a ${edition} ALB takes at most ${maxWildcards}.`,
                "Split the rule in two.",
            );
        }
        if (rule.forward.length === 0) {
            problems.add(`${path}.forward`, "the rule forwards to no server group.", "Name at least one server group.");
        } else if (rule.forward.length > ALB_RULE_LIMITS.forwardGroups) {
            problems.add(
                `${path}.forward`,
                `the rule forwards to ${rule.forward.length} server groups; a forward action takes at most ${ALB_RULE_LIMITS.forwardGroups}.`,
                "Forward to fewer server groups.",
            );
        }
        rule.forward.forEach((target, i) =>
            checkKnownName(
                problems,
                `${path}.forward[${i}].serverGroup`,
                target.serverGroup,
                known,
                "server group",
                knownWords,
            ),
        );
        checkUnique(
            problems,
            rule.forward.map((t, i) => ({ path: `${path}.forward[${i}].serverGroup`, key: t.serverGroup })),
            "server group",
        );
        return {
            key,
            priority: rule.priority,
            hosts: rule.hosts,
            paths: rule.paths,
            forward: rule.forward.map(t => ({
                serverGroup: t.serverGroup,
                weight: t.weight ?? ALB_RULE_WEIGHT.default,
            })),
        };
    });
    // One listener takes each priority once (the provider's docs, see ALB_RULE_PRIORITY).
    checkUnique(
        problems,
        plans.map(r => ({ path: `rules.${r.key}.priority`, key: String(r.priority) })),
        "rule priority",
    );
    return plans;
}

/**
 * Creates the plan's extra server groups (`<name>-<child>-<key>`, `child` the own group's child
 * name, so `web-sgp-api`) as the own group is made (albServerGroupArgs), each with the
 * component's fields `inputsOf` gives it, and returns them with the component's own group under
 * `default`.
 */
export function createAlbServerGroups(
    name: string,
    child: string,
    own: alicloud.alb.ServerGroup,
    plan: AlbCommonPlan,
    inputsOf: (group: AlbServerGroupCommonPlan) => AlbResourceInputs["serverGroup"],
    opts: pulumi.CustomResourceOptions,
): Map<string, alicloud.alb.ServerGroup> {
    const byKey = new Map([[ALB_DEFAULT_SERVER_GROUP, own]]);
    for (const group of plan.serverGroups) {
        byKey.set(
            group.key,
            new alicloud.alb.ServerGroup(
                `${name}-${child}-${group.key}`,
                albServerGroupArgs(plan, group, inputsOf(group)),
                opts,
            ),
        );
    }
    return byKey;
}

/**
 * Creates each rule (`<name>-rule-<key>`) on `listener`: its conditions (a Host and a Path
 * condition, as given) and one ForwardGroup action to its server groups with their weights,
 * always sent (`weight` is required with more than two groups: website/docs/r/alb_rule.html.markdown).
 */
export function createAlbRules(
    name: string,
    listener: alicloud.alb.Listener,
    rules: readonly AlbRulePlan[],
    groups: ReadonlyMap<string, alicloud.alb.ServerGroup>,
    opts: pulumi.CustomResourceOptions,
): alicloud.alb.Rule[] {
    return rules.map(rule => {
        const conditions: alicloud.types.input.alb.RuleRuleCondition[] = [];
        if (rule.hosts?.length) conditions.push({ type: "Host", hostConfig: { values: [...rule.hosts] } });
        if (rule.paths?.length) conditions.push({ type: "Path", pathConfig: { values: [...rule.paths] } });
        const targets = rule.forward.map(t => ({ group: groups.get(t.serverGroup)!, weight: t.weight }));
        return new alicloud.alb.Rule(
            `${name}-rule-${rule.key}`,
            {
                listenerId: listener.id,
                ruleName: rule.key,
                priority: rule.priority,
                ruleConditions: conditions,
                ruleActions: [
                    {
                        type: "ForwardGroup",
                        order: 1,
                        forwardGroupConfig: {
                            serverGroupTuples: targets.map(t => ({ serverGroupId: t.group.id, weight: t.weight })),
                        },
                    },
                ],
            },
            { ...opts, dependsOn: targets.map(t => t.group) },
        );
    });
}
