/**
 * No public address on Fargate tasks, nor on anything that serves as an ALB backend: backends are
 * reached through their load balancer only.
 *
 * Property names (node_modules/@pulumi/{aws,alicloud} .d.ts, Terraform sources):
 * - `aws:ecs/service` and `aws:ecs/taskSet`: `networkConfiguration.assignPublicIp`, a bool
 *   defaulting to false (aws_ecs_task_set `network_configuration.assign_public_ip`,
 *   hashicorp/terraform-provider-aws internal/service/ecs/task_set.go; the same block on
 *   aws_ecs_service). The bridged provider reads the string "true" as true, so it counts.
 * - `alicloud:alb/serverGroup`: `servers[]` with `serverType` (Ecs, Eni, Eci, Ip, Fc), `serverId`
 *   and `serverIp`; backends are found through the dependencies of `servers` (ids are unknown in
 *   a preview) and by literal id or address.
 * - `alicloud:ecs/instance`: `internetMaxBandwidthOut` above 0 gives it a public IP.
 * - `alicloud:ecs/eipAssociation`: `allocationId`, `instanceId`, `instanceType` (EcsInstance by
 *   default, NetworkInterface, IpAddress…), `privateIpAddress` with IpAddress; an EIP bound to a
 *   backend, to an ENI attached to one (`alicloud:ecs/ecsNetworkInterfaceAttachment`
 *   `instanceId`, `networkInterfaceId`) or to a backend's address exposes it.
 * - `alicloud:eci/containerGroup`: `autoCreateEip`, `eipInstanceId`.
 * - `alicloud:vpc/ipv6InternetBandwidth`: `ipv6AddressId`; public IPv6 bandwidth on a backend's
 *   address, followed through the property's dependencies.
 */
import type { ReportViolation } from "@pulumi/policy";
import {
    field,
    isTrue,
    asNumber,
    known,
    knownItems,
    readStrings,
    StackIndex,
    StackResource,
    unique,
} from "./resources";

const INSTANCE = "alicloud:ecs/instance:Instance";
const CONTAINER_GROUP = "alicloud:eci/containerGroup:ContainerGroup";
const ENI = "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface";
const BACKEND_TYPES: ReadonlySet<string> = new Set([INSTANCE, CONTAINER_GROUP, ENI]);
const EIP_TARGET_TYPES: ReadonlySet<string> = new Set([INSTANCE, CONTAINER_GROUP, ENI]);
const INSTANCE_TYPES: ReadonlySet<string> = new Set([INSTANCE]);
const ENI_TYPES: ReadonlySet<string> = new Set([ENI]);

/** ALB backends: their keys (URNs of the stack, or literal ids) and their literal addresses. */
function albBackends(stack: StackIndex): { keys: Set<string>; addresses: Set<string> } {
    const keys = new Set<string>();
    const addresses = new Set<string>();
    for (const group of stack.resources.filter(r => r.type === "alicloud:alb/serverGroup:ServerGroup")) {
        const servers = knownItems(() => group.props.servers);
        const followed = group.propertyDependencies?.servers?.length
            ? stack.pointsAt(group, "servers", BACKEND_TYPES)
            : (group.dependencies ?? []).map(d => d.urn);
        for (const key of followed) if (BACKEND_TYPES.has(stack.resource(key)?.type ?? "")) keys.add(key);
        for (const server of servers) {
            const id = field(server, "serverId");
            const ip = field(server, "serverIp");
            if (typeof id === "string" && id.trim() !== "") keys.add(stack.keyOfId(id.trim()));
            if (typeof ip === "string" && ip.trim() !== "") addresses.add(ip.trim().toLowerCase());
            // An Ip server's id is its address.
            if (typeof id === "string" && /^[\d.:a-f]+$/i.test(id.trim())) addresses.add(id.trim().toLowerCase());
        }
    }
    return { keys, addresses };
}

/** A key as a message names it: the resource's name, or the literal id. */
function nameOf(stack: StackIndex, key: string): string {
    return stack.resource(key)?.name ?? key.replace(/^id:/, "");
}

function assignsPublicIp(r: StackResource): boolean {
    const config = known(() => r.props.networkConfiguration);
    // One block; a list of one where a provider keeps the Terraform shape.
    const block = Array.isArray(config) ? knownItems(() => config)[0] : config;
    return isTrue(field(block, "assignPublicIp"));
}

/** Instances (by key) that ENIs (by key) are attached to. */
function eniAttachments(stack: StackIndex): Map<string, string[]> {
    const attached = new Map<string, string[]>();
    for (const a of stack.resources) {
        if (a.type !== "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment") continue;
        const instances = stack.pointsAt(a, "instanceId", INSTANCE_TYPES);
        for (const eni of stack.pointsAt(a, "networkInterfaceId", ENI_TYPES))
            attached.set(eni, unique([...(attached.get(eni) ?? []), ...instances]));
    }
    return attached;
}

/** The backend an EIP association exposes, named for the message, if any. */
function exposedBackend(
    stack: StackIndex,
    association: StackResource,
    backends: { keys: Set<string>; addresses: Set<string> },
    attachments: Map<string, string[]>,
): string | undefined {
    for (const key of stack.pointsAt(association, "instanceId", EIP_TARGET_TYPES)) {
        if (backends.keys.has(key)) return nameOf(stack, key);
        const through = (attachments.get(key) ?? []).find(i => backends.keys.has(i));
        if (through) return `${nameOf(stack, through)} (through ENI ${nameOf(stack, key)})`;
    }
    const address = known(() => association.props.privateIpAddress);
    if (typeof address === "string" && backends.addresses.has(address.trim().toLowerCase())) return address.trim();
    return undefined;
}

/** No public IP on Fargate tasks, nor on anything behind an ALB. */
export function checkPublicBackends(resources: readonly StackResource[], report: ReportViolation): void {
    const stack = new StackIndex(resources);
    const backends = albBackends(stack);
    const attachments = eniAttachments(stack);
    const isBackend = (r: StackResource) => backends.keys.has(r.urn);
    for (const r of resources) {
        switch (r.type) {
            case "aws:ecs/service:Service":
            case "aws:ecs/taskSet:TaskSet":
                if (assignsPublicIp(r))
                    report(
                        `${r.name} gives its Fargate tasks public IPs; run them in private subnets with VPC endpoints or a NAT gateway.`,
                        r.urn,
                    );
                break;
            case INSTANCE:
                if (isBackend(r) && (asNumber(known(() => r.props.internetMaxBandwidthOut, 0)) ?? 0) > 0)
                    report(
                        `${r.name} is an ALB backend with a public IP; backends are reached through the ALB only.`,
                        r.urn,
                    );
                break;
            case CONTAINER_GROUP: {
                // An EIP id known only after apply is still an EIP.
                const eip = readStrings(() => r.props.eipInstanceId);
                if (
                    isBackend(r) &&
                    (isTrue(known(() => r.props.autoCreateEip)) || eip.values.length > 0 || eip.unknown)
                )
                    report(
                        `${r.name} is an ALB backend with an EIP; backends are reached through the ALB only.`,
                        r.urn,
                    );
                break;
            }
            case "alicloud:ecs/eipAssociation:EipAssociation": {
                const backend = exposedBackend(stack, r, backends, attachments);
                if (backend)
                    report(
                        `${r.name} binds an EIP to ALB backend ${backend}; backends are reached through the ALB only.`,
                        r.urn,
                    );
                break;
            }
            case "alicloud:vpc/ipv6InternetBandwidth:Ipv6InternetBandwidth": {
                const backend = stack.pointsAt(r, "ipv6AddressId", BACKEND_TYPES).find(k => backends.keys.has(k));
                if (backend)
                    report(
                        `${r.name} gives ALB backend ${nameOf(stack, backend)} public IPv6 bandwidth; backends are reached through the ALB only.`,
                        r.urn,
                    );
                break;
            }
            default:
                break;
        }
    }
}
