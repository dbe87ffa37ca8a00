/**
 * The two security groups of the service and their rules: clients to the ALB on the listener
 * ports only, the ALB to the tasks (and static targets) on their ports only, and the tasks out
 * to what pulling the image, shipping logs and `taskEgress` need.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { addressSlug } from "../../net";
import type { TwoTierVpc } from "../network";
import type { Tagger } from "../network/tiers";
import { AlbFargateServicePlan } from "./plan";

/** The ids of the two groups. */
export interface ServiceSecurityGroups {
    readonly albSecurityGroupId: pulumi.Output<string>;
    readonly taskSecurityGroupId: pulumi.Output<string>;
}

/** The two groups, and their ids. */
export interface CreatedSecurityGroups extends ServiceSecurityGroups {
    readonly albSecurityGroup: aws.ec2.SecurityGroup;
    readonly taskSecurityGroup: aws.ec2.SecurityGroup;
}

/** Creates the ALB's and the tasks' groups with every rule, rules as separate resources (no inline rules). */
export function createSecurityGroups(
    name: string,
    plan: AlbFargateServicePlan,
    network: TwoTierVpc,
    tags: Tagger,
    opts: pulumi.CustomResourceOptions,
): CreatedSecurityGroups {
    const albSg = new aws.ec2.SecurityGroup(
        `${name}-alb-sg`,
        {
            vpcId: network.vpcId,
            description: `ALB of ${name}: listener ports from the allowed blocks`,
            tags: tags("alb-sg"),
        },
        opts,
    );
    const taskSg = new aws.ec2.SecurityGroup(
        `${name}-task-sg`,
        {
            // Stable: a new description replaces the group (EC2 cannot change one), so the port is not in
            // it, and a group made by an earlier release keeps its own text instead of being replaced.
            vpcId: network.vpcId,
            description: `Tasks of ${name}: the container port from the ALB only`,
            tags: tags("task-sg"),
        },
        { ...opts, ignoreChanges: ["description"] },
    );
    const groups = { albSecurityGroupId: albSg.id, taskSecurityGroupId: taskSg.id };
    createAlbRules(name, plan, groups, opts);
    createTaskRules(name, plan, network, groups, opts);
    return { ...groups, albSecurityGroup: albSg, taskSecurityGroup: taskSg };
}

/** Clients in, on the listener ports; out to the tasks and the static targets on their ports. */
function createAlbRules(
    name: string,
    plan: AlbFargateServicePlan,
    groups: ServiceSecurityGroups,
    opts: pulumi.CustomResourceOptions,
): void {
    const { albSecurityGroupId, taskSecurityGroupId } = groups;
    const port = plan.container.port;
    // Rules are named by what they admit, so reordering allowedCidrs replaces nothing; the alias
    // keeps the rules of releases that named them by position.
    plan.loadBalancer.allowedCidrs.forEach((cidr, i) => {
        for (const listenerPort of plan.loadBalancer.listenerPorts) {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-alb-in-${listenerPort}-${addressSlug(cidr)}`,
                {
                    securityGroupId: albSecurityGroupId,
                    ipProtocol: "tcp",
                    fromPort: listenerPort,
                    toPort: listenerPort,
                    cidrIpv4: cidr,
                    description: `Clients to the ALB on ${listenerPort}`,
                },
                { ...opts, aliases: [{ name: `${name}-alb-in-${listenerPort}-${i}` }] },
            );
        }
    });
    // A dual-stack internet-facing ALB open to every IPv4 client is open to every IPv6 one too.
    const { alb } = plan.edge;
    if (alb.ipAddressType === "dualstack" && !alb.internal && plan.loadBalancer.allowedCidrs.includes("0.0.0.0/0")) {
        for (const listenerPort of plan.loadBalancer.listenerPorts) {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-alb-in-${listenerPort}-ipv6-${addressSlug("::/0")}`,
                {
                    securityGroupId: albSecurityGroupId,
                    ipProtocol: "tcp",
                    fromPort: listenerPort,
                    toPort: listenerPort,
                    cidrIpv6: "::/0",
                    description: `IPv6 clients to the ALB on ${listenerPort}`,
                },
                opts,
            );
        }
    }
    new aws.vpc.SecurityGroupEgressRule(
        `${name}-alb-to-tasks`,
        {
            securityGroupId: albSecurityGroupId,
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            referencedSecurityGroupId: taskSecurityGroupId,
            description: "ALB to the tasks",
        },
        opts,
    );
    plan.targetGroup.extraTargets.forEach((t, i) => {
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-alb-to-extra-${addressSlug(t.ip)}-${t.port}`,
            {
                securityGroupId: albSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: t.port,
                toPort: t.port,
                cidrIpv4: `${t.ip}/32`,
                description: `ALB to the static target ${t.ip}`,
            },
            { ...opts, aliases: [{ name: `${name}-alb-to-extra-${i}` }] },
        );
    });
}

/** The container port in from the ALB only; HTTPS out for the image and logs; the `taskEgress` rules. */
function createTaskRules(
    name: string,
    plan: AlbFargateServicePlan,
    network: TwoTierVpc,
    groups: ServiceSecurityGroups,
    opts: pulumi.CustomResourceOptions,
): void {
    const { albSecurityGroupId, taskSecurityGroupId } = groups;
    const port = plan.container.port;
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-task-from-alb`,
        {
            securityGroupId: taskSecurityGroupId,
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            referencedSecurityGroupId: albSecurityGroupId,
            description: "Container port from the ALB only",
        },
        opts,
    );
    // HTTPS out is all an image pull and the log driver need (ECR, S3, CloudWatch Logs). With
    // endpoints only there is no internet path: the interface endpoints sit in the VPC block and
    // S3 is its prefix list, so that is all the tasks may reach. Through NAT, the services'
    // public addresses are not known in advance.
    const https = { securityGroupId: taskSecurityGroupId, ipProtocol: "tcp", fromPort: 443, toPort: 443 };
    if (network.s3PrefixListId) {
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-task-https-endpoints`,
            {
                ...https,
                cidrIpv4: network.cidrBlock,
                description: "HTTPS to the ECR and CloudWatch Logs endpoints",
            },
            opts,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-task-https-s3`,
            {
                ...https,
                prefixListId: network.s3PrefixListId,
                description: "HTTPS to S3 (ECR image layers) through the gateway endpoint",
            },
            opts,
        );
    } else {
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-task-https-out`,
            {
                ...https,
                cidrIpv4: "0.0.0.0/0",
                description: "HTTPS to ECR, S3 and CloudWatch Logs",
            },
            opts,
        );
    }
    for (const rule of plan.taskEgress) {
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-task-egress-${rule.key}`,
            {
                securityGroupId: taskSecurityGroupId,
                ipProtocol: rule.protocol,
                fromPort: rule.fromPort,
                toPort: rule.toPort,
                cidrIpv4: rule.cidrBlock,
                prefixListId: rule.prefixListId,
                referencedSecurityGroupId: rule.securityGroupId,
                description: rule.description,
            },
            opts,
        );
    }
}
