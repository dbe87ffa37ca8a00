import * as pulumi from "@pulumi/pulumi";
import { AckCluster } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";
import { ackHangzhouArgs, s4Vpcs } from "./s4";

/** ack-hangzhou of the README's S4 example (tests/examples/meshFailover.ts), on its VPC. */
export const ackCluster: FuzzTarget = {
    name: "AckCluster",
    base: opts => ackHangzhouArgs(s4Vpcs(opts).hangzhou),
    create: (args, opts: pulumi.ComponentResourceOptions) => new AckCluster("fuzz", args as never, opts),
};
