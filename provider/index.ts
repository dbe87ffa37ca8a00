/**
 * The multi-language components: one per topology, and {@link Environment} for several over one
 * shared CEN. Their args are plain data, the stack file's sections (./args.ts, generated from the
 * stack-config schemas), so Pulumi's analyzer can infer the package schema and
 * `pulumi package add` can generate Python, Go, .NET and YAML SDKs. Each builds through the
 * stack program (./build.ts): the same checks, defaults and errors as a stack file.
 *
 * Type tokens are `topologies:index:<Name>`: Pulumi's component provider serves only the `index`
 * module (ComponentProvider.validateResourceType in @pulumi/pulumi/provider/experimental), so
 * these are the package's only tokens outside `topologies:<cloud>:<Name>`.
 *
 * Outputs are the stack outputs of the section without their `s<N>` prefix (`s1AlbDnsName` →
 * `albDnsName`); tests/multilang.spec.ts holds the two lists together.
 */
import * as pulumi from "@pulumi/pulumi";
import type {
    CrossRegionAlbArgs,
    DualStackAlbArgs,
    EnvironmentArgs,
    FargateArgs,
    MeshFailoverArgs,
    MultiEipArgs,
} from "./args";

/**
 * A section's stack outputs, each an Output of what its component declares (typed per class).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- narrowed by each class's declared outputs
type StackOutputs = Record<string, any>;

/**
 * ./build.ts, the implementation, loaded when a component is constructed. Not imported: Pulumi's
 * analyzer builds a TypeScript program of this file and everything it imports, and with the
 * stack program and both cloud SDKs that takes seconds instead of a fraction of one.
 */
interface Build {
    checkArgs(
        type: string,
        name: string,
        key: string | undefined,
        args: unknown,
        opts: pulumi.ComponentResourceOptions | undefined,
    ): { readonly opts: pulumi.ComponentResourceOptions };
    buildArgs(
        parent: pulumi.ComponentResource,
        type: string,
        name: string,
        checked: { readonly opts: pulumi.ComponentResourceOptions },
    ): StackOutputs;
}
/** Node's `require`, declared here so the analyzer's program needs no Node types either. */
declare const require: (id: string) => unknown;
const { checkArgs, buildArgs } = require("./build") as Build;

export * from "./args";

/** The stack outputs of a section under the names its component gives them. */
function unprefixed(outputs: StackOutputs): StackOutputs {
    return Object.fromEntries(
        Object.entries(outputs).map(([k, v]) => [k.replace(/^s\d([A-Z])/, (_, c: string) => c.toLowerCase()), v]),
    );
}

/** S1: an ALB in one Alibaba Cloud region in front of ECS backends in another, over CEN transit routers. */
export class CrossRegionAlb extends pulumi.ComponentResource {
    /** The ALB's own DNS name (ALBs created since 2025 answer only through a CNAME: see `endpoint`). */
    readonly albDnsName: pulumi.Output<string>;
    /** Id of the ALB. */
    readonly albId: pulumi.Output<string>;
    /** Id of the CEN instance joining the two VPCs. */
    readonly cenId: pulumi.Output<string>;
    /** Id of the ALB's server group holding the backends. */
    readonly serverGroupId: pulumi.Output<string>;
    /** The name clients use: the CNAME of `dns`, or a note that none was asked for. */
    readonly endpoint: pulumi.Output<string>;

    constructor(name: string, args: CrossRegionAlbArgs, opts?: pulumi.ComponentResourceOptions) {
        const type = "topologies:index:CrossRegionAlb";
        const checked = checkArgs(type, name, "crossRegionAlb", args, opts);
        super(type, name, {}, checked.opts);
        const out = unprefixed(buildArgs(this, type, name, checked));
        this.albDnsName = out.albDnsName;
        this.albId = out.albId;
        this.cenId = out.cenId;
        this.serverGroupId = out.serverGroupId;
        this.endpoint = out.endpoint;
        this.registerOutputs(out);
    }
}

/** S2: several EIPs on one ECS instance through a secondary ENI in NAT mode. */
export class MultiEip extends pulumi.ComponentResource {
    /** The EIPs' addresses, in the order of `privateIps`. */
    readonly publicIps: pulumi.Output<string[]>;
    /** The ENI's private addresses each EIP maps to. */
    readonly privateIps: pulumi.Output<string[]>;
    /** The shell script that sets up the guest's policy routing (run by Cloud Assistant when `configureGuest`). */
    readonly guestScript: pulumi.Output<string>;

    constructor(name: string, args: MultiEipArgs, opts?: pulumi.ComponentResourceOptions) {
        const type = "topologies:index:MultiEip";
        const checked = checkArgs(type, name, "multiEip", args, opts);
        super(type, name, {}, checked.opts);
        const out = unprefixed(buildArgs(this, type, name, checked));
        this.publicIps = out.publicIps;
        this.privateIps = out.privateIps;
        this.guestScript = out.guestScript;
        this.registerOutputs(out);
    }
}

/** S3: a dual-stack (IPv4 + IPv6) ALB over IPv4 and IPv6 backends, with a DNS record. */
export class DualStackAlb extends pulumi.ComponentResource {
    /** The ALB's own DNS name (ALBs created since 2025 answer only through a CNAME: see `endpoint`). */
    readonly albDnsName: pulumi.Output<string>;
    /** Id of the ALB. */
    readonly albId: pulumi.Output<string>;
    /** Id of the CNAME record, when `dns` is given. */
    readonly dnsRecordId: pulumi.Output<string>;
    /** The name clients use: the CNAME of `dns`, or a note that none was asked for. */
    readonly endpoint: pulumi.Output<string>;

    constructor(name: string, args: DualStackAlbArgs, opts?: pulumi.ComponentResourceOptions) {
        const type = "topologies:index:DualStackAlb";
        const checked = checkArgs(type, name, "dualStackAlb", args, opts);
        super(type, name, {}, checked.opts);
        const out = unprefixed(buildArgs(this, type, name, checked));
        this.albDnsName = out.albDnsName;
        this.albId = out.albId;
        this.dnsRecordId = out.dnsRecordId;
        this.endpoint = out.endpoint;
        this.registerOutputs(out);
    }
}

/** S4: ACK clusters in several regions in one ASM service mesh, with Istio locality failover or distribution. */
export class MeshFailover extends pulumi.ComponentResource {
    /** Id of the ASM instance. */
    readonly meshId: pulumi.Output<string>;
    /** Kubeconfig of the mesh's API server (a secret), for Istio objects of your own. */
    readonly meshKubeconfig: pulumi.Output<string>;
    /** Cluster name → ACK cluster id. */
    readonly clusterIds: pulumi.Output<Record<string, string>>;
    /** Cluster name → its kubeconfig (a secret). */
    readonly kubeconfigs: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: MeshFailoverArgs, opts?: pulumi.ComponentResourceOptions) {
        const type = "topologies:index:MeshFailover";
        const checked = checkArgs(type, name, "meshFailover", args, opts);
        super(type, name, {}, checked.opts);
        const out = unprefixed(buildArgs(this, type, name, checked));
        this.meshId = out.meshId;
        this.meshKubeconfig = out.meshKubeconfig;
        this.clusterIds = out.clusterIds;
        this.kubeconfigs = out.kubeconfigs;
        this.registerOutputs(out);
    }
}

/** S5: an AWS ALB in front of ECS Fargate tasks registered by IP, the tasks in private subnets. */
export class Fargate extends pulumi.ComponentResource {
    /** The ALB's DNS name: point your record at it. */
    readonly albDnsName: pulumi.Output<string>;
    /** Where clients go: `https://<record>/` with `dns` and HTTPS, else the scheme and the ALB's DNS name. */
    readonly url: pulumi.Output<string>;
    /** ARN of the `ip` target group ECS registers the tasks in. */
    readonly targetGroupArn: pulumi.Output<string>;
    /** Name of the ECS cluster. */
    readonly clusterName: pulumi.Output<string>;
    /** Service key → ECS service name. */
    readonly serviceNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: FargateArgs, opts?: pulumi.ComponentResourceOptions) {
        const type = "topologies:index:Fargate";
        const checked = checkArgs(type, name, "fargate", args, opts);
        super(type, name, {}, checked.opts);
        const out = unprefixed(buildArgs(this, type, name, checked));
        this.albDnsName = out.albDnsName;
        this.url = out.url;
        this.targetGroupArn = out.targetGroupArn;
        this.clusterName = out.clusterName;
        this.serviceNames = out.serviceNames;
        this.registerOutputs(out);
    }
}

/**
 * Several topologies in one environment, as one stack file holds them: any of the sections,
 * over one shared CEN when `network` is given (its CEN joins every VPC of S1 and S4).
 */
export class Environment extends pulumi.ComponentResource {
    /** The stack outputs of every section built, under a stack's names (`s1AlbDnsName`, `cenId`, …). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the analyzer takes `any` (pulumi.json#/Any), not `unknown`
    readonly outputs: pulumi.Output<Record<string, any>>;

    constructor(name: string, args: EnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        const type = "topologies:index:Environment";
        const checked = checkArgs(type, name, undefined, args, opts);
        super(type, name, {}, checked.opts);
        const out = buildArgs(this, type, name, checked);
        this.outputs = pulumi.output(out);
        this.registerOutputs({ outputs: this.outputs });
    }
}
