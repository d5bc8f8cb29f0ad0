import "server-only";
import { readSummaries, type SummaryDimension } from "@/lib/grants/queries/read-summaries";
import type { Viewer } from "@/lib/auth/viewer";

const MENUS = {
  integrations: "integration",
  reasons: "reason",
  errors: "error_code",
  businesses: "business",
} as const satisfies Record<string, SummaryDimension>;

/**
 * The values present in the data, for the list's filter menus (unknown values included), from
 * the trigger-kept summaries rather than a GROUP BY over every grant: one read for the four
 * menus (every list render asks for them; four reads were four pool connections on PostgreSQL).
 */
export async function listFilterOptions(viewer: Viewer) {
  const rows = await readSummaries(viewer, Object.values(MENUS));
  const values = (dimension: SummaryDimension) =>
    rows
      .filter((row) => row.dimension === dimension)
      .map((row) => row.value)
      .sort();
  return {
    integrations: values(MENUS.integrations),
    reasons: values(MENUS.reasons),
    errors: values(MENUS.errors),
    businesses: values(MENUS.businesses),
  };
}

export type FilterOptions = Awaited<ReturnType<typeof listFilterOptions>>;
