import path from "node:path";
import { afterAll, afterEach, describe, expect, inject, it, vi } from "vitest";
import {
  TEST_DIR,
  dropPostgresDatabase,
  postgresUrl,
  removeSqliteFiles,
  uniqueName,
  withPostgresAdmin,
} from "../support/test-databases";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A database that exists but has no tables. */
async function emptyPostgresDatabase(): Promise<string> {
  const server = inject("testServerUrl")!;
  const name = uniqueName("unmigrated");
  await withPostgresAdmin(server, (client) => client.query(`CREATE DATABASE "${name}"`));
  cleanups.push(() => dropPostgresDatabase(server, name));
  return postgresUrl(server, name);
}

function emptySqliteFile(): string {
  const file = path.join(TEST_DIR, `${uniqueName("unmigrated")}.db`);
  cleanups.push(() => removeSqliteFiles(file));
  return `file:${file}`;
}

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

  it(`answers 503 with the fix when the database has not been migrated (${provider})`, async () => {
    process.env.DATABASE_URL =
      provider === "sqlite" ? emptySqliteFile() : await emptyPostgresDatabase();
    vi.resetModules();
    const { status, body } = await getHealth();
    expect(status).toBe(503);
    expect(body.error).toContain("npm run db:migrate");
  });

  it(`answers 503 when the database cannot be reached (${provider})`, async () => {
    process.env.DATABASE_URL =
      provider === "sqlite"
        ? "file:/etc/hostname/grantdesk-not-a-dir/x.db"
        : "postgresql://grantdesk:pw@127.0.0.1:9/nowhere";
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
