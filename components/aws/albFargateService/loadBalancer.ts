/**
 * The internet-facing ALB in the public subnets, its `ip` target group, the HTTP listener
 * (forwarding, or redirecting to HTTPS) and the HTTPS one, and the static IP targets.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { addressSlug } from "../../net";
import type { TwoTierVpc } from "../network";
import type { AccessLogsTarget } from "./accessLogs";
import { AlbFargateServicePlan } from "./plan";

/** What {@link createLoadBalancer} built. */
export interface ServiceLoadBalancer {
    readonly alb: aws.lb.LoadBalancer;
    readonly targetGroup: aws.lb.TargetGroup;
    /** Every listener: ECS takes a target group only once one forwards to it. */
    readonly listeners: aws.lb.Listener[];
}

/**
 * Creates the ALB (once the VPC can take an internet-facing one), the target group, listeners and
 * static targets. `edge.certificateArn` is the certificate made here, for an HTTPS listener given
 * no `certificateArn`; `edge.accessLogs` where the ALB writes its access logs (once the bucket
 * policy lets it: ELB checks when logging is turned on).
 */
export function createLoadBalancer(
    name: string,
    plan: AlbFargateServicePlan,
    network: TwoTierVpc,
    albSecurityGroupId: pulumi.Output<string>,
    opts: pulumi.CustomResourceOptions,
    edge: { certificateArn?: pulumi.Input<string>; accessLogs?: AccessLogsTarget } = {},
): ServiceLoadBalancer {
    const { loadBalancer, targetGroup: tg, tags } = plan;
    const settings = plan.edge.alb;
    const alb = new aws.lb.LoadBalancer(
        `${name}-alb`,
        {
            name: loadBalancer.name,
            loadBalancerType: "application",
            internal: settings.internal,
            subnets: (settings.internal ? network.privateSubnets : network.publicSubnets).map(s => s.id),
            securityGroups: [albSecurityGroupId],
            // Sent only when not AWS's default, so an ALB of an earlier release sees no change.
            ipAddressType: settings.ipAddressType === "ipv4" ? undefined : settings.ipAddressType,
            idleTimeout: settings.idleTimeout === 60 ? undefined : settings.idleTimeout,
            dropInvalidHeaderFields: settings.dropInvalidHeaderFields,
            enableDeletionProtection: plan.deletionProtection,
            accessLogs: edge.accessLogs
                ? { bucket: edge.accessLogs.bucket, prefix: edge.accessLogs.prefix, enabled: true }
                : undefined,
            tags,
        },
        // An internal ALB needs no internet gateway.
        {
            ...opts,
            dependsOn: [...(settings.internal ? [] : network.internetReady), ...(edge.accessLogs?.ready ?? [])],
        },
    );
    const targetGroup = new aws.lb.TargetGroup(
        `${name}-tg`,
        {
            name: tg.name,
            targetType: "ip",
            protocol: "HTTP",
            port: plan.container.port,
            vpcId: network.vpcId,
            deregistrationDelay: tg.deregistrationDelay,
            healthCheck: { enabled: true, protocol: "HTTP", port: "traffic-port", ...tg.healthCheck },
            tags,
        },
        opts,
    );
    const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];
    const listeners = [
        new aws.lb.Listener(
            `${name}-http`,
            {
                loadBalancerArn: alb.arn,
                port: 80,
                protocol: "HTTP",
                defaultActions: loadBalancer.redirectHttpToHttps
                    ? [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]
                    : forward,
                tags,
            },
            opts,
        ),
    ];
    if (loadBalancer.https) {
        listeners.push(
            new aws.lb.Listener(
                `${name}-https`,
                {
                    loadBalancerArn: alb.arn,
                    port: 443,
                    protocol: "HTTPS",
                    // The ARN given, else that of the certificate made here once ACM has issued it.
                    certificateArn: loadBalancer.https.certificateArn ?? edge.certificateArn,
                    sslPolicy: loadBalancer.https.sslPolicy,
                    defaultActions: forward,
                    tags,
                },
                opts,
            ),
        );
    }
    tg.extraTargets.forEach((t, i) => {
        new aws.lb.TargetGroupAttachment(
            `${name}-extra-${addressSlug(t.ip)}-${t.port}`,
            {
                targetGroupArn: targetGroup.arn,
                targetId: t.ip,
                port: t.port,
                availabilityZone: t.availabilityZone,
            },
            { ...opts, aliases: [{ name: `${name}-extra-${i}` }] },
        );
    });
    return { alb, targetGroup, listeners };
}
