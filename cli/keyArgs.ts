/**
 * The few arguments of each resource a reviewer checks in a plan: CIDRs, zones, regions, ports,
 * weights, bandwidth. Known types list theirs; any other type falls back to its scalar inputs
 * whose names say they matter, so new components show something useful without an edit here.
 * Secret values print as `[secret]`, whatever the type.
 */
import { isSecretValue, typeTail } from "./graph";

/** What a secret value prints as. */
export const REDACTED = "[secret]";

/** Input paths (dot-separated) per type token without its package. */
const KEY_ARGS: Record<string, readonly string[]> = {
    "providers:alicloud": ["region"],
    "providers:aws": ["region"],
    "vpc/network:Network": ["cidrBlock", "enableIpv6"],
    "vpc/switch:Switch": ["zoneId", "cidrBlock", "ipv6CidrBlockMask"],
    "vpc/routeEntry:RouteEntry": ["destinationCidrblock", "nexthopType"],
    "cen/bandwidthPackage:BandwidthPackage": ["bandwidth", "geographicRegionAId", "geographicRegionBId", "paymentType"],
    "cen/instance:Instance": [],
    "cen/bandwidthPackageAttachment:BandwidthPackageAttachment": [],
    "cen/transitRouter:TransitRouter": [],
    "cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation": [],
    "cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation": [],
    "cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": ["zoneMappings.zoneId", "paymentType"],
    "cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": [
        "peerTransitRouterRegionId",
        "bandwidth",
        "bandwidthType",
    ],
    "cen/transitRouterRouteEntry:TransitRouterRouteEntry": [
        "transitRouterRouteEntryDestinationCidrBlock",
        "transitRouterRouteEntryNextHopType",
    ],
    "alb/loadBalancer:LoadBalancer": ["addressType", "addressIpVersion", "loadBalancerEdition", "zoneMappings.zoneId"],
    "alb/serverGroup:ServerGroup": [
        "serverGroupType",
        "protocol",
        "servers.serverIp",
        "servers.port",
        "servers.weight",
    ],
    "alb/listener:Listener": ["listenerProtocol", "listenerPort"],
    "ecs/securityGroupRule:SecurityGroupRule": ["type", "ipProtocol", "portRange", "cidrIp", "ipv6CidrIp"],
    "ecs/instance:Instance": [
        "instanceType",
        "availabilityZone",
        "privateIp",
        "ipv6AddressCount",
        "internetMaxBandwidthOut",
    ],
    "ecs/ecsNetworkInterface:EcsNetworkInterface": ["primaryIpAddress", "secondaryPrivateIpAddressCount"],
    "ecs/eipAddress:EipAddress": ["bandwidth", "internetChargeType", "isp"],
    "ecs/eipAssociation:EipAssociation": ["instanceType", "mode", "privateIpAddress"],
    "cs/managedKubernetes:ManagedKubernetes": ["clusterSpec", "version", "podCidr", "serviceCidr", "zoneIds"],
    "cs/nodePool:NodePool": ["instanceTypes", "desiredSize"],
    "servicemesh/serviceMesh:ServiceMesh": ["edition", "version", "network.vpcId"],
    "ec2/vpc:Vpc": ["cidrBlock", "assignGeneratedIpv6CidrBlock"],
    "ec2/subnet:Subnet": ["availabilityZone", "cidrBlock", "mapPublicIpOnLaunch"],
    "ec2/route:Route": ["destinationCidrBlock"],
    "lb/loadBalancer:LoadBalancer": ["loadBalancerType", "internal", "ipAddressType"],
    "lb/targetGroup:TargetGroup": ["targetType", "protocol", "port"],
    "lb/listener:Listener": ["protocol", "port"],
    // Which requests the rule takes, and in what order the listener tries it.
    "lb/listenerRule:ListenerRule": ["priority", "conditions.hostHeader.values", "conditions.pathPattern.values"],
    "ecs/service:Service": [
        "launchType",
        "capacityProviderStrategies.capacityProvider",
        "capacityProviderStrategies.weight",
        "capacityProviderStrategies.base",
        "platformVersion",
        "desiredCount",
    ],
    "appautoscaling/target:Target": ["minCapacity", "maxCapacity"],
    "appautoscaling/policy:Policy": ["targetTrackingScalingPolicyConfiguration.targetValue"],
    "ecs/taskDefinition:TaskDefinition": ["cpu", "memory", "networkMode"],
    "vpc/securityGroupIngressRule:SecurityGroupIngressRule": [
        "ipProtocol",
        "fromPort",
        "toPort",
        "cidrIpv4",
        "cidrIpv6",
    ],
    "vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["ipProtocol", "fromPort", "toPort", "cidrIpv4", "cidrIpv6"],
};

/** Kubernetes objects are told apart by kind and name, whatever their type token. */
const KUBERNETES_ARGS = ["kind", "metadata.namespace", "metadata.name"];

/** Names of inputs worth showing for a type without an entry above. */
const GENERIC_KEY =
    /cidr|zone|region|port|weight|bandwidth|protocol|ipaddress|privateip|count|size|spec|edition|version|mode|type$/i;
const GENERIC_LIMIT = 6;

/** The key arguments of a resource, ready to print: path → compact value. */
export function keyArgs(type: string, inputs: Record<string, unknown>): Record<string, string> {
    const paths =
        type.startsWith("kubernetes:") && !type.startsWith("kubernetes:providers")
            ? KUBERNETES_ARGS
            : (KEY_ARGS[typeTail(type)] ?? genericPaths(inputs));
    const result: Record<string, string> = {};
    for (const p of paths) {
        const value = pick(inputs, p.split("."));
        if (value !== undefined) result[p] = formatValue(value);
    }
    return result;
}

function genericPaths(inputs: Record<string, unknown>): string[] {
    return (
        Object.entries(inputs)
            // Ids (`vpcId`, `securityGroupIds`) are references, shown by the tree and the diagram.
            .filter(
                ([k, v]) =>
                    GENERIC_KEY.test(k) &&
                    !/Ids?$/.test(k) &&
                    v !== undefined &&
                    v !== null &&
                    k !== "__defaults" &&
                    (isSecretValue(v) ||
                        typeof v !== "object" ||
                        (Array.isArray(v) && v.every(x => typeof x !== "object"))),
            )
            .slice(0, GENERIC_LIMIT)
            .map(([k]) => k)
    );
}

/** Follows a path; through arrays it collects the values of every element. */
function pick(value: unknown, path: string[]): unknown {
    if (isSecretValue(value)) return value;
    if (path.length === 0) return value;
    if (Array.isArray(value)) {
        const items = value.map(v => pick(v, path)).filter(v => v !== undefined);
        return items.length > 0 ? items : undefined;
    }
    if (value === null || typeof value !== "object") return undefined;
    return pick((value as Record<string, unknown>)[path[0]], path.slice(1));
}

/** A value on one line: lists joined with commas, objects as `k=v`, secrets redacted. */
export function formatValue(value: unknown): string {
    if (isSecretValue(value)) return REDACTED;
    if (Array.isArray(value)) return value.map(formatValue).join(",");
    if (value !== null && typeof value === "object") {
        return Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => `${k}=${formatValue(v)}`)
            .join(" ");
    }
    return String(value);
}
