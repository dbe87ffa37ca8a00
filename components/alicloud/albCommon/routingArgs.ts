/**
 * Forwarding by host and path, shared by the ALB components: extra named server groups (each
 * component brings its own kind of backend) and the rules of the forwarding listener that send
 * requests to them.
 */
import type { AlbScheduler } from "./args";

/**
 * The name rules use for the component's own server group (the one `backends` fill, and the
 * listener's default action forwards to). Refused as a key of `serverGroups`.
 */
export const ALB_DEFAULT_SERVER_GROUP = "default";

/**
 * Rule priorities: 1 to 10000, smaller first, unique within a listener (`alb.Rule.priority`,
 * node_modules/@pulumi/alicloud/alb/rule.d.ts, and the provider's docs,
 * website/docs/r/alb_rule.html.markdown: "Valid values: 1 to 10000 … The priority of each rule
 * within the same listener must be unique"; resource_alicloud_alb_rule.go has no ValidateFunc on
 * `priority`, so the provider does not check it, the API does). 10000 is kept for the component's
 * own catch-all rule on the forwarding listener, so users take 1 to 9999.
 */
export const ALB_RULE_PRIORITY = { min: 1, max: 10000, reserved: 10000 } as const;

/**
 * Per-rule limits (ALB documentation, "Quotas and limits", forwarding rule limits, fixed):
 * match conditions 5 (Basic) or 10 (Standard, WAF-enabled); wildcard entries the same. Each host
 * or path counts as one match condition here (whether the quota counts values or condition
 * blocks is unconfirmed: counting values is the stricter reading). A forward action takes at most
 * 5 server groups (unconfirmed: CreateRule `ServerGroupTuples`, as recalled).
 */
export const ALB_RULE_LIMITS = {
    conditions: { Basic: 5, Standard: 10, StandardWithWaf: 10 },
    wildcards: { Basic: 5, Standard: 10, StandardWithWaf: 10 },
    forwardGroups: 5,
} as const;

/** Weights of the server groups of a forward action, and the one given when none is set. */
export const ALB_RULE_WEIGHT = { min: 1, max: 100, default: 100 } as const;

/**
 * A server group besides the component's own, with backends of the component's kind (`B`: S1's
 * IP backends, S3's ECS backends), for rules to forward to. Its health check is the component's
 * (`healthCheck`), so the backends' security groups open one set of ports.
 */
export interface AlbServerGroupArgs<B> {
    /** The group's backends by name (letters, digits, `-`, `_`), checked as the component's `backends` are. */
    backends: Record<string, B>;
    /**
     * Name of the server group in the console: 2–128 letters, digits, `.`, `_` or `-`, starting
     * with a letter. Default: the component's name, `-` and the group's key.
     */
    serverGroupName?: string;
    /** `Wrr`, `Wlc` or `Sch`. Default: the component's `scheduler`. */
    scheduler?: AlbScheduler;
}

/** One server group a rule forwards to, with its share of the rule's requests. */
export interface AlbRuleTargetArgs {
    /**
     * Key of the group in `serverGroups`, or `default` for the component's own server group
     * (CrossRegionAlbBackend: or the key of one of `backendRegions`, for that region's group).
     */
    serverGroup: string;
    /** Weight, 1–100, against the rule's other groups. Default: 100. 0 (no traffic at all) is refused. */
    weight?: number;
}

/**
 * A forwarding rule of the component's forwarding listener (the HTTPS one when HTTPS): requests
 * matching every condition given (a host of `hosts` and a path of `paths`) go to `forward`.
 * Requests no rule matches go to the component's own server group. Its key in `rules` is its
 * name (2–128 letters, digits, `.`, `_` or `-`, starting with a letter).
 */
export interface AlbRuleArgs {
    /**
     * 1 (first) to 9999, unique among the component's rules; 10000 is the component's own. No
     * default: the order of rules is yours to say.
     */
    priority: number;
    /**
     * Host names the rule matches, any of them: 3–128 letters, digits, `-`, `.`, `*` and `?`,
     * with a `.`, e.g. `api.example.com` or `*.example.com`. Default: any host (then `paths` is required).
     */
    hosts?: string[];
    /**
     * Paths the rule matches, any of them: 1–128 characters starting with `/`, letters, digits,
     * `$ - _ . + / & ~ @ :` and the wildcards `*` and `?`, e.g. `/api/*`. Default: any path
     * (then `hosts` is required).
     */
    paths?: string[];
    /** The server groups matching requests go to, at least one, each once. */
    forward: AlbRuleTargetArgs[];
}
