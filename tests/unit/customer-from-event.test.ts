import { describe, expect, it } from "vitest";
import { factsFromEvent } from "@/lib/customers/customer-from-event";

const customer = { customer_id: "cus_21", email: "jane@example.com", name: "Jane Doe" };

describe("factsFromEvent", () => {
  it.each(["payment.succeeded", "refund.succeeded", "subscription.active"])(
    "reads the customer of %s",
    (type) => {
      const facts = factsFromEvent(type, { subscription_id: "sub_1", status: "active", customer });
      expect(facts.customer).toEqual({
        customerId: "cus_21",
        email: "jane@example.com",
        name: "Jane Doe",
        hasProfile: true,
      });
    },
  );

  it("reads only the id from license_key.*, so it cannot erase a known email", () => {
    const facts = factsFromEvent("license_key.created", { id: "lic_1", customer_id: "cus_21" });
    expect(facts.customer).toEqual({
      customerId: "cus_21",
      email: null,
      name: null,
      hasProfile: false,
    });
    expect(facts.subscription).toBeNull();
  });

  it("treats a blank email and name as absent", () => {
    const facts = factsFromEvent("payment.failed", {
      customer: { customer_id: "cus_9", email: "  ", name: "" },
    });
    expect(facts.customer).toMatchObject({ email: null, name: null, hasProfile: false });
  });

  it("yields nothing for an event without a readable customer, and never throws", () => {
    expect(
      factsFromEvent("payment.succeeded", { customer: { email: "x@y.z" } }).customer,
    ).toBeNull();
    expect(factsFromEvent("payment.succeeded", "not an object").customer).toBeNull();
    expect(factsFromEvent("dispute.opened", { customer }).customer).toBeNull();
  });

  it("reads a subscription's state as sent, without the person in its raw snapshot", () => {
    const facts = factsFromEvent("subscription.on_hold", {
      subscription_id: "sub_7",
      status: "on_hold",
      product_id: "pdt_pro",
      next_billing_date: "2026-12-03T00:00:00Z",
      previous_billing_date: "2026-11-03T00:00:00Z",
      cancel_at_next_billing_date: false,
      cancelled_at: null,
      created_at: "2026-01-03T00:00:00Z",
      recurring_pre_tax_amount: 900,
      customer,
    });
    expect(facts.subscription).toMatchObject({
      id: "sub_7",
      customerId: "cus_21",
      productId: "pdt_pro",
      status: "on_hold",
      cancelAtNextBillingDate: false,
      cancelledAt: null,
    });
    expect(facts.subscription!.nextBillingDate?.toISOString()).toBe("2026-12-03T00:00:00.000Z");
    const raw = JSON.parse(facts.subscription!.rawSnapshot);
    expect(raw.recurring_pre_tax_amount).toBe(900);
    expect(raw.customer).toEqual({ customer_id: "cus_21" });
    expect(facts.subscription!.rawSnapshot).not.toContain("jane");
  });

  it("keeps the raw snapshot as sent: dates unrewritten, unreadable fields kept", () => {
    const data = {
      subscription_id: "sub_9",
      status: "active",
      next_billing_date: "2026-12-03T00:00:00Z",
      paused_at: "not a date",
      addons: [{ addon_id: "add_1", quantity: 2 }],
      customer: { ...customer, phone_number: "+15550100" },
    };
    const raw = JSON.parse(factsFromEvent("subscription.active", data).subscription!.rawSnapshot);
    expect(raw).toEqual({ ...data, customer: { customer_id: "cus_21" } });
  });

  it("keeps an unknown status exactly as sent", () => {
    const facts = factsFromEvent("subscription.updated", {
      subscription_id: "sub_8",
      status: "Past_Due_New",
      customer,
    });
    expect(facts.subscription?.status).toBe("Past_Due_New");
    expect(facts.subscription?.nextBillingDate).toBeNull();
  });
});
