/** The listener in front of an ALB's server group. */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { Problems } from "../../errors";
import { text } from "../../shape";
import { AlbListenerArgs } from "./args";
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
    if (protocol === "HTTPS" && certificateId === undefined) {
        problems.add(
            `${path}.certificateId`,
            "an HTTPS listener needs a server certificate.",
            `Set ${path}.certificateId, or use ${path}.protocol HTTP.`,
        );
    }
    if (protocol === "HTTP" && certificateId !== undefined) {
        problems.add(
            `${path}.certificateId`,
            "an HTTP listener takes no certificate.",
            `Drop ${path}.certificateId, or use ${path}.protocol HTTPS.`,
        );
    }
    return { protocol, port, certificateId };
}

/**
 * Creates a listener whose default action forwards everything to one server group; a certificate
 * given as an Output is checked when it resolves, before the listener is created.
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
            defaultActions: [
                {
                    type: "ForwardGroup",
                    forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: serverGroup.id }] },
                },
            ],
            tags,
        },
        { ...opts, dependsOn: [serverGroup] },
    );
}
