/**
 * The flows of an ALB's clients: the internet to each listener, as the listener's access control
 * list shapes them. The reachability verifier reads the list from the plan (cli/flows), so an
 * allow list that refuses the clients a flow expects shows as a broken flow.
 */
import * as pulumi from "@pulumi/pulumi";
import { IntendedFlow, flowTo } from "../../flows";
import { cidrContains } from "../../net";
import type { AlbAclPlan } from "./operations";

/** The whole internet of a family, as a block. */
const EVERY_ADDRESS = { 4: "0.0.0.0/0", 6: "::/0" } as const;

/**
 * For each listener port and each IP family the ALB has a public address of:
 * - without `acl`, the internet, allowed;
 * - with an allow list, each of its blocks of the family allowed, and the internet refused
 *   (unless a block covers it all), so a family without entries is refused whole;
 * - with a deny list, the internet allowed (refused, when a block covers it all) and each of its
 *   other blocks of the family refused.
 *
 * `name` spells a flow's name from who connects (`internet`, or a block), the port and family.
 */
export function albClientFlows(
    acl: AlbAclPlan | undefined,
    ports: readonly number[],
    families: ReadonlyArray<4 | 6>,
    alb: pulumi.Resource,
    name: (who: string, port: number, family: 4 | 6) => string,
): IntendedFlow[] {
    const flows: IntendedFlow[] = [];
    const flow = (who: string, block: string | undefined, port: number, family: 4 | 6, allow: boolean) =>
        flows.push({
            name: name(who, port, family),
            from: flowTo.internet(block),
            to: flowTo.loadBalancer(alb),
            protocol: "tcp",
            port,
            ipVersion: family,
            intent: allow ? "allow" : "deny",
        });
    for (const port of ports) {
        for (const family of families) {
            const entries = (acl?.entries ?? []).filter(e => e.includes(":") === (family === 6));
            const everyone = entries.some(e => cidrContains(e, EVERY_ADDRESS[family]));
            if (acl?.aclType === "White") {
                for (const entry of entries) flow(entry, entry, port, family, true);
                if (!everyone) flow("internet", undefined, port, family, false);
            } else if (acl?.aclType === "Black") {
                flow("internet", undefined, port, family, !everyone);
                for (const entry of entries.filter(e => !cidrContains(e, EVERY_ADDRESS[family])))
                    flow(entry, entry, port, family, false);
            } else {
                flow("internet", undefined, port, family, true);
            }
        }
    }
    return flows;
}
