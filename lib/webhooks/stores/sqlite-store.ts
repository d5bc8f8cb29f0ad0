// The hot path on SQLite: better-sqlite3 directly, prepared statements kept, the whole delivery
// in one synchronous IMMEDIATE transaction (nothing else can interleave on the connection, and
// the write lock is taken up front so two writers never deadlock on an upgrade).
import type BetterSqlite3 from "better-sqlite3";
import { DELETE_INVALID_SQL, JSON_COLUMNS, SELECT_EVENT_SQL, SELECT_ORDER_SQL, insertEventSql, memo, notWrittenOutcome, upsertGrantSql, type Row, type StoreRequest, type StoreResult } from "./delivery-store";

/** The same text Prisma's SQLite adapter writes for a DateTime, so Prisma reads it back alike. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

function encode(column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
  return value;
}

const statements = new WeakMap<BetterSqlite3.Database, ReturnType<typeof memo<BetterSqlite3.Statement>>>();

function prepared(db: BetterSqlite3.Database, key: string, sql: () => string): BetterSqlite3.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = memo<BetterSqlite3.Statement>()));
  return cache(key, () => db.prepare(sql()));
}

function bind(row: Row): { columns: string[]; values: unknown[] } {
  const columns = Object.keys(row);
  return { columns, values: columns.map((c) => encode(c, row[c])) };
}

export function findEventSqlite(db: BetterSqlite3.Database, webhookId: string) {
  return (prepared(db, "select-event", () => SELECT_EVENT_SQL("?")).get(webhookId) as { type: string | null; grantId: string | null } | undefined) ?? null;
}

export function storeDeliverySqlite(db: BetterSqlite3.Database, request: StoreRequest): StoreResult {
  const run = db.transaction((): StoreResult => {
    if (request.replacesInvalid) prepared(db, "delete-invalid", () => DELETE_INVALID_SQL("?")).run(request.event.id);
    let outcome: StoreResult = { outcome: "as_given" };
    const event = { ...request.event };
    if (request.grant) {
      const grant = bind(request.grant);
      const written = prepared(db, `upsert:${grant.columns.join()}`, () => upsertGrantSql(grant.columns, grant.columns.map(() => "?"))).get(...grant.values);
      const stored = written ? null : (prepared(db, "select-order", () => SELECT_ORDER_SQL("?")).get(request.grant.id) as { snapshotOrder: string } | undefined);
      outcome = { outcome: written ? "applied" : notWrittenOutcome(stored?.snapshotOrder, request.grant.snapshotOrder) };
      event.outcome = outcome.outcome;
    }
    const row = bind(event);
    const inserted = prepared(db, `insert:${row.columns.join()}`, () => insertEventSql(row.columns, row.columns.map(() => "?"))).get(...row.values);
    if (!inserted) throw new AlreadyRecorded();
    return outcome;
  });
  try {
    return run.immediate();
  } catch (error) {
    if (error instanceof AlreadyRecorded) return { alreadyRecorded: true };
    throw error;
  }
}

/** Rolls the transaction back when the webhook-id is already stored. */
class AlreadyRecorded extends Error {}
