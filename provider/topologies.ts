/**
 * The multi-language components, one per stack-file section: which section each builds, its
 * class name (the type token `topologies:index:<component>`), and whether it takes the demo
 * servers' password.
 */
export interface MultilangTopology {
    /** The section key, `topologies:<key>` in a stack file. */
    readonly key: "crossRegionAlb" | "multiEip" | "dualStackAlb" | "meshFailover" | "fargate";
    readonly component: string;
    /** It builds demo ECS servers (S1–S3), so it takes `serverPassword`. */
    readonly servers: boolean;
}

export const MULTILANG_TOPOLOGIES: readonly MultilangTopology[] = [
    { key: "crossRegionAlb", component: "CrossRegionAlb", servers: true },
    { key: "multiEip", component: "MultiEip", servers: true },
    { key: "dualStackAlb", component: "DualStackAlb", servers: true },
    { key: "meshFailover", component: "MeshFailover", servers: false },
    { key: "fargate", component: "Fargate", servers: false },
];
