import { describe, expect, it } from "vitest";
import {
  explainSubscription,
  isSubscriptionReason,
  type SubscriptionFacts,
} from "@/lib/customers/subscription-explanation";

const base: SubscriptionFacts = {
  id: "sub_1",
  status: "on_hold",
  nextBillingDate: null,
  previousBillingDate: new Date("2026-11-03T08:00:00Z"),
  cancelledAt: null,
  pausedAt: null,
  expiresAt: null,
  snapshotEventAt: new Date("2026-12-03T08:05:00Z"),
};

describe("explainSubscription", () => {
  it("says a failed renewal on hold comes back by itself if a retry succeeds", () => {
    expect(explainSubscription(base)).toEqual({
      statusLabel: "On hold",
      comesBack: true,
      text:
        "The renewal payment failed on 3 Dec and the subscription is on hold. Dodo retries the " +
        "charge; access comes back on its own if a retry succeeds. If the card keeps failing, " +
        "the customer should update their payment method.",
    });
  });

  it("dates a pause, a cancellation and an expiry from their own fields", () => {
    const at = new Date("2026-11-20T00:00:00Z");
    expect(explainSubscription({ ...base, status: "paused", pausedAt: at }).text).toBe(
      "The subscription was paused on 20 Nov. Access comes back on its own when it is resumed.",
    );
    const cancelled = explainSubscription({ ...base, status: "cancelled", cancelledAt: at });
    expect(cancelled).toMatchObject({ statusLabel: "Cancelled", comesBack: false });
    expect(cancelled.text).toContain("cancelled on 20 Nov");
    expect(explainSubscription({ ...base, status: "expired", expiresAt: at }).text).toBe(
      "The subscription ended on 20 Nov. Access does not come back by itself: a new subscription is needed.",
    );
  });

  it("says when a subscription is active again since the revocation", () => {
    const active = explainSubscription({
      ...base,
      status: "active",
      nextBillingDate: new Date("2027-01-03T00:00:00Z"),
    });
    expect(active.statusLabel).toBe("Active");
    expect(active.text).toBe(
      "The subscription is active again (as of 3 Dec), next billed on 3 Jan. Dodo re-grants " +
        "access on its own; if this grant still shows revoked in a few minutes, refresh it from Dodo.",
    );
  });

  it("shows a status it does not know exactly as sent", () => {
    expect(explainSubscription({ ...base, status: "Past_Due_New" })).toEqual({
      statusLabel: "Past_Due_New",
      comesBack: false,
      text: "The subscription's status is “Past_Due_New” (as of 3 Dec).",
    });
  });
});

describe("isSubscriptionReason", () => {
  it("knows the four subscription reasons in Dodo's spelling", () => {
    for (const reason of [
      "subscription_on_hold",
      "SubscriptionPaused",
      "subscription_cancelled",
      "subscription_expired",
    ])
      expect(isSubscriptionReason(reason)).toBe(true);
    expect(isSubscriptionReason("subscriptionpaused")).toBe(false);
    expect(isSubscriptionReason("manual")).toBe(false);
    expect(isSubscriptionReason(null)).toBe(false);
  });
});
