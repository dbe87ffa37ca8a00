import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { compareVersions, parseAsmVersion } from "../meshLocality/version";

/**
 * The full build string ASM offers for `version` (`1.22.6.66` → `v1.22.6.66-g…-aliyun`), or the
 * newest it offers when none is asked for. The provider reads the version back in the full form
 * (DescribeServiceMeshDetail `ServiceMeshInfo.Version`) and has no diff suppression, so a short
 * form would show as a change on every run and fail as an upgrade (UpgradedVersion.NotExpected).
 */
export function offeredVersion(
    version: string | undefined,
    offered: pulumi.Output<alicloud.servicemesh.GetVersionsResult>,
): pulumi.Output<string> {
    return offered.apply(found =>
        pickOfferedVersion(
            version,
            found.versions.map(v => v.version),
        ),
    );
}

/** The offered build string matching `version` (the newest when undefined); throws naming what is offered. */
export function pickOfferedVersion(version: string | undefined, offered: readonly string[]): string {
    const all = offered.filter(v => parseAsmVersion(v) !== undefined);
    if (version === undefined) {
        const newest = [...all].sort((a, b) => compareVersions(parseAsmVersion(b)!, parseAsmVersion(a)!))[0];
        if (!newest) throw new Error("ASM offers no version in this region (servicemesh.getVersions answered none).");
        return newest;
    }
    const wanted = parseAsmVersion(version)!;
    // A full build string is matched as it is, a short version by its numbers.
    const match = all.find(v =>
        version.startsWith("v") ? v === version : compareVersions(parseAsmVersion(v)!, wanted) === 0,
    );
    if (!match) {
        const choices = all.join(", ") || "none";
        throw new Error(`ASM offers no version ${version}; it offers ${choices}. Set version to one of them.`);
    }
    return match;
}
