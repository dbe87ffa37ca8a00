/**
 * Where an ALB fetches from ("back-to-origin"), decided one way for every ALB component: the
 * blocks its backends' security groups admit by default, and the one rule (and wording) for a
 * block of the ALB service range 100.64.0.0/10, which ALBs of every tenant share.
 */
import { Problems } from "../../errors";
import { Cidr, PlacedCidr, checkCidr, checkNoOverlaps, cidrContains, cidrsOverlap } from "../../net";
import { VSwitchInfo } from "../vpc";
import { ALB_LEGACY_BACK_TO_ORIGIN_RANGE } from "./args";

/** How the ALB fetches from its backends: see {@link BackToOriginArgs}. */
export const BACK_TO_ORIGIN_MODES = ["vswitch", "legacy"] as const;

/**
 * How the ALB fetches from its backends ("back-to-origin"). ALBs created since 2025 use
 * addresses of their own vSwitches; older ALBs use 100.64.0.0/10 blocks listed on the instance's
 * details page ("Back-to-origin routes").
 */
export type BackToOriginArgs =
    | { mode: "vswitch" }
    | {
          mode: "legacy";
          /**
           * The blocks the console lists for the ALB, each inside 100.64.0.0/10 and /24 or smaller
           * (S1's tutorial lists six /25 and /26 blocks). They are the only sources the backends'
           * security groups admit (S1 routes them back through the CEN too).
           */
          cidrBlocks: string[];
      };

/**
 * Widest block of 100.64.0.0/10 a backend may admit: the console lists /25 and /26 blocks for an
 * ALB, and a wider one would admit the ALBs of other tenants, which fetch from the same range.
 */
export const WIDEST_BACK_TO_ORIGIN_PREFIX = 24;

/** The blocks the ALB fetches from, and whether they are the legacy 100.64.0.0/10 ones. */
export interface BackToOriginPlan {
    readonly cidrs: string[];
    readonly legacy: boolean;
}

/**
 * The blocks the ALB fetches from: its vSwitches' (mode `vswitch`, the default), or the legacy
 * blocks listed, each checked by {@link checkServiceRangeBlock}.
 */
export function checkBackToOrigin(
    problems: Problems,
    given: BackToOriginArgs | undefined,
    albVSwitches: readonly VSwitchInfo[],
): BackToOriginPlan {
    const mode = given ?? { mode: "vswitch" as const };
    if (mode.mode === "vswitch") {
        // Typed callers cannot write it; an untyped one would expect the blocks to be used.
        if ("cidrBlocks" in mode && mode.cidrBlocks !== undefined) {
            problems.add(
                "backToOrigin.cidrBlocks",
                "an ALB in mode 'vswitch' fetches from its vSwitches' addresses; the blocks would not be used.",
                "Drop cidrBlocks, or set mode 'legacy' for an ALB created before 2025.",
            );
        }
        return { cidrs: albVSwitches.map(v => v.cidrBlock), legacy: false };
    }
    const listed = mode.cidrBlocks ?? [];
    if (listed.length === 0) {
        problems.add(
            "backToOrigin.cidrBlocks",
            "legacy back-to-origin needs the blocks shown on the ALB's details page.",
            "Copy every block listed under 'Back-to-origin routes' of the ALB, " +
                "or use mode 'vswitch' for ALBs created since 2025.",
        );
    }
    const placed: PlacedCidr[] = [];
    const cidrs: string[] = [];
    listed.forEach((text, i) => {
        const path = `backToOrigin.cidrBlocks[${i}]`;
        const block = checkCidr(problems, path, text, 4);
        if (!block) return;
        if (!cidrContains(ALB_LEGACY_BACK_TO_ORIGIN_RANGE, block)) {
            problems.add(
                path,
                `back-to-origin block ${block.text} is not inside ${ALB_LEGACY_BACK_TO_ORIGIN_RANGE}, ` +
                    "where legacy ALBs fetch from.",
                "Copy the blocks from the ALB's 'Back-to-origin routes', " +
                    "or use mode 'vswitch' for ALBs created since 2025.",
            );
        } else {
            checkServiceRangeBlock(problems, path, block);
        }
        placed.push({ name: `back-to-origin block ${i}`, cidr: block, path });
        cidrs.push(block.text);
    });
    checkNoOverlaps(problems, placed, "List each back-to-origin block once.");
    return { cidrs, legacy: true };
}

/**
 * The rule for a source block that reaches into the ALB service range 100.64.0.0/10: it must lie
 * inside it and be /24 or smaller ({@link WIDEST_BACK_TO_ORIGIN_PREFIX}), or the backend port is
 * open to the ALBs of other tenants. Blocks outside the range pass.
 */
export function checkServiceRangeBlock(problems: Problems, path: string, block: Cidr): void {
    if (block.family !== 4 || !cidrsOverlap(block, ALB_LEGACY_BACK_TO_ORIGIN_RANGE)) return;
    if (cidrContains(ALB_LEGACY_BACK_TO_ORIGIN_RANGE, block) && block.prefix >= WIDEST_BACK_TO_ORIGIN_PREFIX) return;
    problems.add(
        path,
        `back-to-origin block ${block.text} is wider than /${WIDEST_BACK_TO_ORIGIN_PREFIX}; ` +
            "it would open the backend port to addresses that are not this ALB's " +
            "(the console lists /25 and /26 blocks).",
        "List the exact blocks the ALB's details page shows.",
    );
}
