/**
 * Control planes are private unless a stack opts in with the sources allowed: ACK's API server on
 * its internal CLB, no public EIP on ASM's; an opt-in gets an allowlist (an SLB access control
 * list) and the plan says how to attach it, and what a private API server means for `pulumi up`.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { build, valueOf, world } from "./mocks";
import { problemLines } from "./mocks/rejection";
import { AckCluster, AckClusterArgs, validateAckClusterArgs } from "../components/alicloud/ack";
import { ServiceMesh, ServiceMeshArgs, validateServiceMeshArgs } from "../components/alicloud/mesh";
import { PublicApiServerArgs } from "../components/alicloud/apiServerAccess";
import { RegionalVpc } from "../components/alicloud/vpc";

const OFFICE = { allowedSources: ["203.0.113.0/24"] };

/** The problems of a check as `path: message` lines; none when it passes. */
function linesOrNone(check: () => unknown): string[] {
    try {
        check();
        return [];
    } catch {
        return problemLines(check);
    }
}

function vpc(name: string, region: string, zoneId: string, cidrBlock: string, opts: pulumi.ComponentResourceOptions) {
    return new RegionalVpc(
        name,
        { region, cidrBlock, vSwitches: { main: { zoneId, cidrBlock: cidrBlock.replace(/\/\d+$/, "/16") } } },
        opts,
    );
}

function clusterArgs(vpc: RegionalVpc, podCidr: string, serviceCidr: string, extra: Partial<AckClusterArgs> = {}) {
    return { vpc, vSwitches: ["main"], podCidr, serviceCidr, nodePool: { instanceTypes: ["ecs.g7.xlarge"] }, ...extra };
}

/** The tutorial's two clusters and mesh, each public or private as asked. */
function meshOf(
    opts: pulumi.ComponentResourceOptions,
    access: { hangzhou?: PublicApiServerArgs; shanghai?: PublicApiServerArgs; mesh?: PublicApiServerArgs } = {},
) {
    const hangzhou = new AckCluster(
        "ack-hangzhou",
        clusterArgs(
            vpc("vpc-hangzhou", "cn-hangzhou", "cn-hangzhou-h", "20.0.0.0/8", opts),
            "10.0.0.0/16",
            "172.16.0.0/16",
            {
                publicApiServer: access.hangzhou,
            },
        ),
        opts,
    );
    const shanghai = new AckCluster(
        "ack-shanghai",
        clusterArgs(
            vpc("vpc-shanghai", "cn-shanghai", "cn-shanghai-e", "21.0.0.0/8", opts),
            "10.1.0.0/16",
            "172.17.0.0/16",
            {
                publicApiServer: access.shanghai,
            },
        ),
        opts,
    );
    const meshVpc = new RegionalVpc(
        "vpc-hangzhou2",
        {
            region: "cn-hangzhou",
            cidrBlock: "192.168.0.0/16",
            vSwitches: { mesh: { zoneId: "cn-hangzhou-h", cidrBlock: "192.168.0.0/24" } },
        },
        opts,
    );
    const args: ServiceMeshArgs = {
        vpc: meshVpc,
        vSwitch: "mesh",
        clusters: { "ack-hangzhou": hangzhou, "ack-shanghai": shanghai },
        publicApiServer: access.mesh,
    };
    return { hangzhou, shanghai, mesh: new ServiceMesh("asm", args, opts) };
}

const entriesOf = (aclName: string) =>
    world
        .ofType("slb/aclEntryAttachment:AclEntryAttachment")
        .filter(e => e.inputs.aclId === world.named(aclName).id)
        .map(e => [e.name, e.inputs.entry, e.inputs.comment, e.parent]);

describe("control planes: private by default", () => {
    it("puts ACK's API server on its internal CLB and gives ASM's no public EIP, and the plan says where pulumi up must run", async () => {
        const { hangzhou, mesh } = await build(opts => meshOf(opts));
        for (const cluster of world.ofType("cs/managedKubernetes:ManagedKubernetes")) {
            assert.equal(cluster.inputs.slbInternetEnabled, false, cluster.name);
        }
        assert.deepEqual(world.named("asm-mesh").inputs.loadBalancer, { apiServerPublicEip: false });
        assert.deepEqual(world.ofType("slb/acl:Acl"), []);
        assert.equal(hangzhou.apiServerAcl, undefined);
        assert.equal(mesh.apiServerAcl, undefined);
        assert.equal(await valueOf(hangzhou.apiServerLoadBalancerId), world.named("ack-hangzhou-cluster").state.slbId);
        assert.match(await valueOf(mesh.apiServerLoadBalancerId), /^lb-/);
        assert.deepEqual(
            world.warnings.map(w => [w.resource, w.message]),
            [
                [
                    "ack-hangzhou",
                    "The API server is private (publicApiServer is not set): the cluster's Kubernetes provider, and what " +
                        "this stack applies through it, reach it at its internal address in VPC 'vpc-hangzhou', so pulumi " +
                        "up must run from a machine in that VPC or a network joined to it (CEN, VPN Gateway, Express " +
                        "Connect). To reach it from elsewhere, set publicApiServer: { allowedSources: [...] }.",
                ],
                ["ack-shanghai", world.warnings[1].message],
                [
                    "asm",
                    "The provider reads the mesh's kubeconfig for its internal endpoint (DescribeServiceMeshKubeconfig " +
                        "with PrivateIpAddress true): the Istio objects this stack writes through the mesh's provider go " +
                        "from where pulumi up runs to the API server in VPC 'vpc-hangzhou2', so run pulumi up from a " +
                        "machine that reaches that VPC (in it, or joined to it by CEN, VPN Gateway or Express Connect), " +
                        "public API server or not.",
                ],
            ],
        );
        assert.match(world.warnings[1].message, /in VPC 'vpc-shanghai'/);
    });

    it("opens an API server only to the sources allowed: the public endpoint, and an allowlist with what ACK and ASM need", async () => {
        const { hangzhou, shanghai, mesh } = await build(opts =>
            meshOf(opts, { hangzhou: OFFICE, mesh: { allowedSources: ["203.0.113.0/24", "198.51.100.7/32"] } }),
        );
        assert.equal(world.named("ack-hangzhou-cluster").inputs.slbInternetEnabled, true);
        assert.equal(world.named("ack-shanghai-cluster").inputs.slbInternetEnabled, false);
        assert.deepEqual(world.named("asm-mesh").inputs.loadBalancer, { apiServerPublicEip: true });

        const acl = world.named("ack-hangzhou-api-acl");
        assert.equal(acl.type, "alicloud:slb/acl:Acl");
        assert.deepEqual(
            [acl.parent, acl.provider, acl.inputs.ipVersion],
            ["ack-hangzhou", "vpc-hangzhou-provider", "ipv4"],
        );
        assert.match(acl.inputs.name, /^ack-hangzhou-api-acl-[0-9a-f]{7}$/, "auto-named");
        assert.equal(await valueOf(hangzhou.apiServerAcl!.id), acl.id);
        assert.equal(shanghai.apiServerAcl, undefined);
        // The sources, ACK's control plane, the cluster's VPC (nodes), and the mesh's vSwitch, added by the mesh.
        assert.deepEqual(entriesOf("ack-hangzhou-api-acl"), [
            ["ack-hangzhou-api-acl-203-0-113-0-24", "203.0.113.0/24", "allowed source", "ack-hangzhou"],
            ["ack-hangzhou-api-acl-100-104-0-0-16", "100.104.0.0/16", "ACK control plane", "ack-hangzhou"],
            ["ack-hangzhou-api-acl-20-0-0-0-8", "20.0.0.0/8", "cluster VPC: nodes", "ack-hangzhou"],
            ["asm-ack-hangzhou-api-acl-192-168-0-0-24", "192.168.0.0/24", "ASM control plane", "asm"],
        ]);
        assert.equal(world.named("asm-ack-hangzhou-api-acl-192-168-0-0-24").provider, "vpc-hangzhou-provider");
        assert.deepEqual(entriesOf("asm-api-acl"), [
            ["asm-api-acl-203-0-113-0-24", "203.0.113.0/24", "allowed source", "asm"],
            ["asm-api-acl-198-51-100-7-32", "198.51.100.7/32", "allowed source", "asm"],
            ["asm-api-acl-192-168-0-0-16", "192.168.0.0/16", "mesh VPC", "asm"],
        ]);
        assert.equal(await valueOf(mesh.apiServerAcl!.id), world.named("asm-api-acl").id);
        const attach = world.warnings.filter(w => / is public; /.test(w.message));
        assert.deepEqual(
            attach.map(w => w.resource),
            ["ack-hangzhou", "asm"],
        );
        assert.equal(
            attach[0].message,
            "The API server is public; its allowlist is the SLB access control list 'ack-hangzhou-api-acl', which the " +
                "provider cannot attach to the API server's own listener: attach it once, as a whitelist, to port 6443 of " +
                "the API server's CLB (apiServerLoadBalancerId), in the ACK console (Cluster Information, Basic " +
                "Information, Set access control) or with aliyun slb SetLoadBalancerTCPListenerAttribute --LoadBalancerId " +
                "<CLB id> --ListenerPort 6443 --AclStatus on --AclType white --AclId <ACL id>. Until then any address " +
                "reaches the API server.",
        );
        assert.match(
            attach[1].message,
            /^The mesh API server is public; .* 'asm-api-acl'.* is unconfirmed: check the mesh/,
        );
    });

    it("lists a block once when a source is one the service needs anyway", async () => {
        await build(opts => meshOf(opts, { hangzhou: { allowedSources: ["20.0.0.0/8", "192.168.0.0/24"] } }));
        assert.deepEqual(
            entriesOf("ack-hangzhou-api-acl").map(e => e[1]),
            ["20.0.0.0/8", "192.168.0.0/24", "100.104.0.0/16"],
        );
    });
});

describe("control planes: the opt-in's rules", () => {
    const problems = (publicApiServer: unknown) =>
        linesOrNone(() =>
            validateAckClusterArgs(
                "ack-hangzhou",
                clusterArgs(
                    RegionalVpc.fromExisting("vpc-hangzhou", {
                        region: "cn-hangzhou",
                        vpcId: "vpc-1",
                        cidrBlock: "20.0.0.0/8",
                        routeTableId: "vtb-1",
                        vSwitches: { main: { id: "vsw-1", zoneId: "cn-hangzhou-h", cidrBlock: "20.0.0.0/16" } },
                    }),
                    "10.0.0.0/16",
                    "172.16.0.0/16",
                    { publicApiServer: publicApiServer as PublicApiServerArgs },
                ),
            ),
        );

    it("refuses 0.x's publicApiServer: true, saying what to write", () => {
        assert.deepEqual(problems(true), [
            "publicApiServer: a public API server is no longer open to everyone: it takes the sources allowed to reach it.",
        ]);
        assert.deepEqual(problems(false), []);
        assert.deepEqual(problems({ allowedSources: ["203.0.113.0/24"], open: true }), [
            "publicApiServer.open: 'open' is not an input here.",
        ]);
    });

    it("refuses no source, bad or IPv6 blocks, repeats, and any list covering the internet", () => {
        assert.deepEqual(problems({ allowedSources: [] }), [
            "publicApiServer.allowedSources: a public API server needs the sources allowed to reach it, and none is given.",
        ]);
        assert.deepEqual(
            problems({ allowedSources: ["203.0.113.1/24", "2001:db8::/32", "203.0.113.0/24", "203.0.113.0/24"] }),
            [
                "publicApiServer.allowedSources[0]: '203.0.113.1/24' has host bits set; did you mean 203.0.113.0/24?",
                "publicApiServer.allowedSources[1]: '2001:db8::/32' is an IPv6 block where an IPv4 block is expected.",
                "publicApiServer.allowedSources[3]: allowed source '203.0.113.0/24' is used again (first at allowedSources[2]).",
            ],
        );
        assert.deepEqual(problems({ allowedSources: ["0.0.0.0/0"] }), [
            "publicApiServer.allowedSources[0]: 0.0.0.0/0 covers every public IPv4 address: the API server would be open to the whole internet.",
        ]);
        assert.deepEqual(problems({ allowedSources: ["0.0.0.0/1", "128.0.0.0/1"] }), [
            "publicApiServer.allowedSources: 0.0.0.0/1, 128.0.0.0/1 together cover every public IPv4 address: the API server would be open to the whole internet.",
        ]);
    });

    it("holds the mesh's opt-in to the same rules", async () => {
        await build(opts => {
            const { hangzhou, shanghai } = meshOf(opts);
            const meshVpc = vpc("vpc-m", "cn-hangzhou", "cn-hangzhou-h", "192.168.0.0/16", opts);
            const args = (publicApiServer: unknown): ServiceMeshArgs => ({
                vpc: meshVpc,
                vSwitch: "main",
                clusters: { hangzhou, shanghai },
                publicApiServer: publicApiServer as PublicApiServerArgs,
            });
            assert.deepEqual(
                problemLines(() => validateServiceMeshArgs("m", args(true))),
                [
                    "publicApiServer: a public API server is no longer open to everyone: it takes the sources allowed to reach it.",
                ],
            );
            assert.deepEqual(
                problemLines(() => validateServiceMeshArgs("m", args({ allowedSources: ["::/0", "0.0.0.0/0"] }))),
                [
                    "publicApiServer.allowedSources[0]: '::/0' is an IPv6 block where an IPv4 block is expected.",
                    "publicApiServer.allowedSources[1]: 0.0.0.0/0 covers every public IPv4 address: the API server would be open to the whole internet.",
                ],
            );
        });
    });
});
