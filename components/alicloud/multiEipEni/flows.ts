/** The traffic a {@link MultiEipEni} exists for, for `topologies plan` to walk (components/flows.ts). */
import * as alicloud from "../../sdk/alicloud";
import { IntendedFlow, flowTo } from "../../flows";

/** The port the tutorial's sites serve on each public address (seed 001: one web site per EIP). */
const SITE_PORT = 80;

/** The internet to each EIP, translated to its private IP on the ENI (HTTP). */
export function siteFlows(eips: readonly alicloud.ecs.EipAddress[]): IntendedFlow[] {
    return eips.map((eip, i) => ({
        name: `internet → EIP ${i + 1} :${SITE_PORT} → private IP ${i + 1}`,
        from: flowTo.internet(),
        to: flowTo.eip(eip),
        protocol: "tcp" as const,
        port: SITE_PORT,
        intent: "allow" as const,
    }));
}
