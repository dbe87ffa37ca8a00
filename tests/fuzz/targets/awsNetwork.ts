/** The S5 tutorial's network (the specs' seed004Network), egress by VPC endpoints, for the targets that take one. */
import { seed004Network } from "../../support/tutorials";

export const awsNetwork = () => ({ ...seed004Network(), egress: "vpcEndpoints" });
