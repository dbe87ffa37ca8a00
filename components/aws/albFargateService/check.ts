/**
 * Validation of an {@link AlbFargateService}'s arguments against AWS's rules and the tutorial's
 * failure modes, section by section: pure, registers nothing, and returns the plan. The shape of
 * the args is checked first; the rules run only on args that have it.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems, validate } from "../../errors";
import { checkShape } from "../../shape";
import { AlbFargateServiceArgs } from "./args";
import { checkContainer } from "./checkContainer";
import { checkEdge } from "./checkEdge";
import { checkLoadBalancer, checkTargetGroup } from "./checkLoadBalancer";
import { checkNetworkShape, checkPlacement, placeTaskEndpoints, taskEndpointNeeds } from "./checkNetwork";
import { checkRoutedHostRecords, checkRoutedHostsCertified } from "./checkRoutedHosts";
import { checkRoutings } from "./checkRouting";
import { checkPlatformVersion } from "./checkScaling";
import { checkOperations } from "./checkOperations";
import { checkServices } from "./checkServices";
import { checkSidecars, checkTaskContainers } from "./checkSidecars";
import { checkTask } from "./checkTask";
import { checkTaskEgress } from "./checkTaskEgress";
import { AlbFargateServicePlan } from "./plan";
import { ALB_FARGATE_SERVICE_SHAPE } from "./shape";

/** Type token of {@link AlbFargateService}. */
export const ALB_FARGATE_SERVICE_TYPE = "topologies:aws:AlbFargateService";

/**
 * Checks every argument and returns the plan, every default resolved, or undefined when the
 * args do not have the shape of a service's (the problems recorded say why: all of them, the
 * network's too). A component that embeds the service passes a scope
 * (`problems.under("fargate")`) to have the problems at its paths.
 */
export function checkAlbFargateServiceArgs(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    opts?: pulumi.ComponentResourceOptions,
): AlbFargateServicePlan | undefined {
    const fits = checkShape(problems, ALB_FARGATE_SERVICE_SHAPE, args);
    // The network's shape is reported with the service's, so one round shows every shape problem.
    const networkFits = args !== null && typeof args === "object" && checkNetworkShape(problems, args.network);
    if (!fits || !networkFits) return undefined;
    const component = `${ALB_FARGATE_SERVICE_TYPE} '${name}'`;
    const assignPublicIp = args.assignPublicIp ?? false;
    const placement = checkPlacement(problems, name, args, assignPublicIp, opts);
    if (!placement) return undefined;
    const { region, provider, vpc } = placement;
    const container = checkContainer(problems.under("container"), args.container, vpc, assignPublicIp, component);
    const sidecars = checkSidecars(problems, args.sidecars ?? [], vpc, assignPublicIp, component);
    const { task, cluster } = checkTask(problems, name, args, component);
    const platformVersion = args.platformVersion ?? "LATEST";
    checkPlatformVersion(problems, "platformVersion", platformVersion);
    checkTaskContainers(problems, container, sidecars, task, platformVersion);
    const operations = checkOperations(problems, name, args, platformVersion);
    // Every endpoint the tasks need (every container's secrets, ECS Exec), added to a VPC created here or required of one given.
    const endpointNeeds = taskEndpointNeeds(
        [container.secrets, ...sidecars.map(s => s.secrets)],
        operations.enableExecuteCommand,
    );
    const network = placeTaskEndpoints(problems, placement, endpointNeeds, assignPublicIp);
    const serviceArgs = args.services ?? { web: {} };
    const unrouted = checkServices(problems, name, serviceArgs, {
        cpuArchitecture: task.cpuArchitecture,
        platformVersion,
    });
    // The providers the strategies use, which a cluster created here gets associated.
    const capacityProviders = [
        ...new Set(unrouted.flatMap(s => s.capacityProviders ?? []).map(p => p.capacityProvider)),
    ];
    const loadBalancer = checkLoadBalancer(problems, name, args, component);
    const edge = checkEdge(problems, name, args, region.region, vpc, component);
    const targetGroup = checkTargetGroup(problems, name, args, container.port, vpc.cidrBlock);
    const routings = checkRoutings(problems, name, args, serviceArgs, targetGroup.healthCheck);
    const services = unrouted.map(s => (routings.has(s.key) ? { ...s, routing: routings.get(s.key) } : s));
    checkRoutedHostsCertified(problems, edge.certificate, routings);
    const routedRecordNames = checkRoutedHostRecords(problems, args.dns, edge.dns, routings);
    // Without NAT or public IPs, private subnets created here route nowhere outside the VPC.
    const endpointsOnly = (vpc.egress === "vpcEndpoints" || vpc.egress === "none") && !vpc.existing && !assignPublicIp;
    const taskEgress = checkTaskEgress(
        problems.under("taskEgress"),
        args.taskEgress ?? {},
        vpc.cidrBlock,
        endpointsOnly,
        component,
    );
    return {
        region: region.region,
        provider,
        network,
        assignPublicIp,
        tags: args.tags,
        container,
        sidecars,
        task: { ...task, ephemeralStorageGiB: operations.ephemeralStorageGiB },
        cluster: { ...cluster, capacityProviders, containerInsights: operations.containerInsights },
        platformVersion,
        enableExecuteCommand: operations.enableExecuteCommand,
        services,
        loadBalancer,
        targetGroup,
        taskEgress,
        deletionProtection: args.deletionProtection ?? false,
        edge: edge.dns ? { ...edge, dns: { ...edge.dns, routedRecordNames } } : edge,
    };
}

/** Checks every argument against AWS's rules and the tutorial's failure modes; pure, registers nothing. */
export function validateAlbFargateServiceArgs(
    name: string,
    args: AlbFargateServiceArgs,
    opts?: pulumi.ComponentResourceOptions,
): AlbFargateServicePlan {
    // A check that returns no plan has recorded why, so validate throws before this returns it.
    return validate(`${ALB_FARGATE_SERVICE_TYPE} '${name}'`, problems =>
        checkAlbFargateServiceArgs(problems, name, args, opts),
    )!;
}
