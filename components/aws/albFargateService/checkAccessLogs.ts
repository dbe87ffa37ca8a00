/**
 * The checks of the ALB's access logs (`accessLogs`): a bucket given (its name, its region when
 * known) or one to create (its auto-name, lifecycle), and the key prefix. Pure; returns the plan.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkInput, checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { AUTONAMED, checkAutoname } from "../../naming";
import { describeValue } from "../../shape";
import { AlbAccessLogsArgs } from "./edgeArgs";

/** The access logs, defaulted. */
export interface AccessLogsPlan {
    /** The bucket given; undefined: a bucket created here. */
    readonly bucket?: pulumi.Input<string>;
    /** Key prefix; undefined: none. */
    readonly prefix?: string;
    /** With a bucket created here; default false. */
    readonly forceDestroy: boolean;
    /** With a bucket created here; undefined: no lifecycle rule. */
    readonly expireAfterDays?: number;
}

/**
 * A general purpose bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting
 * and ending with a letter or digit, no two dots in a row, not an IPv4 address, not starting with
 * `xn--`, `sthree-` or `amzn-s3-demo-`, not ending in `-s3alias`, `--ol-s3`, `.mrap` or `--x-s3`
 * (Amazon S3 User Guide, "General purpose bucket naming rules").
 */
function bucketNameProblem(name: string): string | undefined {
    // The length and characters a created bucket's auto-name is held to, too.
    const { maxLength, pattern } = AUTONAMED["aws:s3/bucket:Bucket"];
    if (name.length < 3 || name.length > maxLength)
        return `it has ${name.length} characters; S3 takes 3 to ${maxLength}`;
    if (!pattern.test(name)) {
        return "it may have only lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit";
    }
    if (name.includes("..")) return "it has two dots in a row";
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return "it is formatted as an IP address";
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) return "it starts with a prefix S3 reserves";
    if (/(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(name)) return "it ends with a suffix S3 reserves";
    return undefined;
}

/** Checks an S3 bucket name. */
export function checkBucketName(problems: Problems, path: string, name: string): boolean {
    const problem = bucketNameProblem(name);
    if (problem === undefined) return true;
    problems.add(
        path,
        `${describeValue(name)} is not an S3 bucket name: ${problem}.`,
        "Give the bucket's name, e.g. my-alb-logs.",
    );
    return false;
}

/**
 * Checks `accessLogs` of a service named `name` in `region`: a bucket given is named as S3
 * names buckets and, when its region is given, in the ALB's (ELB writes only to a bucket in its
 * own region: "The bucket must be located in the same Region as the load balancer", Elastic Load
 * Balancing, "Enable access logs for your Application Load Balancer", Step 1); the settings of
 * a bucket created here are not taken for one given; the prefix has no `AWSLogs` ("The prefix
 * that you specify must not include AWSLogs", ibid.) and no slash at either end.
 */
export function checkAccessLogs(
    problems: Problems,
    name: string,
    logs: AlbAccessLogsArgs | undefined,
    region: string,
    component: string,
): AccessLogsPlan | undefined {
    if (logs === undefined) return undefined;
    const at = problems.under("accessLogs");
    if (logs.bucket !== undefined) {
        checkInput(at, "bucket", logs.bucket, component, checkBucketName);
        if (logs.bucketRegion !== undefined && region !== "" && logs.bucketRegion !== region) {
            at.add(
                "bucketRegion",
                `the bucket is in ${logs.bucketRegion}, the ALB in ${region}: ELB writes access logs only to a bucket in its own region.`,
                `Use a bucket in ${region}, or leave bucket out to have one created there.`,
            );
        }
        for (const field of ["forceDestroy", "expireAfterDays"] as const) {
            if (logs[field] !== undefined) {
                at.add(
                    field,
                    `${field} applies to a bucket created here; the bucket given is its owner's.`,
                    `Drop ${field}, or leave bucket out to have a bucket created.`,
                );
            }
        }
    } else {
        if (logs.bucketRegion !== undefined) {
            at.add("bucketRegion", "bucketRegion describes a bucket given, and none is.", "Drop bucketRegion.");
        }
        checkAutoname(problems, "name", "aws:s3/bucket:Bucket", `${name}-access-logs`, "accessLogs.bucket");
    }
    if (logs.prefix !== undefined) {
        if (logs.prefix === "" || logs.prefix.startsWith("/") || logs.prefix.endsWith("/")) {
            at.add(
                "prefix",
                `prefix ${describeValue(logs.prefix)} is empty or starts or ends with '/'.`,
                "Give the key prefix without slashes at its ends, e.g. alb/web, or leave prefix out.",
            );
        } else if (logs.prefix.includes("AWSLogs")) {
            at.add(
                "prefix",
                `prefix '${logs.prefix}' includes AWSLogs, which ELB adds after the prefix itself.`,
                "Drop AWSLogs from the prefix.",
            );
        }
    }
    if (logs.expireAfterDays !== undefined) {
        checkIntegerInRange(at, "expireAfterDays", logs.expireAfterDays, 1, 2147483647, "log expiry in days");
    }
    return {
        bucket: logs.bucket,
        prefix: logs.prefix,
        forceDestroy: logs.forceDestroy ?? false,
        expireAfterDays: logs.expireAfterDays,
    };
}
