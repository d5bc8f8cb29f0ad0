// A transaction pooler without pgbouncer=true in the URL hands a connection's transactions to
// server connections that another client already prepared our statements on: PostgreSQL answers
// `prepared statement "grantdesk_…" already exists`. The delivery must still be stored (retried
// unnamed), and the operator told once how to avoid it.
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { closeDriver, openPostgresPool, type Driver } from "@/lib/db-driver";
import { parseDelivery } from "@/lib/ingest/parse";
import { findRecordedDelivery, storeDelivery } from "@/lib/ingest/store";
import { sendsUnnamed } from "@/lib/ingest/stores/postgres-sql";
import { grantEvent } from "../support/webhooks";

const provider = inject("testProvider");

function store(driver: Driver, id: string) {
  const body = JSON.stringify(
    grantEvent("delivered", { id, status: "Delivered", updated_at: "2026-03-01T10:00:00Z" }),
  );
  return storeDelivery(driver, {
    webhookId: `msg_${id}`,
    body,
    parsed: parseDelivery(body),
    source: "webhook",
  });
}

function postgresDriver(): Driver {
  return { provider: "postgresql", pool: openPostgresPool(process.env.DATABASE_URL!, 1) };
}

/** The names the hot path prepares for a pre-check and a lone delivery. */
async function statementNames(): Promise<string[]> {
  const scratch = postgresDriver();
  if (scratch.provider !== "postgresql") throw new Error("unreachable");
  const spy = vi.spyOn(scratch.pool, "query");
  await findRecordedDelivery(scratch, "msg_clash_scratch");
  await store(scratch, "clash_scratch");
  await closeDriver(scratch);
  const names = spy.mock.calls.map(([config]) => (config as unknown as { name?: string }).name);
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

describe.skipIf(provider !== "postgresql")("a pooler that mixes up prepared statements", () => {
  const driver = postgresDriver();
  afterAll(() => closeDriver(driver));

  it("retries unnamed, stores the delivery, and says once to add pgbouncer=true", async () => {
    if (driver.provider !== "postgresql") throw new Error("unreachable");
    const names = await statementNames();
    expect(names).toHaveLength(2);
    // The one server connection already holds both names, as one a pooler reuses would.
    for (const name of names) await driver.pool.query(`PREPARE ${name} AS SELECT 1`);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    expect(await findRecordedDelivery(driver, "msg_clash_1")).toBeNull();
    expect((await store(driver, "clash_1")).outcome).toBe("applied");
    expect((await store(driver, "clash_2")).outcome).toBe("applied");
    expect(await findRecordedDelivery(driver, "msg_clash_1")).toMatchObject({
      outcome: "duplicate",
    });

    expect(sendsUnnamed(driver.pool)).toBe(true);
    const lines = warn.mock.calls.map((args) => String(args[0]));
    expect(lines.filter((line) => line.includes("pgbouncer=true"))).toHaveLength(1);
    warn.mockRestore();
  });
});

describe("which URLs send unnamed statements from the start", () => {
  const pool = (connectionString: string) => ({ options: { connectionString } }) as never;
  it.each([
    ["postgresql://u:p@db.example.com:5432/g", false],
    ["postgresql://u:p@db.example.com/g", false],
    ["postgresql://u:p@db.example.com:5432/g?sslmode=require&pgbouncer=true", true],
    ["postgresql://u:p@aws-0-eu.pooler.supabase.com:6543/postgres", true],
  ])("%s → %s", (url, unnamed) => expect(sendsUnnamed(pool(url))).toBe(unnamed));
});
