/** The traffic S1 exists for, from its resolved plan. */
import * as pulumi from "@pulumi/pulumi";
import { IntendedFlow, flowTo } from "../../flows";
import { everyGroupBackend } from "../albCommon/backends";
import { albClientFlows } from "../albCommon/clientFlows";
import { albListenerPorts } from "../albCommon/listener";
import { CrossRegionAlbPlan } from "./args";

/**
 * The internet to each listener (Internet ALBs; the HTTP redirect to HTTPS too) as the listeners'
 * access control list admits it (albClientFlows), each
 * back-to-origin block to each backend port (and back), in every backend region; and the
 * internet to a backend, blocked. `backendVpc`'s backends are the component's own and those of
 * its extra server groups.
 */
export function crossRegionFlows(plan: CrossRegionAlbPlan, alb: pulumi.Resource): IntendedFlow[] {
    const flows: IntendedFlow[] = [];
    const ports = plan.addressType === "Internet" ? albListenerPorts(plan.listener) : [];
    flows.push(...albClientFlows(plan.acl, ports, [4], alb, (who, port) => `${who} → ALB :${port}`));
    const regions = [
        {
            vpc: plan.backendVpc,
            backends: everyGroupBackend(plan.backends, plan.serverGroupBackends, b => b.ipv4Address),
        },
        ...plan.backendRegions.map(r => ({ vpc: r.vpc, backends: r.backends })),
    ];
    for (const { vpc, b } of regions.flatMap(r => r.backends.map(b => ({ vpc: r.vpc, b })))) {
        // The address may be an Output (an instance's private IP): the names then resolve with it.
        const label = pulumi.output(b.ipv4Address);
        const group = b.securityGroup === undefined ? undefined : plan.securityGroups[b.securityGroup];
        const backend = flowTo.host({
            label: pulumi.interpolate`backend ${label}`,
            address: b.ipv4Address,
            vpcId: vpc.vpcId,
            securityGroupIds: group === undefined ? undefined : [group],
        });
        for (const cidr of plan.backToOriginCidrs) {
            flows.push({
                name: pulumi.interpolate`ALB back-to-origin ${cidr} → ${label}:${b.port}`,
                from: flowTo.host({
                    label: `ALB back-to-origin ${cidr}`,
                    address: cidr,
                    vpcId: plan.vpc.vpcId,
                    // Legacy blocks belong to the ALB's service network, which the cloud joins to the VPC.
                    deliveredBy: plan.legacy ? "the ALB's service network (legacy back-to-origin blocks)" : undefined,
                }),
                to: backend,
                protocol: "tcp",
                port: b.port,
                intent: "allow",
            });
        }
        flows.push({
            name: pulumi.interpolate`internet → ${label}:${b.port}`,
            from: flowTo.internet(),
            to: backend,
            protocol: "tcp",
            port: b.port,
            intent: "deny",
        });
    }
    return flows;
}
