import { describe, expect, it } from "vitest";
import { roleCan } from "@/lib/auth/roles";
import { safeReturnPath, signInPath } from "@/lib/auth/sign-in-path";
import { throttleKeys } from "@/lib/auth/throttle";
import { contentSecurityPolicy } from "@/lib/security/csp";

describe("the sign-in return path", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/grants?status=Failed")).toBe("/grants?status=Failed");
    expect(signInPath("/grants/g_1")).toBe("/sign-in?next=%2Fgrants%2Fg_1");
  });

  it("never sends anyone to another site or back to sign-in", () => {
    for (const bad of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
      null,
      "/sign-in?next=/x",
      "/api/v1/grants",
    ]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});

describe("roles", () => {
  it("lets support read and refresh but nothing destructive", () => {
    expect(roleCan("support", "grants:read")).toBe(true);
    expect(roleCan("support", "grants:refresh")).toBe(true);
    for (const permission of [
      "grants:revoke",
      "grants:fulfil",
      "events:reprocess",
      "users:manage",
      "api-keys:manage",
      "audit:read",
    ] as const) {
      expect(roleCan("support", permission), permission).toBe(false);
      expect(roleCan("admin", permission), permission).toBe(true);
    }
  });
});

describe("throttle keys", () => {
  it("are the account (case-insensitive), the address and the pair, in one lock order", () => {
    expect(throttleKeys(" Ann@Example.com ", "203.0.113.7")).toEqual([
      { kind: "account", key: "account:ann@example.com" },
      { kind: "address", key: "address:203.0.113.7" },
      { kind: "pair", key: "pair:ann@example.com|203.0.113.7" },
    ]);
  });

  it("share one address among the attempts whose address is unknown", () => {
    expect(throttleKeys("ann@example.com", null).map((k) => k.key)).toEqual([
      "account:ann@example.com",
      "address:unknown",
      "pair:ann@example.com|unknown",
    ]);
  });
});

describe("the Content-Security-Policy", () => {
  it("allows scripts only with the nonce, and forbids framing, plugins and base changes", () => {
    const policy = contentSecurityPolicy("abc123", false);
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });
});
