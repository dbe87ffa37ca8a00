/** The arguments of a CrossRegionAlbBackend (S1) and the plan its check settles. */
import * as pulumi from "@pulumi/pulumi";
import { AlbBackendCommonArgs, AlbBackendCommonPlan, AlbCommonArgs, AlbCommonPlan, AlbIngressRule } from "../albCommon";
import type { AlbServerGroupArgs } from "../albCommon/routingArgs";
import { CenBandwidthPackageArgs, CenTransitNetwork, CenTransitNetworkArgs } from "../cen";
import { Problems } from "../../errors";
import { RegionalVpc } from "../vpc";

/** The component's type token. */
export const CROSS_REGION_ALB_TYPE = "topologies:alicloud:CrossRegionAlbBackend";

/** Protocols from the ALB to cross-region backends (`alb.ServerGroup.protocol`, gRPC left out). */
export const CROSS_REGION_BACKEND_PROTOCOLS = ["HTTP", "HTTPS"] as const;

/** One backend server, addressed by IP through the server group's remote-IP feature. */
export interface CrossRegionBackendArgs extends AlbBackendCommonArgs {
    /**
     * Private IPv4 address of the server in the backend VPC, e.g. ECS1's private IP. Checked
     * before registration; an Output (e.g. `instance.privateIp`) is checked with the same rules
     * when it resolves, failing the deployment before the server group is written.
     */
    ipv4Address: pulumi.Input<string>;
    /**
     * Remote IP: lets the IP server group reach addresses outside its own VPC. A cross-region
     * backend is always outside the ALB's VPC, so `false` is refused. Default: true.
     */
    remoteIpEnabled?: boolean;
}

/**
 * Weights of the backend regions' server groups in the forward rule that splits traffic between
 * them: 0 to 100, the installed provider's range (`alb.Rule` `ruleActions[].forwardGroupConfig.
 * serverGroupTuples[].weight`: "Default value: `100`. Valid values: `0` to `100`",
 * node_modules/@pulumi/alicloud/types/input.d.ts; resource_alicloud_alb_rule.go in
 * aliyun/terraform-provider-alicloud validates `IntBetween(0, 100)`, 0 since 1.264.0, its
 * CHANGELOG: "Supported rule_actions.forward_group_config.server_group_tuples.weight set to 0
 * (#9224)"; older providers refuse 0). A region of weight 0 gets no new requests (a drained region); at least
 * one region must weigh more than 0.
 */
export const BACKEND_REGION_WEIGHT = { min: 0, max: 100, default: 100 } as const;

/**
 * Priority of the rule forwarding to the weighted server groups on the forwarding listener: the
 * provider's last one (`alb.Rule.priority`: "Valid values: `1` to `10000`. A smaller value
 * indicates a higher priority"), so rules of priority 1–9999 come first and this one catches
 * what they leave.
 */
export const BACKEND_REGIONS_RULE_PRIORITY = 10000;

/** One more region of backends, besides `backendVpc`'s, on the same network. */
export interface CrossRegionBackendRegionArgs {
    /**
     * VPC of this region's backends, in a region of its own: not the ALB's, not `backendVpc`'s,
     * not another entry's (one VPC per region per CEN). Its block may overlap no other VPC's.
     */
    vpc: RegionalVpc;
    /**
     * The region's backend servers by name (letters, digits, `-`, `_`), at least one, each inside
     * `vpc` and checked as `backends` are. Security groups are named from the component's
     * `securityGroups`; a group serves backends of one region only.
     */
    backends: Record<string, CrossRegionBackendArgs>;
    /** Port of the region's backends that give none, 1–65535. Default: the component's `backendPort` (80). */
    backendPort?: number;
    /**
     * vSwitches (names in `vpc`) whose blocks the ALB VPC routes to the transit router. Default: as
     * `backendVSwitches`: those holding the backends' plain-string IPs, all of them when an IP is
     * only known after deployment.
     */
    backendVSwitches?: string[];
    /**
     * vSwitches (names in `vpc`) of its VPC attachment, for a network the component creates.
     * Default: the first vSwitch of each zone.
     */
    attachmentVSwitches?: string[];
    /** Weight of the region's server group, {@link BACKEND_REGION_WEIGHT}. Default: 100. */
    backendWeight?: number;
}

/** Options of the CEN the component creates when it does not join one. */
export interface CrossRegionCenArgs {
    /** Name of the CEN instance. Default: the component's name. */
    cenInstanceName?: string;
    /**
     * Bandwidth of the inter-region connection, Mbit/s. Default: the CEN's
     * (`CenTransitNetworkArgs.peerBandwidthMbps`).
     */
    peerBandwidthMbps?: number;
    /**
     * The bandwidth plan the connection draws from (the tutorial buys one). Default: the CEN's,
     * none: the connection is billed by the data it carries, up to `peerBandwidthMbps`.
     */
    bandwidthPackage?: CenBandwidthPackageArgs;
    /**
     * vSwitches (names in the ALB VPC) of the ALB VPC's attachment. Default: the CEN's, the first
     * vSwitch of each zone (tutorial: VSW1+VSW2).
     */
    albAttachmentVSwitches?: string[];
    /**
     * vSwitches (names in the backend VPC) of the backend VPC's attachment. Default: the CEN's, the
     * first vSwitch of each zone (tutorial: VSW3+VSW4).
     */
    backendAttachmentVSwitches?: string[];
}

/**
 * Arguments of a {@link CrossRegionAlbBackend}. The ALB's own arguments (`albVSwitches`,
 * `edition`, `listener`, `securityGroups`, `dns`, …) are those of every ALB component
 * ({@link AlbCommonArgs}), with the tutorial's values as defaults.
 */
export interface CrossRegionAlbBackendArgs extends AlbCommonArgs {
    /** VPC of the ALB (tutorial: VPC1 in cn-chengdu, 172.16.0.0/12). */
    albVpc: RegionalVpc;
    /** Protocol from the ALB to the backends, `HTTP` or `HTTPS`. Default: `HTTP` (the tutorial's). */
    backendProtocol?: (typeof CROSS_REGION_BACKEND_PROTOCOLS)[number];
    /** Session persistence (insert cookie). Default: false (the tutorial's). */
    stickySession?: boolean;

    /** VPC of the backends, in another region (tutorial: VPC2 in cn-hangzhou, 192.168.0.0/16). */
    backendVpc: RegionalVpc;
    /**
     * The backend servers by name (letters, digits, `-`, `_`), at least one (tutorial: ECS1 on
     * port 80, default weight). The back-to-origin blocks are admitted on each backend's port in
     * its `securityGroup`.
     */
    backends: Record<string, CrossRegionBackendArgs>;
    /** Port of the backends that give none, 1–65535. Default: 80 (the tutorial's). */
    backendPort?: number;
    /**
     * Server groups besides the component's own, by name (letters, digits, `-`, `_`; not
     * `default`), for `rules` to forward to: IP server groups like the own one, with backends
     * checked, routed and admitted in their security groups as `backends` are. Default: none.
     */
    serverGroups?: Record<string, AlbServerGroupArgs<CrossRegionBackendArgs>>;
    /**
     * vSwitches (names in `backendVpc`) whose blocks the ALB VPC routes to the transit router.
     * Default: those holding the backends' plain-string IPs (tutorial: VSW4, 192.168.7.0/24);
     * all of the backend VPC's vSwitches when an IP is only known after deployment.
     */
    backendVSwitches?: string[];
    /**
     * More regions of backends, by a name (letters, digits, `-`, `_`) that names their resources:
     * each its VPC, vSwitches and backends, on the same network, with every rule `backendVpc` has
     * (one VPC per region, remote IPs, routes both ways through the transit routers, an
     * inter-region connection from the ALB's region, the back-to-origin blocks admitted by the
     * security groups). Each region gets its own server group, and a rule of priority
     * {@link BACKEND_REGIONS_RULE_PRIORITY} on the forwarding listener splits every request
     * between the regions by `backendWeight`. A request one of `rules` takes (priorities below
     * 10000) goes only to the groups that rule names: `default` is `backendVpc`'s group, not the
     * split, and a region's group is named by the region's key, so a rule splits its requests
     * between regions with weights of its own (`forward: [{ serverGroup: "default", weight: 70 },
     * { serverGroup: "shenzhen", weight: 30 }]`). At most 4 regions (the weighted rule's
     * forward action takes 5 groups; unconfirmed limit), none keyed as one of `serverGroups`.
     * Default: none, the backends of `backendVpc` only.
     */
    backendRegions?: Record<string, CrossRegionBackendRegionArgs>;
    /**
     * Weight of `backendVpc`'s server group when there are `backendRegions`,
     * {@link BACKEND_REGION_WEIGHT}. Default: 100. Refused without `backendRegions`: one region
     * has no weighted rule.
     */
    backendWeight?: number;

    /**
     * A network to join instead of creating one: both VPCs must be members of it, each the only
     * member in its region, with a connection between the two regions. The component then adds
     * its route entries through the network's `addVpcRoutes`/`addTransitRouterRoutes`, which
     * continue the network's per-table write chains. Default: create a network for the two VPCs.
     */
    cen?: CenTransitNetwork;
    /**
     * Options of the network the component creates; not allowed together with `cen`. Default: each
     * option's own default.
     */
    cenOptions?: CrossRegionCenArgs;

    /**
     * Route table the ALB VPC routes through. Only its system route table is supported: leave this
     * out. Checked before registration: `albVpc.routeTableId` itself or, for an existing VPC, its
     * id; any other value (an Output included) is refused. Default: `albVpc.routeTableId`.
     */
    albRouteTableId?: pulumi.Input<string>;
    /**
     * Route table the backend VPC routes through. Only its system route table is supported: leave
     * this out. Checked before registration as `albRouteTableId` is. Default:
     * `backendVpc.routeTableId`, the system route table.
     */
    backendRouteTableId?: pulumi.Input<string>;
}

/** A backend as the constructor creates it. */
export interface CrossRegionBackendPlan extends AlbBackendCommonPlan {
    /** Its private IPv4 address: a plain one in canonical form, or the Output, checked when it resolves. */
    readonly ipv4Address: pulumi.Input<string>;
    /**
     * Checks the address once it is known, with the rules a plain string was checked by (problems at
     * the caller's path).
     */
    readonly checkKnownAddress: (problems: Problems, address: string) => void;
}

/** The network the traffic crosses: one the component creates, or one it joins. */
export type CrossRegionNetworkPlan =
    | { readonly kind: "create"; readonly name: string; readonly args: CenTransitNetworkArgs }
    | {
          readonly kind: "join";
          readonly cen: CenTransitNetwork;
          readonly albMember: string;
          readonly backendMember: string;
          /** The member of each of `backendRegions`, by its key. */
          readonly regionMembers: Readonly<Record<string, string>>;
      };

/** One of `backendRegions` as the constructor creates it. */
export interface CrossRegionBackendRegionPlan {
    /** Its key in `backendRegions`. */
    readonly key: string;
    readonly vpc: RegionalVpc;
    readonly backends: readonly CrossRegionBackendPlan[];
    /** Blocks of its vSwitches the ALB VPC routes to the transit router. */
    readonly backendCidrs: readonly string[];
    /** Rules in its backends' security groups. */
    readonly rules: readonly AlbIngressRule[];
    /** Name of its server group: the component's `serverGroupName` and the key. */
    readonly serverGroupName: string;
    readonly weight: number;
}

/** What {@link checkCrossRegionAlbBackendArgs} settles for the constructor: every default applied. */
export interface CrossRegionAlbPlan extends AlbCommonPlan {
    readonly backendVpc: RegionalVpc;
    readonly backendProtocol: (typeof CROSS_REGION_BACKEND_PROTOCOLS)[number];
    readonly stickySession: boolean;
    readonly backends: readonly CrossRegionBackendPlan[];
    /** The backends of each extra server group, by its key. */
    readonly serverGroupBackends: Readonly<Record<string, readonly CrossRegionBackendPlan[]>>;
    /** Blocks of the backend vSwitches the ALB VPC routes to the transit router. */
    readonly backendCidrs: readonly string[];
    /** Blocks the ALB fetches from: routed back through the network, admitted by the backends' groups. */
    readonly backToOriginCidrs: readonly string[];
    /** Legacy back-to-origin: the blocks are routed in the ALB region's transit router too. */
    readonly legacy: boolean;
    /** Rules in the backends' security groups. */
    readonly rules: readonly AlbIngressRule[];
    readonly network: CrossRegionNetworkPlan;
    /** The other regions of backends; empty for one. */
    readonly backendRegions: readonly CrossRegionBackendRegionPlan[];
    /** Weight of `backendVpc`'s server group in the weighted rule (meaningful with `backendRegions`). */
    readonly backendWeight: number;
}
