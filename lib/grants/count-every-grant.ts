// The status tabs' counts when no filter applies. Kept apart so the exact summary
// (countAllGrantsByStatus, from the summary tables) replaces this body in one place: until then
// it groups the whole table, which is exact but reads every row.
import "server-only";
import { getDb } from "@/lib/db";
import { GRANT_STATUSES } from "./status";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export async function countEveryGrantByStatus(
  viewer: Viewer,
): Promise<{ all: number; byStatus: Record<string, number> }> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const groups = await db.grant.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus: Record<string, number> = Object.fromEntries(
    GRANT_STATUSES.map((status) => [status, 0]),
  );
  for (const group of groups) byStatus[group.status] = group._count._all;
  return { all: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus };
}
