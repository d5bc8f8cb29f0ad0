// Which customer or entitlement ids grants name that we hold no (or no full) row for. The grant
// table may hold a million rows: the distinct ids are walked on the grant indexes that start with
// the id column, one seek per distinct id (a loose index scan as a recursive CTE, which SQLite
// and PostgreSQL both run this way), instead of reading every grant.
import type { Database } from "../db";

const SOURCES = {
  customer: { column: "customerId", table: "Customer" },
  entitlement: { column: "entitlementId", table: "Entitlement" },
} as const;

export async function unknownIdsNamedByGrants(
  db: Database,
  kind: keyof typeof SOURCES,
  limit: number,
): Promise<string[]> {
  if (limit <= 0) return [];
  const { column, table } = SOURCES[kind];
  // Identifiers come from the constant above, never from input; only the limit is a parameter.
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH RECURSIVE named(id) AS (` +
      `SELECT MIN("${column}") FROM "Grant" ` +
      `UNION ALL ` +
      `SELECT (SELECT MIN(g."${column}") FROM "Grant" g WHERE g."${column}" > named.id) FROM named WHERE named.id IS NOT NULL` +
      `) ` +
      `SELECT id FROM named WHERE id IS NOT NULL ` +
      `AND NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t."id" = named.id) LIMIT ${Math.floor(limit)}`,
  );
  return rows.map((row) => row.id);
}
