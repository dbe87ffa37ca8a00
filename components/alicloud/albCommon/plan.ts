/**
 * What the shared ALB checks settle: every default resolved, every name looked up, so a
 * component's constructor reads the plan and nothing else.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { RegionalVpc, VSwitchInfo } from "../vpc";
import { AlbAddressType, AlbEdition, AlbListenerProtocol, AlbScheduler, AlbTlsPolicy } from "./args";
import type { AlbAccessLogPlan, AlbAclPlan, AlbModificationProtectionPlan } from "./operations";
import type { AlbRulePlan, AlbServerGroupCommonPlan } from "./routing";

/** The listener, defaults applied. */
export interface AlbListenerPlan {
    readonly protocol: AlbListenerProtocol;
    readonly port: number;
    readonly certificateId?: pulumi.Input<string>;
    /** The TLS policy, for HTTPS only. */
    readonly sslPolicy?: AlbTlsPolicy;
    /** Port of the HTTP listener that redirects to this HTTPS one; undefined when there is none. */
    readonly httpRedirectPort?: number;
}

/** The health check, as the provider takes it. */
export interface AlbHealthCheckPlan {
    /** The provider's `healthCheckConfig`, every default filled in. */
    readonly config: alicloud.types.input.alb.ServerGroupHealthCheckConfig;
    /**
     * The fixed port probed, which the backends' groups must open too; undefined when off or probing
     * each server's port.
     */
    readonly fixedPort?: number;
}

/** The CNAME record, defaults applied. */
export interface AlbDnsPlan {
    readonly domainName: string;
    readonly rr: string;
    readonly ttl: number;
    /** The name the record serves: the domain for `@`, else `<rr>.<domain>`. */
    readonly fqdn: string;
}

/** What every backend has, defaults applied. */
export interface AlbBackendCommonPlan {
    /** The backend's name in the component's `backends`. */
    readonly key: string;
    readonly port: number;
    readonly weight: number;
    readonly description?: string;
    /** Key of its group in `securityGroups`, when the component opens its port there. */
    readonly securityGroup?: string;
}

/** What every ALB component settles before it registers anything. */
export interface AlbCommonPlan {
    /** The ALB's VPC. */
    readonly vpc: RegionalVpc;
    /** The ALB's vSwitches, one per zone. */
    readonly albVSwitches: readonly VSwitchInfo[];
    readonly edition: AlbEdition;
    readonly addressType: AlbAddressType;
    readonly loadBalancerName: string;
    readonly serverGroupName: string;
    readonly scheduler: AlbScheduler;
    readonly healthCheck: AlbHealthCheckPlan;
    readonly listener: AlbListenerPlan;
    /** The ALB's own deletion protection; default false. */
    readonly deletionProtection: boolean;
    /** The console's modification protection; default `NonProtection`. */
    readonly modificationProtection: AlbModificationProtectionPlan;
    /** The ACL on the listeners, when given. */
    readonly acl?: AlbAclPlan;
    /** Where the access logs go, when given. */
    readonly accessLog?: AlbAccessLogPlan;
    readonly securityGroups: Readonly<Record<string, pulumi.Input<string>>>;
    readonly dns?: AlbDnsPlan;
    readonly tags?: Readonly<Record<string, string>>;
    /** The extra server groups (`serverGroups`), without their backends (the component's plan has them). */
    readonly serverGroups: readonly AlbServerGroupCommonPlan[];
    /** The forwarding rules of the forwarding listener (`rules`). */
    readonly forwardingRules: readonly AlbRulePlan[];
}

/**
 * One rule the component adds to a backend security group: a backend (or fixed health-check)
 * port from one address the ALB fetches from, or all ICMPv6 for IPv6 backends.
 */
export interface AlbIngressRule {
    /** Key of the group in `securityGroups`. */
    readonly securityGroup: string;
    /** Address family of the source. */
    readonly family: 4 | 6;
    /** `tcp` for a port, `icmpv6` for all ICMPv6. */
    readonly protocol: "tcp" | "icmpv6";
    /** The port, for `tcp`. */
    readonly port?: number;
    /** The source block, or the ALB vSwitch whose IPv6 /64 (assigned by the cloud) is the source. */
    readonly source: string | VSwitchInfo;
    /** 1 (first) to 100. */
    readonly priority: number;
    /** What the console shows for the rule. */
    readonly description: string;
    /** The rule's child name in an earlier release, kept as an alias so the rule is not replaced. */
    readonly formerName?: string;
}
