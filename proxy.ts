// Runs before every page and API route but the machine-to-machine ones. Pages get a fresh CSP nonce per request and the path being
// viewed (for the sign-in page to come back to); every response gets Strict-Transport-Security
// when the public URL is https (lib/security/hsts.ts).
//
// HSTS is set here, not in next.config.js headers(): those are evaluated once by `next build` and
// frozen into the build output, which `next start` serves as built. Whether a deployment is https
// is runtime configuration (AUTH_URL, checked at start by lib/env.ts): a self-hosted build is often
// made once and run at http://localhost and at https://grants.example.com, and a build made
// without AUTH_URL would ship without HSTS and nobody would notice. On Vercel the build sees the
// same variables as the functions, so reading them at run time is right there too.
//
// Not the webhook and health routes: their callers are Dodo's servers and monitors, not browsers,
// and passing through a proxy costs a request about 0.3–0.4 ms of CPU (an A/B of the health route
// on a 2-core VM), which the webhook's hot path (docs/performance.md) should not pay, nor the
// health route the benchmark uses as its yardstick. They set the header themselves, at no cost.
//
// It decides nothing about access: every page and route checks the signed-in user itself where
// it reads the data (lib/auth/guards.ts), so a request that skips this proxy (e.g. a forged
// x-middleware-subrequest header) gets no further than one without it.
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { strictTransportSecurity } from "@/lib/security/hsts";

export function proxy(request: NextRequest) {
  // API routes answer JSON (no scripts to protect, no sign-in to come back to).
  const response = request.nextUrl.pathname.startsWith("/api/")
    ? NextResponse.next()
    : pageResponse(request);
  const hsts = strictTransportSecurity(getEnv().authUrl);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

function pageResponse(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages and API routes but the webhook and health routes (above). Not the build's static files:
  // the page that loads them carries HSTS.
  matcher: [
    { source: "/((?!api/webhooks/|api/health(?:/|$)|_next/static|_next/image|favicon.ico).*)" },
  ],
};
