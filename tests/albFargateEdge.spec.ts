/**
 * The edge of AlbFargateService's load balancer: the Route 53 alias record, the ACM certificate
 * made and validated by DNS, and what is refused about them.
 */
import * as assert from "node:assert/strict";
import { AlbFargateService, AlbFargateServiceArgs } from "../components/aws/albFargateService";
import { accessLogBucketPolicy, ELB_LOG_ACCOUNTS } from "../components/aws/albFargateService/logDelivery";
import { TwoTierVpc } from "../components/aws/network";
import { costItems } from "../cli/costs";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { seed004Service } from "./support/tutorials";

const ZONE = "Z0123456789ABCDEFGHIJ";
const DNS = { hostedZoneId: ZONE, zoneName: "example.com", recordName: "app.example.com" };

const service = (extra: Partial<AlbFargateServiceArgs>): AlbFargateServiceArgs => ({ ...seed004Service(), ...extra });

/** The problems of a refused service, as `path: message`. */
async function problems(args: AlbFargateServiceArgs, name = "web"): Promise<string[]> {
    const error = await expectRejection(
        `topologies:aws:AlbFargateService '${name}'`,
        opts => new AlbFargateService(name, args, opts),
    );
    return error.problems.map(p => `${p.path}: ${p.message}`);
}

/** Asserts one problem at `path` matches `message`. */
function has(found: readonly string[], path: string, message: RegExp): void {
    assert.ok(
        found.some(line => line.startsWith(`${path}: `) && message.test(line)),
        `expected a problem at ${path} matching ${message}; got\n${found.join("\n")}`,
    );
}

describe("AlbFargateService: dns", () => {
    it("points an alias A record in the zone at the ALB's DNS name and zone, and outputs its fqdn and url", async () => {
        const svc = await build(opts => new AlbFargateService("web", service({ dns: DNS }), opts));
        const record = world.named("web-dns-a");
        const alb = world.named("web-alb");
        assert.equal(record.type, "aws:route53/record:Record");
        assert.deepEqual(
            [record.inputs.zoneId, record.inputs.name, record.inputs.type, record.inputs.records, record.inputs.ttl],
            [ZONE, "app.example.com", "A", undefined, undefined],
        );
        assert.deepEqual(record.inputs.aliases, [
            { name: alb.state.dnsName, zoneId: "Z14GRHDCWA56QT", evaluateTargetHealth: true },
        ]);
        assert.equal(world.ofType("aws:route53/record:Record").length, 1, "no AAAA record for an IPv4 ALB");
        assert.equal(await valueOf(svc.fqdn!), "app.example.com");
        assert.equal(await valueOf(svc.url), "http://app.example.com/");
    });

    it("takes evaluateTargetHealth false and a trailing dot; without dns the url is the ALB's name", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "web",
                    service({ dns: { ...DNS, recordName: "App.Example.com.", evaluateTargetHealth: false } }),
                    opts,
                ),
        );
        const record = world.named("web-dns-a");
        assert.equal(record.inputs.name, "app.example.com");
        assert.equal(record.inputs.aliases[0].evaluateTargetHealth, false);
        assert.equal(record.inputs.allowOverwrite, undefined, "another's record is not taken over unasked");

        // A record made by hand before `dns` existed: taken over only when asked.
        await build(opts => new AlbFargateService("web", service({ dns: { ...DNS, allowOverwrite: true } }), opts));
        assert.equal(world.named("web-dns-a").inputs.allowOverwrite, true);

        const plain = await build(opts => new AlbFargateService("web", service({}), opts));
        assert.equal(plain.fqdn, undefined);
        assert.equal(await valueOf(plain.url), `http://${world.named("web-alb").state.dnsName}/`);
    });

    it("refuses a record outside the zone, a bad zone id and a bad name, each at its path", async () => {
        const outside = await problems(service({ dns: { ...DNS, recordName: "app.example.org" } }));
        has(outside, "dns.recordName", /'app\.example\.org' is not inside the hosted zone example\.com/);
        // A name that merely ends like the zone is not in it.
        has(
            await problems(service({ dns: { ...DNS, recordName: "app.notexample.com" } })),
            "dns.recordName",
            /not inside the hosted zone/,
        );
        const bad = await problems(
            service({ dns: { hostedZoneId: "example.com", recordName: "app_1.example.com", zoneName: "com" } }),
        );
        has(bad, "dns.hostedZoneId", /is not a Route 53 hosted zone id/);
        has(bad, "dns.recordName", /label 'app_1'/);
        has(bad, "dns.zoneName", /single label/);
    });

    describe("routedHosts", () => {
        const routed = (hosts: string[][], dns: Partial<NonNullable<AlbFargateServiceArgs["dns"]>>) =>
            service({
                dns: { ...DNS, ...dns },
                services: {
                    web: {},
                    ...Object.fromEntries(
                        hosts.map((h, i) => [`s${i}`, { routing: { hosts: h, priority: 10 * (i + 1) } }]),
                    ),
                },
            });

        it("gives each routed host its own alias records, named by the host, the record's name once", async () => {
            await build(
                opts =>
                    new AlbFargateService(
                        "web",
                        routed(
                            [
                                ["API.example.com", "app.example.com"],
                                ["*.admin.example.com", "wildcard.admin.example.com"],
                            ],
                            {
                                routedHosts: true,
                                allowOverwrite: true,
                            },
                        ),
                        opts,
                    ),
            );
            const records = world.ofType("aws:route53/record:Record");
            assert.deepEqual(
                records.map(r => [r.name, r.inputs.name, r.inputs.type, r.inputs.allowOverwrite]),
                [
                    ["web-dns-a", "app.example.com", "A", true],
                    ["web-dns-api.example.com-a", "api.example.com", "A", true],
                    ["web-dns-_wildcard.admin.example.com-a", "*.admin.example.com", "A", true],
                    ["web-dns-wildcard.admin.example.com-a", "wildcard.admin.example.com", "A", true],
                ],
            );
            const alb = world.named("web-alb");
            for (const r of records) {
                assert.equal(r.inputs.zoneId, ZONE);
                assert.deepEqual(r.inputs.aliases, [
                    { name: alb.state.dnsName, zoneId: "Z14GRHDCWA56QT", evaluateTargetHealth: true },
                ]);
                assert.equal(r.parent, "web");
            }
            // Without routedHosts, the routed hosts' records are the user's.
            await build(
                opts => new AlbFargateService("web", routed([["api.example.com"], ["b.example.com"]], {}), opts),
            );
            assert.deepEqual(
                world.ofType("aws:route53/record:Record").map(r => r.name),
                ["web-dns-a"],
            );
        });

        it("refuses, with routedHosts, a host outside the zone, an ALB pattern, and a missing zoneName", async () => {
            const found = await problems(
                routed([["api.example.org", "a?.example.com"], ["*api.example.com"]], { routedHosts: true }),
            );
            has(
                found,
                "services.s0.routing.hosts[0]",
                /'api\.example\.org' is not inside the hosted zone example\.com/,
            );
            has(found, "services.s0.routing.hosts[1]", /a pattern of the ALB's, which names no single record/);
            has(found, "services.s1.routing.hosts[0]", /a pattern of the ALB's/);
            assert.equal(found.length, 3, found.join("\n"));
            has(
                await problems(routed([["api.example.com"]], { routedHosts: true, zoneName: undefined })),
                "dns.zoneName",
                /is needed with dns\.routedHosts/,
            );
        });
    });
});

describe("AlbFargateService: certificate", () => {
    it("requests a DNS-validated certificate, writes its validation record in the zone, and serves HTTPS with the validated ARN", async () => {
        const svc = await build(opts => new AlbFargateService("web", service({ dns: DNS, certificate: {} }), opts));
        const cert = world.named("web-certificate");
        assert.equal(cert.type, "aws:acm/certificate:Certificate");
        assert.deepEqual(
            [cert.inputs.domainName, cert.inputs.validationMethod, cert.inputs.subjectAlternativeNames],
            ["app.example.com", "DNS", undefined],
        );
        const option = cert.state.domainValidationOptions[0];
        const record = world.named("web-certificate-validation-app.example.com");
        assert.deepEqual(
            [record.inputs.zoneId, record.inputs.name, record.inputs.type, record.inputs.records, record.inputs.ttl],
            [ZONE, option.resourceRecordName, "CNAME", [option.resourceRecordValue], 60],
        );
        // ACM's record, shared by every certificate of the name: adopted if there, kept on destroy.
        assert.deepEqual([record.inputs.allowOverwrite, record.retainOnDelete], [true, true]);
        assert.equal(world.named("web-dns-a").retainOnDelete, undefined, "the alias record goes with the stack");
        const validation = world.named("web-certificate-validation");
        assert.equal(validation.type, "aws:acm/certificateValidation:CertificateValidation");
        assert.deepEqual(
            [validation.inputs.certificateArn, validation.inputs.validationRecordFqdns],
            [cert.id, [record.state.fqdn]],
        );
        const https = world.named("web-https");
        assert.deepEqual([https.inputs.port, https.inputs.certificateArn], [443, cert.id]);
        // HTTP on 80 redirects, as with a certificate ARN.
        assert.equal(world.named("web-http").inputs.defaultActions[0].type, "redirect");
        assert.equal(await valueOf(svc.certificateArn!), cert.id);
        assert.equal(await valueOf(svc.url), "https://app.example.com/");
    });

    it("writes one validation record per name, a wildcard sharing its base name's, in a zone of its own", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "web",
                    service({
                        certificate: {
                            domainName: "example.com",
                            subjectAlternativeNames: ["*.example.com", "www.example.com"],
                            hostedZoneId: "Z9876543210",
                            zoneName: "example.com",
                        },
                    }),
                    opts,
                ),
        );
        const cert = world.named("web-certificate");
        assert.deepEqual(cert.inputs.subjectAlternativeNames, ["*.example.com", "www.example.com"]);
        const records = world.ofType("aws:route53/record:Record");
        assert.deepEqual(records.map(r => r.name).sort(), [
            "web-certificate-validation-example.com",
            "web-certificate-validation-www.example.com",
        ]);
        assert.ok(records.every(r => r.inputs.zoneId === "Z9876543210"));
        assert.equal(world.named("web-certificate-validation").inputs.validationRecordFqdns.length, 2);
    });

    it("refuses certificateArn with certificate, names outside the zone, no name and no zone", async () => {
        const both = await problems(
            service({
                dns: DNS,
                certificate: {},
                certificateArn:
                    "arn:aws:acm:ap-northeast-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
            }),
        );
        has(both, "certificate", /certificateArn gives one/);

        const outside = await problems(
            service({ dns: DNS, certificate: { subjectAlternativeNames: ["api.example.org", "app.example.com"] } }),
        );
        has(
            outside,
            "certificate.subjectAlternativeNames[0]",
            /'api\.example\.org' is not inside the hosted zone example\.com \(dns\.zoneName\)/,
        );
        has(
            outside,
            "certificate.subjectAlternativeNames[1]",
            /certificate name 'app\.example\.com' is used again \(first at dns\.recordName\)/,
        );

        const alone = await problems(service({ certificate: {} }));
        has(alone, "certificate.domainName", /has no domain name/);
        has(alone, "certificate.hostedZoneId", /need a Route 53 hosted zone/);

        const dotted = await problems(service({ certificate: { domainName: "app.example.com.", hostedZoneId: ZONE } }));
        has(dotted, "certificate.domainName", /ends with a dot/);
    });

    it("warns over ACM's default quota of names (the account may have raised it), refuses over the most ACM takes", async () => {
        const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i}.example.com`);
        await build(
            opts =>
                new AlbFargateService(
                    "web",
                    service({ dns: DNS, certificate: { subjectAlternativeNames: names(10) } }),
                    opts,
                ),
        );
        assert.deepEqual(
            world.warnings.map(w => w.message),
            [
                "the certificate carries 11 names, over ACM's default quota of 10 per certificate: ACM refuses the request unless the account's quota was raised (Service Quotas, AWS Certificate Manager).",
            ],
        );
        assert.equal(world.named("web-certificate").inputs.subjectAlternativeNames.length, 10);
        await build(
            opts =>
                new AlbFargateService(
                    "web",
                    service({ dns: DNS, certificate: { subjectAlternativeNames: names(9) } }),
                    opts,
                ),
        );
        assert.deepEqual(world.warnings, []);
        has(
            await problems(service({ dns: DNS, certificate: { subjectAlternativeNames: names(100) } })),
            "certificate.subjectAlternativeNames",
            /101 names; ACM takes at most 100 per certificate/,
        );
    });

    it("gives untyped callers the same errors, not a TypeError", async () => {
        const found = await problems(
            service({
                dns: { hostedZoneId: 7, recordName: "app.example.com" } as never,
                certificate: { domain: "x" } as never,
            }),
        );
        has(found, "dns.hostedZoneId", /./);
        has(found, "certificate.domain", /is not an input here/);
    });
});

describe("AlbFargateService: accessLogs", () => {
    it("creates a private, SSE-S3 bucket with the region's log delivery policy, and the ALB logs into it once the policy is there", async () => {
        const svc = await build(
            opts =>
                new AlbFargateService("web", service({ accessLogs: { prefix: "alb/web", expireAfterDays: 90 } }), opts),
        );
        const bucket = world.named("web-access-logs");
        assert.equal(bucket.type, "aws:s3/bucket:Bucket");
        assert.match(bucket.inputs.bucket, /^web-access-logs-[0-9a-f]{7}$/, "auto-named");
        assert.equal(bucket.inputs.forceDestroy, false);
        assert.deepEqual(world.named("web-access-logs-public-access").inputs, {
            bucket: bucket.id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepEqual(world.named("web-access-logs-encryption").inputs.rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
        ]);
        assert.deepEqual(world.named("web-access-logs-ownership").inputs.rule, {
            objectOwnership: "BucketOwnerEnforced",
        });
        assert.deepEqual(world.named("web-access-logs-lifecycle").inputs.rules, [
            { id: "expire-access-logs", status: "Enabled", filter: { prefix: "alb/web/" }, expiration: { days: 90 } },
        ]);
        // Tokyo opened before August 2022: the policy names its Elastic Load Balancing account.
        const policy = world.named("web-access-logs-policy");
        assert.equal(policy.inputs.bucket, bucket.id);
        assert.deepEqual(JSON.parse(policy.inputs.policy), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AllowElbAccessLogDelivery",
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::582318560864:root" },
                    Action: "s3:PutObject",
                    Resource: `arn:aws:s3:::${bucket.inputs.bucket}/alb/web/AWSLogs/123456789012/*`,
                },
            ],
        });
        const alb = world.named("web-alb");
        assert.deepEqual(alb.inputs.accessLogs, { bucket: bucket.inputs.bucket, prefix: "alb/web", enabled: true });
        assert.ok(alb.dependsOn.includes("web-access-logs-policy"), "ELB checks the policy when logging is turned on");
        assert.equal(await valueOf(svc.accessLogsBucket!), bucket.inputs.bucket);
        assert.equal(world.ofType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").length, 1);
    });

    it("names the log delivery service principal in regions opened since August 2022, and partitions elsewhere", () => {
        assert.deepEqual(
            JSON.parse(accessLogBucketPolicy("ap-southeast-4", "logs", undefined, "111122223333")).Statement,
            [
                {
                    Sid: "AllowElbAccessLogDelivery",
                    Effect: "Allow",
                    Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
                    Action: "s3:PutObject",
                    Resource: "arn:aws:s3:::logs/AWSLogs/111122223333/*",
                },
            ],
        );
        const china = JSON.parse(accessLogBucketPolicy("cn-north-1", "logs", "p", "111122223333")).Statement[0];
        assert.deepEqual(
            [china.Principal, china.Resource],
            [{ AWS: "arn:aws-cn:iam::638102146993:root" }, "arn:aws-cn:s3:::logs/p/AWSLogs/111122223333/*"],
        );
        assert.equal(ELB_LOG_ACCOUNTS["us-east-1"], "127311923021");
    });

    it("writes into a bucket given, creating and changing nothing of it", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "web",
                    service({ accessLogs: { bucket: "corp-alb-logs", bucketRegion: "ap-northeast-1" } }),
                    opts,
                ),
        );
        assert.deepEqual(world.named("web-alb").inputs.accessLogs, { bucket: "corp-alb-logs", enabled: true });
        assert.equal(world.resources.filter(r => r.type.startsWith("aws:s3/")).length, 0);
    });

    it("refuses a bucket in another region, a bad name, its settings on a bucket given, and a bad prefix", async () => {
        const found = await problems(
            service({
                accessLogs: {
                    bucket: "Corp_Logs",
                    bucketRegion: "us-east-1",
                    forceDestroy: true,
                    expireAfterDays: 30,
                    prefix: "x/AWSLogs",
                },
            }),
        );
        has(found, "accessLogs.bucketRegion", /the bucket is in us-east-1, the ALB in ap-northeast-1/);
        has(found, "accessLogs.bucket", /is not an S3 bucket name/);
        has(found, "accessLogs.forceDestroy", /applies to a bucket created here/);
        has(found, "accessLogs.expireAfterDays", /applies to a bucket created here/);
        has(found, "accessLogs.prefix", /includes AWSLogs/);
        const created = await problems(service({ accessLogs: { prefix: "/logs/", expireAfterDays: 0 } }));
        has(created, "accessLogs.prefix", /starts or ends with '\/'/);
        has(created, "accessLogs.expireAfterDays", /not a whole number from 1/);
        // pulumi-aws lower-cases the logical name of an auto-named bucket; an underscore stays.
        has(
            await problems(service({ accessLogs: {} }), "Web_1"),
            "name",
            /S3 bucket would be named 'web_1-access-logs-…', but its name may have only lower-case letters/,
        );
        await build(opts => new AlbFargateService("Web", service({ accessLogs: {} }), opts));
        assert.match(String(world.named("Web-access-logs").inputs.bucket), /^web-access-logs-[0-9a-f]{7}$/);
    });

    it("tells the plan that destroy leaves the bucket while it holds logs, unless forceDestroy", () => {
        const bucket = (forceDestroy: boolean) =>
            costItems([
                {
                    type: "aws:s3/bucket:Bucket",
                    name: "web-access-logs",
                    inputs: { forceDestroy },
                    custom: true,
                } as never,
            ]);
        const [kept] = bucket(false);
        assert.deepEqual(kept.kinds, ["left-behind"]);
        assert.match(kept.destroy, /destroy leaves a non-empty bucket/);
        assert.deepEqual(bucket(true), []);
    });
});

describe("AlbFargateService: the ALB's scheme, address type, idle timeout and headers", () => {
    it("keeps the defaults: internet-facing IPv4 in the public subnets, AWS's idle timeout, invalid headers dropped", async () => {
        await build(opts => new AlbFargateService("web", service({}), opts));
        const alb = world.named("web-alb");
        assert.deepEqual(
            [alb.inputs.internal, alb.inputs.ipAddressType, alb.inputs.idleTimeout, alb.inputs.dropInvalidHeaderFields],
            // ipv4 is sent (the provider would keep a dualstack ALB's type otherwise), 60 s left to the provider's default.
            [false, "ipv4", undefined, true],
        );
        assert.deepEqual(alb.inputs.subnets, [
            world.named("web-network-klein-public-1a").id,
            world.named("web-network-klein-public-1c").id,
        ]);
        assert.equal(world.named("web-network-vpc").inputs.assignGeneratedIpv6CidrBlock, undefined);
    });

    it("puts an internal ALB in the private subnets, needing no internet gateway, and denies the internet in its flows", async () => {
        const svc = await build(
            opts =>
                new AlbFargateService(
                    "web",
                    service({ internal: true, idleTimeout: 4000, dropInvalidHeaderFields: false }),
                    opts,
                ),
        );
        const alb = world.named("web-alb");
        assert.deepEqual(
            [alb.inputs.internal, alb.inputs.idleTimeout, alb.inputs.dropInvalidHeaderFields],
            [true, 4000, false],
        );
        assert.deepEqual(alb.inputs.subnets, [
            world.named("web-network-klein-private-1a").id,
            world.named("web-network-klein-private-1c").id,
        ]);
        assert.ok(!alb.dependsOn.includes("web-network-igw"));
        const listener = svc.intendedFlows.find(f => f.name === "internet → internal ALB :80");
        assert.equal(listener?.intent, "deny");
    });

    it("makes a dual-stack ALB on a VPC with IPv6: /64s of the VPC's /56, ::/0 to the gateway, IPv6 clients admitted, an AAAA record", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "web",
                    service({
                        network: { ...seed004Service().network, ipv6: true },
                        ipAddressType: "dualstack",
                        dns: DNS,
                    }),
                    opts,
                ),
        );
        const vpc = world.named("web-network-vpc");
        assert.equal(vpc.inputs.assignGeneratedIpv6CidrBlock, true);
        const block = vpc.state.ipv6CidrBlock as string;
        assert.match(block, /^2406:da14:[0-9a-f]{1,4}:[0-9a-f]{1,2}00::\/56$/);
        const prefix = block.replace(/00::\/56$/, "");
        assert.deepEqual(
            ["klein-public-1a", "klein-public-1c", "klein-private-1a", "klein-private-1c"].map(
                s => world.named(`web-network-${s}`).inputs.ipv6CidrBlock,
            ),
            [`${prefix}00::/64`, `${prefix}01::/64`, `${prefix}80::/64`, `${prefix}81::/64`],
        );
        const route = world.named("web-network-public-default-ipv6");
        assert.deepEqual(
            [route.inputs.destinationIpv6CidrBlock, route.inputs.gatewayId, route.inputs.routeTableId],
            ["::/0", world.named("web-network-igw").id, world.named("web-network-public-rt").id],
        );
        assert.ok(world.named("web-alb").dependsOn.includes("web-network-public-default-ipv6"));
        assert.equal(world.named("web-alb").inputs.ipAddressType, "dualstack");
        const in6 = world.named("web-alb-in-80-ipv6-0");
        assert.deepEqual([in6.inputs.cidrIpv6, in6.inputs.fromPort], ["::/0", 80]);
        const aaaa = world.named("web-dns-aaaa");
        assert.deepEqual([aaaa.inputs.type, aaaa.inputs.name], ["AAAA", "app.example.com"]);
        assert.deepEqual(aaaa.inputs.aliases, world.named("web-dns-a").inputs.aliases);
    });

    it("refuses dualstack without IPv6, an idle timeout out of range, and an internal ALB in one private AZ", async () => {
        const found = await problems(service({ ipAddressType: "dualstack", idleTimeout: 4001 }));
        has(found, "ipAddressType", /a dualstack ALB needs IPv6 blocks on its public subnets, and the VPC has no IPv6/);
        has(found, "idleTimeout", /idle timeout 4001 is not a whole number from 1 to 4000/);
        has(await problems(service({ idleTimeout: 0 })), "idleTimeout", /from 1 to 4000/);
        const network = seed004Service().network as { privateSubnets: Record<string, { availabilityZone: string }> };
        network.privateSubnets["klein-private-1c"].availabilityZone = "ap-northeast-1a";
        const oneZone = await problems(service({ network: network as never, internal: true }));
        has(oneZone, "network.privateSubnets.klein-private-1c", /an internal ALB takes one subnet per AZ/);
        has(oneZone, "network.privateSubnets", /internal ALB needs subnets in at least two availability zones/);
        // Untyped callers: an unknown address type is refused by the shape, with the choices.
        has(await problems(service({ ipAddressType: "ipv6" as never })), "ipAddressType", /./);
    });

    it("refuses dualstack on a TwoTierVpc without IPv6, and takes one with it", async () => {
        const { network, ...rest } = seed004Service();
        const refused = await expectRejection(
            "topologies:aws:AlbFargateService 'web'",
            opts => {
                const vpc = new TwoTierVpc("net", { region: "ap-northeast-1", ...network }, opts);
                return new AlbFargateService("web", { ...rest, network: vpc, ipAddressType: "dualstack" }, opts);
            },
            r => r.name.startsWith("web"),
        );
        assert.deepEqual(
            refused.problems.map(p => p.path),
            ["ipAddressType"],
        );
        await build(opts => {
            const vpc = new TwoTierVpc("net", { region: "ap-northeast-1", ...network, ipv6: true }, opts);
            return new AlbFargateService("web", { ...rest, network: vpc, ipAddressType: "dualstack" }, opts);
        });
        assert.equal(world.named("web-alb").inputs.ipAddressType, "dualstack");
    });
});
