/** ASM versions: their form, their order, and the first with cross-region traffic distribution. */

/** The first ASM version with cross-region traffic distribution. */
export const ASM_TRAFFIC_DISTRIBUTION_MIN_VERSION = "1.22.6.66";

/** Parses an ASM version such as `1.22.6.66` or `v1.22.6.71-g8ce85c40-aliyun` into its numbers. */
export function parseAsmVersion(version: string): number[] | undefined {
    const m = /^v?(\d+(?:\.\d+){1,3})(?:-[0-9A-Za-z.-]+)?$/.exec(String(version).trim());
    return m ? m[1].split(".").map(Number) : undefined;
}

/** Compares two parsed versions number by number (missing parts count as 0): <0, 0 or >0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}
