/** Deterministic, provider-styled fake ids, so snapshots and assertions stay stable. */
import { digest } from "../../components/naming";

/** An id such as `vpc-mock1a2b3c4d` for the resource named `name`. */
export function fakeId(prefix: string, name: string): string {
    return `${prefix}-mock${digest(name)}`;
}
