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
import { asBlock, emptyModel, familyOf, Hop, interfaceHolding, NetworkModel } from "./model";
import { toAwsService, toElasticIp, toHost, toLoadBalancer } from "./edges";
import { Place, Walk, walkBetween } from "./walk";

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
    readonly break?: { readonly hop: Hop; readonly fix: string; readonly unverifiable?: boolean };
    /**
     * False when the plan holds too little to walk the flow (a VPC described with fromExisting, a
     * value that never resolved): neither broken nor proven, it does not fail the plan.
     */
    readonly verified: boolean;
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

/** How long a declared value may take to resolve under the offline engine (all are known there). */
const RESOLVE_TIMEOUT_MS = 5000;

/** A value that did not resolve: it rejected, or never settled. */
class Unresolved extends Error {}

/** Resolves an input under the offline engine; throws {@link Unresolved} instead of hanging or failing the plan. */
async function resolve<T>(value: pulumi.Input<T> | undefined): Promise<T | undefined> {
    if (value === undefined) return undefined;
    const output = pulumi.output(value) as unknown as { promise(): Promise<T> };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
            () => reject(new Unresolved(`a declared value did not resolve within ${RESOLVE_TIMEOUT_MS / 1000} s`)),
            RESOLVE_TIMEOUT_MS,
        );
    });
    try {
        return await Promise.race([output.promise(), timeout]);
    } catch (e) {
        throw e instanceof Unresolved
            ? e
            : new Unresolved(`a declared value failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
        clearTimeout(timer);
    }
}

type Resolved =
    | { readonly kind: "place"; readonly place: Place }
    | { readonly kind: "invalid"; readonly label: string; readonly detail: string }
    | { readonly kind: "internet"; readonly block?: string }
    | { readonly kind: "loadBalancer"; readonly key: string }
    | { readonly kind: "eip"; readonly key: string }
    | { readonly kind: "awsService"; readonly service: string };

function keyOf(resource: pulumi.Resource): string {
    return `${pulumi.resourceType(resource)}::${pulumi.resourceName(resource)}`;
}

async function resolveEndpoint(endpoint: FlowEndpoint): Promise<Resolved> {
    switch (endpoint.kind) {
        case "internet": {
            if (endpoint.block === undefined) return { kind: "internet" };
            const block = asBlock(endpoint.block);
            return block === undefined
                ? {
                      kind: "invalid",
                      label: "the internet",
                      detail: `the internet: '${endpoint.block}' is not an IP address or block`,
                  }
                : { kind: "internet", block };
        }
        case "loadBalancer":
            return { kind: "loadBalancer", key: keyOf(endpoint.loadBalancer) };
        case "eip":
            return { kind: "eip", key: keyOf(endpoint.eip) };
        case "awsService":
            return { kind: "awsService", service: endpoint.service };
        case "host": {
            const [label, address, vpcId, subnetId, groups] = await Promise.all([
                resolve(endpoint.label),
                resolve(endpoint.address),
                resolve(endpoint.vpcId),
                resolve(endpoint.subnetId),
                resolve(endpoint.securityGroupIds),
            ]);
            const securityGroupIds = await Promise.all((groups ?? []).map(g => resolve(g)));
            const block = typeof address === "string" ? asBlock(address) : undefined;
            if (block === undefined)
                return {
                    kind: "invalid",
                    label: String(label),
                    detail: `${String(label)}: '${String(address)}' is not an IP address or block`,
                };
            return {
                kind: "place",
                place: {
                    label: String(label),
                    block,
                    networkId: vpcId,
                    subnetId,
                    securityGroupIds: securityGroupIds.filter((g): g is string => typeof g === "string"),
                    deliveredBy: endpoint.deliveredBy,
                    publicIp: endpoint.publicIp,
                },
            };
        }
    }
}

function labelOf(endpoint: Resolved): string {
    switch (endpoint.kind) {
        case "place":
            return endpoint.place.label;
        case "invalid":
            return endpoint.label;
        case "internet":
            return endpoint.block === undefined ? "the internet" : `the internet (${endpoint.block})`;
        case "loadBalancer":
            return endpoint.key.split("::")[1];
        case "eip":
            return endpoint.key.split("::")[1];
        case "awsService":
            return `AWS ${endpoint.service}`;
    }
}

/** The walk for the kinds of the two ends. */
function dispatch(
    model: NetworkModel,
    from: Resolved,
    to: Resolved,
    flow: IntendedFlow,
    version: 4 | 6,
    notes: string[],
): Walk {
    const packet = { protocol: flow.protocol, port: flow.port };
    const invalid = [from, to].find(e => e.kind === "invalid");
    if (invalid?.kind === "invalid")
        return {
            hops: [],
            failure: {
                hop: { kind: "address", resource: "", detail: invalid.detail },
                fix: "Declare the flow with an IPv4 or IPv6 address or block.",
            },
        };
    if (from.kind === "place" && to.kind === "place") return walkBetween(model, from.place, to.place, packet, notes);
    if (from.kind === "internet" && to.kind === "loadBalancer")
        return toLoadBalancer(model, to.key, version, flow.port, notes, undefined, from.block);
    if (from.kind === "place" && to.kind === "loadBalancer")
        return toLoadBalancer(model, to.key, version, flow.port, notes, from.place);
    if (from.kind === "internet" && to.kind === "eip") return toElasticIp(model, to.key, packet, notes, from.block);
    if (from.kind === "internet" && to.kind === "place")
        return toHost(model, to.place, packet, version, notes, from.block);
    if (from.kind === "place" && to.kind === "awsService")
        return toAwsService(model, from.place, to.service, flow.port, notes);
    return {
        hops: [],
        failure: {
            hop: { kind: "model", resource: "", detail: `flows from ${from.kind} to ${to.kind} are not modelled` },
            fix: "Declare the flow between hosts.",
            unverifiable: true,
        },
    };
}

/** A host without groups of its own is guarded by the groups of the interface holding its address. */
function withInterfaceGroups(model: NetworkModel, end: Resolved): Resolved {
    if (end.kind !== "place" || end.place.securityGroupIds.length > 0) return end;
    const owner = interfaceHolding(model, end.place.block);
    return owner ? { kind: "place", place: { ...end.place, securityGroupIds: owner.securityGroupIds } } : end;
}

async function evaluate(model: NetworkModel, component: string, flow: IntendedFlow): Promise<FlowResult> {
    const base = { component, protocol: flow.protocol, port: flow.port, intent: flow.intent };
    let name: unknown;
    let from: Resolved;
    let to: Resolved;
    try {
        [name, from, to] = await Promise.all([
            resolve(flow.name),
            resolveEndpoint(flow.from),
            resolveEndpoint(flow.to),
        ]);
    } catch (e) {
        if (!(e instanceof Unresolved)) throw e;
        const hop = { kind: "model", resource: "", detail: e.message };
        return {
            ...base,
            name: typeof flow.name === "string" ? flow.name : "(a flow whose name did not resolve)",
            from: "?",
            to: "?",
            reached: false,
            ok: true,
            confirmed: false,
            verified: false,
            hops: [],
            break: { hop, fix: "Check the flow by hand.", unverifiable: true },
            notes: [`cannot be checked offline: ${e.message}`],
        };
    }
    from = withInterfaceGroups(model, from);
    to = withInterfaceGroups(model, to);
    const version =
        flow.ipVersion ??
        (to.kind === "place" ? familyOf(to.place.block) : from.kind === "place" ? familyOf(from.place.block) : 4);
    const notes: string[] = [];
    const walk = dispatch(model, from, to, flow, version, notes);
    const reached = walk.failure === undefined;
    const verified = !walk.failure?.unverifiable;
    const confirmed = verified && notes.length === 0 && walk.hops.every(h => h.confirmed !== false);
    const unconfirmedHops = walk.hops.filter(h => h.confirmed === false).map(h => `unconfirmed: ${h.detail}`);
    return {
        ...base,
        name: String(name),
        from: labelOf(from),
        to: labelOf(to),
        reached,
        ok: !verified || (flow.intent === "allow" ? reached : !reached),
        confirmed,
        verified,
        hops: walk.hops,
        break: walk.failure,
        notes: [
            ...(verified ? [] : [`cannot be checked offline: ${walk.failure!.hop.detail}`]),
            ...unconfirmedHops,
            ...notes,
        ],
    };
}

/** The flows declared by every component the engine recorded, with the component's label. */
export function declaredFlows(world: World): Array<{ component: string; flow: IntendedFlow }> {
    return world.resources.flatMap(r =>
        declaresFlows(r.resource)
            ? r.resource.intendedFlows.map(flow => ({ component: `${r.type} '${r.name}'`, flow }))
            : [],
    );
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
export function hopResources(hops: readonly Hop[]): string[] {
    const names = hops.map(h => h.resource).filter(name => name !== "");
    return names.filter((name, i) => name !== names[i - 1]);
}

function hopNames(hops: readonly Hop[]): string[] {
    const names = hopResources(hops);
    return names.length > 0 ? names : ["the VPC's local routes"];
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
    return results
        .map(r => {
            const mark = !r.verified ? "?" : r.ok ? (r.confirmed ? "✓" : "✓?") : "✗";
            const head = `  ${mark} ${r.intent === "deny" ? "blocked: " : ""}${r.name}  [${r.component}]`;
            const lines = [head];
            if (!r.ok) {
                if (r.intent === "allow" && r.break)
                    lines.push(
                        `      breaks at ${r.break.hop.resource || r.break.hop.kind}: ${r.break.hop.detail}`,
                        `      fix: ${r.break.fix}`,
                    );
                if (r.intent === "deny") lines.push(...wrapped("      is open: ", hopNames(r.hops)));
            } else if (!r.verified) {
                // The note below says why.
            } else if (r.intent === "deny" && r.break) {
                lines.push(`      stopped at: ${r.break.hop.detail}`);
            } else {
                lines.push(...wrapped("      via ", hopNames(r.hops)));
            }
            for (const note of r.notes) lines.push(`      note: ${note}`);
            return lines.join("\n");
        })
        .join("\n");
}
