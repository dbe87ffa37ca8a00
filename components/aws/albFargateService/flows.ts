/**
 * The traffic {@link AlbFargateService} exists for, per private (task) subnet, as
 * `topologies plan` walks it through the planned routes and rules.
 */
import * as pulumi from "@pulumi/pulumi";
import { IntendedFlow, flowTo } from "../../flows";
import type { TwoTierVpc } from "../network";
import { taskContainers } from "./containerDefinitions";
import { AlbFargateServicePlan } from "./plan";

/** AWS APIs a task calls on 443 before and while it runs: the image (ECR API, registry, layers in S3) and its logs. */
const ECR_SERVICES = ["ecr.api", "ecr.dkr", "s3"] as const;

/** The built parts the flows run between. */
export interface FlowEnds {
    readonly network: TwoTierVpc;
    readonly alb: pulumi.Resource;
    readonly albSecurityGroupId: pulumi.Output<string>;
    readonly taskSecurityGroupId: pulumi.Output<string>;
}

/**
 * The internet to each listener, the ALB (in each public subnet) to the tasks' port, the tasks
 * to ECR (when an image of the task is there) and CloudWatch Logs on 443; the internet to a task, blocked.
 */
export function fargateFlows(plan: AlbFargateServicePlan, ends: FlowEnds): IntendedFlow[] {
    const { network } = ends;
    const port = plan.container.port;
    const pullsFromEcr = taskContainers(plan).some(c => c.ecrRepositoryArn !== undefined);
    // An internal ALB has private addresses only: the internet must not reach it.
    const internal = plan.edge.alb.internal;
    const flows: IntendedFlow[] = plan.loadBalancer.listenerPorts.map(listenerPort => ({
        name: `internet → ${internal ? "internal " : ""}ALB :${listenerPort}`,
        from: flowTo.internet(),
        to: flowTo.loadBalancer(ends.alb),
        protocol: "tcp",
        port: listenerPort,
        intent: internal ? "deny" : "allow",
    }));
    for (const subnet of network.privateSubnets) {
        const tasks = flowTo.host({
            label: `tasks in ${subnet.name}`,
            address: subnet.cidrBlock,
            vpcId: network.vpcId,
            subnetId: subnet.id,
            securityGroupIds: [ends.taskSecurityGroupId],
            publicIp: plan.assignPublicIp,
        });
        for (const front of internal ? network.privateSubnets : network.publicSubnets) {
            const alb = flowTo.host({
                label: `ALB in ${front.name}`,
                address: front.cidrBlock,
                vpcId: network.vpcId,
                subnetId: front.id,
                securityGroupIds: [ends.albSecurityGroupId],
            });
            flows.push({
                name: `ALB in ${front.name} → tasks in ${subnet.name}:${port}`,
                from: alb,
                to: tasks,
                protocol: "tcp",
                port,
                intent: "allow",
            });
        }
        for (const service of [...(pullsFromEcr ? ECR_SERVICES : []), "logs"]) {
            flows.push({
                name: `tasks in ${subnet.name} → ${service} :443`,
                from: tasks,
                to: flowTo.awsService(service),
                protocol: "tcp",
                port: 443,
                intent: "allow",
            });
        }
        flows.push({
            name: `internet → tasks in ${subnet.name}:${port}`,
            from: flowTo.internet(),
            to: tasks,
            protocol: "tcp",
            port,
            intent: "deny",
        });
    }
    return flows;
}
