/**
 * The routed services' own target groups and the forward rules that send their hosts and paths
 * to them, one rule per serving listener.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import type { TwoTierVpc } from "../network";
import { routedTargetGroupName } from "./checkRouting";
import { newTargetGroup, ServiceLoadBalancer } from "./loadBalancer";
import { AlbFargateServicePlan, RoutingPlan } from "./plan";

/** A routed service's target group and its rules, one per serving listener (in listener order). */
export interface ServiceRoute {
    readonly targetGroup: aws.lb.TargetGroup;
    readonly rules: aws.lb.ListenerRule[];
}

/**
 * Creates each routed service's target group (`<name>-<key>-tg`, auto-named) and its forward rule
 * on every serving listener (`<name>-<key>-<listener>-rule`). Returns them by service key.
 */
export function createRoutes(
    name: string,
    plan: AlbFargateServicePlan,
    network: TwoTierVpc,
    lb: ServiceLoadBalancer,
    opts: pulumi.CustomResourceOptions,
): Record<string, ServiceRoute> {
    const routes: Record<string, ServiceRoute> = {};
    for (const svc of plan.services) {
        if (!svc.routing) continue;
        const targetGroup = newTargetGroup(
            routedTargetGroupName(name, svc.key),
            plan,
            network,
            svc.routing.healthCheck,
            undefined,
            opts,
        );
        const rules = lb.serving.map(
            ({ key, listener }) =>
                new aws.lb.ListenerRule(
                    `${name}-${svc.key}-${key}-rule`,
                    {
                        listenerArn: listener.arn,
                        priority: svc.routing!.priority,
                        conditions: ruleConditions(svc.routing!),
                        actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                        tags: plan.tags,
                    },
                    opts,
                ),
        );
        routes[svc.key] = { targetGroup, rules };
    }
    return routes;
}

/** The rule's conditions: one `host-header` and one `path-pattern`, each only when it has values. */
function ruleConditions(routing: RoutingPlan) {
    return [
        ...(routing.hosts.length > 0 ? [{ hostHeader: { values: [...routing.hosts] } }] : []),
        ...(routing.paths.length > 0 ? [{ pathPattern: { values: [...routing.paths] } }] : []),
    ];
}
