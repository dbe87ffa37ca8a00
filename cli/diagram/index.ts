/**
 * The topology as a picture: regions contain VPCs, VPCs their zones and subnets (public above
 * private), and each resource sits in the innermost of these its inputs refer to (an instance in
 * its vSwitch, a load balancer's node in each subnet it spans, a gateway on its VPC's border, a
 * transit router in its region). Regions whose routers peer sit on either side of their global
 * network's band; the peerings are boxes in the band naming both ends. Attachments are double
 * lines, other references arrows; routes, rules and providers are counted, not drawn. Works for
 * any resource type: roles come from type patterns and placement from the recorded references.
 *
 * The layout is computed here (so every label is placed where nothing else is, and tests can
 * check it) and handed to Graphviz with all positions fixed, which only draws it.
 */
import { PlanGraph } from "../graph";
import { arrange } from "./arrange";
import { buildScene } from "./build";
import { emitDot } from "./dot";
import type { TracedFlow } from "./notes";
import { route } from "./route";

export type { TracedFlow } from "./notes";

/** Builds the DOT source of the topology; `trace` outlines the resources one flow crosses. */
export function toDot(graph: PlanGraph, title: string, trace?: TracedFlow): string {
    const scene = buildScene(graph, title, trace);
    const layout = arrange(scene);
    route(layout, scene.edges);
    return emitDot(scene, layout, title);
}

let viz: ReturnType<typeof import("@viz-js/viz").instance> | undefined;

/**
 * Renders DOT to SVG with Graphviz compiled to WebAssembly; loaded only when a picture is asked
 * for, once per process (instantiating it costs more than drawing a picture).
 */
export async function renderSvg(dot: string): Promise<string> {
    viz ??= import("@viz-js/viz").then(m => m.instance());
    return (await viz).renderString(dot, { format: "svg" });
}
