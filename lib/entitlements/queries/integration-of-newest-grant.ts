// The integration of entitlements the catalog has not listed (no API key, or not synced yet): what
// each one's newest grant says, one seek per entitlement on (entitlementId, updatedAt, id), all in
// one statement (forty entitlements were forty round trips on the list page's path).
import "server-only";
import { getDb, getDriver } from "@/lib/db";

export async function integrationOfNewestGrants(
  entitlementIds: string[],
): Promise<Map<string, string>> {
  if (entitlementIds.length === 0) return new Map();
  const db = await getDb();
  const param = (i: number) => (getDriver().provider === "postgresql" ? `$${i + 1}` : "?");
  const ids = entitlementIds.map((_, i) => `SELECT CAST(${param(i)} AS TEXT) AS "id"`);
  const rows = await db.$queryRawUnsafe<{ id: string; integrationType: string | null }[]>(
    `SELECT given."id", (SELECT g."integrationType" FROM "Grant" g WHERE g."entitlementId" = given."id"
       ORDER BY g."updatedAt" DESC, g."id" DESC LIMIT 1) AS "integrationType"
     FROM (${ids.join(" UNION ALL ")}) given`,
    ...entitlementIds,
  );
  return new Map(
    rows.flatMap((row) => (row.integrationType ? [[row.id, row.integrationType] as const] : [])),
  );
}
