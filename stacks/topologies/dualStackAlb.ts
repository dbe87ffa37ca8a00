/** S3: a dual-stack (IPv4 + IPv6) ALB over IPv4 and IPv6 backends, with a DNS record. */
import { z } from "zod";
import { ALB_EDITIONS, ALB_SCHEDULERS } from "../../components/alicloud/albCommon";
import { DualStackAlb, DualStackAlbBackend } from "../../components/alicloud/dualStackAlb";
import { checkKnownName } from "../../components/checks";
import { ALB_OPERATIONS_FIELDS } from "../albOperations";
import { reportedAt } from "../builder";
import { albDns, albListener, checkServersReferences, healthCheck, port, servers, vpc } from "../schema";
import { demoServers } from "../servers";
import { defineTopology } from "../topology";
import { HTTPS_FIX, NO_CNAME } from "./endpoints";

/** A backend of a server group: the address family the ALB reaches the server by. */
export const dualStackBackend = z.strictObject({
    family: z.enum(["ipv4", "ipv6"]),
    port: port.optional(),
    weight: z.number().int().optional(),
});
type BackendConfig = z.infer<typeof dualStackBackend>;

const schema = z.strictObject({
    vpc,
    servers,
    albVSwitches: z.array(z.string()).optional(),
    edition: z.enum(ALB_EDITIONS).optional(),
    /** Server name → the address family the ALB reaches it by. */
    backends: z.record(z.string(), dualStackBackend),
    /** Extra server groups for `rules`: group name → its backends, by server name as `backends`. */
    serverGroups: z
        .record(
            z.string(),
            z.strictObject({
                backends: z.record(z.string(), dualStackBackend),
                serverGroupName: z.string().optional(),
                scheduler: z.enum(ALB_SCHEDULERS).optional(),
            }),
        )
        .optional(),
    listener: albListener.optional(),
    /** The ALB's own deletion protection (DualStackAlb `deletionProtection`). Default: the stack's `protect`. */
    deletionProtection: z.boolean().optional(),
    healthCheck: healthCheck.optional(),
    dns: albDns.optional(),
    ...ALB_OPERATIONS_FIELDS,
});

export const dualStackAlb = defineTopology({
    key: "dualStackAlb",
    title: "S3: a dual-stack (IPv4 + IPv6) ALB over IPv4 and IPv6 backends, with a DNS record",
    schema,
    vpcs: s => [{ path: ["vpc"], name: "S3 VPC", vpc: s.vpc }],
    checkReferences(problems, s) {
        checkServersReferences(problems.under("servers"), s.servers, "vpc", s.vpc);
        const groups: Array<[string, Record<string, BackendConfig>]> = [
            ["backends", s.backends],
            ...Object.entries(s.serverGroups ?? {}).map(([g, group]): [string, Record<string, BackendConfig>] => [
                `serverGroups.${g}.backends`,
                group.backends,
            ]),
        ];
        for (const [prefix, backends] of groups) {
            for (const [key, backend] of Object.entries(backends)) {
                if (
                    !checkKnownName(
                        problems,
                        `${prefix}.${key}`,
                        key,
                        Object.keys(s.servers.instances),
                        "backend",
                        "one of servers.instances",
                    )
                )
                    continue;
                if (backend.family === "ipv6" && !s.servers.instances[key].ipv6) {
                    problems.add(
                        `${prefix}.${key}.family`,
                        `backend '${key}' is reached by IPv6 but its server has no IPv6 address.`,
                        `Set ipv6: true on servers.instances.${key}.`,
                    );
                }
            }
        }
    },
    // The ALB's IPv4 and IPv6 addresses are public (DualStackAlb's defaults); one listener serves both.
    plainHttpListeners: s =>
        s.listener?.protocol !== "HTTPS"
            ? [{ path: ["listener"], what: "S3's ALB listener (IPv4 and IPv6)", fix: HTTPS_FIX }]
            : [],
    build(b, s) {
        const vpc = b.vpc("s3-net", ["dualStackAlb", "vpc"], s.vpc);
        const servers = demoServers("s3-demo", vpc, s.servers, b, { at: ["dualStackAlb", "servers"] });
        const backendsOf = (config: Record<string, BackendConfig>): Record<string, DualStackAlbBackend> =>
            Object.fromEntries(
                Object.entries(config).map(([key, backend]) => {
                    const server = servers.servers[key];
                    const common = {
                        instanceId: server.instance.id,
                        vSwitch: server.vSwitch,
                        port: backend.port,
                        weight: backend.weight,
                        securityGroup: "servers",
                    };
                    return [
                        key,
                        backend.family === "ipv6"
                            ? { ...common, ipv6Address: server.ipv6Address! }
                            : { ...common, ipv4Address: server.privateIp },
                    ];
                }),
            );
        const backends = backendsOf(s.backends);
        const serverGroups =
            s.serverGroups &&
            Object.fromEntries(
                Object.entries(s.serverGroups).map(([g, group]) => [
                    g,
                    { ...group, backends: backendsOf(group.backends) },
                ]),
            );
        const s3 = reportedAt(
            ["dualStackAlb"],
            () =>
                new DualStackAlb(
                    b.named("s3"),
                    {
                        vpc,
                        albVSwitches: s.albVSwitches,
                        edition: s.edition,
                        backends,
                        serverGroups,
                        rules: s.rules,
                        acl: s.acl,
                        accessLog: s.accessLog,
                        modificationProtection: s.modificationProtection,
                        listener: s.listener,
                        deletionProtection: s.deletionProtection ?? b.deletionProtection,
                        healthCheck: s.healthCheck,
                        securityGroups: { servers: servers.securityGroupId },
                        ipv6GatewayId: vpc.ipv6GatewayId,
                        dns: s.dns,
                        tags: b.tags,
                    },
                    b.opts,
                ),
        );
        return {
            s3AlbDnsName: s3.dnsName,
            s3AlbId: s3.loadBalancerId,
            s3DnsRecordId: s3.dnsRecordId,
            s3Endpoint: s3.fqdn ?? NO_CNAME,
        };
    },
});
