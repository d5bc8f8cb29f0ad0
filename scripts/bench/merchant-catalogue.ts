// What the benchmark's merchant sells and to whom: businesses, 40 entitlements across every
// integration type, customers, and the mix of outcomes, revocation reasons and error codes their
// grants end in. The shares are the (13): ~78 % Delivered, 12 % Revoked, 4 % Failed,
// 6 % Pending, ~250,000 customers per million grants.
import { hashInts, randomChars, scrambledIndex, seededRandom } from "./seeded-random";

/** Share of grants per integration type (every type lib/grants/labels/integrations.ts knows but "unknown"). */
export const INTEGRATION_SHARES = {
  license_key: 30,
  digital_files: 22,
  discord: 14,
  github: 10,
  notion: 6,
  telegram: 6,
  framer: 4,
  figma: 3,
  feature_flag: 5,
} as const;
export type Integration = keyof typeof INTEGRATION_SHARES;

/** How many of the 40 entitlements deliver each integration type. */
const ENTITLEMENTS_PER_TYPE: Record<Integration, number> = {
  license_key: 10,
  digital_files: 8,
  discord: 6,
  github: 5,
  notion: 3,
  telegram: 3,
  framer: 2,
  figma: 1,
  feature_flag: 2,
};

export const OAUTH_INTEGRATIONS: ReadonlySet<Integration> = new Set([
  "discord",
  "github",
  "notion",
]);

/**
 * Chance that a grant of this type is still Pending, or Failed. OAuth grants wait for the
 * customer's consent; license keys wait only for manual fulfilment. Weighted by the type shares
 * these give 6.0 % Pending and 3.9 % Failed.
 */
export const PENDING_CHANCE = (type: Integration) =>
  OAUTH_INTEGRATIONS.has(type) ? 0.15 : type === "license_key" ? 0.03 : 0.015;
export const FAILED_CHANCE: Record<Integration, number> = {
  license_key: 0.02,
  digital_files: 0.02,
  discord: 0.06,
  github: 0.08,
  notion: 0.06,
  telegram: 0.07,
  framer: 0.06,
  figma: 0.06,
  feature_flag: 0.01,
};
export const REVOKED_CHANCE = 0.12;
/** Revoked for a reason that comes back by itself, then delivered again (counted as Delivered). */
export const REACTIVATED_CHANCE = 0.025;

/** Eight codes: the five lib/grants/labels/error-codes.ts explains and three it does not know. */
export const ERRORS_BY_TYPE: Record<
  Integration,
  readonly (readonly [code: string, message: string])[]
> = {
  license_key: [["license_key_generation_failed", "No key could be generated from the pattern."]],
  digital_files: [["platform_invite_failed", "The file host refused to issue download links."]],
  discord: [
    ["discord_guild_not_found", "Unknown Guild: the server was deleted or the bot was removed."],
    ["discord_role_not_found", "Unknown Role: the role was deleted or renamed."],
    ["oauth_token_revoked", "The customer revoked the Discord authorisation."],
  ],
  github: [
    ["github_permission_denied", "Resource not accessible by integration (403)."],
    ["oauth_token_revoked", "The customer revoked the GitHub authorisation."],
  ],
  notion: [
    ["notion_page_not_shared", "The page is not shared with the integration."],
    ["oauth_token_revoked", "The customer revoked the Notion authorisation."],
  ],
  telegram: [["telegram_bot_blocked", "Forbidden: bot was blocked by the user."]],
  framer: [["platform_invite_failed", "Framer refused the invite for this email address."]],
  figma: [["platform_invite_failed", "Figma refused the invite for this email address."]],
  feature_flag: [["platform_invite_failed", "The feature could not be enabled."]],
};

/** Every reason lib/grants/labels/revocation-reasons.ts knows, by how the grant was bought. */
export const SUBSCRIPTION_REASONS = {
  subscription_cancelled: 35,
  subscription_on_hold: 15,
  SubscriptionPaused: 8,
  subscription_expired: 15,
  plan_changed: 12,
  manual: 8,
  platform_external: 4,
};
export const ONE_TIME_REASONS = { refund: 55, manual: 25, platform_external: 10 };
/** Only license-key grants are revoked because their key was disabled. */
export const LICENSE_KEY_REASON = "license_key_disabled";
export const COMES_BACK_REASONS = [
  "subscription_on_hold",
  "SubscriptionPaused",
  LICENSE_KEY_REASON,
];

export const SUBSCRIPTION_SHARE = 0.55;

export type Business = { id: string; brands: string[] };
export type Entitlement = { id: string; type: Integration; business: Business; weight: number };
export type Catalogue = {
  businesses: Business[];
  /** By integration type, most popular first. */
  entitlements: Record<Integration, Entitlement[]>;
  customers: number;
};

const idOf = (seed: number, kind: number, index: number, prefix: string, length: number) =>
  `${prefix}${scrambledIndex(index)}${randomChars(seededRandom(hashInts(seed, kind, index)), length)}`;

/** The 4th business is an older integration whose payloads carry no brand_id. */
const BRANDS_PER_BUSINESS = [2, 1, 1, 0];
/** Entitlements go to businesses in this rotation: half to the first, the rest spread. */
const BUSINESS_ROTATION = [0, 0, 1, 0, 2, 1, 0, 3];

export function merchantCatalogue(seed: number, grants: number): Catalogue {
  const businesses = BRANDS_PER_BUSINESS.map((brands, b) => ({
    id: idOf(seed, 1, b, "bus_", 14),
    brands: Array.from({ length: brands }, (_, k) => idOf(seed, 2, b * 10 + k, "bnd_", 14)),
  }));
  let next = 0;
  const entitlements = Object.fromEntries(
    Object.entries(ENTITLEMENTS_PER_TYPE).map(([type, count]) => [
      type,
      Array.from({ length: count }, (_, rank) => {
        const index = next++;
        return {
          id: idOf(seed, 3, index, "ent_", 14),
          type: type as Integration,
          business: businesses[BUSINESS_ROTATION[index % BUSINESS_ROTATION.length]!]!,
          // A few bestsellers and a long tail.
          weight: 1 / (rank + 1),
        };
      }),
    ]),
  ) as Record<Integration, Entitlement[]>;
  return { businesses, entitlements, customers: Math.max(1, Math.round(grants / 4)) };
}

export const customerId = (seed: number, index: number) => idOf(seed, 4, index, "cus_", 12);
/** A customer's subscription with one business: its grants there share it. */
export const subscriptionId = (seed: number, customer: number, business: number) =>
  idOf(seed, 5, customer * 8 + business, "sub_", 14);
