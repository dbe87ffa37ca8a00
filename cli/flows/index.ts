/**
 * The offline reachability verifier: reads a planned stack (the offline engine's recorded
 * resources, with their inputs and the outputs the real providers would return) into a network
 * model, collects the flows every component declares (`intendedFlows`), and walks each one.
 *
 * `topologies plan` prints the result as its "Flows" section; users call {@link verifyFlows} in
 * their own mocked unit tests (exported as `pulumi-topologies/testing`).
 */
import * as pulumi from "@pulumi/pulumi";
import { declaresFlows, FlowEndpoint, IntendedFlow } from "../../components/flows";
import type { World } from "../engine";
import { readAlicloud } from "./alicloud";
import { readAws } from "./aws";
import { asBlock, emptyModel, familyOf, Hop, NetworkModel, Route } from "./model";
import { verdict } from "./securityGroups";
import { attempt, checkRules, fail, internetPlace, Place, stop, subnetOf, Walk, walkBetween } from "./walk";

export type { Hop } from "./model";

/** The verdict on one flow. */
export interface FlowResult {
    /** The flow's name, e.g. `internet → ALB :80`. */
    readonly name: string;
    /** The component that declared it, `type 'name'`, or `user` for flows passed in. */
    readonly component: string;
    readonly from: string;
    readonly to: string;
    readonly protocol: string;
    readonly port?: number;
    readonly intent: "allow" | "deny";
    /** True when the packet reached the destination. */
    readonly reached: boolean;
    /** True when the outcome is what the intent asks: reached for `allow`, stopped for `deny`. */
    readonly ok: boolean;
    /** False when a hop rests on a rule the documentation does not confirm, or on resources outside the plan. */
    readonly confirmed: boolean;
    /** The hops that carried the packet, in order (up to the break). */
    readonly hops: readonly Hop[];
    /** Where it stopped, and the fix (for a broken `allow`), or the hop that blocks it (for `deny`). */
    readonly break?: { readonly hop: Hop; readonly fix: string };
    /** What the verdict rests on that the plan cannot prove. */
    readonly notes: readonly string[];
}

/** Builds the network model of what `world` recorded. */
export function networkModel(world: World): NetworkModel {
    const model = emptyModel();
    readAlicloud(world, model);
    readAws(world, model);
    return model;
}

/** Resolves an input under the offline engine (every value is known there). */
async function resolve<T>(value: pulumi.Input<T> | undefined): Promise<T | undefined> {
    if (value === undefined) return undefined;
    const output = pulumi.output(value) as unknown as { promise(): Promise<T> };
    return output.promise();
}

type Resolved =
    | { readonly kind: "place"; readonly place: Place }
    | { readonly kind: "invalid"; readonly label: string; readonly detail: string }
    | { readonly kind: "internet" }
    | { readonly kind: "loadBalancer"; readonly key: string }
    | { readonly kind: "eip"; readonly key: string }
    | { readonly kind: "awsService"; readonly service: string };

function keyOf(resource: pulumi.Resource): string {
    return `${pulumi.resourceType(resource)}::${pulumi.resourceName(resource)}`;
}

async function resolveEndpoint(endpoint: FlowEndpoint): Promise<Resolved> {
    switch (endpoint.kind) {
        case "internet": return { kind: "internet" };
        case "loadBalancer": return { kind: "loadBalancer", key: keyOf(endpoint.loadBalancer) };
        case "eip": return { kind: "eip", key: keyOf(endpoint.eip) };
        case "awsService": return { kind: "awsService", service: endpoint.service };
        case "host": {
            const [label, address, vpcId, subnetId, groups] = await Promise.all([
                resolve(endpoint.label), resolve(endpoint.address), resolve(endpoint.vpcId), resolve(endpoint.subnetId), resolve(endpoint.securityGroupIds)]);
            const securityGroupIds = await Promise.all((groups ?? []).map(g => resolve(g)));
            const block = typeof address === "string" ? asBlock(address) : undefined;
            if (block === undefined) return { kind: "invalid", label: String(label), detail: `${String(label)}: '${String(address)}' is not an IP address or block` };
            return {
                kind: "place",
                place: {
                    label: String(label), block, networkId: vpcId, subnetId,
                    securityGroupIds: securityGroupIds.filter((g): g is string => typeof g === "string"),
                    deliveredBy: endpoint.deliveredBy, publicIp: endpoint.publicIp,
                },
            };
        }
    }
}

function labelOf(endpoint: Resolved): string {
    switch (endpoint.kind) {
        case "place": return endpoint.place.label;
        case "invalid": return endpoint.label;
        case "internet": return "the internet";
        case "loadBalancer": return endpoint.key.split("::")[1];
        case "eip": return endpoint.key.split("::")[1];
        case "awsService": return `AWS ${endpoint.service}`;
    }
}

/** Internet to a load balancer's listener: public address of the family, gateway routes (AWS), rules, listener. */
function toLoadBalancer(model: NetworkModel, key: string, version: 4 | 6, port: number | undefined, notes: string[], from?: Place): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const lb = model.loadBalancers.get(key);
        if (!lb) stop("listener", `load balancer ${key} is not in this plan`, "Declare the flow on a load balancer the stack builds.");
        const network = model.networks.get(lb.networkId);
        if (!from) {
            const open = version === 6 ? lb.internetIpv6 : lb.internetIpv4;
            if (!open) {
                stop("address", `${lb.name} has no public IPv${version} address`, version === 6
                    ? "Make the load balancer dual-stack with a public IPv6 address (ipv6AddressType Internet)."
                    : "Make the load balancer internet-facing.", lb.hop.resource);
            }
            hops.push(lb.hop);
            if (network?.cloud === "aws" || version === 6) {
                if (!network?.internetGateway) {
                    stop("gateway", `VPC ${network?.name ?? lb.networkId} has no ${version === 6 && network?.cloud === "alicloud" ? "IPv6" : "internet"} gateway`,
                        "Attach a gateway to the VPC.");
                }
                hops.push(network.internetGateway.hop);
            }
            const gateway = network?.internetGateway;
            if (network?.cloud === "aws" && gateway) {
                for (const subnetId of lb.subnetIds) {
                    const subnet = model.subnets.get(subnetId);
                    const table = model.routeTables.get(subnet?.routeTableId ?? "");
                    const entry = table && longestDefault(table.routes, version);
                    if (!entry || entry.target.kind !== "internetGateway" || entry.target.id !== gateway.id) {
                        stop("route", `subnet ${subnet?.name ?? subnetId} of ${lb.name} has no default route to the internet gateway`,
                            "Route 0.0.0.0/0 of the load balancer's subnets to the VPC's internet gateway.", subnet?.routeTableHop?.resource ?? "");
                    }
                    if (subnet?.routeTableHop) hops.push(subnet.routeTableHop);
                    hops.push(entry.hop);
                }
            }
        }
        const peer = from ?? internetPlace(version);
        checkRules(model, hops, notes, "ingress", { label: lb.name, block: "", securityGroupIds: lb.securityGroupIds }, peer,
            { protocol: "tcp", port }, `Allow ingress tcp ${port} from ${peer.block} in ${lb.name}'s security group.`);
        const listener = port === undefined ? undefined : lb.listeners.get(port);
        if (!listener) stop("listener", `${lb.name} has no listener on port ${port}`, `Add a listener on ${port}.`, lb.hop.resource);
        hops.push(listener);
    });
}

/** The default route of a table (AWS public subnets), if it has one. */
function longestDefault(routes: readonly Route[], version: 4 | 6): Route | undefined {
    return routes.find(r => r.destination === (version === 6 ? "::/0" : "0.0.0.0/0"));
}

/** Internet to an EIP in NAT mode: the binding, the interface and its attachment, the interface's rules. */
function toElasticIp(model: NetworkModel, key: string, packet: { protocol: IntendedFlow["protocol"]; port?: number }, notes: string[]): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const eip = model.elasticIps.get(key);
        if (!eip) stop("address", `EIP ${key} is not in this plan`, "Declare the flow on an EIP the stack builds.");
        hops.push(eip.hop);
        if (!eip.binding) stop("association", `EIP ${eip.id} is bound to nothing in NAT mode`, "Associate the EIP with a private IP of the ENI in NAT mode.", eip.hop.resource);
        hops.push(eip.binding.hop);
        const iface = model.interfaces.get(eip.binding.interfaceId);
        if (!iface) stop("interface", `the EIP's network interface ${eip.binding.interfaceId} is not in this plan`, "Bind it to an ENI of the stack.");
        if (!iface.addresses.includes(eip.binding.privateIp)) {
            stop("association", `${eip.binding.privateIp} is not an address of ${iface.name}`, "Bind the EIP to one of the ENI's private IPs.", eip.binding.hop.resource);
        }
        hops.push(iface.hop);
        if (!iface.attachment) stop("attachment", `${iface.name} is attached to no instance`, "Attach the ENI to the instance.", iface.hop.resource);
        hops.push(iface.attachment);
        checkRules(model, hops, notes, "ingress", { label: iface.name, block: `${eip.binding.privateIp}/32`, securityGroupIds: iface.securityGroupIds },
            internetPlace(4), packet, `Allow ingress ${packet.protocol}${packet.port ? ` ${packet.port}` : ""} from 0.0.0.0/0 in the ENI's security group.`);
        notes.push(`replies from ${eip.binding.privateIp} leave by the ENI only with the guest's policy routes (guestScript)`);
    });
}

/** Internet to a host: it needs a public address (its own, or an EIP bound to it). */
function toHost(model: NetworkModel, place: Place, packet: { protocol: IntendedFlow["protocol"]; port?: number }, notes: string[]): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const address = place.block.replace(/\/(32|128)$/, "");
        const owner = [...model.interfaces.values()].find(i => i.addresses.includes(address));
        const eip = [...model.elasticIps.values()].find(e => e.binding?.privateIp === address);
        if (!(place.publicIp || owner?.publicIp || eip)) {
            stop("address", `${place.label} has no public address (no public IP, no EIP bound to ${address})`, "Give it a public IP or an EIP.");
        }
        hops.push(eip?.hop ?? owner?.hop ?? { kind: "address", resource: "", detail: `${place.label} has a public IP` });
        const network = model.networks.get(place.networkId ?? "");
        if (network?.cloud === "aws") {
            const table = model.routeTables.get(subnetOf(model, place)?.routeTableId ?? "");
            const entry = table && longestDefault(table.routes, 4);
            if (!entry || entry.target.kind !== "internetGateway") stop("route", `${place.label}'s subnet has no default route to an internet gateway`, "Route 0.0.0.0/0 to the internet gateway.");
            hops.push(entry.hop);
        }
        checkRules(model, hops, notes, "ingress", place, internetPlace(4), packet, `Allow ingress from 0.0.0.0/0 in ${place.label}'s security group.`);
    });
}

/** A host in an AWS VPC to a service API: interface endpoint, gateway endpoint, NAT gateway or internet gateway. */
function toAwsService(model: NetworkModel, from: Place, service: string, port: number | undefined, notes: string[]): Walk {
    const hops: Hop[] = [];
    return attempt(hops, () => {
        const packet = { protocol: "tcp" as const, port };
        const endpoints = model.endpoints.filter(e => e.networkId === from.networkId && e.service === service);
        const subnet = subnetOf(model, from);
        const table = model.routeTables.get(subnet?.routeTableId ?? "");
        const iface = endpoints.find(e => e.type === "Interface");
        if (iface) {
            hops.push(iface.hop);
            if (!iface.privateDns) stop("endpoint", `the ${service} endpoint has private DNS off, so the service's name resolves to its public address`, "Set privateDnsEnabled on the endpoint.", iface.hop.resource);
            const where = model.subnets.get(iface.subnetIds.find(id => model.subnets.get(id)?.zone === subnet?.zone) ?? iface.subnetIds[0] ?? "");
            if (!where) stop("endpoint", `the ${service} endpoint has no subnet`, "Place the endpoint in the tasks' subnets.", iface.hop.resource);
            const place: Place = { label: `${service} endpoint`, block: where.cidrs[0], networkId: where.networkId, subnetId: where.id, securityGroupIds: iface.securityGroupIds };
            const walk = walkBetween(model, from, place, packet, notes);
            hops.push(...walk.hops);
            if (walk.failure) fail(walk.failure);
            return;
        }
        const gateway = endpoints.find(e => e.type === "Gateway");
        const viaGateway = gateway && table?.routes.find(r => r.target.kind === "gatewayEndpoint" && r.target.id === gateway.id);
        if (gateway && viaGateway) {
            if (subnet?.routeTableHop) hops.push(subnet.routeTableHop);
            hops.push(viaGateway.hop);
            checkPrefixList(model, hops, notes, from, gateway.prefixListId, port);
            return;
        }
        // The public endpoint of the service.
        checkRules(model, hops, notes, "egress", from, internetPlace(4), packet, `Allow egress tcp ${port} to 0.0.0.0/0 (or add a VPC endpoint for ${service}).`);
        const entry = table && longestDefault(table.routes, 4);
        if (!entry) {
            stop("route", `${from.label}'s ${table?.label ?? "route table"} has no endpoint for ${service} and no default route`,
                `Add a VPC endpoint for ${service}, or a NAT gateway route.`, subnet?.routeTableHop?.resource ?? "");
        }
        if (subnet?.routeTableHop) hops.push(subnet.routeTableHop);
        hops.push(entry.hop);
        if (entry.target.kind === "natGateway") {
            const nat = model.natGateways.get(entry.target.id);
            if (!nat?.publicIp) stop("gateway", `NAT gateway ${entry.target.id} has no public address`, "Give the NAT gateway an Elastic IP.");
            hops.push(nat.hop);
            const natTable = model.routeTables.get(model.subnets.get(nat.subnetId)?.routeTableId ?? "");
            const out = natTable && longestDefault(natTable.routes, 4);
            if (!out || out.target.kind !== "internetGateway") stop("route", `the NAT gateway's subnet has no default route to the internet gateway`, "Put the NAT gateway in a public subnet.");
            hops.push(out.hop);
            return;
        }
        if (entry.target.kind === "internetGateway") {
            if (!from.publicIp) stop("address", `${from.label} has no public IP, so the internet gateway drops its traffic`, "Use VPC endpoints or a NAT gateway, or assign a public IP.");
            return;
        }
        stop("route", `${from.label}'s default route leads to ${entry.target.kind}, not out of the VPC`, "Route 0.0.0.0/0 to a NAT gateway.", entry.hop.resource);
    });
}

/** Egress of a host to a gateway endpoint's service: a rule naming the prefix list, or a block covering every address. */
function checkPrefixList(model: NetworkModel, hops: Hop[], notes: string[], from: Place, prefixListId: string | undefined, port: number | undefined): void {
    const result = verdict(model, from.securityGroupIds, "egress", { protocol: "tcp", port, peer: "0.0.0.0/0", peerGroupIds: [], peerPrefixListId: prefixListId });
    if (!result) return;
    if (result.admitted) {
        hops.push(result.hop);
    } else if (result.unconfirmed) {
        notes.push(`egress of ${from.label} depends on rules outside this plan`);
    } else {
        stop("rule", result.hop.detail, `Allow egress tcp ${port} to the service's prefix list ${prefixListId}.`);
    }
}

/** The walk for the kinds of the two ends. */
function dispatch(model: NetworkModel, from: Resolved, to: Resolved, flow: IntendedFlow, version: 4 | 6, notes: string[]): Walk {
    const packet = { protocol: flow.protocol, port: flow.port };
    const invalid = [from, to].find(e => e.kind === "invalid");
    if (invalid?.kind === "invalid") return { hops: [], failure: { hop: { kind: "address", resource: "", detail: invalid.detail }, fix: "Declare the flow with an IPv4 or IPv6 address or block." } };
    if (from.kind === "place" && to.kind === "place") return walkBetween(model, from.place, to.place, packet, notes);
    if (from.kind === "internet" && to.kind === "loadBalancer") return toLoadBalancer(model, to.key, version, flow.port, notes);
    if (from.kind === "place" && to.kind === "loadBalancer") return toLoadBalancer(model, to.key, version, flow.port, notes, from.place);
    if (from.kind === "internet" && to.kind === "eip") return toElasticIp(model, to.key, packet, notes);
    if (from.kind === "internet" && to.kind === "place") return toHost(model, to.place, packet, notes);
    if (from.kind === "place" && to.kind === "awsService") return toAwsService(model, from.place, to.service, flow.port, notes);
    return { hops: [], failure: { hop: { kind: "model", resource: "", detail: `flows from ${from.kind} to ${to.kind} are not modelled` }, fix: "Declare the flow between hosts." } };
}

async function evaluate(model: NetworkModel, component: string, flow: IntendedFlow): Promise<FlowResult> {
    const [name, from, to] = await Promise.all([resolve(flow.name), resolveEndpoint(flow.from), resolveEndpoint(flow.to)]);
    const version = flow.ipVersion ?? (to.kind === "place" ? familyOf(to.place.block) : from.kind === "place" ? familyOf(from.place.block) : 4);
    const notes: string[] = [];
    const walk = dispatch(model, from, to, flow, version, notes);
    const reached = walk.failure === undefined;
    const confirmed = notes.length === 0 && walk.hops.every(h => h.confirmed !== false);
    const unconfirmedHops = walk.hops.filter(h => h.confirmed === false).map(h => `unconfirmed: ${h.detail}`);
    return {
        name: String(name), component, from: labelOf(from), to: labelOf(to), protocol: flow.protocol, port: flow.port, intent: flow.intent,
        reached, ok: flow.intent === "allow" ? reached : !reached, confirmed, hops: walk.hops, break: walk.failure,
        notes: [...unconfirmedHops, ...notes],
    };
}

/** The flows declared by every component the engine recorded, with the component's label. */
export function declaredFlows(world: World): Array<{ component: string; flow: IntendedFlow }> {
    return world.resources.flatMap(r => (declaresFlows(r.resource)
        ? r.resource.intendedFlows.map(flow => ({ component: `${r.type} '${r.name}'`, flow }))
        : []));
}

/**
 * Verifies every flow the planned components declare, plus `extra` flows of the caller's own,
 * against the network `world` recorded. Run it after the build has settled.
 */
export async function verifyFlows(world: World, extra: readonly IntendedFlow[] = []): Promise<FlowResult[]> {
    const model = networkModel(world);
    const flows = [...declaredFlows(world), ...extra.map(flow => ({ component: "user", flow }))];
    return Promise.all(flows.map(({ component, flow }) => evaluate(model, component, flow)));
}

/** The resources that carried a flow, each once in a row (a peering carries a route and the packet). */
function hopNames(hops: readonly Hop[]): string[] {
    const names = hops.map(h => h.resource).filter(name => name !== "");
    const once = names.filter((name, i) => name !== names[i - 1]);
    return once.length > 0 ? once : ["the VPC's local routes"];
}

const LINE_WIDTH = 110;

/** `items` joined by arrows after `head`, wrapped under it. */
function wrapped(head: string, items: readonly string[]): string[] {
    const lines: string[] = [];
    let line = head;
    for (const [i, item] of items.entries()) {
        const piece = i === 0 ? item : ` → ${item}`;
        if (i > 0 && line.length + piece.length > LINE_WIDTH) {
            lines.push(line);
            line = `${" ".repeat(head.length)}→ ${item}`;
        } else {
            line += piece;
        }
    }
    return [...lines, line];
}

/** The plan's "Flows" section. */
export function renderFlows(results: readonly FlowResult[]): string {
    if (results.length === 0) return "  (no component declares a flow)";
    return results.map(r => {
        const mark = r.ok ? (r.confirmed ? "✓" : "✓?") : "✗";
        const head = `  ${mark} ${r.intent === "deny" ? "blocked: " : ""}${r.name}  [${r.component}]`;
        const lines = [head];
        if (!r.ok) {
            if (r.intent === "allow" && r.break) lines.push(`      breaks at ${r.break.hop.resource || r.break.hop.kind}: ${r.break.hop.detail}`, `      fix: ${r.break.fix}`);
            if (r.intent === "deny") lines.push(...wrapped("      is open: ", hopNames(r.hops)));
        } else if (r.intent === "deny" && r.break) {
            lines.push(`      stopped at: ${r.break.hop.detail}`);
        } else {
            lines.push(...wrapped("      via ", hopNames(r.hops)));
        }
        for (const note of r.notes) lines.push(`      note: ${note}`);
        return lines.join("\n");
    }).join("\n");
}
