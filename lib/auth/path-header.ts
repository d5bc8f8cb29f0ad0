/** The request header the proxy sets with the path being viewed, to come back to after signing in. */
export const PATH_HEADER = "x-grantdesk-path";
