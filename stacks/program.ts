/**
 * The stack program: builds the topologies a stack's config names. `stacks/index.ts` runs it
 * under `pulumi up`; `topologies plan` runs it offline under the mocks. Both pass `opts` to every
 * top-level component (the plan's recorder rides on them).
 */
import * as pulumi from "@pulumi/pulumi";
import { AckCluster } from "../components/alicloud/ack";
import { Bookinfo } from "../components/alicloud/bookinfo";
import { CenTransitNetwork } from "../components/alicloud/cen";
import { CrossRegionAlbBackend } from "../components/alicloud/crossRegionAlb";
import { DualStackAlb, DualStackAlbBackend } from "../components/alicloud/dualStackAlb";
import { ServiceMesh } from "../components/alicloud/mesh";
import { MultiEipEni } from "../components/alicloud/multiEipEni";
import { RegionalVpc } from "../components/alicloud/vpc";
import { AlbFargateService } from "../components/aws/albFargateService";
import { TopologyValidationError, ValidationProblem } from "../components/errors";
import { configPath, StackConfig, VpcConfig } from "./config";
import { demoServers } from "./servers";

export { loadStackConfig } from "./config";

type Outputs = Record<string, pulumi.Input<unknown>>;

/** What the endpoint output says when no CNAME is configured. */
const NO_CNAME = "none: set dns (an ALB created since 2025 does not answer on its own DNS name; clients need a CNAME to it)";

/**
 * Where a component input came from when it is not the section's key of the same name: a pattern
 * on the start of the component's input path, and the config path (without namespace) it reads.
 * The rest of the input path after the match is kept.
 */
type Rename = [RegExp, (match: RegExpExecArray) => PropertyKey[]];

/**
 * Runs `build` and re-reports its validation problems under the YAML key path `section`, so a
 * component's `vSwitches.vsw3.cidrBlock` reads `topologies:crossRegionAlb.albVpc.vSwitches.vsw3.cidrBlock`.
 * Inputs the program derives or renames (`renames`) are reported at the key the user wrote.
 */
function underKey<T>(section: PropertyKey[], build: () => T, renames: Rename[] = []): T {
    try {
        return build();
    } catch (e) {
        if (!(e instanceof TopologyValidationError)) throw e;
        const at = (path: string): string => {
            for (const [pattern, to] of renames) {
                const match = pattern.exec(path);
                if (match) return `${configPath(to(match))}${path.slice(match[0].length)}`;
            }
            return `${configPath(section)}.${path}`;
        };
        throw new TopologyValidationError(e.component, e.problems.map(p => ({ ...p, path: at(p.path) })));
    }
}

class Builder {
    readonly problems: Array<{ source: string; problem: ValidationProblem }> = [];
    private readonly vpcs = new Map<string, RegionalVpc>();
    /** The environment's shared CEN, when `topologies:network` asks for one. */
    sharedCen?: CenTransitNetwork;

    constructor(readonly config: StackConfig, readonly opts: pulumi.ComponentResourceOptions) {}

    /** Login password of the demo servers: a secret, never in the stack file. */
    get serverPassword(): pulumi.Input<string> | undefined {
        return this.config.serverPassword === undefined ? undefined : pulumi.secret(this.config.serverPassword);
    }

    /** Options for components holding slow or stateful resources: protected in prod. */
    get durable(): pulumi.ComponentResourceOptions {
        return this.config.protect ? { ...this.opts, protect: true } : this.opts;
    }

    get tags(): Record<string, string> | undefined {
        return this.config.tags;
    }

    /** The VPC of a config key, created on first use (the shared CEN needs them before the topologies). */
    vpc(name: string, section: PropertyKey[], vpc: VpcConfig): RegionalVpc {
        let built = this.vpcs.get(name);
        if (!built) {
            built = underKey(section, () => new RegionalVpc(name, { ...vpc, tags: this.tags }, this.durable));
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
            for (const problem of e.problems) this.problems.push({ source: e.component, problem });
            return {};
        }
    }
}

function crossRegionAlb(b: Builder): Outputs {
    const s = b.config.crossRegionAlb!;
    const albVpc = b.vpc("s1-alb-net", ["crossRegionAlb", "albVpc"], s.albVpc);
    const backendVpc = b.vpc("s1-backend-net", ["crossRegionAlb", "backendVpc"], s.backendVpc);
    const servers = demoServers("s1-demo", backendVpc, s.servers, b.opts, b.serverPassword, b.tags);
    const { servers: _servers, albVpc: _a, backendVpc: _b, weight, ...options } = s;
    const s1 = underKey(["crossRegionAlb"], () => new CrossRegionAlbBackend("s1", {
        ...options,
        cen: b.sharedCen,
        albVpc,
        backendVpc,
        backends: Object.fromEntries(Object.entries(servers.servers).map(([key, server]) =>
            [key, { ipv4Address: server.privateIp, weight, securityGroup: "servers" }])),
        securityGroups: { servers: servers.securityGroupId },
        tags: b.tags,
    }, b.durable), [
        [/^backends\.[^.]+\.weight/, () => ["crossRegionAlb", "weight"]],
        [/^backends\.([^.]+).*/, m => ["crossRegionAlb", "servers", "instances", m[1]]],
    ]);
    return {
        s1AlbDnsName: s1.dnsName, s1AlbId: s1.loadBalancerId, s1CenId: s1.cen.cenId, s1ServerGroupId: s1.serverGroupId,
        // The name clients use: the CNAME (an ALB created since 2025 does not answer on its own name).
        s1Endpoint: s1.fqdn ?? NO_CNAME,
    };
}

function multiEip(b: Builder): Outputs {
    const s = b.config.multiEip!;
    const vpc = b.vpc("s2-net", ["multiEip", "vpc"], s.vpc);
    // The sites answer on the EIPs themselves: the ENI's group must admit HTTP from anywhere.
    const servers = demoServers("s2-demo", vpc, s.servers, b.opts, b.serverPassword, b.tags, [80]);
    const server = servers.servers[s.server];
    const s2 = underKey(["multiEip"], () => new MultiEipEni("s2", {
        instance: { id: server.instance.id, region: vpc.region, instanceType: s.servers.instanceType, zoneId: vpc.vSwitches[server.vSwitch].zoneId },
        vSwitch: { vpc, name: server.vSwitch },
        securityGroupIds: [servers.securityGroupId],
        publicIpCount: s.publicIpCount,
        privateIps: s.privateIps,
        eip: s.eip,
        eipQuota: s.eipQuota,
        // The demo servers boot Alibaba Cloud Linux 3 unless the section pins another image.
        guestOs: s.guestOs ?? (s.servers.imageId === undefined && s.servers.imageNameRegex === undefined ? "alinux3" : undefined),
        configureGuest: s.configureGuest,
        tags: b.tags,
    }, b.opts), [
        [/^instance\.instanceType/, () => ["multiEip", "servers", "instanceType"]],
        [/^(instance|vSwitch)\b.*/, () => ["multiEip", "servers", "instances", s.server]],
    ]);
    return { s2PublicIps: s2.publicIps, s2PrivateIps: s2.privateIps, s2GuestScript: s2.guestScript };
}

function dualStackAlb(b: Builder): Outputs {
    const s = b.config.dualStackAlb!;
    const vpc = b.vpc("s3-net", ["dualStackAlb", "vpc"], s.vpc);
    const servers = demoServers("s3-demo", vpc, s.servers, b.opts, b.serverPassword, b.tags);
    const backends: Record<string, DualStackAlbBackend> = Object.fromEntries(Object.entries(s.backends).map(([key, backend]) => {
        const server = servers.servers[key];
        const common = { instanceId: server.instance.id, vSwitch: server.vSwitch, port: backend.port, weight: backend.weight, securityGroup: "servers" };
        return [key, backend.family === "ipv6" ? { ...common, ipv6Address: server.ipv6Address! } : { ...common, ipv4Address: server.privateIp }];
    }));
    const s3 = underKey(["dualStackAlb"], () => new DualStackAlb("s3", {
        vpc,
        albVSwitches: s.albVSwitches,
        edition: s.edition,
        backends,
        listener: s.listener,
        healthCheck: s.healthCheck,
        securityGroups: { servers: servers.securityGroupId },
        ipv6GatewayId: vpc.ipv6GatewayId,
        dns: s.dns,
        tags: b.tags,
    }, b.opts));
    return { s3AlbDnsName: s3.dnsName, s3AlbId: s3.loadBalancerId, s3DnsRecordId: s3.dnsRecordId, s3Endpoint: s3.fqdn ?? NO_CNAME };
}

function meshFailover(b: Builder): Outputs {
    const s = b.config.meshFailover!;
    const clusters = Object.fromEntries(Object.entries(s.clusters).map(([key, c]) => {
        const section = ["meshFailover", "clusters", key];
        const vpc = b.vpc(`s4-${key}-net`, [...section, "vpc"], c.vpc);
        const { vpc: _vpc, ...options } = c;
        const cluster = underKey(section, () => new AckCluster(`s4-${key}`, {
            ...options,
            vpc,
            deletionProtection: options.deletionProtection ?? b.config.environment === "prod",
            tags: b.tags,
        }, b.durable));
        return [key, cluster];
    }));
    const { vpc: meshVpcConfig, vSwitch, peerBandwidthMbps, bandwidthPackage, bandwidthPackages, ...meshOptions } = s.mesh;
    const meshVpc = b.vpc("s4-mesh-net", ["meshFailover", "mesh", "vpc"], meshVpcConfig);
    const mesh = underKey(["meshFailover", "mesh"], () => new ServiceMesh("s4-mesh", {
        ...meshOptions,
        vpc: meshVpc,
        vSwitch,
        clusters,
        network: b.sharedCen ?? { peerBandwidthMbps, bandwidthPackage, bandwidthPackages },
        tags: b.tags,
    }, b.durable), [
        [/^clusters\b/, () => ["meshFailover", "clusters"]],
        [/^network\b/, () => b.sharedCen ? ["network"] : ["meshFailover", "mesh"]],
    ]);
    underKey(["meshFailover"], () => new Bookinfo("s4-bookinfo", {
        clusters: Object.fromEntries(Object.entries(clusters).map(([key, cluster]) => [key, {
            provider: cluster.provider,
            reviewsVersions: s.reviewsVersions?.[key],
        }])),
        mesh,
        reviewsLocality: s.locality,
        imageRegistry: s.bookinfoImageRegistry,
    }, b.opts), [
        [/^clusters\.([^.]+)\.reviewsVersions/, m => ["meshFailover", "reviewsVersions", m[1]]],
        [/^reviewsLocality/, () => ["meshFailover", "locality"]],
        [/^imageRegistry/, () => ["meshFailover", "bookinfoImageRegistry"]],
    ]);
    return {
        s4MeshId: mesh.meshId,
        s4MeshKubeconfig: mesh.kubeconfig,
        s4ClusterIds: Object.fromEntries(Object.entries(clusters).map(([key, c]) => [key, c.clusterId])),
        s4Kubeconfigs: pulumi.secret(pulumi.all(Object.fromEntries(Object.entries(clusters).map(([key, c]) => [key, c.kubeconfig])))),
    };
}

function fargate(b: Builder): Outputs {
    const s = b.config.fargate!;
    const s5 = underKey(["fargate"], () => new AlbFargateService("s5", {
        ...s,
        network: { ...s.network, egress: s.network.egress ?? "vpcEndpoints" },
        tags: b.tags,
    }, b.opts));
    return {
        s5AlbDnsName: s5.albDnsName,
        s5TargetGroupArn: s5.targetGroupArn,
        s5ClusterName: s5.clusterName,
        s5ServiceNames: s5.serviceNames,
    };
}

/** The VPCs of S1 and S4, by CEN member name: what the shared CEN joins. */
function sharedCenMembers(b: Builder): Record<string, RegionalVpc> {
    const members: Record<string, RegionalVpc> = {};
    const s1 = b.config.crossRegionAlb;
    if (s1) {
        members["s1-alb"] = b.vpc("s1-alb-net", ["crossRegionAlb", "albVpc"], s1.albVpc);
        members["s1-backend"] = b.vpc("s1-backend-net", ["crossRegionAlb", "backendVpc"], s1.backendVpc);
    }
    const s4 = b.config.meshFailover;
    if (s4) {
        for (const [key, cluster] of Object.entries(s4.clusters)) {
            members[`s4-${key}`] = b.vpc(`s4-${key}-net`, ["meshFailover", "clusters", key, "vpc"], cluster.vpc);
        }
        members["s4-mesh"] = b.vpc("s4-mesh-net", ["meshFailover", "mesh", "vpc"], s4.mesh.vpc);
    }
    return members;
}

function sharedCen(b: Builder): Outputs {
    const n = b.config.network!;
    const members = sharedCenMembers(b);
    b.sharedCen = underKey(["network"], () => new CenTransitNetwork("env-cen", {
        members: Object.fromEntries(Object.entries(members).map(([key, vpc]) => [key, { vpc }])),
        cenInstanceName: n.cenInstanceName,
        peerBandwidthMbps: n.peerBandwidthMbps,
        bandwidthPackage: n.bandwidthPackage,
        bandwidthPackages: n.bandwidthPackages,
        // S4 puts its mesh VPC beside a cluster VPC in one region; they share that region's router.
        allowMultipleVpcsPerRegion: true,
        tags: b.tags,
    }, b.durable));
    return { cenId: b.sharedCen.cenId };
}

const SECTIONS: Record<"crossRegionAlb" | "multiEip" | "dualStackAlb" | "meshFailover" | "fargate", (b: Builder) => Outputs> = {
    crossRegionAlb, multiEip, dualStackAlb, meshFailover, fargate,
};

/**
 * Builds every topology the config names and returns the stack outputs. Every section is built
 * even when an earlier one is rejected, so one run reports all of the stack's problems.
 */
export function buildStack(config: unknown, opts: pulumi.ComponentResourceOptions): Outputs {
    const builder = new Builder(config as StackConfig, opts);
    let outputs: Outputs = builder.config.network ? builder.section(() => sharedCen(builder)) : {};
    for (const [key, build] of Object.entries(SECTIONS)) {
        if (builder.config[key as keyof typeof SECTIONS] !== undefined) outputs = { ...outputs, ...builder.section(() => build(builder)) };
    }
    if (builder.problems.length > 0) {
        const sources = [...new Set(builder.problems.map(p => p.source))];
        throw new TopologyValidationError(`stack (${sources.join("; ")})`, builder.problems.map(p => p.problem));
    }
    return outputs;
}
