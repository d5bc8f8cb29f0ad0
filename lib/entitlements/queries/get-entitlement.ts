// One entitlement as the catalog knows it, with its grants by status. Null for an id neither the
// catalog nor any grant has named: the page answers 404.
import "server-only";
import { getDb } from "@/lib/db";
import {
  countGrantsOfEntitlement,
  type StatusCounts,
} from "@/lib/entitlements/queries/count-grants-by-entitlement";
import { integrationOfNewestGrants } from "@/lib/entitlements/queries/integration-of-newest-grant";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export type EntitlementDetail = {
  id: string;
  name: string | null;
  description: string | null;
  /** From the catalog, else from its newest grant. */
  integrationType: string | null;
  isActive: boolean | null;
  integrationConfig: string | null;
  syncedAt: Date | null;
  byStatus: StatusCounts;
  total: number;
};

export async function getEntitlement(
  viewer: Viewer,
  entitlementId: string,
): Promise<EntitlementDetail | null> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const [entry, byStatus] = await Promise.all([
    db.entitlement.findUnique({ where: { id: entitlementId } }),
    countGrantsOfEntitlement(viewer, entitlementId),
  ]);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  if (!entry && total === 0) return null;
  return {
    id: entitlementId,
    name: entry?.name ?? null,
    description: entry?.description ?? null,
    integrationType:
      entry?.integrationType ??
      (await integrationOfNewestGrants([entitlementId])).get(entitlementId) ??
      null,
    isActive: entry?.isActive ?? null,
    integrationConfig: entry?.integrationConfig ?? null,
    syncedAt: entry?.syncedAt ?? null,
    byStatus,
    total,
  };
}
