/**
 * Upgrade safety: a resource's URN is its identity in the state, so a change that renames a
 * resource (or its parent, or its type) makes Pulumi delete and recreate it: a VPC, a CEN, a
 * cluster. The snapshot of every stack's URNs catches that in review. A rename is accepted only
 * when the renamed resource carries an alias naming its old identity.
 *
 * Record intended changes with `UPDATE_URN_SNAPSHOTS=1 npm test` and commit the snapshot files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RecordedResource, World } from "../../cli/engine";

/** The URN of a resource: its parent chain's types, its type and its name. */
function urnOf(
    stack: string,
    byKey: Map<string, RecordedResource>,
    r: RecordedResource,
    name = r.name,
    type = r.type,
): string {
    const chain: string[] = [];
    for (
        let parent = r.parentKey ? byKey.get(r.parentKey) : undefined;
        parent;
        parent = parent.parentKey ? byKey.get(parent.parentKey) : undefined
    ) {
        chain.unshift(parent.type);
    }
    return `urn:pulumi:${stack}::topologies::${[...chain, type].join("$")}::${name}`;
}

/** A stack's URNs, and the old URNs its aliases keep. */
export interface StackUrns {
    readonly urns: string[];
    readonly aliased: Set<string>;
}

/** The URNs of everything the world registered (providers included: renaming one replaces its resources). */
export function urnsOf(world: World, stack: string): StackUrns {
    const byKey = new Map(world.resources.map(r => [`${r.type}::${r.name}`, r]));
    const aliased = new Set<string>();
    for (const r of world.resources) {
        for (const alias of r.aliases ?? []) {
            aliased.add(
                typeof alias === "string" ? alias : urnOf(stack, byKey, r, alias.name ?? r.name, alias.type ?? r.type),
            );
        }
    }
    return { urns: world.resources.map(r => urnOf(stack, byKey, r)).sort(), aliased };
}

/**
 * Compares a stack's URNs with its snapshot file. Throws when a recorded URN is gone without an
 * alias (the resource would be replaced) or when new URNs are not recorded yet.
 */
export function urnSnapshotDiff(stack: string, current: StackUrns, file: string): void {
    if (process.env.UPDATE_URN_SNAPSHOTS || !fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, `${current.urns.join("\n")}\n`);
        if (!process.env.UPDATE_URN_SNAPSHOTS)
            throw new Error(`no URN snapshot for stack '${stack}' yet: wrote ${file}; review and commit it.`);
        return;
    }
    const recorded = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
    const now = new Set(current.urns);
    const replaced = recorded.filter(urn => !now.has(urn) && !current.aliased.has(urn));
    if (replaced.length > 0) {
        throw new Error(
            `stack '${stack}': these resources would be replaced (their URN changed). Add an alias to the renamed resource, ` +
                `or, if the replacement is intended, run UPDATE_URN_SNAPSHOTS=1 npm test:\n  ${replaced.join("\n  ")}`,
        );
    }
    const known = new Set(recorded);
    const added = current.urns.filter(urn => !known.has(urn));
    if (added.length > 0) {
        throw new Error(
            `stack '${stack}' has new resources not in ${path.basename(file)}; record them with UPDATE_URN_SNAPSHOTS=1 npm test:\n  ${added.join("\n  ")}`,
        );
    }
}
