/**
 * The ALB (internet-facing in the public subnets, or internal in the private ones), its shared
 * `ip` target group, the HTTP listener (forwarding, or redirecting to HTTPS) and the HTTPS one,
 * and the static IP targets.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { addressSlug } from "../../net";
import type { TwoTierVpc } from "../network";
import type { AccessLogsTarget } from "./accessLogs";
import { IDLE_TIMEOUT } from "./checkAlbSettings";
import { AlbFargateServicePlan } from "./plan";

/** The listeners by key (`http`, `https`), which name their resources and the rules on them. */
export interface ServiceListeners {
    /** HTTP on 80: forwarding, or redirecting to HTTPS. */
    readonly http: aws.lb.Listener;
    /** HTTPS on 443, with a certificate. */
    readonly https?: aws.lb.Listener;
}

/** What {@link createLoadBalancer} built. */
export interface ServiceLoadBalancer {
    readonly alb: aws.lb.LoadBalancer;
    /** The shared target group the listeners forward to by default; none when every service is routed. */
    readonly targetGroup?: aws.lb.TargetGroup;
    /** Every listener: ECS takes a target group only once one forwards to it. */
    readonly listeners: aws.lb.Listener[];
    readonly listenersByKey: ServiceListeners;
    /** The listeners that serve (forward, or answer 404): where the services' rules go. */
    readonly serving: ReadonlyArray<{ readonly key: "http" | "https"; readonly listener: aws.lb.Listener }>;
}

/**
 * The answer of a listener no rule matched when every service is routed: 404, as a web server
 * answers a path it does not serve (fixed-response content types: terraform-provider-aws
 * listener_rule.go `fixed_response.content_type`, `text/plain` among them).
 */
export const NOT_FOUND_ACTION = {
    type: "fixed-response",
    fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not Found" },
} as const;

/** An `ip` target group of the container port in the VPC, with `healthCheck`. */
export function newTargetGroup(
    logicalName: string,
    plan: AlbFargateServicePlan,
    network: TwoTierVpc,
    healthCheck: AlbFargateServicePlan["targetGroup"]["healthCheck"],
    physicalName: string | undefined,
    opts: pulumi.CustomResourceOptions,
): aws.lb.TargetGroup {
    return new aws.lb.TargetGroup(
        logicalName,
        {
            name: physicalName,
            targetType: "ip",
            protocol: "HTTP",
            port: plan.container.port,
            vpcId: network.vpcId,
            deregistrationDelay: plan.targetGroup.deregistrationDelay,
            healthCheck: { enabled: true, protocol: "HTTP", port: "traffic-port", ...healthCheck },
            tags: plan.tags,
        },
        opts,
    );
}

/**
 * Creates the ALB (once the VPC can take an internet-facing one), the shared target group (when a
 * service is not routed), the listeners and the static targets. `edge.certificateArn` is the
 * certificate made here, for an HTTPS listener given no `certificateArn`; `edge.accessLogs` where
 * the ALB writes its access logs (once the bucket policy lets it: ELB checks when logging is
 * turned on).
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
            // Always sent: the provider keeps the cloud's value of an unset `ip_address_type`
            // (Optional + Computed in terraform-provider-aws internal/service/elbv2/load_balancer.go),
            // so dualstack → ipv4 would never reach the ALB. An ALB of an earlier release holds
            // `ipv4` already and sees no change.
            ipAddressType: settings.ipAddressType,
            // Omitted at AWS's 60 s: the provider's own default (`Default: 60`), so going back to it applies.
            idleTimeout: settings.idleTimeout === IDLE_TIMEOUT.default ? undefined : settings.idleTimeout,
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
    // The shared group takes the services without routing; with none, there is nothing to put in it.
    const targetGroup = plan.services.some(s => s.routing === undefined)
        ? newTargetGroup(`${name}-tg`, plan, network, tg.healthCheck, tg.name, opts)
        : undefined;
    const serve = targetGroup ? [{ type: "forward", targetGroupArn: targetGroup.arn }] : [NOT_FOUND_ACTION];
    const http = new aws.lb.Listener(
        `${name}-http`,
        {
            loadBalancerArn: alb.arn,
            port: 80,
            protocol: "HTTP",
            defaultActions: loadBalancer.redirectHttpToHttps
                ? [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]
                : serve,
            tags,
        },
        opts,
    );
    const https = loadBalancer.https
        ? new aws.lb.Listener(
              `${name}-https`,
              {
                  loadBalancerArn: alb.arn,
                  port: 443,
                  protocol: "HTTPS",
                  // The ARN given, else that of the certificate made here once ACM has issued it.
                  certificateArn: loadBalancer.https.certificateArn ?? edge.certificateArn,
                  sslPolicy: loadBalancer.https.sslPolicy,
                  defaultActions: serve,
                  tags,
              },
              opts,
          )
        : undefined;
    const listeners = https ? [http, https] : [http];
    const serving = [
        ...(loadBalancer.redirectHttpToHttps ? [] : [{ key: "http" as const, listener: http }]),
        ...(https ? [{ key: "https" as const, listener: https }] : []),
    ];
    if (targetGroup) attachExtraTargets(name, plan, targetGroup, opts);
    return { alb, targetGroup, listeners, listenersByKey: { http, https }, serving };
}

/** The static IP targets, in the shared group. */
function attachExtraTargets(
    name: string,
    plan: AlbFargateServicePlan,
    targetGroup: aws.lb.TargetGroup,
    opts: pulumi.CustomResourceOptions,
): void {
    plan.targetGroup.extraTargets.forEach((t, i) => {
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
}
