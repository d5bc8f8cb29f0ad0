// The SQL both stores share (SQLite and PostgreSQL accept the same text): the merge rule's
// conditional upsert of a grant, the event insert, and the small reads. Column lists come from
// the rows' keys, which are typed against Prisma's models (lib/ingest/store.ts).
import { FORGOTTEN_SOURCE } from "@/lib/customers/forgotten";

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

/** Statement text is built once per column list. */
export function memo<T>(): (key: string, build: () => T) => T {
  const cache = new Map<string, T>();
  return (key, build) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = build()));
    return value;
  };
}

// A customer: the profile columns move only for a newer report (customer-merge-rule.ts), the
// business is kept once known, first/last seen widen to the report's time. RETURNING a row means
// the customer was created or changed (the event's outcome is then "applied").
/** The columns a newer profile replaces (the merge rule's unit); the bench's bulk path uses them too. */
export const PROFILE_COLUMNS = [
  "email",
  "emailNormalized",
  "name",
  "nameNormalized",
  "source",
  "profileEventAt",
  "profileOrder",
];
const NEWER_PROFILE = `(excluded."profileOrder" IS NOT NULL AND ("Customer"."profileOrder" IS NULL OR excluded."profileOrder" > "Customer"."profileOrder"))`;

/**
 * `fromApi`: Dodo's API never fills a customer erased on request (customer:forget) back in; only
 * a new webhook naming them does. Checked in the upsert's own condition, not by a read before it
 * (one round trip per customer of a sync).
 */
export function upsertCustomerSql(
  columns: string[],
  values: string[],
  { fromApi = false }: { fromApi?: boolean } = {},
): string {
  const set = [
    ...PROFILE_COLUMNS.map(
      (c) =>
        `${quote(c)} = CASE WHEN ${NEWER_PROFILE} THEN excluded.${quote(c)} ELSE "Customer".${quote(c)} END`,
    ),
    `"businessId" = COALESCE("Customer"."businessId", excluded."businessId")`,
    `"firstSeenAt" = CASE WHEN excluded."firstSeenAt" < "Customer"."firstSeenAt" THEN excluded."firstSeenAt" ELSE "Customer"."firstSeenAt" END`,
    `"lastSeenAt" = CASE WHEN excluded."lastSeenAt" > "Customer"."lastSeenAt" THEN excluded."lastSeenAt" ELSE "Customer"."lastSeenAt" END`,
  ];
  const changes = [
    NEWER_PROFILE,
    `excluded."firstSeenAt" < "Customer"."firstSeenAt"`,
    `excluded."lastSeenAt" > "Customer"."lastSeenAt"`,
    `("Customer"."businessId" IS NULL AND excluded."businessId" IS NOT NULL)`,
  ];
  const allowed = fromApi ? `"Customer"."source" <> '${FORGOTTEN_SOURCE}' AND ` : "";
  return (
    `INSERT INTO "Customer" (${columns.map(quote).join(", ")}) VALUES (${values.join(", ")}) ` +
    `ON CONFLICT ("id") DO UPDATE SET ${set.join(", ")} ` +
    `WHERE ${allowed}(${changes.join(" OR ")}) RETURNING "id"`
  );
}

// A subscription: replaced whole by a newer report only (reportOrderKey); firstSeenAt is kept.
export function upsertSubscriptionSql(columns: string[], values: string[]): string {
  const set = columns
    .filter((c) => c !== "id" && c !== "firstSeenAt")
    .map((c) => `${quote(c)} = excluded.${quote(c)}`);
  return (
    `INSERT INTO "Subscription" (${columns.map(quote).join(", ")}) VALUES (${values.join(", ")}) ` +
    `ON CONFLICT ("id") DO UPDATE SET ${set.join(", ")} ` +
    `WHERE excluded."snapshotOrder" > "Subscription"."snapshotOrder" RETURNING "id"`
  );
}
