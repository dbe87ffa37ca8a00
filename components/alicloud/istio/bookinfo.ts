/**
 * The tutorial's Bookinfo routing (`asm.yaml`): the `bookinfo-gateway` Gateway, the `bookinfo`
 * VirtualService and one DestinationRule per service with its version subsets.
 */
import {
    DestinationRule,
    Gateway,
    VirtualService,
    destinationRule,
    gateway,
    versionSubsets,
    virtualService,
} from "./objects";

/** Version subsets per Bookinfo service, as the tutorial's DestinationRules list them. */
export const BOOKINFO_SUBSETS: Readonly<Record<"productpage" | "reviews" | "ratings" | "details", readonly string[]>> =
    {
        productpage: ["v1"],
        reviews: ["v1", "v2", "v3"],
        ratings: ["v1", "v2", "v2-mysql", "v2-mysql-vm"],
        details: ["v1", "v2"],
    };

/** `bookinfo-gateway`: HTTP port 80 for every host on the mesh's ingress gateway pods. */
export function bookinfoGateway(namespace?: string): Gateway {
    return gateway(
        "bookinfo-gateway",
        {
            selector: { istio: "ingressgateway" },
            servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }],
        },
        namespace,
    );
}

/** `bookinfo`: the product page's paths from the gateway to productpage:9080. */
export function bookinfoVirtualService(namespace?: string): VirtualService {
    return virtualService(
        "bookinfo",
        {
            hosts: ["*"],
            gateways: ["bookinfo-gateway"],
            http: [
                {
                    match: [
                        { uri: { exact: "/productpage" } },
                        { uri: { prefix: "/static" } },
                        { uri: { exact: "/login" } },
                        { uri: { exact: "/logout" } },
                        { uri: { prefix: "/api/v1/products" } },
                    ],
                    route: [{ destination: { host: "productpage", port: { number: 9080 } } }],
                },
            ],
        },
        namespace,
    );
}

/** The DestinationRules with the tutorial's subsets, by service. */
export function bookinfoDestinationRules(namespace?: string): Record<keyof typeof BOOKINFO_SUBSETS, DestinationRule> {
    const rule = (host: keyof typeof BOOKINFO_SUBSETS) =>
        destinationRule(host, { host, subsets: versionSubsets(BOOKINFO_SUBSETS[host]) }, namespace);
    return {
        productpage: rule("productpage"),
        reviews: rule("reviews"),
        ratings: rule("ratings"),
        details: rule("details"),
    };
}
