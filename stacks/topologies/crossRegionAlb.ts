/** S1: an ALB in one region in front of ECS backends in another, over CEN transit routers. */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { checkKnownName } from "../../components/checks";
import { ALB_EDITIONS, ALB_SCHEDULERS } from "../../components/alicloud/albCommon";
import {
    CrossRegionAlbBackend,
    CrossRegionBackendArgs,
    CrossRegionBackendRegionArgs,
} from "../../components/alicloud/crossRegionAlb";
import { ALB_OPERATIONS_FIELDS } from "../albOperations";
import { Builder, reportedAt } from "../builder";
import {
    albDns,
    albListener,
    bandwidthPackage,
    checkServersReferences,
    cidr,
    healthCheck,
    port,
    renamedKey,
    servers,
    vpc,
} from "../schema";
import { demoServers } from "../servers";
import { defineTopology } from "../topology";
import { HTTPS_FIX, NO_CNAME } from "./endpoints";

/** One more region of backends: its VPC and demo servers (CrossRegionAlbBackend `backendRegions`). */
const backendRegion = z.strictObject({
    vpc,
    servers,
    backendVSwitches: z.array(z.string()).optional(),
    backendPort: port.optional(),
    backendWeight: z.number().optional(),
});

const schema = z.strictObject({
    albVpc: vpc,
    backendVpc: vpc,
    servers,
    albVSwitches: z.array(z.string()).optional(),
    backendVSwitches: z.array(z.string()).optional(),
    backendRegions: z.record(z.string(), backendRegion).optional(),
    /** Extra server groups for `rules`: group name → the demo servers (of `servers.instances`) it holds, in backendVpc. */
    serverGroups: z
        .record(
            z.string(),
            z.strictObject({
                servers: z.array(z.string()),
                serverGroupName: z.string().optional(),
                scheduler: z.enum(ALB_SCHEDULERS).optional(),
            }),
        )
        .optional(),
    backendWeight: z.number().optional(),
    edition: z.enum(ALB_EDITIONS).optional(),
    addressType: z.enum(["Internet", "Intranet"]).optional(),
    listener: albListener.optional(),
    /** The ALB's own deletion protection (CrossRegionAlbBackend `deletionProtection`). Default: the stack's `protect`. */
    deletionProtection: z.boolean().optional(),
    loadBalancerEdition: renamedKey("loadBalancerEdition was renamed to edition", "Write edition: Standard instead."),
    listenerProtocol: renamedKey("listenerProtocol moved into listener", "Write listener: { protocol: HTTP } instead."),
    listenerPort: renamedKey("listenerPort moved into listener", "Write listener: { port: 80 } instead."),
    backendPort: port.optional(),
    weight: z.number().int().optional(),
    scheduler: z.enum(ALB_SCHEDULERS).optional(),
    healthCheck: healthCheck.optional(),
    stickySession: z.boolean().optional(),
    backToOrigin: z
        .discriminatedUnion("mode", [
            z.strictObject({ mode: z.literal("vswitch") }),
            z.strictObject({ mode: z.literal("legacy"), cidrBlocks: z.array(cidr) }),
        ])
        .optional(),
    dns: albDns.optional(),
    // ACL, access logs, modification protection and rules (to `default` or to `serverGroups`), passed on as they are.
    ...ALB_OPERATIONS_FIELDS,
    cenOptions: z
        .strictObject({
            cenInstanceName: z.string().optional(),
            peerBandwidthMbps: z.number().optional(),
            bandwidthPackage: bandwidthPackage.optional(),
        })
        .optional(),
});

type Section = z.infer<typeof schema>;
type RegionSection = z.infer<typeof backendRegion>;

const regionsOf = (s: Section): Array<[string, RegionSection]> => Object.entries(s.backendRegions ?? {});

/** A further region's VPC (the builder keeps one per name, so the network and the component share it). */
const regionVpc = (b: Builder, key: string, r: RegionSection) =>
    b.vpc(`s1-${key}-net`, ["crossRegionAlb", "backendRegions", key, "vpc"], r.vpc);

/** The demo servers as backends, of one weight, in their group. */
function backendsOf(
    servers: Readonly<Record<string, { privateIp: pulumi.Output<string> }>>,
    weight: number | undefined,
    securityGroup: string,
): Record<string, CrossRegionBackendArgs> {
    return Object.fromEntries(
        Object.entries(servers).map(([key, server]) => [key, { ipv4Address: server.privateIp, weight, securityGroup }]),
    );
}

export const crossRegionAlb = defineTopology({
    key: "crossRegionAlb",
    title: "S1: an ALB in one region over ECS backends in another, via CEN transit routers",
    schema,
    vpcs: s => [
        { path: ["albVpc"], name: "S1 ALB VPC", vpc: s.albVpc },
        { path: ["backendVpc"], name: "S1 backend VPC", vpc: s.backendVpc },
        ...regionsOf(s).map(([key, r]) => ({
            path: ["backendRegions", key, "vpc"],
            name: `S1 backend VPC '${key}'`,
            vpc: r.vpc,
        })),
    ],
    checkReferences: (problems, s) => {
        checkServersReferences(problems.under("servers"), s.servers, "backendVpc", s.backendVpc);
        for (const [g, group] of Object.entries(s.serverGroups ?? {})) {
            group.servers.forEach((server, i) =>
                checkKnownName(
                    problems,
                    `serverGroups.${g}.servers[${i}]`,
                    server,
                    Object.keys(s.servers.instances),
                    "server",
                    "a demo server of servers.instances",
                ),
            );
        }
        for (const [key, r] of regionsOf(s)) {
            const at = `backendRegions.${key}`;
            checkServersReferences(problems.under(`${at}.servers`), r.servers, `${at}.vpc`, r.vpc);
        }
    },
    plainHttpListeners: s =>
        s.addressType !== "Intranet" && s.listener?.protocol !== "HTTPS"
            ? [{ path: ["listener"], what: "S1's ALB listener", fix: HTTPS_FIX }]
            : [],
    sharedCenMembers: (b, s) => ({
        "s1-alb": b.vpc("s1-alb-net", ["crossRegionAlb", "albVpc"], s.albVpc),
        "s1-backend": b.vpc("s1-backend-net", ["crossRegionAlb", "backendVpc"], s.backendVpc),
        ...Object.fromEntries(regionsOf(s).map(([key, r]) => [`s1-backend-${key}`, regionVpc(b, key, r)])),
    }),
    build(b, s) {
        const albVpc = b.vpc("s1-alb-net", ["crossRegionAlb", "albVpc"], s.albVpc);
        const backendVpc = b.vpc("s1-backend-net", ["crossRegionAlb", "backendVpc"], s.backendVpc);
        const servers = demoServers("s1-demo", backendVpc, s.servers, b, { at: ["crossRegionAlb", "servers"] });
        const {
            servers: _servers,
            albVpc: _a,
            backendVpc: _b,
            backendRegions: _r,
            serverGroups: _g,
            weight,
            ...options
        } = s;
        // Each extra group: the demo servers it names, as backends in their security group.
        const serverGroups =
            s.serverGroups &&
            Object.fromEntries(
                Object.entries(s.serverGroups).map(([g, group]) => [
                    g,
                    {
                        backends: backendsOf(
                            Object.fromEntries(group.servers.map(name => [name, servers.servers[name]])),
                            weight,
                            "servers",
                        ),
                        serverGroupName: group.serverGroupName,
                        scheduler: group.scheduler,
                    },
                ]),
            );
        // Each further region: its VPC, its demo servers and their group, and the servers as its backends.
        const securityGroups: Record<string, pulumi.Input<string>> = { servers: servers.securityGroupId };
        const backendRegions = Object.fromEntries(
            regionsOf(s).map(([key, r]) => {
                const regionServers = demoServers(`s1-${key}-demo`, regionVpc(b, key, r), r.servers, b, {
                    at: ["crossRegionAlb", "backendRegions", key, "servers"],
                });
                securityGroups[`servers-${key}`] = regionServers.securityGroupId;
                const region: CrossRegionBackendRegionArgs = {
                    vpc: regionVpc(b, key, r),
                    backends: backendsOf(regionServers.servers, weight, `servers-${key}`),
                    backendVSwitches: r.backendVSwitches,
                    backendPort: r.backendPort,
                    backendWeight: r.backendWeight,
                };
                return [key, region];
            }),
        );
        const s1 = reportedAt(
            ["crossRegionAlb"],
            () =>
                new CrossRegionAlbBackend(
                    b.named("s1"),
                    {
                        ...options,
                        deletionProtection: s.deletionProtection ?? b.deletionProtection,
                        cen: b.sharedCen,
                        albVpc,
                        backendVpc,
                        backends: backendsOf(servers.servers, weight, "servers"),
                        backendRegions: s.backendRegions === undefined ? undefined : backendRegions,
                        serverGroups,
                        securityGroups,
                        tags: b.tags,
                    },
                    b.opts,
                ),
            [
                [/^backends\.[^.]+\.weight/, () => ["crossRegionAlb", "weight"]],
                [/^backends\.([^.]+).*/, m => ["crossRegionAlb", "servers", "instances", m[1]]],
                [/^serverGroups\.[^.]+\.backends\.[^.]+\.weight/, () => ["crossRegionAlb", "weight"]],
                [
                    /^serverGroups\.([^.]+)\.backends\.([^.]+).*/,
                    m => ["crossRegionAlb", "serverGroups", m[1], "servers"],
                ],
                [/^backendRegions\.[^.]+\.backends\.[^.]+\.weight/, () => ["crossRegionAlb", "weight"]],
                [
                    /^backendRegions\.([^.]+)\.backends\.([^.]+).*/,
                    m => ["crossRegionAlb", "backendRegions", m[1], "servers", "instances", m[2]],
                ],
            ],
        );
        return {
            s1AlbDnsName: s1.dnsName,
            s1AlbId: s1.loadBalancerId,
            s1CenId: s1.cen.cenId,
            s1ServerGroupId: s1.serverGroupId,
            // The name clients use: the CNAME (an ALB created since 2025 does not answer on its own name).
            s1Endpoint: s1.fqdn ?? NO_CNAME,
        };
    },
});
