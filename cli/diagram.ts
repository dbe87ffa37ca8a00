/**
 * The topology as a Graphviz picture: regions contain VPCs, VPCs contain vSwitches/subnets, and
 * each resource sits in the innermost of these its inputs refer to (an instance in its vSwitch,
 * a load balancer spanning two vSwitches in its VPC, a transit router in its region). Attachments
 * and associations are drawn as labelled edges between what they join (VPC ↔ transit router,
 * transit router ↔ transit router, EIP ↔ ENI); other references between drawn resources are
 * edges, thicker when they cross regions. Routes, rules and providers are counted, not drawn,
 * so the picture stays readable. Works for any resource type: roles come from type patterns and
 * placement from the recorded references.
 */
import { PlanGraph, PlanNode, shortType, typeTail } from "./graph";
import { keyArgs } from "./keyArgs";

/** What a node becomes in the picture. */
type Role = "vpc" | "subnet" | "connector" | "hidden" | "kubernetes" | "node";

const VPC = /^(vpc\/network:Network|ec2\/vpc:Vpc)$/;
const SUBNET = /^(vpc\/switch:Switch|ec2\/subnet:Subnet)$/;
/** Detail resources: numerous, and their meaning is already on the picture (routes, rules, bindings). */
const HIDDEN =
    /RouteEntry|\/route:Route$|RouteTableAssociation|RouteTablePropagation|SecurityGroupRule|IngressRule|EgressRule|Policy|LogGroup|routeTable:RouteTable$/;
const CONNECTOR = /Attachment|Association/;
/** Resources that belong to no region, though an API call in some region creates them. */
const GLOBAL = /^(cen\/instance:Instance|cen\/bandwidthPackage:BandwidthPackage)$/;

/** Inputs naming the two ends of well-known connectors; others join every drawn thing they refer to. */
const CONNECTOR_ENDS: Record<string, readonly string[]> = {
    "cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": ["transitRouterId", "vpcId"],
    "cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": ["transitRouterId", "peerTransitRouterId"],
    "cen/bandwidthPackageAttachment:BandwidthPackageAttachment": ["bandwidthPackageId", "instanceId"],
    "ecs/eipAssociation:EipAssociation": ["allocationId", "instanceId"],
    "ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment": ["networkInterfaceId", "instanceId"],
};

/** Fill colours by service family, so a reader finds the load balancers or the CEN at a glance. */
const FAMILY_COLOURS: ReadonlyArray<[RegExp, string]> = [
    [/^(alicloud:cen|aws:ec2\/transitGateway)/, "#fde2c4"],
    [/^(alicloud:(alb|slb|nlb)|aws:lb)/, "#d4f0d4"],
    [/^(alicloud:(cs|servicemesh)|aws:(ecs|eks)|kubernetes:)/, "#e6dcf5"],
    [/^(alicloud:ecs\/(instance|ecsNetworkInterface)|aws:ec2\/instance)/, "#fff4c2"],
    [/(eip|Eip|natGateway|NatGateway|internetGateway|Ipv6Gateway)/, "#f9d7e5"],
    [/(securityGroup|SecurityGroup)/, "#eeeeee"],
];

function roleOf(node: PlanNode): Role {
    const tail = typeTail(node.type);
    if (!node.custom || node.type.startsWith("pulumi:providers:")) return "hidden";
    if (node.type.startsWith("kubernetes:")) return "kubernetes";
    if (VPC.test(tail)) return "vpc";
    if (SUBNET.test(tail)) return "subnet";
    if (HIDDEN.test(tail)) return "hidden";
    if (CONNECTOR.test(tail)) return "connector";
    return "node";
}

/** A Graphviz id. */
function gid(key: string): string {
    return JSON.stringify(key);
}

function escapeHtml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A Graphviz string literal (label text, `\n` for new lines). */
function quote(text: string): string {
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

const LEGEND =
    "arrow: refers to (creation order)   thick orange: crosses regions   dashed blue: refers to another VPC   double line: attachment";
const MAX_ARG_LINES = 3;
const MAX_EDGES_PER_CONNECTOR_TYPE = 12;
const MAX_ARG_LENGTH = 48;

function argLines(node: PlanNode): string[] {
    return Object.entries(keyArgs(node.type, node.inputs))
        .slice(0, MAX_ARG_LINES)
        .map(([k, v]) => {
            const line = `${k.split(".").pop()}: ${v}`;
            return line.length > MAX_ARG_LENGTH ? `${line.slice(0, MAX_ARG_LENGTH - 1)}…` : line;
        });
}

/** A flow to draw on the picture: its name, and the resources its hops name, in order. */
export interface TracedFlow {
    readonly name: string;
    readonly resources: readonly string[];
}

const TRACE_COLOUR = "#dc2626";

/** Builds the DOT source of the topology; `trace` outlines the resources one flow crosses. */
export function toDot(graph: PlanGraph, title: string, trace?: TracedFlow): string {
    const traced = new Set(trace?.resources ?? []);
    const role = new Map(graph.nodes.map(n => [n.key, roleOf(n)]));
    const node = (k: string) => graph.byKey.get(k)!;

    // Containers: each subnet in the VPC it refers to; each VPC in its region.
    const subnetVpc = new Map<string, string>();
    for (const n of graph.nodes) {
        if (role.get(n.key) !== "subnet") continue;
        const vpc = n.references.find(r => role.get(r) === "vpc");
        if (vpc) subnetVpc.set(n.key, vpc);
    }
    const containerOf = new Map<string, string>();
    const vpcOf = (container: string | undefined) =>
        container === undefined ? undefined : (subnetVpc.get(container) ?? container);
    const kubernetesGroups = new Map<string, PlanNode[]>();
    for (const n of graph.nodes) {
        const r = role.get(n.key);
        if (r === "kubernetes") {
            const group = n.provider ?? `kubernetes::${n.region ?? "default"}`;
            kubernetesGroups.set(group, [...(kubernetesGroups.get(group) ?? []), n]);
        }
        if (r !== "node") continue;
        const subnets = [...new Set(n.references.filter(k => role.get(k) === "subnet"))];
        const vpcs = new Set([
            ...n.references.filter(k => role.get(k) === "vpc"),
            ...subnets.map(s => subnetVpc.get(s)).filter(v => v !== undefined),
        ]);
        if (subnets.length === 1) containerOf.set(n.key, subnets[0]);
        else if (vpcs.size === 1) containerOf.set(n.key, [...vpcs][0]);
    }
    // What refers to no network (a listener, a rule set) sits with what it refers to, when all of
    // that is in one VPC; repeated so chains (listener → load balancer → VPC) settle.
    for (let changed = true; changed;) {
        changed = false;
        for (const n of graph.nodes) {
            if (role.get(n.key) !== "node" || containerOf.has(n.key)) continue;
            const vpcs = new Set(n.references.filter(k => role.get(k) === "node").map(k => vpcOf(containerOf.get(k))));
            const [only] = vpcs;
            if (vpcs.size === 1 && only !== undefined) {
                containerOf.set(n.key, only);
                changed = true;
            }
        }
    }

    // A group of Kubernetes objects sits beside what its provider's kubeconfig came from.
    const groupNodes: Array<{ id: string; region?: string; container?: string; label: string; from: string[] }> = [];
    for (const [providerKey, objects] of kubernetesGroups) {
        const provider = graph.byKey.get(providerKey);
        const from = provider
            ? [...provider.references, ...provider.dependsOn].filter(k => role.get(k) === "node")
            : [];
        const lines = objects
            .slice(0, 8)
            .map(
                o =>
                    `${String(o.inputs.kind ?? shortType(o.type))} ${String((o.inputs.metadata as { name?: string } | undefined)?.name ?? o.name)}`,
            );
        if (objects.length > 8) lines.push(`… ${objects.length - 8} more`);
        groupNodes.push({
            id: `k8s::${providerKey}`,
            region: objects[0].region ?? provider?.region,
            container: from.map(k => containerOf.get(k)).find(c => c !== undefined),
            label: `Kubernetes objects (${objects.length})\n${lines.join("\n")}`,
            from: from.slice(0, 1),
        });
    }

    const regionOf = (k: string): string | undefined => {
        const n = graph.byKey.get(k);
        return n === undefined || GLOBAL.test(typeTail(n.type)) ? undefined : n.region;
    };
    const regions = [
        ...new Set(
            graph.nodes
                .filter(n => role.get(n.key) !== "hidden")
                .map(n => regionOf(n.key))
                .filter(r => r !== undefined),
        ),
    ].sort();
    const lines: string[] = [
        "digraph topology {",
        `  graph [label=<<b>${escapeHtml(title)}</b><br/><font point-size="10">${escapeHtml(LEGEND)}</font>>, labelloc=t, fontsize=20, fontname="Helvetica", rankdir=LR, compound=true, newrank=true, nodesep=0.3, ranksep=0.6, pad=0.3];`,
        // Generous margins: viewers substitute wider fonts than the Helvetica metrics the layout uses.
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10, margin="0.2,0.08"];',
        '  edge [fontname="Helvetica", fontsize=9, color="#666666"];',
    ];
    if (trace) {
        // Routes, rules and bindings are not drawn: the note lists every hop of the path.
        const path = trace.resources.map((r, i) => `${i + 1}. ${r}`).join("\n");
        lines.push(
            `  "trace::note" [label=${quote(`path of ${trace.name}\n${path}`)}, shape=note, fillcolor="#fee2e2", color="${TRACE_COLOUR}", fontsize=9];`,
        );
    }
    const anchor = (containerKey: string) => gid(`anchor::${containerKey}`);
    const children = new Map<string | undefined, string[]>();
    const place = (key: string, container: string | undefined) =>
        children.set(container, [...(children.get(container) ?? []), key]);
    for (const n of graph.nodes) if (role.get(n.key) === "node") place(n.key, containerOf.get(n.key));
    for (const g of groupNodes) place(g.id, g.container);

    const nodeLine = (key: string, indent: string): string => {
        const group = groupNodes.find(g => g.id === key);
        if (group) return `${indent}${gid(key)} [label=${quote(group.label)}, fillcolor="#e6dcf5", shape=note];`;
        const n = node(key);
        const fill = FAMILY_COLOURS.find(([re]) => re.test(n.type))?.[1] ?? "#ffffff";
        const spans =
            containerOf.get(key) !== undefined && role.get(containerOf.get(key)!) === "vpc"
                ? [...new Set(n.references.filter(k => subnetVpc.get(k) === containerOf.get(key)))].map(
                      k => node(k).name,
                  )
                : [];
        const label = [
            n.name,
            shortType(n.type),
            ...argLines(n),
            ...(spans.length > 0 ? [`in ${spans.join(", ")}`] : []),
        ].join("\n");
        const outline = traced.has(n.name) ? `, color="${TRACE_COLOUR}", penwidth=3` : "";
        return `${indent}${gid(key)} [label=${quote(label)}, fillcolor="${fill}"${outline}];`;
    };
    const emitContents = (container: string | undefined, indent: string) => {
        for (const key of children.get(container) ?? []) lines.push(nodeLine(key, indent));
    };
    const subnetLabel = (n: PlanNode) => {
        const args = keyArgs(n.type, n.inputs);
        const zone = args.zoneId ?? args.availabilityZone ?? "";
        return [n.name, zone, args.cidrBlock ?? ""].filter(Boolean).join("\n");
    };
    const hiddenByRegion = new Map<string, Map<string, number>>();
    for (const n of graph.nodes) {
        if (role.get(n.key) !== "hidden" || !n.custom || n.type.startsWith("pulumi:providers:")) continue;
        const counts = hiddenByRegion.get(n.region ?? "") ?? new Map<string, number>();
        counts.set(shortType(n.type), (counts.get(shortType(n.type)) ?? 0) + 1);
        hiddenByRegion.set(n.region ?? "", counts);
    }
    const hiddenNote = (region: string, indent: string) => {
        const counts = hiddenByRegion.get(region);
        if (!counts) return;
        const text = [...counts].map(([t, c]) => `${c} × ${t}`).join("\n");
        lines.push(
            `${indent}${gid(`hidden::${region}`)} [label=${quote(`not drawn:\n${text}`)}, shape=plaintext, style="", fontsize=8, fontcolor="#888888"];`,
        );
    };

    regions.forEach((region, i) => {
        lines.push(`  subgraph ${gid(`cluster_region_${i}`)} {`);
        lines.push(
            `    label=${quote(`region ${region}`)}; style="rounded,filled"; fillcolor="#f4f6f8"; color="#9aa5b1"; fontsize=16; fontname="Helvetica-Bold"; margin=16;`,
        );
        for (const vpc of graph.nodes.filter(n => role.get(n.key) === "vpc" && n.region === region)) {
            lines.push(`    subgraph ${gid(`cluster_${vpc.key}`)} {`);
            const args = keyArgs(vpc.type, vpc.inputs);
            lines.push(
                `      label=${quote(`VPC ${vpc.name}  ${args.cidrBlock ?? ""}`)}; style="rounded,filled"; fillcolor="#dbeafe"; color="#3b82f6"; fontsize=12; fontname="Helvetica-Bold";`,
            );
            lines.push(`      ${anchor(vpc.key)} [shape=point, style=invis, width=0];`);
            for (const subnet of graph.nodes.filter(n => subnetVpc.get(n.key) === vpc.key)) {
                lines.push(`      subgraph ${gid(`cluster_${subnet.key}`)} {`);
                lines.push(
                    `        label=${quote(subnetLabel(subnet))}; style="rounded,filled,dashed"; fillcolor="#ffffff"; color="#60a5fa"; fontsize=10; fontname="Helvetica";`,
                );
                lines.push(`        ${anchor(subnet.key)} [shape=point, style=invis, width=0];`);
                emitContents(subnet.key, "        ");
                lines.push("      }");
            }
            emitContents(vpc.key, "      ");
            lines.push("    }");
        }
        for (const key of children.get(undefined) ?? []) {
            const region_ = groupNodes.find(g => g.id === key)?.region ?? regionOf(key);
            if (region_ === region) lines.push(nodeLine(key, "    "));
        }
        hiddenNote(region, "    ");
        lines.push("  }");
    });
    for (const key of children.get(undefined) ?? []) {
        const region_ = groupNodes.find(g => g.id === key)?.region ?? regionOf(key);
        if (region_ === undefined || !regions.includes(region_)) lines.push(nodeLine(key, "  "));
    }
    hiddenNote("", "  ");

    // Edges. A reference to a VPC or subnet points at its cluster (through its invisible anchor).
    const drawn = (k: string) => role.get(k) === "node" || role.get(k) === "vpc" || role.get(k) === "subnet";
    const endpoint = (k: string) =>
        role.get(k) === "node" ? { id: gid(k), cluster: undefined } : { id: anchor(k), cluster: gid(`cluster_${k}`) };
    const containersOf = (k: string): Set<string> => {
        const found = new Set<string>();
        for (let c = containerOf.get(k); c !== undefined; c = subnetVpc.get(c)) found.add(c);
        return found;
    };
    const crossRegion = (a: string, b: string) =>
        regionOf(a) !== undefined && regionOf(b) !== undefined && regionOf(a) !== regionOf(b);
    const edge = (from: string, to: string, attrs: string[], double = false) => {
        const a = endpoint(from);
        const b = endpoint(to);
        const clip = [a.cluster ? `ltail=${a.cluster}` : "", b.cluster ? `lhead=${b.cluster}` : ""].filter(Boolean);
        const colour = crossRegion(from, to) ? "#d9480f" : double ? "#555555" : undefined;
        const traceStyle = attrs.includes(`color="${TRACE_COLOUR}"`);
        const style =
            colour === undefined || traceStyle
                ? []
                : [`color="${double ? `${colour}:#ffffff:${colour}` : colour}"`, "penwidth=2"];
        lines.push(`  ${a.id} -> ${b.id} [${[...attrs, ...style, ...clip].join(", ")}];`);
    };
    for (const n of graph.nodes) {
        if (role.get(n.key) !== "node") continue;
        const own = containersOf(n.key);
        for (const target of new Set(n.references)) {
            if (!drawn(target) || own.has(target) || target === n.key) continue;
            // The vSwitches of its own VPC a node spans are listed in its label instead.
            if (role.get(target) === "subnet" && own.has(subnetVpc.get(target) ?? "")) continue;
            const dashed = role.get(target) === "subnet" || role.get(target) === "vpc";
            edge(n.key, target, dashed ? ["style=dashed", "arrowhead=none", 'color="#93c5fd"'] : []);
        }
    }
    // Past a handful, edges of one connector type (a 10-region full mesh has 45 peerings) hide the
    // picture instead of showing it: they are summarised in one note instead.
    const connectorCounts = new Map<string, number>();
    for (const n of graph.nodes)
        if (role.get(n.key) === "connector") connectorCounts.set(n.type, (connectorCounts.get(n.type) ?? 0) + 1);
    const summarised = [...connectorCounts].filter(([, count]) => count > MAX_EDGES_PER_CONNECTOR_TYPE);
    if (summarised.length > 0) {
        const text = summarised
            .map(([type, count]) => {
                const sample = graph.nodes.find(n => n.type === type)!;
                const args = Object.entries(keyArgs(type, sample.inputs))
                    .filter(([k]) => !/zone|region/i.test(k))
                    .map(([k, v]) => `${k}=${v}`)
                    .join(" ");
                return `${count} × ${shortType(type)}${args ? ` (e.g. ${args})` : ""}`;
            })
            .join("\n");
        lines.push(
            `  "summary::connectors" [label=${quote(`not drawn, too many to read:\n${text}`)}, shape=note, fillcolor="#fff7e6"];`,
        );
    }
    for (const n of graph.nodes) {
        if (role.get(n.key) !== "connector" || (connectorCounts.get(n.type) ?? 0) > MAX_EDGES_PER_CONNECTOR_TYPE)
            continue;
        const fields = CONNECTOR_ENDS[typeTail(n.type)];
        let ends = fields
            ? fields.map(f => graph.referencesIn(n.inputs[f]).find(drawn)).filter((k): k is string => k !== undefined)
            : [...new Set(n.references.filter(drawn))];
        // A connector naming a VPC and its subnets joins the VPC.
        ends = ends.filter(k => !(role.get(k) === "subnet" && ends.includes(subnetVpc.get(k) ?? "")));
        if (ends.length < 2) continue;
        const args = Object.entries(keyArgs(n.type, n.inputs))
            .filter(([k]) => !/zone/i.test(k))
            .map(([k, v]) => `${k.split(".").pop()}=${v}`);
        const label = [shortType(n.type).replace(/^TransitRouter/, ""), ...args.slice(0, 2)].join("\n");
        const onTrace = traced.has(n.name) ? [`color="${TRACE_COLOUR}"`, "penwidth=3"] : [];
        for (const other of ends.slice(1))
            edge(ends[0], other, [`label=${quote(label)}`, "arrowhead=none", ...onTrace], !traced.has(n.name));
    }
    for (const g of groupNodes) {
        for (const from of g.from) lines.push(`  ${gid(from)} -> ${gid(g.id)} [label="applies to", style=dotted];`);
    }
    lines.push("}");
    return lines.join("\n");
}

/** Renders DOT to SVG with Graphviz compiled to WebAssembly; loaded only when a picture is asked for. */
export async function renderSvg(dot: string): Promise<string> {
    const { instance } = await import("@viz-js/viz");
    const viz = await instance();
    return viz.renderString(dot, { format: "svg", engine: "dot" });
}
