import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "../../sdk/kubernetes";
import { DeclaresFlows, IntendedFlow } from "../../flows";
import { MeshObject, applyMeshObject } from "../istio/objects";
import { MeshLocalityPolicy } from "../meshLocality";
import { BookinfoArgs } from "./args";
import { BOOKINFO_TYPE, validateBookinfoArgs } from "./check";
import { BOOKINFO_PORT, bookinfoFlows } from "./flows";
import { ServiceSpec, deployment } from "./workloads";

/**
 * The Bookinfo sample application of the tutorial, written as typed Kubernetes resources (nothing
 * is downloaded at run time): per cluster the Services, ServiceAccounts and Deployments of
 * bookinfo.yaml and the namespace's sidecar-injection label, and, given the mesh, the
 * `bookinfo-gateway` Gateway, the `bookinfo` VirtualService and the DestinationRules with their
 * subsets; with a locality policy, the reviews rule is a {@link MeshLocalityPolicy}.
 */
export class Bookinfo extends pulumi.ComponentResource implements DeclaresFlows {
    /** The reviews locality policy, when one was given. */
    readonly reviewsLocality?: MeshLocalityPolicy;
    /** The mesh objects applied (besides the locality policy), by key. */
    readonly meshObjects: Readonly<Record<string, MeshObject>>;
    /**
     * The ingress gateway to productpage in each cluster, and Pod to Pod across the clusters on the
     * Bookinfo port (failover and distribution need it).
     */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: BookinfoArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateBookinfoArgs(name, args);
        super(BOOKINFO_TYPE, name, {}, opts);
        const { namespace, image } = plan;

        const meshReady = [...plan.meshReady];
        for (const [key, cluster] of Object.entries(plan.clusters)) {
            const childOpts = { parent: this, provider: cluster.provider };
            // The injector's webhook reads the label of the pod's namespace in the pod's own
            // cluster; the namespace exists already (default does), so it is patched, not created.
            const injection = plan.injectSidecars
                ? [
                      new kubernetes.core.v1.NamespacePatch(
                          `${name}-${key}-injection`,
                          {
                              metadata: { name: namespace, labels: { "istio-injection": "enabled" } },
                          },
                          childOpts,
                      ),
                  ]
                : [];
            const services: ServiceSpec[] = [
                { app: "details", versions: ["v1"] },
                { app: "ratings", versions: ["v1"] },
                { app: "reviews", versions: cluster.reviewsVersions },
                { app: "productpage", versions: ["v1"] },
            ];
            for (const { app, versions } of services) {
                new kubernetes.core.v1.Service(
                    `${name}-${key}-${app}`,
                    {
                        metadata: { name: app, namespace, labels: { app, service: app } },
                        spec: { ports: [{ port: BOOKINFO_PORT, name: "http" }], selector: { app } },
                    },
                    childOpts,
                );
                const account = new kubernetes.core.v1.ServiceAccount(
                    `${name}-${key}-${app}-sa`,
                    {
                        metadata: { name: `bookinfo-${app}`, namespace, labels: { account: app } },
                    },
                    childOpts,
                );
                for (const version of versions) {
                    new kubernetes.apps.v1.Deployment(
                        `${name}-${key}-${app}-${version}`,
                        deployment(app, version, namespace, image, account),
                        { ...childOpts, dependsOn: [...injection, ...meshReady] },
                    );
                }
            }
        }

        const meshObjects: Record<string, MeshObject> = {};
        if (plan.mesh) {
            for (const { key, object } of plan.meshObjects) {
                const objectOpts = { parent: this, provider: plan.mesh.provider, dependsOn: meshReady };
                applyMeshObject(`${name}-${key}`, object, objectOpts);
                meshObjects[key] = object;
            }
        }
        if (plan.reviewsLocality) {
            this.reviewsLocality = new MeshLocalityPolicy(`${name}-reviews`, plan.reviewsLocality, { parent: this });
        }
        this.meshObjects = meshObjects;
        this.intendedFlows = bookinfoFlows(Object.keys(plan.clusters), plan.mesh);
        this.registerOutputs({});
    }
}
