/**
 * The egress a {@link TwoTierVpc} can give its private subnets: NAT gateways only in a VPC made
 * here, `provided` only in an existing one, and what each needs (public subnets, route tables).
 */
import * as pulumi from "@pulumi/pulumi";
import { checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { EgressMode } from "./args";
import { checkId, IdChecks } from "./checkSubnets";
import { SubnetPlan } from "./plan";

/**
 * The egress an existing VPC can take: no NAT made here, and its private route tables (each a
 * route table id, each once) for the S3 gateway endpoint. Returns the route tables as checked.
 */
export function checkExistingEgress(
    problems: Problems,
    egress: EgressMode,
    routeTableIds: readonly pulumi.Input<string>[],
    ids: IdChecks,
): pulumi.Input<string>[] {
    if (egress === "natGateway" || egress === "natGatewayPerAz") {
        problems.add(
            "egress",
            `egress '${egress}' creates NAT gateways and routes, which this component does only in a VPC it creates.`,
            "Use 'provided' if the VPC already has a NAT gateway, or 'vpcEndpoints'.",
        );
    }
    if (egress === "vpcEndpoints" && routeTableIds.length === 0) {
        problems.add(
            "privateRouteTableIds",
            "egress 'vpcEndpoints' needs the private subnets' route tables for the S3 gateway endpoint, " +
                "which carries ECR's image layers.",
            "List the route tables of the private subnets.",
        );
    }
    const checked = routeTableIds.map((id, i) => checkId(problems, `privateRouteTableIds[${i}]`, id, "rtb", ids));
    checkUnique(
        problems,
        routeTableIds.flatMap((id, i) =>
            typeof id === "string" ? [{ path: `privateRouteTableIds[${i}]`, key: id }] : [],
        ),
        "route table id",
    );
    return checked;
}

/** The egress a VPC created here can take: not `provided`, public subnets for the ALB and NATs, a NAT per task AZ. */
export function checkNewEgress(
    problems: Problems,
    egress: EgressMode,
    publicSubnets: readonly SubnetPlan[],
    privateSubnets: readonly SubnetPlan[],
): void {
    if (egress === "provided") {
        problems.add(
            "egress",
            "egress 'provided' means an existing VPC already has a way out, but this VPC is created here.",
            "Use 'vpcEndpoints', 'natGateway' or 'natGatewayPerAz'.",
        );
    }
    if (publicSubnets.length === 0) {
        problems.add(
            "publicSubnets",
            "no public subnet is given.",
            "Add public subnets for the ALB (and NAT gateways).",
        );
    }
    if (egress !== "natGatewayPerAz") return;
    const publicAzs = new Set(publicSubnets.map(s => s.availabilityZone));
    for (const s of privateSubnets) {
        if (!publicAzs.has(s.availabilityZone)) {
            problems.add(
                `privateSubnets.${s.name}.availabilityZone`,
                "egress 'natGatewayPerAz' puts a NAT gateway in a public subnet of each task AZ, " +
                    `but ${s.availabilityZone} has no public subnet.`,
                `Add a public subnet in ${s.availabilityZone}, or use egress 'natGateway'.`,
            );
        }
    }
}
