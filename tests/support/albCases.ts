/**
 * The two Alibaba Cloud ALB components (S1, S3) built the same way for the specs of what they
 * share (albCommon: HTTPS, routing, operations): the tutorials' VPCs and one backend each, the
 * shared args given, and (unless `api` is false) an `api` server group of one backend of the
 * component's kind on port 8080.
 */
import * as pulumi from "@pulumi/pulumi";
import { AlbCommonArgs } from "../../components/alicloud/albCommon";
import { CrossRegionAlbBackend } from "../../components/alicloud/crossRegionAlb";
import { DualStackAlb } from "../../components/alicloud/dualStackAlb";
import { RegionalVpc, RegionalVpcArgs } from "../../components/alicloud/vpc";
import { DeclaresFlows } from "../../components/flows";
import { seed000Vpc1, seed000Vpc2 } from "./tutorials";

const SHANGHAI: RegionalVpcArgs = {
    region: "cn-shanghai",
    cidrBlock: "192.168.0.0/16",
    enableIpv6: true,
    vSwitches: {
        vsw1: { zoneId: "cn-shanghai-e", cidrBlock: "192.168.1.0/24", ipv6CidrBlockMask: 1 },
        vsw2: { zoneId: "cn-shanghai-g", cidrBlock: "192.168.2.0/24", ipv6CidrBlockMask: 2 },
    },
};

/** Shared args and an `api` server group of one backend of the component's kind (none when `api` is false). */
export type Make = (
    common: AlbCommonArgs,
    opts: pulumi.ComponentResourceOptions,
    api?: boolean,
) => DeclaresFlows & { serverGroupIds: Record<string, pulumi.Output<string>> };

export interface Case {
    readonly make: Make;
    readonly type: string;
    /** Child name of the component's own server group. */
    readonly ownGroup: string;
    /** Path of the api group's backend's address. */
    readonly apiAddress: string;
}

export const ALB_CASES: Record<string, Case> = {
    "CrossRegionAlbBackend (S1)": {
        make: (common, opts, api = true) =>
            new CrossRegionAlbBackend(
                "web",
                {
                    albVpc: new RegionalVpc("vpc1", seed000Vpc1(), opts),
                    backendVpc: new RegionalVpc("vpc2", seed000Vpc2(), opts),
                    backends: { ecs1: { ipv4Address: "192.168.7.100" } },
                    serverGroups: api
                        ? { api: { backends: { ecs2: { ipv4Address: "192.168.7.101", port: 8080 } } } }
                        : undefined,
                    ...common,
                },
                opts,
            ),
        type: "topologies:alicloud:CrossRegionAlbBackend 'web'",
        ownGroup: "web-sgp",
        apiAddress: "192.168.7.101",
    },
    "DualStackAlb (S3)": {
        make: (common, opts, api = true) =>
            new DualStackAlb(
                "web",
                {
                    vpc: new RegionalVpc("vpc1", SHANGHAI, opts),
                    backends: { ecs01: { instanceId: "i-ecs01", vSwitch: "vsw1", ipv4Address: "192.168.1.20" } },
                    serverGroups: api
                        ? {
                              api: {
                                  backends: {
                                      ecs02: {
                                          instanceId: "i-ecs02",
                                          vSwitch: "vsw2",
                                          ipv4Address: "192.168.2.20",
                                          port: 8080,
                                      },
                                  },
                              },
                          }
                        : undefined,
                    ...common,
                },
                opts,
            ),
        type: "topologies:alicloud:DualStackAlb 'web'",
        ownGroup: "web-servers",
        apiAddress: "192.168.2.20",
    },
};
