// Strict-Transport-Security: once a browser has seen it, it opens this host over https only, for
// two years, so a later http:// link or a network that strips TLS cannot downgrade the session.
//
// Sent only when the public URL (AUTH_URL) is https. Never when it is http or unset: that is a
// local install (http://localhost, a LAN address), and pinning https there would lock the
// browser out of every http service on that host name for two years.
//
// includeSubDomains: hosts under Grantdesk's own name (grants.example.com → *.grants.example.com)
// have no business serving http either; it does not reach example.com or its other subdomains.
// No `preload`: asking browsers to ship the rule built in is a decision about the whole
// registrable domain (the preload list only takes the apex, and it binds every subdomain for
// months, even after the header is gone), which belongs to whoever owns that domain, not to an
// app deployed on one of its subdomains.
import { getEnv } from "../env";

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The header's value for this deployment's public URL, or null when it must not be sent. */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  if (!publicUrl) return null;
  return new URL(publicUrl).protocol === "https:" ? STRICT_TRANSPORT_SECURITY : null;
}

/** For the routes outside the proxy (webhook, health): the same header, on their own response. */
export function withStrictTransportSecurity(
  response: Response,
  publicUrl: string | undefined = getEnv().authUrl,
): Response {
  const value = strictTransportSecurity(publicUrl);
  if (value) response.headers.set("strict-transport-security", value);
  return response;
}
