/**
 * The components under fuzz, one file each: the valid input it starts from (the README examples'
 * numbers) and what it needs built first; then the shipped stack files. Names are the fuzz
 * table's rows.
 */
import { Fuzzable, FuzzTarget, componentFuzzable } from "../runner";
import { STACK_FILES, stackFuzzable } from "../stackFiles";
import { ackCluster } from "./ackCluster";
import { albFargateService } from "./albFargateService";
import { albFargateServiceOnVpc } from "./albFargateServiceOnVpc";
import { bookinfo } from "./bookinfo";
import { cenTransitNetwork } from "./cenTransitNetwork";
import { crossRegionAlbBackend } from "./crossRegionAlbBackend";
import { dualStackAlb } from "./dualStackAlb";
import { existingRegionalVpc } from "./existingRegionalVpc";
import { existingTwoTierVpc } from "./existingTwoTierVpc";
import { meshLocalityPolicy } from "./meshLocalityPolicy";
import { multiEipEni } from "./multiEipEni";
import { regionalVpc } from "./regionalVpc";
import { serviceMesh } from "./serviceMesh";
import { twoTierVpc } from "./twoTierVpc";

export const TARGETS: readonly FuzzTarget[] = [
    regionalVpc,
    existingRegionalVpc,
    multiEipEni,
    crossRegionAlbBackend,
    dualStackAlb,
    twoTierVpc,
    existingTwoTierVpc,
    albFargateService,
    albFargateServiceOnVpc,
    cenTransitNetwork,
    ackCluster,
    serviceMesh,
    bookinfo,
    meshLocalityPolicy,
];

/** Everything `npm run fuzz` tries: every component, then every shipped stack file (`stack:<name>`). */
export const FUZZABLES: readonly Fuzzable[] = [
    ...TARGETS.map(componentFuzzable),
    ...STACK_FILES.map(stack => stackFuzzable(stack)),
];
