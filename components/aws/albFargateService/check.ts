/**
 * Validation of an {@link AlbFargateService}'s arguments against AWS's rules and the tutorial's
 * failure modes, section by section: pure, registers nothing, and returns the plan.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems, validate } from "../../errors";
import { AlbFargateServiceArgs, ContainerArgs } from "./args";
import { checkContainer } from "./checkContainer";
import { checkLoadBalancer, checkTargetGroup } from "./checkLoadBalancer";
import { checkPlacement } from "./checkNetwork";
import { checkServices } from "./checkServices";
import { checkTask } from "./checkTask";
import { checkTaskEgress } from "./checkTaskEgress";
import { AlbFargateServicePlan } from "./plan";
import type { AlbFargateService } from "./component";

/** Type token of {@link AlbFargateService}. */
export const ALB_FARGATE_SERVICE_TYPE = "topologies:aws:AlbFargateService";

/**
 * Checks every argument and returns the plan, every default resolved. A component that embeds
 * the service passes a scope (`problems.under("fargate")`) to have the problems at its paths.
 */
export function checkAlbFargateServiceArgs(problems: Problems, name: string, args: AlbFargateServiceArgs,
    opts?: pulumi.ComponentResourceOptions): AlbFargateServicePlan {
    const assignPublicIp = args.assignPublicIp ?? false;
    const { region, provider, network, vpc } = checkPlacement(problems, name, args, assignPublicIp, opts);
    const container = checkContainer(problems.under("container"), args.container ?? ({} as ContainerArgs), vpc,
        assignPublicIp);
    const { task, cluster } = checkTask(problems, name, args);
    const services = checkServices(problems, name, args.services ?? { web: {} });
    const loadBalancer = checkLoadBalancer(problems, name, args);
    const targetGroup = checkTargetGroup(problems, name, args, container.port, vpc.cidrBlock);
    // Without NAT or public IPs, private subnets created here route nowhere outside the VPC.
    const endpointsOnly = (vpc.egress === "vpcEndpoints" || vpc.egress === "none") && !vpc.existing && !assignPublicIp;
    const taskEgress = checkTaskEgress(problems.under("taskEgress"), args.taskEgress ?? {}, vpc.cidrBlock,
        endpointsOnly);
    return {
        region: region.region, provider, network, assignPublicIp, tags: args.tags,
        container, task, cluster, services, loadBalancer, targetGroup, taskEgress,
    };
}

/** Checks every argument against AWS's rules and the tutorial's failure modes; pure, registers nothing. */
export function validateAlbFargateServiceArgs(name: string, args: AlbFargateServiceArgs,
    opts?: pulumi.ComponentResourceOptions): AlbFargateServicePlan {
    return validate(`${ALB_FARGATE_SERVICE_TYPE} '${name}'`,
        problems => checkAlbFargateServiceArgs(problems, name, args, opts));
}
