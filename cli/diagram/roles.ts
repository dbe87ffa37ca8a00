/**
 * What each resource becomes in the picture, from its type token alone: a container (VPC,
 * subnet), a joint drawn as a line (attachments, associations), a detail that is counted but not
 * drawn (routes, rules), a gateway on a VPC's edge, or a box. Works for any type: unknown types
 * are boxes placed by what they refer to.
 */
import { PlanNode, typeTail } from "../graph";

/** What a node becomes in the picture. */
export type Role = "vpc" | "subnet" | "connector" | "hidden" | "kubernetes" | "node";

const VPC = /^(vpc\/network:Network|ec2\/vpc:Vpc)$/;
const SUBNET = /^(vpc\/switch:Switch|ec2\/subnet:Subnet)$/;
/**
 * Detail resources: numerous, and their meaning is already on the picture (routes, rules,
 * bindings, a service's scaling and its cluster's capacity providers, a bucket's settings, the
 * wait for a certificate to be issued).
 */
const HIDDEN =
    /^appautoscaling\/|clusterCapacityProviders|RouteEntry|\/route:Route$|RouteTableAssociation|RouteTablePropagation|SecurityGroupRule|IngressRule|EgressRule|Policy|LogGroup|routeTable:RouteTable$|^s3\/bucket(PublicAccessBlock|OwnershipControls|ServerSideEncryptionConfiguration|LifecycleConfiguration):|certificateValidation:CertificateValidation$/;
/** A listener rule joins its listener to the target group it forwards to. */
const CONNECTOR = /Attachment|Association|listenerRule:ListenerRule$/;
/** Resources that belong to no region, though an API call in some region creates them. */
export const GLOBAL = /^(cen\/instance:Instance|cen\/bandwidthPackage:BandwidthPackage)$/;
/** A global network the regions' routers join: drawn as the band the peerings run in. */
export const HUB = /^cen\/instance:Instance$/;

export function roleOf(node: PlanNode): Role {
    const tail = typeTail(node.type);
    if (!node.custom || node.type.startsWith("pulumi:providers:")) return "hidden";
    if (node.type.startsWith("kubernetes:")) return "kubernetes";
    if (VPC.test(tail)) return "vpc";
    if (SUBNET.test(tail)) return "subnet";
    if (HIDDEN.test(tail) || isAcmValidationRecord(node)) return "hidden";
    if (CONNECTOR.test(tail)) return "connector";
    return "node";
}

/** A DNS record ACM asked for to validate a certificate: its meaning is the certificate's box. */
function isAcmValidationRecord(node: PlanNode): boolean {
    if (!/route53\/record:Record$/.test(typeTail(node.type))) return false;
    const records: unknown = node.inputs.records;
    return Array.isArray(records) && records.some(r => typeof r === "string" && /\.acm-validations\.aws\.?$/.test(r));
}

/**
 * Gateways drawn on a VPC's border: where traffic enters from the internet (top) or leaves for a
 * cloud service (bottom), as architecture diagrams draw them.
 */
export function edgeOf(type: string): "top" | "bottom" | undefined {
    const tail = typeTail(type);
    if (/internetGateway|InternetGateway|ipv6Gateway:Ipv6Gateway|vpnGateway:VpnGateway/.test(tail)) return "top";
    if (/vpcEndpoint:VpcEndpoint$/.test(tail)) return "bottom";
    return undefined;
}

/**
 * Resources other boxes use rather than send traffic to (security groups, roles, task
 * definitions, clusters of tasks, scripts): a box naming one lists it ("uses …") instead of an
 * arrow, which would cross the picture for no traffic.
 */
export function isDetail(type: string): boolean {
    return /securityGroup:SecurityGroup$|iam\/role:Role$|taskDefinition:TaskDefinition$|ecs\/cluster:Cluster$|ecs\/command:Command$|keyPair|instanceProfile/.test(
        typeTail(type),
    );
}

/** Inputs naming the two ends of well-known connectors; others join every drawn thing they refer to. */
export const CONNECTOR_ENDS: Record<string, readonly string[]> = {
    "cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": ["transitRouterId", "vpcId"],
    "cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": ["transitRouterId", "peerTransitRouterId"],
    "cen/bandwidthPackageAttachment:BandwidthPackageAttachment": ["bandwidthPackageId", "instanceId"],
    "ecs/eipAssociation:EipAssociation": ["allocationId", "instanceId"],
    "ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment": ["networkInterfaceId", "instanceId"],
    "lb/listenerRule:ListenerRule": ["listenerArn", "actions"],
};

/** Connectors between two regions' routers: drawn as a box in the hub band naming both ends. */
export const PEERING = /transitRouterPeerAttachment:TransitRouterPeerAttachment$|transitGatewayPeeringAttachment/;

/**
 * Inputs that hold a backend's address (ALB server groups, target group attachments, classic
 * backends); an address no planned resource produced is drawn as a backend of its own.
 */
export const BACKEND_ADDRESS_KEYS = /^(serverIp|targetId|ipAddress|ip)$/;
export const BACKEND_HOLDER = /serverGroup|targetGroupAttachment|backendServer|BackendServer|ServerGroup/;

/** Fill colours by service family, so a reader finds the load balancers or the CEN at a glance. */
const FAMILY_COLOURS: ReadonlyArray<[RegExp, string]> = [
    [/^(alicloud:cen|aws:ec2\/transitGateway)/, "#fde2c4"],
    [/^(alicloud:(alb|slb|nlb)|aws:lb)/, "#d4f0d4"],
    [/^(alicloud:(cs|servicemesh)|aws:(ecs|eks)|kubernetes:)/, "#e6dcf5"],
    [/^(alicloud:ecs\/(instance|ecsNetworkInterface)|aws:ec2\/instance)/, "#fff4c2"],
    [/(eip|Eip|natGateway|NatGateway|internetGateway|InternetGateway|Ipv6Gateway)/, "#f9d7e5"],
    [/vpcEndpoint/, "#fde7c8"],
    [/(securityGroup|SecurityGroup)/, "#eeeeee"],
];

export function fillOf(type: string): string {
    return FAMILY_COLOURS.find(([re]) => re.test(type))?.[1] ?? "#ffffff";
}

/** Order inside a container: gateways, load balancers, compute, the rest. */
export function rankOf(type: string): number {
    const tail = typeTail(type);
    if (/[Gg]ateway/.test(tail)) return 0;
    if (/loadBalancer|LoadBalancer|listener|Listener/.test(tail)) return 1;
    if (/serverGroup|ServerGroup|targetGroup|TargetGroup/.test(tail)) return 2;
    if (/instance:Instance|Kubernetes|nodePool|serviceMesh|ecs\/service|NetworkInterface/.test(tail)) return 3;
    if (/securityGroup|SecurityGroup/.test(tail)) return 6;
    return 4;
}
