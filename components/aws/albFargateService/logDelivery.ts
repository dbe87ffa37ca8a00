/**
 * Who writes an ALB's access logs into S3, by region, and the bucket policy statement that lets
 * it: the region's Elastic Load Balancing account in the regions that opened before August
 * 2022, the log delivery service principal in the others.
 *
 * Source: Elastic Load Balancing User Guide for Application Load Balancers, "Enable access logs
 * for your Application Load Balancer", Step 2 "Attach a policy to your S3 bucket"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html):
 * "Regions available before August 2022" grant `s3:PutObject` to `arn:aws:iam::<elb-account-id>:root`,
 * "Regions available as of August 2022 or later" to the service principal
 * `logdelivery.elasticloadbalancing.amazonaws.com`, each on
 * `arn:aws:s3:::<bucket>/<prefix>/AWSLogs/<your-account-id>/*`. The account ids are the table of
 * that page, as the Terraform AWS provider also carries it
 * (internal/service/elb/service_account_data_source.go, `accountIDPerRegionMap`).
 */

/**
 * The Elastic Load Balancing account of each region that opened before August 2022, which the
 * bucket policy names. Every other region (e.g. ap-southeast-4, eu-central-2, il-central-1,
 * me-central-1, ca-west-1) uses the service principal.
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-southeast-3": "589379963580",
    "ap-south-1": "718504428378",
    "ap-northeast-3": "383597477331",
    "ap-northeast-2": "600734575887",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-south-1": "635631232127",
    "eu-west-3": "009996457667",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
    "us-gov-west-1": "048591011584",
    "us-gov-east-1": "190560391635",
    "cn-north-1": "638102146993",
    "cn-northwest-1": "037604701340",
};

/** The service principal of log delivery in the regions that opened as of August 2022. */
export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

/** The ARN partition of a region: `aws-cn` in China, `aws-us-gov` in GovCloud, else `aws`. */
export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/** The principal that writes the logs in `region`, as a bucket policy names it. */
export function logDeliveryPrincipal(region: string): { AWS: string } | { Service: string } {
    const account = ELB_LOG_ACCOUNTS[region];
    return account === undefined
        ? { Service: ELB_LOG_DELIVERY_SERVICE }
        : { AWS: `arn:${partitionOf(region)}:iam::${account}:root` };
}

/**
 * The bucket policy letting the ALBs of `region` write access logs of account `accountId` into
 * `bucket` under `prefix`: exactly the statement of the ELB guide, `s3:PutObject` on
 * `<bucket>/<prefix>/AWSLogs/<account>/*`.
 */
export function accessLogBucketPolicy(
    region: string,
    bucket: string,
    prefix: string | undefined,
    accountId: string,
): string {
    const path = prefix ? `${prefix}/AWSLogs/${accountId}/*` : `AWSLogs/${accountId}/*`;
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowElbAccessLogDelivery",
                Effect: "Allow",
                Principal: logDeliveryPrincipal(region),
                Action: "s3:PutObject",
                Resource: `arn:${partitionOf(region)}:s3:::${bucket}/${path}`,
            },
        ],
    });
}
