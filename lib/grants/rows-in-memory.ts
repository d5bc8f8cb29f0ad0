// The grants list's ordering and keyset paging, applied to rows already in memory. A search that
// names a bounded set of grants (a key suffix, people by email or name, a grant, payment or
// subscription id) is read whole and then paged here, with the same order, cursors and
// tie-breaker as a page read through an index, so a link or a cursor behaves alike either way.
import type { Cursor } from "@/lib/grants/cursor";

export type SortField = "updatedAt" | "createdAt";
type Sortable = { id: string } & Record<SortField, Date>;

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** (field, id) ascending or descending: the list indexes' order. */
export function keysetCompare(field: SortField, direction: "asc" | "desc") {
  const sign = direction === "asc" ? 1 : -1;
  return (a: Sortable, b: Sortable) =>
    sign * (a[field].getTime() - b[field].getTime() || compareIds(a.id, b.id));
}

/** Whether `row` lies strictly beyond `cursor` when walking in `direction` (keysetWhere's test). */
export function isBeyond(
  row: Sortable,
  field: SortField,
  direction: "asc" | "desc",
  cursor: Cursor,
): boolean {
  const order = keysetCompare(field, direction);
  return order(row, { id: cursor.id, updatedAt: cursor.at, createdAt: cursor.at }) > 0;
}

/** The first `take` rows beyond `cursor` (all rows without one) in (field, id) order. */
export function keysetSlice<Row extends Sortable>(
  rows: readonly Row[],
  field: SortField,
  direction: "asc" | "desc",
  cursor: Cursor | null,
  take: number,
): Row[] {
  return rows
    .filter((row) => !cursor || isBeyond(row, field, direction, cursor))
    .sort(keysetCompare(field, direction))
    .slice(0, take);
}
