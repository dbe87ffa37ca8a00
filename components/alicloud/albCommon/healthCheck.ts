/** The health check of an ALB server group: checked, then as the provider takes it. */
import * as alicloud from "../../sdk/alicloud";
import { checkOneOf } from "../../checks";
import { Problems } from "../../errors";
import { AlbHealthCheckArgs, HTTP_HEALTHY_CODES } from "./args";
import { AlbHealthCheckPlan } from "./plan";

/**
 * Checks a health-check description at `path` (e.g. `healthCheck`) that fits its shape (protocol,
 * ranges: albCommon/shape.ts) and returns it as the provider takes it.
 */
export function checkAlbHealthCheck(
    problems: Problems,
    path: string,
    hc: AlbHealthCheckArgs | undefined,
): AlbHealthCheckPlan {
    if (hc && hc.enabled !== false) {
        if (hc.path !== undefined && !/^\/[A-Za-z0-9\-/.%?#&=_;~!()*[\]@$^:',+]{0,79}$/.test(hc.path)) {
            problems.add(
                `${path}.path`,
                `health-check path '${hc.path}' is not a URL path of 1 to 80 allowed characters starting with '/'.`,
                "Use a path such as /health.",
            );
        }
        const protocol = hc.protocol ?? "HTTP";
        if ((protocol === "HTTP" || protocol === "HTTPS") && hc.codes !== undefined) {
            hc.codes.forEach((code, i) =>
                checkOneOf(problems, `${path}.codes[${i}]`, code, HTTP_HEALTHY_CODES, "health-check status class"),
            );
        }
    }
    const config = albHealthCheckConfig(hc);
    const fixedPort = config.healthCheckEnabled && hc?.port ? hc.port : undefined;
    return { config, fixedPort };
}

/** The provider's `healthCheckConfig` for a (checked) description, defaults filled in. */
export function albHealthCheckConfig(
    hc: AlbHealthCheckArgs = {},
): alicloud.types.input.alb.ServerGroupHealthCheckConfig {
    if (hc.enabled === false) return { healthCheckEnabled: false };
    const protocol = hc.protocol ?? "HTTP";
    const http = protocol === "HTTP" || protocol === "HTTPS";
    return {
        healthCheckEnabled: true,
        healthCheckProtocol: protocol === "gRPC" ? "GRPC" : protocol,
        healthCheckPath: http ? (hc.path ?? "/") : undefined,
        healthCheckCodes: protocol === "TCP" ? undefined : (hc.codes ?? ["http_2xx", "http_3xx"]),
        healthCheckInterval: hc.interval ?? 2,
        healthCheckTimeout: hc.timeout ?? 5,
        healthyThreshold: hc.healthyThreshold ?? 3,
        unhealthyThreshold: hc.unhealthyThreshold ?? 3,
        healthCheckConnectPort: hc.port ?? 0,
    };
}
