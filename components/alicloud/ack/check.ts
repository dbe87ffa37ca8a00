/** The validation of an {@link AckCluster}: every rule, before anything is registered, and the plan it resolves. */
import * as pulumi from "@pulumi/pulumi";
import { checkInput, checkUnique } from "../../checks";
import { Problems, validate } from "../../errors";
import { Cidr, PlacedCidr, checkCidr, checkNoOverlaps, firstOverlapping } from "../../net";
import { AUTONAMED, checkAutoname } from "../../naming";
import { checkStackProviderConfig } from "../../providers";
import { checkShape } from "../../shape";
import { checkPublicApiServer, checkPublicApiServerFlag } from "../apiServerAccess";
import { checkAlibabaName } from "../names";
import { plainTags } from "../tags";
import { RESERVED_VPC_RANGES, RegionalVpc, VSwitchInfo } from "../vpc";
import { findVSwitches } from "../vpc/lookups";
import { AckClusterArgs, AckClusterPlan, AckNetworkPlugin, AckNodePoolPlan } from "./args";
import { ACK_CLUSTER_SHAPE } from "./shape";

/**
 * Where ACK's control-plane components reach a cluster's API server from: "ACK-managed range for
 * control plane components", which a whitelist on the API server's CLB must keep (ACK, "Configure
 * access control policies for the API server", Required CIDR blocks for whitelists).
 */
export const ACK_CONTROL_PLANE_RANGE = "100.104.0.0/16";

/** The type token of {@link AckCluster}. */
export const ACK_CLUSTER_TYPE = "topologies:alicloud:AckCluster";
const CLUSTER_TYPE = "alicloud:cs/managedKubernetes:ManagedKubernetes";

function isFlannel(plugin: AckNetworkPlugin): boolean {
    return plugin === "flannel";
}

/** The vSwitches of `vpc` named in the list at `path`, each named once. */
function checkVSwitchNames(
    problems: Problems,
    path: string,
    names: readonly string[] | undefined,
    vpc: RegionalVpc,
    what: string,
): VSwitchInfo[] {
    const found = findVSwitches(problems, path, vpc, names ?? []);
    checkUnique(
        problems,
        (names ?? []).map((key, i) => ({ path: `${path}[${i}]`, key })),
        what,
    );
    return found;
}

/** Checks `block` against the ranges Alibaba Cloud reserves (100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4). */
function checkNotReserved(problems: Problems, path: string, block: Cidr, what: string): void {
    const reserved = firstOverlapping(block, RESERVED_VPC_RANGES);
    if (reserved) {
        problems.add(
            path,
            `${what} ${block.text} overlaps ${reserved}, which Alibaba Cloud reserves.`,
            "Use a private block such as 10.0.0.0/16 or 172.16.0.0/16 outside the VPC.",
        );
    }
}

/**
 * Checks an ACK cluster description and returns its plan. Pure: registers nothing.
 * Rules: vSwitch names exist in the VPC; plugin is a known value with its matching Pod setting
 * (Pod CIDR for Flannel, pod vSwitches for Terway); Pod and Service CIDR valid, outside reserved
 * ranges, and disjoint from each other and from the VPC (which holds every vSwitch); node pool sane.
 */
export function validateAckClusterArgs(name: string, args: AckClusterArgs): AckClusterPlan {
    const plan = validate(`${ACK_CLUSTER_TYPE} '${name}'`, problems => checkAckClusterArgs(problems, name, args));
    // No problem was recorded, so the args fit their shape and the plan is complete.
    return plan!;
}

/**
 * The checks of {@link validateAckClusterArgs}, recording into `problems`: the args' shape
 * first, the rules only on args that fit it. Returns the plan, defaults resolved; undefined when
 * the args do not fit their shape.
 */
export function checkAckClusterArgs(
    problems: Problems,
    name: string,
    args: AckClusterArgs,
): AckClusterPlan | undefined {
    checkStackProviderConfig(problems, "kubernetes");
    const current = checkPublicApiServerFlag(problems, args);
    if (!checkShape(problems, ACK_CLUSTER_SHAPE, current) || current !== args) return undefined;
    const component = `${ACK_CLUSTER_TYPE} '${name}'`;
    if (args.kubernetesVersion !== undefined && !/^\d+\.\d+\.\d+-aliyun\.\d+$/.test(args.kubernetesVersion)) {
        problems.add(
            "kubernetesVersion",
            `'${args.kubernetesVersion}' is not a version as ACK reports it, so it would show as a change on every run.`,
            "Write the full version, e.g. 1.34.1-aliyun.1, or leave it out for the newest.",
        );
    }
    if (args.clusterName === undefined) {
        checkAutoname(problems, "name", CLUSTER_TYPE, `${name}-cluster`, "clusterName");
    } else if (!(
        AUTONAMED[CLUSTER_TYPE].pattern.test(args.clusterName) &&
        args.clusterName.length <= AUTONAMED[CLUSTER_TYPE].maxLength
    )) {
        problems.add(
            "clusterName",
            `'${args.clusterName}' is not 1 to 63 ${AUTONAMED[CLUSTER_TYPE].allowed}.`,
            "Rename it, or leave it out to let Pulumi name the cluster.",
        );
    }
    const vpc = args.vpc;
    const vpcName = `VPC '${pulumi.resourceName(vpc)}'`;
    const plugin = args.networkPlugin ?? "flannel";
    const clusterSpec = args.clusterSpec ?? "ack.pro.small";

    if (args.vSwitches.length === 0) {
        problems.add(
            "vSwitches",
            "no vSwitch is given for the control plane and nodes.",
            `Name at least one vSwitch of ${vpcName}.`,
        );
    }
    const nodeVSwitches = checkVSwitchNames(problems, "vSwitches", args.vSwitches, vpc, "vSwitch");

    // The VPC contains every vSwitch (RegionalVpc checks that), so comparing Pod and Service CIDRs
    // with the VPC block covers the vSwitches too and reports each clash once.
    const placed: PlacedCidr[] = [];
    const vpcBlock = checkCidr(problems, "vpc.cidrBlock", vpc.cidrBlock, 4);
    if (vpcBlock) placed.push({ name: vpcName, cidr: vpcBlock, path: "vpc.cidrBlock" });

    /** Checks a cluster block (not reserved), records it for the overlap check, returns its canonical text. */
    const clusterBlock = (
        path: "podCidr" | "serviceCidr",
        kind: "Pod CIDR" | "Service CIDR",
        text: string,
    ): string | undefined => {
        const block = checkCidr(problems, path, text, 4);
        if (!block) return undefined;
        checkNotReserved(problems, path, block, kind);
        placed.push({ name: kind, cidr: block, path });
        return block.text;
    };

    let podCidr: string | undefined;
    let podVSwitches: VSwitchInfo[] = [];
    if (isFlannel(plugin)) {
        if (args.podVSwitches !== undefined) {
            problems.add(
                "podVSwitches",
                "pod vSwitches are a Terway setting; Flannel takes a Pod CIDR.",
                "Drop podVSwitches, or choose networkPlugin 'terway-eniip'.",
            );
        }
        if (args.podCidr === undefined) {
            problems.add(
                "podCidr",
                "Flannel needs a Pod CIDR.",
                "Set podCidr to a block outside the VPC, e.g. 10.0.0.0/16.",
            );
        } else {
            podCidr = clusterBlock("podCidr", "Pod CIDR", args.podCidr);
        }
    } else {
        if (args.podCidr !== undefined) {
            problems.add(
                "podCidr",
                `a Pod CIDR is a Flannel setting; ${plugin} gives pods addresses from pod vSwitches.`,
                "Drop podCidr and set podVSwitches.",
            );
        }
        if (args.podVSwitches === undefined || args.podVSwitches.length === 0) {
            problems.add(
                "podVSwitches",
                `${plugin} needs at least one pod vSwitch.`,
                `Name vSwitches of ${vpcName} for pods.`,
            );
        }
        podVSwitches = checkVSwitchNames(problems, "podVSwitches", args.podVSwitches, vpc, "pod vSwitch");
    }

    const serviceCidr = clusterBlock("serviceCidr", "Service CIDR", args.serviceCidr) ?? args.serviceCidr;
    checkNoOverlaps(problems, placed, "Keep the VPC, Pod CIDR and Service CIDR of a cluster disjoint.");
    const nodePool = checkNodePool(problems, name, args, nodeVSwitches, component);

    // Terway pods take addresses from the pod vSwitches; the node vSwitches are what the tutorial
    // names, so a peer must accept both.
    const peerSourceCidrs = isFlannel(plugin)
        ? podCidr
            ? [podCidr]
            : []
        : [...new Set([...nodeVSwitches, ...podVSwitches].map(v => v.cidrBlock))];
    return {
        vpc,
        addressing: { region: vpc.region, networkPlugin: plugin, podCidr, serviceCidr, peerSourceCidrs },
        nodeVSwitches,
        podVSwitches,
        clusterName: args.clusterName,
        clusterSpec,
        kubernetesVersion: args.kubernetesVersion,
        deletionProtection: args.deletionProtection ?? true,
        publicApiServer: checkPublicApiServer(problems, name, args.publicApiServer, [
            // ACK's "Required CIDR blocks for whitelists" on the API server's CLB (help/en/ack/cluster-access-control).
            { cidr: ACK_CONTROL_PLANE_RANGE, comment: "ACK control plane" },
            ...(vpcBlock ? [{ cidr: vpcBlock.text, comment: "cluster VPC: nodes" }] : []),
        ]),
        nodePool,
        tags: plainTags(args.tags),
    };
}

/**
 * The form of an ECS instance type: `ecs.<family>.<size>`, lower case (`ecs.g7.xlarge`,
 * `ecs.gn7i-c8g1.2xlarge`), as DescribeInstanceTypes lists them.
 */
const ECS_INSTANCE_TYPE = /^ecs\.[a-z0-9-]+\.[a-z0-9-]+$/;

/** The node pool, its defaults resolved: 2 nodes, a 120 GiB `cloud_essd` system disk, the cluster's vSwitches. */
function checkNodePool(
    problems: Problems,
    name: string,
    args: AckClusterArgs,
    nodeVSwitches: readonly VSwitchInfo[],
    component: string,
): AckNodePoolPlan {
    const pool = args.nodePool;
    if (pool.instanceTypes.length === 0) {
        problems.add(
            "nodePool.instanceTypes",
            "no instance type is given.",
            "List at least one ECS instance type, e.g. ecs.g7.xlarge.",
        );
    }
    pool.instanceTypes.forEach((type, i) => {
        if (!ECS_INSTANCE_TYPE.test(type)) {
            problems.add(
                `nodePool.instanceTypes[${i}]`,
                `'${type}' is not an ECS instance type (ecs.<family>.<size>).`,
                "Write it like ecs.g7.xlarge.",
            );
        }
    });
    checkUnique(
        problems,
        pool.instanceTypes.map((key, i) => ({ path: `nodePool.instanceTypes[${i}]`, key })),
        "instance type",
    );
    const vSwitches =
        pool.vSwitches === undefined
            ? nodeVSwitches
            : checkVSwitchNames(problems, "nodePool.vSwitches", pool.vSwitches, args.vpc, "vSwitch");
    // Checked now when it is a name, when it resolves when it is an Output: before the node pool is created.
    const keyName =
        pool.keyName === undefined
            ? undefined
            : checkInput(problems, "nodePool.keyName", pool.keyName, component, (found, at, name) => {
                  checkAlibabaName(found, at, name, "keyPair", "key pair");
              });
    return {
        name: `${args.clusterName ?? name}-nodes`,
        instanceTypes: pool.instanceTypes,
        desiredSize: pool.desiredSize ?? 2,
        systemDiskCategory: pool.systemDiskCategory ?? "cloud_essd",
        systemDiskSize: pool.systemDiskSize ?? 120,
        vSwitches,
        keyName,
    };
}
