/**
 * The S4 tutorial's VPCs, clusters and mesh args, for the specs of the mesh's newer inputs
 * (tests/mesh.spec.ts and those of observability and zone-level locality): two clusters
 * (cn-hangzhou-h, cn-shanghai-l) and the mesh VPC.
 */
import * as pulumi from "@pulumi/pulumi";
import { AckCluster } from "../../components/alicloud/ack";
import { ServiceMeshArgs } from "../../components/alicloud/mesh";
import { RegionalVpc } from "../../components/alicloud/vpc";

export interface MeshTutorial {
    hangzhou: AckCluster;
    shanghai: AckCluster;
    meshVpc: RegionalVpc;
}

/** Changes to the tutorial: more node zones for ack-hangzhou, other blocks for a rule's test. */
export interface MeshTutorialChanges {
    readonly hangzhouZones?: string[];
    readonly shanghaiPod?: string;
    readonly shanghaiService?: string;
    readonly meshVpc?: string;
}

/** Builds the tutorial's networks and clusters, with `changes`. */
export function meshTutorial(opts: pulumi.ComponentResourceOptions, changes: MeshTutorialChanges = {}): MeshTutorial {
    const zones = ["cn-hangzhou-h", ...(changes.hangzhouZones ?? [])];
    const vpcHangzhou = new RegionalVpc(
        "vpc-hangzhou",
        {
            region: "cn-hangzhou",
            cidrBlock: "20.0.0.0/8",
            vSwitches: Object.fromEntries(
                zones.map((zoneId, i) => [`vpc-hangzhou-switch-${i + 1}`, { zoneId, cidrBlock: `20.${i}.0.0/16` }]),
            ),
        },
        opts,
    );
    const vpcShanghai = new RegionalVpc(
        "vpc-shanghai",
        {
            region: "cn-shanghai",
            cidrBlock: "21.0.0.0/8",
            vSwitches: { "vpc-shanghai-switch-1": { zoneId: "cn-shanghai-l", cidrBlock: "21.0.0.0/16" } },
        },
        opts,
    );
    const meshBlock = changes.meshVpc ?? "192.168.0.0/16";
    const meshVpc = new RegionalVpc(
        "vpc-hangzhou2",
        {
            region: "cn-hangzhou",
            cidrBlock: meshBlock,
            vSwitches: {
                "vpc-hangzhou-switch-2": { zoneId: "cn-hangzhou-h", cidrBlock: meshBlock.replace(/\/\d+$/, "/24") },
            },
        },
        opts,
    );
    const nodePool = { instanceTypes: ["ecs.g7.xlarge"] };
    const hangzhou = new AckCluster(
        "ack-hangzhou",
        {
            vpc: vpcHangzhou,
            vSwitches: zones.map((_, i) => `vpc-hangzhou-switch-${i + 1}`),
            podCidr: "10.0.0.0/16",
            serviceCidr: "172.16.0.0/16",
            nodePool,
        },
        opts,
    );
    const shanghai = new AckCluster(
        "ack-shanghai",
        {
            vpc: vpcShanghai,
            vSwitches: ["vpc-shanghai-switch-1"],
            podCidr: changes.shanghaiPod ?? "10.1.0.0/16",
            serviceCidr: changes.shanghaiService ?? "172.17.0.0/16",
            nodePool,
        },
        opts,
    );
    return { hangzhou, shanghai, meshVpc };
}

/** The tutorial's mesh over `t`, ASM 1.22.6.66, with `extra` args. */
export function meshTutorialArgs(t: MeshTutorial, extra: Partial<ServiceMeshArgs> = {}): ServiceMeshArgs {
    return {
        vpc: t.meshVpc,
        vSwitch: "vpc-hangzhou-switch-2",
        clusters: { "ack-hangzhou": t.hangzhou, "ack-shanghai": t.shanghai },
        version: "1.22.6.66",
        ...extra,
    };
}
