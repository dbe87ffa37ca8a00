/**
 * Schema validation of Istio objects with `@kubernetes-models/istio`, whose generated classes
 * carry the Istio CRDs' OpenAPI schemas.
 *
 * That package is ESM-only and exports its files under the `import` condition alone, so a
 * CommonJS `require` of its subpaths fails and `import()` would make validation asynchronous
 * (components validate synchronously, before `super`). Node ≥ 20.19 can `require` an ES module
 * by file path, so the model files are loaded from the package directory found through its
 * exported `package.json`.
 */
import * as path from "node:path";
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

/** The Istio kinds this library builds, by `apiVersion` then `kind`. */
const MODEL_FILES: Record<string, Record<string, string>> = {
    "networking.istio.io/v1alpha3": {
        Gateway: "networking.istio.io/v1alpha3/Gateway.js",
        VirtualService: "networking.istio.io/v1alpha3/VirtualService.js",
        DestinationRule: "networking.istio.io/v1alpha3/DestinationRule.js",
    },
    "networking.istio.io/v1": {
        Gateway: "networking.istio.io/v1/Gateway.js",
        VirtualService: "networking.istio.io/v1/VirtualService.js",
        DestinationRule: "networking.istio.io/v1/DestinationRule.js",
    },
};

const loaded = new Map<string, IstioModelClass>();

function modelClass(apiVersion: string, kind: string): IstioModelClass | undefined {
    const file = MODEL_FILES[apiVersion]?.[kind];
    if (!file) return undefined;
    let model = loaded.get(file);
    if (!model) {
        const root = path.dirname(require.resolve("@kubernetes-models/istio/package.json"));
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is chosen at run time
        model = (require(path.join(root, file)) as Record<string, IstioModelClass>)[kind];
        loaded.set(file, model);
    }
    return model;
}

/** True when the schema of `apiVersion`/`kind` is known to {@link checkIstioSchema}. */
export function hasIstioSchema(apiVersion: string, kind: string): boolean {
    return MODEL_FILES[apiVersion]?.[kind] !== undefined;
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
    const model = modelClass(object.apiVersion, object.kind);
    if (!model) {
        problems.add(
            path,
            `no Istio schema is known for ${object.kind} of ${object.apiVersion}.`,
            `Use one of: ${Object.entries(MODEL_FILES)
                .flatMap(([v, kinds]) => Object.keys(kinds).map(k => `${v} ${k}`))
                .join(", ")}.`,
        );
        return false;
    }
    try {
        new model(object).validate();
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
