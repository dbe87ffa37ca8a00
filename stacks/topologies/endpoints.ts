/** What an endpoint output says when no CNAME is configured (S1, S3). */
export const NO_CNAME =
    "none: set dns (an ALB created since 2025 does not answer on its own DNS name; clients need a CNAME to it)";

/** How an Alibaba Cloud ALB section (S1, S3) serves HTTPS instead of plain HTTP. */
export const HTTPS_FIX =
    "Set listener: { protocol: HTTPS, certificateId: <the id of your certificate in Certificate Management Service> }; HTTP on 80 then redirects to it.";
