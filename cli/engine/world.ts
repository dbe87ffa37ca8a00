/**
 * What the mocked engine saw: every registered resource with its inputs, parent, provider and
 * explicit dependencies, and every data-source call. Tests assert on this graph.
 */

/**
 * Inputs and outputs as the engine records them: whatever the program passed, in any provider's
 * shape. Untyped on purpose, like the SDK's own `MockResourceArgs.inputs`: the plan and the specs
 * read them by path (`inputs.spec.trafficPolicy`), and the cloud's types are not ours to restate.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: the one untyped shape of the engine
export type PropertyBag = Record<string, any>;

/** One registered resource as the engine saw it. */
export interface RecordedResource {
    /** Pulumi type token, e.g. `alicloud:vpc/network:Network`. */
    readonly type: string;
    /** Logical name. */
    readonly name: string;
    /** Inputs after resolution (what the provider would receive). */
    inputs: PropertyBag;
    /** Outputs the mock returned, including the id. */
    state: PropertyBag;
    /** Fake id. */
    id: string;
    /** Logical name of the parent resource, if any. */
    parent?: string;
    /** `type::name` of the parent: unambiguous where a component and a resource share a name. */
    parentKey?: string;
    /** Logical name of the explicit provider, if any. */
    provider?: string;
    /** Without an explicit provider: the region of the default provider (the stack's `<package>:region`), when set. */
    defaultRegion?: string;
    /**
     * For a resource without a parent: the classes whose constructors were running when it was
     * created, innermost first (its own class chain left out). A component's class here means the
     * resource was created inside that component's constructor without `{ parent: this }`.
     * @internal
     */
    constructedIn?: string[];
    /** Logical names of the explicit `dependsOn` resources. */
    dependsOn: string[];
    /** `type::name` of the explicit `dependsOn` resources. */
    dependsOnKeys?: string[];
    /** The resource's `customTimeouts`, if any (slow resources need more than the provider's defaults). */
    customTimeouts?: { create?: string; update?: string; delete?: string };
    /** The resource's `aliases`: old URNs, or the old name/type it was known by. */
    aliases?: Array<string | { name?: string; type?: string }>;
    /** True once the engine received the resource's registration (the recorder sees it before, at construction). */
    registered?: boolean;
    /** True for custom (cloud) resources, false for components. */
    custom: boolean;
    /** The resource's `deleteBeforeReplace`, when set (a replacement that must not meet its old self). */
    deleteBeforeReplace?: boolean;
    /** Inputs whose changes the resource ignores (`ignoreChanges`), when any. */
    ignoreChanges?: string[];
    /** The resource's own `protect` option, when set (children inherit it from the nearest component that sets it). */
    protect?: boolean;
    /** The resource's `retainOnDelete`, when set: `pulumi destroy` drops it from the stack and leaves it in the cloud. */
    retainOnDelete?: boolean;
    /**
     * The resource object itself, for the verifier to read what a component declares about its
     * traffic (`intendedFlows`). Never serialised.
     */
    resource?: object;
}

/** One data-source call. */
export interface RecordedCall {
    readonly token: string;
    readonly inputs: PropertyBag;
    readonly provider?: string;
    /** What the engine answered, as the real data source would. */
    readonly outputs?: PropertyBag;
}

/** One warning a program logged (`pulumi.log.warn`), as `pulumi up` would print it. */
export interface RecordedWarning {
    readonly message: string;
    /** Logical name of the resource the warning is about, when one was given. */
    readonly resource?: string;
}

/** The recorded graph of one test. */
export class World {
    readonly resources: RecordedResource[] = [];
    readonly calls: RecordedCall[] = [];
    /** Warnings logged with `pulumi.log.warn`, in order: the plan prints them, tests read them. */
    readonly warnings: RecordedWarning[] = [];
    /** Provider name → region, from the providers' own inputs. */
    readonly providerRegions = new Map<string, string>();
    /** vSwitch/subnet id → IPv4 block, so instances get addresses inside their vSwitch. */
    readonly subnetBlocks = new Map<string, string>();
    /** How many addresses each subnet has handed out so far. */
    readonly subnetUsage = new Map<string, number>();
    /**
     * Seed of the random part of auto-generated names. Pulumi draws a fresh one for every update
     * and every replacement; a test changes it to see what a replacement would be named. Kept
     * across `reset`.
     */
    namingSeed = "";
    /** URNs registered so far (qualified type and name): the engine refuses a second resource with one. */
    readonly urns = new Set<string>();
    /** Qualified type (`parent type$…$type`) of each recorded resource, by `type::name`. */
    readonly qualifiedTypes = new Map<string, string>();

    reset(): void {
        this.resources.length = 0;
        this.calls.length = 0;
        this.warnings.length = 0;
        this.providerRegions.clear();
        this.subnetBlocks.clear();
        this.subnetUsage.clear();
        this.urns.clear();
        this.qualifiedTypes.clear();
    }

    /** All resources of a type: the exact token, or its tail after the package (`vpc/switch:Switch`). */
    ofType(type: string): RecordedResource[] {
        return this.resources.filter(r => r.type === type || r.type.endsWith(`:${type}`));
    }

    /** The resource with this logical name; fails loudly when there is none or several. */
    named(name: string): RecordedResource {
        const found = this.resources.filter(r => r.name === name);
        if (found.length !== 1) {
            const names = this.resources.map(r => r.name).join(", ");
            throw new Error(`expected one resource named '${name}', found ${found.length}; registered: ${names}`);
        }
        return found[0];
    }

    /** The resource with this fake id. */
    byId(id: string): RecordedResource | undefined {
        return this.resources.find(r => r.id === id);
    }

    /** Count of custom resources per type, for graph-shape assertions. */
    countByType(): Record<string, number> {
        const counts: Record<string, number> = {};
        for (const r of this.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
        return counts;
    }

    /** Child resources of a parent, by logical name. */
    childrenOf(parent: string): RecordedResource[] {
        return this.resources.filter(r => r.parent === parent);
    }

    /** The region of the provider a resource was registered with. */
    regionOf(resource: RecordedResource): string | undefined {
        return resource.provider ? this.providerRegions.get(resource.provider) : resource.defaultRegion;
    }

    /** Record for a resource, created on first sight from either the engine or the recorder. */
    entry(type: string, name: string): RecordedResource {
        let found = this.resources.find(r => r.type === type && r.name === name);
        if (!found) {
            found = { type, name, inputs: {}, state: {}, id: "", dependsOn: [], custom: true };
            this.resources.push(found);
        }
        return found;
    }
}
