/**
 * Running the Alibaba Cloud ALBs (S1, S3) in production, one implementation for both
 * (albCommon/operations.ts): an ACL on the listeners, access logs to Log Service (existing or
 * created, with a random project suffix), modification protection, each bad input refused at
 * its path.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AlbCommonArgs } from "../components/alicloud/albCommon";
import { flowTo } from "../components/flows";
import { verifyFlows } from "../cli/flows";
import { accessLogProjectName } from "../components/alicloud/albCommon/operations";
import { ALB_CASES } from "./support/albCases";
import { build, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { lateRejection } from "./support/lateRejection";

const HTTPS = { protocol: "HTTPS", certificateId: "12345678-cn-shanghai" } as const;

for (const [label, { make, type }] of Object.entries(ALB_CASES)) {
    describe(`${label}: ACL, access logs and modification protection`, () => {
        const problems = async (common: AlbCommonArgs) =>
            (
                await expectRejection(
                    type,
                    opts => make(common, opts, false),
                    r => !/^vpc\d/.test(r.name),
                )
            ).problems.map(p => [p.path, p.message]);

        it("attaches an allow list to the HTTPS listener and the HTTP redirect, after its entries", async () => {
            await build(opts =>
                make(
                    { listener: HTTPS, acl: { mode: "allow", entries: ["203.0.113.0/24", "2001:db8::/32"] } },
                    opts,
                    false,
                ),
            );
            const acl = world.named("web-acl");
            assert.equal(acl.type, "alicloud:alb/acl:Acl");
            assert.equal(acl.inputs.aclName, "web-acl");
            const entries = world.ofType("alb/aclEntryAttachment:AclEntryAttachment");
            assert.deepEqual(
                entries.map(e => [e.name, e.inputs.aclId, e.inputs.entries]),
                [
                    ["web-acl-203-0-113-0-24", acl.id, [{ entry: "203.0.113.0/24" }]],
                    ["web-acl-2001-db8-32", acl.id, [{ entry: "2001:db8::/32" }]],
                ],
            );
            const attachments = world.ofType("alb/listenerAclAttachment:ListenerAclAttachment");
            assert.deepEqual(
                attachments.map(a => [a.name, a.inputs.aclType, a.inputs.listenerId, a.inputs.aclId]),
                [
                    ["web-listener-acl", "White", world.named("web-listener").id, acl.id],
                    ["web-http-redirect-acl", "White", world.named("web-http-redirect").id, acl.id],
                ],
            );
            for (const a of attachments) assert.deepEqual([...a.dependsOn].sort(), entries.map(e => e.name).sort());
        });

        it("declares the clients' flows as the list admits them, and the verifier walks them through its entries", async () => {
            const component = await build(opts =>
                make({ acl: { mode: "allow", entries: ["203.0.113.0/24"] } }, opts, false),
            );
            const results = await verifyFlows(world);
            const clients = results
                .filter(r => /→ ALB :80/.test(String(r.name)))
                .map(r => [String(r.name).replace(/ over IPv\d$/, ""), r.intent, r.ok, r.reached]);
            // The allowed block gets through, the rest of the internet is stopped by the list.
            assert.deepEqual(clients.filter(([name]) => String(name).startsWith("203.")).slice(0, 1), [
                ["203.0.113.0/24 → ALB :80", "allow", true, true],
            ]);
            const refused = results.filter(r => String(r.name).startsWith("internet → ALB :80"));
            assert.ok(refused.length > 0);
            for (const r of refused) {
                assert.deepEqual([r.intent, r.ok, r.reached], ["deny", true, false]);
                assert.equal(r.break?.hop.kind, "acl");
                assert.equal(r.break?.hop.resource, "web-listener-acl");
            }
            // A flow claiming the internet gets through is broken by the list, at its attachment.
            const alb = component.intendedFlows.find(f => f.to.kind === "loadBalancer")!.to;
            const claimed = await verifyFlows(world, [
                {
                    name: "everyone",
                    from: flowTo.internet(),
                    to: alb,
                    protocol: "tcp",
                    port: 80,
                    intent: "allow",
                },
            ]);
            const claim = claimed.find(r => r.name === "everyone")!;
            assert.deepEqual([claim.ok, claim.break?.hop.resource], [false, "web-listener-acl"]);
            assert.match(claim.break!.hop.detail, /0\.0\.0\.0\/0 is not inside an entry of the allow list/);

            // A deny list: the internet gets through, its blocks do not.
            await build(opts => make({ acl: { mode: "deny", entries: ["198.51.100.7/32"] } }, opts, false));
            const denied = await verifyFlows(world);
            const byName = new Map(denied.map(r => [String(r.name).replace(/ over IPv\d$/, ""), r]));
            assert.deepEqual(
                [byName.get("internet → ALB :80")?.reached, byName.get("198.51.100.7/32 → ALB :80")?.reached],
                [true, false],
            );
            assert.ok(
                denied.every(r => r.ok),
                JSON.stringify(denied.filter(r => !r.ok).map(r => r.name)),
            );
        });

        it("takes a deny list on an HTTP listener", async () => {
            await build(opts => make({ acl: { mode: "deny", entries: ["198.51.100.7/32"] } }, opts, false));
            assert.deepEqual(
                world.ofType("alb/listenerAclAttachment:ListenerAclAttachment").map(a => [a.name, a.inputs.aclType]),
                [["web-listener-acl", "Black"]],
            );
        });

        it("refuses an ACL entry that is no CIDR block, a repeated one, none at all, too many", async () => {
            assert.deepEqual(
                await problems({
                    acl: { mode: "allow", entries: ["10.0.0.1", "10.0.0.1/24", "10.0.0.0/24", "10.0.0.0/24"] },
                }),
                [
                    ["acl.entries[0]", "'10.0.0.1' has no prefix length; write it as a block such as 192.168.0.0/24."],
                    ["acl.entries[1]", "'10.0.0.1/24' has host bits set; did you mean 10.0.0.0/24?"],
                    ["acl.entries[3]", "ACL entry '10.0.0.0/24' is used again (first at acl.entries[2])."],
                ],
            );
            assert.deepEqual(await problems({ acl: { mode: "deny", entries: [] } }), [
                ["acl.entries", "the ACL has no entry."],
            ]);
            const many = Array.from({ length: 301 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
            const [[path, message]] = await problems({ edition: "Basic", acl: { mode: "deny", entries: many } });
            assert.deepEqual([path, message.split(";")[0]], ["acl.entries", "the ACL has 301 entries"]);
            assert.match(message, /at most 300/);
            const [[, https]] = await problems({
                listener: HTTPS,
                acl: { mode: "deny", entries: Array.from({ length: 401 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`) },
            });
            assert.match(https, /on 2 listener\(s\) of a Standard ALB it may have at most 400/);
            assert.deepEqual(await problems({ acl: { mode: "allow", entries: ["10.0.0.0/8"], aclName: "my.acl" } }), [
                [
                    "acl.aclName",
                    "ACL name 'my.acl' is not 2 to 128 letters, digits, '-' or '_' starting with a letter.",
                ],
            ]);
        });

        it("sends the access logs to an existing project and logstore", async () => {
            await build(opts => make({ accessLog: { project: "web-logs", logstore: "alb_access" } }, opts, false));
            assert.deepEqual(world.named("web-alb").inputs.accessLogConfig, {
                logProject: "web-logs",
                logStore: "alb_access",
            });
            assert.equal(world.ofType("log/project:Project").length, 0);
        });

        it("creates a project with a random suffix and a logstore, and logs there", async () => {
            await build(opts => make({ accessLog: { create: true, retentionDays: 180 } }, opts, false));
            const suffix = world.named("web-logs-suffix");
            assert.equal(suffix.type, "random:index/randomString:RandomString");
            assert.deepEqual([suffix.inputs.length, suffix.inputs.special, suffix.inputs.upper], [8, false, false]);
            const project = world.named("web-logs");
            assert.match(project.inputs.projectName, /^web-alb-logs-[a-z0-9]{8}$/);
            const store = world.named("web-logstore");
            assert.deepEqual(
                [store.inputs.projectName, store.inputs.logstoreName, store.inputs.retentionPeriod],
                [project.inputs.projectName, "alb-access-log", 180],
            );
            assert.deepEqual(world.named("web-alb").inputs.accessLogConfig, {
                logProject: project.inputs.projectName,
                logStore: "alb-access-log",
            });
        });

        it("refuses a bad logstore or project name, a project with create, names missing without it", async () => {
            assert.deepEqual(await problems({ accessLog: { project: "Web_Logs", logstore: "-store" } }), [
                [
                    "accessLog.logstore",
                    "\"-store\": is not a logstore name: 3 to 63 lower-case letters, digits, '-' and '_', starting and ending with a letter or digit.",
                ],
                [
                    "accessLog.project",
                    "\"Web_Logs\": is not a Log Service project name: 3 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit.",
                ],
            ]);
            assert.deepEqual(
                (await problems({ accessLog: { create: true, project: "mine", logstore: "ab" } })).map(([p]) => p),
                ["accessLog.logstore", "accessLog.project"],
            );
            assert.deepEqual(
                (await problems({ accessLog: { logstore: "alb", retentionDays: 7 } })).map(([p]) => p),
                ["accessLog.project", "accessLog.retentionDays"],
            );
        });

        it("checks a logstore name given as an Output when it resolves, before the ALB is created", async () => {
            const { error, registered } = await lateRejection(opts =>
                make({ accessLog: { project: "web-logs", logstore: pulumi.output("Bad Store") } }, opts, false),
            );
            assert.equal(error.component, type);
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["accessLog.logstore"],
            );
            assert.deepEqual(
                registered.filter(r => r.type.endsWith("LoadBalancer") && r.id !== ""),
                [],
                "the ALB is not created",
            );
        });

        it("sends modification protection always, with its reason when on", async () => {
            await build(opts => make({}, opts, false));
            assert.deepEqual(world.named("web-alb").inputs.modificationProtectionConfig, { status: "NonProtection" });
            await build(opts =>
                make(
                    { modificationProtection: { status: "ConsoleProtection", reason: "managed-by-pulumi" } },
                    opts,
                    false,
                ),
            );
            assert.deepEqual(world.named("web-alb").inputs.modificationProtectionConfig, {
                status: "ConsoleProtection",
                reason: "managed-by-pulumi",
            });
        });

        it("refuses a reason without protection, or one the API does not take", async () => {
            assert.deepEqual(await problems({ modificationProtection: { status: "NonProtection", reason: "x1" } }), [
                [
                    "modificationProtection.reason",
                    "a reason is taken only with status ConsoleProtection; with NonProtection the API clears it.",
                ],
            ]);
            const [[path]] = await problems({
                modificationProtection: { status: "ConsoleProtection", reason: "1 bad" },
            });
            assert.equal(path, "modificationProtection.reason");
        });
    });
}

describe("DualStackAlb (S3): an allow list of IPv4 blocks only", () => {
    const { make } = ALB_CASES["DualStackAlb (S3)"];
    it("warns that the dual-stack ALB then refuses every IPv6 client, and is quiet once an IPv6 block is listed", async () => {
        await build(opts =>
            make({ listener: HTTPS, acl: { mode: "allow", entries: ["203.0.113.0/24"] } }, opts, false),
        );
        assert.deepEqual(
            world.warnings.map(w => w.message),
            [
                "acl allows IPv4 blocks only (203.0.113.0/24), so the dual-stack ALB refuses every IPv6 client; add your IPv6 blocks to acl.entries if IPv6 clients should reach it.",
            ],
        );
        await build(opts =>
            make(
                { listener: HTTPS, acl: { mode: "allow", entries: ["203.0.113.0/24", "2001:db8::/32"] } },
                opts,
                false,
            ),
        );
        assert.deepEqual(world.warnings, []);
        // A deny list of IPv4 blocks refuses no IPv6 client.
        await build(opts => make({ listener: HTTPS, acl: { mode: "deny", entries: ["203.0.113.0/24"] } }, opts, false));
        assert.deepEqual(world.warnings, []);
    });
});

describe("accessLogProjectName", () => {
    it("lower-cases the component name into the project's characters and keeps 63 characters", () => {
        assert.equal(accessLogProjectName("Web_Front", "abcd1234"), "web-front-alb-logs-abcd1234");
        const long = accessLogProjectName("x".repeat(80), "abcd1234");
        assert.equal(long.length, 63);
        assert.match(long, /^x+-alb-logs-abcd1234$/);
        assert.equal(accessLogProjectName("__", "abcd1234"), "alb-alb-logs-abcd1234");
    });
});

for (const [label, { make, type }] of Object.entries(ALB_CASES)) {
    describe(`${label}: the operations inputs from untyped callers`, () => {
        it("get shape errors at their paths, never a TypeError", async () => {
            const untyped = {
                rules: { api: { priority: "10", hosts: "api.example.com", forward: { serverGroup: "api" } } },
                acl: { mode: "white", entries: "10.0.0.0/8" },
                accessLog: { create: "yes", retentionDays: 0 },
                modificationProtection: { status: "on" },
                serverGroups: { api: { backends: [] } },
            } as unknown as AlbCommonArgs;
            const error = await expectRejection(
                type,
                opts => make(untyped, opts, false),
                r => !/^vpc\d/.test(r.name),
            );
            assert.deepEqual(error.problems.map(p => p.path).sort(), [
                "accessLog.create",
                "accessLog.retentionDays",
                "acl.entries",
                "acl.mode",
                "modificationProtection.status",
                "rules.api.forward",
                "rules.api.hosts",
                "rules.api.priority",
                "serverGroups.api.backends",
            ]);
        });
    });
}
