/**
 * How the EIPs of a {@link MultiEipEni} are bought: billing and metering combinations the API
 * accepts, bandwidth limits, the line type and where it is sold, subscription terms, and the
 * names the EIPs get. Pure: it registers nothing.
 */
import { checkIntegerInRange } from "../../checks";
import { Problems } from "../../errors";
import { checkAlibabaName } from "../names";
import { BGP_PRO_REGIONS, EIP_ASSOCIATION_MODES, MultiEipEniArgs, MultiEipEniEipPlan } from "./args";
import { checkSharedBandwidth } from "./sharedBandwidthChecks";

/**
 * Why the association modes other than NAT do not fit this component (provider `mode`: NAT,
 * MULTI_BINDED, BINDED, resource_alicloud_eip_association.go), from "Associate an EIP with a
 * secondary ENI" and "Associate EIPs with secondary ENIs in multi-EIP-to-ENI mode" (Elastic IP
 * Address documentation): both modes need the secondary ENI unbound from any instance while the EIP
 * is associated (the component binds it first, as the tutorial does); cut-through replaces the ENI's
 * private IP by its one EIP (one EIP per ENI); multi-EIP-to-ENI puts the EIPs themselves on the ENI
 * (no private IP per EIP, so the guest script's policy routing does not apply) and Alibaba Cloud no
 * longer grants it to new accounts.
 */
const REFUSED_MODES: Readonly<Record<Exclude<(typeof EIP_ASSOCIATION_MODES)[number], "NAT">, string>> = {
    BINDED:
        "cut-through mode (BINDED) gives a secondary ENI one EIP that replaces its private IP, and needs " +
        "the ENI unbound from the instance while it is associated; this component maps one EIP to each of " +
        "several private IPs of an ENI bound to the instance",
    MULTI_BINDED:
        "multi-EIP-to-ENI mode (MULTI_BINDED) puts the EIPs on the ENI itself instead of mapping each to a " +
        "private IP, needs the ENI unbound from the instance while they are associated, and Alibaba Cloud no " +
        "longer grants it to new accounts",
};

function checkMode(problems: Problems, mode: (typeof EIP_ASSOCIATION_MODES)[number]): void {
    if (mode === "NAT") return;
    const why = REFUSED_MODES[mode];
    problems.add(
        "eip.mode",
        `${why}.`,
        'Use mode "NAT" (the default). To see the public addresses in the guest, Alibaba Cloud suggests a ' +
            "secondary CIDR block of the VPC made of the EIPs instead.",
    );
}

/** Subscription terms: the longest of each pricing cycle (provider `period`: 1–9 months or 1–5 years). */
const MAX_PERIOD = { Month: 9, Year: 5 } as const;

/**
 * Peak bandwidth limits in Mbit/s (provider `bandwidth`): 1–500 pay-by-bandwidth, 1–200
 * pay-by-traffic, 1–1000 subscription.
 */
function maxBandwidth(subscription: boolean, charge: string): number {
    if (subscription) return 1000;
    return charge === "PayByBandwidth" ? 500 : 200;
}

/**
 * Checks the EIP options (their enumerations are the shape's) and returns how the `count` EIPs
 * are bought, every default resolved; undefined for a subscription without a period (a problem).
 */
export function checkEip(
    problems: Problems,
    args: MultiEipEniArgs,
    name: string,
    count: number,
    countPath: string,
    regionOk: boolean,
): MultiEipEniEipPlan | undefined {
    const eip = args.eip ?? {};
    const paymentType = eip.paymentType ?? "PayAsYouGo";
    const internetChargeType = eip.internetChargeType ?? "PayByBandwidth";
    const bandwidth = eip.bandwidth ?? 5;
    const isp = eip.isp ?? "BGP";
    const subscription = paymentType === "Subscription";
    if (subscription && internetChargeType !== "PayByBandwidth") {
        problems.add(
            "eip.internetChargeType",
            "a subscription EIP is metered PayByBandwidth only.",
            'Set internetChargeType: "PayByBandwidth".',
        );
    }
    checkIntegerInRange(
        problems,
        "eip.bandwidth",
        bandwidth,
        1,
        maxBandwidth(subscription, internetChargeType),
        `${paymentType} ${internetChargeType} EIP bandwidth (Mbit/s)`,
    );
    if (isp === "BGP_PRO" && regionOk && !BGP_PRO_REGIONS.includes(args.instance.region)) {
        problems.add(
            "eip.isp",
            `the BGP (Multi-ISP) Pro line is not sold in ${args.instance.region}.`,
            `Use BGP, or a region of: ${BGP_PRO_REGIONS.join(", ")}.`,
        );
    }
    checkMode(problems, eip.mode ?? "NAT");
    const sharedBandwidth = checkSharedBandwidth(problems, eip.sharedBandwidth, { count, countPath, paymentType, isp });
    const common = {
        mode: "NAT" as const,
        internetChargeType,
        bandwidth,
        isp,
        deletionProtection: eip.deletionProtection ?? false,
        resourceGroupId: eip.resourceGroupId,
    };
    if (subscription) {
        const pricingCycle = eip.pricingCycle ?? "Month";
        const max = MAX_PERIOD[pricingCycle];
        const unit = `${pricingCycle.toLowerCase()}s`;
        if (eip.period === undefined) {
            problems.add("eip.period", "a subscription EIP needs a period.", `Set period: 1–${max} (${unit}).`);
        } else {
            checkIntegerInRange(problems, "eip.period", eip.period, 1, max, `subscription period in ${unit}`);
        }
        if (eip.addressNamePrefix !== undefined) {
            problems.add(
                "eip.addressNamePrefix",
                "subscription EIPs cannot be named.",
                "Drop addressNamePrefix, or buy pay-as-you-go EIPs.",
            );
        }
        return eip.period === undefined
            ? undefined
            : { ...common, paymentType: "Subscription", pricingCycle, period: eip.period };
    }
    for (const field of ["period", "pricingCycle"] as const) {
        if (eip[field] !== undefined) {
            problems.add(
                `eip.${field}`,
                `${field} applies to subscription EIPs only and paymentType is ${paymentType}.`,
                `Drop ${field}, or set paymentType: "Subscription".`,
            );
        }
    }
    const addressNamePrefix = eip.addressNamePrefix ?? name;
    // The EIPs are named <prefix>-1 … <prefix>-<count>: the last is the longest, with the same characters.
    checkAlibabaName(
        problems,
        "eip.addressNamePrefix",
        `${addressNamePrefix}-${count}`,
        "eip",
        "EIP",
        `EIP names are '<addressNamePrefix>-<n>' (the prefix defaults to the component's name): ` +
            `pass an addressNamePrefix that starts with a letter, of at most ${127 - String(count).length} characters.`,
    );
    if (eip.sharedBandwidth !== undefined && !sharedBandwidth) return undefined;
    return { ...common, paymentType: "PayAsYouGo", addressNamePrefix, ...(sharedBandwidth && { sharedBandwidth }) };
}
