/**
 * The shape of a {@link BookinfoArgs}: what each input must look like before Bookinfo's rules
 * run, for callers TypeScript does not protect. Tied to the args interfaces by `argsShape`.
 */
import { z } from "zod";
import { argsShape, text } from "../../shape";
import { KUBERNETES_PROVIDER, LOCALITY_MESH_SHAPE, LOCALITY_POLICY_SHAPE } from "../meshLocality/shape";
import { BookinfoArgs, BookinfoClusterArgs, REVIEWS_VERSIONS } from "./args";

const CLUSTER_SHAPE = argsShape<BookinfoClusterArgs>()(
    z.strictObject({
        provider: KUBERNETES_PROVIDER,
        reviewsVersions: z.array(z.enum(REVIEWS_VERSIONS)).optional(),
    }),
);

/** The shape of {@link BookinfoArgs}. The namespace, tag and registry are strings here; the rules check their form. */
export const BOOKINFO_SHAPE = argsShape<BookinfoArgs>()(
    z.strictObject({
        clusters: z.record(text, CLUSTER_SHAPE),
        namespace: text.optional(),
        injectSidecars: z.boolean().optional(),
        imageTag: text.optional(),
        imageRegistry: text.optional(),
        mesh: LOCALITY_MESH_SHAPE.optional(),
        reviewsLocality: LOCALITY_POLICY_SHAPE.optional(),
    }),
);
