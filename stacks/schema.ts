/**
 * Pieces of the stack-config schema that several topologies share (a VPC, the demo servers, an
 * ALB health check, a CEN bandwidth package), and how a config path is written in messages.
 * Enumerations come from the components that define them, so the config cannot drift from the
 * args it feeds.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ALB_HEALTH_CHECK_PROTOCOLS, ALB_LISTENER_PROTOCOLS, ALB_TLS_POLICIES } from "../components/alicloud/albCommon";
import { CEN_PACKAGE_AREAS } from "../components/alicloud/regions";
import { checkKnownName } from "../components/checks";
import { Problems } from "../components/errors";
import { text } from "../components/shape";

export const port = z.number().int();
/** A CIDR block as text: no blanks (the components check the block itself). */
export const cidr = text;

const vSwitch = z.strictObject({
    zoneId: text,
    cidrBlock: cidr,
    ipv6CidrBlockMask: z.number().int().optional(),
});

/** A VPC to create: the args of `alicloud.RegionalVpc` less the provider. */
export const vpc = z.strictObject({
    region: text,
    cidrBlock: cidr,
    vSwitches: z.record(text, vSwitch),
    enableIpv6: z.boolean().optional(),
    vpcName: text.optional(),
});

/** Demo ECS servers running nginx, as the tutorials set them up by hand. */
export const servers = z.strictObject({
    instanceType: text,
    /** A pinned public image id. Default: the newest public image whose name matches `imageNameRegex`, when the server is created. */
    imageId: text.optional(),
    /** Name pattern of the public image to take the newest of. Default: Alibaba Cloud Linux 3, x86_64 (`^aliyun_3_x64_20G_alibase_`). */
    imageNameRegex: text.optional(),
    systemDiskCategory: text.optional(),
    /** Server name → the vSwitch it sits in, and whether it gets an IPv6 address. */
    instances: z.record(text, z.strictObject({ vSwitch: text, ipv6: z.boolean().optional() })),
    /** The instances' own deletion protection (`ecs.Instance.deletionProtection`). Default: the stack's `protect`. */
    deletionProtection: z.boolean().optional(),
});

/** The health check of either ALB (S1, S3): `AlbHealthCheckArgs`. */
export const healthCheck = z.strictObject({
    enabled: z.boolean().optional(),
    protocol: z.enum(ALB_HEALTH_CHECK_PROTOCOLS).optional(),
    path: z.string().optional(),
    codes: z.array(z.string()).optional(),
    interval: z.number().optional(),
    timeout: z.number().optional(),
    healthyThreshold: z.number().optional(),
    unhealthyThreshold: z.number().optional(),
    port: z.number().optional(),
});

const geographicArea = z.enum(CEN_PACKAGE_AREAS);

/** A CEN bandwidth package (CenBandwidthPackageArgs); without one, connections are billed by data transfer. */
export const bandwidthPackage = z.strictObject({
    bandwidthMbps: z.number(),
    areas: z.tuple([geographicArea, geographicArea]).optional(),
    paymentType: z.enum(["PrePaid", "PostPaid"]).optional(),
    period: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(6), z.literal(12)]).optional(),
    autoRenew: z.boolean().optional(),
});

/**
 * The listener of an ALB section (S1, S3): `AlbListenerArgs`. HTTPS takes the id of your
 * certificate in Alibaba Cloud's Certificate Management Service (`certificateId`); HTTP on 80
 * then redirects to it unless `redirectHttpToHttps: false`.
 */
export const albListener = z.strictObject({
    protocol: z.enum(ALB_LISTENER_PROTOCOLS).optional(),
    port: port.optional(),
    certificateId: text.optional(),
    sslPolicy: z.enum(ALB_TLS_POLICIES).optional(),
    redirectHttpToHttps: z.boolean().optional(),
});

/** A key of 0.1 that was renamed: refused at its own path, saying what to write instead. */
export function renamedKey(message: string, fix: string) {
    return z.custom<never>(() => false, { message, params: { fix } }).optional();
}

/** The CNAME clients use (ALBs created since 2025 do not answer on their own DNS name): `AlbDnsArgs`. */
export const albDns = z.strictObject({ domainName: text, rr: text.optional(), ttl: z.number().int().optional() });

/** The settings of the whole stack, beside its topology sections. */
export const stackSettings = {
    /** `dev`, `prod`, or `tutorial` for the stacks that reproduce one tutorial. */
    environment: z.enum(["dev", "prod", "tutorial"]).default("tutorial"),
    /** Tags on every taggable resource. */
    tags: z.record(text, z.string()).optional(),
    /**
     * Protect stateful and slow resources from accidental deletion (prod): Pulumi's `protect` on
     * each of them (stacks/protection.ts), and the cloud's own deletion protection where a section
     * does not say otherwise.
     */
    protect: z.boolean().default(false),
    /**
     * Refuse a public listener that serves plain HTTP (HTTP that redirects to HTTPS is fine), before
     * anything is registered. Default: on when `environment` is `prod`.
     */
    httpsOnly: z.boolean().optional(),
    /**
     * Login password of the demo ECS servers. Set it as a secret
     * (`pulumi config set --secret serverPassword`), never in clear in a stack file.
     */
    serverPassword: z
        .custom<pulumi.Input<string>>(v => typeof v === "string" || pulumi.Output.isInstance(v), "expected a string")
        .optional(),
};

export type StackSettings = z.infer<z.ZodObject<typeof stackSettings>>;

/** Whether the stack refuses plain-HTTP public listeners, and why, for messages. */
export function httpsOnlyOf(settings: StackSettings): { on: boolean; why: string } {
    if (settings.httpsOnly !== undefined) {
        return { on: settings.httpsOnly, why: `topologies:httpsOnly is ${settings.httpsOnly}` };
    }
    return {
        on: settings.environment === "prod",
        why: `topologies:httpsOnly is on for environment ${settings.environment}`,
    };
}
export type VpcConfig = z.infer<typeof vpc>;
export type ServersConfig = z.infer<typeof servers>;

/** The YAML key path of a config path, e.g. `["crossRegionAlb", "albVpc"]` → `topologies:crossRegionAlb.albVpc`. */
export function configPath(path: ReadonlyArray<PropertyKey>): string {
    const [head, ...rest] = path.map(String);
    return `topologies:${head ?? ""}${rest.map(p => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("")}`;
}

/**
 * Each server's vSwitch must be one of the VPC's (`vpcKey` names it in messages); problems go to
 * `problems`, a scope at the section's `servers` key.
 */
export function checkServersReferences(
    problems: Problems,
    config: ServersConfig,
    vpcKey: string,
    vpcConfig: VpcConfig,
): void {
    for (const [key, server] of Object.entries(config.instances)) {
        checkKnownName(
            problems,
            `instances.${key}.vSwitch`,
            server.vSwitch,
            Object.keys(vpcConfig.vSwitches),
            "vSwitch",
            `a vSwitch of ${vpcKey}`,
        );
    }
}
