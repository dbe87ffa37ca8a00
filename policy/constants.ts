/**
 * Constants the pack shares with the components. The pack is published on its own, so it keeps
 * its own copy; tests/policyPackage.spec.ts asserts each equals the components' value, so the two
 * cannot drift.
 */

/**
 * Server weights an ALB server group member may have: the API takes 0 to 100, and 0 forwards
 * nothing to the server (`alb.ServerGroup` `servers[].weight`,
 * node_modules/@pulumi/alicloud/types/input.d.ts). The components' `ALB_SERVER_WEIGHT`
 * (components/alicloud/albCommon/args.ts) refuses 0 for the same reason.
 */
export const ALB_SERVER_WEIGHT = { min: 1, max: 100 } as const;
