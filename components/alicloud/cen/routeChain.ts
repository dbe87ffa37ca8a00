import * as pulumi from "@pulumi/pulumi";

/** The attachment a route entry sends its traffic to. */
export interface RouteNextHop {
    /** Member whose attachment is the next hop. */
    readonly member: string;
    /** The attachment's association with its transit router's route table: traffic flows after it. */
    readonly association: pulumi.Resource;
}

/**
 * The route tables a network writes, each as a chain: the cloud rejects concurrent writes to one
 * route table, so every entry of a table depends on the one written before it (and on the
 * association of its next hop), while different tables are written in parallel. The network's
 * own routes and those of components joining it (two ALBs on the same VPCs) continue the same
 * chains, and a destination asked for twice in one table is written once: the cloud refuses a
 * second entry for it, so the existing entry serves both.
 *
 * One helper for both kinds of table, VPC system route tables and transit-router route tables;
 * the caller names the table (`vpc:<member>`, `tr:<region>`) and creates the entry.
 */
export class RouteChains {
    /** Last entry written to each table. */
    private readonly tails = new Map<string, pulumi.Resource>();
    /** Every entry written, by table and destination, with the member it sends to. */
    private readonly written = new Map<string, { entry: pulumi.Resource; nextHopMember: string }>();

    /** The member the entry for `cidr` in `table` sends to, when one was written. */
    nextHopOf(table: string, cidr: string): string | undefined {
        return this.written.get(`${table}:${cidr}`)?.nextHopMember;
    }

    /**
     * The entry for `cidr` in `table`: the one written already, else the one `create` makes with
     * the `dependsOn` that puts it after `nextHop`'s association and the table's last entry.
     * Entries of one table are of one resource type, the type `create` returns.
     */
    write<T extends pulumi.Resource>(
        table: string,
        cidr: string,
        nextHop: RouteNextHop,
        create: (dependsOn: pulumi.Resource[]) => T,
    ): T {
        const key = `${table}:${cidr}`;
        const existing = this.written.get(key);
        if (existing) return existing.entry as T;
        const previous = this.tails.get(table);
        const entry = create(previous ? [nextHop.association, previous] : [nextHop.association]);
        this.tails.set(table, entry);
        this.written.set(key, { entry, nextHopMember: nextHop.member });
        return entry;
    }
}
