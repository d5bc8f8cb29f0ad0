// The webhook log: every delivery received, newest first, filtered by type and outcome, paged by
// keyset cursor on (receivedAt, id).
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { cursorParam, decodeCursor, encodeCursor } from "@/lib/grants/cursor";
import { queryText } from "@/lib/query-values";
import { readSearchParams, type SearchParamsLike } from "@/lib/search-params";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export const eventFilterSchema = z.object({
  type: queryText,
  outcome: z
    .enum(["applied", "stale", "duplicate", "ignored", "invalid"], {
      error: "must be applied, stale, duplicate, ignored or invalid",
    })
    .optional(),
  after: cursorParam,
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

/** The filter, and what in the query did not fit it (each of those left out). */
export function readEventFilter(params: SearchParamsLike): {
  filter: EventFilter;
  problems: string[];
} {
  const { value, problems } = readSearchParams(eventFilterSchema, params);
  return { filter: value, problems };
}

const PAGE_SIZE = 50;

export async function listEvents(viewer: Viewer, filter: EventFilter) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const cursor = decodeCursor(filter.after);
  const where = {
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(cursor
      ? {
          OR: [{ receivedAt: { lt: cursor.at } }, { receivedAt: cursor.at, id: { lt: cursor.id } }],
        }
      : {}),
  };
  const rows = await db.webhookEvent.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      type: true,
      grantId: true,
      outcome: true,
      validationError: true,
      receivedAt: true,
      timestamp: true,
      source: true,
    },
  });
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
  };
}

/** Event types and outcome counts present, for the filter menus. */
export async function eventFacets(viewer: Viewer) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const [types, outcomes] = await Promise.all([
    db.webhookEvent.groupBy({ by: ["type"], _count: { _all: true } }),
    db.webhookEvent.groupBy({ by: ["outcome"], _count: { _all: true } }),
  ]);
  return {
    types: types
      .map((t) => t.type)
      .filter((t): t is string => t !== null)
      .sort(),
    outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o._count._all])) as Record<
      string,
      number
    >,
  };
}
