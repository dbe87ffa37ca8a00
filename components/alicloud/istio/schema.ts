/**
 * Schema validation of Istio objects with `@kubernetes-models/istio`, whose generated classes
 * carry the Istio CRDs' OpenAPI schemas.
 *
 * The package is held at major 2 (CommonJS and ES module builds; Node >= 14; Istio 1.18's CRDs,
 * which have no `networking.istio.io/v1` yet): major 3 is ESM-only and declares Node >= 22 for
 * itself and its @kubernetes-models siblings, outside the Node range in package.json's
 * `engines` (Node 20 and 22). Its subpaths are `require`d through the package's own `exports`;
 * only the types are imported elsewhere, and never into the published declarations.
 */
import { Problems } from "../../errors";

/** What the generated model classes offer: construction from plain data and `validate()`. */
interface IstioModelClass {
    new (data: object): { validate(): void };
}

/** One schema violation, as ajv reports it through the model's `ValidationError`. */
interface SchemaError {
    instancePath: string;
    message?: string;
}

/** The Istio networking kinds this library checks. */
const NETWORKING_KINDS = ["Gateway", "VirtualService", "DestinationRule"];

/**
 * Per `apiVersion`, the model version whose schema checks it and the kinds it has. Istio 1.22
 * promoted these kinds to `networking.istio.io/v1` and `security.istio.io/v1` unchanged from
 * v1beta1 ("the v1 APIs are identical": Istio's blog "Introducing Istio v1 APIs",
 * https://istio.io/latest/blog/2024/v1-apis/, Telemetry being the only API that changed), so a v1
 * object is checked against the v1beta1 schema (the held @kubernetes-models/istio 2.x has no
 * security v1 PeerAuthentication). Fields added after Istio 1.18 are unknown to these schemas,
 * which accept unknown fields: they pass unchecked.
 */
const SCHEMAS: Record<string, { readonly model: string; readonly kinds: readonly string[] }> = {
    "networking.istio.io/v1alpha3": { model: "networking.istio.io/v1alpha3", kinds: NETWORKING_KINDS },
    "networking.istio.io/v1beta1": { model: "networking.istio.io/v1beta1", kinds: NETWORKING_KINDS },
    "networking.istio.io/v1": { model: "networking.istio.io/v1beta1", kinds: NETWORKING_KINDS },
    "security.istio.io/v1beta1": { model: "security.istio.io/v1beta1", kinds: ["PeerAuthentication"] },
    "security.istio.io/v1": { model: "security.istio.io/v1beta1", kinds: ["PeerAuthentication"] },
};

const loaded = new Map<string, IstioModelClass>();

function modelClass(schemaVersion: string, kind: string): IstioModelClass {
    const module = `@kubernetes-models/istio/${schemaVersion}/${kind}`;
    let model = loaded.get(module);
    if (!model) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is chosen at run time
        model = (require(module) as Record<string, IstioModelClass>)[kind];
        loaded.set(module, model);
    }
    return model;
}

/** True when the schema of `apiVersion`/`kind` is known to {@link checkIstioSchema}. */
export function hasIstioSchema(apiVersion: string, kind: string): boolean {
    return Object.hasOwn(SCHEMAS, apiVersion) && SCHEMAS[apiVersion].kinds.includes(kind);
}

/**
 * Validates an Istio object against its CRD schema; records one problem per violation at
 * `path` + the violating field (e.g. `reviews.spec.trafficPolicy.outlierDetection.interval`).
 * Returns whether the object passed.
 */
export function checkIstioSchema(
    problems: Problems,
    path: string,
    object: { apiVersion: string; kind: string; metadata?: { name?: string } },
): boolean {
    if (!hasIstioSchema(object.apiVersion, object.kind)) {
        problems.add(
            path,
            `no Istio schema is known for ${object.kind} of ${object.apiVersion}.`,
            `Use one of: ${Object.entries(SCHEMAS)
                .flatMap(([version, { kinds }]) => kinds.map(k => `${version} ${k}`))
                .join(", ")}.`,
        );
        return false;
    }
    const schemaVersion = SCHEMAS[object.apiVersion].model;
    try {
        new (modelClass(schemaVersion, object.kind))({ ...object, apiVersion: schemaVersion }).validate();
        return true;
    } catch (e) {
        const errors: SchemaError[] = (e as { errors?: SchemaError[] }).errors ?? [
            { instancePath: "", message: String(e) },
        ];
        for (const error of errors) {
            const field = error.instancePath.split("/").filter(Boolean).join(".");
            problems.add(
                field ? `${path}.${field}` : path,
                `${object.kind} '${object.metadata?.name ?? "?"}' does not match the Istio schema: ${field || "object"} ${error.message ?? "is invalid"}.`,
                "See https://istio.io/latest/docs/reference/config/networking/ for the field's type and values.",
            );
        }
        return false;
    }
}
