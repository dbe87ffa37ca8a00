/** S2: several EIPs on one ECS instance through a secondary ENI in NAT mode. */
import { z } from "zod";
import { GUEST_OS } from "../../components/alicloud/guestRouting";
import {
    EIP_INTERNET_CHARGE_TYPES,
    EIP_ISPS,
    EIP_PAYMENT_TYPES,
    MultiEipEni,
    SHARED_BANDWIDTH_CHARGE_TYPES,
} from "../../components/alicloud/multiEipEni";
import { checkKnownName } from "../../components/checks";
import { reportedAt } from "../builder";
import { checkServersReferences, servers, vpc } from "../schema";
import { demoServers } from "../servers";
import { defineTopology } from "../topology";

const schema = z.strictObject({
    vpc,
    servers,
    /** Which of `servers.instances` gets the ENI. */
    server: z.string(),
    publicIpCount: z.number().int().optional(),
    /** Secondary ENIs carrying the addresses (MultiEipEni `eniCount`). Default: as few as the instance type needs. */
    eniCount: z.number().int().optional(),
    privateIps: z.array(z.string()).optional(),
    eip: z
        .strictObject({
            bandwidth: z.number().optional(),
            internetChargeType: z.enum(EIP_INTERNET_CHARGE_TYPES).optional(),
            paymentType: z.enum(EIP_PAYMENT_TYPES).optional(),
            isp: z.enum(EIP_ISPS).optional(),
            /** The EIPs' own deletion protection (MultiEipEni `eip.deletionProtection`). Default: the stack's `protect`. */
            deletionProtection: z.boolean().optional(),
            /**
             * Put the EIPs in an Internet Shared Bandwidth instance (MultiEipEni `eip.sharedBandwidth`): a new one
             * (`bandwidth`, Mbit/s) or an existing one by id (`packageId`). Default: none.
             */
            sharedBandwidth: z
                .union([
                    z.strictObject({
                        bandwidth: z.number(),
                        internetChargeType: z.enum(SHARED_BANDWIDTH_CHARGE_TYPES).optional(),
                        ratio: z.number().optional(),
                        eipQuota: z.number().int().optional(),
                    }),
                    z.strictObject({ packageId: z.string() }),
                ])
                .optional(),
        })
        .optional(),
    eipQuota: z.number().int().optional(),
    /** How the server's OS configures its network (MultiEipEni `guestOs`): match the servers' image. */
    guestOs: z.enum(GUEST_OS).optional(),
    /** Run the guest script through Cloud Assistant (MultiEipEni `configureGuest`). */
    configureGuest: z.boolean().optional(),
});

export const multiEip = defineTopology({
    key: "multiEip",
    title: "S2: several EIPs on one ECS instance through a secondary ENI in NAT mode",
    schema,
    vpcs: s => [{ path: ["vpc"], name: "S2 VPC", vpc: s.vpc }],
    checkReferences(problems, s) {
        checkServersReferences(problems.under("servers"), s.servers, "vpc", s.vpc);
        checkKnownName(
            problems,
            "server",
            s.server,
            Object.keys(s.servers.instances),
            "server",
            "one of servers.instances",
        );
    },
    build(b, s) {
        const vpc = b.vpc("s2-net", ["multiEip", "vpc"], s.vpc);
        // The sites answer on the EIPs themselves: the ENI's group must admit HTTP from anywhere.
        const servers = demoServers("s2-demo", vpc, s.servers, b, { at: ["multiEip", "servers"], publicPorts: [80] });
        const server = servers.servers[s.server];
        const s2 = reportedAt(
            ["multiEip"],
            () =>
                new MultiEipEni(
                    b.named("s2"),
                    {
                        instance: {
                            id: server.instance.id,
                            region: vpc.region,
                            instanceType: s.servers.instanceType,
                            zoneId: vpc.vSwitches[server.vSwitch].zoneId,
                        },
                        vSwitch: { vpc, name: server.vSwitch },
                        securityGroupIds: [servers.securityGroupId],
                        publicIpCount: s.publicIpCount,
                        eniCount: s.eniCount,
                        privateIps: s.privateIps,
                        eip: { ...s.eip, deletionProtection: s.eip?.deletionProtection ?? b.deletionProtection },
                        eipQuota: s.eipQuota,
                        // The servers' own OS (known for the default image) unless the section says otherwise.
                        guestOs: s.guestOs ?? servers.guestOs,
                        configureGuest: s.configureGuest,
                        tags: b.tags,
                    },
                    b.opts,
                ),
            [
                [/^instance\.instanceType/, () => ["multiEip", "servers", "instanceType"]],
                [/^(instance|vSwitch)\b.*/, () => ["multiEip", "servers", "instances", s.server]],
            ],
        );
        return { s2PublicIps: s2.publicIps, s2PrivateIps: s2.privateIps, s2GuestScript: s2.guestScript };
    },
});
