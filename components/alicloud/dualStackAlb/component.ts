/** The DualStackAlb component (S3): it reads its plan and creates what the plan says. */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { checkedWhenKnown } from "../../checks";
import { DeclaresFlows, IntendedFlow } from "../../flows";
import { userProvider } from "../../providers";
import { createAlbResources } from "../albCommon/create";
import { createAlbIngressRules } from "../albCommon/ingress";
import { createAlbRules, createAlbServerGroups } from "../albCommon/routing";
import { ECS_INSTANCE_ID, fitsWhenKnown } from "../albCommon/shape";
import { text } from "../../shape";
import { DUAL_STACK_ALB_TYPE, DualStackAlbArgs, DualStackAlbPlan } from "./args";
import { validateDualStackAlbArgs } from "./check";
import { dualStackFlows } from "./flows";
import { warnAbout } from "../../warnings";

/**
 * An Application Load Balancer serving IPv4 and IPv6 clients, with ECS backends reached over
 * IPv4 or IPv6 (Alibaba Cloud tutorial "dual-stack server group"): the ALB across two or more
 * zones, a server group of ECS instances (IPv6-enabled on a dual-stack ALB), a forwarding
 * listener (HTTPS with HTTP on 80 redirecting to it, or HTTP; one listener serves both address
 * families), the security-group rules that let the ALB reach the backends, optional public IPv6
 * bandwidth for IPv6 backends and an optional DNS CNAME.
 *
 * Prerequisite: the service-linked role AliyunServiceRoleForAlb must exist in the account (or set
 * `createServiceLinkedRole`). It cannot be checked before registration: the only way to look it
 * up is the `ram.getRoles` data source, which needs the cloud and runs after the component has
 * been registered.
 *
 * Everything is checked before anything is registered: every ALB zone has an IPv6 vSwitch (dual
 * stack), two or more zones, 8 free addresses per ALB vSwitch, IPv6 backends only in IPv6
 * vSwitches and only with an IPv6 server group on a dual-stack ALB, and domain and host syntax.
 */
export class DualStackAlb extends pulumi.ComponentResource implements DeclaresFlows {
    /** ALB id. */
    readonly loadBalancerId: pulumi.Output<string>;
    /** ALB DNS name, the target of CNAME records. */
    readonly dnsName: pulumi.Output<string>;
    /** Public or private IPv4 addresses of the ALB, one or more per zone, as the provider reports them. */
    readonly ipv4Addresses: pulumi.Output<string[]>;
    /** IPv6 addresses of the ALB (dual stack only). */
    readonly ipv6Addresses: pulumi.Output<string[]>;
    /** Server group id. */
    readonly serverGroupId: pulumi.Output<string>;
    /** Ids of the extra server groups (`serverGroups`), by key. */
    readonly serverGroupIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Id of the listener forwarding to the server group (the HTTPS one, when HTTPS). */
    readonly listenerId: pulumi.Output<string>;
    /** Id of the HTTP listener redirecting to HTTPS, when the listener is HTTPS and redirects. */
    readonly httpRedirectListenerId?: pulumi.Output<string>;
    /**
     * The traffic it exists for: the internet to the listener, the ALB to each backend; the internet
     * to a backend, blocked.
     */
    readonly intendedFlows: readonly IntendedFlow[];
    /** Id of the DNS record, when `dns` is given. */
    readonly dnsRecordId?: pulumi.Output<string>;
    /** The name the DNS record serves, e.g. `example.com` or `www.example.com`, when `dns` is given. */
    readonly fqdn?: string;

    constructor(name: string, args: DualStackAlbArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateDualStackAlbArgs(name, args);
        super(DUAL_STACK_ALB_TYPE, name, {}, opts);
        const component = `${DUAL_STACK_ALB_TYPE} '${name}'`;
        const vpc = plan.vpc;
        const childOpts = { parent: this, provider: userProvider<alicloud.Provider>(opts, "alicloud") ?? vpc.provider };
        for (const warning of plan.warnings) warnAbout(this, warning);

        const role = plan.createServiceLinkedRole
            ? new alicloud.resourcemanager.ServiceLinkedRole(
                  `${name}-alb-role`,
                  { serviceName: "alb.aliyuncs.com" },
                  { ...childOpts, retainOnDelete: true },
              )
            : undefined;
        // The ECS server group's inputs for a list of backends at `prefix`: the own group's, and each extra group's.
        const groupInputs = (backends: DualStackAlbPlan["backends"], prefix: string) => ({
            serverGroupType: "Instance",
            protocol: "HTTP",
            ipv6Enabled: plan.serverGroupIpv6,
            servers: backends.map(b => ({
                serverType: "Ecs",
                // Outputs are checked when known, so a wrong one stops the server group before it is created.
                serverId: fitsWhenKnown(b.instanceId, component, `${prefix}.${b.key}.instanceId`, ECS_INSTANCE_ID),
                serverIp: checkedWhenKnown(b.address, component, b.checkKnownAddress),
                port: b.port,
                // Always explicit: the provider's default weight 0 gives a server no traffic.
                weight: b.weight,
                description: b.description,
            })),
        });
        const { loadBalancer, serverGroup, listener, redirect, cname } = createAlbResources(
            name,
            component,
            plan,
            {
                serverGroupChild: "servers",
                loadBalancer: {
                    addressIpVersion: plan.dualStack ? "DualStack" : "IPv4",
                    ipv6AddressType: plan.ipv6AddressType,
                },
                // A public IPv6 address routes through the VPC's IPv6 gateway, which nothing in the
                // ALB's inputs refers to; the role must exist before any ALB is created.
                loadBalancerDependsOn: [...(role ? [role] : []), ...(plan.ipv6AddressType === "Internet" ? [vpc] : [])],
                serverGroup: groupInputs(plan.backends, "backends"),
            },
            childOpts,
        );
        const groups = createAlbServerGroups(
            name,
            "servers",
            serverGroup,
            plan,
            g => groupInputs(plan.serverGroupBackends[g.key], `serverGroups.${g.key}.backends`),
            childOpts,
        );
        createAlbRules(name, listener, plan.forwardingRules, groups, childOpts);

        createAlbIngressRules(name, component, plan.rules, plan.securityGroups, childOpts);

        for (const b of plan.backends) {
            const bw = b.ipv6InternetBandwidth;
            if (!bw) continue;
            const path = `backends.${b.key}.ipv6InternetBandwidth`;
            new alicloud.vpc.Ipv6InternetBandwidth(
                `${name}-${b.key}-ipv6bw`,
                {
                    ipv6AddressId: fitsWhenKnown(bw.ipv6AddressId, component, `${path}.ipv6AddressId`, text),
                    ipv6GatewayId: fitsWhenKnown(bw.ipv6GatewayId, component, "ipv6GatewayId", text),
                    bandwidth: bw.bandwidth,
                    internetChargeType: bw.internetChargeType,
                },
                childOpts,
            );
        }

        this.intendedFlows = dualStackFlows(plan, loadBalancer);
        this.serverGroupIds = Object.fromEntries(plan.serverGroups.map(g => [g.key, groups.get(g.key)!.id]));
        const addresses = (pick: (a: { address: string; ipv6Address: string }) => string) =>
            loadBalancer.zoneMappings.apply(zones =>
                (zones ?? []).flatMap(z => (z.loadBalancerAddresses ?? []).map(pick)).filter(a => !!a),
            );
        this.loadBalancerId = loadBalancer.id;
        this.dnsName = loadBalancer.dnsName;
        this.ipv4Addresses = addresses(a => a.address);
        this.ipv6Addresses = addresses(a => a.ipv6Address);
        this.serverGroupId = serverGroup.id;
        this.listenerId = listener.id;
        this.httpRedirectListenerId = redirect?.listener.id;
        this.dnsRecordId = cname?.id;
        this.fqdn = plan.dns?.fqdn;

        this.registerOutputs({
            loadBalancerId: this.loadBalancerId,
            dnsName: this.dnsName,
            ipv4Addresses: this.ipv4Addresses,
            ipv6Addresses: this.ipv6Addresses,
            serverGroupId: this.serverGroupId,
            serverGroupIds: this.serverGroupIds,
            listenerId: this.listenerId,
            httpRedirectListenerId: this.httpRedirectListenerId,
            dnsRecordId: this.dnsRecordId,
            fqdn: this.fqdn,
        });
    }
}
