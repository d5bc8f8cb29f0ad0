// What a non-grant webhook tells us about a customer and a subscription. payment.*,
// subscription.* and refund.* carry `data.customer { customer_id, email, name }`; license_key.*
// carries only `data.customer_id`; subscription.* also carries the subscription's state. Parsing is
// lenient: these events are stored whatever their shape, and a field we cannot read is left out
// rather than turning the event invalid (it is not a grant, and Dodo adds fields over time).
import { z } from "zod";

export type CustomerSighting = {
  customerId: string;
  /** Null when the event carries only the id (license_key.*): it must not erase a known email. */
  email: string | null;
  name: string | null;
  /** Whether the event carries a profile at all, as opposed to the id alone. */
  hasProfile: boolean;
};

export type SubscriptionState = {
  id: string;
  customerId: string;
  productId: string | null;
  /** As sent: never rejected, never re-cased (the spec's capitalised-status trap). */
  status: string;
  nextBillingDate: Date | null;
  previousBillingDate: Date | null;
  cancelAtNextBillingDate: boolean | null;
  cancelledAt: Date | null;
  pausedAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date | null;
  /** The subscription object minus its customer: the person's email and name live only in Customer. */
  rawSnapshot: string;
};

export type EventFacts = {
  customer: CustomerSighting | null;
  subscription: SubscriptionState | null;
};

const PROFILE_EVENTS = ["payment.", "subscription.", "refund."];
const ID_ONLY_EVENTS = ["license_key."];

const text = z.string().trim().min(1);
const optionalText = z.preprocess(
  (value) => (typeof value === "string" ? value : null),
  z.string().nullable(),
);
const instant = z.preprocess((value) => {
  if (typeof value !== "string") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}, z.date().nullable());

const customerSchema = z.looseObject({
  customer_id: text,
  email: optionalText,
  name: optionalText,
});
const withCustomerSchema = z.looseObject({ customer: customerSchema });
const withCustomerIdSchema = z.looseObject({ customer_id: text });
const subscriptionSchema = z.looseObject({
  subscription_id: text,
  status: text,
  product_id: optionalText,
  next_billing_date: instant,
  previous_billing_date: instant,
  cancel_at_next_billing_date: z.preprocess(
    (v) => (typeof v === "boolean" ? v : null),
    z.boolean().nullable(),
  ),
  cancelled_at: instant,
  paused_at: instant,
  expires_at: instant,
  created_at: instant,
});

/** The customer and subscription facts of one verified event's `data`, or nulls where it has none. */
export function factsFromEvent(type: string, data: unknown): EventFacts {
  const customer = customerFromEvent(type, data);
  return {
    customer,
    subscription: customer === null ? null : subscriptionFromEvent(type, data, customer.customerId),
  };
}

function customerFromEvent(type: string, data: unknown): CustomerSighting | null {
  if (PROFILE_EVENTS.some((prefix) => type.startsWith(prefix))) {
    const parsed = withCustomerSchema.safeParse(data);
    if (!parsed.success) return null;
    const { customer_id, email, name } = parsed.data.customer;
    const profile = { email: blankToNull(email), name: blankToNull(name) };
    return {
      customerId: customer_id,
      ...profile,
      hasProfile: profile.email !== null || profile.name !== null,
    };
  }
  if (ID_ONLY_EVENTS.some((prefix) => type.startsWith(prefix))) {
    const parsed = withCustomerIdSchema.safeParse(data);
    if (!parsed.success) return null;
    return { customerId: parsed.data.customer_id, email: null, name: null, hasProfile: false };
  }
  return null;
}

function subscriptionFromEvent(
  type: string,
  data: unknown,
  customerId: string,
): SubscriptionState | null {
  if (!type.startsWith("subscription.")) return null;
  const parsed = subscriptionSchema.safeParse(data);
  if (!parsed.success) return null;
  const state = parsed.data;
  return {
    id: state.subscription_id,
    customerId,
    productId: state.product_id,
    status: state.status,
    nextBillingDate: state.next_billing_date,
    previousBillingDate: state.previous_billing_date,
    cancelAtNextBillingDate: state.cancel_at_next_billing_date,
    cancelledAt: state.cancelled_at,
    pausedAt: state.paused_at,
    expiresAt: state.expires_at,
    createdAt: state.created_at,
    rawSnapshot: JSON.stringify(withoutPerson(data as Record<string, unknown>, customerId)),
  };
}

// The subscription exactly as Dodo sent it (dates, unknown fields and all), but with the customer
// reduced to its id: whatever else the customer object carries (email, name, phone…) is personal.
function withoutPerson(data: Record<string, unknown>, customerId: string): Record<string, unknown> {
  return { ...data, customer: { customer_id: customerId } };
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === "" ? null : value.trim();
}
