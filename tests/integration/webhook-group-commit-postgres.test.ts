// Group commit on PostgreSQL (lib/ingest/stores/postgres-batch.ts): grant deliveries that reach
// the store together are written by one multi-row statement. Called at the store level, like the
// SQLite group-commit tests, so each test decides exactly what one batch holds. Every delivery must
// get the result (and the stored event row the outcome) it would get on its own.
import pg from "pg";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { getDriver } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { parseDelivery } from "@/lib/ingest/parse";
import { toStoreRequest } from "@/lib/ingest/store";
import type { Settled, StoreRequest, StoreResult } from "@/lib/ingest/stores/store-request";
import {
  findEventPostgres,
  storeDeliveriesPostgres,
  storeOneDeliveryPostgres,
} from "@/lib/ingest/stores/postgres-store";
import { grantEvent } from "../support/webhooks";

const provider = inject("testProvider");

const request = (
  webhookId: string,
  envelope: unknown,
  options: { replacesInvalid?: boolean } = {},
): StoreRequest => {
  const body = typeof envelope === "string" ? envelope : JSON.stringify(envelope);
  return toStoreRequest({
    webhookId,
    body,
    parsed: parseDelivery(body),
    source: "webhook",
    ...options,
  });
};

/** A snapshot of `id` at minute `minute` past 10:00 (a later minute is a newer snapshot). */
const at = (id: string, minute: number, data: Record<string, unknown> = {}) =>
  grantEvent("updated", {
    id,
    status: "Delivered",
    updated_at: `2026-03-01T10:${String(minute).padStart(2, "0")}:00Z`,
    ...data,
  });

const ok = (value: StoreResult): Settled<StoreResult> => ({ ok: true, value });
const applied = ok({ outcome: "applied" });
const stale = ok({ outcome: "stale" });
const duplicate = ok({ outcome: "duplicate" });
const alreadyRecorded = ok({ alreadyRecorded: true });

describe.runIf(provider === "postgresql")("PostgreSQL group commit", () => {
  const pool = () => {
    const driver = getDriver();
    if (driver.provider !== "postgresql") throw new Error("PostgreSQL only");
    return driver.pool;
  };
  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await pool().query<T>(text, values)).rows;
  const storedOutcomes = (prefix: string) =>
    sql<{ id: string; outcome: string }>(
      `SELECT "id", "outcome" FROM "WebhookEvent" WHERE "id" LIKE $1 ORDER BY "id"`,
      [`${prefix}%`],
    );
  const storedOrder = async (grantId: string) =>
    (
      await sql<{ snapshotOrder: string; status: string; updatedAt: Date }>(
        `SELECT "snapshotOrder", "status", "updatedAt" FROM "Grant" WHERE "id" = $1`,
        [grantId],
      )
    )[0];
  /**
   * The writing statements sent through the pool from now on (a batch statement is told by its
   * `outcomes` CTE; a reprocessing request runs on a client of its own and is not seen here).
   */
  const spyStatements = () => {
    const spy = vi.spyOn(pool(), "query");
    return () =>
      spy.mock.calls
        .map(([config]) =>
          typeof config === "string"
            ? { text: config }
            : (config as { text: string; name?: string }),
        )
        .filter((statement) => statement.text.includes("INSERT INTO"));
  };
  afterEach(() => vi.restoreAllMocks());

  it("new grants in one batch: ONE statement, each applied, rows identical to the one-delivery statement's", async () => {
    const rich = {
      metadata: { plan: "pro", seats: 3, nested: { ok: true } },
      license_key: {
        id: "lk_1",
        key: "KEY-AAAA-BBBB-1234",
        status: "active",
        activations_used: 2,
        activations_limit: 5,
        expires_at: "2027-01-01T00:00:00Z",
      },
      digital_product_delivery: {
        files: [
          { file_id: "f1", filename: "a.zip", download_url: "https://x/a.zip", expires_in: 3600 },
        ],
        instructions: "<b>hi</b>",
      },
      delivered_at: "2026-03-01T10:01:00.123Z",
    };
    // The reference: the same snapshot stored alone (under another grant id).
    expect(
      await storeOneDeliveryPostgres(pool(), request("msg_new_ref", at("grant_new_ref", 1, rich))),
    ).toEqual({ outcome: "applied" });

    const statements = spyStatements();
    const results = await storeDeliveriesPostgres(pool(), [
      request("msg_new_c", at("grant_new_c", 1, rich)),
      request("msg_new_a", at("grant_new_a", 2)),
      request("msg_new_b", at("grant_new_b", 3)),
    ]);

    expect(results).toEqual([applied, applied, applied]);
    expect(statements()).toHaveLength(1);
    expect(statements()[0]!.text).toContain("outcomes AS (");
    expect(statements()[0]!.name).toMatch(/^grantdesk_/); // prepared: no pgbouncer=true here
    expect(await storedOutcomes("msg_new_")).toEqual(
      ["a", "b", "c", "ref"].map((s) => ({ id: `msg_new_${s}`, outcome: "applied" })),
    );
    const [ref] = await sql(`SELECT * FROM "Grant" WHERE "id" = 'grant_new_ref'`);
    const [batched] = await sql(`SELECT * FROM "Grant" WHERE "id" = 'grant_new_c'`);
    const differing = ["id", "rawSnapshot", "snapshotEventId", "firstSeenAt", "lastChangedAt"];
    const strip = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !differing.includes(k)));
    expect(strip(batched!)).toEqual(strip(ref!));
    expect(batched).toMatchObject({
      metadata: rich.metadata,
      deliveryFiles: rich.digital_product_delivery.files,
      licenseKeyActivationsUsed: 2,
      snapshotEventId: "msg_new_c",
    });
    const [refEvent] = await sql(`SELECT * FROM "WebhookEvent" WHERE "id" = 'msg_new_ref'`);
    const [batchedEvent] = await sql(`SELECT * FROM "WebhookEvent" WHERE "id" = 'msg_new_c'`);
    const eventDiffering = ["id", "rawBody", "grantId", "receivedAt", "processedAt"];
    const stripEvent = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !eventDiffering.includes(k)));
    expect(stripEvent(batchedEvent!)).toEqual(stripEvent(refEvent!));
  });

  it("a batch of more than 16 deliveries is one statement too, sent unnamed (prepared shapes are capped)", async () => {
    const statements = spyStatements();
    const results = await storeDeliveriesPostgres(
      pool(),
      Array.from({ length: 20 }, (_, i) => request(`msg_large_${i}`, at(`grant_large_${i}`, 1))),
    );
    expect(results).toEqual(Array(20).fill(applied));
    expect(statements()).toHaveLength(1);
    expect(statements()[0]!.name).toBeUndefined();
    expect(
      await sql(`SELECT count(*)::int AS n FROM "Grant" WHERE "id" LIKE 'grant_large_%'`),
    ).toEqual([{ n: 20 }]);
  });

  it("one grant several times: only the newest is written; the others are stale, or duplicate when equal to what ends up stored", async () => {
    expect(
      await storeOneDeliveryPostgres(pool(), request("msg_rep_stored", at("grant_rep", 20))),
    ).toEqual({ outcome: "applied" });
    expect(
      await storeOneDeliveryPostgres(pool(), request("msg_rep2_stored", at("grant_rep2", 20))),
    ).toEqual({ outcome: "applied" });

    const statements = spyStatements();
    const results = await storeDeliveriesPostgres(pool(), [
      request("msg_rep_older", at("grant_rep", 10)), // older than stored and winner: stale
      request("msg_rep_newest", at("grant_rep", 30)), // the winner: applied
      request("msg_rep_same_as_stored", at("grant_rep", 20)), // equal to the old stored, older than the winner: stale
      request("msg_rep_newest_again", at("grant_rep", 30)), // equal to the winner, another webhook-id: duplicate
      request("msg_rep_between", at("grant_rep", 25)), // newer than stored, older than the winner: stale
      // A grant none of whose batch snapshots beats the stored one.
      request("msg_rep2_older", at("grant_rep2", 10)), // stale
      request("msg_rep2_equal", at("grant_rep2", 20)), // equal to stored: duplicate
      request("msg_rep2_equal_again", at("grant_rep2", 20)), // duplicate
    ]);

    expect(results).toEqual([stale, applied, stale, duplicate, stale, stale, duplicate, duplicate]);
    expect(statements()).toHaveLength(1); // not a fallback to one statement each
    expect(statements()[0]!.name).toBeUndefined(); // a rare shape (2 grant rows, 8 event rows): not prepared
    expect(await storedOrder("grant_rep")).toMatchObject({
      updatedAt: new Date("2026-03-01T10:30:00Z"),
    });
    expect(await storedOrder("grant_rep2")).toMatchObject({
      updatedAt: new Date("2026-03-01T10:20:00Z"),
    });
    expect(
      (await sql(`SELECT "snapshotEventId" FROM "Grant" WHERE "id" = 'grant_rep'`))[0],
    ).toEqual({ snapshotEventId: "msg_rep_newest" });
    expect(await storedOutcomes("msg_rep")).toEqual([
      { id: "msg_rep2_equal", outcome: "duplicate" },
      { id: "msg_rep2_equal_again", outcome: "duplicate" },
      { id: "msg_rep2_older", outcome: "stale" },
      { id: "msg_rep2_stored", outcome: "applied" },
      { id: "msg_rep_between", outcome: "stale" },
      { id: "msg_rep_newest", outcome: "applied" },
      { id: "msg_rep_newest_again", outcome: "duplicate" },
      { id: "msg_rep_older", outcome: "stale" },
      { id: "msg_rep_same_as_stored", outcome: "stale" },
      { id: "msg_rep_stored", outcome: "applied" },
    ]);
  });

  it("one webhook-id several times (concurrent copies): one stored and answered, the others alreadyRecorded", async () => {
    const statements = spyStatements();
    const results = await storeDeliveriesPostgres(pool(), [
      request("msg_copy_other", at("grant_copy_other", 1)),
      request("msg_copy", at("grant_copy", 5)),
      request("msg_copy", at("grant_copy", 5)),
      request("msg_copy", at("grant_copy", 5)),
    ]);
    expect(results).toEqual([applied, applied, alreadyRecorded, alreadyRecorded]);
    expect(await storedOutcomes("msg_copy")).toEqual([
      { id: "msg_copy", outcome: "applied" },
      { id: "msg_copy_other", outcome: "applied" },
    ]);

    // Copies of a delivery whose first copy's grant loses to a newer one in the same batch.
    const again = await storeDeliveriesPostgres(pool(), [
      request("msg_copy_late", at("grant_copy", 3)),
      request("msg_copy_late", at("grant_copy", 3)),
      request("msg_copy_newer", at("grant_copy", 9)),
    ]);
    expect(again).toEqual([stale, alreadyRecorded, applied]);
    expect(statements()).toHaveLength(2); // one per batch: not a fallback to one statement each
    expect(await storedOrder("grant_copy")).toMatchObject({
      updatedAt: new Date("2026-03-01T10:09:00Z"),
    });
  });

  it("a webhook-id already stored is alreadyRecorded, its row untouched, and it changes no grant", async () => {
    const first = request("msg_known", at("grant_known", 5, { metadata: { first: true } }));
    expect(await storeOneDeliveryPostgres(pool(), first)).toEqual({ outcome: "applied" });
    const [before] = await sql(`SELECT * FROM "WebhookEvent" WHERE "id" = 'msg_known'`);

    const statements = spyStatements();
    const results = await storeDeliveriesPostgres(pool(), [
      request("msg_known", at("grant_known", 5, { metadata: { first: true } })),
      request("msg_known_new", at("grant_known_new", 1)),
      request("msg_known", at("grant_known", 5, { metadata: { first: true } })),
    ]);

    expect(results).toEqual([alreadyRecorded, applied, alreadyRecorded]);
    expect(statements()).toHaveLength(1);
    expect((await sql(`SELECT * FROM "WebhookEvent" WHERE "id" = 'msg_known'`))[0]).toEqual(before);
    expect(
      await sql(`SELECT count(*)::int AS n FROM "WebhookEvent" WHERE "grantId" = 'grant_known'`),
    ).toEqual([{ n: 1 }]);
  });

  it("ignored, invalid and reprocessing requests in the same batch are answered on their own path", async () => {
    expect(
      await storeOneDeliveryPostgres(pool(), request("msg_mixed_reprocess", "{ broken")),
    ).toEqual({ outcome: "as_given" });
    const statements = spyStatements();
    const results = await storeDeliveriesPostgres(pool(), [
      request("msg_mixed_grant_a", at("grant_mixed_a", 1)),
      request("msg_mixed_refund", {
        business_id: "bus_test",
        type: "refund.succeeded",
        timestamp: "2026-03-01T10:00:00Z",
        data: {},
      }),
      request("msg_mixed_invalid", "not json"),
      request("msg_mixed_grant_b", at("grant_mixed_b", 1)),
      request("msg_mixed_reprocess", at("grant_mixed_reprocessed", 1), { replacesInvalid: true }),
      request("msg_mixed_refund", {
        business_id: "bus_test",
        type: "refund.succeeded",
        timestamp: "2026-03-01T10:00:00Z",
        data: {},
      }),
    ]);

    expect([results[0], results[2], results[3], results[4]]).toEqual([
      applied,
      ok({ outcome: "as_given" }),
      applied,
      applied,
    ]);
    // The two copies of the refund are sent at the same time, each on its own: either may win.
    expect([results[1], results[5]]).toEqual(
      expect.arrayContaining([ok({ outcome: "as_given" }), alreadyRecorded]),
    );
    // One multi-row statement for the two grants, one each for the refunds and the invalid body.
    expect(statements().filter((s) => s.text.includes("outcomes AS ("))).toHaveLength(1);
    expect(statements()).toHaveLength(4);
    expect(await storedOutcomes("msg_mixed_")).toEqual([
      { id: "msg_mixed_grant_a", outcome: "applied" },
      { id: "msg_mixed_grant_b", outcome: "applied" },
      { id: "msg_mixed_invalid", outcome: "invalid" },
      { id: "msg_mixed_refund", outcome: "ignored" },
      { id: "msg_mixed_reprocess", outcome: "applied" },
    ]);
    expect(await storedOrder("grant_mixed_reprocessed")).toBeDefined();
  });

  it("rows with other columns are written by a statement of their own, each with its own columns", async () => {
    expect(
      await storeOneDeliveryPostgres(
        pool(),
        request("msg_cols_stored", at("grant_cols_b", 1, { metadata: { kept: true } })),
      ),
    ).toEqual({ outcome: "applied" });
    // Without a metadata column, an update leaves the stored metadata as it is.
    const withoutMetadata = request("msg_cols_b", at("grant_cols_b", 5));
    const { metadata: _metadata, ...grant } = withoutMetadata.grant!;
    withoutMetadata.grant = grant as typeof withoutMetadata.grant;
    const statements = spyStatements();

    const results = await storeDeliveriesPostgres(pool(), [
      request("msg_cols_a", at("grant_cols_a", 1)),
      withoutMetadata,
      request("msg_cols_c", at("grant_cols_c", 1)),
    ]);

    expect(results).toEqual([applied, applied, applied]);
    expect(statements()).toHaveLength(2);
    expect(
      await sql(
        `SELECT "id", "metadata", "updatedAt" FROM "Grant" WHERE "id" LIKE 'grant_cols_%' ORDER BY "id"`,
      ),
    ).toEqual([
      { id: "grant_cols_a", metadata: {}, updatedAt: new Date("2026-03-01T10:01:00Z") },
      { id: "grant_cols_b", metadata: { kept: true }, updatedAt: new Date("2026-03-01T10:05:00Z") },
      { id: "grant_cols_c", metadata: {}, updatedAt: new Date("2026-03-01T10:01:00Z") },
    ]);
  });

  it("a delivery the database refuses fails alone: the batch falls back to one statement each", async () => {
    expect(
      await storeOneDeliveryPostgres(pool(), request("msg_bad_stored", at("grant_bad_known", 20))),
    ).toEqual({ outcome: "applied" });
    // Same columns as the others, so in the same multi-row statement: a value the column refuses.
    const badValue = request("msg_bad_value", at("grant_bad_value", 1));
    badValue.grant = { ...badValue.grant!, createdAt: "not a date" };
    // Other columns, so a statement of its own (as a bug would): a column the table lacks.
    const badColumn = request("msg_bad_column", at("grant_bad_column", 1));
    badColumn.grant = { ...badColumn.grant!, noSuchColumn: "x" };
    const statements = spyStatements();

    const results = await storeDeliveriesPostgres(pool(), [
      request("msg_bad_good", at("grant_bad_good", 1)),
      badValue,
      request("msg_bad_stale", at("grant_bad_known", 10)),
      badColumn,
      request("msg_bad_good", at("grant_bad_good", 1)),
      request("msg_bad_dup", at("grant_bad_known", 20)),
      request("msg_bad_newer", at("grant_bad_known", 30)),
      request("msg_bad_column_peer", at("grant_bad_column_peer", 1)),
    ]);

    expect(results[0]).toEqual(applied);
    expect(results[1]).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining("not a date") }),
    });
    expect(results[2]).toEqual(stale);
    expect(results[3]).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining("noSuchColumn") }),
    });
    expect(results.slice(4)).toEqual([alreadyRecorded, duplicate, applied, applied]);
    // The multi-row statement was tried once, then each of its seven deliveries on its own.
    expect(statements().filter((s) => s.text.includes("outcomes AS ("))).toHaveLength(1);
    expect(
      statements().filter((s) => !s.text.includes("outcomes AS (")).length,
    ).toBeGreaterThanOrEqual(7);
    expect(await storedOutcomes("msg_bad_")).toEqual([
      { id: "msg_bad_column_peer", outcome: "applied" },
      { id: "msg_bad_dup", outcome: "duplicate" },
      { id: "msg_bad_good", outcome: "applied" },
      { id: "msg_bad_newer", outcome: "applied" },
      { id: "msg_bad_stale", outcome: "stale" },
      { id: "msg_bad_stored", outcome: "applied" },
    ]);
    expect(await storedOrder("grant_bad_value")).toBeUndefined();
    expect(await storedOrder("grant_bad_column")).toBeUndefined();
    expect(await storedOrder("grant_bad_known")).toMatchObject({
      updatedAt: new Date("2026-03-01T10:30:00Z"),
    });
  });

  it("a database that cannot be reached fails every request of the batch with that one error, without retrying each", async () => {
    const down = new pg.Pool({
      connectionString: "postgresql://grantdesk:secret@127.0.0.1:9/grantdesk",
      connectionTimeoutMillis: 2_000,
    });
    down.on("error", () => undefined);
    const connects = vi.spyOn(down, "connect");
    try {
      const results = await storeDeliveriesPostgres(down, [
        request("msg_down_a", at("grant_down_a", 1)),
        request("msg_down_b", at("grant_down_b", 1)),
        request("msg_down_c", at("grant_down_c", 1)),
      ]);
      expect(results.every((r) => !r.ok && isDatabaseUnavailable(r.error))).toBe(true);
      const errors = results.map((r) => (r.ok ? null : r.error));
      expect(errors[1]).toBe(errors[0]);
      expect(errors[2]).toBe(errors[0]);
      expect(connects).toHaveBeenCalledTimes(1);
    } finally {
      await down.end();
    }
  });

  it("duplicate pre-checks made together are one statement, each answered for its own webhook-id", async () => {
    expect(
      await storeOneDeliveryPostgres(pool(), request("msg_check_stored", at("grant_check", 1))),
    ).toEqual({ outcome: "applied" });
    expect(
      await storeOneDeliveryPostgres(
        pool(),
        request("msg_check_refund", {
          business_id: "bus_test",
          type: "refund.succeeded",
          timestamp: "2026-03-01T10:00:00Z",
          data: {},
        }),
      ),
    ).toEqual({ outcome: "as_given" });
    const spy = vi.spyOn(pool(), "query");

    const found = await Promise.all(
      ["msg_check_stored", "msg_check_unknown", "msg_check_refund", "msg_check_stored"].map((id) =>
        findEventPostgres(pool(), id),
      ),
    );

    expect(found).toEqual([
      { type: "entitlement_grant.updated", grantId: "grant_check" },
      null,
      { type: "refund.succeeded", grantId: null },
      { type: "entitlement_grant.updated", grantId: "grant_check" },
    ]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await findEventPostgres(pool(), "msg_check_unknown")).toBeNull();
  });

  it("concurrent batches on different connections, overlapping grants in opposite orders: no deadlock, every grant ends on its newest snapshot", async () => {
    const grants = ["grant_race_a", "grant_race_b", "grant_race_c", "grant_race_d"];
    const batches = Array.from({ length: 12 }, (_, b) => {
      // Each batch holds every grant once, in its own order, at minutes that differ per batch.
      const order = b % 2 === 0 ? grants : [...grants].reverse();
      return order.map((id, i) =>
        request(`msg_race_${b}_${i}`, at(id, ((b * 7 + i * 13) % 50) + 1)),
      );
    });
    const newest = new Map(
      grants.map((id) => [
        id,
        Math.max(
          ...batches
            .flat()
            .filter((r) => r.grant!.id === id)
            .map((r) => (r.grant!.updatedAt as Date).getTime()),
        ),
      ]),
    );

    const statements = spyStatements();
    const results = await Promise.all(
      batches.map((batch) => storeDeliveriesPostgres(pool(), batch)),
    );

    // One statement per batch: none failed (a deadlock would have been retried one by one).
    expect(statements()).toHaveLength(batches.length);
    expect(results.flat().every((r) => r.ok && "outcome" in r.value)).toBe(true);
    for (const id of grants)
      expect((await storedOrder(id))?.updatedAt.getTime()).toBe(newest.get(id));
    // Each stored outcome matches its answer.
    const answered = new Map(
      batches
        .flat()
        .map((r, i) => [
          r.event.id,
          (results.flat()[i] as { value: { outcome: string } }).value.outcome,
        ]),
    );
    const stored = await storedOutcomes("msg_race_");
    expect(stored).toHaveLength(48);
    for (const { id, outcome } of stored) expect(outcome).toBe(answered.get(id));
  });
});
