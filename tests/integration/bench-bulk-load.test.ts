// The page benchmark seeds a million grants by a bulk path (scripts/bench/), not through the
// webhook route: this proves that path writes exactly the rows ingestion writes. A sample of
// generated deliveries — out of order, redelivered, re-sent as new messages, refused by the
// schema — goes through the real route into this file's database, and the same deliveries
// through the bulk path into a second one; then every column of every row must match.
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { sqliteFilePath } from "@/lib/database-url.mjs";
import { rowsAfterIngesting } from "../../scripts/bench/delivery-rows";
import { deliveriesOfGrants, type DatasetSpec } from "../../scripts/bench/grant-deliveries";
import { writeInBulk } from "../../scripts/bench/write-in-bulk";
import { cloneTemplate, uniqueName } from "../support/test-databases";
import { SECRET, configureWebhookSecrets, deliver } from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");

// Dodo's quirks made common, so that ~200 deliveries meet each of them several times.
const SAMPLE: DatasetSpec = {
  grants: 80,
  now: Date.parse("2026-11-30T12:00:00Z"),
  seed: 3,
  quirks: { retriedLate: 0.25, redelivered: 0.15, resentAsNewMessage: 0.1, invalid: 0.05 },
};

/**
 * Stamped with the server's clock when a delivery is received and written: the time of this test
 * run through the route, the delivery's generated arrival in the bulk load. Nothing else differs.
 */
const CLOCK_COLUMNS: Record<string, string[]> = {
  Grant: ["firstSeenAt", "lastChangedAt"],
  WebhookEvent: ["receivedAt", "processedAt"],
  Customer: [],
};

type Rows = Record<string, unknown>[];

async function query(url: string, sql: string): Promise<Rows> {
  if (provider === "sqlite") {
    const db = new BetterSqlite3(sqliteFilePath(url), { readonly: true });
    try {
      return db.prepare(sql).safeIntegers(true).all() as Rows;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Rows;
  } finally {
    await client.end();
  }
}

/** Every column as the driver returns it (SQLite: the stored text and integers, untouched). */
async function rowsOf(url: string, table: string): Promise<Rows> {
  const rows = await query(url, `SELECT * FROM "${table}" ORDER BY "id"`);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).filter(([column]) => !CLOCK_COLUMNS[table]!.includes(column)),
    ),
  );
}

const indexesOf = (url: string) =>
  query(
    url,
    provider === "sqlite"
      ? `SELECT "sql" FROM sqlite_master WHERE type = 'index' ORDER BY "name"`
      : `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`,
  );

describe(`the page benchmark's bulk load (${provider})`, () => {
  it("writes every column of every Grant, WebhookEvent and Customer row as the webhook route does", async () => {
    const deliveries = deliveriesOfGrants(SAMPLE, 0, SAMPLE.grants);
    const answered: Record<string, number> = {};
    for (const { webhookId, body } of deliveries) {
      const result = await deliver(body, { id: webhookId });
      expect(result.status).toBe(200);
      answered[result.body.outcome!] = (answered[result.body.outcome!] ?? 0) + 1;
    }
    const ingestedUrl = process.env.DATABASE_URL!;
    const ingestedGrants = await rowsOf(ingestedUrl, "Grant");
    const ingestedEvents = await rowsOf(ingestedUrl, "WebhookEvent");
    const ingestedCustomers = await rowsOf(ingestedUrl, "Customer");
    expect(ingestedCustomers.length).toBe(SAMPLE.grants / 4);
    const stored = (outcome: string) => ingestedEvents.filter((e) => e.outcome === outcome).length;
    // The sample meets every case the merge and the store distinguish.
    expect(deliveries.length).toBeGreaterThanOrEqual(200);
    expect(new Set(deliveries.map((d) => d.webhookId)).size).toBeLessThan(deliveries.length);
    for (const outcome of ["applied", "stale", "duplicate", "invalid"])
      expect(stored(outcome), outcome).toBeGreaterThan(0);
    expect(answered.duplicate).toBeGreaterThan(stored("duplicate"));
    expect(new Set(ingestedGrants.map((g) => g.status))).toEqual(
      new Set(["Pending", "Delivered", "Failed", "Revoked"]),
    );

    const bulk = await cloneTemplate(provider, inject("testTemplate"), uniqueName("bulk"));
    try {
      await writeInBulk(bulk.url, [rowsAfterIngesting(deliveries)]);
      expect(await rowsOf(bulk.url, "Grant")).toEqual(ingestedGrants);
      expect(await rowsOf(bulk.url, "WebhookEvent")).toEqual(ingestedEvents);
      expect(await rowsOf(bulk.url, "Customer")).toEqual(ingestedCustomers);
      expect(ingestedEvents).toHaveLength(new Set(deliveries.map((d) => d.webhookId)).size);
      // The indexes set aside for the load are back, exactly as the migrations made them.
      expect(await indexesOf(bulk.url)).toEqual(await indexesOf(ingestedUrl));
    } finally {
      await bulk.drop();
    }
  });
});
