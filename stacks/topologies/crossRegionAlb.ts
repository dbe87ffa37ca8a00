/** S1: an ALB in one region in front of ECS backends in another, over CEN transit routers. */
import { z } from "zod";
import { ALB_EDITIONS } from "../../components/alicloud/albCommon";
import { CrossRegionAlbBackend } from "../../components/alicloud/crossRegionAlb";
import { ALB_OPERATIONS_FIELDS } from "../albOperations";
import { reportedAt } from "../builder";
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

const schema = z.strictObject({
    albVpc: vpc,
    backendVpc: vpc,
    servers,
    albVSwitches: z.array(z.string()).optional(),
    backendVSwitches: z.array(z.string()).optional(),
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
    scheduler: z.enum(["Wrr", "Wlc", "Sch"]).optional(),
    healthCheck: healthCheck.optional(),
    stickySession: z.boolean().optional(),
    backToOrigin: z
        .discriminatedUnion("mode", [
            z.strictObject({ mode: z.literal("vswitch") }),
            z.strictObject({ mode: z.literal("legacy"), cidrBlocks: z.array(cidr) }),
        ])
        .optional(),
    dns: albDns.optional(),
    // ACL, access logs, modification protection and rules (to the own server group: S1's section
    // declares no other), passed on as they are.
    ...ALB_OPERATIONS_FIELDS,
    cenOptions: z
        .strictObject({
            cenInstanceName: z.string().optional(),
            peerBandwidthMbps: z.number().optional(),
            bandwidthPackage: bandwidthPackage.optional(),
        })
        .optional(),
});

export const crossRegionAlb = defineTopology({
    key: "crossRegionAlb",
    title: "S1: an ALB in one region over ECS backends in another, via CEN transit routers",
    schema,
    vpcs: s => [
        { path: ["albVpc"], name: "S1 ALB VPC", vpc: s.albVpc },
        { path: ["backendVpc"], name: "S1 backend VPC", vpc: s.backendVpc },
    ],
    checkReferences: (problems, s) =>
        checkServersReferences(problems.under("servers"), s.servers, "backendVpc", s.backendVpc),
    plainHttpListeners: s =>
        s.addressType !== "Intranet" && s.listener?.protocol !== "HTTPS"
            ? [{ path: ["listener"], what: "S1's ALB listener", fix: HTTPS_FIX }]
            : [],
    sharedCenMembers: (b, s) => ({
        "s1-alb": b.vpc("s1-alb-net", ["crossRegionAlb", "albVpc"], s.albVpc),
        "s1-backend": b.vpc("s1-backend-net", ["crossRegionAlb", "backendVpc"], s.backendVpc),
    }),
    build(b, s) {
        const albVpc = b.vpc("s1-alb-net", ["crossRegionAlb", "albVpc"], s.albVpc);
        const backendVpc = b.vpc("s1-backend-net", ["crossRegionAlb", "backendVpc"], s.backendVpc);
        const servers = demoServers("s1-demo", backendVpc, s.servers, b, { at: ["crossRegionAlb", "servers"] });
        const { servers: _servers, albVpc: _a, backendVpc: _b, weight, ...options } = s;
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
                        backends: Object.fromEntries(
                            Object.entries(servers.servers).map(([key, server]) => [
                                key,
                                { ipv4Address: server.privateIp, weight, securityGroup: "servers" },
                            ]),
                        ),
                        securityGroups: { servers: servers.securityGroupId },
                        tags: b.tags,
                    },
                    b.opts,
                ),
            [
                [/^backends\.[^.]+\.weight/, () => ["crossRegionAlb", "weight"]],
                [/^backends\.([^.]+).*/, m => ["crossRegionAlb", "servers", "instances", m[1]]],
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
