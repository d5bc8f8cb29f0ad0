// The customer's other grants, most recently changed first, for the foot of the grant page.
import "server-only";
import { getDb } from "@/lib/db";
import { grantListSelect, type GrantListItem } from "@/lib/grants/queries/list-grants";
import { withNames } from "@/lib/grants/queries/with-names";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export async function listOtherGrantsOfCustomer(
  viewer: Viewer,
  customerId: string,
  exceptId: string,
  limit = 10,
): Promise<GrantListItem[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const rows = await db.grant.findMany({
    where: { customerId, id: { not: exceptId } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: grantListSelect,
  });
  return withNames(db, rows);
}
