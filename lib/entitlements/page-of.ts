// /entitlements in pages. The catalog is read whole (a merchant's products' entitlements: dozens,
// at most thousands) and sorted by name, so a page is a slice; rendering thousands of rows at once
// was the cost, not reading them.
import { z } from "zod";
import { readSearchParams, type SearchParamsLike } from "@/lib/search-params";

export const ENTITLEMENTS_PER_PAGE = 100;

const querySchema = z.object({
  page: z.coerce.number({ error: "must be a page number" }).int().min(1).default(1),
});

export function readEntitlementsQuery(params: SearchParamsLike) {
  const { value, problems } = readSearchParams(querySchema, params);
  return { page: value.page, problems };
}

export type PageOf<Row> = {
  rows: Row[];
  /** 1-based, clamped to the last page (a stale link past the end shows the last page). */
  page: number;
  pages: number;
  total: number;
  /** The 1-based position of the first row shown (0 when there is none). */
  first: number;
};

export function pageOf<Row>(all: Row[], page: number, size = ENTITLEMENTS_PER_PAGE): PageOf<Row> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const shown = Math.min(Math.max(1, page), pages);
  const start = (shown - 1) * size;
  return {
    rows: all.slice(start, start + size),
    page: shown,
    pages,
    total: all.length,
    first: all.length === 0 ? 0 : start + 1,
  };
}
