import "server-only";
import { getDb } from "@/lib/db";
import { COUNT_LIMIT } from "@/lib/grants/count-cap";
import type { GrantFilter } from "@/lib/grants/grant-filters";
import { resolveCustomerEmail, resolveSearch } from "@/lib/grants/queries/grant-search";
import { filterableSelect, grantMatches } from "@/lib/grants/grant-where";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

/**
 * Grants matching the filter that changed here after `since` (local change time, not Dodo's).
 * The page polls this, so it reads through the lastChangedAt index first: the grants changed
 * since a page was opened are few, while a filter's rows can be most of the table (and with a
 * filter, SQLite's planner, which has no statistics, would pick the filter's index and read it
 * all). Capped: past COUNT_LIMIT changes in all it answers COUNT_LIMIT ("10,000+") whatever the
 * filter, which still says what a person needs: reload.
 */
export async function countChangedSince(
  viewer: Viewer,
  filter: GrantFilter,
  since: Date,
): Promise<number> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const changed = await db.grant.findMany({
    where: { lastChangedAt: { gt: since } },
    orderBy: { lastChangedAt: "asc" },
    select: filterableSelect,
    take: COUNT_LIMIT,
  });
  if (changed.length === COUNT_LIMIT) return COUNT_LIMIT;
  if (changed.length === 0) return 0;
  // The filter is applied to the rows just read, not by a second query: `status = ? AND id IN
  // (…)` made SQLite read every grant of the status (grantMatches).
  const [search, customerIds] = await Promise.all([
    filter.q ? resolveSearch(db, filter.q) : undefined,
    resolveCustomerEmail(db, filter),
  ]);
  return changed.filter((row) => grantMatches(filter, row, search?.matches, customerIds)).length;
}
