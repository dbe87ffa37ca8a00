/**
 * Istio localities, `region/zone/subzone`, as a locality policy's distribution takes them: read,
 * checked against the mesh (its regions, and the zones its clusters' nodes are in), tested for
 * the overlaps Istio refuses, and written as the DestinationRule takes them. The rules are Istio's
 * (istio/istio pkg/config/validation, `ValidateLocalityLbSetting` and `validateLocalities`):
 * a locality has no empty part ("must not contain empty region/zone/subzone info"), at most one
 * `*` and only at its end, and the `from` localities, like the localities of one `to`, must not
 * overlap ("overlap with previous specified ones"). Alibaba Cloud nodes carry their region and
 * zone ids as `topology.kubernetes.io/region` and `/zone`, which Istio reads as the locality (Istio,
 * "Locality Load Balancing"); a subzone is the `topology.istio.io/subzone` label of your own.
 */
import { Problems } from "../../errors";
import { isLabelValue } from "../istio/names";
import { checkZone } from "../regions";
import type { LocalityMesh } from "./args";

/** A locality read from its text: a region, optionally a zone of it, optionally a subzone. */
export interface Locality {
    readonly region: string;
    /** Undefined: every zone of the region. */
    readonly zone?: string;
    /** Undefined: every subzone of the zone. */
    readonly subzone?: string;
}

/** How a region is checked: the caller's (a region of the mesh); false when it recorded a problem. */
export type RegionCheck = (problems: Problems, path: string, region: string) => boolean;

/**
 * Reads and checks a locality written as `region`, `region/*`, `region/zone`, `region/zone/*` or
 * `region/zone/subzone`: the region by `checkRegion`, the zone a zone of that region and, when the
 * mesh knows its clusters' zones, one of them; the subzone a Kubernetes label value. Undefined
 * when it recorded a problem.
 */
export function checkLocality(
    problems: Problems,
    path: string,
    text: string,
    mesh: LocalityMesh,
    checkRegion: RegionCheck,
): Locality | undefined {
    const parts = text.split("/");
    const stars = parts.filter(p => p.includes("*"));
    if (parts.length > 3) {
        problems.add(
            path,
            `'${text}' has ${parts.length} parts; an Istio locality is region/zone/subzone.`,
            "Write a region, region/zone or region/zone/subzone, e.g. cn-hangzhou/cn-hangzhou-h.",
        );
        return undefined;
    }
    if (parts.some(p => p === "")) {
        problems.add(
            path,
            `'${text}' has an empty part (Istio: "must not contain empty region/zone/subzone info").`,
            "Write a region, region/zone or region/zone/subzone, e.g. cn-hangzhou/cn-hangzhou-h.",
        );
        return undefined;
    }
    if (stars.length > 0 && (stars.length > 1 || parts.at(-1) !== "*" || parts.length === 1)) {
        problems.add(
            path,
            `'${text}' puts '*' where Istio does not take it: once, as the whole last part after a region or zone ` +
                `(Istio: "wildcard '*' number can not exceed 1 and must be in the end").`,
            "Write region/* for every zone of a region, region/zone/* for every subzone of a zone, or leave the * out.",
        );
        return undefined;
    }
    const [region, zone, subzone] = parts.map(p => (p === "*" ? undefined : p));
    if (!checkRegion(problems, path, region!)) return undefined;
    if (zone !== undefined) {
        if (!checkZone(problems, path, zone, region!)) return undefined;
        const known = mesh.zones?.[region!];
        if (known !== undefined && !known.includes(zone)) {
            problems.add(
                path,
                `zone '${zone}' has no node of the mesh's clusters (their zones in ${region}: ${known.join(", ")}).`,
                `Name a zone the clusters' nodes are in, or the whole region (${region}).`,
            );
            return undefined;
        }
    }
    if (subzone !== undefined && !isLabelValue(subzone)) {
        problems.add(
            path,
            `subzone '${subzone}' is not a Kubernetes label value (Istio reads it from the topology.istio.io/subzone label).`,
            "Use letters, digits, '-', '_' and '.', at most 63, starting and ending with a letter or digit.",
        );
        return undefined;
    }
    return { region: region!, ...(zone !== undefined && { zone }), ...(subzone !== undefined && { subzone }) };
}

/** The locality as the DestinationRule takes it: what is left open is a trailing `*` (`cn-hangzhou/*`). */
export function renderLocality({ region, zone, subzone }: Locality): string {
    if (zone === undefined) return `${region}/*`;
    if (subzone === undefined) return `${region}/${zone}/*`;
    return `${region}/${zone}/${subzone}`;
}

/** Whether one locality contains the other (a region its zones, a zone its subzones), or they are the same. */
function overlaps(a: Locality, b: Locality): boolean {
    const as = [a.region, a.zone, a.subzone];
    const bs = [b.region, b.zone, b.subzone];
    return as.every((part, i) => part === undefined || bs[i] === undefined || part === bs[i]);
}

/**
 * Refuses localities of one list that overlap, as Istio does ("overlap with previous specified
 * ones"): the same locality twice, or a region with one of its zones. Reported at the later one.
 */
export function checkNoOverlap(
    problems: Problems,
    localities: ReadonlyArray<{ path: string; text: string; locality: Locality }>,
    what: string,
): void {
    localities.forEach((l, i) => {
        const earlier = localities.slice(0, i).find(e => overlaps(e.locality, l.locality));
        if (!earlier) return;
        problems.add(
            l.path,
            `${what} '${l.text}' overlaps '${earlier.text}' (at ${earlier.path}); Istio refuses overlapping localities.`,
            "Name each locality once, and a region or its zones, not both.",
        );
    });
}
