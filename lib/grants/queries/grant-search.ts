// The search box, resolved into the grants it names before the list or a count runs. One OR
// across six columns (one of them the unindexed key) made both planners scan the table; instead
// each id kind is probed by its own index, and the list then filters by the kinds that matched,
// which the list indexes serve with the sort.
import "server-only";
import { cache } from "react";
import { getDb, type Database } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client.ts";
import type { GrantFilter } from "@/lib/grants/grant-filters";
import { grantWhere, isCustomerEmail, type FilterableRow } from "@/lib/grants/grant-where";
import { normalizeEmail, normalizeName } from "@/lib/customers/customer-merge-rule";

/** The id columns a search value is looked up in, each by its own index. */
const ID_COLUMNS = ["id", "customerId", "subscriptionId", "paymentId", "entitlementId"] as const;

/** Keys sharing their last 4 characters are few; a suffix this common is not a useful search. */
const MAX_KEY_MATCHES = 1_000;

/** Matches nothing, so an unknown value lists and counts nothing without touching the table. */
const NOTHING: Prisma.GrantWhereInput = { id: { in: [] } };

/**
 * Grants whose key is `q` or ends with it. The last-4 index narrows to a few rows, the suffix is
 * checked on those: the whole key is its own suffix, so this also serves a whole-key search.
 */
async function grantIdsByKeySuffix(db: Database, q: string): Promise<string[]> {
  // A key is longer than 4 characters; a shorter value can only be an id.
  if (q.length < 4) return [];
  const rows = await db.grant.findMany({
    where: { licenseKeyLast4: q.slice(-4), licenseKey: { endsWith: q } },
    select: { id: true },
    // The index's own order: a `take` alone is ordered by id, a sort of every match.
    orderBy: { licenseKeyLast4: "asc" },
    take: MAX_KEY_MATCHES,
  });
  return rows.map((row) => row.id);
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

/** The customer ids a customer filter holding an email names; undefined for an id or none. */
export async function resolveCustomerEmail(
  db: Database,
  filter: Pick<GrantFilter, "customer">,
): Promise<string[] | undefined> {
  return isCustomerEmail(filter.customer) ? customerIdsByEmail(db, filter.customer) : undefined;
}

/** Whether any grant has `q` in `column` (an index lookup, one row at most). */
async function anyGrantWith(db: Database, column: (typeof ID_COLUMNS)[number], q: string) {
  const row = await db.grant.findFirst({ where: { [column]: q }, select: { id: true } });
  return row !== null;
}

/**
 * What a search resolved to, the one column whose index serves it (for ordering counts), and the
 * same condition as a test of a row already read (grantMatches).
 */
export type ResolvedSearch = {
  where: Prisma.GrantWhereInput;
  column: SearchColumn;
  matches: (row: FilterableRow) => boolean;
  /** The customers the value named by email or name (the page offers to open them). */
  people: string[];
};
type SearchColumn = (typeof ID_COLUMNS)[number];

/**
 * The `where` for a search value. Dodo's id prefixes vary (`grant_…` or `entg_…`), so the kind
 * is not guessed from the value's shape: every kind is probed, each probe a single index lookup.
 */
export async function resolveSearch(db: Database, q: string): Promise<ResolvedSearch> {
  const [hits, keyIds, personIds] = await Promise.all([
    Promise.all(ID_COLUMNS.map((column) => anyGrantWith(db, column, q))),
    grantIdsByKeySuffix(db, q),
    customerIdsByPerson(db, q),
  ]);
  const matched = ID_COLUMNS.filter((_, i) => hits[i]);
  const branches: Prisma.GrantWhereInput[] = matched.map((column) => ({ [column]: q }));
  if (keyIds.length > 0) branches.push({ id: { in: keyIds } });
  if (personIds.length > 0) branches.push({ customerId: { in: personIds } });
  const keyed = new Set(keyIds);
  const people = new Set(personIds);
  const matches = (row: FilterableRow) =>
    matched.some((column) => row[column] === q) || keyed.has(row.id) || people.has(row.customerId);
  const found = { matches, people: personIds };
  if (branches.length === 0) return { where: NOTHING, column: "id", ...found };
  if (branches.length > 1) return { where: { OR: branches }, column: "id", ...found };
  const column = keyIds.length > 0 ? "id" : personIds.length > 0 ? "customerId" : matched[0]!;
  return { where: branches[0]!, column, ...found };
}

/**
 * One render's probes, shared: the grants page resolves the same search for its list and for its
 * status counts, which doubled the page's queries (six probes each) against the JSON route's, on
 * a PostgreSQL pool of 10 shared with webhook deliveries. React's cache keeps it to one request.
 */
const resolveSearchOncePerRequest = cache(resolveSearch);

/** The filter as a `where`, its search resolved first (what every list, count and export uses). */
export async function resolveGrantWhere(
  db: Database,
  filter: GrantFilter,
  options: { withStatus?: boolean } = {},
): Promise<Prisma.GrantWhereInput> {
  return (await resolveGrantQuery(db, filter, options)).where;
}

/** The `where`, and the search's column when there is a search (its index narrows the most). */
export async function resolveGrantQuery(
  db: Database,
  filter: GrantFilter,
  options: { withStatus?: boolean } = {},
): Promise<{ where: Prisma.GrantWhereInput; searchColumn: SearchColumn | null }> {
  const [search, customerIds] = await Promise.all([
    filter.q ? resolveSearchOncePerRequest(db, filter.q) : undefined,
    resolveCustomerEmail(db, filter),
  ]);
  return {
    where: grantWhere(filter, { ...options, search: search?.where, customerIds }),
    searchColumn: search?.column ?? null,
  };
}

/** Customers shown above the list for a search that named people; more are in the list itself. */
const PEOPLE_SHOWN = 5;

/**
 * The customers a search named by email or name, to open their page from the list. The same
 * per-request probes as the list's, so this costs only the names of at most PEOPLE_SHOWN people.
 */
export async function customersNamedBySearch(
  viewer: Viewer,
  q: string | undefined,
): Promise<{ id: string; name: string | null; email: string | null }[]> {
  assertCan(viewer, "grants:read");
  if (!q) return [];
  const db = await getDb();
  const { people } = await resolveSearchOncePerRequest(db, q);
  if (people.length === 0) return [];
  return db.customer.findMany({
    where: { id: { in: people.slice(0, PEOPLE_SHOWN) } },
    select: { id: true, name: true, email: true },
    orderBy: { id: "asc" },
  });
}
