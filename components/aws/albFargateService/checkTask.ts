/**
 * The task and what it runs in: its size, family, cluster, logs, and the names Pulumi makes for
 * its roles and security groups. Pulumi names everything it can (components/naming.ts); the task
 * family, which it does not, is scoped to the project and stack.
 */
import { checkInput } from "../../checks";
import { Problems } from "../../errors";
import { AUTONAMED, checkAutoname, stackScopedName } from "../../naming";
import { checkEcsName, checkFargateSize, checkLogRetention } from "../fargate";
import { checkPolicyDocument } from "../iamPolicy";
import { checkArn } from "../shape";
import { AlbFargateServiceArgs } from "./args";
import { ClusterPlan, TaskPlan } from "./plan";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/** CloudWatch Logs CreateLogGroup takes 1 to 512 characters (255 is only Pulumi's auto-name limit). */
const LOG_GROUP_NAME_MAX = 512;

/**
 * Checks the task definition, its cluster and logs, and the names of the service's roles and
 * security groups. A cluster ARN or task policy given as an Output is checked when it resolves,
 * as `component`.
 */
export function checkTask(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    component: string,
): { task: TaskPlan; cluster: ClusterPlan } {
    const cpu = args.cpu ?? 256;
    const memory = args.memory ?? 512;
    checkFargateSize(problems, "cpu", "memory", cpu, memory);
    const family = args.family ?? stackScopedName(name);
    checkEcsName(problems, args.family !== undefined ? "family" : "name", family, "task definition family");
    const cluster = checkCluster(problems, name, args, component);
    const logRetentionInDays = args.logRetentionInDays ?? 30;
    checkLogRetention(problems, "logRetentionInDays", logRetentionInDays);
    checkLogGroupName(problems, name, args.logGroupName);
    for (const role of ["execution", "task"]) {
        checkAutoname(problems, "name", "aws:iam/role:Role", `${name}-${role}-role`);
        checkAutoname(problems, "name", "aws:iam/rolePolicy:RolePolicy", `${name}-${role}-policy`);
    }
    for (const sg of ["alb-sg", "task-sg"]) {
        checkAutoname(problems, "name", "aws:ec2/securityGroup:SecurityGroup", `${name}-${sg}`);
    }
    const taskRolePolicy =
        args.taskRolePolicy === undefined
            ? undefined
            : checkInput(problems, "taskRolePolicy", args.taskRolePolicy, component, (p, at, policy) => {
                  checkPolicyDocument(p, at, policy);
              });
    const task: TaskPlan = {
        family,
        cpu,
        memory,
        cpuArchitecture: args.cpuArchitecture ?? "X86_64",
        taskRolePolicy,
        logGroupName: args.logGroupName,
        logRetentionInDays,
    };
    return { task, cluster };
}

/** An existing cluster by ARN, or a new one, named or auto-named; not both. The capacity providers are the services' (check.ts). */
function checkCluster(problems: Problems, name: string, args: AlbFargateServiceArgs, component: string): ClusterPlan {
    if (args.clusterArn !== undefined) {
        if (args.clusterName !== undefined) {
            problems.add(
                "clusterName",
                "clusterName names a new cluster, but clusterArn points to an existing one.",
                "Give one of the two.",
            );
        }
        const arn = checkInput(problems, "clusterArn", args.clusterArn, component, (p, at, given) =>
            checkArn(p, at, given, "ecsCluster"),
        );
        return { arn, capacityProviders: [] };
    }
    if (args.clusterName === undefined) {
        checkAutoname(problems, "name", "aws:ecs/cluster:Cluster", `${name}-cluster`, "clusterName");
    } else {
        checkEcsName(problems, "clusterName", args.clusterName, "cluster name");
    }
    return { name: args.clusterName, capacityProviders: [] };
}

/** The log group's name: Pulumi's auto-name, or one given with the characters of naming.ts's rule. */
function checkLogGroupName(problems: Problems, name: string, given: string | undefined): void {
    if (given === undefined) {
        checkAutoname(problems, "name", LOG_GROUP, `${name}-logs`);
    } else if (!(AUTONAMED[LOG_GROUP].pattern.test(given) && given.length <= LOG_GROUP_NAME_MAX)) {
        problems.add(
            "logGroupName",
            `'${given}' is not 1 to ${LOG_GROUP_NAME_MAX} letters, digits and . - _ / #.`,
            "Use a name such as /ecs/web.",
        );
    }
}
