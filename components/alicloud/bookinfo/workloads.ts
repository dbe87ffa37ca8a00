/** The Kubernetes workloads of Bookinfo, as the upstream bookinfo.yaml writes them. */
import * as kubernetes from "../../sdk/kubernetes";
import { BOOKINFO_PORT } from "./flows";

/** One Bookinfo service and the versions of it a cluster runs. */
export interface ServiceSpec {
    app: "details" | "ratings" | "reviews" | "productpage";
    versions: readonly string[];
}

/** A Deployment of one version of one service, as bookinfo.yaml writes it. */
export function deployment(
    app: ServiceSpec["app"],
    version: string,
    namespace: string,
    image: { registry: string; tag: string },
    account: kubernetes.core.v1.ServiceAccount,
): kubernetes.apps.v1.DeploymentArgs {
    const labels = { app, version };
    // reviews (a Liberty server) and productpage write to their file systems.
    const tmp = app === "reviews" || app === "productpage";
    const volumeMounts =
        app === "reviews"
            ? [
                  { name: "tmp", mountPath: "/tmp" },
                  { name: "wlp-output", mountPath: "/opt/ibm/wlp/output" },
              ]
            : tmp
              ? [{ name: "tmp", mountPath: "/tmp" }]
              : undefined;
    const volumes =
        app === "reviews"
            ? [
                  { name: "wlp-output", emptyDir: {} },
                  { name: "tmp", emptyDir: {} },
              ]
            : tmp
              ? [{ name: "tmp", emptyDir: {} }]
              : undefined;
    return {
        metadata: { name: `${app}-${version}`, namespace, labels },
        spec: {
            replicas: 1,
            selector: { matchLabels: labels },
            template: {
                metadata: {
                    labels,
                    annotations:
                        app === "productpage"
                            ? {
                                  "prometheus.io/scrape": "true",
                                  "prometheus.io/port": `${BOOKINFO_PORT}`,
                                  "prometheus.io/path": "/metrics",
                              }
                            : undefined,
                },
                spec: {
                    serviceAccountName: account.metadata.name,
                    containers: [
                        {
                            name: app,
                            image: `${image.registry}/examples-bookinfo-${app}-${version}:${image.tag}`,
                            imagePullPolicy: "IfNotPresent",
                            env: app === "reviews" ? [{ name: "LOG_DIR", value: "/tmp/logs" }] : undefined,
                            ports: [{ containerPort: BOOKINFO_PORT }],
                            volumeMounts,
                        },
                    ],
                    volumes,
                },
            },
        },
    };
}
