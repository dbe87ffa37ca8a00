/**
 * The README's S4 example (tests/examples/meshFailover.ts) built step by step, for the targets
 * that take its VPCs, clusters or mesh as prerequisites: each step registers with the `opts` it
 * is given, so the fuzz runner tells them from the component under fuzz.
 */
import * as pulumi from "@pulumi/pulumi";
import { AckCluster, RegionalVpc, ServiceMesh } from "../../../components/alicloud";

/** The example's three VPCs: one per cluster, and the mesh's own in cn-hangzhou. */
export function s4Vpcs(opts: pulumi.ComponentResourceOptions) {
    return {
        hangzhou: new RegionalVpc(
            "vpc-hangzhou",
            {
                region: "cn-hangzhou",
                cidrBlock: "20.0.0.0/8",
                vSwitches: { nodes: { zoneId: "cn-hangzhou-h", cidrBlock: "20.0.0.0/16" } },
            },
            opts,
        ),
        shanghai: new RegionalVpc(
            "vpc-shanghai",
            {
                region: "cn-shanghai",
                cidrBlock: "21.0.0.0/8",
                vSwitches: { nodes: { zoneId: "cn-shanghai-e", cidrBlock: "21.0.0.0/16" } },
            },
            opts,
        ),
        mesh: new RegionalVpc(
            "vpc-hangzhou2",
            {
                region: "cn-hangzhou",
                cidrBlock: "192.168.0.0/16",
                vSwitches: { mesh: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.0.0/24" } },
            },
            opts,
        ),
    };
}

/** The example's args of ack-hangzhou on `vpc` (plain data but for the VPC, so every field can be mutated). */
export function ackHangzhouArgs(vpc: RegionalVpc) {
    return {
        vpc,
        vSwitches: ["nodes"],
        podCidr: "10.0.0.0/16",
        serviceCidr: "172.16.0.0/16",
        nodePool: { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2 },
        tags: { env: "dev" },
    };
}

/** The example's two clusters on their VPCs. */
export function s4Clusters(opts: pulumi.ComponentResourceOptions, vpcs = s4Vpcs(opts)) {
    const nodePool = { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2 };
    return {
        "ack-hangzhou": new AckCluster("ack-hangzhou", ackHangzhouArgs(vpcs.hangzhou), opts),
        "ack-shanghai": new AckCluster(
            "ack-shanghai",
            {
                vpc: vpcs.shanghai,
                vSwitches: ["nodes"],
                podCidr: "10.1.0.0/16",
                serviceCidr: "172.17.0.0/16",
                nodePool,
            },
            opts,
        ),
    };
}

/** The example's mesh args over its clusters. */
export function serviceMeshArgs(opts: pulumi.ComponentResourceOptions) {
    const vpcs = s4Vpcs(opts);
    return {
        vpc: vpcs.mesh,
        vSwitch: "mesh",
        clusters: s4Clusters(opts, vpcs),
        version: "1.22.6.66",
        cenOptions: { peerBandwidthMbps: 10 },
        tags: { env: "dev" },
    };
}

/** The example's mesh, built. */
export function s4Mesh(opts: pulumi.ComponentResourceOptions): ServiceMesh {
    return new ServiceMesh("mesh", serviceMeshArgs(opts), opts);
}
