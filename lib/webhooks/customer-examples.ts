// Example deliveries of the non-grant events that name a customer (Dodo's "Outgoing webhooks"
// reference: payment.* and subscription.* carry `data.customer { customer_id, email, name }`).
// Kept apart from the grant examples (examples.ts), which tests and screenshots walk as grants.
// The customer and subscriptions match the grant examples' (cus_ada_lovelace, sub_demo_000x).

export type CustomerEnvelope = {
  business_id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { payload_type: "Payment" | "Subscription" };
};

const BUSINESS = "bus_demo_grantdesk";
const BRAND = "bnd_demo_grantdesk";
const ADA = { customer_id: "cus_ada_lovelace", email: "ada@example.com", name: "Ada Lovelace" };

export type ExampleCustomer = { customer_id: string; email: string; name: string };
const BILLING = {
  country: "GB",
  city: "London",
  state: null,
  street: "12 St James's Sq",
  zipcode: "SW1Y 4JH",
};

function envelope(
  type: string,
  timestamp: string,
  data: CustomerEnvelope["data"],
): CustomerEnvelope {
  return { business_id: BUSINESS, type, timestamp, data };
}

/** A subscription.* `data` in Dodo's shape; the demo builds its own from it. */
export function subscriptionData(
  fields: Record<string, unknown> & { subscription_id: string; status: string },
  customer: ExampleCustomer = ADA,
) {
  return {
    payload_type: "Subscription" as const,
    addons: [],
    billing: BILLING,
    brand_id: BRAND,
    business_id: BUSINESS,
    cancel_at_next_billing_date: false,
    cancelled_at: null,
    created_at: "2026-02-01T09:00:00Z",
    currency: "USD",
    customer,
    discount_id: null,
    metadata: {},
    meters: [],
    next_billing_date: "2026-04-01T09:00:00Z",
    on_demand: false,
    paused_at: null,
    payment_frequency_count: 1,
    payment_frequency_interval: "Month",
    previous_billing_date: "2026-03-01T09:00:00Z",
    product_id: "pdt_pro_membership",
    quantity: 1,
    recurring_pre_tax_amount: 1500,
    subscription_period_count: 12,
    subscription_period_interval: "Month",
    tax_inclusive: false,
    trial_period_days: 0,
    ...fields,
  };
}

/** A payment.succeeded `data` in Dodo's shape. */
export function paymentData(
  fields: Record<string, unknown> & { payment_id: string; created_at: string },
  customer: ExampleCustomer = ADA,
) {
  return {
    payload_type: "Payment" as const,
    billing: BILLING,
    brand_id: BRAND,
    business_id: BUSINESS,
    card_last_four: "4242",
    card_network: "VISA",
    card_type: "CREDIT",
    currency: "USD",
    customer,
    discount_id: null,
    disputes: [],
    error_code: null,
    error_message: null,
    metadata: {},
    payment_link: null,
    payment_method: "card",
    payment_method_type: "credit",
    product_cart: [{ product_id: "pdt_desktop_license", quantity: 1 }],
    refunds: [],
    settlement_amount: 4900,
    settlement_currency: "USD",
    status: "succeeded",
    subscription_id: null,
    tax: 0,
    total_amount: 4900,
    updated_at: fields.created_at,
    ...fields,
  };
}

export const CUSTOMER_WEBHOOK_EXAMPLES = {
  "payment-succeeded": () =>
    envelope(
      "payment.succeeded",
      "2026-03-01T09:59:58.100000Z",
      paymentData({ payment_id: "pay_demo_0001", created_at: "2026-03-01T09:59:55Z" }),
    ),
  "subscription-active": () =>
    envelope(
      "subscription.active",
      "2026-03-01T12:59:59.100000Z",
      subscriptionData({ subscription_id: "sub_demo_0001", status: "active" }),
    ),
  "subscription-on-hold": () =>
    envelope(
      "subscription.on_hold",
      "2026-03-03T08:00:00.100000Z",
      // The renewal payment failed: Dodo retries it, and the subscription resumes if one succeeds.
      subscriptionData({ subscription_id: "sub_demo_0003", status: "on_hold" }),
    ),
  "subscription-cancelled": () =>
    envelope(
      "subscription.cancelled",
      "2026-03-01T13:59:59.100000Z",
      subscriptionData({
        subscription_id: "sub_demo_0002",
        status: "cancelled",
        cancelled_at: "2026-03-01T13:59:58Z",
        cancel_at_next_billing_date: false,
      }),
    ),
} satisfies Record<string, () => CustomerEnvelope>;

export type CustomerWebhookExampleName = keyof typeof CUSTOMER_WEBHOOK_EXAMPLES;

export function isCustomerWebhookExampleName(name: string): name is CustomerWebhookExampleName {
  return Object.hasOwn(CUSTOMER_WEBHOOK_EXAMPLES, name);
}
