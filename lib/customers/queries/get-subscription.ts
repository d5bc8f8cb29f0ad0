// One subscription's state in force, for the grant page's revocation panel and the customer page.
import "server-only";
import { getDb } from "@/lib/db";
import type { SubscriptionFacts } from "@/lib/customers/subscription-explanation";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export const subscriptionFactsSelect = {
  id: true,
  status: true,
  nextBillingDate: true,
  previousBillingDate: true,
  cancelledAt: true,
  pausedAt: true,
  expiresAt: true,
  snapshotEventAt: true,
} as const;

/** Null when Grantdesk has not heard of it yet (no subscription.* event, no sync). */
export async function getSubscription(
  viewer: Viewer,
  id: string,
): Promise<SubscriptionFacts | null> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.subscription.findUnique({ where: { id }, select: subscriptionFactsSelect });
}
