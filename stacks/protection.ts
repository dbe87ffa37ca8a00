/**
 * Which resources a protected stack (`topologies:protect`, prod) protects with Pulumi's
 * `protect`: those that hold state or an identity others point at (an address, a DNS name, a
 * cluster, disks), bill by subscription or by the hour, or are slow to rebuild. Everything else
 * (listeners, rules, routes, attachments of routes, roles, task definitions, the demo workloads)
 * stays unprotected on purpose: `protect` refuses a replacement as well as a deletion ("unable to
 * replace resource … as it is currently marked for protection"), and those are replaced in the
 * ordinary course (a listener's port or protocol, every new task definition revision).
 *
 * How it reaches them: Pulumi's `protect` on a component is inherited by every child that sets
 * none (@pulumi/pulumi resource.js, the Resource constructor: `if (opts.protect === undefined)
 * opts.protect = parent.__protect`), so `protect` on a component would protect its listeners
 * too. The stack sets it per resource instead, by type, with a transformation on the options of
 * every top-level component: children inherit their parent's transformations (same constructor,
 * `this.__transformations`), which run before that inheritance, so the explicit `protect: true`
 * they set is what the engine gets. A resource whose code sets `protect` itself keeps it.
 */
import * as pulumi from "@pulumi/pulumi";

/** The types a protected stack protects, with why. */
export const PROTECTED_TYPES: ReadonlyMap<string, string> = new Map([
    ["alicloud:vpc/network:Network", "the address plan everything sits in"],
    ["alicloud:vpc/switch:Switch", "instances, ALBs and node pools sit in it"],
    ["alicloud:vpc/ipv6Gateway:Ipv6Gateway", "the VPC's IPv6 internet path"],
    ["alicloud:cen/instance:Instance", "the network every route goes through"],
    ["alicloud:cen/transitRouter:TransitRouter", "a region's routing, slow to rebuild"],
    ["alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", "billed by the hour, carries every route"],
    ["alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment", "a billed inter-region connection"],
    ["alicloud:cen/bandwidthPackage:BandwidthPackage", "a subscription"],
    ["alicloud:alb/loadBalancer:LoadBalancer", "the DNS name clients' CNAME points at"],
    ["alicloud:dns/alidnsRecord:AlidnsRecord", "the name clients use"],
    ["alicloud:log/project:Project", "the ALB's access logs, under a name drawn once"],
    ["alicloud:log/store:Store", "the ALB's access logs"],
    ["alicloud:ecs/eipAddress:EipAddress", "a public address clients use"],
    ["alicloud:vpc/commonBandwithPackage:CommonBandwithPackage", "the bandwidth its EIPs share"],
    ["alicloud:ecs/instance:Instance", "a server and its disks"],
    ["alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface", "holds the private addresses the EIPs map to"],
    ["alicloud:cs/managedKubernetes:ManagedKubernetes", "a cluster and its workloads"],
    ["alicloud:cs/nodePool:NodePool", "the cluster's nodes"],
    ["alicloud:servicemesh/serviceMesh:ServiceMesh", "the mesh control plane, slow to rebuild"],
    ["kubernetes:istio.alibabacloud.com/v1beta1:IstioGateway", "its load balancer's public address"],
    ["aws:ec2/vpc:Vpc", "the address plan everything sits in"],
    ["aws:ec2/subnet:Subnet", "the ALB and the tasks sit in it"],
    ["aws:ec2/natGateway:NatGateway", "billed by the hour, the tasks' way out"],
    ["aws:ec2/eip:Eip", "a NAT gateway's public address"],
    ["aws:lb/loadBalancer:LoadBalancer", "the DNS name clients point at"],
    ["aws:route53/record:Record", "the name clients use (and ACM's validation, which renewal needs)"],
    ["aws:s3/bucket:Bucket", "the ALB's access logs"],
    ["aws:ecs/cluster:Cluster", "the services run in it"],
    ["aws:ecs/service:Service", "the running application"],
    ["aws:cloudwatch/logGroup:LogGroup", "the application's logs"],
]);

/**
 * The transformation that protects every resource of a {@link PROTECTED_TYPES} type below the
 * component whose options carry it.
 */
export const protectStatefulResources: pulumi.ResourceTransformation = ({ type, props, opts }) =>
    PROTECTED_TYPES.has(type) && opts.protect === undefined ? { props, opts: { ...opts, protect: true } } : undefined;
