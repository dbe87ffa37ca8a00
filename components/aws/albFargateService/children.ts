/**
 * The children of an {@link AlbFargateService} it exposes, typed, for what its args do not cover:
 * read their outputs, make them a dependency, or pass them to other resources. To change their
 * inputs, use Pulumi `transforms` on the component (README, "Customising the children").
 */
import * as aws from "../../sdk/aws";

/** The listeners, by protocol. */
export interface AlbFargateListeners {
    /** HTTP on 80: serving, or redirecting to HTTPS (`redirectHttpToHttps`). */
    readonly http: aws.lb.Listener;
    /** HTTPS on 443; only with `certificateArn`. */
    readonly https?: aws.lb.Listener;
}

/** The target groups: the shared one and each service's. */
export interface AlbFargateTargetGroups {
    /** The group the listeners forward to by default; undefined when every service is routed. */
    readonly shared?: aws.lb.TargetGroup;
    /** The group each service's tasks are registered in, by service key (the shared one, or its own). */
    readonly byService: Readonly<Record<string, aws.lb.TargetGroup>>;
}

/** The two security groups. */
export interface AlbFargateSecurityGroups {
    /** The ALB's: the listener ports from `allowedCidrs`, out to the targets' ports. */
    readonly alb: aws.ec2.SecurityGroup;
    /** The tasks': the container port from the ALB's group only. */
    readonly tasks: aws.ec2.SecurityGroup;
}

/** The two roles of the tasks. */
export interface AlbFargateRoles {
    /** The role ECS pulls the image, writes the logs and reads the secrets with. */
    readonly execution: aws.iam.Role;
    /** The role the application runs as. */
    readonly task: aws.iam.Role;
}
