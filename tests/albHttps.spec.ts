/**
 * HTTPS on the Alibaba Cloud ALB components (S1, S3), one listener shape for both: the HTTPS
 * listener with its certificate and TLS policy, the HTTP listener on 80 whose one rule redirects
 * every path to it, what is refused, the flows, and the ALB's own deletion protection.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AlbCommonArgs } from "../components/alicloud/albCommon";
import { ALB_CASES } from "./support/albCases";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";

const HTTPS = { protocol: "HTTPS", certificateId: "12345678-cn-shanghai" } as const;

for (const [label, { make: makeWithApi, type }] of Object.entries(ALB_CASES)) {
    // The tutorial's backends alone: no extra server group.
    const make = (common: AlbCommonArgs, opts: pulumi.ComponentResourceOptions) => makeWithApi(common, opts, false);
    describe(`${label}: HTTPS and deletion protection`, () => {
        it("serves HTTPS on 443 with a TLS 1.2+ policy and answers HTTP on 80 with a 301 to it on every path", async () => {
            const component = await build(opts => make({ listener: HTTPS }, opts));
            const https = world.named("web-listener");
            assert.deepEqual(
                [
                    https.inputs.listenerProtocol,
                    https.inputs.listenerPort,
                    https.inputs.certificates,
                    https.inputs.securityPolicyId,
                ],
                ["HTTPS", 443, { certificateId: "12345678-cn-shanghai" }, "tls_cipher_policy_1_2_strict_with_1_3"],
            );
            const http = world.named("web-http-redirect");
            const alb = world.named("web-alb");
            assert.deepEqual(
                [http.inputs.listenerProtocol, http.inputs.listenerPort, http.inputs.loadBalancerId],
                ["HTTP", 80, alb.id],
            );
            // The API's listener forwards by default; the rule of priority 1 matches every path first.
            assert.deepEqual(http.inputs.defaultActions, https.inputs.defaultActions);
            assert.ok(
                http.dependsOn.includes("web-listener"),
                "the redirect takes port 80 after the HTTPS listener replaced the old HTTP one",
            );
            const rule = world.named("web-http-redirect-rule");
            assert.equal(rule.type, "alicloud:alb/rule:Rule");
            assert.deepEqual(
                [rule.inputs.listenerId, rule.inputs.priority, rule.inputs.ruleName],
                [http.id, 1, "http-to-https"],
            );
            assert.deepEqual(rule.inputs.ruleConditions, [{ type: "Path", pathConfig: { values: ["/*"] } }]);
            assert.deepEqual(rule.inputs.ruleActions, [
                { type: "Redirect", order: 1, redirectConfig: { protocol: "HTTPS", port: "443", httpCode: "301" } },
            ]);
            assert.equal(
                await valueOf(
                    (component as unknown as { httpRedirectListenerId: pulumi.Output<string> }).httpRedirectListenerId,
                ),
                http.id,
            );
            // A listener's port and protocol are replaced, never changed, and a port holds one listener.
            assert.deepEqual([https.deleteBeforeReplace, http.deleteBeforeReplace], [true, true]);
            // Both listeners are public: the internet reaches the ALB on 443 and on 80 (to be redirected).
            const ports = component.intendedFlows
                .filter(f => f.intent === "allow" && /^internet → ALB/.test(String(f.name)))
                .map(f => f.port);
            assert.deepEqual([...new Set(ports)].sort(), [443, 80]);
        });

        it("takes a TLS policy, a port of its own, and no HTTP listener at all when the redirect is off", async () => {
            await build(opts =>
                make(
                    {
                        listener: {
                            ...HTTPS,
                            port: 8443,
                            sslPolicy: "tls_cipher_policy_1_2",
                            redirectHttpToHttps: false,
                        },
                    },
                    opts,
                ),
            );
            const https = world.named("web-listener");
            assert.deepEqual(
                [https.inputs.listenerPort, https.inputs.securityPolicyId],
                [8443, "tls_cipher_policy_1_2"],
            );
            assert.deepEqual(
                world.ofType("alb/listener:Listener").map(l => l.name),
                ["web-listener"],
            );
            assert.equal(world.ofType("alb/rule:Rule").length, 0);
        });

        it("redirects to the HTTPS listener's own port", async () => {
            await build(opts => make({ listener: { ...HTTPS, port: 8443 } }, opts));
            assert.equal(world.named("web-http-redirect-rule").inputs.ruleActions[0].redirectConfig.port, "8443");
        });

        it("keeps an HTTP listener as it was: no TLS policy, no redirect, no rule", async () => {
            await build(opts => make({}, opts));
            const http = world.named("web-listener");
            assert.deepEqual([http.inputs.listenerProtocol, http.inputs.securityPolicyId], ["HTTP", undefined]);
            assert.equal(world.ofType("alb/rule:Rule").length, 0);
            assert.equal(world.ofType("alb/listener:Listener").length, 1);
        });

        it("refuses a TLS policy or a redirect on an HTTP listener, HTTPS on the redirect's port, an unknown policy", async () => {
            const problems = async (common: AlbCommonArgs) =>
                (
                    await expectRejection(
                        type,
                        opts => make(common, opts),
                        r => !/^vpc\d/.test(r.name),
                    )
                ).problems.map(p => [p.path, p.message, p.fix]);
            assert.deepEqual(
                await problems({ listener: { sslPolicy: "tls_cipher_policy_1_2", redirectHttpToHttps: true } }),
                [
                    [
                        "listener.sslPolicy",
                        "an HTTP listener has no TLS policy.",
                        "Drop listener.sslPolicy, or use listener.protocol HTTPS.",
                    ],
                    [
                        "listener.redirectHttpToHttps",
                        "HTTP would redirect to an HTTPS listener that does not exist.",
                        "Drop listener.redirectHttpToHttps, or use listener.protocol HTTPS.",
                    ],
                ],
            );
            assert.deepEqual(await problems({ listener: { ...HTTPS, port: 80 } }), [
                [
                    "listener.port",
                    "the HTTPS listener is on port 80, which the HTTP listener redirecting to it takes.",
                    "Use port 443 (the default), or set listener.redirectHttpToHttps: false.",
                ],
            ]);
            const [[path, message]] = await problems({ listener: { ...HTTPS, sslPolicy: "tls13" as never } });
            assert.deepEqual([path, message], ["listener.sslPolicy", '"tls13" is not accepted.']);
            const [[, , fix]] = await problems({ listener: { protocol: "HTTPS" } });
            assert.match(fix!, /Certificate Management Service/);
        });

        it("turns on the ALB's own deletion protection when asked, and says off otherwise", async () => {
            await build(opts => make({ deletionProtection: true }, opts));
            assert.equal(world.named("web-alb").inputs.deletionProtectionEnabled, true);
            await build(opts => make({}, opts));
            // Sent as false, not left out: the provider keeps the cloud's value of an absent field.
            assert.equal(world.named("web-alb").inputs.deletionProtectionEnabled, false);
        });
    });
}
