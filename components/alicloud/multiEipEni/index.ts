/** MultiEipEni (S2): several EIPs on one ECS instance through a secondary ENI in NAT mode. */
export type {
    EipPlanBase,
    ExistingSharedBandwidthPlan,
    MultiEipEniArgs,
    MultiEipEniEipArgs,
    MultiEipEniEipPlan,
    MultiEipEniEniPlan,
    MultiEipEniExistingSharedBandwidthArgs,
    MultiEipEniInstanceArgs,
    MultiEipEniNewSharedBandwidthArgs,
    MultiEipEniPlan,
    MultiEipEniSharedBandwidthArgs,
    MultiEipEniVSwitchArgs,
    MultiEipEniVSwitchPlan,
    MultiEipEniVpcVSwitchArgs,
    NewSharedBandwidthPlan,
    PayAsYouGoEipPlan,
    SharedBandwidthPlan,
    SubscriptionEipPlan,
} from "./args";
export {
    BGP_PRO_REGIONS,
    EIP_ASSOCIATION_MODES,
    EIP_INTERNET_CHARGE_TYPES,
    EIP_ISPS,
    EIP_PAYMENT_TYPES,
    EIP_PRICING_CYCLES,
    SHARED_BANDWIDTH_CHARGE_TYPES,
} from "./args";
export { checkMultiEipEniArgs, validateMultiEipEniArgs } from "./checks";
export { MultiEipEni } from "./multiEipEni";
