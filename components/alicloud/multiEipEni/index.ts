/** MultiEipEni (S2): several EIPs on one ECS instance through a secondary ENI in NAT mode. */
export type {
    EipPlanBase,
    MultiEipEniArgs,
    MultiEipEniEipArgs,
    MultiEipEniEipPlan,
    MultiEipEniInstanceArgs,
    MultiEipEniPlan,
    MultiEipEniVSwitchArgs,
    MultiEipEniVSwitchPlan,
    MultiEipEniVpcVSwitchArgs,
    PayAsYouGoEipPlan,
    SubscriptionEipPlan,
} from "./args";
export { BGP_PRO_REGIONS, EIP_INTERNET_CHARGE_TYPES, EIP_ISPS, EIP_PAYMENT_TYPES, EIP_PRICING_CYCLES } from "./args";
export { checkMultiEipEniArgs, validateMultiEipEniArgs } from "./checks";
export { MultiEipEni } from "./multiEipEni";
