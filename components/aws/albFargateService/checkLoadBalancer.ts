/**
 * The ALB side: the ALB's name, who may reach its listeners and over what, and the target
 * group's name, health check, draining and static targets.
 */
import { checkInput, checkIntegerInRange, checkPort, checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { checkCidr, checkIp, firstOverlapping, ipInCidr, PRIVATE_IPV4_RANGES } from "../../net";
import { checkAutoname } from "../../naming";
import { checkElbName, checkSslPolicy, DEFAULT_SSL_POLICY } from "../fargate";
import { checkArn } from "../shape";
import { AlbFargateServiceArgs, ExtraTargetArgs, HealthCheckArgs } from "./args";
import { ExtraTargetPlan, LoadBalancerPlan, TargetGroupPlan } from "./plan";

/**
 * Ranges AWS accepts for IP targets outside the target group's VPC: RFC 1918 and RFC 6598's
 * 100.64.0.0/10 (Elastic Load Balancing, "Target groups for your Application Load Balancers",
 * Target type: a publicly routable address only in the VPC's subnets).
 */
const OUTSIDE_VPC_TARGET_RANGES: readonly string[] = [...PRIVATE_IPV4_RANGES, "100.64.0.0/10"];

/**
 * Checks the ALB's name, the client blocks and the HTTPS settings. A certificate ARN given as an
 * Output is checked when it resolves, as `component`, before the HTTPS listener takes it.
 */
export function checkLoadBalancer(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    component: string,
): LoadBalancerPlan {
    if (args.loadBalancerName !== undefined) {
        checkElbName(problems, "loadBalancerName", args.loadBalancerName, "load balancer");
    } else {
        checkAutoname(problems, "name", "aws:lb/loadBalancer:LoadBalancer", `${name}-alb`, "loadBalancerName");
    }
    const allowedCidrs = checkAllowedCidrs(problems, args.allowedCidrs ?? ["0.0.0.0/0"]);

    const certificateArn =
        args.certificateArn === undefined
            ? undefined
            : checkInput(problems, "certificateArn", args.certificateArn, component, (p, at, arn) =>
                  checkArn(p, at, arn, "certificate"),
              );
    // A certificate made here (`certificate`) serves the HTTPS listener as one given does.
    const hasCertificate = certificateArn !== undefined || args.certificate !== undefined;
    if (args.sslPolicy !== undefined) checkSslPolicy(problems, "sslPolicy", args.sslPolicy);
    if (args.redirectHttpToHttps && !hasCertificate) {
        problems.add(
            "redirectHttpToHttps",
            "HTTP would redirect to an HTTPS listener that does not exist without certificateArn or certificate.",
            "Set certificateArn (or certificate), or drop redirectHttpToHttps.",
        );
    }
    if (args.sslPolicy !== undefined && !hasCertificate) {
        problems.add(
            "sslPolicy",
            "sslPolicy applies to the HTTPS listener, which needs certificateArn or certificate.",
            "Set certificateArn (or certificate), or drop sslPolicy.",
        );
    }
    const https = hasCertificate ? { certificateArn, sslPolicy: args.sslPolicy ?? DEFAULT_SSL_POLICY } : undefined;
    return {
        name: args.loadBalancerName,
        allowedCidrs,
        listenerPorts: https ? [80, 443] : [80],
        https,
        redirectHttpToHttps: args.redirectHttpToHttps ?? https !== undefined,
    };
}

/** Client blocks: at least one, IPv4, each once; returned canonical and distinct. */
function checkAllowedCidrs(problems: Problems, cidrs: readonly string[]): string[] {
    if (cidrs.length === 0) {
        problems.add(
            "allowedCidrs",
            "no client block is allowed, so nobody could reach the ALB.",
            "Allow at least one block, e.g. 0.0.0.0/0 for a public site.",
        );
    }
    const parsed = cidrs.flatMap((c, i) => {
        const block = checkCidr(problems, `allowedCidrs[${i}]`, c, 4);
        return block ? [{ path: `allowedCidrs[${i}]`, key: block.text }] : [];
    });
    checkUnique(problems, parsed, "client block");
    return [...new Set(parsed.map(p => p.key))];
}

/** Checks the target group's name, health check, deregistration delay and static targets in the VPC `vpcCidr`. */
export function checkTargetGroup(
    problems: Problems,
    name: string,
    args: AlbFargateServiceArgs,
    containerPort: number,
    vpcCidr: string,
): TargetGroupPlan {
    if (args.targetGroupName !== undefined) {
        checkElbName(problems, "targetGroupName", args.targetGroupName, "target group");
    } else {
        checkAutoname(problems, "name", "aws:lb/targetGroup:TargetGroup", `${name}-tg`, "targetGroupName");
    }
    const healthCheck = checkHealthCheck(problems.under("healthCheck"), args.healthCheck ?? {});
    const deregistrationDelay = args.deregistrationDelay ?? 30;
    checkIntegerInRange(problems, "deregistrationDelay", deregistrationDelay, 0, 3600, "deregistration delay");
    const extraTargets = checkExtraTargets(problems, args.extraTargets ?? [], containerPort, vpcCidr);
    return { name: args.targetGroupName, deregistrationDelay, healthCheck, extraTargets };
}

/** The health check (`problems` scoped to `healthCheck`), defaulted to `GET /` expecting 200 every 30 s. */
export function checkHealthCheck(problems: Problems, hc: HealthCheckArgs): TargetGroupPlan["healthCheck"] {
    const planned = {
        path: hc.path ?? "/",
        matcher: hc.matcher ?? "200",
        interval: hc.interval ?? 30,
        timeout: hc.timeout ?? 5,
        healthyThreshold: hc.healthyThreshold ?? 3,
        unhealthyThreshold: hc.unhealthyThreshold ?? 3,
    };
    if (!/^\/\S*$/.test(planned.path)) {
        problems.add(
            "path",
            `health check path '${planned.path}' does not start with '/'.`,
            "Use a path such as /health.",
        );
    }
    if (!matcherOk(planned.matcher)) {
        problems.add(
            "matcher",
            `'${planned.matcher}' is not a list or range of HTTP codes from 200 to 499.`,
            "Use e.g. 200, 200,204 or 200-299.",
        );
    }
    const { interval, timeout } = planned;
    const intervalOk = checkIntegerInRange(problems, "interval", interval, 5, 300, "health check interval");
    const timeoutOk = checkIntegerInRange(problems, "timeout", timeout, 2, 120, "health check timeout");
    if (intervalOk && timeoutOk && timeout >= interval) {
        problems.add(
            "timeout",
            `timeout ${timeout} s is not shorter than interval ${interval} s.`,
            "Make the timeout shorter than the interval.",
        );
    }
    checkIntegerInRange(problems, "healthyThreshold", planned.healthyThreshold, 2, 10, "healthy threshold");
    checkIntegerInRange(problems, "unhealthyThreshold", planned.unhealthyThreshold, 2, 10, "unhealthy threshold");
    return planned;
}

/** HTTP codes from 200 to 499: one, a list, or ranges, e.g. `200`, `200,204`, `200-299`. */
function matcherOk(matcher: string): boolean {
    return matcher.split(",").every(part => {
        const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
        if (!m) return false;
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[2]);
        return lo >= 200 && hi <= 499 && lo <= hi;
    });
}

/** Static IP targets: in the VPC, or private addresses outside it (AZ `all`); each once. */
function checkExtraTargets(
    problems: Problems,
    targets: readonly ExtraTargetArgs[],
    containerPort: number,
    vpcCidr: string,
): ExtraTargetPlan[] {
    const planned: ExtraTargetPlan[] = [];
    targets.forEach((t, i) => {
        const path = `extraTargets[${i}]`;
        const port = t.port ?? containerPort;
        if (t.port !== undefined) checkPort(problems, `${path}.port`, t.port);
        const ip = checkIp(problems, `${path}.ip`, t.ip, 4);
        if (!ip || vpcCidr === "") return;
        if (ipInCidr(ip, vpcCidr)) {
            planned.push({ ip: ip.text, port });
        } else if (firstOverlapping(`${ip.text}/32`, OUTSIDE_VPC_TARGET_RANGES)) {
            planned.push({ ip: ip.text, port, availabilityZone: "all" });
        } else {
            problems.add(
                `${path}.ip`,
                `${ip.text} is outside the VPC ${vpcCidr} and not a private address, ` +
                    "which an IP target group cannot register.",
                "Use an address inside the VPC, or a private (RFC 1918 / 100.64.0.0/10) address reached " +
                    "through peering or VPN.",
            );
        }
    });
    const seen = new Set<string>();
    planned.forEach((t, i) => {
        const key = `${t.ip}:${t.port}`;
        if (seen.has(key)) {
            problems.add(`extraTargets[${i}]`, `target ${key} is listed twice.`, "List each target once.");
        }
        seen.add(key);
    });
    return planned;
}
