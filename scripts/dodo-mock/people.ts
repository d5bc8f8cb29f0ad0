// The stand-in's customers and subscriptions, in Dodo's shapes (the `dodopayments` SDK's types are
// the source of truth for field names). Both are derived from the grants it serves unless a test
// or the seed adds them explicitly: every customer_id a grant names can be retrieved, and every
// subscription_id a grant names is listed, with a status that agrees with the grant's revocation
// reason. So a sync against the stand-in always finds the people its grants point at.
import type { Customer } from "dodopayments/resources/customers/customers";
import type { EntitlementGrant } from "dodopayments/resources/entitlements/grants";
import type {
  Subscription,
  SubscriptionListResponse,
  SubscriptionStatus,
} from "dodopayments/resources/subscriptions";

export type MockCustomer = Customer;
export type MockSubscription = Subscription;

export type CustomerSeed = Partial<Customer> & { customer_id: string };
export type SubscriptionSeed = Partial<Omit<Subscription, "customer">> & {
  subscription_id: string;
  customer_id: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function wholeSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** "cus_mock_ada_lovelace" → "ada_lovelace": the part of an id that reads like a name. */
function nameSlug(customerId: string): string {
  return customerId.replace(/^cus_/, "").replace(/^mock_/, "") || customerId;
}

/** A readable default: cus_mock_ada_lovelace is "Ada Lovelace" <ada.lovelace@example.com>. */
export function completeCustomer(
  seed: CustomerSeed,
  defaults: { businessId: string; createdAt: string },
): Customer {
  const slug = nameSlug(seed.customer_id);
  const name = slug
    .split(/[_-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
  return {
    business_id: defaults.businessId,
    created_at: defaults.createdAt,
    email: `${slug.replace(/[_-]+/g, ".").toLowerCase()}@example.com`,
    name,
    metadata: {},
    phone_number: null,
    ...seed,
  };
}

/** What a grant's revocation says about its subscription, as Dodo would list it. */
function statusFromGrant(grant: EntitlementGrant): SubscriptionStatus {
  if (grant.status !== "Revoked") return "active";
  switch (grant.revocation_reason) {
    case "subscription_on_hold":
      return "on_hold";
    case "SubscriptionPaused":
    case "subscription_paused":
      return "paused";
    case "subscription_expired":
      return "expired";
    case "subscription_cancelled":
      return "cancelled";
    default:
      return "active";
  }
}

/** The subscription a grant names, when nobody added it explicitly. */
export function subscriptionSeedFromGrant(grant: EntitlementGrant): SubscriptionSeed | null {
  if (!grant.subscription_id) return null;
  const status = statusFromGrant(grant);
  const createdMs = Date.parse(grant.created_at);
  const revoked = grant.revoked_at ?? grant.updated_at;
  return {
    subscription_id: grant.subscription_id,
    customer_id: grant.customer_id,
    product_id: `pdt_${grant.entitlement_id.replace(/^ent_/, "")}`,
    status,
    created_at: grant.created_at,
    previous_billing_date: grant.created_at,
    next_billing_date: wholeSeconds(createdMs + 30 * DAY_MS),
    cancelled_at: status === "cancelled" ? revoked : null,
    paused_at: status === "paused" ? revoked : null,
    expires_at: status === "expired" ? revoked : null,
  };
}

export function completeSubscription(
  seed: SubscriptionSeed,
  customer: Customer,
  defaults: { brandId: string; createdAt: string },
): Subscription {
  const { customer_id: _customerId, ...fields } = seed;
  const createdAt = seed.created_at ?? defaults.createdAt;
  return {
    addons: [],
    billing: {
      country: "US",
      city: "Springfield",
      state: "IL",
      street: "1 Main St",
      zipcode: "62701",
    },
    brand_id: defaults.brandId,
    cancel_at_next_billing_date: false,
    created_at: createdAt,
    credit_entitlement_cart: [],
    currency: "USD",
    customer: { customer_id: customer.customer_id, email: customer.email, name: customer.name },
    has_payment_method: true,
    metadata: {},
    meter_credit_entitlement_cart: [],
    meters: [],
    next_billing_date: wholeSeconds(Date.parse(createdAt) + 30 * DAY_MS),
    on_demand: false,
    payment_frequency_count: 1,
    payment_frequency_interval: "Month",
    previous_billing_date: createdAt,
    product_id: "pdt_mock_membership",
    quantity: 1,
    recurring_pre_tax_amount: 1500,
    status: "active",
    subscription_period_count: 12,
    subscription_period_interval: "Month",
    tax_inclusive: false,
    trial_period_days: 0,
    cancelled_at: null,
    paused_at: null,
    expires_at: null,
    customer_business_name: null,
    discount_id: null,
    payment_method_id: "pm_mock_card",
    ...fields,
  };
}

/** GET /subscriptions answers a slimmer object than GET /subscriptions/{id}. */
export function subscriptionListItem(
  subscription: Subscription,
  productName: string | null,
): SubscriptionListResponse {
  const {
    addons: _addons,
    credit_entitlement_cart: _credits,
    meter_credit_entitlement_cart: _meterCredits,
    meters: _meters,
    expires_at: _expiresAt,
    cancellation_comment: _comment,
    cancellation_feedback: _feedback,
    custom_field_responses: _fields,
    discounts: _discounts,
    ...listed
  } = subscription;
  return { ...listed, discounts: [], product_name: productName };
}
