// The URL is the state of the grants list: every filter, the search, the sort and the cursor live
// in searchParams, parsed here by one schema. The API refuses a query that does not fit it; the
// page says what it ignored and shows the list with the rest.
import { z } from "zod";
import { cursorParam } from "@/lib/grants/cursor";
import { calendarDay, queryText } from "@/lib/query-values";
import { readSearchParams, type SearchParamsLike } from "@/lib/search-params";

export const PAGE_SIZES = [25, 50, 100] as const;
export const SORT_FIELDS = ["updated", "created"] as const;
export type SortChoice = (typeof SORT_FIELDS)[number];

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
  // No default here: when none is chosen, the filter decides (sortOf), which a zod default
  // would hide by making every list look as if "updated" had been asked for.
  sort: z.enum(SORT_FIELDS, { error: "must be updated or created" }).optional(),
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

type SortInputs = Pick<GrantFilter, "sort" | "created_from" | "created_to">;

/**
 * The sort when none is chosen: a created-date range sorts by created, so the (createdAt, id)
 * index serves the range in order and a page reads ~50 rows. Sorted by updated, a 30-day range
 * at 1M grants meant sorting ~130,000 rows on every page, synchronously on SQLite (the server's
 * other requests, webhooks among them, waited meanwhile). Otherwise the newest change first.
 */
export function defaultSort(filter: SortInputs): SortChoice {
  return filter.created_from || filter.created_to ? "created" : "updated";
}

/** The sort that applies: the one chosen, else the filter's default. */
export function sortOf(filter: SortInputs): SortChoice {
  return filter.sort ?? defaultSort(filter);
}

const DEFAULTS: Partial<Record<keyof GrantFilter, unknown>> = {
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
