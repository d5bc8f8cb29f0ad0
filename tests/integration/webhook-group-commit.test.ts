// Deliveries that arrive together are stored together (on SQLite one transaction, one commit:
// lib/ingest/stores/group-commit.ts). Each must still get its own outcome, and a batch that
// cannot be stored must answer 503 for every delivery in it, with nothing written.
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { getDb, getDriver } from "@/lib/db";
import { sqliteFilePath } from "@/lib/database-url.mjs";
import { parseDelivery } from "@/lib/ingest/parse";
import { toStoreRequest } from "@/lib/ingest/store";
import { storeDeliveriesSqlite } from "@/lib/ingest/stores/sqlite-store";
import {
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  readGrant,
} from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");

describe(`deliveries in flight together (${provider})`, () => {
  it("each get their own outcome: applied, stale, duplicate, ignored, invalid, and one of two racing copies", async () => {
    const known = "grant_together_known";
    await deliver(
      grantEvent("delivered", {
        id: known,
        status: "Delivered",
        updated_at: "2026-03-01T10:05:00Z",
      }),
      { id: "msg_together_stored" },
    );

    const results = await Promise.all([
      deliver(
        grantEvent("created", { id: "grant_together_new", updated_at: "2026-03-01T10:00:00Z" }),
        { id: "msg_together_new" },
      ),
      deliver(grantEvent("created", { id: known, updated_at: "2026-03-01T10:00:00Z" }), {
        id: "msg_together_older",
      }),
      deliver(
        grantEvent("delivered", {
          id: known,
          status: "Delivered",
          updated_at: "2026-03-01T10:05:00Z",
        }),
        { id: "msg_together_stored" },
      ),
      deliver(
        {
          business_id: "bus_test",
          type: "refund.succeeded",
          timestamp: "2026-03-01T10:00:00Z",
          data: {},
        },
        { id: "msg_together_refund" },
      ),
      deliver("not json at all", { id: "msg_together_invalid" }),
      deliver(
        grantEvent("created", { id: "grant_together_race", updated_at: "2026-03-01T10:00:00Z" }),
        { id: "msg_together_race" },
      ),
      deliver(
        grantEvent("created", { id: "grant_together_race", updated_at: "2026-03-01T10:00:00Z" }),
        { id: "msg_together_race" },
      ),
    ]);

    expect(results.map((r) => r.status)).toEqual(Array(7).fill(200));
    expect(results.slice(0, 5).map((r) => r.body.outcome)).toEqual([
      "applied",
      "stale",
      "duplicate",
      "ignored",
      "invalid",
    ]);
    expect(
      results
        .slice(5)
        .map((r) => r.body.outcome)
        .sort(),
    ).toEqual(["applied", "duplicate"]);
    expect(await readGrant("grant_together_new")).toMatchObject({
      status: "Pending",
      events: [{ outcome: "applied" }],
    });
    expect((await readGrant(known))?.events.map((e) => e.outcome)).toEqual(["applied", "stale"]);
    expect(await readGrant(known)).toMatchObject({ status: "Delivered" });
    expect((await readGrant("grant_together_race"))?.events).toHaveLength(1);
    const db = await getDb();
    expect(
      await db.webhookEvent.findUnique({ where: { id: "msg_together_invalid" } }),
    ).toMatchObject({ outcome: "invalid" });
    expect(
      await db.webhookEvent.findUnique({ where: { id: "msg_together_refund" } }),
    ).toMatchObject({ outcome: "ignored" });
  });
});

describe.runIf(provider === "sqlite")("SQLite group commit", () => {
  const request = (webhookId: string, envelope: unknown) => {
    const body = typeof envelope === "string" ? envelope : JSON.stringify(envelope);
    return toStoreRequest({ webhookId, body, parsed: parseDelivery(body), source: "webhook" });
  };
  const sqlite = () => {
    const driver = getDriver();
    if (driver.provider !== "sqlite") throw new Error("SQLite only");
    return driver.sqlite;
  };

  it("one batch: a delivery that fails rolls back alone; the others are stored with their outcomes", async () => {
    const good = request(
      "msg_batch_good",
      grantEvent("created", { id: "grant_batch_good", updated_at: "2026-03-01T10:00:00Z" }),
    );
    const broken = request(
      "msg_batch_broken",
      grantEvent("created", { id: "grant_batch_broken", updated_at: "2026-03-01T10:00:00Z" }),
    );
    // A statement that fails for this delivery alone (as a bug would): a column the table lacks.
    broken.grant = { ...broken.grant!, noSuchColumn: "x" };
    const copy = request(
      "msg_batch_good",
      grantEvent("created", { id: "grant_batch_good", updated_at: "2026-03-01T10:00:00Z" }),
    );
    const invalid = request("msg_batch_invalid", "{ broken json");

    const results = storeDeliveriesSqlite(sqlite(), [good, broken, copy, invalid]);

    expect(results[0]).toEqual({ ok: true, value: { outcome: "applied" } });
    expect(results[1]).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining("noSuchColumn") }),
    });
    expect(results[2]).toEqual({ ok: true, value: { alreadyRecorded: true } });
    expect(results[3]).toEqual({ ok: true, value: { outcome: "as_given" } });
    const db = await getDb();
    expect(
      await db.webhookEvent.findMany({
        where: { id: { startsWith: "msg_batch_" } },
        select: { id: true, outcome: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { id: "msg_batch_good", outcome: "applied" },
      { id: "msg_batch_invalid", outcome: "invalid" },
    ]);
    expect(await db.grant.findUnique({ where: { id: "grant_batch_broken" } })).toBeNull();
  });

  it("an error after which SQLite rolled back the whole batch fails every delivery in it, nothing written", async () => {
    const rolledBack = (n: number) =>
      request(
        `msg_rolled_back_${n}`,
        grantEvent("created", { id: `grant_rolled_back_${n}`, updated_at: "2026-03-01T10:00:00Z" }),
      );
    const [first, poison, last] = [rolledBack(1), rolledBack(2), rolledBack(3)];
    // What a full disk or an I/O error does mid-batch: SQLite ends the whole transaction, not just
    // the statement. Were the store to carry on, `first` would be answered 200 but never stored.
    const db = sqlite();
    db.exec(`CREATE TEMP TRIGGER roll_back_the_batch BEFORE INSERT ON "Grant"
      WHEN NEW.id = 'grant_rolled_back_2' BEGIN SELECT RAISE(ROLLBACK, 'simulated disk full'); END`);
    let outcome: unknown;
    try {
      outcome = storeDeliveriesSqlite(db, [first, poison, last]);
    } catch (error) {
      outcome = error;
    } finally {
      db.exec("DROP TRIGGER roll_back_the_batch");
    }
    expect(db.inTransaction).toBe(false);
    const prisma = await getDb();
    expect(
      await prisma.webhookEvent.count({ where: { id: { startsWith: "msg_rolled_back_" } } }),
    ).toBe(0);
    expect(await prisma.grant.count({ where: { id: { startsWith: "grant_rolled_back_" } } })).toBe(
      0,
    );
    // Thrown, so the caller answers 503 for all three and Dodo retries them.
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toContain("simulated disk full");
  });

  it("a batch that cannot get the write lock answers 503 with Retry-After for every delivery, nothing written; redeliveries apply", async () => {
    const envelopes = [1, 2, 3].map((n) =>
      grantEvent("created", { id: `grant_locked_${n}`, updated_at: "2026-03-01T10:00:00Z" }),
    );
    const hot = sqlite();
    const other = new BetterSqlite3(sqliteFilePath(process.env.DATABASE_URL!));
    hot.pragma("busy_timeout = 200");
    other.prepare("BEGIN IMMEDIATE").run();
    try {
      const locked = await Promise.all(
        envelopes.map((envelope, n) => deliver(envelope, { id: `msg_locked_${n}` })),
      );
      expect(locked.map((r) => r.status)).toEqual([503, 503, 503]);
      expect(locked.every((r) => /^\d+$/.test(r.headers.get("retry-after") ?? ""))).toBe(true);
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
      hot.pragma("busy_timeout = 5000");
    }
    const db = await getDb();
    expect(await db.webhookEvent.count({ where: { id: { startsWith: "msg_locked_" } } })).toBe(0);
    expect(await db.grant.count({ where: { id: { startsWith: "grant_locked_" } } })).toBe(0);

    const again = await Promise.all(
      envelopes.map((envelope, n) => deliver(envelope, { id: `msg_locked_${n}` })),
    );
    expect(again.map((r) => r.body.outcome)).toEqual(["applied", "applied", "applied"]);
  });
});
