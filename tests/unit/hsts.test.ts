// Strict-Transport-Security: when it is sent (an https public URL only), and that the proxy, which
// sends it, runs for pages and API routes alike; the webhook and health routes, kept out of the
// proxy for speed, set it themselves (tests/e2e/hsts.spec.ts sees it on every answer).
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  STRICT_TRANSPORT_SECURITY,
  strictTransportSecurity,
  withStrictTransportSecurity,
} from "@/lib/security/hsts";

const HSTS = "max-age=63072000; includeSubDomains";

describe("strictTransportSecurity", () => {
  it.each([
    ["https://grants.example.com", HSTS],
    ["https://grants.example.com:8443/", HSTS],
    ["http://grants.example.com", null],
    ["http://localhost:3000", null],
    [undefined, null],
  ])("for AUTH_URL %s is %s", (publicUrl, expected) => {
    expect(strictTransportSecurity(publicUrl)).toBe(expected);
  });

  it("is two years with subdomains, and not preloaded", () => {
    expect(STRICT_TRANSPORT_SECURITY).toBe(HSTS);
    expect(STRICT_TRANSPORT_SECURITY).not.toContain("preload");
  });
});

describe("withStrictTransportSecurity", () => {
  it("adds the header for an https public URL only", () => {
    const https = withStrictTransportSecurity(new Response("ok"), "https://grants.example.com");
    expect(https.headers.get("strict-transport-security")).toBe(HSTS);
    const http = withStrictTransportSecurity(new Response("ok"), "http://localhost:3000");
    expect(http.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the proxy", () => {
  const PATHS = [
    "/",
    "/sign-in",
    "/grants/g_1",
    "/api/v1/grants",
    "/api/auth/sign-in/email",
    "/api/healthy-looking-but-not-health",
  ];

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  /** proxy.ts with a fresh lib/env.ts, so it reads the AUTH_URL given here. */
  async function proxyWith(authUrl: string | undefined) {
    vi.stubEnv("AUTH_URL", authUrl);
    vi.resetModules();
    return import("@/proxy");
  }

  it("runs for every page and API route but webhook and health, not for static files", async () => {
    const { config } = await proxyWith(undefined);
    for (const path of PATHS)
      expect(unstable_doesMiddlewareMatch({ config, url: path }), path).toBe(true);
    for (const path of [
      "/api/webhooks/dodo",
      "/api/health",
      "/api/health/live",
      "/_next/static/chunks/a.js",
    ])
      expect(unstable_doesMiddlewareMatch({ config, url: path }), path).toBe(false);
  });

  it("sends HSTS on pages and API routes when AUTH_URL is https", async () => {
    const { proxy } = await proxyWith("https://grants.example.com");
    for (const path of PATHS) {
      const response = proxy(new NextRequest(`https://grants.example.com${path}`));
      expect(response.headers.get("strict-transport-security"), path).toBe(HSTS);
    }
  });

  it.each([["http://localhost:3000"], [undefined]])(
    "sends none when AUTH_URL is %s",
    async (authUrl) => {
      const { proxy } = await proxyWith(authUrl);
      for (const path of PATHS) {
        const response = proxy(new NextRequest(`http://localhost:3000${path}`));
        expect(response.headers.get("strict-transport-security"), path).toBeNull();
      }
    },
  );
});
