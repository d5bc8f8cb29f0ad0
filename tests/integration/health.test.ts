import { afterEach, describe, expect, inject, it, vi } from "vitest";

async function getHealth() {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  const provider = inject("testProvider");
  const original = process.env.DATABASE_URL;

  afterEach(async () => {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    process.env.DATABASE_URL = original;
    vi.resetModules();
  });

  it(`answers ok with the provider (${provider})`, async () => {
    expect(await getHealth()).toEqual({ status: 200, body: { ok: true, database: provider } });
  });

  it(`answers 503 when the database cannot be reached (${provider})`, async () => {
    process.env.DATABASE_URL =
      provider === "sqlite" ? "file:/etc/hostname/grantdesk-not-a-dir/x.db" : "postgresql://grantdesk:pw@127.0.0.1:9/nowhere";
    vi.resetModules();
    const started = Date.now();
    const { status, body } = await getHealth();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, database: provider });
    expect(body.error).toEqual(expect.any(String));
    expect(body.error).not.toContain("pw@");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
