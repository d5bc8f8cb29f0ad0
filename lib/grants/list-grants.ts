// The grants list: filtered, sorted by updated or created time, paged by keyset cursors (no
// OFFSET: page 200 costs what page 1 costs, and rows arriving meanwhile do not shift the pages).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client.ts";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import type { GrantFilter } from "./grant-filters";
import { grantWhere } from "./grant-where";
import { GRANT_STATUSES } from "./status";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

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

export type GrantListRow = Prisma.GrantGetPayload<{ select: typeof grantListSelect }>;
export type GrantPage = {
  items: GrantListRow[];
  nextCursor: string | null;
  prevCursor: string | null;
};

type SortField = "updatedAt" | "createdAt";
const sortFieldOf = (filter: GrantFilter): SortField =>
  filter.sort === "created" ? "createdAt" : "updatedAt";

/** Rows strictly beyond `cursor` when walking in `direction`. */
export function keysetWhere(
  field: SortField,
  direction: "asc" | "desc",
  cursor: Cursor,
): Prisma.GrantWhereInput {
  const beyond = direction === "desc" ? "lt" : "gt";
  return {
    OR: [{ [field]: { [beyond]: cursor.at } }, { [field]: cursor.at, id: { [beyond]: cursor.id } }],
  };
}

export function keysetOrder(
  field: SortField,
  direction: "asc" | "desc",
): Prisma.GrantOrderByWithRelationInput[] {
  return [{ [field]: direction }, { id: direction }];
}

const flip = (direction: "asc" | "desc") => (direction === "asc" ? "desc" : "asc");

export async function listGrants(viewer: Viewer, filter: GrantFilter): Promise<GrantPage> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const field = sortFieldOf(filter);
  const after = decodeCursor(filter.after);
  const before = after ? null : decodeCursor(filter.before);
  // Walking backwards: read the rows before the cursor in reverse, then put them back in order.
  const walk = before ? flip(filter.dir) : filter.dir;
  const cursor = after ?? before;
  const base = grantWhere(filter);
  const rows = await db.grant.findMany({
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
    items: page,
    nextCursor: before || more ? edge(page.at(-1)) : null,
    prevCursor: after || (before && more) ? edge(page[0]) : null,
  };
}

/** Counts for the status tabs: the same filters, every status. */
export async function countGrantsByStatusFor(
  viewer: Viewer,
  filter: GrantFilter,
): Promise<{ all: number; byStatus: Record<string, number> }> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const groups = await db.grant.groupBy({
    by: ["status"],
    where: grantWhere(filter, { withStatus: false }),
    _count: { _all: true },
  });
  const byStatus: Record<string, number> = Object.fromEntries(
    GRANT_STATUSES.map((status) => [status, 0]),
  );
  for (const group of groups) byStatus[group.status] = group._count._all;
  return { all: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus };
}

/** Every grant matching the filter, in batches, for the CSV export (never the whole set in memory). */
export async function* iterateGrants(
  viewer: Viewer,
  filter: GrantFilter,
  batchSize = 500,
): AsyncGenerator<GrantListRow[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const field = sortFieldOf(filter);
  const base = grantWhere(filter);
  let cursor: Cursor | null = null;
  for (;;) {
    const rows: GrantListRow[] = await db.grant.findMany({
      where: cursor ? { AND: [base, keysetWhere(field, filter.dir, cursor)] } : base,
      orderBy: keysetOrder(field, filter.dir),
      take: batchSize,
      select: grantListSelect,
    });
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1)!;
    cursor = { at: last[field], id: last.id };
    if (rows.length < batchSize) return;
  }
}
