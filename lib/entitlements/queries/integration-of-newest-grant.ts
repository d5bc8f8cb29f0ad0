// The integration of an entitlement the catalog has not listed (no API key, or not synced yet):
// what its newest grant says, one seek on (entitlementId, updatedAt, id).
import "server-only";
import { getDb } from "@/lib/db";

export async function integrationOfNewestGrant(entitlementId: string): Promise<string | null> {
  const db = await getDb();
  const grant = await db.grant.findFirst({
    where: { entitlementId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: { integrationType: true },
  });
  return grant?.integrationType ?? null;
}
