/** Deterministic, provider-styled fake ids, so snapshots and assertions stay stable. */

/** A short stable hex digest of `text` (FNV-1a, 32 bit). */
export function digest(text: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
}

/** An id such as `vpc-mock1a2b3c4d` for the resource named `name`. */
export function fakeId(prefix: string, name: string): string {
    return `${prefix}-mock${digest(name)}`;
}
