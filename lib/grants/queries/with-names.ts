// Who and what a grant is for, in words: the customer's name and email and the entitlement's name,
// read beside the grants rather than joined into their queries. The list indexes keep serving the
// grants alone (a join would let a planner pick another order), and the names are then one
// primary-key lookup per distinct customer and entitlement on the page or export batch.
import "server-only";
import type { Database } from "@/lib/db";

export type GrantNames = {
  /** Null while Dodo has told us the customer's id only (or after the person was forgotten). */
  customerName: string | null;
  customerEmail: string | null;
  /** Null until the entitlement catalog is synced (it needs an API key). */
  entitlementName: string | null;
};

type NamedRow = { customerId: string; entitlementId: string };

/** `rows` with their names, in the same order. */
export async function withNames<Row extends NamedRow>(
  db: Database,
  rows: Row[],
): Promise<(Row & GrantNames)[]> {
  if (rows.length === 0) return [];
  const customerIds = [...new Set(rows.map((row) => row.customerId))];
  const entitlementIds = [...new Set(rows.map((row) => row.entitlementId))];
  const [customers, entitlements] = await Promise.all([
    db.customer.findMany({
      where: { id: { in: customerIds } },
      select: { id: true, email: true, name: true },
    }),
    db.entitlement.findMany({
      where: { id: { in: entitlementIds } },
      select: { id: true, name: true },
    }),
  ]);
  const people = new Map(customers.map((c) => [c.id, c]));
  const names = new Map(entitlements.map((e) => [e.id, e.name]));
  return rows.map((row) => {
    const person = people.get(row.customerId);
    return {
      ...row,
      customerName: person?.name ?? null,
      customerEmail: person?.email ?? null,
      entitlementName: names.get(row.entitlementId) ?? null,
    };
  });
}
