/** Deterministic, provider-styled fake ids, so snapshots and assertions stay stable. */
import { digest } from "../../components/naming";

/** An id such as `vpc-mock1a2b3c4d` for the resource named `name`. */
export function fakeId(prefix: string, name: string): string {
    return `${prefix}-mock${digest(name)}`;
}

/**
 * An EC2-style id for the resource named `name`: its prefix and 17 hexadecimal digits, the form
 * EC2 gives since 2016 (EC2 User Guide, "Resource IDs"), e.g. `vpc-0a1b2c3d4e5f60718`. The
 * components check ids they are given in that form (`checkEc2Id`), also ones that come from
 * another resource's outputs, so the offline engine answers in it.
 */
export function fakeEc2Id(prefix: string, name: string): string {
    return `${prefix}-0${digest(name)}${digest(`#${name}`)}`;
}
