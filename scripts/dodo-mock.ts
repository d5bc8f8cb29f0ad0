// npm run dodo:mock -- [--port 4010] [--api-key K] [--webhook-url URL] [--webhook-secret whsec_…] [--seed N]
// Runs the Dodo entitlement-grant API stand-in (scripts/dodo-mock/server.ts) for a person: seeded
// with a few entitlements and N grants in varied states (their customers and subscriptions follow
// from the grants), so re-sync, revoke and license-key fulfilment can be tried locally without a
// Dodo account. The data is the same on every run.
import { parseArgs } from "node:util";
import type { EntitlementGrant } from "dodopayments/resources/entitlements/grants";
import { startDodoMock, type DodoMock } from "./dodo-mock/server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    "api-key": { type: "string", default: "test_dodo_key" },
    "webhook-url": { type: "string" },
    "webhook-secret": { type: "string" },
    seed: { type: "string", default: "40" },
  },
});

function usage(problem: string): never {
  console.error(`✖ ${problem}`);
  console.error(
    "usage: npm run dodo:mock -- [--port 4010] [--api-key K] [--webhook-url http://localhost:3000/api/webhooks/dodo] [--webhook-secret whsec_…] [--seed N]",
  );
  process.exit(2);
}

function wholeNumber(name: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    usage(`--${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Deterministic seed data

/** mulberry32: a tiny seeded PRNG, so the seeded data is identical on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A fixed start, not "now": the same grants, with the same timestamps, on every run.
const SEED_EPOCH = Date.parse("2026-03-01T09:00:00Z");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const ENTITLEMENTS = {
  license: "ent_mock_desktop_license",
  files: "ent_mock_ebook_bundle",
  discord: "ent_mock_discord_vip",
  github: "ent_mock_github_repo",
} as const;

const CUSTOMERS = [
  "cus_mock_ada_lovelace",
  "cus_mock_alan_turing",
  "cus_mock_grace_hopper",
  "cus_mock_katherine_johnson",
  "cus_mock_linus_pauling",
  "cus_mock_margaret_hamilton",
  "cus_mock_edsger_dijkstra",
  "cus_mock_barbara_liskov",
];

function seedEntitlements(mock: DodoMock): void {
  const created_at = new Date(SEED_EPOCH - 30 * DAY).toISOString().replace(/\.000Z$/, "Z");
  mock.addEntitlement({
    id: ENTITLEMENTS.license,
    integration_type: "license_key",
    name: "Desktop app license",
    created_at,
    updated_at: created_at,
    integration_config: {
      fulfillment_mode: "manual",
      activations_limit: 3,
      duration_count: null,
      duration_interval: null,
      activation_message: "Thanks! Paste the key into Preferences → License.",
    },
  });
  mock.addEntitlement({
    id: ENTITLEMENTS.files,
    integration_type: "digital_files",
    name: "E-book bundle",
    created_at,
    updated_at: created_at,
    integration_config: {
      digital_files: {
        files: [ebookFile("file_mock_handbook", "handbook.pdf", "application/pdf", 2_457_600)],
        instructions: "Start with the handbook.",
        external_url: null,
      },
    },
  });
  mock.addEntitlement({
    id: ENTITLEMENTS.discord,
    integration_type: "discord",
    name: "Discord VIP role",
    created_at,
    updated_at: created_at,
    integration_config: { guild_id: "112233445566778899", role_id: "998877665544332211" },
  });
  mock.addEntitlement({
    id: ENTITLEMENTS.github,
    integration_type: "github",
    name: "Private repo access",
    created_at,
    updated_at: created_at,
    integration_config: { permission: "pull", target_id: "grantdesk-demo/pro-templates" },
  });
}

function ebookFile(file_id: string, filename: string, content_type: string, file_size: number) {
  return {
    file_id,
    filename,
    content_type,
    file_size,
    download_url: `http://127.0.0.1/mock-files/${filename}?sig=mock`,
    expires_in: 3600,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

type SeedGrant = Partial<EntitlementGrant> & {
  id: string;
  entitlement_id: string;
  customer_id: string;
};

/** One grant's state, cycling per integration through patterns that cover every case worth trying. */
function seedGrant(index: number, occurrence: number, random: () => number): SeedGrant {
  const kind = (["license", "files", "discord", "github"] as const)[index % 4]!;
  const createdMs = SEED_EPOCH + index * 97 * MINUTE;
  const base: SeedGrant = {
    id: `entg_mock_${String(index + 1).padStart(4, "0")}`,
    entitlement_id: ENTITLEMENTS[kind],
    customer_id: CUSTOMERS[Math.floor(random() * CUSTOMERS.length)]!,
    created_at: iso(createdMs),
    updated_at: iso(createdMs),
  };
  const deliveredAt = iso(createdMs + 5_000);
  const revokedMs = createdMs + (3 + Math.floor(random() * 20)) * DAY;
  const oneTime = {
    payment_id: `pay_mock_${String(index + 1).padStart(4, "0")}`,
    subscription_id: null,
  };
  const recurring = {
    payment_id: null,
    subscription_id: `sub_mock_${String(index + 1).padStart(4, "0")}`,
  };
  const revoked = (reason: string) => ({
    status: "Revoked" as const,
    delivered_at: deliveredAt,
    revoked_at: iso(revokedMs),
    updated_at: iso(revokedMs),
    revocation_reason: reason,
  });

  switch (kind) {
    case "license": {
      const key = () =>
        `LK-${[0, 1, 2, 3]
          .map(() =>
            Math.floor(random() * 0x10000)
              .toString(16)
              .toUpperCase()
              .padStart(4, "0"),
          )
          .join("-")}`;
      const licenseKey = (status: "active" | "disabled") => ({
        id: `lk_mock_${index + 1}`,
        key: key(),
        activations_used: Math.floor(random() * 4),
        activations_limit: 3,
        expires_at: null,
        status,
      });
      const pattern = ["pending", "delivered", "pending", "revoked", "delivered"] as const;
      const state = pattern[occurrence % pattern.length];
      // Manual fulfilment: these wait for POST /grants/{id}/license-key.
      if (state === "pending") return { ...base, ...recurring, metadata: { fulfilment: "manual" } };
      if (state === "delivered")
        return {
          ...base,
          ...recurring,
          status: "Delivered",
          delivered_at: deliveredAt,
          updated_at: deliveredAt,
          license_key: licenseKey("active"),
        };
      return {
        ...base,
        ...recurring,
        ...revoked("subscription_cancelled"),
        license_key: licenseKey("disabled"),
      };
    }
    case "files": {
      const delivery = {
        files: [
          ebookFile("file_mock_handbook", "handbook.pdf", "application/pdf", 2_457_600),
          ebookFile("file_mock_templates", "templates.zip", "application/zip", 18_874_368),
        ],
        instructions: "Unzip the templates next to the handbook.",
        external_url: null,
      };
      const pattern = ["delivered", "delivered", "revoked", "delivered"] as const;
      const state = pattern[occurrence % pattern.length];
      if (state === "delivered")
        return {
          ...base,
          ...oneTime,
          status: "Delivered",
          delivered_at: deliveredAt,
          updated_at: deliveredAt,
          digital_product_delivery: delivery,
        };
      return { ...base, ...oneTime, ...revoked("refund") };
    }
    case "discord": {
      const pattern = ["pending", "delivered", "revoked", "delivered", "on_hold"] as const;
      const state = pattern[occurrence % pattern.length];
      // OAuth integrations wait for the customer's consent at oauth_url.
      if (state === "pending")
        return {
          ...base,
          ...recurring,
          oauth_url: `https://discord.com/oauth2/authorize?client_id=mock&state=${base.id}`,
          oauth_expires_at: iso(createdMs + 7 * DAY),
        };
      if (state === "delivered")
        return {
          ...base,
          ...recurring,
          status: "Delivered",
          delivered_at: deliveredAt,
          updated_at: deliveredAt,
        };
      return {
        ...base,
        ...recurring,
        ...revoked(state === "on_hold" ? "subscription_on_hold" : "subscription_cancelled"),
      };
    }
    case "github": {
      const pattern = ["failed", "delivered", "revoked", "failed", "delivered"] as const;
      const state = pattern[occurrence % pattern.length];
      if (state === "failed") {
        return {
          ...base,
          ...recurring,
          status: "Failed",
          updated_at: deliveredAt,
          error_code: "github_permission_denied",
          error_message: "The GitHub App is not installed on the repository's organisation.",
        };
      }
      if (state === "delivered")
        return {
          ...base,
          ...recurring,
          status: "Delivered",
          delivered_at: deliveredAt,
          updated_at: deliveredAt,
        };
      return { ...base, ...recurring, ...revoked("subscription_cancelled") };
    }
  }
}

function seedGrants(mock: DodoMock, count: number): void {
  const random = seededRandom(20260301);
  for (let index = 0; index < count; index++)
    mock.addGrant(seedGrant(index, Math.floor(index / 4), random));
}

// ---------------------------------------------------------------------------------------------

function statusSummary(mock: DodoMock): string {
  const counts = new Map<string, number>();
  for (const grant of mock.grants()) counts.set(grant.status, (counts.get(grant.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(", ");
}

async function main() {
  const port = wholeNumber("port", values.port, 65_535);
  const seed = wholeNumber("seed", values.seed, 100_000);
  const apiKey = values["api-key"];
  const webhookUrl = values["webhook-url"];
  // Same fallback as `npm run webhook:send`: the first of the secrets Grantdesk itself accepts.
  const webhookSecret =
    values["webhook-secret"] ?? process.env.DODO_PAYMENTS_WEBHOOK_KEY?.trim().split(/\s+/)[0];
  if (webhookUrl && !webhookSecret)
    usage(
      "--webhook-url needs --webhook-secret whsec_… (or DODO_PAYMENTS_WEBHOOK_KEY) to sign with",
    );

  const mock = await startDodoMock({ port, apiKey, webhookUrl, webhookSecret }).catch(
    (error: NodeJS.ErrnoException) => {
      console.error(
        error.code === "EADDRINUSE"
          ? `✖ port ${port} is taken: pass --port with another one (0 = any free port)`
          : `✖ ${error.message}`,
      );
      process.exit(1);
    },
  );
  seedEntitlements(mock);
  seedGrants(mock, seed);

  console.log(
    `Dodo mock listening on ${mock.url} — 4 entitlements, ${seed} grants (${statusSummary(mock) || "none"})`,
  );
  console.log(
    "\nPoint Grantdesk at it (DODO_PAYMENTS_BASE_URL takes precedence over DODO_PAYMENTS_ENVIRONMENT):",
  );
  console.log(`  DODO_PAYMENTS_BASE_URL=${mock.url}`);
  console.log(`  DODO_PAYMENTS_API_KEY=${apiKey}`);
  console.log(
    webhookUrl
      ? `\nWebhooks: signed deliveries go to ${webhookUrl} after each revoke and fulfilment.`
      : "\nWebhooks: off (pass --webhook-url and --webhook-secret to receive them).",
  );
  console.log(
    `\nControl (no API key): POST ${mock.url}/__mock/reset | /__mock/entitlements | /__mock/grants | /__mock/customers | /__mock/subscriptions | /__mock/faults, PATCH /__mock/grants/{id} | /__mock/customers/{id}, GET /__mock/grants | /__mock/customers | /__mock/subscriptions | /__mock/requests`,
  );
  console.log(
    `  e.g. curl -X POST ${mock.url}/__mock/faults -d '{"path":"/grants","status":429,"retryAfterSeconds":5}'`,
  );
  console.log("\nCtrl-C to stop.");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the Dodo mock…`);
    await mock.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

void main();
