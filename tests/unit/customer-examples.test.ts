// The webhook:send examples for payment.* and subscription.* must say what the ingestion reads
// from them: a customer with a profile, and for subscription.* the subscription's state.
import { describe, expect, it } from "vitest";
import { factsFromEvent } from "@/lib/customers/customer-from-event";
import { parseDelivery } from "@/lib/ingest/parse";
import { CUSTOMER_WEBHOOK_EXAMPLES } from "@/lib/webhooks/customer-examples";

describe("customer-carrying webhook examples", () => {
  it.each(Object.entries(CUSTOMER_WEBHOOK_EXAMPLES))(
    "%s names Ada with her profile",
    (_name, make) => {
      const example = make();
      expect(factsFromEvent(example.type, example.data).customer).toEqual({
        customerId: "cus_ada_lovelace",
        email: "ada@example.com",
        name: "Ada Lovelace",
        hasProfile: true,
      });
      expect(parseDelivery(JSON.stringify(example))).toMatchObject({
        kind: "other",
        type: example.type,
      });
    },
  );

  it.each([
    ["subscription-active", "active", null],
    ["subscription-on-hold", "on_hold", null],
    ["subscription-cancelled", "cancelled", new Date("2026-03-01T13:59:58Z")],
  ] as const)("%s carries status %s", (name, status, cancelledAt) => {
    const example = CUSTOMER_WEBHOOK_EXAMPLES[name]();
    expect(factsFromEvent(example.type, example.data).subscription).toMatchObject({
      status,
      productId: "pdt_pro_membership",
      nextBillingDate: new Date("2026-04-01T09:00:00Z"),
      cancelledAt,
    });
  });

  it("payment-succeeded is no subscription", () => {
    const example = CUSTOMER_WEBHOOK_EXAMPLES["payment-succeeded"]();
    expect(factsFromEvent(example.type, example.data).subscription).toBeNull();
  });
});
