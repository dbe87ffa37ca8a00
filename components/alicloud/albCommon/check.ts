/** The checks every ALB component runs on the arguments they share, returning their plan. */
import { Problems } from "../../errors";
import { checkAlibabaName } from "../names";
import { RegionalVpc } from "../vpc";
import { AlbCommonArgs } from "./args";
import { checkAlbDns } from "./dns";
import { checkAlbHealthCheck } from "./healthCheck";
import { checkAlbListener } from "./listener";
import { checkAlbVSwitches } from "./placement";
import { AlbCommonPlan } from "./plan";
import { checkAlbAccessLog, checkAlbAcl, checkAlbModificationProtection } from "./operations";
import { checkAlbRules, checkAlbServerGroups } from "./routing";
import { AlbServerGroupArgs } from "./routingArgs";

/** What the component decides for the shared arguments. */
export interface AlbCommonDefaults {
    /** The server group's name when `serverGroupName` is not given. */
    readonly serverGroupName: string;
    /** Addresses the component's own resources take in each ALB vSwitch (by name), besides the ALB's. */
    readonly usedAddresses?: ReadonlyMap<string, number>;
    /**
     * Server groups of the component's own that rules may forward to besides `default` and
     * `serverGroups` (S1: one per further backend region), by key, and what their keys are called.
     */
    readonly ruleGroups?: { readonly keys: readonly string[]; readonly of: string };
}

/**
 * Checks the arguments every ALB component shares (placement, names, health check, listener, DNS
 * record, the keys of its maps) and returns them with their defaults. `args` fit their shape
 * (albCommon/shape.ts) already; `vpc` is the ALB's VPC.
 */
export function checkAlbCommonArgs(
    problems: Problems,
    name: string,
    args: AlbCommonArgs & { serverGroups?: Readonly<Record<string, AlbServerGroupArgs<unknown>>> },
    vpc: RegionalVpc,
    defaults: AlbCommonDefaults,
): Omit<AlbCommonPlan, "vpc"> {
    const albVSwitches = checkAlbVSwitches(problems, "albVSwitches", vpc, args.albVSwitches, defaults.usedAddresses);
    const loadBalancerName = args.loadBalancerName ?? name;
    checkAlibabaName(
        problems,
        "loadBalancerName",
        loadBalancerName,
        "alb",
        "ALB",
        args.loadBalancerName === undefined
            ? "The ALB takes the component's name: set loadBalancerName, e.g. web-alb."
            : undefined,
    );
    const serverGroupName = args.serverGroupName ?? defaults.serverGroupName;
    checkAlibabaName(
        problems,
        "serverGroupName",
        serverGroupName,
        "alb",
        "server group",
        args.serverGroupName === undefined
            ? "The server group is named after the component: set serverGroupName, e.g. web-servers."
            : undefined,
    );
    const securityGroups = args.securityGroups ?? {};
    checkAlbKeys(problems, "securityGroups", securityGroups, "security group");
    if (args.tags !== undefined) checkAlbTags(problems, "tags", args.tags);
    const edition = args.edition ?? "Standard";
    const scheduler = args.scheduler ?? "Wrr";
    const serverGroups = checkAlbServerGroups(problems, name, args.serverGroups, scheduler);
    const listener = checkAlbListener(problems, "listener", args.listener);
    return {
        albVSwitches,
        edition,
        addressType: args.addressType ?? "Internet",
        loadBalancerName,
        serverGroupName,
        scheduler,
        healthCheck: checkAlbHealthCheck(problems, "healthCheck", args.healthCheck),
        listener,
        deletionProtection: args.deletionProtection ?? false,
        modificationProtection: checkAlbModificationProtection(
            problems,
            "modificationProtection",
            args.modificationProtection,
        ),
        // On the forwarding listener and the HTTP redirect, when there is one.
        acl: checkAlbAcl(problems, "acl", name, args.acl, edition, listener.httpRedirectPort === undefined ? 1 : 2),
        accessLog: checkAlbAccessLog(problems, "accessLog", args.accessLog),
        securityGroups,
        dns: checkAlbDns(problems, "dns", args.dns),
        tags: args.tags,
        serverGroups,
        forwardingRules: checkAlbRules(
            problems,
            args.rules,
            serverGroups.map(g => g.key),
            edition,
            defaults.ruleGroups,
        ),
    };
}

/**
 * The names users give backends and security groups: letters, digits, `-` and `_`, starting with
 * a letter or a digit. They are part of child names (`<name>-<group>-tcp80-…`) and of input paths
 * (`backends.<name>.port`), where a dot, a blank or nothing would read as something else; and
 * `__proto__` is no name in JavaScript but the accessor of an object's prototype.
 */
const ALB_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Checks the keys of the map at `path` (e.g. `backends`): each a name {@link ALB_KEY} accepts. */
export function checkAlbKeys(problems: Problems, path: string, map: object, what: string): void {
    for (const key of Object.keys(map)) {
        if (ALB_KEY.test(key)) continue;
        problems.add(
            path,
            `${what} name ${JSON.stringify(key)} is not letters, digits, '-' or '_' starting with a letter or digit.`,
            `Rename the ${what}, e.g. ${what === "backend" ? "ecs1" : "servers"}.`,
        );
    }
}

/**
 * Tags as the provider passes them on: keys of text, values with no control characters or
 * surrounding blanks (the console would show them, and two tags differing by a blank would be
 * two tags). An empty value is allowed, as the API allows it.
 */
function checkAlbTags(problems: Problems, path: string, tags: Readonly<Record<string, string>>): void {
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    const plain = (s: string) => s.trim() === s && !/[\u0000-\u001f\u007f]/.test(s);
    for (const [key, value] of Object.entries(tags)) {
        if (key === "" || !plain(key)) {
            problems.add(
                path,
                `tag key ${JSON.stringify(key)} is empty, padded or has a control character.`,
                "Rename the tag.",
            );
        } else if (!plain(value)) {
            problems.add(
                `${path}.${key}`,
                `tag value ${JSON.stringify(value)} is padded or has a control character.`,
                "Remove the blanks and control characters.",
            );
        }
    }
}
