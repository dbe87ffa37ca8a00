/**
 * The Internet Shared Bandwidth instance (common bandwidth package) a {@link MultiEipEni}'s EIPs
 * may join: which EIPs may join, the package's bandwidth, metering and commitment, and how many
 * EIPs one package holds. Pure: it registers nothing.
 *
 * Sources: AddCommonBandwidthPackageIps (Alibaba Cloud API reference, Internet Shared Bandwidth):
 * an EIP joins only if it is pay-as-you-go, in the package's region and of the package's line
 * type. Internet Shared Bandwidth "Limits" page: 100 EIPs per package by default, raised in Quota
 * Center. "Associate EIPs with an Internet Shared Bandwidth instance": once in the package the
 * EIP's own maximum bandwidth and metering no longer apply, its configuration fee stays.
 *
 * Unconfirmed: the bandwidth range (the installed provider quotes the API's 1–1000 Mbit/s, ROS's
 * ALIYUN::VPC::CommonBandwidthPackage says 2–5000; the provider's range is used); where
 * `PayByDominantTraffic` is sold (neither source says, so it is not refused anywhere); and, for an
 * existing package (`packageId`), its region, line type and free EIP slots, which only the cloud
 * knows: it refuses the attachment when they do not fit.
 */
import { checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { EIP_ISPS, MultiEipEniSharedBandwidthArgs, SharedBandwidthPlan } from "./args";

/** Peak bandwidth of a package, Mbit/s (CreateCommonBandwidthPackage `Bandwidth`, as commonBandwithPackage.d.ts quotes it). */
const MAX_SHARED_BANDWIDTH = 1000;
/** EIPs per package unless the quota was raised (Internet Shared Bandwidth "Limits"). */
const DEFAULT_PACKAGE_EIP_QUOTA = 100;
/** The only commitment `PayBy95` takes, percent (commonBandwithPackage.d.ts `ratio`: "The value is only `20`"). */
const PAY_BY_95_RATIO = 20;

/** What the package checks need to know of the EIPs. */
export interface SharedBandwidthDemand {
    readonly count: number;
    /** The input that sets the count, for a problem about it. */
    readonly countPath: string;
    readonly paymentType: string;
    readonly isp: (typeof EIP_ISPS)[number];
}

/**
 * Checks `eip.sharedBandwidth` (its form is the shape's) and returns the package the EIPs join,
 * every default resolved; undefined when none is asked for or a problem was recorded.
 */
export function checkSharedBandwidth(
    problems: Problems,
    shared: MultiEipEniSharedBandwidthArgs | undefined,
    demand: SharedBandwidthDemand,
): SharedBandwidthPlan | undefined {
    if (shared === undefined) return undefined;
    const before = problems.count;
    if (demand.paymentType !== "PayAsYouGo") {
        // AddCommonBandwidthPackageIps: "The EIPs use the pay-as-you-go billing method."
        problems.add(
            "eip.sharedBandwidth",
            `only pay-as-you-go EIPs join an Internet Shared Bandwidth instance, and paymentType is ${demand.paymentType}.`,
            'Drop paymentType (or set "PayAsYouGo"), or drop sharedBandwidth.',
        );
    }
    if ("packageId" in shared) {
        // The package's region, line and free slots are the cloud's to check (see the header).
        return problems.count > before ? undefined : { kind: "existing", packageId: shared.packageId };
    }
    checkIntegerInRange(
        problems,
        "eip.sharedBandwidth.bandwidth",
        shared.bandwidth,
        1,
        MAX_SHARED_BANDWIDTH,
        "Internet Shared Bandwidth (Mbit/s)",
    );
    const internetChargeType = shared.internetChargeType ?? "PayByBandwidth";
    let ratio: number | undefined;
    if (internetChargeType === "PayBy95") {
        ratio = shared.ratio ?? PAY_BY_95_RATIO;
        if (ratio !== PAY_BY_95_RATIO) {
            problems.add(
                "eip.sharedBandwidth.ratio",
                `a PayBy95 package takes a minimum commitment of ${PAY_BY_95_RATIO} percent only, not ${ratio}.`,
                `Drop ratio (it defaults to ${PAY_BY_95_RATIO}), or set ratio: ${PAY_BY_95_RATIO}.`,
            );
        }
    } else if (shared.ratio !== undefined) {
        problems.add(
            "eip.sharedBandwidth.ratio",
            `ratio is the minimum commitment of PayBy95 packages, and internetChargeType is ${internetChargeType}.`,
            'Drop ratio, or set internetChargeType: "PayBy95".',
        );
    }
    const quota = shared.eipQuota ?? DEFAULT_PACKAGE_EIP_QUOTA;
    if (demand.count > quota) {
        problems.add(
            demand.countPath,
            `${demand.count} EIPs exceed the ${quota} one Internet Shared Bandwidth instance may hold.`,
            "Use fewer addresses, or raise the package's EIP quota in Quota Center and pass eip.sharedBandwidth.eipQuota.",
        );
    }
    if (problems.count > before) return undefined;
    // The package is bought on the EIPs' own line, so the line types match (AddCommonBandwidthPackageIps).
    return { kind: "new", bandwidth: shared.bandwidth, internetChargeType, ratio, isp: demand.isp };
}
