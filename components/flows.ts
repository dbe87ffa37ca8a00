/**
 * Intended flows: the traffic a component exists to carry, and the traffic it must keep out,
 * declared as data from its own resolved plan. The offline reachability verifier
 * (`verifyFlows` in `pulumi-topologies/testing`, and the "Flows" section of `topologies plan`)
 * walks each one through the planned routes, attachments and security-group rules.
 *
 * Declaring flows registers nothing and costs nothing in a real deployment: they are plain
 * objects on the component (`intendedFlows`), read only by the verifier.
 */
import * as pulumi from "@pulumi/pulumi";

/** Transport of a flow. `icmp` and `icmpv6` carry no port. */
export type FlowProtocol = "tcp" | "udp" | "icmp" | "icmpv6";

/** An address (or block) inside a network, guarded by security groups. */
export interface FlowHost {
    readonly kind: "host";
    /** What the host is, for the report, e.g. `ECS1 192.168.7.10` (an Output when it names an address known later). */
    readonly label: pulumi.Input<string>;
    /** IPv4 or IPv6 address, or a block (all its addresses must get through), e.g. a Pod CIDR. */
    readonly address: pulumi.Input<string>;
    /** The VPC it is in (id). */
    readonly vpcId: pulumi.Input<string>;
    /**
     * The vSwitch or subnet it is in (id), which decides its route table on AWS. Default: the
     * subnet of the VPC whose block holds the address.
     */
    readonly subnetId?: pulumi.Input<string>;
    /** Security groups of its network interface. Default: none (nothing filters it). */
    readonly securityGroupIds?: pulumi.Input<ReadonlyArray<pulumi.Input<string>>>;
    /**
     * How the cloud delivers the address inside its VPC when no vSwitch holds it, e.g. "the
     * per-node routes Flannel writes at run time" for a Pod CIDR, or "the ALB's own network" for
     * legacy back-to-origin blocks. The verifier reports that hop as unconfirmed. Default: the
     * address must lie in a vSwitch or subnet of the VPC.
     */
    readonly deliveredBy?: string;
    /**
     * The host has a public address of its own (a task with `assignPublicIp`). Default: looked up
     * in the plan (an instance bought with bandwidth, an EIP bound to the address).
     */
    readonly publicIp?: boolean;
}

/** Any address on the internet (IPv4, or IPv6 for an `ipVersion: 6` flow). */
export interface FlowInternet {
    readonly kind: "internet";
    /**
     * The clients' block on the internet, e.g. an office's `203.0.113.0/24` (a listener's access
     * control list may admit only some). Default: every address of the flow's IP version.
     */
    readonly block?: string;
}

/** A load balancer's front end: what clients connect to on the listener port. */
export interface FlowLoadBalancer {
    readonly kind: "loadBalancer";
    /** The load balancer resource (`alicloud.alb.LoadBalancer` or `aws.lb.LoadBalancer`). */
    readonly loadBalancer: pulumi.Resource;
}

/** An elastic IP in NAT mode: what clients connect to, translated to the private address it is bound to. */
export interface FlowElasticIp {
    readonly kind: "eip";
    /** The EIP (`alicloud.ecs.EipAddress`). */
    readonly eip: pulumi.Resource;
}

/** An AWS service API reached from inside a VPC (through an endpoint, a NAT gateway or an internet gateway). */
export interface FlowAwsService {
    readonly kind: "awsService";
    /** Endpoint service suffix, e.g. `ecr.api`, `ecr.dkr`, `logs`, `s3`. */
    readonly service: string;
}

/** Where a flow starts or ends. */
export type FlowEndpoint = FlowHost | FlowInternet | FlowLoadBalancer | FlowElasticIp | FlowAwsService;

/** One flow a component exists for (`allow`) or must keep out (`deny`). */
export interface IntendedFlow {
    /** What the flow is, e.g. `internet → ALB :80`. Unique within the component. */
    readonly name: pulumi.Input<string>;
    readonly from: FlowEndpoint;
    readonly to: FlowEndpoint;
    readonly protocol: FlowProtocol;
    /** Destination port (tcp, udp). */
    readonly port?: number;
    /** IP version of the packets. Default: the destination's (4 unless an IPv6 address). */
    readonly ipVersion?: 4 | 6;
    /** `allow`: must get through; `deny`: must be stopped somewhere on the way. */
    readonly intent: "allow" | "deny";
}

/** A component that declares its flows. */
export interface DeclaresFlows {
    /** The flows this component exists for, and those it must block. */
    readonly intendedFlows: readonly IntendedFlow[];
}

/** True for an object carrying {@link DeclaresFlows.intendedFlows}. */
export function declaresFlows(value: unknown): value is DeclaresFlows {
    return typeof value === "object" && value !== null && Array.isArray((value as DeclaresFlows).intendedFlows);
}

/** Helpers that spell the endpoints. */
export const flowTo = {
    internet: (block?: string): FlowInternet =>
        block === undefined ? { kind: "internet" } : { kind: "internet", block },
    loadBalancer: (loadBalancer: pulumi.Resource): FlowLoadBalancer => ({ kind: "loadBalancer", loadBalancer }),
    eip: (eip: pulumi.Resource): FlowElasticIp => ({ kind: "eip", eip }),
    awsService: (service: string): FlowAwsService => ({ kind: "awsService", service }),
    host: (host: Omit<FlowHost, "kind">): FlowHost => ({ kind: "host", ...host }),
};
