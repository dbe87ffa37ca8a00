/** RegionalVpc: a VPC with named vSwitches in one region, with that region's provider. */
export type {
    CreatedRegionalVpcPlan,
    ExistingRegionalVpcArgs,
    ExistingRegionalVpcPlan,
    ExistingVSwitchArgs,
    PlannedExistingVSwitch,
    PlannedVSwitch,
    RegionalVpcArgs,
    RegionalVpcPlan,
    RegionalVpcPlanBase,
    VSwitchArgs,
    VSwitchInfo,
} from "./args";
export {
    RESERVED_VPC_RANGES,
    checkExistingRegionalVpcArgs,
    checkRegionalVpcArgs,
    validateExistingRegionalVpcArgs,
    validateRegionalVpcArgs,
} from "./checks";
export { RegionalVpc } from "./regionalVpc";
