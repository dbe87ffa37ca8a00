/**
 * Writes provider/args.ts, the args of the multi-language components, from the stack-config
 * schemas (stacks/topologies/, stacks/network.ts) and the field docs (./docs.ts): one registry,
 * so a Python or YAML program accepts exactly what a stack file does, with the same checks.
 *
 * The schemas are zod; Pulumi's analyzer reads TypeScript. So each schema goes through JSON
 * Schema (`z.toJSONSchema`) and comes out in the forms the analyzer accepts
 * (@pulumi/pulumi/provider/experimental/analyzer.js): named interfaces, `Record<string, T>`,
 * arrays, and string enums as `as const` objects (a literal union it refuses). Unions the other
 * languages cannot express are flattened, and the components' own checks still refuse what the
 * union did: a `oneOf` of objects becomes one object whose shared discriminator is an enum and
 * whose other fields are optional; `false | {…}` becomes the optional object; a union of number
 * constants becomes a number. Keys whose schema is unrepresentable (the refusals of renamed keys)
 * are left out.
 *
 * `npm run multilang` rewrites the file; tests/multilang.spec.ts fails while it is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import {
    containerDependencyShape,
    containerHealthCheckShape,
    containerSecretsShape,
} from "../components/aws/albFargateService/shape";
import { albAccessLog, albAcl, albModificationProtection, albRule, albRuleTarget } from "../stacks/albOperations";
import { sharedNetworkSchema } from "../stacks/network";
import { albDns, albListener, bandwidthPackage, healthCheck, servers, vpc } from "../stacks/schema";
import { TOPOLOGIES } from "../stacks/topologies";
import { dualStackBackend } from "../stacks/topologies/dualStackAlb";
import { FIELD_DOCS, TYPE_DOCS } from "./docs";
import { MULTILANG_TOPOLOGIES } from "./topologies";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema, walked key by key
type Json = { [key: string]: any };

/** Names of the shapes several sections share, as the SDKs show them (`VpcArgs` in Python). */
const SHARED_NAMES = z.registry<{ id: string }>();
SHARED_NAMES.add(vpc, { id: "Vpc" });
SHARED_NAMES.add(servers, { id: "Servers" });
SHARED_NAMES.add(healthCheck, { id: "AlbHealthCheck" });
SHARED_NAMES.add(albListener, { id: "AlbListener" });
SHARED_NAMES.add(albDns, { id: "AlbDns" });
SHARED_NAMES.add(bandwidthPackage, { id: "CenBandwidthPackage" });
// The main container's and the sidecars' (S5), one type each: the first is the name it had before sidecars.
SHARED_NAMES.add(containerSecretsShape.valueType, { id: "FargateContainerSecret" });
SHARED_NAMES.add(containerHealthCheckShape, { id: "FargateContainerHealthCheck" });
SHARED_NAMES.add(containerDependencyShape, { id: "FargateContainerDependency" });
SHARED_NAMES.add(albAcl, { id: "AlbAcl" });
SHARED_NAMES.add(albAccessLog, { id: "AlbAccessLog" });
SHARED_NAMES.add(albModificationProtection, { id: "AlbModificationProtection" });
SHARED_NAMES.add(albRule, { id: "AlbRule" });
SHARED_NAMES.add(albRuleTarget, { id: "AlbRuleTarget" });
SHARED_NAMES.add(dualStackBackend, { id: "DualStackAlbBackend" });

interface Field {
    name: string;
    type: string;
    optional: boolean;
    doc: string;
}
interface Declaration {
    name: string;
    /** `interface` with fields, or `enum` with values. */
    fields?: Field[];
    values?: string[];
}

class Emitter {
    readonly declarations = new Map<string, Declaration>();
    readonly missingDocs: string[] = [];
    private readonly enumsByValues = new Map<string, string>();
    private defs: Json = {};

    /** Declares the section schema `schema` as the interface `name`; returns its name. */
    section(name: string, schema: z.ZodType, prefix: string): string {
        const json = z.toJSONSchema(schema, {
            io: "input",
            unrepresentable: "any",
            metadata: SHARED_NAMES,
            reused: "inline",
        }) as Json;
        this.defs = { ...this.defs, ...(json.$defs ?? {}) };
        return this.object(name, json, prefix);
    }

    private object(name: string, json: Json, prefix: string): string {
        if (this.declarations.has(name)) return name;
        const declaration: Declaration = { name, fields: [] };
        this.declarations.set(name, declaration);
        const required = new Set<string>(json.required ?? []);
        for (const [key, property] of Object.entries<Json>(json.properties ?? {})) {
            if (Object.keys(property).length === 0) continue; // a renamed key's refusal
            const type = this.type(property, `${prefix}${pascal(key)}`, key);
            if (type === undefined) continue;
            declaration.fields!.push({
                name: key,
                type: type.text,
                optional: !required.has(key) || type.optional,
                doc: this.doc(name, key, property),
            });
        }
        return name;
    }

    private type(json: Json, nameHere: string, key: string): { text: string; optional: boolean } | undefined {
        const plain = (text: string) => ({ text, optional: false });
        if (json.$ref) {
            const id = String(json.$ref).replace("#/$defs/", "");
            return plain(this.object(id, this.defs[id], id));
        }
        const union: Json[] | undefined = json.oneOf ?? json.anyOf;
        if (union) return this.union(union, nameHere, key);
        if (json.enum) return plain(this.enumeration(nameHere, json.enum));
        switch (json.type) {
            case "string":
                return plain("string");
            case "number":
            case "integer":
                return plain("number");
            case "boolean":
                return plain("boolean");
            case "array": {
                const items = json.items === false || json.items === undefined ? json.prefixItems?.[0] : json.items;
                const item = this.type(items, singular(nameHere), key);
                return item && plain(`${item.text}[]`);
            }
            case "object":
                if (json.properties) return plain(this.object(nameHere, json, nameHere));
                if (json.additionalProperties) {
                    const value = this.type(json.additionalProperties, singular(nameHere), key);
                    return value && plain(`Record<string, ${value.text}>`);
                }
        }
        throw new Error(`${nameHere}: no multi-language form for the schema ${JSON.stringify(json)}`);
    }

    private union(members: Json[], nameHere: string, key: string): { text: string; optional: boolean } {
        if (members.every(m => m.type === "number" && m.const !== undefined))
            return { text: "number", optional: false };
        const objects = members.filter(m => m.type === "object");
        const falseOnly = members.filter(m => m.type === "boolean" && m.const === false);
        if (objects.length === 1 && falseOnly.length === 1 && members.length === 2) {
            // `false` means the same as leaving the object out.
            return { text: this.object(nameHere, objects[0], nameHere), optional: true };
        }
        if (objects.length === members.length) {
            const properties: Json = {};
            for (const member of objects) {
                for (const [k, p] of Object.entries<Json>(member.properties ?? {})) {
                    if (p.const !== undefined) {
                        properties[k] = { type: "string", enum: [...(properties[k]?.enum ?? []), p.const] };
                    } else properties[k] ??= p;
                }
            }
            const required = Object.keys(properties).filter(k => objects.every(m => (m.required ?? []).includes(k)));
            return { text: this.object(nameHere, { properties, required }, nameHere), optional: false };
        }
        throw new Error(`${nameHere}.${key}: no multi-language form for the union ${JSON.stringify(members)}`);
    }

    /**
     * A string enum, declared once per set of values under the first name it is met with. Of
     * values that differ only in case (`GRPC`, and `gRPC` accepted for the console's spelling)
     * the first is kept: the .NET and Go SDKs name members in Pascal case, where they would clash.
     * The checks still accept the others.
     */
    private enumeration(name: string, given: string[]): string {
        const values = given.filter(
            (v, i) => given.findIndex(w => String(w).toLowerCase() === String(v).toLowerCase()) === i,
        );
        const signature = JSON.stringify([...values].sort());
        const known = this.enumsByValues.get(signature);
        if (known) return known;
        this.enumsByValues.set(signature, name);
        this.declarations.set(name, { name, values: values.map(String) });
        return name;
    }

    private doc(typeName: string, key: string, json: Json): string {
        const doc = json.description ?? FIELD_DOCS[typeName]?.[key];
        if (doc === undefined) {
            this.missingDocs.push(`${typeName}.${key}`);
            return "";
        }
        return doc;
    }
}

/** Settings every component takes besides its section: the stack-wide keys of a stack file. */
const SETTINGS: Field[] = [
    {
        name: "tags",
        type: "Record<string, string>",
        optional: true,
        doc: "Tags on every taggable resource.",
    },
    {
        name: "protect",
        type: "boolean",
        optional: true,
        doc:
            "Protect stateful resources from accidental deletion: Pulumi's `protect` on each of them, and the " +
            "cloud's own deletion protection where the args do not say otherwise. Default: false.",
    },
    {
        name: "httpsOnly",
        type: "boolean",
        optional: true,
        doc: "Refuse a public listener that serves plain HTTP (HTTP that redirects to HTTPS is fine). Default: false.",
    },
];
const SERVER_PASSWORD: Field = {
    name: "serverPassword",
    type: "pulumi.Input<string>",
    optional: true,
    doc: "Login password of the demo ECS servers; pass a secret. Default: none (log in with Cloud Assistant or a key pair).",
};

/** The text of provider/args.ts, and the fields that have no doc yet. */
export function generateArgs(): { text: string; missingDocs: string[] } {
    const emitter = new Emitter();
    const environmentFields: Field[] = [];
    const networkType = emitter.section("SharedNetwork", sharedNetworkSchema, "SharedNetwork");
    environmentFields.push({
        name: "network",
        type: networkType,
        optional: true,
        doc: FIELD_DOCS.EnvironmentArgs?.network ?? "",
    });
    const argsDeclarations: Declaration[] = [];
    for (const entry of MULTILANG_TOPOLOGIES) {
        const topology = TOPOLOGIES.find(t => t.key === entry.key)!;
        const prefix = pascal(entry.key);
        const sectionType = emitter.section(`${prefix}Section`, topology.schema, prefix);
        environmentFields.push({
            name: entry.key,
            type: sectionType,
            optional: true,
            doc: `${topology.title}.`,
        });
        const settings = entry.servers ? [...SETTINGS, SERVER_PASSWORD] : SETTINGS;
        argsDeclarations.push({ name: `${entry.component}Args`, fields: settings, values: [sectionType] });
    }
    const declarations = [...emitter.declarations.values()];
    const lines = [
        "// Generated by `npm run multilang` (provider/generate.ts) from the stack-config schemas and",
        "// provider/docs.ts. Do not edit: change the schema or the doc, then run it again.",
        'import type * as pulumi from "@pulumi/pulumi";',
        "",
        ...declarations.flatMap(render),
        ...argsDeclarations.flatMap(d => [
            `/** The args of {@link ${d.name.replace(/Args$/, "")}}: its stack-file section and the stack-wide settings. */`,
            `export interface ${d.name} extends ${d.values![0]} {`,
            ...d.fields!.flatMap(renderField),
            "}",
            "",
        ]),
        "/** The args of {@link Environment}: any of the topologies, over one shared CEN if `network` is given. */",
        "export interface EnvironmentArgs {",
        ...[...environmentFields, ...SETTINGS, SERVER_PASSWORD].flatMap(renderField),
        "}",
        "",
    ];
    for (const field of environmentFields)
        if (field.doc === "") emitter.missingDocs.push(`EnvironmentArgs.${field.name}`);
    return { text: lines.join("\n"), missingDocs: emitter.missingDocs };
}

function render(d: Declaration): string[] {
    const doc = TYPE_DOCS[d.name];
    const head = doc ? [`/** ${doc} */`] : [];
    if (d.values) {
        return [
            ...head,
            `export const ${d.name} = {`,
            ...memberNames(d.values).map(([member, v]) => `    ${member}: ${JSON.stringify(v)},`),
            "} as const;",
            `export type ${d.name} = (typeof ${d.name})[keyof typeof ${d.name}];`,
            "",
        ];
    }
    return [...head, `export interface ${d.name} {`, ...d.fields!.flatMap(renderField), "}", ""];
}

function renderField(f: Field): string[] {
    return [`    /** ${f.doc} */`, `    ${f.name}${f.optional ? "?" : ""}: ${f.type};`];
}

/**
 * The names of an enum's members: the analyzer reads only identifier keys of an `as const`
 * object, so a value that is no identifier is spelled as one (`ack.pro.small` → `AckProSmall`,
 * `Asia-Pacific` → `AsiaPacific`, `1.4.0` → `V140`).
 */
function memberNames(values: readonly string[]): Array<[string, string]> {
    const taken = new Set<string>();
    return values.map(value => {
        let name = /^[A-Za-z_$][\w$]*$/.test(value)
            ? value
            : value
                  .split(/[^A-Za-z0-9]+/)
                  .filter(Boolean)
                  .map(pascal)
                  .join("");
        if (/^[0-9]/.test(name)) name = `V${name}`;
        while (taken.has(name)) name = `${name}_`;
        taken.add(name);
        return [name, value];
    });
}

function pascal(key: string): string {
    return key.charAt(0).toUpperCase() + key.slice(1);
}

/** The name of one item of a list or map: `Instances` → `Instance`. */
function singular(name: string): string {
    if (/ies$/.test(name)) return name.replace(/ies$/, "y");
    if (/(ss|sh|ch|x)es$/.test(name)) return name.replace(/es$/, "");
    if (/s$/.test(name) && !/ss$/.test(name)) return name.replace(/s$/, "");
    return `${name}Entry`;
}

export const ARGS_FILE = path.join(__dirname, "args.ts");

if (require.main === module) {
    const { text, missingDocs } = generateArgs();
    fs.writeFileSync(ARGS_FILE, text);
    if (missingDocs.length > 0) {
        console.error(`Add a doc to provider/docs.ts for:\n  ${missingDocs.join("\n  ")}`);
        process.exitCode = 1;
    }
}
