/**
 * The ALB's own settings: its scheme (`internal`), address type, idle timeout and handling of
 * invalid header fields. Pure; returns their plan.
 */
import { checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { AlbFargateServiceArgs } from "./args";
import type { VpcFacts } from "./checkNetwork";
import { AlbIpAddressType } from "./edgeArgs";

/** The ALB's settings, defaulted. */
export interface AlbSettingsPlan {
    /** Internal (in the private subnets) or internet-facing (in the public ones); default false. */
    readonly internal: boolean;
    /** Default `ipv4`. */
    readonly ipAddressType: AlbIpAddressType;
    /** Seconds; default 60. */
    readonly idleTimeout: number;
    /** Default true. */
    readonly dropInvalidHeaderFields: boolean;
}

/**
 * Idle timeout bounds: "idle_timeout.timeout_seconds - The idle timeout value, in seconds. The
 * valid range is 1-4000 seconds. The default is 60 seconds." (Elastic Load Balancing API
 * Reference, `LoadBalancerAttribute`). The provider does not check the range
 * (terraform-provider-aws internal/service/elbv2/load_balancer.go: `idle_timeout` has `Default: 60`
 * and no ValidateFunc), so a value out of it would fail only in the API call: checked here.
 */
export const IDLE_TIMEOUT = { min: 1, max: 4000, default: 60 } as const;

/**
 * Checks the ALB's settings against the VPC it goes in. An internal dual-stack ALB is allowed
 * (the provider's docs still say internal load balancers take `ipv4` only, which AWS has since
 * lifted for ALBs: unconfirmed). A dual-stack ALB needs IPv6 blocks on the subnets it takes ("You can only change to dualstack ipAddressType if the selected subnets
 * are IPv6 enabled": the provider's `aws.lb.LoadBalancer` docs; Elastic Load Balancing, "IP
 * address types": the subnets need an associated IPv6 CIDR block).
 */
export function checkAlbSettings(problems: Problems, args: AlbFargateServiceArgs, vpc: VpcFacts): AlbSettingsPlan {
    const planned: AlbSettingsPlan = {
        internal: args.internal ?? false,
        ipAddressType: args.ipAddressType ?? "ipv4",
        idleTimeout: args.idleTimeout ?? IDLE_TIMEOUT.default,
        dropInvalidHeaderFields: args.dropInvalidHeaderFields ?? true,
    };
    checkIntegerInRange(
        problems,
        "idleTimeout",
        planned.idleTimeout,
        IDLE_TIMEOUT.min,
        IDLE_TIMEOUT.max,
        "idle timeout",
    );
    if (planned.ipAddressType === "dualstack" && !vpc.ipv6) {
        problems.add(
            "ipAddressType",
            `a dualstack ALB needs IPv6 blocks on its ${planned.internal ? "private" : "public"} subnets, and the VPC has no IPv6.`,
            vpc.existing
                ? "Give the VPC and its subnets IPv6 blocks and describe it with ipv6: true, or use ipAddressType 'ipv4'."
                : "Set network.ipv6: true (an Amazon-provided /56, a /64 per subnet, ::/0 to the internet gateway), or use ipAddressType 'ipv4'.",
        );
    }
    return planned;
}
