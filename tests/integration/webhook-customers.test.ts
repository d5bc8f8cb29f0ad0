// Customers and subscriptions from the non-grant events that name them, through the real route,
// on both databases: order-safe (an older event never overwrites a newer name or state), and
// duplicates change nothing.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { SECRET, configureWebhookSecrets, deliver } from "../support/webhooks";

configureWebhookSecrets(SECRET);
let counter = 0;
const unique = (name: string) => `${name}_${++counter}`;

const envelope = (type: string, timestamp: string, data: Record<string, unknown>) => ({
  business_id: "bus_test",
  type,
  timestamp,
  data,
});
const payment = (customerId: string, timestamp: string, email: string, name: string) =>
  envelope("payment.succeeded", timestamp, {
    payment_id: unique("pay"),
    customer: { customer_id: customerId, email, name },
  });
const subscription = (
  type: string,
  id: string,
  customerId: string,
  timestamp: string,
  status: string,
) =>
  envelope(type, timestamp, {
    subscription_id: id,
    status,
    product_id: "pdt_pro",
    next_billing_date: "2026-12-10T00:00:00Z",
    customer: { customer_id: customerId, email: "sub@example.com", name: "Sub Scriber" },
  });

async function customer(id: string) {
  return (await getDb()).customer.findUnique({ where: { id } });
}

describe("customers from webhooks", () => {
  it("records a payment's customer, searchable by normalised email and name, and marks it applied", async () => {
    const id = unique("cus");
    const result = await deliver(
      payment(id, "2026-03-01T10:00:00Z", " Jane.Doe@Example.COM ", "Jane  Doe"),
      { id: unique("msg") },
    );
    expect(result).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await customer(id)).toMatchObject({
      email: "Jane.Doe@Example.COM",
      emailNormalized: "jane.doe@example.com",
      name: "Jane  Doe",
      nameNormalized: "jane doe",
      businessId: "bus_test",
      source: "webhook",
    });
  });

  it("keeps the newest name and email whatever order three events arrive in", async () => {
    const reports = [
      ["2026-03-01T10:00:00Z", "old@example.com", "Old Name"],
      ["2026-03-02T10:00:00Z", "mid@example.com", "Mid Name"],
      ["2026-03-03T10:00:00Z", "new@example.com", "New Name"],
    ] as const;
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
    ]) {
      const id = unique("cus");
      for (const index of order) {
        const [timestamp, email, name] = reports[index]!;
        await deliver(payment(id, timestamp, email, name), { id: unique("msg") });
      }
      expect(await customer(id), `order ${order.join()}`).toMatchObject({
        email: "new@example.com",
        name: "New Name",
      });
      const stored = (await customer(id))!;
      expect(stored.firstSeenAt.toISOString()).toBe("2026-03-01T10:00:00.000Z");
      expect(stored.lastSeenAt.toISOString()).toBe("2026-03-03T10:00:00.000Z");
    }
  });

  it("answers a redelivery duplicate and changes nothing", async () => {
    const id = unique("cus");
    const webhookId = unique("msg");
    const event = payment(id, "2026-03-01T10:00:00Z", "a@example.com", "A");
    await deliver(event, { id: webhookId });
    const before = await customer(id);
    expect(await deliver(event, { id: webhookId })).toMatchObject({
      body: { outcome: "duplicate" },
    });
    expect(await customer(id)).toEqual(before);
  });

  it("an event repeating what is known is stored as ignored", async () => {
    const id = unique("cus");
    const event = payment(id, "2026-03-01T10:00:00Z", "a@example.com", "A");
    await deliver(event, { id: unique("msg") });
    expect(await deliver(event, { id: unique("msg") })).toMatchObject({
      body: { outcome: "ignored" },
    });
  });

  it("a license_key event records the id alone and never erases a known email", async () => {
    const known = unique("cus");
    await deliver(payment(known, "2026-03-01T10:00:00Z", "k@example.com", "Known"), {
      id: unique("msg"),
    });
    await deliver(
      envelope("license_key.created", "2026-03-05T10:00:00Z", { id: "lic_1", customer_id: known }),
      { id: unique("msg") },
    );
    expect(await customer(known)).toMatchObject({ email: "k@example.com", name: "Known" });
    expect((await customer(known))!.lastSeenAt.toISOString()).toBe("2026-03-05T10:00:00.000Z");

    const onlyId = unique("cus");
    const result = await deliver(
      envelope("license_key.created", "2026-03-05T10:00:00Z", { id: "lic_2", customer_id: onlyId }),
      { id: unique("msg") },
    );
    expect(result.body.outcome).toBe("applied");
    expect(await customer(onlyId)).toMatchObject({ email: null, name: null, profileOrder: null });
  });

  it("concurrent events for one new customer all store, and the newest profile wins", async () => {
    const id = unique("cus");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        deliver(
          payment(
            id,
            `2026-03-01T10:00:${String(i).padStart(2, "0")}Z`,
            `v${i}@example.com`,
            `V${i}`,
          ),
          { id: unique("msg") },
        ),
      ),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(await customer(id)).toMatchObject({ email: "v11@example.com", name: "V11" });
  });
});

describe("subscriptions from webhooks", () => {
  it("keeps the newest state when an older subscription event arrives late", async () => {
    const customerId = unique("cus");
    const id = unique("sub");
    const onHold = subscription(
      "subscription.on_hold",
      id,
      customerId,
      "2026-03-02T10:00:00Z",
      "on_hold",
    );
    const active = subscription(
      "subscription.active",
      id,
      customerId,
      "2026-03-01T10:00:00Z",
      "active",
    );
    expect((await deliver(onHold, { id: unique("msg") })).body.outcome).toBe("applied");
    await deliver(active, { id: unique("msg") });
    const stored = await (await getDb()).subscription.findUnique({ where: { id } });
    expect(stored).toMatchObject({ status: "on_hold", customerId, productId: "pdt_pro" });
    expect(stored!.nextBillingDate?.toISOString()).toBe("2026-12-10T00:00:00.000Z");
    expect(stored!.rawSnapshot).not.toContain("sub@example.com");
    // The subscription event also names its customer.
    expect(await customer(customerId)).toMatchObject({ email: "sub@example.com" });
  });

  it("moves to a newer state as sent, unknown statuses included", async () => {
    const customerId = unique("cus");
    const id = unique("sub");
    await deliver(
      subscription("subscription.active", id, customerId, "2026-03-01T10:00:00Z", "active"),
      {
        id: unique("msg"),
      },
    );
    await deliver(
      subscription("subscription.updated", id, customerId, "2026-03-04T10:00:00Z", "Grace_Period"),
      {
        id: unique("msg"),
      },
    );
    expect(await (await getDb()).subscription.findUnique({ where: { id } })).toMatchObject({
      status: "Grace_Period",
    });
  });
});
