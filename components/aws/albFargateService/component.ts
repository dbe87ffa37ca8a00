/** The {@link AlbFargateService} component: its outputs, and the constructor composing its parts from the plan. */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { DeclaresFlows, IntendedFlow } from "../../flows";
import { newStackProvider } from "../../providers";
import { TwoTierVpc } from "../network";
import type { Tagger } from "../network/tiers";
import { AlbFargateServiceArgs } from "./args";
import type {
    AlbFargateListeners,
    AlbFargateRoles,
    AlbFargateSecurityGroups,
    AlbFargateTargetGroups,
} from "./children";
import { ALB_FARGATE_SERVICE_TYPE, validateAlbFargateServiceArgs } from "./check";
import { fargateFlows } from "./flows";
import { createTaskIdentity } from "./iam";
import { createAccessLogs } from "./accessLogs";
import { ACM_NAMES_DEFAULT_QUOTA } from "./checkEdge";
import { createCertificate, createDnsRecords } from "./edge";
import { createLoadBalancer } from "./loadBalancer";
import { AlbFargateServicePlan } from "./plan";
import { createRoutes } from "./routing";
import { createSecurityGroups } from "./securityGroups";
import { createCluster, createServices, createTaskDefinition, ServiceTargetGroup } from "./service";
import { warnAbout } from "../../warnings";

/**
 * An Application Load Balancer in front of ECS Fargate services whose tasks run in private
 * subnets with no public IP (S5). ECS registers each task's IP in an `ip` target group itself
 * (the tutorial typed them in by hand), tasks pull their image through VPC endpoints or a NAT
 * gateway (the tutorial turned public IPs on instead), the task security group admits the
 * container port only from the ALB's security group, and the execution role may pull only the
 * given repository and write only its own log group.
 *
 * Its main children are typed properties (`cluster`, `services`, `loadBalancer`, `listeners`,
 * `targetGroups`, `listenerRules`, `securityGroups`, `roles`, `logGroup`, …); to change an input
 * the args do not offer, pass Pulumi `transforms` in its options, which reach every child.
 */
export class AlbFargateService extends pulumi.ComponentResource implements DeclaresFlows {
    /** Region every resource of the service is in. */
    readonly region: string;
    /** The provider of that region (given, the given VPC's, or created by the component). */
    readonly provider: aws.Provider;
    /** The VPC the service runs in: the {@link TwoTierVpc} given, or its child `<name>-network`. */
    readonly network: TwoTierVpc;
    /** DNS name of the ALB: point your record (CNAME or alias) at it. */
    readonly dnsName: pulumi.Output<string>;
    /**
     * DNS name of the ALB.
     * @deprecated Use {@link AlbFargateService.dnsName}, the name every ALB component gives it;
     * `albDnsName` goes in the next release.
     */
    readonly albDnsName: pulumi.Output<string>;
    /**
     * The name of the `dns` record (its fully qualified name, as Route 53 reports it); undefined
     * without `dns`.
     */
    readonly fqdn?: pulumi.Output<string>;
    /**
     * Where clients go: `https://<fqdn>/` with an HTTPS listener, `http://<fqdn>/` without; the
     * ALB's own DNS name without `dns`.
     */
    readonly url: pulumi.Output<string>;
    /** ARN of the HTTPS listener's certificate (given, or made here and issued); undefined without HTTPS. */
    readonly certificateArn?: pulumi.Output<string>;
    /** The bucket the ALB writes its access logs to (given, or created here); undefined without `accessLogs`. */
    readonly accessLogsBucket?: pulumi.Output<string>;
    /** ARN of the ALB. */
    readonly albArn: pulumi.Output<string>;
    /**
     * ARN of the shared `ip` target group the listeners forward to by default, which ECS
     * registers the tasks of every service without `routing` in. When every service is routed
     * there is none: the first service's own group.
     */
    readonly targetGroupArn: pulumi.Output<string>;
    /** ARN of the target group each service's tasks are registered in, by service key (the shared one, or its own). */
    readonly targetGroupArns: Record<string, pulumi.Output<string>>;
    /** ARN of the ECS cluster (created, or the one given). */
    readonly clusterArn: pulumi.Output<string>;
    /** Name of the ECS cluster. */
    readonly clusterName: pulumi.Output<string>;
    /** ECS service names by key. */
    readonly serviceNames: Record<string, pulumi.Output<string>>;
    /** ARN (with revision) of the task definition the services run. */
    readonly taskDefinitionArn: pulumi.Output<string>;
    /** Security group of the ALB: admits the listener ports from `allowedCidrs` only. */
    readonly albSecurityGroupId: pulumi.Output<string>;
    /** Security group of the tasks: admits the container port from the ALB's group only. */
    readonly taskSecurityGroupId: pulumi.Output<string>;
    /** CloudWatch Logs group the containers write to. */
    readonly logGroupName: pulumi.Output<string>;
    /** ARN of the execution role (image pull and log writes only). */
    readonly executionRoleArn: pulumi.Output<string>;
    /** ARN of the task role the application runs as (empty unless `taskRolePolicy` is given). */
    readonly taskRoleArn: pulumi.Output<string>;
    /** Id of the VPC. */
    readonly vpcId: pulumi.Output<string>;
    /** Ids of the ALB's public subnets. */
    readonly publicSubnetIds: pulumi.Output<string>[];
    /** Ids of the tasks' private subnets. */
    readonly privateSubnetIds: pulumi.Output<string>[];
    /** The ECS cluster made here; undefined with `clusterArn` (an existing cluster). */
    readonly cluster?: aws.ecs.Cluster;
    /** The task definition each service runs, by service key (every service runs the component's one). */
    readonly taskDefinitions: Readonly<Record<string, aws.ecs.TaskDefinition>>;
    /** The ECS services, by key. */
    readonly services: Readonly<Record<string, aws.ecs.Service>>;
    /** The ALB. */
    readonly loadBalancer: aws.lb.LoadBalancer;
    /** The listeners: HTTP on 80, and HTTPS on 443 with a certificate. */
    readonly listeners: AlbFargateListeners;
    /** The shared target group (when a service is not routed) and the group of each service. */
    readonly targetGroups: AlbFargateTargetGroups;
    /** The forward rules of each routed service, by service key, one per serving listener (HTTP before HTTPS). */
    readonly listenerRules: Readonly<Record<string, readonly aws.lb.ListenerRule[]>>;
    /** The ALB's and the tasks' security groups. */
    readonly securityGroups: AlbFargateSecurityGroups;
    /** The execution role and the task role. */
    readonly roles: AlbFargateRoles;
    /** The CloudWatch Logs group the containers write to. */
    readonly logGroup: aws.cloudwatch.LogGroup;
    /**
     * The traffic it exists for: the internet to each listener, the ALB to the tasks' port, the
     * tasks to ECR (api, dkr), S3 (image layers) and CloudWatch Logs on 443; the internet to a
     * task, blocked.
     */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: AlbFargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateAlbFargateServiceArgs(name, args, opts);
        super(ALB_FARGATE_SERVICE_TYPE, name, {}, opts);
        this.region = plan.region;
        // A provider is made only when none was given (nor comes with the VPC given).
        this.provider =
            plan.provider ?? newStackProvider("aws", `${name}-provider`, { region: this.region }, { parent: this });
        const childOpts = { parent: this, provider: this.provider };
        const tags: Tagger = suffix => ({ ...plan.tags, Name: `${name}-${suffix}` });
        if (plan.assignPublicIp) {
            warnAbout(
                this,
                "assignPublicIp is on: every task gets a public IP. Tasks behind an ALB need none; " +
                    "prefer egress 'vpcEndpoints' or 'natGateway'.",
            );
        }

        this.network = networkOf(name, plan, this);
        this.vpcId = this.network.vpcId;
        this.publicSubnetIds = this.network.publicSubnets.map(s => s.id);
        this.privateSubnetIds = this.network.privateSubnets.map(s => s.id);

        const groups = createSecurityGroups(name, plan, this.network, tags, childOpts);
        this.albSecurityGroupId = groups.albSecurityGroupId;
        this.taskSecurityGroupId = groups.taskSecurityGroupId;
        this.securityGroups = { alb: groups.albSecurityGroup, tasks: groups.taskSecurityGroup };

        const identity = createTaskIdentity(name, plan, tags, childOpts, { parent: this, provider: this.provider });
        this.logGroupName = identity.logGroup.name;
        this.executionRoleArn = identity.executionRole.arn;
        this.taskRoleArn = identity.taskRole.arn;
        this.logGroup = identity.logGroup;
        this.roles = { execution: identity.executionRole, task: identity.taskRole };

        const certificateNames = plan.edge.certificate ? 1 + plan.edge.certificate.subjectAlternativeNames.length : 0;
        if (certificateNames > ACM_NAMES_DEFAULT_QUOTA) {
            warnAbout(
                this,
                `the certificate carries ${certificateNames} names, over ACM's default quota of ${ACM_NAMES_DEFAULT_QUOTA} per certificate: ` +
                    "ACM refuses the request unless the account's quota was raised (Service Quotas, AWS Certificate Manager).",
            );
        }
        if (plan.cluster.arn !== undefined && plan.cluster.capacityProviders.length > 0) {
            warnAbout(
                this,
                `the services' capacity provider strategies use ${plan.cluster.capacityProviders.join(" and ")}: ` +
                    "the existing cluster (clusterArn) must have them associated, or ECS refuses the services.",
            );
        }
        const cluster = createCluster(name, plan, childOpts);
        this.clusterArn = cluster.arn;
        this.clusterName = cluster.name;
        this.cluster = cluster.cluster;
        const taskDefinition = createTaskDefinition(name, plan, identity, childOpts);
        this.taskDefinitionArn = taskDefinition.arn;
        this.taskDefinitions = Object.fromEntries(plan.services.map(svc => [svc.key, taskDefinition]));

        const issued = plan.edge.certificate
            ? createCertificate(name, plan.edge.certificate, plan.tags, childOpts)
            : undefined;
        const https = plan.loadBalancer.https;
        if (https) this.certificateArn = pulumi.output(https.certificateArn ?? issued!.certificateArn);
        const accessLogs = plan.edge.accessLogs
            ? createAccessLogs(name, plan.edge.accessLogs, this.region, plan.tags, childOpts)
            : undefined;
        if (accessLogs) this.accessLogsBucket = pulumi.output(accessLogs.bucket);
        const lb = createLoadBalancer(name, plan, this.network, this.albSecurityGroupId, childOpts, {
            certificateArn: issued?.certificateArn,
            accessLogs,
        });
        const { alb, listeners } = lb;
        this.albArn = alb.arn;
        this.dnsName = alb.dnsName;
        this.albDnsName = this.dnsName;
        this.loadBalancer = alb;
        this.listeners = lb.listenersByKey;
        const routes = createRoutes(name, plan, this.network, lb, childOpts);
        this.listenerRules = Object.fromEntries(Object.entries(routes).map(([key, route]) => [key, route.rules]));
        const targetGroups: Record<string, ServiceTargetGroup> = Object.fromEntries(
            plan.services.map(svc => {
                const route = routes[svc.key];
                // A service without routing is in the shared group, which exists exactly then.
                return [
                    svc.key,
                    route
                        ? { targetGroup: route.targetGroup, attachedBy: route.rules }
                        : { targetGroup: lb.targetGroup!, attachedBy: [] },
                ];
            }),
        );
        this.targetGroupArns = Object.fromEntries(
            Object.entries(targetGroups).map(([key, t]) => [key, t.targetGroup.arn]),
        );
        this.targetGroupArn = (lb.targetGroup ?? targetGroups[plan.services[0].key].targetGroup).arn;
        this.targetGroups = {
            shared: lb.targetGroup,
            byService: Object.fromEntries(Object.entries(targetGroups).map(([key, t]) => [key, t.targetGroup])),
        };
        const scheme = https ? "https" : "http";
        if (plan.edge.dns) {
            const dualstack = plan.edge.alb.ipAddressType === "dualstack";
            const records = createDnsRecords(name, plan.edge.dns, alb, dualstack, childOpts);
            this.fqdn = records[0].fqdn;
        }
        this.url = pulumi.interpolate`${scheme}://${this.fqdn ?? this.dnsName}/`;

        const services = createServices(
            name,
            plan,
            this.network,
            {
                cluster,
                taskDefinition,
                targetGroups,
                albArnSuffix: alb.arnSuffix,
                taskSecurityGroupId: this.taskSecurityGroupId,
                dependsOn: [
                    ...listeners,
                    identity.executionPolicy,
                    ...(identity.execPolicy ? [identity.execPolicy] : []),
                    ...this.network.egressReady,
                ],
            },
            childOpts,
        );
        this.services = services;
        this.serviceNames = Object.fromEntries(Object.entries(services).map(([key, svc]) => [key, svc.name]));

        this.intendedFlows = fargateFlows(plan, {
            network: this.network,
            alb,
            albSecurityGroupId: this.albSecurityGroupId,
            taskSecurityGroupId: this.taskSecurityGroupId,
        });
        this.registerOutputs({
            dnsName: this.dnsName,
            fqdn: this.fqdn,
            url: this.url,
            certificateArn: this.certificateArn,
            accessLogsBucket: this.accessLogsBucket,
            albArn: this.albArn,
            targetGroupArn: this.targetGroupArn,
            clusterName: this.clusterName,
            serviceNames: this.serviceNames,
            taskDefinitionArn: this.taskDefinitionArn,
            albSecurityGroupId: this.albSecurityGroupId,
            taskSecurityGroupId: this.taskSecurityGroupId,
            logGroupName: this.logGroupName,
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
        });
    }
}

/** The VPC given, or the child `<name>-network` made from the plan's args with the service's provider. */
function networkOf(name: string, plan: AlbFargateServicePlan, service: AlbFargateService): TwoTierVpc {
    if (plan.network.vpc) return plan.network.vpc;
    return new TwoTierVpc(
        `${name}-network`,
        { ...plan.network.childArgs, provider: service.provider },
        { parent: service },
    );
}
