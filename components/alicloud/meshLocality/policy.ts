import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "../../sdk/kubernetes";
import { DestinationRule, applyMeshObject } from "../istio/objects";
import { MeshLocalityPolicyArgs } from "./args";
import { MESH_LOCALITY_POLICY_TYPE, validateMeshLocalityPolicyArgs } from "./check";

/**
 * A service's DestinationRule with Istio locality load balancing across the mesh's regions:
 * geolocation failover (`from` → `to` pairs, with outlier detection, required and defaulted) or
 * weighted distribution (percentages per region adding up to 100, ASM ≥ 1.22.6.66). Applied
 * through the mesh's Kubernetes provider.
 */
export class MeshLocalityPolicy extends pulumi.ComponentResource {
    /** The rendered, schema-checked DestinationRule. */
    readonly destinationRule: DestinationRule;
    /** The applied custom resource. */
    readonly resource: kubernetes.apiextensions.CustomResource;

    constructor(name: string, args: MeshLocalityPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateMeshLocalityPolicyArgs(name, args);
        super(MESH_LOCALITY_POLICY_TYPE, name, {}, opts);
        this.destinationRule = plan.destinationRule;
        this.resource = applyMeshObject(`${name}-dr`, plan.destinationRule, {
            parent: this,
            provider: plan.provider,
            dependsOn: [...plan.dependsOn],
        });
        this.registerOutputs({ destinationRule: plan.destinationRule });
    }
}
