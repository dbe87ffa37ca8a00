/**
 * What a planned stack commits its owner to beyond the resources' hourly and usage prices: every
 * resource that bills a subscription, and everything `pulumi destroy` will not remove, with what
 * drives its cost. Read from the recorded resources; the rules cite the provider's documentation.
 */
import { RecordedResource } from "./engine";

/** One resource (or protected component) the plan warns about. */
export interface CostItem {
    /** Logical name. */
    readonly name: string;
    readonly type: string;
    /** `subscription`: bills for a term, used or not; `left-behind`: destroy does not remove it. */
    readonly kinds: ReadonlyArray<"subscription" | "left-behind">;
    /** What drives its cost (for a subscription, or a resource destroy leaves billing). */
    readonly drivers?: string;
    /** What `pulumi destroy` does with it. */
    readonly destroy: string;
    /** A fact behind the note that is not confirmed. */
    readonly unconfirmed?: string;
}

type Rule = (r: RecordedResource) => CostItem | undefined;

const item = (r: RecordedResource, fields: Omit<CostItem, "name" | "type">): CostItem => ({
    name: r.name,
    type: r.type,
    ...fields,
});

const RULES: Readonly<Record<string, Rule>> = {
    // Provider docs (alicloud_cen_bandwidth_package): "allows you to manage payment_type = "PrePaid"
    // bandwidth package, but Terraform cannot destroy it"; Delete only drops it from the state.
    "alicloud:cen/bandwidthPackage:BandwidthPackage": r => {
        if ((r.inputs.paymentType ?? "PrePaid") !== "PrePaid") return undefined;
        const months = r.inputs.period ?? 1;
        return item(r, {
            kinds: ["subscription", "left-behind"],
            // Period and autoRenew are sent when the package is bought; the provider never changes them on a deployed one.
            drivers:
                `${r.inputs.bandwidth} Mbit/s between ${r.inputs.geographicRegionAId} and ${r.inputs.geographicRegionBId}, paid for ${months} month(s) ahead` +
                (r.inputs.autoRenew
                    ? ", renewed automatically"
                    : "; inter-region traffic stops when it expires (autoRenew is off)") +
                " (period and auto-renew apply when the package is bought; change a deployed one in the console)",
            destroy:
                "not deleted: the provider only removes it from the state; it bills until it expires (unsubscribe in the Order Center), and the next up buys another",
            unconfirmed:
                months === 12
                    ? "the API documents 1–3 and 6 months for the monthly cycle the provider sends; a 12-month period may be refused"
                    : undefined,
        });
    },
    // resource_alicloud_eip_address.go: Delete skips a Subscription EIP with a warning.
    "alicloud:ecs/eipAddress:EipAddress": r => {
        if (r.inputs.paymentType !== "Subscription" && r.inputs.paymentType !== "PrePaid") {
            return r.inputs.deletionProtection ? protectedByCloud(r, "an EIP with deletionProtection") : undefined;
        }
        return item(r, {
            kinds: ["subscription", "left-behind"],
            drivers: `${r.inputs.bandwidth ?? "?"} Mbit/s public bandwidth, paid for ${r.inputs.period ?? 1} ${(r.inputs.pricingCycle ?? "Month").toLowerCase()}(s) ahead`,
            destroy: "not released: the provider skips a subscription EIP and it bills until it expires",
        });
    },
    // Provider docs (alicloud_common_bandwidth_package): "allows you to manage internet_charge_type =
    // "PayBy95" instance, but Terraform cannot destroy it"; the other meterings are pay-as-you-go.
    "alicloud:vpc/commonBandwithPackage:CommonBandwithPackage": r => {
        if (r.inputs.internetChargeType !== "PayBy95") {
            return r.inputs.deletionProtection
                ? protectedByCloud(r, "an Internet Shared Bandwidth instance with deletionProtection")
                : undefined;
        }
        return item(r, {
            kinds: ["left-behind"],
            drivers: `${r.inputs.bandwidth} Mbit/s shared by its EIPs, billed on the enhanced 95th percentile with a ${r.inputs.ratio ?? 20}% minimum commitment`,
            destroy:
                "not deleted: the provider only removes a PayBy95 package from the state; it bills until released in the console",
            unconfirmed: "the monthly settlement of PayBy95 is as the console describes it, not checked against a bill",
        });
    },
    // resource_alicloud_instance.go: deleting a PrePaid instance fails unless force_delete converts it to pay-as-you-go first.
    "alicloud:ecs/instance:Instance": r => {
        if (r.inputs.instanceChargeType !== "PrePaid") {
            return r.inputs.deletionProtection
                ? protectedByCloud(r, "an ECS instance with deletionProtection")
                : undefined;
        }
        return item(r, {
            kinds: r.inputs.forceDelete ? ["subscription"] : ["subscription", "left-behind"],
            drivers: `${r.inputs.instanceType} paid for ${r.inputs.period ?? 1} ${(r.inputs.periodUnit ?? "Month").toLowerCase()}(s) ahead`,
            destroy: r.inputs.forceDelete
                ? "released with forceDelete (converted to pay-as-you-go first)"
                : "refused: a PrePaid instance is deleted only with forceDelete, which converts it to pay-as-you-go first",
        });
    },
    // The cloud refuses to delete these until their deletion protection is turned off in an update.
    "alicloud:alb/loadBalancer:LoadBalancer": r =>
        r.inputs.deletionProtectionEnabled ? protectedByCloud(r, "an ALB with deletionProtectionEnabled") : undefined,
    "aws:lb/loadBalancer:LoadBalancer": r =>
        r.inputs.enableDeletionProtection
            ? protectedByCloud(r, "a load balancer with enableDeletionProtection")
            : undefined,
    "aws:cloudwatch/logGroup:LogGroup": r =>
        r.inputs.deletionProtectionEnabled
            ? protectedByCloud(r, "a log group with deletionProtectionEnabled")
            : undefined,
    // Provider docs (aws_s3_bucket): forceDestroy "indicates all objects (including any locked
    // objects) should be deleted from the bucket when the bucket is destroyed so that the bucket
    // can be destroyed without error"; without it S3 refuses to delete a bucket that is not empty
    // (DeleteBucket: BucketNotEmpty), and an access log bucket fills every 5 minutes.
    "aws:s3/bucket:Bucket": r =>
        r.inputs.forceDestroy
            ? undefined
            : item(r, {
                  kinds: ["left-behind"],
                  drivers:
                      "S3 storage of what it holds (access logs: a file per ALB node every 5 minutes), by the GB-month",
                  destroy:
                      "refused while it holds objects (BucketNotEmpty): destroy leaves a non-empty bucket, billing its storage; empty it first, or set forceDestroy",
              }),
    // AlbFargateService's ACM validation records (components/aws/albFargateService/edge.ts): shared
    // with every certificate of the name, so kept on destroy (retainOnDelete).
    "aws:route53/record:Record": r =>
        r.retainOnDelete
            ? item(r, {
                  kinds: ["left-behind"],
                  destroy:
                      "kept (retainOnDelete): ACM's validation CNAME, which other certificates of the name may renew with; delete it from the zone when none does",
              })
            : undefined,
    "alicloud:cs/managedKubernetes:ManagedKubernetes": r =>
        r.inputs.deletionProtection
            ? item(r, {
                  kinds: ["left-behind"],
                  drivers: `the ${r.inputs.clusterSpec ?? "ack.pro.small"} management fee by the hour, its API server's load balancer and its nodes`,
                  destroy: "refused while deletionProtection is on: turn it off in an update first",
              })
            : undefined,
};

/** A resource whose cloud-side deletion protection makes `pulumi destroy` fail. */
function protectedByCloud(r: RecordedResource, what: string): CostItem {
    return item(r, { kinds: ["left-behind"], destroy: `refused: ${what} cannot be deleted until it is turned off` });
}

/** A resource's parent, then its parent's, up to the top. */
function* ancestors(r: RecordedResource, byKey: ReadonlyMap<string, RecordedResource>): Generator<RecordedResource> {
    for (
        let at = r.parentKey ? byKey.get(r.parentKey) : undefined;
        at;
        at = at.parentKey ? byKey.get(at.parentKey) : undefined
    )
        yield at;
}

/**
 * Whether a resource is protected, its own `protect` or inherited from the nearest ancestor that
 * sets it: Pulumi's rule (@pulumi/pulumi resource.js: a child whose `protect` is undefined takes
 * its parent's).
 */
function isProtected(r: RecordedResource, byKey: ReadonlyMap<string, RecordedResource>): boolean {
    for (const at of [r, ...ancestors(r, byKey)]) {
        if (at.protect !== undefined) return at.protect;
    }
    return false;
}

/**
 * The subscriptions and destroy leftovers of a planned stack, in registration order. Resources
 * Pulumi protects are named once per top-level component (or resource) holding them: the whole
 * subtree when the top is protected itself, else how many of its resources are, by type (a stack
 * that protects its stateful resources one by one).
 */
export function costItems(resources: readonly RecordedResource[]): CostItem[] {
    const byKey = new Map(resources.map(r => [`${r.type}::${r.name}`, r]));
    const items: CostItem[] = [];
    const topOf = (r: RecordedResource) => [r, ...ancestors(r, byKey)].at(-1)!;
    const guardedByTop = new Map<RecordedResource, RecordedResource[]>();
    for (const r of resources) {
        if (r.custom && isProtected(r, byKey)) guardedByTop.set(topOf(r), [...(guardedByTop.get(topOf(r)) ?? []), r]);
    }
    for (const r of resources) {
        const found = RULES[r.type]?.(r);
        if (found) items.push(found);
        const guarded = guardedByTop.get(r);
        if (!guarded) continue;
        if (isProtected(r, byKey)) {
            const children = resources.filter(c => c.custom && [...ancestors(c, byKey)].includes(r)).length;
            items.push(
                item(r, {
                    kinds: ["left-behind"],
                    destroy: `refused: protected (Pulumi's protect) with its ${children} resources; set protect false and update, or run 'pulumi state unprotect', first`,
                }),
            );
        } else {
            const types = [...new Set(guarded.map(g => g.type.split(":").at(-1)))];
            items.push(
                item(r, {
                    kinds: ["left-behind"],
                    destroy: `refused for ${guarded.length} of its resources, protected (Pulumi's protect: ${types.join(", ")}); set protect false and update, or run 'pulumi state unprotect', first`,
                }),
            );
        }
    }
    return items;
}

/** The plan's text section. */
export function renderCosts(items: readonly CostItem[]): string {
    if (items.length === 0) return "  (none: nothing bills a subscription, and destroy removes everything)";
    return items
        .map(i => {
            const lines = [`  ${i.name}  (${i.type})  ${i.kinds.join(", ")}`];
            if (i.drivers) lines.push(`      cost: ${i.drivers}`);
            lines.push(`      destroy: ${i.destroy}`);
            if (i.unconfirmed) lines.push(`      unconfirmed: ${i.unconfirmed}`);
            return lines.join("\n");
        })
        .join("\n");
}
