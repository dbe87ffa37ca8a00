/** What an endpoint output says when no CNAME is configured (S1, S3). */
export const NO_CNAME =
    "none: set dns (an ALB created since 2025 does not answer on its own DNS name; clients need a CNAME to it)";
