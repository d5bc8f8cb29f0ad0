// The hot path on PostgreSQL: node-postgres on the pool Prisma also uses, one transaction of two
// to four statements. The upsert is atomic under READ COMMITTED (the conflicting row is locked
// and the condition re-checked against its latest committed version), so no retries.
import type pg from "pg";
import { DELETE_INVALID_SQL, JSON_COLUMNS, SELECT_EVENT_SQL, SELECT_ORDER_SQL, insertEventSql, memo, notWrittenOutcome, upsertGrantSql, type Row, type StoreRequest, type StoreResult } from "./delivery-store";

function encode(column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // timestamp(3) without time zone holds UTC, as Prisma writes it; the designator is ignored.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
  return value;
}

const sqlCache = memo<string>();

function bind(row: Row, build: (columns: string[], values: string[]) => string, kind: string) {
  const columns = Object.keys(row);
  const text = sqlCache(`${kind}:${columns.join()}`, () => build(columns, columns.map((c, i) => (JSON_COLUMNS.has(c) ? `$${i + 1}::jsonb` : `$${i + 1}`))));
  return { text, values: columns.map((c) => encode(c, row[c])) };
}

export async function findEventPostgres(pool: pg.Pool, webhookId: string) {
  const result = await pool.query<{ type: string | null; grantId: string | null }>(SELECT_EVENT_SQL("$1"), [webhookId]);
  return result.rows[0] ?? null;
}

export async function storeDeliveryPostgres(pool: pg.Pool, request: StoreRequest): Promise<StoreResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    if (request.replacesInvalid) await client.query(DELETE_INVALID_SQL("$1"), [request.event.id]);
    let outcome: StoreResult = { outcome: "as_given" };
    const event = { ...request.event };
    if (request.grant) {
      const upsert = bind(request.grant, upsertGrantSql, "upsert");
      const written = (await client.query(upsert.text, upsert.values)).rowCount! > 0;
      const stored = written ? null : (await client.query<{ snapshotOrder: string }>(SELECT_ORDER_SQL("$1"), [request.grant.id])).rows[0];
      outcome = { outcome: written ? "applied" : notWrittenOutcome(stored?.snapshotOrder, request.grant.snapshotOrder) };
      event.outcome = outcome.outcome;
    }
    const insert = bind(event, insertEventSql, "insert");
    const inserted = (await client.query(insert.text, insert.values)).rowCount! > 0;
    await client.query(inserted ? "COMMIT" : "ROLLBACK");
    return inserted ? outcome : { alreadyRecorded: true };
  } catch (error) {
    // A client whose ROLLBACK fails is unusable: release(error) makes the pool discard it.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
