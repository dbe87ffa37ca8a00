/** The CEN bandwidth package resource, made from the plan's description of it (./checkBandwidth). */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { CenBandwidthPackagePlan } from "./plan";

/** A bandwidth package bought for the network, as the plan describes it. */
export function newBandwidthPackage(
    logical: string,
    pkg: CenBandwidthPackagePlan,
    opts: pulumi.CustomResourceOptions,
): alicloud.cen.BandwidthPackage {
    return new alicloud.cen.BandwidthPackage(
        logical,
        {
            bandwidth: pkg.bandwidthMbps,
            cenBandwidthPackageName: pkg.name,
            geographicRegionAId: pkg.areas[0],
            geographicRegionBId: pkg.areas[1],
            paymentType: pkg.paymentType,
            period: pkg.period,
            autoRenew: pkg.autoRenew,
        },
        opts,
    );
}
