/** The traffic S3 exists for, from its resolved plan. */
import * as pulumi from "@pulumi/pulumi";
import { IntendedFlow, flowTo } from "../../flows";
import { everyGroupBackend } from "../albCommon/backends";
import { albClientFlows } from "../albCommon/clientFlows";
import { albListenerPorts } from "../albCommon/listener";
import { DualStackAlbPlan } from "./args";

/**
 * The internet to each listener (and the HTTP redirect to HTTPS) over each public family, as the
 * listeners' access control list admits it (albClientFlows), each
 * ALB vSwitch to each backend over its family (the ALB fetches from its vSwitch addresses, seed
 * 002; a legacy ALB from its listed blocks over IPv4), and the internet to a backend without its
 * own public IPv6 bandwidth, blocked. The backends are the component's own and those of its extra
 * server groups.
 */
export function dualStackFlows(plan: DualStackAlbPlan, alb: pulumi.Resource): IntendedFlow[] {
    const flows: IntendedFlow[] = [];
    // The families the ALB has a public address of.
    const publicFamilies: Array<4 | 6> = [];
    if (plan.addressType === "Internet") publicFamilies.push(4);
    if (plan.ipv6AddressType === "Internet") publicFamilies.push(6);
    flows.push(
        ...albClientFlows(
            plan.acl,
            albListenerPorts(plan.listener),
            publicFamilies,
            alb,
            (who, port, family) => `${who} → ALB :${port} over IPv${family}`,
        ),
    );
    const vpc = plan.vpc;
    for (const b of everyGroupBackend(plan.backends, plan.serverGroupBackends, b => b.instanceId)) {
        const group = b.securityGroup === undefined ? undefined : plan.securityGroups[b.securityGroup];
        const backend = flowTo.host({
            label: `${b.key} (IPv${b.family})`,
            address: b.address,
            vpcId: vpc.vpcId,
            subnetId: b.vSwitch?.id,
            securityGroupIds: group === undefined ? undefined : [group],
        });
        // A legacy ALB fetches over IPv4 from the blocks its page lists, in its service network.
        if (b.family === 4 && plan.backToOrigin.legacy) {
            for (const cidr of plan.backToOrigin.cidrs) {
                flows.push({
                    name: `ALB back-to-origin ${cidr} → ${b.key}:${b.port}`,
                    protocol: "tcp",
                    port: b.port,
                    ipVersion: 4,
                    intent: "allow",
                    to: backend,
                    from: flowTo.host({
                        label: `ALB back-to-origin ${cidr}`,
                        address: cidr,
                        vpcId: vpc.vpcId,
                        deliveredBy: "the ALB's service network (legacy back-to-origin blocks)",
                    }),
                });
            }
        }
        for (const vsw of b.family === 4 && plan.backToOrigin.legacy ? [] : plan.albVSwitches) {
            const source = b.family === 6 ? vsw.ipv6CidrBlock : vsw.cidrBlock;
            if (source === undefined) continue;
            flows.push({
                name: `ALB in ${vsw.name} → ${b.key}:${b.port}`,
                protocol: "tcp",
                port: b.port,
                ipVersion: b.family,
                intent: "allow",
                to: backend,
                from: flowTo.host({ label: `ALB in ${vsw.name}`, address: source, vpcId: vpc.vpcId, subnetId: vsw.id }),
            });
        }
        if (!b.ipv6InternetBandwidth) {
            flows.push({
                name: `internet → ${b.key}:${b.port}`,
                from: flowTo.internet(),
                to: backend,
                protocol: "tcp",
                port: b.port,
                ipVersion: b.family,
                intent: "deny",
            });
        }
    }
    return flows;
}
