// Example deliveries for each case in Dodo's "Entitlement grant webhook events" page. Used by
// `npm run webhook:send`, the demo data and the tests, so all three speak the same shapes.

export type GrantEnvelope = {
  business_id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { payload_type: "EntitlementGrant"; id: string };
};

const BUSINESS = "bus_demo_grantdesk";

function grant(fields: Record<string, unknown> & { id: string }, at: string) {
  return {
    payload_type: "EntitlementGrant" as const,
    business_id: BUSINESS,
    customer_id: "cus_ada_lovelace",
    entitlement_id: "ent_pro_access",
    status: "Pending",
    metadata: {},
    created_at: at,
    updated_at: at,
    delivered_at: null,
    revoked_at: null,
    revocation_reason: null,
    error_code: null,
    error_message: null,
    oauth_url: null,
    oauth_expires_at: null,
    payment_id: "pay_demo_0001",
    subscription_id: null,
    ...fields,
  };
}

function envelope(type: string, data: GrantEnvelope["data"], timestamp: string): GrantEnvelope {
  return { business_id: BUSINESS, type, timestamp, data };
}

export const WEBHOOK_EXAMPLES = {
  "license-key-delivered": () =>
    envelope(
      "entitlement_grant.delivered",
      grant(
        {
          id: "grant_lk_delivered",
          entitlement_id: "ent_desktop_license",
          status: "Delivered",
          delivered_at: "2026-03-01T10:00:00Z",
          integration_type: "license_key",
          license_key: {
            key: "LK-7F3A-92QX-M1ZD-4C8P",
            activations_used: 1,
            activations_limit: 3,
            expires_at: "2027-03-01T10:00:00Z",
          },
        },
        "2026-03-01T10:00:00Z",
      ),
      "2026-03-01T10:00:00.123456Z",
    ),
  "license-key-pending": () =>
    envelope(
      "entitlement_grant.created",
      grant(
        {
          id: "grant_lk_manual",
          entitlement_id: "ent_desktop_license",
          integration_type: "license_key",
          metadata: { fulfilment: "manual" },
        },
        "2026-03-01T11:00:00Z",
      ),
      "2026-03-01T11:00:00.200000Z",
    ),
  "digital-files-delivered": () =>
    envelope(
      "entitlement_grant.delivered",
      grant(
        {
          id: "grant_files_delivered",
          entitlement_id: "ent_ebook_bundle",
          status: "Delivered",
          delivered_at: "2026-03-01T12:00:00Z",
          digital_product_delivery: {
            files: [
              {
                file_id: "file_001",
                filename: "handbook.pdf",
                download_url: "https://files.dodo.example/handbook.pdf?sig=demo",
                expires_in: 3600,
                content_type: "application/pdf",
                file_size: 2_457_600,
              },
              {
                file_id: "file_002",
                filename: "templates.zip",
                download_url: "https://files.dodo.example/templates.zip?sig=demo",
                expires_in: 3600,
                content_type: "application/zip",
                file_size: 18_874_368,
              },
            ],
            instructions: "Unzip the templates next to the handbook.",
            external_url: "https://example.com/getting-started",
          },
        },
        "2026-03-01T12:00:00Z",
      ),
      "2026-03-01T12:00:00.300000Z",
    ),
  "discord-pending-oauth": () =>
    envelope(
      "entitlement_grant.created",
      grant(
        {
          id: "grant_discord_pending",
          entitlement_id: "ent_discord_vip",
          integration_type: "discord",
          subscription_id: "sub_demo_0001",
          payment_id: null,
          oauth_url:
            "https://discord.com/oauth2/authorize?client_id=demo&state=grant_discord_pending",
          oauth_expires_at: "2026-03-08T13:00:00Z",
        },
        "2026-03-01T13:00:00Z",
      ),
      "2026-03-01T13:00:00.400000Z",
    ),
  "revoked-subscription-cancelled": () =>
    envelope(
      "entitlement_grant.revoked",
      grant(
        {
          id: "grant_github_revoked",
          entitlement_id: "ent_github_repo",
          integration_type: "github",
          subscription_id: "sub_demo_0002",
          payment_id: null,
          status: "Revoked",
          created_at: "2026-02-01T09:00:00Z",
          delivered_at: "2026-02-01T09:00:05Z",
          revoked_at: "2026-03-01T14:00:00Z",
          revocation_reason: "subscription_cancelled",
        },
        "2026-03-01T14:00:00Z",
      ),
      "2026-03-01T14:00:00.500000Z",
    ),
  "github-failed-permission": () =>
    envelope(
      "entitlement_grant.failed",
      grant(
        {
          id: "grant_github_failed",
          entitlement_id: "ent_github_repo",
          integration_type: "github",
          status: "Failed",
          error_code: "github_permission_denied",
          error_message: "The GitHub App is not installed on the repository's organisation.",
        },
        "2026-03-01T15:00:00Z",
      ),
      "2026-03-01T15:00:00.600000Z",
    ),
} satisfies Record<string, () => GrantEnvelope>;

export type WebhookExampleName = keyof typeof WEBHOOK_EXAMPLES;

export function isWebhookExampleName(name: string): name is WebhookExampleName {
  return Object.hasOwn(WEBHOOK_EXAMPLES, name);
}
