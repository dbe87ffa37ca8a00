/**
 * The name rules of the Alibaba Cloud resources components name, checked before registration.
 * Most are enforced by the API only (the provider dropped its own checks, e.g. `vpc_name` in
 * aliyun/terraform-provider-alicloud ad046cb5), so a bad name would fail at deploy time, after
 * other resources were created. Alibaba Cloud does not require these names to be unique (no
 * duplicate-name error is documented for them); the names that must be unique (ACK clusters,
 * ASM meshes) are left to Pulumi or scoped to the stack (../naming.ts).
 */
import { Problems } from "../errors";

/** One rule: the pattern a name must match, in words for the message. */
export interface AlibabaNameRule {
    readonly pattern: RegExp;
    readonly describe: string;
}

/** Not starting with `http://` or `https://`, which the APIs refuse in names and descriptions. */
const NO_URL = "(?!https?://)";

export const ALIBABA_NAME_RULES = {
    /**
     * VPC, vSwitch, CEN instance, transit router and attachment names: "1 to 128 characters,
     * cannot start with http:// or https://" (CreateVpc `VpcName`, CreateVSwitch, CreateCen,
     * CreateTransitRouter, CreateTransitRouterVpcAttachment / PeerAttachment).
     */
    general: {
        pattern: new RegExp(`^${NO_URL}[^]{1,128}$`),
        describe: "1 to 128 characters, not starting with http:// or https://",
    },
    /**
     * ALB and server group names: "2 to 128 characters … letters, digits, periods (.),
     * underscores (_) and hyphens (-). The name must start with a letter" (CreateLoadBalancer
     * `LoadBalancerName`, CreateServerGroup `ServerGroupName`).
     */
    alb: {
        pattern: /^[A-Za-z][A-Za-z0-9._-]{1,127}$/,
        describe: "2 to 128 letters, digits, '.', '_' or '-' starting with a letter",
    },
    /**
     * IPv6 gateway names: the provider's own check, stricter than the API's
     * (`resource_alicloud_vpc_ipv6_gateway.go`: `^[a-zA-Z\u4E00-\u9FA5][\u4E00-\u9FA5A-Za-z0-9_-]{1,128}$`),
     * so no periods.
     */
    ipv6Gateway: {
        pattern: /^[A-Za-z\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9_-]{1,128}$/,
        describe: "2 to 129 letters, Chinese characters, digits, '_' or '-' starting with a letter (no '.')",
    },
    /** Bandwidth package names: the provider's `StringLenBetween(2, 128)` (resource_alicloud_cen_bandwidth_package.go), and the API's no-URL rule. */
    bandwidthPackage: {
        pattern: new RegExp(`^${NO_URL}[^]{2,128}$`),
        describe: "2 to 128 characters, not starting with http:// or https://",
    },
    /**
     * EIP names: "1 to 128 characters in length and start with a letter, and can contain letters,
     * digits, periods (.), underscores (_), and hyphens (-)" (`addressName`,
     * node_modules/@pulumi/alicloud/ecs/eipAddress.d.ts).
     */
    eip: {
        pattern: /^[A-Za-z][A-Za-z0-9._-]{0,127}$/,
        describe: "1 to 128 letters, digits, '.', '_' or '-' starting with a letter",
    },
    /** ENI names: "2 to 128 characters … start with a letter … digits, colons (:), underscores (_), and hyphens (-)" (CreateNetworkInterface). */
    eni: {
        pattern: /^[A-Za-z][A-Za-z0-9:_-]{1,127}$/,
        describe: "2 to 128 letters, digits, ':', '_' or '-' starting with a letter",
    },
    /** Key pair names: the same rule (CreateKeyPair / ImportKeyPair `KeyPairName`: 2 to 128 characters, starting with a letter; letters, digits, ':', '_', '-'). */
    keyPair: {
        pattern: /^[A-Za-z][A-Za-z0-9:_-]{1,127}$/,
        describe: "2 to 128 letters, digits, ':', '_' or '-' starting with a letter",
    },
} as const satisfies Record<string, AlibabaNameRule>;

/**
 * Records a problem at `path` when `value` breaks `rule`. `fix` says what to change when the name
 * is one the component made up (from its own name, or another input).
 */
export function checkAlibabaName(
    problems: Problems,
    path: string,
    value: string,
    rule: keyof typeof ALIBABA_NAME_RULES,
    what: string,
    fix?: string,
): boolean {
    const { pattern, describe } = ALIBABA_NAME_RULES[rule];
    // A test of a non-string would test its text ("undefined" is a fine VPC name).
    if (typeof value === "string" && pattern.test(value)) return true;
    problems.add(path, `${what} name '${value}' is not ${describe}.`, fix ?? `Choose a name of ${describe}.`);
    return false;
}

/**
 * Log Service (SLS) project names: "only lowercase letters, digits, and hyphens (-) … start and
 * end with a lowercase letter or number … 3 to 63 characters" (resource_alicloud_log_project.go,
 * `project_name`, and the provider's `log.Project` `projectName` docs; the Terraform
 * ValidateFunc, `^[0-9a-zA-Z_-]+$`, is looser than its message). One rule for the ALB's access
 * logs and the mesh's.
 */
export const SLS_PROJECT = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
