/**
 * Warnings about the tree the plan recorded: resources whose parent the program forgot. Without
 * its parent a resource sits at the stack root: outside its component's tree (the plan's tree and
 * diagram, and `pulumi up`'s), not waited for by a `dependsOn` on the component, not covered by
 * the component's `protect`, provider or aliases. Two rules, each certain by construction rather
 * than guessed from names, so a stack that passes its options everywhere gets no warning:
 *
 * - A registered resource the recorder never saw was created without the options the plan handed
 *   over (`buildStack(config, opts)` of a stack program: the recorder rides on them, and children
 *   inherit it from their parent). Only a stack program can produce it: a Pulumi program's
 *   recorder is a stack transformation, which every resource runs.
 * - A resource without a parent created while a component's constructor was running (the call
 *   stack names the component's class) was created inside that component without
 *   `{ parent: this }`.
 */
import type { RecordedResource, World } from "./engine";

/** One warning: what is wrong, how to fix it, and the resources concerned (logical names). */
export interface PlanWarning {
    readonly message: string;
    readonly fix: string;
    readonly resources: readonly string[];
}

/** How many names a warning's text lists before "and N more" (JSON has them all). */
const LISTED = 8;

function listed(names: readonly string[]): string {
    const shown = names.slice(0, LISTED).map(n => `'${n}'`);
    return names.length > LISTED ? `${shown.join(", ")} and ${names.length - LISTED} more` : shown.join(", ");
}

/** The warnings about forgotten parents in what `world` recorded. */
export function parentWarnings(world: World): PlanWarning[] {
    const warnings: PlanWarning[] = [];
    const unseen = world.resources.filter(r => r.registered && r.resource === undefined).map(r => r.name);
    if (unseen.length > 0) {
        warnings.push({
            message: `${unseen.length} of ${world.resources.length} resources were created without the options buildStack was given: ${listed(unseen)}. The plan cannot see their parent, provider or dependsOn, and nothing the options carry reaches them.`,
            fix: "Pass buildStack's opts to every top-level component (new Component(name, args, opts)), and { parent: this } to every resource a component creates.",
            resources: unseen,
        });
    }
    const orphans = new Map<RecordedResource, string[]>();
    world.resources.forEach((r, index) => {
        if (r.parent !== undefined || !r.constructedIn?.length) return;
        const component = enclosingComponent(world.resources, index, r.constructedIn);
        if (component) orphans.set(component, [...(orphans.get(component) ?? []), r.name]);
    });
    for (const [component, names] of orphans) {
        const cls = component.resource?.constructor.name ?? component.type;
        warnings.push({
            message: `${names.length === 1 ? "1 resource was" : `${names.length} resources were`} created inside component '${component.name}' (${component.type}, class ${cls}) without a parent: ${listed(names)}. They sit at the stack root, outside its tree: a dependsOn on '${component.name}' does not wait for them, and its provider, protect and aliases do not reach them.`,
            fix: `Pass { parent: this } to each of them in ${cls}'s constructor (and its own opts on to a child component).`,
            resources: names,
        });
    }
    return warnings;
}

/**
 * The component whose constructor was running when resource `index` was created: the latest one
 * recorded before it whose class (or a class it extends) is among the running constructors,
 * innermost first.
 */
function enclosingComponent(
    resources: readonly RecordedResource[],
    index: number,
    running: readonly string[],
): RecordedResource | undefined {
    for (const name of running) {
        for (let i = index - 1; i >= 0; i--) {
            const candidate = resources[i];
            if (!candidate.custom && candidate.resource && classChain(candidate.resource).includes(name))
                return candidate;
        }
    }
    return undefined;
}

function classChain(object: object): string[] {
    const names: string[] = [];
    for (
        let proto = Object.getPrototypeOf(object);
        proto && proto !== Object.prototype;
        proto = Object.getPrototypeOf(proto)
    )
        names.push((proto as { constructor: { name: string } }).constructor.name);
    return names;
}
