// The hot path on SQLite: better-sqlite3 directly, prepared statements kept, each delivery in a
// synchronous IMMEDIATE transaction (nothing else can interleave on the connection, and the write
// lock is taken up front so two writers never deadlock on an upgrade) — shared with the other
// deliveries in flight at the same moment (group commit, see group-commit.ts).
import type BetterSqlite3 from "better-sqlite3";
import {
  notWrittenOutcome,
  type Row,
  type Settled,
  type StoreRequest,
  type StoreResult,
} from "./store-request";
import {
  DELETE_INVALID_SQL,
  JSON_COLUMNS,
  SELECT_EVENT_SQL,
  SELECT_ORDER_SQL,
  insertEventSql,
  memo,
  upsertCustomerSql,
  upsertGrantSql,
  upsertSubscriptionSql,
} from "./sql";
import { groupCommit } from "./group-commit";

/** The same text Prisma's SQLite adapter writes for a DateTime, so Prisma reads it back alike. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A row value as bound to SQLite (exported for the page benchmark's bulk load, which must match). */
export function encode(column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
  return value;
}

const statements = new WeakMap<
  BetterSqlite3.Database,
  ReturnType<typeof memo<BetterSqlite3.Statement>>
>();

function prepared(
  db: BetterSqlite3.Database,
  key: string,
  sql: () => string,
): BetterSqlite3.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = memo<BetterSqlite3.Statement>()));
  return cache(key, () => db.prepare(sql()));
}

function bind(row: Row): { columns: string[]; values: unknown[] } {
  const columns = Object.keys(row);
  return { columns, values: columns.map((c) => encode(c, row[c])) };
}

export function findEventSqlite(db: BetterSqlite3.Database, webhookId: string) {
  return (
    (prepared(db, "select-event", () => SELECT_EVENT_SQL("?")).get(webhookId) as
      { type: string | null; grantId: string | null } | undefined) ?? null
  );
}

const committers = new WeakMap<
  BetterSqlite3.Database,
  (request: StoreRequest) => Promise<StoreResult>
>();

/** Stores one delivery; resolves once the transaction holding it has committed. */
export function storeDeliverySqlite(
  db: BetterSqlite3.Database,
  request: StoreRequest,
): Promise<StoreResult> {
  let commit = committers.get(db);
  if (!commit)
    committers.set(
      db,
      (commit = groupCommit((requests: StoreRequest[]) => storeDeliveriesSqlite(db, requests))),
    );
  return commit(request);
}

/** One delivery's statements; run inside a transaction (a savepoint when nested in a batch). */
function writeDelivery(db: BetterSqlite3.Database, request: StoreRequest): StoreResult {
  if (request.replacesInvalid)
    prepared(db, "delete-invalid", () => DELETE_INVALID_SQL("?")).run(request.event.id);
  let outcome: StoreResult = { outcome: "as_given" };
  const event = { ...request.event };
  if (request.grant) {
    const grant = bind(request.grant);
    const written = prepared(db, `upsert:${grant.columns.join()}`, () =>
      upsertGrantSql(
        grant.columns,
        grant.columns.map(() => "?"),
      ),
    ).get(...grant.values);
    const stored = written
      ? null
      : (prepared(db, "select-order", () => SELECT_ORDER_SQL("?")).get(request.grant.id) as
          { snapshotOrder: string } | undefined);
    outcome = {
      outcome: written
        ? "applied"
        : notWrittenOutcome(stored?.snapshotOrder, request.grant.snapshotOrder),
    };
    event.outcome = outcome.outcome;
  } else if (writePeople(db, request)) {
    outcome = { outcome: "applied" };
    event.outcome = "applied";
  }
  const row = bind(event);
  const inserted = prepared(db, `insert:${row.columns.join()}`, () =>
    insertEventSql(
      row.columns,
      row.columns.map(() => "?"),
    ),
  ).get(...row.values);
  if (!inserted) throw new AlreadyRecorded();
  return outcome;
}

/** The customer and subscription rows of a non-grant event; true if either changed. */
function writePeople(db: BetterSqlite3.Database, request: StoreRequest): boolean {
  let changed = false;
  for (const [table, row, sql] of [
    ["customer", request.customer, upsertCustomerSql],
    ["subscription", request.subscription, upsertSubscriptionSql],
  ] as const) {
    if (!row) continue;
    const { columns, values } = bind(row);
    const statement = prepared(db, `upsert-${table}:${columns.join()}`, () =>
      sql(
        columns,
        columns.map(() => "?"),
      ),
    );
    if (statement.get(...values)) changed = true;
  }
  return changed;
}

/**
 * Stores several deliveries in ONE IMMEDIATE transaction, so they share one commit and one WAL
 * fsync (synchronous=FULL stays: an answered delivery is on disk). Each delivery runs in its own
 * savepoint: a duplicate or a failing delivery rolls back only itself and gets its own result.
 * Throws — failing every delivery — when the transaction as a whole cannot be had or kept: the
 * write lock not obtained, the commit failing, or an error after which SQLite rolled the whole
 * transaction back (disk full, I/O error), so nothing of the batch is stored.
 */
export function storeDeliveriesSqlite(
  db: BetterSqlite3.Database,
  requests: readonly StoreRequest[],
): Settled<StoreResult>[] {
  let batch = batchTransactions.get(db);
  if (!batch) batchTransactions.set(db, (batch = batchTransaction(db)));
  return batch.immediate(requests);
}

const batchTransactions = new WeakMap<
  BetterSqlite3.Database,
  BetterSqlite3.Transaction<(requests: readonly StoreRequest[]) => Settled<StoreResult>[]>
>();

function batchTransaction(db: BetterSqlite3.Database) {
  // Called inside the batch's transaction, better-sqlite3 runs this one as a savepoint.
  const one = db.transaction((request: StoreRequest) => writeDelivery(db, request));
  return db.transaction((requests: readonly StoreRequest[]): Settled<StoreResult>[] =>
    requests.map((request) => {
      try {
        return { ok: true, value: one(request) };
      } catch (error) {
        if (!db.inTransaction) throw error;
        return error instanceof AlreadyRecorded
          ? { ok: true, value: { alreadyRecorded: true } }
          : { ok: false, error };
      }
    }),
  );
}

/** Rolls a delivery back to its savepoint when its webhook-id is already stored. */
class AlreadyRecorded extends Error {}
