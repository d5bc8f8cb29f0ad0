// The JSON of /api/v1, one zod schema per answer. The wire format is Dodo's own (snake_case, ISO
// instants) and API clients depend on it: these schemas are what the routes promise (each route
// ties its body to one with `satisfies`), what the tests parse real answers with, and what
// /api/v1/openapi.json is generated from. Strict objects, so a field added to an answer without
// its schema fails the tests instead of going undocumented.
import { z } from "zod";

const instant = z.iso.datetime({ offset: true }).describe("ISO 8601 instant (UTC)");
const nullableInstant = instant.nullable();

export const errorJsonSchema = z
  .strictObject({ error: z.string() })
  .describe("Why the request was refused (400, 401, 403, 404)");

const customerEmail = z
  .string()
  .nullable()
  .describe("Null while Dodo has named the customer by id only, or after they were forgotten");
const customerName = z.string().nullable();
const entitlementName = z
  .string()
  .nullable()
  .describe("Null until the entitlement catalog is synced from Dodo's API");

export const grantListItemJsonSchema = z.strictObject({
  id: z.string(),
  status: z.string(),
  integration_type: z.string(),
  business_id: z.string(),
  customer_id: z.string(),
  customer_email: customerEmail,
  customer_name: customerName,
  entitlement_id: z.string(),
  entitlement_name: entitlementName,
  subscription_id: z.string().nullable(),
  payment_id: z.string().nullable(),
  revocation_reason: z.string().nullable(),
  error_code: z.string().nullable(),
  license_key_masked: z.string().nullable().describe("The key's last 4 characters, masked"),
  created_at: instant,
  updated_at: instant,
});

export const grantListJsonSchema = z.strictObject({
  items: z.array(grantListItemJsonSchema),
  next_cursor: z.string().nullable().describe("Pass as `after` for the next page"),
  prev_cursor: z.string().nullable().describe("Pass as `before` for the previous page"),
});

const deliveredFileJsonSchema = z.looseObject({
  file_id: z.string(),
  filename: z.string(),
  download_url: z.string(),
});

export const grantEventJsonSchema = z.strictObject({
  webhook_id: z.string(),
  type: z.string().nullable(),
  timestamp: nullableInstant,
  updated_at: nullableInstant,
  received_at: instant,
  outcome: z.string(),
  source: z.string().describe("webhook, or api for a re-sync"),
  body_removed_at: nullableInstant.describe("When retention removed the raw body; null while kept"),
});

export const grantJsonSchema = z.strictObject({
  id: z.string(),
  business_id: z.string(),
  brand_id: z.string().nullable(),
  customer_id: z.string(),
  customer_email: customerEmail,
  customer_name: customerName,
  entitlement_id: z.string(),
  entitlement_name: entitlementName,
  integration_type: z.string(),
  integration_type_inferred: z.boolean(),
  status: z.string(),
  metadata: z.unknown().describe("Dodo's metadata, any license key in it masked"),
  created_at: instant,
  updated_at: instant,
  delivered_at: nullableInstant,
  revoked_at: nullableInstant,
  revocation_reason: z.string().nullable(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  oauth_url: z.string().nullable(),
  oauth_expires_at: nullableInstant,
  payment_id: z.string().nullable(),
  subscription_id: z.string().nullable(),
  license_key: z
    .strictObject({
      id: z.string().nullable(),
      key_last4: z.string(),
      status: z.string().nullable(),
      activations_used: z.number().int().nullable(),
      activations_limit: z.number().int().nullable(),
      expires_at: nullableInstant,
      key: z.string().optional().describe("Only with ?include=license_key (audited)"),
    })
    .nullable(),
  digital_product_delivery: z
    .strictObject({
      files: z.array(deliveredFileJsonSchema),
      instructions: z.string().nullable(),
      external_url: z.string().nullable(),
    })
    .nullable(),
  feature: z
    .strictObject({ feature_id: z.string(), feature_type: z.string().nullable() })
    .nullable(),
  snapshot_source: z.string(),
  events: z.array(grantEventJsonSchema).describe("Deliveries received, in arrival order"),
});

export const licenseKeyJsonSchema = z.strictObject({ key: z.string() }).meta({ id: "LicenseKey" });

export const grantChangesJsonSchema = z.strictObject({
  changed: z.number().int().describe("Grants changed since `since`, at most 10,000"),
  capped: z.boolean().describe("True when there are more than `changed`"),
});

export const statsJsonSchema = z.strictObject({
  grants: z.number().int(),
  delivered: z.number().int(),
  delivered_share: z.number().nullable(),
  pending_over_1h: z.number().int(),
  failed_24h: z.number().int(),
  failed_7d: z.number().int(),
  revoked_7d: z.number().int(),
  daily: z.strictObject({
    days: z.array(z.string().describe("YYYY-MM-DD")),
    created: z.array(z.number().int()),
    delivered: z.array(z.number().int()),
    failed: z.array(z.number().int()),
    revoked: z.array(z.number().int()),
  }),
  median_delivery_ms_by_integration: z
    .record(z.string(), z.number().int())
    .describe("Approximate, from a latency histogram"),
  median_delivery_ms_resolution_ratio: z.number(),
});

export type GrantListItemJson = z.infer<typeof grantListItemJsonSchema>;
export type GrantListJson = z.infer<typeof grantListJsonSchema>;
export type GrantJson = z.infer<typeof grantJsonSchema>;
export type GrantEventJson = z.infer<typeof grantEventJsonSchema>;
export type LicenseKeyJson = z.infer<typeof licenseKeyJsonSchema>;
export type GrantChangesJson = z.infer<typeof grantChangesJsonSchema>;
export type StatsJson = z.infer<typeof statsJsonSchema>;
