// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { alicloud } from "../../components";

// S4: ACK clusters in cn-hangzhou and cn-shanghai in one ASM mesh, joined over CEN, running
// Bookinfo with geolocation failover of reviews between the two regions.
const hangzhouVpc = new alicloud.RegionalVpc("vpc-hangzhou", {
    region: "cn-hangzhou",
    cidrBlock: "20.0.0.0/8",
    vSwitches: { nodes: { zoneId: "cn-hangzhou-h", cidrBlock: "20.0.0.0/16" } },
});
const shanghaiVpc = new alicloud.RegionalVpc("vpc-shanghai", {
    region: "cn-shanghai",
    cidrBlock: "21.0.0.0/8",
    vSwitches: { nodes: { zoneId: "cn-shanghai-e", cidrBlock: "21.0.0.0/16" } },
});
const meshVpc = new alicloud.RegionalVpc("vpc-hangzhou2", {
    region: "cn-hangzhou",
    cidrBlock: "192.168.0.0/16",
    vSwitches: { mesh: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.0.0/24" } },
});

const nodePool = { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2 };
const hangzhou = new alicloud.AckCluster("ack-hangzhou", {
    vpc: hangzhouVpc, vSwitches: ["nodes"], podCidr: "10.0.0.0/16", serviceCidr: "172.16.0.0/16", nodePool,
});
const shanghai = new alicloud.AckCluster("ack-shanghai", {
    vpc: shanghaiVpc, vSwitches: ["nodes"], podCidr: "10.1.0.0/16", serviceCidr: "172.17.0.0/16", nodePool,
});

// Builds the CEN joining the three VPCs, 10 Mbit/s between the regions (`cenOptions` says
// otherwise), unless it is given an existing CenTransitNetwork to join as `cen`.
const mesh = new alicloud.ServiceMesh("mesh", {
    vpc: meshVpc,
    vSwitch: "mesh",
    clusters: { "ack-hangzhou": hangzhou, "ack-shanghai": shanghai },
    version: "1.22.6.66",
    cenOptions: { peerBandwidthMbps: 10 },
});

new alicloud.Bookinfo("bookinfo", {
    clusters: {
        "ack-hangzhou": { provider: hangzhou.provider, reviewsVersions: ["v1"] },
        "ack-shanghai": { provider: shanghai.provider, reviewsVersions: ["v2"] },
    },
    mesh,
    reviewsLocality: {
        mode: "failover",
        failover: [{ from: "cn-shanghai", to: "cn-hangzhou" }, { from: "cn-hangzhou", to: "cn-shanghai" }],
    },
});

// Your own services: the same DestinationRule logic, here a 90/10 split of hangzhou's traffic.
new alicloud.MeshLocalityPolicy("checkout", {
    mesh,
    host: "checkout",
    policy: { mode: "distribution", distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 10 } }] },
});

export const meshId = mesh.meshId;
export const meshKubeconfig = mesh.kubeconfig; // a secret
