// Realistic demo deliveries: grants of every integration type going through their lifecycles over
// the last days, with every revocation reason, several error codes, and (as Dodo really does)
// some deliveries out of order or twice. Deterministic (seeded) so two demos look alike.
// Each grant's customer has a name and an email, sent as Dodo does: payment.succeeded before a
// one-time grant, subscription.* around a subscription grant (on_hold, paused, cancelled or
// expired when its grant is revoked for that reason, active again when it comes back).
import {
  CUSTOMER_WEBHOOK_EXAMPLES,
  paymentData,
  subscriptionData,
  type CustomerEnvelope,
  type ExampleCustomer,
} from "../../lib/webhooks/customer-examples";
import { WEBHOOK_EXAMPLES, type GrantEnvelope } from "../../lib/webhooks/examples";

export type DemoDelivery = { envelope: GrantEnvelope | CustomerEnvelope; webhookId: string };

const INTEGRATIONS = [
  "license_key",
  "digital_files",
  "discord",
  "github",
  "notion",
  "telegram",
  "framer",
  "figma",
  "feature_flag",
] as const;
// Subscription reasons only on subscription grants, refunds only on one-time payments.
const SUBSCRIPTION_REASONS = [
  "subscription_cancelled",
  "subscription_on_hold",
  "SubscriptionPaused",
  "subscription_expired",
  "plan_changed",
  "manual",
  "platform_external",
];
const ONE_TIME_REASONS = ["refund", "manual", "platform_external"];
const FAILURES: Record<string, [code: string, message: string][]> = {
  github: [["github_permission_denied", "The GitHub App lacks admin access to the repository."]],
  discord: [
    ["discord_guild_not_found", "The Discord server was deleted or the bot was removed."],
    ["oauth_token_revoked", "The customer revoked Grantdesk's Discord authorisation."],
  ],
  license_key: [["license_key_generation_failed", "No key could be generated from the pattern."]],
  notion: [["notion_page_not_shared", "The Notion page is not shared with the integration."]],
};
const OAUTH = new Set(["discord", "github", "notion"]);
// What a revocation reason says the subscription became.
const SUBSCRIPTION_STATUS_OF_REASON: Record<string, string> = {
  subscription_cancelled: "cancelled",
  subscription_on_hold: "on_hold",
  SubscriptionPaused: "paused",
  subscription_expired: "expired",
};
const FIRST_NAMES = [
  "Jane",
  "Omar",
  "Priya",
  "Lucas",
  "Mei",
  "Tomás",
  "Aisha",
  "Noah",
  "Sofia",
  "Kenji",
  "Amara",
  "Elias",
];
const LAST_NAMES = [
  "Doe",
  "Haddad",
  "Raman",
  "Silva",
  "Chen",
  "García",
  "Bello",
  "Fischer",
  "Rossi",
  "Sato",
  "Okafor",
  "Lind",
  "Novak",
];

/** The demo customer behind index c: same name and email on every run, no PRNG draws. */
function demoCustomer(c: number): ExampleCustomer {
  const first = FIRST_NAMES[c % FIRST_NAMES.length]!;
  const last = LAST_NAMES[Math.floor(c / FIRST_NAMES.length) % LAST_NAMES.length]!;
  const local = `${first}.${last}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  return {
    customer_id: `cus_demo_${String(c).padStart(4, "0")}`,
    email: `${local}${c >= FIRST_NAMES.length * LAST_NAMES.length ? c : ""}@example.com`,
    name: `${first} ${last}`,
  };
}

type PersonStep = { type: string; at: number; data: CustomerEnvelope["data"] };

/** The payment or subscription events around one grant's life, for its customer. */
function personSteps(
  grant: { payment_id: string | null; subscription_id: string | null; integration_type: string },
  customer: ExampleCustomer,
  life: { createdMs: number; revokedMs?: number; reason?: string; backMs?: number },
): PersonStep[] {
  const createdAt = isoSeconds(life.createdMs - 2_000);
  if (grant.payment_id)
    return [
      {
        type: "payment.succeeded",
        at: life.createdMs - 2_000,
        data: paymentData(
          {
            payment_id: grant.payment_id,
            created_at: createdAt,
            product_cart: [{ product_id: `pdt_demo_${grant.integration_type}`, quantity: 1 }],
          },
          customer,
        ),
      },
    ];
  const subscription = (status: string, at: number, extra: Record<string, unknown> = {}) => ({
    type: `subscription.${status}`,
    at,
    data: subscriptionData(
      {
        subscription_id: grant.subscription_id!,
        status,
        product_id: `pdt_demo_${grant.integration_type}`,
        created_at: createdAt,
        previous_billing_date: createdAt,
        next_billing_date: isoSeconds(life.createdMs + 30 * 86_400_000),
        ...extra,
      },
      customer,
    ),
  });
  const steps = [subscription("active", life.createdMs - 1_000)];
  const status = life.reason ? SUBSCRIPTION_STATUS_OF_REASON[life.reason] : undefined;
  if (status && life.revokedMs !== undefined) {
    const at = isoSeconds(life.revokedMs - 500);
    steps.push(
      subscription(status, life.revokedMs - 500, {
        cancelled_at: status === "cancelled" ? at : null,
        paused_at: status === "paused" ? at : null,
        expires_at: status === "expired" ? at : null,
      }),
    );
    if (life.backMs !== undefined) steps.push(subscription("active", life.backMs - 500));
  }
  return steps;
}

/** mulberry32: tiny seeded PRNG, so the demo is the same every time. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoSeconds = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

function nestedObjects(type: string, n: number, next: () => number) {
  if (type === "license_key") {
    const key = Array.from({ length: 4 }, () =>
      Math.floor(next() * 0xffff)
        .toString(16)
        .toUpperCase()
        .padStart(4, "0"),
    ).join("-");
    return {
      license_key: {
        key: `GD-${key}`,
        activations_used: Math.floor(next() * 3),
        activations_limit: 3,
        expires_at: null,
      },
    };
  }
  if (type === "digital_files") {
    return {
      digital_product_delivery: {
        files: [
          {
            file_id: `file_${n}`,
            filename: "course-workbook.pdf",
            download_url: `https://files.dodo.example/${n}.pdf?sig=demo`,
            expires_in: 86_400,
            content_type: "application/pdf",
            file_size: 4_200_000,
          },
        ],
        instructions: "Download within 24 hours; ask support for a fresh link afterwards.",
        external_url: null,
      },
    };
  }
  if (type === "feature_flag")
    return { feature: { feature_id: "feat_beta_dashboard", feature_type: "boolean" } };
  return {};
}

export function demoDeliveries(grantCount: number, now = Date.now()): DemoDelivery[] {
  const next = random(20_260_301);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const deliveries: DemoDelivery[] = [
    ...Object.entries(CUSTOMER_WEBHOOK_EXAMPLES),
    ...Object.entries(WEBHOOK_EXAMPLES),
  ].map(([name, make]) => ({ envelope: make(), webhookId: `msg_demo_example_${name}` }));

  for (let n = 0; n < grantCount; n++) {
    const type = INTEGRATIONS[n % INTEGRATIONS.length]!;
    const id = `grant_demo_${String(n).padStart(5, "0")}`;
    const createdMs = now - Math.floor(next() * 60 * 86_400_000);
    const subscription = next() < 0.6;
    const base = {
      payload_type: "EntitlementGrant" as const,
      id,
      business_id: n % 7 === 0 ? "bus_demo_studio" : "bus_demo_grantdesk",
      customer_id: demoCustomer(Math.floor(n / 3)).customer_id,
      entitlement_id: `ent_demo_${type}`,
      integration_type: type,
      metadata: {
        plan: subscription ? "pro_monthly" : "lifetime",
        source: pick(["checkout", "customer_portal", "api"]),
      },
      created_at: isoSeconds(createdMs),
      payment_id: subscription ? null : `pay_demo_${n}`,
      // One subscription per grant, so its state always matches the grant's revocation reason.
      subscription_id: subscription ? `sub_demo_${n}` : null,
      ...nestedObjects(type, n, next),
    };
    const steps: { type: string; data: Record<string, unknown>; at: number }[] = [];
    const life: { createdMs: number; revokedMs?: number; reason?: string; backMs?: number } = {
      createdMs,
    };
    const deliveredMs = createdMs + Math.floor(next() * (OAUTH.has(type) ? 3_600_000 : 20_000));
    const pendingFields = OAUTH.has(type)
      ? {
          oauth_url: `https://auth.example/${type}/authorize?grant=${id}`,
          oauth_expires_at: isoSeconds(createdMs + 7 * 86_400_000),
        }
      : {};

    if (type === "license_key") {
      const delivered = { status: "Delivered", delivered_at: isoSeconds(createdMs) };
      steps.push(
        { type: "created", data: delivered, at: createdMs },
        { type: "delivered", data: delivered, at: createdMs },
      );
    } else {
      steps.push({ type: "created", data: { status: "Pending", ...pendingFields }, at: createdMs });
    }

    const fate = next();
    const failures = FAILURES[type];
    if (type !== "license_key" && fate < 0.12 && failures) {
      const [code, message] = pick(failures);
      steps.push({
        type: "failed",
        data: { status: "Failed", error_code: code, error_message: message },
        at: deliveredMs,
      });
    } else if (type !== "license_key" && fate < 0.2 && OAUTH.has(type)) {
      // Still waiting for the customer's consent.
    } else {
      if (type !== "license_key")
        steps.push({
          type: "delivered",
          data: { status: "Delivered", delivered_at: isoSeconds(deliveredMs) },
          at: deliveredMs,
        });
      if (fate > 0.72) {
        const revokedMs = deliveredMs + Math.floor(next() * (now - deliveredMs));
        const reasons =
          type === "license_key"
            ? [...(subscription ? SUBSCRIPTION_REASONS : ONE_TIME_REASONS), "license_key_disabled"]
            : subscription
              ? SUBSCRIPTION_REASONS
              : ONE_TIME_REASONS;
        const reason = reasons[n % reasons.length]!;
        Object.assign(life, { revokedMs, reason });
        steps.push({
          type: "revoked",
          data: {
            status: "Revoked",
            delivered_at: isoSeconds(deliveredMs),
            revoked_at: isoSeconds(revokedMs),
            revocation_reason: reason,
          },
          at: revokedMs,
        });
        if (
          fate > 0.95 &&
          ["license_key_disabled", "subscription_on_hold", "SubscriptionPaused"].includes(reason)
        ) {
          const backMs = revokedMs + Math.floor(next() * (now - revokedMs));
          life.backMs = backMs;
          steps.push({
            type: "delivered",
            data: { status: "Delivered", delivered_at: isoSeconds(backMs) },
            at: backMs,
          });
        }
      }
    }

    const events = steps
      .filter((step) => step.at <= now)
      .map((step, index) => ({
        webhookId: `msg_demo_${id}_${index}`,
        envelope: {
          business_id: base.business_id,
          type: `entitlement_grant.${step.type}`,
          timestamp: new Date(step.at + index).toISOString(),
          data: {
            ...base,
            delivered_at: null,
            revoked_at: null,
            revocation_reason: null,
            error_code: null,
            error_message: null,
            oauth_url: null,
            oauth_expires_at: null,
            ...step.data,
            updated_at: isoSeconds(step.at),
          },
        } as GrantEnvelope,
      }));
    // Dodo does not promise order, and retries can repeat a delivery: so does the demo.
    if (events.length > 1 && next() < 0.1) events.reverse();
    if (next() < 0.08) events.push(events[0]!);
    deliveries.push(...events);
    const customer = demoCustomer(Math.floor(n / 3));
    deliveries.push(
      ...personSteps(base, customer, life)
        .filter((step) => step.at <= now)
        .map((step, index) => ({
          webhookId: `msg_demo_${id}_person_${index}`,
          envelope: {
            business_id: base.business_id,
            type: step.type,
            timestamp: new Date(step.at).toISOString(),
            data: { ...step.data, business_id: base.business_id },
          },
        })),
    );
  }
  return deliveries;
}
