// The URL is the state of the grants list: every filter, the search, the sort and the cursor live
// in searchParams, parsed here by one schema that falls back to defaults on junk (a hand-edited or
// stale link shows a list, never an error page).
import { z } from "zod";
import { firstValues } from "@/lib/search-params";

export const PAGE_SIZES = [25, 50, 100] as const;
export const SORT_FIELDS = ["updated", "created"] as const;

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .catch(undefined)
  .transform((value) => value || undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const grantFilterSchema = z.object({
  status: text,
  integration: text,
  reason: text,
  error: text,
  business: text,
  customer: text,
  q: text,
  created_from: day,
  created_to: day,
  updated_from: day,
  updated_to: day,
  sort: z.enum(SORT_FIELDS).catch("updated").default("updated"),
  dir: z.enum(["desc", "asc"]).catch("desc").default("desc"),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(50)
    .default(50),
  after: text,
  before: text,
});

export type GrantFilter = z.infer<typeof grantFilterSchema>;

type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

/** Parses page searchParams or a URLSearchParams; repeated keys take the first value. */
export function parseGrantFilter(params: SearchParamsLike): GrantFilter {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((key) => [key, params.get(key) ?? undefined] as const)
      : Object.entries(firstValues(params));
  return grantFilterSchema.parse(Object.fromEntries(entries));
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
