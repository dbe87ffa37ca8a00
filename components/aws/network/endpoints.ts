/**
 * The VPC endpoints a Fargate task needs to pull its image from ECR and ship its logs with no
 * internet path: interface endpoints for the ECR API, the registry and CloudWatch Logs, and the
 * S3 gateway endpoint (ECR keeps image layers in S3).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { SubnetInfo } from "./args";
import type { Tagger } from "./tiers";

/**
 * Service name of a regional endpoint in the commercial partition. (Some China-region services
 * use a `cn.com.amazonaws` prefix; those regions are not handled yet.)
 */
export function endpointServiceName(region: string, service: string): string {
    return `com.amazonaws.${region}.${service}`;
}

/** Interface endpoints a Fargate task (platform 1.4+) needs to pull from ECR and log to CloudWatch. */
export const INTERFACE_ENDPOINTS: readonly string[] = ["ecr.api", "ecr.dkr", "logs"];

/**
 * The interface endpoint ECS Exec needs: the agent in a task opens its control and data channels
 * to `ssmmessages` (the actions of the task role's exec policy, iam.ts), so with no route out of
 * the VPC it needs a `com.amazonaws.<region>.ssmmessages` endpoint. (That the ECS Exec guide
 * names this endpoint for private subnets was not confirmed from its text here.)
 */
export const EXEC_INTERFACE_ENDPOINT = "ssmmessages";

/**
 * A service name suffix an interface endpoint takes, e.g. `ssmmessages` or `secretsmanager`:
 * lower-case letters, digits and hyphens, in dot-separated parts.
 */
export const INTERFACE_ENDPOINT_SERVICE = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** Where the endpoints go. */
export interface EndpointPlacement {
    readonly region: string;
    /** Interface endpoints by service suffix: {@link INTERFACE_ENDPOINTS} and any further ones. */
    readonly interfaceEndpoints: readonly string[];
    readonly vpcId: pulumi.Input<string>;
    /** The VPC block, the only source the endpoints admit. */
    readonly cidrBlock: string;
    readonly privateSubnets: readonly SubnetInfo[];
    /** Route tables of the private subnets, for the S3 gateway endpoint. */
    readonly routeTableIds: readonly pulumi.Input<string>[];
}

/** What {@link createEndpoints} built. */
export interface CreatedEndpoints {
    /** Security group of the interface endpoints. */
    readonly securityGroupId: pulumi.Output<string>;
    /** Managed prefix list of S3 in the region. */
    readonly s3PrefixListId: pulumi.Output<string>;
    /** Every endpoint: a task can pull only once they exist. */
    readonly ready: pulumi.Resource[];
}

/** Creates the interface endpoints (HTTPS from the VPC only) and the S3 gateway endpoint. */
export function createEndpoints(
    name: string,
    at: EndpointPlacement,
    tags: Tagger,
    opts: pulumi.CustomResourceOptions,
): CreatedEndpoints {
    const sg = new aws.ec2.SecurityGroup(
        `${name}-endpoints-sg`,
        {
            vpcId: at.vpcId,
            description: `HTTPS from ${at.cidrBlock} to the ECR and CloudWatch Logs endpoints`,
            tags: tags("endpoints-sg"),
        },
        opts,
    );
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-endpoints-https`,
        {
            securityGroupId: sg.id,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: at.cidrBlock,
            description: "HTTPS from inside the VPC",
        },
        opts,
    );
    // An interface endpoint takes at most one subnet per AZ.
    const subnetIds = firstPerAz(at.privateSubnets).map(s => s.id);
    const ready: pulumi.Resource[] = at.interfaceEndpoints.map(service => {
        const suffix = service.replace(".", "-");
        return new aws.ec2.VpcEndpoint(
            `${name}-${suffix}`,
            {
                vpcId: at.vpcId,
                serviceName: endpointServiceName(at.region, service),
                vpcEndpointType: "Interface",
                subnetIds,
                securityGroupIds: [sg.id],
                privateDnsEnabled: true,
                tags: tags(suffix),
            },
            opts,
        );
    });
    const s3 = new aws.ec2.VpcEndpoint(
        `${name}-s3`,
        {
            vpcId: at.vpcId,
            serviceName: endpointServiceName(at.region, "s3"),
            vpcEndpointType: "Gateway",
            routeTableIds: [...at.routeTableIds],
            tags: tags("s3"),
        },
        opts,
    );
    ready.push(s3);
    return { securityGroupId: sg.id, s3PrefixListId: s3.prefixListId, ready };
}

/** The first subnet of each AZ, in input order. */
function firstPerAz(subnets: readonly SubnetInfo[]): SubnetInfo[] {
    const byAz = new Map<string, SubnetInfo>();
    for (const s of subnets) if (!byAz.has(s.availabilityZone)) byAz.set(s.availabilityZone, s);
    return [...byAz.values()];
}
