/**
 * The ALB's access log bucket, when one is created here: auto-named, SSE-S3 encrypted (the only
 * encryption ELB log delivery supports), public access blocked, objects owned by the bucket
 * owner, an optional expiry, and the region's log delivery policy (see logDelivery.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { AccessLogsPlan } from "./checkAccessLogs";
import { accessLogBucketPolicy } from "./logDelivery";

/** Where the ALB writes its logs, and what must exist before it may. */
export interface AccessLogsTarget {
    /** The bucket's name. */
    readonly bucket: pulumi.Input<string>;
    readonly prefix?: string;
    /** The bucket policy made here: ELB checks it may write when logging is turned on. */
    readonly ready: pulumi.Resource[];
}

/** The bucket given, or a bucket created here with its policy. */
export function createAccessLogs(
    name: string,
    plan: AccessLogsPlan,
    region: string,
    tags: Record<string, string> | undefined,
    opts: pulumi.CustomResourceOptions,
): AccessLogsTarget {
    if (plan.bucket !== undefined) return { bucket: plan.bucket, prefix: plan.prefix, ready: [] };
    const base = `${name}-access-logs`;
    const bucket = new aws.s3.Bucket(base, { forceDestroy: plan.forceDestroy, tags }, opts);
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
        `${base}-public-access`,
        {
            bucket: bucket.id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        },
        opts,
    );
    new aws.s3.BucketOwnershipControls(
        `${base}-ownership`,
        { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
        opts,
    );
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
        `${base}-encryption`,
        { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
        opts,
    );
    if (plan.expireAfterDays !== undefined) {
        new aws.s3.BucketLifecycleConfiguration(
            `${base}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        id: "expire-access-logs",
                        status: "Enabled",
                        filter: { prefix: plan.prefix ? `${plan.prefix}/` : "" },
                        expiration: { days: plan.expireAfterDays },
                    },
                ],
            },
            opts,
        );
    }
    const account = aws.getCallerIdentityOutput({}, { parent: opts.parent, provider: opts.provider });
    const policy = new aws.s3.BucketPolicy(
        `${base}-policy`,
        {
            bucket: bucket.id,
            policy: pulumi
                .all([bucket.bucket, account.accountId])
                .apply(([b, id]) => accessLogBucketPolicy(region, b, plan.prefix, id)),
        },
        // S3 refuses a policy while the public access block is being written.
        { ...opts, dependsOn: [publicAccess] },
    );
    return { bucket: bucket.bucket, prefix: plan.prefix, ready: [policy, encryption] };
}
