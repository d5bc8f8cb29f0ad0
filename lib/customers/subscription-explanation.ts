// A revoked grant's subscription, in words support can paste into a reply: what state the
// subscription is in now and what happens next. Pure: the grant page reads the Subscription row
// and hands it here, and the tests pin the sentences.

import { formatDay } from "@/lib/format";

/** The revocation reasons that a subscription's state explains (Dodo's own spelling). */
export const SUBSCRIPTION_REASONS = [
  "subscription_on_hold",
  "SubscriptionPaused",
  "subscription_cancelled",
  "subscription_expired",
] as const;

export function isSubscriptionReason(reason: string | null): boolean {
  return (SUBSCRIPTION_REASONS as readonly (string | null)[]).includes(reason);
}

export type SubscriptionFacts = {
  id: string;
  /** As Dodo sent it. */
  status: string;
  nextBillingDate: Date | null;
  previousBillingDate: Date | null;
  cancelledAt: Date | null;
  pausedAt: Date | null;
  expiresAt: Date | null;
  /** When the state in force was reported (the event's time, or the API fetch). */
  snapshotEventAt: Date;
};

export type SubscriptionExplanation = {
  /** "On hold", "Active", or the status as sent when it is one we do not know. */
  statusLabel: string;
  /** One paragraph: the state, with its date, and what happens next. */
  text: string;
  /** Whether access is expected back without anyone acting. */
  comesBack: boolean;
};

const STATUS_LABELS: Record<string, string> = {
  active: "Active",
  on_hold: "On hold",
  paused: "Paused",
  cancelled: "Cancelled",
  expired: "Expired",
  failed: "Failed",
  pending: "Pending",
};

/**
 * What the subscription says about a revocation. The status is read as sent, lower-cased only to
 * recognise it (Dodo has capitalised values elsewhere: `SubscriptionPaused`).
 */
export function explainSubscription(subscription: SubscriptionFacts): SubscriptionExplanation {
  const status = subscription.status.toLowerCase();
  const statusLabel = STATUS_LABELS[status] ?? subscription.status;
  const asOf = formatDay(subscription.snapshotEventAt);
  switch (status) {
    case "on_hold":
      // The state in force is the hold, so its report's time is when the renewal failed; the
      // billing dates do not say (one is the last success, the other may be moved by retries).
      return {
        statusLabel,
        comesBack: true,
        text:
          `The renewal payment failed on ${asOf} and the subscription is on hold. Dodo retries ` +
          "the charge; access comes back on its own if a retry succeeds. If the card keeps " +
          "failing, the customer should update their payment method.",
      };
    case "paused":
      return {
        statusLabel,
        comesBack: true,
        text:
          `The subscription was paused${subscription.pausedAt ? ` on ${formatDay(subscription.pausedAt)}` : ""}. ` +
          "Access comes back on its own when it is resumed.",
      };
    case "cancelled":
      return {
        statusLabel,
        comesBack: false,
        text:
          `The subscription was cancelled${subscription.cancelledAt ? ` on ${formatDay(subscription.cancelledAt)}` : ""}. ` +
          "Access does not come back by itself: the customer has to subscribe again.",
      };
    case "expired":
      return {
        statusLabel,
        comesBack: false,
        text:
          `The subscription ended${subscription.expiresAt ? ` on ${formatDay(subscription.expiresAt)}` : ""}. ` +
          "Access does not come back by itself: a new subscription is needed.",
      };
    case "active":
      return {
        statusLabel,
        comesBack: true,
        text:
          `The subscription is active again (as of ${asOf})` +
          (subscription.nextBillingDate
            ? `, next billed on ${formatDay(subscription.nextBillingDate)}`
            : "") +
          ". Dodo re-grants access on its own; if this grant still shows revoked in a few " +
          "minutes, refresh it from Dodo.",
      };
    default:
      return {
        statusLabel,
        comesBack: false,
        text: `The subscription's status is “${subscription.status}” (as of ${asOf}).`,
      };
  }
}
