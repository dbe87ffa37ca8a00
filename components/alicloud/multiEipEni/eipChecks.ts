/**
 * How the EIPs of a {@link MultiEipEni} are bought: billing and metering combinations the API
 * accepts, bandwidth limits, the line type and where it is sold, subscription terms, and the
 * names the EIPs get. Pure: it registers nothing.
 */
import { checkIntegerInRange, checkOneOf } from "../../checks";
import { Problems } from "../../errors";
import { checkAlibabaName } from "../names";
import {
    BGP_PRO_REGIONS, EIP_INTERNET_CHARGE_TYPES, EIP_ISPS, EIP_PAYMENT_TYPES, MultiEipEniArgs, MultiEipEniEipPlan,
} from "./args";

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

/** Checks the EIP options and returns how the `count` EIPs are bought, every default resolved. */
export function checkEip(problems: Problems, args: MultiEipEniArgs, name: string, count: number, regionOk: boolean):
    MultiEipEniEipPlan {
    const eip = args.eip ?? {};
    const paymentType = eip.paymentType ?? "PayAsYouGo";
    const internetChargeType = eip.internetChargeType ?? "PayByBandwidth";
    const bandwidth = eip.bandwidth ?? 5;
    const isp = eip.isp ?? "BGP";
    const paymentOk = checkOneOf(problems, "eip.paymentType", paymentType, EIP_PAYMENT_TYPES, "EIP payment type");
    const chargeOk = checkOneOf(problems, "eip.internetChargeType", internetChargeType, EIP_INTERNET_CHARGE_TYPES,
        "EIP internet charge type");
    const subscription = paymentType === "Subscription";
    if (paymentOk && chargeOk) {
        if (subscription && internetChargeType !== "PayByBandwidth") {
            problems.add("eip.internetChargeType", "a subscription EIP is metered PayByBandwidth only.",
                "Set internetChargeType: \"PayByBandwidth\".");
        }
        checkIntegerInRange(problems, "eip.bandwidth", bandwidth, 1, maxBandwidth(subscription, internetChargeType),
            `${paymentType} ${internetChargeType} EIP bandwidth (Mbit/s)`);
    }
    const ispOk = checkOneOf(problems, "eip.isp", isp, EIP_ISPS, "EIP line type");
    if (ispOk && isp === "BGP_PRO" && regionOk && !BGP_PRO_REGIONS.includes(args.instance.region)) {
        problems.add("eip.isp", `the BGP (Multi-ISP) Pro line is not sold in ${args.instance.region}.`,
            `Use BGP, or a region of: ${BGP_PRO_REGIONS.join(", ")}.`);
    }
    const common = {
        internetChargeType, bandwidth, isp,
        deletionProtection: eip.deletionProtection ?? false,
        resourceGroupId: eip.resourceGroupId,
    };
    if (subscription) {
        const pricingCycle = eip.pricingCycle ?? "Month";
        if (checkOneOf(problems, "eip.pricingCycle", pricingCycle, ["Month", "Year"], "pricing cycle")) {
            const max = MAX_PERIOD[pricingCycle];
            const unit = `${pricingCycle.toLowerCase()}s`;
            if (eip.period === undefined) {
                problems.add("eip.period", "a subscription EIP needs a period.", `Set period: 1–${max} (${unit}).`);
            } else {
                checkIntegerInRange(problems, "eip.period", eip.period, 1, max, `subscription period in ${unit}`);
            }
        }
        if (eip.addressNamePrefix !== undefined) {
            problems.add("eip.addressNamePrefix", "subscription EIPs cannot be named.",
                "Drop addressNamePrefix, or buy pay-as-you-go EIPs.");
        }
        // A missing period is reported above; a plan with problems is never used.
        return { ...common, paymentType: "Subscription", pricingCycle, period: eip.period ?? 0 };
    }
    for (const field of ["period", "pricingCycle"] as const) {
        if (eip[field] !== undefined) {
            problems.add(`eip.${field}`,
                `${field} applies to subscription EIPs only and paymentType is ${paymentType}.`,
                `Drop ${field}, or set paymentType: "Subscription".`);
        }
    }
    const addressNamePrefix = eip.addressNamePrefix ?? name;
    // The EIPs are named <prefix>-1 … <prefix>-<count>: the last is the longest, with the same characters.
    checkAlibabaName(problems, "eip.addressNamePrefix", `${addressNamePrefix}-${count}`, "eip", "EIP",
        `EIP names are '<addressNamePrefix>-<n>' (the prefix defaults to the component's name): ` +
        `pass an addressNamePrefix that starts with a letter, of at most ${127 - String(count).length} characters.`);
    return { ...common, paymentType: "PayAsYouGo", addressNamePrefix };
}
