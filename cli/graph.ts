/**
 * The recorded world as a graph the renderers share: every resource with its parent, provider,
 * region, explicit `dependsOn`, and the resources its inputs refer to. The mocks see inputs after
 * resolution, so a reference to another resource's output arrives as a plain value (an id, an
 * IP, a kubeconfig); it is recognised by matching the values resources produced, which works for
 * any resource type without a table.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RecordedResource, World } from "./engine";

/** One resource of the plan. */
export interface PlanNode {
    /** Unique key, `type::name`. */
    readonly key: string;
    readonly type: string;
    readonly name: string;
    /** False for components. */
    readonly custom: boolean;
    /** Key of the parent, if any. */
    parent?: string;
    /** Key of the explicit provider, if any. */
    provider?: string;
    /** Region of the provider (or, for providers without one, of what they point at). */
    region?: string;
    /** Keys of explicit `dependsOn` resources, components expanded to their custom descendants. */
    dependsOn: string[];
    /** Keys of the resources whose outputs the inputs use. */
    references: string[];
    /** Inputs as the provider receives them; secret values stay wrapped (see {@link isSecretValue}). */
    readonly inputs: Record<string, unknown>;
    /** Keys of the children, in registration order. */
    readonly children: string[];
}

/** The whole plan graph. */
export interface PlanGraph {
    /** Every node in registration order. */
    readonly nodes: readonly PlanNode[];
    readonly byKey: ReadonlyMap<string, PlanNode>;
    /** Keys of the nodes without a parent, in registration order. */
    readonly roots: readonly string[];
    /** Keys of the resources whose outputs appear in `value` (e.g. one input of a node). */
    referencesIn(value: unknown): string[];
}

/** True for a value the engine marked secret (it arrives wrapped in the secret signature). */
export function isSecretValue(value: unknown): boolean {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
    );
}

/** The short form of a type token: `alicloud:vpc/switch:Switch` → `vpc/switch:Switch`. */
export function typeTail(type: string): string {
    return type.slice(type.indexOf(":") + 1);
}

/** The last segment of a type token: `alicloud:vpc/switch:Switch` → `Switch`. */
export function shortType(type: string): string {
    return type.slice(type.lastIndexOf(":") + 1);
}

/** Values shorter than this, or without a digit, are too common to identify a resource. */
const MIN_REFERENCE_LENGTH = 6;
/** Longer strings (documents, kubeconfigs) are matched whole but not split into tokens. */
const MAX_TOKENIZED_LENGTH = 4096;

/** Builds the graph of what `world` recorded. */
export function buildGraph(world: World): PlanGraph {
    const nodes: PlanNode[] = world.resources.map(r => ({
        key: `${r.type}::${r.name}`,
        type: r.type,
        name: r.name,
        custom: r.custom,
        dependsOn: [],
        references: [],
        inputs: r.inputs,
        children: [],
    }));
    const byKey = new Map(nodes.map(n => [n.key, n]));
    const byName = new Map<string, PlanNode[]>();
    for (const n of nodes) byName.set(n.name, [...(byName.get(n.name) ?? []), n]);
    // Names are unique per type only; the recorder keeps names, so prefer the kind that fits.
    const resolve = (name: string | undefined, prefer: (n: PlanNode) => boolean): PlanNode | undefined => {
        const found = name === undefined ? [] : (byName.get(name) ?? []);
        return found.find(prefer) ?? found[0];
    };

    world.resources.forEach((r, i) => {
        const node = nodes[i];
        const parent = (r.parentKey && byKey.get(r.parentKey)) || resolve(r.parent, n => !n.custom);
        if (parent && parent !== node) {
            node.parent = parent.key;
            parent.children.push(node.key);
        }
        const provider = resolve(r.provider, n => n.type.startsWith("pulumi:providers:"));
        if (provider) node.provider = provider.key;
        if (node.type.startsWith("pulumi:providers:") && typeof r.inputs.region === "string")
            node.region = r.inputs.region;
        // Registered with the default provider: the stack's `<package>:region`.
        if (!provider && r.defaultRegion) node.region = r.defaultRegion;
    });
    const descendants = (node: PlanNode): PlanNode[] =>
        node.custom ? [node] : node.children.flatMap(k => descendants(byKey.get(k)!));
    world.resources.forEach((r, i) => {
        const targets = r.dependsOnKeys
            ? r.dependsOnKeys.map(key => byKey.get(key))
            : r.dependsOn.map(name => resolve(name, () => true));
        nodes[i].dependsOn = unique(targets.flatMap(target => (target ? descendants(target).map(n => n.key) : [])));
    });

    const producers = indexProducedValues(world.resources, nodes);
    for (const node of nodes) {
        const found = new Set<string>();
        collectReferences(node.inputs, producers, found);
        found.delete(node.key);
        node.references = [...found];
    }
    for (const node of nodes) {
        if (node.region === undefined && node.provider) node.region = byKey.get(node.provider)?.region;
    }
    // A provider built from another resource's output (a kubeconfig) lives where that resource does.
    for (const node of nodes) {
        if (node.region === undefined && node.type.startsWith("pulumi:providers:")) {
            node.region = node.references.map(k => byKey.get(k)?.region).find(r => r !== undefined);
            if (node.region) for (const n of nodes) if (n.provider === node.key) n.region ??= node.region;
        }
    }
    const referencesIn = (value: unknown): string[] => {
        const found = new Set<string>();
        collectReferences(value, producers, found);
        return [...found];
    };
    return { nodes, byKey, roots: nodes.filter(n => n.parent === undefined).map(n => n.key), referencesIn };
}

/** Maps each distinctive value a resource produced (its id, computed outputs) to that resource. */
function indexProducedValues(resources: readonly RecordedResource[], nodes: readonly PlanNode[]): Map<string, string> {
    const index = new Map<string, string>();
    const ambiguous = new Set<string>();
    const add = (value: string, key: string) => {
        if (value.length < MIN_REFERENCE_LENGTH || !/\d/.test(value) || ambiguous.has(value)) return;
        const seen = index.get(value);
        if (seen === undefined) index.set(value, key);
        else if (seen !== key) {
            index.delete(value);
            ambiguous.add(value);
        }
    };
    resources.forEach((r, i) => {
        const key = nodes[i].key;
        if (r.id) add(r.id, key);
        for (const [k, v] of Object.entries(r.state)) {
            // Inputs echoed back are the resource's own arguments, not something it produced.
            if (k in r.inputs) continue;
            walkStrings(v, s => add(s, key));
        }
    });
    return index;
}

function collectReferences(value: unknown, producers: Map<string, string>, found: Set<string>): void {
    walkStrings(value, s => {
        const whole = producers.get(s);
        if (whole) {
            found.add(whole);
            return;
        }
        if (s.length > MAX_TOKENIZED_LENGTH) return;
        // Composite ids (`cen-…:tr-…`), ARNs and documents embed other resources' values.
        for (const token of s.split(/[\s:,;"'=/()[\]{}]+/)) {
            const key = token.length >= MIN_REFERENCE_LENGTH ? producers.get(token) : undefined;
            if (key) found.add(key);
        }
    });
}

/** Calls `visit` on every string inside `value`, secret ones included (references stay references). */
function walkStrings(value: unknown, visit: (s: string) => void): void {
    if (typeof value === "string") visit(value);
    else if (Array.isArray(value)) for (const v of value) walkStrings(v, visit);
    else if (value !== null && typeof value === "object") {
        for (const v of Object.values(value as Record<string, unknown>)) walkStrings(v, visit);
    }
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}
