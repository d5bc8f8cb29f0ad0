// The hot path on PostgreSQL: node-postgres on the pool Prisma also uses. A grant delivery is ONE
// statement (one round trip, its own transaction): data-modifying CTEs upsert the grant — atomic
// under READ COMMITTED, the conflicting row is locked and the condition re-checked against its
// latest committed version — and insert the event with the outcome the upsert produced. If the
// webhook-id is already stored the statement inserts no event; its upsert then changed nothing
// either, because a stored delivery's snapshot is never newer than itself. (`prior` is read at
// the statement's start: when two different deliveries carrying the same snapshot race, the loser
// may be labelled stale rather than duplicate. The grant's state is right either way.)
// Grant deliveries in flight together are written by one multi-row statement instead
// (postgres-batch.ts); this one-delivery statement stays for a lone delivery, for reprocessing,
// for non-grant events, and as the fallback of a batch that fails for a reason of its own.
import type pg from "pg";
import {
  settled,
  type Row,
  type Settled,
  type StoreRequest,
  type StoreResult,
} from "./store-request";
import {
  DELETE_INVALID_SQL,
  insertEventSql,
  memo,
  quote,
  upsertCustomerSql,
  upsertGrantSql,
  upsertSubscriptionSql,
} from "./sql";
import { groupCommit } from "./group-commit";
import { storeGrantBatchPostgres } from "./postgres-batch";
import type { GrantRequest } from "./postgres-batch-plan";
import {
  encode,
  forPool,
  named,
  placeholder,
  unnamedAfterClash,
  type Statement,
} from "./postgres-sql";

/** Statement text is built (and named) once per column list. */
const sqlCache = memo<Statement>();

/**
 * The last step of a delivery statement: insert the event with the outcome the upserts before it
 * decided, and return that outcome (no row when the event was already recorded).
 */
function insertEventWithOutcomeSql(columns: string[], values: string[], outcome: string): string {
  return (
    `ev AS (INSERT INTO "WebhookEvent" (${[...columns, "outcome"].map(quote).join(", ")}) VALUES (${[...values, outcome].join(", ")}) ON CONFLICT ("id") DO NOTHING RETURNING "outcome") ` +
    `SELECT "outcome" FROM ev`
  );
}

/** The event's columns but its outcome, which the statement computes. */
function eventWithoutOutcome(event: Row): Row {
  const { outcome: _computed, ...rest } = event;
  return rest;
}

function encodeRow(row: Row | null | undefined): unknown[] {
  return row ? Object.keys(row).map((c) => encode(c, row[c])) : [];
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
    insertEventWithOutcomeSql(eventColumns, eventValues, outcome)
  );
}

/**
 * A non-grant event that names a customer or subscription: their merge-rule upserts and the event
 * insert in one statement, the event "applied" if either upsert wrote a row.
 */
function peopleDeliverySql(
  customerColumns: string[] | null,
  subscriptionColumns: string[] | null,
  eventColumns: string[],
): string {
  let n = 0;
  const params = (columns: string[]) => columns.map((c) => placeholder(c, ++n));
  const ctes: string[] = [];
  const wrote: string[] = [];
  if (customerColumns) {
    ctes.push(`cu AS (${upsertCustomerSql(customerColumns, params(customerColumns))})`);
    wrote.push("EXISTS (SELECT 1 FROM cu)");
  }
  if (subscriptionColumns) {
    ctes.push(`su AS (${upsertSubscriptionSql(subscriptionColumns, params(subscriptionColumns))})`);
    wrote.push("EXISTS (SELECT 1 FROM su)");
  }
  const outcome = `CASE WHEN ${wrote.join(" OR ")} THEN 'applied' ELSE 'ignored' END`;
  return (
    `WITH ${ctes.join(", ")}, ` +
    insertEventWithOutcomeSql(eventColumns, params(eventColumns), outcome)
  );
}

function statementFor(request: StoreRequest): Statement & { values: unknown[] } {
  const { customer, subscription } = request;
  if (!request.grant && (customer || subscription)) {
    const event = eventWithoutOutcome(request.event);
    const customerColumns = customer ? Object.keys(customer) : null;
    const subscriptionColumns = subscription ? Object.keys(subscription) : null;
    const eventColumns = Object.keys(event);
    const key = `people:${customerColumns?.join()}|${subscriptionColumns?.join()}|${eventColumns.join()}`;
    const statement = sqlCache(key, () =>
      named(peopleDeliverySql(customerColumns, subscriptionColumns, eventColumns)),
    );
    return {
      ...statement,
      values: [...encodeRow(customer), ...encodeRow(subscription), ...encodeRow(event)],
    };
  }
  if (!request.grant) {
    const columns = Object.keys(request.event);
    const statement = sqlCache(`event:${columns.join()}`, () =>
      named(
        insertEventSql(
          columns,
          columns.map((c, i) => placeholder(c, i + 1)),
        ),
      ),
    );
    return { ...statement, values: encodeRow(request.event) };
  }
  const grant = request.grant;
  const event = eventWithoutOutcome(request.event);
  const grantColumns = Object.keys(grant);
  const eventColumns = Object.keys(event);
  const statement = sqlCache(`grant:${grantColumns.join()}|${eventColumns.join()}`, () =>
    named(grantDeliverySql(grantColumns, eventColumns)),
  );
  return {
    ...statement,
    values: [...encodeRow(grant), ...encodeRow(event)],
  };
}

function resultOf(request: StoreRequest, rows: { outcome?: string }[]): StoreResult {
  const row = rows[0];
  if (!row) return { alreadyRecorded: true };
  if (request.grant) return { outcome: row.outcome as "applied" | "stale" | "duplicate" };
  return row.outcome === "applied" ? { outcome: "applied" } : { outcome: "as_given" };
}

type FoundEvent = { type: string | null; grantId: string | null };

// The duplicate pre-check, batched like the writes: a delivery's check is a round trip before its
// store, and checks completing on different connections at different moments used to spread the
// deliveries over several turns of the event loop, so the store's batches stayed small. Checks made in the same turn are one statement — one text whatever
// their number, so one prepared name — and their answers arrive together, so the deliveries that
// follow reach the store together too.
const FIND_EVENTS = named(
  `SELECT "id", "type", "grantId" FROM "WebhookEvent" WHERE "id" = ANY($1::text[])`,
);
const finders = new WeakMap<pg.Pool, (webhookId: string) => Promise<FoundEvent | null>>();

export function findEventPostgres(pool: pg.Pool, webhookId: string): Promise<FoundEvent | null> {
  let find = finders.get(pool);
  if (!find)
    finders.set(
      pool,
      (find = groupCommit((webhookIds: string[]) => findEventsPostgres(pool, webhookIds))),
    );
  return unnamedAfterClash(pool, () => find(webhookId));
}

/** Several pre-checks in one statement; a failure (database unavailable) fails them all. */
export async function findEventsPostgres(
  pool: pg.Pool,
  webhookIds: readonly string[],
): Promise<Settled<FoundEvent | null>[]> {
  const { rows } = await pool.query<FoundEvent & { id: string }>(
    forPool(pool, { ...FIND_EVENTS, values: [webhookIds] }),
  );
  const found = new Map(rows.map(({ id, type, grantId }) => [id, { type, grantId }]));
  return webhookIds.map((id) => ({ ok: true, value: found.get(id) ?? null }));
}

const committers = new WeakMap<pg.Pool, (request: StoreRequest) => Promise<StoreResult>>();

/**
 * Stores one delivery; resolves once the transaction holding it has committed. Deliveries that
 * reach here in the same turn of the event loop are stored together (group commit).
 */
export function storeDeliveryPostgres(pool: pg.Pool, request: StoreRequest): Promise<StoreResult> {
  let commit = committers.get(pool);
  if (!commit)
    committers.set(
      pool,
      (commit = groupCommit((requests: StoreRequest[]) => storeDeliveriesPostgres(pool, requests))),
    );
  return unnamedAfterClash(pool, () => commit(request));
}

/** Worth batching: a grant delivery's statement (the upsert and its 15 indexes) is the hot path's cost. */
const batchable = (request: StoreRequest): request is GrantRequest =>
  request.grant !== null && !request.replacesInvalid;

/**
 * Stores a batch and returns one settled result per request, in order (exported for the
 * store-level tests). Grant deliveries share one multi-row statement (postgres-batch.ts);
 * reprocessing and non-grant events — rare, and cheap — keep their own statement, sent at the
 * same time.
 */
export async function storeDeliveriesPostgres(
  pool: pg.Pool,
  requests: readonly StoreRequest[],
): Promise<Settled<StoreResult>[]> {
  const storeOne = (request: StoreRequest) => storeOneDeliveryPostgres(pool, request);
  const grantIndexes = requests.flatMap((request, index) => (batchable(request) ? [index] : []));
  const otherIndexes = requests.flatMap((request, index) => (batchable(request) ? [] : [index]));
  const grants = grantIndexes.map((index) => requests[index] as GrantRequest);
  const [grantResults, otherResults] = await Promise.all([
    grants.length > 0 ? storeGrantBatchPostgres(pool, grants, storeOne) : [],
    Promise.all(otherIndexes.map((index) => settled(storeOne(requests[index]!)))),
  ]);
  const results = new Array<Settled<StoreResult>>(requests.length);
  grantIndexes.forEach((index, i) => (results[index] = grantResults[i]!));
  otherIndexes.forEach((index, i) => (results[index] = otherResults[i]!));
  return results;
}

/** One delivery in its own statement (its own transaction when it reprocesses an invalid row). */
export async function storeOneDeliveryPostgres(
  pool: pg.Pool,
  request: StoreRequest,
): Promise<StoreResult> {
  const statement = statementFor(request);
  if (!request.replacesInvalid)
    return resultOf(request, (await pool.query(forPool(pool, statement))).rows);

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
