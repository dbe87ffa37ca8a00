/**
 * The resources of `backendRegions`: a server group per further region, and the rule on the
 * forwarding listener that splits every request between the regions' groups by weight.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { checkedWhenKnown } from "../../checks";
import { albServerGroupArgs } from "../albCommon/create";
import { BACKEND_REGIONS_RULE_PRIORITY, CrossRegionAlbPlan, CrossRegionBackendPlan } from "./args";

/** The server-group inputs S1 sets for its backends, in whichever region. */
export function serverGroupInputs(
    plan: CrossRegionAlbPlan,
    component: string,
    backends: readonly CrossRegionBackendPlan[],
): Pick<alicloud.alb.ServerGroupArgs, "serverGroupType" | "protocol" | "stickySessionConfig" | "servers"> {
    return {
        serverGroupType: "Ip",
        protocol: plan.backendProtocol,
        stickySessionConfig: plan.stickySession
            ? { stickySessionEnabled: true, stickySessionType: "Insert" }
            : { stickySessionEnabled: false },
        servers: backends.map(b => {
            // Outputs are checked with the same rules once known; plain strings were checked before.
            const ip = checkedWhenKnown(b.ipv4Address, component, b.checkKnownAddress);
            return {
                serverId: ip,
                serverIp: ip,
                serverType: "Ip",
                port: b.port,
                weight: b.weight,
                remoteIpEnabled: true,
                description: b.description,
            };
        }),
    };
}

/**
 * The server group of each of `backendRegions` (`<name>-sgp-<key>`), in the ALB's VPC like
 * `backendVpc`'s (an IP group reaches its remote IPs through the VPC's routes), with the same
 * scheduler, health check and session persistence; by key.
 */
export function createRegionServerGroups(
    name: string,
    component: string,
    plan: CrossRegionAlbPlan,
    opts: pulumi.CustomResourceOptions,
): Record<string, alicloud.alb.ServerGroup> {
    return Object.fromEntries(
        plan.backendRegions.map(r => [
            r.key,
            new alicloud.alb.ServerGroup(
                `${name}-sgp-${r.key}`,
                albServerGroupArgs(
                    plan,
                    { serverGroupName: r.serverGroupName, scheduler: plan.scheduler },
                    serverGroupInputs(plan, component, r.backends),
                ),
                opts,
            ),
        ]),
    );
}

/**
 * The rule (`<name>-regions-rule`) on the forwarding listener that forwards every path to the
 * regions' server groups by weight (a `ForwardGroup` action with one tuple per group,
 * resource_alicloud_alb_rule.go `forward_group_config.server_group_tuples`), at priority
 * {@link BACKEND_REGIONS_RULE_PRIORITY}, after any rule of 1–9999. With session persistence the
 * groups keep a client in one group too (`server_group_sticky_session`, the provider's default
 * timeout of 1000 s). The listener's default action, `backendVpc`'s group, answers nothing while
 * the rule matches every path.
 */
export function createWeightedRule(
    name: string,
    plan: CrossRegionAlbPlan,
    listener: alicloud.alb.Listener,
    primary: alicloud.alb.ServerGroup,
    regions: Readonly<Record<string, alicloud.alb.ServerGroup>>,
    opts: pulumi.CustomResourceOptions,
): alicloud.alb.Rule {
    const tuples = [
        { serverGroupId: primary.id, weight: plan.backendWeight },
        ...plan.backendRegions.map(r => ({ serverGroupId: regions[r.key].id, weight: r.weight })),
    ];
    return new alicloud.alb.Rule(
        `${name}-regions-rule`,
        {
            listenerId: listener.id,
            // A label within the listener (2–128 letters, digits, `.`, `_`, `-`, starting with a letter).
            ruleName: "backend-regions",
            priority: BACKEND_REGIONS_RULE_PRIORITY,
            ruleConditions: [{ type: "Path", pathConfig: { values: ["/*"] } }],
            ruleActions: [
                {
                    type: "ForwardGroup",
                    order: 1,
                    forwardGroupConfig: {
                        serverGroupTuples: tuples,
                        serverGroupStickySession: plan.stickySession ? { enabled: true } : undefined,
                    },
                },
            ],
        },
        { ...opts, dependsOn: [primary, ...Object.values(regions)] },
    );
}
