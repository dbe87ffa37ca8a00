import * as pulumi from "@pulumi/pulumi";
import { ServiceMesh } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";
import { serviceMeshArgs } from "./s4";

/** The mesh of the README's S4 example (tests/examples/meshFailover.ts), on its VPCs and clusters. */
export const serviceMesh: FuzzTarget = {
    name: "ServiceMesh",
    base: opts => serviceMeshArgs(opts),
    create: (args, opts: pulumi.ComponentResourceOptions) => new ServiceMesh("fuzz", args as never, opts),
};
