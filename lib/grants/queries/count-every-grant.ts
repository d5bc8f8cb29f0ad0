// The status tabs' counts where a trigger-kept summary holds them (lib/grants/queries/read-summaries.ts): with
// no filter, or with one filter that a summary counts per status. One read of a handful of rows,
// exact, whatever the table's size; any other filter is counted in list-grants.ts, capped.
import "server-only";
import type { GrantFilter } from "@/lib/grants/grant-filters";
import { grantWhere, isCustomerEmail } from "@/lib/grants/grant-where";
import { GRANT_STATUSES } from "@/lib/grants/labels/status";
import {
  countAllGrantsByStatus,
  readSummaryByDetail,
  type SummaryDimension,
} from "@/lib/grants/queries/read-summaries";
import type { Viewer } from "@/lib/auth/viewer";

/** The status tabs' counts: every grant the filter matches, and those of each status. */
export type StatusCounts = { all: number; byStatus: Record<string, number> };

/** Counts per status, every known status present (0 when none), and their total. */
export function withEveryStatus(counts: Record<string, number>): StatusCounts {
  const byStatus: Record<string, number> = {
    ...Object.fromEntries(GRANT_STATUSES.map((status) => [status, 0])),
    ...counts,
  };
  return { all: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus };
}

export async function countEveryGrantByStatus(viewer: Viewer): Promise<StatusCounts> {
  return withEveryStatus(await countAllGrantsByStatus(viewer));
}

/** The filters a summary counts per status ("status_business": value = status, detail = id). */
const SUMMARIZED_PER_STATUS = [
  ["integration", "status_integration"],
  ["reason", "status_reason"],
  ["error", "status_error_code"],
  ["business", "status_business"],
] as const satisfies readonly (readonly [keyof GrantFilter, SummaryDimension])[];

/**
 * The tabs with no filter but the status, or under exactly one of those filters (a business is a
 * quarter of the grants here: a capped count per tab read 40,000 index entries). Null for any
 * other filter. Asking grantWhere how many conditions the filter makes keeps "zero or one" true
 * as filters are added.
 */
export async function countByStatusFromSummary(
  viewer: Viewer,
  filter: GrantFilter,
): Promise<StatusCounts | null> {
  // Before grantWhere, which needs a search or a customer email resolved first; no summary counts
  // either anyway.
  if (filter.q || isCustomerEmail(filter.customer)) return null;
  const where = grantWhere(filter, { withStatus: false });
  const conditions = Array.isArray(where.AND) ? where.AND : [];
  if (conditions.length === 0) return countEveryGrantByStatus(viewer);
  if (conditions.length !== 1) return null;
  const match = SUMMARIZED_PER_STATUS.find(([field]) => filter[field]);
  const value = match && filter[match[0]];
  // A summary keeps a missing reason or error code as "", so "" itself cannot be asked for.
  if (!match || typeof value !== "string" || value === "") return null;
  const rows = await readSummaryByDetail(viewer, match[1], value);
  return withEveryStatus(Object.fromEntries(rows.map((row) => [row.value, row.count])));
}
