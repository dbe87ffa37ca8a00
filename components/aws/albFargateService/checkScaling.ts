/**
 * How a service scales and where its tasks run: Application Auto Scaling of the task count
 * (bounds, target-tracking policies, scheduled actions), the capacity provider strategy and the
 * Fargate platform version.
 */
import { checkIntegerInRange, checkUnique } from "../../checks";
import { Problems } from "../../errors";
import { checkAutoname } from "../../naming";
import { describeValue } from "../../shape";
import type { CpuArchitecture } from "../fargate";
import { AutoscalingArgs, CapacityProviderArgs, TargetTrackingArgs } from "./args";
import { AutoscalingPlan, CapacityProviderPlan, ScalingSchedulePlan, TargetTrackingPlan } from "./plan";

/**
 * Most tasks of a service: the bound of `desiredCount` (ECS CreateService; the quota "Tasks per
 * service", 5000), which Application Auto Scaling sets the count within.
 */
export const ECS_MAX_TASKS = 5000;

/**
 * Cooldowns are an `Integer` of seconds (Application Auto Scaling API,
 * TargetTrackingScalingPolicyConfiguration `ScaleInCooldown`/`ScaleOutCooldown`); the API
 * documents no upper bound, nor does the provider's schema (unconfirmed), so this is Int32's.
 */
const COOLDOWN_MAX = 2147483647;

/**
 * The policies, by the args field that asks for one. The API takes any double in ±2^360 as
 * `TargetValue` and says it "must be a valid number based on the choice of metric": a percent
 * for CPU utilization (Application Auto Scaling API, TargetTrackingScalingPolicyConfiguration).
 * The utilizations here are of the task's own CPU and memory, which Fargate caps, so a target
 * above 100 % would never scale out: that bound is this component's. `ALBRequestCountPerTarget`
 * is "the optimal average request count per target during any one-minute interval".
 */
const POLICIES = [
    { field: "cpuUtilization", key: "cpu", metric: "ECSServiceAverageCPUUtilization", percent: true },
    { field: "memoryUtilization", key: "memory", metric: "ECSServiceAverageMemoryUtilization", percent: true },
    { field: "requestsPerTarget", key: "requests", metric: "ALBRequestCountPerTarget", percent: false },
] as const;

/**
 * The schedule forms of PutScheduledAction (Application Auto Scaling API, `Schedule`):
 * `at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)` with a positive integer and `minute | minutes |
 * hour | hours | day | days`, and `cron(fields)` with six fields separated by white space
 * ([Minutes] [Hours] [Day_of_Month] [Month] [Day_of_Week] [Year]). The fields themselves are
 * the service's to check.
 */
const SCHEDULE_FORMS = [
    /^at\(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\)$/,
    /^rate\([1-9]\d* (minute|minutes|hour|hours|day|days)\)$/,
    /^cron\(\S+( \S+){5}\)$/,
];

/**
 * A time zone as the API takes it: the canonical name of an IANA zone (`Etc/GMT+9`,
 * `Pacific/Tahiti`, `UTC`). Only the form is checked here; Joda-Time's list, which the service
 * uses, is not Node's, so a name Node does not know may still be accepted.
 */
const TIME_ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

const POLICY_TYPE = "aws:appautoscaling/policy:Policy";
const SCHEDULE_TYPE = "aws:appautoscaling/scheduledAction:ScheduledAction";

/** Checks the autoscaling of the service at `servicePath` (`services.<key>`) against its desired count. */
export function checkAutoscaling(
    problems: Problems,
    servicePath: string,
    logicalName: string,
    args: AutoscalingArgs,
    desiredCount: number,
): AutoscalingPlan {
    const path = `${servicePath}.autoscaling`;
    const { minCapacity, maxCapacity } = args;
    const minFits = checkIntegerInRange(problems, `${path}.minCapacity`, minCapacity, 0, ECS_MAX_TASKS, "minimum");
    const maxFits = checkIntegerInRange(problems, `${path}.maxCapacity`, maxCapacity, 1, ECS_MAX_TASKS, "maximum");
    if (minFits && maxFits) {
        if (minCapacity > maxCapacity) {
            problems.add(
                `${path}.minCapacity`,
                `minCapacity ${minCapacity} is above maxCapacity ${maxCapacity}.`,
                "Make minCapacity at most maxCapacity.",
            );
        } else if (desiredCount < minCapacity || desiredCount > maxCapacity) {
            // RegisterScalableTarget would move the count into the bounds at once; the service
            // would start with one count and run with another.
            problems.add(
                `${servicePath}.desiredCount`,
                `desiredCount ${desiredCount} is outside autoscaling's ${minCapacity} to ${maxCapacity}.`,
                `Set desiredCount from ${minCapacity} to ${maxCapacity}, or leave it out to start at minCapacity.`,
            );
        }
    }
    const policies: TargetTrackingPlan[] = [];
    for (const { field, key, metric, percent } of POLICIES) {
        const given = args[field];
        if (given === undefined) continue;
        checkTarget(problems, `${path}.${field}`, given, percent);
        checkAutoname(problems, `${path}.${field}`, POLICY_TYPE, `${logicalName}-${key}`);
        policies.push({
            key,
            metric,
            target: given.target,
            scaleInCooldown: given.scaleInCooldown,
            scaleOutCooldown: given.scaleOutCooldown,
        });
    }
    const schedules = (args.schedules ?? []).map((schedule, i) => {
        const at = `${path}.schedules[${i}]`;
        checkSchedule(problems, at, schedule);
        checkAutoname(problems, at, SCHEDULE_TYPE, `${logicalName}-schedule-${i}`);
        return schedule;
    });
    if (policies.length === 0 && schedules.length === 0) {
        problems.add(
            path,
            "autoscaling has neither a policy nor a schedule, so nothing would ever change the task count.",
            "Add cpuUtilization, memoryUtilization, requestsPerTarget or schedules, or drop autoscaling.",
        );
    }
    return { minCapacity, maxCapacity, policies, schedules };
}

function checkTarget(problems: Problems, path: string, args: TargetTrackingArgs, percent: boolean): void {
    const { target } = args;
    if (percent && !(target > 0 && target <= 100)) {
        problems.add(
            `${path}.target`,
            `target ${describeValue(target)} is not a percent above 0 and at most 100.`,
            "Use a utilization such as 60.",
        );
    } else if (!percent && !(target > 0 && Number.isFinite(target))) {
        problems.add(
            `${path}.target`,
            `target ${describeValue(target)} is not a positive number of requests per task per minute.`,
            "Use a request count such as 1000.",
        );
    }
    for (const cooldown of ["scaleInCooldown", "scaleOutCooldown"] as const) {
        const value = args[cooldown];
        if (value !== undefined) {
            checkIntegerInRange(problems, `${path}.${cooldown}`, value, 0, COOLDOWN_MAX, "cooldown (seconds)");
        }
    }
}

function checkSchedule(problems: Problems, path: string, schedule: ScalingSchedulePlan): void {
    if (!SCHEDULE_FORMS.some(form => form.test(schedule.schedule))) {
        problems.add(
            `${path}.schedule`,
            `${describeValue(schedule.schedule)} is not an at(...), rate(...) or cron(...) expression.`,
            "Use at(2030-01-31T09:00:00), rate(1 day) or cron(0 9 ? * MON-FRI *) (six cron fields).",
        );
    }
    const { minCapacity, maxCapacity } = schedule;
    // ScalableTargetAction: "You can set both values or just one."
    if (minCapacity === undefined && maxCapacity === undefined) {
        problems.add(path, "the schedule sets neither minCapacity nor maxCapacity.", "Set one of them, or both.");
    }
    const minFits =
        minCapacity === undefined ||
        checkIntegerInRange(problems, `${path}.minCapacity`, minCapacity, 0, ECS_MAX_TASKS, "minimum");
    const maxFits =
        maxCapacity === undefined ||
        checkIntegerInRange(problems, `${path}.maxCapacity`, maxCapacity, 0, ECS_MAX_TASKS, "maximum");
    if (minFits && maxFits && minCapacity !== undefined && maxCapacity !== undefined && minCapacity > maxCapacity) {
        problems.add(
            `${path}.minCapacity`,
            `minCapacity ${minCapacity} is above maxCapacity ${maxCapacity}.`,
            "Make minCapacity at most maxCapacity.",
        );
    }
    if (schedule.timezone !== undefined && !TIME_ZONE.test(schedule.timezone)) {
        problems.add(
            `${path}.timezone`,
            `${describeValue(schedule.timezone)} is not the name of an IANA time zone.`,
            "Use a name such as Asia/Tokyo or UTC.",
        );
    }
}

/** `LATEST` or a platform version number, e.g. `1.4.0` (ECS developer guide, "Fargate Linux platform versions"). */
const PLATFORM_VERSION = /^(LATEST|\d+\.\d+\.\d+)$/;

/** Checks the Fargate platform version. */
export function checkPlatformVersion(problems: Problems, path: string, version: string): boolean {
    if (PLATFORM_VERSION.test(version)) return true;
    problems.add(
        path,
        `${describeValue(version)} is not a Fargate platform version.`,
        "Use LATEST or a version such as 1.4.0.",
    );
    return false;
}

/** Whether `version` (a checked one) is below `major.minor.0`; LATEST is the newest. */
export function isBefore(version: string, major: number, minor: number): boolean {
    if (version === "LATEST") return false;
    const [a, b] = version.split(".").map(Number);
    return a < major || (a === major && b < minor);
}

/**
 * Checks a capacity provider strategy at `path` (`services.<key>.capacityProviders`), by the
 * ECS API's CapacityProviderStrategyItem: `weight` 0–1000, `base` 0–100000, "Only one capacity
 * provider in a capacity provider strategy can have a base defined", and at least one weight
 * above 0 (ECS API reference; Security Hub's AwsEcsServiceCapacityProviderStrategyDetails: "At
 * least one capacity provider must have a weight greater than 0"). FARGATE_SPOT "supports Linux
 * tasks with the X86_64 architecture on platform version 1.3.0 or later" (ECS API reference,
 * CapacityProviderStrategyItem).
 */
export function checkCapacityProviders(
    problems: Problems,
    path: string,
    strategy: readonly CapacityProviderArgs[],
    cpuArchitecture: CpuArchitecture,
    platformVersion: string,
): CapacityProviderPlan[] {
    if (strategy.length === 0) {
        problems.add(path, "the strategy has no capacity provider.", "Give FARGATE or FARGATE_SPOT, or drop it.");
        return [];
    }
    let firstBase: string | undefined;
    strategy.forEach((item, i) => {
        const at = `${path}[${i}]`;
        checkIntegerInRange(problems, `${at}.weight`, item.weight, 0, 1000, "weight");
        if (item.base === undefined) return;
        checkIntegerInRange(problems, `${at}.base`, item.base, 0, 100000, "base");
        if (firstBase !== undefined) {
            problems.add(
                `${at}.base`,
                `only one capacity provider of a strategy may have a base (the first is at ${firstBase}).`,
                "Keep base on one entry.",
            );
        } else {
            firstBase = `${at}.base`;
        }
    });
    if (!strategy.some(item => item.weight > 0)) {
        problems.add(
            path,
            "no capacity provider has a weight above 0, so ECS would place no task beyond the base.",
            "Give at least one entry a weight of 1 or more.",
        );
    }
    checkUnique(
        problems,
        strategy.map((item, i) => ({ path: `${path}[${i}].capacityProvider`, key: item.capacityProvider })),
        "capacity provider",
    );
    strategy.forEach((item, i) => {
        if (item.capacityProvider !== "FARGATE_SPOT") return;
        if (cpuArchitecture !== "X86_64") {
            problems.add(
                `${path}[${i}].capacityProvider`,
                `FARGATE_SPOT runs only X86_64 tasks, and cpuArchitecture is ${cpuArchitecture}.`,
                "Use FARGATE for ARM64 images, or build the image for X86_64.",
            );
        }
        if (isBefore(platformVersion, 1, 3)) {
            problems.add(
                `${path}[${i}].capacityProvider`,
                `FARGATE_SPOT needs platform version 1.3.0 or later, and platformVersion is ${platformVersion}.`,
                "Use platformVersion LATEST or 1.4.0.",
            );
        }
    });
    return strategy.map(({ capacityProvider, weight, base }) => ({ capacityProvider, weight, base }));
}
