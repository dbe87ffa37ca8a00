/** The CNAME record pointing a name at an ALB, the name clients use. */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { Problems } from "../../errors";
import { checkDomainName, checkRecordHost } from "../dnsNames";
import { AlbDnsArgs } from "./args";
import { AlbDnsPlan } from "./plan";

/**
 * Checks a DNS record description at `path` (e.g. `dns`) that fits its shape (the TTL's range:
 * albCommon/shape.ts) and returns it with its defaults.
 */
export function checkAlbDns(problems: Problems, path: string, dns: AlbDnsArgs | undefined): AlbDnsPlan | undefined {
    if (!dns) return undefined;
    const rr = dns.rr ?? "@";
    const domainOk = checkDomainName(problems, `${path}.domainName`, dns.domainName);
    checkRecordHost(problems, `${path}.rr`, rr, domainOk ? dns.domainName : undefined);
    return {
        domainName: dns.domainName,
        rr,
        ttl: dns.ttl ?? 600,
        fqdn: rr === "@" ? dns.domainName : `${rr}.${dns.domainName}`,
    };
}

/**
 * The CNAME record (named `<name>-cname`) pointing `dns` at the ALB. The record is global: any
 * region's endpoint writes it.
 */
export function createAlbCname(
    name: string,
    dns: AlbDnsPlan,
    albDnsName: pulumi.Input<string>,
    opts: pulumi.CustomResourceOptions,
): alicloud.dns.AlidnsRecord {
    return new alicloud.dns.AlidnsRecord(
        `${name}-cname`,
        {
            domainName: dns.domainName,
            rr: dns.rr,
            type: "CNAME",
            value: albDnsName,
            ttl: dns.ttl,
        },
        opts,
    );
}
