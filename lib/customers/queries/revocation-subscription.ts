// The subscription behind a revocation that its state explains, ready for the revocation panel.
import "server-only";
import {
  explainSubscription,
  isSubscriptionReason,
  type SubscriptionExplanation,
} from "@/lib/customers/subscription-explanation";
import { getSubscription } from "@/lib/customers/queries/get-subscription";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * Undefined when the reason is not about a subscription (or the grant names none); otherwise the
 * explanation, null while the subscription is unknown here.
 */
export async function revocationSubscription(
  viewer: Viewer,
  grant: { revocationReason: string | null; subscriptionId: string | null },
): Promise<{ id: string; explanation: SubscriptionExplanation | null } | undefined> {
  if (!grant.subscriptionId || !isSubscriptionReason(grant.revocationReason)) return undefined;
  const subscription = await getSubscription(viewer, grant.subscriptionId);
  return {
    id: grant.subscriptionId,
    explanation: subscription ? explainSubscription(subscription) : null,
  };
}
