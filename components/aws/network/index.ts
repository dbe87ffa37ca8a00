/** {@link TwoTierVpc}: the VPC an AWS service runs in, its arguments, plan and checks. */
export { EGRESS_MODES } from "./args";
export type {
    EgressMode,
    ExistingSubnetArgs,
    ExistingTwoTierVpcArgs,
    HostedTwoTierVpcArgs,
    SubnetArgs,
    SubnetInfo,
    TwoTierVpcArgs,
} from "./args";
export { checkTwoTierVpcArgs, validateTwoTierVpcArgs } from "./check";
export type {
    ExistingSubnetPlan,
    ExistingTwoTierVpcPlan,
    NewTwoTierVpcPlan,
    SubnetPlan,
    TwoTierVpcCheckContext,
    TwoTierVpcHost,
    TwoTierVpcPlan,
    VpcPlanCommon,
} from "./plan";
export { TwoTierVpc } from "./twoTierVpc";
