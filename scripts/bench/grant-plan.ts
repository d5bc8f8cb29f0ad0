// Who a generated grant belongs to and what it carries: its ids, its entitlement and integration
// type, how it was bought, its metadata, and the nested objects Dodo sends for its type (license
// key, files, feature, OAuth link), shaped like lib/webhooks/examples.ts.
import {
  customerId,
  INTEGRATION_SHARES,
  OAUTH_INTEGRATIONS,
  SUBSCRIPTION_SHARE,
  subscriptionId,
  type Catalogue,
  type Entitlement,
  type Integration,
} from "./merchant-catalogue";
import { pick, pickWeighted, randomChars, scrambledIndex, type Random } from "./seeded-random";

export type GrantPlan = {
  index: number;
  id: string;
  type: Integration;
  entitlement: Entitlement;
  brandId: string | null;
  customerId: string;
  subscriptionId: string | null;
  paymentId: string | null;
  metadata: Record<string, unknown> | null;
  /** Dodo may leave integration_type out (the SDK declares it optional): it is then inferred. */
  sendsIntegrationType: boolean;
  createdMs: number;
  licenseKey: Record<string, unknown> | null;
  feature: Record<string, unknown> | null;
  oauthUrl: string | null;
};

// Crockford-like: no 0/O or 1/I, as license keys avoid them.
const KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const HEX = "0123456789abcdef";
const FILES = [
  ["handbook.pdf", "application/pdf", 2_457_600],
  ["templates.zip", "application/zip", 18_874_368],
  ["course-workbook.pdf", "application/pdf", 4_200_000],
  ["presets.zip", "application/zip", 9_437_184],
  ["fonts.zip", "application/zip", 3_145_728],
  ["stems.wav.zip", "application/zip", 157_286_400],
] as const;

function entitlementOf(catalogue: Catalogue, random: Random): Entitlement {
  const type = pickWeighted(random, INTEGRATION_SHARES);
  const options = catalogue.entitlements[type];
  const weights = Object.fromEntries(options.map((e, i) => [String(i), e.weight]));
  return options[Number(pickWeighted(random, weights))]!;
}

/** Most customers have a few grants; a heavy 1 % (teams, resellers) hold a tenth of them. */
function customerIndexOf(catalogue: Catalogue, random: Random): number {
  const heavy = random() < 0.1;
  const pool = heavy ? Math.max(1, Math.floor(catalogue.customers / 100)) : catalogue.customers;
  return Math.floor(random() * pool);
}

function metadataOf(random: Random, subscription: boolean): Record<string, unknown> | null {
  const roll = random();
  if (roll < 0.4) return {};
  if (roll < 0.5) return null;
  if (roll < 0.9)
    return {
      plan: subscription ? pick(random, ["pro_monthly", "pro_yearly", "team_monthly"]) : "lifetime",
      source: pick(random, ["checkout", "customer_portal", "api"]),
    };
  return { order_ref: `ord_${randomChars(random, 10)}`, utm_campaign: "spring_launch" };
}

function licenseKeyOf(
  plan: { index: number; createdMs: number },
  random: Random,
  subscription: boolean,
) {
  const limit = pick(random, [1, 3, 3, 5, null]);
  const key = Array.from({ length: 4 }, () => randomChars(random, 4, KEY_ALPHABET)).join("-");
  return {
    id: `lk_${scrambledIndex(plan.index)}${randomChars(random, 10)}`,
    key,
    status: "active",
    activations_used: Math.floor(random() * ((limit ?? 4) + 1)),
    activations_limit: limit,
    expires_at: subscription ? isoSeconds(plan.createdMs + 365 * 86_400_000) : null,
  };
}

function oauthUrlOf(type: Integration, id: string, random: Random): string {
  if (type === "discord")
    return `https://discord.com/oauth2/authorize?client_id=${randomChars(random, 18, "0123456789")}&response_type=code&scope=identify%20guilds.join&state=${id}`;
  if (type === "github")
    return `https://github.com/login/oauth/authorize?client_id=Iv1.${randomChars(random, 16, HEX)}&state=${id}`;
  return `https://api.notion.com/v1/oauth/authorize?client_id=${randomChars(random, 32, HEX)}&response_type=code&owner=user&state=${id}`;
}

export const isoSeconds = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

export function planGrant(
  seed: number,
  catalogue: Catalogue,
  index: number,
  createdMs: number,
  random: Random,
): GrantPlan {
  const entitlement = entitlementOf(catalogue, random);
  const type = entitlement.type;
  const id = `entg_${scrambledIndex(index)}${randomChars(random, 18)}`;
  const customer = customerIndexOf(catalogue, random);
  const subscription = random() < SUBSCRIPTION_SHARE;
  const business = catalogue.businesses.indexOf(entitlement.business);
  const inferable = type === "license_key" || type === "digital_files" || type === "feature_flag";
  return {
    index,
    id,
    type,
    entitlement,
    brandId: entitlement.business.brands.length ? pick(random, entitlement.business.brands) : null,
    customerId: customerId(seed, customer),
    subscriptionId: subscription ? subscriptionId(seed, customer, business) : null,
    paymentId: subscription ? null : `pay_${scrambledIndex(index)}${randomChars(random, 14)}`,
    metadata: metadataOf(random, subscription),
    sendsIntegrationType: random() >= (inferable ? 0.03 : 0.002),
    createdMs,
    licenseKey:
      type === "license_key" ? licenseKeyOf({ index, createdMs }, random, subscription) : null,
    feature:
      type === "feature_flag"
        ? {
            feature_id: `feat_${entitlement.id.slice(4, 14)}`,
            feature_type: pick(random, ["boolean", "limit"]),
          }
        : null,
    oauthUrl: OAUTH_INTEGRATIONS.has(type) ? oauthUrlOf(type, id, random) : null,
  };
}

/** Presigned download links, new on every snapshot, as Dodo issues them. */
export function filesDelivery(plan: GrantPlan, random: Random) {
  const count = 1 + Math.floor(random() * 3);
  const expiresIn = pick(random, [3600, 86_400]);
  // Each entitlement ships its own files: the first is chosen by the entitlement, not the grant.
  const first = plan.entitlement.id.charCodeAt(4) % FILES.length;
  return {
    files: Array.from({ length: count }, (_, n) => {
      const [filename, contentType, size] = FILES[(first + n) % FILES.length]!;
      const fileId = `file_${plan.entitlement.id.slice(4, 12)}${n}`;
      return {
        file_id: fileId,
        filename,
        download_url: `https://files.dodo.example/${plan.entitlement.business.id}/${fileId}/${filename}?X-Amz-Expires=${expiresIn}&X-Amz-Signature=${randomChars(random, 64, HEX)}`,
        expires_in: expiresIn,
        content_type: contentType,
        file_size: size,
      };
    }),
    instructions:
      random() < 0.6 ? "Download within 24 hours; ask support for a fresh link afterwards." : null,
    external_url: random() < 0.3 ? "https://example.com/getting-started" : null,
  };
}
