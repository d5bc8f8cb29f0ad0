// The search box, resolved into the grants it names before the list or a count runs. One OR
// across six columns (one of them the unindexed key) made both planners scan the table; instead
// each kind (ids, a key suffix, people by email or name) is probed by its own index. Most name a
// few grants, which are then read by id and paged in memory; a customer or entitlement id names
// thousands, which the list indexes serve with the sort.
import "server-only";
import { cache } from "react";
import { getDb, type Database } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client.ts";
import type { GrantFilter } from "@/lib/grants/grant-filters";
import {
  grantMatches,
  grantWhere,
  isCustomerEmail,
  type FilterableRow,
} from "@/lib/grants/grant-where";
import { normalizeEmail, normalizeName } from "@/lib/customers/customer-merge-rule";

/** The id columns a search value is looked up in, each by its own index. */
const ID_COLUMNS = ["id", "customerId", "subscriptionId", "paymentId", "entitlementId"] as const;
type SearchColumn = (typeof ID_COLUMNS)[number];

/**
 * Columns whose value names a few grants: a grant, a payment, a subscription. A customer or an
 * entitlement can hold thousands of grants; those are listed through their own indexes.
 */
const FEW_GRANTS_COLUMNS = ["id", "subscriptionId", "paymentId"] as const;
const isFewGrantsColumn = (column: SearchColumn) =>
  (FEW_GRANTS_COLUMNS as readonly SearchColumn[]).includes(column);

/**
 * A search naming more grants than this lists the first ones found and says so: a key suffix
 * shared by more keys, or people with more grants, is not a search that finds something.
 */
export const MAX_SEARCH_GRANTS = 1_000;

/** Matches nothing, so an unknown value lists and counts nothing without touching the table. */
const NOTHING: Prisma.GrantWhereInput = { id: { in: [] } };

type FoundGrants = { ids: string[]; truncated: boolean };
const found = (rows: { id: string }[]): FoundGrants => ({
  ids: rows.slice(0, MAX_SEARCH_GRANTS).map((row) => row.id),
  truncated: rows.length > MAX_SEARCH_GRANTS,
});
const NONE_FOUND: FoundGrants = { ids: [], truncated: false };

/**
 * Grants whose key is `q` or ends with it. The last-4 index narrows to a few rows, the suffix is
 * checked on those: the whole key is its own suffix, so this also serves a whole-key search.
 */
async function grantIdsByKeySuffix(db: Database, q: string): Promise<FoundGrants> {
  // A key is longer than 4 characters; a shorter value can only be an id.
  if (q.length < 4) return NONE_FOUND;
  const rows = await db.grant.findMany({
    where: { licenseKeyLast4: q.slice(-4), licenseKey: { endsWith: q } },
    select: { id: true },
    // The index's own order: a `take` alone is ordered by id, a sort of every match.
    orderBy: { licenseKeyLast4: "asc" },
    take: MAX_SEARCH_GRANTS + 1,
  });
  return found(rows);
}

/** The grants with `q` in a column that names few (a grant, payment or subscription id). */
async function grantIdsWith(
  db: Database,
  column: (typeof FEW_GRANTS_COLUMNS)[number],
  q: string,
): Promise<FoundGrants> {
  const rows = await db.grant.findMany({
    where: { [column]: q },
    select: { id: true },
    // The column's own index order (the primary key for `id`), so the `take` sorts nothing.
    orderBy: { [column]: "asc" },
    take: MAX_SEARCH_GRANTS + 1,
  });
  return found(rows);
}

/** People sharing an email or a name prefix are few; more than this is not a useful search. */
const MAX_PEOPLE_MATCHES = 50;

/**
 * Customers the value names: an email exactly (case-insensitive), or a name by its start, each
 * one range on its normalised column's index. The name column is byte-ordered on both databases
 * (COLLATE "C" on PostgreSQL), so every name with the prefix lies in the range; the startsWith
 * keeps the range exact.
 */
async function customerIdsByPerson(db: Database, q: string): Promise<string[]> {
  if (q.includes("@")) return customerIdsByEmail(db, q);
  const name = normalizeName(q);
  if (!name || name.length < 2) return [];
  const rows = await db.customer.findMany({
    where: { nameNormalized: { gte: name, lt: `${name}\u{10ffff}`, startsWith: name } },
    select: { id: true },
    // The index's own order: a `take` alone is ordered by id, a walk of the primary key.
    orderBy: { nameNormalized: "asc" },
    take: MAX_PEOPLE_MATCHES,
  });
  return rows.map((row) => row.id);
}

/** The customers with this email (case-insensitive): one equality on its index. */
async function customerIdsByEmail(db: Database, email: string): Promise<string[]> {
  const rows = await db.customer.findMany({
    where: { emailNormalized: normalizeEmail(email) },
    select: { id: true },
    orderBy: { emailNormalized: "asc" },
    take: MAX_PEOPLE_MATCHES,
  });
  return rows.map((row) => row.id);
}

/**
 * The grants of the customers a search found, in the (customerId, updatedAt, id) index's order:
 * one seek per customer, nothing else in the condition. Listing them by `customerId IN (…) AND
 * status = ?` instead let SQLite, which keeps no statistics, walk a status index and test each
 * row: a common name prefix at 1,000,000 grants took 7.5 s a page and held the server meanwhile
 * (webhook deliveries waited 30 s).
 */
async function grantIdsOfCustomers(db: Database, customerIds: string[]): Promise<FoundGrants> {
  if (customerIds.length === 0) return NONE_FOUND;
  const rows = await db.grant.findMany({
    where: { customerId: { in: customerIds } },
    select: { id: true },
    orderBy: { customerId: "asc" },
    take: MAX_SEARCH_GRANTS + 1,
  });
  return found(rows);
}

/** The customer ids a customer filter holding an email names; undefined for an id or none. */
export async function resolveCustomerEmail(
  db: Database,
  filter: Pick<GrantFilter, "customer">,
): Promise<string[] | undefined> {
  return isCustomerEmail(filter.customer) ? customerIdsByEmail(db, filter.customer) : undefined;
}

/** Whether any grant has `q` in `column` (an index lookup, one row at most). */
async function anyGrantWith(db: Database, column: SearchColumn, q: string) {
  const row = await db.grant.findFirst({ where: { [column]: q }, select: { id: true } });
  return row !== null;
}

/**
 * What a search resolved to. Most searches name a bounded set of grants (`grantIds`): the list,
 * its counts and the export then read those rows by primary key and filter, sort and page them
 * in memory (list-grants.ts), since any other condition beside the ids lets SQLite pick a
 * status or sort index and walk it. A customer or entitlement id names an unbounded set: then
 * `where` and the one column whose index serves it (for ordering counts) apply instead.
 * `matches` is the same test for a row already read (grantMatches).
 */
export type ResolvedSearch = {
  where: Prisma.GrantWhereInput;
  column: SearchColumn;
  /** Every grant the search names, when they are few; null when `where` must be used. */
  grantIds: string[] | null;
  /** More than MAX_SEARCH_GRANTS matched: `grantIds` holds the first ones found. */
  truncated: boolean;
  matches: (row: FilterableRow) => boolean;
  /** The customers the value named by email or name (the page offers to open them). */
  people: string[];
};

/**
 * The grants a search value names. Dodo's id prefixes vary (`grant_…` or `entg_…`), so the kind
 * is not guessed from the value's shape: every kind is probed, each probe one index lookup.
 */
export async function resolveSearch(db: Database, q: string): Promise<ResolvedSearch> {
  const manyColumns = ID_COLUMNS.filter((column) => !isFewGrantsColumn(column));
  const [manyHits, fewFound, keysFound, personIds] = await Promise.all([
    Promise.all(manyColumns.map((column) => anyGrantWith(db, column, q))),
    Promise.all(FEW_GRANTS_COLUMNS.map((column) => grantIdsWith(db, column, q))),
    grantIdsByKeySuffix(db, q),
    customerIdsByPerson(db, q),
  ]);
  const peopleFound = await grantIdsOfCustomers(db, personIds);
  const sets = [...fewFound, keysFound, peopleFound];
  const union = [...new Set(sets.flatMap((set) => set.ids))];
  const ids = union.slice(0, MAX_SEARCH_GRANTS);
  const truncated = union.length > ids.length || sets.some((set) => set.truncated);
  const byId = new Set(ids);
  const many = manyColumns.filter((_, i) => manyHits[i]);
  const matches = (row: FilterableRow) =>
    byId.has(row.id) || many.some((column) => row[column] === q);
  const common = { matches, people: personIds, truncated };
  if (many.length === 0) {
    return {
      ...common,
      where: ids.length > 0 ? { id: { in: ids } } : NOTHING,
      column: "id",
      grantIds: ids,
    };
  }
  // A customer or entitlement id: through its index. Anything else it also matched is rare (an
  // id that is also a key suffix) and joins it by its ids.
  const branches: Prisma.GrantWhereInput[] = many.map((column) => ({ [column]: q }));
  if (ids.length > 0) branches.push({ id: { in: ids } });
  if (branches.length > 1)
    return { ...common, where: { OR: branches }, column: "id", grantIds: null };
  return { ...common, where: branches[0]!, column: many[0]!, grantIds: null };
}

/**
 * One render's probes, shared: the grants page resolves the same search for its list and for its
 * status counts, which doubled the page's queries (six probes each) against the JSON route's, on
 * a PostgreSQL pool of 10 shared with webhook deliveries. React's cache keeps it to one request.
 */
const resolveSearchOncePerRequest = cache(resolveSearch);

/**
 * How a list, a count or an export reads the grants a filter matches: through `where` (and the
 * search's column, whose index narrows the most), or, when the search names a bounded set, by
 * reading those grants by id and testing each with `matches` (the filter's other conditions).
 */
export type GrantQuery = {
  where: Prisma.GrantWhereInput;
  searchColumn: SearchColumn | null;
  bounded: { grantIds: string[]; matches: (row: FilterableRow) => boolean } | null;
};

export async function resolveGrantQuery(
  db: Database,
  filter: GrantFilter,
  options: { withStatus?: boolean } = {},
): Promise<GrantQuery> {
  const [search, customerIds] = await Promise.all([
    filter.q ? resolveSearchOncePerRequest(db, filter.q) : undefined,
    resolveCustomerEmail(db, filter),
  ]);
  const where = grantWhere(filter, { ...options, search: search?.where, customerIds });
  if (!search?.grantIds) return { where, searchColumn: search?.column ?? null, bounded: null };
  const tested = options.withStatus === false ? { ...filter, status: undefined } : filter;
  return {
    where,
    searchColumn: search.column,
    bounded: {
      grantIds: search.grantIds,
      matches: (row) => grantMatches(tested, row, search.matches, customerIds),
    },
  };
}

/** Customers shown above the list for a search that named people; more are in the list itself. */
const PEOPLE_SHOWN = 5;

export type SearchSummary = {
  /** The customers the search named by email or name, to open their page from the list. */
  people: { id: string; name: string | null; email: string | null }[];
  /** More than MAX_SEARCH_GRANTS grants matched: the list shows the first ones found. */
  truncated: boolean;
};

/**
 * What the list says above its rows about a search. The same per-request probes as the list's,
 * so this costs only the names of at most PEOPLE_SHOWN people.
 */
export async function summarizeSearch(
  viewer: Viewer,
  q: string | undefined,
): Promise<SearchSummary> {
  assertCan(viewer, "grants:read");
  if (!q) return { people: [], truncated: false };
  const db = await getDb();
  const { people, truncated } = await resolveSearchOncePerRequest(db, q);
  if (people.length === 0) return { people: [], truncated };
  const named = await db.customer.findMany({
    where: { id: { in: people.slice(0, PEOPLE_SHOWN) } },
    select: { id: true, name: true, email: true },
    orderBy: { id: "asc" },
  });
  return { people: named, truncated };
}
