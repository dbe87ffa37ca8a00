/**
 * Reading the resources the engine hands a stack policy: values that may be unknown in a preview,
 * and what one resource's property points at (another resource of the stack, or a literal id).
 */
import type { PolicyResource } from "@pulumi/policy";

/** What `known` gives for a value known only after apply, where undefined would mean "not set". */
const UNKNOWN = Symbol("unknown");

/** The part of a policy resource these rules read. */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: PolicyResource["props"];
    /** Resources this one depends on (including through its inputs). */
    dependencies?: ReadonlyArray<{ urn: string }>;
    /** Per top-level property, the resources its value came from. */
    propertyDependencies?: Readonly<Record<string, ReadonlyArray<{ urn: string }>>>;
}

/** A property value as the engine hands it over: any shape, as the SDK types `props`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what @pulumi/policy types props as
export type PropertyValue = any;

/** Stack name from a URN, `urn:pulumi:<stack>::<project>::…`. */
export function stackOfUrn(urn: string): string {
    return urn.split("::")[0].split(":").pop() ?? "";
}

/**
 * Reads a property that may be unknown during a preview. The engine hands a stack policy proxies
 * that throw on an unknown value, and one throw turns the whole policy into an advisory "can't run
 * during preview" for every resource of the stack; reading through this skips only that value.
 */
export function known<T, F = undefined>(read: () => T, fallback?: F): T | F {
    try {
        return read();
    } catch (e) {
        if ((e as object | undefined)?.constructor?.name === "UnknownValueError") return fallback as F;
        throw e;
    }
}

/** A property of an object value, or undefined when the value is no object or the property unknown. */
export function field(value: PropertyValue, key: string): PropertyValue {
    return known(() => (value !== null && typeof value === "object" ? value[key] : undefined));
}

/** The known elements of a list property (none when the list itself is unknown or no list). */
export function knownItems(read: () => unknown): PropertyValue[] {
    const list = known(read);
    if (!Array.isArray(list)) return [];
    const items: PropertyValue[] = [];
    for (let i = 0; i < list.length; i++) {
        const item = known(() => list[i]);
        if (item !== undefined && item !== null) items.push(item);
    }
    return items;
}

/** The known string values of a property that holds one string or a list of them, trimmed. */
export function knownStrings(read: () => unknown): string[] {
    return readStrings(read).values;
}

/**
 * The string values of a property that holds one string or a list of them, trimmed, and whether
 * any of it (the value or an element) is unknown in this preview.
 */
export function readStrings(read: () => unknown): { values: string[]; unknown: boolean } {
    const value = known(read, UNKNOWN);
    if (value === UNKNOWN) return { values: [], unknown: true };
    const list: unknown[] = Array.isArray(value)
        ? Array.from({ length: value.length }, (_, i) => known(() => value[i], UNKNOWN))
        : [value];
    return {
        values: list.filter((v): v is string => typeof v === "string" && v.trim() !== "").map(v => v.trim()),
        unknown: list.includes(UNKNOWN),
    };
}

/** A boolean as a provider reads it: the bridged providers take `"true"` for `true`. */
export function isTrue(value: unknown): boolean {
    return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

/** A number as a provider reads it (numeric text included), or undefined. */
export function asNumber(value: unknown): number | undefined {
    if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
    if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
    return undefined;
}

/**
 * The resources of a stack, indexed for following references. A reference is a key: the URN of
 * a resource of the stack, or `id:<value>` for a literal id that no resource of the stack is
 * known to carry (a group made outside the stack, or one whose id output a policy does not see).
 */
export class StackIndex {
    readonly byUrn: ReadonlyMap<string, StackResource>;
    private readonly byId = new Map<string, string>();

    constructor(readonly resources: readonly StackResource[]) {
        this.byUrn = new Map(resources.map(r => [r.urn, r]));
        // Outputs carry the resource's id (bridged providers) and ARN (AWS) once it exists, so a
        // literal id in another resource's input can be matched on an update.
        for (const r of resources) {
            for (const id of [...knownStrings(() => r.props.id), ...knownStrings(() => r.props.arn)]) {
                this.byId.set(id, r.urn);
            }
        }
    }

    /** The resource of a key, when it is one of the stack's. */
    resource(key: string): StackResource | undefined {
        return this.byUrn.get(key);
    }

    /** The key of a literal id. */
    keyOfId(id: string): string {
        return this.byId.get(id) ?? `id:${id}`;
    }

    /**
     * What `property` of `r` points at, as keys. In order of evidence:
     * 1. the property's own dependencies (`propertyDependencies`, recorded by the engine whether
     *    or not the ids are known yet), preferring resources of `types`;
     * 2. the literal ids in the value, matched to the stack's resources where their id is known;
     *    when the engine gave no property dependencies at all and exactly one dependency of `r`
     *    is of `types`, that is the resource the id belongs to;
     * 3. for a value still unknown, every dependency of `r` of `types` (any of them may be it).
     * Empty when none of these says anything: the reference cannot be decided.
     */
    pointsAt(r: StackResource, property: string, types: ReadonlySet<string>): string[] {
        const precise = (r.propertyDependencies?.[property] ?? []).map(d => d.urn).filter(urn => this.byUrn.has(urn));
        if (precise.length > 0) {
            const typed = precise.filter(urn => types.has(this.byUrn.get(urn)!.type));
            return unique(typed.length > 0 ? typed : precise);
        }
        const typedDependencies = unique(
            (r.dependencies ?? [])
                .map(d => this.byUrn.get(d.urn))
                .filter((d): d is StackResource => d !== undefined && types.has(d.type))
                .map(d => d.urn),
        );
        const { values: literals, unknown } = readStrings(() => r.props[property]);
        const single = r.propertyDependencies === undefined && typedDependencies.length === 1;
        const keys = literals.map(id => {
            const key = this.keyOfId(id);
            return key.startsWith("id:") && single ? typedDependencies[0] : key;
        });
        return unique(unknown ? [...keys, ...typedDependencies] : keys);
    }
}

export function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}
