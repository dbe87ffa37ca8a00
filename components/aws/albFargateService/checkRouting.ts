/**
 * The services' `routing`: each routed service's listener rule (hosts, paths, priority) and
 * target group (its auto-name, its health check), and what the services' rules must not share:
 * a priority, or a host and path combination. AWS's limits, with their sources:
 *
 * - Priority 1–50000: terraform-provider-aws `internal/service/elbv2/listener_rule.go`,
 *   `listenerRulePriorityMin = 1`, `listenerRulePriorityMax = 50_000` (`validListenerRulePriority`).
 *   A priority is unique per listener. Only a create without a priority retries on
 *   `PriorityInUseException`; an update sets the new priority of one rule (`SetRulePriorities`,
 *   `resourceListenerRuleUpdate`) and fails while another rule holds it. So with two or more
 *   routed services each gives its priority: defaults from the services' order would renumber
 *   the rules when a service is added or removed before others, and the update would meet the
 *   rule it replaces, which Pulumi deletes last.
 * - Values of 1–128 characters: API reference, HostHeaderConditionConfig and
 *   PathPatternConditionConfig ("The maximum length of each string is 128 characters");
 *   terraform-provider-aws `listener_rule.go`, `host_header` and `path_pattern` values
 *   `validation.StringLenBetween(1, 128)`.
 * - Hosts: letters, digits, `-`, `.`, `*`, `?`, at least one `.`, only letters after the last
 *   (API reference, HostHeaderConditionConfig: "You must include at least one "." character. You
 *   can include only alphabetical characters after the final "." character"; the character list
 *   from the ELB User Guide, "Condition types for listener rules", Host conditions).
 * - Paths: letters, digits, `_ - . $ / ~ " ' @ : + &`, `*` and `?` (ELB User Guide, "Rule
 *   condition types", Path conditions; the same list in the API reference's
 *   `RuleCondition.Values`).
 * - At most 3 values per condition, 5 per rule, 5 wildcards per rule: the same page, "You can
 *   specify up to three match evaluations per condition", "up to five match evaluations per
 *   rule", "There is a limit of five wildcard characters per rule".
 */
import { checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { checkAutoname } from "../../naming";
import { AlbFargateServiceArgs, FargateServiceArgs, ServiceRoutingArgs } from "./args";
import { checkHealthCheck } from "./checkLoadBalancer";
import { RoutingPlan, TargetGroupPlan } from "./plan";

/** Lowest and highest listener rule priority AWS takes. */
export const RULE_PRIORITY_MIN = 1;
export const RULE_PRIORITY_MAX = 50_000;
/** Longest host or path pattern. */
export const RULE_VALUE_MAX_LENGTH = 128;
/** Most values of one condition, of one rule, and most wildcards of one rule. */
export const RULE_VALUES_PER_CONDITION = 3;
export const RULE_VALUES_PER_RULE = 5;
export const RULE_WILDCARDS_PER_RULE = 5;
/** The step of the default priority of a lone routed service: 10 × the service's position. */
export const RULE_PRIORITY_STEP = 10;

const HOST_CHARACTERS = /^[A-Za-z0-9.*?-]+$/;
const PATH_CHARACTERS = /^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/;

/** The logical name of a routed service's target group. */
export function routedTargetGroupName(name: string, key: string): string {
    return `${name}-${key}-tg`;
}

/**
 * Checks every service's `routing` (at `services.<key>.routing`) and what the routed services
 * share; returns each routed service's plan by key. `sharedHealthCheck` is the component's
 * health check, planned: each service's fields go over it.
 */
export function checkRoutings(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    services: Record<string, FargateServiceArgs>,
    sharedHealthCheck: TargetGroupPlan["healthCheck"],
): Map<string, RoutingPlan> {
    const plans = new Map<string, RoutingPlan>();
    const routed = Object.keys(services).filter(key => services[key].routing !== undefined);
    Object.entries(services).forEach(([key, svc], position) => {
        if (svc.routing === undefined) return;
        const path = `services.${key}.routing`;
        checkTargetGroupAutoname(problems, path, name, key);
        const defaultPriority = RULE_PRIORITY_STEP * (position + 1);
        if (routed.length > 1 && svc.routing.priority === undefined) {
            problems.add(
                `${path}.priority`,
                `is required when more than one service is routed (${routed.join(", ")}): a default from the order of services would move the rules when a service is added or removed before them, and AWS refuses a priority another rule still holds.`,
                `Set priority: ${defaultPriority} (where the rule is by default today); lower numbers are evaluated first.`,
            );
        }
        plans.set(key, checkRouting(problems.under(path), svc.routing, defaultPriority, sharedHealthCheck));
    });
    checkPriorities(problems, services, plans);
    checkClaims(problems, plans);
    const keys = Object.keys(services);
    if (keys.length > 0 && plans.size === keys.length) checkEveryServiceRouted(problems, args);
    return plans;
}

/**
 * The auto-name of a routed service's target group fits AWS's 32 letters, digits and hyphens
 * (components/naming.ts); the fix names what to change: the component name or the key.
 */
function checkTargetGroupAutoname(problems: Problems, path: string, name: string, key: string): void {
    checkAutoname(problems, path, "aws:lb/targetGroup:TargetGroup", routedTargetGroupName(name, key), undefined, {
        tooLong: over =>
            `Shorten the component name '${name}' or the service key '${key}' (together by ${over} characters).`,
        badCharacters:
            "Use a service key of letters, digits and hyphens for a routed service (the key names its target group).",
    });
}

/** One service's rule (`problems` scoped to its `routing`). */
function checkRouting(
    problems: Problems,
    routing: ServiceRoutingArgs,
    defaultPriority: number,
    sharedHealthCheck: TargetGroupPlan["healthCheck"],
): RoutingPlan {
    const hosts = routing.hosts ?? [];
    const paths = routing.paths ?? [];
    if (hosts.length === 0 && paths.length === 0) {
        problems.add(
            "",
            "routes nothing: a listener rule needs at least one host or path.",
            "Give hosts, paths or both, or drop routing so that the service takes the listeners' default.",
        );
    }
    hosts.forEach((host, i) => checkHost(problems, `hosts[${i}]`, host));
    paths.forEach((pattern, i) => checkPath(problems, `paths[${i}]`, pattern));
    checkRepeats(problems, "hosts", hosts, host => host.toLowerCase(), "host");
    checkRepeats(problems, "paths", paths, pattern => pattern, "path pattern");
    for (const [field, values] of [
        ["hosts", hosts],
        ["paths", paths],
    ] as const) {
        if (values.length > RULE_VALUES_PER_CONDITION) {
            problems.add(
                field,
                `${values.length} ${field} are more than the ${RULE_VALUES_PER_CONDITION} values AWS takes in one condition.`,
                `Keep at most ${RULE_VALUES_PER_CONDITION}, e.g. with a wildcard (*.example.com, /api/*), or route the rest to the service through another one.`,
            );
        }
    }
    const values = hosts.length + paths.length;
    if (values > RULE_VALUES_PER_RULE) {
        problems.add(
            "",
            `${values} hosts and paths are more than the ${RULE_VALUES_PER_RULE} condition values AWS takes in one rule.`,
            `Keep at most ${RULE_VALUES_PER_RULE} hosts and paths together.`,
        );
    }
    const wildcards = [...hosts, ...paths].join("").replace(/[^*?]/g, "").length;
    if (wildcards > RULE_WILDCARDS_PER_RULE) {
        problems.add(
            "",
            `the hosts and paths hold ${wildcards} wildcards (* and ?), more than the ${RULE_WILDCARDS_PER_RULE} AWS takes in one rule.`,
            `Use at most ${RULE_WILDCARDS_PER_RULE} wildcards in all.`,
        );
    }
    const priority = routing.priority ?? defaultPriority;
    checkIntegerInRange(problems, "priority", priority, RULE_PRIORITY_MIN, RULE_PRIORITY_MAX, "listener rule priority");
    const healthCheck =
        routing.healthCheck === undefined
            ? sharedHealthCheck
            : checkHealthCheck(problems.under("healthCheck"), { ...sharedHealthCheck, ...routing.healthCheck });
    return { priority, hosts: [...hosts], paths: [...paths], healthCheck };
}

/** A host-header value. */
function checkHost(problems: Problems, path: string, host: string): void {
    if (!checkLength(problems, path, host, "host")) return;
    if (!HOST_CHARACTERS.test(host)) {
        problems.add(
            path,
            `host '${host}' has characters a host condition does not take.`,
            "Use letters, digits, '-', '.', and the wildcards '*' and '?', e.g. api.example.com or *.example.com.",
        );
        return;
    }
    const last = host.lastIndexOf(".");
    if (last < 0 || !/^[A-Za-z]+$/.test(host.slice(last + 1))) {
        problems.add(
            path,
            `host '${host}' ${last < 0 ? "has no '.'" : "has other than letters after its last '.'"}: AWS takes a host with at least one '.' and only letters after the last.`,
            "Give the full host name, e.g. api.example.com.",
        );
    }
}

/** A path-pattern value. */
function checkPath(problems: Problems, path: string, pattern: string): void {
    if (!checkLength(problems, path, pattern, "path pattern")) return;
    if (!PATH_CHARACTERS.test(pattern)) {
        problems.add(
            path,
            `path pattern '${pattern}' has characters a path condition does not take.`,
            "Use letters, digits, _ - . $ / ~ \" ' @ : + &, and the wildcards '*' and '?', e.g. /api/*.",
        );
    } else if (!/^[/*]/.test(pattern)) {
        // This component's rule, not AWS's: a request's path starts with '/', so the pattern never matches.
        problems.add(
            path,
            `path pattern '${pattern}' starts with neither '/' nor '*', so no request path (which starts with '/') matches it.`,
            `Start it with '/', e.g. /${pattern}.`,
        );
    }
}

/** 1 to 128 characters. */
function checkLength(problems: Problems, path: string, value: string, what: string): boolean {
    if (value.length >= 1 && value.length <= RULE_VALUE_MAX_LENGTH) return true;
    problems.add(
        path,
        `${what} '${value}' has ${value.length} characters; AWS takes 1 to ${RULE_VALUE_MAX_LENGTH}.`,
        `Shorten it to at most ${RULE_VALUE_MAX_LENGTH} characters, e.g. with a wildcard.`,
    );
    return false;
}

/** A value listed twice in one condition (hosts compared case-insensitively, as AWS does). */
function checkRepeats(
    problems: Problems,
    field: string,
    values: readonly string[],
    canonical: (value: string) => string,
    what: string,
): void {
    const first = new Map<string, number>();
    values.forEach((value, i) => {
        const seen = first.get(canonical(value));
        if (seen === undefined) {
            first.set(canonical(value), i);
            return;
        }
        problems.add(
            `${field}[${i}]`,
            `${what} '${value}' is listed again (first at ${field}[${seen}]).`,
            `List each ${what} once.`,
        );
    });
}

/**
 * Two services' rules with one priority: every serving listener would get both, which AWS
 * refuses. Only given priorities meet: with more than one routed service each must give one.
 */
function checkPriorities(
    problems: Problems,
    services: Record<string, FargateServiceArgs>,
    plans: ReadonlyMap<string, RoutingPlan>,
): void {
    const owner = new Map<number, string>();
    for (const [key, plan] of plans) {
        if (services[key].routing?.priority === undefined) continue;
        const first = owner.get(plan.priority);
        if (first === undefined) {
            owner.set(plan.priority, key);
            continue;
        }
        problems.add(
            `services.${key}.routing.priority`,
            `listener rule priority ${plan.priority} is services.${first}'s too; a listener takes each priority once.`,
            "Give one of the two services another routing.priority.",
        );
    }
}

/**
 * Two services claiming one host and path combination: the rule of lower priority would never
 * see those requests. A rule without hosts claims every host, one without paths every path;
 * hosts compare case-insensitively, paths as written.
 */
function checkClaims(problems: Problems, plans: ReadonlyMap<string, RoutingPlan>): void {
    const claimed = new Map<string, string>();
    for (const [key, plan] of plans) {
        const hosts = plan.hosts.length > 0 ? plan.hosts.map(h => h.toLowerCase()) : [undefined];
        const paths = plan.paths.length > 0 ? plan.paths : [undefined];
        const reported = new Set<string>();
        for (const host of hosts) {
            for (const pattern of paths) {
                const combination = `${host ?? ""}\n${pattern ?? ""}`;
                const first = claimed.get(combination);
                if (first === undefined) {
                    claimed.set(combination, key);
                } else if (first !== key && !reported.has(first)) {
                    reported.add(first);
                    problems.add(
                        `services.${key}.routing`,
                        `${describeClaim(host, pattern)} is routed to services.${first} too (services.${first}.routing): ` +
                            "the rule evaluated second would never get those requests.",
                        "Route each host and path combination to one service.",
                    );
                }
            }
        }
    }
}

function describeClaim(host: string | undefined, pattern: string | undefined): string {
    if (host === undefined) return `path '${pattern}' on any host`;
    return pattern === undefined ? `host '${host}' on any path` : `host '${host}' with path '${pattern}'`;
}

/** With every service routed there is no shared target group: what would go in it has nowhere to go. */
function checkEveryServiceRouted(problems: Problems, args: AlbFargateServiceArgs): void {
    if ((args.extraTargets ?? []).length > 0) {
        problems.add(
            "extraTargets",
            "the static targets join the shared target group, which does not exist when every service is routed.",
            "Leave one service without routing (it takes the listeners' default with the static targets), or drop extraTargets.",
        );
    }
    if (args.targetGroupName !== undefined) {
        problems.add(
            "targetGroupName",
            "names the shared target group, which does not exist when every service is routed (each has its own, auto-named).",
            "Drop targetGroupName, or leave one service without routing.",
        );
    }
}
