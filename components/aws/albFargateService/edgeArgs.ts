/**
 * The edge of an {@link AlbFargateService}'s load balancer: the Route 53 record clients use, the
 * ACM certificate made and validated for it, the ALB's access logs in S3, and the ALB's own
 * settings (scheme, address type, idle timeout, header handling).
 */
import * as pulumi from "@pulumi/pulumi";

/** The ALB's address types: IPv4 only, or IPv4 and IPv6. */
export const ALB_IP_ADDRESS_TYPES = ["ipv4", "dualstack"] as const;

/** `ipv4` or `dualstack`. */
export type AlbIpAddressType = (typeof ALB_IP_ADDRESS_TYPES)[number];

/**
 * A Route 53 alias record for the ALB: `A` (and `AAAA` with `ipAddressType: "dualstack"`) naming
 * the ALB's DNS name and hosted zone, so the name follows the ALB's addresses as they change.
 */
export interface AlbDnsArgs {
    /**
     * Id of the Route 53 hosted zone the record goes in, e.g. `Z0123456789ABCDEFGHIJ` (1 to 32
     * upper-case letters and digits, as the console shows it, without `/hostedzone/`). Checked
     * before registration; an Output is checked when it resolves.
     */
    hostedZoneId: pulumi.Input<string>;
    /**
     * Name of that zone, e.g. `example.com`. When given, `recordName` (and a certificate's names
     * validated in the zone) must be the zone's name or inside it. Default: not checked, since
     * Route 53 refuses a record outside its zone only at deployment.
     */
    zoneName?: string;
    /**
     * The name clients use, e.g. `app.example.com` (a DNS name: labels of letters, digits and
     * hyphens, at most 253 characters; a leading `*.` for a wildcard record; a trailing dot is
     * dropped).
     */
    recordName: string;
    /**
     * The alias's `evaluateTargetHealth`: Route 53 counts the record healthy only while a target
     * group of the ALB has a healthy target. It matters only where Route 53 chooses among records
     * (failover, weighted, latency routing); a single simple record is answered either way
     * (Route 53 Developer Guide, "Values specific for alias records": Evaluate target health).
     * Default: true.
     */
    evaluateTargetHealth?: boolean;
    /**
     * Take over a record of the same name and type that is already in the zone (the provider's
     * `allowOverwrite`: UPSERT instead of CREATE in the change batch, hashicorp/terraform-provider-aws
     * #2926 and #7734, default false since), e.g. a record made by hand for the ALB before this
     * input existed; without it `pulumi up` fails on it ("InvalidChangeBatch: Tried to create
     * resource record set … but it already exists").
     * Destroy then deletes the record. Default: false, so no one else's record is replaced unseen.
     */
    allowOverwrite?: boolean;
    /**
     * Also give each host a routed service's rule matches (`services.<key>.routing.hosts`) an
     * alias record like `recordName`'s (its types, `evaluateTargetHealth` and `allowOverwrite`),
     * so every name the ALB routes resolves to it. Each such host must then be a DNS name inside
     * `zoneName`, which must be given; a leading `*.` makes a wildcard record, the ALB's other
     * pattern characters name no record and are refused. A host equal to `recordName` is that
     * record. Default: false: the routed hosts' records are yours to make.
     */
    routedHosts?: boolean;
}

/**
 * An ACM certificate for the HTTPS listener, validated by DNS in a Route 53 zone: the component
 * requests it, writes the validation records ACM asks for in the zone, waits for ACM to issue
 * it, and only then gives it to the listener. Not with `certificateArn`.
 */
export interface AlbCertificateArgs {
    /**
     * Domain the certificate is for, e.g. `app.example.com` or `*.example.com` (at most 253
     * characters, no trailing dot: ACM's). Default: `dns.recordName`.
     */
    domainName?: string;
    /** Further names on the certificate, each once, as for `domainName`. Default: none. */
    subjectAlternativeNames?: string[];
    /**
     * Hosted zone the validation records go in; every name must be validated in it. Checked as
     * `dns.hostedZoneId` is. Default: `dns.hostedZoneId`.
     */
    hostedZoneId?: pulumi.Input<string>;
    /**
     * Name of that zone: every name must be it or inside it. Default: `dns.zoneName` when the
     * zone is the record's, else not checked.
     */
    zoneName?: string;
}

/**
 * The ALB's access logs in S3: ELB writes a compressed file per node every 5 minutes (Elastic
 * Load Balancing, "Access logs for your Application Load Balancer"). Either into a bucket you
 * name, which must be in the ALB's region, use SSE-S3 and carry a policy letting ELB write (the
 * component does not change it), or into a bucket created here with that policy.
 */
export interface AlbAccessLogsArgs {
    /**
     * Name of an existing bucket to write to. Default: a bucket created here (auto-named,
     * SSE-S3 encrypted, public access blocked, objects owned by the bucket owner, with the
     * region's log delivery policy). Checked before registration; an Output is checked when it
     * resolves.
     */
    bucket?: pulumi.Input<string>;
    /**
     * Region of the bucket named in `bucket`, when you know it: refused unless it is the ALB's,
     * since ELB writes only to a bucket in its own region. Default: not checked.
     */
    bucketRegion?: string;
    /**
     * Key prefix of the log files, e.g. `alb/web` (no leading or trailing `/`, without
     * `AWSLogs`, which ELB adds after it). Default: none, logs under `AWSLogs/` at the root.
     */
    prefix?: string;
    /**
     * With a bucket created here: let `pulumi destroy` delete it with every log in it. Default:
     * false, so destroy fails on a bucket holding logs and leaves it (and its storage bill).
     */
    forceDestroy?: boolean;
    /**
     * With a bucket created here: days after which S3 deletes a log file (a lifecycle rule),
     * 1 or more. Default: none, logs are kept until deleted.
     */
    expireAfterDays?: number;
}
