// Grants by status per entitlement, from the trigger-kept "status_entitlement" summary
// (docs/summaries.md): exact, and the same cost at a million grants as at ten.
import "server-only";
import { getDb } from "@/lib/db";
import { readSummary } from "@/lib/grants/queries/read-summaries";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export type StatusCounts = Record<string, number>;

/** Every entitlement any grant names, with its grants by status. */
export async function countGrantsOfEveryEntitlement(
  viewer: Viewer,
): Promise<Map<string, StatusCounts>> {
  const rows = await readSummary(viewer, "status_entitlement");
  const byEntitlement = new Map<string, StatusCounts>();
  for (const { value: status, detail: entitlementId, count } of rows) {
    const counts = byEntitlement.get(entitlementId) ?? {};
    counts[status] = count;
    byEntitlement.set(entitlementId, counts);
  }
  return byEntitlement;
}

/**
 * One entitlement's grants by status. The summary's key is (dimension, status, entitlement), so
 * the statuses ever seen (a few rows) are read first and each is one key seek: asking for the
 * entitlement alone would read the dimension's row for every entitlement.
 */
export async function countGrantsOfEntitlement(
  viewer: Viewer,
  entitlementId: string,
): Promise<StatusCounts> {
  assertCan(viewer, "grants:read");
  const statuses = (await readSummary(viewer, "status")).map((row) => row.value);
  if (statuses.length === 0) return {};
  const db = await getDb();
  const rows = await db.grantSummary.findMany({
    where: {
      dimension: "status_entitlement",
      value: { in: statuses },
      detail: entitlementId,
      count: { not: 0 },
    },
    select: { value: true, count: true },
  });
  return Object.fromEntries(rows.map((row) => [row.value, row.count]));
}
