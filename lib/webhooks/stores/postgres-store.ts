// The hot path on PostgreSQL: node-postgres on the pool Prisma also uses. A grant delivery is ONE
// statement (one round trip, its own transaction): data-modifying CTEs upsert the grant — atomic
// under READ COMMITTED, the conflicting row is locked and the condition re-checked against its
// latest committed version — and insert the event with the outcome the upsert produced. If the
// webhook-id is already stored the statement inserts no event; its upsert then changed nothing
// either, because a stored delivery's snapshot is never newer than itself. (`prior` is read at
// the statement's start: when two different deliveries carrying the same snapshot race, the loser
// may be labelled stale rather than duplicate. The grant's state is right either way.)
import { createHash } from "node:crypto";
import type pg from "pg";
import { DELETE_INVALID_SQL, JSON_COLUMNS, SELECT_EVENT_SQL, insertEventSql, memo, quote, upsertGrantSql, type Row, type StoreRequest, type StoreResult } from "./delivery-store";

function encode(column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // timestamp(3) without time zone holds UTC, as Prisma writes it; the designator is ignored.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
  return value;
}

const placeholder = (column: string, n: number) => (JSON_COLUMNS.has(column) ? `$${n}::jsonb` : `$${n}`);
// Named (prepared) statements: PostgreSQL parses and plans each text once per connection instead
// of on every delivery — the grant upsert names every column and maintains 15 indexes, and
// planning it was about a third of a delivery's time. The name is a hash of the text, so a module
// reloaded over the same pool (dev mode, tests) can never give one name to two texts.
type Statement = { name: string; text: string };
const sqlCache = memo<Statement>();
const named = (text: string): Statement => ({ name: `grantdesk_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`, text });

/**
 * A transaction-mode pooler (PgBouncer before 1.21, some hosted poolers) hands each statement to
 * any server connection, where a prepared name may not exist. Such URLs say so with Prisma's
 * `pgbouncer=true`; there we send the same text unnamed.
 */
function forPool(pool: pg.Pool, statement: Statement & { values: unknown[] }): pg.QueryConfig {
  const behindPooler = /[?&]pgbouncer=true(&|$)/.test(pool.options.connectionString ?? "");
  return behindPooler ? { text: statement.text, values: statement.values } : statement;
}

/** Upsert the grant and insert the event, the event's outcome taken from the upsert. */
function grantDeliverySql(grantColumns: string[], eventColumns: string[]): string {
  const grantValues = grantColumns.map((c, i) => placeholder(c, i + 1));
  const offset = grantColumns.length;
  const idParam = `$${grantColumns.indexOf("id") + 1}`;
  const orderParam = `$${grantColumns.indexOf("snapshotOrder") + 1}`;
  const eventValues = eventColumns.map((c, i) => placeholder(c, offset + i + 1));
  const outcome = `CASE WHEN EXISTS (SELECT 1 FROM up) THEN 'applied' WHEN (SELECT "snapshotOrder" FROM prior) = ${orderParam} THEN 'duplicate' ELSE 'stale' END`;
  return (
    `WITH prior AS (SELECT "snapshotOrder" FROM "Grant" WHERE "id" = ${idParam}), ` +
    `up AS (${upsertGrantSql(grantColumns, grantValues)}), ` +
    `ev AS (INSERT INTO "WebhookEvent" (${[...eventColumns, "outcome"].map(quote).join(", ")}) VALUES (${[...eventValues, outcome].join(", ")}) ON CONFLICT ("id") DO NOTHING RETURNING "outcome") ` +
    `SELECT "outcome" FROM ev`
  );
}

function statementFor(request: StoreRequest): Statement & { values: unknown[] } {
  if (!request.grant) {
    const columns = Object.keys(request.event);
    const statement = sqlCache(`event:${columns.join()}`, () => named(insertEventSql(columns, columns.map((c, i) => placeholder(c, i + 1)))));
    return { ...statement, values: columns.map((c) => encode(c, request.event[c])) };
  }
  const grant = request.grant;
  const event: Row = { ...request.event };
  delete event.outcome;
  const grantColumns = Object.keys(grant);
  const eventColumns = Object.keys(event);
  const statement = sqlCache(`grant:${grantColumns.join()}|${eventColumns.join()}`, () => named(grantDeliverySql(grantColumns, eventColumns)));
  return { ...statement, values: [...grantColumns.map((c) => encode(c, grant[c])), ...eventColumns.map((c) => encode(c, event[c]))] };
}

function resultOf(request: StoreRequest, rows: { outcome?: string }[]): StoreResult {
  const row = rows[0];
  if (!row) return { alreadyRecorded: true };
  return request.grant ? { outcome: row.outcome as "applied" | "stale" | "duplicate" } : { outcome: "as_given" };
}

const FIND_EVENT = named(SELECT_EVENT_SQL("$1"));

export async function findEventPostgres(pool: pg.Pool, webhookId: string) {
  const result = await pool.query<{ type: string | null; grantId: string | null }>(forPool(pool, { ...FIND_EVENT, values: [webhookId] }));
  return result.rows[0] ?? null;
}

export async function storeDeliveryPostgres(pool: pg.Pool, request: StoreRequest): Promise<StoreResult> {
  const statement = statementFor(request);
  if (!request.replacesInvalid) return resultOf(request, (await pool.query(forPool(pool, statement))).rows);

  // Reprocessing: drop the invalid row and store the delivery anew, in one transaction.
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await client.query(DELETE_INVALID_SQL("$1"), [request.event.id]);
    const result = resultOf(request, (await client.query(forPool(pool, statement))).rows);
    await client.query("alreadyRecorded" in result ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    // A client whose ROLLBACK fails is unusable: release(error) makes the pool discard it.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
