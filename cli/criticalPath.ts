/**
 * Estimates how long a first deployment takes: the longest chain of resources that must be
 * created one after another. Pulumi creates a resource once everything it depends on exists:
 * its explicit `dependsOn`, the resources whose outputs its inputs use, and its provider. A
 * parent does not order its children (a component is only a grouping), so parent links are not
 * edges. Durations are typical creation times per type, not guarantees.
 */
import { PlanGraph, PlanNode, typeTail } from "./graph";

/** A typical creation time and where the figure comes from. */
export interface CreationTime {
    readonly seconds: number;
    readonly source: string;
}

const EST = "estimate: an API call that returns within seconds";
const TF = (timeout: string, typical: string) =>
    `${typical}; terraform-provider-alicloud's default create timeout (its upper bound) is ${timeout}`;
/**
 * Typical creation times of the slow or common types, by type token without package. Where a
 * source names a default create timeout, it is the terraform-provider-alicloud resource's
 * `schema.DefaultTimeout` (the bridged Pulumi provider inherits it): an upper bound the provider
 * waits, the typical figure being well below it. Figures marked "estimate" are this package's
 * judgement, not a documented number: correct them when a deployment measures otherwise.
 */
export const CREATION_TIMES: Readonly<Record<string, CreationTime>> = {
    "vpc/network:Network": { seconds: 10, source: EST },
    "vpc/switch:Switch": { seconds: 10, source: EST },
    "vpc/ipv6Gateway:Ipv6Gateway": { seconds: 30, source: "estimate: waits until the gateway is Available" },
    "vpc/routeEntry:RouteEntry": { seconds: 10, source: `${EST}; entries of one table are chained` },
    "cen/instance:Instance": { seconds: 30, source: "estimate: waits until the CEN instance is Active" },
    "cen/bandwidthPackage:BandwidthPackage": { seconds: 30, source: "estimate: a prepaid order" },
    "cen/bandwidthPackageAttachment:BandwidthPackageAttachment": {
        seconds: 30,
        source: "estimate: waits until the package is InUse",
    },
    "cen/transitRouter:TransitRouter": { seconds: 60, source: "estimate: waits until the transit router is Active" },
    "cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": {
        seconds: 180,
        source: TF("5 min", "minutes, waits until Attached"),
    },
    "cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": {
        seconds: 240,
        source: TF("5 min", "minutes, waits until Attached"),
    },
    "cen/transitRouterRouteTable:TransitRouterRouteTable": { seconds: 30, source: "estimate: waits until Active" },
    "cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation": {
        seconds: 30,
        source: "estimate: waits until Active",
    },
    "cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation": {
        seconds: 30,
        source: "estimate: waits until Active",
    },
    "cen/transitRouterRouteEntry:TransitRouterRouteEntry": { seconds: 30, source: "estimate: waits until Active" },
    "alb/loadBalancer:LoadBalancer": { seconds: 120, source: "estimate: an ALB instance becomes Active in 1-3 min" },
    "alb/serverGroup:ServerGroup": { seconds: 10, source: EST },
    "alb/listener:Listener": { seconds: 20, source: "estimate: waits until the listener is Running" },
    "ecs/securityGroup:SecurityGroup": { seconds: 5, source: EST },
    "ecs/securityGroupRule:SecurityGroupRule": { seconds: 3, source: EST },
    "ecs/instance:Instance": { seconds: 90, source: "estimate: an instance is Running in 1-2 min" },
    "ecs/ecsNetworkInterface:EcsNetworkInterface": { seconds: 15, source: EST },
    "ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment": {
        seconds: 30,
        source: "estimate: waits until the ENI is InUse",
    },
    "ecs/eipAddress:EipAddress": { seconds: 10, source: EST },
    "ecs/eipAssociation:EipAssociation": { seconds: 20, source: "estimate: waits until the EIP is InUse" },
    "cs/managedKubernetes:ManagedKubernetes": { seconds: 600, source: TF("90 min", "ACK: about 10 min") },
    "cs/nodePool:NodePool": { seconds: 300, source: "estimate: nodes are created and join in about 5 min" },
    "servicemesh/serviceMesh:ServiceMesh": { seconds: 420, source: "estimate: an ASM instance takes 5-10 min" },
    "ec2/vpc:Vpc": { seconds: 5, source: EST },
    "ec2/subnet:Subnet": { seconds: 5, source: EST },
    "ec2/natGateway:NatGateway": { seconds: 120, source: "estimate: a NAT gateway becomes Available in 1-2 min" },
    "ec2/vpcEndpoint:VpcEndpoint": {
        seconds: 90,
        source: "estimate: an interface endpoint becomes Available in 1-2 min",
    },
    "lb/loadBalancer:LoadBalancer": { seconds: 180, source: "estimate: an ALB becomes active in a few minutes" },
    "lb/targetGroup:TargetGroup": { seconds: 5, source: EST },
    "lb/listener:Listener": { seconds: 5, source: EST },
    "lb/listenerRule:ListenerRule": { seconds: 5, source: EST },
    "ecs/service:Service": {
        seconds: 180,
        source: "estimate: Pulumi waits for the service's steady state (tasks running, targets healthy)",
    },
    "ecs/cluster:Cluster": { seconds: 10, source: EST },
    "ecs/taskDefinition:TaskDefinition": { seconds: 3, source: EST },
};

/** Types without an entry: cloud API calls that return at once. */
const DEFAULT_TIME: CreationTime = { seconds: 5, source: `default for types without an entry; ${EST}` };
/** Kubernetes objects: applying takes seconds, except workloads waiting to be ready. */
const KUBERNETES_TIME: CreationTime = {
    seconds: 5,
    source: "kubectl apply; Pulumi waits for readiness of workloads only",
};
const KUBERNETES_WORKLOAD_TIME: CreationTime = {
    seconds: 60,
    source: "Pulumi's await logic waits for the rollout (typically under 1 min)",
};

/** The typical creation time of a resource type (components and providers take none). */
export function creationTime(node: Pick<PlanNode, "type" | "custom">): CreationTime {
    if (!node.custom || node.type.startsWith("pulumi:providers:")) return { seconds: 0, source: "no cloud call" };
    if (node.type.startsWith("kubernetes:")) {
        return /:(Deployment|StatefulSet|DaemonSet|Job)$/.test(node.type) ? KUBERNETES_WORKLOAD_TIME : KUBERNETES_TIME;
    }
    return CREATION_TIMES[typeTail(node.type)] ?? DEFAULT_TIME;
}

/** One step of the critical path. */
export interface PathStep {
    readonly name: string;
    readonly type: string;
    readonly seconds: number;
    /** When the step can start, seconds after the deployment starts. */
    readonly startsAt: number;
}

/** The longest chain and its length. */
export interface CriticalPath {
    readonly steps: readonly PathStep[];
    readonly totalSeconds: number;
}

/** What a resource waits for before it can be created. */
export function prerequisites(node: PlanNode): string[] {
    return [...new Set([...node.dependsOn, ...node.references, ...(node.provider ? [node.provider] : [])])];
}

/**
 * The longest chain of creations. Earliest finish of a resource = its time + the latest finish
 * of its prerequisites; the chain ending at the latest finish is the critical path.
 */
export function criticalPath(graph: PlanGraph): CriticalPath {
    const finish = new Map<string, number>();
    const via = new Map<string, string | undefined>();
    const visiting = new Set<string>();
    const finishOf = (key: string): number => {
        const known = finish.get(key);
        if (known !== undefined) return known;
        const node = graph.byKey.get(key)!;
        // A cycle cannot be deployed either; stop it here rather than recurse forever.
        if (visiting.has(key)) return 0;
        visiting.add(key);
        let start = 0;
        let before: string | undefined;
        for (const dep of prerequisites(node)) {
            if (!graph.byKey.has(dep)) continue;
            const f = finishOf(dep);
            if (f > start) {
                start = f;
                before = dep;
            }
        }
        visiting.delete(key);
        const total = start + creationTime(node).seconds;
        finish.set(key, total);
        via.set(key, before);
        return total;
    };
    let end: string | undefined;
    for (const node of graph.nodes) {
        if (!node.custom) continue;
        const f = finishOf(node.key);
        if (end === undefined || f > finish.get(end)!) end = node.key;
    }
    const steps: PathStep[] = [];
    for (let at = end; at !== undefined; at = via.get(at)) {
        const node = graph.byKey.get(at)!;
        const seconds = creationTime(node).seconds;
        steps.unshift({ name: node.name, type: node.type, seconds, startsAt: finish.get(at)! - seconds });
    }
    return { steps: steps.filter(s => s.seconds > 0), totalSeconds: end === undefined ? 0 : finish.get(end)! };
}

/** `1m30s`-style duration. */
export function formatDuration(seconds: number): string {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return m === 0 ? `${s}s` : s === 0 ? `${m}m` : `${m}m${String(s).padStart(2, "0")}s`;
}

/** The chain, one step a line with its start offset, then the total. */
export function renderCriticalPath(path: CriticalPath): string {
    const lines = path.steps.map(
        s =>
            `  +${formatDuration(s.startsAt).padEnd(7)} ${formatDuration(s.seconds).padStart(6)}  ${s.name}  (${s.type})`,
    );
    return [
        ...lines,
        `  total ≈ ${formatDuration(path.totalSeconds)} (typical creation times; see cli/criticalPath.ts for sources)`,
    ].join("\n");
}
