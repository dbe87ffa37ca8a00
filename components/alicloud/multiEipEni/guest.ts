/**
 * The guest side of a {@link MultiEipEni} (tutorial steps 4 and 6): the script that puts the
 * secondary addresses on the ENI and routes each address's replies back through it, and, when
 * `configureGuest` asks, the Cloud Assistant command that runs it on the instance.
 */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { renderEnisGuestScript } from "../guestRouting";
import { MultiEipEniPlan } from "./args";
import { ChildOptions, PlacedEni, PublicAddresses } from "./resources";

/** The guest script for the plan's OS and every ENI's device and table, once the ENIs' addresses are known. */
export function guestScriptOf(plan: MultiEipEniPlan, enis: readonly PlacedEni[]): pulumi.Output<string> {
    return pulumi.all(enis.map(e => e.privateIps)).apply(perEni =>
        renderEnisGuestScript({
            os: plan.guestOs,
            vSwitchCidr: plan.vSwitch.cidrBlock,
            enis: perEni.map((ips, k) => ({
                device: enis[k].plan.device,
                table: enis[k].plan.table,
                primaryIp: ips[0],
                secondaryIps: ips.slice(1),
            })),
        }),
    );
}

/**
 * Runs `script` on the instance through Cloud Assistant, once, after every ENI is bound and every
 * EIP associated. A new script makes a new command, and so a new invocation: it runs again when
 * the addresses change.
 */
export function runGuestScript(
    name: string,
    plan: MultiEipEniPlan,
    script: pulumi.Output<string>,
    attachments: readonly alicloud.ecs.EcsNetworkInterfaceAttachment[],
    addresses: PublicAddresses,
    opts: ChildOptions,
): void {
    const command = new alicloud.ecs.Command(
        `${name}-guest`,
        {
            name: `${name}-guest-routing`,
            description: `Secondary addresses and policy routing of ${plan.enis.map(e => e.device).join(", ")} (MultiEipEni ${name})`,
            type: "RunShellScript",
            commandContent: script.apply(text => Buffer.from(text).toString("base64")),
            timeout: 300,
        },
        opts,
    );
    new alicloud.ecs.EcsInvocation(
        `${name}-guest-run`,
        {
            commandId: command.id,
            instanceIds: [plan.instanceId],
            repeatMode: "Once",
        },
        {
            ...opts,
            dependsOn: [...attachments, ...addresses.associations],
            // The provider waits for the run to succeed within 1 minute by default; the script may take
            // up to its 300 s, and a new instance's Cloud Assistant agent a while to come online.
            customTimeouts: { create: "10m" },
        },
    );
}
