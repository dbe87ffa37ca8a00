/**
 * Which provider a component's children run on, and what a provider the component creates
 * carries. The rule (README.md, "Providers and credentials"), in order:
 * 1. the provider given in the component's args (`provider`);
 * 2. the provider of the package passed directly in the component's `opts.provider` /
 *    `opts.providers` ({@link userProvider});
 * 3. for components that build on a VPC, the VPC's provider;
 * 4. otherwise a new provider for the component's region that carries the stack's
 *    `<package>:*` configuration.
 *
 * The last step is needed because an explicit provider reads no stack configuration: "explicit
 * providers ... do not inherit configuration from the stack" (Pulumi docs, Providers: "Explicit
 * provider configuration"). Without it, `pulumi config set aws:profile …`, an assumed role,
 * default tags or an account guard would silently not apply to anything a component creates.
 */
import * as pulumi from "@pulumi/pulumi";
// Types only: each SDK's provider module is loaded when a provider of it is made (providerClass),
// so a program of one cloud does not load the others'. The modules, not the package roots,
// which load every service of the SDK (components/sdk/aws.ts).
import type * as alicloud from "@pulumi/alicloud/provider";
import type * as aws from "@pulumi/aws/provider";
import type * as kubernetes from "@pulumi/kubernetes/provider";
import { Problems } from "./errors";

/** The provider packages components create providers of, whose stack settings they carry. */
export const PROVIDER_PACKAGES = ["aws", "alicloud", "kubernetes"] as const;
export type ProviderPackage = (typeof PROVIDER_PACKAGES)[number];

/**
 * Keys of each package's `ProviderArgs` that are not strings. The generated `Provider` class
 * sends them as JSON text (`pulumi.output(args.x).apply(JSON.stringify)` in the package's
 * provider.js), the form the stack config already holds them in; every other key is a string and
 * passes as written. tests/providers.spec.ts checks this table against the installed packages.
 */
export const JSON_PROVIDER_KEYS: Readonly<Record<ProviderPackage, ReadonlySet<string>>> = {
    aws: new Set([
        "allowedAccountIds",
        "assumeRoleWithWebIdentity",
        "assumeRoles",
        "defaultTags",
        "endpoints",
        "forbiddenAccountIds",
        "ignoreTags",
        "insecure",
        "maxRetries",
        "s3UsePathStyle",
        "sharedConfigFiles",
        "sharedCredentialsFiles",
        "skipCredentialsValidation",
        "skipMetadataApiCheck",
        "skipRegionValidation",
        "skipRequestingAccountId",
        "tokenBucketRateLimiterCapacity",
        "useDualstackEndpoint",
        "useFipsEndpoint",
        "userAgents",
    ]),
    alicloud: new Set([
        "assumeRole",
        "assumeRoleWithOidc",
        "clientConnectTimeout",
        "clientReadTimeout",
        "endpoints",
        "features",
        "maxRetryTimeout",
        "signVersion",
        "skipRegionValidation",
    ]),
    kubernetes: new Set([
        "alwaysRender",
        "deleteUnreachable",
        "enableConfigMapMutable",
        "enablePatchForce",
        "enableSecretMutable",
        "enableServerSideApply",
        "helmReleaseSettings",
        "kubeClientSettings",
        "skipUpdateUnreachable",
        "suppressDeprecationWarnings",
        "suppressHelmHookWarnings",
        "upsertExistingObjects",
    ]),
};

/**
 * Credential keys kept secret even when set without `--secret`. (The aws class marks its three
 * secret itself; the alicloud class marks none, so without this an access key set in plain
 * config would land in the state in clear text.) The web-identity and OIDC role settings carry
 * a token (`webIdentityToken`, `oidcToken`), so they are secret whole.
 */
const CREDENTIAL_KEYS: Readonly<Record<ProviderPackage, ReadonlySet<string>>> = {
    aws: new Set(["accessKey", "secretKey", "token", "assumeRoleWithWebIdentity"]),
    alicloud: new Set(["accessKey", "secretKey", "securityToken", "assumeRoleWithOidc"]),
    kubernetes: new Set(),
};

/**
 * Keys a component's own provider never takes from the stack: the component sets them (the
 * region, the cluster's kubeconfig), and for Kubernetes the stack's settings name another cluster.
 */
const COMPONENT_KEYS: Readonly<Record<ProviderPackage, ReadonlySet<string>>> = {
    aws: new Set(["region"]),
    alicloud: new Set(["region"]),
    kubernetes: new Set(["kubeconfig", "context", "cluster", "clusterIdentifier", "namespace"]),
};

/** True when the engine holds config `key` (`pkg:name`) as a secret (the SDK has this check, but not in its typings). */
export function isSecretConfigKey(key: string): boolean {
    const runtime = pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean };
    return runtime.isConfigSecret?.(key) ?? false;
}

interface StackProviderConfig {
    readonly args: Record<string, unknown>;
    /** Keys whose value the provider could not take: structured keys whose text is not JSON. */
    readonly unreadable: string[];
}

function readStackProviderConfig(pkg: ProviderPackage): StackProviderConfig {
    const args: Record<string, unknown> = {};
    const unreadable: string[] = [];
    const prefix = `${pkg}:`;
    for (const [key, text] of Object.entries(pulumi.runtime.allConfig())) {
        if (!key.startsWith(prefix)) continue;
        const name = key.slice(prefix.length);
        if (COMPONENT_KEYS[pkg].has(name)) continue;
        let value: unknown = text;
        if (JSON_PROVIDER_KEYS[pkg].has(name)) {
            try {
                value = JSON.parse(text);
            } catch {
                unreadable.push(key);
                continue;
            }
        }
        args[name] = isSecretConfigKey(key) || CREDENTIAL_KEYS[pkg].has(name) ? pulumi.secret(value) : value;
    }
    return { args, unreadable };
}

/**
 * The stack's configuration of `pkg` as arguments of a new provider: every `pkg:*` key except
 * those the component sets itself, non-string values decoded from their JSON text, secrets and
 * credentials kept secret.
 */
export function stackProviderArgs(pkg: ProviderPackage): Record<string, unknown> {
    return readStackProviderConfig(pkg).args;
}

/**
 * Records a problem for each `pkg:*` setting a new provider could not take, so a component that
 * will create a provider refuses before it registers anything.
 */
export function checkStackProviderConfig(problems: Problems, pkg: ProviderPackage): void {
    for (const key of readStackProviderConfig(pkg).unreadable) {
        problems.add(
            key,
            `stack config '${key}' is not JSON, but the ${pkg} provider takes a number, a boolean, a list or an object there.`,
            `Set it again with 'pulumi config set --path' (objects, lists) or as a plain number or true/false.`,
        );
    }
}

/** The AWS region the stack sets: `aws:region`, then `AWS_REGION` / `AWS_DEFAULT_REGION`, as the provider reads them. */
export function stackAwsRegion(): string | undefined {
    const configured = new pulumi.Config("aws").get("region");
    if (configured) return configured;
    return [process.env.AWS_REGION, process.env.AWS_DEFAULT_REGION].find(v => v !== undefined && v !== "");
}

type ProviderClass<P> = { new (name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions): P };

/** The provider class of each package this module makes providers of. */
interface ProviderClasses {
    aws: typeof aws.Provider;
    alicloud: typeof alicloud.Provider;
    kubernetes: typeof kubernetes.Provider;
}

/** The provider class of `pkg`, its SDK's provider module loaded on first use. */
function providerClass<K extends ProviderPackage>(pkg: K): ProviderClasses[K] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see the imports above
    return (require(`@pulumi/${pkg}/provider`) as { Provider: ProviderClasses[K] }).Provider;
}

/**
 * True when `resource` is a provider of `pkg`, as the SDK's own `Provider.isInstance` decides it
 * (by its Pulumi type token, so it holds across copies of the SDK), without loading the SDK.
 */
function isProviderOf(resource: unknown, pkg: ProviderPackage): boolean {
    return (resource as { __pulumiType?: unknown } | undefined)?.__pulumiType === `pulumi:providers:${pkg}`;
}

/**
 * A new provider of `pkg` named `name` (with `opts`, e.g. its parent), carrying the stack's
 * configuration of `pkg` with `settings` (region, kubeconfig) on top.
 */
export function newStackProvider<K extends ProviderPackage>(
    pkg: K,
    name: string,
    settings: Record<string, pulumi.Input<unknown>>,
    opts: pulumi.CustomResourceOptions,
): InstanceType<ProviderClasses[K]> {
    const Provider = providerClass(pkg) as unknown as ProviderClass<InstanceType<ProviderClasses[K]>>;
    return new Provider(name, { ...stackProviderArgs(pkg), ...settings }, opts);
}

/**
 * The provider of `pkg` passed directly in a component's `opts` (`provider`, or `providers` as a
 * map or a list): step 2 of the rule. A provider a parent component holds is not taken: it may
 * serve another region than this component's (a parent holding a cn-hangzhou provider over a
 * cn-beijing VPC), and the component knows its region, not the provider's. Multi-region
 * components refuse one ({@link checkRegionalProviders}).
 */
export function userProvider<P extends pulumi.ProviderResource>(
    opts: pulumi.ComponentResourceOptions | undefined,
    pkg: "aws" | "alicloud",
): P | undefined {
    const given = [
        opts?.provider,
        ...(Array.isArray(opts?.providers) ? opts!.providers : Object.values(opts?.providers ?? {})),
    ];
    return given.find((p): p is P => p !== undefined && isProviderOf(p, pkg));
}

/**
 * For components with children in several regions: refuses an `alicloud` provider passed in
 * `opts`, which could serve only one of them. Each region's provider comes with its RegionalVpc.
 */
export function checkRegionalProviders(
    problems: Problems,
    opts: pulumi.ComponentResourceOptions | undefined,
    regions: ReadonlyArray<string | undefined>,
): void {
    // A region still unknown (a VPC missing from untyped args) is reported by the component's own checks.
    const known = new Set(regions.filter((r): r is string => typeof r === "string"));
    if (known.size < 2 || userProvider(opts, "alicloud") === undefined) return;
    problems.add(
        "opts.provider",
        `an alicloud provider serves one region, but this component has children in ${[...known].join(", ")}, so a provider passed in its opts cannot be theirs.`,
        "Give each region's provider to its RegionalVpc (its `provider` argument or opts); the component uses each VPC's provider.",
    );
}
