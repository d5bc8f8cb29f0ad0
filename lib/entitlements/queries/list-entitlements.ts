// /entitlements: every entitlement seen, from the synced catalog and from the grants themselves
// (an entitlement Dodo has not listed to us yet, or no API key: then it shows by its id).
import "server-only";
import { getDb } from "@/lib/db";
import {
  countGrantsOfEveryEntitlement,
  type StatusCounts,
} from "@/lib/entitlements/queries/count-grants-by-entitlement";
import { integrationOfNewestGrants } from "@/lib/entitlements/queries/integration-of-newest-grant";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export type EntitlementRow = {
  id: string;
  /** Null while the catalog does not know it. */
  name: string | null;
  integrationType: string | null;
  isActive: boolean | null;
  byStatus: StatusCounts;
  total: number;
};

const sum = (counts: StatusCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Named ones first, by name; then the unnamed, by id. */
function byNameThenId(a: EntitlementRow, b: EntitlementRow): number {
  if (a.name !== null && b.name !== null)
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  if (a.name !== null) return -1;
  if (b.name !== null) return 1;
  return a.id.localeCompare(b.id);
}

export async function listEntitlements(viewer: Viewer): Promise<EntitlementRow[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const [catalog, counts] = await Promise.all([
    // The catalog is the merchant's products' entitlements: dozens, not millions.
    db.entitlement.findMany({
      select: { id: true, name: true, integrationType: true, isActive: true },
    }),
    countGrantsOfEveryEntitlement(viewer),
  ]);
  const rows = new Map<string, EntitlementRow>();
  for (const e of catalog) {
    const byStatus = counts.get(e.id) ?? {};
    rows.set(e.id, { ...e, byStatus, total: sum(byStatus) });
  }
  const unlisted = [...counts].filter(([id]) => !rows.has(id));
  const types = await integrationOfNewestGrants(unlisted.map(([id]) => id));
  for (const [id, byStatus] of unlisted) {
    const integrationType = types.get(id) ?? null;
    rows.set(id, {
      id,
      name: null,
      integrationType,
      isActive: null,
      byStatus,
      total: sum(byStatus),
    });
  }
  return [...rows.values()].sort(byNameThenId);
}
