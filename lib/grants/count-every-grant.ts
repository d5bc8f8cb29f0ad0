// The status tabs' counts when no filter applies, from the exact trigger-kept summaries
// (lib/grants/summaries.ts): one read of a row per status, whatever the table's size.
import "server-only";
import { GRANT_STATUSES } from "./status";
import { countAllGrantsByStatus } from "./summaries";
import type { Viewer } from "@/lib/auth/viewer";

export async function countEveryGrantByStatus(
  viewer: Viewer,
): Promise<{ all: number; byStatus: Record<string, number> }> {
  const byStatus: Record<string, number> = {
    ...Object.fromEntries(GRANT_STATUSES.map((status) => [status, 0])),
    ...(await countAllGrantsByStatus(viewer)),
  };
  return { all: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus };
}
