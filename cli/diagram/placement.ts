/**
 * Where each drawn resource sits, from the references its inputs record: in the subnet it names
 * (in each of them when it spans several, as a load balancer's nodes or a service's tasks do),
 * on its VPC's edge (gateways, endpoints), in its VPC, in its region, or in the band of the
 * global network. Subnets get their zone, block and tier (public when their route table sends
 * 0.0.0.0/0 to an internet gateway).
 */
import { ipInCidr, parseIp } from "../../components/net";
import { PlanGraph, PlanNode, typeTail } from "../graph";
import { keyArgs } from "../keyArgs";
import { BACKEND_ADDRESS_KEYS, BACKEND_HOLDER, edgeOf, GLOBAL, HUB, Role, roleOf } from "./roles";

export type Tier = "public" | "private";

export interface SubnetInfo {
    readonly key: string;
    readonly vpc: string;
    readonly zone?: string;
    readonly cidr?: string;
    readonly tier?: Tier;
}

/** Where a box goes. */
export type Home =
    | { readonly kind: "subnets"; readonly subnets: readonly string[] }
    | { readonly kind: "vpc"; readonly vpc: string }
    | { readonly kind: "edge"; readonly vpc: string; readonly side: "top" | "bottom" }
    | { readonly kind: "region"; readonly region?: string }
    | { readonly kind: "hub"; readonly hub?: string };

/** A backend known only by its address: no planned resource produced it. */
export interface AddressBackend {
    readonly id: string;
    readonly address: string;
    /** Keys of the resources that name it (server groups, attachments). */
    readonly holders: string[];
    readonly home: Home;
}

export interface Placement {
    readonly role: ReadonlyMap<string, Role>;
    readonly subnets: ReadonlyMap<string, SubnetInfo>;
    readonly home: ReadonlyMap<string, Home>;
    readonly backends: readonly AddressBackend[];
    /** The region a resource is drawn in; undefined for global ones. */
    regionOf(key: string): string | undefined;
}

function isIp(text: string): boolean {
    try {
        parseIp(text);
        return true;
    } catch {
        return false;
    }
}

/** The VPC of a home, when it has one. */
export function vpcOfHome(home: Home | undefined, subnets: ReadonlyMap<string, SubnetInfo>): string | undefined {
    if (home === undefined) return undefined;
    if (home.kind === "vpc" || home.kind === "edge") return home.vpc;
    if (home.kind === "subnets") return subnets.get(home.subnets[0])?.vpc;
    return undefined;
}

function tiers(graph: PlanGraph, role: ReadonlyMap<string, Role>): Map<string, Tier> {
    const isGateway = (k: string) => /internetGateway:InternetGateway$/.test(typeTail(graph.byKey.get(k)!.type));
    const tablesToInternet = new Set<string>();
    const associations: PlanNode[] = [];
    for (const n of graph.nodes) {
        const tail = typeTail(n.type);
        if (/RouteTableAssociation/.test(tail)) associations.push(n);
        else if (/\/route:Route$|RouteEntry/.test(tail) && n.references.some(isGateway)) {
            for (const r of n.references)
                if (/routeTable:RouteTable$/.test(graph.byKey.get(r)!.type)) tablesToInternet.add(r);
        }
    }
    const tier = new Map<string, Tier>();
    for (const a of associations) {
        const subnet = a.references.find(r => role.get(r) === "subnet");
        if (!subnet) continue;
        const isPublic = a.references.some(r => tablesToInternet.has(r));
        if (isPublic || !tier.has(subnet)) tier.set(subnet, isPublic ? "public" : "private");
    }
    return tier;
}

export function place(graph: PlanGraph): Placement {
    const role = new Map(graph.nodes.map(n => [n.key, roleOf(n)]));
    const tierOf = tiers(graph, role);
    const subnets = new Map<string, SubnetInfo>();
    for (const n of graph.nodes) {
        if (role.get(n.key) !== "subnet") continue;
        const vpc = n.references.find(r => role.get(r) === "vpc");
        if (!vpc) {
            role.set(n.key, "node");
            continue;
        }
        const args = keyArgs(n.type, n.inputs);
        subnets.set(n.key, {
            key: n.key,
            vpc,
            zone: args.zoneId ?? args.availabilityZone,
            cidr: args.cidrBlock,
            tier: tierOf.get(n.key),
        });
    }
    const regionOf = (k: string): string | undefined => {
        const n = graph.byKey.get(k);
        return n === undefined || GLOBAL.test(typeTail(n.type)) ? undefined : n.region;
    };
    const home = new Map<string, Home>();
    const hubs = graph.nodes.filter(n => HUB.test(typeTail(n.type)));
    const pending: PlanNode[] = [];
    for (const n of graph.nodes) {
        if (role.get(n.key) !== "node") continue;
        const tail = typeTail(n.type);
        if (GLOBAL.test(tail)) {
            if (HUB.test(tail)) continue;
            // A global resource belongs to the network its attachment names, or to the only one.
            const attached = graph.nodes
                .find(c => role.get(c.key) === "connector" && c.references.includes(n.key))
                ?.references.find(r => hubs.some(h => h.key === r));
            home.set(n.key, { kind: "hub", hub: attached ?? (hubs.length === 1 ? hubs[0].key : undefined) });
            continue;
        }
        const own = [...new Set(n.references.filter(k => subnets.has(k)))];
        const vpcs = new Set([
            ...n.references.filter(k => role.get(k) === "vpc"),
            ...own.map(s => subnets.get(s)!.vpc),
        ]);
        const side = edgeOf(n.type);
        if (side && vpcs.size === 1) home.set(n.key, { kind: "edge", vpc: [...vpcs][0], side });
        else if (own.length > 0 && vpcs.size === 1) home.set(n.key, { kind: "subnets", subnets: own });
        else if (vpcs.size === 1) home.set(n.key, { kind: "vpc", vpc: [...vpcs][0] });
        else pending.push(n);
    }
    // What refers to no network (a listener, a DNS record) sits in the VPC of what it refers to,
    // when that is one VPC; repeated so chains (record → load balancer → VPC) settle.
    for (let changed = true; changed;) {
        changed = false;
        for (const n of pending) {
            if (home.has(n.key)) continue;
            const vpcs = new Set(
                n.references.filter(k => role.get(k) === "node").map(k => vpcOfHome(home.get(k), subnets)),
            );
            const [only] = vpcs;
            if (vpcs.size === 1 && only !== undefined) {
                home.set(n.key, { kind: "vpc", vpc: only });
                changed = true;
            }
        }
    }
    // What refers to nothing and serves one box (a NAT gateway's address) sits beside that box.
    for (const n of pending) {
        if (home.has(n.key) || n.references.some(k => role.get(k) === "node")) continue;
        const users = graph.nodes.filter(u => role.get(u.key) === "node" && u.references.includes(n.key));
        const homes = new Set(users.map(u => JSON.stringify(home.get(u.key) ?? null)));
        const [only] = homes;
        const single = only === undefined ? undefined : (JSON.parse(only) as Home | null);
        if (homes.size === 1 && single && (single.kind !== "subnets" || single.subnets.length === 1))
            home.set(n.key, single.kind === "edge" ? { kind: "vpc", vpc: single.vpc } : single);
    }
    for (const n of pending) if (!home.has(n.key)) home.set(n.key, { kind: "region", region: regionOf(n.key) });

    return { role, subnets, home, backends: addressBackends(graph, role, subnets, regionOf), regionOf };
}

/** Backends given by address that no planned resource produced (an existing server's IP). */
function addressBackends(
    graph: PlanGraph,
    role: ReadonlyMap<string, Role>,
    subnets: ReadonlyMap<string, SubnetInfo>,
    regionOf: (k: string) => string | undefined,
): AddressBackend[] {
    const found = new Map<string, AddressBackend>();
    const drawn = (k: string) => role.get(k) === "node";
    const vpcCidr = (k: string) => keyArgs(graph.byKey.get(k)!.type, graph.byKey.get(k)!.inputs).cidrBlock;
    const within = (address: string, cidr: string | undefined) => {
        try {
            return cidr !== undefined && ipInCidr(address, cidr);
        } catch {
            return false;
        }
    };
    const visit = (holder: PlanNode, value: unknown): void => {
        if (Array.isArray(value)) value.forEach(v => visit(holder, v));
        else if (value !== null && typeof value === "object") {
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
                if (typeof v === "string" && BACKEND_ADDRESS_KEYS.test(k) && isIp(v)) {
                    if (graph.referencesIn(v).some(drawn)) continue;
                    const id = `backend::${v}`;
                    const known = found.get(id);
                    if (known) {
                        if (!known.holders.includes(holder.key)) known.holders.push(holder.key);
                        continue;
                    }
                    const subnet = [...subnets.values()].find(s => within(v, s.cidr));
                    const vpc = graph.nodes.find(n => role.get(n.key) === "vpc" && within(v, vpcCidr(n.key)));
                    const where: Home = subnet
                        ? { kind: "subnets", subnets: [subnet.key] }
                        : vpc
                          ? { kind: "vpc", vpc: vpc.key }
                          : { kind: "region", region: regionOf(holder.key) };
                    found.set(id, { id, address: v, holders: [holder.key], home: where });
                } else visit(holder, v);
            }
        }
    };
    for (const n of graph.nodes) {
        const r = role.get(n.key);
        if ((r === "node" || r === "connector") && BACKEND_HOLDER.test(typeTail(n.type))) visit(n, n.inputs);
    }
    return [...found.values()];
}
