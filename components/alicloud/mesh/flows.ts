import { FlowHost, IntendedFlow, flowTo } from "../../flows";
import { AckCluster } from "../ack";
import { VSwitchInfo } from "../vpc";
import { ACK_API_SERVER_PORT, ASM_PILOT_PORT } from "./args";
import { ServiceMeshPlan } from "./plan";

/**
 * The flows of a mesh: from each cluster's node vSwitches and Pods to Pilot on the mesh vSwitch
 * (the internal load balancer of the control plane sits there), and from the mesh vSwitch to each
 * cluster's API server in its vSwitches. The control plane's own security group is ASM's and is
 * not in the plan.
 */
export function meshFlows(plan: ServiceMeshPlan): IntendedFlow[] {
    const at = { address: plan.vSwitch.cidrBlock, vpcId: plan.vpc.vpcId, subnetId: plan.vSwitch.id };
    const pilot = flowTo.host({ label: "ASM control plane (Pilot)", ...at });
    const controlPlane = flowTo.host({ label: "ASM control plane", ...at });
    return Object.entries(plan.clusters).flatMap(([key, cluster]): IntendedFlow[] => {
        const inVSwitch = (label: string, vsw: VSwitchInfo) =>
            flowTo.host({ label, address: vsw.cidrBlock, vpcId: cluster.vpc.vpcId, subnetId: vsw.id });
        const sources: Array<[string, FlowHost]> = [
            ...cluster.nodeVSwitches.map((vsw): [string, FlowHost] => [
                `${key} nodes in ${vsw.name}`,
                inVSwitch(`${key} nodes in ${vsw.name}`, vsw),
            ]),
            ...podSources(key, cluster),
        ];
        const toPilot = sources.map(([label, from]): IntendedFlow => ({
            name: `${label} → ASM Pilot :${ASM_PILOT_PORT}`,
            from,
            to: pilot,
            protocol: "tcp",
            port: ASM_PILOT_PORT,
            intent: "allow",
        }));
        // The API server's internal load balancer sits in the first control-plane vSwitch.
        const api = cluster.nodeVSwitches[0];
        if (!api) return toPilot;
        return [
            ...toPilot,
            {
                name: `ASM control plane → ${key} API server :${ACK_API_SERVER_PORT}`,
                from: controlPlane,
                to: inVSwitch(`${key} API server in ${api.name}`, api),
                protocol: "tcp",
                port: ACK_API_SERVER_PORT,
                intent: "allow",
            },
        ];
    });
}

/**
 * A cluster's Pods as flow hosts, each with its label: its Pod CIDR (Flannel), or its Pod
 * vSwitches (Terway), guarded by the cluster's security group.
 */
export function podSources(key: string, cluster: AckCluster): Array<[string, FlowHost]> {
    const securityGroupIds = [cluster.securityGroupId];
    const vpcId = cluster.vpc.vpcId;
    if (cluster.addressing.podCidr !== undefined) {
        return [
            [
                `${key} Pods`,
                flowTo.host({
                    label: `${key} Pods`,
                    address: cluster.addressing.podCidr,
                    vpcId,
                    securityGroupIds,
                    deliveredBy: "the per-node routes Flannel's cloud controller writes into the VPC at run time",
                }),
            ],
        ];
    }
    return cluster.podVSwitches.map((vsw): [string, FlowHost] => {
        const label = `${key} Pods in ${vsw.name}`;
        return [label, flowTo.host({ label, address: vsw.cidrBlock, vpcId, subnetId: vsw.id, securityGroupIds })];
    });
}
