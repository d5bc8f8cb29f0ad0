// Runs before every page: a fresh CSP nonce per request, and the path being viewed (for the
// sign-in page to come back to). It decides nothing about access: every page and route checks
// the signed-in user itself where it reads the data (lib/auth/guards.ts), so a request that skips
// this proxy (e.g. a forged x-middleware-subrequest header) gets no further than one without it.
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
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
  // Pages only: API routes answer JSON (no scripts to protect) and static files need no nonce.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
