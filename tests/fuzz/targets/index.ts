/**
 * The components under fuzz, one file each: the valid input it starts from (the README examples'
 * numbers) and what it needs built first. Names are the fuzz table's rows.
 */
import { FuzzTarget } from "../runner";
import { albFargateService } from "./albFargateService";
import { crossRegionAlbBackend } from "./crossRegionAlbBackend";
import { dualStackAlb } from "./dualStackAlb";
import { multiEipEni } from "./multiEipEni";
import { regionalVpc } from "./regionalVpc";
import { twoTierVpc } from "./twoTierVpc";

export const TARGETS: readonly FuzzTarget[] = [
    regionalVpc,
    multiEipEni,
    twoTierVpc,
    albFargateService,
    crossRegionAlbBackend,
    dualStackAlb,
];
