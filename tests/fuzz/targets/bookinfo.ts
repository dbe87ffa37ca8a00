import * as pulumi from "@pulumi/pulumi";
import { Bookinfo } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";
import { s4Mesh } from "./s4";

/**
 * Bookinfo of the README's S4 example (tests/examples/meshFailover.ts) on its mesh, with the
 * tutorial's outlier detection written out so its fields are mutated too.
 */
export const bookinfo: FuzzTarget = {
    name: "Bookinfo",
    base: opts => {
        const mesh = s4Mesh(opts);
        return {
            clusters: {
                "ack-hangzhou": { provider: mesh.clusters["ack-hangzhou"].provider, reviewsVersions: ["v1"] },
                "ack-shanghai": { provider: mesh.clusters["ack-shanghai"].provider, reviewsVersions: ["v2"] },
            },
            mesh,
            reviewsLocality: {
                mode: "failover",
                failover: [
                    { from: "cn-shanghai", to: "cn-hangzhou" },
                    { from: "cn-hangzhou", to: "cn-shanghai" },
                ],
                outlierDetection: { consecutive5xxErrors: 1, interval: "1s", baseEjectionTime: "1m" },
            },
        };
    },
    create: (args, opts: pulumi.ComponentResourceOptions) => new Bookinfo("fuzz", args as never, opts),
};
