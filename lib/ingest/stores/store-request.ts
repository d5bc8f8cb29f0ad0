// What the webhook hot path writes, independent of the database. A delivery is one event row and,
// for grant events, one grant row; the store writes both in one transaction, the grant only if
// its snapshotOrder is greater than the stored one (the merge rule, applied by the database in an
// atomic conditional upsert), and reports what happened.

export type Row = Record<string, unknown>;

export type StoreRequest = {
  /** The WebhookEvent row; its `outcome` is filled in by the store for grant events. */
  event: Row & { id: string };
  /** The Grant row (every column), for grant events. */
  grant: (Row & { id: string; snapshotOrder: string }) | null;
  /** Reprocessing: the stored invalid row with this id is replaced, in the same transaction. */
  replacesInvalid?: boolean;
};

/** One request's result in a batch: its value, or the error that failed it alone. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise's outcome as a Settled, never rejecting. */
export const settled = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );

export type StoreResult =
  | { outcome: "applied" | "stale" | "duplicate" }
  | { outcome: "as_given" }
  | { alreadyRecorded: true };

/** JSON columns: text in SQLite, jsonb in PostgreSQL. */
export const JSON_COLUMNS = new Set(["metadata", "deliveryFiles"]);

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Columns the upsert must not overwrite when a newer snapshot replaces the grant. */
const KEEP_ON_UPDATE = new Set(["id", "firstSeenAt"]);

export function upsertGrantSql(columns: string[], values: string[]): string {
  return upsertSql(columns, [values], `"id"`);
}

/** Several grants in one statement (PostgreSQL batches); their ids must be distinct. */
export function upsertGrantsSql(columns: string[], rows: string[][]): string {
  return upsertSql(columns, rows, `"id", "snapshotOrder"`);
}

function upsertSql(columns: string[], rows: string[][], returning: string): string {
  const updates = columns
    .filter((c) => !KEEP_ON_UPDATE.has(c))
    .map((c) => `${quote(c)} = excluded.${quote(c)}`);
  return (
    `INSERT INTO "Grant" (${columns.map(quote).join(", ")}) VALUES ${rows.map((values) => `(${values.join(", ")})`).join(", ")} ` +
    `ON CONFLICT ("id") DO UPDATE SET ${updates.join(", ")} ` +
    `WHERE excluded."snapshotOrder" > "Grant"."snapshotOrder" RETURNING ${returning}`
  );
}

export function insertEventSql(columns: string[], values: string[]): string {
  return `INSERT INTO "WebhookEvent" (${columns.map(quote).join(", ")}) VALUES (${values.join(", ")}) ON CONFLICT ("id") DO NOTHING RETURNING "id"`;
}

export const SELECT_EVENT_SQL = (param: string) =>
  `SELECT "type", "grantId" FROM "WebhookEvent" WHERE "id" = ${param}`;
export const SELECT_ORDER_SQL = (param: string) =>
  `SELECT "snapshotOrder" FROM "Grant" WHERE "id" = ${param}`;
export const DELETE_INVALID_SQL = (param: string) =>
  `DELETE FROM "WebhookEvent" WHERE "id" = ${param} AND "outcome" = 'invalid'`;

/** Not written: stale if the stored snapshot sorts after ours, duplicate if it is the same. */
export function notWrittenOutcome(
  stored: string | null | undefined,
  incoming: string,
): "stale" | "duplicate" {
  return stored === incoming ? "duplicate" : "stale";
}

/** Statement text is built once per column list. */
export function memo<T>(): (key: string, build: () => T) => T {
  const cache = new Map<string, T>();
  return (key, build) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = build()));
    return value;
  };
}
