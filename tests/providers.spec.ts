/**
 * Components run on the user's providers, and a provider a component creates carries the stack's
 * provider configuration (components/providers.ts).
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../components/sdk/alicloud";
import * as aws from "../components/sdk/aws";
import { isSecretValue } from "../cli/graph";
import { runPlan } from "../cli/plan";
import { readStackConfig } from "../cli/stackConfig";
import { JSON_PROVIDER_KEYS, ProviderPackage, stackProviderArgs } from "../components/providers";
import { AckCluster } from "../components/alicloud/ack";
import { CenTransitNetwork } from "../components/alicloud/cen";
import { CrossRegionAlbBackend } from "../components/alicloud/crossRegionAlb";
import { DualStackAlb } from "../components/alicloud/dualStackAlb";
import { ServiceMesh } from "../components/alicloud/mesh";
import { MultiEipEni } from "../components/alicloud/multiEipEni";
import { RegionalVpc } from "../components/alicloud/vpc";
import { AlbFargateService } from "../components/aws/albFargateService";
import { TwoTierVpc, TwoTierVpcArgs } from "../components/aws/network";
import * as program from "../stacks/program";
import { build, isSecretOutput, RecordedResource, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { seed004Service } from "./support/tutorials";

const STACKS_DIR = path.resolve(__dirname, "..", "stacks");

/** Provider settings a team sets with `pulumi config set`, as the engine hands them over (JSON text for structured values). */
const TEAM_CONFIG: Record<string, string> = {
    "aws:profile": "platform",
    "aws:assumeRoles": JSON.stringify([{ roleArn: "arn:aws:iam::123456789012:role/deployer" }]),
    "aws:defaultTags": JSON.stringify({ tags: { team: "platform" } }),
    "aws:allowedAccountIds": JSON.stringify(["123456789012"]),
    "aws:secretKey": "aws-secret",
    "alicloud:profile": "platform",
    "alicloud:assumeRole": JSON.stringify({ roleArn: "acs:ram::1234567890123456:role/deployer" }),
    "alicloud:accessKey": "LTAI-key",
    "kubernetes:enableServerSideApply": "true",
};

/** What a created provider must carry of {@link TEAM_CONFIG}, by package. */
const CARRIED: Record<ProviderPackage, Record<string, unknown>> = {
    aws: {
        profile: "platform",
        assumeRoles: TEAM_CONFIG["aws:assumeRoles"],
        defaultTags: TEAM_CONFIG["aws:defaultTags"],
        allowedAccountIds: TEAM_CONFIG["aws:allowedAccountIds"],
    },
    alicloud: { profile: "platform", assumeRole: TEAM_CONFIG["alicloud:assumeRole"] },
    kubernetes: { enableServerSideApply: "true" },
};

function withConfig<T>(config: Record<string, string>, secretKeys: string[], run: () => Promise<T>): Promise<T> {
    pulumi.runtime.setAllConfig(config, secretKeys);
    return run().finally(() => pulumi.runtime.setAllConfig({}, []));
}

const hangzhouVpc = () => ({
    region: "cn-hangzhou",
    cidrBlock: "10.0.0.0/16",
    vSwitches: { a: { zoneId: "cn-hangzhou-h", cidrBlock: "10.0.0.0/24" } },
});

const isProvider = (r: RecordedResource) => r.type.startsWith("pulumi:providers:");
const packageOf = (type: string) => type.split(":")[0] as ProviderPackage;

describe("providers", () => {
    it("knows which settings each installed provider class sends as JSON", () => {
        for (const pkg of Object.keys(JSON_PROVIDER_KEYS) as ProviderPackage[]) {
            const source = fs.readFileSync(require.resolve(`@pulumi/${pkg}/provider.js`), "utf8");
            const json = [...source.matchAll(/resourceInputs\["(\w+)"\] = [^\n]*JSON\.stringify/g)]
                .map(m => m[1])
                .sort();
            assert.ok(json.length > 0, pkg);
            assert.deepEqual([...JSON_PROVIDER_KEYS[pkg]].sort(), json, pkg);
        }
    });

    it("every child of every stack runs on a provider that carries the stack's provider settings", async function () {
        this.timeout(20_000);
        const stack = readStackConfig(STACKS_DIR, "dev", "topologies");
        const values = { ...stack.providerConfig.values, ...TEAM_CONFIG };
        const result = await runPlan(program, stack.raw, "dev", { values, secretKeys: ["aws:secretKey"] });
        assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
        const providers = new Map(world.resources.filter(isProvider).map(p => [p.name, p]));
        const byPackage = new Set(
            [...providers.values()].map(p => packageOf(p.type.slice("pulumi:providers:".length))),
        );
        assert.deepEqual([...byPackage].sort(), ["alicloud", "aws", "kubernetes"]);
        for (const p of providers.values()) {
            const pkg = p.type.slice("pulumi:providers:".length) as ProviderPackage;
            for (const [key, value] of Object.entries(CARRIED[pkg]))
                assert.deepEqual(p.inputs[key], value, `${p.name}.${key}`);
        }
        const aws = [...providers.values()].filter(p => p.type === "pulumi:providers:aws");
        // Credentials reach the engine as secrets (the aws class marks its own; the alicloud one does not).
        for (const p of aws)
            assert.ok(isSecretValue(p.inputs.secretKey) && p.inputs.secretKey.value === "aws-secret", p.name);
        const ali = [...providers.values()].filter(p => p.type === "pulumi:providers:alicloud");
        for (const p of ali)
            assert.ok(isSecretValue(p.inputs.accessKey) && p.inputs.accessKey.value === "LTAI-key", p.name);
        for (const r of world.resources.filter(r => r.custom && !isProvider(r))) {
            const provider = providers.get(r.provider ?? "");
            assert.ok(provider, `${r.type} ${r.name} runs on the default provider, which a component must not rely on`);
            assert.equal(provider.type, `pulumi:providers:${packageOf(r.type)}`, r.name);
        }
    });

    it("keeps credentials and settings set with --secret secret, although the alicloud class marks none", async () => {
        pulumi.runtime.setAllConfig(
            {
                "alicloud:accessKey": "LTAI-key",
                "alicloud:profile": "platform",
                "alicloud:securityToken": "sts",
                "alicloud:region": "cn-beijing",
                "alicloud:assumeRole": '{"roleArn":"r"}',
            },
            ["alicloud:profile"],
        );
        try {
            const args = stackProviderArgs("alicloud");
            assert.deepEqual(
                Object.keys(args).sort(),
                ["accessKey", "assumeRole", "profile", "securityToken"],
                "the region is the component's",
            );
            for (const key of ["accessKey", "securityToken", "profile"]) {
                assert.ok(
                    pulumi.Output.isInstance(args[key]) && (await isSecretOutput(args[key] as pulumi.Output<unknown>)),
                    key,
                );
            }
            assert.deepEqual(
                args.assumeRole,
                { roleArn: "r" },
                "structured settings are decoded, for the class to encode again",
            );
        } finally {
            pulumi.runtime.setAllConfig({}, []);
        }
    });

    it("refuses a structured provider setting that is not JSON, naming the key, before registering anything", async () => {
        const error = await withConfig({ "alicloud:maxRetryTimeout": "five" }, [], () =>
            expectRejection(
                "topologies:alicloud:RegionalVpc 'vpc'",
                opts => new RegionalVpc("vpc", hangzhouVpc(), opts),
            ),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["alicloud:maxRetryTimeout"],
        );
        assert.match(error.problems[0].message, /is not JSON, but the alicloud provider takes a number/);
    });

    it("reads the stack's settings only for a provider it makes: AWS components given one in opts ignore them", async () => {
        const unreadable = { "aws:maxRetries": "many" };
        const error = await withConfig(unreadable, [], () =>
            expectRejection(
                "topologies:aws:AlbFargateService 'web'",
                opts => new AlbFargateService("web", seed004Service(), opts),
            ),
        );
        assert.deepEqual(
            error.problems.map(p => p.path),
            ["aws:maxRetries"],
        );
        await withConfig(unreadable, [], () =>
            build(opts => {
                const mine = new aws.Provider("mine", { region: "ap-northeast-1" });
                new TwoTierVpc(
                    "net",
                    { ...(seed004Service().network as TwoTierVpcArgs), region: "ap-northeast-1" },
                    { ...opts, provider: mine },
                );
                return new AlbFargateService("web", seed004Service(), { ...opts, provider: mine });
            }),
        );
        assert.deepEqual(
            world.resources.filter(isProvider).map(p => p.name),
            ["mine"],
        );
    });

    describe("a provider given in opts", () => {
        /** Custom children of `root` (by name prefix), providers excluded. */
        const children = (prefix: string) =>
            world.resources.filter(r => r.custom && !isProvider(r) && r.name.startsWith(prefix));

        it("is not taken from a parent component, whose provider may serve another region", async () => {
            const hangzhou = new alicloud.Provider("hangzhou", { region: "cn-hangzhou" });
            await build(opts => {
                const parent = new pulumi.ComponentResource(
                    "test:index:Parent",
                    "parent",
                    {},
                    { ...opts, providers: { alicloud: hangzhou } },
                );
                return new RegionalVpc(
                    "vpc",
                    {
                        region: "cn-beijing",
                        cidrBlock: "10.0.0.0/16",
                        vSwitches: { a: { zoneId: "cn-beijing-h", cidrBlock: "10.0.0.0/24" } },
                    },
                    { parent },
                );
            });
            assert.equal(world.named("vpc-provider").inputs.region, "cn-beijing");
            for (const r of children("vpc")) assert.equal(r.provider, "vpc-provider", r.name);
        });

        it("wins over the VPC's for a dual-stack ALB, an ENI's EIPs and an AWS VPC", async () => {
            const mine = new alicloud.Provider("mine", { region: "cn-shanghai" });
            await build(opts => {
                const vpc = new RegionalVpc(
                    "vpc",
                    {
                        region: "cn-shanghai",
                        cidrBlock: "10.0.0.0/16",
                        enableIpv6: true,
                        vSwitches: {
                            e: { zoneId: "cn-shanghai-e", cidrBlock: "10.0.1.0/24", ipv6CidrBlockMask: 1 },
                            g: { zoneId: "cn-shanghai-g", cidrBlock: "10.0.2.0/24", ipv6CidrBlockMask: 2 },
                        },
                    },
                    opts,
                );
                new DualStackAlb(
                    "web",
                    {
                        vpc,
                        backends: {
                            a: { instanceId: "i-1", vSwitch: "e", ipv4Address: "10.0.1.10", securityGroup: "sg" },
                        },
                        securityGroups: { sg: "sg-1" },
                    },
                    { ...opts, provider: mine },
                );
                new MultiEipEni(
                    "eips",
                    {
                        instance: {
                            id: "i-1",
                            region: "cn-shanghai",
                            instanceType: "ecs.g7.large",
                            zoneId: "cn-shanghai-e",
                        },
                        vSwitch: { vpc, name: "e" },
                        securityGroupIds: ["sg-1"],
                        publicIpCount: 2,
                    },
                    { ...opts, providers: [mine] },
                );
            });
            for (const prefix of ["web-", "eips-"]) {
                assert.ok(children(prefix).length >= 2, prefix);
                for (const r of children(prefix)) assert.equal(r.provider, "mine", r.name);
            }
            const tokyo = new aws.Provider("tokyo", { region: "ap-northeast-1" });
            await build(
                opts =>
                    new TwoTierVpc(
                        "net",
                        { ...(seed004Service().network as TwoTierVpcArgs), region: "ap-northeast-1" },
                        { ...opts, providers: { aws: tokyo } },
                    ),
            );
            assert.ok(children("net-").length > 10);
            for (const r of children("net-")) assert.equal(r.provider, "tokyo", r.name);
        });

        it("serves a service mesh in one region, and is refused by one in two", async () => {
            const mine = new alicloud.Provider("mine", { region: "cn-hangzhou" });
            const mesh = (region: string) => (opts: pulumi.ComponentResourceOptions) => {
                const meshVpc = new RegionalVpc(
                    "mesh-vpc",
                    {
                        region: "cn-hangzhou",
                        cidrBlock: "192.168.0.0/16",
                        vSwitches: { m: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.0.0/24" } },
                    },
                    opts,
                );
                const zone = region === "cn-hangzhou" ? "cn-hangzhou-h" : "cn-shanghai-e";
                const vpc = new RegionalVpc(
                    "ack-vpc",
                    { region, cidrBlock: "20.0.0.0/16", vSwitches: { n: { zoneId: zone, cidrBlock: "20.0.0.0/20" } } },
                    opts,
                );
                const cluster = new AckCluster(
                    "ack",
                    {
                        vpc,
                        vSwitches: ["n"],
                        podCidr: "10.0.0.0/16",
                        serviceCidr: "172.16.0.0/20",
                        nodePool: { instanceTypes: ["ecs.g7.xlarge"] },
                    },
                    opts,
                );
                return new ServiceMesh(
                    "asm",
                    { vpc: meshVpc, vSwitch: "m", clusters: { ack: cluster } },
                    { ...opts, provider: mine },
                );
            };
            await build(mesh("cn-hangzhou"));
            const own = world.resources.filter(
                r => r.custom && r.type.startsWith("alicloud:") && (r.parent === "asm" || r.parent === "asm-cen"),
            );
            assert.ok(own.length > 5);
            for (const r of own) assert.equal(r.provider, "mine", r.name);
            const error = await expectRejection("topologies:alicloud:ServiceMesh 'asm'", mesh("cn-shanghai"), r =>
                r.name.startsWith("asm"),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["opts.provider"],
            );
        });

        it("is the provider of every child of a single-region component, and none is created", async () => {
            const mine = new alicloud.Provider("mine", { region: "cn-hangzhou" });
            await build(opts => new RegionalVpc("vpc", hangzhouVpc(), { ...opts, providers: { alicloud: mine } }));
            assert.deepEqual(
                world.resources.filter(isProvider).map(p => p.name),
                ["mine"],
            );
            assert.ok(children("vpc").length >= 2);
            for (const r of children("vpc")) assert.equal(r.provider, "mine", r.name);
        });

        it("wins over the VPC's provider for a component that builds on a VPC", async () => {
            const mine = new alicloud.Provider("mine", { region: "cn-hangzhou" });
            await build(opts => {
                const vpc = new RegionalVpc(
                    "vpc",
                    {
                        ...hangzhouVpc(),
                        vSwitches: {
                            a: { zoneId: "cn-hangzhou-h", cidrBlock: "10.0.0.0/24" },
                            b: { zoneId: "cn-hangzhou-i", cidrBlock: "10.0.1.0/24" },
                        },
                    },
                    opts,
                );
                return new AckCluster(
                    "ack",
                    {
                        vpc,
                        vSwitches: ["a", "b"],
                        podCidr: "172.20.0.0/16",
                        serviceCidr: "172.21.0.0/20",
                        nodePool: { instanceTypes: ["ecs.g7.xlarge"] },
                    },
                    { ...opts, provider: mine },
                );
            });
            const own = children("ack").filter(r => r.type.startsWith("alicloud:"));
            assert.ok(own.length >= 2);
            for (const r of own) assert.equal(r.provider, "mine", r.name);
            for (const r of children("vpc")) assert.equal(r.provider, "vpc-provider", r.name);
        });

        it("is the provider of every AWS child, the network's included", async () => {
            const mine = new aws.Provider("mine", { region: "ap-northeast-1" });
            await build(opts => new AlbFargateService("web", seed004Service(), { ...opts, provider: mine }));
            assert.deepEqual(
                world.resources.filter(isProvider).map(p => p.name),
                ["mine"],
            );
            assert.ok(children("web").length > 20);
            for (const r of children("web")) assert.equal(r.provider, "mine", r.name);
            for (const call of world.calls) assert.equal(call.provider, "mine", call.token);
        });

        it("is refused by a component with children in two regions, naming the fix", async () => {
            const mine = new alicloud.Provider("mine", { region: "cn-chengdu" });
            const error = await expectRejection(
                "topologies:alicloud:CrossRegionAlbBackend 'app'",
                opts => {
                    const albVpc = new RegionalVpc(
                        "vpc1",
                        {
                            region: "cn-chengdu",
                            cidrBlock: "172.16.0.0/12",
                            vSwitches: {
                                vsw1: { zoneId: "cn-chengdu-a", cidrBlock: "172.16.0.0/24" },
                                vsw2: { zoneId: "cn-chengdu-b", cidrBlock: "172.16.6.0/24" },
                            },
                        },
                        opts,
                    );
                    const backendVpc = new RegionalVpc(
                        "vpc2",
                        {
                            region: "cn-hangzhou",
                            cidrBlock: "192.168.0.0/16",
                            vSwitches: {
                                vsw4: { zoneId: "cn-hangzhou-i", cidrBlock: "192.168.7.0/24" },
                            },
                        },
                        opts,
                    );
                    return new CrossRegionAlbBackend(
                        "app",
                        { albVpc, backendVpc, backends: { ecs1: { ipv4Address: "192.168.7.10" } } },
                        { ...opts, providers: [mine] },
                    );
                },
                r => r.name.startsWith("app"),
            );
            assert.deepEqual(
                error.problems.map(p => p.path),
                ["opts.provider"],
            );
            assert.match(
                error.problems[0].message,
                /serves one region, but this component has children in cn-chengdu, cn-hangzhou/,
            );
            assert.match(error.problems[0].fix!, /to its RegionalVpc/);
        });

        it("serves a network in one region", async () => {
            const mine = new alicloud.Provider("mine", { region: "cn-hangzhou" });
            await build(opts => {
                const a = new RegionalVpc("a", hangzhouVpc(), opts);
                const b = new RegionalVpc(
                    "b",
                    {
                        ...hangzhouVpc(),
                        cidrBlock: "10.1.0.0/16",
                        vSwitches: { a: { zoneId: "cn-hangzhou-h", cidrBlock: "10.1.0.0/24" } },
                    },
                    opts,
                );
                return new CenTransitNetwork(
                    "cen",
                    { members: { a: { vpc: a }, b: { vpc: b } }, allowMultipleVpcsPerRegion: true },
                    { ...opts, provider: mine },
                );
            });
            for (const r of children("cen")) assert.equal(r.provider, "mine", r.name);
        });
    });

    describe("the AWS region", () => {
        it("defaults to the stack's aws:region, as the default provider's would", async () => {
            const { region: _region, ...args } = seed004Service();
            const web = await withConfig({ "aws:region": "ap-northeast-1" }, [], () =>
                build(opts => new AlbFargateService("web", args, opts)),
            );
            assert.equal(web.region, "ap-northeast-1");
            assert.equal(world.named("web-provider").inputs.region, "ap-northeast-1");
        });

        it("is required when the stack sets none, before anything is registered", async () => {
            const { region: _region, ...args } = seed004Service();
            const saved = [process.env.AWS_REGION, process.env.AWS_DEFAULT_REGION];
            delete process.env.AWS_REGION;
            delete process.env.AWS_DEFAULT_REGION;
            try {
                const error = await expectRejection(
                    "topologies:aws:AlbFargateService 'web'",
                    opts => new AlbFargateService("web", args, opts),
                );
                assert.deepEqual(
                    error.problems.map(p => p.path),
                    ["region"],
                );
                assert.match(error.problems[0].fix!, /pulumi config set aws:region/);
            } finally {
                if (saved[0] !== undefined) process.env.AWS_REGION = saved[0];
                if (saved[1] !== undefined) process.env.AWS_DEFAULT_REGION = saved[1];
            }
        });
    });
});

describe("what a program of one cloud loads", function () {
    this.timeout(30_000);

    /** The provider SDKs loaded by requiring `module` (a components/ path) in a fresh process. */
    /** The SDKs loaded once `module` is required and `touch` (an expression on it, `m`) evaluated. */
    async function sdksLoadedBy(module: string, touch = ""): Promise<string[]> {
        const script =
            `const m = require(${JSON.stringify(path.join(__dirname, "..", module))});${touch};` +
            "const sdks = new Set(Object.keys(require.cache).map(k => (k.match(/node_modules\\/(@pulumi\\/[a-z]+)\\//) || [])[1]).filter(Boolean));" +
            "process.stdout.write(JSON.stringify([...sdks].sort()));";
        const { stdout } = await promisify(execFile)(process.execPath, ["-r", "./cli/register.js", "-e", script], {
            cwd: path.join(__dirname, ".."),
            encoding: "utf8",
        });
        return JSON.parse(stdout);
    }

    it("loads only the SDKs of the clouds it uses: providers are made from SDKs loaded on demand", async () => {
        // The two subpaths, side by side. @pulumi/aws alone is some 300 modules: an Alibaba
        // program does not pay for it; the S4 components need Kubernetes, the AWS ones do not.
        const [alibaba, amazon] = await Promise.all([
            sdksLoadedBy("components/alicloud"),
            sdksLoadedBy("components/aws"),
        ]);
        assert.deepEqual(alibaba, ["@pulumi/alicloud", "@pulumi/kubernetes", "@pulumi/pulumi"]);
        assert.deepEqual(amazon, ["@pulumi/aws", "@pulumi/pulumi"]);
    });

    it("loads a cloud's namespace from the package root on first use, with the members index.ts declares", async () => {
        const [untouched, alibaba, amazon] = await Promise.all([
            sdksLoadedBy("components/root", "m.net.parseCidr; m.TopologyValidationError"),
            sdksLoadedBy("components/root", "m.alicloud.RegionalVpc"),
            sdksLoadedBy("components/root", "m.aws.AlbFargateService"),
        ]);
        assert.deepEqual(untouched, [], "the root's own members load no SDK");
        assert.deepEqual(alibaba, ["@pulumi/alicloud", "@pulumi/kubernetes", "@pulumi/pulumi"]);
        assert.deepEqual(amazon, ["@pulumi/aws", "@pulumi/pulumi"]);
        // The runtime root and the typed one (index.ts, whose declarations the package ships) agree.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module as package.json's main loads it
        const root = require("../components/root");
        const index = await import("../components/index");
        const members = (m: object) =>
            Object.keys(m)
                .filter(k => k !== "__esModule" && k !== "default")
                .sort();
        assert.deepEqual(members(root), members(index));
        for (const name of members(index))
            assert.equal(root[name], (index as Record<string, unknown>)[name], `root.${name} is index.ts's`);
        assert.equal(root.alicloud, await import("../components/alicloud"));
    });
});
