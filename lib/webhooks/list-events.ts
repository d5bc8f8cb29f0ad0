// The webhook log: every delivery received, newest first, filtered by type and outcome, paged by
// keyset cursor on (receivedAt, id).
import "server-only";
import { z } from "zod";
import { getDb, type Database } from "@/lib/db";
import { COUNT_LIMIT } from "@/lib/grants/count-cap";
import { cursorParam, decodeCursor, encodeCursor } from "@/lib/grants/cursor";
import { queryText } from "@/lib/query-values";
import { readSearchParams, type SearchParamsLike } from "@/lib/search-params";
import { OUTCOMES } from "./outcomes";
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
          // The `lte` bound is the index range; the OR only re-checks rows tied on receivedAt
          // (see keysetWhere in lib/grants/queries/list-grants.ts).
          receivedAt: { lte: cursor.at },
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

/**
 * The event types present, without reading every event: a loose index scan on the
 * (type, receivedAt, id) index, each step one seek to the next larger type (a GROUP BY or
 * DISTINCT reads every entry of the index, two million at a busy merchant).
 */
async function eventTypesPresent(db: Database): Promise<string[]> {
  const rows = await db.$queryRaw<{ type: string | null }[]>`
    WITH RECURSIVE present(type) AS (
      SELECT MIN("type") FROM "WebhookEvent"
      UNION ALL
      SELECT (SELECT MIN(e."type") FROM "WebhookEvent" e WHERE e."type" > present.type)
      FROM present WHERE present.type IS NOT NULL
    )
    SELECT type FROM present WHERE type IS NOT NULL`;
  return rows.map((row) => row.type).filter((type): type is string => type !== null);
}

/**
 * Event types, and a count per outcome, for the filter menus. Each count reads at most
 * COUNT_LIMIT entries of the (outcome, receivedAt, id) index and shows as "10,000+" beyond.
 */
export async function eventFacets(viewer: Viewer) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const names = Object.keys(OUTCOMES);
  const [types, counts] = await Promise.all([
    eventTypesPresent(db),
    Promise.all(
      names.map((outcome) =>
        db.webhookEvent.count({
          where: { outcome },
          // The index's order: a `take` without one is ordered by id, which sorts every match.
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
          take: COUNT_LIMIT,
        }),
      ),
    ),
  ]);
  return {
    types: types.sort(),
    outcomes: Object.fromEntries(names.map((outcome, i) => [outcome, counts[i]!])) as Record<
      string,
      number
    >,
  };
}
