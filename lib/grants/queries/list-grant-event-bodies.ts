// The raw bodies of a grant's deliveries, in arrival order, for the grant page's Raw events.
import "server-only";
import { getDb } from "@/lib/db";
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
