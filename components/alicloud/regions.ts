/**
 * Alibaba Cloud region facts the components check against, taken from the tutorials and the
 * provider documentation.
 */
import { closestSpelling } from "../checks";
import { Problems } from "../errors";

/**
 * The areas a CEN bandwidth package may connect, as the provider accepts them
 * (`geographic_region_a_id`: resource_alicloud_cen_bandwidth_package.go).
 */
export const CEN_PACKAGE_AREAS = [
    "China",
    "Asia-Pacific",
    "Europe",
    "North-America",
    "Middle-East",
    "Australia",
] as const;

/** CEN geographic areas, as the bandwidth package's `geographicRegionAId`/`BId` spell them. */
export type GeographicArea =
    "China" | "Asia-Pacific" | "Europe" | "North-America" | "Middle-East" | "Australia" | "South-America";

/** Every public region id, with the CEN geographic area it belongs to. */
export const REGIONS: Readonly<Record<string, GeographicArea>> = {
    "cn-qingdao": "China",
    "cn-beijing": "China",
    "cn-zhangjiakou": "China",
    "cn-huhehaote": "China",
    "cn-wulanchabu": "China",
    "cn-hangzhou": "China",
    "cn-shanghai": "China",
    "cn-nanjing": "China",
    "cn-fuzhou": "China",
    "cn-shenzhen": "China",
    "cn-heyuan": "China",
    "cn-guangzhou": "China",
    "cn-chengdu": "China",
    "cn-wuhan-lr": "China",
    // CEN counts Hong Kong as Asia Pacific, not mainland China.
    "cn-hongkong": "Asia-Pacific",
    "ap-southeast-1": "Asia-Pacific",
    "ap-southeast-3": "Asia-Pacific",
    "ap-southeast-5": "Asia-Pacific",
    "ap-southeast-6": "Asia-Pacific",
    "ap-southeast-7": "Asia-Pacific",
    "ap-northeast-1": "Asia-Pacific",
    "ap-northeast-2": "Asia-Pacific",
    "us-east-1": "North-America",
    "us-west-1": "North-America",
    "na-south-1": "North-America",
    "eu-central-1": "Europe",
    "eu-west-1": "Europe",
    "me-east-1": "Middle-East",
    "me-central-1": "Middle-East",
};

/**
 * Regions where an ALB may use backends in another region over CEN (seed 000, "supported
 * regions" table), for the ALB's region and every backend region alike. Unconfirmed beyond the
 * seed: the cloud may have added regions since it was written; the ALB documentation was not
 * checked against it.
 */
export const CROSS_REGION_ALB_REGIONS: readonly string[] = [
    "cn-chengdu",
    "cn-qingdao",
    "cn-beijing",
    "cn-guangzhou",
    "cn-hangzhou",
    "cn-wulanchabu",
    "cn-shanghai",
    "cn-shenzhen",
    "cn-zhangjiakou",
    "cn-hongkong",
    "ap-southeast-5",
    "ap-northeast-1",
    "ap-southeast-3",
    "ap-southeast-1",
    "eu-central-1",
    "eu-west-1",
    "us-east-1",
    "us-west-1",
];

/**
 * Key of an unordered pair of regions: the two ids sorted and joined by `:`, so
 * `regionPairKey("cn-hangzhou", "cn-chengdu")` and its reverse are both `cn-chengdu:cn-hangzhou`.
 */
export function regionPairKey(a: string, b: string): string {
    return [a, b].sort().join(":");
}

/** The CEN geographic area of a known region. */
export function geographicArea(region: string): GeographicArea | undefined {
    return Object.hasOwn(REGIONS, region) ? REGIONS[region] : undefined;
}

/** Checks that `region` is a known region id; suggests the nearest spelling on a typo. */
export function checkRegion(problems: Problems, path: string, region: string): boolean {
    if (Object.hasOwn(REGIONS, region)) return true;
    const guess = closestSpelling(String(region), Object.keys(REGIONS));
    problems.add(
        path,
        `region '${region}' is not an Alibaba Cloud region id.`,
        guess ? `Did you mean '${guess}'?` : "Use a region id such as cn-hangzhou or ap-southeast-1.",
    );
    return false;
}

/**
 * The zones of each region, by letter. Compiled on 2026-12-01 from the ECS "Regions and zones"
 * list (help.aliyun.com, 地域可用区选择指南与支持列表) and checked against the zone lists of the
 * ALB, NAT Gateway, ApsaraDB for MongoDB and ECI documentation (ECI's last updated 2025-12-26).
 * Where the sources disagree the zone is kept, so that no real zone is refused: cn-chengdu-c and
 * cn-shanghai-o are listed by one source each (unconfirmed). cn-nanjing and cn-fuzhou are being
 * shut down. An account's own list: `aliyun ecs DescribeZones --RegionId <region>`.
 */
export const REGION_ZONES: Readonly<Record<string, string>> = {
    "cn-hangzhou": "befghijk",
    "cn-shanghai": "abcdefgklmno",
    "cn-beijing": "abcdefghijkl",
    "cn-chengdu": "abc",
    "cn-shenzhen": "abcdef",
    "cn-qingdao": "bc",
    "cn-zhangjiakou": "abc",
    "cn-huhehaote": "ab",
    "cn-wulanchabu": "abcd",
    "cn-guangzhou": "ab",
    "cn-heyuan": "abc",
    "cn-nanjing": "a",
    "cn-fuzhou": "a",
    "cn-wuhan-lr": "a",
    "cn-hongkong": "bcd",
    "ap-southeast-1": "abcd",
    "ap-southeast-3": "abc",
    "ap-southeast-5": "abc",
    "ap-southeast-6": "ab",
    "ap-southeast-7": "ab",
    "ap-northeast-1": "abcde",
    "ap-northeast-2": "abc",
    "us-east-1": "ab",
    "us-west-1": "ab",
    "na-south-1": "ab",
    "eu-central-1": "abc",
    "eu-west-1": "ab",
    "me-east-1": "ab",
    "me-central-1": "ab",
};

/** A zone id as Alibaba Cloud spells it: `<region>-<letter>`, or `<region><letter>` where the region id ends in a digit (ap-southeast-1a). */
function zoneOf(region: string, letter: string): string {
    return /\d$/.test(region) ? `${region}${letter}` : `${region}-${letter}`;
}

/**
 * Checks that a zone id is a zone of the region: spelled `<region>-<letter>` (cn-hangzhou-h) or
 * `<region><letter>` (ap-southeast-1a), and one of the region's zones in {@link REGION_ZONES}.
 */
export function checkZone(problems: Problems, path: string, zoneId: string, region: string): boolean {
    // Own entries only: a region named `constructor` has no zones, not Object's function.
    const zones = Object.hasOwn(REGION_ZONES, region) ? REGION_ZONES[region] : undefined;
    const real = zones === undefined ? [] : [...zones].map(letter => zoneOf(region, letter));
    const rest = String(zoneId).startsWith(region) ? String(zoneId).slice(region.length) : undefined;
    const shaped = rest !== undefined && (/\d$/.test(region) ? /^[a-z]$/ : /^-[a-z]$/).test(rest);
    const ok = shaped && (zones === undefined || real.includes(zoneId));
    if (!ok) {
        problems.add(
            path,
            `zone '${zoneId}' is not a zone of region '${region}'.`,
            real.length > 0
                ? `Use one of: ${real.join(", ")}.`
                : `Use a zone id of ${region}, such as ${zoneOf(region, "a")}.`,
        );
    }
    return ok;
}
