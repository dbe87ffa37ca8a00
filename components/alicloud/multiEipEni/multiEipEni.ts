import * as pulumi from "@pulumi/pulumi";
import { DeclaresFlows, IntendedFlow } from "../../flows";
import { newStackProvider } from "../../providers";
import { MULTI_EIP_ENI_TYPE, MultiEipEniArgs } from "./args";
import { validateMultiEipEniArgs } from "./checks";
import { siteFlows } from "./flows";
import { guestScriptOf, runGuestScript } from "./guest";
import { attachEni, createEni, createPublicAddresses, privateIpsOf } from "./resources";

/**
 * Several public IPv4 addresses on one ECS instance (seed 001): a secondary ENI in the
 * instance's vSwitch with one primary and `publicIpCount - 1` secondary private IPs, one EIP per
 * private IP associated in NAT mode with the ENI (not the instance), the ENI bound to the
 * instance, and the guest-OS script that makes the instance answer from every address.
 *
 * Checked before anything is registered: one region for instance, VPC, ENI and EIPs; the EIP
 * quota; the instance type's ENI and private-IP-per-ENI limits and ENI hot-plug; explicit private
 * IPs inside the vSwitch, off its reserved addresses, without repeats; the EIP billing options.
 */
export class MultiEipEni extends pulumi.ComponentResource implements DeclaresFlows {
    /** The secondary ENI's id, `eni-…`. */
    readonly networkInterfaceId: pulumi.Output<string>;
    /** The ENI's private IPs: its primary first, then the secondaries; `publicIps[n]` maps to `privateIps[n]`. */
    readonly privateIps: pulumi.Output<string[]>;
    /** EIP allocation ids, in the order of `privateIps`. */
    readonly eipIds: pulumi.Output<string[]>;
    /** EIP addresses, in the order of `privateIps`. */
    readonly publicIps: pulumi.Output<string[]>;
    /**
     * Bash script for the guest OS (`guestOs`): the secondary addresses and the policy routing,
     * kept across reboots (tutorial steps 4 and 6).
     */
    readonly guestScript: pulumi.Output<string>;
    /** The vSwitch gateway the guest routes through (its x.253 address). */
    readonly gateway: string;
    /** Netmask of the vSwitch block, for the ifcfg aliases. */
    readonly netmask: string;
    /** Guest device name of the ENI, e.g. `eth1`. */
    readonly device: string;
    /** Id of the Internet Shared Bandwidth instance the EIPs are in, when `eip.sharedBandwidth` is given. */
    readonly sharedBandwidthPackageId?: pulumi.Output<string>;
    /** Id of the ENI attachment, when `attach` is true. */
    readonly attachmentId?: pulumi.Output<string>;
    /** The traffic it exists for: the internet to each EIP, translated to its private IP on the ENI (HTTP). */
    readonly intendedFlows: readonly IntendedFlow[];

    constructor(name: string, args: MultiEipEniArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = validateMultiEipEniArgs(name, args, opts);
        super(MULTI_EIP_ENI_TYPE, name, {}, opts);
        const provider =
            plan.provider ??
            newStackProvider("alicloud", `${name}-provider`, { region: plan.region }, { parent: this });
        const childOpts = { parent: this, provider };
        this.gateway = plan.vSwitch.gateway;
        this.netmask = plan.vSwitch.netmask;
        this.device = plan.device;

        // Tutorial order: bind the ENI first (step 1), then the EIPs (step 5).
        const eni = createEni(name, plan, childOpts);
        this.networkInterfaceId = eni.id;
        this.privateIps = privateIpsOf(plan, eni);
        const attachment = plan.attach ? attachEni(name, plan, eni, childOpts) : undefined;
        this.attachmentId = attachment?.id;
        const addresses = createPublicAddresses(name, plan, eni, this.privateIps, attachment, childOpts);
        this.eipIds = pulumi.all(addresses.eips.map(e => e.id));
        this.publicIps = pulumi.all(addresses.eips.map(e => e.ipAddress));
        this.intendedFlows = siteFlows(addresses.eips);
        const joined = addresses.packageAttachments[0];
        this.sharedBandwidthPackageId = joined ? joined.bandwidthPackageId : undefined;

        this.guestScript = guestScriptOf(plan, this.privateIps);
        // Validation refuses configureGuest without attach, so the attachment is there.
        if (plan.configureGuest && attachment) {
            runGuestScript(name, plan, this.guestScript, attachment, addresses, childOpts);
        }

        this.registerOutputs({
            networkInterfaceId: this.networkInterfaceId,
            privateIps: this.privateIps,
            eipIds: this.eipIds,
            publicIps: this.publicIps,
            guestScript: this.guestScript,
            attachmentId: this.attachmentId,
            sharedBandwidthPackageId: this.sharedBandwidthPackageId,
        });
    }
}
