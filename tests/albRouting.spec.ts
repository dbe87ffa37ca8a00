/**
 * Forwarding by host and path on the Alibaba Cloud ALB components (S1, S3), one implementation
 * for both (albCommon/routing.ts): extra server groups with their backends, the rules of the
 * forwarding listener that send requests to them, and every bad rule refused at its path.
 */
import * as assert from "node:assert/strict";
import { AlbCommonArgs } from "../components/alicloud/albCommon";
import { ALB_CASES as CASES } from "./support/albCases";
import { build, valueOf, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";

for (const [label, { make, type, ownGroup, apiAddress }] of Object.entries(CASES)) {
    describe(`${label}: server groups and forwarding rules`, () => {
        const problems = async (common: AlbCommonArgs, api = true) =>
            (
                await expectRejection(
                    type,
                    opts => make(common, opts, api),
                    r => !/^vpc\d/.test(r.name),
                )
            ).problems.map(p => [p.path, p.message]);

        it("creates the extra server group and a rule forwarding /api/* on api.example.com to it", async () => {
            const component = await build(opts =>
                make(
                    {
                        rules: {
                            api: {
                                priority: 10,
                                hosts: ["api.example.com"],
                                paths: ["/api/*"],
                                forward: [{ serverGroup: "api" }],
                            },
                        },
                    },
                    opts,
                ),
            );
            const own = world.named(ownGroup);
            const api = world.named(`${ownGroup}-api`);
            assert.equal(api.type, "alicloud:alb/serverGroup:ServerGroup");
            assert.equal(api.inputs.serverGroupName, "web-api");
            // The same kind of group as the own one, with its health check and scheduler.
            assert.deepEqual(
                [api.inputs.serverGroupType, api.inputs.healthCheckConfig, api.inputs.scheduler],
                [own.inputs.serverGroupType, own.inputs.healthCheckConfig, "Wrr"],
            );
            assert.deepEqual(
                api.inputs.servers.map((s: { serverIp: string; port: number; weight: number }) => [
                    s.serverIp,
                    s.port,
                    s.weight,
                ]),
                [[apiAddress, 8080, 100]],
            );
            const rule = world.named("web-rule-api");
            assert.equal(rule.type, "alicloud:alb/rule:Rule");
            assert.deepEqual(
                [rule.inputs.listenerId, rule.inputs.ruleName, rule.inputs.priority],
                [world.named("web-listener").id, "api", 10],
            );
            assert.deepEqual(rule.inputs.ruleConditions, [
                { type: "Host", hostConfig: { values: ["api.example.com"] } },
                { type: "Path", pathConfig: { values: ["/api/*"] } },
            ]);
            assert.deepEqual(rule.inputs.ruleActions, [
                {
                    type: "ForwardGroup",
                    order: 1,
                    forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: api.id, weight: 100 }] },
                },
            ]);
            assert.ok(rule.dependsOn.includes(`${ownGroup}-api`));
            assert.equal(await valueOf(component.serverGroupIds.api), api.id);
            // The ALB reaches the extra group's backend too.
            assert.ok(
                component.intendedFlows.some(
                    f => f.intent === "allow" && f.port === 8080 && !/^internet/.test(String(f.name)),
                ),
                "a flow from the ALB to the api backend on 8080",
            );
        });

        it("splits a rule's requests by weight between the own group and an extra one", async () => {
            await build(opts =>
                make(
                    {
                        rules: {
                            canary: {
                                priority: 5,
                                paths: ["/"],
                                forward: [
                                    { serverGroup: "default", weight: 90 },
                                    { serverGroup: "api", weight: 10 },
                                ],
                            },
                        },
                    },
                    opts,
                ),
            );
            const tuples = world.named("web-rule-canary").inputs.ruleActions[0].forwardGroupConfig.serverGroupTuples;
            assert.deepEqual(tuples, [
                { serverGroupId: world.named(ownGroup).id, weight: 90 },
                { serverGroupId: world.named(`${ownGroup}-api`).id, weight: 10 },
            ]);
            assert.deepEqual(world.named("web-rule-canary").inputs.ruleConditions, [
                { type: "Path", pathConfig: { values: ["/"] } },
            ]);
        });

        it("creates no server group or rule it was not asked for", async () => {
            await build(opts => make({}, opts, false));
            assert.deepEqual(
                world.ofType("alb/serverGroup:ServerGroup").map(r => r.name),
                [ownGroup],
            );
            assert.equal(world.ofType("alb/rule:Rule").length, 0);
        });

        it("refuses a duplicate priority, the reserved 10000, an unknown group, a rule without a condition", async () => {
            assert.deepEqual(
                await problems({
                    rules: {
                        ra: { priority: 7, hosts: ["a.example.com"], forward: [{ serverGroup: "api" }] },
                        rb: { priority: 7, hosts: ["b.example.com"], forward: [{ serverGroup: "default" }] },
                        rc: { priority: 10000, paths: ["/c"], forward: [{ serverGroup: "apj" }] },
                        rd: { priority: 8, forward: [{ serverGroup: "api" }] },
                        "9lives": { priority: 9, paths: ["/9"], forward: [{ serverGroup: "api" }] },
                    },
                }),
                [
                    [
                        "rules.rc.priority",
                        "priority 10000 is kept for the component's own catch-all rule on the listener.",
                    ],
                    [
                        "rules.rc.forward[0].serverGroup",
                        "server group 'apj' is not 'default' or a key of serverGroups.",
                    ],
                    [
                        "rules.rd",
                        "the rule has no condition; every request would match it, before the listener's default.",
                    ],
                    [
                        "rules.9lives",
                        "rule name '9lives' is not 2 to 128 letters, digits, '.', '_' or '-' starting with a letter.",
                    ],
                    ["rules.rb.priority", "rule priority '7' is used again (first at rules.ra.priority)."],
                ],
            );
        });

        it("refuses hosts and paths the ALB does not take, too many of them, a group twice, weight 0", async () => {
            const lines = await problems({
                rules: {
                    bad: {
                        priority: 1,
                        hosts: ["example", "-a.example.com", "a.example.c0m"],
                        paths: ["api", "/a%20b"],
                        forward: [{ serverGroup: "api" }, { serverGroup: "api" }],
                    },
                },
            });
            assert.deepEqual(
                lines.map(([path]) => path),
                [
                    "rules.bad.hosts[0]",
                    "rules.bad.hosts[1]",
                    "rules.bad.hosts[2]",
                    "rules.bad.paths[0]",
                    "rules.bad.paths[1]",
                    "rules.bad.forward[1].serverGroup",
                ],
            );
            const many = Array.from({ length: 11 }, (_, i) => `/p${i}`);
            assert.deepEqual(
                await problems({ rules: { wide: { priority: 1, paths: many, forward: [{ serverGroup: "api" }] } } }),
                [
                    [
                        "rules.wide",
                        "the rule matches 11 hosts and paths; a rule of a Standard ALB takes at most 10 match conditions.",
                    ],
                ],
            );
            const [[path, message]] = await problems({
                rules: { w: { priority: 1, paths: ["/"], forward: [{ serverGroup: "api", weight: 0 }] } },
            });
            assert.equal(path, "rules.w.forward[0].weight");
            assert.match(message, /1 to 100|1–100|between 1 and 100/);
        });

        it("refuses a server group named default, one without backends, a bad backend at its own path", async () => {
            const lines = await problems(
                {
                    serverGroups: {
                        default: { backends: {} },
                    },
                } as AlbCommonArgs,
                false,
            );
            assert.deepEqual(
                lines.map(([path]) => path),
                ["serverGroups.default", "serverGroups.default.backends"],
            );
            const bad =
                label === "DualStackAlb (S3)"
                    ? { x: { instanceId: "i-x", vSwitch: "vsw2", ipv4Address: "10.9.9.9" } }
                    : { x: { ipv4Address: "10.9.9.9" } };
            const [[path]] = await problems({ serverGroups: { other: { backends: bad } } } as AlbCommonArgs, false);
            assert.equal(path, "serverGroups.other.backends.x.ipv4Address");
        });
    });
}
