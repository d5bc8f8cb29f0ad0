// GrantFilter → Prisma `where`. Kept apart from the queries so the list, the counts, the CSV
// export and the JSON API filter exactly alike.
import type { Prisma } from "@/lib/generated/prisma-sqlite/client.ts";
import type { GrantFilter } from "@/lib/grants/grant-filters";

const DAY_MS = 86_400_000;
const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);
const endOfDay = (day: string) => new Date(startOfDay(day).getTime() + DAY_MS);

function dateRange(
  from: string | undefined,
  to: string | undefined,
): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: startOfDay(from) } : {}), ...(to ? { lt: endOfDay(to) } : {}) };
}

/**
 * The customer filter takes an id or an email. An email names people, not a column value: it is
 * resolved to their customer ids first (grant-search.ts, resolveCustomerEmail).
 */
export const isCustomerEmail = (customer: string | undefined): customer is string =>
  customer !== undefined && customer.includes("@");

/**
 * `search` is the search box already resolved to the grants it names (grant-search.ts,
 * resolveSearch), `customerIds` a customer email resolved to its people: resolving needs the
 * database, this mapping does not.
 */
export function grantWhere(
  filter: GrantFilter,
  options: {
    withStatus?: boolean;
    search?: Prisma.GrantWhereInput;
    customerIds?: readonly string[];
  } = {},
): Prisma.GrantWhereInput {
  const and: Prisma.GrantWhereInput[] = [];
  if (options.withStatus !== false && filter.status) and.push({ status: filter.status });
  if (filter.integration) and.push({ integrationType: filter.integration });
  if (filter.reason) and.push({ revocationReason: filter.reason });
  if (filter.error) and.push({ errorCode: filter.error });
  if (filter.business) and.push({ businessId: filter.business });
  if (isCustomerEmail(filter.customer)) {
    if (!options.customerIds) throw new Error("grantWhere: resolve the customer email first");
    and.push({ customerId: { in: [...options.customerIds] } });
  } else if (filter.customer) {
    and.push({ customerId: filter.customer });
  }
  const created = dateRange(filter.created_from, filter.created_to);
  if (created) and.push({ createdAt: created });
  const updated = dateRange(filter.updated_from, filter.updated_to);
  if (updated) and.push({ updatedAt: updated });
  if (filter.q) {
    // Never fall back to an OR across the id columns: that is the table scan this replaced.
    if (!options.search) throw new Error("grantWhere: resolve the search (resolveSearch) first");
    and.push(options.search);
  }
  return and.length > 0 ? { AND: and } : {};
}

/** The columns grantMatches reads: what grantWhere filters on. */
export const filterableSelect = {
  id: true,
  status: true,
  integrationType: true,
  revocationReason: true,
  errorCode: true,
  businessId: true,
  customerId: true,
  subscriptionId: true,
  paymentId: true,
  entitlementId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.GrantSelect;
export type FilterableRow = Prisma.GrantGetPayload<{ select: typeof filterableSelect }>;

const inRange = (at: Date, from: string | undefined, to: string | undefined) =>
  (!from || at >= startOfDay(from)) && (!to || at < endOfDay(to));

/**
 * grantWhere in memory, for rows already read by another index (the grants changed since a page
 * opened): SQLite, without statistics, answers `status = ? AND id IN (…)` by reading every grant
 * of that status instead of the few ids. `search` is the resolved search's own test. Kept beside
 * grantWhere so the two change together; grant-list.test.ts checks that they agree.
 */
export function grantMatches(
  filter: GrantFilter,
  row: FilterableRow,
  search?: (row: FilterableRow) => boolean,
  customerIds?: readonly string[],
): boolean {
  const equal = (want: string | undefined, have: string | null) => !want || want === have;
  if (filter.q && !search)
    throw new Error("grantMatches: resolve the search (resolveSearch) first");
  if (isCustomerEmail(filter.customer) && !customerIds)
    throw new Error("grantMatches: resolve the customer email first");
  const customerMatches = isCustomerEmail(filter.customer)
    ? customerIds!.includes(row.customerId)
    : equal(filter.customer, row.customerId);
  return (
    equal(filter.status, row.status) &&
    equal(filter.integration, row.integrationType) &&
    equal(filter.reason, row.revocationReason) &&
    equal(filter.error, row.errorCode) &&
    equal(filter.business, row.businessId) &&
    customerMatches &&
    inRange(row.createdAt, filter.created_from, filter.created_to) &&
    inRange(row.updatedAt, filter.updated_from, filter.updated_to) &&
    (!filter.q || search!(row))
  );
}
