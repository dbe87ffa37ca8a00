/**
 * Keeps README.md honest: its examples are the files in tests/examples (which `npm run typecheck`
 * compiles), and each of them passes validation and builds under the mocks. A README block is
 * marked by `<!-- example: tests/examples/<file>.ts -->` on the line before its ```ts fence and
 * must equal {@link readmeView} of that file.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { settle, world } from "./mocks";

const repo = path.resolve(__dirname, "..");
const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");
const examplesDir = path.join(repo, "tests", "examples");

/** CI and the release checklist run these two lines; they must stay the README's first code block. */
const FIRST_BLOCK = [
    "npm ci && npm run plan -- --stack cross-region-alb   # install, then plan a stack offline",
    "npm test                                             # type-check and run every test",
].join("\n");

/**
 * What the README shows of an example file: the file without its leading `//` header (which
 * explains the import), with the source import `../../components…` spelled as users write it,
 * `pulumi-topologies…`. Nothing else may differ.
 */
export function readmeView(source: string): string {
    const lines = source.replace(/\r\n/g, "\n").split("\n");
    let start = 0;
    while (start < lines.length && lines[start].startsWith("//")) start++;
    while (start < lines.length && lines[start].trim() === "") start++;
    return lines
        .slice(start)
        .join("\n")
        .replace(
            /from "\.\.\/\.\.\/components(\/[a-z]+)?"/g,
            (_, sub: string | undefined) => `from "pulumi-topologies${sub ?? ""}"`,
        )
        .trimEnd();
}

/** Every fenced block of the README with its language and the marker line before it, if any. */
function fencedBlocks(text: string): Array<{ lang: string; body: string; marker?: string; line: number }> {
    const lines = text.replace(/\r\n/g, "\n").split("\n");
    const blocks: Array<{ lang: string; body: string; marker?: string; line: number }> = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^```(\S*)\s*$/.exec(lines[i]);
        if (!open) continue;
        const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
        assert.ok(end > i, `README.md line ${i + 1}: code block is never closed`);
        const marker = /^<!-- example: (\S+) -->$/.exec(lines[i - 1] ?? "")?.[1];
        blocks.push({ lang: open[1], body: lines.slice(i + 1, end).join("\n"), marker, line: i + 1 });
        i = end;
    }
    return blocks;
}

/** Component types each example must register: the point of the example. */
const EXPECTED_COMPONENTS: Record<string, string[]> = {
    "regionalVpc.ts": ["topologies:alicloud:RegionalVpc"],
    "cenTransitNetwork.ts": ["topologies:alicloud:CenTransitNetwork"],
    "crossRegionAlbBackend.ts": ["topologies:alicloud:CrossRegionAlbBackend"],
    "multiEipEni.ts": ["topologies:alicloud:MultiEipEni"],
    "dualStackAlb.ts": ["topologies:alicloud:DualStackAlb"],
    "meshFailover.ts": [
        "topologies:alicloud:AckCluster",
        "topologies:alicloud:ServiceMesh",
        "topologies:alicloud:Bookinfo",
        "topologies:alicloud:MeshLocalityPolicy",
    ],
    "albFargateService.ts": ["topologies:aws:AlbFargateService"],
    "albFargateProduction.ts": ["topologies:aws:AlbFargateService"],
    "albFargateServiceOnVpc.ts": ["topologies:aws:TwoTierVpc", "topologies:aws:AlbFargateService"],
};

describe("README.md", () => {
    const blocks = fencedBlocks(readme);
    const files = fs
        .readdirSync(examplesDir)
        .filter(f => f.endsWith(".ts"))
        .sort();

    it("starts with the install-and-plan and test commands as its first code block", () => {
        assert.equal(blocks[0]?.lang, "sh");
        assert.equal(blocks[0]?.body, FIRST_BLOCK);
    });

    it("embeds every example file exactly once, and only files that exist", () => {
        const embedded = blocks.filter(b => b.marker).map(b => b.marker!);
        assert.deepEqual(
            [...embedded].sort(),
            files.map(f => `tests/examples/${f}`),
        );
        assert.deepEqual(Object.keys(EXPECTED_COMPONENTS).sort(), files, "name the components each example must build");
    });

    for (const block of blocks.filter(b => b.marker)) {
        it(`shows ${block.marker} exactly as the file (line ${block.line})`, () => {
            assert.equal(block.lang, "ts", `the block after the marker for ${block.marker} must be a ts block`);
            const source = fs.readFileSync(path.join(repo, block.marker!), "utf8");
            assert.equal(
                block.body,
                readmeView(source),
                `README.md line ${block.line} differs from ${block.marker}; copy the file (without its header comment, importing "pulumi-topologies")`,
            );
        });
    }

    it("shows no example with a relative import (readers copy them as they are)", () => {
        for (const block of blocks.filter(b => b.lang === "ts"))
            assert.doesNotMatch(block.body, /from "\.\.?\//, `block at line ${block.line}`);
    });
});

describe("README examples", () => {
    for (const [file, components] of Object.entries(EXPECTED_COMPONENTS)) {
        it(`${file} passes validation and builds under the mocks`, async () => {
            world.reset();
            // A validation error would throw here, before anything is registered.
            await import(path.join(examplesDir, file));
            await settle();
            const types = new Set(world.resources.map(r => r.type));
            for (const component of components) assert.ok(types.has(component), `${file} registers no ${component}`);
        });
    }
});

describe("readmeView", () => {
    it("drops the header and maps the source import to the package name, nothing else", () => {
        const source = [
            "// header one",
            "// header two",
            "",
            'import { alicloud } from "../../components";',
            'import { RegionalVpc } from "../../components/alicloud";',
            "// a comment in the body stays",
            "const x = 1;",
            "",
        ].join("\n");
        assert.equal(
            readmeView(source),
            [
                'import { alicloud } from "pulumi-topologies";',
                'import { RegionalVpc } from "pulumi-topologies/alicloud";',
                "// a comment in the body stays",
                "const x = 1;",
            ].join("\n"),
        );
    });
});
