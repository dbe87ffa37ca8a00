/**
 * The shape of an ASM ingress gateway's spec ({@link IstioGatewaySpec}), for the overrides a
 * `ServiceMesh` takes: types, enumerations and unknown keys before the gateway's own rules
 * (ranges, percentages, quantities, repeats) run on the merged spec.
 */
import { z } from "zod";
import { argsShape, input, text, wholeNumber } from "../../shape";
import {
    ISTIO_GATEWAY_DNS_POLICIES,
    ISTIO_GATEWAY_EXTERNAL_TRAFFIC_POLICIES,
    ISTIO_GATEWAY_PORT_PROTOCOLS,
    ISTIO_GATEWAY_SERVICE_TYPES,
    ISTIO_GATEWAY_TYPES,
    IstioGatewayPort,
    IstioGatewaySpec,
} from "./objects";

/** A TCP/UDP port. */
const port = wholeNumber(1, 65535);

const PORT_SHAPE = argsShape<IstioGatewayPort>()(
    z.strictObject({
        name: text,
        port,
        protocol: z.enum(ISTIO_GATEWAY_PORT_PROTOCOLS),
        targetPort: port,
    }),
);

/** CPU and memory of the gateway's pods, as Kubernetes quantities (their form is a rule of the gateway). */
const QUANTITIES = z.strictObject({ cpu: text, memory: text });

const SPEC = z.strictObject({
    gatewayType: z.enum(ISTIO_GATEWAY_TYPES),
    dnsPolicy: z.enum(ISTIO_GATEWAY_DNS_POLICIES),
    externalTrafficPolicy: z.enum(ISTIO_GATEWAY_EXTERNAL_TRAFFIC_POLICIES),
    hostNetwork: z.boolean(),
    ports: z.array(PORT_SHAPE),
    replicaCount: wholeNumber(1, 100),
    resources: z.strictObject({ limits: QUANTITIES, requests: QUANTITIES }),
    rollingMaxSurge: text,
    rollingMaxUnavailable: text,
    runAsRoot: z.boolean(),
    serviceType: z.enum(ISTIO_GATEWAY_SERVICE_TYPES),
    clusterIds: z.array(input(text)).optional(),
});

/**
 * The overrides of the tutorial's {@link IstioGatewaySpec} a `ServiceMesh` takes: any of its
 * fields, each of the spec's shape.
 */
export const ISTIO_GATEWAY_OVERRIDES_SHAPE = argsShape<Partial<IstioGatewaySpec>>()(SPEC.partial());
