import * as pulumi from "@pulumi/pulumi";
import { MeshLocalityPolicy } from "../../../components/alicloud";
import { FuzzTarget } from "../runner";
import { s4Mesh } from "./s4";

/**
 * The README's `checkout` policy (tests/examples/meshFailover.ts) on the example's mesh, with
 * the defaults it resolves written out (rule name, namespace, outlier detection, connection pool)
 * so their fields are mutated too.
 */
export const meshLocalityPolicy: FuzzTarget = {
    name: "MeshLocalityPolicy",
    base: opts => ({
        mesh: s4Mesh(opts),
        host: "checkout",
        ruleName: "checkout",
        namespace: "default",
        subsets: [{ name: "v1", labels: { version: "v1" } }],
        policy: {
            mode: "distribution",
            distribute: [{ from: "cn-hangzhou", to: { "cn-hangzhou": 90, "cn-shanghai": 10 } }],
            outlierDetection: { consecutive5xxErrors: 1, interval: "1s", baseEjectionTime: "1m" },
        },
        connectionPool: { http: { maxRequestsPerConnection: 1 } },
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new MeshLocalityPolicy("fuzz", args as never, opts),
};
