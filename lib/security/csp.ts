// The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next
// puts it on its own scripts when it finds the policy on the request), so a stored <script> in a
// grant's error message could not run even if it reached the HTML. Styles allow inline because
// React's style attributes are inline; no script can come from them.

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in `next dev`: React's dev tooling needs it; production never sends it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}
