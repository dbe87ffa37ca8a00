/**
 * The resources every ALB component creates from its plan: the ALB, its server group, the
 * listener, the HTTP listener redirecting to an HTTPS one, and the CNAME.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { createAlbCname } from "./dns";
import { AlbRedirect, createForwardingListener, createHttpRedirect } from "./listener";
import { AlbLogResources, createAlbAcl, createAlbOperationsInputs } from "./operations";
import { AlbScheduler } from "./args";
import { AlbCommonPlan } from "./plan";

/** What a component adds to the shared ALB resources. */
export interface AlbResourceInputs {
    /** Child name of the server group after the component's name: each component keeps its own, so its URN stays. */
    readonly serverGroupChild: string;
    /** Inputs of the ALB only this component sets. */
    readonly loadBalancer?: Pick<alicloud.alb.LoadBalancerArgs, "addressIpVersion" | "ipv6AddressType">;
    /** What the ALB must wait for besides its inputs (a service-linked role, an IPv6 gateway). */
    readonly loadBalancerDependsOn?: pulumi.Resource[];
    /** Inputs of the server group only this component sets. */
    readonly serverGroup: Pick<
        alicloud.alb.ServerGroupArgs,
        "serverGroupType" | "protocol" | "ipv6Enabled" | "stickySessionConfig" | "servers"
    >;
}

/** The shared resources of an ALB component. */
export interface AlbResources {
    readonly loadBalancer: alicloud.alb.LoadBalancer;
    readonly serverGroup: alicloud.alb.ServerGroup;
    readonly listener: alicloud.alb.Listener;
    /** The HTTP listener on 80 and its rule redirecting to the HTTPS listener, when the plan has them. */
    readonly redirect?: AlbRedirect;
    /** The CNAME record, when the plan has one. */
    readonly cname?: alicloud.dns.AlidnsRecord;
    /** The ACL on the listeners, when the plan has one. */
    readonly acl?: alicloud.alb.Acl;
    /** The access logs' project and logstore, when the component creates them. */
    readonly logs?: AlbLogResources;
}

/**
 * Creates the ALB (`<name>-alb`), its server group, a listener forwarding to it
 * (`<name>-listener`), the HTTP listener redirecting to it when it is HTTPS
 * (`<name>-http-redirect`, with its rule) and the CNAME record (`<name>-cname`) when the plan has
 * one.
 *
 * @param component how a problem with a value known only at deployment names the component.
 */
/**
 * The inputs of one of the ALB's server groups (its own, an extra one, a further region's): in
 * the ALB's VPC with the ALB's health check and tags, the group's name and scheduler, and the
 * fields only the component sets (type, protocol, servers).
 */
export function albServerGroupArgs(
    plan: AlbCommonPlan,
    group: { readonly serverGroupName: string; readonly scheduler: AlbScheduler },
    inputs: AlbResourceInputs["serverGroup"],
): alicloud.alb.ServerGroupArgs {
    return {
        serverGroupName: group.serverGroupName,
        vpcId: plan.vpc.vpcId,
        scheduler: group.scheduler,
        healthCheckConfig: plan.healthCheck.config,
        ...inputs,
        tags: plan.tags,
    };
}

export function createAlbResources(
    name: string,
    component: string,
    plan: AlbCommonPlan,
    inputs: AlbResourceInputs,
    opts: pulumi.CustomResourceOptions,
): AlbResources {
    const tags = plan.tags;
    const operations = createAlbOperationsInputs(
        name,
        component,
        plan.accessLog,
        plan.modificationProtection,
        tags,
        opts,
    );
    const loadBalancer = new alicloud.alb.LoadBalancer(
        `${name}-alb`,
        {
            loadBalancerName: plan.loadBalancerName,
            vpcId: plan.vpc.vpcId,
            addressType: plan.addressType,
            loadBalancerEdition: plan.edition,
            // ALB is sold pay-as-you-go only.
            loadBalancerBillingConfig: { payType: "PayAsYouGo" },
            zoneMappings: plan.albVSwitches.map(v => ({ zoneId: v.zoneId, vswitchId: v.id })),
            ...inputs.loadBalancer,
            // Always sent: the provider keeps the cloud's value of a field left out, so off must be said.
            deletionProtectionEnabled: plan.deletionProtection,
            ...operations.inputs,
            tags,
        },
        { ...opts, dependsOn: inputs.loadBalancerDependsOn },
    );
    const serverGroup = new alicloud.alb.ServerGroup(
        `${name}-${inputs.serverGroupChild}`,
        albServerGroupArgs(plan, plan, inputs.serverGroup),
        opts,
    );
    const listener = createForwardingListener(
        `${name}-listener`,
        component,
        loadBalancer.id,
        serverGroup,
        plan.listener,
        tags,
        opts,
    );
    const redirect = createHttpRedirect(name, loadBalancer.id, serverGroup, listener, plan.listener, tags, opts);
    const cname = plan.dns ? createAlbCname(name, plan.dns, loadBalancer.dnsName, opts) : undefined;
    const acl = plan.acl
        ? createAlbAcl(
              name,
              plan.acl,
              [
                  { child: `${name}-listener`, listener },
                  ...(redirect ? [{ child: `${name}-http-redirect`, listener: redirect.listener }] : []),
              ],
              tags,
              opts,
          )
        : undefined;
    return { loadBalancer, serverGroup, listener, redirect, cname, acl, logs: operations.logs };
}
