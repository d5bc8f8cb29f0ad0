// The grants list: filtered, sorted by updated or created time, paged by keyset cursors (no
// OFFSET: page 200 costs what page 1 costs, and rows arriving meanwhile do not shift the pages).
import "server-only";
import { cache } from "react";
import { getDb, type Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client.ts";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/grants/cursor";
import { sortOf, type GrantFilter } from "@/lib/grants/grant-filters";
import { resolveGrantQuery, type GrantQuery } from "@/lib/grants/queries/grant-search";
import { keysetSlice, type SortField } from "@/lib/grants/rows-in-memory";
import { COUNT_LIMIT } from "@/lib/grants/count-cap";
import {
  countByStatusFromSummary,
  withEveryStatus,
  type StatusCounts,
} from "@/lib/grants/queries/count-every-grant";
import { GRANT_STATUSES } from "@/lib/grants/labels/status";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import { withNames, type GrantNames } from "@/lib/grants/queries/with-names";

export const grantListSelect = {
  id: true,
  status: true,
  integrationType: true,
  businessId: true,
  customerId: true,
  entitlementId: true,
  subscriptionId: true,
  paymentId: true,
  revocationReason: true,
  errorCode: true,
  licenseKeyLast4: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.GrantSelect;

type GrantListRow = Prisma.GrantGetPayload<{ select: typeof grantListSelect }>;
/** A grant as lists, exports and the JSON list show it: its row and who and what it is for. */
export type GrantListItem = GrantListRow & GrantNames;
export type GrantPage = {
  items: GrantListItem[];
  nextCursor: string | null;
  prevCursor: string | null;
};

const sortFieldOf = (filter: GrantFilter): SortField =>
  sortOf(filter) === "created" ? "createdAt" : "updatedAt";

/**
 * Rows strictly beyond `cursor` when walking in `direction`. The OR alone is no index range for
 * either planner (SQLite walked the index from its start and filtered, so page N and each CSV
 * batch re-read every row before it); the redundant `sortCol <= at` (or `>=`) bound is one, and
 * the OR then only re-checks the rows that tie on `at`.
 */
export function keysetWhere(
  field: SortField,
  direction: "asc" | "desc",
  cursor: Cursor,
): Prisma.GrantWhereInput {
  const beyond = direction === "desc" ? "lt" : "gt";
  const upTo = direction === "desc" ? "lte" : "gte";
  return {
    AND: [
      { [field]: { [upTo]: cursor.at } },
      {
        OR: [
          { [field]: { [beyond]: cursor.at } },
          { [field]: cursor.at, id: { [beyond]: cursor.id } },
        ],
      },
    ],
  };
}

export function keysetOrder(
  field: SortField,
  direction: "asc" | "desc",
): Prisma.GrantOrderByWithRelationInput[] {
  return [{ [field]: direction }, { id: direction }];
}

const flip = (direction: "asc" | "desc") => (direction === "asc" ? "desc" : "asc");

/**
 * The grants a bounded search names, read by primary key and nothing else, once per request (the
 * list and its counts share them). At most MAX_SEARCH_GRANTS rows.
 */
const readNamedGrants = cache(async (db: Database, grantIds: string[]): Promise<GrantListRow[]> =>
  grantIds.length === 0
    ? []
    : db.grant.findMany({ where: { id: { in: grantIds } }, select: grantListSelect }),
);

/** The named grants the rest of the filter keeps (its conditions tested in memory). */
async function boundedRows(db: Database, bounded: NonNullable<GrantQuery["bounded"]>) {
  return (await readNamedGrants(db, bounded.grantIds)).filter(bounded.matches);
}

export async function listGrants(viewer: Viewer, filter: GrantFilter): Promise<GrantPage> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const field = sortFieldOf(filter);
  const after = decodeCursor(filter.after);
  const before = after ? null : decodeCursor(filter.before);
  // Walking backwards: read the rows before the cursor in reverse, then put them back in order.
  const walk = before ? flip(filter.dir) : filter.dir;
  const cursor = after ?? before;
  const { where: base, bounded } = await resolveGrantQuery(db, filter);
  const rows = bounded
    ? keysetSlice(await boundedRows(db, bounded), field, walk, cursor, filter.size + 1)
    : await db.grant.findMany({
        where: cursor ? { AND: [base, keysetWhere(field, walk, cursor)] } : base,
        orderBy: keysetOrder(field, walk),
        take: filter.size + 1,
        select: grantListSelect,
      });
  const more = rows.length > filter.size;
  const page = rows.slice(0, filter.size);
  if (before) page.reverse();
  const edge = (row: GrantListRow | undefined) =>
    row ? encodeCursor({ at: row[field], id: row.id }) : null;
  return {
    items: await withNames(db, page),
    nextCursor: before || more ? edge(page.at(-1)) : null,
    prevCursor: after || (before && more) ? edge(page[0]) : null,
  };
}

const countOrderField = (filter: GrantFilter): SortField =>
  filter.created_from || filter.created_to
    ? "createdAt"
    : filter.updated_from || filter.updated_to
      ? "updatedAt"
      : sortFieldOf(filter);

/**
 * A customer's or an entitlement's grants are found through (column, sort, id): order by all
 * three, which SQLite otherwise does not see it can (it read a status index instead). An
 * entitlement's status tab reads (entitlementId, status, updatedAt, id): thousands of grants,
 * whose statuses would otherwise each be looked up in the table. The other kinds have an index on
 * the column alone (or the primary key).
 */
function countOrderForSearch(
  column: string,
  filter: GrantFilter,
  byStatus: boolean,
): Prisma.GrantOrderByWithRelationInput[] {
  if (column === "entitlementId" && byStatus) {
    return [
      { entitlementId: filter.dir },
      { status: filter.dir },
      ...keysetOrder("updatedAt", filter.dir),
    ];
  }
  if (column === "customerId" || column === "entitlementId") {
    return [{ [column]: filter.dir }, ...keysetOrder(sortFieldOf(filter), filter.dir)];
  }
  return [{ [column]: filter.dir }];
}

/**
 * Counts for the status tabs: the same filters, every status. Without filters, or with one that a
 * summary counts per status, they come from the summaries (count-every-grant.ts); for the other
 * filters no summary covers them, so each count reads at most
 * COUNT_LIMIT rows through the filter's index and shows as "10,000+" beyond (count-cap.ts).
 */
export async function countGrantsByStatusFor(
  viewer: Viewer,
  filter: GrantFilter,
): Promise<StatusCounts> {
  assertCan(viewer, "grants:read");
  const summarized = await countByStatusFromSummary(viewer, filter);
  if (summarized) return summarized;
  const db = await getDb();
  const { where, searchColumn, bounded } = await resolveGrantQuery(db, filter, {
    withStatus: false,
  });
  if (bounded) return countInMemory(await boundedRows(db, bounded));
  // A count with `take` is ordered (Prisma orders by id when told nothing, which sorts every
  // match), so order by what the narrowest index holds: a search's column (equal on every row, so
  // no sort), else a date range's column, else the sort's.
  const orderBy = (byStatus: boolean) =>
    searchColumn
      ? countOrderForSearch(searchColumn, filter, byStatus)
      : keysetOrder(countOrderField(filter), filter.dir);
  const capped = (extra: Prisma.GrantWhereInput) =>
    db.grant.count({
      where: { AND: [where, extra] },
      orderBy: orderBy("status" in extra),
      take: COUNT_LIMIT,
    });
  const [all, ...perStatus] = await Promise.all([
    capped({}),
    ...GRANT_STATUSES.map((status) => capped({ status })),
  ]);
  return {
    all: all!,
    byStatus: Object.fromEntries(GRANT_STATUSES.map((status, i) => [status, perStatus[i]!])),
  };
}

/** A bounded search's tab counts: its grants are at most MAX_SEARCH_GRANTS, so never capped. */
function countInMemory(rows: { status: string }[]): StatusCounts {
  const byStatus: Record<string, number> = {};
  for (const { status } of rows) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return withEveryStatus(byStatus);
}

/** Every grant matching the filter, in batches, for the CSV export (never the whole set in memory). */
export async function* iterateGrants(
  viewer: Viewer,
  filter: GrantFilter,
  batchSize = 500,
): AsyncGenerator<GrantListItem[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const field = sortFieldOf(filter);
  const { where: base, bounded } = await resolveGrantQuery(db, filter);
  if (bounded) {
    const rows = keysetSlice(await boundedRows(db, bounded), field, filter.dir, null, Infinity);
    for (let start = 0; start < rows.length; start += batchSize)
      yield await withNames(db, rows.slice(start, start + batchSize));
    return;
  }
  let cursor: Cursor | null = null;
  for (;;) {
    const rows: GrantListRow[] = await db.grant.findMany({
      where: cursor ? { AND: [base, keysetWhere(field, filter.dir, cursor)] } : base,
      orderBy: keysetOrder(field, filter.dir),
      take: batchSize,
      select: grantListSelect,
    });
    if (rows.length === 0) return;
    yield await withNames(db, rows);
    const last = rows.at(-1)!;
    cursor = { at: last[field], id: last.id };
    if (rows.length < batchSize) return;
  }
}
