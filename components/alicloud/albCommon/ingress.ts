/** The security-group rules that let an ALB reach its backends, written the same way by every ALB component. */
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "../../sdk/alicloud";
import { addressSlug } from "../../net";
import { AlbIngressRule } from "./plan";
import { SECURITY_GROUP_ID, fitsWhenKnown } from "./shape";

/**
 * A rule's child name: `<component>-<group>-tcp<port>-<source>` or `<component>-<group>-icmpv6-<source>`,
 * the source spelled by {@link addressSlug} (`192-168-1-0-24`), or `<vSwitch>-ipv6` for the /64 of
 * an ALB vSwitch. Named by what the rule is about, a name stays when the lists are reordered.
 */
export function albIngressRuleName(name: string, rule: AlbIngressRule): string {
    const what = rule.protocol === "tcp" ? `tcp${rule.port}` : "icmpv6";
    const source = typeof rule.source === "string" ? addressSlug(rule.source) : `${rule.source.name}-ipv6`;
    return `${name}-${rule.securityGroup}-${what}-${source}`;
}

/**
 * Creates the planned rules in the backends' groups (`securityGroups`, by key). A group id given
 * as an Output is checked when it resolves, once per group, before its rules are created.
 *
 * @param component how a problem with such an id names the component.
 */
export function createAlbIngressRules(
    name: string,
    component: string,
    rules: readonly AlbIngressRule[],
    securityGroups: Readonly<Record<string, pulumi.Input<string>>>,
    opts: pulumi.CustomResourceOptions,
): alicloud.ecs.SecurityGroupRule[] {
    const groupIds = new Map<string, pulumi.Output<string>>();
    const groupId = (key: string) => {
        const id =
            groupIds.get(key) ??
            fitsWhenKnown(securityGroups[key], component, `securityGroups.${key}`, SECURITY_GROUP_ID);
        groupIds.set(key, id);
        return id;
    };
    return rules.map(rule => {
        // An ALB vSwitch's IPv6 /64 is assigned by the cloud: a planned RegionalVpc knows it as an output.
        const source = typeof rule.source === "string" ? rule.source : rule.source.ipv6CidrBlock!;
        return new alicloud.ecs.SecurityGroupRule(
            albIngressRuleName(name, rule),
            {
                securityGroupId: groupId(rule.securityGroup),
                type: "ingress",
                policy: "accept",
                // VPC security groups take intranet rules; the provider's default is internet.
                nicType: "intranet",
                ipProtocol: rule.protocol,
                portRange: rule.protocol === "tcp" ? `${rule.port}/${rule.port}` : "-1/-1",
                cidrIp: rule.family === 4 ? source : undefined,
                ipv6CidrIp: rule.family === 6 ? source : undefined,
                priority: rule.priority,
                description: rule.description,
            },
            { ...opts, aliases: rule.formerName === undefined ? undefined : [{ name: rule.formerName }] },
        );
    });
}
