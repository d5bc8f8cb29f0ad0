// Reads the exact counters that triggers on Grant keep in GrantSummary (docs/performance.md).
// Each read is one indexed range of a table that has a row per distinct value, never per grant.
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export type SummaryDimension =
  "total" | "status" | "status_integration" | "integration" | "business" | "reason" | "error_code";

export type SummaryRow = { value: string; detail: string; count: number };

/** Every non-zero counter of one dimension (a counter that fell to 0 stays as a row). */
export async function readSummary(
  viewer: Viewer,
  dimension: SummaryDimension,
): Promise<SummaryRow[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grantSummary.findMany({
    where: { dimension, count: { not: 0 } },
    select: { value: true, detail: true, count: true },
    orderBy: [{ value: "asc" }, { detail: "asc" }],
  });
}

/** Grants per status with no other filter: the status tabs' counts for the unfiltered list. */
export async function countAllGrantsByStatus(viewer: Viewer): Promise<Record<string, number>> {
  const rows = await readSummary(viewer, "status");
  return Object.fromEntries(rows.map((row) => [row.value, row.count]));
}

export async function countAllGrants(viewer: Viewer): Promise<number> {
  const [row] = await readSummary(viewer, "total");
  return row?.count ?? 0;
}
