/**
 * The tutorials' demo ECS servers: a security group in the VPC and one instance per server,
 * with no public IP, serving a page that names the server (as the tutorials' nginx pages do).
 * Stack composition, not a library component: real workloads bring their own servers.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../components/sdk/alicloud";
import { recordOf } from "../components/checks";
import { TopologyValidationError } from "../components/errors";
import type { GuestOs } from "../components/alicloud/guestRouting";
import { RegionalVpc } from "../components/alicloud/vpc";
import type { Builder } from "./builder";
import type { ServersConfig } from "./config";
import { configPath } from "./schema";

/** One demo server, as the components take it. */
export interface DemoServer {
    readonly instance: alicloud.ecs.Instance;
    /** Name of the vSwitch it sits in. */
    readonly vSwitch: string;
    readonly privateIp: pulumi.Output<string>;
    /** First IPv6 address, when the server asked for one. */
    readonly ipv6Address?: pulumi.Output<string>;
}

/** The security group and servers of one topology. */
export interface DemoServers {
    readonly securityGroupId: pulumi.Output<string>;
    readonly servers: Readonly<Record<string, DemoServer>>;
    /**
     * How the servers' OS configures its network (MultiEipEni `guestOs`), when they boot the
     * default image; undefined for a pinned image or name pattern, whose OS only the config knows.
     */
    readonly guestOs?: GuestOs;
}

/**
 * The public images the demo servers boot from when no image id is pinned: Alibaba Cloud Linux 3,
 * x86_64, named `aliyun_3_x64_20G_alibase_<date>.vhd` (as the tutorials' image ids are). Public
 * image ids are retired as new ones are published, so a fixed id stops working; the newest of
 * the pattern is current.
 */
export const DEMO_IMAGE_NAME_REGEX = "^aliyun_3_x64_20G_alibase_";

/** Alibaba Cloud Linux 3, the default image, configures its network with NetworkManager. */
const DEMO_IMAGE_GUEST_OS: GuestOs = "alinux3";

function userData(server: string): string {
    return [
        "#!/bin/bash",
        "yum install -y nginx || apt-get install -y nginx",
        `echo "this is ${server}" > /usr/share/nginx/html/index.html`,
        "systemctl enable --now nginx",
    ].join("\n");
}

/** A grouping component so the plan shows the demo servers as one node. */
class DemoServerGroup extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("topologies:stacks:DemoServers", name, {}, opts);
    }
}

/**
 * Creates the security group and servers in `vpc`, with the stack's options (`b.opts`: in a
 * protected stack the instances are protected), password (`serverPassword`, a secret, if set) and
 * tags. Server vSwitches must be vSwitches of `vpc`. The instances' own deletion protection is
 * `config.deletionProtection`, by default the stack's. `publicPorts` are opened to the internet:
 * for servers that answer on their own public addresses (S2's sites), not for servers behind a
 * load balancer. `at` is the config key path of `config`, where a problem with it is reported.
 */
export function demoServers(
    baseName: string,
    vpc: RegionalVpc,
    config: ServersConfig,
    b: Pick<Builder, "opts" | "serverPassword" | "tags" | "deletionProtection" | "named">,
    { at, publicPorts = [] }: { at: readonly PropertyKey[]; publicPorts?: readonly number[] },
): DemoServers {
    const name = b.named(baseName);
    const { serverPassword: password, tags } = b;
    const group = new DemoServerGroup(name, b.opts);
    const childOpts = { parent: group, provider: vpc.provider };
    // The newest image whose name matches, looked up at deployment; a pinned id wins.
    const nameRegex = config.imageNameRegex ?? DEMO_IMAGE_NAME_REGEX;
    const imageId =
        config.imageId ??
        alicloud.ecs
            .getImagesOutput(
                {
                    nameRegex,
                    owners: "system",
                    status: "Available",
                    mostRecent: true,
                    instanceType: config.instanceType,
                },
                childOpts,
            )
            .apply(found => {
                const image = found.images[0];
                if (!image) {
                    // Known only when the lookup answers: refused then, before any server takes it.
                    throw new TopologyValidationError(`demo servers '${name}'`, [
                        {
                            path: configPath([
                                ...at,
                                config.imageNameRegex === undefined ? "instanceType" : "imageNameRegex",
                            ]),
                            message: `no public image named like '${nameRegex}' runs on ${config.instanceType} in ${vpc.region}.`,
                            fix:
                                "Choose an instance type that image runs on, an imageNameRegex that names an image sold in " +
                                `the region (default: ${DEMO_IMAGE_NAME_REGEX}), or pin one with imageId.`,
                        },
                    ]);
                }
                return image.id;
            });
    const securityGroup = new alicloud.ecs.SecurityGroup(
        `${name}-sg`,
        {
            vpcId: vpc.vpcId,
            securityGroupName: `${name}-sg`,
            description: "Demo servers; ingress rules are added by the topology that fronts them.",
            tags,
        },
        childOpts,
    );
    for (const port of publicPorts) {
        new alicloud.ecs.SecurityGroupRule(
            `${name}-sg-public-${port}`,
            {
                securityGroupId: securityGroup.id,
                type: "ingress",
                ipProtocol: "tcp",
                portRange: `${port}/${port}`,
                cidrIp: "0.0.0.0/0",
                nicType: "intranet",
                policy: "accept",
                description: `Public sites on port ${port}`,
            },
            childOpts,
        );
    }
    const servers = recordOf(
        Object.entries(config.instances).map(([key, server]) => {
            const vSwitch = vpc.vSwitches[server.vSwitch];
            const instance = new alicloud.ecs.Instance(
                `${name}-${key}`,
                {
                    instanceName: key,
                    instanceType: config.instanceType,
                    imageId,
                    systemDiskCategory: config.systemDiskCategory ?? "cloud_essd",
                    vswitchId: vSwitch.id,
                    availabilityZone: vSwitch.zoneId,
                    securityGroups: [securityGroup.id],
                    internetMaxBandwidthOut: 0,
                    ipv6AddressCount: server.ipv6 ? 1 : undefined,
                    password,
                    userData: userData(key),
                    // Always sent, so turning it off takes effect (pay-as-you-go instances; not spot ones).
                    deletionProtection: config.deletionProtection ?? b.deletionProtection,
                    tags,
                },
                {
                    ...childOpts,
                    // A newer image must not re-image a running server (the provider replaces its system disk).
                    ignoreChanges: config.imageId === undefined ? ["imageId"] : [],
                },
            );
            const entry: DemoServer = {
                instance,
                vSwitch: server.vSwitch,
                privateIp: instance.privateIp,
                ipv6Address: server.ipv6 ? instance.ipv6Addresses.apply(a => a[0]) : undefined,
            };
            return [key, entry];
        }),
    );
    const defaultImage = config.imageId === undefined && config.imageNameRegex === undefined;
    return { securityGroupId: securityGroup.id, servers, guestOs: defaultImage ? DEMO_IMAGE_GUEST_OS : undefined };
}
