/** The CrossRegionAlbBackend component (S1): it reads its plan and creates what the plan says. */
import * as pulumi from "@pulumi/pulumi";
import { DeclaresFlows, IntendedFlow } from "../../flows";
import { createAlbResources } from "../albCommon/create";
import { createAlbIngressRules } from "../albCommon/ingress";
import { createAlbRules, createAlbServerGroups } from "../albCommon/routing";
import { CenTransitNetwork } from "../cen";
import { CROSS_REGION_ALB_TYPE, CrossRegionAlbBackendArgs, CrossRegionAlbPlan } from "./args";
import { validateCrossRegionAlbBackendArgs } from "./check";
import { crossRegionFlows } from "./flows";
import { createRegionServerGroups, createWeightedRule, serverGroupInputs } from "./regions";

/**
 * An Application Load Balancer in one region serving backends in another region over a Cloud
 * Enterprise Network (seed 000, scenario S1): the ALB on two or more zones, an IP server group
 * with remote IP, a listener forwarding to it (HTTPS with HTTP on 80 redirecting to it, or
 * HTTP), the two VPCs on one CEN with an inter-region
 * connection (with `backendRegions`, a VPC, server group and connection per further region, and
 * a rule splitting requests between the regions' groups by weight), the routes both ways through the system route tables (and, for legacy ALBs, the
 * transit-router routes of the back-to-origin blocks), and the backends' security-group rules
 * that admit only the back-to-origin blocks on the backend ports.
 */
export class CrossRegionAlbBackend extends pulumi.ComponentResource implements DeclaresFlows {
    /** ALB id, `alb-…`. */
    readonly loadBalancerId: pulumi.Output<string>;
    /** ALB DNS name, what a CNAME points at (ALBs created since 2025 do not answer on it themselves). */
    readonly dnsName: pulumi.Output<string>;
    /** Id of the DNS record, when `dns` is given. */
    readonly dnsRecordId?: pulumi.Output<string>;
    /** The name clients use, e.g. `www.example.com`, when `dns` is given. */
    readonly fqdn?: string;
    /** Server group id, `sgp-…`. */
    readonly serverGroupId: pulumi.Output<string>;
    /** Server group id of each of `backendRegions`, by its key; empty without them. */
    readonly backendRegionServerGroupIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Id of the rule splitting requests between the regions' server groups, when there are `backendRegions`. */
    readonly weightedRuleId?: pulumi.Output<string>;
    /** Ids of the extra server groups (`serverGroups`), by key. */
    readonly serverGroupIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Id of the listener forwarding to the server group (the HTTPS one, when HTTPS). */
    readonly listenerId: pulumi.Output<string>;
    /** Id of the HTTP listener redirecting to HTTPS, when the listener is HTTPS and redirects. */
    readonly httpRedirectListenerId?: pulumi.Output<string>;
    /** The network carrying the traffic, created here or joined. */
    readonly cen: CenTransitNetwork;
    /** The blocks the ALB fetches from, routed back and admitted by the security groups. */
    readonly backToOriginCidrs: readonly string[];
    /**
     * Ids of the route entries this pattern needs: ALB VPC and backend VPC entries (the provider's
     * `vtb-…:vrt-…:cidr:Attachment:tr-attach-…` ids), then the transit-router entries (`rte-…`).
     */
    readonly routeEntryIds: pulumi.Output<string>[];
    /**
     * The traffic this pattern exists for: the internet to the listener (Internet ALBs), each
     * back-to-origin block to each backend port and back; and the internet to a backend, blocked.
     */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: CrossRegionAlbBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateCrossRegionAlbBackendArgs(name, args, opts);
        super(CROSS_REGION_ALB_TYPE, name, {}, opts);
        const component = `${CROSS_REGION_ALB_TYPE} '${name}'`;
        const albOpts = { parent: this, provider: plan.vpc.provider };
        this.backToOriginCidrs = plan.backToOriginCidrs;
        [this.cen, this.routeEntryIds] = this.network(name, plan);

        const { loadBalancer, serverGroup, listener, redirect, cname } = createAlbResources(
            name,
            component,
            plan,
            { serverGroupChild: "sgp", serverGroup: serverGroupInputs(plan, component, plan.backends) },
            albOpts,
        );
        const groups = createAlbServerGroups(
            name,
            "sgp",
            serverGroup,
            plan,
            g => serverGroupInputs(plan, component, plan.serverGroupBackends[g.key]),
            albOpts,
        );
        // Each further region: its server group (which rules may forward to by the region's key),
        // its groups' rules (named after the region, in its provider).
        const regionGroups = createRegionServerGroups(name, component, plan, albOpts);
        createAlbRules(
            name,
            listener,
            plan.forwardingRules,
            new Map([...groups, ...Object.entries(regionGroups)]),
            albOpts,
        );

        createAlbIngressRules(name, component, plan.rules, plan.securityGroups, {
            parent: this,
            provider: plan.backendVpc.provider,
        });
        for (const r of plan.backendRegions) {
            createAlbIngressRules(`${name}-${r.key}`, component, r.rules, plan.securityGroups, {
                parent: this,
                provider: r.vpc.provider,
            });
        }
        const weighted =
            plan.backendRegions.length === 0
                ? undefined
                : createWeightedRule(name, plan, listener, serverGroup, regionGroups, albOpts);
        this.backendRegionServerGroupIds = Object.fromEntries(
            Object.entries(regionGroups).map(([key, group]) => [key, group.id]),
        );
        this.weightedRuleId = weighted?.id;

        this.intendedFlows = crossRegionFlows(plan, loadBalancer);
        this.serverGroupIds = Object.fromEntries(plan.serverGroups.map(g => [g.key, groups.get(g.key)!.id]));
        this.loadBalancerId = loadBalancer.id;
        this.dnsName = loadBalancer.dnsName;
        this.serverGroupId = serverGroup.id;
        this.listenerId = listener.id;
        this.httpRedirectListenerId = redirect?.listener.id;
        this.dnsRecordId = cname?.id;
        this.fqdn = plan.dns?.fqdn;
        this.registerOutputs({
            loadBalancerId: this.loadBalancerId,
            dnsName: this.dnsName,
            serverGroupId: this.serverGroupId,
            backendRegionServerGroupIds: this.backendRegionServerGroupIds,
            weightedRuleId: this.weightedRuleId,
            serverGroupIds: this.serverGroupIds,
            listenerId: this.listenerId,
            httpRedirectListenerId: this.httpRedirectListenerId,
            cenId: this.cen.cenId,
            backToOriginCidrs: this.backToOriginCidrs,
            routeEntryIds: this.routeEntryIds,
            dnsRecordId: this.dnsRecordId,
            fqdn: this.fqdn,
        });
    }

    /** The network, created or joined, and the ids of the route entries written for this pattern. */
    private network(name: string, plan: CrossRegionAlbPlan): [CenTransitNetwork, pulumi.Output<string>[]] {
        const network = plan.network;
        if (network.kind === "create") {
            const cen = new CenTransitNetwork(network.name, network.args, { parent: this });
            return [cen, [...Object.values(cen.vpcRouteEntryIds), ...Object.values(cen.transitRouterRouteEntryIds)]];
        }
        // A VPC route entry has no id of its own but the resource id; a transit-router entry has its `rte-…` id.
        const { cen, albMember, backendMember, regionMembers } = network;
        const toRegions = plan.backendRegions.flatMap(r => r.backendCidrs);
        return [
            cen,
            [
                ...cen.addVpcRoutes(name, albMember, [...plan.backendCidrs, ...toRegions], this).map(e => e.id),
                ...cen.addVpcRoutes(name, backendMember, plan.backToOriginCidrs, this).map(e => e.id),
                ...plan.backendRegions.flatMap(r =>
                    cen.addVpcRoutes(name, regionMembers[r.key], plan.backToOriginCidrs, this).map(e => e.id),
                ),
                ...(plan.legacy
                    ? cen.addTransitRouterRoutes(name, plan.vpc.region, albMember, plan.backToOriginCidrs, this)
                    : []
                ).map(e => e.transitRouterRouteEntryId),
            ],
        ];
    }
}
