// The EntitlementGrant as Dodo sends it in `data`. Lenient where Dodo may grow (unknown fields are
// kept by looseObject, reasons / integration types / error codes are free strings), strict where
// meaning depends on it: the grant id, its status and updated_at decide what the grant is now.
import { z } from "zod";
import { isoToMicros } from "@/lib/time";
import { GRANT_STATUSES, type KnownGrantStatus } from "@/lib/grants/labels/status";

const instant = z.string().refine((value) => isoToMicros(value) !== null, {
  message: "must be an ISO 8601 timestamp with a time zone",
});

const optionalInstant = instant.nullish();
const optionalText = z.string().nullish();
const count = z.number().int().nonnegative();

/** Dodo sends "Delivered"; anything differing only in case means the same. */
const grantStatus = z.string().transform((value, ctx): KnownGrantStatus => {
  const known = GRANT_STATUSES.find((status) => status.toLowerCase() === value.toLowerCase());
  if (known) return known;
  ctx.addIssue({
    code: "custom",
    message: `unknown status "${value}" (expected ${GRANT_STATUSES.join(", ")})`,
  });
  return z.NEVER;
});

export const licenseKeySchema = z.looseObject({
  id: optionalText,
  key: z.string().min(1),
  status: optionalText,
  activations_used: count.nullish(),
  activations_limit: count.nullish(),
  expires_at: optionalInstant,
});

export const deliveredFileSchema = z.looseObject({
  file_id: z.string(),
  filename: z.string(),
  download_url: z.string(),
  expires_in: z.number().nullish(),
  content_type: optionalText,
  file_size: z.number().nullish(),
});

export const digitalDeliverySchema = z.looseObject({
  files: z.array(deliveredFileSchema).nullish(),
  instructions: optionalText,
  external_url: optionalText,
});

export const featureSchema = z.looseObject({
  feature_id: z.string(),
  feature_type: optionalText,
});

export const grantSnapshotSchema = z.looseObject({
  id: z.string().min(1),
  business_id: z.string().min(1),
  customer_id: z.string().min(1),
  entitlement_id: z.string().min(1),
  status: grantStatus,
  created_at: instant,
  updated_at: instant,
  brand_id: optionalText,
  integration_type: optionalText,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  delivered_at: optionalInstant,
  revoked_at: optionalInstant,
  revocation_reason: optionalText,
  error_code: optionalText,
  error_message: optionalText,
  oauth_url: optionalText,
  oauth_expires_at: optionalInstant,
  payment_id: optionalText,
  subscription_id: optionalText,
  license_key: licenseKeySchema.nullish(),
  digital_product_delivery: digitalDeliverySchema.nullish(),
  feature: featureSchema.nullish(),
});

export type GrantSnapshot = z.infer<typeof grantSnapshotSchema>;
