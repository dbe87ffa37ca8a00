/**
 * The ALB's operations settings (operationsArgs.ts): checked before anything is registered, then
 * created: the ACL and its attachments, the Log Service project and logstore of the access logs,
 * and the inputs of the ALB itself (access log, modification protection).
 */
import * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import { z } from "zod";
import * as alicloud from "../../sdk/alicloud";
import { checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { addressSlug, checkCidr } from "../../net";
import { checkShape } from "../../shape";
import { AlbEdition } from "./args";
import { ALB_ACL_LIMITS, AlbAccessLogArgs, AlbAclArgs, AlbModificationProtectionArgs } from "./operationsArgs";
import { fitsWhenKnown } from "./shape";
import { SLS_PROJECT } from "../names";

/** The ACL, defaults applied: `White` or `Black` as the provider spells it, entries in canonical form. */
export interface AlbAclPlan {
    readonly aclType: "White" | "Black";
    readonly aclName: string;
    readonly entries: readonly string[];
}

/** The access logs: to existing names, or to a project and logstore the component creates. */
export type AlbAccessLogPlan =
    | { readonly create: false; readonly project: pulumi.Input<string>; readonly logstore: pulumi.Input<string> }
    | { readonly create: true; readonly logstore: string; readonly retentionDays: number };

/** The modification protection, as the provider takes it. */
export interface AlbModificationProtectionPlan {
    readonly status: AlbModificationProtectionArgs["status"];
    readonly reason?: string;
}

/**
 * ACL names: "2 to 128 characters … letters, digits, hyphens (-) and underscores (_). It must
 * start with a letter" (website/docs/r/alb_acl.html.markdown, `acl_name`).
 */
const ACL_NAME = /^[A-Za-z][A-Za-z0-9_-]{1,127}$/;

/**
 * Logstore names: "lowercase letters, digits, hyphens (-), and underscores (_) … start and end
 * with a lowercase letter or digit … 3 to 63 characters" (Log Service documentation, "Logstore",
 * naming rules).
 */
const SLS_LOGSTORE = /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/;

/**
 * Modification protection reasons: "2 to 128 characters … letters, digits, periods (.),
 * underscores (_), and hyphens (-). The value must start with a letter" (the provider's NLB
 * `modificationProtectionConfig.reason`, node_modules/@pulumi/alicloud/types/input.d.ts; NLB
 * UpdateLoadBalancerProtection adds Chinese characters). The ALB's own documentation says only
 * "Managed Instance": the same rule for the ALB is unconfirmed.
 */
const PROTECTION_REASON = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5._-]{1,127}$/;

/** The logstore a created project holds when none is named. */
export const ALB_DEFAULT_ACCESS_LOGSTORE = "alb-access-log";

/** The project name a text must fit, as a schema, for an Output checked when it resolves. */
const projectName = nameSchema(SLS_PROJECT, "a Log Service project name", "3 to 63 lower-case letters, digits and '-'");
const logstoreName = nameSchema(SLS_LOGSTORE, "a logstore name", "3 to 63 lower-case letters, digits, '-' and '_'");

function nameSchema(pattern: RegExp, what: string, rule: string): z.ZodType<string> {
    return z.string().superRefine((value, ctx) => {
        if (pattern.test(value)) return;
        ctx.addIssue({
            code: "custom",
            message: `is not ${what}: ${rule}, starting and ending with a letter or digit`,
            params: { fix: "Rename it, e.g. web-alb-logs." },
        });
    });
}

/**
 * Checks the ACL at `path` (`acl`) and returns it: entries CIDR blocks, each once, within the
 * ACL's, the listener's (by edition) and the ALB's limits for `listeners` listeners.
 */
export function checkAlbAcl(
    problems: Problems,
    path: string,
    name: string,
    acl: AlbAclArgs | undefined,
    edition: AlbEdition,
    listeners: number,
): AlbAclPlan | undefined {
    if (acl === undefined) return undefined;
    const aclName = acl.aclName ?? `${name}-acl`;
    if (!ACL_NAME.test(aclName)) {
        problems.add(
            `${path}.aclName`,
            `ACL name '${aclName}' is not 2 to 128 letters, digits, '-' or '_' starting with a letter.`,
            acl.aclName === undefined
                ? `The ACL is named after the component: set ${path}.aclName, e.g. web-acl.`
                : "Rename the ACL.",
        );
    }
    if (acl.entries.length === 0) {
        problems.add(
            `${path}.entries`,
            "the ACL has no entry.",
            "List the source blocks, or drop the ACL (an empty allow list is read either as allowing everyone or no one).",
        );
    }
    const entries = acl.entries.flatMap((entry, i) => {
        const block = checkCidr(problems, `${path}.entries[${i}]`, entry);
        return block ? [{ path: `${path}.entries[${i}]`, key: block.text }] : [];
    });
    checkUnique(problems, entries, "ACL entry");
    const count = acl.entries.length;
    const limit = Math.min(
        ALB_ACL_LIMITS.entriesPerAcl,
        ALB_ACL_LIMITS.entriesPerListener[edition],
        Math.floor(ALB_ACL_LIMITS.entriesPerAlb / listeners),
    );
    if (count > limit) {
        problems.add(
            `${path}.entries`,
            `the ACL has ${count} entries; on ${listeners} listener(s) of a ${edition} ALB it may have at most ${limit} ` +
                `(${ALB_ACL_LIMITS.entriesPerAcl} per ACL, ${ALB_ACL_LIMITS.entriesPerListener[edition]} per listener, ` +
                `${ALB_ACL_LIMITS.entriesPerAlb} per ALB).`,
            "Merge blocks into wider ones.",
        );
    }
    return {
        aclType: acl.mode === "allow" ? "White" : "Black",
        aclName,
        entries: [...new Set(entries.map(e => e.key))],
    };
}

/** Checks the access log settings at `path` (`accessLog`) and returns them with their defaults. */
export function checkAlbAccessLog(
    problems: Problems,
    path: string,
    accessLog: AlbAccessLogArgs | undefined,
): AlbAccessLogPlan | undefined {
    if (accessLog === undefined) return undefined;
    const plainName = (field: "project" | "logstore", schema: z.ZodType<string>) => {
        const value = accessLog[field];
        if (typeof value === "string") checkShape(problems.under(`${path}.${field}`), schema, value);
    };
    plainName("logstore", logstoreName);
    if (accessLog.create === true) {
        if (accessLog.project !== undefined) {
            problems.add(
                `${path}.project`,
                "a created project is named by the component, with a random suffix: project names are unique across Alibaba Cloud.",
                `Drop ${path}.project, or drop ${path}.create to log to an existing project.`,
            );
        }
        if (accessLog.logstore !== undefined && typeof accessLog.logstore !== "string") {
            problems.add(
                `${path}.logstore`,
                "the logstore of a created project is created with it: its name must be known now, not an Output.",
                "Give the name as text.",
            );
        }
        return {
            create: true,
            logstore: typeof accessLog.logstore === "string" ? accessLog.logstore : ALB_DEFAULT_ACCESS_LOGSTORE,
            retentionDays: accessLog.retentionDays ?? 30,
        };
    }
    plainName("project", projectName);
    for (const field of ["project", "logstore"] as const) {
        if (accessLog[field] === undefined) {
            problems.add(
                `${path}.${field}`,
                `access logs go to an existing ${field === "project" ? "Log Service project" : "logstore"}, and none is named.`,
                `Set ${path}.${field}, or set ${path}.create: true to create a project and logstore.`,
            );
        }
    }
    if (accessLog.retentionDays !== undefined) {
        problems.add(
            `${path}.retentionDays`,
            "the retention of an existing logstore is its own; the component does not change it.",
            `Drop ${path}.retentionDays, or set ${path}.create: true.`,
        );
    }
    return { create: false, project: accessLog.project ?? "", logstore: accessLog.logstore ?? "" };
}

/** Checks the modification protection at `path` and returns it; off (`NonProtection`) by default. */
export function checkAlbModificationProtection(
    problems: Problems,
    path: string,
    protection: AlbModificationProtectionArgs | undefined,
): AlbModificationProtectionPlan {
    if (protection === undefined) return { status: "NonProtection" };
    const { status, reason } = protection;
    if (reason !== undefined) {
        if (status !== "ConsoleProtection") {
            problems.add(
                `${path}.reason`,
                "a reason is taken only with status ConsoleProtection; with NonProtection the API clears it.",
                `Drop ${path}.reason, or set ${path}.status: ConsoleProtection.`,
            );
        } else if (!PROTECTION_REASON.test(reason)) {
            problems.add(
                `${path}.reason`,
                `reason '${reason}' is not 2 to 128 letters, Chinese characters, digits, '.', '_' or '-' starting with a letter.`,
                "Write it as one word or with '-' and '_', e.g. managed-by-pulumi.",
            );
        }
    }
    return { status, reason };
}

/** The ALB's inputs for its access logs and modification protection. */
export type AlbOperationsInputs = Pick<
    alicloud.alb.LoadBalancerArgs,
    "accessLogConfig" | "modificationProtectionConfig"
>;

/** The access log's project and logstore, when the component creates them. */
export interface AlbLogResources {
    readonly project: alicloud.log.Project;
    readonly logstore: alicloud.log.Store;
}

/**
 * Creates the Log Service project (`<name>-logs`, with its random suffix `<name>-logs-suffix`)
 * and logstore (`<name>-logstore`) when the plan asks, and returns the ALB's inputs: the access
 * log's names (an Output checked when it resolves, at `accessLog.*`) and the modification
 * protection, always sent so turning it off takes effect (the provider keeps the cloud's value of
 * a field left out: resource_alicloud_alb_load_balancer.go, `modification_protection_config`
 * Optional and Computed).
 *
 * @param component how a problem with a value known only at deployment names the component.
 */
export function createAlbOperationsInputs(
    name: string,
    component: string,
    accessLog: AlbAccessLogPlan | undefined,
    protection: AlbModificationProtectionPlan,
    tags: Readonly<Record<string, string>> | undefined,
    opts: pulumi.CustomResourceOptions,
): { inputs: AlbOperationsInputs; logs?: AlbLogResources } {
    const modificationProtectionConfig = { status: protection.status, reason: protection.reason };
    if (accessLog === undefined) return { inputs: { modificationProtectionConfig } };
    if (!accessLog.create) {
        return {
            inputs: {
                modificationProtectionConfig,
                accessLogConfig: {
                    logProject: fitsWhenKnown(accessLog.project, component, "accessLog.project", projectName),
                    logStore: fitsWhenKnown(accessLog.logstore, component, "accessLog.logstore", logstoreName),
                },
            },
        };
    }
    const logs = createAccessLogStore(name, accessLog, tags, opts);
    return {
        inputs: {
            modificationProtectionConfig,
            accessLogConfig: { logProject: logs.project.projectName, logStore: logs.logstore.logstoreName },
        },
        logs,
    };
}

/**
 * The project name of a created project: the component's name in the characters a project
 * takes, `-alb-logs-` and 8 random lower-case letters and digits, at most 63 characters.
 */
export function accessLogProjectName(name: string, suffix: string): string {
    const tail = `-alb-logs-${suffix}`;
    const head =
        name
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, "-")
            .replace(/^-+|-+$/g, "")
            .slice(0, 63 - tail.length)
            .replace(/-+$/, "") || "alb";
    return `${head}${tail}`;
}

function createAccessLogStore(
    name: string,
    accessLog: Extract<AlbAccessLogPlan, { create: true }>,
    tags: Readonly<Record<string, string>> | undefined,
    opts: pulumi.CustomResourceOptions,
): AlbLogResources {
    // Loaded here, not at the top: only a component creating its log project needs the SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand
    const { RandomString } = require("@pulumi/random/randomString") as typeof random;
    // Drawn once and kept in the state: the name stays across updates, and no other tenant's project takes it.
    const suffix = new RandomString(
        `${name}-logs-suffix`,
        { length: 8, special: false, upper: false },
        { parent: opts.parent },
    );
    const project = new alicloud.log.Project(
        `${name}-logs`,
        {
            projectName: suffix.result.apply(s => accessLogProjectName(name, s)),
            description: `Access logs of ALB ${name}`,
            tags,
        },
        opts,
    );
    const logstore = new alicloud.log.Store(
        `${name}-logstore`,
        {
            projectName: project.projectName,
            logstoreName: accessLog.logstore,
            retentionPeriod: accessLog.retentionDays,
        },
        opts,
    );
    return { project, logstore };
}

/**
 * Creates the ACL (`<name>-acl`), one entry attachment per block (`<name>-acl-<block>`, named by
 * the block so a list reordered changes nothing) and its attachment to each listener
 * (`<listener child name>-acl`), after the entries: an allow list attached before its entries
 * would refuse everyone meanwhile.
 */
export function createAlbAcl(
    name: string,
    acl: AlbAclPlan,
    listeners: ReadonlyArray<{ readonly child: string; readonly listener: alicloud.alb.Listener }>,
    tags: Readonly<Record<string, string>> | undefined,
    opts: pulumi.CustomResourceOptions,
): alicloud.alb.Acl {
    const resource = new alicloud.alb.Acl(`${name}-acl`, { aclName: acl.aclName, tags }, opts);
    const entries = acl.entries.map(
        entry =>
            new alicloud.alb.AclEntryAttachment(
                `${name}-acl-${addressSlug(entry)}`,
                { aclId: resource.id, entries: [{ entry }] },
                opts,
            ),
    );
    for (const { child, listener } of listeners) {
        new alicloud.alb.ListenerAclAttachment(
            `${child}-acl`,
            { aclId: resource.id, aclType: acl.aclType, listenerId: listener.id },
            { ...opts, dependsOn: entries },
        );
    }
    return resource;
}
