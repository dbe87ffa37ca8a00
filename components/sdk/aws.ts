/**
 * The parts of @pulumi/aws this package uses, each from its own module: the components import
 * this file instead of the package root.
 *
 * The root loads every service of the provider: `require("@pulumi/aws")` costs some 130 ms per
 * process, and a TypeScript program that imports it parses all of the SDK's 2,700 declaration
 * files, where these modules and the shared `types` are under 900. A consumer's `tsc` reads our
 * declarations, so they name only what they use. The classes are the same as the root's (it
 * re-exports these modules), so a provider or resource a user made from the root is accepted.
 */
import * as acm from "@pulumi/aws/acm";
import * as appautoscaling from "@pulumi/aws/appautoscaling";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as ec2 from "@pulumi/aws/ec2";
import * as ecs from "@pulumi/aws/ecs";
import * as iam from "@pulumi/aws/iam";
import * as lb from "@pulumi/aws/lb";
import * as route53 from "@pulumi/aws/route53";
import * as s3 from "@pulumi/aws/s3";
import * as vpc from "@pulumi/aws/vpc";
export { acm, appautoscaling, cloudwatch, ec2, ecs, iam, lb, route53, s3, vpc };
export { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
export { getPartitionOutput } from "@pulumi/aws/getPartition";
export { Provider } from "@pulumi/aws/provider";
