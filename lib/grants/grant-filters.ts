// The URL is the state of the grants list: every filter, the search, the sort and the cursor live
// in searchParams, parsed here by one schema. The API refuses a query that does not fit it; the
// page says what it ignored and shows the list with the rest.
import { z } from "zod";
import { cursorParam } from "./cursor";
import { calendarDay, queryText } from "@/lib/query-values";
import { readSearchParams, type SearchParamsLike } from "@/lib/search-params";

export const PAGE_SIZES = [25, 50, 100] as const;
export const SORT_FIELDS = ["updated", "created"] as const;

export const grantFilterSchema = z.object({
  status: queryText,
  integration: queryText,
  reason: queryText,
  error: queryText,
  business: queryText,
  customer: queryText,
  q: queryText,
  created_from: calendarDay.optional(),
  created_to: calendarDay.optional(),
  updated_from: calendarDay.optional(),
  updated_to: calendarDay.optional(),
  sort: z.enum(SORT_FIELDS, { error: "must be updated or created" }).default("updated"),
  dir: z.enum(["desc", "asc"], { error: "must be desc or asc" }).default("desc"),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "must be 25, 50 or 100")
    .default(50),
  after: cursorParam,
  before: cursorParam,
});

export type GrantFilter = z.infer<typeof grantFilterSchema>;

/** The filter, and what in the query did not fit it (each of those left at its default). */
export function readGrantFilter(params: SearchParamsLike): {
  filter: GrantFilter;
  problems: string[];
} {
  const { value, problems } = readSearchParams(grantFilterSchema, params);
  return { filter: value, problems };
}

/** The filter alone, junk left at its defaults; repeated keys take the first value. */
export function parseGrantFilter(params: SearchParamsLike): GrantFilter {
  return readGrantFilter(params).filter;
}

const DEFAULTS: Partial<Record<keyof GrantFilter, unknown>> = {
  sort: "updated",
  dir: "desc",
  size: 50,
};

/** The filter as a query string, defaults left out, so shared links stay short. */
export function grantFilterQuery(
  filter: Partial<GrantFilter>,
  changes: Partial<Record<keyof GrantFilter, string | number | undefined>> = {},
): string {
  const merged: Record<string, unknown> = { ...filter, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (
      value === undefined ||
      value === null ||
      value === "" ||
      DEFAULTS[key as keyof GrantFilter] === value
    )
      continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Changing what is shown starts again from the first page. */
export function withoutCursor(filter: GrantFilter): GrantFilter {
  return { ...filter, after: undefined, before: undefined };
}
