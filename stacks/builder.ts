/**
 * What every topology's builder shares while the stack is built: the stack-wide settings, the
 * VPCs (each created once, as the shared CEN and its topology both need it), the shared CEN, and
 * the one way a component's validation problems are reported at the stack file's key paths.
 */
import * as pulumi from "@pulumi/pulumi";
import { CenTransitNetwork } from "../components/alicloud/cen";
import { RegionalVpc } from "../components/alicloud/vpc";
import { Problems, TopologyValidationError, ValidationProblem, joinPath } from "../components/errors";
import { protectStatefulResources } from "./protection";
import { StackSettings, VpcConfig, configPath } from "./schema";

/** The stack's outputs, as a topology's builder returns them. */
export type Outputs = Record<string, pulumi.Input<unknown>>;

/**
 * Where a component input came from when it is not the section's key of the same name: a pattern
 * on the start of the component's input path, and the config path (without namespace) it reads.
 * The rest of the input path after the match is kept.
 */
export type Rename = [RegExp, (match: RegExpExecArray) => PropertyKey[]];

export class Builder {
    /** Problems found while building, with the component that found them. */
    private readonly found: Array<{ source: string; problem: ValidationProblem }> = [];
    private readonly vpcs = new Map<string, RegionalVpc>();
    /** The environment's shared CEN, when `topologies:network` asks for one. */
    sharedCen?: CenTransitNetwork;

    /**
     * Options of every top-level component. In a protected stack (`protect`) they carry the
     * transformation that protects each stateful resource below (./protection.ts): per resource,
     * not on the component, whose `protect` every child would inherit.
     */
    readonly opts: pulumi.ComponentResourceOptions;

    /**
     * @param namePrefix Put before every top-level resource name (`s1` → `<prefix>-s1`), so one
     * program can hold the same topology twice (a multi-language component per topology, see
     * provider/). Empty for the stacks, whose URNs stay as they are.
     */
    constructor(
        readonly config: StackSettings,
        opts: pulumi.ComponentResourceOptions,
        private readonly namePrefix = "",
    ) {
        this.opts = config.protect
            ? { ...opts, transformations: [protectStatefulResources, ...(opts.transformations ?? [])] }
            : opts;
    }

    /** The name of a top-level resource of the stack, e.g. `s1`: with the builder's prefix, if any. */
    named(base: string): string {
        return this.namePrefix === "" ? base : `${this.namePrefix}-${base}`;
    }

    /** Login password of the demo servers: a secret, never in the stack file. */
    get serverPassword(): pulumi.Input<string> | undefined {
        return this.config.serverPassword === undefined ? undefined : pulumi.secret(this.config.serverPassword);
    }

    /**
     * The cloud's own deletion protection where a resource has one (ALBs, EIPs, ECS instances, the
     * AWS load balancer and log group), when a section does not say: on in a protected stack.
     */
    get deletionProtection(): boolean {
        return this.config.protect;
    }

    get tags(): Record<string, string> | undefined {
        return this.config.tags;
    }

    /** The VPC of a config key, created on first use (the shared CEN needs them before the topologies). */
    vpc(name: string, section: PropertyKey[], vpc: VpcConfig): RegionalVpc {
        let built = this.vpcs.get(name);
        if (!built) {
            built = reportedAt(
                section,
                () => new RegionalVpc(this.named(name), { ...vpc, tags: this.tags }, this.opts),
            );
            this.vpcs.set(name, built);
        }
        return built;
    }

    /** Builds one section; its validation problems are kept so every section gets checked. */
    section(build: () => Outputs): Outputs {
        try {
            return build();
        } catch (e) {
            if (!(e instanceof TopologyValidationError)) throw e;
            for (const problem of e.problems) this.found.push({ source: e.component, problem });
            return {};
        }
    }

    /** Throws every section's problems at once, if any section had some. */
    throwIfAny(): void {
        if (this.found.length === 0) return;
        const sources = [...new Set(this.found.map(f => f.source))];
        throw new TopologyValidationError(
            `stack (${sources.join("; ")})`,
            this.found.map(f => f.problem),
        );
    }
}

/**
 * Runs `build` (a component's constructor, which throws its validation problems) and re-reports
 * them under the YAML key path `section` through a {@link Problems} scope, so a component's
 * `vSwitches.vsw3.cidrBlock` reads `topologies:crossRegionAlb.albVpc.vSwitches.vsw3.cidrBlock`.
 * Inputs the program derives or renames (`renames`) are reported at the key the user wrote.
 * Messages are never rewritten.
 */
export function reportedAt<T>(section: PropertyKey[], build: () => T, renames: readonly Rename[] = []): T {
    try {
        return build();
    } catch (e) {
        if (!(e instanceof TopologyValidationError)) throw e;
        const problems = new Problems();
        const scope = problems.routed(path => {
            for (const [pattern, to] of renames) {
                const match = pattern.exec(path);
                if (match) return `${configPath(to(match))}${path.slice(match[0].length)}`;
            }
            return joinPath(configPath(section), path);
        });
        for (const p of e.problems) scope.add(p.path, p.message, p.fix);
        throw new TopologyValidationError(e.component, problems.list);
    }
}
