/**
 * The boxes of the picture and what goes in each: a box per region (a row of its own resources,
 * then its VPCs), per global network (a band), per VPC (its zones side by side, then a column of
 * what is in the VPC but in no subnet, gateways on its border) and per subnet.
 */
import { PlanGraph, shortType, typeTail } from "../graph";
import { keyArgs } from "../keyArgs";
import { Home, Placement } from "./placement";
import { HUB } from "./roles";
import { Box, Edge, Item, newBox, newItem } from "./scene";

const GREY = "#555555";

function byRank(a: Item | Box, b: Item | Box): number {
    const rank = (x: Item | Box) => (x.kind === "item" ? x.rank : 5);
    return rank(a) - rank(b) || a.id.localeCompare(b.id);
}

export class Containers {
    readonly regions = new Map<string, { box: Box; items: Box; vpcs: Box }>();
    readonly hubs = new Map<string, Box>();
    readonly vpcs = new Map<string, { box: Box; column: Box; zones: Box }>();
    readonly subnets = new Map<string, Box>();
    readonly global = newBox({
        id: "cluster_global",
        role: "global",
        dir: "row",
        wrap: 8,
        title: [{ text: "global", size: 12, bold: true, colour: GREY }],
        fill: "#fafafa",
        stroke: "#bbbbbb",
    });

    constructor(
        graph: PlanGraph,
        private readonly p: Placement,
    ) {
        for (const n of graph.nodes.filter(n => HUB.test(typeTail(n.type)) && p.role.get(n.key) === "node")) {
            this.hubs.set(
                n.key,
                newBox({
                    id: `cluster_${n.key}`,
                    role: "hub",
                    dir: "row",
                    names: [n.name],
                    title: [
                        {
                            text: `${shortType(n.type) === "Instance" ? "CEN" : shortType(n.type)} ${n.name}`,
                            size: 12,
                            bold: true,
                        },
                        {
                            text: "global network: the routers of its regions peer across this band",
                            size: 9,
                            colour: GREY,
                        },
                    ],
                    fill: "#fff7ed",
                    stroke: "#f59e0b",
                }),
            );
        }
        for (const v of graph.nodes.filter(n => p.role.get(n.key) === "vpc")) {
            const column = newBox({ id: `stack::vpc-column::${v.key}`, role: "stack", dir: "column", wrap: 5 });
            const zones = newBox({ id: `stack::zones::${v.key}`, role: "stack", dir: "row", alignSlots: true });
            const box = newBox({
                id: `cluster_${v.key}`,
                role: "vpc",
                dir: "row",
                names: [v.name],
                title: [
                    {
                        text: `VPC ${v.name}  ${keyArgs(v.type, v.inputs).cidrBlock ?? ""}`.trim(),
                        size: 12,
                        bold: true,
                    },
                ],
                children: [zones, column],
                fill: "#dbeafe",
                stroke: "#3b82f6",
            });
            this.vpcs.set(v.key, { box, column, zones });
            this.region(v.region ?? "unknown").vpcs.children.push(box);
        }
        for (const s of p.subnets.values()) {
            const name = graph.byKey.get(s.key)!.name;
            const isPublic = s.tier === "public";
            this.subnets.set(
                s.key,
                newBox({
                    id: `cluster_${s.key}`,
                    role: "subnet",
                    dir: "row",
                    wrap: 2,
                    names: [name],
                    title: [
                        { text: name, size: 10, bold: true },
                        {
                            text: [s.cidr, s.tier ? `${s.tier} subnet` : undefined].filter(Boolean).join(" · "),
                            size: 9,
                            colour: GREY,
                        },
                    ],
                    fill: s.tier === undefined ? "#ffffff" : isPublic ? "#eef8e8" : "#eef4fc",
                    stroke: isPublic ? "#5aa02c" : "#60a5fa",
                    dashed: s.tier === undefined,
                }),
            );
        }
    }

    region(region: string): { box: Box; items: Box; vpcs: Box } {
        let r = this.regions.get(region);
        if (!r) {
            const items = newBox({ id: `stack::items::${region}`, role: "stack", dir: "row" });
            const vpcs = newBox({ id: `stack::vpcs::${region}`, role: "stack", dir: "row" });
            const box = newBox({
                id: `cluster_region_${region}`,
                role: "region",
                dir: "column",
                title: [{ text: `region ${region}`, size: 16, bold: true }],
                children: [items, vpcs],
                fill: "#f4f6f8",
                stroke: "#9aa5b1",
            });
            r = { box, items, vpcs };
            this.regions.set(region, r);
        }
        return r;
    }

    put(home: Home, item: Item): void {
        switch (home.kind) {
            case "subnets":
                this.subnets.get(home.subnets[0])?.children.push(item);
                break;
            case "vpc":
                this.vpcs.get(home.vpc)!.column.children.push(item);
                break;
            case "edge":
                this.vpcs.get(home.vpc)!.box[home.side].push(item);
                break;
            case "region":
                (home.region === undefined ? this.global : this.region(home.region).items).children.push(item);
                break;
            case "hub":
                (home.hub ? this.hubs.get(home.hub)! : this.global).children.push(item);
                break;
        }
    }

    /**
     * Zones and order, once everything is in: the subnets of each zone in a column, one slot per
     * tier so public and private subnets line up across zones; each region's router first and
     * the VPCs attached to it next to it. Returns the regions with a router in a band.
     */
    finish(edges: readonly Edge[], routerIds: ReadonlySet<string>): Set<string> {
        const p = this.p;
        const tierOrder = (k: string) => {
            const tier = p.subnets.get(k)?.tier;
            return tier === "public" ? 0 : tier === "private" ? 1 : 2;
        };
        for (const [vpcKey, v] of this.vpcs) {
            const own = [...p.subnets.values()].filter(s => s.vpc === vpcKey);
            const zones = [...new Set(own.map(s => s.zone ?? ""))].sort();
            const slotsOf = (zone: string) => {
                const seen = new Map<number, number>();
                return own
                    .filter(s => (s.zone ?? "") === zone)
                    .sort((a, b) => tierOrder(a.key) - tierOrder(b.key) || a.key.localeCompare(b.key))
                    .map(s => {
                        const t = tierOrder(s.key);
                        const i = seen.get(t) ?? 0;
                        seen.set(t, i + 1);
                        return { slot: `${t}.${i}`, key: s.key };
                    });
            };
            const all = [...new Set(zones.flatMap(z => slotsOf(z).map(s => s.slot)))].sort();
            for (const zone of zones) {
                const slots = slotsOf(zone);
                v.zones.children.push(
                    newBox({
                        id: `cluster_zone_${vpcKey}_${zone}`,
                        role: "zone",
                        dir: "column",
                        title: zone ? [{ text: zone, size: 9, bold: true, colour: "#475569" }] : [],
                        children: all.map(slot => {
                            const found = slots.find(s => s.slot === slot);
                            return found
                                ? this.subnets.get(found.key)!
                                : newItem({
                                      id: `spacer::${vpcKey}::${zone}::${slot}`,
                                      names: [],
                                      lines: [],
                                      fill: "none",
                                      spacer: true,
                                  });
                        }),
                        stroke: "#94a3b8",
                        dashed: true,
                    }),
                );
            }
            if (v.zones.children.length === 0) v.box.children.splice(v.box.children.indexOf(v.zones), 1);
            if (v.column.children.length === 0) v.box.children.splice(v.box.children.indexOf(v.column), 1);
        }
        for (const box of [
            ...this.subnets.values(),
            ...[...this.vpcs.values()].map(v => v.column),
            this.global,
            ...this.hubs.values(),
        ])
            box.children.sort(byRank);
        const hubRegions = new Set<string>();
        const attached = (vpc: Box | Item) => edges.some(e => e.to === vpc.id && e.style === "attach");
        for (const r of this.regions.values()) {
            r.items.children.sort((a, b) => Number(routerIds.has(b.id)) - Number(routerIds.has(a.id)) || byRank(a, b));
            if (r.items.children.some(c => routerIds.has(c.id))) hubRegions.add(r.box.id);
            r.vpcs.children.sort((a, b) => Number(attached(b)) - Number(attached(a)) || a.id.localeCompare(b.id));
            if (r.items.children.length === 0) r.box.children.splice(0, 1);
            if (r.vpcs.children.length === 0) r.box.children.splice(r.box.children.indexOf(r.vpcs), 1);
        }
        return hubRegions;
    }
}
