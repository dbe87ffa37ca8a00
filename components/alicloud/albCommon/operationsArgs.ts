/**
 * What an ALB component takes to run the ALB in production, shared by S1 and S3: an access
 * control list on its listeners, access logs to Log Service, and the console's modification
 * protection (deletion protection is `deletionProtection`, in args.ts).
 */
import * as pulumi from "@pulumi/pulumi";

/** How an ACL applies: `allow` (the provider's `White`) or `deny` (`Black`). */
export const ALB_ACL_MODES = ["allow", "deny"] as const;

/**
 * ACL limits (ALB documentation, "Quotas and limits", fixed): 500 entries per ACL; 300 entries
 * on a listener of a Basic ALB, 500 on Standard and WAF-enabled ones; 800 entries on one ALB.
 * Whether an ACL on two listeners counts twice toward the ALB's 800 is unconfirmed: it is counted
 * twice here, the stricter reading.
 */
export const ALB_ACL_LIMITS = {
    entriesPerAcl: 500,
    entriesPerListener: { Basic: 300, Standard: 500, StandardWithWaf: 500 },
    entriesPerAlb: 800,
} as const;

/**
 * An access control list on the component's listeners (the forwarding one and the HTTP
 * redirect, so a refused client gets not even the redirect): an `alb.Acl`, an
 * `alb.AclEntryAttachment` per entry and an `alb.ListenerAclAttachment` per listener, the way the
 * provider recommends (the listener's `aclConfig` is deprecated since provider 1.163.0,
 * node_modules/@pulumi/alicloud/alb/listener.d.ts; the Acl's `aclEntries` since 1.166.0,
 * alb/acl.d.ts).
 */
export interface AlbAclArgs {
    /**
     * `allow`: only the listed sources reach the listeners (a whitelist); `deny`: the listed
     * sources are refused, everyone else served (a blacklist).
     */
    mode: (typeof ALB_ACL_MODES)[number];
    /**
     * Source blocks in CIDR form (`203.0.113.0/24`, `2001:db8::/32`; a single address as `/32`
     * or `/128`), at least one, each once, at most 500 (300 on a Basic ALB, 400 when an HTTP
     * redirect listener takes the list too: see {@link ALB_ACL_LIMITS}). Checked before registration.
     */
    entries: string[];
    /**
     * Name of the ACL: 2–128 letters, digits, `-` or `_`, starting with a letter (no `.`:
     * website/docs/r/alb_acl.html.markdown, `acl_name`). Default: the component's name and `-acl`.
     */
    aclName?: string;
}

/**
 * Where the ALB writes its access logs: a Log Service project and logstore, existing ones or
 * created by the component. The ALB needs the service-linked role AliyunServiceRoleForAlbLogDelivery
 * (service `logdelivery.alb.aliyuncs.com`; SLB guide, "Service-linked roles") to write there. The
 * guide says such roles are created automatically "in most cases", and the provider turns logs
 * on with EnableLoadBalancerAccessLog alone, its acceptance tests creating no role
 * (resource_alicloud_alb_load_balancer.go and _test.go): taken as created by the cloud for an
 * account allowed to (ram:CreateServiceLinkedRole); unconfirmed for the API path. S3's
 * `createServiceLinkedRole` covers the ALB's own role only (`alb.aliyuncs.com`).
 */
export interface AlbAccessLogArgs {
    /**
     * Create a project and a logstore for the logs, in the ALB's region. The project is named
     * `<component name>-alb-logs-<8 random characters>` (project names are unique across all of
     * Alibaba Cloud, so a fixed one could be taken), cut to the 63-character limit. Default: false,
     * `project` and `logstore` name existing ones.
     */
    create?: boolean;
    /**
     * An existing project, in the ALB's region: 3–63 lower-case letters, digits and `-`,
     * starting and ending with a letter or digit. Required without `create`, refused with it.
     * An Output is checked when it resolves.
     */
    project?: pulumi.Input<string>;
    /**
     * The logstore: 3–63 lower-case letters, digits, `-` and `_`, starting and ending with a
     * letter or digit. Required without `create`; with `create`, default: `alb-access-log`.
     * An Output is checked when it resolves.
     */
    logstore?: pulumi.Input<string>;
    /**
     * Days a created logstore keeps logs, 1–3650 (3650: for good). Refused without `create`.
     * Default: 30 (the provider's default, resource_alicloud_log_store.go `retention_period`).
     */
    retentionDays?: number;
}

/** The modification protection states (`alb.LoadBalancer.modificationProtectionConfig.status`). */
export const ALB_MODIFICATION_PROTECTION_STATUSES = ["NonProtection", "ConsoleProtection"] as const;

/**
 * The console's modification protection of the ALB. `ConsoleProtection` makes the ALB read-only
 * in the console (the API, and so Pulumi, can still change it), against hand edits drifting from
 * the stack.
 */
export interface AlbModificationProtectionArgs {
    /** `NonProtection` or `ConsoleProtection`. */
    status: (typeof ALB_MODIFICATION_PROTECTION_STATUSES)[number];
    /**
     * Why, shown in the console: 2–128 letters, Chinese characters, digits, `.`, `_` or `-`,
     * starting with a letter or a Chinese character; only with `ConsoleProtection` (with
     * `NonProtection` the API takes none). Default: none.
     */
    reason?: string;
}
