import "server-only";
import { getDb } from "@/lib/db";
import { GRANT_STATUSES } from "./status";

/** Grants per status, every known status present (zero when none). */
export async function countGrantsByStatus(): Promise<{ total: number; byStatus: Record<string, number> }> {
  const db = await getDb();
  const groups = await db.grant.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus: Record<string, number> = Object.fromEntries(GRANT_STATUSES.map((status) => [status, 0]));
  for (const group of groups) byStatus[group.status] = group._count._all;
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  return { total, byStatus };
}

/** The most recently updated grants, for the overview until the full list lands. */
export async function listRecentGrants(limit = 50) {
  const db = await getDb();
  return db.grant.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      status: true,
      integrationType: true,
      customerId: true,
      entitlementId: true,
      revocationReason: true,
      errorCode: true,
      updatedAt: true,
    },
  });
}
