import * as pulumi from "@pulumi/pulumi";
import { DeclaresFlows, IntendedFlow } from "../../flows";
import { newStackProvider } from "../../providers";
import { MULTI_EIP_ENI_TYPE, MultiEipEniArgs } from "./args";
import { validateMultiEipEniArgs } from "./checks";
import { siteFlows } from "./flows";
import { guestScriptOf, runGuestScript } from "./guest";
import { createEnis, createPublicAddresses } from "./resources";

/**
 * Several public IPv4 addresses on one ECS instance (seed 001): secondary ENIs in the instance's
 * vSwitch (one, or as many as the instance type needs for `publicIpCount` addresses: `eniCount`),
 * each with a primary and secondary private IPs, one EIP per private IP associated in NAT mode
 * with its ENI (not the instance), the ENIs bound to the instance, and the guest-OS script that
 * makes the instance answer from every address through the ENI it arrived on.
 *
 * Checked before anything is registered: one region for instance, VPC, ENI and EIPs; the EIP
 * quota; the instance type's ENI and private-IP-per-ENI limits and ENI hot-plug; explicit private
 * IPs inside the vSwitch, off its reserved addresses, without repeats; the EIP billing options.
 */
export class MultiEipEni extends pulumi.ComponentResource implements DeclaresFlows {
    /** The first secondary ENI's id, `eni-…`. */
    readonly networkInterfaceId: pulumi.Output<string>;
    /** Every secondary ENI's id, in their order (the order their addresses are numbered in). */
    readonly networkInterfaceIds: pulumi.Output<string[]>;
    /**
     * The ENIs' private IPs, ENI by ENI, each ENI's primary first, then its secondaries;
     * `publicIps[n]` maps to `privateIps[n]`.
     */
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
    /** Guest device name of the first ENI, e.g. `eth1`. */
    readonly device: string;
    /** Guest device names of every ENI, in their order, e.g. `["eth1", "eth2"]`. */
    readonly devices: readonly string[];
    /** Id of the Internet Shared Bandwidth instance the EIPs are in, when `eip.sharedBandwidth` is given. */
    readonly sharedBandwidthPackageId?: pulumi.Output<string>;
    /** Id of the first ENI's attachment, when `attach` is true. */
    readonly attachmentId?: pulumi.Output<string>;
    /** Ids of every ENI's attachment, in their order, when `attach` is true. */
    readonly attachmentIds?: pulumi.Output<string[]>;
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
        this.devices = plan.enis.map(e => e.device);
        this.device = this.devices[0];

        // Tutorial order: bind the ENIs first (step 1), then the EIPs (step 5).
        const enis = createEnis(plan, childOpts);
        this.networkInterfaceId = enis[0].eni.id;
        this.networkInterfaceIds = pulumi.all(enis.map(e => e.eni.id));
        this.privateIps = pulumi.all(enis.map(e => e.privateIps)).apply(ips => ips.flat());
        const attachments = enis.flatMap(e => (e.attachment ? [e.attachment] : []));
        this.attachmentId = attachments[0]?.id;
        this.attachmentIds = plan.attach ? pulumi.all(attachments.map(a => a.id)) : undefined;
        const addresses = createPublicAddresses(name, plan, enis, childOpts);
        this.eipIds = pulumi.all(addresses.eips.map(e => e.id));
        this.publicIps = pulumi.all(addresses.eips.map(e => e.ipAddress));
        this.intendedFlows = siteFlows(addresses.eips);
        const joined = addresses.packageAttachments[0];
        this.sharedBandwidthPackageId = joined ? joined.bandwidthPackageId : undefined;

        this.guestScript = guestScriptOf(plan, enis);
        // Validation refuses configureGuest without attach, so the attachments are there.
        if (plan.configureGuest && plan.attach) {
            runGuestScript(name, plan, this.guestScript, attachments, addresses, childOpts);
        }

        this.registerOutputs({
            networkInterfaceId: this.networkInterfaceId,
            networkInterfaceIds: this.networkInterfaceIds,
            privateIps: this.privateIps,
            eipIds: this.eipIds,
            publicIps: this.publicIps,
            guestScript: this.guestScript,
            attachmentId: this.attachmentId,
            attachmentIds: this.attachmentIds,
            sharedBandwidthPackageId: this.sharedBandwidthPackageId,
        });
    }
}
