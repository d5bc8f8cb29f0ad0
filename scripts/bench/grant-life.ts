// The lifecycle steps of one generated grant, each a full snapshot as Dodo sends it in `data`:
// created → delivered (license keys arrive delivered), or failed, or left pending; some delivered
// grants are revoked later, and some of those come back (key re-enabled, subscription resumed).
import {
  COMES_BACK_REASONS,
  ERRORS_BY_TYPE,
  FAILED_CHANCE,
  LICENSE_KEY_REASON,
  OAUTH_INTEGRATIONS,
  ONE_TIME_REASONS,
  PENDING_CHANCE,
  REACTIVATED_CHANCE,
  REVOKED_CHANCE,
  SUBSCRIPTION_REASONS,
} from "./merchant-catalogue";
import { filesDelivery, isoSeconds, type GrantPlan } from "./grant-plan";
import { between, pick, pickWeighted, type Random } from "./seeded-random";

export type StepType = "created" | "delivered" | "failed" | "revoked";
export type Step = { type: StepType; at: number; data: Record<string, unknown> };
type Fate = "Delivered" | "Reactivated" | "Revoked" | "Failed" | "Pending";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const OAUTH_LINK_VALID_MS = 7 * DAY_MS;

function fateOf(plan: GrantPlan, random: Random): Fate {
  let roll = random();
  for (const [fate, chance] of [
    ["Pending", PENDING_CHANCE(plan.type)],
    ["Failed", FAILED_CHANCE[plan.type]],
    ["Revoked", REVOKED_CHANCE],
    ["Reactivated", REACTIVATED_CHANCE],
  ] as const) {
    if (roll < chance) return fate;
    roll -= chance;
  }
  return "Delivered";
}

/** Standard normal, for delays that are mostly short with a long tail. */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** How long delivery takes: instant for keys, seconds for direct platforms, the customer's consent for OAuth. */
function deliveryDelayMs(plan: GrantPlan, random: Random): number {
  if (plan.type === "license_key") return 0;
  if (!OAUTH_INTEGRATIONS.has(plan.type)) return between(random, 1_000, 15_000);
  return Math.min(6 * DAY_MS, Math.exp(Math.log(8 * MINUTE_MS) + 1.2 * gaussian(random)));
}

function reasonOf(plan: GrantPlan, random: Random, comesBack: boolean): string | null {
  const subscription = plan.subscriptionId !== null;
  if (comesBack) {
    const options = [
      ...(plan.licenseKey ? [LICENSE_KEY_REASON] : []),
      ...(subscription ? COMES_BACK_REASONS.filter((r) => r !== LICENSE_KEY_REASON) : []),
    ];
    return options.length ? pick(random, options) : null;
  }
  if (plan.licenseKey && random() < 0.1) return LICENSE_KEY_REASON;
  const reasons: Record<string, number> = subscription ? SUBSCRIPTION_REASONS : ONE_TIME_REASONS;
  return pickWeighted(random, reasons);
}

/** The fields every snapshot repeats, with the lifecycle fields empty (Dodo sends nulls, not absences). */
function baseData(plan: GrantPlan) {
  const entitlement = plan.entitlement;
  return {
    payload_type: "EntitlementGrant",
    id: plan.id,
    business_id: entitlement.business.id,
    ...(plan.brandId ? { brand_id: plan.brandId } : {}),
    customer_id: plan.customerId,
    entitlement_id: entitlement.id,
    ...(plan.sendsIntegrationType ? { integration_type: plan.type } : {}),
    status: "Pending",
    metadata: plan.metadata,
    created_at: isoSeconds(plan.createdMs),
    updated_at: isoSeconds(plan.createdMs),
    delivered_at: null as string | null,
    revoked_at: null as string | null,
    revocation_reason: null as string | null,
    error_code: null as string | null,
    error_message: null as string | null,
    oauth_url: null as string | null,
    oauth_expires_at: null as string | null,
    payment_id: plan.paymentId,
    subscription_id: plan.subscriptionId,
    ...(plan.feature ? { feature: plan.feature } : {}),
  };
}

type Snapshot = ReturnType<typeof baseData> & Record<string, unknown>;

function pendingData(plan: GrantPlan): Snapshot {
  const data: Snapshot = baseData(plan);
  if (plan.oauthUrl) {
    data.oauth_url = plan.oauthUrl;
    data.oauth_expires_at = isoSeconds(plan.createdMs + OAUTH_LINK_VALID_MS);
  }
  // A key waiting for manual fulfilment says so, and has no key yet.
  if (plan.licenseKey) data.metadata = { ...plan.metadata, fulfilment: "manual" };
  return data;
}

function deliveredData(plan: GrantPlan, random: Random, at: number): Snapshot {
  const data: Snapshot = { ...baseData(plan), status: "Delivered", delivered_at: isoSeconds(at) };
  if (plan.licenseKey) data.license_key = plan.licenseKey;
  if (plan.type === "digital_files") data.digital_product_delivery = filesDelivery(plan, random);
  return data;
}

function failedData(plan: GrantPlan, random: Random): Snapshot {
  const [code, message] = pick(random, ERRORS_BY_TYPE[plan.type]);
  return { ...baseData(plan), status: "Failed", error_code: code, error_message: message };
}

function revokedData(delivered: Snapshot, reason: string | null, at: number): Snapshot {
  const data: Snapshot = {
    ...delivered,
    status: "Revoked",
    revoked_at: isoSeconds(at),
    revocation_reason: reason,
  };
  if (data.license_key) data.license_key = { ...(data.license_key as object), status: "disabled" };
  // File links are no longer issued once access is revoked.
  if (data.digital_product_delivery)
    data.digital_product_delivery = { ...(data.digital_product_delivery as object), files: [] };
  return data;
}

/**
 * The grant's steps up to `endMs`, each with the time it happened. `endMs` bounds when a
 * revocation or a return may be placed; the caller drops steps after its own horizon.
 */
export function lifeOf(plan: GrantPlan, random: Random, endMs: number): Step[] {
  const fate = fateOf(plan, random);
  const created = plan.createdMs;
  const step = (type: StepType, at: number, data: Snapshot): Step => ({
    type,
    at,
    data: { ...data, updated_at: isoSeconds(at) },
  });
  if (fate === "Pending") return [step("created", created, pendingData(plan))];
  if (fate === "Failed")
    return [
      step("created", created, pendingData(plan)),
      step(
        "failed",
        created + deliveryDelayMs(plan, random) + between(random, 2_000, 60_000),
        failedData(plan, random),
      ),
    ];

  const deliveredAt = created + deliveryDelayMs(plan, random);
  const delivered = deliveredData(plan, random, deliveredAt);
  const steps: Step[] = plan.licenseKey
    ? // Keys are created already delivered, then reported delivered again, moments apart.
      [
        step("created", created, delivered),
        step("delivered", created + between(random, 5, 400), delivered),
      ]
    : [step("created", created, pendingData(plan)), step("delivered", deliveredAt, delivered)];
  if (fate === "Delivered") return steps;

  const last = steps.at(-1)!.at;
  const reason = reasonOf(plan, random, fate === "Reactivated");
  if (fate === "Reactivated" && reason === null) return steps; // a one-time purchase does not come back
  const revokedAt = last + MINUTE_MS + random() * Math.max(0, endMs - last - MINUTE_MS);
  steps.push(step("revoked", revokedAt, revokedData(delivered, reason, revokedAt)));
  if (fate === "Revoked") return steps;
  const backAt = revokedAt + random() * Math.max(0, endMs - revokedAt);
  steps.push(step("delivered", backAt, deliveredData(plan, random, backAt)));
  return steps;
}
