/**
 * The listeners in front of an ALB's server group: the one that forwards to it and, for HTTPS,
 * the HTTP listener on port 80 whose only rule redirects every request to HTTPS.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { Problems } from "../../errors";
import { text } from "../../shape";
import { ALB_DEFAULT_TLS_POLICY, ALB_HTTP_REDIRECT_PORT, AlbListenerArgs } from "./args";
import { AlbListenerPlan } from "./plan";
import { fitsWhenKnown } from "./shape";

/** The port a listener of `protocol` takes when none is given: 80 for HTTP, 443 for HTTPS. */
export const ALB_DEFAULT_LISTENER_PORT = { HTTP: 80, HTTPS: 443 } as const;

/**
 * Checks a listener description at `path` (e.g. `listener`) that fits its shape
 * (albCommon/shape.ts) and returns it with its defaults.
 */
export function checkAlbListener(
    problems: Problems,
    path: string,
    listener: AlbListenerArgs | undefined,
): AlbListenerPlan {
    const protocol = listener?.protocol ?? "HTTP";
    const port = listener?.port ?? ALB_DEFAULT_LISTENER_PORT[protocol];
    const certificateId = listener?.certificateId;
    if (protocol === "HTTP") {
        const httpsOnly: Array<[keyof AlbListenerArgs, string]> = [
            ["certificateId", "an HTTP listener takes no certificate."],
            ["sslPolicy", "an HTTP listener has no TLS policy."],
            ["redirectHttpToHttps", "HTTP would redirect to an HTTPS listener that does not exist."],
        ];
        for (const [field, message] of httpsOnly) {
            // `redirectHttpToHttps: false` says what an HTTP listener does anyway.
            if (listener?.[field] === undefined || listener[field] === false) continue;
            problems.add(`${path}.${field}`, message, `Drop ${path}.${field}, or use ${path}.protocol HTTPS.`);
        }
        return { protocol, port, certificateId };
    }
    if (certificateId === undefined) {
        problems.add(
            `${path}.certificateId`,
            "an HTTPS listener needs a server certificate.",
            `Set ${path}.certificateId to the id of your certificate in Certificate Management Service, or use ${path}.protocol HTTP.`,
        );
    }
    const redirect = listener?.redirectHttpToHttps ?? true;
    if (redirect && port === ALB_HTTP_REDIRECT_PORT) {
        problems.add(
            `${path}.port`,
            `the HTTPS listener is on port ${port}, which the HTTP listener redirecting to it takes.`,
            `Use port 443 (the default), or set ${path}.redirectHttpToHttps: false.`,
        );
    }
    return {
        protocol,
        port,
        certificateId,
        sslPolicy: listener?.sslPolicy ?? ALB_DEFAULT_TLS_POLICY,
        httpRedirectPort: redirect ? ALB_HTTP_REDIRECT_PORT : undefined,
    };
}

/** The ports the ALB listens on: the listener's, and the HTTP redirect's when there is one. */
export function albListenerPorts(listener: AlbListenerPlan): number[] {
    return listener.httpRedirectPort === undefined ? [listener.port] : [listener.port, listener.httpRedirectPort];
}

/**
 * Creates a listener whose default action forwards everything to one server group; a certificate
 * given as an Output is checked when it resolves, before the listener is created.
 *
 * `deleteBeforeReplace`: a listener's port and protocol are replaced, not changed
 * (resource_alicloud_alb_listener.go: `listener_port`, `listener_protocol` ForceNew), and an ALB
 * takes one listener per port, so a replacement on the same port cannot be created before the old
 * one is gone; nor can the redirect listener take port 80 while an old HTTP listener holds it
 * (an HTTP listener on 80 made HTTPS on 443, as prod's are).
 *
 * @param component how a problem names the component, e.g. `topologies:alicloud:DualStackAlb 'web'`.
 */
export function createForwardingListener(
    name: string,
    component: string,
    loadBalancerId: pulumi.Input<string>,
    serverGroup: alicloud.alb.ServerGroup,
    listener: AlbListenerPlan,
    tags: Readonly<Record<string, string>> | undefined,
    opts: pulumi.CustomResourceOptions,
): alicloud.alb.Listener {
    return new alicloud.alb.Listener(
        name,
        {
            loadBalancerId,
            listenerProtocol: listener.protocol,
            listenerPort: listener.port,
            certificates:
                listener.certificateId === undefined
                    ? undefined
                    : {
                          certificateId: fitsWhenKnown(
                              listener.certificateId,
                              component,
                              "listener.certificateId",
                              text,
                          ),
                      },
            securityPolicyId: listener.sslPolicy,
            defaultActions: [forwardTo(serverGroup)],
            tags,
        },
        { ...opts, dependsOn: [serverGroup], deleteBeforeReplace: true },
    );
}

/** The HTTP listener and the rule that redirects it to the HTTPS listener. */
export interface AlbRedirect {
    readonly listener: alicloud.alb.Listener;
    readonly rule: alicloud.alb.Rule;
}

/**
 * Creates the HTTP listener on `listener.httpRedirectPort` (`<name>-http-redirect`) and its rule
 * (`<name>-http-redirect-rule`): every path (`/*`) answered with a 301 to HTTPS on the HTTPS
 * listener's port, host, path and query kept (the redirect's `${host}`, `${path}`, `${query}`
 * defaults), as "Redirect HTTP requests to an HTTPS listener" (ALB documentation) sets it up.
 * A listener's default action can only forward (resource_alicloud_alb_listener.go:
 * `default_actions` takes `forward_group_config` only), so the redirect is a rule of priority 1
 * (resource_alicloud_alb_rule.go: `Redirect` action, `http_code` one of 301, 302, 303, 307, 308;
 * `Path` condition) and the default action forwards to the server group: no request reaches it,
 * since the rule matches every path. Undefined when the plan has no redirect.
 */
export function createHttpRedirect(
    name: string,
    loadBalancerId: pulumi.Input<string>,
    serverGroup: alicloud.alb.ServerGroup,
    https: alicloud.alb.Listener,
    listener: AlbListenerPlan,
    tags: Readonly<Record<string, string>> | undefined,
    opts: pulumi.CustomResourceOptions,
): AlbRedirect | undefined {
    if (listener.httpRedirectPort === undefined) return undefined;
    const http = new alicloud.alb.Listener(
        `${name}-http-redirect`,
        {
            loadBalancerId,
            listenerProtocol: "HTTP",
            listenerPort: listener.httpRedirectPort,
            defaultActions: [forwardTo(serverGroup)],
            tags,
        },
        // After the HTTPS listener: it replaces the HTTP listener that held port 80 before.
        { ...opts, dependsOn: [serverGroup, https], deleteBeforeReplace: true },
    );
    const rule = new alicloud.alb.Rule(
        `${name}-http-redirect-rule`,
        {
            listenerId: http.id,
            // A label within the listener (2–128 letters, digits, `.`, `_`, `-`, starting with a letter), not a unique name.
            ruleName: "http-to-https",
            priority: 1,
            ruleConditions: [{ type: "Path", pathConfig: { values: ["/*"] } }],
            ruleActions: [
                {
                    type: "Redirect",
                    order: 1,
                    redirectConfig: { protocol: "HTTPS", port: String(listener.port), httpCode: "301" },
                },
            ],
        },
        opts,
    );
    return { listener: http, rule };
}

function forwardTo(serverGroup: alicloud.alb.ServerGroup): alicloud.types.input.alb.ListenerDefaultAction {
    return { type: "ForwardGroup", forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: serverGroup.id }] } };
}
