/**
 * The AWS region of a component: the one it is given, else the stack's, as the default provider
 * would use. Shared by every AWS component, so a service and the VPC it creates read and check
 * the region the same way, and report it at the path of the component that takes it.
 */
import { Problems } from "../errors";
import { stackAwsRegion } from "../providers";

/** A region name: `ap-northeast-1`, `us-gov-west-1`, `us-isob-east-1`. */
const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** The region a component resolves to, and whether it is one (the check recorded a problem otherwise). */
export interface ResolvedAwsRegion {
    /** The region given, else the stack's `aws:region` (or `AWS_REGION`); empty when neither is set. */
    readonly region: string;
    /** True when `region` is a region name, so zones can be checked against it. */
    readonly valid: boolean;
}

/** Resolves a component's region (`given`, else the stack's); records a problem at `path` unless it is a region. */
export function checkAwsRegion(problems: Problems, path: string, given: string | undefined): ResolvedAwsRegion {
    const region = given ?? stackAwsRegion() ?? "";
    if (region === "") {
        problems.add(
            path,
            "no region is given, and the stack sets no aws:region.",
            "Set region (the tutorial's is ap-northeast-1), or run 'pulumi config set aws:region <region>'.",
        );
        return { region, valid: false };
    }
    if (!AWS_REGION.test(region)) {
        problems.add(path, `'${region}' is not an AWS region name.`, "Use a region such as ap-northeast-1.");
        return { region, valid: false };
    }
    return { region, valid: true };
}

/** True when `zone` names an availability zone of `region` (`ap-northeast-1c` of `ap-northeast-1`). */
export function isZoneOf(zone: string | undefined, region: string): boolean {
    return zone !== undefined && zone.length === region.length + 1 && zone.startsWith(region) && /[a-z]$/.test(zone);
}
