/**
 * The checks of the routes a network writes, given in its args or added later by components that
 * join it: VPC route entries towards the transit router, and transit-router static entries.
 */
import { checkKnownName, checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { checkCidr, cidrsOverlap } from "../../net";
import { RegionalVpc } from "../vpc";
import { CenTransitRouterRouteArgs, CenVpcRouteArgs } from "./args";
import { CenTransitRouterRoutePlan, CenVpcRoutePlan } from "./plan";

/** The members a route may name, by member name. */
type Members<T> = Readonly<Record<string, T>>;

/** Checks that `member` is a member of the network. */
function checkMember(problems: Problems, path: string, member: string, members: Members<unknown>): boolean {
    return checkKnownName(problems, path, member, Object.keys(members), "member", "a member of this network");
}

/** Entries in member VPCs' system route tables: a member, a block outside its own vSwitches, each once. */
export function checkVpcRoutes(
    problems: Problems,
    routes: readonly CenVpcRouteArgs[],
    members: Members<{ vpc: RegionalVpc }>,
): CenVpcRoutePlan[] {
    const resolved: CenVpcRoutePlan[] = [];
    const seen: Array<{ path: string; key: string }> = [];
    routes.forEach((route, i) => {
        const path = `vpcRoutes[${i}]`;
        const known = checkMember(problems, `${path}.member`, route.member, members);
        const block = checkCidr(problems, `${path}.destinationCidrBlock`, route.destinationCidrBlock, 4);
        if (!known || !block) return;
        const local = Object.values(members[route.member].vpc.vSwitches).find(v => cidrsOverlap(v.cidrBlock, block));
        if (local) {
            problems.add(
                `${path}.destinationCidrBlock`,
                `${block.text} overlaps vSwitch '${local.name}' ${local.cidrBlock} of member '${route.member}' itself; ` +
                    "its own system route wins.",
                "Route only blocks outside the member's vSwitches to the transit router.",
            );
            return;
        }
        resolved.push({ member: route.member, cidr: block.text });
        seen.push({ path: `${path}.destinationCidrBlock`, key: `${route.member} → ${block.text}` });
    });
    checkUnique(problems, seen, "VPC route");
    return resolved;
}

/**
 * Static entries in transit routers' system route tables: a member region, a next hop attached to
 * that region's router, a block, each region and block once.
 */
export function checkTransitRouterRoutes(
    problems: Problems,
    routes: readonly CenTransitRouterRouteArgs[],
    members: Members<{ region: string }>,
    regions: readonly string[],
): CenTransitRouterRoutePlan[] {
    const resolved: CenTransitRouterRoutePlan[] = [];
    const seen: Array<{ path: string; key: string }> = [];
    routes.forEach((route, i) => {
        const path = `transitRouterRoutes[${i}]`;
        const regionOk = regions.includes(route.region);
        if (!regionOk) {
            problems.add(
                `${path}.region`,
                `region '${route.region}' has no member VPC, so no transit router.`,
                `Use a member region: ${regions.join(", ")}.`,
            );
        }
        const known = checkMember(problems, `${path}.nextHopMember`, route.nextHopMember, members);
        const member = known ? members[route.nextHopMember] : undefined;
        if (member && regionOk && member.region !== route.region) {
            problems.add(
                `${path}.nextHopMember`,
                `member '${route.nextHopMember}' is in ${member.region}; a static route of the ${route.region} transit ` +
                    "router must point at an attachment of that router.",
                `Use a member in ${route.region} as the next hop.`,
            );
        }
        const block = checkCidr(problems, `${path}.destinationCidrBlock`, route.destinationCidrBlock, 4);
        if (regionOk && member && member.region === route.region && block) {
            resolved.push({ region: route.region, cidr: block.text, nextHopMember: route.nextHopMember });
            seen.push({ path: `${path}.destinationCidrBlock`, key: `${route.region} → ${block.text}` });
        }
    });
    checkUnique(problems, seen, "transit-router route");
    return resolved;
}
