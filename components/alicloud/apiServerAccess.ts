/**
 * Who may reach a control plane's API server (ACK's, ASM's) from outside its VPC: nobody by
 * default, or the blocks of an explicit allowlist. Alibaba Cloud rates a public API server
 * endpoint a high risk and recommends none (Cloud Config rule `ack-cluster-public-endpoint-check`);
 * where one is needed, the API server's control is an access control list on port 6443 of its
 * CLB, which the public endpoint (an EIP on that CLB) shares with the internal one (ACK, "Configure
 * access control policies for the API server": help/en/ack/cluster-access-control).
 *
 * The allowlist is a real SLB access control list with one entry per block. What the installed
 * provider cannot do is attach it: an ACL goes on a listener only through `slb.Listener`
 * (`acl_status`, `acl_ids` in terraform-provider-alicloud resource_alicloud_slb_listener.go), which
 * creates and deletes its own listener, while the 6443 listener is ACK's (ASM's); neither
 * `cs.ManagedKubernetes` nor `servicemesh.ServiceMesh` has an ACL field
 * (resource_alicloud_cs_managed_kubernetes.go, resource_alicloud_service_mesh_service_mesh.go). So
 * the components create the list and the plan says how to attach it, once.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../sdk/alicloud";
import { z } from "zod";
import { checkUnique } from "../checks";
import { Problems } from "../errors";
import { addressSlug, checkCidr, checkWorldSources } from "../net";
import { checkAutoname } from "../naming";
import { argsShape } from "../shape";

/** Public access to an API server: an explicit opt-in, with the sources allowed. */
export interface PublicApiServerArgs {
    /**
     * IPv4 blocks allowed to reach the API server, e.g. your office's or VPN's egress block: at
     * least one, each once, and none that together cover the internet (`0.0.0.0/0`,
     * `0.0.0.0/1` with `128.0.0.0/1`, …: refused, there is no way round). Checked before
     * registration.
     */
    allowedSources: string[];
}

/** One entry of an API server's allowlist. */
export interface ApiServerAclEntry {
    /** Canonical IPv4 block. */
    readonly cidr: string;
    /** What the block is, in the console. */
    readonly comment: string;
}

/** The allowlist of a public API server: the sources given, and the blocks the service itself needs on it. */
export interface ApiServerAccessPlan {
    /** The sources given, canonical. */
    readonly allowedSources: readonly string[];
    /** Every entry of the list, without repeats: the sources, then what the control plane needs. */
    readonly entries: readonly ApiServerAclEntry[];
}

/**
 * The shape of `publicApiServer`: the object first, so a value of neither kind (`true`, as 0.x
 * took it) is told the object it may be.
 */
export const PUBLIC_API_SERVER_SHAPE = argsShape<PublicApiServerArgs | false>()(
    z.union([z.strictObject({ allowedSources: z.array(z.string()) }), z.literal(false)]),
);

/** The type of the allowlist, auto-named by Pulumi (components/naming.ts). */
export const API_SERVER_ACL_TYPE = "alicloud:slb/acl:Acl";
const ACL_TYPE = API_SERVER_ACL_TYPE;

/**
 * `publicApiServer: true`, which 0.x took for a public API server open to everyone: told what to
 * write instead. Returns the args without it for the shape check; the args themselves otherwise.
 */
export function checkPublicApiServerFlag<T extends object>(problems: Problems, args: T): T {
    if (args === null || typeof args !== "object" || (args as { publicApiServer?: unknown }).publicApiServer !== true)
        return args;
    const { publicApiServer: _open, ...rest } = args as T & { publicApiServer?: unknown };
    problems.add(
        "publicApiServer",
        "a public API server is no longer open to everyone: it takes the sources allowed to reach it.",
        "Write publicApiServer: { allowedSources: ['<your egress block>'] }, or leave it out for a private API server.",
    );
    return rest as T;
}

/**
 * Checks the sources of a public API server (`problems` scoped to `publicApiServer`) and returns
 * its allowlist, `required` (what the service itself must reach the API server from) after the
 * sources; undefined for a private API server.
 */
export function checkPublicApiServer(
    problems: Problems,
    name: string,
    given: PublicApiServerArgs | false | undefined,
    required: readonly ApiServerAclEntry[],
): ApiServerAccessPlan | undefined {
    if (given === undefined || given === false) return undefined;
    checkAutoname(problems, "name", ACL_TYPE, `${name}-api-acl`);
    const at = problems.under("publicApiServer");
    if (given.allowedSources.length === 0) {
        at.add(
            "allowedSources",
            "a public API server needs the sources allowed to reach it, and none is given.",
            "List your egress block, e.g. 203.0.113.0/24, or drop publicApiServer for a private API server.",
        );
    }
    const placed = given.allowedSources.flatMap((text, i) => {
        const path = `allowedSources[${i}]`;
        const cidr = checkCidr(at, path, text, 4);
        return cidr ? [{ path, cidr }] : [];
    });
    checkUnique(
        at,
        placed.map(p => ({ path: p.path, key: p.cidr.text })),
        "allowed source",
    );
    checkWorldSources(at, "allowedSources", placed, { what: "the API server" });
    const allowedSources = [...new Set(placed.map(p => p.cidr.text))];
    const entries: ApiServerAclEntry[] = allowedSources.map(cidr => ({ cidr, comment: "allowed source" }));
    for (const entry of required) if (!entries.some(e => e.cidr === entry.cidr)) entries.push(entry);
    return { allowedSources, entries };
}

/** The SLB access control list holding an API server's allowlist, and its entries, as children of `opts.parent`. */
export function createApiServerAcl(
    name: string,
    plan: ApiServerAccessPlan,
    tags: Readonly<Record<string, string>> | undefined,
    opts: pulumi.CustomResourceOptions,
): alicloud.slb.Acl {
    const acl = new alicloud.slb.Acl(`${name}-api-acl`, { ipVersion: "ipv4", tags }, opts);
    for (const entry of plan.entries) addApiServerAclEntry(`${name}-api-acl`, acl.id, entry, opts);
    return acl;
}

/**
 * One entry of an allowlist, named `<prefix>-<block>` (ACL entries are created and deleted one by
 * one, `AddAccessControlListEntry`): a component adds its own to another's list this way.
 */
export function addApiServerAclEntry(
    prefix: string,
    aclId: pulumi.Input<string>,
    entry: ApiServerAclEntry,
    opts: pulumi.CustomResourceOptions,
): alicloud.slb.AclEntryAttachment {
    return new alicloud.slb.AclEntryAttachment(
        `${prefix}-${addressSlug(entry.cidr)}`,
        { aclId, entry: entry.cidr, comment: entry.comment },
        opts,
    );
}

/**
 * What the plan says of a public API server's allowlist: that `pulumi up` does not attach it, how
 * to (the parameters SetLoadBalancerTCPListenerAttribute takes, as the provider's listener sends
 * them: `AclStatus`, `AclType`, `AclId`), and that until then any address reaches the API server.
 */
export function attachAclWarning(what: string, aclName: string, where: string): string {
    return (
        `${what} is public; its allowlist is the SLB access control list '${aclName}', which the provider cannot ` +
        "attach to the API server's own listener: attach it once, as a whitelist, to port 6443 of the API server's " +
        `CLB (apiServerLoadBalancerId), in ${where} or with aliyun slb SetLoadBalancerTCPListenerAttribute ` +
        "--LoadBalancerId <CLB id> --ListenerPort 6443 --AclStatus on --AclType white --AclId <ACL id>. Until then " +
        "any address reaches the API server."
    );
}
