/**
 * S5 per-service routing: each routed service's own target group and forward rules on the serving
 * listener(s), the priorities (a lone routed service's default, given ones otherwise), the 404 default when every service is routed, the shared
 * group kept as it was otherwise, and each bad input refused at its path.
 */
import * as assert from "node:assert/strict";
import { AlbFargateService, FargateServiceArgs } from "../components/aws/albFargateService";
import { keyArgs } from "../cli/keyArgs";
import { build, world } from "./mocks";
import { assertProblem, problemsOf } from "./support/fargateProblems";
import { AlbFargateServiceOnNetworkArgs, seed004Service } from "./support/tutorials";

const CERT = "arn:aws:acm:ap-northeast-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";

const withServices = (
    services: Record<string, FargateServiceArgs>,
    more: Partial<AlbFargateServiceOnNetworkArgs> = {},
): AlbFargateServiceOnNetworkArgs => ({ ...seed004Service(), services, ...more });

const rules = () => world.ofType("aws:lb/listenerRule:ListenerRule");

describe("AlbFargateService: per-service routing", () => {
    it("gives a routed service its own target group and a forward rule on the serving listener, the rest the shared group", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withServices({
                        web: {},
                        api: { routing: { paths: ["/api/*"], healthCheck: { path: "/api/health" } } },
                    }),
                    opts,
                ),
        );
        const shared = world.named("s5-tg");
        const own = world.named("s5-api-tg");
        assert.equal(own.type, "aws:lb/targetGroup:TargetGroup");
        assert.deepEqual(
            [own.inputs.targetType, own.inputs.protocol, own.inputs.port, own.inputs.vpcId],
            ["ip", "HTTP", 80, shared.inputs.vpcId],
        );
        // Auto-named within the 32 characters of a target group name.
        assert.match(String(own.inputs.name), /^s5-api-tg-[0-9a-f]{7}$/);
        // Its health check: the service's path over the component's defaults.
        const hc = own.inputs.healthCheck as Record<string, unknown>;
        assert.deepEqual([hc.path, hc.matcher, hc.interval], ["/api/health", "200", 30]);
        assert.equal((shared.inputs.healthCheck as Record<string, unknown>).path, "/");

        // HTTP only: the rule is on the HTTP listener, which still forwards to the shared group by default.
        const http = world.named("s5-http");
        assert.deepEqual(http.inputs.defaultActions, [{ type: "forward", targetGroupArn: shared.id }]);
        assert.deepEqual(
            rules().map(r => r.name),
            ["s5-api-http-rule"],
        );
        const rule = world.named("s5-api-http-rule");
        assert.equal(rule.inputs.listenerArn, http.id);
        // A lone routed service's default priority: 10 × its position in services (api is second).
        assert.equal(rule.inputs.priority, 20);
        assert.deepEqual(rule.inputs.conditions, [{ pathPattern: { values: ["/api/*"] } }]);
        assert.deepEqual(rule.inputs.actions, [{ type: "forward", targetGroupArn: own.id }]);
        assert.equal(rule.parent, "s5");
        assert.equal(rule.provider, http.provider);

        // Each service registers in its own group, and the routed one waits for its rule.
        const lbOf = (key: string) => (world.named(key).inputs.loadBalancers as Array<{ targetGroupArn: string }>)[0];
        assert.equal(lbOf("s5-web").targetGroupArn, shared.id);
        assert.equal(lbOf("s5-api").targetGroupArn, own.id);
        assert.ok(world.named("s5-api").dependsOn.includes("s5-api-http-rule"));
        assert.ok(!world.named("s5-web").dependsOn.includes("s5-api-http-rule"));
    });

    it("puts the rules on HTTPS when HTTP redirects, on both when it forwards, with hosts and an explicit priority", async () => {
        const services = {
            web: { routing: { hosts: ["www.example.com"], priority: 10 } },
            api: { routing: { hosts: ["api.example.com"], paths: ["/v1/*", "/v2/*"], priority: 5 } },
        };
        await build(opts => new AlbFargateService("s5", withServices(services, { certificateArn: CERT }), opts));
        assert.deepEqual(
            rules().map(r => [r.name, r.inputs.listenerArn, r.inputs.priority]),
            [
                ["s5-web-https-rule", world.named("s5-https").id, 10],
                ["s5-api-https-rule", world.named("s5-https").id, 5],
            ],
        );
        assert.deepEqual(world.named("s5-api-https-rule").inputs.conditions, [
            { hostHeader: { values: ["api.example.com"] } },
            { pathPattern: { values: ["/v1/*", "/v2/*"] } },
        ]);
        // The plan lists a rule's priority and conditions.
        const rule = world.named("s5-api-https-rule");
        assert.deepEqual(keyArgs(rule.type, rule.inputs), {
            priority: "5",
            "conditions.hostHeader.values": "api.example.com",
            "conditions.pathPattern.values": "/v1/*,/v2/*",
        });
        const web = world.named("s5-web-https-rule");
        assert.deepEqual(keyArgs(web.type, web.inputs), {
            priority: "10",
            "conditions.hostHeader.values": "www.example.com",
        });

        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withServices(services, { certificateArn: CERT, redirectHttpToHttps: false }),
                    opts,
                ),
        );
        assert.deepEqual(
            rules().map(r => r.name),
            ["s5-web-http-rule", "s5-web-https-rule", "s5-api-http-rule", "s5-api-https-rule"],
        );
    });

    it("answers 404 by default when every service is routed, and makes no shared target group", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withServices(
                        {
                            web: { routing: { paths: ["/*"], priority: 100 } },
                            api: { routing: { paths: ["/api/*"], priority: 20 } },
                        },
                        { certificateArn: CERT },
                    ),
                    opts,
                ),
        );
        const notFound = [
            {
                type: "fixed-response",
                fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not Found" },
            },
        ];
        assert.deepEqual(world.named("s5-https").inputs.defaultActions, notFound);
        // HTTP still only redirects.
        assert.equal((world.named("s5-http").inputs.defaultActions as Array<{ type: string }>)[0].type, "redirect");
        assert.deepEqual(
            world.ofType("aws:lb/targetGroup:TargetGroup").map(t => t.name),
            ["s5-web-tg", "s5-api-tg"],
        );
        // The catch-all /* has the higher number, so /api/* is evaluated first.
        assert.deepEqual(
            rules().map(r => [r.name, r.inputs.priority]),
            [
                ["s5-web-https-rule", 100],
                ["s5-api-https-rule", 20],
            ],
        );
    });

    it("asks each of two or more routed services for its priority, with the default it had (refused before anything registers)", async () => {
        // Defaults from the order would renumber b when a is removed (20 → 10): an update AWS
        // refuses while a's rule, deleted last, still holds 10.
        const problems = await problemsOf(
            withServices({
                web: {},
                a: { routing: { paths: ["/a/*"] } },
                b: { routing: { paths: ["/b/*"], priority: 30 } },
                c: { routing: { paths: ["/c/*"] } },
            }),
        );
        assert.deepEqual(
            problems.map(p => [p.path, p.fix]),
            [
                [
                    "services.a.routing.priority",
                    "Set priority: 20 (where the rule is by default today); lower numbers are evaluated first.",
                ],
                [
                    "services.c.routing.priority",
                    "Set priority: 40 (where the rule is by default today); lower numbers are evaluated first.",
                ],
            ],
        );
        assert.match(problems[0].message, /required when more than one service is routed \(a, b, c\)/);
    });

    it("scales a routed service on the requests of its own target group", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withServices({
                        web: {},
                        api: {
                            routing: { paths: ["/api/*"] },
                            autoscaling: { minCapacity: 1, maxCapacity: 4, requestsPerTarget: { target: 500 } },
                        },
                    }),
                    opts,
                ),
        );
        const policy = world.named("s5-api-requests");
        const spec = policy.inputs.targetTrackingScalingPolicyConfiguration as {
            predefinedMetricSpecification: { resourceLabel: string };
        };
        const alb = String(world.named("s5-alb").state.arnSuffix);
        const tg = String(world.named("s5-api-tg").state.arnSuffix);
        assert.equal(spec.predefinedMetricSpecification.resourceLabel, `${alb}/${tg}`);
    });

    it("builds what it built before when no service is routed: one shared group, forwarded to, no rule", async () => {
        await build(opts => new AlbFargateService("s5", withServices({ web: {}, api: {} }), opts));
        assert.equal(rules().length, 0);
        assert.deepEqual(
            world.ofType("aws:lb/targetGroup:TargetGroup").map(t => t.name),
            ["s5-tg"],
        );
        assert.deepEqual(world.named("s5-http").inputs.defaultActions, [
            { type: "forward", targetGroupArn: world.named("s5-tg").id },
        ]);
    });
});

describe("AlbFargateService: routing refused", () => {
    const routed = (routing: unknown, more: Record<string, unknown> = {}) =>
        withServices(
            { web: {}, api: { routing } as FargateServiceArgs },
            more as Partial<AlbFargateServiceOnNetworkArgs>,
        );

    it("refuses a priority out of 1–50000 and a rule with no host or path", async () => {
        await assertProblem(routed({ paths: ["/api/*"], priority: 0 }), "services.api.routing.priority", /1 to 50000/);
        await assertProblem(
            routed({ paths: ["/api/*"], priority: 50001 }),
            "services.api.routing.priority",
            /50001 is not a whole number from 1 to 50000/,
        );
        await assertProblem(routed({}), "services.api.routing", /routes nothing/);
        await assertProblem(routed({ hosts: [], paths: [] }), "services.api.routing", /routes nothing/);
    });

    it("refuses two services with one priority, naming both", async () => {
        const explicit = withServices({
            web: { routing: { paths: ["/a/*"], priority: 7 } },
            api: { routing: { paths: ["/b/*"], priority: 7 } },
        });
        await assertProblem(explicit, "services.api.routing.priority", /priority 7 is services\.web's too/);
    });

    it("refuses more than 3 values in a condition, 5 in a rule, and 5 wildcards", async () => {
        await assertProblem(
            routed({ paths: ["/a", "/b", "/c", "/d"] }),
            "services.api.routing.paths",
            /4 paths are more than the 3 values AWS takes in one condition/,
        );
        await assertProblem(
            routed({ hosts: ["a.example.com", "b.example.com", "c.example.com"], paths: ["/a", "/b", "/c"] }),
            "services.api.routing",
            /6 hosts and paths are more than the 5 condition values AWS takes in one rule/,
        );
        await assertProblem(
            routed({ hosts: ["*.a.com", "*.b.com", "*.c.com"], paths: ["/x/*", "/y/*/z*"] }),
            "services.api.routing",
            /6 wildcards/,
        );
        const ok = await problemsOf(
            routed({ hosts: ["*.a.com", "b.com"], paths: ["/x/*", "/y/*", "/z?"] }, { deregistrationDelay: -1 }),
        );
        assert.ok(
            ok.some(p => p.path === "deregistrationDelay") && !ok.some(p => p.path.startsWith("services.")),
            `five values and four wildcards pass: ${JSON.stringify(ok)}`,
        );
    });

    it("refuses bad hosts and path patterns at their index", async () => {
        await assertProblem(routed({ hosts: ["api_example.com"] }), "services.api.routing.hosts[0]", /characters/);
        await assertProblem(routed({ hosts: ["localhost"] }), "services.api.routing.hosts[0]", /has no '\.'/);
        await assertProblem(
            routed({ hosts: ["example.com", "example.c0m"] }),
            "services.api.routing.hosts[1]",
            /other than letters after its last '\.'/,
        );
        await assertProblem(
            routed({ hosts: ["API.example.com", "api.example.com"] }),
            "services.api.routing.hosts[1]",
            /listed again \(first at hosts\[0\]\)/,
        );
        await assertProblem(routed({ paths: ["/api/<id>"] }), "services.api.routing.paths[0]", /characters/);
        await assertProblem(routed({ paths: ["/a b"] }), "services.api.routing.paths[0]", /characters/);
        await assertProblem(routed({ paths: ["api/*"] }), "services.api.routing.paths[0]", /neither '\/' nor '\*'/);
        await assertProblem(
            routed({ paths: [`/${"a".repeat(128)}`] }),
            "services.api.routing.paths[0]",
            /129 characters; AWS takes 1 to 128/,
        );
    });

    it("refuses a host and path combination routed to two services, naming both", async () => {
        await assertProblem(
            withServices({
                web: { routing: { hosts: ["Example.com"], paths: ["/api/*"] } },
                api: { routing: { hosts: ["example.com"], paths: ["/v1/*", "/api/*"] } },
            }),
            "services.api.routing",
            /host 'example\.com' with path '\/api\/\*' is routed to services\.web too \(services\.web\.routing\)/,
        );
        await assertProblem(
            withServices({ web: { routing: { paths: ["/api/*"] } }, api: { routing: { paths: ["/api/*"] } } }),
            "services.api.routing",
            /path '\/api\/\*' on any host is routed to services\.web too/,
        );
        // Another host, or a narrower path on the same host, is another combination.
        const fine = await problemsOf(
            withServices(
                {
                    web: { routing: { hosts: ["example.com"], priority: 30 } },
                    api: { routing: { hosts: ["example.com"], paths: ["/api/*"], priority: 10 } },
                    admin: { routing: { hosts: ["admin.example.com"], paths: ["/api/*"], priority: 20 } },
                },
                { deregistrationDelay: -1 },
            ),
        );
        assert.ok(
            fine.some(p => p.path === "deregistrationDelay") && !fine.some(p => p.path.startsWith("services.")),
            JSON.stringify(fine),
        );
    });

    it("refuses a target group auto-name over 32 characters, a bad health check, and what needs a shared group when every service is routed", async () => {
        await assertProblem(
            withServices({ "a-very-long-service-key": { routing: { paths: ["/x/*"] } } }),
            "services.a-very-long-service-key.routing",
            /target group would be named 'bad-a-very-long-service-key-tg-' plus 7 random characters, 38 characters; its limit is 32/,
        );
        const long = await problemsOf(withServices({ "a-very-long-service-key": { routing: { paths: ["/x/*"] } } }));
        assert.equal(
            long.find(p => p.path === "services.a-very-long-service-key.routing")?.fix,
            "Shorten the component name 'bad' or the service key 'a-very-long-service-key' (together by 6 characters).",
        );
        await assertProblem(
            withServices({ my_api: { routing: { paths: ["/x/*"] } } }),
            "services.my_api.routing",
            /may have only letters, digits and hyphens/,
        );
        await assertProblem(
            routed({ paths: ["/api/*"], healthCheck: { interval: 5, timeout: 5 } }),
            "services.api.routing.healthCheck.timeout",
            /not shorter than interval/,
        );
        const everyRouted = withServices(
            { api: { routing: { paths: ["/api/*"] } } },
            { extraTargets: [{ ip: "10.1.3.10" }], targetGroupName: "shared-tg" },
        );
        await assertProblem(everyRouted, "extraTargets", /does not exist when every service is routed/);
        await assertProblem(everyRouted, "targetGroupName", /does not exist when every service is routed/);
    });

    it("gives an untyped caller the same refusals, never a TypeError", async () => {
        await assertProblem(routed({ paths: "/api/*" }), "services.api.routing.paths", /array/i);
        await assertProblem(routed({ path: ["/api/*"] }), "services.api.routing.path", /not an input here/);
        await assertProblem(
            routed({ paths: ["/api/*"], priority: 1.5 }),
            "services.api.routing.priority",
            /integer|whole/i,
        );
        await assertProblem(routed({ hosts: [42] }), "services.api.routing.hosts[0]", /string/i);
    });

    it("refuses a routed host the certificate created here does not name, judging names as TLS clients do", async () => {
        const edge = {
            dns: { hostedZoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com", recordName: "app.example.com" },
            certificate: { subjectAlternativeNames: ["*.api.example.com"] },
        };
        const hosts = [
            "APP.example.com",
            "eu.api.example.com",
            "a.b.api.example.com",
            "*.example.com",
            "other.example.com",
        ];
        const problems = await problemsOf(
            withServices(
                {
                    web: {},
                    api: { routing: { hosts: hosts.slice(0, 3), priority: 10 } },
                    admin: { routing: { hosts: hosts.slice(3), priority: 20 } },
                },
                edge,
            ),
        );
        assert.deepEqual(
            problems.map(p => p.path),
            ["services.api.routing.hosts[2]", "services.admin.routing.hosts[1]"],
            JSON.stringify(problems),
        );
        assert.match(
            problems[1].message,
            /'other\.example\.com' is not a name of the certificate created here \(app\.example\.com, \*\.api\.example\.com\)/,
        );
        assert.match(problems[1].fix!, /subjectAlternativeNames/);
        // A certificate given by ARN names what it names: not judged here.
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withServices(
                        { web: {}, api: { routing: { hosts: ["other.example.com"] } } },
                        { certificateArn: CERT },
                    ),
                    opts,
                ),
        );
        assert.ok(world.named("s5-api-https-rule"));
    });
});
