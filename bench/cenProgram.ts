/**
 * A generated stack for the benchmark: N regions, one VPC each with two vSwitches, all joined by
 * one full-mesh CEN (N·(N−1)/2 peerings) with a route from every VPC to every other, and a flow
 * declared from every VPC to every other (N·(N−1), walked by the plan's verifier), so plan time
 * can be measured against resource count. Same contract as `stacks/program.ts`; config `topologies:regions: <N>` (1 to 14).
 */
import * as pulumi from "@pulumi/pulumi";
import { validate } from "../components/errors";
import { DeclaresFlows, IntendedFlow, flowTo } from "../components/flows";
import { CenTransitNetwork } from "../components/alicloud/cen";
import { REGION_ZONES } from "../components/alicloud/regions";
import { RegionalVpc } from "../components/alicloud/vpc";

/** Mainland China regions: one geographic area, so one bandwidth package covers every peering. */
export const BENCH_REGIONS = [
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-nanjing",
    "cn-fuzhou",
    "cn-shenzhen",
    "cn-heyuan",
    "cn-guangzhou",
    "cn-chengdu",
    "cn-wuhan-lr",
];

export function loadStackConfig(raw: Record<string, unknown>): { regions: number } {
    return validate("stack config", problems => {
        const n = raw.regions;
        if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > BENCH_REGIONS.length) {
            problems.add(
                "topologies:regions",
                `'${String(n)}' is not a whole number from 1 to ${BENCH_REGIONS.length}.`,
                "Set the number of regions.",
            );
        }
        return { regions: n as number };
    });
}

/**
 * The `n`th zone of a benchmark region (its first when it has one only), from the zone table the
 * components check against: not every region has an `-a` (cn-qingdao starts at b).
 */
export function benchZone(region: string, n: number): string {
    const letters = REGION_ZONES[region];
    return `${region}-${letters[n] ?? letters[0]}`;
}

export function buildStack(
    config: unknown,
    opts: pulumi.ComponentResourceOptions,
): Record<string, pulumi.Input<unknown>> {
    const { regions } = config as { regions: number };
    const members = Object.fromEntries(
        BENCH_REGIONS.slice(0, regions).map((region, i) => {
            const vpc = new RegionalVpc(
                `vpc-${region}`,
                {
                    region,
                    cidrBlock: `10.${i}.0.0/16`,
                    vSwitches: {
                        a: { zoneId: benchZone(region, 0), cidrBlock: `10.${i}.1.0/24` },
                        b: { zoneId: benchZone(region, 1), cidrBlock: `10.${i}.2.0/24` },
                    },
                },
                opts,
            );
            return [region.replace(/^cn-/, "").replace(/-/g, ""), { vpc }];
        }),
    );
    const keys = Object.keys(members);
    const vpcRoutes = keys.flatMap(from =>
        keys.filter(to => to !== from).map(to => ({ member: from, destinationCidrBlock: members[to].vpc.cidrBlock })),
    );
    const net = new CenTransitNetwork("mesh", { members, peerBandwidthMbps: 2, vpcRoutes }, opts);
    new MeshTraffic(
        "traffic",
        Object.values(members).map(m => m.vpc),
        opts,
    );
    return { cenId: net.cenId };
}

/** HTTPS from the first vSwitch of every VPC to the first of every other. */
class MeshTraffic extends pulumi.ComponentResource implements DeclaresFlows {
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, vpcs: readonly RegionalVpc[], opts: pulumi.ComponentResourceOptions) {
        super("topologies:bench:MeshTraffic", name, {}, opts);
        const host = (vpc: RegionalVpc) =>
            flowTo.host({
                label: vpc.region,
                address: vpc.vSwitches.a.cidrBlock,
                vpcId: vpc.vpcId,
                subnetId: vpc.vSwitches.a.id,
            });
        this.intendedFlows = vpcs.flatMap(a =>
            vpcs
                .filter(b => b !== a)
                .map((b): IntendedFlow => ({
                    name: `${a.region} → ${b.region} :443`,
                    from: host(a),
                    to: host(b),
                    protocol: "tcp",
                    port: 443,
                    intent: "allow",
                })),
        );
    }
}
