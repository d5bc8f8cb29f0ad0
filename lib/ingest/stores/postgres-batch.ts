// Group commit on PostgreSQL: the grant deliveries that reach the store in the same turn of the
// event loop are written by ONE multi-row statement — one round trip, one backend wake-up, one
// transaction — instead of one statement each (see group-commit.ts, and postgres-batch-plan.ts
// for how repeated webhook-ids and grant ids are settled before the SQL is sent).
//
// The statement (data-modifying CTEs, like the one-delivery statement in postgres-store.ts):
//   prior    — the stored snapshotOrder of the batch's grants, read at the statement's start;
//   up       — the conditional upsert of one row per grant id (the batch's highest order), which
//              replaces a stored grant only if `excluded."snapshotOrder" > "Grant"."snapshotOrder"`:
//              atomic under READ COMMITTED, the conflicting row locked and the condition re-checked
//              against its latest committed version, so concurrent batches on other connections
//              can never put an older snapshot over a newer one;
//   applied  — the upsert's written rows, aggregated: an aggregate reads `up` to its end, so every
//              grant row is locked before the first event row is inserted (the lock order of
//              postgres-batch-plan.ts: grants by id, then events by id);
//   meta, outcomes — per event row: applied if its grant row was the one written; otherwise
//              duplicate if its order equals what is now stored (the written winner's, or the
//              prior one), else stale — the same rule as the one-delivery statement;
//   ev       — the event rows with those outcomes, `ON CONFLICT ("id") DO NOTHING`: a webhook-id
//              already stored returns no row and is answered alreadyRecorded (its upsert changed
//              nothing: a stored delivery's snapshot is never newer than the stored grant).
import type pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { settled, type Settled, type StoreResult } from "./store-request";
import { memo, quote, upsertGrantsSql } from "./sql";
import { planBatch, type GrantRequest, type PlannedStatement } from "./postgres-batch-plan";
import { encode, forPool, named, placeholder, type Statement } from "./postgres-sql";

/** PostgreSQL's limit on a statement's parameters (the Bind message counts them in 16 bits). */
const MAX_PARAMETERS = 65_535;
/** Per event row, besides its columns: its grant id, its snapshotOrder, whether it is the winner. */
const META_PARAMETERS = 3;

type Outcome = "applied" | "stale" | "duplicate";

/**
 * The statement text for a batch's shape: its column lists and its numbers of grant and event
 * rows (the text depends on them, so a prepared name is per shape; see `batchStatement`).
 */
export function batchDeliverySql(
  grantColumns: string[],
  eventColumns: string[],
  grantRows: number,
  eventRows: number,
): string {
  let n = 0;
  const grantValues = Array.from({ length: grantRows }, () =>
    grantColumns.map((c) => placeholder(c, ++n)),
  );
  const grantIds = grantValues.map((row) => row[grantColumns.indexOf("id")]!);
  const eventValues: string[][] = [];
  const meta: string[] = [];
  for (let k = 1; k <= eventRows; k++) {
    eventValues.push([
      ...eventColumns.map((c) => placeholder(c, ++n)),
      `(SELECT "outcome" FROM outcomes WHERE "k" = ${k})`,
    ]);
    meta.push(`(${k}, $${++n}::text, $${++n}::text, $${++n}::boolean)`);
  }
  return (
    `WITH prior AS (SELECT "id", "snapshotOrder" FROM "Grant" WHERE "id" IN (${grantIds.join(", ")})), ` +
    `up AS (${upsertGrantsSql(grantColumns, grantValues)}), ` +
    `applied AS (SELECT array_agg("id") AS "ids", array_agg("snapshotOrder") AS "orders" FROM up), ` +
    `meta ("k", "grantId", "snapshotOrder", "winner") AS (VALUES ${meta.join(", ")}), ` +
    `outcomes AS (SELECT "k", CASE WHEN "written" IS NOT NULL AND "winner" THEN 'applied' ` +
    `WHEN COALESCE("written", "stored") = "snapshotOrder" THEN 'duplicate' ELSE 'stale' END AS "outcome" ` +
    `FROM (SELECT m.*, a."orders"[array_position(a."ids", m."grantId")] AS "written", p."snapshotOrder" AS "stored" ` +
    `FROM meta m CROSS JOIN applied a LEFT JOIN prior p ON p."id" = m."grantId") t), ` +
    `ev AS (INSERT INTO "WebhookEvent" (${[...eventColumns, "outcome"].map(quote).join(", ")}) ` +
    `VALUES ${eventValues.map((row) => `(${row.join(", ")})`).join(", ")} ON CONFLICT ("id") DO NOTHING RETURNING "id", "outcome") ` +
    `SELECT "id", "outcome" FROM ev`
  );
}

/**
 * Prepared shapes are capped: a prepared statement stays in its connection's memory, and this one
 * grows with its rows, so naming every size up to MAX_BATCH would hold tens of MB on each
 * connection. Only the common shapes are named — one grant row per event row (no repeated grant
 * id), at most 16 rows (what 16 concurrent deliveries make). Other shapes are sent unnamed and
 * planned each time, once per batch. Memory figures: docs/performance.md.
 */
const MAX_NAMED_ROWS = 16;

/** Names and texts of the prepared shapes (bounded by MAX_NAMED_ROWS, so this cache is too). */
const namedShapes = memo<Statement>();

function batchStatement(planned: PlannedStatement): pg.QueryConfig {
  const { grantColumns, eventColumns, grants, events } = planned;
  const count =
    grants.length * grantColumns.length + events.length * (eventColumns.length + META_PARAMETERS);
  // Never reached with batches of 64 and the real column lists (~3,400); a bug must not send a
  // parameter count that wraps around.
  if (count > MAX_PARAMETERS)
    throw new Error(`batch statement would need ${count} parameters (limit ${MAX_PARAMETERS})`);
  const values: unknown[] = [];
  for (const grant of grants) for (const c of grantColumns) values.push(encode(c, grant[c]));
  for (const { event, grantId, snapshotOrder, winner } of events) {
    for (const c of eventColumns) values.push(encode(c, event[c]));
    values.push(grantId, snapshotOrder, winner);
  }
  const text = () => batchDeliverySql(grantColumns, eventColumns, grants.length, events.length);
  if (grants.length !== events.length || events.length > MAX_NAMED_ROWS)
    return { text: text(), values };
  const key = `${grantColumns.join()}|${eventColumns.join()}|${events.length}`;
  return { ...namedShapes(key, () => named(text())), values };
}

/** How one request is stored on its own: today's one-delivery statement (postgres-store.ts). */
export type StoreOne = (request: GrantRequest) => Promise<StoreResult>;

/**
 * Stores grant deliveries (none reprocessing an invalid row) with one statement per column list —
 * one in practice — and returns one settled result per request, in order. A statement that fails
 * because the database is unavailable fails each of its requests with that error (answered 503,
 * Dodo redelivers: nothing of the statement was written). One that fails for any other reason —
 * a bug, a row the database refuses — is retried request by request with `storeOne`, so one bad
 * delivery gets its own error and the others their own results.
 */
export async function storeGrantBatchPostgres(
  pool: pg.Pool,
  requests: readonly GrantRequest[],
  storeOne: StoreOne,
): Promise<Settled<StoreResult>[]> {
  const results: Settled<StoreResult>[] = new Array<Settled<StoreResult>>(requests.length);
  // Statements one after the other: in the rare batch with two column lists, a grant id in both
  // is then decided by the second statement against what the first stored.
  for (const planned of planBatch(requests).statements) {
    try {
      const answers = await runPlanned(pool, requests, planned, storeOne);
      for (const index of planned.members)
        results[index] = { ok: true, value: answers.get(index) ?? { alreadyRecorded: true } };
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        for (const index of planned.members) results[index] = { ok: false, error };
        continue;
      }
      // In arrival order, one at a time: the first copy of a webhook-id is stored before the others.
      for (const index of planned.members)
        results[index] = await settled(storeOne(requests[index]!));
    }
  }
  return results;
}

/** The answer per request index; a request with none (a copy, or a webhook-id already stored) was already recorded. */
async function runPlanned(
  pool: pg.Pool,
  requests: readonly GrantRequest[],
  planned: PlannedStatement,
  storeOne: StoreOne,
): Promise<Map<number, StoreResult>> {
  // A lone delivery (with or without copies) uses the one-delivery statement: the same effect,
  // and every connection has it prepared already.
  if (planned.events.length === 1) {
    const index = planned.events[0]!.index;
    return new Map([[index, await storeOne(requests[index]!)]]);
  }
  const { rows } = await pool.query<{ id: string; outcome: Outcome }>(
    forPool(pool, batchStatement(planned)),
  );
  const outcomes = new Map(rows.map((row) => [row.id, row.outcome]));
  const answers = new Map<number, StoreResult>();
  for (const { index, event } of planned.events) {
    const outcome = outcomes.get(event.id);
    if (outcome) answers.set(index, { outcome });
  }
  return answers;
}
