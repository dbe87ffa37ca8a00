/**
 * The package's declared public API: one API Extractor report per entry point of package.json
 * `exports` ("." → api/pulumi-topologies.api.md, "./alicloud" → api/pulumi-topologies-alicloud.api.md,
 * …), generated from the compiled declarations and committed, so that every change of the public
 * surface shows in review. tests/api.spec.ts fails when a committed report is stale.
 *
 * Regenerate them with `npm run api-report` (this file run as a script), or `UPDATE_API_REPORT=1 npm test`.
 *
 * Internals: a declaration whose TSDoc carries `@internal` is left out of the report (it is the
 * "public" variant) and out of the published .d.ts (`stripInternal` in tsconfig.build.json). A
 * public signature that names an internal type fails the report (ae-incompatible-release-tags):
 * the published declarations would name a type they no longer contain. So the report reads the
 * declarations with the internals still in them, as `npm run typecheck` emits them.
 *
 * Speed: API Extractor reads a copy of the declarations outside the repository, where `@pulumi/*`
 * and the other dependencies do not resolve. It then records them as the external imports they
 * are instead of parsing the providers' 1.5 million lines of typings: the same report, for a
 * quarter of the CPU time (under 3 s).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    CompilerState,
    Extractor,
    ExtractorConfig,
    ExtractorLogLevel,
    ExtractorMessage,
    IConfigFile,
} from "@microsoft/api-extractor";
import { compiledPackage } from "./build";

const repo = path.resolve(__dirname, "..", "..");
/** Where the committed reports live. */
export const API_DIR = path.join(repo, "api");

/** An entry point: its report's file name, the import path users write, and its declarations file. */
export interface EntryPoint {
    readonly report: string;
    readonly importPath: string;
    /** The entry's .d.ts, relative to the package's dist/ (`components/index.d.ts`). */
    readonly declarations: string;
}

/** The entry points package.json `exports` declares, with their types. */
export function entryPoints(packageJson = path.join(repo, "package.json")): EntryPoint[] {
    const pkg = JSON.parse(fs.readFileSync(packageJson, "utf8")) as { name: string; exports: Record<string, unknown> };
    return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
        const types = typeof target === "object" && target !== null ? (target as { types?: string }).types : undefined;
        if (!types) return []; // "./package.json"
        const sub = subpath === "." ? "" : subpath.slice(2);
        return [
            {
                report: `${pkg.name}${sub ? `-${sub}` : ""}.api.md`,
                importPath: `${pkg.name}${sub ? `/${sub}` : ""}`,
                declarations: path.relative("dist", types),
            },
        ];
    });
}

/** The routing of API Extractor's findings: into the report what a reviewer should see, errors for what must not ship. */
const MESSAGES: IConfigFile["messages"] = {
    // The dependencies do not resolve on purpose (see the header): the compiler's complaints about them are expected.
    compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        // A public signature naming an @internal type: the published declarations would not contain it.
        "ae-incompatible-release-tags": { logLevel: ExtractorLogLevel.Error, addToApiReportFile: false },
        // Untagged declarations are public; only @internal is used.
        "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
        "ae-internal-missing-underscore": { logLevel: ExtractorLogLevel.None },
        // Documentation findings, not the API's shape: they would churn the report on every comment.
        "ae-undocumented": { logLevel: ExtractorLogLevel.None },
        "ae-unresolved-link": { logLevel: ExtractorLogLevel.None },
    },
    tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
};

/** What API Extractor made of the entry points: their reports by file name, and the findings that must not ship. */
export interface ApiReports {
    readonly reports: Map<string, string>;
    readonly errors: string[];
}

/**
 * API Extractor's settings for one entry point of the declarations copied to `input`; every
 * entry point's file is in the program, so that one compiler state serves them all.
 */
function extractorConfig(input: string, work: string, entry: EntryPoint, entryFiles: string[]): ExtractorConfig {
    const compilerOptions = {
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node",
        lib: ["ES2022"],
        types: [],
    };
    return ExtractorConfig.prepare({
        configObject: {
            projectFolder: input,
            mainEntryPointFilePath: path.join(input, entry.declarations),
            compiler: { overrideTsconfig: { compilerOptions, files: entryFiles } },
            apiReport: {
                enabled: true,
                reportFileName: entry.report,
                reportVariants: ["public"],
                reportFolder: path.join(work, "report"),
                reportTempFolder: path.join(work, "temp"),
            },
            docModel: { enabled: false },
            dtsRollup: { enabled: false },
            tsdocMetadata: { enabled: false },
            messages: MESSAGES,
        },
        configObjectFullPath: path.join(input, "api-extractor.json"),
        packageJsonFullPath: path.join(input, "package.json"),
    });
}

/**
 * Rewrites the declarations' imports of the package's SDK modules (components/sdk/<package>,
 * which import the SDK's parts by subpath to spare a consumer's compiler the SDK's other
 * services) as imports of the SDK package itself. API Extractor would otherwise report each
 * subpath and name the local namespace a forgotten export; the types are the same classes
 * either way (the SDK's root re-exports those modules), so the report reads `aws.ec2.Vpc` from
 * `@pulumi/aws`, as a consumer does.
 */
function importSdksByPackage(dir: string): void {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
        const file = path.join(entry.parentPath, entry.name);
        const text = fs.readFileSync(file, "utf8");
        const rewritten = text.replace(
            /from "(?:\.\.?\/)+(?:components\/)?sdk\/(aws|alicloud|kubernetes)"/g,
            'from "@pulumi/$1"',
        );
        if (rewritten !== text) fs.writeFileSync(file, rewritten);
    }
}

/** The reports of `entries` from the compiled declarations in `dist` (a directory with the layout of the package's dist/). */
export function apiReports(
    dist: string,
    entries: readonly EntryPoint[],
    packageJson = path.join(repo, "package.json"),
): ApiReports {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-api-"));
    try {
        const input = path.join(work, "dist");
        fs.cpSync(dist, input, { recursive: true, filter: file => !file.endsWith(".js") && !file.endsWith(".map") });
        importSdksByPackage(input);
        // Beside the declarations, so that the report names their files relative to the package.
        fs.copyFileSync(packageJson, path.join(input, "package.json"));
        fs.mkdirSync(path.join(work, "report"));
        const entryFiles = entries.map(entry => path.join(input, entry.declarations));
        let state: CompilerState | undefined;
        const reports = new Map<string, string>();
        const errors: string[] = [];
        for (const entry of entries) {
            const config = extractorConfig(input, work, entry, entryFiles);
            state ??= CompilerState.create(config, { additionalEntryPoints: entryFiles });
            Extractor.invoke(config, {
                localBuild: true,
                compilerState: state,
                messageCallback: (message: ExtractorMessage) => {
                    if (message.logLevel === ExtractorLogLevel.Error) {
                        errors.push(`${entry.importPath}: ${message.formatMessageWithoutLocation()}`);
                    }
                    message.handled = true;
                },
            });
            const written = path.join(work, "temp", entry.report.replace(/\.api\.md$/, ".public.api.md"));
            reports.set(entry.report, readable(fs.readFileSync(written, "utf8"), entry.importPath));
        }
        return { reports, errors };
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

/**
 * The report as committed: titled with the entry's import path, and with the warnings' line
 * numbers dropped (a line added above a declaration must not change the report).
 */
function readable(report: string, importPath: string): string {
    return report
        .replace(/^## .*API Report File for ".*"$/m, `## API Report File for "${importPath}"`)
        .replace(/^(\/\/ \S+\.d\.ts):\d+:\d+ - /gm, "$1 - ");
}

/** The reports of this package's entry points, from its current build. Throws on a finding that must not ship. */
export function currentApiReports(): Map<string, string> {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "topologies-api-dist-"));
    try {
        compiledPackage(dist);
        const { reports, errors } = apiReports(dist, entryPoints());
        if (errors.length > 0) throw new Error(`API Extractor refuses the public API:\n  ${errors.join("\n  ")}`);
        return reports;
    } finally {
        fs.rmSync(dist, { recursive: true, force: true });
    }
}

/** Writes the reports to api/, removing reports of entry points that are gone. */
export function writeApiReports(reports: ReadonlyMap<string, string>): void {
    fs.mkdirSync(API_DIR, { recursive: true });
    for (const file of fs.readdirSync(API_DIR)) {
        if (file.endsWith(".api.md") && !reports.has(file)) fs.rmSync(path.join(API_DIR, file));
    }
    for (const [file, text] of reports) fs.writeFileSync(path.join(API_DIR, file), text);
}

if (require.main === module) {
    writeApiReports(currentApiReports());
    process.stdout.write(
        `wrote the API reports to ${path.relative(process.cwd(), API_DIR)}/; review and commit them.\n`,
    );
}
