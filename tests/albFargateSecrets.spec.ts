import * as assert from "node:assert/strict";
import { AlbFargateService, AlbFargateServiceArgs, ContainerSecretArgs } from "../components/aws/albFargateService";
import { TwoTierVpc } from "../components/aws/network";
import { build, world } from "./mocks";
import { expectRejection } from "./mocks/rejection";
import { seed004Network, seed004Service } from "./support/tutorials";

const PARAM = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/web/db-host";
const SECRET = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:web/db-AbCdEf";
const KEY = "arn:aws:kms:ap-northeast-1:123456789012:key/0f0e0d0c-0b0a-0908-0706-050403020100";

/** The seed 004 service (VPC endpoints egress) with container secrets and `more` container fields. */
const withSecrets = (
    secrets: Record<string, ContainerSecretArgs>,
    more: Record<string, unknown> = {},
    service: Partial<AlbFargateServiceArgs> = {},
): AlbFargateServiceArgs => {
    const args = seed004Service();
    return { ...args, ...service, container: { ...args.container, secrets, ...more } };
};

/** The `path: message` lines of a refused build. */
async function refusal(args: AlbFargateServiceArgs): Promise<string[]> {
    const error = await expectRejection(
        "topologies:aws:AlbFargateService 'bad'",
        opts => new AlbFargateService("bad", args, opts),
    );
    return error.problems.map(p => `${p.path}: ${p.message}`);
}

const endpointServices = () =>
    world
        .ofType("aws:ec2/vpcEndpoint:VpcEndpoint")
        .map(e => String(e.inputs.serviceName).replace("com.amazonaws.ap-northeast-1.", ""))
        .sort();
const containerOf = (name: string) => JSON.parse(world.named(`${name}-task`).inputs.containerDefinitions)[0];
const executionStatements = (name: string) =>
    JSON.parse(world.named(`${name}-execution-policy`).inputs.policy).Statement as { Sid: string }[];

describe("AlbFargateService: container secrets", () => {
    it("gives the container its secrets as ARNs, with a JSON key and version in ECS's valueFrom form", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withSecrets({
                        DB_HOST: { ssmParameterArn: PARAM },
                        DB_PASSWORD: { secretArn: SECRET, jsonKey: "password" },
                        DB_OLD: { secretArn: SECRET, versionStage: "AWSPREVIOUS" },
                        DB_PINNED: {
                            secretArn: SECRET,
                            jsonKey: "user",
                            versionId: "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE",
                        },
                        DB_WHOLE: { secretArn: SECRET },
                    }),
                    opts,
                ),
        );
        assert.deepEqual(containerOf("s5").secrets, [
            { name: "DB_HOST", valueFrom: PARAM },
            { name: "DB_PASSWORD", valueFrom: `${SECRET}:password::` },
            { name: "DB_OLD", valueFrom: `${SECRET}::AWSPREVIOUS:` },
            { name: "DB_PINNED", valueFrom: `${SECRET}:user::EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE` },
            { name: "DB_WHOLE", valueFrom: SECRET },
        ]);
    });

    it("lets the execution role (not the task role) read exactly the given ARNs, and decrypt with the key", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withSecrets(
                        {
                            DB_HOST: { ssmParameterArn: PARAM },
                            DB_PASSWORD: { secretArn: SECRET, jsonKey: "password" },
                            DB_USER: { secretArn: SECRET, jsonKey: "user" },
                        },
                        { secretsKmsKeyArn: KEY },
                    ),
                    opts,
                ),
        );
        const statements = executionStatements("s5");
        assert.deepEqual(
            statements.map(s => s.Sid),
            ["EcrLogin", "EcrPull", "Logs", "SsmParameters", "Secrets", "SecretsKey"],
        );
        assert.deepEqual(statements.slice(3), [
            { Sid: "SsmParameters", Effect: "Allow", Action: "ssm:GetParameters", Resource: [PARAM] },
            // One secret read for two keys: the ARN once, without the key.
            { Sid: "Secrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [SECRET] },
            { Sid: "SecretsKey", Effect: "Allow", Action: "kms:Decrypt", Resource: KEY },
        ]);
        const taskRole = world.named("s5-task-role").id;
        assert.equal(world.ofType("iam/rolePolicy:RolePolicy").filter(p => p.inputs.role === taskRole).length, 0);
    });

    it("adds no secrets, statements or endpoints without secrets", async () => {
        await build(opts => new AlbFargateService("s5", seed004Service(), opts));
        assert.equal(containerOf("s5").secrets, undefined);
        assert.deepEqual(
            executionStatements("s5").map(s => s.Sid),
            ["EcrLogin", "EcrPull", "Logs"],
        );
        assert.deepEqual(endpointServices(), ["ecr.api", "ecr.dkr", "logs", "s3"]);
    });

    it("adds the ssm, secretsmanager and kms endpoints the secrets need to the VPC it creates, only those", async () => {
        await build(opts => new AlbFargateService("s5", withSecrets({ A: { ssmParameterArn: PARAM } }), opts));
        assert.deepEqual(endpointServices(), ["ecr.api", "ecr.dkr", "logs", "s3", "ssm"]);

        await build(opts => new AlbFargateService("s5", withSecrets({ A: { secretArn: SECRET } }), opts));
        assert.deepEqual(endpointServices(), ["ecr.api", "ecr.dkr", "logs", "s3", "secretsmanager"]);

        await build(
            opts =>
                new AlbFargateService("s5", withSecrets({ A: { secretArn: SECRET } }, { secretsKmsKeyArn: KEY }), opts),
        );
        assert.deepEqual(endpointServices(), ["ecr.api", "ecr.dkr", "kms", "logs", "s3", "secretsmanager"]);
        // Like ECR's: in the private subnets (one per AZ), behind the endpoints' group, which admits
        // HTTPS from the VPC block, where the tasks' HTTPS egress goes.
        const ecr = world.named("s5-network-ecr-api");
        for (const name of ["s5-network-secretsmanager", "s5-network-kms"]) {
            const e = world.named(name);
            assert.equal(e.inputs.vpcEndpointType, "Interface");
            assert.equal(e.inputs.privateDnsEnabled, true);
            assert.deepEqual(e.inputs.subnetIds, ecr.inputs.subnetIds);
            assert.deepEqual(e.inputs.securityGroupIds, [world.named("s5-network-endpoints-sg").id]);
            assert.equal(e.parent, "s5-network");
            assert.equal(e.provider, ecr.provider);
        }
        assert.equal(world.named("s5-task-https-endpoints").inputs.cidrIpv4, "10.1.0.0/16");
        // The services wait for them, as for the other endpoints.
        const web = world.named("s5-web");
        assert.ok(web.dependsOn.includes("s5-network-secretsmanager"), JSON.stringify(web.dependsOn));
    });

    it("adds no endpoint through a NAT gateway", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withSecrets(
                        { A: { secretArn: SECRET } },
                        {},
                        { network: { ...seed004Network(), egress: "natGateway" } },
                    ),
                    opts,
                ),
        );
        assert.deepEqual(endpointServices(), []);
    });

    it("requires the endpoints of a TwoTierVpc it is given, and uses them when it has them", async () => {
        const { region: _region, ...service } = withSecrets({ A: { secretArn: SECRET } }, { secretsKmsKeyArn: KEY });
        const vpcArgs = { ...seed004Network(), region: "ap-northeast-1" };
        const error = await expectRejection(
            "topologies:aws:AlbFargateService 'bad'",
            opts => {
                const network = new TwoTierVpc("shared", vpcArgs, opts);
                return new AlbFargateService("bad", { ...service, network }, opts);
            },
            r => r.name.startsWith("bad"),
        );
        assert.deepEqual(
            error.problems.map(p => [p.path, p.message, p.fix]),
            [
                [
                    "network",
                    "the tasks reach secretsmanager (container secrets), kms (container secrets) through VPC " +
                        "endpoints, which the TwoTierVpc given has not, and its private subnets have no other way out.",
                    'Create the VPC with interfaceEndpoints: ["secretsmanager", "kms"].',
                ],
            ],
        );
        await build(opts => {
            const network = new TwoTierVpc(
                "shared",
                { ...vpcArgs, interfaceEndpoints: ["kms", "secretsmanager"] },
                opts,
            );
            return new AlbFargateService("s5", { ...service, network }, opts);
        });
        assert.deepEqual(endpointServices(), ["ecr.api", "ecr.dkr", "kms", "logs", "s3", "secretsmanager"]);
        assert.equal(world.resources.filter(r => r.name.startsWith("s5-network")).length, 0);
    });

    it("refuses further endpoints a VPC would not create, and one listed twice", async () => {
        const refused = async (egress: "natGateway" | "vpcEndpoints", interfaceEndpoints: string[]) =>
            (
                await expectRejection("topologies:aws:TwoTierVpc 'v'", opts => {
                    return new TwoTierVpc(
                        "v",
                        { ...seed004Network(), region: "ap-northeast-1", egress, interfaceEndpoints },
                        opts,
                    );
                })
            ).problems.map(p => `${p.path}: ${p.message}`);
        assert.deepEqual(await refused("natGateway", ["ssm", "ssm"]), [
            "interfaceEndpoints: interface endpoints are created only with egress 'vpcEndpoints'; egress is 'natGateway'.",
        ]);
        assert.deepEqual(await refused("vpcEndpoints", ["ssm", "kms", "ssm"]), [
            "interfaceEndpoints[2]: 'ssm' is listed twice.",
        ]);
    });
});

describe("AlbFargateService: container secret checks", () => {
    it("refuses a name that is no variable, or is in environment too", async () => {
        assert.deepEqual(
            await refusal(
                withSecrets(
                    { "DB-HOST": { ssmParameterArn: PARAM }, TOKEN: { secretArn: SECRET } },
                    { environment: { TOKEN: "plain" } },
                ),
            ),
            [
                "container.secrets.DB-HOST: 'DB-HOST' is not a portable environment variable name.",
                "container.secrets.TOKEN: 'TOKEN' is set in environment too, so the container would get two values for it.",
            ],
        );
    });

    it("takes exactly one source, and the secret options only with a Secrets Manager secret", async () => {
        assert.deepEqual(
            await refusal(
                withSecrets({
                    NONE: {},
                    BOTH: { ssmParameterArn: PARAM, secretArn: SECRET },
                    SSM: { ssmParameterArn: PARAM, jsonKey: "k", versionId: "v" },
                    TWO_VERSIONS: { secretArn: SECRET, versionStage: "AWSCURRENT", versionId: "v1" },
                    EMPTY_KEY: { secretArn: SECRET, jsonKey: "" },
                    COLON: { secretArn: SECRET, versionStage: "a:b" },
                }),
            ),
            [
                "container.secrets.NONE: a secret comes from exactly one of ssmParameterArn and secretArn; got neither.",
                "container.secrets.BOTH: a secret comes from exactly one of ssmParameterArn and secretArn; got both.",
                "container.secrets.SSM.jsonKey: jsonKey selects part of a Secrets Manager secret; an SSM parameter has none.",
                "container.secrets.SSM.versionId: versionId selects part of a Secrets Manager secret; an SSM parameter has none.",
                "container.secrets.TWO_VERSIONS.versionId: a version is chosen by versionStage or by versionId, not both.",
                'container.secrets.EMPTY_KEY.jsonKey: "" is not a jsonKey: it must be non-empty, without colons or blanks.',
                'container.secrets.COLON.versionStage: "a:b" is not a versionStage: it must be non-empty, without colons or blanks.',
            ],
        );
    });

    it("refuses ARNs of the wrong service or form: partial secret ARNs, valueFrom strings, key aliases", async () => {
        const problems = await refusal(
            withSecrets(
                {
                    A: { ssmParameterArn: SECRET },
                    B: { secretArn: PARAM },
                    C: { secretArn: "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:web/db" },
                    D: { secretArn: `${SECRET}:password::` },
                    E: { ssmParameterArn: "" },
                    F: { ssmParameterArn: "/web/db-host" },
                },
                { secretsKmsKeyArn: "arn:aws:kms:ap-northeast-1:123456789012:alias/web" },
            ),
        );
        assert.deepEqual(
            problems.map(p => p.replace(/ ".*(\.\.\.|") /, " <arn> ")),
            [
                "container.secrets.A.ssmParameterArn: <arn> is not an SSM parameter ARN.",
                "container.secrets.B.secretArn: <arn> is not a full Secrets Manager secret ARN.",
                "container.secrets.C.secretArn: <arn> is not a full Secrets Manager secret ARN.",
                "container.secrets.D.secretArn: <arn> carries more than the secret's ARN (a JSON key or version?).",
                "container.secrets.E.ssmParameterArn: <arn> is not an SSM parameter ARN.",
                "container.secrets.F.ssmParameterArn: <arn> is not an SSM parameter ARN.",
                "container.secretsKmsKeyArn: <arn> is not a KMS key ARN.",
            ],
        );
    });

    it("refuses secrets and keys of another region with endpoints only, and takes them through NAT", async () => {
        const other = {
            A: { ssmParameterArn: PARAM.replace("ap-northeast-1", "us-east-1") },
            B: { secretArn: SECRET.replace("ap-northeast-1", "us-east-1") },
        };
        const otherKey = KEY.replace("ap-northeast-1", "us-east-1");
        const problems = await refusal(withSecrets(other, { secretsKmsKeyArn: otherKey }));
        assert.deepEqual(
            problems.map(p => p.split(":")[0]),
            ["container.secrets.A.ssmParameterArn", "container.secrets.B.secretArn", "container.secretsKmsKeyArn"],
        );
        assert.match(
            problems[1],
            /is in us-east-1, but the VPC endpoints reach Secrets Manager of ap-northeast-1 only/,
        );
        // Through a NAT gateway ECS reads a full ARN of any region (ECS: "Specifying sensitive data").
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    withSecrets(
                        other,
                        { secretsKmsKeyArn: otherKey },
                        { network: { ...seed004Network(), egress: "natGateway" } },
                    ),
                    opts,
                ),
        );
        assert.equal(containerOf("s5").secrets.length, 2);
    });

    it("refuses a key with no secrets to decrypt", async () => {
        assert.deepEqual(await refusal(withSecrets({}, { secretsKmsKeyArn: KEY })), [
            "container.secretsKmsKeyArn: a key is given, but there are no secrets for it to decrypt.",
        ]);
    });

    it("gives untyped callers problems, never a TypeError", async () => {
        const problems = await refusal(
            withSecrets({ A: null, B: { secretArn: 42 }, C: { arn: PARAM } } as never, { secretsKmsKeyArn: false }),
        );
        assert.deepEqual(
            problems.map(p => p.split(":")[0]),
            [
                "container.secrets.A",
                "container.secrets.B.secretArn",
                "container.secrets.C.arn",
                "container.secretsKmsKeyArn",
            ],
        );
        assert.deepEqual(
            (await refusal(withSecrets("DB=arn" as never))).map(p => p.split(":")[0]),
            ["container.secrets"],
        );
    });
});
