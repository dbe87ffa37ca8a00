/**
 * The shape of an {@link AckClusterArgs}: what each input must look like before the cluster's
 * rules run, for callers TypeScript does not protect. Tied to the args interface by `argsShape`.
 */
import { z } from "zod";
import { argsShape, input, instanceOf, text, wholeNumber } from "../../shape";
import { PUBLIC_API_SERVER_SHAPE } from "../apiServerAccess";
import { ALIBABA_TAGS } from "../tags";
import { RegionalVpc } from "../vpc";
import { ACK_CLUSTER_SPECS, ACK_NETWORK_PLUGINS, AckClusterArgs, AckNodePoolArgs } from "./args";

const NODE_POOL_SHAPE = argsShape<AckNodePoolArgs>()(
    z.strictObject({
        instanceTypes: z.array(text),
        desiredSize: wholeNumber(0, 1000).optional(),
        systemDiskCategory: text.optional(),
        systemDiskSize: wholeNumber(20, 2048).optional(),
        vSwitches: z.array(text).optional(),
        keyName: input(text).optional(),
    }),
);

/** The shape of {@link AckClusterArgs}. CIDR blocks and the version are strings here; the rules parse them. */
export const ACK_CLUSTER_SHAPE = argsShape<AckClusterArgs>()(
    z.strictObject({
        vpc: instanceOf(RegionalVpc, "RegionalVpc"),
        vSwitches: z.array(text),
        networkPlugin: z.enum(ACK_NETWORK_PLUGINS).optional(),
        podCidr: z.string().optional(),
        podVSwitches: z.array(text).optional(),
        serviceCidr: z.string(),
        clusterSpec: z.enum(ACK_CLUSTER_SPECS).optional(),
        kubernetesVersion: z.string().optional(),
        clusterName: z.string().optional(),
        deletionProtection: z.boolean().optional(),
        publicApiServer: PUBLIC_API_SERVER_SHAPE.optional(),
        nodePool: NODE_POOL_SHAPE,
        tags: ALIBABA_TAGS.optional(),
    }),
);
