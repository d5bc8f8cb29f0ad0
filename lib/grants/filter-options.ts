import "server-only";
import { readSummary, type SummaryDimension } from "./summaries";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The values present in the data, for the list's filter menus (unknown values included), from
 * the trigger-kept summaries rather than a GROUP BY over every grant.
 */
export async function listFilterOptions(viewer: Viewer) {
  const values = async (dimension: SummaryDimension) =>
    (await readSummary(viewer, dimension)).map((row) => row.value).sort();
  const [integrations, reasons, errors, businesses] = await Promise.all([
    values("integration"),
    values("reason"),
    values("error_code"),
    values("business"),
  ]);
  return { integrations, reasons, errors, businesses };
}

export type FilterOptions = Awaited<ReturnType<typeof listFilterOptions>>;
