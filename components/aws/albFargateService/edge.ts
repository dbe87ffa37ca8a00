/**
 * The resources at the load balancer's edge: the ACM certificate with its DNS validation, and
 * the Route 53 alias records of the ALB.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../../sdk/aws";
import { acmValidationName } from "../dnsNames";
import { CertificatePlan, DnsPlan } from "./checkEdge";

/** The validated certificate: its ARN is known only once ACM has issued it. */
export interface IssuedCertificate {
    readonly certificate: aws.acm.Certificate;
    /** The ARN from the validation: a listener taking it waits for the certificate to be issued. */
    readonly certificateArn: pulumi.Output<string>;
}

/**
 * Requests the certificate with DNS validation, writes each validation record ACM asks for in
 * the zone (one per name, a wildcard sharing its base name's), and waits for ACM to issue it
 * (`aws.acm.CertificateValidation`, which fails after its timeout, 75 minutes by default, when
 * the records do not validate: the provider's docs).
 */
export function createCertificate(
    name: string,
    plan: CertificatePlan,
    tags: Record<string, string> | undefined,
    opts: pulumi.CustomResourceOptions,
): IssuedCertificate {
    const certificate = new aws.acm.Certificate(
        `${name}-certificate`,
        {
            domainName: plan.domainName,
            subjectAlternativeNames:
                plan.subjectAlternativeNames.length > 0 ? [...plan.subjectAlternativeNames] : undefined,
            validationMethod: "DNS",
            tags,
        },
        // A new name needs a new certificate; the listener moves to it before the old one goes.
        { ...opts, deleteBeforeReplace: false },
    );
    const records = plan.validationNames.map(validated => {
        const option = certificate.domainValidationOptions.apply(options => {
            const found = options.find(o => acmValidationName(o.domainName) === validated);
            if (!found) throw new Error(`ACM returned no validation record for ${validated}`);
            return found;
        });
        return new aws.route53.Record(
            `${name}-certificate-validation-${validated}`,
            {
                zoneId: plan.hostedZoneId,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 60,
                // The record is ACM's (the same for every certificate of the name in the account):
                // another stack's certificate for the name may have written it already.
                allowOverwrite: true,
            },
            // And may still need it to renew: destroying this stack leaves the record in the zone
            // (a CNAME to ACM, harmless) rather than break another certificate's managed renewal.
            { ...opts, retainOnDelete: true },
        );
    });
    const validation = new aws.acm.CertificateValidation(
        `${name}-certificate-validation`,
        { certificateArn: certificate.arn, validationRecordFqdns: records.map(r => r.fqdn) },
        opts,
    );
    return { certificate, certificateArn: validation.certificateArn };
}

/**
 * The alias records of the ALB: `A`, and `AAAA` when it is dual-stack, for the record's name and
 * then for each routed host asked for (named by the host, `*` as `_wildcard`, which no checked
 * label can be, so `*.example.com` and `wildcard.example.com` stay two resources; adding one
 * moves no other).
 */
export function createDnsRecords(
    name: string,
    plan: DnsPlan,
    alb: aws.lb.LoadBalancer,
    dualstack: boolean,
    opts: pulumi.CustomResourceOptions,
): aws.route53.Record[] {
    const alias = [{ name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: plan.evaluateTargetHealth }];
    const types = dualstack ? (["A", "AAAA"] as const) : (["A"] as const);
    const records = (logicalPrefix: string, recordName: string) =>
        types.map(
            type =>
                new aws.route53.Record(
                    `${logicalPrefix}-${type.toLowerCase()}`,
                    {
                        zoneId: plan.hostedZoneId,
                        name: recordName,
                        type,
                        aliases: alias,
                        // Sent only when asked for: an earlier release's record sees no change.
                        allowOverwrite: plan.allowOverwrite || undefined,
                    },
                    opts,
                ),
        );
    return [
        ...records(`${name}-dns`, plan.recordName),
        ...plan.routedRecordNames.flatMap(host => records(`${name}-dns-${host.replace(/^\*\./, "_wildcard.")}`, host)),
    ];
}
