/**
 * The cloud side of a {@link MultiEipEni}: the secondary ENI with its private IPs, its binding to
 * the instance, and one EIP per private IP associated with it in NAT mode, created from the
 * validated plan in the tutorial's order.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { parseIp } from "../../net";
import { MultiEipEniEniPlan, MultiEipEniPlan } from "./args";

/** Options of every child: the component as parent, the region's provider. */
export interface ChildOptions {
    readonly parent: pulumi.Resource;
    readonly provider: alicloud.Provider;
}

/** Sorts addresses by value, so an order read back from the cloud is the same on every read. */
export function sortAddresses(ips: readonly string[]): string[] {
    return [...ips].sort((a, b) => {
        const x = parseIp(a).value;
        const y = parseIp(b).value;
        return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** A secondary ENI of the plan and what the component made of it. */
export interface PlacedEni {
    readonly plan: MultiEipEniEniPlan;
    readonly eni: alicloud.ecs.EcsNetworkInterface;
    /** Its private IPs, primary first (see {@link privateIpsOf}). */
    readonly privateIps: pulumi.Output<string[]>;
    /** Its binding to the instance, when `attach`. */
    readonly attachment?: alicloud.ecs.EcsNetworkInterfaceAttachment;
}

/** A secondary ENI in the vSwitch, with its explicit private IPs or as many as the vSwitch picks. */
export function createEni(
    plan: MultiEipEniPlan,
    eni: MultiEipEniEniPlan,
    opts: ChildOptions,
): alicloud.ecs.EcsNetworkInterface {
    const explicit = eni.privateIps;
    return new alicloud.ecs.EcsNetworkInterface(
        eni.resourceName,
        {
            networkInterfaceName: eni.eniName,
            description: `Secondary ENI with ${eni.count} public addresses in NAT mode`,
            vswitchId: plan.vSwitch.id,
            securityGroupIds: [...plan.securityGroupIds],
            primaryIpAddress: explicit?.[0],
            privateIpAddresses: explicit && explicit.length > 1 ? explicit.slice(1) : undefined,
            secondaryPrivateIpAddressCount: !explicit && eni.count > 1 ? eni.count - 1 : undefined,
            tags: plan.tags,
        },
        opts,
    );
}

/**
 * An ENI's private IPs, primary first: EIP n is always bound to address n. Explicit addresses
 * keep the caller's order. Addresses the vSwitch picks are read back from the ENI, whose
 * secondaries the provider keeps as a set (hash order, not allocation order), so they are sorted
 * by value: the same addresses give the same order on every read, and no association is
 * replaced by a refresh. Growing an ENI's count can insert a new address before older ones and
 * move EIPs; pass privateIps when addresses must never move.
 */
export function privateIpsOf(
    eniPlan: MultiEipEniEniPlan,
    eni: alicloud.ecs.EcsNetworkInterface,
): pulumi.Output<string[]> {
    if (eniPlan.privateIps) return pulumi.output([...eniPlan.privateIps]);
    return pulumi
        .all([eni.primaryIpAddress, eni.privateIpAddresses])
        .apply(([primary, secondaries]) => [primary, ...sortAddresses(secondaries ?? [])]);
}

/**
 * The plan's ENIs, each bound to the instance (tutorial step 1) once it exists when `attach`. An
 * instance takes one binding at a time (its ENI operations are tasks on the instance), so each
 * binding waits for the previous one, and the guest names the ENIs in that order.
 */
export function createEnis(plan: MultiEipEniPlan, opts: ChildOptions): PlacedEni[] {
    const placed: PlacedEni[] = [];
    for (const eniPlan of plan.enis) {
        const eni = createEni(plan, eniPlan, opts);
        const previous = placed.at(-1)?.attachment;
        const attachment = plan.attach
            ? new alicloud.ecs.EcsNetworkInterfaceAttachment(
                  eniPlan.attachmentName,
                  { instanceId: plan.instanceId, networkInterfaceId: eni.id },
                  { ...opts, dependsOn: [eni, ...(previous ? [previous] : [])] },
              )
            : undefined;
        placed.push({ plan: eniPlan, eni, privateIps: privateIpsOf(eniPlan, eni), attachment });
    }
    return placed;
}

/** The EIPs and their associations, in the order of the private IPs. */
export interface PublicAddresses {
    readonly eips: readonly alicloud.ecs.EipAddress[];
    readonly associations: readonly alicloud.ecs.EipAssociation[];
    /** The package the component bought for the EIPs (`eip.sharedBandwidth` with a bandwidth). */
    readonly sharedBandwidth?: alicloud.vpc.CommonBandwithPackage;
    /** Each EIP's membership of the shared package, in the order of the EIPs. */
    readonly packageAttachments: readonly alicloud.vpc.CommonBandwithPackageAttachment[];
}

/**
 * The Internet Shared Bandwidth instance the plan asks for: bought here (pay-as-you-go, on the
 * EIPs' line, unnamed: the cloud keeps no name it is not given), or the id of an existing one.
 */
function sharedPackage(
    name: string,
    plan: MultiEipEniPlan,
    opts: ChildOptions,
): { id: pulumi.Input<string>; resource?: alicloud.vpc.CommonBandwithPackage } | undefined {
    const { eip } = plan;
    const shared = eip.paymentType === "PayAsYouGo" ? eip.sharedBandwidth : undefined;
    if (!shared) return undefined;
    if (shared.kind === "existing") return { id: shared.packageId };
    const resource = new alicloud.vpc.CommonBandwithPackage(
        `${name}-bandwidth`,
        {
            description: `Shared bandwidth of the ${plan.count} EIPs of MultiEipEni ${name}`,
            bandwidth: String(shared.bandwidth),
            // Always sent: the provider's default is PayByTraffic (resource_alicloud_common_bandwidth_package.go).
            internetChargeType: shared.internetChargeType,
            ratio: shared.ratio,
            isp: shared.isp,
            deletionProtection: eip.deletionProtection,
            resourceGroupId: eip.resourceGroupId,
            tags: plan.tags,
        },
        opts,
    );
    return { id: resource.id, resource };
}

/**
 * One EIP per private IP, each associated in NAT mode with its ENI (not the instance) and its
 * private IP (tutorial step 5), after the ENI's attachment when there is one. Associations run as
 * asynchronous tasks and the API rejects overlapping ones on an ENI (TaskConflict), so each waits
 * for the previous one, across the ENIs too. With `eip.sharedBandwidth` every EIP joins the
 * package first. EIPs are numbered over all the ENIs, in their order.
 */
export function createPublicAddresses(
    name: string,
    plan: MultiEipEniPlan,
    enis: readonly PlacedEni[],
    opts: ChildOptions,
): PublicAddresses {
    const { eip } = plan;
    const eips: alicloud.ecs.EipAddress[] = [];
    const associations: alicloud.ecs.EipAssociation[] = [];
    const pkg = sharedPackage(name, plan, opts);
    const packageAttachments: alicloud.vpc.CommonBandwithPackageAttachment[] = [];
    for (const { plan: eniPlan, eni, privateIps, attachment } of enis) {
        for (let j = 0; j < eniPlan.count; j++) {
            const n = eniPlan.first + j + 1;
            const address = new alicloud.ecs.EipAddress(
                `${name}-eip-${n}`,
                {
                    addressName: eip.paymentType === "PayAsYouGo" ? `${eip.addressNamePrefix}-${n}` : undefined,
                    paymentType: eip.paymentType,
                    internetChargeType: eip.internetChargeType,
                    bandwidth: String(eip.bandwidth),
                    isp: eip.isp,
                    pricingCycle: eip.paymentType === "Subscription" ? eip.pricingCycle : undefined,
                    period: eip.paymentType === "Subscription" ? eip.period : undefined,
                    // Always sent: the provider keeps the cloud's value of a field left out (resource_alicloud_eip_address.go,
                    // `deletion_protection` Optional and Computed), so protection once on could never be turned off.
                    deletionProtection: eip.deletionProtection,
                    resourceGroupId: eip.resourceGroupId,
                    tags: plan.tags,
                },
                opts,
            );
            // AddCommonBandwidthPackageIp is asynchronous and a package that is BINDING takes only
            // queries (API reference), so each EIP joins after the previous one, and is associated
            // once it is in: the associations keep their one-at-a-time order.
            const joined = pkg
                ? new alicloud.vpc.CommonBandwithPackageAttachment(
                      `${name}-eip-${n}-bandwidth`,
                      { bandwidthPackageId: pkg.id, instanceId: address.id, ipType: "EIP" },
                      {
                          ...opts,
                          dependsOn: [
                              address,
                              ...(pkg.resource ? [pkg.resource] : []),
                              ...packageAttachments.slice(-1),
                          ],
                      },
                  )
                : undefined;
            if (joined) packageAttachments.push(joined);
            const after = [
                eni,
                address,
                ...(joined ? [joined] : []),
                ...(attachment ? [attachment] : []),
                ...associations.slice(-1),
            ];
            associations.push(
                new alicloud.ecs.EipAssociation(
                    `${name}-eip-${n}-association`,
                    {
                        allocationId: address.id,
                        instanceId: eni.id,
                        instanceType: "NetworkInterface",
                        mode: eip.mode,
                        privateIpAddress: privateIps.apply(ips => ips[j]),
                    },
                    { ...opts, dependsOn: after },
                ),
            );
            eips.push(address);
        }
    }
    return { eips, associations, sharedBandwidth: pkg?.resource, packageAttachments };
}
