// What the grant page shows beyond the grant itself: the raw bodies of its deliveries and the
// customer's other grants.
import "server-only";
import { getDb } from "@/lib/db";
import { grantListSelect } from "./list-grants";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export async function listGrantEventBodies(viewer: Viewer, grantId: string) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.webhookEvent.findMany({
    where: { grantId },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      type: true,
      outcome: true,
      rawBody: true,
      bodyPrunedAt: true,
      receivedAt: true,
    },
  });
}

export async function listOtherGrantsOfCustomer(
  viewer: Viewer,
  customerId: string,
  exceptId: string,
  limit = 10,
) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grant.findMany({
    where: { customerId, id: { not: exceptId } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: grantListSelect,
  });
}
