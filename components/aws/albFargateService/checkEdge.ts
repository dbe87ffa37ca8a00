/**
 * The checks of the load balancer's edge: the Route 53 record (`dns`) and the ACM certificate
 * made for the HTTPS listener (`certificate`). Pure; returns their plans.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkInput, checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { acmValidationName, checkDnsName, checkHostedZoneId, checkInZone, canonicalDnsName } from "../dnsNames";
import { AlbFargateServiceArgs } from "./args";
import { AccessLogsPlan, checkAccessLogs } from "./checkAccessLogs";
import { AlbSettingsPlan, checkAlbSettings } from "./checkAlbSettings";
import type { VpcFacts } from "./checkNetwork";
import { AlbCertificateArgs } from "./edgeArgs";

/** The alias records of the ALB. */
export interface DnsPlan {
    readonly hostedZoneId: pulumi.Input<string>;
    /** Canonical record name (lower case, no trailing dot). */
    readonly recordName: string;
    /** Default true. */
    readonly evaluateTargetHealth: boolean;
    /** Default false. */
    readonly allowOverwrite: boolean;
    /** With `routedHosts`: the further records' names, canonical, each once, other than `recordName`. */
    readonly routedRecordNames: readonly string[];
}

/** The ACM certificate requested and validated by DNS here. */
export interface CertificatePlan {
    readonly domainName: string;
    /** In input order, each once; none by default. */
    readonly subjectAlternativeNames: readonly string[];
    /** The zone of the validation records. */
    readonly hostedZoneId: pulumi.Input<string>;
    /**
     * One validation record per name, a wildcard counted with its base name (ACM User Guide, "DNS
     * validation": "for a wild-card domain, such as `*.example.com`, the random strings created by
     * ACM are the same as those created its base domain, `example.com`"), in the order of the
     * names.
     */
    readonly validationNames: readonly string[];
}

/** The edge's plans: each undefined when not asked for. */
export interface EdgePlan {
    readonly dns?: DnsPlan;
    readonly certificate?: CertificatePlan;
    readonly accessLogs?: AccessLogsPlan;
    /** The ALB's scheme, address type, idle timeout and header handling. */
    readonly alb: AlbSettingsPlan;
}

/** Checks every part of the edge of the service `name` in `region`. */
export function checkEdge(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    region: string,
    vpc: VpcFacts,
    component: string,
): EdgePlan {
    return {
        alb: checkAlbSettings(problems, args, vpc),
        dns: checkDns(problems, args.dns, component),
        certificate: checkCertificate(problems, args, component),
        accessLogs: checkAccessLogs(problems, name, args.accessLogs, region, component),
    };
}

/**
 * ACM's quota of names on one certificate, the domain name included: "The default quota is 10
 * domain names for each ACM certificate. Your quota may be larger", raised through Service Quotas
 * up to 100 (ACM User Guide, "Quotas"). Over the default the component warns (the account's
 * quota is not known here); over the most ACM takes it refuses.
 */
export const ACM_NAMES_DEFAULT_QUOTA = 10;
export const ACM_NAMES_MAX = 100;

/** Checks `dns`: its zone id, the record name, and that the name is in the zone when the zone's name is given. */
export function checkDns(
    problems: Problems,
    dns: AlbFargateServiceArgs["dns"],
    component: string,
): DnsPlan | undefined {
    if (dns === undefined) return undefined;
    const at = problems.under("dns");
    const hostedZoneId = checkInput(at, "hostedZoneId", dns.hostedZoneId, component, checkHostedZoneId);
    const recordName = checkDnsName(at, "recordName", dns.recordName, {
        wildcard: true,
        trailingDot: true,
        what: "record name",
    });
    if (dns.zoneName !== undefined) {
        const zone = checkDnsName(at, "zoneName", dns.zoneName, {
            wildcard: false,
            trailingDot: true,
            what: "zone name",
        });
        if (zone !== undefined && recordName !== undefined) {
            checkInZone(at, "recordName", recordName, zone, "dns.zoneName");
        }
    }
    return {
        hostedZoneId,
        recordName: recordName ?? canonicalDnsName(dns.recordName),
        evaluateTargetHealth: dns.evaluateTargetHealth ?? true,
        allowOverwrite: dns.allowOverwrite ?? false,
        // Known once the routings are checked (checkRoutedHostRecords).
        routedRecordNames: [],
    };
}

/**
 * Checks `certificate`: not with `certificateArn`, its names (ACM's rules, each once, in the
 * validation zone when its name is known), and a zone for the validation records.
 */
export function checkCertificate(
    problems: Problems,
    args: AlbFargateServiceArgs,
    component: string,
): CertificatePlan | undefined {
    const certificate: AlbCertificateArgs | undefined = args.certificate;
    if (certificate === undefined) return undefined;
    if (args.certificateArn !== undefined) {
        problems.add(
            "certificate",
            "certificate asks for a certificate to be made here, and certificateArn gives one: the listener takes one.",
            "Drop certificate to use the certificate of certificateArn, or drop certificateArn to have one made and validated.",
        );
    }
    const at = problems.under("certificate");
    const acmName = { wildcard: true, trailingDot: false, what: "certificate domain name" };
    const domainPath = certificate.domainName === undefined ? "dns.recordName" : "certificate.domainName";
    const given = certificate.domainName ?? args.dns?.recordName;
    if (given === undefined) {
        at.add(
            "domainName",
            "the certificate has no domain name: none is given, and there is no dns record to take it from.",
            "Set certificate.domainName, e.g. app.example.com, or give dns.",
        );
    }
    const domainName =
        given === undefined
            ? undefined
            : certificate.domainName === undefined
              ? canonicalDnsName(given)
              : checkDnsName(at, "domainName", given, acmName);
    const sans = (certificate.subjectAlternativeNames ?? []).map((n, i) => ({
        path: `subjectAlternativeNames[${i}]`,
        name: checkDnsName(at, `subjectAlternativeNames[${i}]`, n, acmName),
    }));
    const names = [
        ...(domainName === undefined ? [] : [{ path: domainPath, name: domainName }]),
        ...sans.flatMap(s => (s.name === undefined ? [] : [{ path: `certificate.${s.path}`, name: s.name }])),
    ];
    checkUnique(
        problems,
        names.map(n => ({ path: n.path, key: n.name })),
        "certificate name",
    );
    if (names.length > ACM_NAMES_MAX) {
        at.add(
            "subjectAlternativeNames",
            `the certificate would carry ${names.length} names; ACM takes at most ${ACM_NAMES_MAX} per certificate, even with a raised quota.`,
            "Use fewer names (a wildcard covers a level of subdomains), or split them over certificates.",
        );
    }

    const zoneIdGiven = certificate.hostedZoneId ?? args.dns?.hostedZoneId;
    if (zoneIdGiven === undefined) {
        at.add(
            "hostedZoneId",
            "the validation records need a Route 53 hosted zone: none is given, and there is no dns zone to take.",
            "Set certificate.hostedZoneId, or give dns.",
        );
    }
    // The record's zone id is checked (and reported) at dns.hostedZoneId.
    const hostedZoneId =
        certificate.hostedZoneId === undefined
            ? zoneIdGiven
            : checkInput(at, "hostedZoneId", certificate.hostedZoneId, component, checkHostedZoneId);
    const zoneName = certificate.zoneName ?? (certificate.hostedZoneId === undefined ? args.dns?.zoneName : undefined);
    const zonePath = certificate.zoneName === undefined ? "dns.zoneName" : "certificate.zoneName";
    const zone =
        zoneName === undefined
            ? undefined
            : certificate.zoneName === undefined
              ? canonicalDnsName(zoneName)
              : checkDnsName(at, "zoneName", zoneName, { wildcard: false, trailingDot: true, what: "zone name" });
    if (zone !== undefined) {
        // A name taken from the record is checked there.
        for (const n of names) {
            if (n.path !== "dns.recordName") checkInZone(problems, n.path, n.name, zone, zonePath);
        }
    }
    if (domainName === undefined) return undefined;
    return {
        domainName,
        subjectAlternativeNames: names.slice(1).map(n => n.name),
        hostedZoneId: hostedZoneId ?? "",
        validationNames: [...new Set(names.map(n => acmValidationName(n.name)))],
    };
}
